/*!
Decoding a file's bytes to text: UTF-8 (with or without a byte-order mark), UTF-16, legacy
encodings detected with `chardetng`, binary data refused, stray control bytes dropped.
*/

/// How a file's bytes were turned into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16,
    /// Mostly UTF-8 with some invalid bytes, each replaced by U+FFFD.
    Utf8Lossy,
    Windows1252,
    /// Another legacy encoding recognised by `chardetng` (ISO-8859-2, KOI8-R, Shift_JIS, ...).
    Other(&'static encoding_rs::Encoding),
}

impl Encoding {
    /// Whether the text was decoded from something other than clean UTF-8.
    pub fn is_converted(self) -> bool {
        !matches!(self, Encoding::Utf8 | Encoding::Utf8Bom)
    }

    /// A short name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16 => "UTF-16",
            Encoding::Utf8Lossy => "UTF-8 with invalid bytes",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Other(encoding) => encoding.name(),
        }
    }
}

/// How much of a file's start the binary test looks at.
const SNIFF_BYTES: usize = 8192;

/// Whether bytes look like binary data rather than text: more than 1 in 32 of the first
/// kilobytes are control characters other than tab, line feed, form feed, carriage return and
/// escape. A text file with a few stray NUL bytes is text (they are dropped); an executable, an
/// image or compressed data is not.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let controls = head
        .iter()
        .filter(|&&b| {
            (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1b)) || b == 0x7f
        })
        .count();
    controls * 32 > head.len()
}

/// UTF-16 without a byte-order mark: in the first kilobytes, nearly every second byte is NUL and
/// the others are not. Returns the encoding, little- or big-endian.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    if head.len() < 16 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 9 && even_nul * 10 <= pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even_nul * 10 >= pairs * 9 && odd_nul * 10 <= pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Decodes a file's bytes into text.
///
/// - UTF-8, with or without a byte-order mark (the mark is dropped).
/// - UTF-16 with a byte-order mark, or without one when every second byte is NUL.
/// - Binary data (many control bytes in the first 8 KB) is refused.
/// - UTF-8 with a few corrupt bytes (more well-formed multi-byte characters than bad bytes):
///   the bad bytes become U+FFFD, rather than one bad byte turning the file into mojibake.
/// - Anything else that is not valid UTF-8 goes to `chardetng`, the detector Firefox uses:
///   Windows-1252 (the usual encoding of older newsroom copy: curly quotes and accents come out
///   right) or another legacy encoding it recognises.
///
/// Stray NUL and other control characters left in text are dropped.
pub fn decode(bytes: &[u8]) -> std::result::Result<(String, Encoding), String> {
    decode_owned(bytes.to_vec())
}

/// [`decode`], reusing the buffer when the bytes are already UTF-8.
pub fn decode_owned(bytes: Vec<u8>) -> std::result::Result<(String, Encoding), String> {
    let (text, encoding) = decode_inner(bytes)?;
    Ok((strip_controls(text), encoding))
}

fn decode_inner(bytes: Vec<u8>) -> std::result::Result<(String, Encoding), String> {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, had_errors) = encoding.decode_with_bom_removal(&bytes);
        let kind = if encoding == encoding_rs::UTF_8 {
            if had_errors {
                Encoding::Utf8Lossy
            } else {
                Encoding::Utf8Bom
            }
        } else {
            Encoding::Utf16
        };
        return Ok((text.into_owned(), kind));
    }
    if let Some(encoding) = sniff_utf16(&bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes);
        return Ok((text.into_owned(), Encoding::Utf16));
    }
    if looks_binary(&bytes) {
        let reason = if bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0) {
            "binary data (NUL bytes); not a text file"
        } else {
            "binary data (control bytes); not a text file"
        };
        return Err(reason.to_string());
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok((text, Encoding::Utf8)),
        Err(err) => err.into_bytes(),
    };
    // UTF-8 with a few corrupt bytes: more well-formed multi-byte characters than bad bytes.
    // (Legacy 8-bit text almost never forms valid multi-byte UTF-8 sequences.)
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if multibyte > invalid {
        return Ok((
            String::from_utf8_lossy(&bytes).into_owned(),
            Encoding::Utf8Lossy,
        ));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _) = encoding.decode_without_bom_handling(&bytes);
    let kind = if encoding == encoding_rs::UTF_8 {
        Encoding::Utf8Lossy
    } else if encoding == encoding_rs::WINDOWS_1252 {
        Encoding::Windows1252
    } else {
        Encoding::Other(encoding)
    };
    Ok((text.into_owned(), kind))
}

/// Drops control characters other than tab, line feed, form feed and carriage return.
fn strip_controls(text: String) -> String {
    if !text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\u{c}' | '\r'))
    {
        return text;
    }
    text.chars()
        .filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\u{c}' | '\r'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        assert_eq!(decode(b"plain").unwrap().1, Encoding::Utf8);
        assert_eq!(
            decode(b"\xef\xbb\xbfbom").unwrap(),
            ("bom".to_string(), Encoding::Utf8Bom)
        );
        let (text, enc) = decode(b"\x93Quoted\x94 caf\xe9").unwrap();
        assert_eq!(enc, Encoding::Windows1252);
        assert_eq!(text, "\u{201c}Quoted\u{201d} caf\u{e9}");
        assert!(decode(b"ab\0cd").is_err());
        let utf16: Vec<u8> = [0xFF, 0xFE, b'h', 0, b'i', 0].to_vec();
        assert_eq!(decode(&utf16).unwrap(), ("hi".to_string(), Encoding::Utf16));
    }

    #[test]
    fn decoding_bad_input() {
        // UTF-16 without a byte-order mark, both byte orders.
        let text = "Headline without a mark";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap(), (text.to_string(), Encoding::Utf16));
        assert_eq!(decode(&be).unwrap(), (text.to_string(), Encoding::Utf16));
        // UTF-8 with one corrupt byte stays UTF-8.
        let (text, enc) = decode(b"Z\xc3\xbcrich caf\xc3\xa9 \xff end").unwrap();
        assert_eq!(enc, Encoding::Utf8Lossy);
        assert_eq!(text, "Z\u{fc}rich caf\u{e9} \u{fffd} end");
        // A few NUL bytes in text are dropped; a run of control bytes is binary.
        let (text, enc) =
            decode(b"Ministers met\0 again on Wednesday to sign the accord.").unwrap();
        assert_eq!(enc, Encoding::Utf8);
        assert_eq!(text, "Ministers met again on Wednesday to sign the accord.");
        assert!(decode(&[1u8, 2, 3, 4, 5, 6, 7, 8, b'a', b'b'][..]).is_err());
        assert_eq!(decode(b"").unwrap().0, "");
    }
}
