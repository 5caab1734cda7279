//! What is written around a number and changes what it says: an approximation before
//! or after it ("more than", "~", "or so"), a range it opens ("400 to 500 million",
//! "between 8% and 13%", "30 40 percent"), and the unit words after it (percent, basis
//! points, dollars, cents, times).

use super::numbers::{scale_suffix, scale_word};
use super::quantity::{Qty, Unit, core_at};
use super::tokens::{Kind, Token, lower_ascii};

#[rustfmt::skip]
/// Words after which a number is a lower bound, an upper bound or an estimate.
const APPROX: &[&[&str]] = &[
    &["about"],
    &["approximately"],
    &["approx"],
    &["around"],
    &["roughly"],
    &["nearly"],
    &["almost"],
    &["over"],
    &["some"],
    &["circa"],
    &["~"],
    &["≈"],
    &[">"],
    &["<"],
    &["≥"],
    &["≤"],
    &["under"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["close", "to"],
    &["up", "to"],
    &["upwards", "of"],
    &["in", "excess", "of"],
    &["north", "of"],
    &["as", "much", "as"],
    &["as", "many", "as"],
    &["an", "estimated"],
    &["just", "shy", "of"],
];

/// Extends the prefix over an approximation ("more than", "~"). Returns the new first token.
pub(super) fn approx_before(toks: &[Token], first: usize) -> (usize, bool) {
    // Most numbers follow no word that ends a phrase of `APPROX`.
    if first == 0 || !ends_approx(toks[first - 1].text) {
        return (first, false);
    }
    let best = APPROX
        .iter()
        .filter(|p| p.len() <= first && p.iter().zip(&toks[first - p.len()..first]).all(|(w, t)| t.is(w)))
        .map(|p| p.len())
        .max();
    match best {
        Some(n) => (first - n, true),
        None => (first, false),
    }
}

/// `word` is the last word of a phrase of `APPROX` (in any case).
fn ends_approx(word: &str) -> bool {
    if matches!(word, "~" | "≈" | ">" | "<" | "≥" | "≤") {
        return true;
    }
    let mut lower = [0u8; 13];
    matches!(
        lower_ascii(word, &mut lower),
        Some(
            b"about"
                | b"approximately"
                | b"approx"
                | b"around"
                | b"roughly"
                | b"nearly"
                | b"almost"
                | b"over"
                | b"some"
                | b"circa"
                | b"under"
                | b"than"
                | b"least"
                | b"most"
                | b"to"
                | b"of"
                | b"as"
                | b"estimated"
        )
    )
}

/// "or so", "or more", "+" after a quantity.
pub(super) fn approx_after(toks: &[Token], q: &mut Qty) {
    let at = |k: usize, w: &str| toks.get(k).is_some_and(|t| t.is(w));
    if at(q.next, "+") && toks[q.next].start == q.end {
        q.approx = true;
        q.end = toks[q.next].end;
        q.next += 1;
    } else if at(q.next, "or") && (at(q.next + 1, "so") || at(q.next + 1, "more")) {
        q.approx = true;
        q.end = toks[q.next + 1].end;
        q.next += 2;
    }
}

/// "400 to 500 million", "$1.5 billion to $3.5 billion", "between 8% and 13%", "10-12%".
pub(super) fn range_after(toks: &[Token], q: &mut Qty) {
    let Some(link) = toks.get(q.next) else { return };
    let before = |w: &str| q.first > 0 && toks[q.first - 1].is(w);
    let between = before("between");
    let ok_link = link.is("to") || link.is_any(&["-", "–", "—"]) || (between && link.is("and"));
    // "30 40 percent": a spoken range with no word between.
    let spoken = link.kind == Kind::Num && q.unit == Unit::Pending && !q.scaled && link.suffix.is_empty();
    if (!ok_link && !spoken) || before("from") {
        return;
    }
    let mut k = q.next + usize::from(!spoken);
    k += usize::from(
        toks.get(k)
            .is_some_and(|t| t.is("+") && toks.get(k + 1).is_some_and(|n| n.start == t.end)),
    );
    let currency = toks.get(k).and_then(|t| currency_symbol(t.text));
    k += usize::from(currency.is_some());
    if k >= toks.len() {
        return;
    }
    let Some(upper) = core_at(toks, k) else { return };
    let mut high = upper.value;
    let mut lower = q.amount;
    let upper_unit = match (currency, upper.unit) {
        (Some(c), Unit::Pending) => Unit::Currency(c),
        (_, Unit::Currency("cents")) => {
            high /= 100.0;
            lower /= 100.0;
            Unit::Currency("USD")
        }
        (_, u) => u,
    };
    let unit = match (q.unit, upper_unit) {
        (a, b) if a == b => a,
        (Unit::Pending, b) => b,
        (a @ Unit::Currency(_), Unit::Pending) => a,
        _ => return,
    };
    if !q.scaled && upper.scaled {
        lower *= scale_of(toks, &upper, k);
    }
    if high <= lower {
        return;
    }
    // "declined by nearly 12,000 to 698,000", "grew by $2 billion to $69 billion", "growth
    // accelerated 2% to 13.2%": a change and the level it led to, not a range. Ranges
    // after "by" ("grew by 10 to 12%") or a verb of change ("to grow 8% to 11%") are
    // narrow. (`q.first` already takes in an approximation and a currency sign.)
    let lead = q.first.checked_sub(1).map(|k| &toks[k]);
    let by = lead.is_some_and(|t| t.is("by"));
    let verb = lead.is_some_and(|t| t.is_word() && super::cues::dir_before(t.text).is_some());
    if link.is("to") && ((by && high > 2.0 * lower) || (verb && high > 3.0 * lower)) {
        return;
    }
    q.amount = lower;
    q.upper = Some(high);
    q.unit = unit;
    q.scaled |= upper.scaled;
    q.glued |= upper.glued;
    q.end = toks[upper.next - 1].end;
    q.next = upper.next;
}

/// The multiplier the upper bound of a range carries, shared by its lower bound.
fn scale_of(toks: &[Token], upper: &super::quantity::Core, k: usize) -> f64 {
    let t = &toks[k];
    if t.kind == Kind::Num && !t.suffix.is_empty() {
        return scale_suffix(t.suffix).unwrap_or(1.0);
    }
    (k..upper.next).find_map(|j| scale_word(&toks[j])).unwrap_or(1.0)
}
/// The currency a symbol stands for.
pub(super) fn currency_symbol(s: &str) -> Option<&'static str> {
    match s {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "¥" => Some("JPY"),
        _ => None,
    }
}

/// A unit written after a number: `%`, percent, basis points, dollars, cents, times.
pub(super) fn unit_words(toks: &[Token], i: usize) -> Option<(Unit, usize)> {
    let t = toks.get(i)?;
    let next = toks.get(i + 1);
    let next_is = |w: &[&str]| next.is_some_and(|n| n.is_any(w));
    if t.text == "¢" {
        return Some((Unit::Currency("cents"), i + 1));
    }
    // One `match` on the word in lower case, where a test of each word in turn
    // compared every token after a number with all of them.
    let mut lower = [0u8; 10];
    let found = match lower_ascii(t.text, &mut lower)? {
        b"%" | b"pct" => (Unit::Percent, i + 1),
        b"percent" | b"percentage" => (Unit::Percent, i + 1 + usize::from(next_is(&["point", "points"]))),
        b"per" if next_is(&["cent"]) => (Unit::Percent, i + 2),
        b"basis" if next_is(&["point", "points"]) => (Unit::Bps, i + 2),
        b"bps" | b"bp" => (Unit::Bps, i + 1),
        b"dollars" | b"dollar" | b"usd" => (Unit::Currency("USD"), i + 1),
        b"cents" | b"cent" => (Unit::Currency("cents"), i + 1),
        b"euros" | b"eur" => (Unit::Currency("EUR"), i + 1),
        b"times" if next.is_some_and(comparative) => (Unit::Times, i + 1),
        b"x" if t.start > toks[i - 1].end => (Unit::Times, i + 1),
        _ => return None,
    };
    Some(found)
}

/// "faster", "more", "higher", "the" (as in "three times the size").
pub(super) fn comparative(t: &Token) -> bool {
    let er = t.text.len() > 4
        && t.text
            .get(t.text.len() - 2..)
            .is_some_and(|e| e.eq_ignore_ascii_case("er"));
    t.is_word() && (er || t.is_any(&["more", "less", "as", "the", "larger", "bigger", "greater", "better"]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_approximation_ends_in_a_word_the_quick_test_knows() {
        for phrase in APPROX {
            let last = phrase[phrase.len() - 1];
            assert!(ends_approx(last), "{last}");
            assert!(ends_approx(&last.to_uppercase()), "{last} in capitals");
        }
        assert!(!ends_approx("revenue"));
        assert!(!ends_approx("$"));
    }
}
