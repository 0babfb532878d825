/*!
Name aliases: one speaker per person.

The extractor writes names as the articles spell them, so one person can appear as several
speakers ("Vassily Nebenzia", "Vasily Nebenzya", "V. Nebenzia"), and a few extracted "speakers"
are not people at all ("Time Warner"). An aliases file says which names are the same person and
which names to hide. It is applied when searching, not when indexing, so a changed file takes
effect on the next command without re-indexing.

# Format

A TOML file, `aliases.toml` in the index folder (`index/aliases.toml`, read automatically) or any
file given with `--aliases FILE`:

```toml
# The name to show = the other spellings of that person.
[speakers]
"Vassily Nebenzia" = ["Vasily Nebenzya", "V. Nebenzia"]
"Tony Blair" = ["Mr Blair"]

# Extracted names that are not speakers.
[hide]
speakers = ["Time Warner"]
```

Names are compared ignoring case, accents and repeated spaces, so `"jose barroso"` also covers
"José Barroso". A name can be the variant of one name only, and a name with variants cannot itself
be a variant; a hidden name cannot have or be a variant. Any other key or table is an error, so
typing mistakes do not pass silently.

# What it changes

- Facet counts (`search`, `facets speaker`, `cooccur`, `stats`) count each person once per article, under
  the name on the left: an article quoting "Vasily Nebenzya" and "V. Nebenzia" adds one to
  "Vassily Nebenzia". Hidden names are not counted.
- Speaker lists of hits, quotes and `show` show the name on the left, once; hidden names are left out
  (a quote of a hidden speaker is shown as unattributed).
- `--speaker` with any of the names matches the articles of all of them.

The `speaker:` field of the query language searches the names as extracted.

# Suggestions

`query::alias_suggest::suggest` finds groups of names in an archive that are likely the same person (see its
documentation); `newsdex facets speaker --suggest-aliases` prints them in this format. They are
never applied on their own.
*/

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use tantivy::fastfield::FacetReader;
use tantivy::schema::Facet;

use crate::error::{Error, Result};
use crate::ingest::read::read_capped;
use crate::query::lookup::fold;

/// The largest aliases file read (a list of every speaker of a large archive fits many times).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The name of the aliases file read from the index folder.
pub const FILE_NAME: &str = "aliases.toml";

/// A loaded aliases file (or none: [`Aliases::default`] changes nothing).
#[derive(Clone, Debug, Default)]
pub struct Aliases {
    source: Option<PathBuf>,
    /// The names with variants, as the file writes them.
    canonical: Vec<String>,
    /// The key of every name with variants and of every variant → its index in `canonical`.
    by_key: HashMap<String, usize>,
    /// The keys of hidden names.
    hidden: HashSet<String>,
}

/// What an aliases file holds, as TOML.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasFile {
    #[serde(default)]
    speakers: BTreeMap<String, toml::Spanned<Vec<toml::Spanned<String>>>>,
    #[serde(default)]
    hide: Option<HideTable>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HideTable {
    #[serde(default)]
    speakers: Vec<toml::Spanned<String>>,
}

/// The form names are compared in: case and accents folded, spaces collapsed.
pub fn name_key(name: &str) -> String {
    let folded = fold(name);
    let mut key = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

impl Aliases {
    /// Reads an aliases file.
    ///
    /// # Errors
    ///
    /// [`Error::Aliases`] naming the file and the line when the file cannot be read, is not
    /// TOML, or does not follow the format (see the module documentation).
    pub fn load(path: &Path) -> Result<Aliases> {
        let unreadable = |message: String| Error::Aliases {
            path: path.to_path_buf(),
            line: None,
            message,
        };
        let bytes = read_capped(path, MAX_FILE_BYTES)
            .map_err(|reason| unreadable(format!("cannot read it: {reason}")))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| unreadable("not UTF-8 text; save it as UTF-8".to_string()))?;
        Aliases::parse(&text, path)
    }

    /// Reads `aliases.toml` from an index folder, if there is one.
    ///
    /// # Errors
    ///
    /// As [`Aliases::load`], when the file exists.
    pub fn next_to_index(index: &Path) -> Result<Option<Aliases>> {
        let path = index.join(FILE_NAME);
        if path.is_file() {
            Aliases::load(&path).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Parses the text of an aliases file; `path` is only used in error messages.
    ///
    /// # Errors
    ///
    /// [`Error::Aliases`] with the line of the first problem.
    pub fn parse(text: &str, path: &Path) -> Result<Aliases> {
        let error = |offset: Option<usize>, message: String| Error::Aliases {
            path: path.to_path_buf(),
            line: offset.map(|o| line_of(text, o)),
            message,
        };
        let file: AliasFile = toml::from_str(text).map_err(|err| {
            error(
                err.span().map(|s| s.start),
                err.message().trim().replace('\n', " "),
            )
        })?;
        let mut aliases = Aliases {
            source: Some(path.to_path_buf()),
            ..Aliases::default()
        };
        // Where each key was given, for the messages about names given twice.
        let mut given: HashMap<String, (String, usize)> = HashMap::new();
        let mut hidden_at: HashMap<String, usize> = HashMap::new();
        if let Some(hide) = &file.hide {
            for name in &hide.speakers {
                let key = name_key(name.get_ref());
                if key.is_empty() {
                    return Err(error(Some(name.span().start), "an empty name".to_string()));
                }
                hidden_at.insert(key.clone(), name.span().start);
                aliases.hidden.insert(key);
            }
        }
        // The names with variants first, so that a variant listed before its own entry is
        // still recognised as one.
        for (name, variants) in &file.speakers {
            let at = variants.span().start;
            let key = name_key(name);
            if key.is_empty() {
                return Err(error(Some(at), "an empty name".to_string()));
            }
            if aliases.hidden.contains(&key) {
                return Err(error(
                    Some(at),
                    format!("{name:?} is also hidden under [hide]; keep it in one place"),
                ));
            }
            let id = aliases.canonical.len();
            aliases.canonical.push(name.trim().to_string());
            aliases.by_key.insert(key.clone(), id);
            given.insert(key, (name.clone(), at));
        }
        for (name, variants) in &file.speakers {
            let own = name_key(name);
            let id = aliases.by_key.get(&own).copied().unwrap_or_default();
            for variant in variants.get_ref() {
                let at = variant.span().start;
                let key = name_key(variant.get_ref());
                if key.is_empty() {
                    return Err(error(Some(at), "an empty name".to_string()));
                }
                if key == own {
                    continue;
                }
                if aliases.hidden.contains(&key) {
                    return Err(error(
                        Some(at),
                        format!(
                            "{:?} is also hidden under [hide]; keep it in one place",
                            variant.get_ref()
                        ),
                    ));
                }
                if let Some((other, _)) = given.get(&key) {
                    if other == name && name_key(other) != key {
                        // The same variant twice under one name.
                        continue;
                    }
                    let message = if name_key(other) == key {
                        format!(
                            "{:?} has variants of its own; list them under {name:?} instead",
                            variant.get_ref()
                        )
                    } else {
                        format!(
                            "{:?} is listed under both {other:?} and {name:?}; keep it under one",
                            variant.get_ref()
                        )
                    };
                    return Err(error(Some(at), message));
                }
                given.insert(key.clone(), (name.clone(), at));
                aliases.by_key.insert(key, id);
            }
        }
        Ok(aliases)
    }

    /// Whether the aliases change nothing.
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty() && self.hidden.is_empty()
    }

    /// The file the aliases were read from.
    pub fn source(&self) -> Option<&Path> {
        self.source.as_deref()
    }

    /// The name to show for a speaker: its canonical name, the name itself, or `None` when it
    /// is hidden.
    pub fn resolve<'a>(&'a self, name: &'a str) -> Option<&'a str> {
        if self.is_empty() {
            return Some(name);
        }
        let key = name_key(name);
        if self.hidden.contains(&key) {
            return None;
        }
        Some(match self.by_key.get(&key) {
            Some(&id) => self.canonical[id].as_str(),
            None => name,
        })
    }

    /// A speaker list with canonical names, each once, in order, without hidden names.
    pub fn apply(&self, names: Vec<String>) -> Vec<String> {
        if self.is_empty() {
            return names;
        }
        let mut out: Vec<String> = Vec::with_capacity(names.len());
        for name in &names {
            if let Some(shown) = self.resolve(name) {
                if !out.iter().any(|n| n == shown) {
                    out.push(shown.to_string());
                }
            }
        }
        out
    }

    /// The canonical name a name belongs to, if the file lists it (as a name or a variant).
    pub fn canonical_of(&self, name: &str) -> Option<&str> {
        self.by_key
            .get(&name_key(name))
            .map(|&id| self.canonical[id].as_str())
    }

    /// Resolves the aliases against the speakers of an index (`values`: every distinct
    /// `speaker_facet` value).
    pub fn names(&self, values: &[String]) -> NameMap {
        let mut exact = HashMap::new();
        let mut members = vec![Vec::new(); self.canonical.len()];
        for value in values {
            let key = name_key(value);
            if self.hidden.contains(&key) {
                exact.insert(value.clone(), HIDDEN);
            } else if let Some(&id) = self.by_key.get(&key) {
                exact.insert(value.clone(), id as u32);
                members[id].push(value.clone());
            }
        }
        NameMap {
            canonical: self.canonical.clone(),
            exact,
            members,
        }
    }
}

/// In [`NameMap::segment_slots`]: the value stands for itself.
pub const PLAIN: u32 = u32::MAX;
/// In [`NameMap::segment_slots`]: the value is hidden.
pub const HIDDEN: u32 = u32::MAX - 1;

/// Aliases resolved against the speakers of one index: which indexed names belong to which
/// canonical name, and which are hidden. Built once per opened archive.
#[derive(Clone, Debug, Default)]
pub struct NameMap {
    canonical: Vec<String>,
    /// Indexed name → canonical id, or [`HIDDEN`]. Names not in it stand for themselves.
    exact: HashMap<String, u32>,
    /// Canonical id → the indexed names that belong to it.
    members: Vec<Vec<String>>,
}

impl NameMap {
    /// The canonical name of a group.
    pub fn canonical(&self, id: u32) -> &str {
        self.canonical
            .get(id as usize)
            .map(String::as_str)
            .unwrap_or_default()
    }

    /// The indexed names shown as `canonical` (empty when it is not a canonical name).
    pub fn members(&self, canonical: &str) -> &[String] {
        match self.canonical.iter().position(|c| c == canonical) {
            Some(id) => &self.members[id],
            None => &[],
        }
    }

    /// The group of an indexed name: a canonical id, [`HIDDEN`] or [`PLAIN`].
    pub fn slot(&self, value: &str) -> u32 {
        self.exact.get(value).copied().unwrap_or(PLAIN)
    }

    /// The slot of every facet ordinal of a segment: a canonical id, [`HIDDEN`] or
    /// [`PLAIN`]. Only the aliased names are looked up in the segment's dictionary.
    pub fn segment_slots(&self, reader: &FacetReader) -> Vec<u32> {
        let mut slots = vec![PLAIN; reader.num_facets()];
        for (value, &slot) in &self.exact {
            let facet = Facet::from_path([value.as_str()]);
            if let Ok(Some(ord)) = reader.facet_dict().term_ord(facet.encoded_str()) {
                if let Some(s) = slots.get_mut(ord as usize) {
                    *s = slot;
                }
            }
        }
        slots
    }
}

/// A shared, resolved name map; `None` when there are no aliases.
pub type Names = Option<Arc<NameMap>>;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Aliases> {
        Aliases::parse(text, Path::new("aliases.toml"))
    }

    #[test]
    fn variants_map_to_their_name_ignoring_case_and_accents() {
        let a = parse(
            "[speakers]\n\"Vassily Nebenzia\" = [\"Vasily Nebenzya\", \"V. Nebenzia\", \"v. nebenzia\"]\n\
             \"José Barroso\" = [\"Mr Barroso\"]\n[hide]\nspeakers = [\"Time Warner\"]\n",
        )
        .unwrap();
        assert_eq!(a.resolve("vasily  NEBENZYA"), Some("Vassily Nebenzia"));
        assert_eq!(a.resolve("Vassily Nebenzia"), Some("Vassily Nebenzia"));
        assert_eq!(a.resolve("Jose Barroso"), Some("José Barroso"));
        assert_eq!(a.resolve("Zhang Jun"), Some("Zhang Jun"));
        assert_eq!(a.resolve("time warner"), None);
        assert_eq!(
            a.apply(vec![
                "V. Nebenzia".into(),
                "Time Warner".into(),
                "Zhang Jun".into(),
                "Vassily Nebenzia".into()
            ]),
            ["Vassily Nebenzia", "Zhang Jun"]
        );
    }

    #[test]
    fn mistakes_name_the_line() {
        let cases = [
            ("[speakers]\n\"A B\" = [\"C D\"\n", 2),
            ("[speakers]\n\"A B\" = \"C D\"\n", 2),
            ("[speaker]\n\"A B\" = [\"C D\"]\n", 1),
            (
                "[speakers]\n\"A B\" = [\"C D\"]\n\"E F\" = [\n  \"X\",\n  \"c d\"]\n",
                5,
            ),
            ("[speakers]\n\"A B\" = [\"C D\"]\n\"E F\" = [\"a b\"]\n", 3),
            (
                "[speakers]\n\"A B\" = [\"C D\"]\n[hide]\nspeakers = [\"C D\"]\n",
                2,
            ),
        ];
        for (text, line) in cases {
            match parse(text) {
                Err(Error::Aliases {
                    line: Some(got), ..
                }) => assert_eq!(got, line, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }
}
