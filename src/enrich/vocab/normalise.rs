//! The one spelling that phrases and text are both rewritten to before matching: any
//! whitespace (NBSP included) becomes a space, curly quotes straight ones, U+2010–U+2013
//! a hyphen, and non-ASCII capitals (on request) lower case.
//!
//! Why normalise the text instead of adding variants of each phrase: every space or hyphen
//! of a phrase would multiply its variants. The text is normalised once into a copy, and
//! offsets found in the copy are mapped back to the original bytes; text that needs no
//! rewriting (plain ASCII prose) is not copied at all.

use std::borrow::Cow;

/// A text rewritten to the phrases' conventions, with the way back to original offsets.
pub(super) struct Normalised<'a> {
    /// The rewritten text (the original itself when nothing needed rewriting).
    pub(super) text: Cow<'a, str>,
    /// `(normalised offset, original offset)` after each character whose length changed,
    /// in increasing order; offsets in between keep the distance of the last entry.
    shifts: Vec<(usize, usize)>,
}

impl Normalised<'_> {
    /// The original byte offset of a (character-boundary) offset of the normalised text.
    pub(super) fn original(&self, at: usize) -> usize {
        match self.shifts.partition_point(|&(n, _)| n <= at) {
            0 => at,
            i => {
                let (n, o) = self.shifts[i - 1];
                o + (at - n)
            }
        }
    }
}

/// Rewrites whitespace to a space, curly quotes to straight ones, hyphen look-alikes to
/// `-`, and (with `fold`) non-ASCII letters to their lower case when that is one char.
pub(super) fn normalise(text: &str, fold: bool) -> Normalised<'_> {
    let bytes = text.as_bytes();
    let Some(first) = first_look(bytes) else {
        return Normalised {
            text: Cow::Borrowed(text),
            shifts: Vec::new(),
        };
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut shifts = Vec::new();
    let mut at = first;
    while let Some(c) = text[at..].chars().next() {
        at += c.len_utf8();
        match canonical(c, fold) {
            Some(r) => {
                out.push(r);
                if r.len_utf8() != c.len_utf8() {
                    shifts.push((out.len(), at));
                }
            }
            None => out.push(c),
        }
        // Copy the run of plain ASCII up to the next character worth a look at once.
        let run = first_look(&bytes[at..]).unwrap_or(bytes.len() - at);
        out.push_str(&text[at..at + run]);
        at += run;
    }
    Normalised {
        text: Cow::Owned(out),
        shifts,
    }
}

/// The first byte of `bytes` that [`needs_look`] (most text has none).
fn first_look(bytes: &[u8]) -> Option<usize> {
    crate::bytes::find(bytes, needs_look)
}

/// Non-ASCII bytes and ASCII whitespace other than the space may need rewriting.
fn needs_look(b: u8) -> bool {
    !b.is_ascii() || (b'\t'..=b'\r').contains(&b)
}

/// The character `c` is rewritten to, or `None` if it stays.
fn canonical(c: char, fold: bool) -> Option<char> {
    match c {
        ' ' => None,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => Some('"'),
        '\u{2010}'..='\u{2013}' => Some('-'),
        c if c.is_whitespace() => Some(' '),
        c if fold && !c.is_ascii() && c.is_uppercase() => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => Some(l),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ascii_is_searched_in_place() {
        let n = normalise("AWS revenue grew 13%", true);
        assert!(matches!(n.text, Cow::Borrowed(_)));
        assert_eq!(n.original(7), 7);
    }

    /// The block scan finds a character to rewrite at any place of a long text: first,
    /// last, and on either side of a block's edge.
    #[test]
    fn long_text_is_rewritten_wherever_the_character_is() {
        for len in [0, 1, 31, 32, 33, 63, 64, 65, 100] {
            let plain = "a".repeat(len);
            for (odd, canon) in [("\u{2019}", "'"), ("\t", " ")] {
                let text = format!("{plain}{odd}{plain}");
                let n = normalise(&text, true);
                assert_eq!(n.text, format!("{plain}{canon}{plain}"), "at {len}");
                assert_eq!(n.original(len + 1), len + odd.len(), "at {len}");
            }
            assert!(matches!(normalise(&plain, true).text, Cow::Borrowed(_)));
        }
    }

    #[test]
    fn every_offset_maps_back_to_the_original_bytes() {
        let text = "“Kuiper’s”\u{a0}data\tcenter year\u{2011}over\u{2013}year \u{212A}ÉTÉ";
        let n = normalise(text, true);
        assert_eq!(
            n.text, "\"Kuiper's\" data center year-over-year kéTé",
            "ASCII keeps its case"
        );
        let pairs = [
            ("Kuiper", "Kuiper"),
            ("data center", "data\tcenter"),
            ("year-over-year", "year\u{2011}over\u{2013}year"),
        ];
        for (found, original) in pairs {
            let Some(at) = n.text.find(found) else {
                panic!("{found} not in {}", n.text)
            };
            assert_eq!(&text[n.original(at)..n.original(at + found.len())], original);
        }
        assert_eq!(n.original(n.text.len()), text.len());
        assert_eq!(normalise("ÉTÉ", false).text, "ÉTÉ");
    }
}
