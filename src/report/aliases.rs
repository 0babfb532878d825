/*!
Printing alias suggestions: as an aliases file with the counts in comments (text), or as CSV.
*/

use std::borrow::Cow;
use std::io::{self, Write};

use std::path::Path;

use toml_edit::{Array, DocumentMut, Item, Table as TomlTable};

use super::format::{sanitize, Report, Style};
use super::table::Table;
use crate::error::{Error, Result};
use crate::query::alias_suggest::{toml_string, AliasGroup, AliasSuggestions, AliasVariant};
use crate::query::aliases::{name_key, Aliases};

fn articles(n: u64) -> String {
    format!("{n} article{}", if n == 1 { "" } else { "s" })
}

impl Report for AliasSuggestions {
    type Item = AliasGroup;

    fn items(&self) -> &[AliasGroup] {
        &self.groups
    }

    /// The groups as an aliases file, with the counts in comments.
    fn write_text(&self, out: &mut dyn Write, _: Style) -> io::Result<()> {
        writeln!(
            out,
            "# {} group{} of name variants among {} speakers. Nothing is merged until you copy",
            self.groups.len(),
            if self.groups.len() == 1 { "" } else { "s" },
            self.speakers
        )?;
        writeln!(
            out,
            "# the groups you agree with into {} (or a file given with --aliases).",
            sanitize(&self.aliases_file)
        )?;
        writeln!(out, "[speakers]")?;
        for group in &self.groups {
            let mut comment = format!("# {}: {}", group.name, articles(group.articles));
            for v in &group.variants {
                comment.push_str(&format!(
                    "; {}: {} ({})",
                    v.name,
                    articles(v.articles),
                    v.reason
                ));
            }
            writeln!(out, "{}", sanitize(&comment))?;
            let variants: Vec<String> = group
                .variants
                .iter()
                .map(|v| toml_string(&v.name))
                .collect();
            writeln!(
                out,
                "{} = [{}]",
                toml_string(&group.name),
                variants.join(", ")
            )?;
        }
        for surname in &self.ambiguous {
            writeln!(
                out,
                "{}",
                sanitize(&format!(
                    "# not suggested: {} ({}) could be {}",
                    surname.name,
                    articles(surname.articles),
                    surname.candidates.join(" or ")
                ))
            )?;
        }
        Ok(())
    }

    fn write_csv(&self, out: &mut dyn Write, clean: bool) -> io::Result<()> {
        let header = [
            "name",
            "name_articles",
            "variant",
            "variant_articles",
            "reason",
        ];
        let mut table = Table::new(out, clean, &header)?;
        for group in &self.groups {
            for v in &group.variants {
                table.row(&[
                    Cow::Borrowed(group.name.as_str()),
                    Cow::Owned(group.articles.to_string()),
                    Cow::Borrowed(v.name.as_str()),
                    Cow::Owned(v.articles.to_string()),
                    Cow::Borrowed(v.reason.as_str()),
                ])?;
            }
        }
        table.finish()
    }
}

/// What [`write_file`] added.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// Groups added or extended.
    pub groups: usize,
    /// Names added as variants.
    pub names: usize,
}

/// Adds the suggested groups to the aliases file at `path` (created if missing), keeping
/// everything it holds (comments, order, layout): a group whose name is already a key gets the
/// new variants appended; a new group is a new line with its counts in a comment above it. A
/// name the file already places is left alone. The result is checked with the aliases reader
/// before it replaces the file, which is replaced whole (written beside it, then renamed).
///
/// # Errors
///
/// The file cannot be read, does not parse as TOML, or cannot be written; the result would not
/// be a valid aliases file (nothing is written then).
pub fn write_file(path: &Path, suggestions: &AliasSuggestions) -> Result<Written> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == io::ErrorKind::NotFound => String::new(),
        Err(err) => return Err(io(err)),
    };
    let known = Aliases::parse(&text, path)?;
    let mut doc: DocumentMut =
        text.parse()
            .map_err(|err: toml_edit::TomlError| Error::Aliases {
                path: path.to_path_buf(),
                line: None,
                message: err.to_string().lines().next().unwrap_or("").to_string(),
            })?;
    let speakers = doc
        .entry("speakers")
        .or_insert_with(|| Item::Table(TomlTable::new()));
    let Some(speakers) = speakers.as_table_mut() else {
        return Err(Error::Aliases {
            path: path.to_path_buf(),
            line: None,
            message: "`speakers` must be a table ([speakers])".to_string(),
        });
    };
    let mut written = Written::default();
    for group in &suggestions.groups {
        // The name the file already shows for this person, if any.
        let name = known
            .canonical_of(&group.name)
            .unwrap_or(&group.name)
            .to_string();
        let new: Vec<&AliasVariant> = group
            .variants
            .iter()
            .filter(|v| known.canonical_of(&v.name).is_none() && known.resolve(&v.name).is_some())
            .filter(|v| name_key(&v.name) != name_key(&name))
            .collect();
        if new.is_empty() {
            continue;
        }
        written.groups += 1;
        written.names += new.len();
        let existing = speakers.get_mut(&name).and_then(Item::as_array_mut);
        match existing {
            Some(array) => {
                for v in &new {
                    array.push(v.name.as_str());
                }
            }
            None => {
                let mut array = Array::new();
                for v in &new {
                    array.push(v.name.as_str());
                }
                speakers.insert(&name, toml_edit::value(array));
                let mut comment = format!("# {}: {}", group.name, articles(group.articles));
                for v in &new {
                    comment.push_str(&format!(
                        "; {}: {} ({})",
                        v.name,
                        articles(v.articles),
                        v.reason
                    ));
                }
                comment.retain(|c| !c.is_control());
                if let Some(mut key) = speakers.key_mut(&name) {
                    key.leaf_decor_mut().set_prefix(format!("{comment}\n"));
                }
            }
        }
    }
    let out = doc.to_string();
    // Never write a file the reader would refuse.
    Aliases::parse(&out, path)?;
    let tmp = path.with_extension("toml.new");
    std::fs::write(&tmp, &out).map_err(|source| Error::Io {
        path: tmp.clone(),
        source,
    })?;
    std::fs::rename(&tmp, path).map_err(io)?;
    Ok(written)
}
