//! Sentence splitting of a block of prose: ends at `.`, `!`, `?` (and closing quotes
//! or brackets) followed by a space and something that can open a sentence, except
//! after an abbreviation ("Mr.", "U.S.", "vs."); a blank line or a bullet on a new
//! line also ends one.

use std::ops::Range;

/// Words that end with a dot without ending a sentence (compared lower-case).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "co", "corp", "ltd", "vs", "approx", "est", "no", "fig",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s", "u.k",
    "e.u", "cf", "al", "ca", "ex", "excl", "incl", "rs",
];

/// Splits a block of text (a paragraph, list item, table cell already joined by the
/// caller) into sentence byte ranges, trimmed of surrounding whitespace.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    // Only a few bytes can end a sentence: the text between them is skipped in blocks
    // rather than decoded a char at a time.
    while let Some(i) = next_mark(text.as_bytes(), at) {
        let Some(c) = text[i..].chars().next() else { break };
        at = i + c.len_utf8();
        let cut = match c {
            '.' | '!' | '?' | '…' => {
                let mut end = at;
                for n in text[at..].chars() {
                    if matches!(n, '"' | '\'' | '”' | '’' | ')' | ']' | '*' | '_') || (n == '.' && c == '.') {
                        end += n.len_utf8();
                    } else {
                        break;
                    }
                }
                // The closing marks belong to this mark: the scan goes on after them.
                at = end;
                ends_sentence(text, i, end).then_some(end)
            }
            '\n' => line_break(text, i + 1).then_some(i),
            _ => None,
        };
        if let Some(end) = cut {
            push_trimmed(&mut out, text, start, end);
            start = end;
        }
    }
    push_trimmed(&mut out, text, start, text.len());
    out
}

/// The first byte at or after `from` that may start a sentence-ending character: `.`,
/// `!`, `?`, a newline, or 0xE2 (the first byte of "…", and of other characters, which the
/// caller passes over).
fn next_mark(bytes: &[u8], from: usize) -> Option<usize> {
    let is_mark = |b: u8| matches!(b, b'.' | b'!' | b'?' | b'\n' | 0xE2);
    crate::bytes::find(bytes.get(from..)?, is_mark).map(|p| from + p)
}

/// Whether a terminal mark at `dot`, extended to `end`, ends a sentence.
fn ends_sentence(text: &str, dot: usize, end: usize) -> bool {
    let rest = &text[end..];
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !first.is_whitespace() {
        return false;
    }
    let Some(next) = rest.trim_start().chars().next() else {
        return true;
    };
    if next.is_lowercase() {
        return false;
    }
    if text[dot..].starts_with('.') {
        let word_start = text[..dot]
            .char_indices()
            .rfind(|&(_, c)| c.is_whitespace() || c == '(')
            .map_or(0, |(p, c)| p + c.len_utf8());
        let word = &text[word_start..dot];
        let single_letter = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if single_letter || ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a)) {
            return false;
        }
    }
    true
}

/// A newline ends a sentence when a blank line or a bullet follows.
fn line_break(text: &str, from: usize) -> bool {
    let rest = text[from..].trim_start_matches([' ', '\t']);
    rest.starts_with('\n')
        || rest.starts_with("\r\n")
        || rest.starts_with(['•', '*', '–', '—'])
        || rest.starts_with("- ")
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, start: usize, end: usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(start + lead..end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_at_sentence_ends_only() {
        assert_eq!(
            split("AWS grew 13% to $24.2 billion. Ads rose 26%! Did it? Yes."),
            ["AWS grew 13% to $24.2 billion.", "Ads rose 26%!", "Did it?", "Yes."]
        );
        assert_eq!(
            split("Sales in the U.S. rose. Mr. Files spoke vs. Dr. Who. Amazon.com grew."),
            [
                "Sales in the U.S. rose.",
                "Mr. Files spoke vs. Dr. Who.",
                "Amazon.com grew."
            ]
        );
        // "ex." and "excl." leave a part out: what follows is the same figure's.
        assert_eq!(
            split("NII ex. Markets was $22.9 billion. Costs excl. Markets fell."),
            ["NII ex. Markets was $22.9 billion.", "Costs excl. Markets fell."]
        );
        assert_eq!(
            split("It said \"up 5%.\" Then it fell."),
            ["It said \"up 5%.\"", "Then it fell."]
        );
    }

    #[test]
    fn blank_lines_and_bullets_split() {
        assert_eq!(split("Revenue: $5B\n\nMargin 6%"), ["Revenue: $5B", "Margin 6%"]);
        assert_eq!(
            split("Items:\n• one $5B\n• two $6B"),
            ["Items:", "• one $5B", "• two $6B"]
        );
        assert_eq!(split("a soft\nwrap here."), ["a soft\nwrap here."]);
    }
}
