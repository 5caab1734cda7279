//! The period of a figure: a period phrase attached to it ("$46.9 billion in 2023"),
//! else the nearest one in the sentence that is not attached to another figure nor
//! part of a comparison, else the one the sentence's other figures are attached to
//! (when they all agree, and not past a clause break after this figure), else the
//! heading's, else the note's. An earlier value
//! ("compared with $2.7 billion …") takes the period named with it, or the sentence's
//! period a year back when it is "a year earlier", else none.

use super::period::{
    Back, TO_DATE, earlier_label, earlier_words, level_a_year_earlier, placed_back, quarter_before, year_before,
    year_earlier,
};
use super::records::{Rec, Role};
use super::{Scope, Sentence};

/// For each period phrase, the quantity it is attached to ("$46.9 billion in 2023").
/// An earlier value owns the period said in the few words after it ("from 1,541,000 at
/// the end of 2022").
pub(super) fn period_owners(s: &Sentence, roles: &[Role]) -> Vec<Option<usize>> {
    s.periods
        .iter()
        .map(|p| {
            // "(Q1 2024: $15.3B)": a period and a colon name the amount right after them.
            if let Some(k) = s.qtys.iter().position(|q| q.start >= p.end)
                && s.text[p.end..s.qtys[k].start].trim() == ":"
            {
                return Some(k);
            }
            let q = s.qtys.iter().rposition(|q| q.end <= p.start)?;
            let k_end = s.toks.partition_point(|t| t.start < p.start);
            // What a count counts is part of it: "250 million customers last year".
            let mut next = s.qtys[q].noun.map_or(s.qtys[q].next, |n| (n + 1).max(s.qtys[q].next));
            // "the 37.6% it posted in the same quarter of 2024": a relative clause of a
            // pronoun and its verb says when the amount before it was.
            let said_of = |k: usize| {
                s.toks
                    .get(k)
                    .is_some_and(|t| t.is_any(&["it", "they", "we", "which", "that"]))
            };
            if said_of(next)
                && s.toks
                    .get(next + 1)
                    .is_some_and(|t| t.is_word() && !t.is_any(&["in", "for", "during"]))
            {
                next += 2;
            }
            let gap = s.toks.get(next..k_end)?;
            let words = gap.iter().filter(|t| !s.in_basis(t.start)).count();
            let attached = words <= 5
                && gap.iter().all(|t| {
                    s.in_basis(t.start)
                        || t.is_any(&[
                            "in", "for", "during", "of", "the", "fiscal", "year", "quarter", "same", "period", "(",
                        ])
                });
            let earlier = roles[q] == Role::From && words <= 5 && !s.breaks.any_between(s.qtys[q].end, p.start);
            (attached || earlier).then_some(q)
        })
        .collect()
}

/// How far (in bytes, about fifty words) a period said apart from a figure still dates it.
const REACH: usize = 300;

fn distance(p: (usize, usize), rec: &Rec) -> usize {
    if p.0 >= rec.end {
        p.0 - rec.end
    } else {
        rec.start.saturating_sub(p.1)
    }
}

/// "Relative to the fourth quarter of 2023, when North America earned $6.5 billion,
/// Q4 2024 brought …": a clause that ", when" opens right after a period phrase is set
/// in that period, even one named as a point of comparison; the figures inside it (up to
/// the clause's closing comma) are that period's.
fn when_clause<'p>(s: &'p Sentence, rec: &Rec) -> Option<&'p super::period::PeriodHit> {
    s.periods.iter().rev().filter(|p| p.end <= rec.start).find(|p| {
        let k = s.toks.partition_point(|t| t.start < p.end);
        let opens = s.toks.get(k).is_some_and(|t| t.is(",")) && s.toks.get(k + 1).is_some_and(|t| t.is("when"));
        opens
            && s.text[p.end..rec.start].matches(',').count() == 1
            && !s.text[p.end..rec.start].contains([';', '(', ')'])
    })
}

/// The period of a record. `earlier_rate`: the record is a growth rate set against an
/// earlier one (`earlier_rate`), which the words after it date.
pub(super) fn period_of(
    s: &Sentence,
    owners: &[Option<usize>],
    rec: &Rec,
    roles: &[Role],
    scope: &Scope,
    earlier_rate: bool,
) -> Option<String> {
    let hits = || {
        (s.periods.iter().zip(owners)).filter(|(p, _)| {
            !p.comparison
                && !names_another_metric(s, p, rec)
                && p.labels.as_ref().is_none_or(|inside| inside.contains(&rec.start))
        })
    };
    let mine = |o: &Option<usize>| o.is_some() && (*o == rec.value || *o == rec.change);
    let owned = hits().find(|(_, o)| mine(o)).map(|(p, _)| p);
    // A period of its own inside the clause still wins; one after it does not.
    if let Some(w) = when_clause(s, rec) {
        let clause_end = s.text[rec.end..].find(',').map_or(s.text.len(), |at| rec.end + at);
        if owned.is_none_or(|p| p.start >= clause_end) {
            return Some(w.canonical.clone());
        }
    }
    if let Some(p) = owned {
        return Some(p.canonical.clone());
    }
    // "approach a 20% CAGR": a compound rate spans years; with no period of its own, it
    // takes none from the heading or the note.
    if rec
        .change
        .is_some_and(|c| super::records::compound_growth_after(&s.toks, s.qtys[c].next))
    {
        return None;
    }
    let scope_period = || scope.heading_period.clone().or_else(|| scope.page_period.clone());
    let now = || Now {
        scope_period: scope_period(),
        owners,
        roles,
    };
    if rec.value.is_some_and(|v| roles[v] == Role::From) {
        return earlier_period(s, rec, now());
    }
    // "up from $6.7 billion ($0.65 per diluted share) a year earlier": an earlier value
    // restated is dated as that value.
    if let Some(v) = rec.value
        && let Some(e) = v
            .checked_sub(1)
            .filter(|&e| roles[e] == Role::From && restates(s, s.qtys[e].end, &s.qtys[v]))
    {
        return earlier_period(s, &Rec::level(s, e), now());
    }
    let next_qty = s
        .qtys
        .iter()
        .find(|q| q.start >= rec.end)
        .map_or(s.text.len(), |q| q.start);
    let after = &s.text[rec.end..next_qty];
    // "Adjusted EPS: $1.10 (a year earlier: $1.08)": words of an earlier period and a
    // colon date the figure after them, not the one before.
    if let Some(v) = rec.value.filter(|_| rec.change.is_none()) {
        let start = s.qtys[v].start;
        let from = s.qtys[..v].last().map_or(0, |q| q.end.min(start));
        if let Some(back) = earlier_label(&s.text[from..start]) {
            return dated_back(s, rec, now(), back);
        }
    }
    let after = if earlier_label(after).is_some() { "" } else { after };
    // The patterns below are tried only when the first tokens after the figure have their
    // words: tried after every figure, they were 12 M of `period_of`'s 44 M instructions at
    // 1,000 notes.
    let from = s.toks.partition_point(|t| t.start < rec.end);
    let first = |n: usize| s.toks[from..].iter().take_while(|t| t.start < next_qty).take(n);
    let said = |n: usize, words: &[&str]| first(n).any(|t| t.is_any(words));
    // Last year's growth rate set against this year's ("grew 3.1%, compared with 3.4% a
    // year earlier") is of a year back. (The record's words take in "a year earlier" as
    // if it were a basis: read from the rate's own end.)
    if earlier_rate
        && rec
            .change
            .is_some_and(|c| year_earlier(&s.text[s.qtys[c].end..next_qty]))
    {
        return year_back(s, rec, now());
    }
    // A level dated a year back by the words right after it, before any other figure:
    // one named as a known one ("close to twice the $10.6 billion of a year before", "36%
    // more than the $84.9 billion of the prior twelve months"), or any level followed by
    // "a year earlier" right after it or its noun ("after a $0.7 billion loss a year
    // earlier"; not "from a year ago", see `level_a_year_earlier`).
    let definite = rec.value.is_some_and(|v| {
        let first = s.qtys[v].first;
        first > 0 && s.toks[first - 1].is("the")
    });
    if rec.change.is_none()
        && ((definite && year_earlier(after))
            || (said(8, &["year"]) && said(8, &["earlier", "ago", "before"]) && level_a_year_earlier(after)))
    {
        return year_back(s, rec, now());
    }
    // "up 23% on top of 20% growth in the year-ago quarter", "versus 17.5% growth in the
    // previous quarter": any figure the words right after it place a year or a quarter
    // back. (Not "a year ago" alone, which after a change is what it is measured against:
    // "grew 13% from a year ago".)
    if let Some(back) = (said(10, &["quarter", "period"])
        && said(10, &["year", "prior", "previous", "preceding", "last"]))
    .then(|| placed_back(after))
    .flatten()
    {
        return dated_back(s, rec, now(), back);
    }
    // "A year earlier non-GAAP EPS was just $0.10": a sentence that opens a year or a
    // quarter back, and names no period, is of then.
    // The patterns run only where the sentence's first words say "year" or "quarter": run
    // for every figure, they were 37 M instructions of the 1,000-note build.
    let first_figure = s.qtys.first().map_or(0, |q| q.start);
    let mut opening = s.toks.iter().take(6).take_while(|t| t.start < first_figure);
    if opening.any(|t| t.is_any(&["year", "quarter"]))
        && hits().next().is_none()
        && let Some((end, back)) = earlier_words(s.text).filter(|(end, _)| *end <= first_figure)
        && s.text[..end].split_whitespace().count() <= 4
    {
        return dated_back(s, rec, now(), back);
    }
    let barrier = |a: usize, b: usize| s.breaks.period_between(a.min(b), a.max(b));
    // In a table row ("| FY 2024 | Operating income | $68.6B | FY 2023 | $36.9B |") each
    // amount's period is in the cell on the side the row puts its periods: before the
    // amounts when it opens with one, else after them.
    let row = s.text.contains(" | ");
    let periods_lead = row
        && s.periods
            .first()
            .is_some_and(|p| s.qtys.first().is_some_and(|q| p.end <= q.start));
    let wrong_side = |p: &super::period::PeriodHit| row && (p.end <= rec.start) != periods_lead;
    let nearest = |p: &&super::period::PeriodHit| (wrong_side(p), distance((p.start, p.end), rec));
    // A period reaches on into the clauses after its own ("rose 7% in 2024, while net
    // sales grew 11%"), not back: one after a clause break that follows this figure dates
    // that clause's figures only, whether it opens the clause ("grew 13%, and in Q3 the
    // margin was 12%") or belongs to a figure in it ("grew 13%, and operating margin was
    // 12% in Q3").
    let later_clause = |p: &super::period::PeriodHit| p.start >= rec.end && s.breaks.hard_between(rec.end, p.start);
    // In a transcript's run-on answer, hundreds of words without a full stop, a period
    // said further off than a written sentence runs is another part of the answer's.
    let near = |p: &super::period::PeriodHit| distance((p.start, p.end), rec) <= REACH;
    let reachable = || hits().filter(|(p, _)| near(p) && !barrier(p.start, rec.start) && !later_clause(p));
    // Free phrases of the current period first, then ones attached to another current figure.
    // Not across the edge of an aside ("Whole Foods, acquired for $13.7 billion in 2017,
    // now counts more than 530 stores": 2017 is the purchase's, not the stores'). A free
    // period reaches into a relative clause ("In 2024 shipping costs rose 7%, less than
    // net sales, which came to $638 billion"), not into nor out of one opened by a participle ("The
    // second generation, announced at re:Invent 2023, trains four times faster").
    let side = std::cell::OnceCell::new();
    let apart = |at: usize, relative: bool| {
        // The aside's comma, if it counts here.
        let counted = |aside: Option<Aside>| aside.filter(|a| relative || !a.relative).map(|a| a.comma);
        // Without a comma between them, neither is in an aside the other is not in.
        s.text[at.min(rec.start)..at.max(rec.start)].contains(',')
            && counted(aside_at(s, at)) != counted(*side.get_or_init(|| aside_at(s, rec.start)))
    };
    let free = reachable()
        .filter(|(p, o)| o.is_none() && !s.in_zone(p.start) && !apart(p.start, false))
        .map(|(p, _)| p)
        .min_by_key(nearest);
    // Else the period the other current figures are given in. When they are given in
    // different ones ("13% in Q4 followed 12% in Q3, and the business is closing in on
    // $100 billion"), nothing says which is this figure's: it takes the heading's or note's.
    let owned = || {
        let mut attached = reachable()
            .filter(|(_, o)| {
                // Not the period of a change set beside this one as another period's ("grew
                // 13%, up from 12% in Q3").
                let beside = |k: usize| matches!(roles[k], Role::Change(..)) && super::records::set_beside(s, k);
                o.is_some_and(|k| roles[k] != Role::From && !beside(k) && !apart(s.qtys[k].start, true))
            })
            .map(|(p, _)| p);
        let first = attached.next()?;
        attached.all(|p| p.canonical == first.canonical).then_some(first)
    };
    // A span that has no canonical form ("year to date", "the first three quarters") said
    // in the figure's clause is its period: none, rather than the note's quarter or a
    // period said in another clause ("grew 5% this quarter; year to date it is up 4%").
    match free.or_else(owned) {
        Some(p) if !s.breaks.hard_between(p.start.min(rec.start), p.end.max(rec.end)) || !to_date(s, rec) => {
            Some(p.canonical.clone())
        }
        Some(_) => None,
        None if to_date(s, rec) => None,
        None => scope_period(),
    }
}

/// Whether a span up to now with no period form ("year to date") is said in the clause
/// of `rec`, or opens the sentence (or a speaker's words) as what all of it speaks of
/// ("For the nine months, April through December, revenue was …, and net income was …").
fn to_date(s: &Sentence, rec: &Rec) -> bool {
    let opens = |h: &super::period::PeriodHit| {
        // After a speaker's label ("Chief Financial Officer: For the nine months, …").
        let before = &s.text[..h.start];
        let before = before.rsplit_once(':').map_or(before, |(_, after)| after).trim();
        let lead = before.is_empty()
            || ["for", "in", "over", "during"]
                .iter()
                .any(|w| before.eq_ignore_ascii_case(w));
        lead && s.text[h.end..].trim_start().starts_with(',')
    };
    (s.undated.iter()).any(|h| {
        h.canonical == TO_DATE && (!s.breaks.hard_between(h.start.min(rec.start), h.end.max(rec.end)) || opens(h))
    })
}

/// Whether period `p` is a "trailing twelve months" said as part of the name of a metric
/// that `rec` does not measure: "170 billion in revenue up 13 percent and 35.5 billion in
/// trailing 12-month free cash flow" gives the cash flow's span of time, not the quarter's
/// revenue's.
fn names_another_metric(s: &Sentence, p: &super::period::PeriodHit, rec: &Rec) -> bool {
    if !p.canonical.starts_with("TTM") {
        return false;
    }
    let after = &s.text[p.end..];
    let at = p.end + (after.len() - after.trim_start_matches([' ', '-']).len());
    let Some(m) = s.metrics.iter().position(|m| m.start == at) else {
        return false;
    };
    let measures = |k: Option<usize>| k.is_some_and(|k| s.metric.get(k) == Some(&Some(m)));
    !(measures(rec.value) || measures(rec.change))
}

/// A clause set off by a comma, from the comma to the next one or the end: a relative
/// clause (", which analysts put at $16.5 billion,"; the cues' relative breaks) or, at the
/// sentence's first comma, one that opens with a participle (", acquired for $13.7 billion
/// in 2017,", ", built through $5.3 billion of notes,"). Later, a word in "-ed" is as
/// likely the main verb after an aside ("The International segment, long the laggard,
/// earned $1.3 billion").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Aside {
    /// The byte of its opening comma.
    comma: usize,
    /// Opened by a relative pronoun.
    relative: bool,
}

/// The aside that byte `at` of the sentence is in, if any.
fn aside_at(s: &Sentence, at: usize) -> Option<Aside> {
    const PARTICIPLES: [&str; 11] = [
        "built", "bought", "sold", "paid", "made", "spent", "held", "led", "grown", "known", "set",
    ];
    // A comma, not a thousands separator ("$1,250 million").
    let bytes = s.text.as_bytes();
    let is_comma = |i: usize| bytes[i] == b',' && !bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
    let comma = (0..at).rev().find(|&i| is_comma(i))?;
    if s.breaks.relative.contains(&comma) {
        return Some(Aside { comma, relative: true });
    }
    let opener = s.toks.get(s.toks.partition_point(|t| t.start <= comma))?;
    let word = opener.text;
    // "For the full year, adjusted free cash flow was $6.7 billion": "adjusted" names a
    // measure, and opens no aside.
    let participle = opener.is_any(&PARTICIPLES)
        || (word.len() > 4
            && !opener.is("adjusted")
            && word.is_char_boundary(word.len() - 2)
            && word[word.len() - 2..].eq_ignore_ascii_case("ed"));
    (participle && !(0..comma).any(is_comma)).then_some(Aside { comma, relative: false })
}

/// What a figure is dated back from: the heading's or note's period, and which quantity
/// owns each period phrase (`period_owners`), so that the period of an earlier value is no
/// current one.
struct Now<'a> {
    scope_period: Option<String>,
    owners: &'a [Option<usize>],
    roles: &'a [Role],
}

/// The period of an earlier value: named right after it, else the current period a
/// year back when the text says "a year earlier", else none.
fn earlier_period(s: &Sentence, rec: &Rec, now: Now) -> Option<String> {
    // "$9.9 billion ($0.94 per diluted share) in Q3 2023", "$9.9 billion, or $0.94 per
    // diluted share, a year earlier": the amount restated in other terms, right after it,
    // does not end the words that date it.
    let mut after_rec = s.qtys.iter().filter(|q| q.start >= rec.end).peekable();
    let restatement = after_rec.next_if(|q| restates(s, rec.end, q));
    let next_qty = after_rec.next().map_or(usize::MAX, |q| q.start);
    let named = s
        .periods
        .iter()
        .find(|p| p.start >= rec.end && (p.start < next_qty || (s.in_zone(rec.start) && s.in_zone(p.start))));
    // "down from $58.3 billion the year before, and … will rise in 2024": the words
    // right after the amount date it before a period said further on.
    let from = restatement.map_or(rec.end, |q| q.end);
    let back = earlier_words(&s.text[from..]).map(|(end, back)| (from + end, back));
    if let Some(p) = named
        && back.is_none_or(|(end, _)| p.start < end)
    {
        return Some(p.canonical.clone());
    }
    // "cut 2025 adjusted EPS guidance to $26.00 to $26.50 from $29.50": what a forecast
    // was before it was revised is a forecast of the same period.
    if back.is_none() && revised_forecast(s, rec) {
        return current_period(s, rec, now);
    }
    dated_back(s, rec, now, back?.1)
}

/// Whether the words before `rec`, in its sentence, revise a forecast: a verb of revising
/// ("raised", "cut") and a forecast's noun ("guidance", "outlook", "target").
fn revised_forecast(s: &Sentence, rec: &Rec) -> bool {
    const REVISED: [&str; 10] = [
        "raised", "raises", "cut", "cuts", "lowered", "lowers", "lifted", "trimmed", "revised", "narrowed",
    ];
    let before = &s.toks[..s.toks.partition_point(|t| t.start < rec.start)];
    before.iter().any(|t| t.is_any(&REVISED)) && before.iter().any(super::outlook::forecast_noun)
}

/// The period `back` places a figure in: a year or a quarter before the sentence's
/// current one (`current_period`).
fn dated_back(s: &Sentence, rec: &Rec, now: Now, back: Back) -> Option<String> {
    match back {
        Back::Year => year_back(s, rec, now),
        Back::Quarter => current_period(s, rec, now).and_then(|c| quarter_before(&c)),
    }
}

/// Whether `q` restates the amount that ends at `end` in other terms, right after it: in
/// parentheses ("$9.9 billion ($0.94 per diluted share)") or after ", or".
fn restates(s: &Sentence, end: usize, q: &super::quantity::Qty) -> bool {
    let between = s.text[end..q.start].trim_matches(|c: char| c == ',' || c.is_whitespace());
    (between == "(" && s.text[q.end..].contains(')')) || between.eq_ignore_ascii_case("or")
}

/// Whether `rec` is a growth rate set against another said before it ("transactions grew
/// 3.1%, compared with 3.4% a year earlier"): a change alone, in words that speak of an
/// earlier value, after a change in the same unit. The words after it date it ("a year
/// earlier"); they are no basis of its own.
pub(super) fn earlier_rate(s: &Sentence, rec: &Rec, roles: &[Role]) -> bool {
    let (None, Some(c)) = (rec.value, rec.change) else {
        return false;
    };
    let unit = s.qtys[c].unit;
    s.in_zone(s.qtys[c].start)
        && (0..c).any(|k| matches!(roles[k], Role::Change(..)) && s.qtys[k].unit == unit && !s.in_zone(s.qtys[k].start))
}

/// The sentence's current period before `rec` (else the heading's or note's), a year back.
fn year_back(s: &Sentence, rec: &Rec, now: Now) -> Option<String> {
    current_period(s, rec, now).and_then(|c| year_before(&c))
}

/// The sentence's current period before `rec`, else the heading's or note's. Not the
/// period of an earlier value ("down 20.8% from ¥4.80 trillion in fiscal 2025, … to 7.8%
/// from 10.0% a year earlier": a year before the note's fiscal 2026, not before 2025).
fn current_period(s: &Sentence, rec: &Rec, now: Now) -> Option<String> {
    let of_an_earlier_value = |owner: &Option<usize>| owner.is_some_and(|k| now.roles[k] == Role::From);
    let current = (s.periods.iter().zip(now.owners))
        .filter(|(p, owner)| !p.comparison && !s.in_zone(p.start) && p.end <= rec.start && !of_an_earlier_value(owner))
        .map(|(p, _)| p)
        .min_by_key(|p| distance((p.start, p.end), rec))
        .map(|p| p.canonical.clone());
    current.or(now.scope_period)
}
