/*!
The roots of an archive: the folders one index holds (a wire feed, saved pages, an export), each
recorded with a short name (issue 20).

A root's name is what its articles' `source` is when no metadata names their outlet, and how
`newsdex index --remove NAME` and `newsdex show NAME/PATH` name it. By default it is the folder's
own name (`wikinews`), made unique among the index's roots (`corpus`, `corpus-2`).
*/

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The longest root name, in characters.
pub const MAX_NAME_CHARS: usize = 64;

/// A folder an index holds articles of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Root {
    /// The short name: no `/`, no control characters, at most [`MAX_NAME_CHARS`] characters.
    pub name: String,
    /// The folder, as an absolute path.
    pub path: PathBuf,
    /// Extensions read besides the default ones (`--ext`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<String>,
    /// A sidecar named with `--metadata` (otherwise the one at the root, if any, is read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<PathBuf>,
}

/// Whether a root name can be used; the reason when it cannot.
pub fn check_name(name: &str) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err("a root name cannot be empty".to_string());
    }
    if name.trim() != name {
        return Err(format!("root name {name:?} starts or ends with spaces"));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(format!(
            "root name {name:?} is longer than {MAX_NAME_CHARS} characters"
        ));
    }
    if name.contains(['/', '\\']) || name.chars().any(char::is_control) {
        return Err(format!(
            "root name {name:?} holds a slash or a control character; use letters, digits, - or _"
        ));
    }
    if name == "." || name == ".." {
        return Err(format!("root name {name:?} is not a name"));
    }
    Ok(())
}

/// The default name of a folder: its last component, made usable (`archive` for `/` or `.`).
pub fn default_name(path: &Path) -> String {
    let name: String = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .take(MAX_NAME_CHARS)
        .collect();
    let name = name.trim().to_string();
    if check_name(&name).is_ok() {
        name
    } else {
        "archive".to_string()
    }
}

/// `wanted`, or `wanted-2`, `wanted-3`, ... : the first that is not `taken`.
pub fn unique_name(wanted: &str, taken: &[&str]) -> String {
    if !taken.contains(&wanted) {
        return wanted.to_string();
    }
    (2..)
        .map(|n| format!("{wanted}-{n}"))
        .find(|name| !taken.contains(&name.as_str()))
        .unwrap_or_else(|| wanted.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(default_name(Path::new("/data/wikinews")), "wikinews");
        assert_eq!(default_name(Path::new("/data/wikinews/")), "wikinews");
        assert_eq!(default_name(Path::new("/")), "archive");
        assert_eq!(unique_name("corpus", &["corpus", "corpus-2"]), "corpus-3");
        assert_eq!(unique_name("wire", &["corpus"]), "wire");
        assert!(check_name("bbc-fulltext").is_ok());
        assert!(check_name("a/b").is_err());
        assert!(check_name("").is_err());
        assert!(check_name(" x").is_err());
        assert!(check_name("..").is_err());
        assert!(check_name(&"x".repeat(65)).is_err());
    }
}
