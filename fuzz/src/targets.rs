//! The fuzz targets: each takes arbitrary bytes and runs one part of newsdex that reads what
//! users and archives hand it. A target passes when it returns; a panic, an abort or a hang is a
//! finding. Shared by the AFL++ binaries (`fuzz/src/bin/`) and by the main crate's test
//! `tests/fuzz.rs`, which replays the committed seeds through every target on each `cargo test`.
//!
//! | target | what it runs |
//! | --- | --- |
//! | `query` | a query through the checks, the parser with prefix rewriting, and a search with snippets and suggestions, over a small index of sentences written for it |
//! | `ingest` | the decoder, the story splitter, sentences and snippets of each story's body |
//! | `extract` | decoding and splitting, then both extractors (`extract::extract`), and the text as a user's `--country` value |
//! | `aliases` | the aliases file reader |
//! | `list` | the batch list reader (text and CSV), and each line's query checks |

use std::cell::RefCell;
use std::path::Path;

use newsdex::analysis::batch;
use newsdex::extract::{self, countries};
use newsdex::index::{self, IndexOptions, Skipped};
use newsdex::ingest::{decode, sentences, stories};
use newsdex::query::aliases::Aliases;
use newsdex::query::archive::Archive;
use newsdex::query::request::SearchRequest;
use newsdex::query::snippet;

/// A target: it takes any bytes.
pub type Target = fn(&[u8]);

/// The targets, by name.
pub const TARGETS: &[(&str, Target)] = &[
    ("query", query),
    ("ingest", ingest),
    ("extract", extract),
    ("aliases", aliases),
    ("list", list),
];

/// The articles of the `query` target's index: sentences written for it, with speakers,
/// countries, dates and words that share prefixes.
const ARTICLES: &[(&str, &str)] = &[
    (
        "2023-03-01_sanctions.txt",
        "Council weighs new sanctions\n\nUNITED NATIONS (Dispatches) \u{2014} The council debated \
         sanctions on Tuesday. \"We want sanctions that work,\" said Maria Lopez, the envoy of \
         Spain. Sanctioned firms in Norway objected.\n",
    ),
    (
        "2023-04-02_veto.txt",
        "Draft vetoed again\n\nThe sanctions draft was vetoed by one member. \"The veto is a \
         mistake,\" said Tomás Ruiz. Delegates from Japan and Chile said talks go on.\n",
    ),
    (
        "2021-05-03_francois.txt",
        "François Martin visits the port\n\nFrançois Martin toured the harbour and spoke about \
         trade with Canada. \"Trade is life,\" he said.\n",
    ),
    (
        "undated.txt",
        "Harbour reopens\n\nThe harbour reopened after the storm, officials in Kenya said.\n",
    ),
];

thread_local! {
    /// The index of [`ARTICLES`], built once per process (AFL runs many inputs per process).
    static ARCHIVE: RefCell<Option<(tempfile::TempDir, Archive)>> = const { RefCell::new(None) };
}

fn with_archive(run: impl FnOnce(&Archive)) {
    ARCHIVE.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let archive = dir.path().join("archive");
            std::fs::create_dir(&archive).expect("mkdir");
            for (name, text) in ARTICLES {
                std::fs::write(archive.join(name), text).expect("write");
            }
            let index = dir.path().join("index");
            index::build(
                &archive,
                &index,
                &IndexOptions::default(),
                &|_: &Skipped| {},
            )
            .expect("the seed archive indexes");
            let opened = Archive::open(&index).expect("the seed index opens");
            *cell = Some((dir, opened));
        }
        if let Some((_, archive)) = cell.as_ref() {
            run(archive);
        }
    });
}

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// A query: the checks, the parser with prefix rewriting, a search.
pub fn query(data: &[u8]) {
    let query = text(data);
    with_archive(|archive| {
        let _ = archive.parse_with_notes(&query);
        let request = SearchRequest {
            limit: 3,
            ..SearchRequest::new(query.clone())
        };
        let _ = archive.search(&request);
    });
}

/// The decoder, the story splitter, and sentences and snippets of each body.
pub fn ingest(data: &[u8]) {
    let Ok((text, _)) = decode::decode(data) else {
        return;
    };
    let terms = snippet::QueryTerms::from_terms(["the", "said", "sanction", "x"]);
    let mut analyzer = newsdex::index::analyzer();
    for article in stories::split_articles("fuzz/2023-01-02_input.txt", &text) {
        let _ = sentences::sentences(&article.body);
        let _ = snippet::snippets(&article.body, &terms, &mut analyzer);
    }
}

/// Decoding and splitting, then both extractors.
pub fn extract(data: &[u8]) {
    let Ok((text, _)) = decode::decode(data) else {
        return;
    };
    for article in stories::split_articles("fuzz/input.txt", &text) {
        let _ = extract::extract(&article);
    }
    // A user's `--country` value.
    let _ = countries::resolve(&text);
}

/// The aliases file reader.
pub fn aliases(data: &[u8]) {
    let _ = Aliases::parse(&text(data), Path::new("aliases.toml"));
}

/// The batch list reader, as text and as CSV, and each line's query checks. Bytes that are UTF-8
/// or open with a byte-order mark go through the decoder as `batch` reads them; other bytes are
/// read as lossy UTF-8, because guessing their legacy encoding (chardetng, byte by byte) took
/// 70 % of this target's time under instrumentation and is the `ingest` target's job.
pub fn list(data: &[u8]) {
    let bom = data.starts_with(&[0xEF, 0xBB, 0xBF])
        || data.starts_with(&[0xFF, 0xFE])
        || data.starts_with(&[0xFE, 0xFF]);
    let text = if bom || std::str::from_utf8(data).is_ok() {
        match decode::decode(data) {
            Ok((text, _)) => text,
            Err(_) => return,
        }
    } else {
        text(data)
    };
    for csv in [false, true] {
        if let Ok(lines) = batch::parse_list(&text, csv, Path::new("list")) {
            for line in lines {
                let _ = newsdex::query::parse::check_shape(&batch::query_of(&line.text));
            }
        }
    }
}
