/*!
The generated archive: N new articles made by recombining real paragraphs of a source archive,
reproducible from a seed.

Each article takes the headline of a random real article, then random real paragraphs while they
fit the length of another random real article's body (so sizes follow the source's).
Dates are spread over 1985-2024 and written into the file name (`1996-08-22_0000042.txt`, which
newsdex reads as the date), folders are `DESK/YYYY/MM/`. Paragraphs shaped like a headline are
left out of the pool so that newsdex's story splitter sees one story per file, as the peers do.
The same seed and source always give the same files.
*/

use newsdex::ingest::{stories, walk};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use rayon::prelude::*;

use newsdex::ingest::walk::Found;

const DESKS: &[&str] = &[
    "world", "business", "politics", "markets", "science", "sport", "culture", "regions",
];
/// First day of the dates, as days since 1970-01-01 (1985-01-01), and their span (40 years).
const FIRST_DAY: i64 = 5_479;
const DAYS: u64 = 14_610;
/// The file that records what a generated folder holds, so a second run can reuse it.
const STAMP: &str = ".newsdex-bench-archive";
/// Version of the generator, recorded in the stamp.
const GENERATOR: u32 = 2;

/// Real text to recombine.
pub struct Pool {
    headlines: Vec<String>,
    paragraphs: Vec<String>,
    body_lengths: Vec<usize>,
}

impl Pool {
    pub fn read(source: &Path) -> anyhow::Result<Pool> {
        let mut pool = Pool {
            headlines: Vec::new(),
            paragraphs: Vec::new(),
            body_lengths: Vec::new(),
        };
        let found = walk::walk(source, &Default::default())
            .with_context(|| format!("walking {}", source.display()))?;
        for entry in found {
            let Found::File { path, relative } = entry else {
                continue;
            };
            let Ok(articles) = newsdex::ingest::read::read_articles(&path, &relative) else {
                continue;
            };
            for article in articles {
                pool.headlines.push(article.headline);
                pool.body_lengths.push(article.body.len());
                for paragraph in article.body.lines().map(str::trim) {
                    if paragraph.len() >= 60 && !stories::is_headline_shaped(paragraph) {
                        pool.paragraphs.push(paragraph.to_string());
                    }
                }
            }
        }
        anyhow::ensure!(
            !pool.headlines.is_empty() && !pool.paragraphs.is_empty(),
            "{} holds no articles to recombine; point --corpus at an archive of .txt articles",
            source.display()
        );
        Ok(pool)
    }
}

/// SplitMix64: small, fast, and enough for picking paragraphs reproducibly.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Year, month, day of a day number (days since 1970-01-01; Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The folder and file name of article `i`: the first draws of its generator.
fn place(rng: &mut Rng, i: usize) -> (String, String) {
    let desk = DESKS[rng.below(DESKS.len())];
    let (y, m, d) = civil_from_days(FIRST_DAY + (rng.next() % DAYS) as i64);
    (
        format!("{desk}/{y:04}/{m:02}"),
        format!("{y:04}-{m:02}-{d:02}_{i:07}.txt"),
    )
}

/// Where article `i` goes and what it says.
fn article(pool: &Pool, seed: u64, i: usize) -> (String, String) {
    let mut rng = Rng::new(seed, i as u64);
    let (folder, name) = place(&mut rng, i);
    let path = format!("{folder}/{name}");
    let headline = &pool.headlines[rng.below(pool.headlines.len())];
    let target = pool.body_lengths[rng.below(pool.body_lengths.len())];
    let mut text = String::with_capacity(target + 512);
    text.push_str(headline);
    text.push_str("\n\n");
    let body_start = text.len();
    // Paragraphs while they fit the target length (at least one).
    for _ in 0..40 {
        let paragraph = &pool.paragraphs[rng.below(pool.paragraphs.len())];
        let body = text.len() - body_start;
        if body > 0 && body + paragraph.len() > target {
            break;
        }
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    (path, text)
}

/// What was generated.
pub struct Generated {
    pub dir: PathBuf,
    pub articles: usize,
    pub bytes: u64,
    pub seconds: f64,
    pub reused: bool,
}

/// Generates `count` articles from `source` into `out`, or reuses `out` when it already holds
/// exactly that (same count, seed and source).
pub fn generate(source: &Path, out: &Path, count: usize, seed: u64) -> anyhow::Result<Generated> {
    // GENERATOR changes whenever the same seed would give other files.
    let stamp_text = format!(
        "generator {GENERATOR}\narticles {count}\nseed {seed}\nsource {}\n",
        source.display()
    );
    let stamp = out.join(STAMP);
    if let Ok(old) = std::fs::read_to_string(&stamp) {
        if let Some((head, bytes)) = old.rsplit_once("bytes ") {
            if head == stamp_text {
                return Ok(Generated {
                    dir: out.to_path_buf(),
                    articles: count,
                    bytes: bytes.trim().parse().unwrap_or(0),
                    seconds: 0.0,
                    reused: true,
                });
            }
        }
    }
    let started = Instant::now();
    if out.exists() {
        std::fs::remove_dir_all(out)
            .with_context(|| format!("removing the old generated archive {}", out.display()))?;
    }
    let pool = Pool::read(source)?;
    let mut folders = BTreeSet::new();
    for i in 0..count {
        folders.insert(place(&mut Rng::new(seed, i as u64), i).0);
    }
    for folder in &folders {
        let dir = out.join(folder);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let bytes = (0..count)
        .into_par_iter()
        .map(|i| -> anyhow::Result<u64> {
            let (path, text) = article(&pool, seed, i);
            let file = out.join(&path);
            std::fs::write(&file, &text).with_context(|| format!("writing {}", file.display()))?;
            Ok(text.len() as u64)
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    std::fs::write(&stamp, format!("{stamp_text}bytes {bytes}\n"))
        .with_context(|| format!("writing {}", stamp.display()))?;
    Ok(Generated {
        dir: out.to_path_buf(),
        articles: count,
        bytes,
        seconds: started.elapsed().as_secs_f64(),
        reused: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(FIRST_DAY), (1985, 1, 1));
        assert_eq!(civil_from_days(11_017), (2000, 3, 1));
    }

    #[test]
    fn reproducible() {
        let pool = Pool {
            headlines: vec!["A".into(), "B".into()],
            paragraphs: vec!["one.".into(), "two.".into(), "three.".into()],
            body_lengths: vec![3, 10],
        };
        assert_eq!(article(&pool, 7, 3), article(&pool, 7, 3));
        assert_ne!(article(&pool, 7, 3), article(&pool, 8, 3));
        let (path, _) = article(&pool, 7, 3);
        let (folder, name) = place(&mut Rng::new(7, 3), 3);
        assert_eq!(path, format!("{folder}/{name}"));
    }
}
