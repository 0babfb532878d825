//! The fuzz targets (`fuzz/src/targets.rs`, run by AFL++ as `fuzz/README.md` says) on every
//! `cargo test`: the committed seeds, the inputs of issue 21, and a short run of random
//! mutations of them (seeded, so that a failure repeats). A target fails by panicking.

#[path = "../fuzz/src/targets.rs"]
#[allow(dead_code)]
mod targets;

use std::path::Path;

/// Mutated inputs per target: a few seconds in all in a debug build.
const MUTATIONS: usize = 300;

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut seeds: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(f).expect("a seed"))
        .collect();
    // The inputs of issue 21 that are too large to commit.
    seeds.push(format!("{}sanctions{}", "(".repeat(9_000), ")".repeat(9_000)).into_bytes());
    seeds.push(format!("Lines\n\n{}", "x\n".repeat(100_000)).into_bytes());
    seeds.push("(".repeat(100_000).into_bytes());
    seeds.push("-".repeat(100_000).into_bytes());
    seeds.push("a^".repeat(20_000).into_bytes());
    seeds.push("NOT ".repeat(20_000).into_bytes());
    seeds
}

/// xorshift64*: a fixed sequence, so that a failing mutation is found again.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

/// Bytes the parsers and readers give a meaning to.
const SPECIAL: &[&[u8]] = &[
    b"(",
    b")",
    b"\"",
    b"*",
    b":",
    b"-",
    b"+",
    b"^",
    b"~",
    b"[",
    b"]",
    b"{",
    b"}",
    b"\\",
    b" AND ",
    b" OR ",
    b"NOT ",
    b"\n",
    b"\n\n",
    b"---\n",
    b"\x0c",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\0",
    b"\xc3\xa7",
    b"\xcc\xa7",
    b"=",
    b"#",
    b",",
    b"[[alias]]\n",
    b"name = ",
    b"\xe2\x80\x9c",
    b"said ",
    b"UNITED NATIONS (Dispatches) \xe2\x80\x94 ",
];

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..=rng.below(8) {
        let at = rng.below(data.len() + 1);
        match rng.below(5) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 => {
                let special = SPECIAL[rng.below(SPECIAL.len())];
                data.splice(at..at, special.iter().copied());
            }
            2 if at < data.len() => {
                let end = (at + rng.below(64)).min(data.len());
                data.drain(at..end);
            }
            3 if at < data.len() => {
                let end = (at + rng.below(64)).min(data.len());
                let chunk: Vec<u8> = data[at..end].repeat(1 + rng.below(16));
                data.splice(at..at, chunk);
            }
            _ => data.truncate(at),
        }
    }
    data
}

/// Runs one input; a panic fails the test naming the target and the input.
fn run(name: &str, target: fn(&[u8]), input: &[u8]) {
    if std::panic::catch_unwind(|| target(input)).is_err() {
        let shown: String = String::from_utf8_lossy(input).chars().take(300).collect();
        panic!("target `{name}` failed on {} bytes: {shown:?}", input.len());
    }
}

#[test]
fn fuzz_targets_pass_their_seeds_and_a_short_mutation_run() {
    for &(name, target) in targets::TARGETS {
        let seeds = seeds(name);
        assert!(seeds.len() > 6, "{name}: committed seeds");
        for seed in &seeds {
            run(name, target, seed);
        }
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ name.len() as u64);
        for _ in 0..MUTATIONS {
            let seed = &seeds[rng.below(seeds.len())];
            if seed.len() > 64 * 1024 {
                continue;
            }
            run(name, target, &mutate(&mut rng, seed));
        }
    }
}
