//! Test helpers: a temporary copy of an archive, its index, and the binary to run on it.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// The repository's shipped demo archive.
pub fn repo_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// `../shared` next to the repository, if present (it holds the real corpora and the gold).
pub fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: ../shared is absent (it holds the real corpora this test reads)");
        None
    }
}

/// The `newsdex` binary with a clean environment.
pub fn newsdex() -> Command {
    let mut cmd = Command::cargo_bin("newsdex").expect("the newsdex binary is built");
    cmd.env_remove("NO_COLOR").env_remove("NEWSDEX_INDEX");
    cmd
}

/// A temporary folder holding an archive (`archive/`) and an index (`index/`).
pub struct Fixture {
    pub dir: TempDir,
}

impl Fixture {
    /// An empty fixture.
    pub fn new() -> Fixture {
        Fixture {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// A copy of the shipped `corpus/`, indexed.
    pub fn corpus() -> Fixture {
        let fixture = Fixture::new();
        copy_dir(&repo_corpus(), &fixture.archive());
        fixture.index_archive();
        fixture
    }

    pub fn archive(&self) -> PathBuf {
        self.dir.path().join("archive")
    }

    pub fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// Writes a file into the archive.
    pub fn create(&self, relative: &str, contents: impl AsRef<[u8]>) {
        let path = self.archive().join(relative);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, contents).expect("write");
    }

    /// Runs `newsdex index` on the archive and checks that it succeeded.
    pub fn index_archive(&self) {
        self.cmd(&["index"]).arg(self.archive()).assert().success();
    }

    /// `newsdex ARGS... --index INDEX`.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = newsdex();
        cmd.args(args).arg("--index").arg(self.index());
        cmd
    }

    /// Runs `newsdex search QUERY EXTRA... --json` and parses the output.
    pub fn search_json(&self, query: &str, extra: &[&str]) -> crate::json::Results {
        let output = self
            .cmd(&["search", query, "--json"])
            .args(extra)
            .output()
            .expect("newsdex runs");
        assert!(
            output.status.code() == Some(0) || output.status.code() == Some(1),
            "search failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!(
                "output does not match the documented format: {e}\n{}",
                String::from_utf8_lossy(&output.stdout)
            )
        })
    }
}

/// Asserts that a `newsdex` run exited 0, showing its stderr when it did not.
pub fn assert_ran_ok(output: &std::process::Output) {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
