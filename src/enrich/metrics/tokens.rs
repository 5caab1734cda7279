//! Splits a sentence into the tokens the figure scanner works on: words, numbers
//! (with an attached suffix such as `B`, `bn`, `x`), identifiers that mix letters and
//! digits (`Q4`, `x86`, `Trainium2`, `31st`), and single punctuation characters.
//! Tokens borrow from the sentence; nothing is allocated per token.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters, with inner apostrophes (`Amazon's`).
    Word,
    /// Digits, optionally with a known suffix directly attached (`24.2B`, `3x`).
    Num,
    /// Letters and digits mixed in a way that names something (`Q4`, `GPT4`, `12th`).
    Ident,
    /// One character of punctuation or a symbol (`$`, `%`, `-`, `(`).
    Sym,
}

/// One token of a sentence; `start..end` is its byte range.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'a> {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// The numeric value of a `Num` token (suffix not applied).
    pub value: f64,
    /// The letters attached to a `Num` token (`B`, `bn`, `x`), else empty.
    pub suffix: &'a str,
}

impl Token<'_> {
    /// Case-insensitive comparison of a word or symbol with `s`.
    pub fn is(&self, s: &str) -> bool {
        self.text.eq_ignore_ascii_case(s)
    }

    /// True when the token is one of `words` (case-insensitive).
    pub fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(w))
    }

    /// True for a `Word` token.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

/// The word before token `at` past the linking words of `links` right before it ("retail
/// sales were 815 thousand": "sales", past "were"): its index, and how many links there
/// were.
pub(super) fn word_before_links(toks: &[Token], at: usize, links: &[&str]) -> Option<(usize, usize)> {
    let before = toks.get(..at)?;
    let n = before.iter().rev().take_while(|t| t.is_any(links)).count();
    Some((before.len().checked_sub(n + 1)?, n))
}

/// `text` in ASCII lower case in `buffer`, if it fits and is all ASCII.
pub(super) fn lower_ascii<'b, const N: usize>(text: &str, buffer: &'b mut [u8; N]) -> Option<&'b [u8]> {
    let bytes = text.as_bytes();
    let out = buffer.get_mut(..bytes.len())?;
    // One pass over the few bytes of a word, where a test, a copy and a lowering made
    // three (and the copy a call).
    for (o, &b) in out.iter_mut().zip(bytes) {
        if !b.is_ascii() {
            return None;
        }
        *o = b.to_ascii_lowercase();
    }
    Some(out)
}

/// Suffixes that may be glued to a number and still leave it a number.
const NUM_SUFFIXES: &[&str] = &[
    "k", "m", "mm", "mn", "b", "bn", "bln", "t", "tn", "trn", "x", "bps", "bp", "pp", "p",
];

/// What the tokenizer does with a byte, looked up in one load where a chain of range
/// tests took several: most bytes of a sentence are letters and spaces.
const SPACE: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const SYMBOL: u8 = 3;
const NON_ASCII: u8 = 4;
static CLASS: [u8; 256] = {
    let mut class = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        class[b] = match b as u8 {
            // The ASCII whitespace of `char::is_whitespace`.
            b' ' | b'\t'..=b'\r' => SPACE,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            _ => SYMBOL,
        };
        b += 1;
    }
    class
};

/// Tokenises `text`.
pub(super) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    // A token for every three bytes and a few over: the figures' sentences run about four
    // bytes a token, and a fifth to a third of them outgrew a token for every four.
    let mut out = Vec::with_capacity(text.len() / 3 + 4);
    let mut i = 0;
    while i < bytes.len() {
        // Most text is ASCII: its bytes are told apart without decoding a char.
        let tok = match CLASS[usize::from(bytes[i])] {
            SPACE => {
                i += 1;
                continue;
            }
            LETTER => word(text, i),
            DIGIT => number(text, i),
            SYMBOL => plain(text, Kind::Sym, i, i + 1),
            _ => {
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                if c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                if c.is_alphabetic() {
                    word(text, i)
                } else {
                    plain(text, Kind::Sym, i, i + c.len_utf8())
                }
            }
        };
        i = tok.end;
        // A spoken "uh" or "um" ("grew uh nineteen percent") is left out, so that the
        // words on either side of it read as next to each other.
        if tok.kind == Kind::Word && tok.text.len() == 2 && (tok.is("uh") || tok.is("um")) {
            continue;
        }
        out.push(tok);
    }
    out
}

fn plain(text: &str, kind: Kind, start: usize, end: usize) -> Token<'_> {
    Token {
        kind,
        start,
        end,
        text: &text[start..end],
        value: 0.0,
        suffix: "",
    }
}

/// Reads letters (and digits, which make it an identifier) from `start`.
fn word(text: &str, start: usize) -> Token<'_> {
    let b = text.as_bytes();
    let mut end = start;
    // ASCII letters and digits a byte at a time; any other ASCII byte but an apostrophe
    // ends the word, and an apostrophe or a non-ASCII character goes on char by char.
    // Most words are letters only: a digit is looked for only once one is met.
    while end < b.len() && CLASS[usize::from(b[end])] == LETTER {
        end += 1;
    }
    let mut has_digit = end < b.len() && b[end].is_ascii_digit();
    // "RMB280.2 billion", "DKK65bn": a currency's code glued before an amount is a word of
    // its own, as a sign is, and the number after it a number.
    if has_digit && code_glued(&text[start..end]) {
        return plain(text, Kind::Word, start, end);
    }
    if has_digit {
        while end < b.len() && b[end].is_ascii_alphanumeric() {
            end += 1;
        }
    }
    if end < b.len() && (b[end] == b'\'' || !b[end].is_ascii()) {
        let from = end;
        let mut chars = text[from..].char_indices().peekable();
        while let Some((off, c)) = chars.next() {
            let apostrophe =
                (c == '\'' || c == '’') && chars.peek().is_some_and(|(_, n)| n.is_alphabetic()) && end > start;
            if c.is_alphanumeric() || apostrophe {
                has_digit |= c.is_ascii_digit();
                end = from + off + c.len_utf8();
            } else {
                break;
            }
        }
    }
    let kind = if has_digit { Kind::Ident } else { Kind::Word };
    plain(text, kind, start, end)
}

/// Whether `letters` (before a digit) are a currency's code written before amounts, in
/// capitals ("RMB", "DKK") or as India's "Rs".
fn code_glued(letters: &str) -> bool {
    let capitals = letters.bytes().all(|b| b.is_ascii_uppercase()) || letters == "Rs";
    let mut lower = [0u8; 3];
    capitals
        && letters.len() >= 2
        && lower_ascii(letters, &mut lower).is_some_and(|code| crate::currency::of_code_before(code).is_some())
}

/// Reads `1,234.5` and an attached suffix from `start` (which is a digit).
fn number(text: &str, start: usize) -> Token<'_> {
    let b = text.as_bytes();
    let mut i = start;
    let mut int: f64 = 0.0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            int = int * 10.0 + f64::from(b[i] - b'0');
            i += 1;
        } else if b[i] == b',' && (group_of_three(b, i + 1) || indian_groups(b, i + 1)) && i > start {
            i += 1;
        } else {
            break;
        }
    }
    let mut value = int;
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        i += 1;
        let mut scale = 0.1;
        while i < b.len() && b[i].is_ascii_digit() {
            value += f64::from(b[i] - b'0') * scale;
            scale /= 10.0;
            i += 1;
        }
    }
    let num_end = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] >= 0x80) {
        // Stop at non-ASCII punctuation such as a curly quote or a thin space.
        let Some(c) = text[i..].chars().next() else { break };
        if !c.is_alphanumeric() {
            break;
        }
        i += c.len_utf8();
    }
    let suffix = &text[num_end..i];
    let known = suffix.is_empty() || NUM_SUFFIXES.iter().any(|s| suffix.eq_ignore_ascii_case(s));
    if !known || suffix.bytes().any(|c| c.is_ascii_digit()) {
        return plain(text, Kind::Ident, start, i);
    }
    Token {
        kind: Kind::Num,
        start,
        end: i,
        text: &text[start..i],
        value,
        suffix,
    }
}

/// True when `b[i..]` starts with groups of two digits, each followed by a comma, and then
/// a group of three: the lakh and crore grouping of Indian amounts ("₹1,62,990 crore",
/// "16,29,900").
fn indian_groups(b: &[u8], mut i: usize) -> bool {
    let pair = |i: usize| i + 3 <= b.len() && b[i..i + 2].iter().all(u8::is_ascii_digit) && b[i + 2] == b',';
    if !pair(i) {
        return false;
    }
    while pair(i) {
        i += 3;
    }
    group_of_three(b, i)
}

/// True when `b[i..]` starts with exactly three digits (a thousands group).
fn group_of_three(b: &[u8], i: usize) -> bool {
    i + 3 <= b.len() && b[i..i + 3].iter().all(u8::is_ascii_digit) && b.get(i + 3).is_none_or(|c| !c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Kind, &str)> {
        tokenize(s).into_iter().map(|t| (t.kind, t.text)).collect()
    }

    #[test]
    fn numbers_words_and_identifiers_are_told_apart() {
        let toks = tokenize("AWS grew 13% to $24.2B, Q4 x86 1,234.5 Trainium2 3x 31st.");
        let texts: Vec<_> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            [
                "AWS",
                "grew",
                "13",
                "%",
                "to",
                "$",
                "24.2B",
                ",",
                "Q4",
                "x86",
                "1,234.5",
                "Trainium2",
                "3x",
                "31st",
                "."
            ]
        );
        assert_eq!(toks[6].kind, Kind::Num);
        assert!((toks[6].value - 24.2).abs() < 1e-9);
        assert_eq!(toks[6].suffix, "B");
        assert_eq!(toks[8].kind, Kind::Ident);
        assert!((toks[10].value - 1234.5).abs() < 1e-9);
        assert_eq!(toks[13].kind, Kind::Ident);
    }

    #[test]
    fn a_currency_code_glued_before_a_number_is_a_word() {
        assert_eq!(
            kinds("RMB280.2 billion, DKK65bn and Q4 A380"),
            [
                (Kind::Word, "RMB"),
                (Kind::Num, "280.2"),
                (Kind::Word, "billion"),
                (Kind::Sym, ","),
                (Kind::Word, "DKK"),
                (Kind::Num, "65bn"),
                (Kind::Word, "and"),
                (Kind::Ident, "Q4"),
                (Kind::Ident, "A380")
            ]
        );
    }

    #[test]
    fn fillers_are_left_out() {
        assert_eq!(
            kinds("grew uh 19% Um to"),
            [
                (Kind::Word, "grew"),
                (Kind::Num, "19"),
                (Kind::Sym, "%"),
                (Kind::Word, "to")
            ]
        );
    }

    #[test]
    fn apostrophes_stay_inside_words() {
        assert_eq!(
            kinds("Amazon’s company's"),
            [(Kind::Word, "Amazon’s"), (Kind::Word, "company's")]
        );
    }

    #[test]
    fn commas_group_thousands_only() {
        let toks = tokenize("10,000 and 10, 20");
        assert!((toks[0].value - 10000.0).abs() < 1e-9);
        assert_eq!(toks[2].text, "10");
    }

    #[test]
    fn indian_grouping_reads_lakhs_and_crores() {
        let toks = tokenize("₹1,62,990 crore and 16,29,900 but 1,62 and 12,34,5");
        let nums: Vec<_> = toks.iter().filter(|t| t.kind == Kind::Num).map(|t| t.text).collect();
        assert_eq!(nums, ["1,62,990", "16,29,900", "1", "62", "12", "34", "5"]);
        assert!((toks[1].value - 162_990.0).abs() < 1e-9);
    }
}
