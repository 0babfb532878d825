//! Unit tests of who says each quote, one table row per error class of issue 17 (sentences
//! written for them, positive cases next to negative ones), and names that must not be speakers.

use super::*;

/// Who says each quote, per error class of issue 17: (class, body, quote words, speaker).
const WHO_SAID: &[(&str, &str, &str, Option<&str>)] = &[
    // A quote paragraph after reported speech goes on with its source, not an older speaker.
    ("verb_with_an_object_after_a_quote_answers_it", "Minister Tom Hart defended himself. \"It is a scandal,\" said opposition leader Ann Bell. \"The minister must go.\" Hart rejected that.", "The minister must go.", Some("Ann Bell")),
    ("she_after_a_mans_quote_with_no_woman_named", "\"We will win,\" Tom Hart said. One party member was less sure. \"I have my doubts,\" she said.", "I have my doubts,", None),
    ("place_before_a_title_gives_no_gender", "Virginia Gov. Terry Mahon signed the order on Friday.\n\n\"It is a historic day,\" she said.", "It is a historic day,", None),
    ("occupation_opening_a_sentence_before_a_name", "Rapper Wexley Soskin said he has a new album. \"It is my best work,\" he said.", "It is my best work,", Some("Wexley Soskin")),
    ("rugby_position_before_a_name", "Prop Julian Whyte is fit again. \"The scrum is strong,\" he told the paper.", "The scrum is strong,", Some("Julian Whyte")),
    ("person_with_a_post_before_the_company", "Satya Nadal, chief executive, said profits rose. The company will pay a dividend. \"It was a strong year,\" Nadal said.", "It was a strong year,", Some("Satya Nadal")),
    ("quote_then_the_assessment_of", "Tom Blakey spoke on Sunday.\n\n\"Voters like us more than members do,\" is the dry assessment of Graham Lorne, leader of the council group.", "Voters like us more than members do,", Some("Graham Lorne")),
    ("quote_after_another_persons_sentence", "Mayor Jon Tarry defended the plan. \"It works,\" he said. Councillor Karen Wong agreed.\n\n\"This is a disaster for the city.\"", "This is a disaster for the city.", Some("Karen Wong")),
    ("quote_after_a_sentence_about_someone_else_but_spoken_by_the_speaker", "\"Rates will stay low,\" Henry Kaufer said. Alan Greenway knows the economy well, Kaufer noted.\n\n\"He is a fine choice.\"", "He is a fine choice.", Some("Henry Kaufer")),
    ("quote_after_a_sentence_about_a_body", "\"Rates will stay low,\" Henry Kaufer said. Harbour Trading Corp raised its forecast.\n\n\"That is a fine choice.\"", "That is a fine choice.", Some("Henry Kaufer")),
    ("quote_after_reported_speech", "\"We cannot wait,\" Maria Fenwick said.\n\nJonas Pellerin told the paper how the scheme works. \"The boxes connect to a station.\"", "The boxes connect to a station.", Some("Jonas Pellerin")),
    ("quote_paragraph_after_reported_paragraph", "\"We cannot wait,\" Maria Fenwick said.\n\nJonas Pellerin said the scheme was simple.\n\n\"The boxes connect to a station.\"", "The boxes connect to a station.", Some("Jonas Pellerin")),
    ("unnamed_reported_ends_a_speaker", "\"We cannot wait,\" Maria Fenwick said.\n\nA spokesman said the scheme was simple. \"The boxes connect to a station.\"", "The boxes connect to a station.", None),
    ("quote_after_a_new_speakers_clause", "\"We cannot wait,\" Maria Fenwick said. \"It is late.\" Jonas Pellerin, who built the boxes, says the scheme is simple. \"The boxes connect to a station.\"", "The boxes connect to a station.", Some("Jonas Pellerin")),
    ("quote_before_a_sentence_end_not_for_a_later_verb", "Ana Lopes explained that crews switch radios off in \"certain waters\" to \"avoid attention. It can last days.\" Tom Reyes of Harbour Labs told the paper the radios were old.", "certain waters", Some("Ana Lopes")),
    ("court_and_service_posts_before_a_name", "The order was granted. Magistrate Lena Gilmour said the photographers had gone too far.", "the photographers had gone too far", Some("Lena Gilmour")),
    ("police_rank_abbreviated", "The road was closed. \"We are disappointed,\" said Const. Dana Berger of the police.", "We are disappointed,", Some("Dana Berger")),
    ("police_rank_unabbreviated_form", "\"The site is a risk,\" Det Supt Mick Deane said.", "The site is a risk,", Some("Mick Deane")),
    ("said_the_two_word_nationality", "Pete Jason spoke in Sydney. \"It will take a lot of lawyers,\" said the New Zealander.", "It will take a lot of lawyers,", Some("Pete Jason")),
    ("the_nationality_said", "Tomas Berg lost in four sets on Sunday. \"I had my chances,\" the Norwegian said.", "I had my chances,", Some("Tomas Berg")),
    ("nationality_modifying_a_noun_is_no_source", "\"We liked the sound,\" said Tom Meade. The name is also the Armenian term for \"butcher\".", "butcher", None),
    ("nationality_before_a_name", "\"It feels like home,\" said Swede Joakim Jonsson after the match.", "It feels like home,", Some("Joakim Jonsson")),
    ("said_the_nationality", "Tomas Berg lost in four sets on Sunday. \"I had my chances,\" said the Norwegian.", "I had my chances,", Some("Tomas Berg")),
    ("name_comma_body_said", "The conference will move north. Colin Marsh, Harbour Hotel Association said: \"We tried very hard to keep it.\"", "We tried very hard to keep it.", Some("Colin Marsh")),
    // A person before `of` speaks, not the body after it.
    ("person_of_town_and_state_without_closing_comma", "Stacy Barker of Columbia, South Carolina said she thinks Ted Cray can pull off a \"big win\" there.", "big win", Some("Stacy Barker")),
    ("group_led_by_person_of_town_and_state", "An investor group led by Robert Basse of Fort Worth, Texas said it owns 8.9 pct of the \"voting stock\" of the firm.", "voting stock", None),
    ("person_from_a_camp", "The session was halted. Rena Ipsley from the pro-Harbour camp said in a briefing: \"The behaviour of my colleagues is oppressive.\"", "The behaviour of my colleagues is oppressive.", Some("Rena Ipsley")),
    ("object_before_of_is_no_speaker", "A woman who has accused former President Bill Clint of fraud said on Sunday that \"he never called back.\"", "he never called back.", None),
    ("person_of_a_long_body_name", "The herd arrived on Friday. \"It will heal us,\" Kara Doyle of the Upper Valley tribal historic preservation office told those gathered.", "It will heal us,", Some("Kara Doyle")),
    ("person_of_body", "The ship went silent. \"It may have been switched off,\" Doug Marlow of Brightline Marine told the paper.", "It may have been switched off,", Some("Doug Marlow")),
    ("short_form_of_a_named_analyst_before_of", "Mira Quell, analyst for Dunmore Futures, said the sign-up was higher than expected.\n\nQuell of Dunmore Futures said she would trim her estimate.", "she would trim her estimate", Some("Mira Quell")),
    ("employer_after_a_comma_is_no_partner_of_a_firm", "Tony Oakes, Harbour Corp's finance director, said \"The company does not comment on rumours.\"", "The company does not comment on rumours.", Some("Tony Oakes")),
    // A pronoun after an unnamed person spoke is that person, unless someone is named between
    // or the genders clash (class 1: the quote went to the story's last named person).
    ("pronoun_after_unnamed_speaker", "Tom Hart spoke on Monday. A ministry spokesman said the reports were baseless. \"We will respond,\" he said.", "We will respond,", None),
    ("pronoun_after_unnamed_then_named", "Tom Hart spoke. A spokesman said the team won. Man-of-the-match Stephen Jones, who kicked three penalties, was ecstatic. \"It is a special moment,\" he said.", "It is a special moment,", Some("Stephen Jones")),
    ("pronoun_after_an_unnamed_subject_with_no_cue", "Tom Hart said the plan would work. \"It is a good plan,\" he said. But a spokesman for the Tories disagreed. \"It will fail,\" he said.", "It will fail,", None),
    ("pronoun_after_an_unnamed_subject_with_a_relative_clause", "Tom Hart said the plan would work. One MP, who asked not to be named, was less convinced. \"It will fail,\" he said.", "It will fail,", None),
    ("quote_after_an_unnamed_subject_with_no_cue", "Tom Hart said the plan would work. \"It is a good plan,\" he said. A Labour MP was less convinced.\n\n\"It will fail.\"", "It will fail.", None),
    ("pronoun_after_an_unnamed_subject_of_other_gender", "Tom Hart said the plan would work. A spokeswoman for the council disagreed. \"It will fail,\" he said.", "It will fail,", Some("Tom Hart")),
    ("pronoun_subject_of_the_reported_clause", "Tom Hart spoke on Monday. A neighbour, who lives nearby, said he was worried.", "he was worried", None),
    ("name_subject_of_the_reported_clause", "Treasury Secretary Tom Baker spoke. An official, who asked not to be identified, said Baker had urged him to stay.", "Baker had urged him to stay", None),
    ("aide_to_a_person", "Prime Minister Yoshi Nakamura spoke. A close aide to Nakamura said the tax would stay.", "the tax would stay", None),
    ("adding_that_after_a_quote", "\"It is too late,\" Tom Hart said, adding that the deal was dead.", "the deal was dead", Some("Tom Hart")),
    ("reported_clause_after_a_quote_ending_a_sentence", "\"They keep telling me to wait.\" Her lawyer, Mark Steyn, says the delay is unacceptable.", "the delay is unacceptable", Some("Mark Steyn")),
    ("abbreviated_corporal_before_a_name", "The road was closed. RCMP Cpl. Janine Shue said officers arrived at dawn.", "officers arrived at dawn", Some("Janine Shue")),
    ("pronoun_of_other_gender_than_unnamed", "Tom Hart spoke on Monday. A ministry spokeswoman said the reports were baseless. \"We will respond,\" he said.", "We will respond,", Some("Tom Hart")),
    ("pronoun_after_unnamed_of_a_body", "Tom Hart spoke on Monday. One dealer for a U.S.-based bank noted the dollar fell. \"They were negative,\" he said.", "They were negative,", None),
    ("pronoun_after_named_persons_post", "Tom Hart spoke on Monday. Sales will rise, Jim Fry, vice-president of Harbour Motors Corporation said. \"The low dollar helps us,\" he told a briefing.", "The low dollar helps us,", Some("Jim Fry")),
    ("passive_quoted_as_saying", "Arsene Wenz spoke later. \"I have no relations with him,\" Wenz is quoted as saying.", "I have no relations with him,", Some("Arsene Wenz")),
    ("said_the_post_of_a_named_person", "Harbour coach Mike Rudd was unhappy. \"We created more chances,\" said the coach.", "We created more chances,", Some("Mike Rudd")),
    ("said_the_spokesman_then_name", "Tom Hart was unhappy. \"We created more chances,\" said the spokesman, Hamid Ibrani.", "We created more chances,", Some("Hamid Ibrani")),
    ("long_role_word_opens_sentence", "The bridge was reopened. Broadcaster Piers Morrow commented, \"The guy is a chef.\"", "The guy is a chef.", Some("Piers Morrow")),
    ("day_after_a_noun_subject", "The council on Wednesday called for a halt to \"all contacts\" with the firm.", "all contacts", None),
    ("age_after_inverted_verb", "\"It has been a fantastic few weeks,\" said 20-year-old politics student Nick Vale.", "It has been a fantastic few weeks,", Some("Nick Vale")),
    ("role_that_is_also_a_paper", "\"Demand has fallen back,\" Harbourside economist Philip Shore said.", "Demand has fallen back,", Some("Philip Shore")),
    ("body_named_after_its_kind", "\"Demand has fallen back,\" the firm Harbour Wellman said. Harbour Wellman makes beryllium.", "Demand has fallen back,", None),
    ("person_of_lower_case_body", "\"That is the plan,\" Ruth Collin of Essex police, the force responsible for the airport, said.", "That is the plan,", Some("Ruth Collin")),
    ("person_of_the_office", "\"It will heal us,\" Crystal Bearing of the tribal preservation office told those gathered.", "It will heal us,", Some("Crystal Bearing")),
    ("spokesman_for_person_of_body", "\"That is the plan,\" a spokesman for John Smith of the county council said.", "That is the plan,", None),
    ("web_address_no_sentence_end", "Museum director Ana Lopes, in remarks to news.example.org, said, \"The roof will hold.\"", "The roof will hold.", Some("Ana Lopes")),
    ("one_name_after_role", "A teacher named Okafor said, \"We never close the school.\"", "We never close the school.", Some("Okafor")),
    ("one_name_after_role_pronoun", "Porto midfielder Deco, formerly at Benfica, agreed with the coach. \"It was not normal,\" he said.", "It was not normal,", Some("Deco")),
    ("with_name_participle", "Work stopped, with Ivan Petrov describing the \"grave risk\" to crews.", "grave risk", Some("Ivan Petrov")),
    ("possessive_role_name", "Smiths' lawyer Gregor Ionescu described the ruling as \"not unexpected\" but told the court he would appeal.", "not unexpected", Some("Gregor Ionescu")),
    ("particle_surname_after_full_name", "Gloria La Mesa spoke first. La Mesa said the plan was \"a disgrace.\"", "a disgrace.", Some("Gloria La Mesa")),
    ("particle_inside_name", "Assistant coach Henk Ten Bosch has branded the complaint as \"pathetic\".", "pathetic", Some("Henk Ten Bosch")),
    ("aside_cue_does_not_take_quote", "Committee chair Maria Olsen commented on the vote \u{2014} which the paper noted as rare \u{2014} \"It is plainly wrong.\"", "It is plainly wrong.", Some("Maria Olsen")),
    ("role_of_body_without_closing_comma", "The rules changed. Mary Stenholm, head of policy at health charity the Harbour Trust said the plan was unfair. \"It would drive people away,\" she said.", "It would drive people away,", Some("Mary Stenholm")),
    ("possessive_statement_is_object", "Chancellor Ivo Brandt rejected Lena Morel's statement: \"The proposal ignores the region.\"", "The proposal ignores the region.", Some("Ivo Brandt")),
    ("org_then_title_name", "House of Delegates Speaker Tom Reyes said: \"We will sit late.\"", "We will sit late.", Some("Tom Reyes")),
    ("cue_deep_in_next_sentence", "Mr Varga says the kit is cheap. \"The lessons come in three parts.\" The charity is planning to include video and add more lessons.\nPeter Varga runs the charity.", "The lessons come in three parts.", Some("Peter Varga")),
    ("participle_after_said_takes_its_source", "Northern Trade\u{2013}Export Bank president Okar Olamide said the levy \"costs the region $5 billion,\" further saying, \"It also cuts trade.\"", "It also cuts trade.", Some("Okar Olamide")),
    ("quote_ends_before_new_clause", "\"The film has it won,\" added Mr Berg. \"Voters follow their hearts.\" And Mr Hale said the actors were close.\nPaul Berg and Jim Hale are critics.", "Voters follow their hearts.", Some("Paul Berg")),
    // A description as the subject (class 4): a person noun its own clause's pronoun shows to be
    // a person, a role the article gave a name, an age after the one who spoke.
    ("description_with_own_pronoun", "Singer Anna Marsh announced a farewell tour. The pop star said it would be \"a quieter life\" and called her old songs \"finished\".", "a quieter life", Some("Anna Marsh")),
    ("description_role_given_to_a_name", "Actor Tom Reyes met the writer Ann Bell. The 60-year-old actor said the script was \"very strong\".", "very strong", Some("Tom Reyes")),
    ("age_description_after_a_speaker", "\"We need more money,\" Omar Lind said. \"It's a huge market,\" the 47-year-old director said.", "It's a huge market,", Some("Omar Lind")),
    ("age_description_in_reported_speech", "\"We need money,\" Omar Lind said. He spoke about Tom Reyes. The 40-year-old comic said the show would run late.", "the show would run late", None),
    ("description_introduced_unnamed", "Omar Lind runs the bank. A Western banker said rates would fall. The banker said he was \"more comfortable\" now.", "more comfortable", None),
    ("description_of_the_other_gender", "Omar Lind won the race. The champion said her legs were \"gone\" by the end.", "gone", None),
    // Words before a role choose among the people given it; a description that names no post
    // goes to the person the passage is about (class 1 and 4).
    ("role_words_choose_among_posts", "Finance Minister Wang Lee spoke first. Foreign Minister Chen Bo spoke next. \"Growth is strong,\" the finance minister said.", "Growth is strong,", Some("Wang Lee")),
    ("role_words_no_one_was_given", "Finance Minister Wang Lee spoke first. Foreign Minister Chen Bo spoke next. \"Growth is strong,\" the trade minister said.", "Growth is strong,", None),
    ("role_words_some_near_the_name", "Senate Minority Leader Harry Rood (D-Nev.) met House Majority Leader Kevin Mack (R-Calif.) on Monday. \"We will settle,\" the Senate Democratic leader said.", "We will settle,", Some("Harry Rood")),
    ("description_of_an_opening_name_after_an_adverb", "However, Mr Jonson, who edits the magazine, said Mr Blaire should stay out. \"It is a dispute,\" the Spectator editor told the radio.", "It is a dispute,", Some("Jonson")),
    ("party_description_after_a_legislator", "Committee chairman Sen. Paul Sarbin said the outlook was weak.\n\n\"We are skating on thin ice,\" the Maryland Democrat said.", "We are skating on thin ice,", Some("Paul Sarbin")),
    ("party_description_not_the_one_he_spoke_of", "House Speaker James Wrighton said President Reagan should act. \"There is no other way,\" the Texas Democrat told reporters.", "There is no other way,", Some("James Wrighton")),
    ("party_description_of_the_other_party", "Sen. Lloyd Benton (D-Texas) opposed the bill. \"It is a bad bill,\" the Ohio Republican told reporters.", "It is a bad bill,", None),
    ("abbreviated_title_gives_the_role", "Sen. Jake Garner chastised the committee on Monday. \"It is time to act,\" the senator said.", "It is time to act,", Some("Jake Garner")),
    ("abbreviated_title_not_for_another_subject", "Sen. Bernard Sanderson spoke in Iowa. Marco Rubin sought to rally volunteers in Manchester. \"We are closing strong,\" the senator said.", "We are closing strong,", None),
    ("surname_also_a_lower_case_word", "He is a young man with a big future, said the coach. The claim was backed by former prop Dai Young.\n\n\"He has been on an upward curve,\" Young told the radio.", "He has been on an upward curve,", Some("Dai Young")),
    ("portfolio_after_minister_of", "Minister of Information Moammar Aryani said the bomb had been placed on a motorcycle.", "the bomb had been placed on a motorcycle", Some("Moammar Aryani")),
    ("quoted_as_saying_past_an_appositive", "The paper quoted Tim Mannering, formerly a deputy administrator at the agency, as saying \"The agency has a role in the response.\"", "The agency has a role in the response.", Some("Tim Mannering")),
    ("place_half_in_a_name", "\"There is interest,\" said Tan Kong Yam, head of policy at the university.", "There is interest,", Some("Tan Kong Yam")),
    ("role_words_describe_the_only_holder", "Agriculture Secretary Rob Lyle spoke on Monday. \"Prices are low,\" the farm secretary said.", "Prices are low,", Some("Rob Lyle")),
    ("said_the_two_word_post", "Prime Minister Tom Reyes visited Leeds. Mark Hale attacked him. \"We will win,\" said the prime minister.", "We will win,", Some("Tom Reyes")),
    ("said_the_two_word_post_no_one_was_given", "Finance Minister Wang Lee visited Leeds. \"We will win,\" said the prime minister.", "We will win,", None),
    ("said_the_description_of_the_passage_subject", "\"I touched it down,\" Josh Lowry said. Mark Cuesta was also puzzled by referee Jon Kaplan. \"I was behind the ball,\" said the Sale player.", "I was behind the ball,", Some("Mark Cuesta")),
    ("said_the_description_not_the_possessor", "Man-of-the-match Dan Duffy missed late on. He took Steve Finch's cross and hit the bar. \"I lost it in the lights,\" said the Chelsea star.", "I lost it in the lights,", Some("Dan Duffy")),
    ("said_the_description_introduced_unnamed", "Mark Cuesta scored twice. A Sale player was hurt in the first half. \"It was a hard game,\" said the Sale player.", "It was a hard game,", None),
    ("said_the_description_of_other_gender", "Mark Cuesta won the race. \"It was a hard race,\" said the actress.", "It was a hard race,", None),
    ("description_before_its_verb", "Mark Cuesta was puzzled by referee Jon Kaplan. \"I was behind the ball,\" the Sale player said.", "I was behind the ball,", Some("Mark Cuesta")),
    ("description_of_the_subject_before_a_verb", "Even though the Fed chief joined James Bakewell in talks, Paul Volkov was worried. The central banker said reform would be a \"struggle\".", "struggle", Some("Paul Volkov")),
    ("description_after_a_sentence_led_by_a_pronoun", "Rick Dunmore is ready to stay at City. He was once threatened with the sack by City boss Kevin Keel but has improved. Talks have begun and the defender said: \"I want to stay.\"", "I want to stay.", Some("Rick Dunmore")),
    ("plural_description_is_no_one", "Trade Commissioner Willy Declerc wrote to Washington. The ministers said they were \"very disturbed\" by the moves.", "very disturbed", None),
    // A run of role words before a known given name is the name's role (class 3).
    ("role_run_before_given_name", "\"We will sit late,\" said Senate Minority Whip Dick Farrow.", "We will sit late,", Some("Dick Farrow")),
    ("hyphenated_role_before_given_name", "Man-of-the-match Stephen Vale kicked three penalties. \"It's just a special moment,\" he said.", "It's just a special moment,", Some("Stephen Vale")),
    // Appositives (class 4): past a party-and-state bracket, with a relative clause inside
    // (whose verb and name are not the subject's), or unclosed after `who is`.
    ("bracket_comma_said", "Gov. Tom Reyes (R-OH), said, \"We will win.\"", "We will win.", Some("Tom Reyes")),
    ("bracket_relative_said", "Sen. Ann Cole (D-Mo.), who has endorsed Reyes, said he was a \"stronger\" candidate now.", "stronger", Some("Ann Cole")),
    ("relative_inside_appositive", "Zeke Marlow, an oncologist who advised Ann Cole, said the plan was \"a success.\"", "a success.", Some("Zeke Marlow")),
    ("unclosed_who_is_role", "\"The plan says different things,\" Katie Marlow, who is chairman of the group said.", "The plan says different things,", Some("Katie Marlow")),
    ("noun_after_preposition", "Ann Cole said the secretary of state was a \"stronger\" candidate.", "stronger", Some("Ann Cole")),
    // A quote inside what a named speaker's verb reports is theirs when the verb nearer to it
    // has no one speaking (`the movement appeals to`), not when it has (`the police said`), nor
    // for a term modifying a noun.
    ("quote_inside_reported_clause", "Senator Ann Cole says the movement that is sweeping the country appeals to the \"bad angels\" of human nature.", "bad angels", Some("Ann Cole")),
    ("quote_of_a_source_inside_reported_clause", "Tom Reyes said the police had said ID cards could \"help them foil a plot\".", "help them foil a plot", None),
    ("term_inside_reported_clause", "Ann Cole said the issue of \"B\" shares appeals to nobody.", "B", None),
    ("role_shaped_word_before_given_name", "Filmmaker Jack Marlow said, \"As a conservative you would be weeded out.\"", "As a conservative you would be weeded out.", Some("Jack Marlow")),
    ("title_of_the_body_before_name", "U.K. Chancellor of the Exchequer Tom Harlow has told reporters that the talks are \"a matter for the banks\".\n\nHarlow said rates would not change.", "a matter for the banks", Some("Tom Harlow")),
    ("inner_surname_of_a_long_name", "Julio Cesar Marlo Reyes led the talks.\n\nMarlo said the deal was \"done\" on Monday.", "done", Some("Julio Cesar Marlo Reyes")),
    ("inner_word_not_when_a_name_ends_with_it", "Tom Marlo Image won. Ann Marlo lost.\n\nMarlo said the deal was \"done\" on Monday.", "done", Some("Ann Marlo")),
    ("hyphenated_role_word", "Co-author Jing-Shan Marlow said the study was \"a first.\"", "a first.", Some("Jing-Shan Marlow")),
    ("hyphenated_given_name_stays", "Pei-yuan Marlow said the bank was \"sound.\"", "sound.", Some("Pei-yuan Marlow")),
    ("adverb_after_but", "Rep. Tom Reyes used to support Ann Cole, but now said she had \"the chance to unite us.\"", "the chance to unite us.", Some("Tom Reyes")),
    ("when_asked_clause", "Tom Reyes, when asked what was wrong with the plan, responded that it \"is right about the problems.\"", "is right about the problems.", Some("Tom Reyes")),
    ("participle_then_plural_noun", "Tom Reyes said the bill can be \"the best of both worlds,\" giving states more power.", "the best of both worlds,", Some("Tom Reyes")),
    // A verb's `-s` form read as a plural noun steals no quote (class 4).
    ("plural_noun_after_number", "Judge Ann Cole said they had \"accepted the blame\" by pleading guilty to nine felony charges and \"spared the victims a trial.\"", "spared the victims a trial.", Some("Ann Cole")),
    ("plural_noun_after_verb", "\"We will not pay,\" Ann Cole said. Tom Reyes rejected calls for a \"windfall tax\" on profits.", "windfall tax", Some("Tom Reyes")),
    // Given names beyond the gender lists mark where a name starts (class 3); a post of a body
    // runs into its holder's name.
    ("role_shaped_word_before_census_given_name", "Oncologist Todd Baxter said the trial \"worked well\".", "worked well", Some("Todd Baxter")),
    ("post_of_a_body_then_holder", "Exports will \"grow strongly\", chairman of the Export Promotion Council Paul Sarji said.", "grow strongly", Some("Paul Sarji")),
    // A list of people as the subject: all speak (the quote goes to the first).
    ("list_of_three_speak", "Senator Jake Gunn, John Hale and Richard Sell said they will \"ban the imports\".", "ban the imports", Some("Jake Gunn")),
    ("list_with_bodies_and_each", "Anna Sheets, Aaron Hamm of the Center for Science, and Tom Lee each asked the candidates about \"the debt\".", "the debt", Some("Anna Sheets")),
    ("serial_comma_is_no_pair", "Tom Lee took charge of his first match since replacing Mark Hughes, and Ryan Gale said: \"I am ready.\"", "I am ready.", Some("Ryan Gale")),
    // A verb right after a quote that ends a sentence takes it when what follows the verb only
    // says to whom and where (class 1: the older voice kept it).
    ("quote_then_told_addressee_and_place", "\"We cannot wait,\" Ann Bell said. \"Will it work, who knows?\" Tom Hart told the BBC station in an interview aired on Monday.", "Will it work, who knows?", Some("Tom Hart")),
    ("quote_then_verb_with_own_clause", "\"We cannot wait,\" Ann Bell said. \"It is over now.\" Tom Hart had said before the game he would leave.", "It is over now.", Some("Ann Bell")),
    ("quote_then_asked_not_to_be_named", "\"We cannot wait,\" Ann Bell said. \"It is over now.\" Tom Hart asked not to be named.", "It is over now.", Some("Ann Bell")),
    // A day between the subject and its verb (class 4).
    ("postnominal_letters_after_name", "The inquiry sat on Monday. Jane Morrow QC said the men were \"held without charge\".", "held without charge", Some("Jane Morrow")),
    ("postnominal_letters_before_inverted_comma", "\"We will fight this all the way,\" said Tom Harlow MP, the member for the town.", "We will fight this all the way,", Some("Tom Harlow")),
    ("place_surname_of_a_named_person", "Rafter beat Patrick Washington in 50 minutes. \"I never had a chance,\" said Washington.", "I never had a chance,", Some("Patrick Washington")),
    ("place_without_such_a_person", "Rafter beat Patrick Smith in 50 minutes. \"Talks are over,\" Washington said.", "Talks are over,", None),
    ("inverted_post_of_place_then_holder", "\"The bravery of the crews is incredible,\" tweeted Mayor of Eastport Sadie Kahn.", "The bravery of the crews is incredible,", Some("Sadie Kahn")),
    ("inverted_post_of_body_then_holder", "\"We will sit late,\" said Director of National Harbour Intelligence John Ratley.", "We will sit late,", Some("John Ratley")),
    ("inverted_post_of_place_without_holder", "Tom Reyes left early. \"We will sit late,\" said Secretary of State.", "We will sit late,", None),
    ("person_of_a_places_body", "Police made arrests. Nikki Hollis of the UK's National Crime Agency said, \"Offenders cannot hide.\"", "Offenders cannot hide.", Some("Nikki Hollis")),
    ("short_form_of_a_full_name_opens_paragraph", "Newcastle want striker Fernando Moribantes.\n\nMoribantes said: \"I like the club.\"", "I like the club.", Some("Fernando Moribantes")),
    ("speech_noun_after_a_verb_cue", "\"I was in shock,\" Craig Bellamy said. \"He is lying,\" he said in response to remarks by Graeme Souness. \"I won't apologise,\" he told the paper.", "I won't apologise,", Some("Craig Bellamy")),
    ("possessive_apostrophe_after_s", "\"I was in shock,\" Craig Bellamy said. \"He is lying,\" he said in response to Graeme Souness' remarks. \"I won't apologise,\" he told the paper.", "I won't apologise,", Some("Craig Bellamy")),
    ("possessive_opener_is_the_topic", "Joss Stone won two prizes. \"I don't know what to say,\" Stone said.\n\nComedians Matt Lucas and David Walls presented the prize to Robbie Williams dressed as his old colleagues Gary Barlow and Howard Donald.\n\nWilliams's track beat songs by Will Young and Kate Bush in a vote. It is his 15th award, having already received ten. He told the audience: \"I am just amazed.\"", "I am just amazed.", Some("Robbie Williams")),
    ("plural_role_before_names", "Comedians Matt Lucas and David Walls presented the prize. \"I am just amazed,\" Lucas said.", "I am just amazed,", Some("Matt Lucas")),
    ("quote_before_a_cue_with_its_own_quote", "Vera Zonova lost to Svetlana Kuzina. \"Sometimes not everything works,\" she said. \"It was lots of pressure. But I was fighting.\" Maria Sharova said: \"In Beijing, she was unstoppable.\"", "It was lots of pressure. But I was fighting.", Some("Vera Zonova")),
    ("age_alone_as_subject", "Graham Stuart scored twice on Monday. \"It was a very easy decision to make,\" the 34-year-old told the website.", "It was a very easy decision to make,", Some("Graham Stuart")),
    ("inverted_body_post_then_name", "\"We are comfortable with the price,\" said Harbour Chartered chief executive Mervyn Dale at a press conference.", "We are comfortable with the price,", Some("Mervyn Dale")),
    ("inverted_paper_possessive_then_name", "\"This is the year of the film,\" said the Observer's Philip Frame.", "This is the year of the film,", Some("Philip Frame")),
    ("inverted_verb_reports_the_clause_before", "Sales will rise sharply next year, said Stuart Hensler of the Harbour Intelligence Unit.", "Sales will rise sharply next year", Some("Stuart Hensler")),
    ("inverted_unnamed_reports_the_clause_before", "The dollar fell sharply on Monday, said a spokesman for the company.", "The dollar fell sharply on Monday", None),
    ("bracketed_full_stop_ends_the_quote", "Harbour Center for Health Security anthropologist Jane Orr told the press in a separate interview, \"People were blamed whatever the science may say[.]\" As of Tuesday there had been reports of people avoiding travellers.", "People were blamed whatever the science may say[.]", Some("Jane Orr")),
    ("clause_before_a_final_subject", "The two sides have agreed to end the war, Foreign Minister Rashid Nuam said today.", "The two sides have agreed to end the war", Some("Rashid Nuam")),
    ("quote_paragraph_after_a_final_subject", "The two sides have agreed to end the war, Foreign Minister Rashid Nuam said today.\n\n\"We agreed during the talks to end the war.\"", "We agreed during the talks to end the war.", Some("Rashid Nuam")),
    ("dateline_before_a_final_subject", "TOKYO, March 30 - Vehicle exports fell 8 pct in February, the ministry said.", "Vehicle exports fell 8 pct in February", None),
    ("said_the_body_post", "Lions coach Clive Woodmore named his squad. Wales coach Mike Rudd was pleased. \"Their pack is awesome,\" said the Lions coach.", "Their pack is awesome,", Some("Clive Woodmore")),
    ("said_the_body_post_no_one_had", "Wales coach Mike Rudd was pleased. \"Their pack is awesome,\" said the Lions coach.", "Their pack is awesome,", None),
    ("ticker_inside_an_appositive", "\"Prices have turned,\" Charles Siess Jr, vice chairman of Marathon Manufacturing Co, a subsidiary of Harbour Corp <HBR>, and chairman of the association, said.", "Prices have turned,", Some("Charles Siess Jr")),
    ("day_and_night_between_subject_and_verb", "Tom Reyes on Tuesday night told reporters the plan was \"dead\".", "dead", Some("Tom Reyes")),
    // A group's words with the people it includes listed (class 4): the people speak, the words
    // stay the group's.
    ("group_including_people_keeps_its_quote", "Forty retired judges, including former justices Ada Quill, Omar Lind, and Peter Varga, signed a letter saying the bill \"breaks the constitution.\"", "breaks the constitution.", None),
    ("group_including_people_said", "Three mayors, including Ada Quill and Omar Lind, said the plan was \"a mistake\".", "a mistake", None),
    ("participle_after_preposition_in_relative_clause", "The show echoed comedian Dan Rooke, who caused a storm for calling award shows \"idiotic\".", "idiotic", Some("Dan Rooke")),
    ("adjective_participle_in_relative_clause", "Coach Gary Sone praised Luc Robin, who was at the heart of the attacking play. \"He did really well,\" he said.", "He did really well,", Some("Gary Sone")),
    // A body described by a participle speaks itself (class 2).
    ("said_the_capitalised_title_then_name", "\"Harbourton is a fine city,\" said the Reverend Adam Rudge.", "Harbourton is a fine city,", Some("Adam Rudge")),
    ("web_address_in_capitals_in_appositive", "Tom Hale, editor of fansite Halo.Harbour.Org, said: \"It is all fine now.\"", "It is all fine now.", Some("Tom Hale")),
    ("title_then_name_ending_in_a_place_word", "Actor Denzel Boston stated \"He was a gentle soul.\"", "He was a gentle soul.", Some("Denzel Boston")),
    ("who_after_an_appositive", "The study was led by Mark Hale, a marine ecologist at the institute, who said \"There is a lot of argument now.\"", "There is a lot of argument now.", Some("Mark Hale")),
    ("who_after_a_post_given_a_name", "The rocket fell into the sea, according to Kenji Morita, Japan's chief cabinet secretary, who said it had \"landed outside the zone\".", "landed outside the zone", Some("Kenji Morita")),
    ("who_after_a_plural_of_a_name", "The court heard an apology from Tom Fields, and requests from Tom Fields' lawyers, who argued \"his history of illness\" mattered.", "his history of illness", None),
    ("according_to_a_speech_noun_by_a_name", "\"The airline carries weapons,\" according to a tweet on Monday by Foreign Minister Tom Hale.", "The airline carries weapons,", Some("Tom Hale")),
    ("according_to_a_report_by_a_body", "\"Prices will rise,\" according to a report by the central bank.", "Prices will rise,", None),
    ("inverted_body_with_commas_then_post_and_name", "\"Stocks were sold late,\" said Harlow, Brandt and Vance Inc analyst Walt Marcus.", "Stocks were sold late,", Some("Walt Marcus")),
    ("person_of_a_bodys_possessive_body", "\"They link unrelated issues,\" Shu Takemura of the Foreign Ministry's North Harbour Division told reporters.", "They link unrelated issues,", Some("Shu Takemura")),
    ("referred_to_as_a_quote", "At a rally in Ohio, Tom Hale referred to the hecklers as \"ugly folks.\"", "ugly folks.", Some("Tom Hale")),
    ("relative_object_referred_to_as", "Ann Bell criticised the vote, which Tom Hale has referred to as \"a stunt\".", "a stunt", Some("Tom Hale")),
    ("and_then_a_medium_before_the_cue", "Tom Hale called the probe a \"witch hunt\", and on Twitter referred to the vote as \"The Big Hoax\".", "The Big Hoax", Some("Tom Hale")),
    ("typographic_and_straight_apostrophes_one_name", "Commissioner James O\u{2019}Neal spoke. \"The cause is not known,\" said O'Neal.", "The cause is not known,", Some("James O\u{2019}Neal")),
    ("unclosed_appositive_body_then_role", "Bert Bozley, HTC president and conservative activist said: \"The channel sells sex to kids.\"", "The channel sells sex to kids.", Some("Bert Bozley")),
    ("unclosed_appositive_body_then_post", "\"We are encouraged by the board,\" Armand Falco, OFHA director said.", "We are encouraged by the board,", Some("Armand Falco")),
    ("indicate_a_bare_clause_past_a_day", "Health Minister Vera Skorova indicated on Monday the chances of finding survivors were diminishing.", "the chances of finding survivors were diminishing", Some("Vera Skorova")),
    ("swore_in_court_that", "Tom Hale swore in court that he \"never took the money\".", "never took the money", Some("Tom Hale")),
    ("observe_next_to_a_quote", "\"The market will turn,\" observed analyst Tom Brant.", "The market will turn,", Some("Tom Brant")),
    ("body_headed_by_a_person", "The commission, headed by former senator John Towne, said the policy was \"unprofessional\".", "unprofessional", None),
    // `According to X,` opening the next sentence cites for what follows it; `It added: "..."`
    // keeps its quote, unnamed (class 1).
    ("according_to_opens_next_sentence", "Jon Crane said the report was \"not part of any campaign.\" According to the Post, officials were warned.", "not part of any campaign.", Some("Jon Crane")),
    ("according_to_after_the_quote", "\"The ship is lost,\" according to captain Jon Crane.", "The ship is lost,", Some("Jon Crane")),
    ("it_added_keeps_the_quote", "Jon Crane spoke first. The Harbour Board said no. It added: \"Partners must be chosen with care.\"", "Partners must be chosen with care.", None),
    // Role words before the name: several after a possessive, a verb's form used as a noun's
    // modifier, a post of a body whose holder has no known given name (class 3).
    ("role_words_after_possessive", "\"I lost a friend,\" writes Huber's longtime tag team partner Erick Rowan on the site.", "I lost a friend,", Some("Erick Rowan")),
    ("verb_form_as_role_modifier", "\"It is incredible,\" said state archivist Jody Norman.", "It is incredible,", Some("Jody Norman")),
    ("post_of_body_then_holder", "\"It cannot change the facts,\" Harbour director of Amnesty International Man-kei Tam said.", "It cannot change the facts,", Some("Man-kei Tam")),
    // A one-word name the article never completes is a person when its own clauses say so
    // (`Parrow claims he`), not when they say `it` or the name is part of a phrase (class 4).
    ("one_name_person", "But Parrow, speaking to the radio, also admits the player will decide. Parrow claims he will not sell. \"We will not sell him,\" Parrow explained. \"He is the future,\" he said.", "He is the future,", Some("Parrow")),
    ("one_name_body", "Brightline said he would cut jobs. Brightline said it would close. \"We have no choice,\" Brightline said.", "We have no choice,", None),
    ("verb_opening_a_list_line", "Her record:\n\nKeeps saying she opposed the war. \"I opposed it,\" Keeps said.", "I opposed it,", None),
    ("one_name_inside_a_phrase", "A columnist for the news site Pandow said he was ashamed. \"We are ashamed,\" Pandow said.", "We are ashamed,", None),
    ("description_with_and_before_name", "\"It is a lot easier being the champion,\" said former Olympian and Harbour FM pundit Steve Crane.", "It is a lot easier being the champion,", Some("Steve Crane")),
    ("body_with_and_possessive_before_name", "\"Interest could grow,\" added Ernst and Yorke's Sanjay Mehra.", "Interest could grow,", Some("Sanjay Mehra")),
    // A person's own statement speaks for them; one only asked about, or a club's, does not.
    ("persons_statement_said", "Carlo Tanzio wrote to the court. \"I apologise to all,\" Mr Tanzio's statement said.", "I apologise to all,", Some("Carlo Tanzio")),
    ("asked_about_persons_comments", "Sir Ivo Blake warned of attacks. Asked about Sir Ivo's comments, the prime minister's spokesman said: \"We believe the threat is real.\"", "We believe the threat is real.", None),
    ("clubs_statement_said", "Harbourside sacked the striker. \"Any player who takes drugs breaches his contract,\" Harbourside's statement said.", "Any player who takes drugs breaches his contract,", None),
    ("report_made_public_is_a_noun", "\"This is incompetence,\" Stephen Hessel told the paper in commenting on the Tower report made public today.\n\n\"It is as if he went before a board.\"", "It is as if he went before a board.", Some("Stephen Hessel")),
    ("figure_slash_inside_appositive", "Chancellor Nigel Lawton, presenting his budget for fiscal 1987/88 to Parliament, said U.K. Economic growth was forecast at three pct.", "U.K. Economic growth was forecast at three pct", Some("Nigel Lawton")),
    ("post_of_lower_case_body_then_holder", "Offering his condolence, speaker of the parliament Ali Larizani wrote online: \"His years were served well.\"", "His years were served well.", Some("Ali Larizani")),
    ("will_as_given_name", "\"We played well,\" said England centre Will Grainger.", "We played well,", Some("Will Grainger")),
    ("party_abbreviation_before_name", "\"It is a dumpsite,\" Lib Dem Norman Baxter said.", "It is a dumpsite,", Some("Norman Baxter")),
    ("research_fellow_appositive", "\"It is a civic commons,\" Tom Davis, senior research fellow at the Harbour Institute told the website.", "It is a civic commons,", Some("Tom Davis")),
    // A short form of a person's name: the full name's post decides, and an owner is no body.
    ("short_form_of_a_person_with_a_post", "\"We will appeal the ruling,\" said Ilyse Brague, president of the Harbour Tenants Union.\n\nThe board met on Monday.\n\nBrague said tenants had been \"treated unfairly\" by the board.", "treated unfairly", Some("Ilyse Brague")),
    ("owner_before_a_body_is_no_body", "Marc Lasko runs a fund. Lasko's Avenue Capital Group hired her. \"She is moving,\" Lasko told the paper.", "She is moving,", Some("Marc Lasko")),
    ("title_case_legal_form_is_a_name", "Asa Kharif, an organizer with the group, said the protesters wanted \"a real say\".", "a real say", Some("Asa Kharif")),
    ("as_is_no_legal_form", "Donald Trent spoke. But even as Trent claimed that \"Petraeus got in trouble,\" a prosecutor disagreed.", "Petraeus got in trouble,", Some("Donald Trent")),
    ("subject_noun_before_was_is_no_cue", "Demand was strong, said fund manager Ron Paige.", "Demand was strong", Some("Ron Paige")),
    // A cue that reports nothing itself announces the next quote (class 1: it went to the
    // previous speaker, or was dropped).
    ("cue_reporting_nothing_then_quote", "\"We will win,\" said Bob Marlow, the mayor.\n\nSam Lau, the party's spokesman, said in a statement. \"There are no ballots to recount.\"", "There are no ballots to recount.", Some("Sam Lau")),
    ("cue_paragraph_then_quote_paragraph", "\"We will win,\" said Bob Marlow, the mayor.\n\nSam Lau responded in a statement.\n\n\"There are no ballots to recount.\"", "There are no ballots to recount.", Some("Sam Lau")),
    // A main clause's colon quotes its own subject, not a cue in the fronted clause (class 1).
    ("colon_after_fronted_clause", "When Dan Trask suggested that the port would sue, Mara Ruiz fired back: \"If they sue us, they lose.\"", "If they sue us, they lose.", Some("Mara Ruiz")),
    ("retort_with_a_comma", "Tom Hart called the plan a disaster. Ann Bell hit back, \"He has no plan of his own.\"", "He has no plan of his own.", Some("Ann Bell")),
    ("colon_after_but_clause", "Dan Trask said the port would sue, but Mara Ruiz hit back: \"If they sue us, they lose.\"", "If they sue us, they lose.", Some("Mara Ruiz")),
    ("colon_before_a_quote_with_a_later_cue", "\"We will win,\" said Tom Hart. Ann Bell, his deputy, disagreed: \"We will lose.\" \"She is wrong,\" Hart added.", "We will lose.", Some("Ann Bell")),
    ("later_cue_after_a_colon_quote_keeps_its_quote", "\"We will win,\" said Tom Hart. Ann Bell, his deputy, disagreed: \"We will lose.\" \"She is wrong,\" Hart added.", "She is wrong,", Some("Tom Hart")),
    ("pronoun_after_a_colon_quote_and_a_later_speaker", "Green MP Sara Tate, the newest member to be elected, told researchers: \"It is a club. \"It feels like a school.\" Prof Jo Lomax, who led the study, said she was shocked. \"We expected some of this.\" But she said things had changed.", "things had changed", Some("Jo Lomax")),
    ("colon_quote_before_the_next_sentences_pronoun", "Mayor Ann Hart addressed the public: \"We are ready for the storm.\" He said the guard was on call.", "We are ready for the storm.", Some("Ann Hart")),
    ("colon_quote_before_the_next_sentences_cue", "Governor Tom Hart addressed the public: \"No one should take this storm lightly.\" Mayor Ann Bell said the roads were closed.", "No one should take this storm lightly.", Some("Tom Hart")),
    // A month that is someone's surname is their name on its own too, outside a date (class 4).
    ("month_surname_on_its_own", "Party leader Helen May said the deal was good. Tom Hart disagreed.\n\n\"It is the best deal,\" May said.", "It is the best deal,", Some("Helen May")),
    ("month_surname_after_a_courtesy_title", "Helen May spoke in Leeds. Tom Hart was in London. Mrs May said the deal was good.", "the deal was good", Some("Helen May")),
    ("month_surname_in_a_date", "Helen May spoke in Leeds. The vote will be in May, Tom Hart said.", "The vote will be in May", Some("Tom Hart")),
    // An inverted verb right after a quote that ends a sentence: its words are its source (class 4).
    ("inverted_verb_after_an_exclamation", "Tom Hart won the rally in Kenya. \"It is not bad for an old man!\" said the 41-year-old driver.", "It is not bad for an old man!", Some("Tom Hart")),
    ("inverted_verb_on_a_line_of_its_own", "Tom Hart won the rally in Kenya. Hart has set a fast pace.\n\"It is not bad for an old man!\"\nsaid the 41-year-old driver.", "It is not bad for an old man!", Some("Tom Hart")),
    ("inverted_verb_after_a_later_quote_keeps_its_own", "\"Jobs grew,\" said Ann Bell of Harbour Bank. \"It is not a boom.\" \"The economy is slow,\" said Tom Hart of Bay Research.", "It is not a boom.", Some("Ann Bell")),
    ("verb_after_a_new_clause_does_not_reach_back", "\"We stated a fact,\" Ann Bell said. \"It was a medicine or a cheat.\" However, her claim was condemned by coach Tom Hart.", "It was a medicine or a cheat.", Some("Ann Bell")),
    ("age_opening_a_sentence_of_reported_speech", "Striker Tom Hart scored twice on Saturday. The 23-year-old said he was delighted with the win.", "he was delighted with the win", Some("Tom Hart")),
    ("retort_after_the_quote", "Tom Hart said the plan would fail. \"It will work,\" Ann Bell hit back.", "It will work,", Some("Ann Bell")),
    ("retort_after_the_quote_with_a_time", "Tom Hart said the plan would fail. \"It will work,\" Ann Bell fired back on Monday.", "It will work,", Some("Ann Bell")),
    // A time or a medium between the subject and its verb, and `has since`, `has long` (class 4).
    ("time_phrase_between_subject_and_verb", "Ann Bell spoke in Leeds. Bell last week said that she had made a mistake.", "she had made a mistake", Some("Ann Bell")),
    ("medium_phrase_between_subject_and_verb", "Ann Bell spoke in Leeds. Bell in a statement said that she had made a mistake.", "she had made a mistake", Some("Ann Bell")),
    ("has_since_between_subject_and_verb", "Ann Bell spoke in Leeds. Bell has since apologised: \"I should have used two accounts.\"", "I should have used two accounts.", Some("Ann Bell")),
    ("quote_paragraph_after_a_nested_quote_goes_on_with_the_reporter", "Tory MP Tom Hart reminded MPs that Labour chairman Dan Lowe last year described Ann Bell as a \"modern villain\".\n\n\"Given the outrage that caused, how could you revive it?\"", "Given the outrage that caused, how could you revive it?", Some("Tom Hart")),
    ("verb_with_back_and_its_own_quote_does_not_reach_back", "Ann Bell and her aide Tom Hart swapped emails. Bell responds to Hart with, \"Why now? That was on my way to Rome?\" Hart then writes back, \"You look cute.\"", "Why now? That was on my way to Rome?", Some("Ann Bell")),
    ("age_before_the_name_of_a_colon_ending_a_paragraph", "\"It is good,\" said Ann Bell.\n\n17-year-old Tom Hart echoed:\n\n\"He speaks his mind.\"", "He speaks his mind.", Some("Tom Hart")),
    ("colon_ending_a_paragraph_before_a_quote_paragraph", "Ann Bell spoke first.\n\nTom Hart, 17, echoed:\n\n\"He speaks his mind.\"", "He speaks his mind.", Some("Tom Hart")),
    ("person_quoted_before_a_colon_ending_a_paragraph", "Tom Franks wrote a book.\n\nFranks quotes former adviser Alan Kahane:\n\n\"I would love the unions to be worse off.\"", "I would love the unions to be worse off.", Some("Alan Kahane")),
    ("told_a_station_when_asked", "Prime Minister Ann Bell criticised Tom Hart on Monday. \"It looks like we will not get on, who knows?\" Hart told Harbour TV in an interview aired on Monday when asked how ties would fare.", "It looks like we will not get on, who knows?", Some("Tom Hart")),
    ("colon_of_a_participle_keeps_the_subject", "Dan Trask said the deal was bad, adding: \"It is a disaster.\"", "It is a disaster.", Some("Dan Trask")),
    // A name ending the clause before `, said X` is no subject set off by the comma; a name
    // right after the verb that a verb, `and` or a quote follows is no source.
    ("inverted_source_after_a_clause_ending_in_a_name", "Analysts doubt the plan. \"This will be a hard fight\" for Clinton, said Mary Kunin.", "This will be a hard fight", Some("Mary Kunin")),
    ("name_after_the_verb_opens_what_is_said", "Tass, quoting press secretary Ivan Yastro, said Lenz and Moro had talked on the telephone.", "Lenz and Moro had talked on the telephone", Some("Ivan Yastro")),
    ("name_after_the_verb_before_a_quote", "President Volod Zelen declined the offer after a recording in which someone, seemingly Oleks Honch, says Zelen \"knows little about budgets\".", "knows little about budgets", Some("Oleks Honch")),
    // `continue to` goes on doing: the quote after it is the outer speaker's.
    ("continue_to_is_no_speech", "Senator Tad Cruze said he is sure Mark Rubin will continue to be \"a voice for reform.\"", "a voice for reform.", Some("Tad Cruze")),
    ("continue_to_inside_a_reported_clause", "Mayor Li Wen said the city must continue to cut its \"wasteful\" spending.", "wasteful", Some("Li Wen")),
    // Surnames that are compass words or demonyms (`Kanye West`, `Mark Cuban`).
    ("compass_word_surname", "\"It is over,\" said Marty West, an education professor. \"This is the first reform in decades,\" West said.", "This is the first reform in decades,", Some("Marty West")),
    ("demonym_surname", "Billionaire Mark Cuban spoke on Sunday. The party would have to \"go more to center,\" Cuban said.", "go more to center,", Some("Mark Cuban")),
];

/// Names that are speakers with no quote of their own: (class, body, names).
const SPEAKERS: &[(&str, &str, &[&str])] = &[
    ("group_including_people", "Forty retired judges, including former justices Ada Quill, Omar Lind, and Peter Varga, signed a letter saying the bill was flawed.", &["Ada Quill", "Omar Lind", "Peter Varga"]),
    ("list_of_people_of_bodies_and_a_surname", "Foundation director Christa Tobb moderated. Chad Pearce of the Voters Network, activist Adam Koke, Brian Andrus of Nexo, Renaldo Pearsall of RepresentAll, Rick Wingate of Ballot News, and Tobb, each asked questions.", &["Chad Pearce", "Adam Koke", "Brian Andrus", "Renaldo Pearsall", "Rick Wingate", "Christa Tobb"]),
    ("spanish_articles_in_surnames", "Chad Pearce of the Voters Network, Kaia Los Huertas of the Reform Network, Ana de las Fuentes of Nexo, and Rick Wingate each asked questions.", &["Chad Pearce", "Kaia Los Huertas", "Ana de las Fuentes", "Rick Wingate"]),
    ("interjected", "Vice President Mark Penner often interjected.", &["Mark Penner"]),
    ("plural_nationality_before_names", "The final was played on Sunday. Britons Tom Henley and Greg Rusk said the courts were slow.", &["Tom Henley", "Greg Rusk"]),
    ("role_word_before_a_four_word_name", "The match ended late. Goalscorer Kevin Floyd Haskin said the team would recover.", &["Kevin Floyd Haskin"]),
    ("it_of_a_judgement_after_said", "Taro Okuba said it was important to talk. Ruud Tamsin said it would be wrong to wait.", &["Taro Okuba", "Ruud Tamsin"]),
    ("contracted_it_is_of_a_judgement", "Mira Okonye said it’s hard to say. Tara Vosk said it's a shame.", &["Mira Okonye", "Tara Vosk"]),
    ("description_ending_in_a_post_that_is_also_a_body_word", "In an address, Lena Ortiz, the bank's senior economist also said she expected the yen to rise.", &["Lena Ortiz"]),
    ("it_of_a_verb_that_takes_any_subject", "Kaveh Moradi said it seemed unlikely. Aru Senko said it took years to build.", &["Kaveh Moradi", "Aru Senko"]),
];

/// Names that are not speakers: (class, body, name).
const NOT_SPEAKERS: &[(&str, &str, &str)] = &[
    ("month_with_no_one_of_that_surname", "Tom Hart spoke in March. May said the deal was good.", "May"),
    ("retort_verb_of_a_fight_is_no_speech", "Police said the men opened fire. Officer Tom Hart fired back and hit one of them.", "Tom Hart"),
    ("responded_with_a_performance_is_no_speech", "Coach Tom Hart was angry. Dan Lowe has since responded with impressive performances in the cup.", "Dan Lowe"),
    ("heading_with_a_colon_before_results", "Results of the race:\n\nSuper G:\n\n1. Tom Hart (Austria) 1:23.4", "Super G"),
    ("passive_hearsay", "He knew nothing about the scheme, said to have been run by aide Tom Baker, since fired.", "Tom Baker"),
    ("issue_manager_is_a_bank", "The bonds pay 7 pct and mature in 1992, said lead manager Harbour Suisse.", "Harbour Suisse"),
    ("capitals_legal_form_ends_a_body", "Norsk Vann ASA said profits were \"strong\".", "Norsk Vann ASA"),
    ("plural_body_word_ends_a_body", "The weather was dry, the Joint Weather Facility of the U.S. Agriculture and Commerce Departments said.", "Commerce Departments"),
    ("partnership_legal_form_ends_a_body", "Quell Associates L.P., a Dunmore investment partnership, said it lowered its stake in the firm.", "Quell Associates L.P."),
    ("savings_bank_after_a_title_word", "Dunmore Federal Savings said it bought back its notes.", "Savings"),
    ("ordinal_before_a_bank_is_no_title", "\"It is premature to decide,\" First Harbour said. But First Harbour said it may have to change the loans.", "Harbour"),
    ("saint_before_a_city_is_no_title", "In St Louis, Harbour Trust Co said its bank was raising its prime rate.", "Louis"),
    ("country_before_a_noun_is_no_title", "Coins will cost more next year, the U.S. Mint said on Monday.", "Mint"),
    ("name_before_news_agency_is_a_body", "Output rose 5 pct, the official Vesna news agency said. Vesna said the plan would raise exports.", "Vesna"),
    ("title_and_a_word_that_a_company_name_ends", "General Harbour Co, a partnership of two investors, made a bid on Monday. General Harbour said the board could not carry out its duties.", "Harbour"),
    ("firm_of_partners_opening_with_a_given_name", "Harvey Lynch, Pierce, Fenner and Smith Inc said it has fully subscribed the partnership. Harvey Lynch said the partnership will make another cash distribution.", "Harvey Lynch"),
    ("industry_word_ends_a_body", "Harbour Electronics said profits were \"strong\".", "Harbour Electronics"),
    ("party_plural_is_a_body", "The plans came out on Friday. Lib Dems branded the cuts \"worthless\".", "Lib Dems"),
    ("participle_after_preposition", "Physicist Jane Orr won the prize for her work in predicting the background radiation.", "Jane Orr"),
    ("participle_of_object", "Party leader Tom Hart has written to Ann Bell demanding an explanation of the rules.", "Ann Bell"),
    ("former_company_name", "The state will build a park on a former Corvex mine. Later Corvex could threaten to sell the land.", "Corvex"),
    ("body_word_in_a_bracket", "Lok Wing (Holdings) Ltd expects strong results this year. Lok Wing said its profits rose by a third.", "Lok Wing"),
    ("conjunction_opens_sentence", "Whereas Okafor called for \"open debates\", Lund disagreed.", "Whereas Okafor"),
    ("title_then_company", "\"Growth is coming,\" said Dinesh Rao, senior vice president Aerotek. Aerotek announced a deal.", "Aerotek"),
    ("body_before_bracket", "A statement by the Harbour Trade Area (HTA), which seeks a common market, said tariffs would fall.", "Harbour Trade Area"),
    ("hyphenated_body_word", "Harbour Commerce Bank-Eastport said it had filed an application.", "Harbour Commerce Bank-Eastport"),
    ("post_of_a_body", "The Home Chancellor of the Exchequer said the plan was \"sound\".", "Home Chancellor"),
    ("news_site_named_insider", "Harbour Insider reported that the deal was off. \"The deal is off,\" Harbour Insider reported.", "Harbour Insider"),
    ("body_named_like_a_man_with_shares", "George Wimbley said profits rose. George Wimbley's shares rose 5 pct. \"It was a strong year,\" George Wimbley said.", "George Wimbley"),
    ("body_taken_up_as_the_company", "Freedom Mobeel said Tuesday it would expand its network. The company has 1.7 million customers. \"We are growing fast,\" Freedom Mobeel said.", "Freedom Mobeel"),
    ("body_taken_up_as_the_chain", "Krispy Kreem said it will close 10 stores. The chain said sales fell.", "Krispy Kreem"),
    ("body_referred_to_with_which", "Harbour Blue said profits would fall. Harbour Blue, which flies to 11 cities, cut fares.", "Harbour Blue"),
    ("body_named_with_company_word_elsewhere", "Harlow Vance and Co cut its forecast. \"Rates will rise,\" Harlow Vance said in a note.", "Harlow Vance"),
    ("plea_is_not_speech", "Tom Reyes pleaded guilty to fraud on Monday and will be sentenced in May.", "Tom Reyes"),
    ("title_before_company", "The notes were priced at par, said lead manager Harlow Brandt and Co Inc.", "Harlow Brandt"),
    ("describes_itself", "Gregory Kurz announced a new system, Harbour Linux. Harbour Linux describes itself as \"a community system for everyone\".", "Harbour Linux"),
    ("inverted_body_before_post_and_name", "\"Sales will rise,\" said Harbour Chartered chief executive Mervyn Dale.", "Harbour Chartered"),
    ("name_before_a_ticker", "Kevin Harbour <HBW> rejected the bid. \"We will sell,\" Harbour said.", "Kevin Harbour"),
    ("passive_referred_to_as", "Tom Hale, often referred to as \"The Lion Man\", was hurt on Tuesday.", "Tom Hale"),
    ("agree_an_object_then_a_relative", "Trade minister Tom Hale agreed terms with the union, which were fair to both sides.", "Tom Hale"),
    ("swore_someone_in", "Justice Carl Thimble swore her in at a ceremony on Monday.", "Carl Thimble"),
    ("swore_in_officials", "President Cora Aquin swore in four new cabinet secretaries.", "Cora Aquin"),
    ("observe_as_watch", "President Victor Pulin flew to Omsk on Monday, observing the rescue mission.", "Victor Pulin"),
    ("law_named_after_people", "That law, named after senators Phil Gramble of Texas and Ernest Holling of Ohio, calls for a balanced budget.", "Ernest Holling"),
    ("says_what_it_will_do", "Harbour Quest said it will not change the site. Its users were pleased.", "Harbour Quest"),
    ("says_on_a_day_what_it_is_doing", "Brenner Kolle said on Monday that it was not planning a bid. Shares fell.", "Brenner Kolle"),
    ("shop_word_ends_a_body", "Shoppers Food Mart said sales were \"strong\".", "Food Mart"),
    ("says_what_is_its_own", "Sun Dunes said its board had extended the offer. Shares rose.", "Sun Dunes"),
    ("said_the_company_after_its_quote", "Fandom Mobeel said Tuesday prices would fall. \"We are listening,\" the company said in a statement.", "Fandom Mobeel"),
    ("description_ending_in_its_own_name", "Police have detained the writer Wang Lu, the pressure group Rights Watch said on Saturday. Police gave no reason for the arrest, the group said.", "Wang Lu"),
    ("description_whose_own_name_holds_in", "Officers have arrested the poet Li Wen, the Boston-based group Writers in Asia said on Monday. Officers would not say where he was held, the group said.", "Li Wen"),
    ("description_of_a_news_agency", "Oil Minister Gholam Ahadi is due here on Friday for talks with his counterpart Belkacem Nadi, the official news agency APS said.", "Belkacem Nadi"),
    ("description_that_is_a_body", "The firm booked a loss to former chairman Boyd Jeffers, the company said.", "Boyd Jeffers"),
    ("body_noun_before_a_post_is_no_role", "The board met on Monday, with company president Lee Scowt in the chair. The company said sales rose in May.", "Lee Scowt"),
    ("lone_boundary_given_name", "Hurricane Lorenzo hit the islands on Wednesday. Though Lorenzo was forecast to weaken, gusts were strong.", "Lorenzo"),
];

#[test]
fn who_said_each_quote() {
    for &(class, body, text, speaker) in WHO_SAID {
        let a = attribute("", body);
        let q = a.quotes.iter().find(|q| q.text == text);
        let Some(q) = q else {
            panic!("{class}: no quote {text:?} in {:?}", a.quotes);
        };
        assert_eq!(q.speaker.as_deref(), speaker, "{class}");
    }
    for &(class, body, names) in SPEAKERS {
        let a = attribute("", body);
        for name in names {
            assert!(
                a.speakers.iter().any(|s| s == name),
                "{class}: {name} not in {:?}",
                a.speakers
            );
        }
    }
    for &(class, body, name) in NOT_SPEAKERS {
        let a = attribute("", body);
        assert!(
            !a.speakers.iter().any(|s| s == name),
            "{class}: {:?}",
            a.speakers
        );
    }
    // A headline's speaker must pass the person test on the body's uses of the name; a
    // person's does.
    let body = "Harlow Brandt and Co Inc said on Monday its sales rose. Harlow Brandt and Co \
                Inc expects more. Tom Reyes said the deal was good.";
    let a = attribute(
        "Harlow Brandt announces a deal as Tom Reyes says it is good",
        body,
    );
    assert!(
        !a.speakers.iter().any(|s| s == "Harlow Brandt"),
        "{:?}",
        a.speakers
    );
    assert!(
        a.speakers.iter().any(|s| s == "Tom Reyes"),
        "{:?}",
        a.speakers
    );
}

/// The words after an inverted verb name its source, an adverbial phrase is no clause: neither
/// is a reported quote.
#[test]
fn no_reported_quote_of_a_source_or_an_adverbial() {
    for (body, source) in [
        (
            "Sales will rise, said Stuart Hensler of the Harbour Intelligence Unit.",
            "Stuart Hensler of the Harbour Intelligence Unit",
        ),
        (
            "The song was written by radio presenter Mike Reade.",
            "by radio presenter Mike Reade",
        ),
        (
            "The dollar fell, said a spokesman for the company.",
            "a spokesman for the company",
        ),
        (
            "In a statement on Monday, John Smith said.",
            "In a statement on Monday",
        ),
        (
            "Sales rose, John Smith said in a statement.",
            "in a statement",
        ),
        // After a quote, the cue of that quote or a weak verb the quote alone made a cue
        // reports nothing.
        (
            "\"What kind of people do I have here?\" Tom Hart asked, looking pleased.",
            "looking pleased",
        ),
        (
            "\"I am happy.\" Tom Hart added during an interview on Monday.",
            "during an interview",
        ),
        (
            "\"It was great.\" Nate Dorsey continued his steady progress this season.",
            "his steady progress",
        ),
        // A plural noun after a possessive is no verb of speech.
        (
            "Analyst Tom Hart of Harbour Securities cut his earnings estimates for the company.",
            "for the company",
        ),
        // A passive participle reports nothing after its agent.
        (
            "Although the plan followed terms proposed by Harbour governor Tom Reyes, he has shown no interest in it since.",
            "by Harbour governor Tom Reyes",
        ),
    ] {
        let a = attribute("", body);
        assert!(
            !a.quotes.iter().any(|q| q.text.starts_with(source)),
            "{body}: {:?}",
            a.quotes
        );
    }
}

/// A reported quote starts after an adverbial before its clause (`said on Tuesday that`,
/// `told reporters at a news conference in Lyon that`, `said on Sunday it`), not after a
/// relative `that` or the demonstrative of `that of`.
#[test]
fn reported_quote_starts_after_an_adverbial() {
    for (body, want) in [
        (
            "Harbour Stores said on Tuesday that it had cut its profit target.",
            "it had cut its profit target",
        ),
        (
            "Dan Miller told reporters at a news conference in Lyon that the talks had failed.",
            "the talks had failed",
        ),
        (
            "Dan Miller said on Sunday night it had no evidence of a deal.",
            "it had no evidence of a deal",
        ),
        (
            "Dan Miller said last week the plan would fail.",
            "the plan would fail",
        ),
        (
            "Dan Miller said Tuesday that the plan would fail.",
            "the plan would fail",
        ),
        (
            "Dan Miller said through a spokesman that the plan would fail.",
            "the plan would fail",
        ),
        (
            "Dan Miller told Reuters that the plan would fail.",
            "the plan would fail",
        ),
        (
            "Dan Miller told the BBC the plan would fail.",
            "the plan would fail",
        ),
        (
            "Dan Miller told Harbour News on Monday that the plan would fail.",
            "the plan would fail",
        ),
        (
            "A trader, who asked not to be identified, told Reuters that prices would fall.",
            "prices would fall",
        ),
        (
            "Dan Miller urged Congress to act on the plan.",
            "Congress to act on the plan",
        ),
        (
            "Dan Miller said Sunday on Harbour Radio that the plan would fail.",
            "the plan would fail",
        ),
        (
            "Dan Miller said Tuesday's vote was rigged.",
            "Tuesday's vote was rigged",
        ),
        (
            "Dan Miller said in the areas that were flooded the damage was heavy.",
            "in the areas that were flooded the damage was heavy",
        ),
        (
            "Dan Miller said this puts the bank in line with that of its peers.",
            "this puts the bank in line with that of its peers",
        ),
    ] {
        let a = attribute("", body);
        let got: Vec<_> = a.quotes.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(got, [want], "{body}");
    }
}

/// A bare form that no pronoun, modal or `to` introduces and that a finite verb or a clause's
/// end follows is a noun, not a cue: it neither reports a clause nor takes the quote after it.
#[test]
fn bare_form_before_a_verb_or_a_comma_is_a_noun() {
    for (body, noun) in [
        (
            "The Harbour Trust report looked at the impact of fast web access on daily habits.",
            "report",
        ),
        (
            "Prices firmed on good domestic demand, dealers in the port added later.",
            "demand",
        ),
    ] {
        let a = attribute("", body);
        assert!(
            a.quotes.iter().all(|q| q.cue_text != noun),
            "{body}: {:?}",
            a.quotes
        );
    }
    let a = attribute(
        "",
        "\"Web access is changing habits,\" said Jon Crane, co-author of the Harbour report. \"It moves the debate on.\"",
    );
    let q = a
        .quotes
        .iter()
        .find(|q| q.text == "It moves the debate on.");
    assert_eq!(q.and_then(|q| q.speaker.as_deref()), Some("Jon Crane"));
    // A bare form with a clause after it stays a verb.
    let a = attribute(
        "",
        "Jon Crane and Ann Bell forecast that sales would rise in March.",
    );
    assert_eq!(a.quotes.len(), 1);
    assert_eq!(a.quotes[0].text, "sales would rise in March");
    assert_eq!(a.quotes[0].speaker.as_deref(), Some("Jon Crane"));
}

/// An inverted cue set off by commas inside the clause it reports (`The tone, said Mr X, would
/// be ...`) reports that clause, never the source's own name: the whole sentence when a subject
/// stands before the cue, the words after the source (and its appositive) after an adverb, the
/// clause before the cue when that has a verb. A comma that closes a phrase inside the subject
/// (`One analyst, who declined to be named, said ...`) makes no aside.
#[test]
fn aside_cue_reports_the_clause_around_it() {
    for (body, want, speaker) in [
        (
            "Alan Pike ran the campaign. The tone of the campaign, said Mr Pike, would be calmer than before.",
            "The tone of the campaign, said Mr Pike, would be calmer than before",
            Some("Alan Pike"),
        ),
        (
            "Jo Marsh runs the network. Also, says Ms Marsh, the firm has cut off ten sellers.",
            "the firm has cut off ten sellers",
            Some("Jo Marsh"),
        ),
        (
            "Not least, said Tom Dyer, a consultant at Harbour Labs, because the defences are weak.",
            "because the defences are weak",
            Some("Tom Dyer"),
        ),
        (
            "The show will open in May, said Sam Keel, who added that nothing else was settled.",
            "The show will open in May",
            Some("Sam Keel"),
        ),
        // (a dash after the cue, which the dateline reader takes for one after a number)
        (
            "In 2004, said Sam Keel, it was - sadly - over.",
            "it was - sadly - over",
            Some("Sam Keel"),
        ),
    ] {
        let a = attribute("", body);
        let q = a.quotes.first();
        assert_eq!(q.map(|q| q.text.as_str()), Some(want), "{body}: {:?}", a.quotes);
        assert_eq!(q.and_then(|q| q.speaker.as_deref()), speaker, "{body}");
    }
    let body = "One analyst, who declined to be named, said Tom Dyer, despite his doubts, is likely to stay.";
    let a = attribute("", body);
    assert!(
        a.quotes.iter().all(|q| !q.text.starts_with("One analyst")),
        "{body}: {:?}",
        a.quotes
    );
}

/// A cue that ends the sentence after a comma (`..., Reade said.`, `..., the ministry said.`)
/// reports the whole clause before it, with any earlier word read as a cue that has no source of
/// its own (`promises`, `demand`: nouns here), or when it names its speaker an earlier cue with
/// an unnamed source; an earlier cue with a named speaker keeps its words, up to that comma,
/// and one with a source keeps them all before an unnamed closing cue.
#[test]
fn trailing_cue_reports_the_clause_holding_an_earlier_cue() {
    for (body, want, speaker) in [
        (
            "Tom Reade joined the tour in May. Cruz thrilled the crowds with long speeches and promises to cut taxes, Reade said.",
            "Cruz thrilled the crowds with long speeches and promises to cut taxes",
            Some("Tom Reade"),
        ),
        (
            "Grain prices will stay firm on strong demand from Asia, the ministry said.",
            "Grain prices will stay firm on strong demand from Asia",
            None,
        ),
        (
            "Output should recover on fresh demand from mills, dealers said.",
            "Output should recover on fresh demand from mills",
            None,
        ),
        (
            "Tom Gjona spoke. Doctors had concluded the man was unstable but fully responsible for the attack, Gjona said.",
            "Doctors had concluded the man was unstable but fully responsible for the attack",
            Some("Tom Gjona"),
        ),
        (
            "Lena Ortiz said sales rose in May, the paper reported.",
            "sales rose in May",
            Some("Lena Ortiz"),
        ),
        (
            "The company said Harbour Life also owns 9,000 shares, 60 mln dlrs of its new senior notes.",
            "Harbour Life also owns 9,000 shares, 60 mln dlrs of its new senior notes",
            None,
        ),
    ] {
        let a = attribute("", body);
        let q = a.quotes.last();
        assert_eq!(q.map(|q| q.text.as_str()), Some(want), "{body}: {:?}", a.quotes);
        assert_eq!(q.and_then(|q| q.speaker.as_deref()), speaker, "{body}");
    }
}

/// A body's name before a known given name is a role, whatever the text writes in lower case
/// elsewhere (`the United Nations` after `European nations`); a place's name before one is still
/// the body's (`the San Jose Communique`).
#[test]
fn body_named_with_the_before_a_given_name_is_a_role() {
    let a = attribute(
        "",
        "He met European nations. Former Ambassador to the United Nations Nikki Hale wrote, \"We must back our allies.\"",
    );
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].speaker.as_deref(), Some("Nikki Hale"));
    let a = attribute(
        "",
        "\"We urge the world to help,\" a statement released by the group, termed the San Jose Communique, said.",
    );
    assert!(a.speakers.is_empty(), "{:?}", a.speakers);
}

/// The words of the quotes of `body` given to someone.
fn named_quotes(body: &str) -> Vec<String> {
    let a = attribute("", body);
    a.quotes
        .into_iter()
        .filter(|q| q.speaker.is_some())
        .map(|q| q.text)
        .collect()
}

/// A term quoted in the subject before a colon is not what the subject says after it.
#[test]
fn term_in_the_subject_before_a_colon_is_no_ones() {
    let body = "Sara Tate, one of the so-called \"Class of 97\" elected that year, told \
                researchers: \"It felt like a school.\"";
    assert_eq!(named_quotes(body), ["It felt like a school."]);
}

/// A paragraph whose only quote is a title no one says ends the run of continued quotes: the
/// quote paragraph after it is not the last speaker's.
#[test]
fn title_in_a_narrative_paragraph_continues_no_one() {
    let body = "\"We made a lot of sacrifices,\" Tom Hart said.\n\nEven TV host Dan Lowe, who \
                hosts the show \"Late Week\", lost his temper.\n\n\"His wife has explained \
                that she chose not to speak.\"";
    assert_eq!(named_quotes(body), ["We made a lot of sacrifices,"]);
}
