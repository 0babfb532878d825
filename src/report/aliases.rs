/*!
Printing alias suggestions: as an aliases file with the counts in comments (text), or as CSV.
*/

use std::borrow::Cow;
use std::io::{self, Write};

use super::format::{sanitize, Report, Style};
use super::table::Table;
use crate::query::alias_suggest::{toml_string, AliasGroup, AliasSuggestions};

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
