/*!
An article's body for its page: paragraphs (one per line, as ingest stores a body), with every attributed quote
marked where it stands in the text and labelled with its speaker.

A quote's text is a span of the body as the extractor cut it; each is looked for after the one
before it (quotes come in body order), then anywhere, and never where another quote is already
marked. A quote that is not found verbatim is listed apart, so that none is lost. Marks are cut at
paragraph ends; the label goes before the quote's first piece, or before the quotation mark that
opens it.
*/

/// A stretch of a paragraph: plain text or (part of) a quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// The index of the quote this piece is part of.
    pub quote: Option<usize>,
    /// The quote whose label goes before this piece: a quote's first piece, or the opening
    /// quotation mark just before it (so that the label stands outside the marks).
    pub label: Option<usize>,
}

/// Characters that open a quotation.
const OPENING: &[char] = &['"', '\u{201c}', '\u{201e}', '\u{ab}', '\'', '\u{2018}'];

/// A paragraph of the body.
pub type Paragraph = Vec<Piece>;

/// Finds each quote of `quotes` in `body`: its byte range, or `None`.
fn locate(body: &str, quotes: &[&str]) -> Vec<Option<(usize, usize)>> {
    let mut found: Vec<Option<(usize, usize)>> = Vec::with_capacity(quotes.len());
    let mut cursor = 0;
    for quote in quotes {
        let quote = quote.trim();
        let free = |found: &[Option<(usize, usize)>], start: usize| {
            let end = start + quote.len();
            !found.iter().flatten().any(|&(s, e)| start < e && s < end)
        };
        let mut place = None;
        if !quote.is_empty() {
            // After the previous quote first, then from the top.
            for from in [cursor, 0] {
                let mut at = from;
                while let Some(offset) = body.get(at..).and_then(|rest| rest.find(quote)) {
                    let start = at + offset;
                    if free(&found, start) {
                        place = Some((start, start + quote.len()));
                        break;
                    }
                    at = start + quote.chars().next().map_or(1, char::len_utf8);
                }
                if place.is_some() {
                    break;
                }
            }
        }
        if let Some((_, end)) = place {
            cursor = end;
        }
        found.push(place);
    }
    found
}

/// The body's paragraphs with the quotes marked, and the indexes of the quotes not found in it.
pub fn mark(body: &str, quotes: &[&str]) -> (Vec<Paragraph>, Vec<usize>) {
    let found = locate(body, quotes);
    let missing = (0..quotes.len()).filter(|&i| found[i].is_none()).collect();
    // Where each byte's quote starts and ends, in body order.
    let mut spans: Vec<(usize, usize, usize)> = found
        .iter()
        .enumerate()
        .filter_map(|(i, place)| place.map(|(s, e)| (s, e, i)))
        .collect();
    spans.sort_unstable();
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for part in body.split('\n') {
        let (from, to) = (start, start + part.len());
        start = to + 1;
        if part.trim().is_empty() {
            continue;
        }
        let mut pieces = Vec::new();
        let mut at = from;
        for &(s, e, i) in &spans {
            if e <= from || s >= to {
                continue;
            }
            let (s, e) = (s.max(from), e.min(to));
            let first = found[i].is_some_and(|(qs, _)| qs == s);
            let mut label = first.then_some(i);
            if s > at {
                let before = &body[at..s];
                match before.chars().next_back().filter(|c| OPENING.contains(c)) {
                    Some(mark) if label.is_some() => {
                        let cut = before.len() - mark.len_utf8();
                        if cut > 0 {
                            pieces.push(plain(&before[..cut]));
                        }
                        pieces.push(Piece {
                            text: before[cut..].to_string(),
                            quote: None,
                            label: label.take(),
                        });
                    }
                    _ => pieces.push(plain(before)),
                }
            }
            pieces.push(Piece {
                text: body[s..e].to_string(),
                quote: Some(i),
                label,
            });
            at = e;
        }
        if at < to {
            pieces.push(plain(&body[at..to]));
        }
        paragraphs.push(pieces);
    }
    (paragraphs, missing)
}

fn plain(text: &str) -> Piece {
    Piece {
        text: text.to_string(),
        quote: None,
        label: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(paragraphs: &[Paragraph]) -> Vec<String> {
        paragraphs
            .iter()
            .map(|p| {
                p.iter()
                    .map(|piece| {
                        let label = piece.label.map(|i| format!("<{i}>")).unwrap_or_default();
                        match piece.quote {
                            Some(i) => format!("{label}[{i}:{}]", piece.text),
                            None => format!("{label}{}", piece.text),
                        }
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn quotes_are_marked_in_place_across_paragraphs() {
        let body = "The minister said \"we will not yield\" on Monday.\n\"Never,\" he added. \"Not once.\n\nNot ever.\"";
        let (paragraphs, missing) = mark(
            body,
            &["we will not yield", "Never,", "Not once.\n\nNot ever."],
        );
        assert!(missing.is_empty());
        assert_eq!(
            shown(&paragraphs),
            [
                "The minister said <0>\"[0:we will not yield]\" on Monday.",
                "<1>\"[1:Never,]\" he added. <2>\"[2:Not once.]",
                "[2:Not ever.]\"",
            ]
        );
    }

    #[test]
    fn a_repeated_phrase_marks_its_next_occurrence_and_unknown_quotes_are_kept_apart() {
        let body = "She said yes. Later she said yes again.";
        let (paragraphs, missing) = mark(body, &["yes", "yes", "no such words"]);
        assert_eq!(
            shown(&paragraphs),
            ["She said <0>[0:yes]. Later she said <1>[1:yes] again."]
        );
        assert_eq!(missing, [2]);
    }

    #[test]
    fn hostile_text_is_kept_as_text_for_the_template_to_escape() {
        let body = "<script>alert(1)</script> said \"\"><img onerror=x>\".";
        let (paragraphs, _) = mark(body, &["\"><img onerror=x>"]);
        assert_eq!(paragraphs[0][2].text, "\"><img onerror=x>");
        assert_eq!(paragraphs[0][1].text, "\"", "the opening mark, labelled");
    }
}
