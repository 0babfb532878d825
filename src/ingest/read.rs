/*!
Reading one file into articles: bounded reads, decoding, story splitting and the cut of very
long bodies.
*/
use std::io::Read;
use std::path::Path;

use super::decode;
use super::formats::read_text;
use super::stories::Article;

/// Files larger than this are skipped: an archive file is a few stories, not a database dump.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Article bodies longer than this are cut (at a line end) before extraction and indexing.
pub const MAX_ARTICLE_BYTES: usize = 1024 * 1024;

/// Reads one file into articles, as its format says (see [`read_text`]). `Err` carries the
/// reason and whether it was an I/O error.
pub fn read_articles(
    path: &Path,
    relative: &str,
) -> std::result::Result<Vec<Article>, (String, bool)> {
    let bytes = read_file(path).map_err(|e| (e.to_string(), true))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        // Only the first bytes were read: the file's own size goes into the message.
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err((too_large(size), false));
    }
    let (text, _) = decode::decode_owned(bytes).map_err(|reason| (reason, false))?;
    read_text(relative, &text)
        .map(|file| file.articles)
        .map_err(|reason| (reason, false))
}

pub(crate) fn too_large(size: u64) -> String {
    format!(
        "too large ({:.1} MB; newsdex reads files up to {} MB)",
        size as f64 / 1e6,
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// Reads at most [`MAX_FILE_BYTES`] + 1 bytes of a regular file.
pub(crate) fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let (file, size) = open_regular(path)?;
    let mut bytes = with_room_for(size, MAX_FILE_BYTES);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Opens a file for reading, refusing anything but a regular file (a device such as
/// `/dev/zero` never ends, a named pipe can block forever). The file is opened without blocking
/// and checked once open, so that it cannot be swapped between the check and the read.
/// Returns the file and its size when opened.
fn open_regular(path: &Path) -> std::io::Result<(std::fs::File, u64)> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file (a folder, a device or a pipe)",
        ));
    }
    Ok((file, meta.len()))
}

/// A buffer that holds a file of `size` bytes (at most `cap` + 1) with room to spare, so that
/// `read_to_end` takes the whole file in one read and sees the end in a second (from an empty
/// buffer it reads a small file in six or seven growing pieces).
fn with_room_for(size: u64, cap: u64) -> Vec<u8> {
    let room = usize::try_from(size.min(cap + 1)).unwrap_or(0);
    Vec::with_capacity(room.saturating_add(64))
}

/// Reads a small input file (a list of names, an aliases file) of at most `cap` bytes.
///
/// # Errors
///
/// The reason, for a message that names the file: it cannot be opened or read, it is not a
/// regular file, or it is larger than `cap`.
pub fn read_capped(path: &Path, cap: u64) -> std::result::Result<Vec<u8>, String> {
    let (file, size) = open_regular(path).map_err(|e| e.to_string())?;
    let mut bytes = with_room_for(size, cap);
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > cap {
        let size = if cap >= 1024 * 1024 {
            format!("{} MB", cap / (1024 * 1024))
        } else {
            format!("{cap} bytes")
        };
        return Err(format!(
            "larger than {size}, the most newsdex reads from such a file"
        ));
    }
    Ok(bytes)
}

/// Cuts a body longer than [`MAX_ARTICLE_BYTES`] at its last line end before the limit.
pub(crate) fn truncate_body(body: &mut String) -> bool {
    if body.len() <= MAX_ARTICLE_BYTES {
        return false;
    }
    let mut cut = MAX_ARTICLE_BYTES;
    while !body.is_char_boundary(cut) {
        cut -= 1;
    }
    if let Some(line_end) = body[..cut].rfind('\n') {
        if line_end > 0 {
            cut = line_end;
        }
    }
    body.truncate(cut);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn only_regular_files_of_bounded_size_are_read() {
        let err = read_capped(Path::new("/dev/zero"), 1024).expect_err("a device");
        assert!(err.contains("not a regular file"), "{err}");
        let dir = tempfile::tempdir().expect("a temporary folder");
        assert!(read_capped(dir.path(), 1024)
            .expect_err("a folder")
            .contains("not a regular file"));
        let file = dir.path().join("list.txt");
        std::fs::write(&file, "a\n".repeat(1024)).expect("writes");
        assert!(read_capped(&file, 1024)
            .expect_err("too large")
            .contains("larger than"));
        assert_eq!(read_capped(&file, 4096).expect("reads").len(), 2048);
        assert!(read_file(Path::new("/dev/zero")).is_err());
    }

    /// Issue 21: `extract` named the size of the bytes it had read (64 MB and one byte), not the
    /// file's own.
    #[test]
    fn a_file_too_large_is_refused_with_its_own_size() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("dump.txt");
        // A sparse file: 200 MB on paper, nothing on the disk.
        let file = std::fs::File::create(&path).expect("creates");
        file.set_len(200_000_000).expect("sets the length");
        let (reason, io) = read_articles(&path, "dump.txt").expect_err("too large");
        assert!(!io);
        assert_eq!(
            reason,
            "too large (200.0 MB; newsdex reads files up to 64 MB)"
        );
    }

    #[test]
    fn long_bodies_are_cut_at_a_line_end() {
        let line = "x".repeat(999) + "\n";
        let mut body = line.repeat(2_000);
        assert!(truncate_body(&mut body));
        assert!(body.len() <= MAX_ARTICLE_BYTES);
        assert!(body.ends_with('x'));
        assert_eq!(body.len() % 1000, 999);
        let mut short = "short body".to_string();
        assert!(!truncate_body(&mut short));
        // One long line of multi-byte characters: cut on a character boundary.
        let mut wide = "é".repeat(MAX_ARTICLE_BYTES);
        assert!(truncate_body(&mut wide));
        assert!(wide.len() <= MAX_ARTICLE_BYTES && wide.chars().all(|c| c == 'é'));
    }
}
