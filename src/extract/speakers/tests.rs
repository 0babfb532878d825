//! Unit tests of speaker attribution: tables of bodies (and headlines) with the speakers they must
//! give, negative cases next to positive ones, quote offsets and continuation, odd input, and a pass
//! over the shared corpora.

use super::*;

fn speakers(body: &str) -> Vec<String> {
    attribute("", body).speakers
}

/// (name, body, expected speakers)
const CASES: &[(&str, &str, &[&str])] = &[
    ("quote_then_name", "\"We will veto it,\" Nebenzia said.\nVassily Nebenzia is Russia's envoy.", &["Vassily Nebenzia"]),
    ("mention_only", "Nebenzia left the chamber.", &[]),
    ("quote_said_name", "\"It is a mistake,\" said Jenny Town, director of the program.", &["Jenny Town"]),
    ("said_description_name", "The U.S. \u{201c}should not do it,\u{201d} said China\u{2019}s ambassador to the United Nations, Zhang Jun.", &["Zhang Jun"]),
    ("appositive", "Jenny Town, director of the 38 North program, said the vote was a mistake.", &["Jenny Town"]),
    ("bbc_colon", "In a written statement, Mr Straw said: \"The savings will help.\"\nUK Foreign Secretary Jack Straw announced cuts.", &["Jack Straw"]),
    ("said_that", "Foreign Minister I.K. Gujral said that India would not sign.", &["I.K. Gujral"]),
    ("according_to", "The plan failed, according to Tony Blair.", &["Tony Blair"]),
    ("told", "George W. Bush told reporters the war was over.", &["George W. Bush"]),
    ("org_said", "Goldman Sachs Group said profits rose. The Foreign Ministry said it was calm. The Kremlin said no.", &[]),
    ("country_said", "China said it opposed the plan. Russia told the council it would veto.", &[]),
    ("unnamed", "A spokesman said the talks failed. Officials said nothing.", &[]),
    ("pronoun", "Zhang Jun arrived late.\nHe warned that sanctions would fail.", &["Zhang Jun"]),
    ("particles", "Nikolaus van der Pas said the deal was fair.", &["Nikolaus van der Pas"]),
    ("hyphen_al", "Abu Bakr al-Baghdadi urged followers to fight.", &["Abu Bakr al-Baghdadi"]),
    ("apostrophe_name", "Seamus O'Regan said he didn't know.", &["Seamus O'Regan"]),
    ("accents", "\u{201c}No,\u{201d} dijo. José Ramírez said the price was high.", &["José Ramírez"]),
    ("surname_coref", "Zhang Jun spoke first. Later Zhang said the vote was wrong.", &["Zhang Jun"]),
    ("title_coref", "Tony Blair visited. Mr Blair said he was pleased.", &["Tony Blair"]),
    ("passive_not_speaker", "Nebenzia was told to leave.", &[]),
    ("thought_not_speech", "Jane Smith hopes the plan works. John Brown believes in it.", &[]),
    ("declined", "John Brown declined to comment.", &[]),
    ("partial_quote", "Vassily Nebenzia called the resolution \u{201c}a path to a dead end.\u{201d}", &["Vassily Nebenzia"]),
    ("weak_without_quote", "Vassily Nebenzia called his mother.", &[]),
    ("participle", "Mike Pompeo spoke in Paris on Monday, adding that talks would go on.", &["Mike Pompeo"]),
    ("multi_paragraph", "\u{201c}We stressed this,\u{201d} Jenny Town said. \u{201c}It fails.\n\u{201c}It fails again.\u{201d}", &["Jenny Town"]),
    ("all_caps", "\"WE WILL GO,\" SAID JOHN SMITH.", &["JOHN SMITH"]),
    ("role_tied", "Foreign Minister Sergei Lavrov arrived. The minister said talks were over.", &["Sergei Lavrov"]),
    ("role_untied", "Russia's UN ambassador called the resolution \"a dead end\".", &[]),
    ("day_not_name", "\"We will win,\" said Monday's statement.", &[]),
    ("the_org", "\"No,\" said the Rolling Stones.", &[]),
    ("unbalanced", "\"We will go, Jenny Town said.\nMike Pompeo said the plan was bad.", &["Mike Pompeo"]),
    ("honour_before_name", "The council honoured Laureate Anselm Okoro. He became a Laureate in 2001. Anselm Okoro said he was grateful.", &["Anselm Okoro"]),
    ("band_before_role", "Velvet Harbour frontwoman Tessa Lind took the prize. She told the crowd: \"This is for you.\"", &["Tessa Lind"]),
    ("portfolio_title", "The Trade and Industry Minister announced the plan on Monday. Shares rose. The minister said rules would change.", &[]),
];

/// More cases: (name, body, expected speakers).
const MORE: &[(&str, &str, &[&str])] = &[
    ("inverted_reported", "It is not for the court to decide, argued the government's lawyer, Richard Keen.", &["Richard Keen"]),
    ("coordinated", "Gerhard Schroeder and Jacques Chirac have called for the embargo to be lifted.", &["Jacques Chirac", "Gerhard Schroeder"]),
    ("written_by", "The most famous opinion written by Justice John Paul Stevens was a dissent.", &["John Paul Stevens"]),
    ("of_org", "Arnel dela Vega of the army's Western Mindanao Command said the group was behind it.", &["Arnel dela Vega"]),
    ("org_of", "The Association of Flight Attendants called the plan \"a disaster\".", &[]),
    ("spokesman_for", "A spokesman for Merrill Lynch said the bank would issue a note.", &[]),
    ("role_after_verb", "\"It is fascinating,\" said committee member Ulf Danielsson.", &["Ulf Danielsson"]),
    ("who_told", "He replaced John Inienger, who told officers that peace was at hand.", &["John Inienger"]),
    ("but_said", "Tory leader Michael Howard backed the plan but said ministers were slow.", &["Michael Howard"]),
    ("byline", "Lynne Smith\nCopper stocks rose, traders said.\n\"It is a desire,\" he said.", &[]),
    ("gender", "Queen Elizabeth II opened parliament. Boris Johnson arrived.\nHe said the plan would work.", &["Boris Johnson"]),
    ("unclosed_appositive", "Marc Ostwald, a strategist at Monument Securities told Reuters that rates would rise.", &["Marc Ostwald"]),
    ("sir_first_name", "Sir John Stevens spoke. Later Sir John said the evidence was weak.", &["John Stevens"]),
    ("said_colon_inverted", "Taxes would rise. Said Ellis: \"I doubt it.\"\nJohn Ellis is an economist.", &["John Ellis"]),
    ("declined", "John Brown declined to comment on the report.", &[]),
    ("newspaper", "Der Spiegel said the deal was done.", &[]),
    ("parenthesis", "\"It is a dog whistle,\" Rep. Gwen Moore (D-Wis.) said Friday.", &["Gwen Moore"]),
    ("acronym_body", "Industry analysts Bloomsbury Minerals Economics (BME) said prices would rise.", &[]),
    ("title_surname", "Howard Dean spoke on Monday.\nDean, a doctor, then said he would never do it.", &["Howard Dean"]),
    ("given_name_word", "Mayor Bill de Blasio described it as \"an intentional act\".", &["Bill de Blasio"]),
    ("spoke_is_weak", "Tony Blair spoke on Monday.", &[]),
    ("noun_not_verb", "Officials ignored Pyongyang's appeals to stop.", &[]),
    ("newspaper_name", "Zycie Warszawy daily said on Saturday the deal was off.\nZycie Warszawy said its publisher agreed.", &[]),
    ("quoted_as_saying", "The newspaper quoted Dariusz Rosati as saying the president was ill.", &["Dariusz Rosati"]),
    ("hyphen_title", "Major-General Nikolai Sherbatov told reporters the attack failed.", &["Nikolai Sherbatov"]),
    ("hyphen_adjective", "Top-seeded Thomas Muster said he was tired.", &["Thomas Muster"]),
    ("korean_name", "President Park Geun-hye said the test was a provocation.", &["Park Geun-hye"]),
    ("caps_table", "BAYERISCHE VEREINSBANK SAID THE COUPON IS FIXED.", &[]),
    ("epithet", "Crooked Hillary Clinton said nothing new, Donald Trump told supporters.", &["Donald Trump", "Hillary Clinton"]),
    ("credit_line", "Julie Hirschfeld Davis reported from Midway Atoll. Mark Landler contributed reporting.", &[]),
    ("suffix_coref", "John G. Roberts Jr. wrote the opinion. Roberts said the law was clear.", &["John G. Roberts Jr."]),
    ("possessive_then_name", "Debates are not likely to alter the race, noted NBC's Dante Chinni.", &["Dante Chinni"]),
    ("transcript", "Mike Pence spoke to Chris Wallace on Sunday.\nWALLACE: Will she be there?\nPENCE: Well, I think the campaign was mocking them.", &["Chris Wallace", "Mike Pence"]),
    ("statement_from", "Condemnation came in a statement from Yousef Al-Othaimeen on Monday.", &["Yousef Al-Othaimeen"]),
    ("possessive_statement", "\"Men and women are now similarly situated,\" reads Judge Gray Miller's statement.", &["Gray Miller"]),
    ("citing", "Navjot Singh Sidhu quit the tour, citing differences with the captain.", &["Navjot Singh Sidhu"]),
    ("single_quotes", "'We will win,' said Jenny Town, who didn't visit O'Brien's pub.", &["Jenny Town"]),
    ("run_in_heading", "Michael Smith spoke.\nLimited Tools to Fight Terrorism: The council was set up long ago. And he said it was old.", &["Michael Smith"]),
    ("colon_quote_long_name", "Prime Minister Tony Blair: \"We were right.\"", &["Tony Blair"]),
    ("media_noun_before", "The Polish daily Gazeta Wyborcza said the minister would resign.", &[]),
    ("dash_signature", "\u{201c}He is ignorant of our culture.\u{201d} \u{2015} Pamela Padilla", &["Pamela Padilla"]),
    ("nested_appositive", "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the council, said the test was a threat.", &["Jean-Marc Ayrault"]),
    ("place_surname", "\"We will achieve justice,\" police Chief Chuck Jordan said Monday.", &["Chuck Jordan"]),
    ("inverted_surname", "Some would pay more, said Lily Batchelder.\nBut the losses would outstrip the gains, said Batchelder.", &["Lily Batchelder"]),
    ("of_the_band", "Dell Yarrow of The Pebbles also reacted on Twitter, \"Sad news.\"", &["Dell Yarrow"]),
    ("for_the_band", "A spokesman for The Pebbles said, \"Sad news.\"", &[]),
    ("reacted_without_quote", "Dell Yarrow reacted angrily to the ruling.", &[]),
    ("indefinite_article_title", "His film was A Silver Harbour. Based on a novel, A Silver Harbour tells the story of a girl who is sent away.", &[]),
    ("indefinite_article_given_name", "Shares fell after an Alan Brisket interview. \"We will recover,\" Brisket said.", &["Alan Brisket"]),
    ("birth_name", "Rusty Olm was born Peter James Olm in Leeds. \"I could play at once,\" Olm said.", &["Rusty Olm"]),
    ("birth_name_only_full_name", "Olm was born Peter James Olm in Leeds. \"I could play at once,\" Olm said.", &["Peter James Olm"]),
];

/// Cases for patterns found on news from outside the dev set, each positive case next to a
/// negative one: (name, headline, body, expected speakers).
const GENERALISE: &[(&str, &str, &str, &[&str])] = &[
    ("soft_break_attribution", "", "\u{201c}We are ready,\u{201d}\nsaid Marta Kowal, who runs the shelter.", &["Marta Kowal"]),
    ("hard_break_is_paragraph", "", "\u{201c}We are ready.\u{201d}\n\nMarta Kowal runs the shelter.", &[]),
    ("title_split_over_lines", "", "\u{201c}It is late,\u{201d} Mr.\nOkafor said. Mr. Okafor is a farmer.", &["Okafor"]),
    ("titled_surname_alone", "", "President Okafor opened the session.\nOkafor said the budget was balanced.", &["Okafor"]),
    ("untitled_surname_alone", "", "Okafor opened the session.\nOkafor said the budget was balanced.", &[]),
    ("party_tag", "", "Senate leader Tom Hadley, R-Ky., said Tuesday that the vote would pass.", &["Tom Hadley"]),
    ("party_tag_no_speech", "", "Senate leader Tom Hadley, R-Ky., left early.", &[]),
    ("given_name_place", "", "Paris Whitmore, a lawyer, said the ruling was wrong.", &["Paris Whitmore"]),
    ("place_alone", "", "Paris said the ruling was wrong.", &[]),
    ("given_name_country", "", "\u{201c}Prices doubled,\u{201d} said Chad Moreno, a trader.", &["Chad Moreno"]),
    ("verb_as_given_name", "", "\u{201c}The river is dry,\u{201d} said Said Haddad, a farmer. Haddad said he would leave.", &["Said Haddad"]),
    ("verb_opening_quote", "", "Taxes would rise. Said Haddad: \u{201c}I doubt it.\u{201d}\nOmar Haddad is an economist.", &["Omar Haddad"]),
    ("month_surname", "", "Prime Minister Theresa May said the country would leave.", &["Theresa May"]),
    ("month_date", "", "Theresa Holt arrived in May 2019 and said nothing new.", &["Theresa Holt"]),
    ("lone_given_name", "", "Melissa said she was happy with the school.", &["Melissa"]),
    ("lone_place_name", "", "Jordan said it would close the border.", &[]),
    ("headline_full_name", "Hillary Clinton Goes After Rival", "\u{201c}I don't buy that,\u{201d} Clinton said.", &["Hillary Clinton"]),
    ("headline_name_needs_body", "Hillary Clinton Goes After Rival", "\u{201c}I don't buy that,\u{201d} a voter said.", &[]),
    ("headline_coach_colon", "Uruguay Coach Diego Ferreira: \u{201c}We Were Robbed\u{201d}", "Ferreira left the pitch without a word.", &["Diego Ferreira"]),
    ("headline_title_long_run", "Gold Star Mom Corners Obama On Terror", "Obama did not use the words, aides said.", &[]),
    ("dash_signature_line", "", "\u{201c}We were never asked.\u{201d}\n\u{2015} Rosa Delgado", &["Rosa Delgado"]),
    ("dash_without_quote", "", "The panel met on Monday.\n\u{2015} Rosa Delgado", &[]),
    ("caps_titled", "", "\"THE GUNS MUST FALL SILENT,\" INTERIOR MINISTER MAHAMAT OUSMANE TOLD REPORTERS.", &["MAHAMAT OUSMANE"]),
    ("caps_untitled", "", "THE MINISTER TOLD REPORTERS IT WAS FINE.", &[]),
    ("in_place_said", "", "Farmers' groups in Mato Verde said the rules were unfair.", &[]),
    ("according_to_polls", "", "According to exit polls, Mitt Romney had a lead over his rival.", &[]),
    ("according_to_role", "", "According to the company's spokesman, Jim Ortega, sales fell.", &["Jim Ortega"]),
    ("intent_infinitive", "", "Dana Whitfield needs to tell the truth about her plans.", &[]),
    ("went_on_to_say", "", "Dana Whitfield spoke on Monday and went on to say the plan had failed.", &["Dana Whitfield"]),
    ("possessive_speech_noun_with_verb", "", "Anna Keller says Victor Lang\u{2019}s tweets were \u{201c}unhinged.\u{201d}", &["Anna Keller"]),
    ("possessive_speech_noun_alone", "", "\u{201c}Men and women are equal,\u{201d} reads Judge Ann Cole's statement.", &["Ann Cole"]),
    ("pronoun_to_named_prince", "", "Omar Farouk was killed in May. The paper said that Crown Prince Khalid Aziz accepted blame for the death of Omar Farouk. Speaking to a reporter, he said, \"It happened under my watch.\"", &["Khalid Aziz"]),
    ("body_role_name", "", "\"It will be hyped,\" said Cebit organiser Gabriele Dorries.", &["Gabriele Dorries"]),
    ("body_alone", "", "\"It will be hyped,\" said Cebit on Monday.", &[]),
    ("headline_name_ending_in_a_verb", "Grand Slam for Ireland", "It would be their second Grand Slam.", &[]),
    ("headline_verb_after_a_name", "Kerr Slams Plan", "Tom Kerr said the plan would fail.", &["Tom Kerr"]),
    ("courtesy_title_org_word", "", "Mr Pound, who is now married, said: \"I was a sailor.\"", &["Pound"]),
    ("org_word_untitled", "", "Pound said: \"The rate is fixed.\"", &[]),
    ("quoted_as_saying_quote", "", "Jake Morrow spoke first. \"There is no reciprocity,\" the ministry official quoted Morrow as saying.", &["Jake Morrow"]),
    ("compound_noun_not_verb", "", "\"We need people,\" said Ann Ortiz. \"We want fans.\" The data goes inside the video signal.", &["Ann Ortiz"]),
    ("unclosed_role_appositive", "", "\"Service was underpriced,\" Terry Hobbs, assistant vice president said.", &["Terry Hobbs"]),
    ("unclosed_another", "", "The logo is the best known after Coca Cola, another analyst noted.", &[]),
    ("unclosed_plural_source", "", "She was taken away from Ground Zero, sources said.", &[]),
    ("described_again", "", "Ronnie Corbett left the stage. \"It's just laughing at each other,\" said the 74-year-old comedian.", &["Ronnie Corbett"]),
    ("described_new_person", "", "Ronnie Corbett left. \"It's just laughing,\" said a 74-year-old viewer.", &[]),
    ("pronoun_female_role", "", "Leyla Demir, fiancée of the victim, spoke first. \"He was brave,\" she said.", &["Leyla Demir"]),
    ("said_unlisted_role_full_name", "", "\"Every shop was shut a year ago,\" said entrepreneur Arlo Pennick.", &["Arlo Pennick"]),
    ("said_unlisted_role_one_word", "", "\"Every shop was shut a year ago,\" said entrepreneur Pennick.", &[]),
    ("role_of_body_word_then_name", "", "Director of music Marta Quillon said the season would be shorter.", &["Marta Quillon"]),
    ("body_word_names_body", "", "The industry welcomed the deal, the firm Harbour Wellmont said.", &[]),
    ("name_of_body_acronym", "", "Lead author Sam Vole of the Centre for Ocean Study (COS) said, \"The trip was a unique chance.\"", &["Sam Vole"]),
    ("body_acronym_alone", "", "The Centre for Ocean Study (COS) said, \"The trip was a unique chance.\"", &[]),
    ("from_body_acronym", "", "\"Sales will rise,\" Lena Vortman, from the Home Appliance Council (HAC) told reporters.", &["Lena Vortman"]),
    ("acronym_before_person", "", "The head of the aerospace group ACME Philippe Dardel is to leave. Mr Dardel said he would go.", &["Philippe Dardel"]),
    ("said_the_ranked_surname", "", "Peter Hollis lost in straight sets. \"He served too well,\" said the 12th-ranked Hollis after the match.", &["Peter Hollis"]),
    ("said_the_ranked_unknown", "", "\"He served too well,\" said the 12th-ranked Hollis after the match.", &[]),
    ("unclosed_appositive_at_the_firm", "", "Karl Brenner, president of the mobile networks division at the firm says that: \"Demand will rise.\"", &["Karl Brenner"]),
    ("unclosed_appositive_plural_source", "", "Demand is high, analysts at the firm say.", &[]),
    ("misspelt_surname", "", "Defence minister Pranab Mukherjee opened the show. \"There is scope,\" said Mr Mukerjee.", &["Pranab Mukherjee"]),
    ("two_near_surnames_stay_apart", "", "Anna Clifton spoke first. Tom Clinton spoke next. \"No,\" said Mr Cliton.", &["Cliton"]),
];

#[test]
fn generalise_table() {
    let mut failed = Vec::new();
    for (name, headline, body, want) in GENERALISE {
        let mut got = attribute(headline, body).speakers;
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        got.sort();
        want.sort();
        if got != want {
            failed.push(format!("case {name}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// A long article's many lower-case words must not make names look like common words.
#[test]
fn long_article_keeps_names() {
    let mut body = String::from("President Okafor opened the session.\n");
    for k in 0..3000 {
        body.push_str(&format!("the word{k}x was here. "));
    }
    body.push_str("\nOkafor said the budget was balanced.\n");
    for name in ["Adebayo Nwosu", "Carla Ruiz", "Tomasz Wrona", "Ines Duarte"] {
        body.push_str(&format!("\"It works,\" {name} said.\n"));
    }
    let mut got = speakers(&body);
    got.sort();
    assert_eq!(
        got,
        [
            "Adebayo Nwosu",
            "Carla Ruiz",
            "Ines Duarte",
            "Okafor",
            "Tomasz Wrona"
        ]
    );
}

#[test]
fn more_table() {
    for (name, body, want) in MORE {
        let mut got = speakers(body);
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "case {name}: {body}");
    }
}

/// Every quote's offsets point at its text, and nothing panics, over the shared corpora.
#[test]
fn shared_corpora_offsets() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    if !root.is_dir() {
        eprintln!("skip: no shared corpora at {}", root.display());
        return;
    }
    let files = crate::ingest::walk::walk(&root, &Default::default()).unwrap_or_default();
    for (n, f) in files.into_iter().enumerate() {
        // A sample keeps the debug-build test quick.
        if n % 7 != 0 {
            continue;
        }
        let crate::ingest::walk::Found::File { path, relative } = f else {
            continue;
        };
        let bytes = std::fs::read(&path).unwrap_or_default();
        let Ok((text, _)) = crate::ingest::decode::decode(&bytes) else {
            continue;
        };
        for a in crate::ingest::stories::split_articles(&relative, &text) {
            let att = attribute(&a.headline, &a.body);
            let chars: Vec<char> = a.body.chars().collect();
            for q in &att.quotes {
                let got: String = chars[q.start..q.end].iter().collect();
                assert_eq!(got, q.text, "{}", path.display());
            }
        }
    }
}

#[test]
fn table() {
    for (name, body, want) in CASES {
        let got = speakers(body);
        assert_eq!(&got, want, "case {name}: {body}");
    }
}

#[test]
fn headline_colon_quotes_a_body_name() {
    let a = attribute(
        "Blair: I was right on Iraq",
        "Tony Blair spoke in London on Monday.",
    );
    assert_eq!(a.speakers, vec!["Tony Blair".to_string()]);
}

#[test]
fn headline_speaker_needs_body_name() {
    let a = attribute(
        "Blair says war was right",
        "Tony Blair spoke in London on Monday.",
    );
    assert_eq!(a.speakers, vec!["Tony Blair".to_string()]);
    let a = attribute("India says no", "India spoke.");
    assert!(a.speakers.is_empty());
}

#[test]
fn quote_offsets_are_characters() {
    let body = "Café owner José Ramírez said: \u{201c}Olé, we won.\u{201d}";
    let a = attribute("", body);
    let q = &a.quotes[0];
    assert!(q.direct);
    assert_eq!(q.text, "Olé, we won.");
    let chars: Vec<char> = body.chars().collect();
    let s: String = chars[q.start..q.end].iter().collect();
    assert_eq!(s, q.text);
    assert_eq!(q.speaker.as_deref(), Some("José Ramírez"));
}

#[test]
fn continuation_paragraph_keeps_speaker() {
    let body = "\u{201c}We will stay,\u{201d} Jenny Town said.\n\u{201c}And we will win.\u{201d}";
    let a = attribute("", body);
    assert_eq!(a.quotes.len(), 2);
    assert_eq!(a.quotes[1].speaker.as_deref(), Some("Jenny Town"));
}

#[test]
fn scare_quote_is_not_continued() {
    let body = "\u{201c}We will stay,\u{201d} Jenny Town said.\nThe so-called \u{201c}deal\u{201d} was signed.";
    let a = attribute("", body);
    assert_eq!(a.quotes.len(), 1);
    assert_eq!(a.quotes[0].text, "We will stay,");
}

/// Issue 17: a participle between a determiner and a noun (`the recommended term`) reports no
/// speech, so the quote is not given to the phrase's author.
#[test]
fn attributive_participle_is_no_cue() {
    let a = attribute(
        "",
        "Tom Ashby spoke first. The defence team called the 14-year widely recommended term \"absurd\" and appealed.",
    );
    let q: Vec<_> = a.quotes.iter().filter(|q| q.text == "absurd").collect();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker, None);
    assert_ne!(q[0].cue_text, "recommended");
}

/// The direct quotes of an attribution with their speakers, in text order.
fn direct_quotes(a: &Attribution) -> Vec<(&str, Option<&str>)> {
    a.quotes
        .iter()
        .filter(|q| q.direct)
        .map(|q| (q.text.as_str(), q.speaker.as_deref()))
        .collect()
}

/// Issue 17: `as compared to` is a preposition; the quotes around it keep the sentence's cue.
#[test]
fn compared_to_is_no_cue() {
    let a = attribute(
        "",
        "Dr Vell told the magazine the ribs were \"thicker\" as compared to the \"thin ribs\" of deer.",
    );
    let got = direct_quotes(&a);
    assert_eq!(
        got,
        [("thicker", Some("Vell")), ("thin ribs", Some("Vell"))]
    );
}

/// Issue 17, class 4: in an interview answer `I said "..."` is the one answering, in a
/// question `you said "..."` the one asked (the next to answer if none has yet); a
/// hypothetical (`I can tell you "..."`) or a question's own `would you say "..."` is not given
/// to anyone.
#[test]
fn first_person_cue_in_interview_answer() {
    let body = "((WN)) Earlier you had mentioned, \"clubs are families\". Why did you leave?\n\n((Dora Kestrel)) Well, I was not ready. That is why I said \"no club is perfect\". I can tell you \"try again\" and you would.\n\n((WN)) What would you say about \"fair play\"?\n";
    let a = attribute("", body);
    let got = direct_quotes(&a);
    assert!(
        got.contains(&("clubs are families", Some("Dora Kestrel"))),
        "{got:?}"
    );
    assert!(
        got.contains(&("no club is perfect", Some("Dora Kestrel"))),
        "{got:?}"
    );
    for said in ["try again", "fair play"] {
        assert!(
            !got.iter().any(|&(t, s)| t == said && s.is_some()),
            "{said}: {got:?}"
        );
    }
}

/// Issue 17, class 4: text rebuilt from tokens glues straight marks to the wrong word from
/// some point on (`time, "Nolan said."`); the reporting clauses next to the marks decide which
/// opens and which closes, and a well-spaced story is paired by spacing as before.
#[test]
fn marks_glued_to_the_wrong_word_are_paired_by_their_clauses() {
    let body = "Ted Nolan and Ivo Brandt won.\n\n\"We played well,\" said Nolan. \" Before the final I slept badly and woke up at dawn, \"Nolan said.\"\n\nToday I slept well. \" Brandt was happy too. \" We were lucky, \"said Brandt.\n";
    let a = attribute("", body);
    let got = direct_quotes(&a);
    assert_eq!(
        got,
        [
            ("We played well,", Some("Ted Nolan")),
            (
                "Before the final I slept badly and woke up at dawn,",
                Some("Ted Nolan")
            ),
            ("Today I slept well.", Some("Ted Nolan")),
            ("We were lucky,", Some("Ivo Brandt")),
        ]
    );
    // One mark on the wrong side is a typo, not rebuilt text: spacing still pairs.
    let a = attribute(
        "",
        "\"We will go,\" said Ted Nolan. \"The rest stay here.\" Then he left, \"Nolan said.",
    );
    let got = direct_quotes(&a);
    assert_eq!(
        got[..2],
        [
            ("We will go,", Some("Ted Nolan")),
            ("The rest stay here.", Some("Ted Nolan"))
        ]
    );
}

/// Issue 17, class 1: `he` after a sentence about someone else goes to that sentence's subject,
/// also when it is a lone surname whose gender only its own clause tells (`his victory`), not
/// to the one who spoke before it.
#[test]
fn pronoun_after_a_new_subject_goes_to_that_subject() {
    let body = "Tom Rafter and Todd Marlowe won. \"I slept badly,\" Rafter said. \"I am happy.\" Marlowe was pleased with his victory over Ivo Brandt. \"It is always difficult to win,\" he said.";
    let a = attribute("", body);
    assert_eq!(
        direct_quotes(&a),
        [
            ("I slept badly,", Some("Tom Rafter")),
            ("I am happy.", Some("Tom Rafter")),
            ("It is always difficult to win,", Some("Todd Marlowe")),
        ]
    );
    // A woman's clause: `he` finds no new subject and stays with the speaker.
    let body = body.replace("his victory", "her victory");
    let a = attribute("", &body);
    assert_eq!(
        direct_quotes(&a)[2],
        ("It is always difficult to win,", Some("Tom Rafter"))
    );
}

/// Issue 17, class 1: after `X and Y acknowledged ...` a `he` is the pair's first, the
/// sentence's subject, not the name written last.
#[test]
fn pronoun_after_a_pair_goes_to_its_first() {
    let body = "Dr. Tom Smith of the college spoke. Jim Miller of Milltech said the system works.\n\nMiller and Smith both acknowledged faults with the system. He too suggested a scenario in which \"the equipment was tampered with.\"";
    let a = attribute("", body);
    assert_eq!(
        direct_quotes(&a),
        [("the equipment was tampered with.", Some("Jim Miller"))]
    );
}

/// Issue 17, class 5: a term quoted inside a noun phrase is no one's words for a cue after it;
/// a cue before it still gives it (`called it a "good deal"`).
#[test]
fn term_inside_a_noun_phrase_takes_no_later_cue() {
    let a = attribute(
        "",
        "The settlement includes the \"full\" £7.4m announced by Chancellor Tom Pike. Sue Vale called it a \"good deal\" for councils.",
    );
    let got = direct_quotes(&a);
    assert!(
        !got.iter().any(|&(t, s)| t == "full" && s.is_some()),
        "{got:?}"
    );
    assert!(got.contains(&("good deal", Some("Sue Vale"))), "{got:?}");
}

/// A reported quote starts after the cue's addressee: `told reporters the ship was lost`
/// reports `the ship was lost`.
#[test]
fn reported_quote_starts_after_the_addressee() {
    let a = attribute("", "Dan Miller told reporters the ship was lost at sea.");
    let got: Vec<_> = a
        .quotes
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref(), q.direct))
        .collect();
    assert_eq!(
        got,
        [("the ship was lost at sea", Some("Dan Miller"), false)]
    );
    // An object pronoun is the addressee too, and the punctuation after the cue is no part of
    // the words reported; `her` may open them (`told her colleagues ...`).
    for (body, want) in [
        ("Dan Miller told us the ship was lost.", "the ship was lost"),
        (
            "Dan Miller told them, in effect, the ship was lost.",
            "in effect, the ship was lost",
        ),
        (
            "Dan Miller told her colleagues the ship was lost.",
            "her colleagues the ship was lost",
        ),
    ] {
        let a = attribute("", body);
        assert_eq!(a.quotes.len(), 1, "{body}");
        assert_eq!(a.quotes[0].text, want, "{body}");
        let [s, e] = [a.quotes[0].start, a.quotes[0].end];
        let slice: String = body.chars().skip(s).take(e - s).collect();
        assert_eq!(slice, want, "{body}: offsets");
    }
}

#[test]
fn unnamed_quote_has_no_speaker() {
    let a = attribute("", "\"It is over,\" a spokesman said.");
    assert_eq!(a.quotes.len(), 1);
    assert_eq!(a.quotes[0].speaker, None);
    assert!(a.speakers.is_empty());
}

/// Issue 17, class 6: a decimal point or a thousands separator does not end a reported quote.
#[test]
fn reported_quote_runs_past_numbers() {
    let a = attribute(
        "",
        "Jane Kowal said the firm set a 15.8 percent target and will pay 481,000 euros to staff.",
    );
    let texts: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        ["the firm set a 15.8 percent target and will pay 481,000 euros to staff"]
    );
    assert_eq!(a.speakers, ["Jane Kowal"]);
}

#[test]
fn odd_input_does_not_panic() {
    for body in [
        "\"",
        "'",
        "\u{201c}",
        "a \" b \u{201d} c ' d",
        "Mr.",
        "É\u{301}\"x",
        "\n\n\"\n",
        "U.S.A. said",
    ] {
        let _ = attribute(body, body);
    }
}

/// The characters `r` of `body`.
fn slice(body: &str, r: [usize; 2]) -> String {
    body.chars().skip(r[0]).take(r[1] - r[0]).collect()
}

/// (body, quote text, cue, cue text, link, confidence, attribution, source)
type Evidence<'a> = (
    &'a str,
    &'a str,
    Cue,
    &'a str,
    Link,
    Confidence,
    &'a str,
    Option<&'a str>,
);

#[test]
fn quotes_carry_their_evidence() {
    use Confidence::*;
    const CASES: &[Evidence] = &[
        (
            "\"We will veto it,\" Nebenzia said.\nVassily Nebenzia is Russia's envoy.",
            "We will veto it,",
            Cue::Verb,
            "said",
            Link::Name,
            High,
            "\"We will veto it,\" Nebenzia said.",
            Some("Nebenzia"),
        ),
        (
            "Jane Roe told reporters the war was over.",
            "the war was over",
            Cue::Verb,
            "told reporters",
            Link::Name,
            High,
            "Jane Roe told reporters the war was over.",
            Some("Jane Roe"),
        ),
        (
            "\"It failed,\" according to Tony Blair.",
            "It failed,",
            Cue::AccordingTo,
            "according to",
            Link::Name,
            High,
            "\"It failed,\" according to Tony Blair.",
            Some("Tony Blair"),
        ),
        (
            "Zhang Jun arrived late.\n\"Sanctions will fail,\" he warned.",
            "Sanctions will fail,",
            Cue::Verb,
            "warned",
            Link::Pronoun,
            Medium,
            "\"Sanctions will fail,\" he warned.",
            Some("he"),
        ),
        (
            "Foreign Minister Sergei Lavrov arrived. \"Talks are over,\" the minister said.",
            "Talks are over,",
            Cue::Verb,
            "said",
            Link::Role,
            Medium,
            "\"Talks are over,\" the minister said.",
            Some("minister"),
        ),
        (
            "Jenny Town: \"We will not go.\"",
            "We will not go.",
            Cue::Colon,
            ":",
            Link::Name,
            High,
            "Jenny Town: \"We will not go.\"",
            Some("Jenny Town"),
        ),
        (
            "\"We will win the vote.\" \u{2015} Sonya Herridge",
            "We will win the vote.",
            Cue::Signed,
            "\u{2015}",
            Link::Name,
            High,
            "\"We will win the vote.\" \u{2015} Sonya Herridge",
            Some("Sonya Herridge"),
        ),
        (
            "Mike Pence spoke.\nPENCE: \"We will win.\"",
            "We will win.",
            Cue::Transcript,
            ":",
            Link::Name,
            High,
            "PENCE: \"We will win.\"",
            Some("PENCE"),
        ),
        (
            "The vote was \"a farce\", a statement from Pope Francis said.",
            "a farce",
            Cue::SpeechNoun,
            "statement from",
            Link::Name,
            High,
            "The vote was \"a farce\", a statement from Pope Francis said.",
            Some("Francis"),
        ),
        (
            "Pope Francis's statement reads \"we mourn\".",
            "we mourn",
            Cue::SpeechNoun,
            "statement",
            Link::Name,
            High,
            "Pope Francis's statement reads \"we mourn\".",
            Some("Francis"),
        ),
        (
            "A spokesman said \"no deal\".",
            "no deal",
            Cue::Verb,
            "said",
            Link::None,
            High,
            "A spokesman said \"no deal\".",
            None,
        ),
    ];
    for &(body, text, cue, cue_text, link, confidence, attribution, source) in CASES {
        let a = attribute("", body);
        let q = a.quotes.iter().find(|q| q.text == text);
        let Some(q) = q else {
            panic!("{body:?}: no quote {text:?} in {:?}", a.quotes);
        };
        assert_eq!(slice(body, [q.start, q.end]), text, "{body:?}");
        assert_eq!(
            (q.cue, q.cue_text.as_str(), q.link, q.confidence),
            (cue, cue_text, link, confidence),
            "{body:?}"
        );
        assert_eq!(slice(body, q.attribution), attribution, "{body:?}");
        assert_eq!(
            q.source.map(|r| slice(body, r)).as_deref(),
            source,
            "{body:?}"
        );
    }
}

#[test]
fn continued_quote_paragraphs_point_back() {
    let body = "\"We stressed this,\" Jenny Town said. \"It fails.\n\"It fails again.\"";
    let a = attribute("", body);
    let texts: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["We stressed this,", "It fails.", "It fails again."]);
    let last = &a.quotes[2];
    assert_eq!(last.speaker.as_deref(), Some("Jenny Town"));
    assert_eq!(
        (last.cue, last.cue_text.as_str(), last.link),
        (Cue::Continuation, "", Link::Previous)
    );
    assert_eq!(last.confidence, Confidence::Medium);
    // The evidence runs from the attribution it continues to the quote itself.
    assert_eq!(slice(body, last.attribution), body);
    assert_eq!(
        last.source.map(|r| slice(body, r)).as_deref(),
        Some("Jenny Town")
    );
    assert_eq!(Confidence::Medium.continued(), Confidence::Low);
}

#[test]
fn evidence_serialises_in_snake_case() {
    let body = "\"It failed,\" according to Tony Blair.";
    let a = attribute("", body);
    let json = serde_json::to_value(&a.quotes[0]).unwrap_or_default();
    assert_eq!(json["cue"], "according_to");
    assert_eq!(json["link"], "name");
    assert_eq!(json["confidence"], "high");
    assert_eq!(json["attribution"], serde_json::json!([0, body.len()]));
    let tony = body.find("Tony").unwrap_or_default();
    assert_eq!(
        json["source"],
        serde_json::json!([tony, tony + "Tony Blair".len()])
    );
}

#[test]
fn the_person_test_tells_bodies_from_people() {
    use super::person::{courtesy_words, person_probability};
    // (text, first and last token of the name, a person?)
    let cases: &[(&str, usize, usize, bool)] = &[
        ("Shares of Brenner Vale Inc fell 3 percent.", 2, 5, false),
        ("Mr Brenner Vale said he would resign.", 1, 3, true),
        (
            "Analysts at Kestrel Bank said rates would rise.",
            2,
            4,
            false,
        ),
        ("Striker Anna Kowalczyk scored twice.", 1, 3, true),
    ];
    for &(text, a, b, person) in cases {
        let d = Doc::new(text, false);
        let p = person_probability(&d, a, b, &courtesy_words(&d));
        assert_eq!(p >= 0.5, person, "{text}: {p}");
    }
}

/// Issue 17, class 4: an interview answer `((Name)) ...` makes Name a speaker; the quotes inside
/// the answer are what others said, not given to Name; the interviewer `((WN))` is no speaker.
#[test]
fn interview_answer_in_double_brackets() {
    let a = attribute(
        "",
        "((WN)) What were the rules at the school?\n\n((Dana Kirov)) Well, they were \"no visits\" and \"no phones\", but I liked it there.",
    );
    assert_eq!(a.speakers, ["Dana Kirov"]);
    assert!(
        a.quotes.iter().all(|q| q.speaker.is_none()),
        "{:?}",
        a.quotes
    );
}
