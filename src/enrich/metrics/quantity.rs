//! Finds the quantities of a sentence in its tokens: a number (digits or words) with
//! its scale, its unit (currency, percent, basis points, times), what qualifies it
//! (approximately, a sign) and a range it opens ("400 to 500 million"). Which of them
//! are figures, and of what, is decided later by `records`.

use super::numbers::{scale_suffix, scale_word, spelled};
use super::tokens::{Kind, Token};

/// The unit of a quantity as read from its own tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    /// An ISO currency code.
    Currency(&'static str),
    Percent,
    Bps,
    Count,
    Times,
    /// A scaled number with no unit yet ("170 billion in revenue").
    Pending,
}

impl Unit {
    /// The unit as written in a record.
    pub fn label(self) -> &'static str {
        match self {
            Unit::Currency(code) => code,
            Unit::Percent => "%",
            Unit::Bps => "bps",
            Unit::Count => "count",
            Unit::Times => "x",
            Unit::Pending => "",
        }
    }
}

/// A quantity found in the tokens.
#[derive(Debug, Clone)]
pub(super) struct Qty {
    /// Byte range, prefix ("about $") and unit included.
    pub start: usize,
    pub end: usize,
    /// Token range `first..next`.
    pub first: usize,
    pub next: usize,
    pub amount: f64,
    pub upper: Option<f64>,
    pub unit: Unit,
    pub approx: bool,
    pub negative: bool,
    /// Written with a leading `+`.
    pub plus: bool,
    /// Has a scale word or suffix (million, B).
    pub scaled: bool,
    /// The scale was a letter glued to the digits (`4k`, `10K`): weaker evidence.
    pub glued: bool,
    /// A word right after the number that may be what it counts ("items").
    pub noun: Option<usize>,
}

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

/// Words that cannot be the thing a number counts.
const NOT_NOUNS: &[&str] = &[
    "in",
    "of",
    "and",
    "or",
    "to",
    "the",
    "a",
    "an",
    "for",
    "from",
    "at",
    "on",
    "by",
    "with",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "has",
    "had",
    "have",
    "than",
    "as",
    "per",
    "over",
    "versus",
    "vs",
    "compared",
    "up",
    "down",
    "more",
    "less",
    "this",
    "that",
    "which",
    "who",
    "year",
    "years",
    "quarter",
    "quarters",
    "month",
    "months",
    "day",
    "days",
    "week",
    "weeks",
    "hour",
    "hours",
    "annually",
    "each",
    "across",
    "into",
    "last",
    "since",
    "but",
    "while",
    "so",
    "it",
    "its",
    "their",
    "our",
    "we",
    "they",
    "he",
    "she",
    "you",
    "i",
    "dollars",
    "increase",
    "decrease",
    "growth",
    "higher",
    "lower",
    "above",
    "below",
    "including",
    "excluding",
    "plus",
    "worth",
    "today",
    "yet",
    "still",
    "already",
    "now",
];

/// All quantities of a token stream, in order.
pub(super) fn scan(toks: &[Token]) -> Vec<Qty> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match quantity_at(toks, i) {
            Some(q) => {
                i = q.next;
                out.push(q);
            }
            None => i += 1,
        }
    }
    out
}

/// A number core: its value, the token after it, and what its own tokens say.
struct Core {
    value: f64,
    next: usize,
    scaled: bool,
    glued: bool,
    unit: Unit,
}

fn quantity_at(toks: &[Token], i: usize) -> Option<Qty> {
    let core = core_at(toks, i)?;
    let (first, currency, negative, plus) = prefix(toks, i);
    let (first, approx) = approx_before(toks, first);
    let mut unit = match (currency, core.unit) {
        (Some(code), Unit::Pending) => Unit::Currency(code),
        (_, u) => u,
    };
    let mut amount = core.value;
    if unit == Unit::Currency("cents") {
        unit = Unit::Currency("USD");
        amount /= 100.0;
    }
    let mut q = Qty {
        start: toks[first].start,
        end: toks[core.next - 1].end,
        first,
        next: core.next,
        amount,
        upper: None,
        unit,
        approx,
        negative,
        plus,
        scaled: core.scaled,
        glued: core.glued,
        noun: None,
    };
    range_after(toks, &mut q);
    approx_after(toks, &mut q);
    if q.unit == Unit::Pending && q.scaled {
        q.noun = toks
            .get(q.next)
            .filter(|t| t.is_word() && !t.is_any(NOT_NOUNS))
            .map(|_| q.next);
    }
    Some(q)
}

/// Reads the number at `i` with its scale and unit words.
fn core_at(toks: &[Token], i: usize) -> Option<Core> {
    let t = &toks[i];
    let (mut value, mut next, mut scaled, mut glued, mut unit) = match t.kind {
        Kind::Num if !looks_like_identifier(toks, i) => {
            let (v, scaled, u) = glued_number(t)?;
            (v, i + 1, scaled, scaled, u)
        }
        Kind::Word => {
            let (v, next) = spelled(toks, i)?;
            (v, next, false, false, Unit::Pending)
        }
        _ => return None,
    };
    if !scaled {
        let hyphen = toks
            .get(next)
            .is_some_and(|h| h.is("-") && h.start == toks[next - 1].end);
        let at = if hyphen { next + 1 } else { next };
        if let Some(m) = toks.get(at).and_then(scale_word) {
            value *= m;
            next = at + 1;
            scaled = true;
            glued = false;
        }
    }
    if compound_follows(toks, next) {
        return None;
    }
    if unit == Unit::Pending
        && let Some((u, after)) = unit_words(toks, next)
    {
        unit = u;
        next = after;
    }
    if t.kind == Kind::Word && !scaled && unit == Unit::Pending {
        return None;
    }
    Some(Core {
        value,
        next,
        scaled,
        glued: glued && scaled,
        unit,
    })
}

/// The value of a number token with its glued suffix applied: (value, scaled, unit).
fn glued_number(t: &Token) -> Option<(f64, bool, Unit)> {
    let s = t.suffix;
    if s.is_empty() {
        Some((t.value, false, Unit::Pending))
    } else if s.eq_ignore_ascii_case("x") {
        Some((t.value, false, Unit::Times))
    } else if s.eq_ignore_ascii_case("bps") || s.eq_ignore_ascii_case("bp") {
        Some((t.value, false, Unit::Bps))
    } else if s.eq_ignore_ascii_case("pp") {
        Some((t.value, false, Unit::Percent))
    } else {
        scale_suffix(s).map(|m| (t.value * m, true, Unit::Pending))
    }
}

/// Digits that belong to a name, a version, a date or a time: "GPT-4", "2.5.1",
/// "12/31", "10:30".
fn looks_like_identifier(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    let glued_before = |k: usize, s: &[&str]| k < i && toks[k].end == toks[k + 1].start && toks[k].is_any(s);
    let glued_after = |k: usize, s: &[&str]| toks.get(k).is_some_and(|n| n.start == toks[k - 1].end && n.is_any(s));
    if i > 0 && glued_before(i - 1, &["-", "/", ":", "."]) {
        let before = i.checked_sub(2).map(|k| &toks[k]);
        let word_glued = before.is_some_and(|b| b.end == toks[i - 1].start && b.kind != Kind::Sym);
        if word_glued || !toks[i - 1].is("-") {
            return true;
        }
    }
    let dotted = glued_after(i + 1, &["/", ":", "."])
        && toks
            .get(i + 2)
            .is_some_and(|n| n.kind == Kind::Num && n.start == toks[i + 1].end);
    dotted && t.suffix.is_empty()
}

/// "12-month", "10-K", "two-way": a number glued by a hyphen to a word is a name.
fn compound_follows(toks: &[Token], next: usize) -> bool {
    let (Some(h), Some(w)) = (toks.get(next), toks.get(next + 1)) else {
        return false;
    };
    next > 0
        && h.is("-")
        && h.start == toks[next - 1].end
        && w.start == h.end
        && matches!(w.kind, Kind::Word | Kind::Ident)
}

/// A unit written after a number: `%`, percent, basis points, dollars, cents, times.
fn unit_words(toks: &[Token], i: usize) -> Option<(Unit, usize)> {
    let t = toks.get(i)?;
    let next = toks.get(i + 1);
    let next_is = |w: &[&str]| next.is_some_and(|n| n.is_any(w));
    let found = if t.is("%") || t.is("pct") {
        (Unit::Percent, i + 1)
    } else if t.is("percent") || t.is("percentage") {
        let points = usize::from(next_is(&["point", "points"]));
        (Unit::Percent, i + 1 + points)
    } else if t.is("per") && next_is(&["cent"]) {
        (Unit::Percent, i + 2)
    } else if t.is("basis") && next_is(&["point", "points"]) {
        (Unit::Bps, i + 2)
    } else if t.is_any(&["bps", "bp"]) {
        (Unit::Bps, i + 1)
    } else if t.is_any(&["dollars", "dollar", "usd"]) {
        (Unit::Currency("USD"), i + 1)
    } else if t.is_any(&["cents", "cent"]) {
        (Unit::Currency("cents"), i + 1)
    } else if t.is_any(&["euros", "eur"]) {
        (Unit::Currency("EUR"), i + 1)
    } else if t.is("times") && next.is_some_and(comparative) {
        (Unit::Times, i + 1)
    } else {
        return None;
    };
    Some(found)
}

/// "faster", "more", "higher", "the" (as in "three times the size").
fn comparative(t: &Token) -> bool {
    t.is_word()
        && (t.is_any(&["more", "less", "as", "the", "larger", "bigger", "greater", "better"])
            || (t.text.len() > 4 && t.text.to_ascii_lowercase().ends_with("er")))
}

/// Currency and sign written before the number at `i`. Returns the first token of
/// the prefix, the currency, and whether a minus or plus sign was written.
fn prefix(toks: &[Token], i: usize) -> (usize, Option<&'static str>, bool, bool) {
    let (mut j, mut negative, mut plus) = sign_before(toks, i);
    let mut currency = None;
    if j > 0 {
        currency = currency_symbol(toks[j - 1].text);
        if currency.is_some() {
            j -= 1;
            if j > 0 && toks[j - 1].is("US") && toks[j - 1].end == toks[j].start {
                j -= 1;
            }
        } else if toks[j - 1].is_any(&["usd", "us$"]) {
            currency = Some("USD");
            j -= 1;
        }
    }
    if currency.is_some() && !negative && !plus {
        (j, negative, plus) = sign_before(toks, j);
    }
    (j, currency, negative, plus)
}

/// A minus or plus sign glued before token `j` and free of a word before it ("-$0.5B",
/// "(−5%)", but not "GPT-4"). Returns the new first token, negative, plus.
fn sign_before(toks: &[Token], j: usize) -> (usize, bool, bool) {
    if j == 0 {
        return (j, false, false);
    }
    let s = &toks[j - 1];
    let glued = s.end == toks[j].start;
    let free = j == 1 || toks[j - 2].end < s.start || toks[j - 2].is("(");
    if !(glued && free) {
        return (j, false, false);
    }
    if s.is_any(&["-", "−", "–"]) {
        (j - 1, true, false)
    } else if s.is("+") {
        (j - 1, false, true)
    } else {
        (j, false, false)
    }
}

/// Extends the prefix over an approximation ("more than", "~"). Returns the new first token.
fn approx_before(toks: &[Token], first: usize) -> (usize, bool) {
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

/// "or so", "or more", "+" after a quantity.
fn approx_after(toks: &[Token], q: &mut Qty) {
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
fn range_after(toks: &[Token], q: &mut Qty) {
    let Some(link) = toks.get(q.next) else { return };
    let before = |w: &str| q.first > 0 && toks[q.first - 1].is(w);
    let between = before("between");
    let ok_link = link.is("to") || link.is_any(&["-", "–", "—"]) || (between && link.is("and"));
    if !ok_link || before("from") {
        return;
    }
    let mut k = q.next + 1;
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
    q.amount = lower;
    q.upper = Some(high);
    q.unit = unit;
    q.scaled |= upper.scaled;
    q.glued |= upper.glued;
    q.end = toks[upper.next - 1].end;
    q.next = upper.next;
}

/// The currency a symbol stands for.
fn currency_symbol(s: &str) -> Option<&'static str> {
    match s {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "¥" => Some("JPY"),
        _ => None,
    }
}

/// The multiplier the upper bound of a range carries, shared by its lower bound.
fn scale_of(toks: &[Token], upper: &Core, k: usize) -> f64 {
    let t = &toks[k];
    if t.kind == Kind::Num && !t.suffix.is_empty() {
        return scale_suffix(t.suffix).unwrap_or(1.0);
    }
    (k..upper.next).find_map(|j| scale_word(&toks[j])).unwrap_or(1.0)
}
