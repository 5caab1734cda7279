//! Typographic variants made plain before a sentence is read. Text pasted from the web, a
//! word processor or a chat answer writes "year‑over‑year" with non-breaking hyphens
//! (U+2011), "4×" with a multiplication sign and "13 %" with a narrow no-break space;
//! read as they are, the first lost the basis of a change and the level after it
//! ("grew 13% year‑over‑year to $24.2 billion" gave +13% and no $24.2B), the second was
//! no figure at all. The rules are written for the ASCII forms, so the variants are read
//! as those, and the ranges found in the plain text are mapped back to the sentence as
//! written (a plain character can be shorter than the one it stands for).

use std::ops::Range;

/// The ASCII character a variant stands for, if `c` is one.
fn plain(c: char) -> Option<char> {
    match c {
        // Hyphen, non-breaking hyphen.
        '\u{2010}' | '\u{2011}' => Some('-'),
        // No-break, figure, thin, hair and narrow no-break spaces.
        '\u{00A0}' | '\u{2007}' | '\u{2009}' | '\u{200A}' | '\u{202F}' => Some(' '),
        // Multiplication sign: "4×".
        '\u{00D7}' => Some('x'),
        _ => None,
    }
}

/// A sentence with its variants made plain, and where each of its bytes was written.
#[derive(Debug, Clone)]
pub struct PlainText {
    text: String,
    /// For each byte of `text`, and one past its end, the byte of the sentence as written.
    written_at: Vec<u32>,
}

impl PlainText {
    /// `sentence` made plain; None when it has no variant (every ASCII sentence, at the
    /// cost of one scan).
    pub fn of(sentence: &str) -> Option<PlainText> {
        if sentence.is_ascii() || !sentence.chars().any(|c| plain(c).is_some()) {
            return None;
        }
        let mut text = String::with_capacity(sentence.len());
        let mut written_at = Vec::with_capacity(sentence.len() + 1);
        for (at, c) in sentence.char_indices() {
            let c = plain(c).unwrap_or(c);
            text.push(c);
            written_at.resize(text.len(), at as u32);
        }
        written_at.push(sentence.len() as u32);
        Some(PlainText { text, written_at })
    }

    /// `sentence` made plain, with `edits` (byte ranges of the sentence, in order, and the
    /// text each reads as: a table cell's "149.2" under "$ bn" reads as "$149.2B"); None
    /// when there is nothing to change. The bytes of an edit's text map to the start of
    /// the range it replaces, so a figure found in it maps back to the cell as written.
    pub fn edited(sentence: &str, edits: &[(Range<usize>, String)]) -> Option<PlainText> {
        if edits.is_empty() {
            return PlainText::of(sentence);
        }
        let mut text = String::with_capacity(sentence.len() + 8 * edits.len());
        let mut written_at = Vec::with_capacity(text.capacity() + 1);
        let mut edits = edits.iter().peekable();
        let mut skip_to = 0;
        for (at, c) in sentence.char_indices() {
            if at < skip_to {
                continue;
            }
            if let Some((range, with)) = edits.next_if(|(range, _)| range.start == at) {
                text.push_str(with);
                written_at.resize(text.len(), at as u32);
                // An edit that replaces words skips them; one that inserts (an empty
                // range) keeps the character it stands before.
                if range.end > at {
                    skip_to = range.end;
                    continue;
                }
            }
            text.push(plain(c).unwrap_or(c));
            written_at.resize(text.len(), at as u32);
        }
        // Words inserted at the end ("- 777: 13" under "Deliveries by program:").
        if let Some((_, with)) = edits.next_if(|(range, _)| range.start == sentence.len()) {
            text.push_str(with);
            written_at.resize(text.len(), sentence.len() as u32);
        }
        written_at.push(sentence.len() as u32);
        Some(PlainText { text, written_at })
    }

    /// The plain text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// A range of the plain text as a range of the sentence as written.
    pub fn written(&self, range: Range<usize>) -> Range<usize> {
        self.written_at[range.start] as usize..self.written_at[range.end] as usize
    }

    /// A range of the sentence as written as a range of the plain text.
    pub fn plain(&self, range: Range<usize>) -> Range<usize> {
        let at = |i: usize| self.written_at.partition_point(|&w| (w as usize) < i);
        at(range.start)..at(range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_and_other_text_without_variants_is_left_alone() {
        assert!(PlainText::of("AWS revenue grew 13% year-over-year.").is_none());
        assert!(PlainText::of("Amazon’s revenue – about €5 billion").is_none());
    }

    #[test]
    fn variants_read_as_ascii_and_ranges_map_both_ways() {
        let written = "up 13%\u{202F}year\u{2011}over\u{2011}year to 4×, ≈ $2B";
        let p = PlainText::of(written).expect("has variants");
        assert_eq!(p.text(), "up 13% year-over-year to 4x, ≈ $2B");
        let year = p.text().find("year-over-year").unwrap();
        let range = p.written(year..year + "year-over-year".len());
        assert_eq!(&written[range.clone()], "year\u{2011}over\u{2011}year");
        assert_eq!(p.plain(range), year..year + "year-over-year".len());
        let two = p.text().find("$2B").unwrap();
        assert_eq!(&written[p.written(two..two + 3)], "$2B");
        let four = p.text().find("4x").unwrap();
        assert_eq!(&written[p.written(four..four + 2)], "4×");
        assert_eq!(p.written(0..p.text().len()), 0..written.len());
    }

    #[test]
    fn edits_read_as_their_text_and_map_back_to_what_they_replace() {
        let written = "Net sales | 149.2 | 170.0\u{00A0}";
        let p = PlainText::edited(written, &[(12..17, "$149.2B".into()), (20..25, "$170.0B".into())]).unwrap();
        assert_eq!(p.text(), "Net sales | $149.2B | $170.0B ");
        let first = p.text().find("$149.2B").unwrap();
        assert_eq!(&written[p.written(first..first + 7)], "149.2");
        let second = p.text().find("$170.0B").unwrap();
        assert_eq!(&written[p.written(second..second + 7)], "170.0");
        assert_eq!(p.plain(12..17), first..first + 7);
        assert!(PlainText::edited("Net sales | $149.2B", &[]).is_none());
    }
}
