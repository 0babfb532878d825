/*!
Every article a query matches, with its score and date (`Matches`): what quote searches order
before reading the articles, and what alias suggestions read the years of a name from.
*/

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::schema::Field;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// A matching article: where it is, its score and its date (seconds), for ordering.
pub(crate) struct Match {
    pub(crate) at: DocAddress,
    pub(crate) score: Score,
    pub(crate) date: Option<i64>,
}

/// Collects every matching article with its score and its date (the fast date field given).
pub(crate) struct Matches(pub(crate) Field);

pub(crate) struct SegmentMatches {
    segment: SegmentOrdinal,
    dates: Option<Column<tantivy::DateTime>>,
    found: Vec<Match>,
}

impl Collector for Matches {
    type Fruit = Vec<Match>;
    type Child = SegmentMatches;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentMatches> {
        Ok(SegmentMatches {
            segment,
            dates: reader
                .fast_fields()
                .date(reader.schema().get_field_name(self.0))
                .ok(),
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, segments: Vec<Vec<Match>>) -> tantivy::Result<Vec<Match>> {
        Ok(segments.into_iter().flatten().collect())
    }
}

impl SegmentCollector for SegmentMatches {
    type Fruit = Vec<Match>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let date = self
            .dates
            .as_ref()
            .and_then(|column| column.first(doc))
            .map(|d| d.into_timestamp_secs());
        self.found.push(Match {
            at: DocAddress::new(self.segment, doc),
            score,
            date,
        });
    }

    fn harvest(self) -> Vec<Match> {
        self.found
    }
}
