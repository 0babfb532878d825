/*!
Speaker attribution (issue 3): who an article quotes, directly or in reported speech.

# Method
One pass over the body's bytes makes tokens (words, numbers, punctuation, quotation marks) with
byte and character offsets and one lexicon lookup each (the `lexicon` module: reporting verbs in every
form, titles, organisation, place and time words, given names with their usual gender).
Quotation marks are paired per paragraph: curly marks by shape, straight ones by which side
touches a word, single marks only when a closing one follows (so `don't` and `O'Brien` stay
words). An opening mark inside an open quote starts a new quoted paragraph (BBC copy puts several
in one line); an unclosed quote ends with its paragraph, so one bad mark cannot swallow the
article. A line break inside a sentence (the next line in lower case, a line ending in a comma,
in `,"` or in `Mr.`) does not end the paragraph, so attributions broken onto the next line stay
with their quote. Sentences are split outside quotes and brackets; a party tag between commas
(`, R-Ky.,`) is left out. A quote that ends a sentence (`"... for good." Mr Holm was quoted
...`) ends it for the cues too: a cue before it does not reach the quotes after it, and a cue
deep in the next sentence does not reach back. A decimal point or a thousands separator
(`15.8`, `481,000`) is inside a number, never a sentence or clause end.

Every capitalised run in the body is read once as a candidate name: leading titles, places and
acronyms are stripped (`US Special Representative for Iran Brian Hook` → `Brian Hook`), and a run
with an organisation word, after `the`, after a body noun (`the daily Gazeta Wyborcza`), in a
longer name (`the Association of Flight Attendants`), or made only of words the text also writes
in lower case (`Gender Equality`) is not a person. Given names that are also places, verbs or
months still open a name (`Paris Ngata`, `said Said Kadhim`, `Theresa May`, and then `May said`
outside a date), any word after a courtesy title is a surname (`Mr Pound`, `Mrs May`), and a
known given name alone is a person (`Melanie said`). Full names in the headline count too
(`Hillary Clinton Goes After ...` over a body that only says `Clinton`). Short forms point at the
fullest name with the same surname (`Zhang` → `Zhang Jun`, `Mr Blair` → `Tony Blair`, `Sir John`
→ `John Stevens`); a surname introduced once with a title (`President Obama`) is a person even
without a fuller form, and a one-word name the article never completes is one when, as a cue's
source, the article's own clauses show it a person (`Parry claims he will ...`, `Parry, who
has`; never `Texaco said it`). A speaker's name with no given name, title or post that the
article treats as a thing (`Ask Jeeves said it was not planning`, `said its board`, `The company
said`, `"...," the company said`) is a body's.
Name-only paragraphs are bylines and are skipped.

Each sentence is searched for cues: over 150 reporting-verb lemmas in every tense (weak ones such
as `called` or `described` only next to a quote, `that` or a colon), `according to`, `X: "..."`,
a quote signed `― Name`, a transcript line `PENCE: ...` or an interview answer `((Jane
Doe)) ...` (inside it `I said "..."` is the one answering, and in a question `((WN)) you said
"..."` the one asked), a speech noun with its author
(`a statement from Pope Francis`, `Judge Miller's statement reads "..."`), and a headline
`Name: ...`. The source of a cue is found next to it:
- to the left, past adverbs, auxiliaries and a bracket (`Gwen Moore (D-Wis.) said`): a name, a
  pronoun, a name before an appositive (`Jenny Town, director of ..., said`, nested ones too),
  a relative (`X, who told ...`), a full name before `of`/`from`/`at` and a body (`Doug Miller
  of Milltech Marine told`), a coordinated pair or list of people (`Schroeder and Chirac
  called for`, `A, B of the X Trust, and C each asked`), or a noun (`a spokesman said`,
  unnamed; `the minister said`, named only if the article calls a named person the minister,
  the words before the role choosing among several: `the finance minister`; a description that
  names no post, `the Sale player said`, is the subject of the sentence before; `the Texas
  Democrat said` the legislator just named);
- to the right when the verb follows a quote or a clause and a comma (`"...," said Jenny Town`,
  `..., argued the government's lawyer, Richard Keen`);
- participles and infinitives take the sentence's subject (`, adding that`, `went on to say`),
  a participle after a finite cue the source of that cue (`X said ..., further saying "..."`),
  `quoted X as saying` takes X, and `written by X` takes X;
- `X, head of policy at the Y Trust said` (an appositive whose closing comma is missing) takes X,
  and `Y opposed X's statement: "..."` gives the quote to Y, not X;
- an aside between commas reports the clause around it, not its source's name (`The tone of
  the campaign, said Mr X, would be ...`; `Currently, says Dr X, the equipment is ...`).

Passives (`was told`), negation (`did not say`), nouns after determiners (`Pyongyang's appeals`),
`declined to comment` and credit lines (`reported from`, `contributed reporting`) are no cues.
Pronouns resolve to the most recent speaker or sentence subject whose gender (from titles, given
names and kinship or role nouns such as `fiancée`) does not clash; an antecedent older than the
previous sentence yields to the first person of the pronoun's gender named in that sentence. Quote paragraphs without a cue continue the speaker of the previous quote or reported
clause, or of a cue after the previous quote that took none (`"..." X, who ..., says Y.`),
unless a paragraph between has no quote given to anyone and reports no one's words (a title no
one says, `who hosts the show "Last Week"`, continues nothing).
The headline is read against the body's names only.

# Limits
No parser and no gazetteer of people: two-word company names without an organisation word
(`Time Warner said`) pass as people, pronoun gender is known only for common given names, plural
or group sources are never named, and a quote attributed in a later sentence than the quote
itself (`"..." That was what Smith said.`) is missed.

# Layout
One file per stage, lower stages first; a file imports only from the ones above it in this list,
and from this file its `State` (the one type every stage adds methods to) and `Quote`:
- `lexicon`: the word tables (their lists are text files in `src/extract/data/lexicon/`);
- `tokens`: the `Doc` of tokens, paragraphs and bylines; `marks`: quotation marks paired into
  quote spans;
- `people`: the `Person`s an article names and the `Names` index over them;
- `person`: the person test, a model learned from the CoNLL-2003 annotation (is a name a
  person's?);
- `sentences`: sentences as items (tokens and quote spans), handed one by one to `cues`;
- `runs`: capitalised runs, and which part of one is a person's name;
- `names`: registering the article's people, short forms, resolving a name;
- `roles`: role nouns and descriptions to the person they stand for (`the finance minister`,
  `the Sale player`, `the Texas Democrat`);
- `sources`: the phrase left of a cue that names its source;
- `affiliation`: a person named with the body or place they belong to (`X of Milltech Marine`);
- `inverted`: the phrase right of an inverted cue (`said X`) that names its source;
- `subject`: the subject a sentence opens with (for cues without a source of their own);
- `attribution`: which side of a cue its source is on;
- `lists`: the people a source is listed with (`A, B and C said`);
- `pronouns`: a source to a speaker (pronouns and role nouns to a recent person);
- `reported`: where a reported clause begins and ends (past an adverbial or a dateline; around
  an aside `The tone, said Mr X, would be ...`), and the signs of a finite clause;
- `quotes`: quote spans and reported clauses to speakers, quote paragraphs continued;
- `interview`: speakers the layout names (a signature `― Name`, a transcript line `PENCE: ...`,
  an interview's answer `((Jane Doe)) ...`), and who `I` and `you` are inside an interview;
- `senses`: a speech verb in a sense that reports no speech (`claimed the title`);
- `cues`: the cues of a sentence, the stage that drives the others.

This file itself uses only `tokens` and `people`, so no two files import each other.
*/

mod affiliation;
mod attribution;
mod cues;
mod interview;
mod inverted;
mod lexicon;
mod links;
mod lists;
mod marks;
mod names;
mod namewords;
mod people;
mod person;
mod pronouns;
mod quotes;
mod reported;
mod roles;
mod runs;
mod senses;
mod sentences;
mod sources;
mod subject;
mod tokens;

use people::Names;
use serde::{Deserialize, Serialize};
use tokens::Doc;

/// A quote attributed in an article body, with the evidence that ties it to its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The fullest form of the speaker's name, or `None` for unnamed or organisational sources.
    pub speaker: Option<String>,
    /// The quoted or reported words.
    pub text: String,
    /// `true` for words inside quotation marks, `false` for reported speech.
    pub direct: bool,
    /// Character offset of `text` in the body.
    pub start: usize,
    /// Character offset of the end of `text` in the body (exclusive).
    pub end: usize,
    /// How the quote was tied to its source.
    #[serde(default)]
    pub cue: Cue,
    /// The cue's words as written (`said`, `told reporters`, `according to`, `:`); empty when
    /// there are none (a continued quote paragraph).
    #[serde(default)]
    pub cue_text: String,
    /// How the speaker's name was reached from the cue.
    #[serde(default)]
    pub link: Link,
    /// How directly the name is tied to the quote (see [`Confidence`]).
    #[serde(default)]
    pub confidence: Confidence,
    /// Character offsets `[start, end)` in the body of the attribution sentence or sentences:
    /// they cover the quote, the cue and the words that name the source. For a continued quote
    /// paragraph they run from the attribution of the quote it continues.
    #[serde(default)]
    pub attribution: [usize; 2],
    /// Character offsets `[start, end)` in the body of the words that name the source (the
    /// name, the pronoun or the role noun), `None` when no words do.
    #[serde(default)]
    pub source: Option<[usize; 2]>,
}

/// How a quote was tied to its source (serialised in snake case: `according_to`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cue {
    /// A reporting verb: `said`, `told`, `warned`, `adding that`.
    Verb,
    /// `according to X`.
    AccordingTo,
    /// `X: "..."` with no verb.
    Colon,
    /// A quote signed with a dash and a name: `"..." ― Name`.
    Signed,
    /// An interview transcript line: `PENCE: ...`.
    Transcript,
    /// A speech noun with its author: `a statement from X`, `X's statement reads "..."`.
    SpeechNoun,
    /// A quote paragraph with no cue of its own, continuing the previous quote's speaker.
    Continuation,
    /// A headline `Name: ...`.
    Headline,
    /// No cue.
    #[default]
    None,
}

/// How a quote's speaker was reached from its cue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Link {
    /// The name itself is the cue's source, in the attribution sentence.
    Name,
    /// A pronoun (`he said`) resolved to a person named earlier.
    Pronoun,
    /// A role noun or description (`the minister`, `the 74-year-old comedian`) standing for a
    /// person the article names.
    Role,
    /// The speaker of an earlier quote (a continued quote paragraph), or the person the
    /// sentence just before it is about (`X was not convinced. "..."`).
    Previous,
    /// No named person: an unnamed or organisational source.
    #[default]
    None,
}

/// How directly a quote's speaker is tied to it, derived from the chain of links:
/// - `high`: the name is in the quote's own sentence (or in the attribution sentence joined to
///   it), as the cue's source;
/// - `medium`: one step away: through a pronoun or a role noun, or a continued quote paragraph
///   whose previous quote was `high`;
/// - `low`: further: a continued quote paragraph whose previous quote was `medium` or `low`.
///
/// An unnamed source has the confidence of its cue (`high` in the sentence itself).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Furthest from the name.
    #[default]
    Low,
    /// One step from the name.
    Medium,
    /// The name in the quote's sentence.
    High,
}

impl Confidence {
    /// The confidence of a quote that continues a quote of this confidence.
    pub fn continued(self) -> Confidence {
        match self {
            Confidence::High => Confidence::Medium,
            _ => Confidence::Low,
        }
    }
}

/// The speakers and quotes of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attribution {
    pub speakers: Vec<String>,
    pub quotes: Vec<Quote>,
}

/// Attributes the quotes of an article. `headline` counts for speakers but quotes' offsets refer
/// to `body` only.
pub fn attribute(headline: &str, body: &str) -> Attribution {
    let doc = Doc::new(body, false);
    let mut state = State::new(&doc);
    state.register_names();
    // The headline is read against the body's names: a title-cased headline has too many
    // capitalised words to find names in on its own.
    let head = Doc::new(headline, true);
    state.register_headline_names(&head);
    state.link_short_forms();
    state.mention_lone_surnames();
    let mut head_speakers = Vec::new();
    {
        let mut hs = State::new(&head);
        hs.headline_of = Some(&state.names);
        hs.run(false);
        for p in hs.speaker_order {
            if let Some(name) = hs.resolved_names.get(p) {
                head_speakers.push(name.clone());
            }
        }
    }
    state.run(true);
    head_speakers.retain(|name| state.headline_speaker_is_person(name));
    let mut speakers: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for name in head_speakers.into_iter().chain(
        state
            .speaker_order
            .iter()
            .map(|&p| state.names.people[p].display.clone()),
    ) {
        if seen.insert(name.clone()) {
            speakers.push(name);
        }
    }
    Attribution {
        speakers,
        quotes: state.quotes,
    }
}

/// A cue found in a sentence and what it led to: the speaker (`None` for an unnamed source)
/// and the evidence a [`Quote`] carries. Token ranges are half-open.
#[derive(Clone, Copy, Debug)]
struct Found {
    /// Item index of the cue in its sentence.
    k: usize,
    speaker: Option<usize>,
    /// A finite verb (its reported clause may be a quote).
    finite: bool,
    cue: Cue,
    /// The cue's tokens.
    cue_toks: (usize, usize),
    link: Link,
    /// The tokens that name the source.
    source: Option<(usize, usize)>,
    confidence: Confidence,
    /// Character range of the attribution (set when the quote is emitted).
    attribution: [usize; 2],
}

/// The attribution state of one text: the body, or the headline read against the body's names
/// (`headline_of`). Each stage adds its methods in its own file.
struct State<'d> {
    doc: &'d Doc<'d>,
    names: Names,
    /// For the headline: the body's people.
    headline_of: Option<&'d Names>,
    /// Reused buffer for lower-case name keys.
    key_buf: String,
    resolved_names: Vec<String>,
    speaker_order: Vec<usize>,
    speaker_set: std::collections::HashSet<usize, lexicon::FnvBuild>,
    quotes: Vec<Quote>,
    /// Last words of names the article uses for organisations (`Zycie Warszawy daily said`).
    org_names: std::collections::HashSet<String, lexicon::FnvBuild>,
    /// Recent speakers and sentence subjects, most recent last (pronoun antecedents).
    salient: Vec<(usize, usize)>,
    /// The last unnamed person who spoke (`a ministry spokesman said`): the first token of
    /// that sentence and the gender of the noun (0 unknown), for a `he said` after it.
    unnamed_voice: Option<(usize, u8)>,
    /// The last attributed direct quote: its speaker and evidence, and its paragraph.
    last_quote: Option<(Found, u32)>,
    /// First token of the sentence being read.
    sent_start: usize,
    /// First tokens of the two sentences before it.
    prev_starts: Vec<usize>,
    /// Words after a courtesy title in the text (for the person test), made when first needed.
    courtesy: Option<std::collections::HashSet<String, lexicon::FnvBuild>>,
    /// The learned person test's verdicts so far: (person, the person it stands for, the
    /// name's words as written) → person. Every use of a name is read for it, so it is asked
    /// once per name, not once per cue.
    person_verdicts: Vec<(usize, usize, String, bool)>,
    /// One-word names (lower-cased) the article's words showed a person's or not, and the
    /// gender its pronouns showed (see `one_name_person`).
    one_name: Vec<(String, bool, u8)>,
    /// The interview answer being read (`((Jane Doe)) ...`): its paragraph and speaker, for
    /// `I said "..."` inside it.
    answer: Option<(u32, sources::Src)>,
    /// The paragraph of the interview question being read (`((WN)) ...`), for `you said "..."`.
    question: Option<u32>,
    /// One-word names outside quotes (`Martin was pleased`): (first token, name token), made
    /// mentions of the full name they stand for once short forms are linked.
    lone: Vec<(usize, usize)>,
    /// Words (by case-blind hash) → the first token where `a`/`an`/`one` introduced them (`a
    /// banker`), made when first needed.
    indefinite: std::cell::OnceCell<std::collections::HashMap<u64, usize, lexicon::FnvBuild>>,
}

impl<'d> State<'d> {
    fn new(doc: &'d Doc<'d>) -> Self {
        State {
            doc,
            names: Names::default(),
            headline_of: None,
            key_buf: String::new(),
            resolved_names: Vec::new(),
            speaker_order: Vec::new(),
            speaker_set: Default::default(),
            quotes: Vec::new(),
            salient: Vec::new(),
            org_names: Default::default(),
            last_quote: None,
            unnamed_voice: None,
            sent_start: 0,
            prev_starts: Vec::new(),
            courtesy: None,
            person_verdicts: Vec::new(),
            one_name: Vec::new(),
            answer: None,
            question: None,
            lone: Vec::new(),
            indefinite: std::cell::OnceCell::new(),
        }
    }

    /// The names of the article's body (for a headline, the body it heads).
    fn body_names(&self) -> &Names {
        self.headline_of.unwrap_or(&self.names)
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod who_said_tests;
