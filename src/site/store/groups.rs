//! The store's groups of records: the records of each subject, the groups whose values
//! disagree (conflicts) and the series across periods. All three are read off one pass
//! over the records, which turns each record's words into numbers, so that grouping hashes
//! and compares small keys, and keeps its amount beside it, so that telling disagreeing
//! values apart does not go back to the pages.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::{ByAddress, CONFLICT_TOLERANCE, Conflict, Series, Store, period_key};
use crate::content::PageId;

/// The subject index, the conflicts and the series of `store`.
pub(super) fn index(store: &Store) -> (HashMap<String, Vec<usize>>, Vec<Conflict>, Vec<Series>) {
    let (keys, by_subject) = keys(store);
    let (conflicts, series) = rayon::join(|| conflicts(store, &keys), || series(store, &keys));
    (by_subject, conflicts, series)
}

/// A distinct text as a number: words are grouped by their number, not their text.
type WordId = u32;

/// Numbers for the words of records, one a distinct text. A word is looked up by its
/// address first: the words of figures are interned (`metrics::intern`), so nearly every
/// repeat of a word is the same address, and hashing an address costs less than hashing
/// the text. Only a new address is looked up by its text.
#[derive(Default)]
struct WordIds<'r> {
    by_address: FxHashMap<ByAddress<'r>, WordId>,
    by_text: FxHashMap<&'r str, WordId>,
}

impl<'r> WordIds<'r> {
    /// The number of `word`'s text.
    fn of(&mut self, word: &'r str) -> WordId {
        if let Some(&id) = self.by_address.get(&ByAddress(word)) {
            return id;
        }
        let next = self.by_text.len() as WordId;
        let id = *self.by_text.entry(word).or_insert(next);
        self.by_address.insert(ByAddress(word), id);
        id
    }
}

/// The kinds of period `period_key` tells apart, in the order of their names: a kind is
/// grouped by its place here, and ordered by it as by its name.
const KINDS: [&str; 4] = ["FY", "H", "Q", "TTM"];

/// A period as figures are grouped by it: "FY 2023" and "2023" are one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum PeriodId {
    /// A period `period_key` reads: its kind (a place in [`KINDS`]), year and position
    /// within the year.
    Known(u8, i32, u8),
    /// Any other, by its text.
    Other(WordId),
}

impl PeriodId {
    /// The period `period` is, its text numbered by `words` if `period_key` cannot read it.
    fn of<'r>(period: &'r str, words: &mut WordIds<'r>) -> Self {
        let kind = |name| KINDS.iter().position(|k| *k == name);
        match period_key(period).and_then(|(name, y, n)| Some((kind(name)?, y, n))) {
            Some((k, y, n)) => PeriodId::Known(k as u8, y, n),
            None => PeriodId::Other(words.of(period)),
        }
    }

    /// The text conflicts are ordered by (as they always were), for a group whose
    /// periods read `period`.
    fn sort_text(self, period: &str) -> String {
        match self {
            PeriodId::Known(k, y, n) => format!("{}{n} {y}", KINDS[usize::from(k)]),
            PeriodId::Other(_) => period.to_string(),
        }
    }
}

/// What grouping reads of a record that states a subject, metric, period and value.
#[derive(Debug, Clone, Copy)]
struct Key {
    subject: WordId,
    metric: WordId,
    period: PeriodId,
    unit: WordId,
    /// The value's amount.
    amount: f64,
}

/// The [`Key`] of each record that has one, and the subject index (the records of each
/// subject as written, in record order), read in one pass over the records.
fn keys(store: &Store) -> (Vec<Option<Key>>, HashMap<String, Vec<usize>>) {
    // Subjects are numbered apart from the other words, in the order they are first
    // seen: a subject's number is its place in `subjects`.
    let mut subject_ids = WordIds::default();
    let mut words = WordIds::default();
    // Periods are few, and interned like the other words: each address is read once.
    let mut periods: FxHashMap<ByAddress, PeriodId> = FxHashMap::default();
    let mut subjects: Vec<(&str, Vec<usize>)> = Vec::new();
    let keys = store
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let f = r.figure();
            let text = f.subject?;
            let subject = subject_ids.of(text);
            match subjects.get_mut(subject as usize) {
                Some((_, ids)) => ids.push(i),
                None => subjects.push((text, vec![i])),
            }
            let (metric, period, value) = (f.metric?, f.period?, f.value.as_ref()?);
            let period = *periods
                .entry(ByAddress(period))
                .or_insert_with(|| PeriodId::of(period, &mut words));
            Some(Key {
                subject,
                metric: words.of(metric),
                period,
                unit: words.of(value.unit),
                amount: value.amount,
            })
        })
        .collect();
    let by_subject = subjects.into_iter().map(|(s, ids)| (s.to_string(), ids)).collect();
    (keys, by_subject)
}

/// How disagreeing groups are ordered: subject, metric, period text, unit.
type ConflictKey<'r> = (&'r str, &'r str, String, &'r str);

/// Records of one subject, metric, period and unit, with their amounts.
type Groups = FxHashMap<(WordId, WordId, PeriodId, WordId), Vec<(usize, f64)>>;

fn conflicts(store: &Store, keys: &[Option<Key>]) -> Vec<Conflict> {
    // As many groups as records at most; most are one record.
    let mut groups = Groups::with_capacity_and_hasher(keys.len(), Default::default());
    for (i, key) in keys.iter().enumerate() {
        if let Some(k) = key {
            groups
                .entry((k.subject, k.metric, k.period, k.unit))
                .or_default()
                .push((i, k.amount));
        }
    }
    let mut disagree: Vec<(ConflictKey, Vec<usize>)> = groups
        .into_iter()
        .filter(|(_, values)| {
            values.len() >= 2 && spread(values) > CONFLICT_TOLERANCE && sentences_disagree(store, values)
        })
        .map(|((_, _, period, _), values)| {
            let ids: Vec<usize> = values.into_iter().map(|(i, _)| i).collect();
            (conflict_key(store, period, ids[0]), ids)
        })
        .collect();
    disagree.sort_by(|a, b| a.0.cmp(&b.0));
    disagree
        .into_iter()
        .map(|((subject, metric, _, unit), ids)| Conflict {
            subject: subject.to_string(),
            metric: metric.to_string(),
            period: store.record(ids[0]).period.unwrap_or_default().to_string(),
            unit: unit.to_string(),
            records: ids,
        })
        .collect()
}

/// How far apart the amounts of a group are: relative to the smallest, or absolute when
/// the smallest is 0.
fn spread(values: &[(usize, f64)]) -> f64 {
    let (min, max) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &(_, x)| (lo.min(x), hi.max(x)));
    if min.abs() > 0.0 {
        (max - min).abs() / min.abs()
    } else {
        (max - min).abs()
    }
}

/// Where the group of record `first`, whose period is `period`, goes among conflicts: its
/// words are the texts every record of the group has.
fn conflict_key(store: &Store, period: PeriodId, first: usize) -> ConflictKey<'_> {
    let f = store.record(first).figure();
    (
        f.subject.unwrap_or_default(),
        f.metric.unwrap_or_default(),
        period.sort_text(f.period.unwrap_or_default()),
        f.value.as_ref().map_or("", |v| v.unit),
    )
}

/// True when two of the sentences stating these records (with their amounts) share no
/// value: one sentence that gives a whole and its parts ("7 billion items, of which 4
/// billion in the US") does not disagree with itself, nor with a sentence that repeats one
/// of its values.
fn sentences_disagree(store: &Store, values: &[(usize, f64)]) -> bool {
    // Each sentence's page, text and first amount in `amounts`, where its amounts follow
    // one another: one list for the group, not one a sentence.
    let mut sentences: Vec<(PageId, &str, usize)> = Vec::new();
    let mut amounts: Vec<f64> = Vec::with_capacity(values.len());
    for &(i, amount) in values {
        let r = store.record(i);
        // Figures given in front matter have no sentence: each stands alone.
        // A sentence's records are next to each other (record order is page order, then
        // text order), and its figures share one copy of it.
        let sentence = r.figure().sentence();
        let same = sentences
            .last()
            .is_some_and(|(o, s, _)| *o == r.owner && std::ptr::eq(*s, sentence) && !s.is_empty());
        if !same {
            sentences.push((r.owner, sentence, amounts.len()));
        }
        amounts.push(amount);
    }
    let of = |k: usize| {
        let end = sentences.get(k + 1).map_or(amounts.len(), |(_, _, start)| *start);
        &amounts[sentences[k].2..end]
    };
    let close = |a: f64, b: f64| (a - b).abs() <= a.abs().min(b.abs()) * CONFLICT_TOLERANCE;
    (0..sentences.len()).any(|k| {
        let a = of(k);
        (k + 1..sentences.len()).any(|l| !a.iter().any(|x| of(l).iter().any(|y| close(*x, *y))))
    })
}

/// A point of a series: where its record sits (year, position within the year), the
/// record and its amount.
type Point = ((i32, u8), usize, f64);

fn series(store: &Store, keys: &[Option<Key>]) -> Vec<Series> {
    // (subject, metric, unit, kind) → points, in record order
    let mut groups: FxHashMap<(WordId, WordId, WordId, u8), Vec<Point>> =
        FxHashMap::with_capacity_and_hasher(keys.len(), Default::default());
    for (i, key) in keys.iter().enumerate() {
        if let Some(Key {
            subject,
            metric,
            period: PeriodId::Known(kind, year, n),
            unit,
            amount,
        }) = *key
        {
            groups
                .entry((subject, metric, unit, kind))
                .or_default()
                .push(((year, n), i, amount));
        }
    }
    // How series are ordered: subject, metric, unit, kind.
    type Order<'r> = (&'r str, &'r str, &'r str, &'static str);
    let mut series: Vec<(Order, Series)> = groups
        .into_iter()
        .filter_map(|((_, _, _, kind), mut points)| {
            // One record is no series (and most groups are one).
            if points.len() < 2 {
                return None;
            }
            // Stable: within a period, records keep their order (ties go to the first).
            points.sort_by_key(|(at, _, _)| *at);
            let chosen: Vec<usize> = points.chunk_by(|a, b| a.0 == b.0).map(most_stated).collect();
            (chosen.len() >= 2).then(|| {
                let f = store.record(chosen[0]).figure();
                let (subject, metric, unit) = (
                    f.subject.unwrap_or_default(),
                    f.metric.unwrap_or_default(),
                    f.value.as_ref().map_or("", |v| v.unit),
                );
                let series = Series {
                    subject: subject.to_string(),
                    metric: metric.to_string(),
                    unit: unit.to_string(),
                    points: chosen,
                };
                ((subject, metric, unit, KINDS[usize::from(kind)]), series)
            })
        })
        .collect();
    series.sort_by(|a, b| a.0.cmp(&b.0));
    series.into_iter().map(|(_, s)| s).collect()
}

/// Of the points of one period, the record whose value is stated most often (first on a
/// tie): the one with the most values within the tolerance of it, counted on the sorted
/// amounts.
fn most_stated(points: &[Point]) -> usize {
    if let [(_, only, _)] = points {
        return *only;
    }
    let mut sorted: Vec<f64> = points.iter().map(|&(_, _, x)| x).collect();
    sorted.sort_by(f64::total_cmp);
    let count = |a: f64| {
        let t = a.abs() * CONFLICT_TOLERANCE;
        let below = sorted.partition_point(|&x| x < a && a - x > t);
        let within = sorted.partition_point(|&x| x <= a || x - a <= t);
        within - below
    };
    let (_, first, amount) = points[0];
    let mut best = (first, count(amount));
    for &(_, i, amount) in &points[1..] {
        let n = count(amount);
        if n > best.1 {
            best = (i, n);
        }
    }
    best.0
}
