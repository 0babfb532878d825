/*!
An opened index ([`Archive`]): the reader, the fields, the query parser and the name aliases,
shared by every question asked of it; and how `--speaker NAME` finds the indexed name.
*/

use std::path::Path;
use std::sync::Mutex;

use tantivy::query::QueryParser;
use tantivy::schema::{Facet, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::index::{self, Fields};
use crate::query::aliases::{Aliases, Names};
use crate::query::lookup::{facet_values, fold, last_step};

/// Archives with at least this many articles have their segments searched on several threads.
const PARALLEL_SEARCH_ARTICLES: u64 = 100_000;

/// Up to how many analyzers an archive keeps between searches (see [`Archive::analyzer`]).
const KEPT_ANALYZERS: usize = 8;

/// An opened index, ready to answer queries. Open once, search many times.
pub struct Archive {
    path: std::path::PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    parser: QueryParser,
    /// Name aliases applied to speakers (issue 8); empty when there is no file.
    aliases: Aliases,
    /// The aliases resolved against the index's speakers, built on first use.
    names: std::sync::OnceLock<Names>,
    /// Analyzers of finished searches, with the words they have normalised.
    analyzers: Mutex<Vec<TextAnalyzer>>,
}

/// An analyzer lent by [`Archive::analyzer`]; it goes back to the archive when dropped.
pub(crate) struct LentAnalyzer<'a> {
    archive: &'a Archive,
    analyzer: TextAnalyzer,
}

impl std::ops::Deref for LentAnalyzer<'_> {
    type Target = TextAnalyzer;

    fn deref(&self) -> &TextAnalyzer {
        &self.analyzer
    }
}

impl std::ops::DerefMut for LentAnalyzer<'_> {
    fn deref_mut(&mut self) -> &mut TextAnalyzer {
        &mut self.analyzer
    }
}

impl Drop for LentAnalyzer<'_> {
    fn drop(&mut self) {
        if let Ok(mut kept) = self.archive.analyzers.lock() {
            if kept.len() < KEPT_ANALYZERS {
                kept.push(std::mem::take(&mut self.analyzer));
            }
        }
    }
}

impl Archive {
    /// Opens the index at `path`, with the aliases file in it (`aliases.toml`) if there is one.
    ///
    /// # Errors
    ///
    /// No index, an incompatible one, or an aliases file that does not parse.
    pub fn open(path: &Path) -> Result<Archive> {
        Archive::open_with_aliases(path, None)
    }

    /// Opens the index at `path` with the aliases of `aliases`, or (`None`) of the index's own
    /// `aliases.toml` if there is one.
    ///
    /// # Errors
    ///
    /// As [`Archive::open`]; the given file must exist.
    pub fn open_with_aliases(path: &Path, aliases: Option<&Path>) -> Result<Archive> {
        let aliases = match aliases {
            Some(file) => Aliases::load(file)?,
            None => Aliases::next_to_index(path)?.unwrap_or_default(),
        };
        let mut archive = Archive::open_index(path)?;
        archive.set_aliases(aliases);
        Ok(archive)
    }

    /// Replaces the name aliases.
    pub fn set_aliases(&mut self, aliases: Aliases) {
        self.aliases = aliases;
        self.names = std::sync::OnceLock::new();
    }

    /// The name aliases in use (empty without a file).
    pub fn aliases(&self) -> &Aliases {
        &self.aliases
    }

    /// The aliases resolved against the speakers of the index; `None` without aliases.
    ///
    /// # Errors
    ///
    /// Index read errors.
    pub fn names(&self) -> Result<Names> {
        if self.aliases.is_empty() {
            return Ok(None);
        }
        if let Some(names) = self.names.get() {
            return Ok(names.clone());
        }
        let values = facet_values(&self.searcher(), self.fields.speaker_facet)?;
        let names = Some(std::sync::Arc::new(self.aliases.names(&values)));
        Ok(self.names.get_or_init(|| names).clone())
    }

    /// The speaker facets `--speaker NAME` matches (see [`Archive::speaker_facets_noted`]),
    /// without the note.
    pub(crate) fn speaker_facets(&self, searcher: &Searcher, name: &str) -> Result<Vec<Facet>> {
        Ok(self.speaker_facets_noted(searcher, name)?.0)
    }

    /// The indexed speaker name `--speaker NAME` stands for (the first of
    /// [`Archive::speaker_facets`]).
    pub(crate) fn speaker_value(&self, searcher: &Searcher, name: &str) -> Result<String> {
        Ok(self
            .speaker_facets(searcher, name)?
            .first()
            .map(last_step)
            .unwrap_or_else(|| name.trim().to_string()))
    }

    /// The speaker facets `--speaker NAME` matches, and what to tell the user about it:
    /// - with aliases, those of every name of the person;
    /// - the exact name if the index has it, else the one name that matches ignoring case and
    ///   accents;
    /// - else the one person whose name holds every word typed (`baker` → James Baker), said
    ///   in the note; several such people are an error listing them, as for `--country`;
    ///   none leaves the exact name (no article) with a note saying so.
    ///
    /// # Errors
    ///
    /// [`Error::Usage`] for an empty name and when several speakers match the words typed; index
    /// read errors.
    pub fn speaker_facets_noted(
        &self,
        searcher: &Searcher,
        name: &str,
    ) -> Result<(Vec<Facet>, Option<String>)> {
        // As `--country ""` is refused: an empty name is a mistake, not "no filter".
        if name.trim().is_empty() {
            return Err(Error::Usage(
                "--speaker and --not-speaker need a name, e.g. --speaker \"Zhang Jun\"".to_string(),
            ));
        }
        if let Some(facets) = self.alias_members(name)? {
            return Ok((facets, None));
        }
        let exact = Facet::from_path([name.trim()]);
        let field = self.fields.speaker_facet;
        // A term look-up first: listing every speaker of a 1M-article index took ~50 ms a query.
        if searcher.doc_freq(&Term::from_facet(field, &exact))? > 0 {
            let note = self.fuller_names_note(searcher, name.trim())?;
            return Ok((vec![exact], note));
        }
        let values = facet_values(searcher, field)?;
        let wanted = fold(name);
        if let Some(value) = values.iter().find(|v| fold(v) == wanted) {
            let facet = Facet::from_path([value.as_str()]);
            return Ok((self.alias_members(value)?.unwrap_or(vec![facet]), None));
        }
        let words = name_words(name);
        if words.is_empty() {
            return Ok((vec![exact], None));
        }
        // Speakers whose names hold every word typed, those matching at the surname first;
        // then by person (aliases applied).
        let holding: Vec<&String> = values
            .iter()
            .filter(|v| {
                let have = name_words(v);
                words.iter().all(|w| have.contains(w))
            })
            .collect();
        let at_surname: Vec<&String> = holding
            .iter()
            .copied()
            .filter(|v| name_words(v).last() == words.last())
            .collect();
        let candidates = if at_surname.is_empty() {
            holding
        } else {
            at_surname
        };
        let mut people: Vec<(String, u64)> = Vec::new();
        for value in candidates {
            let person = self.aliases.resolve(value).unwrap_or(value).to_string();
            let facet = Facet::from_path([value.as_str()]);
            let articles = searcher.doc_freq(&Term::from_facet(field, &facet))?;
            match people.iter_mut().find(|(p, _)| *p == person) {
                Some((_, count)) => *count += articles,
                None => people.push((person, articles)),
            }
        }
        people.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        match &people[..] {
            [] => Ok((
                vec![exact],
                Some(format!(
                    "no quoted speaker is named {name:?}; `newsdex facets speaker --match TEXT` lists the names"
                )),
            )),
            [(person, _)] => {
                let note = format!("--speaker {name:?} taken as {person:?}");
                Ok((self.person_facets(person)?, Some(note)))
            }
            [(person, top), (_, next), ..] if *top >= 10 * (*next).max(1) => {
                // One person quoted far more than the others of that name: taken, and said so
                // with the others.
                let others: Vec<String> = people[1..]
                    .iter()
                    .take(3)
                    .map(|(p, n)| format!("{p:?} ({n})"))
                    .collect();
                let note = format!(
                    "--speaker {name:?} taken as {person:?} ({top} articles; also {}{}): give the full name to choose",
                    others.join(", "),
                    if people.len() > 4 { ", ..." } else { "" }
                );
                Ok((self.person_facets(person)?, Some(note)))
            }
            several => {
                const SHOWN: usize = 10;
                let mut list: Vec<String> = several
                    .iter()
                    .take(SHOWN)
                    .map(|(p, n)| format!("{p:?} ({n} article{})", if *n == 1 { "" } else { "s" }))
                    .collect();
                if several.len() > SHOWN {
                    list.push(format!("{} more", several.len() - SHOWN));
                }
                Err(Error::Usage(format!(
                    "speaker {name:?} is ambiguous: it could be {}; name one of them",
                    list.join(", ")
                )))
            }
        }
    }

    /// The facets of a person found by name: every name of it with aliases, else the name.
    fn person_facets(&self, person: &str) -> Result<Vec<Facet>> {
        Ok(self
            .alias_members(person)?
            .unwrap_or_else(|| vec![Facet::from_path([person])]))
    }

    /// With aliases: the facets of every name of the person `name` is a name of.
    fn alias_members(&self, name: &str) -> Result<Option<Vec<Facet>>> {
        if let (Some(canonical), Some(names)) = (self.aliases.canonical_of(name), self.names()?) {
            let members = names.members(canonical);
            if !members.is_empty() {
                return Ok(Some(
                    members
                        .iter()
                        .map(|m| Facet::from_path([m.as_str()]))
                        .collect(),
                ));
            }
        }
        Ok(None)
    }

    /// For a one-word speaker name found as written ("Blair"): a note naming the one fuller
    /// name ending with it ("Tony Blair"), which may be the same person.
    fn fuller_names_note(&self, searcher: &Searcher, name: &str) -> Result<Option<String>> {
        let words = name_words(name);
        if words.len() != 1 {
            return Ok(None);
        }
        let values = facet_values(searcher, self.fields.speaker_facet)?;
        let fuller: Vec<&String> = values
            .iter()
            .filter(|v| {
                let have = name_words(v);
                have.len() > 1 && have.last() == words.last()
            })
            .collect();
        if fuller.is_empty() {
            return Ok(None);
        }
        let count = |value: &str| {
            searcher.doc_freq(&Term::from_facet(
                self.fields.speaker_facet,
                &Facet::from_path([value]),
            ))
        };
        let mut counted = Vec::new();
        for full in fuller {
            counted.push((count(full)?, full));
        }
        counted.sort_by(|a, b| b.cmp(a));
        let shown: Vec<String> = counted
            .iter()
            .take(3)
            .map(|(n, full)| format!("{full:?} ({n} articles)"))
            .collect();
        Ok(Some(format!(
            "--speaker {name:?} matches that name as extracted ({} articles); {}{} may be the same person: `newsdex aliases suggest` proposes such merges",
            count(name)?,
            shown.join(", "),
            if counted.len() > 3 { ", ..." } else { "" }
        )))
    }

    fn open_index(path: &Path) -> Result<Archive> {
        let (mut index, fields) = index::open(path)?;
        // Segments are searched in parallel when there are several (an archive indexed in many
        // runs, or a large one: segments stop growing at the merge cap) and enough articles to
        // be worth a thread pool: on a 23k archive a search takes 1-2 ms, and starting the pool
        // and waiting on it cost a whole `newsdex search` process more than that.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let metas = index.searchable_segment_metas()?;
        let articles: u64 = metas.iter().map(|m| u64::from(m.num_docs())).sum();
        if threads > 1 && metas.len() > 1 && articles >= PARALLEL_SEARCH_ARTICLES {
            index.set_multithread_executor(threads)?;
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let mut parser = QueryParser::for_index(&index, vec![fields.headline, fields.body]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(fields.headline, 2.0);
        Ok(Archive {
            path: path.to_path_buf(),
            index,
            reader,
            fields,
            parser,
            aliases: Aliases::default(),
            names: std::sync::OnceLock::new(),
            analyzers: Mutex::new(Vec::new()),
        })
    }

    /// The folder the index was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The parser of user queries (headline and body, AND by default, headline boosted).
    pub(crate) fn parser(&self) -> &QueryParser {
        &self.parser
    }

    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// The index's analyzer ([`index::analyzer`]), lent for one search. It remembers the
    /// normal form of every word it has seen (up to a bound): a fresh one per search stemmed
    /// every word of every hit's body again, which was a third of a search's time in
    /// `newsdex serve` (issue 19). Kept ones go to the next searches.
    pub(crate) fn analyzer(&self) -> LentAnalyzer<'_> {
        let kept = self.analyzers.lock().ok().and_then(|mut kept| kept.pop());
        LentAnalyzer {
            archive: self,
            analyzer: kept.unwrap_or_else(index::analyzer),
        }
    }

    pub(crate) fn body(&self, searcher: &Searcher, address: DocAddress) -> Result<Option<String>> {
        let doc: TantivyDocument = searcher.doc(address)?;
        Ok(doc
            .get_first(self.fields.body)
            .and_then(|v| v.as_str())
            .map(str::to_string))
    }
}

/// The words of a name, folded (case and accents), without punctuation: `"J. Baker"` →
/// `["j", "baker"]`.
fn name_words(name: &str) -> Vec<String> {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}
