/*!
An opened index ([`Archive`]): the reader, the fields, the query parser and the name aliases,
shared by every question asked of it; and how `--speaker NAME` finds the indexed name.
*/

use std::path::Path;

use tantivy::query::QueryParser;
use tantivy::schema::{Facet, Value};
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::error::Result;
use crate::index::{self, Fields};
use crate::query::aliases::{Aliases, Names};
use crate::query::lookup::{facet_values, fold, last_step};

/// Archives with at least this many articles have their segments searched on several threads.
const PARALLEL_SEARCH_ARTICLES: u64 = 100_000;

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

    /// The speaker facets `--speaker NAME` matches: with aliases, those of every name of the
    /// person; else the one of [`Archive::speaker_facet`].
    pub(crate) fn speaker_facets(&self, searcher: &Searcher, name: &str) -> Result<Vec<Facet>> {
        if let (Some(canonical), Some(names)) = (self.aliases.canonical_of(name), self.names()?) {
            let members = names.members(canonical);
            if !members.is_empty() {
                return Ok(members
                    .iter()
                    .map(|m| Facet::from_path([m.as_str()]))
                    .collect());
            }
        }
        Ok(vec![self.speaker_facet(searcher, name)?])
    }

    /// The indexed speaker name `--speaker NAME` stands for (see [`Archive::speaker_facet`]).
    pub(crate) fn speaker_value(&self, searcher: &Searcher, name: &str) -> Result<String> {
        Ok(last_step(&self.speaker_facet(searcher, name)?))
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

    /// The facet of a speaker: the exact name if the index has it, else the one name that
    /// matches ignoring case and accents.
    fn speaker_facet(&self, searcher: &Searcher, name: &str) -> Result<Facet> {
        let exact = Facet::from_path([name.trim()]);
        // A term look-up first: listing every speaker of a 1M-article index took ~50 ms a query.
        if searcher.doc_freq(&Term::from_facet(self.fields.speaker_facet, &exact))? > 0 {
            return Ok(exact);
        }
        let values = facet_values(searcher, self.fields.speaker_facet)?;
        let wanted = fold(name);
        Ok(match values.iter().find(|v| fold(v) == wanted) {
            Some(value) => Facet::from_path([value.as_str()]),
            None => exact,
        })
    }

    pub(crate) fn body(&self, searcher: &Searcher, address: DocAddress) -> Result<Option<String>> {
        let doc: TantivyDocument = searcher.doc(address)?;
        Ok(doc
            .get_first(self.fields.body)
            .and_then(|v| v.as_str())
            .map(str::to_string))
    }
}
