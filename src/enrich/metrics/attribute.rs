//! Attribution of a figure: which metric it measures (the metric phrase right after it,
//! else the nearest before it in its clause, else what it counts or compares; for a
//! change "by" it, what the verb before changes), and whose figure it is (the nearest
//! topic mention before it, else a topic named right after it, else the heading's topic,
//! else the default subject).

use super::counts::count_metric;
use super::lexicon::MetricKind;
use super::modifiers::comparative;
use super::quantity::{Qty, Unit};
use super::records::{Rec, Role, VerbObject, compared_before, verb_object};
use super::tokens::{Kind, Token};
use super::{Scope, Sentence};

/// Words that may not stand between an amount and the metric phrase after it ("$24.2
/// billion in revenue", "$35.5 billion in trailing 12-month free cash flow").
#[rustfmt::skip]
pub(super) const NOT_ADJECTIVES: &[&str] = &[
    "and", "or", "but", "to", "from", "than", "versus", "vs", "which", "that", "was", "were",
    "is", "are", "will", "in", "of", "for", "the", "with", "at", "on", "by", "as", "while",
    "whereas", "when", "after", "before", "because", "since", "so", "then", "it", "we",
    "they", "our", "its", "their", "compared", "reached", "representing", "including",
    "excluding", "driven", "said", "a", "an", "year", "quarter", "up", "down",
    // A question's words ("fifteen percent how do you weigh buybacks").
    "how", "what", "why", "where", "do", "does", "did", "you", "i", "can", "could", "should", "would",
];

/// "Shipments of 3nm accounted for 20% of wafer revenue", "made up 69% of": a share said
/// as such is of the whole after it, and measures nothing named before it ("fulfillment
/// costs fell to 15.4% of net sales" still measures fulfillment costs).
fn share_said(s: &Sentence, q: &Qty) -> bool {
    let word = |back: usize| q.first.checked_sub(back).map(|k| &s.toks[k]);
    let is = |back: usize, words: &[&str]| word(back).is_some_and(|t| t.is_any(words));
    s.share(q)
        && (is(
            1,
            &[
                "represented",
                "represents",
                "represent",
                "representing",
                "comprised",
                "comprising",
            ],
        ) || (is(1, &["for"]) && is(2, &["accounted", "account", "accounts", "accounting"]))
            || (is(1, &["up"]) && is(2, &["made", "make", "makes", "making"])))
}

/// The metric hit each quantity measures, by position alone (indexes into `s.metrics`):
/// the phrase right after it ("$24.2 billion in revenue"), else the nearest before it
/// in its clause that is not a "per …" phrase of another figure.
pub(super) fn metrics_of(s: &Sentence) -> Vec<Option<usize>> {
    // A share: "60% of capex" is not capex; "fulfillment costs fell to 15.4% of net
    // sales" is fulfillment costs.
    let after: Vec<Option<usize>> = s
        .qtys
        .iter()
        .map(|q| {
            if s.share(q) || part_taken(s, q) {
                None
            } else {
                // "earnings of $5.58 a share": a "per …" phrase is the amount's own.
                metric_after(s, q).filter(|&h| s.per_unit(h) || !stated_as(s, q))
            }
        })
        .collect();
    // "$1.00 per diluted share", "$5.53 a share": a "per …" phrase belongs to the amount
    // it follows.
    let taken = |h: usize| after.contains(&Some(h)) && s.per_unit(h);
    let mut out: Vec<Option<usize>> = s
        .qtys
        .iter()
        .zip(&after)
        .map(|(q, a)| {
            let before = || {
                per_share_again(s, q, &taken)
                    .or_else(|| defined_before(s, q))
                    .or_else(|| metric_before(s, q, &taken).filter(|&h| !made_on(s, q, h)))
            };
            // "bought back $5 billion of stock": a share's price is never billions, nor is
            // anything per share ("the 50-cent quarterly dividend costs about $1.3 billion").
            let price_of_billions = |found: usize| {
                let label = s.metrics[found].label;
                let per_share = label == "share price" || label.ends_with("eps") || label.ends_with("per share");
                per_share && q.scaled
            };
            // "you bought back two point one billion of stock": the stock after an amount
            // said without a unit names no price; the measure before it is the amount's.
            let found = match *a {
                Some(h) if price_of_billions(h) && q.unit == Unit::Pending => before().or(Some(h)),
                Some(h) => Some(h),
                None => before(),
            }?;
            let found = guided(s, found, q.unit).unwrap_or(found);
            let fit = fits(s.metrics[found].kind, q.unit) || money_name(s.metrics[found].label, q.unit).is_some();
            (fit && !price_of_billions(found) && !share_said(s, q)).then_some(found)
        })
        .collect();
    // "revenue rose 20% to $11.44 billion, and fell short of the roughly $12.10 billion
    // analysts had expected": a forecast that names no metric is of the figure before it
    // in the sentence, in its unit.
    for i in 1..s.qtys.len() {
        let q = &s.qtys[i];
        if out[i].is_none() && super::records::forecast_after(&s.toks, q.next) {
            out[i] = (0..i).rev().find(|&j| s.qtys[j].unit == q.unit).and_then(|j| out[j]);
        }
    }
    // "distributions came to $5.7 billion, or 39% of CFFO", "net income was $5.0 billion,
    // or 12% of revenue": the amount said again as a share of another measure is a ratio
    // of the two, not the amount's measure in percent.
    let money = |h: usize| s.metrics[h].kind == MetricKind::Money;
    for (k, pair) in s.qtys.windows(2).enumerate() {
        let (before, q) = (&pair[0], &pair[1]);
        let restated = matches!(&s.toks[before.next..q.first], [comma, or] if comma.is(",") && or.is("or"));
        if restated && s.share(q) && matches!(before.unit, Unit::Currency(_)) && out[k + 1].is_some_and(money) {
            out[k + 1] = None;
        }
    }
    // "China made up 47% of system sales, against 49% in the second quarter": the
    // percentage a share is set against is the same share, of the same metric or none.
    for i in 1..s.qtys.len() {
        let (before, q) = (&s.qtys[i - 1], &s.qtys[i]);
        if q.unit == Unit::Percent && before.unit == Unit::Percent && s.share(before) {
            let between = &s.toks[before.next..q.first];
            if between
                .iter()
                .any(|t| t.is_any(&["against", "versus", "vs", "from", "compared"]))
            {
                out[i] = out[i - 1];
            }
        }
    }
    // "North America earned $5.7 billion, International $1.3 billion and AWS $10.4
    // billion of operating income": the metric named after the last amount of a list
    // is the metric of the amounts before it that name none.
    let mut named_after: Vec<bool> = after.iter().map(Option::is_some).collect();
    for i in (0..s.qtys.len().saturating_sub(1)).rev() {
        if out[i].is_none() && named_after[i + 1] && listed_before(s, i) {
            out[i] = out[i + 1].filter(|&h| fits(s.metrics[h].kind, s.qtys[i].unit));
            named_after[i] = out[i].is_some();
        }
    }
    out
}

/// "a quarterly dividend of $0.83 per share", "paid $6.7 billion in dividends, or $0.83 per
/// share", "raised the annual dividend by 13% to 94 cents a share", "tangible book value
/// of $97.30 a share": a bare "per share" ("a share", "per diluted share") whose nearest
/// metric phrase before it in the sentence names a dividend or a book value in words is
/// that per share, not earnings.
pub(super) fn dividends_per_share(s: &mut Sentence) {
    for h in 1..s.metrics.len() {
        let (before, hit) = (&s.metrics[h - 1], &s.metrics[h]);
        let bare = s.text[hit.start..hit.end].starts_with(['p', 'P', 'a', 'A']);
        let per_ads = hit.label == "earnings per ads";
        if (hit.label != "eps" && !per_ads) || !bare || s.text[before.end..hit.start].contains(';') {
            continue;
        }
        let words = s.text[before.start..before.end].to_ascii_lowercase();
        s.metrics[h].label = if words.contains("dividend") {
            if per_ads {
                "dividend per ads"
            } else {
                "dividend per share"
            }
        } else if per_ads {
            continue;
        } else if words.contains("tangible book value") {
            "tangible book value per share"
        } else if words.contains("book value") {
            "book value per share"
        } else {
            continue;
        };
    }
}

/// Profits, and the cash a business makes, which are said to be made "on" its sales.
const PROFITS: &[&str] = &[
    "operating income",
    "net income",
    "gross profit",
    "ebitda",
    "adjusted ebitda",
    "free cash flow",
    "operating cash flow",
];

/// "$9.3 billion of operating income on $115.6 billion": an amount after "on" that
/// follows a profit is the sales the profit was made on, not more of the profit. The
/// sentence does not say so in words, so the amount gets no metric from the profit (a
/// null, where the profit's label was wrong).
fn made_on(s: &Sentence, q: &Qty, h: usize) -> bool {
    matches!(q.unit, Unit::Currency(_))
        && q.first > 0
        && s.toks[q.first - 1].is("on")
        && PROFITS.contains(&s.metrics[h].label)
}

/// "AWS's backlog, the contracted revenue it has yet to recognise, stood at $200
/// billion": a metric phrase in an aside that defines the one before it ("…, the …,")
/// describes that metric; the amount after the aside is the defined metric's.
fn defined_before(s: &Sentence, q: &Qty) -> Option<usize> {
    let h = (0..s.metrics.len()).rev().find(|&k| s.metrics[k].end <= q.start)?;
    let head = h.checked_sub(1)?;
    let (inner, outer) = (&s.metrics[h], &s.metrics[head]);
    if outer.ratio_base || !fits(outer.kind, q.unit) {
        return None;
    }
    // ", the" (or "a", "an", a relative pronoun or a participle: "Client incentives,
    // netted against gross revenue, rose 11%") right after the defined phrase opens the
    // aside, and nothing but words stands between it and the inner phrase …
    let k = s.toks.partition_point(|t| t.start < outer.end);
    let aside = |t: &Token| {
        t.is_any(&["the", "a", "an", "which", "that"]) || (t.is_word() && t.text.len() > 4 && t.text.ends_with("ed"))
    };
    let opens = s.toks.get(k).is_some_and(|t| t.is(","))
        && s.toks.get(k + 1).is_some_and(aside)
        && !s.text[outer.end..inner.start].contains([';', '.'])
        && s.text[outer.end..inner.start].matches(',').count() == 1;
    // … and a comma after the inner phrase closes it, a few words before the amount.
    let closing = s.text.get(inner.end..q.start)?;
    let closes = closing.matches(',').count() == 1 && !closing.contains([';', '(', ')']);
    let after = closing.rsplit(',').next().unwrap_or("");
    (opens && closes && after.split_whitespace().count() <= 4).then_some(head)
}

/// "Net income doubled to $59.2 billion, or $5.53 a diluted share, against $30.4 billion,
/// or $2.90, in 2023": an unscaled amount restated after another with ", or", in a
/// sentence that has already given a figure per share, is that figure again for the
/// other period: the metric of the per-share phrase before it (`taken`), not the
/// metric of the amount it restates.
fn per_share_again(s: &Sentence, q: &Qty, taken: &dyn Fn(usize) -> bool) -> Option<usize> {
    if !matches!(q.unit, Unit::Currency(_)) || q.scaled || q.first < 2 {
        return None;
    }
    let restates = s.toks[q.first - 1].is("or")
        && s.toks[q.first - 2].is(",")
        && s.qtys
            .iter()
            .any(|p| p.next == q.first - 2 && p.unit == q.unit && p.scaled);
    if !restates {
        return None;
    }
    (0..s.metrics.len())
        .rev()
        .find(|&h| s.metrics[h].end <= q.start && s.metrics[h].label == "eps" && taken(h))
}

/// Whether only commas, "and" and topics' names stand between amount `i` and the next
/// one, in the same unit: "$5.7 billion, International $1.3 billion".
fn listed_before(s: &Sentence, i: usize) -> bool {
    let (a, b) = (&s.qtys[i], &s.qtys[i + 1]);
    let named = |t: &Token| {
        s.mentions
            .iter()
            .any(|m| m.range.start <= t.start && t.end <= m.range.end)
    };
    let gap = &s.toks[a.next..b.first];
    a.unit == b.unit && gap.iter().any(named) && gap.iter().all(|t| t.is(",") || t.is("and") || named(t))
}

/// "Operating income came in at $18.4 billion, above the top end of our guidance range
/// of $14 to $18 billion": guidance is a forecast of a metric, not a metric, so a figure
/// the word "guidance" names is the forecast of the metric named before it in the
/// sentence (one whose unit fits). None when the sentence names no such metric: the
/// figure stays guidance.
fn guided(s: &Sentence, h: usize, unit: Unit) -> Option<usize> {
    if s.metrics[h].label != "guidance" {
        return None;
    }
    (0..h)
        .rev()
        .find(|&k| !s.metrics[k].ratio_base && s.metrics[k].label != "guidance" && fits(s.metrics[k].kind, unit))
}

/// Words that take a part of the amount after them ("how much of the $200 billion",
/// "most of the $77.7 billion").
#[rustfmt::skip]
const PARTS: &[&str] = &[
    "much", "part", "parts", "some", "most", "half", "share", "portion", "proportion", "bulk",
    "majority", "minority", "rest", "remainder", "fraction", "little", "none",
];

/// "how much of the $200 billion is capex", "most of the $77.7 billion was capex": the
/// metric said of the amount measures a part of it, so it is not the amount's; nor is
/// it when the sentence only asks "whether the $200 billion is capex". ("Most of the
/// $77.7 billion of capex" still names the amount's metric.)
fn part_taken(s: &Sentence, q: &Qty) -> bool {
    let said_of = s
        .toks
        .get(q.next)
        .is_some_and(|t| t.is_any(&["is", "was", "are", "were"]));
    let mut k = q.first;
    while k > 0 && s.toks[k - 1].is_any(&["the", "its", "their", "this", "that", "our"]) {
        k -= 1;
    }
    let part = k >= 2 && s.toks[k - 1].is("of") && s.toks[k - 2].is_any(PARTS);
    said_of && (part || (k >= 1 && s.toks[k - 1].is("whether")))
}

/// The metric phrase right after an amount, across a lead word ("$24.2 billion in
/// revenue", "three times the memory capacity") and a few adjectives, in its clause
/// ("$38 billion in 2024 even though capex …" names capex for what follows).
fn metric_after(s: &Sentence, q: &Qty) -> Option<usize> {
    let h = s.metrics.iter().position(|h| h.start >= q.end)?;
    let hit = &s.metrics[h];
    let k_end = s.toks.partition_point(|t| t.start < hit.start);
    let gap = s.toks.get(q.next..k_end)?;
    let words = gap
        .iter()
        .filter(|t| !s.in_basis(t.start) && !s.in_period(t.start))
        .count();
    let lead = ["in", "of", "for", "to", "off", "is", "was", "are", "were"];
    // "adding about $13 billion to its market value", "wiping $589 billion off the
    // company's market value": whose the metric is, after the word that leads to it.
    let owner = |n: usize, t: &Token| n == 1 && gap[0].is_any(&lead) && t.is_any(&["the", "its", "their", "our"]);
    // "spent $32.5 billion on capital expenditures": what money went on.
    let spent_on = |t: &Token| {
        t.is("on")
            && s.toks[q.first.saturating_sub(3)..q.first]
                .iter()
                .any(|b| b.is_any(&["spent", "spend", "spends", "spending", "invested", "invest", "invests"]))
    };
    let multiple_of = |t: &Token| q.unit == Unit::Times && t.is("the");
    // "the 11% rise in net sales", "a 47% jump in operating income", "the 11% rise in
    // total sales", "the 11% growth of net sales".
    let adjective = |t: &Token| t.is_word() && !t.is_any(NOT_ADJECTIVES) && super::cues::dir_before(t.text).is_none();
    let change_in = match gap {
        [noun, of, rest @ ..] => {
            noun.is_any(CHANGE_NOUNS) && of.is_any(&["in", "of"]) && rest.len() <= 2 && rest.iter().all(adjective)
        }
        _ => false,
    };
    // "a 5-point headwind to net revenues", "a 2% drag on operating income": what an
    // effect acts on.
    let effect_on =
        matches!(gap, [effect, to] if super::cues::effect_dir(effect).is_some() && to.is_any(&["to", "on"]));
    let ok = words <= 4
        && !hit.ratio_base
        && !s.breaks.any_between(q.end, hit.start)
        && (change_in
            || effect_on
            || gap.iter().enumerate().all(|(n, t)| {
                s.in_basis(t.start)
                    || s.in_period(t.start)
                    || (n == 0 && (t.is_any(&lead) || multiple_of(t) || spent_on(t)))
                    || owner(n, t)
                    || adjective(t)
                    || t.is("-")
                    || t.kind == Kind::Num
            }));
    ok.then_some(h)
}

/// True when the metric phrase right before quantity `q` states it, joined by no more
/// than a verb of being ("net sales were nine point three billion euros", "revenue of
/// €7.5 billion"): a metric phrase after it then opens the next item of a list said
/// without commas ("… in the quarter gross margin fifty one point seven percent").
fn stated_as(s: &Sentence, q: &Qty) -> bool {
    const JOINS: [&str; 6] = ["was", "were", "is", "are", "of", "at"];
    let Some(hit) = s.metrics.iter().rev().find(|h| h.end <= q.start) else {
        return false;
    };
    let from = s.toks.partition_point(|t| t.start < hit.end);
    let between = s.toks.get(from..q.first).unwrap_or_default();
    between.len() == 1 && between[0].is_any(&JOINS)
}

/// Nouns of a change that name what changed after "in".
#[rustfmt::skip]
const CHANGE_NOUNS: &[&str] = &[
    "rise", "increase", "growth", "gain", "jump", "climb", "decline", "drop", "fall", "decrease",
];

/// The nearest metric phrase ending before quantity `q` in the same clause, or in the clause
/// that a ", and" goes on with ("revenue reached $17.3 billion in Q4, and $56.2 billion
/// for the full year", "…, and reached $38.2 billion in 2024").
fn metric_before(s: &Sentence, q: &Qty, taken: &dyn Fn(usize) -> bool) -> Option<usize> {
    let pos = q.start;
    let usable = |k: usize| !s.metrics[k].ratio_base && !taken(k);
    let mut h = (0..s.metrics.len())
        .rev()
        .find(|&k| s.metrics[k].end <= pos && usable(k))?;
    // "Its net interest income, which the market frets about most, came to $92.6 billion":
    // a metric phrase inside a relative clause that closes before the amount is the
    // clause's; the amount's is the one the clause interrupts.
    let hit = &s.metrics[h];
    if let Some(&open) = s.breaks.relative.iter().rev().find(|&&b| b < hit.start)
        && !s.text[open + 1..hit.start].contains([',', ';'])
        && s.text[hit.end..pos].contains(',')
        && let Some(k) = (0..h).rev().find(|&k| s.metrics[k].end <= open && usable(k))
    {
        h = k;
    }
    let end = whose_metric(s, s.metrics[h].end);
    if !s.breaks.any_between_but_aside(end, pos, s.text) {
        return Some(h);
    }
    let and = s.breaks.only_and_between(end, pos)?;
    // Only the amount, or a verb of level or change and the amount, after the "and": a
    // clause with words of its own ("and the company bought back $2 billion of stock")
    // may be about something else.
    let first = s.toks.partition_point(|t| t.start <= and) + 1;
    let at = s.toks.partition_point(|t| t.start < pos);
    let gap = s.toks.get(first..at)?;
    let continues = |t: &Token| {
        t.is_any(CONTINUING) || super::cues::dir_before(t.text).is_some() || super::cues::dir_of_verb(t.text).is_some()
    };
    let and_word = s.toks.get(first - 1).is_some_and(|t| t.is("and"));
    (and_word && ((gap.len() <= 2 && gap.iter().all(continues)) || forecast(s, end, and, gap, q))).then_some(h)
}

/// "Capital expenditures totalled $83.0 billion, and the company expects to spend about
/// $125 billion in 2025": a clause after ", and" that expects the next amount ("expects
/// to spend", "expect them to top") forecasts the metric of the clause before it, when
/// that clause states it in the same unit.
fn forecast(s: &Sentence, from: usize, and: usize, gap: &[Token], q: &Qty) -> bool {
    let Some(expects) = gap.iter().position(|t| t.is_any(EXPECTS)) else {
        return false;
    };
    let stated = s
        .qtys
        .iter()
        .any(|p| p.start >= from && p.end <= and && p.unit == q.unit);
    gap.len() <= 7 && gap[expects..].iter().any(|t| t.is("to")) && stated
}

/// Verbs that expect an amount to come.
const EXPECTS: &[&str] = &[
    "expect",
    "expects",
    "expected",
    "expecting",
    "forecast",
    "forecasts",
    "projects",
    "sees",
];

/// Where a metric phrase ending at `end` ends with the topic it is said of: "Operating
/// margin in North America, which was negative in 2022, reached 8.0%" names the margin's
/// subject before the aside, and the aside still follows the metric.
fn whose_metric(s: &Sentence, end: usize) -> usize {
    // Most metric phrases are followed by no topic: a look at the next bytes says so
    // before the tokens are searched.
    let next = s.text.as_bytes().get(end + 1..end + 4).unwrap_or_default();
    if s.mentions.is_empty()
        || !matches!(
            next,
            [b'i' | b'I', b'n', b' '] | [b'a' | b'A', b't', b' '] | [b'f' | b'F', b'o', b'r']
        )
    {
        return end;
    }
    let k = s.toks.partition_point(|t| t.start < end);
    let (Some(of), Some(next)) = (s.toks.get(k), s.toks.get(k + 1)) else {
        return end;
    };
    if !of.is_any(&["in", "at", "for"]) {
        return end;
    }
    s.mentions
        .iter()
        .find(|m| m.range.start == next.start)
        .map_or(end, |m| m.range.end)
}

/// Words between a ", and" and an amount that go on with the clause before it.
const CONTINUING: &[&str] = &[
    "reached", "hit", "was", "were", "came", "stood", "totalled", "totaled", "at", "to",
];

/// The name of a rate's metric stated in money: "gross margin was $11.12 billion" is the
/// gross profit, which a series of gross margins in percent must not mix with.
fn money_name(label: &str, unit: Unit) -> Option<&'static str> {
    match (label, unit) {
        ("gross margin", Unit::Currency(_)) => Some("gross profit"),
        ("non-gaap gross margin", Unit::Currency(_)) => Some("non-gaap gross profit"),
        _ => None,
    }
}

/// Whether a metric measured in `kind` can be stated in `unit`.
fn fits(kind: MetricKind, unit: Unit) -> bool {
    !matches!(
        (kind, unit),
        (MetricKind::Ratio, Unit::Currency(_) | Unit::Count | Unit::Times)
            | (MetricKind::Money, Unit::Count)
            | (MetricKind::Count, Unit::Currency(_))
    )
}

/// The metric label of a record and whether its phrase turns the amount negative.
pub(super) fn record_metric(s: &Sentence, rec: &Rec, default_subject: Option<&str>) -> (Option<String>, bool) {
    let p = rec.primary();
    let q = &s.qtys[p];
    if q.unit == Unit::Count {
        // "Toyota and Lexus retail sales: 5.16 million units", "Consolidated vehicle
        // sales: 9,362 thousand": a count of what is sold, named as the words name its
        // sales, whatever noun counts it.
        if let Some(label) = sales_named(s, q, default_subject) {
            return (Some(label), false);
        }
        // "Consolidated vehicle sales: 9.57 million units (fiscal 2025: 9.36 million)": a
        // count with no noun of its own after one of named sales counts the same.
        // Not a part of it ("…, of which electrified 5.11 million").
        let previous = s.qtys[..p].iter().rev().find(|o| o.unit == Unit::Count);
        let part = previous.is_some_and(|o| super::records::part_of(s, o, q));
        if q.noun.is_none()
            && !part
            && let Some(label) = previous.and_then(|o| sales_named(s, o, default_subject))
        {
            return (Some(label), false);
        }
        // What it counts ("20 countries"), else what the count before it counted
        // ("seven billion items … four billion in the US").
        let inherited = || {
            let previous = s.qtys[..p]
                .iter()
                .rev()
                .find_map(|o| o.noun.filter(|_| o.unit == Unit::Count));
            previous.filter(|_| s.metric[p].is_none())
        };
        // "Employees: about 20,000": the plural noun of the label before a colon.
        let labelled = || super::counts::labelled_noun(&s.toks, q).filter(|_| s.metric[p].is_none());
        // "Wholesales were 1,036,000 vehicles", "Production averaged 924,000 barrels of oil
        // equivalent a day", "production of 1.95 million barrels": the count named right
        // before its verb is what is counted; the noun after the number says in what.
        // So is a table row's label ("LNG sales (million tonnes) | 65.8") and a label before
        // a colon ("LNG sales: 65.8 million tonnes").
        let bar = s.toks.iter().position(|t| t.is("|"));
        let said_of = |h: &super::lexicon::MetricHit, first: usize| {
            let between = &s.toks[s.toks.partition_point(|t| t.start < h.end)..first];
            let row_label = bar.is_some_and(|b| h.end <= s.toks[b].start && b < first);
            row_label
                || matches!(between, [verb] if verb.is_any(&["were", "was", "totaled", "totalled", "reached", "averaged", "of", ":"]))
        };
        let named_before = |k: usize| {
            let at = &s.qtys[k];
            s.metric[k]
                .map(|h| &s.metrics[h])
                .filter(|h| h.kind == MetricKind::Count && !h.label.is_empty() && h.end <= at.start)
                .filter(|h| said_of(h, at.first))
        };
        if let Some(h) = named_before(p) {
            return (Some(h.label.to_string()), false);
        }
        // "LNG sales: 65.8 million tonnes, against 67.1 million tonnes in 2023": the same
        // noun again, with no metric named between, counts the same measure.
        let same_noun = |k: usize| {
            let (a, b) = (s.qtys[k].noun, q.noun);
            a.zip(b)
                .is_some_and(|(a, b)| s.toks[a].text.eq_ignore_ascii_case(s.toks[b].text))
                && !s.metrics.iter().any(|h| h.start >= s.qtys[k].end && h.end <= q.start)
        };
        if let Some(h) = (0..p)
            .rev()
            .find(|&k| s.qtys[k].unit == Unit::Count)
            .filter(|&k| same_noun(k))
            .and_then(named_before)
        {
            return (Some(h.label.to_string()), false);
        }
        // Power capacity ("3.1 gigawatts") is a unit, not what is counted: the measure is
        // the one the words name (a backlog, capacity in service), or none.
        let capacity = q
            .noun
            .is_some_and(|k| super::counts::megawatts_in(&s.toks[k]).is_some());
        if let Some(noun) = q.noun.or_else(inherited).or_else(labelled).filter(|_| !capacity) {
            // "275 million monthly actives", "3.29 billion daily active people": a metric
            // phrase that ends in the counted noun names what is counted.
            let t = &s.toks[noun];
            let named = (s.metrics.iter()).find(|h| {
                h.start <= t.start && t.end == h.end && matches!(h.kind, MetricKind::Count | MetricKind::Any)
            });
            return (
                Some(named.map_or_else(|| count_metric(&s.toks, noun, s.text), |h| h.label.to_string())),
                false,
            );
        }
    }
    let compared = || {
        matches!(q.unit, Unit::Percent | Unit::Times)
            .then(|| compared_noun(s, q))
            .flatten()
    };
    // "cut pick-and-pack times by up to 30%": the change is the object's, named or not.
    if let Some(c) = rec.change
        && let Some(v) = verb_object(s, s.qtys[c].first)
    {
        return (object_metric(s, &v, s.qtys[c].unit), false);
    }
    let hit = [rec.value, rec.change].into_iter().flatten().find_map(|k| s.metric[k]);
    if q.unit == Unit::Count
        && let Some(h) = hit.map(|h| &s.metrics[h])
        && unit_sales(s, h)
    {
        return (Some("units sold".to_string()), false);
    }
    // "30 40 percent better productivity": what is compared beats a metric named before.
    if hit.is_some_and(|h| s.metrics[h].start < q.start)
        && let Some(noun) = compared()
    {
        return (Some(noun), false);
    }
    if let Some(h) = hit.map(|h| &s.metrics[h]) {
        // Basis points of a money metric measure its growth rate; points an effect took
        // off it or added are percent of the metric itself (`found`).
        let effect = || super::records::points_of_an_effect(&s.toks, q).is_some();
        let label = if q.unit == Unit::Bps && h.kind == MetricKind::Money && !effect() {
            format!("{} growth", h.label)
        } else if let Some(name) = money_name(h.label, q.unit) {
            name.to_string()
        } else if let Some(margin) = (rec.value == Some(p)).then(|| share_of_sales(s, q, h)).flatten() {
            margin.to_string()
        } else if let Some(margin) = margin_of_profit_named(s, h) {
            margin.to_string()
        } else if non_gaap_after(s.text, q.end) && !h.label.starts_with("non-gaap") && !h.label.starts_with("adjusted")
        {
            // "82.9% on a non-GAAP basis", "81.7% non-GAAP": the figure is the non-GAAP one,
            // as when "non-GAAP" stands before the metric (`MetricNames::find`).
            format!("non-gaap {}", h.label)
        } else {
            h.label.to_string()
        };
        // "an operating loss of $1.2 billion a year ago and now a profit of $0.9 billion":
        // the loss names the metric of both, but the profit is no loss.
        let loss = h.negates && rec.value.is_some_and(|v| !written_as_profit(s, &s.qtys[v]));
        return (Some(label), loss);
    }
    (compared(), false)
}

/// The sales a count of units sold is of, named right before it ("retail sales: 5.16
/// million units", "Daihatsu retail sales were eight hundred fifteen thousand"): "sales"
/// and the words that qualify it, in lower case, past a colon or a verb; not a topic nor
/// the default subject ("Toyota and Lexus retail sales" are retail sales). None where no
/// word qualifies them: "F-Series sales were 765,649" are units sold (`unit_sales`).
pub(super) fn sales_named(s: &Sentence, q: &Qty, default_subject: Option<&str>) -> Option<String> {
    const LINKS: [&str; 11] = [
        ":", "were", "was", "of", "totaled", "totalled", "reached", "at", "about", "around", "roughly",
    ];
    let toks = &s.toks;
    let (k, links) = super::tokens::word_before_links(toks, q.first, &LINKS)?;
    if links == 0 || !toks[k].is("sales") {
        return None;
    }
    let named = |t: &Token| s.in_mention(t.start) || default_subject.is_some_and(|d| t.text.eq_ignore_ascii_case(d));
    qualified_sales((0..k).rev().map(|j| (toks[j].text, j == 0, named(&toks[j]))))
}

/// "sales" with the words right before it that qualify it, in lower case ("retail
/// sales", "consolidated vehicle sales"), from `before`: the words before "sales", nearest
/// first, each with whether it opens its sentence or caption and whether it names a topic
/// or the company. A capital stops the words but on an opening word, and so do a topic,
/// a plural or a verb in "s" ("Toyota plans retail sales"), and the little words of
/// `STOP`. None where no word qualifies them.
pub fn qualified_sales<'w>(before: impl IntoIterator<Item = (&'w str, bool, bool)>) -> Option<String> {
    const STOP: [&str; 10] = ["and", "the", "its", "our", "their", "of", "in", "for", "by", "total"];
    let mut words = Vec::new();
    for (word, opens, named) in before.into_iter().take(2) {
        let lower = word.bytes().all(|b| b.is_ascii_lowercase());
        let capital = opens
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word.len() > 1
            && word.bytes().skip(1).all(|b| b.is_ascii_lowercase());
        let plural = word.len() > 3 && word.ends_with('s') && !word.ends_with("ss");
        let stop = STOP.iter().any(|w| word.eq_ignore_ascii_case(w));
        if named || stop || plural || !(lower || capital) {
            break;
        }
        words.push(word.to_ascii_lowercase());
    }
    if words.is_empty() {
        return None;
    }
    words.reverse();
    Some(format!("{} sales", words.join(" ")))
}

/// Whether metric phrase `h` is "sales" said alone, which a count of units measures
/// ("F-Series sales were 765,649"): then what was sold is units.
pub(super) fn unit_sales(s: &Sentence, h: &super::lexicon::MetricHit) -> bool {
    h.label == "revenue" && s.text[h.start..h.end].eq_ignore_ascii_case("sales")
}

/// Measures of profit other than operating income, each with the margin named after it.
const PROFITS_WITH_MARGINS: [(&str, &str); 10] = [
    ("ebit", "ebit margin"),
    ("adjusted ebit", "adjusted ebit margin"),
    ("ebita", "ebita margin"),
    ("adjusted ebita", "adjusted ebita margin"),
    ("ebitda", "ebitda margin"),
    ("adjusted ebitda", "adjusted ebitda margin"),
    ("ebt", "pretax margin"),
    ("pretax income", "pretax margin"),
    (
        "underlying trading operating income",
        "underlying trading operating margin",
    ),
    ("trading operating income", "trading operating margin"),
];

/// The measure of profit the sentence names last before byte `at` ("Ford Pro earned EBIT
/// of $1.6 billion …, Ford Blue earned $1.7 billion" is *ebit*), if it is one of those a
/// business may report its segments' results in instead of operating income (an
/// operating or net income named after it is the one meant).
pub(super) fn profit_named_before(s: &Sentence, at: usize) -> Option<&'static str> {
    profit_with_margin_before(s, at).map(|(profit, _)| profit)
}

/// The margin of a measure of profit: "operating income" → "operating margin", "adjusted
/// ebitda" → "adjusted ebitda margin" (`PROFITS_WITH_MARGINS`).
pub fn margin_of(profit: &str) -> Option<&'static str> {
    match profit {
        "operating income" => Some("operating margin"),
        "net income" => Some("net margin"),
        "gross profit" => Some("gross margin"),
        _ => (PROFITS_WITH_MARGINS.iter())
            .find(|(p, _)| *p == profit)
            .map(|(_, margin)| *margin),
    }
}

/// The entry of `PROFITS_WITH_MARGINS` that `profit_named_before` finds.
fn profit_with_margin_before(s: &Sentence, at: usize) -> Option<(&'static str, &'static str)> {
    let entry = |label: &str| PROFITS_WITH_MARGINS.iter().copied().find(|(p, _)| *p == label);
    let h = (s.metrics.iter()).rfind(|h| {
        h.end <= at
            && !h.ratio_base
            && (entry(h.label).is_some() || matches!(h.label, "operating income" | "net income"))
    })?;
    entry(h.label)
}

/// "Adjusted EBITDA was $1.51 billion, 8.1% of its gross bookings", "4.4% of gross
/// bookings, up from 3.7% a year earlier": a profit's level in percent of the sales (or
/// the gross bookings) it was earned on is its margin, and so is the earlier level set
/// right after it.
fn share_of_sales(s: &Sentence, q: &Qty, h: &super::lexicon::MetricHit) -> Option<&'static str> {
    if q.unit != Unit::Percent || h.kind != MetricKind::Money {
        return None;
    }
    let margin = margin_of(h.label)?;
    let of_sales = |p: &Qty| {
        s.metrics.iter().any(|b| {
            b.ratio_base
                && matches!(b.label, "revenue" | "gross bookings")
                && b.start >= p.end
                && s.text[p.end..b.start].split_whitespace().all(|w| {
                    ["of", "its", "the", "our", "their"]
                        .iter()
                        .any(|o| w.eq_ignore_ascii_case(o))
                })
        })
    };
    let before = s
        .qtys
        .iter()
        .rev()
        .find(|p| p.end <= q.start && p.unit == Unit::Percent);
    (of_sales(q) || before.is_some_and(|p| q.start - p.end <= 60 && of_sales(p))).then_some(margin)
}

/// "EBIT of $1.4 billion on revenue of $25.1 billion, a margin of 5.6%": a margin not
/// named further is that of the measure of profit named before it, where that measure
/// has a margin of its own (EBIT, EBITDA, pretax income), not the operating margin a
/// bare "margin" is by itself.
fn margin_of_profit_named(s: &Sentence, h: &super::lexicon::MetricHit) -> Option<&'static str> {
    let said = &s.text[h.start..h.end];
    let bare = said.eq_ignore_ascii_case("margin") || said.eq_ignore_ascii_case("margins");
    if h.label != "operating margin" || !bare {
        return None;
    }
    profit_with_margin_before(s, h.start).map(|(_, margin)| margin)
}

/// Whether the words right after byte `end` say the figure is a non-GAAP one: "non-GAAP",
/// "on a non-GAAP basis", a transcript's "non GAAP".
fn non_gaap_after(text: &str, end: usize) -> bool {
    let after = text[end..].trim_start().as_bytes();
    let after = after.strip_prefix(b"on a ").unwrap_or(after);
    after.len() >= 8 && (after[..8].eq_ignore_ascii_case(b"non-gaap") || after[..8].eq_ignore_ascii_case(b"non gaap"))
}

/// Head nouns that name a measure when no metric phrase does ("developer productivity",
/// "pick-and-pack times", "costs"), with the form the label takes.
#[rustfmt::skip]
const MEASURES: &[(&str, &str)] = &[
    ("productivity", "productivity"), ("efficiency", "efficiency"), ("time", "time"),
    ("times", "time"), ("cost", "cost"), ("costs", "cost"), ("latency", "latency"),
    ("speed", "speed"), ("speeds", "speed"),
];

/// The metric of a verb's object changed "by" an amount: the metric phrase of its head
/// noun ("reduce shipping costs by 20%", "cut the cost to serve by 10%"), else the object
/// as written when its head names a measure ("lift developer productivity by 30%" →
/// developer productivity, "cut pick-and-pack times" → pick-and-pack time), else None:
/// "lift conversion by 5%" and "cut the distance to customers by 15%" say what changes,
/// not the measure.
fn object_metric(s: &Sentence, v: &VerbObject, unit: Unit) -> Option<String> {
    let head = &s.toks[v.head];
    let (start, end) = (s.toks[v.object.start].start, s.toks[v.object.end - 1].end);
    if let Some(h) = s
        .metrics
        .iter()
        .find(|h| h.start >= start && h.start <= head.start && h.end >= head.end)
    {
        return fits(h.kind, unit).then(|| h.label.to_string());
    }
    let (_, measure) = MEASURES.iter().find(|(word, _)| head.is(word))?;
    let written = |r: std::ops::Range<usize>| s.text[r].to_lowercase();
    Some(if head.end == end {
        format!("{}{measure}", written(start..head.start))
    } else {
        written(start..end)
    })
}

/// "40% better price performance", "up to 4x higher throughput": what is compared.
fn compared_noun(s: &Sentence, q: &Qty) -> Option<String> {
    let toks = &s.toks;
    let mut k = q.next;
    // "50% more prescriptions", "3x fewer touches": more of a counted thing, named.
    let more_of = |t: &Token| {
        t.is_any(&["more", "fewer"])
            && toks
                .get(k + 1)
                .is_some_and(|n| n.is_word() && n.text.len() > 3 && n.text.ends_with('s') && !n.is_any(NOT_ADJECTIVES))
    };
    if !toks
        .get(k)
        .is_some_and(|t| (comparative(t) && !t.is_any(&["the", "as", "more", "less"])) || more_of(t))
    {
        return None;
    }
    k += 1;
    // "30% better on price performance": what is compared, after "on" or "in".
    if toks.get(k).is_some_and(|t| t.is_any(&["on", "in"])) && toks[k - 1].is_any(&["better", "worse"]) {
        k += 1;
    }
    let start = k;
    while k < toks.len() && k - start < 3 && toks[k].is_word() && !toks[k].is_any(NOT_ADJECTIVES) {
        k += 1;
    }
    let words: Vec<String> = toks[start..k].iter().map(|t| t.text.to_lowercase()).collect();
    if words.is_empty() {
        return None;
    }
    let mut label = words.join(" ");
    // "four times faster training" measures how training performs, as "four times faster
    // training performance" says in full: one label for both ways of writing it.
    let speed = toks[start - 1].is_any(&["faster", "quicker", "slower"]);
    let measure = words
        .last()
        .is_some_and(|w| w == "performance" || MEASURES.iter().any(|(head, _)| w == head));
    if speed && !measure {
        label.push_str(" performance");
    }
    Some(label)
}

/// A topic mention usable as a subject: byte range and subject (None: the default).
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate<'a> {
    pub start: usize,
    pub end: usize,
    pub subject: Option<&'a str>,
    /// Named only to be left out ("outside North America"): no figure's subject, and no
    /// reason to reach back past it to an earlier one.
    pub excluded: bool,
    /// A topic named right after this one, as a part of it ("Consumer postpaid phone
    /// net additions"): the byte range of its words, which qualify the metric.
    pub part: Option<(usize, usize)>,
}

/// Phrases that name a topic only to leave it out ("outside North America", "ex-US"):
/// a mention right after one of them, or after it and "the", is nobody's subject. `-`
/// stands for any hyphen.
#[rustfmt::skip]
const EXCLUDING: &[&[&str]] = &[
    &["outside"], &["outside", "of"], &["excluding"], &["except"], &["except", "for"],
    &["other", "than"], &["ex"], &["ex", "-"], &["ex", "."], &["excl"], &["excl", "."],
];

/// The subject candidates of a sentence: topic mentions that are not themselves the
/// metric ("capital expenditures" when that is a topic), and the default subject's name;
/// those an exclusion governs ("outside North America") are marked.
pub(super) fn candidates<'a>(s: &Sentence<'_, '_, 'a>, default: Option<&str>) -> Vec<Candidate<'a>> {
    let mut out: Vec<Candidate<'a>> = s
        .mentions
        .iter()
        .filter(|m| !is_the_metric(s, m.range.start, m.range.end, &m.subject))
        .map(|m| Candidate {
            start: m.range.start,
            end: m.range.end,
            subject: Some(m.subject.as_str()),
            excluded: excluded(s, m.range.start, m.range.end),
            part: None,
        })
        .collect();
    // "Consumer postpaid phone | (158)", "Business postpaid phone net additions": a topic
    // named right after another, a space apart, is a line of it, not whose the figure is.
    let mut k = 1;
    while k < out.len() {
        let (first, second) = (&out[k - 1], &out[k]);
        let adjacent = s.text.get(first.end..second.start) == Some(" ") && first.subject != second.subject;
        if adjacent && !first.excluded && !second.excluded {
            out[k - 1].part = Some((second.start, second.end));
            out.remove(k);
        } else {
            k += 1;
        }
    }
    if let Some(name) = default.filter(|n| !n.is_empty()) {
        for (at, _) in s.text.match_indices(name) {
            let end = at + name.len();
            let whole = !s.text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
                && !s.text[end..].chars().next().is_some_and(char::is_alphanumeric);
            let inside = s.mentions.iter().any(|m| m.range.start < end && at < m.range.end);
            if whole && !inside {
                out.push(Candidate {
                    start: at,
                    end,
                    subject: None,
                    excluded: excluded(s, at, end),
                    part: None,
                });
            }
        }
    }
    out.sort_by_key(|c| c.start);
    out
}

/// Whether the mention at `at..end` of the sentence is named only to be left out.
fn excluded(s: &Sentence, at: usize, end: usize) -> bool {
    excluded_in(&s.toks, at, end)
}

/// Whether the mention at `at..end` of the tokens' text directly follows an exclusion
/// phrase, and no relative clause makes it the subject after all ("every segment slowed
/// except AWS, whose revenue rose 13%"). Sentences and headings alike.
pub(super) fn excluded_in(toks: &[Token], at: usize, end: usize) -> bool {
    let after = toks.partition_point(|t| t.start < end);
    let relative = toks.get(after).is_some_and(|t| t.is(","))
        && toks
            .get(after + 1)
            .is_some_and(|t| t.is_any(&["whose", "which", "where"]));
    !relative && exclusion_before(toks, at).is_some()
}

/// "Cross-border volume excluding intra-Europe transactions rose 13%": the measure a
/// left-out topic is named with, after the measure it is left out of, is what is left
/// out, not what the figure measures. ("Ex-North America revenue" names no measure
/// before it: its revenue is the figure's.)
pub(super) fn leave_out_what_is_excluded(s: &mut Sentence) {
    let (text, toks, mentions) = (s.text, &s.toks, s.mentions);
    let left_out: Vec<usize> = (s.metrics.iter())
        .filter(|h| {
            mentions.iter().any(|m| {
                text.get(m.range.end..h.start) == Some(" ")
                    && excluded_in(toks, m.range.start, m.range.end)
                    && s.metrics.iter().any(|before| before.end <= m.range.start)
            })
        })
        .map(|h| h.start)
        .collect();
    if !left_out.is_empty() {
        s.metrics.retain(|h| !left_out.contains(&h.start));
    }
}

/// The exclusion phrase (of `EXCLUDING`) right before byte `at`, past a "the" or an
/// "intra-" ("cross-border volume excluding intra-Europe": the payments made within
/// Europe are left out).
fn exclusion_before(toks: &[Token], at: usize) -> Option<&'static [&'static str]> {
    let mut k = toks.partition_point(|t| t.start < at);
    if k > 0 && toks[k - 1].is("the") {
        k -= 1;
    } else if intra_before(toks, at) {
        k -= 2;
    }
    let lead = &toks[..k];
    EXCLUDING.iter().copied().find(|phrase| {
        lead.len() >= phrase.len()
            && lead[lead.len() - phrase.len()..]
                .iter()
                .zip(phrase.iter())
                .all(|(t, w)| t.is(w) || (*w == "-" && is_hyphen(t.text)))
    })
}

/// Whether "intra-" is written right before byte `at` ("intra-Europe").
fn intra_before(toks: &[Token], at: usize) -> bool {
    let k = toks.partition_point(|t| t.start < at);
    k > 1 && is_hyphen(toks[k - 1].text) && toks[k - 2].is("intra")
}

/// How a record's figure leaves a part out (`outside_of`).
pub(super) enum LeftOut {
    /// "revenue outside the U.S.": the label "outside us revenue".
    Outside(String),
    /// "NII ex. Markets", "revenue excluding AWS": the label "net interest income
    /// excluding markets".
    Excluding(String),
}

impl LeftOut {
    /// `metric` with the part left out, as the labels write it.
    pub fn label(&self, metric: &str) -> String {
        match self {
            LeftOut::Outside(place) => format!("outside {place} {metric}"),
            LeftOut::Excluding(part) => format!("{metric} excluding {part}"),
        }
    }
}

/// The place or part a record's figure is said to leave out, in its clause before the
/// figure ("revenue outside the U.S. rose 13%", "Outside the U.S. as a whole, revenue
/// increased 30%", "NII ex. Markets $22.9 billion"), written as a label's words are:
/// "us", "north america", "markets".
pub(super) fn outside_of(s: &Sentence, cands: &[Candidate], rec: &Rec) -> Option<LeftOut> {
    if let Some(c) = cands.iter().rev().find(|c| c.end <= rec.start && c.excluded) {
        if s.breaks.hard_between(c.end, rec.start) {
            return None;
        }
        // "except" and "other than" say what else there is, not what a figure leaves out.
        let phrase = exclusion_before(&s.toks, c.start)?;
        // "cross-border volume excluding intra-Europe 13%, with processed transactions up
        // 9%": what a measure named right before it leaves out is left out of that
        // measure only.
        let qualified = (s.metrics.iter())
            .position(|h| h.end <= c.start && s.text[h.end..c.start].split_whitespace().count() <= phrase.len() + 1);
        if qualified.is_some() && qualified != s.metric[rec.primary()] {
            return None;
        }
        let mut words = label_words(&s.text[c.start..c.end]);
        if intra_before(&s.toks, c.start) {
            words.insert_str(0, "intra-");
        }
        return match phrase[0] {
            "outside" => Some(LeftOut::Outside(words)),
            "excluding" | "ex" | "excl" => Some(LeftOut::Excluding(words)),
            _ => None,
        };
    }
    outside_a_place(s, rec).map(LeftOut::Outside)
}

/// A place no topic names, that the clause before a record's figure says it is outside
/// of: "outside" (or "outside of"), maybe "the", then initials ("U.S.") or up to three
/// capitalised words ("North America").
fn outside_a_place(s: &Sentence, rec: &Rec) -> Option<String> {
    let toks = &s.toks;
    let end = toks.partition_point(|t| t.start < rec.start);
    let o = (0..end).rev().find(|&i| toks[i].is("outside"))?;
    if s.breaks.hard_between(toks[o].start, rec.start) {
        return None;
    }
    let mut from = o + 1;
    for word in ["of", "the"] {
        if from < end && toks[from].is(word) {
            from += 1;
        }
    }
    let capital = |t: &Token| t.is_word() && t.text.starts_with(|c: char| c.is_ascii_uppercase());
    let mut to = from;
    while to + 1 < end && is_initial(&toks[to]) && toks[to + 1].text == "." {
        to += 2;
    }
    if to == from {
        while to < end && to - from < 3 && capital(&toks[to]) {
            to += 1;
        }
    }
    (to > from && !s.in_mention(toks[from].start)).then(|| label_words(&s.text[toks[from].start..toks[to - 1].end]))
}

/// A name as a label writes it: in lower case, initials without their dots ("U.S." → "us").
pub fn label_words(name: &str) -> String {
    name.replace('.', "").to_lowercase()
}

/// A hyphen, plain or typographic ("ex-US", "ex‑US").
fn is_hyphen(text: &str) -> bool {
    matches!(text, "-" | "\u{2010}" | "\u{2011}")
}

fn is_the_metric(s: &Sentence, start: usize, end: usize, subject: &str) -> bool {
    s.metrics
        .iter()
        .any(|h| h.start < end && start < h.end && !qualifies(h.label, subject))
        && !measured_right_after(s, end)
}

/// "Marketing delivered adjusted earnings of $1.39 billion", "Marketing adjusted earnings
/// were …": a topic named like a metric (Shell's Marketing segment, not its marketing
/// expense) right before another metric phrase, or a verb of reporting apart, is whose
/// the figure is; that phrase says what it measures. "Capital expenditures and free cash
/// flow" stays two metrics.
fn measured_right_after(s: &Sentence, end: usize) -> bool {
    let Some(next) = (s.metrics.iter()).filter(|h| h.start >= end).min_by_key(|h| h.start) else {
        return false;
    };
    let between = &s.toks[s.toks.partition_point(|t| t.start < end)..s.toks.partition_point(|t| t.start < next.start)];
    // The phrase's own qualifier ("adjusted") is said before the words the hit covers.
    let mut rest = (between.iter()).filter(|t| !next.label.split(' ').any(|w| t.text.eq_ignore_ascii_case(w)));
    let verb = |t: &Token| t.is_any(&["delivered", "earned", "generated", "posted", "recorded", "reported"]);
    rest.next().is_none_or(verb) && rest.next().is_none()
}

/// Words before "revenue" that do not name a line of business: determiners and
/// prepositions, words of time (months among them: "January-March revenue"), and verbs that report or forecast it ("management
/// expects revenue of $37.5 billion"); the words for all of a business are apart
/// (`names_all_of_a_business`). Sorted: looked up by binary search (`not_a_line`).
#[rustfmt::skip]
const NOT_A_LINE: &[&str] = &[
    "a", "additional", "adjusted", "again", "ago", "alone", "also", "an", "annual",
    "annualized", "any", "april", "are", "as", "at", "august", "average", "be", "been",
    "book", "booked", "but", "by", "can", "combined", "constant", "could", "cumulative",
    "currency", "december", "deliver", "delivered", "delivers", "did", "do", "does",
    "earlier", "expect", "expected", "expecting", "expects", "february", "financials",
    "first", "fiscal", "for", "forecast", "forecasts", "fourth", "from", "full", "gaap",
    "generate", "generated", "generates", "gross", "guide", "guided", "guides", "had",
    "half", "has", "have", "her", "higher", "his", "i", "in", "incremental", "is", "it",
    "its", "january", "july", "june", "just", "last", "less", "lower", "march", "may",
    "meaningful", "might", "month", "months", "more", "net", "new", "next", "nor",
    "november", "now", "october", "of", "on", "only", "or", "organic", "our", "post",
    "posted", "posts", "previous", "prior", "project", "projected", "projects", "quarter",
    "quarterly", "quarters", "record", "recorded", "report", "reported", "reports",
    "results", "same", "saw", "second", "see", "sees", "segment", "september", "should",
    "so", "solid", "some", "still", "strong", "such", "term", "that", "the", "their", "then",
    "these", "they", "third", "this", "those", "to", "today", "too", "was", "we", "weak",
    "were", "which", "while", "who", "whose", "will", "with", "would", "year", "yearly",
    "years", "your",
];

fn not_a_line(t: &Token) -> bool {
    let mut buffer = [0u8; 16];
    super::tokens::lower_ascii(t.text, &mut buffer)
        .is_some_and(|lower| NOT_A_LINE.binary_search_by(|w| w.as_bytes().cmp(lower)).is_ok())
        || names_all_of_a_business(t.text)
}

/// Words for all of a business ("total", "consolidated", "worldwide"): no line of it, in
/// prose before "revenue" as in a table row's or list item's label.
pub fn names_all_of_a_business(word: &str) -> bool {
    const ALL: [&str; 10] = [
        "all",
        "company",
        "consolidated",
        "entire",
        "global",
        "group",
        "overall",
        "total",
        "whole",
        "worldwide",
    ];
    ALL.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// "Xbox content and services revenue increased 61%", "Xbox hardware revenue fell 42%",
/// "on WhatsApp business messaging revenue grew 40%": the words right before a bare
/// "revenue" that name a line of business make it that line's revenue ("content and
/// services revenue", in lower case as every label is), so that a line's figures are
/// not taken for all of its business's revenue (a wrong series, a false conflict). So
/// for "net additions" ("Broadband net additions were 389,000" is *broadband net
/// additions*). The
/// words stop at a topic (the figure's subject, as "AWS revenue" is AWS's revenue), at
/// the company's own name, at a number or another phrase, and at the words of
/// `NOT_A_LINE`; a possessive ("Amazon's revenue") names no line, and the words must
/// open a clause, or follow "the", "its", "their", "our", a topic or a period ("we
/// expect revenue" names none).
pub(super) fn name_lines_of_business(s: &mut Sentence, default_subject: Option<&str>) {
    for h in 0..s.metrics.len() {
        let hit = &s.metrics[h];
        let said = &s.text[hit.start..hit.end];
        let line_metric = match hit.label {
            "revenue" if said.eq_ignore_ascii_case("revenue") => "revenue",
            "net additions" if said.eq_ignore_ascii_case("net additions") || said.eq_ignore_ascii_case("net adds") => {
                "net additions"
            }
            _ => continue,
        };
        let k = s.toks.partition_point(|t| t.start < hit.start);
        if s.toks.get(k).is_none_or(|t| t.start != hit.start) {
            continue;
        }
        let Some(first) = line_name(s, k, default_subject) else {
            continue;
        };
        let name = format!(
            "{} {line_metric}",
            label_words(&s.text[s.toks[first].start..s.toks[k - 1].end])
        );
        s.metrics[h].label = super::intern(&name);
        s.metrics[h].start = s.toks[first].start;
    }
}

/// The first token of the words before token `k` ("revenue") that name a line of
/// business, if they do (`name_lines_of_business`).
fn line_name(s: &Sentence, k: usize, default_subject: Option<&str>) -> Option<usize> {
    // What may stand right before a line's name: it opens a clause, or follows its
    // business's name, a period or a determiner ("we expect revenue", "any meaningful
    // revenue" name no line).
    const OPENERS: [&str; 20] = [
        ",", ";", ":", "(", "—", "–", "-", "•", "*", "|", ".", "and", "while", "but", "whereas", "so", "the", "its",
        "their", "our",
    ];
    let mut first = k;
    let mut after_topic = false;
    while first > 0 {
        // Five words and no opener before them: no name of a line.
        if k - first == 5 {
            return None;
        }
        // "U.S. revenue", "U.K. revenue": initials with their dots are one word.
        if let Some(at) = initials_before(s, first) {
            first = at;
            continue;
        }
        let t = &s.toks[first - 1];
        // "$1.2 billion and Kisunla revenue …": a conjunction after a figure opens the
        // name's clause.
        if first >= 2 && t.is_any(&["and", "while", "but", "whereas"]) && s.in_figure(s.toks[first - 2].start) {
            break;
        }
        let named = s.in_mention(t.start) || s.in_period(t.start);
        let taken = named || s.metrics.iter().any(|m| m.start <= t.start && t.start < m.end) || s.in_figure(t.start);
        let word = t.kind == Kind::Word
            || (t.kind == Kind::Num && t.suffix.is_empty() && first >= 2 && s.toks[first - 2].is_word());
        let plain = word
            && !t.text.contains(['\'', '’'])
            && !not_a_line(t)
            && !default_subject.is_some_and(|d| t.is(d))
            && super::cues::dir_before(t.text).is_none()
            && !super::numbers::may_be_spelled(t)
            && super::numbers::scale_word(t).is_none();
        // Only white space between the words (not a spoken "uh" left out).
        if taken || !plain || !s.text[t.end..s.toks[first].start].trim().is_empty() {
            if !named && !t.is_any(&OPENERS) {
                return None;
            }
            after_topic = named;
            break;
        }
        first -= 1;
    }
    // "and" joins two words of a name. After a topic it joins the topic's name ("Search
    // and other revenue" is the Search & other line); after a comma it opens the clause
    // (", and Devices hardware revenue fell").
    while first < k && s.toks[first].is_any(&["and", "or"]) {
        if after_topic {
            return None;
        }
        first += 1;
    }
    (first < k).then_some(first)
}

/// A capital letter alone, as in initials ("U" of "U.S.").
fn is_initial(t: &Token) -> bool {
    t.is_word() && t.text.len() == 1 && t.text.as_bytes()[0].is_ascii_uppercase()
}

/// The first token of initials written with dots ("U.S.", "U.K.") that end right
/// before token `k`, if they do and nothing names them already (a topic's alias).
fn initials_before(s: &Sentence, k: usize) -> Option<usize> {
    let mut at = k;
    // Back over pairs of a capital letter and its dot, written without spaces.
    while at >= 2 {
        let (letter, dot) = (&s.toks[at - 2], &s.toks[at - 1]);
        if !(is_initial(letter)
            && dot.text == "."
            && letter.end == dot.start
            && (at == k || dot.end == s.toks[at].start))
        {
            break;
        }
        at -= 2;
    }
    (k - at >= 4 && !s.in_mention(s.toks[at].start)).then_some(at)
}

/// True when `label` is `subject` followed by a metric ("advertising revenue" of the
/// Advertising topic): the topic is the subject and the rest is the metric.
pub(super) fn qualifies(label: &str, subject: &str) -> bool {
    label.len() > subject.len() + 1
        && label.is_char_boundary(subject.len())
        && label[..subject.len()].eq_ignore_ascii_case(subject)
        && label.as_bytes()[subject.len()] == b' '
}

/// Metrics of a holding, whose figures are those of what is held: "Amazon invested $1.25
/// billion in Anthropic" and "the stake was worth $13.8 billion" are Anthropic's.
const HOLDING_METRICS: &[&str] = &["investment", "valuation"];

/// The subject of a record and the candidate it came from: the nearest topic before
/// it, else a topic named right after it ("$1.1 billion of revenue in AWS"), else the
/// heading's topic (unless the sentence names it only to leave it out) or the default
/// subject. The default subject named as the holder of an investment ("Amazon built its
/// stake … : $1.25 billion") is not its subject.
pub(super) fn subject_of<'c>(
    s: &Sentence,
    cands: &'c [Candidate],
    rec: &Rec,
    metric: Option<&str>,
    scope: &Scope,
) -> (Option<String>, Option<&'c Candidate<'c>>) {
    let holding = metric.is_some_and(|m| HOLDING_METRICS.contains(&m));
    let before_at = cands.iter().rposition(|c| c.end <= rec.start);
    let before = before_at.map(|i| &cands[i]);
    // "AWS delivered $9.4 billion out of a company-wide total of $15.3 billion": a
    // figure said to be the whole company's, after the last topic or figure before it, is
    // the default subject's.
    let whole = |at: &usize| {
        *at < rec.start
            && before.is_none_or(|c| c.end <= *at)
            && !s.qtys.iter().any(|q| q.end <= rec.start && *at < q.end)
    };
    if s.whole.iter().any(whole) || before_at.is_some_and(|i| made_together(s, cands, i)) {
        return (scope.default_subject.clone(), None);
    }
    // A topic in the record's own words is whose it is: named after a preposition before
    // its amounts ("raised its investment in Anthropic by $2.75 billion to $4 billion"),
    // or between its level and its change ("At $27.5 billion, AWS revenue was up 19%").
    let first_amount = [rec.value, rec.change]
        .into_iter()
        .flatten()
        .map(|k| s.qtys[k].start)
        .min();
    let between = rec
        .value
        .zip(rec.change)
        .map(|(v, c)| s.qtys[v].end.min(s.qtys[c].end)..s.qtys[v].start.max(s.qtys[c].start));
    let within = || {
        cands.iter().find(|c| {
            c.subject.is_some()
                && !c.excluded
                && c.start >= rec.start
                && ((first_amount.is_some_and(|a| c.end <= a) && preposition_before(s, c.start))
                    || between.as_ref().is_some_and(|b| c.start >= b.start && c.end <= b.end))
        })
    };
    let pick = match before {
        // Named to be left out, or as the holder of an investment: a topic after the
        // figure, else the heading's or the default.
        Some(c) if c.excluded || (holding && c.subject.is_none()) => within().or_else(|| topic_after(s, cands, rec)),
        // "96.8% in Europe and 97.3% in Asia": a topic named after a figure before this
        // one is that figure's; this one's is named after it.
        Some(c) if c.subject.is_some() && named_after_a_figure(s, c) => topic_after(s, cands, rec).or(Some(c)),
        Some(c) if c.subject.is_some() => Some(c),
        _ => within()
            .or_else(|| topic_after(s, cands, rec))
            .or_else(|| fronted(s, cands).filter(|c| c.end <= rec.start))
            .or(before),
    };
    // A heading's topic that the sentence names only to leave out is not its subject
    // either ("Revenue outside North America …" under "## North America").
    let left_out = |h: &String| cands.iter().any(|c| c.excluded && c.subject == Some(h.as_str()));
    let fallback = || {
        scope
            .heading_subject
            .clone()
            .filter(|h| !left_out(h))
            .or_else(|| scope.default_subject.clone())
    };
    match pick {
        Some(c) => (
            c.subject.map(str::to_string).or_else(|| scope.default_subject.clone()),
            Some(c),
        ),
        None => (fallback(), None),
    }
}

/// "Mounjaro and Zepbound together generated $16.47 billion", "Taken together, premium,
/// loyalty, cargo and MRO made up 57% of revenue": what topics listed together make is
/// the company's, not the last one's. `cands[last_at]` ends a list of two or more topics
/// joined by commas and "and", with "together" or "combined" right after it or right
/// before it.
fn made_together(s: &Sentence, cands: &[Candidate], last_at: usize) -> bool {
    let last = &cands[last_at];
    let joined = |gap: &str| matches!(gap.trim(), "," | "and" | ", and" | "&");
    let mut first = last_at;
    while first > 0
        && cands[first - 1].subject.is_some()
        && joined(s.text.get(cands[first - 1].end..cands[first].start).unwrap_or(""))
    {
        first -= 1;
    }
    // "Toyota and Lexus retail sales": the company named with one of its topics is the
    // two of them, the company's, said so or not.
    let default_named = |c: &Candidate| c.subject.is_none() && !c.excluded;
    if last.subject.is_some()
        && first > 0
        && default_named(&cands[first - 1])
        && joined(s.text.get(cands[first - 1].end..cands[first].start).unwrap_or(""))
    {
        return true;
    }
    if first == last_at || last.subject.is_none() {
        return false;
    }
    let said = |w: &str| w.eq_ignore_ascii_case("together") || w.eq_ignore_ascii_case("combined");
    let after = s.text[last.end..].split_whitespace().next().unwrap_or("");
    let before = s.text[..cands[first].start].trim_end().trim_end_matches(',');
    let before = before.rsplit(char::is_whitespace).next().unwrap_or("");
    said(after.trim_end_matches(',')) || said(before)
}

/// A topic the sentence opens with as what it is about, after "For", "At", "In", "Within"
/// or "Across" and before a comma ("For Kuiper, Amazon secured up to 83 rocket launches"):
/// the subject of its figures when no other topic is nearer, over the default subject
/// named on the way.
fn fronted<'c>(s: &Sentence, cands: &'c [Candidate]) -> Option<&'c Candidate<'c>> {
    let opener = s.toks.first()?;
    if !opener.is_any(&["for", "at", "in", "within", "across"]) {
        return None;
    }
    let mut rest = s.toks[1..].iter().skip_while(|t| t.is("the"));
    let start = rest.next()?.start;
    let c = cands
        .iter()
        .find(|c| c.start == start && c.subject.is_some() && !c.excluded)?;
    let after = s.toks.iter().find(|t| t.start >= c.end)?;
    after.is(",").then_some(c)
}

/// A topic named after a record through a preposition, in its clause, before any other
/// figure: "in AWS", "to Project Kuiper", "on Prime Video", "than the first Inferentia".
fn topic_after<'c>(s: &Sentence, cands: &'c [Candidate], rec: &Rec) -> Option<&'c Candidate<'c>> {
    let last = [rec.value, rec.change]
        .into_iter()
        .flatten()
        .map(|k| s.qtys[k].next)
        .max()?;
    let limit = s.toks.get(last + 10).map_or(usize::MAX, |t| t.start);
    let next_qty = s
        .qtys
        .iter()
        .find(|q| q.start >= rec.end)
        .map_or(usize::MAX, |q| q.start);
    cands.iter().find(|c| {
        c.subject.is_some()
            && !c.excluded
            && c.start >= rec.end
            && c.start < limit.min(next_qty)
            && !s.breaks.any_between(rec.end, c.start)
            && !s.toks[s.toks.partition_point(|t| t.start < rec.end)..s.toks.partition_point(|t| t.start < c.start)]
                .iter()
                .any(|t| t.is(","))
            && preposition_before(s, c.start)
    })
}

/// Whether candidate `c` is named right after a figure through a preposition ("96.8% in
/// Europe").
fn named_after_a_figure(s: &Sentence, c: &Candidate) -> bool {
    word_before_the(s, c.start, &["the", "its", "our", "their"])
        .is_some_and(|k| s.toks[k].is_any(&["in", "for", "at"]) && s.qtys.iter().any(|q| q.next == k))
}

fn preposition_before(s: &Sentence, at: usize) -> bool {
    word_before_the(s, at, &["the", "its", "our", "their", "first", "new", "a"])
        .is_some_and(|k| s.toks[k].is_any(&["in", "to", "for", "on", "of", "at", "from", "by", "than"]))
}

/// The token before byte `at`, past the words of `skip` ("the", "its") right before it.
fn word_before_the(s: &Sentence, at: usize, skip: &[&str]) -> Option<usize> {
    let mut k = s.toks.partition_point(|t| t.start < at);
    while k > 0 && s.toks[k - 1].is_any(skip) {
        k -= 1;
    }
    k.checked_sub(1)
}

/// Words that may stand between the noun "growth" and the verb that moves it ("growth
/// has slowed", "growth was down").
const RATE_AUXILIARIES: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "are", "also", "further", "then",
];

/// "AWS growth slowed 2%", "revenue growth rate fell 3% in Q3": a percentage change that
/// a verb of movement tells of the noun "growth" (or "growth rate") right before it moves
/// the rate itself, and whether by points or by percent of it the text does not say. It
/// is no change of the metric (not "revenue down 2%"), and no other label is sure: the
/// record names no metric. ("growth was 13%", "growth accelerated to 13.2%" give the size
/// of the growth itself, whose direction token is the noun "growth", and stay the
/// metric's; "revenue growth accelerated by 200 basis points" says points, and basis
/// points of a money metric are its growth's.)
pub(super) fn rate_moved(s: &Sentence, rec: &Rec, roles: &[Role]) -> bool {
    let Some(c) = rec.change.filter(|&c| s.qtys[c].unit == Unit::Percent) else {
        return false;
    };
    let Role::Change(_, Some(at)) = roles[c] else {
        return false;
    };
    let toks = &s.toks;
    if toks[at].is_any(&["growth", "rate"]) {
        return false;
    }
    let mut k = at;
    while k > 0 && toks[k - 1].is_any(RATE_AUXILIARIES) {
        k -= 1;
    }
    let Some(n) = k.checked_sub(1) else {
        return false;
    };
    toks[n].is("growth") || (toks[n].is("rate") && n > 0 && toks[n - 1].is("growth"))
}

/// A topic's own money figure or growth with no metric named, right after the topic
/// ("Advertising grew 19% to $14.3 billion", "AWS: $24.2B"): a segment's figure of that
/// kind is its revenue (its operating income when it is a loss).
pub(super) fn segment_figure(s: &Sentence, rec: &Rec, roles: &[Role], topic: &Candidate) -> bool {
    let p = rec.primary();
    let q = &s.qtys[p];
    // "AWS cut prices by 20%": the change of something else the segment has.
    let growth = matches!(roles[p], Role::Change(..)) && q.unit == Unit::Percent && verb_object(s, q.first).is_none();
    let from = s.toks.partition_point(|t| t.start < topic.end);
    let to = s.toks.partition_point(|t| t.start < rec.start);
    let between = s.toks.get(from..to).unwrap_or_default();
    // "Amazon Web Services, the largest cloud provider, grew 19% to $27.5 billion": a
    // few words set off by commas after the topic, naming no metric, say what it is.
    let between = match between {
        [comma, rest @ ..] if comma.is(",") => match rest.iter().position(|t| t.is(",")) {
            Some(k)
                if (1..=6).contains(&k)
                    && rest[..k].iter().all(Token::is_word)
                    && !s.metrics.iter().any(|h| h.start >= comma.end && h.end <= rest[k].start) =>
            {
                &rest[k + 1..]
            }
            _ => between,
        },
        _ => between,
    };
    // "on AWS we grew nineteen percent", "on Trulicity it was down twenty five percent": a
    // speaker turning to the segment speaks of it.
    let turn = s.toks.get(from).is_some_and(|t| t.is_any(&["we", "it", "you", "they"]));
    // "Trulicity finished twenty twenty four at $5.25 billion": the period said between
    // them does not set the figure apart from the topic, nor do the words that say it is
    // a loss or a profit ("Model e posted a loss of $1.4 billion").
    let (said, range) = match between {
        [said @ .., last] if last.is("between") => (said, 1),
        said => (said, 0),
    };
    let result_words = range
        + match said {
            [.., a, result, of] if a.is_any(&["a", "an"]) && result.is_any(&["loss", "profit"]) && of.is("of") => 3,
            [.., result, of] if result.is_any(&["loss", "profit"]) && of.is("of") => 2,
            _ => 0,
        };
    let words = between.iter().filter(|t| !s.in_period(t.start)).count() - result_words;
    // "guided to a Model e loss of …": the topic names whose loss it is, whatever the
    // preposition before it.
    let its_result = result_words > 0 && said.len() == 2;
    let near = topic.end <= rec.start
        && (turn || its_result || !preposition_before(s, topic.start))
        && words <= 3
        && !between.iter().any(|t| t.is_any(&["and", "or", ","]));
    // "$260 million in efficiency gains", "$70 billion of the plan": another noun is named.
    // ("$95 million in the quarter" names a period, not a noun.)
    let period_at = |k: usize| {
        let k = if s.toks.get(k).is_some_and(|t| t.is("the")) {
            k + 1
        } else {
            k
        };
        s.toks.get(k).is_some_and(|t| s.in_period(t.start))
    };
    let named = s.toks.get(q.next).is_some_and(|t| t.is_any(&["in", "of", "for"]))
        && s.toks.get(q.next + 1).is_some_and(|t| t.is_word())
        && !period_at(q.next + 1);
    (matches!(q.unit, Unit::Currency(_)) || growth) && near && !named
}

/// On a page about a metric (`Scope::page_metric`), a figure that names no metric is that
/// metric's when its unit fits: money for a money metric (a level, or a change in money
/// or percent), a percentage or basis points for a ratio, a count for a count.
pub(super) fn page_metric(s: &Sentence, rec: &Rec, roles: &[Role], scope: &Scope) -> Option<String> {
    let label = scope.page_metric.as_deref()?;
    let kind = scope.names.whole(label)?.kind;
    let p = rec.primary();
    let unit = s.qtys[p].unit;
    let change = matches!(roles[p], Role::Change(..));
    let fits = match kind {
        MetricKind::Money => matches!(unit, Unit::Currency(_)) || (change && unit == Unit::Percent),
        MetricKind::Ratio => matches!(unit, Unit::Percent | Unit::Bps),
        MetricKind::Count => unit == Unit::Count,
        MetricKind::Any => false,
    };
    fits.then(|| label.to_string())
}

/// Whether the amount is written as a loss: "a loss of $419 million", "an outflow of
/// $11.6 billion", "negative $11.6 billion", "a $0.6 billion loss", and an amount in
/// parentheses where accounting puts a loss and nothing else would ("| ($95M) |" alone in
/// a table cell; "vs. ($0.1B)", "from ($0.1B)").
pub(super) fn written_as_loss(s: &Sentence, q: &Qty) -> bool {
    let toks = &s.toks;
    let word_sign = q.first >= 1 && toks[q.first - 1].is_any(&["negative", "minus"]);
    // "Provision for credit losses of $2.6 billion": the loss ends the name of a metric
    // that is no loss. "a loss of between $5 billion and $5.5 billion" is one too.
    let first = if q.upper.is_some() && q.first >= 1 && toks[q.first - 1].is("between") {
        q.first - 1
    } else {
        q.first
    };
    let loss_of = first >= 2
        && toks[first - 1].is("of")
        && toks[first - 2].is_any(&["loss", "outflow", "deficit", "losses", "outflows", "usage", "burn"])
        && !(s.metrics.iter()).any(|h| {
            h.end == toks[first - 2].end && h.start < toks[first - 2].start && !h.negates && !h.label.is_empty()
        });
    let currency = matches!(q.unit, Unit::Currency(_));
    let loss_after = currency && toks.get(q.next).is_some_and(|t| t.is_any(&["loss", "losses"]));
    word_sign
        || loss_of
        || loss_after
        || (currency && (lost(s, q) || in_accounting_parentheses(toks, q) || per_share_of_a_loss(s, q)))
}

/// "a net loss of $1.4 billion, or $1.53 per share": the same loss said per share, in
/// apposition after "or", is a loss too.
fn per_share_of_a_loss(s: &Sentence, q: &Qty) -> bool {
    let toks = &s.toks;
    let per_share = toks.get(q.next).is_some_and(|t| t.is_any(&["per", "a"]))
        && toks.get(q.next + 1).is_some_and(|t| t.is_any(&["share", "diluted"]));
    if !per_share || q.first == 0 || !toks[q.first - 1].is("or") {
        return false;
    }
    let mut end = q.first - 1;
    if end > 0 && toks[end - 1].is(",") {
        end -= 1;
    }
    let Some(j) = s.qtys.iter().position(|p| p.next == end) else {
        return false;
    };
    let before = &s.qtys[j];
    let negates = s.metric.get(j).copied().flatten().is_some_and(|h| s.metrics[h].negates);
    // `before` ends before "or", so the call below never comes back to `q`.
    before.negative || negates || written_as_loss(s, before)
}

/// "International lost ninety five million dollars at the operating line": an amount
/// that is what was lost, unless a metric it is an amount of follows it ("lost $200
/// billion in market value" is a fall of the market value, not a loss). A metric after
/// another word ("lost $4.49 billion on revenue of $353 million") is another figure's.
pub(super) fn lost(s: &Sentence, q: &Qty) -> bool {
    // The quantity already begins at any approximation ("lost about $95 million").
    let verb = q.first.checked_sub(1).map(|k| &s.toks[k]);
    let named_after = || {
        let toks = &s.toks;
        let Some(next) = toks.get(q.next) else {
            return false;
        };
        if !next.is_any(&["in", "of"]) {
            return s.metrics.iter().any(|h| h.start == next.start);
        }
        let limit = toks.get(q.next + 3).map_or(s.text.len(), |t| t.start);
        s.metrics.iter().any(|h| h.start > next.start && h.start < limit)
    };
    verb.is_some_and(|t| t.is_any(&["lost", "loses", "lose"])) && !named_after()
}

/// Whether the amount is written as a profit ("a profit of $900 million", "a $3.2
/// billion profit", "segment profit was $1.3 billion", "North America earned $5.7
/// billion"): then a loss phrase it takes its metric from ("after an operating loss …, a
/// profit of …") does not turn it negative, and a segment's figure is its operating
/// income.
pub(super) fn written_as_profit(s: &Sentence, q: &Qty) -> bool {
    let toks = &s.toks;
    let profit_before = toks[q.first.saturating_sub(4)..q.first]
        .iter()
        .any(|t| t.is_any(&["profit", "profits", "earned", "earns"]));
    let profit_after =
        matches!(q.unit, Unit::Currency(_)) && toks.get(q.next).is_some_and(|t| t.is_any(&["profit", "profits"]));
    profit_before || profit_after
}

fn in_accounting_parentheses(toks: &[Token], q: &Qty) -> bool {
    let enclosed = q.first >= 1 && toks[q.first - 1].is("(") && toks.get(q.next).is_some_and(|t| t.is(")"));
    if !enclosed || q.upper.is_some() {
        return false;
    }
    let open = q.first - 1;
    let before = open.checked_sub(1).map(|k| &toks[k]);
    let after = toks.get(q.next + 1);
    let alone_in_cell = before.is_none_or(|t| t.is("|")) && after.is_none_or(|t| t.is("|"));
    alone_in_cell || compared_before(toks, open) || before.is_some_and(|t| t.is("from"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_words_that_name_no_line_are_sorted_for_binary_search() {
        assert!(super::NOT_A_LINE.is_sorted(), "keep NOT_A_LINE sorted");
    }
}
