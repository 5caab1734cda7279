//! Attribution of a figure: which metric it measures (the metric phrase right after it,
//! else the nearest before it in its clause), whose figure it is (the nearest topic
//! mention before it, else the default subject), and for when (a period attached to
//! it, else the nearest in the sentence, else the heading's, else the note's).

use super::lexicon::{MetricKind, count_metric};
use super::quantity::{Qty, Unit};
use super::records::{Rec, Role};
use super::{Scope, Sentence};

/// Words that may stand between an amount and the metric phrase after it ("$24.2
/// billion in revenue", "$35.5 billion in trailing 12-month free cash flow").
const NOT_ADJECTIVES: &[&str] = &[
    "and", "or", "but", "to", "from", "than", "versus", "vs", "which", "that", "was", "were", "is", "are", "will",
    "in", "of", "for", "the", "with", "at", "on", "by", "as",
];

/// The metric hit a quantity measures, by position alone (index into `s.metrics`).
pub(super) fn metric_of(s: &Sentence, q: &Qty) -> Option<usize> {
    let found = metric_after(s, q).or_else(|| metric_before(s, q.start))?;
    fits(s.metrics[found].kind, q.unit).then_some(found)
}

fn metric_after(s: &Sentence, q: &Qty) -> Option<usize> {
    let h = s.metrics.iter().position(|h| h.start >= q.end)?;
    let hit = &s.metrics[h];
    let k_end = s.toks.partition_point(|t| t.start < hit.start);
    let gap = s.toks.get(q.next..k_end)?;
    let words = gap.iter().filter(|t| !s.in_basis(t.start)).count();
    let ok = words <= 4
        && !hit.ratio_base
        && gap.iter().enumerate().all(|(n, t)| {
            s.in_basis(t.start)
                || (n == 0 && t.is_any(&["in", "of", "for"]))
                || (t.is_word() && !t.is_any(NOT_ADJECTIVES) && super::cues::dir_before(t.text).is_none())
                || t.is("-")
                || t.kind == super::tokens::Kind::Num
        });
    ok.then_some(h)
}

/// The nearest metric phrase ending before `pos` in the same clause.
fn metric_before(s: &Sentence, pos: usize) -> Option<usize> {
    let h = s.metrics.iter().rposition(|h| h.end <= pos && !h.ratio_base)?;
    (!s.breaks.any_between(s.metrics[h].end, pos)).then_some(h)
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
pub(super) fn record_metric<'n>(s: &'n Sentence, rec: &Rec) -> (Option<&'n str>, bool) {
    let q = &s.qtys[rec.primary()];
    if q.unit == Unit::Count
        && let Some(label) = q.noun.and_then(|k| count_metric(s.toks[k].text, s.text))
    {
        return (Some(label), false);
    }
    let hit = [rec.value, rec.change].into_iter().flatten().find_map(|k| s.metric[k]);
    match hit.map(|h| &s.metrics[h]) {
        Some(h) => (Some(h.label), h.negates && rec.value.is_some()),
        None => (None, false),
    }
}

/// A topic mention usable as a subject: byte range and subject (None: the default).
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate<'a> {
    pub start: usize,
    pub end: usize,
    pub subject: Option<&'a str>,
}

/// The subject candidates of a sentence: topic mentions that are not themselves the
/// metric ("capital expenditures" when that is a topic), and the default subject's name.
pub(super) fn candidates<'a>(s: &Sentence<'_, '_, 'a>, default: Option<&str>) -> Vec<Candidate<'a>> {
    let mut out: Vec<Candidate<'a>> = s
        .mentions
        .iter()
        .filter(|m| !is_the_metric(s, m.range.start, m.range.end, &m.subject))
        .map(|m| Candidate {
            start: m.range.start,
            end: m.range.end,
            subject: Some(m.subject.as_str()),
        })
        .collect();
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
                });
            }
        }
    }
    out.sort_by_key(|c| c.start);
    out
}

fn is_the_metric(s: &Sentence, start: usize, end: usize, subject: &str) -> bool {
    s.metrics
        .iter()
        .any(|h| h.start < end && start < h.end && !qualifies(h.label, subject))
}

/// True when `label` is `subject` followed by a metric ("advertising revenue" of the
/// Advertising topic): the topic is the subject and the rest is the metric.
pub(super) fn qualifies(label: &str, subject: &str) -> bool {
    label.len() > subject.len() + 1
        && label.is_char_boundary(subject.len())
        && label[..subject.len()].eq_ignore_ascii_case(subject)
        && label.as_bytes()[subject.len()] == b' '
}

/// The subject of a record: nearest candidate before it, else a mention right after it
/// ("$1.1 billion of revenue in AWS"), else the default subject.
pub(super) fn subject_of(s: &Sentence, cands: &[Candidate], rec: &Rec, default: Option<&str>) -> Option<String> {
    let before = cands.iter().rev().find(|c| c.end <= rec.start);
    let pick = before.or_else(|| {
        let limit = s.toks.get(rec_next(s, rec) + 8).map_or(usize::MAX, |t| t.start);
        let next_qty = s
            .qtys
            .iter()
            .find(|q| q.start >= rec.end)
            .map_or(usize::MAX, |q| q.start);
        cands.iter().find(|c| {
            c.start >= rec.end && c.start < limit.min(next_qty) && !s.breaks.any_between(rec.end, c.start) && {
                let k = s.toks.partition_point(|t| t.start < c.start);
                k > 0 && s.toks[k - 1].is_any(&["in", "for", "at", "from", "of", "by"])
            }
        })
    });
    match pick.and_then(|c| c.subject) {
        Some(subject) => Some(subject.to_string()),
        None => default.map(str::to_string),
    }
}

fn rec_next(s: &Sentence, rec: &Rec) -> usize {
    [rec.value, rec.change]
        .into_iter()
        .flatten()
        .map(|k| s.qtys[k].next)
        .max()
        .unwrap_or_default()
}

/// For each period phrase, the quantity it is attached to ("$46.9 billion in 2023").
pub(super) fn period_owners(s: &Sentence) -> Vec<Option<usize>> {
    s.periods
        .iter()
        .map(|p| {
            let q = s.qtys.iter().rposition(|q| q.end <= p.start)?;
            let k_end = s.toks.partition_point(|t| t.start < p.start);
            let gap = s.toks.get(s.qtys[q].next..k_end)?;
            let words = gap.iter().filter(|t| !s.in_basis(t.start)).count();
            let ok = words <= 3
                && gap.iter().all(|t| {
                    s.in_basis(t.start) || t.is_any(&["in", "for", "during", "of", "the", "fiscal", "year", "quarter"])
                });
            ok.then_some(q)
        })
        .collect()
}

/// The period of a record: attached to it, else the nearest one in the sentence not
/// attached to another figure, else the heading's, else the note's.
pub(super) fn period_of(
    s: &Sentence,
    owners: &[Option<usize>],
    rec: &Rec,
    roles: &[Role],
    scope: &Scope,
) -> Option<String> {
    let mine = |o: &Option<usize>| o.is_some() && (*o == rec.value || *o == rec.change);
    if let Some(p) = s.periods.iter().zip(owners).find(|(p, o)| !p.comparison && mine(o)) {
        return Some(p.0.canonical.clone());
    }
    if rec.value.is_some_and(|v| roles[v] == Role::From) {
        return None;
    }
    let best = s
        .periods
        .iter()
        .zip(owners)
        .filter(|(p, o)| !p.comparison && o.is_none())
        .min_by_key(|(p, _)| {
            if p.start >= rec.end {
                p.start - rec.end
            } else {
                rec.start.saturating_sub(p.end)
            }
        });
    match best {
        Some((p, _)) => Some(p.canonical.clone()),
        None => scope.heading_period.clone().or_else(|| scope.page_period.clone()),
    }
}
