/*!
What the pages show, ready to print: plain data built by the `pages` and `search_page` modules
(which use this one) and the templates that print it (askama, compiled into the binary, under
`src/serve/templates/`).

Templates only print: every value is text (askama escapes it for HTML, so an article's
`<script>` shows as text) or an address built by the `links` module. A facet is a
[`FacetBox`] whatever it counts, so a new facet (issue 20's sources) is one more box built, with
no template change; a new field of a hit is one more line in `search.html`.
*/

use askama::Template;

/// A link: text and address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub href: String,
}

impl Link {
    pub fn new(text: impl Into<String>, href: impl Into<String>) -> Link {
        Link {
            text: text.into(),
            href: href.into(),
        }
    }
}

/// A choice among several (the order of hits): its link, and whether it is the current one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub link: Link,
    pub current: bool,
}

/// A filter in force, shown as a chip above the hits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chip {
    /// "Speaker", "Not country", "Since".
    pub label: String,
    pub value: String,
    /// The page without this filter.
    pub remove: String,
    /// Whether it leaves articles out.
    pub exclude: bool,
}

/// One value of a facet with its counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetEntry {
    pub label: String,
    /// The counts, as shown ("12", "12 · 30").
    pub count: String,
    /// The page with this value as a filter (or without it, when it is one already).
    pub href: String,
    /// The page leaving articles with this value out, for facets that can.
    pub exclude: Option<String>,
    /// Whether the value is a filter in force.
    pub selected: bool,
    /// Values under this one (sub-regions of a region).
    pub children: Vec<FacetEntry>,
}

/// A facet down the side: its values for the current query, a box to filter them and a link to
/// list more.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetBox {
    /// The facet's name ("speaker"): the box's id and its filter parameter's prefix.
    pub name: String,
    /// "Speakers".
    pub title: String,
    /// What the counts are ("articles · quotes").
    pub counts: String,
    pub entries: Vec<FacetEntry>,
    /// The filter box's parameter (`speaker_match`) and text.
    pub match_param: String,
    pub match_text: String,
    /// The rest of the page's state, kept by the filter box's form.
    pub hidden: Vec<(String, String)>,
    /// "more" or "fewer".
    pub more: Option<Link>,
    /// Says how many values there are when not all are listed.
    pub note: Option<String>,
}

/// A stretch of a snippet: text, and whether it is a match.
pub type Segment = (String, bool);

/// One hit of a search.
#[derive(Clone, Debug, PartialEq)]
pub struct HitView {
    pub rank: usize,
    pub headline: String,
    pub href: String,
    /// `path#N` as the command line names it.
    pub target: String,
    pub dateline: Option<String>,
    pub date: Option<String>,
    /// Speakers, to their pages.
    pub speakers: Vec<Link>,
    /// Countries, to a search filtered by them.
    pub countries: Vec<Link>,
    pub snippets: Vec<Vec<Segment>>,
    /// Near-identical copies of the story.
    pub copies: Vec<Link>,
}

/// A bar of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    /// The page narrowed to the bar's period.
    pub href: String,
    /// "2004-03: 12 articles".
    pub title: String,
    /// Whether the period is outside the dates in force (drawn paler).
    pub outside: bool,
}

/// The timeline of the current query's hits, drawn as inline SVG.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineView {
    pub width: f32,
    pub height: f32,
    pub bars: Vec<Bar>,
    /// Labels under the axis: x and text.
    pub labels: Vec<(f32, String)>,
    /// "by month", "by year".
    pub by: String,
    /// The largest count, for the axis.
    pub max: u64,
    /// Says how many hits have no date.
    pub undated: Option<String>,
}

/// The search page.
#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    pub title: String,
    /// The search box's text.
    pub q: String,
    pub since: String,
    pub until: String,
    /// The state the search form keeps (filters, order).
    pub hidden: Vec<(String, String)>,
    /// A query or parameter error, shown above the hits.
    pub error: Option<String>,
    /// "1–10 of 523 articles".
    pub summary: String,
    pub sorts: Vec<Choice>,
    pub copies_toggle: Option<Link>,
    pub downloads: Vec<Link>,
    pub did_you_mean: Option<Link>,
    pub notes: Vec<String>,
    pub chips: Vec<Chip>,
    pub clear: Option<String>,
    pub timeline: Option<TimelineView>,
    pub hits: Vec<HitView>,
    pub pages: Vec<Choice>,
    pub facets: Vec<FacetBox>,
}

/// A stretch of an article's paragraph: text, or (part of) a quote; and the label of a quote
/// that starts here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PieceView {
    pub text: String,
    pub quote: Option<QuoteMark>,
    pub label: Option<QuoteMark>,
}

/// How a quote is marked in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteMark {
    /// The speaker's name, or "unnamed source".
    pub speaker: String,
    /// The speaker's page, for named speakers.
    pub href: Option<String>,
    /// Words in quotation marks (`true`) or reported speech.
    pub direct: bool,
    /// The quote's number, counted from 1.
    pub number: usize,
}

/// A speaker of an article: the page of what they said, and a search of the articles quoting
/// them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerLinks {
    pub name: String,
    pub page: String,
    pub search: String,
}

/// The page of one article (`show`).
#[derive(Template)]
#[template(path = "article.html")]
pub struct ArticlePage {
    pub title: String,
    pub headline: String,
    pub target: String,
    pub dateline: Option<String>,
    pub date: Option<String>,
    pub speakers: Vec<SpeakerLinks>,
    pub countries: Vec<Link>,
    pub paragraphs: Vec<Vec<PieceView>>,
    pub quote_count: usize,
    /// Quotes not found verbatim in the body, listed apart.
    pub unplaced: Vec<QuoteMarkText>,
    /// The other stories of the file.
    pub stories: Vec<Choice>,
    pub json: String,
}

/// A quote listed apart from the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteMarkText {
    pub mark: QuoteMark,
    pub text: String,
}

/// An article on a speaker's page, with what they said in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaidIn {
    pub headline: String,
    pub href: String,
    pub date: Option<String>,
    pub dateline: Option<String>,
    pub quotes: Vec<Said>,
}

/// Quotes on a speaker's page, in the sentences that hold them: stretches of text, each a
/// quote (in quotation marks: `Some(true)`, reported: `Some(false)`) or not (`None`).
pub type Said = Vec<(String, Option<bool>)>;

/// A value that appears with the speaker, and in how many articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WithCount {
    pub link: Link,
    pub articles: u64,
}

/// A speaker's page: what they said (`quotes`), newest first, and the countries and people they
/// appear with (`cooccur`).
#[derive(Template)]
#[template(path = "speaker.html")]
pub struct SpeakerPage {
    pub title: String,
    pub name: String,
    /// "91 articles, 120 quotes".
    pub summary: String,
    pub search: String,
    pub said: Vec<SaidIn>,
    pub pages: Vec<Choice>,
    pub countries: Vec<WithCount>,
    pub people: Vec<WithCount>,
    pub json: String,
}

/// An error page: the status and the message.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub title: String,
    pub status: u16,
    pub message: String,
}
