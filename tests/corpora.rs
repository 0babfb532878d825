//! Runs over the real corpora in `../shared/corpora` (skipped when it is absent): none of their
//! one-story files may be split, and extraction must not panic on any of them.

use newsdex::ingest::walk;
use std::path::Path;

use newsdex::extract;
use newsdex::ingest::walk::Found;

use crate::util::shared;

#[test]
fn no_corpus_file_is_split_and_extraction_never_panics() {
    let Some(shared) = shared() else { return };
    let root = shared.join("corpora");
    let found = walk::walk(&root, &Default::default()).expect("the corpora folder");
    let mut files = 0;
    let mut split = Vec::new();
    for entry in found {
        let Found::File { path, relative } = entry else {
            panic!("unexpected problem in {}: {entry:?}", root.display())
        };
        let articles = newsdex::ingest::read::read_articles(&path, &relative).expect("readable");
        files += 1;
        if articles.len() != 1 {
            split.push(format!("{relative}: {} articles", articles.len()));
        }
        for article in &articles {
            let extraction = extract::extract(article);
            for quote in &extraction.quotes {
                assert!(quote.start <= quote.end, "{relative}: {quote:?}");
            }
        }
    }
    assert_eq!(files, 22_884, "the corpora changed");
    assert!(split.is_empty(), "split files: {split:?}");
}

#[test]
fn the_seed_file_in_shared_is_two_articles() {
    let Some(shared) = shared() else { return };
    let path = shared.join("seed/000_f539c37ecbe7f26d.txt");
    let articles =
        newsdex::ingest::read::read_articles(&path, "000_f539c37ecbe7f26d.txt").expect("seed");
    assert_eq!(articles.len(), 2);
    assert!(Path::new(&articles[1].path).ends_with("000_f539c37ecbe7f26d.txt"));
}
