/*!
Splitting a body into sentences (byte ranges): a paragraph break always ends one, and `.`, `!`,
`?` or `…` end one when a space and a capital, a digit or an opening quote follow, except after
an abbreviation or an initial.
*/

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "jr",
    "sr", "prof", "rev", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Byte ranges of the sentences of `body` (paragraph breaks always end a sentence).
pub fn sentences(body: &str) -> Vec<(usize, usize)> {
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let push = |out: &mut Vec<(usize, usize)>, from: usize, to: usize| {
        if !body[from..to].trim().is_empty() {
            out.push(trim_range(body, from, to));
        }
    };
    // Only a line end, `.`, `!`, `?` or `…` (which starts with 0xE2) can end a sentence; every
    // other byte is passed over without decoding it.
    for (pos, &b) in bytes.iter().enumerate() {
        let stop_len = match b {
            b'\n' => {
                push(&mut out, start, pos);
                start = pos + 1;
                continue;
            }
            b'.' | b'!' | b'?' => 1,
            0xE2 if body[pos..].starts_with('\u{2026}') => '\u{2026}'.len_utf8(),
            _ => continue,
        };
        // Take closing quotes and brackets along.
        let rest = &body[pos + stop_len..];
        let closers = rest
            .find(|c: char| !matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']'))
            .unwrap_or(rest.len());
        let mut after = rest[closers..].chars();
        let next_is_space = after.next() == Some(' ');
        let starts_sentence = after.next().is_some_and(|c| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '\'')
        });
        if next_is_space && starts_sentence && !(b == b'.' && is_abbreviation(body, pos)) {
            let end = pos + stop_len + closers;
            push(&mut out, start, end);
            start = end;
        }
    }
    push(&mut out, start, body.len());
    out
}

/// Whether the full stop at byte `dot` closes an abbreviation or an initial (`Mr.`, `U.S.`, `W.`).
fn is_abbreviation(body: &str, dot: usize) -> bool {
    // After the separator, whatever its length in bytes (a no-break space is two).
    let word_start = body[..dot]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(')
        .map(|(p, c)| p + c.len_utf8())
        .unwrap_or(0);
    let word = &body[word_start..dot];
    if word.contains('.') {
        return true; // U.S.  e.g.
    }
    let letters = word.chars().count();
    if letters == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial
    }
    // (No abbreviation has a letter that a non-ASCII character lower-cases to.)
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

pub(crate) fn trim_range(body: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &body[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (start + lead, end - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing (issue 21): a word before a full stop that follows a no-break space (or
    /// another multi-byte space) was cut inside that space, a panic in every search that made a
    /// snippet of such a body.
    #[test]
    fn a_multi_byte_space_before_a_word_and_its_stop_is_no_panic() {
        let body = "He met Mr\u{a0}Li. Then he left.\u{3000}Dr. Ko came. A\u{a0}U.S. aide too.";
        let found: Vec<&str> = sentences(body).iter().map(|&(s, e)| &body[s..e]).collect();
        assert_eq!(
            found,
            [
                "He met Mr\u{a0}Li.",
                "Then he left.\u{3000}Dr. Ko came.",
                "A\u{a0}U.S. aide too."
            ]
        );
    }

    #[test]
    fn sentences_are_those_of_the_char_by_char_definition() {
        // The first definition, one character at a time, kept as the reference.
        fn reference(body: &str) -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            let mut start = 0;
            let chars: Vec<(usize, char)> = body.char_indices().collect();
            for i in 0..chars.len() {
                let (pos, c) = chars[i];
                let mut end_here = None;
                if c == '\n' {
                    end_here = Some((pos, pos + 1));
                } else if matches!(c, '.' | '!' | '?' | '\u{2026}') {
                    let mut j = i + 1;
                    while j < chars.len()
                        && matches!(chars[j].1, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']')
                    {
                        j += 1;
                    }
                    let next_is_space = j < chars.len() && chars[j].1 == ' ';
                    let after = chars.get(j + 1).map(|&(_, c)| c);
                    let starts_sentence = after.is_some_and(|c| {
                        c.is_uppercase()
                            || c.is_ascii_digit()
                            || matches!(c, '"' | '\u{201c}' | '\'')
                    });
                    if next_is_space && starts_sentence && !(c == '.' && is_abbreviation(body, pos))
                    {
                        let end = chars.get(j).map(|&(p, _)| p).unwrap_or(body.len());
                        end_here = Some((end, end));
                    }
                }
                if let Some((end, next_start)) = end_here {
                    if !body[start..end].trim().is_empty() {
                        out.push(trim_range(body, start, end));
                    }
                    start = next_start;
                }
            }
            if !body[start..].trim().is_empty() {
                out.push(trim_range(body, start, body.len()));
            }
            out
        }
        let texts = [
            "",
            "One.",
            "He said: \"No.\" Then he left! Did he? Yes\u{2026} Maybe\u{2026}\u{201d} \u{201c}Quoted.",
            "Mr. Smith met Dr. Jones in the U.S. on Jan. 5. It rained.\nNew line. \u{c9}mile came.",
            "Ends with a stop. ",
            "(Bracketed.) Then. 1987 was a year.) ] Next.\n\n  \n Last one.",
            "Caf\u{e9}. \u{c9}t\u{e9}. \u{2026} \u{2026}. \u{2019}Tis. \u{201d}.\u{201d} A. B.\u{2019} C",
            "Trailing closers.\"\"')",
            "Multi... dots... Here. x.Y. z. 'Single.' Q",
            "\u{2026}",
            "Stop\u{2026}\u{2026} Again. \u{1F600}. \u{1F600} Emoji.",
        ];
        for text in texts {
            assert_eq!(sentences(text), reference(text), "{text:?}");
        }
        // Real articles too, when the shared corpora are there (skipped otherwise).
        for folder in [
            "wikinews",
            "bbc-fulltext",
            "reuters-21578",
            "conll2003-reuters",
        ] {
            let Ok(dir) = std::fs::read_dir(format!("../shared/corpora/{folder}")) else {
                eprintln!("skipped: ../shared/corpora/{folder} is absent");
                continue;
            };
            for entry in dir.flatten().take(300) {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    assert_eq!(sentences(&text), reference(&text), "{:?}", entry.path());
                }
            }
        }
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let body = "The U.S. Ambassador spoke. Mr. Smith left.";
        let s: Vec<&str> = sentences(body).iter().map(|&(a, b)| &body[a..b]).collect();
        assert_eq!(s, ["The U.S. Ambassador spoke.", "Mr. Smith left."]);
    }
}
