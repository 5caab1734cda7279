//! Numbers as they are written: digits read by the tokenizer, spelled-out numbers
//! ("twenty four point two", "a hundred", "one hundred and fifty"), and scale words
//! (thousand, million, billion, trillion and their abbreviations).

use super::tokens::{Kind, Token, lower_ascii};

/// Words whose presence means a sentence may hold a spelled-out number: every word
/// `unit_value` reads, and the scale words. (The sentence test matches whole words, so
/// "four" does not stand for "fourteen".)
#[rustfmt::skip]
pub(super) const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "million", "billion", "trillion",
];

/// The multiplier of a scale word written as a word of its own ("billion", "bn").
pub(super) fn scale_word(t: &Token) -> Option<f64> {
    if t.kind != Kind::Word {
        return None;
    }
    let mut lower = [0u8; 8];
    match lower_ascii(t.text, &mut lower)? {
        // "920–980 kboe/d": thousands of barrels of oil equivalent (a day).
        b"thousand" | b"kboe" | b"kboed" => Some(1e3),
        b"million" | b"mn" | b"mln" => Some(1e6),
        b"billion" | b"bn" | b"bln" => Some(1e9),
        b"trillion" | b"tn" => Some(1e12),
        // India's scale words: a lakh is a hundred thousand and a crore ten million
        // ("₹6,806 crore", "Rs 500 cr", "₹1.63 lakh crore").
        b"lakh" | b"lakhs" | b"lac" => Some(1e5),
        b"crore" | b"crores" | b"cr" => Some(1e7),
        _ => None,
    }
}

/// Whether `t` is one of India's scale words, whose amounts are rupees unless they count
/// something ("10 crore shares").
pub(super) fn indian_scale(t: &Token) -> bool {
    matches!(scale_word(t), Some(m) if m == 1e5 || m == 1e7)
}

/// The multiplier of a suffix glued to digits ("24.2B", "$5M", "10k").
pub(super) fn scale_suffix(suffix: &str) -> Option<f64> {
    let mut lower = [0u8; 3];
    match lower_ascii(suffix, &mut lower)? {
        b"k" => Some(1e3),
        b"m" | b"mm" | b"mn" => Some(1e6),
        b"b" | b"bn" | b"bln" => Some(1e9),
        b"t" | b"tn" | b"trn" => Some(1e12),
        _ => None,
    }
}

/// Whether `t` may be a number word, by its length and its first and last letters: a
/// cheap refusal. "the", "that", "for" and "this" start as number words do and passed a
/// test of the first letter alone, to be refused only by the lookup in `unit_value`.
fn may_be_number_word(t: &Token) -> bool {
    let bytes = t.text.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    let ends = (first.to_ascii_lowercase(), last.to_ascii_lowercase());
    t.kind == Kind::Word
        && match bytes.len() {
            // one two six ten
            3 => matches!(ends, (b'o', b'e') | (b't', b'o' | b'n') | (b's', b'x')),
            // zero four five nine
            4 => matches!(ends, (b'z', b'o') | (b'f', b'r' | b'e') | (b'n', b'e')),
            // three seven eight fifty sixty forty
            5 => matches!(ends, (b't', b'e') | (b's', b'n' | b'y') | (b'e', b't') | (b'f', b'y')),
            // eleven twelve twenty thirty eighty ninety
            6 => matches!(ends, (b'e', b'n' | b'y') | (b't', b'e' | b'y') | (b'n', b'y')),
            // fifteen sixteen seventy
            7 => matches!(ends, (b'f', b'n') | (b's', b'n' | b'y')),
            // thirteen fourteen eighteen nineteen
            8 => matches!(ends, (b't' | b'f' | b'e' | b'n', b'n')),
            // seventeen
            9 => ends == (b's', b'n'),
            _ => false,
        }
}

/// Whether `t` may start a spelled-out number ("a", "an" or a number word): the
/// cheap refusal of most words, before a call to `spelled`.
#[inline]
pub(super) fn may_be_spelled(t: &Token) -> bool {
    t.is("a") || t.is("an") || t.is("half") || t.is("point") || may_be_number_word(t)
}

fn unit_value(t: &Token) -> Option<f64> {
    if !may_be_number_word(t) {
        return None;
    }
    number_word(t.text)
}

/// The value of a number word below a hundred ("seven", "Thirty"), in any case.
pub(super) fn number_word(text: &str) -> Option<f64> {
    // One `match` on the word in lower case: a jump on its length and a compare, where
    // a search of the two lists compared every word of them.
    let mut lower = [0u8; 9];
    let word = lower_ascii(text, &mut lower)?;
    Some(match word {
        b"zero" => 0.0,
        b"one" => 1.0,
        b"two" => 2.0,
        b"three" => 3.0,
        b"four" => 4.0,
        b"five" => 5.0,
        b"six" => 6.0,
        b"seven" => 7.0,
        b"eight" => 8.0,
        b"nine" => 9.0,
        b"ten" => 10.0,
        b"eleven" => 11.0,
        b"twelve" => 12.0,
        b"thirteen" => 13.0,
        b"fourteen" => 14.0,
        b"fifteen" => 15.0,
        b"sixteen" => 16.0,
        b"seventeen" => 17.0,
        b"eighteen" => 18.0,
        b"nineteen" => 19.0,
        b"twenty" => 20.0,
        b"thirty" => 30.0,
        b"forty" => 40.0,
        b"fifty" => 50.0,
        b"sixty" => 60.0,
        b"seventy" => 70.0,
        b"eighty" => 80.0,
        b"ninety" => 90.0,
        _ => return None,
    })
}

/// Reads a spelled-out number starting at `toks[i]`. Returns its value and the index
/// of the first token after it. Scale words of a thousand and more are left to the caller.
pub(super) fn spelled(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let first = toks.get(i)?;
    let mut j = i;
    let mut value;
    // "half a billion": half of the scale word the caller reads.
    if first.is("half") {
        let scale = toks.get(i + 2).and_then(scale_word);
        return (toks.get(i + 1).is_some_and(|t| t.is("a")) && scale.is_some_and(|m| m >= 1e3)).then_some((0.5, i + 2));
    }
    // "churn was point nine zero percent": a spoken rate below one, its digits one by
    // one. Only before "percent" (or "percentage points"): "at this point two things
    // changed" is no number.
    if first.is("point") {
        let (fraction, next) = point_digits(toks, i);
        let rate = toks.get(next).is_some_and(|t| {
            t.is("percent")
                || (t.is("percentage") && toks.get(next + 1).is_some_and(|p| p.is_any(&["point", "points"])))
        });
        return (next > i && rate).then_some((fraction, next));
    }
    if first.is("a") || first.is("an") {
        let next = toks.get(i + 1)?;
        if next.is("hundred") {
            // "a hundred and fifty".
            (value, j) = and_below_hundred(toks, i + 2).map_or((100.0, i + 2), |(rest, next)| (100.0 + rest, next));
        } else if scale_word(next).is_some_and(|m| m >= 1e3) && next.text.len() > 3 {
            return Some((1.0, i + 1));
        } else if next.is("dollar") && spoken_cents(toks, i + 2).is_some() {
            // "a dollar ninety five": one dollar, and the cents the caller reads.
            return Some((1.0, i + 1));
        } else {
            return None;
        }
    } else {
        (value, j) = below_thousand(toks, j)?;
    }
    // "one thousand nine hundred and fifty (thousand barrels a day)": thousands and what
    // follows them below a thousand are one number, which a scale word after may scale.
    if value < 1e3 && toks.get(j).is_some_and(|t| t.is("thousand")) {
        let skip_and = usize::from(toks.get(j + 1).is_some_and(|t| t.is("and")));
        if let Some((rest, next)) = below_thousand(toks, j + 1 + skip_and).filter(|&(rest, _)| rest >= 1.0) {
            value = value * 1e3 + rest;
            j = next;
        }
    }
    let (fraction, next) = point_digits(toks, j);
    if fraction == 0.0 && and_a_half(toks, next) {
        return Some((value + 0.5, next + 3));
    }
    Some((value + fraction, next))
}

/// A spelled number below a thousand at `i` ("nine hundred and fifty", "seven", "twenty
/// hundred"), and the index after it.
fn below_thousand(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let (mut value, mut j) = below_hundred(toks, i)?;
    if toks.get(j).is_some_and(|t| t.is("hundred")) {
        value *= 100.0;
        j += 1;
        if let Some((rest, next)) = and_below_hundred(toks, j) {
            value += rest;
            j = next;
        }
    }
    Some((value, j))
}

/// The part of a number below a hundred after "hundred", with or without "and" before
/// it ("and fifty", "five").
fn and_below_hundred(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let skip_and = usize::from(toks.get(i).is_some_and(|t| t.is("and")));
    below_hundred(toks, i + skip_and)
}

/// The cents said after "dollars" ("a dollar ninety five", "two dollars twenty"): a
/// spelled number below a hundred that no other number word or scale word follows (so
/// "two dollars twenty twenty four" has no cents). Returns the cents and the index after.
pub(super) fn spoken_cents(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let (cents, next) = below_hundred(toks, i)?;
    let more = toks
        .get(next)
        .is_some_and(|t| unit_value(t).is_some() || t.is_any(&["hundred", "point"]) || scale_word(t).is_some());
    (cents >= 1.0 && !more).then_some((cents, next))
}

/// "twenty four", "twenty-four", "seven", "thirteen".
fn below_hundred(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let v = unit_value(toks.get(i)?)?;
    if v < 20.0 || v % 10.0 != 0.0 {
        return Some((v, i + 1));
    }
    let hyphen = toks.get(i + 1).is_some_and(|t| t.is("-") && t.start == toks[i].end);
    let k = if hyphen { i + 2 } else { i + 1 };
    match toks.get(k).and_then(unit_value) {
        Some(u) if (1.0..10.0).contains(&u) => Some((v + u, k + 1)),
        _ => Some((v, i + 1)),
    }
}

/// "two and a half": the three words after the whole number.
fn and_a_half(toks: &[Token], i: usize) -> bool {
    let at = |k: usize, w: &str| toks.get(k).is_some_and(|t| t.is(w));
    at(i, "and") && at(i + 1, "a") && at(i + 2, "half")
}

/// "point two" → 0.2, "point zero five" → 0.05.
fn point_digits(toks: &[Token], i: usize) -> (f64, usize) {
    if !toks.get(i).is_some_and(|t| t.is("point")) {
        return (0.0, i);
    }
    let mut j = i + 1;
    let mut scale = 0.1;
    let mut fraction = 0.0;
    // "six point oh three billion": a spoken zero among the digits. Not last ("two point
    // oh" is two).
    let digit = |t: &Token| {
        unit_value(t)
            .filter(|d| *d < 10.0)
            .or_else(|| t.is("oh").then_some(0.0))
    };
    while let Some(d) = toks.get(j).and_then(digit) {
        if d == 0.0 && toks[j].is("oh") && toks.get(j + 1).and_then(digit).is_none() {
            j += 1;
            break;
        }
        fraction += d * scale;
        scale /= 10.0;
        j += 1;
    }
    if j == i + 1 { (0.0, i) } else { (fraction, j) }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn read(s: &str) -> Option<(f64, usize)> {
        spelled(&tokenize(s), 0)
    }

    #[test]
    fn spelled_numbers() {
        let near = |s: &str, want: f64| {
            let (v, _) = read(s).unwrap_or((f64::NAN, 0));
            assert!((v - want).abs() < 1e-9, "{s}: {v} != {want}");
        };
        near("twenty four point two billion", 24.2);
        near("six point oh three billion", 6.03);
        near("seven point oh million", 7.0);
        near("one point one billion", 1.1);
        near("a hundred billion", 100.0);
        near("thirteen percent", 13.0);
        near("twenty-four", 24.0);
        near("one hundred and fifty million", 150.0);
        near("seven billion", 7.0);
        near("a billion", 1.0);
        near("two and a half million", 2.5);
        assert!(read("a few").is_none());
        assert!(read("point two").is_none());
        near("point nine zero percent", 0.9);
        near("point eight seven percent", 0.87);
    }

    /// Every number word `unit_value` knows, in any case, passes the cheap refusal and is
    /// one of `NUMBER_WORDS` (a sentence without digits is read only if it has one); the
    /// words most often refused are refused.
    #[test]
    fn number_words_pass_the_refusal() {
        #[rustfmt::skip]
        let words = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety",
        ];
        for w in words {
            assert!(NUMBER_WORDS.contains(&w), "{w} is not a sentence's number word");
            let title = w[..1].to_uppercase() + &w[1..];
            for text in [w.to_string(), w.to_uppercase(), title] {
                let toks = tokenize(&text);
                assert!(unit_value(&toks[0]).is_some(), "{text}");
            }
        }
        for w in [
            "the", "that", "for", "this", "than", "from", "first", "total", "sales", "a",
        ] {
            assert!(!may_be_number_word(&tokenize(w)[0]), "{w}");
        }
    }

    #[test]
    fn scales() {
        let t = tokenize("billion");
        assert_eq!(scale_word(&t[0]), Some(1e9));
        assert_eq!(scale_suffix("BN"), Some(1e9));
        assert_eq!(scale_suffix("x"), None);
    }
}
