//! Finds the quantities of a sentence in its tokens: a number (digits or words) with
//! its scale, its unit (currency, percent, basis points, times), its sign, and what
//! `modifiers` and `counts` add to it. Which of them are figures, and of what, is
//! decided later by `records`.

use super::counts::{bare_count, head_noun, multiple, multiplier};
use super::modifiers::{approx_after, approx_before, range_after, unit_words};
use super::numbers::{indian_scale, may_be_spelled, scale_suffix, scale_word, spelled, spoken_cents};
use super::tokens::{Kind, Token, lower_ascii};
use crate::currency;

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
    /// A verb that multiplies ("tripled"): a change in `x`.
    pub multiplier: bool,
    /// The noun the number counts ("7 billion items", "20 countries"), a token index.
    pub noun: Option<usize>,
    /// For a multiple of a measure ("25 times earnings"), the label of that valuation
    /// (`modifiers::valuation_base`): a level, not a change.
    pub valuation: Option<&'static str>,
}

/// All quantities of a token stream, in order.
pub(super) fn scan(toks: &[Token], site: &str) -> Vec<Qty> {
    let mut out: Vec<Qty> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match quantity_at(toks, i, site) {
            Some(mut q) => {
                // "$5 billion or more than $6 billion": a prefix never reaches into the
                // quantity before it, so quantities never overlap.
                if let Some(prev) = out.last()
                    && q.first < prev.next
                {
                    q.first = prev.next;
                    q.start = toks[q.first].start;
                }
                i = q.next;
                out.push(q);
            }
            None => i += 1,
        }
    }
    spoken_currency_of_cents(&mut out);
    earlier_in_the_same_scale(toks, &mut out);
    out
}

/// "2,839 thousand boe/d (2023: 2,791)": a bare number in parentheses after a label and a
/// colon, right after a scaled amount, is the earlier value of the same measure, in its
/// scale and unit, when that makes it of the same size (a half to twice).
fn earlier_in_the_same_scale(toks: &[Token], qtys: &mut [Qty]) {
    for i in 1..qtys.len() {
        let q = &qtys[i];
        let colon = q.first.checked_sub(1).is_some_and(|k| toks[k].is(":"));
        let closed = toks.get(q.next).is_some_and(|t| t.is(")"));
        let open = (q.first.saturating_sub(6)..q.first).rev().find(|&k| toks[k].is("("));
        let (true, true, Some(open), false, Unit::Pending) = (colon, closed, open, q.scaled, q.unit) else {
            continue;
        };
        // The amount right before the parenthesis and its unit's few words ("boe/d"); a
        // year inside the parenthesis is read as a number too.
        let Some(prev) = qtys[..i]
            .iter()
            .rev()
            .find(|p| p.next <= open)
            .filter(|p| open - p.next <= 4)
        else {
            continue;
        };
        let Some(number) = toks[prev.first..prev.next]
            .iter()
            .find(|t| t.kind == Kind::Num && t.value > 0.0)
        else {
            continue;
        };
        let scale = prev.amount.abs() / number.value;
        let ratio = q.amount * scale / prev.amount.abs();
        if prev.scaled && scale >= 1e3 && (0.5..=2.0).contains(&ratio) {
            let unit = prev.unit;
            let q = &mut qtys[i];
            q.amount *= scale;
            q.scaled = true;
            q.unit = unit;
        }
    }
}

/// Cents that say no currency ("up ten cents") are of the currency the sentence speaks
/// of ("€1.84 a share, up ten cents"), else of the site's: a euro site's cents are euro
/// cents.
fn spoken_currency_of_cents(qtys: &mut [Qty]) {
    if !qtys.iter().any(|q| q.unit == Unit::Currency(CENTS)) {
        return;
    }
    let named = |q: &Qty| match q.unit {
        Unit::Currency(code) if code != CENTS && !code.is_empty() => Some(code),
        _ => None,
    };
    let spoken = qtys.iter().find_map(named).unwrap_or("");
    for q in qtys.iter_mut().filter(|q| q.unit == Unit::Currency(CENTS)) {
        q.unit = Unit::Currency(spoken);
    }
}

/// The unit of cents said without a currency, until `scan` gives them one
/// (`spoken_currency_of_cents`); the amount is already in whole units.
pub(super) const CENTS: &str = "cents";
/// Euro cents ("thirty euro cents"), read as cents of the euro.
pub(super) const EURO_CENTS: &str = "euro cents";
/// US cents ("129.6 US cents a share"), read as cents of the dollar.
pub(super) const US_CENTS: &str = "us cents";
/// Pence ("2,641p", "34 pence"), read as hundredths of the pound.
pub(super) const PENCE: &str = "pence";

/// The unit of an amount written in cents once it is in whole units (divided by 100), or
/// None when `unit` is no unit of cents.
pub(super) fn in_whole_units(unit: Unit) -> Option<Unit> {
    match unit {
        Unit::Currency(CENTS) => Some(unit),
        Unit::Currency(EURO_CENTS) => Some(Unit::Currency("EUR")),
        Unit::Currency(US_CENTS) => Some(Unit::Currency("USD")),
        Unit::Currency(PENCE) => Some(Unit::Currency("GBP")),
        _ => None,
    }
}

/// Whether the number at token `first`, whose unit words end before token `next`, was
/// said in percentage points ("percentage points", "percent point", "1.5pp").
pub(super) fn in_points(toks: &[Token], first: usize, next: usize) -> bool {
    toks[first].suffix.eq_ignore_ascii_case("pp") || (next > 0 && toks[next - 1].is_any(&["point", "points"]))
}

/// Where "points" said bare after the number at `i` ends (`next` is the token after the
/// number), when they are percentage points: the number moves ("up 1.2 points", "fell
/// 3 points", "by two points", "another 4 points") or the points are an effect or a part
/// of a growth ("an 8-point currency headwind", "5 points off net revenues", "nine points
/// of price mix"). Not "two points to make", nor an index's ("the Dow fell 300 points":
/// an index is named, and percentage points are fewer than a hundred).
fn bare_points(toks: &[Token], i: usize, next: usize) -> Option<usize> {
    #[rustfmt::skip]
    const MOVED: &[&str] = &[
        "up", "down", "by", "rose", "fell", "gained", "lost", "expanded", "contracted", "improved",
        "declined", "widened", "narrowed", "increased", "decreased", "added", "adding", "took", "taking",
        "cut", "reduced", "dropped", "climbed", "jumped", "slipped", "another", "shaved", "subtracted",
    ];
    #[rustfmt::skip]
    // Besides the effects of `cues::effect_dir` ("headwind", "drag", "boost").
    const EFFECT: &[&str] = &[
        "swing", "off", "higher", "lower", "better", "worse", "improvement", "expansion", "contraction",
        "decline", "increase", "decrease",
    ];
    #[rustfmt::skip]
    const OF: &[&str] = &[
        "price", "pricing", "margin", "growth", "mix", "share", "headwind", "tailwind", "expansion",
        "contraction", "improvement", "dilution", "pressure", "benefit", "volume",
    ];
    const INDEXES: &[&str] = &[
        "dow", "s&p", "nasdaq", "index", "ftse", "nikkei", "taiex", "kospi", "stoxx", "dax",
    ];
    let hyphen = toks
        .get(next)
        .is_some_and(|h| h.is("-") && h.start == toks[next - 1].end);
    let at = if hyphen { next + 1 } else { next };
    if !toks
        .get(at)
        .is_some_and(|t| t.is_any(&["points", "point", "pts", "pt"]))
    {
        return None;
    }
    let word = |k: usize| toks.get(k).filter(|t| t.kind == Kind::Word);
    let after = word(at + 1);
    let moved = (1..=3).any(|back| i.checked_sub(back).and_then(word).is_some_and(|t| t.is_any(MOVED)));
    let effect_word = |t: &Token| t.is_any(EFFECT) || super::cues::effect_dir(t).is_some();
    let effect = after.is_some_and(effect_word)
        || (after.is_some_and(|t| t.is("of")) && word(at + 2).is_some_and(|t| t.is_any(OF)))
        || (hyphen && word(at + 1).is_some_and(|_| (at + 1..at + 3).any(|k| word(k).is_some_and(effect_word))));
    // "a headwind of about 5 points": the effect said before, "of" right before the number
    // (or its "about").
    let effect_before = (1..=3).any(|back| {
        i.checked_sub(back + 1)
            .is_some_and(|k| word(k).is_some_and(|t| super::cues::effect_dir(t).is_some()) && toks[k + 1].is("of"))
    });
    let index = toks.iter().any(|t| t.is_any(INDEXES));
    ((moved || effect || effect_before) && !index).then_some(at + 1)
}

/// Whether `q` is in percentage points said bare ("up 1.2 points", `bare_points`).
pub(super) fn in_bare_points(toks: &[Token], q: &Qty) -> bool {
    q.unit == Unit::Bps
        && q.next >= 2
        && toks[q.next - 1].is_any(&["points", "point", "pts", "pt"])
        && !toks[q.next - 2].is_any(&["percentage", "percent", "basis"])
}

/// A number core: its value, the token after it, and what its own tokens say.
pub(super) struct Core {
    pub value: f64,
    pub next: usize,
    pub scaled: bool,
    pub glued: bool,
    pub unit: Unit,
    pub spelled: bool,
}

fn quantity_at(toks: &[Token], i: usize, site: &str) -> Option<Qty> {
    match toks[i].kind {
        // A sign or currency symbol is read as the prefix of the number after it.
        Kind::Sym | Kind::Ident => return None,
        Kind::Word => {
            // Few words multiply: `multiple` refuses the others before a call.
            if let Some(value) = multiple(&toks[i])
                && let Some(q) = multiplier(toks, i, value)
            {
                return Some(q);
            }
            // Most words start no number: refused here, before the call to `core_at`
            // (which refuses them too, for its other callers). Leaving it to `core_at`
            // measured 15 to 35 M instructions more at 1,000 notes.
            if !may_be_spelled(&toks[i]) {
                return None;
            }
        }
        Kind::Num => {}
    }
    // A number in accounting parentheses reads from the "(" before it, and is negative.
    let (core, at) = match accounting(toks, i) {
        Some(core) => (core, i - 1),
        None => (core_at(toks, i, site)?, i),
    };
    let (first, currency, negative, plus) = prefix(toks, at);
    let negative = negative || at < i;
    let (first, approx) = approx_before(toks, first);
    let mut unit = match (currency, core.unit) {
        (Some(code), Unit::Pending) => Unit::Currency(code),
        // "net profit of 6,806 crore": an amount in crore or lakh is rupees, whatever the
        // site's currency, unless it counts the noun after it ("10 crore shares").
        (None, Unit::Pending)
            if core.scaled
                && toks[i..core.next].iter().any(indian_scale)
                && !toks.get(core.next).is_some_and(super::counts::counts_a_noun) =>
        {
            Unit::Currency("INR")
        }
        (_, u) => u,
    };
    let mut amount = core.value;
    if let Some(whole) = in_whole_units(unit) {
        unit = whole;
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
        multiplier: false,
        noun: None,
        valuation: None,
    };
    range_after(toks, &mut q, site);
    approx_after(toks, &mut q);
    // "one hundred eighty one thousand two hundred sixty nine": a spelled number in
    // thousands is scaled as "181 thousand" is, whether or not a scale word follows it
    // (read after the range, whose trailing scale word scales both its ends).
    q.scaled |= core.spelled && toks[i..core.next].iter().any(|t| t.is("thousand"));
    if q.unit == Unit::Times {
        // A multiple after a rise is a change; one said after another valuation multiple
        // or after "leverage" with no measure of its own is a level of that measure.
        use super::modifiers::{leverage_before, rise_before, valuation_base, valuation_before};
        q.valuation = valuation_base(toks, q.next).or_else(|| {
            (!rise_before(toks, q.first))
                .then(|| valuation_before(toks, q.first).or_else(|| leverage_before(toks, q.first)))
                .flatten()
        });
    }
    if q.unit == Unit::Pending {
        q.noun = head_noun(toks, &q);
        // "38 a month", "at five a month": a rate of making things, counted a month (the
        // month is its noun, which `count_metric` names the production rate).
        let per_month = q.noun.is_none() && super::counts::made_a_month(toks, &q);
        if per_month {
            q.noun = Some(q.next + 1);
        }
        let counted = q.scaled || per_month || bare_count(toks, &q, core.spelled);
        // "days claims payable were forty six point two": a spoken decimal is a number
        // as the digits are, whose unit the words around it may give (`records::unit_of`).
        let decimal = core.spelled && q.noun.is_none() && toks[i..core.next].iter().any(|t| t.is("point"));
        if !counted && !decimal && (core.spelled || q.noun.is_some()) {
            return None;
        }
        if !q.scaled && !counted {
            q.noun = None;
        }
        if let Some(per) = q.noun.and_then(|k| super::counts::base_units_in(&toks[k])) {
            q.amount *= per;
            q.upper = q.upper.map(|u| u * per);
        }
    }
    Some(q)
}

/// A number written in accounting parentheses inside its amount, as filings and their
/// tables write a negative one: "(1.0)%", "$(2.1) billion", "$(0.9)B", "$(0.45)". The
/// parentheses close right after the digits, and a "%" or a currency sign glued to them
/// says it is an amount; what is read is the number at `i` and its unit after the ")".
/// (A whole amount in parentheses, "($0.4B)", is a negative only in some places:
/// `attribute::written_as_loss`.)
fn accounting(toks: &[Token], i: usize) -> Option<Core> {
    let (t, close) = (&toks[i], toks.get(i + 1)?);
    let open = toks.get(i.checked_sub(1)?)?;
    let enclosed = open.is("(") && open.end == t.start && close.is(")") && close.start == t.end;
    if t.kind != Kind::Num || !t.suffix.is_empty() || !enclosed {
        return None;
    }
    let currency = i >= 2 && toks[i - 2].end == open.start && currency::of_sign(toks[i - 2].text).is_some();
    let after = toks.get(i + 2);
    let glued = after.filter(|a| a.start == close.end);
    let (mut value, mut next, mut scaled, mut unit) = (t.value, i + 2, false, Unit::Pending);
    if glued.is_some_and(|a| a.is("%")) {
        unit = Unit::Percent;
        next += 1;
    } else if !currency {
        return None;
    } else if let Some(m) = glued
        .and_then(|a| scale_suffix(a.text))
        .or_else(|| after.and_then(scale_word))
    {
        value *= m;
        scaled = true;
        next += 1;
    }
    Some(Core {
        value,
        next,
        scaled,
        glued: false,
        unit,
        spelled: false,
    })
}

/// Reads the number at `i` with its scale and unit words.
pub(super) fn core_at(toks: &[Token], i: usize, site: &str) -> Option<Core> {
    let t = &toks[i];
    let (mut value, mut next, mut scaled, mut glued, mut unit) = match t.kind {
        Kind::Num if !looks_like_identifier(toks, i) => {
            let (v, scaled, u) = glued_number(t)?;
            (v, i + 1, scaled, scaled, u)
        }
        Kind::Word if may_be_spelled(t) => {
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
            // "₹1.63 lakh crore", "₹40 thousand crore": crores counted in lakhs or
            // thousands, as Indian writers say a large amount.
            if m < 1e7
                && let Some(crore) = toks.get(next).filter(|t| t.is_any(&["crore", "crores"]))
                && let Some(c) = scale_word(crore)
            {
                value *= c;
                next += 1;
            }
        }
    }
    // "a 10-percent rise", "the 50-cent dividend": a unit glued by a hyphen is the
    // number's own, not a compound that names something.
    if unit == Unit::Pending
        && toks
            .get(next)
            .is_some_and(|h| h.is("-") && next > 0 && h.start == toks[next - 1].end)
        && toks.get(next + 1).is_some_and(|w| w.start == toks[next].end)
        && unit_words(toks, next + 1, site).is_some()
    {
        next += 1;
    }
    // "up 1.2 points", "an 8-point currency headwind": percentage points said bare.
    if unit == Unit::Pending
        && !scaled
        && value < 100.0
        && let Some(after) = bare_points(toks, i, next)
    {
        (value, unit, next) = (value * 100.0, Unit::Bps, after);
    }
    if compound_follows(toks, next) {
        return None;
    }
    let spelled = t.kind == Kind::Word;
    // "up fourteen times", "gross leverage stood at 2.7 times" (`times_said_as_multiple`).
    if unit == Unit::Pending
        && toks.get(next).is_some_and(|t| t.is("times"))
        && unit_words(toks, next, site).is_none()
        && super::modifiers::times_said_as_multiple(toks, i)
    {
        unit = Unit::Times;
        next += 1;
    }
    if unit == Unit::Pending
        && let Some((u, after)) = unit_words(toks, next, site)
    {
        unit = u;
        next = after;
        // "up 1.2 percentage points": a difference of two percentages, in basis points as
        // analysts show it (+120 bps), never to be read as a growth of 1.2%.
        if unit == Unit::Percent && in_points(toks, i, next) {
            (value, unit) = (value * 100.0, Unit::Bps);
        }
        // "a dollar ninety five", "two dollars and ninety five cents", "six euros forty",
        // as a call says a price or a per-share figure.
        // "sixteen rupees and ninety eight paise": a rupee's hundredths; "seven kroner and
        // ninety øre", "three kroner fifty": a crown's; "twelve pounds forty five": a pound's;
        // "four francs seventy six": a franc's.
        const WHOLE: &[&str] = &[
            "dollar", "dollars", "euro", "euros", "rupee", "rupees", "krone", "kroner", "krona", "kronor", "pound",
            "pounds", "franc", "francs",
        ];
        if spelled && !scaled && value < 1e3 && toks[after - 1].is_any(WHOLE) {
            // Cents after "and" must say so ("two dollars and twenty employees" has none).
            let and = toks.get(after).is_some_and(|t| t.is("and"));
            let said = |at: usize| {
                toks.get(at)
                    .is_some_and(|t| t.is_any(&["cent", "cents", "paise", "øre", "öre", "pence", "centimes"]))
            };
            let cents = spoken_cents(toks, after + usize::from(and))
                .filter(|&(_, end)| !and || said(end))
                .map(|(c, end)| (c, end + usize::from(said(end))));
            if let Some((cents, end)) = cents {
                value += cents / 100.0;
                next = end;
            }
        }
    }
    Some(Core {
        value,
        next,
        scaled,
        glued: glued && scaled,
        unit,
        spelled,
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
        // Percentage points, in basis points (`in_points`).
        Some((t.value * 100.0, false, Unit::Bps))
    } else if s == "p" {
        // "2,641p", "34.4p", "8.25p": pence, as London prices and dividends are written;
        // not a screen's "1080p", nor a whole "3p" (as in "3p sellers", third party).
        let resolution = [240.0, 360.0, 480.0, 576.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0].contains(&t.value);
        ((t.value >= 10.0 || t.value.fract() != 0.0) && !resolution).then_some((t.value, false, Unit::Currency(PENCE)))
    } else {
        scale_suffix(s).map(|m| (t.value * m, true, Unit::Pending))
    }
}

/// Digits that belong to a name, a version, a date or a time: "GPT-4", "2.5.1",
/// "12/31", "10:30", and the jetliner families ("737", "787-9", "777X").
fn looks_like_identifier(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    if jetliner(toks, i) {
        return true;
    }
    let glued_before = |k: usize, s: &[&str]| k < i && toks[k].end == toks[k + 1].start && toks[k].is_any(s);
    let glued_after = |k: usize, s: &[&str]| toks.get(k).is_some_and(|n| n.start == toks[k - 1].end && n.is_any(s));
    if i > 0 && glued_before(i - 1, &["-", "/", ":", "."]) {
        let before = i.checked_sub(2).map(|k| &toks[k]);
        let word_glued =
            before.is_some_and(|b| b.end == toks[i - 1].start && matches!(b.kind, Kind::Word | Kind::Ident));
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

/// "the 737", "787-9", "the 777X": the families of jetliners, named by numbers seven
/// hundred and seven to seven hundred and eighty seven that end in 7, which notes on a
/// plane maker or an airline say far more often than they count seven hundred and
/// thirty seven of something. Money ("$737 million") and a number with its unit or scale
/// ("737 thousand", "747%") stay figures.
pub(super) fn jetliner(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    let family = t.text.len() == 3 + t.suffix.len()
        && (t.suffix.is_empty() || t.suffix.eq_ignore_ascii_case("x"))
        && matches!(t.value as u32, 707 | 717 | 727 | 737 | 747 | 757 | 767 | 777 | 787)
        && t.value.fract() == 0.0;
    if !family {
        return false;
    }
    let money = prefix(toks, i).1.is_some();
    let measured = t.suffix.is_empty()
        && toks
            .get(i + 1)
            .is_some_and(|n| scale_word(n).is_some() || unit_words(toks, i + 1, "").is_some());
    !money && !measured
}

/// "12-month", "10-K", "two-way": a number glued by a hyphen to a word is a name
/// ("$10 billion-plus" is an approximation).
fn compound_follows(toks: &[Token], next: usize) -> bool {
    let (Some(h), Some(w)) = (toks.get(next), toks.get(next + 1)) else {
        return false;
    };
    next > 0
        && h.is("-")
        && h.start == toks[next - 1].end
        && w.start == h.end
        && matches!(w.kind, Kind::Word | Kind::Ident)
        && !w.is("plus")
}

/// Currency and sign written before the number at `i`. Returns the first token of
/// the prefix, the currency, and whether a minus or plus sign was written.
fn prefix(toks: &[Token], i: usize) -> (usize, Option<&'static str>, bool, bool) {
    let (mut j, mut negative, mut plus) = sign_before(toks, i);
    let mut currency = None;
    if j > 0 {
        currency = currency::of_sign(toks[j - 1].text);
        if currency.is_some() {
            j -= 1;
            // "US$5 billion"; "C$40 billion", "A$2.1 billion", "HK$3 billion",
            // "NT$868.5 billion": the dollars of another country.
            if j > 0
                && toks[j - 1].end == toks[j].start
                && toks[j].text == "$"
                && let Some(code) = currency::of_country_dollars(toks[j - 1].text)
            {
                currency = Some(code);
                j -= 1;
            }
        } else if let Some(code) = code_before(&toks[j - 1]) {
            // "USD 5 billion", "Rs 40,986 crore", "INR 6,806 crore".
            currency = Some(code);
            j -= 1;
        } else if j > 1 && toks[j - 1].is(".") && toks[j - 2].is("rs") && toks[j - 2].end == toks[j - 1].start {
            // "Rs. 1,800".
            currency = Some("INR");
            j -= 2;
        }
    }
    if currency.is_some() && !negative && !plus {
        (j, negative, plus) = sign_before(toks, j);
    }
    (j, currency, negative, plus)
}

/// The currency a code before an amount names ("USD", "Rs").
fn code_before(t: &Token) -> Option<&'static str> {
    let mut lower = [0u8; 4];
    currency::of_code_before(lower_ascii(t.text, &mut lower)?)
}

/// A minus or plus sign glued before token `j` and free of a word before it ("-$0.5B",
/// "(−5%)", but not "GPT-4"). Returns the new first token, negative, plus.
fn sign_before(toks: &[Token], j: usize) -> (usize, bool, bool) {
    if j == 0 {
        return (j, false, false);
    }
    let s = &toks[j - 1];
    let glued = s.end == toks[j].start;
    let free = j == 1 || toks[j - 2].end < s.start || toks[j - 2].is_any(&["(", ">", "<", "~", "≈", "≥", "≤"]);
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
