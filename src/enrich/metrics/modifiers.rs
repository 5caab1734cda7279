//! What is written around a number and changes what it says: an approximation before
//! or after it ("more than", "~", "or so"), a range it opens ("400 to 500 million",
//! "between 8% and 13%", "30 40 percent"), and the unit words after it (percent, basis
//! points, dollars, cents, times).

use super::numbers::{scale_suffix, scale_word};
use super::quantity::{CENTS, EURO_CENTS, PENCE, Qty, US_CENTS, Unit, core_at, in_points, in_whole_units};
use super::tokens::{Kind, Token, lower_ascii};
use crate::currency;

/// Phrases a word may close: the words before it in each, longest first.
type Leads = &'static [&'static [&'static str]];

/// The approximations `last` (in any case) may close: words after which a number is a
/// lower bound, an upper bound or an estimate ("about", "~", "more than", "in excess
/// of"). One `match` on the word before a number, where a search of the 31 phrases
/// compared each with the words before every number.
#[rustfmt::skip]
fn approx_leads(last: &str) -> Option<Leads> {
    if matches!(last, "~" | "≈" | ">" | "<" | "≥" | "≤") {
        return Some(&[&[]]);
    }
    let mut lower = [0u8; 13];
    let leads: Leads = match lower_ascii(last, &mut lower)? {
        b"about" | b"approximately" | b"approx" | b"around" | b"roughly" | b"nearly" | b"almost"
        | b"over" | b"some" | b"circa" | b"under" => &[&[]],
        b"than" => &[&["more"], &["less"], &["fewer"]],
        b"least" | b"most" => &[&["at"]],
        b"to" => &[&["close"], &["up"]],
        b"of" => &[&["the", "better", "part"], &["in", "excess"], &["just", "shy"], &["upwards"], &["upward"], &["north"]],
        b"like" => &[&["something"]],
        b"as" => &[&["as", "much"], &["as", "many"]],
        b"estimated" => &[&["an"]],
        _ => return None,
    };
    Some(leads)
}

/// Extends the prefix over an approximation ("more than", "~"). Returns the new first token.
pub(super) fn approx_before(toks: &[Token], first: usize) -> (usize, bool) {
    // Most numbers follow no word that closes an approximation.
    let Some(leads) = first.checked_sub(1).and_then(|last| approx_leads(toks[last].text)) else {
        return (first, false);
    };
    let last = first - 1;
    let lead = leads
        .iter()
        .find(|l| l.len() <= last && l.iter().zip(&toks[last - l.len()..last]).all(|(w, t)| t.is(w)));
    match lead {
        Some(l) => (last - l.len(), true),
        None => (first, false),
    }
}

/// "or so", "or more", "+", "-plus" after a quantity.
pub(super) fn approx_after(toks: &[Token], q: &mut Qty) {
    let at = |k: usize, w: &str| toks.get(k).is_some_and(|t| t.is(w));
    if at(q.next, "+") && toks[q.next].start == q.end {
        q.approx = true;
        q.end = toks[q.next].end;
        q.next += 1;
    } else if (at(q.next, "-")
        && at(q.next + 1, "plus")
        && toks[q.next].start == q.end
        && toks[q.next + 1].start == toks[q.next].end)
        || (at(q.next, "or") && (at(q.next + 1, "so") || at(q.next + 1, "more")))
    {
        q.approx = true;
        q.end = toks[q.next + 1].end;
        q.next += 2;
    }
}

/// Whether the words before token `at` end a range said with "to" ("$26.00 to $26.50",
/// "$450 billion to $455 billion", "5% to 6%").
fn range_before(toks: &[Token], at: usize) -> bool {
    let mut k = at;
    let step = |k: &mut usize, ok: &dyn Fn(&Token) -> bool| {
        let hit = *k > 0 && ok(&toks[*k - 1]);
        if hit {
            *k -= 1;
        }
        hit
    };
    let unit = |t: &Token| t.is("%") || t.is_any(&["percent", "thousand", "million", "billion", "trillion"]);
    let number = |t: &Token| t.kind == Kind::Num;
    let sign = |t: &Token| currency::of_sign(t.text).is_some();
    let bound = |k: &mut usize| {
        step(k, &unit);
        let found = step(k, &number);
        step(k, &sign);
        found
    };
    bound(&mut k) && step(&mut k, &|t: &Token| t.is("to")) && bound(&mut k)
}

/// "400 to 500 million", "$1.5 billion to $3.5 billion", "between 8% and 13%", "10-12%".
pub(super) fn range_after(toks: &[Token], q: &mut Qty, site: &str) {
    let Some(link) = toks.get(q.next) else { return };
    let before = |w: &str| q.first > 0 && toks[q.first - 1].is(w);
    let between = before("between");
    let ok_link = link.is("to") || link.is_any(&["-", "–", "—"]) || (between && link.is("and"));
    // "30 40 percent": a spoken range with no word between.
    let spoken = link.kind == Kind::Num && q.unit == Unit::Pending && !q.scaled && link.suffix.is_empty();
    // "from $10 billion to $12 billion" is a move; "from $43-44 billion" a range, and so is
    // "to $26.00 to $26.50 from $29.50 to $30.00": a range moved from is one too.
    let moved = before("from") && !range_before(toks, q.first - 1);
    if (!ok_link && !spoken) || (moved && !link.is_any(&["-", "–", "—"])) {
        return;
    }
    let mut k = q.next + usize::from(!spoken);
    k += usize::from(
        toks.get(k)
            .is_some_and(|t| t.is("+") && toks.get(k + 1).is_some_and(|n| n.start == t.end)),
    );
    // "US$25.0 billion and US$25.8 billion": the upper bound's currency may name its country.
    let country = (toks.get(k).zip(toks.get(k + 1)))
        .filter(|(c, d)| d.text == "$" && c.end == d.start)
        .and_then(|(c, _)| currency::of_country_dollars(c.text));
    k += usize::from(country.is_some());
    let currency = country.or_else(|| toks.get(k).and_then(|t| currency::of_sign(t.text)));
    k += usize::from(currency.is_some());
    if k >= toks.len() {
        return;
    }
    let Some(upper) = core_at(toks, k, site) else { return };
    let mut high = upper.value;
    let mut lower = q.amount;
    // "2 to 3 percentage points": the bare lower bound is in points too, 200 bps.
    let points = upper.unit == Unit::Bps && in_points(toks, k, upper.next);
    if points && q.unit == Unit::Pending {
        lower *= 100.0;
    }
    let upper_unit = match (currency, upper.unit) {
        (Some(c), Unit::Pending) => Unit::Currency(c),
        // "10 to 15 cents", "thirty to forty euro cents": a bare lower bound is in cents
        // too; "10 cents to 15 cents" already has its own in whole units.
        (_, u) => match in_whole_units(u) {
            Some(whole) => {
                high /= 100.0;
                if q.unit == Unit::Pending {
                    lower /= 100.0;
                }
                whole
            }
            None => u,
        },
    };
    let unit = match (q.unit, upper_unit) {
        (a, b) if a == b => a,
        (Unit::Pending, b) => b,
        (a @ Unit::Currency(_), Unit::Pending) => a,
        // "70 cents to $1.00": cents of the currency the other bound names.
        (Unit::Currency(CENTS), b @ Unit::Currency(_)) | (b @ Unit::Currency(_), Unit::Currency(CENTS)) => b,
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
    // Each bound with a scale word of its own ("by $2.75 billion to $4 billion") is
    // how a change and its level are written; a range after "by" shares one ("by 10 to
    // 12 million").
    let own_scales = q.scaled && upper.scaled;
    if link.is("to") && ((by && (high > 2.0 * lower || own_scales)) || (verb && high > 3.0 * lower)) {
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
/// A unit written after a number: `%`, percent, basis points, dollars, euros, yen, yuan,
/// cents, times.
pub(super) fn unit_words(toks: &[Token], i: usize, site: &str) -> Option<(Unit, usize)> {
    let t = toks.get(i)?;
    let next = toks.get(i + 1);
    let next_is = |w: &[&str]| next.is_some_and(|n| n.is_any(w));
    if t.text == "¢" {
        return Some((Unit::Currency(CENTS), i + 1));
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
        b"cents" | b"cent" => (Unit::Currency(CENTS), i + 1),
        b"euro" if next_is(&["cents", "cent"]) => (Unit::Currency(EURO_CENTS), i + 2),
        b"pence" => (Unit::Currency(PENCE), i + 1),
        b"times" if next.is_some_and(comparative) || valuation_base(toks, i + 1).is_some() => (Unit::Times, i + 1),
        b"x" if t.start > toks[i - 1].end => (Unit::Times, i + 1),
        // "US dollars", "NT dollars", "New Taiwan dollars": whose dollars.
        b"us" | b"u.s." if next_is(&["dollars", "dollar"]) => (Unit::Currency("USD"), i + 2),
        b"us" | b"u.s." if next_is(&["cents", "cent"]) => (Unit::Currency(US_CENTS), i + 2),
        b"nt" | b"taiwan" if next_is(&["dollars", "dollar"]) => (Unit::Currency("TWD"), i + 2),
        // "ninety one point four billion Swiss francs", "Norwegian kroner", "Canadian
        // dollars": a country's money by its name, as a call says it.
        b"swiss" if next_is(&["francs", "franc"]) => (Unit::Currency("CHF"), i + 2),
        b"canadian" if next_is(&["dollars", "dollar"]) => (Unit::Currency("CAD"), i + 2),
        b"australian" if next_is(&["dollars", "dollar"]) => (Unit::Currency("AUD"), i + 2),
        b"danish" if next_is(&["kroner", "krone"]) => (Unit::Currency("DKK"), i + 2),
        b"norwegian" if next_is(&["kroner", "krone"]) => (Unit::Currency("NOK"), i + 2),
        b"swedish" if next_is(&["kronor", "krona"]) => (Unit::Currency("SEK"), i + 2),
        b"japanese" if next_is(&["yen"]) => (Unit::Currency("JPY"), i + 2),
        b"indian" if next_is(&["rupees", "rupee"]) => (Unit::Currency("INR"), i + 2),
        b"mexican" if next_is(&["pesos", "peso"]) => (Unit::Currency("MXN"), i + 2),
        b"new" if next_is(&["taiwan"]) && toks.get(i + 2).is_some_and(|t| t.is_any(&["dollars", "dollar"])) => {
            (Unit::Currency("TWD"), i + 3)
        }
        word => (Unit::Currency(currency::of_name_in(word, site)?), i + 1),
    };
    Some(found)
}

/// "25 times earnings", "30x our fiscal 2027 EPS estimate", "about 2 times tangible book":
/// the measure a valuation multiple is of, if one follows token `from` (a few words of
/// time, owner or basis between), as the label of the multiple.
pub(super) fn valuation_base(toks: &[Token], from: usize) -> Option<&'static str> {
    const BETWEEN: &[&str] = &[
        "our",
        "my",
        "its",
        "their",
        "the",
        "this",
        "next",
        "current",
        "forward",
        "trailing",
        "fiscal",
        "calendar",
        "year",
        "year's",
        "years",
        "consensus",
        "estimated",
        "expected",
        "non",
        "gaap",
        "adjusted",
        "comparable",
        "core",
        "underlying",
        "-",
        "/",
        "'",
        "’",
        "s",
    ];
    for k in from..toks.len().min(from + 8) {
        let t = &toks[k];
        let next = |w: &str| toks.get(k + 1).is_some_and(|n| n.is(w));
        let label = match () {
            _ if t.is_any(&["earnings", "eps", "p/e"]) => "price to earnings",
            _ if t.is_any(&["sales", "revenue", "revenues"]) => "price to sales",
            _ if t.is("ebitda") => "ev to ebitda",
            _ if t.is("tangible") && next("book") => "price to tangible book value",
            _ if t.is("book") => "price to book value",
            _ if t.is("free") && next("cash") => "price to free cash flow",
            _ if t.is_any(BETWEEN) || (t.kind != Kind::Word && t.kind != Kind::Sym) => continue,
            _ => return None,
        };
        // "3x revenue growth" multiplies the growth.
        let grows = toks
            .get(k + 1)
            .is_some_and(|n| n.is_any(&["growth", "increase", "gains", "expansion"]));
        return (!grows).then_some(label);
    }
    None
}

/// Whether a rise is said right before the number at `first`, approximations between
/// ("up fourteen times", "grown nearly five times"): a direction word of `cues`.
pub(super) fn rise_before(toks: &[Token], first: usize) -> bool {
    let (lead, _) = approx_before(toks, first);
    // "came up 30 times in prepared remarks" counts how often, not by how much.
    let phrasal = |k: usize| {
        toks[k].is("up")
            && k.checked_sub(1).is_some_and(|j| {
                toks[j].is_any(&[
                    "came", "come", "comes", "coming", "brought", "showed", "shows", "turned", "popped",
                ])
            })
    };
    lead.checked_sub(1).is_some_and(|k| {
        toks[k].is_word() && super::cues::dir_before(toks[k].text) == Some(super::cues::Dir::Up) && !phrasal(k)
    })
}

/// Whether "times" after the number at `first`, with no comparative or valuation base
/// after it, is a multiple all the same: a rise comes right before the number ("up
/// fourteen times"), or a multiple was named before it in the sentence ("gross leverage
/// stood at 2.7 times", "about 23 times our 2026 estimate" after "29 times our 2025 EPS
/// estimate", "a five-year average of roughly 35 times").
pub(super) fn times_said_as_multiple(toks: &[Token], first: usize) -> bool {
    rise_before(toks, first) || leverage_before(toks, first).is_some() || valuation_before(toks, first).is_some()
}

/// The label of the valuation multiple nearest before token `before`, if one is.
pub(super) fn valuation_before(toks: &[Token], before: usize) -> Option<&'static str> {
    (0..before).rev().find_map(|k| {
        let t = &toks[k];
        let unit = t.is("times") || t.is("x") || (t.kind == Kind::Num && t.suffix.eq_ignore_ascii_case("x"));
        if unit { valuation_base(toks, k + 1) } else { None }
    })
}

/// "gross leverage", "net leverage" or "leverage" named before token `before`: what a
/// multiple of debt to earnings is called.
pub(super) fn leverage_before(toks: &[Token], before: usize) -> Option<&'static str> {
    let Some(k) = (0..before).rev().find(|&k| toks[k].is("leverage")) else {
        return debt_to_ebitda(toks, before).then_some("leverage");
    };
    let kind = k.checked_sub(1).map(|j| &toks[j]);
    Some(match kind {
        Some(t) if t.is("gross") => "gross leverage",
        Some(t) if t.is("net") => "net leverage",
        _ => "leverage",
    })
}

/// "net debt to EBITDA was 2.3 times", "our net unsecured debt to adjusted EBITDA ratio
/// was 2.3 times": debt over earnings, named before token `before`, is leverage.
fn debt_to_ebitda(toks: &[Token], before: usize) -> bool {
    let Some(e) = (0..before).rev().find(|&k| toks[k].is("ebitda")) else {
        return false;
    };
    let to = (e.saturating_sub(2)..e).rev().find(|&j| toks[j].is("to"));
    to.is_some_and(|to| toks[to.saturating_sub(3)..to].iter().any(|t| t.is("debt")))
}

/// "faster", "more", "higher", "the" (as in "three times the size").
pub(super) fn comparative(t: &Token) -> bool {
    let er = t.text.len() > 4
        && t.text
            .get(t.text.len() - 2..)
            .is_some_and(|e| e.eq_ignore_ascii_case("er"))
        && !t.is_any(NOT_COMPARATIVES);
    t.is_word() && (er || t.is_any(&["more", "less", "as", "the", "larger", "bigger", "greater", "better"]))
}

/// Words ending in "er" that compare nothing ("grew 80% quarter over quarter").
#[rustfmt::skip]
const NOT_COMPARATIVES: &[&str] = &[
    "quarter", "quarters", "after", "under", "other", "order", "number", "rather", "whether",
    "either", "neither", "together", "earlier", "later", "customer", "consumer", "member",
    "partner", "seller", "user", "never",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approximations_in_any_case() {
        let first = |text: &str| {
            let toks = super::super::tokens::tokenize(text);
            approx_before(&toks, toks.len() - 1)
        };
        assert_eq!(first("grew About 5"), (1, true));
        assert_eq!(first("sales of more than 5"), (2, true));
        assert_eq!(first("capex In Excess Of 5"), (1, true));
        assert_eq!(first("as many as 5"), (0, true));
        assert_eq!(first("rose to ~5"), (2, true));
        assert_eq!(first("rose to 5"), (2, false));
        assert_eq!(first("up to 5"), (0, true));
        assert_eq!(first("revenue 5"), (1, false));
        assert_eq!(first("5"), (0, false));
    }
}
