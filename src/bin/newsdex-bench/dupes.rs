//! `newsdex-bench dupes INDEX`: every group of near-identical articles in an index (the same
//! check as `search`'s collapsing, over all pairs sharing a band key), and a seeded sample of
//! pairs to judge by hand.

use std::collections::HashMap;
use std::path::Path;

use tantivy::schema::Value;
use tantivy::{DocAddress, TantivyDocument};

use newsdex::query::archive::Archive;
use newsdex::query::dupes;

/// Union-find root.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

pub fn run(index: &Path, sample: usize, seed: u64) -> anyhow::Result<()> {
    let archive = Archive::open(index)?;
    let searcher = archive.searcher();
    let fields = *archive.fields();
    let mut addresses = Vec::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        for doc in segment.doc_ids_alive() {
            addresses.push(DocAddress::new(ord as u32, doc));
        }
    }
    let mut by_key: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, &address) in addresses.iter().enumerate() {
        for key in dupes::article_bands(&searcher, address) {
            by_key.entry(key).or_default().push(i);
        }
    }
    let text = |address: DocAddress, field| -> String {
        searcher
            .doc::<TantivyDocument>(address)
            .ok()
            .and_then(|d| {
                d.get_first(field)
                    .and_then(|v| v.as_str().map(str::to_string))
            })
            .unwrap_or_default()
    };
    let mut parent: Vec<usize> = (0..addresses.len()).collect();
    let mut checked: HashMap<(usize, usize), bool> = HashMap::new();
    let mut candidates = 0usize;
    let mut pairs = Vec::new();
    for members in by_key.values().filter(|m| m.len() > 1) {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let key = (i.min(j), i.max(j));
                if checked.contains_key(&key) {
                    continue;
                }
                candidates += 1;
                let same = newsdex::extract::signature::same_story(
                    &text(addresses[i], fields.body),
                    &text(addresses[j], fields.body),
                );
                checked.insert(key, same);
                if same {
                    pairs.push(key);
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a] = b;
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..addresses.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let groups: Vec<&Vec<usize>> = groups.values().filter(|g| g.len() > 1).collect();
    let in_groups: usize = groups.iter().map(|g| g.len()).sum();
    println!(
        "{} articles, {} candidate pairs (a shared band key), {} copy pairs, {} groups holding {} articles (largest {})",
        addresses.len(),
        candidates,
        pairs.len(),
        groups.len(),
        in_groups,
        groups.iter().map(|g| g.len()).max().unwrap_or(0)
    );
    // A seeded sample of copy pairs (xorshift), printed for judging.
    let mut state = seed.max(1);
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    pairs.sort_unstable();
    // Fisher-Yates: a sample without repeats.
    for k in (1..pairs.len()).rev() {
        pairs.swap(k, (next() % (k as u64 + 1)) as usize);
    }
    for (shown, &(i, j)) in pairs.iter().take(sample).enumerate() {
        let path = |k: usize| text(addresses[k], fields.path);
        let head = |k: usize| text(addresses[k], fields.headline);
        let start = |k: usize| {
            text(addresses[k], fields.body)
                .chars()
                .take(160)
                .collect::<String>()
                .replace('\n', " ")
        };
        println!("--- pair {}", shown + 1);
        println!("A {}  {}\n  {}", path(i), head(i), start(i));
        println!("B {}  {}\n  {}", path(j), head(j), start(j));
    }
    Ok(())
}
