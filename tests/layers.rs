//! The source tree's layering: the folders of `src/` are the pipeline's stages and imports only
//! point down it; no two files import each other, directly or through others.
//!
//! The test reads the sources (no compiler plugin, no dependency): comments, strings and
//! character literals are blanked, then every `use` tree and every `crate::`, `super::` and
//! `self::` path is resolved to the file of the module it names. `tools/module-graph` prints the
//! graph this test checks (`print_module_graph`).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The library's stages, lowest first. A file may use files of its own stage and of the stages
/// before it in this list, never one after it. `error` is shared by all.
const STAGES: &[&str] = &[
    "error", "ingest", "extract", "index", "query", "analysis", "report",
];

/// One source file and the module path it defines (`["query", "search"]`).
struct File {
    path: PathBuf,
    module: Vec<String>,
    lines: usize,
}

/// A crate: its files and the edges between them (file index → file indexes it uses).
struct Crate {
    files: Vec<File>,
    edges: BTreeMap<usize, BTreeSet<usize>>,
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The `.rs` files under `dir` (recursively), with the module path each defines relative to
/// `root_module`.
fn collect(dir: &Path, base: &[String], skip: &[&str], out: &mut Vec<File>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("readable src folder")
        .map(|e| e.expect("readable entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if path.is_dir() {
            if skip.contains(&name.as_str()) {
                continue;
            }
            let mut module = base.to_vec();
            module.push(name);
            collect(&path, &module, skip, out);
        } else if let Some(stem) = name.strip_suffix(".rs") {
            let mut module = base.to_vec();
            if !matches!(stem, "mod" | "lib" | "main") {
                module.push(stem.to_string());
            }
            let text = fs::read_to_string(&path).expect("readable source");
            out.push(File {
                lines: text.lines().count(),
                path,
                module,
            });
        }
    }
}

/// The source with comments, string literals and character literals blanked out (lifetimes
/// stay).
fn strip(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && matches!(next, Some('"' | '#')) && !prev_is_ident(&chars, i) {
            // A raw string: r"...", r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{201c}') or a lifetime ('a).
            if next == Some('\\') {
                let mut j = i + 2;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
                out.push_str("' '");
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push_str("' '");
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn prev_is_ident(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// Tokens: identifiers, `::`, and single punctuation characters.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push("::".to_string());
            i += 2;
        } else if c.is_whitespace() {
            i += 1;
        } else {
            out.push(c.to_string());
            i += 1;
        }
    }
    out
}

/// The paths a `use` tree names, starting at `tokens[*at]`; stops after the tree.
fn use_tree(tokens: &[String], at: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut path = prefix;
    loop {
        match tokens.get(*at).map(String::as_str) {
            Some("{") => {
                *at += 1;
                loop {
                    if tokens.get(*at).map(String::as_str) == Some("}") {
                        *at += 1;
                        return;
                    }
                    use_tree(tokens, at, path.clone(), out);
                    match tokens.get(*at).map(String::as_str) {
                        Some(",") => *at += 1,
                        Some("}") => {
                            *at += 1;
                            return;
                        }
                        _ => return,
                    }
                }
            }
            Some("*") => {
                *at += 1;
                out.push(path);
                return;
            }
            Some("::") => *at += 1,
            Some(word) if is_ident(word) => {
                path.push(word.to_string());
                *at += 1;
                if tokens.get(*at).map(String::as_str) == Some("as") {
                    *at += 2;
                }
                if tokens.get(*at).map(String::as_str) != Some("::") {
                    out.push(path);
                    return;
                }
            }
            _ => {
                out.push(path);
                return;
            }
        }
    }
}

fn is_ident(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// The module paths a file refers to, as absolute paths from its crate's root (`super`,
/// `self` and paths relative to the module resolved), each with whether it is a plain `mod`
/// declaration (not counted as a use).
fn references(file: &File, modules: &BTreeSet<Vec<String>>) -> Vec<Vec<String>> {
    let text = strip(&fs::read_to_string(&file.path).expect("readable source"));
    let tokens = tokens(&text);
    let mut out = Vec::new();
    // Inline modules (`mod tests { ... }`): their names and the brace depth they close at.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let current: Vec<String> = file
            .module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(name, _)| name.clone()))
            .collect();
        let resolve = |path: &[String]| -> Option<Vec<String>> {
            let mut base = current.clone();
            let mut rest = path;
            match rest.first().map(String::as_str) {
                Some("crate") => {
                    base.clear();
                    rest = &rest[1..];
                }
                Some("self") => rest = &rest[1..],
                Some("super") => {
                    while rest.first().map(String::as_str) == Some("super") {
                        base.pop();
                        rest = &rest[1..];
                    }
                }
                Some(first) => {
                    let mut child = current.clone();
                    child.push(first.to_string());
                    if !modules.contains(&child) {
                        return None;
                    }
                }
                None => return None,
            }
            base.extend(rest.iter().cloned());
            Some(base)
        };
        match tokens[i].as_str() {
            "{" => {
                depth += 1;
                i += 1;
            }
            "}" => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                i += 1;
            }
            "mod" if tokens.get(i + 2).map(String::as_str) == Some("{") => {
                inline.push((tokens[i + 1].clone(), depth));
                depth += 1;
                i += 3;
            }
            "use" => {
                i += 1;
                let mut paths = Vec::new();
                use_tree(&tokens, &mut i, Vec::new(), &mut paths);
                out.extend(paths.iter().filter_map(|p| resolve(p)));
            }
            "crate" | "super" | "self" if tokens.get(i + 1).map(String::as_str) == Some("::") => {
                let mut path = vec![tokens[i].clone()];
                i += 1;
                while tokens.get(i).map(String::as_str) == Some("::")
                    && tokens.get(i + 1).is_some_and(|t| is_ident(t))
                {
                    path.push(tokens[i + 1].clone());
                    i += 2;
                }
                out.extend(resolve(&path));
            }
            _ => i += 1,
        }
    }
    out
}

/// Reads a crate rooted at `dir` (files of the folders in `skip` left out) and resolves its
/// edges.
fn read_crate(dir: &Path, root_files: &[&str], skip: &[&str]) -> Crate {
    let mut files = Vec::new();
    collect(dir, &[], skip, &mut files);
    files.retain(|f| {
        !f.module.is_empty()
            || root_files.contains(
                &f.path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default(),
            )
    });
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| f.module.clone()).collect();
    let by_module: BTreeMap<Vec<String>, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.module.clone(), i))
        .collect();
    let mut edges: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (i, file) in files.iter().enumerate() {
        for mut path in references(file, &modules) {
            // The longest prefix of the path that is a file's module.
            let target = loop {
                if let Some(&t) = by_module.get(&path) {
                    break Some(t);
                }
                if path.pop().is_none() {
                    break None;
                }
            };
            if let Some(t) = target.filter(|&t| t != i) {
                edges.entry(i).or_default().insert(t);
            }
        }
    }
    Crate { files, edges }
}

fn library() -> Crate {
    // `src/main.rs`, `src/cli/`, `src/serve/` and `src/bin/` are the binaries, read apart.
    let mut krate = read_crate(&src(), &["lib.rs"], &["cli", "serve", "bin"]);
    krate.files.retain(|f| !f.path.ends_with("main.rs"));
    krate
}

impl Crate {
    fn name(&self, i: usize) -> String {
        let file = &self.files[i];
        if file.module.is_empty() {
            "(root)".to_string()
        } else {
            file.module.join("::")
        }
    }

    fn stage(&self, i: usize) -> Option<usize> {
        let top = self.files[i].module.first()?;
        STAGES.iter().position(|s| s == top)
    }

    /// The groups of files that import each other (strongly connected components of more
    /// than one file), by Tarjan's algorithm.
    fn cycles(&self) -> Vec<Vec<String>> {
        struct Tarjan<'a> {
            krate: &'a Crate,
            index: Vec<Option<usize>>,
            low: Vec<usize>,
            on_stack: Vec<bool>,
            stack: Vec<usize>,
            next: usize,
            out: Vec<Vec<String>>,
        }
        impl Tarjan<'_> {
            fn visit(&mut self, v: usize) {
                self.index[v] = Some(self.next);
                self.low[v] = self.next;
                self.next += 1;
                self.stack.push(v);
                self.on_stack[v] = true;
                // The root's re-exports are not uses (the test above keeps files from
                // importing through the root).
                let targets: Vec<usize> = match self.krate.files[v].module.is_empty() {
                    true => Vec::new(),
                    false => self
                        .krate
                        .edges
                        .get(&v)
                        .map(|t| t.iter().copied().collect())
                        .unwrap_or_default(),
                };
                for w in targets {
                    match self.index[w] {
                        None => {
                            self.visit(w);
                            self.low[v] = self.low[v].min(self.low[w]);
                        }
                        Some(iw) if self.on_stack[w] => self.low[v] = self.low[v].min(iw),
                        Some(_) => {}
                    }
                }
                if Some(self.low[v]) == self.index[v] {
                    let mut group = Vec::new();
                    while let Some(w) = self.stack.pop() {
                        self.on_stack[w] = false;
                        group.push(self.krate.name(w));
                        if w == v {
                            break;
                        }
                    }
                    if group.len() > 1 {
                        group.sort();
                        self.out.push(group);
                    }
                }
            }
        }
        let n = self.files.len();
        let mut t = Tarjan {
            krate: self,
            index: vec![None; n],
            low: vec![0; n],
            on_stack: vec![false; n],
            stack: Vec::new(),
            next: 0,
            out: Vec::new(),
        };
        for v in 0..n {
            if t.index[v].is_none() {
                t.visit(v);
            }
        }
        t.out
    }
}

#[test]
fn imports_only_point_down_the_pipeline() {
    let krate = library();
    let mut upward = Vec::new();
    for (&from, targets) in &krate.edges {
        let Some(stage) = krate.stage(from) else {
            continue; // lib.rs: declarations and re-exports
        };
        for &to in targets {
            // The crate root only declares the stages and re-exports for other crates: inside
            // the crate, name the module that defines an item.
            let is_root = krate.files[to].module.is_empty();
            if is_root || krate.stage(to).is_some_and(|s| s > stage) {
                upward.push(format!("{} uses {}", krate.name(from), krate.name(to)));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports pointing up the pipeline ({}):\n{}",
        STAGES.join(" < "),
        upward.join("\n")
    );
    let folders: BTreeSet<&str> = krate
        .files
        .iter()
        .filter_map(|f| f.module.first().map(String::as_str))
        .collect();
    for folder in folders {
        assert!(
            STAGES.contains(&folder),
            "src/{folder} is not one of the stages {STAGES:?}: add it to the list in its place"
        );
    }
}

#[test]
fn no_file_imports_itself_through_others() {
    for (name, krate) in [
        ("the library", library()),
        (
            "the newsdex binary",
            read_crate(&src(), &["main.rs"], &["bin"]),
        ),
        (
            "the bench binary",
            read_crate(&src().join("bin/newsdex-bench"), &["main.rs"], &[]),
        ),
    ] {
        let cycles = krate.cycles();
        assert!(
            cycles.is_empty(),
            "files of {name} that import each other:\n{}",
            cycles
                .iter()
                .map(|c| c.join(" <-> "))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn files_stay_readable() {
    // Data files (word lists, tables) are not Rust; a Rust file over ~800 lines has more than
    // one job.
    let mut files = Vec::new();
    collect(&src(), &[], &[], &mut files);
    let long: Vec<String> = files
        .iter()
        .filter(|f| f.lines > 820)
        .map(|f| format!("{} ({} lines)", f.path.display(), f.lines))
        .collect();
    assert!(
        long.is_empty(),
        "files over 800 lines:\n{}",
        long.join("\n")
    );
    // Nor does an `impl` block over ~400 lines.
    let mut big = Vec::new();
    for file in &files {
        let text = strip(&fs::read_to_string(&file.path).expect("readable source"));
        let lines: Vec<&str> = text.lines().collect();
        for (start, line) in lines.iter().enumerate() {
            if !line.starts_with("impl") {
                continue;
            }
            let mut depth = 0i32;
            let mut opened = false;
            for (end, l) in lines.iter().enumerate().skip(start) {
                depth += l.matches('{').count() as i32 - l.matches('}').count() as i32;
                opened |= l.contains('{');
                if opened && depth <= 0 {
                    if end - start + 1 > 420 {
                        big.push(format!(
                            "{}:{} ({} lines)",
                            file.path.display(),
                            start + 1,
                            end - start + 1
                        ));
                    }
                    break;
                }
            }
        }
    }
    assert!(
        big.is_empty(),
        "impl blocks over 400 lines:\n{}",
        big.join("\n")
    );
}

#[test]
fn the_layering_test_sees_what_it_should() {
    // The checker itself, on sentences of Rust written for it.
    let text = "use crate::{a::b, c::{d, e as f}}; // crate::commented::out\n\
                mod tests { use super::*; fn f() { let s = \"crate::in_string\"; super::super::g(); } }\n\
                fn h<'a>(x: &'a str) -> char { crate::x::y(); '{' }";
    let stripped = strip(text);
    assert!(!stripped.contains("commented") && !stripped.contains("in_string"));
    let tokens = tokens(&stripped);
    let mut at = 1;
    let mut paths = Vec::new();
    use_tree(&tokens, &mut at, Vec::new(), &mut paths);
    let paths: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(paths, ["crate::a::b", "crate::c::d", "crate::c::e"]);
}

/// Prints the module graph (run by `tools/module-graph`): folders with their files and lines,
/// the folder-to-folder edges, and every file's imports.
#[test]
fn print_module_graph() {
    if std::env::var_os("NEWSDEX_PRINT_GRAPH").is_none() {
        return;
    }
    let krate = library();
    let mut folders: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for f in &krate.files {
        let folder = f.module.first().cloned().unwrap_or_else(|| "(root)".into());
        let entry = folders.entry(folder).or_default();
        entry.0 += 1;
        entry.1 += f.lines;
    }
    println!("# folders (files, lines)");
    for (folder, (files, lines)) in &folders {
        println!("{folder:10} {files:3} files {lines:6} lines");
    }
    let mut folder_edges: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (&from, targets) in &krate.edges {
        for &to in targets {
            let a = krate.files[from]
                .module
                .first()
                .cloned()
                .unwrap_or_default();
            let b = krate.files[to].module.first().cloned().unwrap_or_default();
            if a != b && !a.is_empty() {
                *folder_edges.entry((a, b)).or_default() += 1;
            }
        }
    }
    println!("\n# folder -> folder (file-level imports)");
    for ((a, b), n) in &folder_edges {
        println!("{a} -> {b} ({n})");
    }
    println!("\n# file -> files it uses");
    for (&from, targets) in &krate.edges {
        let names: Vec<String> = targets.iter().map(|&t| krate.name(t)).collect();
        println!("{} -> {}", krate.name(from), names.join(", "));
    }
    let mut largest: Vec<&File> = krate.files.iter().collect();
    largest.sort_by_key(|f| std::cmp::Reverse(f.lines));
    println!("\n# largest files");
    for f in largest.iter().take(10) {
        println!("{:5} {}", f.lines, f.path.display());
    }
}
