//! From quantities to claims: decides whether each quantity is a level or a change
//! (and which way it goes), gives a unit to scaled numbers written without one
//! ("170 billion in revenue"), and joins a level with the change said of it in the same
//! clause into one record ("grew 13% year-over-year to $24.2 billion").

use super::Sentence;
use super::cues::{CONNECTORS, Dir, dir_after, dir_before};
use super::lexicon::MetricKind;
use super::quantity::Unit;

/// What a quantity says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A level.
    Level,
    /// A level reached, after "to" ("grew 13% to $24.2 billion").
    To,
    /// A level left, after "from", or compared with ("versus $46.8 billion"): an earlier value.
    From,
    /// A change, and where its direction word is (a token index), if before it.
    Change(Dir, Option<usize>),
}

/// One claim: indexes into the sentence's quantities, and its byte range.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rec {
    pub value: Option<usize>,
    pub change: Option<usize>,
    pub start: usize,
    pub end: usize,
}

impl Rec {
    /// The quantity a record is known by: its value, else its change.
    pub fn primary(&self) -> usize {
        self.value.or(self.change).unwrap_or_default()
    }
}

/// Gives every pending quantity a unit from what it counts, from its metric, or from
/// a scaled neighbour; drops the ones that stay without one. `metric` holds the metric
/// found for each quantity and is filtered alongside.
pub(super) fn resolve_units(s: &mut Sentence, currency: &'static str) {
    let n = s.qtys.len();
    for i in 0..n {
        if s.qtys[i].unit != Unit::Pending || !s.qtys[i].scaled {
            continue;
        }
        let q = &s.qtys[i];
        let noun_is_metric = q
            .noun
            .is_some_and(|k| s.metrics.iter().any(|h| h.start == s.toks[k].start));
        let by_metric = s.metric[i].map(|h| s.metrics[h].kind);
        let unit = match (q.noun, by_metric) {
            (Some(_), _) if !noun_is_metric => Some(Unit::Count),
            (_, Some(MetricKind::Money)) => Some(Unit::Currency(currency)),
            (_, Some(MetricKind::Count)) => Some(Unit::Count),
            _ if q.glued => None,
            _ => neighbour_unit(s, i),
        };
        s.qtys[i].unit = unit.unwrap_or(Unit::Pending);
    }
    let keep: Vec<bool> = s.qtys.iter().map(|q| q.unit != Unit::Pending).collect();
    let mut k = keep.iter();
    s.metric.retain(|_| *k.next().unwrap_or(&false));
    let mut k = keep.iter();
    s.qtys.retain(|_| *k.next().unwrap_or(&false));
}

/// The unit of the nearest scaled quantity with a currency or count unit.
fn neighbour_unit(s: &Sentence, i: usize) -> Option<Unit> {
    let usable = |j: &usize| {
        let q = &s.qtys[*j];
        q.scaled && matches!(q.unit, Unit::Currency(_) | Unit::Count)
    };
    let before = (0..i).rev().find(usable);
    let after = (i + 1..s.qtys.len()).find(usable);
    before.or(after).map(|j| s.qtys[j].unit)
}

/// The role of every quantity.
pub(super) fn roles(s: &Sentence) -> Vec<Role> {
    let mut out: Vec<Role> = Vec::with_capacity(s.qtys.len());
    for i in 0..s.qtys.len() {
        let role = role_of(s, i, out.last().copied());
        out.push(role);
    }
    out
}

fn role_of(s: &Sentence, i: usize, previous: Option<Role>) -> Role {
    let q = &s.qtys[i];
    let toks = &s.toks;
    if q.unit == Unit::Times {
        return Role::Level;
    }
    let prev = q.first.checked_sub(1).map(|k| &toks[k]);
    if prev.is_some_and(|t| t.is("to")) {
        return Role::To;
    }
    if prev.is_some_and(|t| t.is("from")) {
        return Role::From;
    }
    if let Some((dir, at)) = direction_before(s, q.first) {
        return Role::Change(dir, Some(at));
    }
    let mut k = q.next;
    while k < toks.len() && s.in_basis(toks[k].start) {
        k += 1;
    }
    let basis_follows = k > q.next;
    if let Some(dir) = toks.get(k).filter(|t| t.is_word()).and_then(|t| dir_after(t.text)) {
        return Role::Change(dir, None);
    }
    if q.plus {
        return Role::Change(Dir::Up, None);
    }
    if q.negative && basis_follows {
        return Role::Change(Dir::Down, None);
    }
    let compared = prev.is_some_and(|t| t.is_any(&["versus", "vs", "vs.", "against"]))
        || (q.first >= 2 && toks[q.first - 2].is("compared") && toks[q.first - 1].is_any(&["to", "with"]));
    match previous {
        Some(Role::Change(dir, _)) if compared && s.qtys[i - 1].unit == q.unit => Role::Change(dir, None),
        _ if compared => Role::From,
        _ => Role::Level,
    }
}

/// A direction word before token `first`, across connectors and basis phrases.
fn direction_before(s: &Sentence, first: usize) -> Option<(Dir, usize)> {
    let mut skipped = 0;
    let mut k = first;
    while k > 0 && skipped <= 3 {
        k -= 1;
        let t = &s.toks[k];
        if s.in_basis(t.start) {
            continue;
        }
        if let Some(dir) = dir_before(t.text) {
            return Some((dir, k));
        }
        if !t.is_any(CONNECTORS) {
            return None;
        }
        skipped += 1;
    }
    None
}

/// Groups quantities into records: a change followed by "to" and a level, or a level
/// followed in its clause by a change, make one record; every other quantity is one.
pub(super) fn group(s: &Sentence, roles: &[Role]) -> Vec<Rec> {
    let n = s.qtys.len();
    let is_change = |k: usize| matches!(roles.get(k), Some(Role::Change(..)));
    let change_to = |k: usize| is_change(k) && roles.get(k + 1) == Some(&Role::To) && forward_ok(s, k);
    let mut out = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        let (value, change, step) = if change_to(i) {
            (Some(i + 1), Some(i), 2)
        } else if is_change(i) {
            (None, Some(i), 1)
        } else if roles[i] != Role::From && is_change(i + 1) && !change_to(i + 1) && backward_ok(s, i) {
            (Some(i), Some(i + 1), 2)
        } else {
            (Some(i), None, 1)
        };
        out.push(span(s, roles, value, change));
        i += step;
    }
    out
}

/// The byte range of a record: its quantities, the direction word of a change that
/// comes first, and the basis right after the change.
fn span(s: &Sentence, roles: &[Role], value: Option<usize>, change: Option<usize>) -> Rec {
    let mut start = usize::MAX;
    let mut end = 0;
    for k in [value, change].into_iter().flatten() {
        start = start.min(s.qtys[k].start);
        end = end.max(s.qtys[k].end);
    }
    if let Some(c) = change {
        if let Role::Change(_, Some(at)) = roles[c] {
            start = start.min(s.toks[at].start);
        }
        if let Some(b) = s.basis_after(c) {
            end = end.max(b.end);
        }
    }
    Rec {
        value,
        change,
        start,
        end,
    }
}

/// "grew 13% year-over-year to $24.2 billion": only a basis, a period or a comma
/// between the change and the "to" of its level.
fn forward_ok(s: &Sentence, c: usize) -> bool {
    let (a, b) = (&s.qtys[c], &s.qtys[c + 1]);
    let gap = &s.toks[a.next..b.first.saturating_sub(1).max(a.next)];
    gap.len() <= 8
        && !s.breaks.hard_between(a.end, b.start)
        && gap
            .iter()
            .all(|t| s.in_basis(t.start) || s.in_period(t.start) || t.is_any(&[",", "in", "for", "the"]))
}

/// "$149.2 billion, up 12% year-over-year": a level and the change after it, in one
/// clause, with nothing between that starts a claim of its own.
fn backward_ok(s: &Sentence, l: usize) -> bool {
    let (a, b) = (&s.qtys[l], &s.qtys[l + 1]);
    let gap = &s.toks[a.next..b.first];
    let near_after = s.toks.get(a.next + 4).map_or(usize::MAX, |t| t.start);
    gap.len() <= 12
        && !s.breaks.hard_between(a.end, b.start)
        && !s
            .mentions
            .iter()
            .any(|m| m.range.start >= a.end && m.range.start < b.start)
        && !s.metrics.iter().any(|h| h.start >= near_after && h.start < b.start)
        && !gap.iter().any(|t| t.is_any(&["from", "to", "than", "versus", "vs"]))
}
