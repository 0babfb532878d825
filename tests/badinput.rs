//! Bad input (issue 5): an archive of badly encoded, binary, empty, huge, unreadable, looping and
//! vanishing files. Each is handled by the rule the README's `index` section states, the summary
//! counts them, and every good article in the same archive is indexed.

use std::collections::BTreeSet;

use crate::crash::all_articles;
use crate::util::Fixture;

const PROSE: &str = "The delegates said on Tuesday that the talks would continue next week.";

fn story(headline: &str, body: &str) -> String {
    format!("{headline}\n{body}\n")
}

/// Whether this process can open a file whose permissions forbid it (true for root).
fn permissions_are_ignored(path: &std::path::Path) -> bool {
    std::fs::File::open(path).is_ok()
}

#[test]
fn bad_files_follow_their_rules_and_good_articles_are_all_indexed() {
    let fixture = Fixture::new();
    let mut good: Vec<(&str, &str)> = Vec::new();

    fixture.create("good.txt", story("Plain Story About Talks", PROSE));
    good.push(("good.txt", "Plain Story About Talks"));

    // Binary data under a .txt name: skipped.
    let mut binary = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    binary.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    fixture.create("binary.txt", &binary);

    // UTF-8 with a stray invalid byte: decoded, the bad byte replaced, the accents kept.
    let mut invalid = story("Café Owners In Zürich Protest", PROSE).into_bytes();
    invalid.extend(b"A stray \xff byte sits in this naive paragraph, officials said.\n");
    fixture.create("invalid-utf8.txt", &invalid);
    good.push(("invalid-utf8.txt", "Café Owners In Zürich Protest"));

    // Windows-1252: curly quotes and accents decoded.
    let cp1252 = b"Caf\xe9 Talks In S\xe3o Paulo End\n\x93We will not give up,\x94 said the na\xefve d\xe9l\xe9gu\xe9 from Gen\xe8ve on Tuesday, and the r\xe9sum\xe9 was read.\n";
    fixture.create("cp1252.txt", cp1252);
    good.push(("cp1252.txt", "Café Talks In São Paulo End"));

    // UTF-16 (little-endian, with a byte-order mark).
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in story("Sixteen Bit Story In Kyiv", PROSE).encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    fixture.create("utf16.txt", &utf16);
    good.push(("utf16.txt", "Sixteen Bit Story In Kyiv"));

    // UTF-8 with a byte-order mark: the mark is not part of the headline.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(story("Marked Story About Trade", PROSE).as_bytes());
    fixture.create("utf8-bom.txt", &bom);
    good.push(("utf8-bom.txt", "Marked Story About Trade"));

    // Empty and whitespace-only: skipped.
    fixture.create("empty.txt", "");
    fixture.create("blank.txt", " \n\t\r\n  \n");

    // NUL bytes inside text: the NULs are dropped, the text indexed.
    let mut nul = story("Padded Story From Old System", PROSE).into_bytes();
    nul.extend(b"\0\0Ministers met again\0 on Wednesday to sign the accord.\n");
    fixture.create("nul.txt", &nul);
    good.push(("nul.txt", "Padded Story From Old System"));

    // A 300 KB line: indexed, its last word searchable.
    let long_line = format!(
        "Story With One Long Line\n{} lastwordzq.\n",
        PROSE.repeat(300_000 / PROSE.len())
    );
    fixture.create("long-line.txt", long_line);
    good.push(("long-line.txt", "Story With One Long Line"));

    // A 50 MB file of one endless story: indexed, its body cut at 1 MB.
    let mut big = String::from("An Endless Story Of Talks\n");
    while big.len() < 50 * 1024 * 1024 {
        big.push_str(PROSE);
        big.push('\n');
    }
    fixture.create("big.txt", big);
    good.push(("big.txt", "An Endless Story Of Talks"));

    // Names with spaces and non-ASCII characters.
    fixture.create("with space.txt", story("Story Behind A Space", PROSE));
    good.push(("with space.txt", "Story Behind A Space"));
    fixture.create(
        "Ünïcödé — 東京.txt",
        story("Story From The Tokyo Desk", PROSE),
    );
    good.push(("Ünïcödé — 東京.txt", "Story From The Tokyo Desk"));

    // A symbolic link loop: not followed.
    std::os::unix::fs::symlink("loop-b", fixture.archive().join("loop-a")).expect("symlink");
    std::os::unix::fs::symlink("loop-a", fixture.archive().join("loop-b")).expect("symlink");
    std::os::unix::fs::symlink(".", fixture.archive().join("self")).expect("symlink");
    // A link to a file that is not an article file is ignored silently.
    std::os::unix::fs::symlink("good.txt", fixture.archive().join("picture.jpg")).expect("symlink");

    // A file that disappears between the walk and its reading (deleted by the test hook).
    fixture.create("vanishing.txt", story("Here Then Gone Story", PROSE));

    // An unreadable file: skipped, and the exit code is 2.
    fixture.create("locked.txt", story("Locked Away Story Here", PROSE));
    let locked = fixture.archive().join("locked.txt");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let root = permissions_are_ignored(&locked);
    if root {
        eprintln!("skipped the permission-denied check: this process can read any file (root)");
        good.push(("locked.txt", "Locked Away Story Here"));
    }

    let output = fixture
        .cmd(&["index"])
        .arg(fixture.archive())
        .env("NEWSDEX_TEST_VANISH", "vanishing.txt")
        .output()
        .expect("newsdex runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        output.status.code(),
        Some(if root { 0 } else { 2 }),
        "{stdout}\n{stderr}"
    );
    let archive = fixture.archive();
    let said = |name: &str, reason: &str| {
        let line = format!("newsdex: {}: {reason}", archive.join(name).display());
        assert!(stderr.contains(&line), "no {line:?} in:\n{stderr}");
    };
    said("binary.txt", "binary data (NUL bytes); not a text file");
    said("empty.txt", "empty file");
    said("blank.txt", "empty file");
    said("loop-a", "symbolic link; not followed");
    said("loop-b", "symbolic link; not followed");
    said("self", "symbolic link; not followed");
    assert!(!stderr.contains("picture.jpg"), "{stderr}");
    said("vanishing.txt", "vanished during the run");
    said("big.txt", "1 article(s) longer than 1 MB cut");
    if !root {
        said("locked.txt", "Permission denied");
    }
    let skipped = if root { 7 } else { 8 };
    assert!(
        stdout.starts_with(&format!(
            "indexed {} articles from {} files",
            good.len(),
            good.len()
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("; 3 files decoded from another encoding; 1 long articles cut; "),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "skipped {skipped} files (3 symbolic link, 2 empty file, "
        )),
        "{stdout}"
    );

    // Every good article, with its headline decoded right.
    let (_, total, hits) = all_articles(&fixture);
    assert_eq!(total, good.len());
    let got: BTreeSet<(String, String)> = hits.into_iter().map(|(p, _, h)| (p, h)).collect();
    let want: BTreeSet<(String, String)> = good
        .iter()
        .map(|(p, h)| (p.to_string(), h.to_string()))
        .collect();
    assert_eq!(got, want);

    // Curly quotes and accents of the Windows-1252 file, and the replaced byte of the other.
    let results = fixture.search_json("naive", &[]);
    let texts: Vec<&str> = results
        .hits
        .iter()
        .flat_map(|h| h.snippets.iter().map(|s| s.text.as_str()))
        .collect();
    assert!(
        texts.iter().any(|t| t
            .contains("\u{201c}We will not give up,\u{201d} said the naïve délégué from Genève")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("A stray \u{fffd} byte")),
        "{texts:?}"
    );
    assert_eq!(fixture.search_json("lastwordzq", &[]).total_hits, 1);
    assert_eq!(fixture.search_json("ministers accord", &[]).total_hits, 1);

    // A second run: the bad files are reported again, the good ones are unchanged.
    let again = fixture
        .cmd(&["index"])
        .arg(fixture.archive())
        .output()
        .expect("runs");
    let again = String::from_utf8_lossy(&again.stdout);
    assert!(
        again.contains(&format!(
            "(0 added, 0 updated, 0 removed, {} unchanged)",
            good.len()
        )),
        "{again}"
    );
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).expect("chmod");
}
