//! From quantities to claims: decides whether each quantity is a level or a change
//! (and which way it goes), gives a unit to scaled numbers written without one
//! ("170 billion in revenue"), and joins a level with the change said of it in the same
//! clause into one record ("grew 13% year-over-year to $24.2 billion").

use std::ops::Range;

use super::Sentence;
use super::attribute::NOT_ADJECTIVES;
use super::cues::{Dir, dir_after, dir_before, dir_of_verb};
use super::lexicon::{MetricHit, MetricKind};
use super::quantity::{Qty, Unit};
use super::tokens::{Kind, Token, lower_ascii};

/// Whether token `t` is, in ASCII lower case, a word of the byte-string pattern `words`
/// (none longer than `len` bytes): one `match` where a search of a list compared each
/// word in any case.
macro_rules! lower_in {
    ($t:expr, $len:literal, $words:pat) => {{
        let mut lower = [0u8; $len];
        matches!(lower_ascii($t.text, &mut lower), Some($words))
    }};
}

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
    /// The record of quantity `k` of `s` alone, as a level: what a figure is read as when
    /// it is weighed as another's (an earlier value's, a level it is compared with).
    pub fn level(s: &Sentence, k: usize) -> Rec {
        Rec {
            value: Some(k),
            change: None,
            start: s.qtys[k].start,
            end: s.qtys[k].end,
        }
    }

    /// The quantity a record is known by: its value, else its change.
    pub fn primary(&self) -> usize {
        self.value.or(self.change).unwrap_or_default()
    }
}

/// Gives every pending quantity a unit from what it counts, from its metric, or from
/// a neighbour; drops the ones that stay without one. `metric` holds the metric
/// found for each quantity and is filtered alongside. Currency `""` is the site's.
pub(super) fn resolve_units(s: &mut Sentence) {
    for i in 0..s.qtys.len() {
        if s.qtys[i].unit == Unit::Pending {
            s.qtys[i].unit = unit_of(s, i).unwrap_or(Unit::Pending);
        }
    }
    let keep: Vec<bool> = s.qtys.iter().map(|q| q.unit != Unit::Pending).collect();
    let mut k = keep.iter();
    s.metric.retain(|_| *k.next().unwrap_or(&false));
    let mut k = keep.iter();
    s.qtys.retain(|_| *k.next().unwrap_or(&false));
}

fn unit_of(s: &Sentence, i: usize) -> Option<Unit> {
    let q = &s.qtys[i];
    let noun_is_metric = q
        .noun
        .is_some_and(|k| s.metrics.iter().any(|h| h.start == s.toks[k].start));
    if q.noun.is_some() && !noun_is_metric {
        return Some(Unit::Count);
    }
    // "paid rides per week: more than 150,000": a label's noun before a colon (ten or
    // more, as any bare count, and unsigned: "Investor Relations: +1 (425) …" is a phone).
    if q.amount >= 10.0 && !q.plus && !q.negative && super::counts::labelled_noun(&s.toks, q).is_some() {
        return Some(Unit::Count);
    }
    // "4K", "Form 10K": a glued thousand names a resolution or a form unless it counts something.
    let glued_k = s.toks[q.first..q.next]
        .iter()
        .any(|t| t.suffix.eq_ignore_ascii_case("k"));
    if !q.scaled || (glued_k && q.noun.is_none()) {
        // "fell to 1,525,000 employees from 1,541,000", "headcount dropped by 27,000": a
        // large plain number next to a count or measuring a counted metric.
        let big = q.amount >= 1_000.0 && s.toks[q.first..q.next].iter().any(|t| t.text.contains(','));
        // "F-Series sales were 765,649": sales in whole units, with no currency, are
        // units sold.
        let counted = s.metric[i]
            .is_some_and(|h| s.metrics[h].kind == MetricKind::Count || super::attribute::unit_sales(s, &s.metrics[h]));
        let unit = if counted {
            Some(Unit::Count)
        } else {
            neighbour_unit(s, i)
        };
        let led = (counted && (led_to_by_its_metric(s, i) || compared_with_the_one_before(s, i)))
            || from_the_count_before(s, i);
        return unit.filter(|u| (big || led) && *u == Unit::Count);
    }
    if q.amount < 1e9 && q.noun.is_none() && counts_units(s, i) {
        return Some(Unit::Count);
    }
    let money_word = q.first >= 2
        && s.toks[q.first - 1].is("of")
        && s.toks[q.first - 2].is_any(&["loss", "outflow", "deficit", "headwind", "tailwind", "benefit"]);
    match s.metric[i].map(|h| s.metrics[h].kind) {
        _ if money_word => Some(Unit::Currency("")),
        Some(MetricKind::Money) => Some(Unit::Currency("")),
        Some(MetricKind::Count) => Some(Unit::Count),
        _ if q.glued => None,
        _ => neighbour_unit(s, i).or_else(|| led_to_by_growth(s, i).then_some(Unit::Currency(""))),
    }
}

/// "Days claims payable stood at 47.8", "days claims payable were 45.1": a plain number
/// that the name of its metric, a count, leads to by a verb of being alone is that count.
fn led_to_by_its_metric(s: &Sentence, i: usize) -> bool {
    const LINKS: [&str; 10] = [
        "was", "were", "is", "are", "stood", "at", ":", "reached", "totaled", "totalled",
    ];
    let (q, toks) = (&s.qtys[i], &s.toks);
    let Some(h) = s.metric[i].map(|h| &s.metrics[h]) else {
        return false;
    };
    let from = toks.partition_point(|t| t.start < h.end);
    from < q.first && q.first - from <= 2 && toks[from..q.first].iter().all(|t| t.is_any(&LINKS))
}

/// "… stood at 47.8, down from 48.4 a year earlier": a plain number that the count before
/// it, of the same metric, is compared with.
fn compared_with_the_one_before(s: &Sentence, i: usize) -> bool {
    let (q, toks) = (&s.qtys[i], &s.toks);
    i > 0
        && s.qtys[i - 1].unit == Unit::Count
        && s.metric[i - 1] == s.metric[i]
        && q.first > 0
        && toks[q.first - 1].is_any(&["from", "against", "versus", "vs"])
        && toks[s.qtys[i - 1].next..q.first].len() <= 4
}

/// "348 airplanes, down 34% from 528 in 2023": a whole number said "from" a dozen words
/// after a count of a noun (a change in percent between them) is the earlier count of it.
fn from_the_count_before(s: &Sentence, i: usize) -> bool {
    let (q, toks) = (&s.qtys[i], &s.toks);
    // Not the low end of a range said after it ("to 50 to 54 Mt from 54 to 58 Mt").
    let range = q.upper.is_some() || toks.get(q.next).is_some_and(|t| t.is_any(&["to", "-", "–"]));
    if q.first == 0 || !toks[q.first - 1].is("from") || q.amount.fract() != 0.0 || range {
        return false;
    }
    let Some(mut j) = i.checked_sub(1) else { return false };
    if s.qtys[j].unit == Unit::Percent && j > 0 {
        j -= 1;
    }
    let count = &s.qtys[j];
    count.unit == Unit::Count && count.noun.is_some() && q.first - count.next <= 12
}

/// Whether a scaled number with no unit counts units (thousands or millions, not the
/// billions money is said in): a part of a count ("10.40 million units, of which
/// electrified 5.11 million"), what was sold ("you sold four point seven four million"),
/// or sales the words qualify ("retail sales were eight hundred fifteen thousand").
fn counts_units(s: &Sentence, i: usize) -> bool {
    const SOLD: [&str; 6] = ["sold", "delivered", "shipped", "wholesaled", "produced", "built"];
    let (q, toks) = (&s.qtys[i], &s.toks);
    let part = i
        .checked_sub(1)
        .is_some_and(|j| s.qtys[j].unit == Unit::Count && part_of(s, &s.qtys[j], q));
    let sold = q.first > 0 && toks[q.first - 1].is_any(&SOLD);
    // "daihatsu retail sales were eight hundred fifteen thousand … and hino about one
    // hundred ten thousand": the next of a list of the same measure counts as the first.
    let listed = i
        .checked_sub(1)
        .is_some_and(|j| s.qtys[j].unit == Unit::Count && s.metric[j].is_some() && s.metric[j] == s.metric[i]);
    part || sold || listed || super::attribute::sales_named(s, q, None).is_some()
}

/// Whether `q` is said as a part of `whole`, the amount before it: "10.40 million units,
/// of which electrified 5.11 million", "…, including 2.1 million hybrids".
pub(super) fn part_of(s: &Sentence, whole: &Qty, q: &Qty) -> bool {
    (s.toks[whole.next.min(q.first)..q.first].iter()).any(|t| t.is_any(&["which", "including", "includes"]))
}

/// "on AWS we grew nineteen percent year over year to twenty seven point five billion":
/// the billions a business says it grew to, with no unit and no metric, are its sales
/// (a call names revenue so). Not when something else grew ("daily active people grew 5%
/// to 3.2 billion"), and not millions, which count members and users as often.
fn led_to_by_growth(s: &Sentence, i: usize) -> bool {
    let (q, toks) = (&s.qtys[i], &s.toks);
    let Some(rate) = i.checked_sub(1).map(|j| &s.qtys[j]) else {
        return false;
    };
    q.amount >= 1e9
        && q.noun.is_none()
        && q.first > 0
        && toks[q.first - 1].is("to")
        && rate.unit == Unit::Percent
        && rate.first > 1
        && dir_before(toks[rate.first - 1].text).is_some()
        && toks[rate.first - 2].is("we")
        && !s.breaks.any_between(rate.end, q.start)
}

/// The unit of the nearest scaled quantity with a currency or count unit.
fn neighbour_unit(s: &Sentence, i: usize) -> Option<Unit> {
    let usable = |j: &usize| {
        let q = &s.qtys[*j];
        (q.scaled || q.noun.is_some()) && matches!(q.unit, Unit::Currency(_) | Unit::Count)
    };
    let before = (0..i).rev().find(usable);
    let after = (i + 1..s.qtys.len()).find(usable);
    before.or(after).map(|j| s.qtys[j].unit)
}

/// The role of every quantity.
pub(super) fn roles(s: &Sentence) -> Vec<Role> {
    let mut out: Vec<Role> = Vec::with_capacity(s.qtys.len());
    for i in 0..s.qtys.len() {
        let role = role_of(s, i, &out);
        out.push(role);
    }
    out
}

/// "Asia Pacific 11% to $0.74 billion" (its verb said once, for the clause before it),
/// "grew fastest, 12% to $1.83 billion": a percentage that leads "to" an amount in
/// another unit is the change that took the amount there, in the direction of its own
/// clause's verb, else of the change said last before it, else up. ("7% to 8%" is one
/// range, no two figures.)
fn change_to_an_amount(s: &Sentence, i: usize, done: &[Role]) -> Option<Dir> {
    let (q, toks) = (&s.qtys[i], &s.toks);
    let next = s.qtys.get(i + 1)?;
    let to = toks.get(q.next).filter(|t| t.is("to"))?;
    let between = toks.get(q.next + 1..next.first)?;
    let leads = q.unit == Unit::Percent
        && !matches!(next.unit, Unit::Percent | Unit::Bps)
        && between
            .iter()
            .all(|t| t.is_any(&["reach", "about", "roughly", "nearly", "approximately", "around"]))
        && !s.breaks.any_between(q.end, to.end);
    if !leads {
        return None;
    }
    // Its own verb, back to the quantity before it ("grew fastest, 12%"), else the one
    // of the change before it ("fell 10% to …, and Asia Pacific 11% to …").
    let from = i.checked_sub(1).map_or(0, |p| s.qtys[p].next);
    let own = (toks[from.min(q.first)..q.first].iter().rev()).find_map(|t| dir_before(t.text));
    let said = || {
        done.iter().rev().find_map(|r| match r {
            Role::Change(dir, _) => Some(*dir),
            _ => None,
        })
    };
    Some(if q.negative {
        Dir::Down
    } else {
        own.or_else(said).unwrap_or(Dir::Up)
    })
}

/// "Foreign exchange effect on operating income: −¥745 billion", "a hit of about ¥180
/// billion to operating income", "a negative impact on revenue of $1.2 billion": what
/// moved a metric by an amount is a change of it, not its level; down where the amount
/// is negative or the words say a loss of it.
fn effect_on(s: &Sentence, i: usize) -> Option<Dir> {
    const EFFECT: [&str; 10] = [
        "effect",
        "effects",
        "impact",
        "impacts",
        "hit",
        "headwind",
        "tailwind",
        "drag",
        "benefit",
        "contribution",
    ];
    const DOWN: [&str; 5] = ["hit", "headwind", "drag", "negative", "adverse"];
    let (q, toks) = (&s.qtys[i], &s.toks);
    let h = &s.metrics[s.metric[i]?];
    let at = |start: usize| toks.partition_point(|t| t.start < start);
    let word = |k: Option<usize>| k.and_then(|k| toks.get(k));
    let m = at(h.start);
    let effect = if h.end <= q.start {
        // "effect on operating income: −¥745 billion".
        let on = word(m.checked_sub(1)).is_some_and(|t| t.is_any(&["on", "to"]));
        let gap = &toks[at(h.end)..q.first];
        (on && gap.len() <= 3).then(|| m.checked_sub(2)).flatten()
    } else {
        // "a hit of about ¥180 billion to operating income".
        let on = word(m.checked_sub(1)).is_some_and(|t| t.is_any(&["on", "to"])) && m == q.next + 1;
        let of = word(q.first.checked_sub(1)).is_some_and(|t| t.is("of"));
        (on && of).then(|| q.first.checked_sub(2)).flatten()
    }?;
    let said = word(Some(effect))?;
    if !said.is_any(&EFFECT) {
        return None;
    }
    let down = q.negative || said.is_any(&DOWN) || word(effect.checked_sub(1)).is_some_and(|t| t.is_any(&DOWN));
    Some(if down { Dir::Down } else { Dir::Up })
}

/// "About 4,800 employees left under a voluntary separation programme", "12,000 jobs
/// were cut": people a workforce lost are a fall of its headcount, not its level.
fn workforce_left(s: &Sentence, q: &Qty) -> bool {
    const STAFF: [&str; 6] = ["employees", "workers", "staff", "jobs", "roles", "positions"];
    const AUX: [&str; 6] = ["have", "had", "will", "were", "be", "been"];
    const LEFT: [&str; 8] = [
        "left",
        "leave",
        "departed",
        "exited",
        "laid",
        "cut",
        "eliminated",
        "lost",
    ];
    let Some(noun) = q.noun.filter(|_| q.unit == Unit::Count) else {
        return false;
    };
    s.toks[noun].is_any(&STAFF)
        && (s.toks[noun + 1..].iter())
            .find(|t| !t.is_any(&AUX))
            .is_some_and(|t| t.is_any(&LEFT))
}

/// "an 8-point currency headwind", "5 points off net revenues", "nine points of price
/// mix": percentage points said bare (`quantity::bare_points`) that an effect names are
/// a change, down for a headwind or what is taken off. So are basis points ("Foreign
/// exchange cost the margin about 20 basis points", "a headwind of about 30 basis points
/// to the margin"), which are no level.
pub(super) fn points_of_an_effect(toks: &[Token], q: &Qty) -> Option<Dir> {
    let bare = super::quantity::in_bare_points(toks, q);
    if !bare && q.unit != Unit::Bps {
        return None;
    }
    let said = |k: usize, w: &[&str]| toks.get(k).is_some_and(|t| t.is_any(w));
    // What took the points off or added them, said before them ("structural changes took
    // off another 4 points", "currency cut 2 points", "pricing added 3 points", "cost the
    // non-GAAP margin about 20 basis points": basis points name their measure between);
    // a word of direction nearer ("costs were cut, and the margin rose 50 basis points")
    // says it instead.
    let reach = if bare { 3 } else { 6 };
    for k in (q.first.saturating_sub(reach)..q.first).rev() {
        if dir_before(toks[k].text).is_some() {
            break;
        }
        // ("The cost of risk was 31 basis points": a cost of something is a noun, which
        // the points measure.)
        let noun = said(k + 1, &["of"]);
        if said(
            k,
            &["off", "cut", "shaved", "subtracted", "took", "takes", "cost", "costs"],
        ) && !noun
        {
            return Some(Dir::Down);
        }
        if said(k, &["added", "adding", "contributed", "contributing"]) {
            return Some(Dir::Up);
        }
    }
    // "a headwind of about 5 points".
    if q.first >= 2
        && said(q.first - 1, &["of"])
        && let Some(dir) = super::cues::effect_dir(&toks[q.first - 2])
    {
        return Some(dir);
    }
    // The effect's word right after the points, or, said bare, after the one word that
    // says of what ("an 8-point currency headwind").
    (q.next..q.next + if bare { 2 } else { 1 }).find_map(|k| match toks.get(k) {
        Some(t) if t.is("off") => Some(Dir::Down),
        // "nine points of price mix": a part of the growth.
        Some(t) if bare && t.is("of") => Some(Dir::Up),
        Some(t) => super::cues::effect_dir(t),
        None => None,
    })
}

/// The role of quantity `i`, given the roles of the quantities before it (`done`).
fn role_of(s: &Sentence, i: usize, done: &[Role]) -> Role {
    let previous = done.last().copied();
    let q = &s.qtys[i];
    let toks = &s.toks;
    if q.multiplier {
        return Role::Change(Dir::Up, Some(q.first));
    }
    if let Some(dir) = points_of_an_effect(toks, q) {
        return Role::Change(dir, None);
    }
    if q.unit == Unit::Times {
        // "trades at 25 times earnings": a valuation multiple is a level.
        if q.valuation.is_some() {
            return Role::Level;
        }
        return Role::Change(Dir::Up, None);
    }
    if let Some(at) = growth_before(s, i) {
        let dir = if q.negative { Dir::Down } else { Dir::Up };
        return Role::Change(dir, Some(at));
    }
    // "a 20% CAGR", "20% compound annual growth": a rate of growth a year.
    if q.unit == Unit::Percent && compound_growth_after(toks, q.next) {
        let dir = if q.negative { Dir::Down } else { Dir::Up };
        return Role::Change(dir, None);
    }
    if let Some(dir) = growth_of_metric_after(s, q) {
        return Role::Change(dir, None);
    }
    if let Some(dir) = (parallel_change(s, i, previous))
        .or_else(|| restated_change(s, i, done))
        .or_else(|| expected_change(s, i, previous))
    {
        return Role::Change(dir, None);
    }
    let prev = q.first.checked_sub(1).map(|k| &toks[k]);
    // "jumped 23% in Q2, reaching $15.7 billion" states where a change led, as "to" does.
    // "added 7% to reach $1.26 billion" as well.
    let reaching = (to_reach(toks, q.first) || prev.is_some_and(|t| t.is("reaching")))
        && matches!(previous, Some(Role::Change(..)));
    // "was up 19% year over year at $27.5 billion": "at" names the level a change is
    // at, in the change's clause and in another unit.
    let at_level = prev.is_some_and(|t| t.is("at"))
        && matches!(previous, Some(Role::Change(..)))
        && s.qtys[i - 1].unit != q.unit
        && !s.breaks.any_between(s.qtys[i - 1].end, q.start);
    // "compared to $X", "relative to $X": a "to" that ends a comparison's cue (where its
    // zone starts) names an earlier value, not where a change led.
    let to = prev.is_some_and(|t| t.is("to") && !s.zones.iter().any(|&(from, _)| from == t.end));
    if reaching || at_level || to {
        return Role::To;
    }
    if from_before(toks, q.first) || from_named_before(s, q.first) || beside_an_earlier(s, q) {
        return Role::From;
    }
    if let Some((dir, at)) = direction_before(s, q) {
        return Role::Change(dir, Some(at));
    }
    if let Some(v) = verb_object(s, q.first) {
        return Role::Change(v.dir, Some(v.verb));
    }
    if let Some(dir) = change_to_an_amount(s, i, done) {
        return Role::Change(dir, None);
    }
    if workforce_left(s, q) {
        return Role::Change(Dir::Down, None);
    }
    if let Some(dir) = effect_on(s, i) {
        return Role::Change(dir, None);
    }
    let mut k = q.next;
    while k < toks.len() && s.in_basis(toks[k].start) {
        k += 1;
    }
    let basis_follows = k > q.next;
    if let Some(t) = toks.get(k).filter(|t| t.is_word())
        && let Some(dir) = dir_after(t.text)
        && !booked_gain(t, q)
    {
        return Role::Change(dir, None);
    }
    if let Some(dir) = passive_change_after(s, q.next).or_else(|| beat_by_before(toks, q.first)) {
        return Role::Change(dir, None);
    }
    // "up $45 billion year-over-year and $20 billion quarter-over-quarter": a second
    // amount with its own basis, joined to a change, is a change too.
    if let Some(Role::Change(dir, _)) = previous
        && basis_follows
        && s.qtys[i - 1].unit == q.unit
        && toks[s.qtys[i - 1].next..q.first].iter().all(|t| {
            s.in_basis(t.start) || t.kind == Kind::Sym || t.is_any(&["and", "more", "than", "about", "nearly"])
        })
    {
        return Role::Change(dir, None);
    }
    if q.plus {
        return Role::Change(Dir::Up, None);
    }
    // "| −1% |" in a column of growth, "Juice: −1%": a percentage signed negative is a
    // fall, as a signed positive one is a rise, unless it is a ratio's level ("Operating
    // margin: −5%").
    if q.negative && q.unit == Unit::Percent && s.metric[i].is_none_or(|h| s.metrics[h].kind != MetricKind::Ratio) {
        return Role::Change(Dir::Down, None);
    }
    let compared = compared_before(toks, q.first);
    match previous {
        Some(Role::Change(dir, _)) if compared && s.qtys[i - 1].unit == q.unit => return Role::Change(dir, None),
        _ if compared || s.in_zone(q.start) => return Role::From,
        _ => {}
    }
    let after_level = i > 0 && matches!(previous, Some(Role::Level | Role::To));
    let only_marks = after_level && toks[s.qtys[i - 1].next..q.first].iter().all(|t| t.kind == Kind::Sym);
    if q.negative && (basis_follows || only_marks) {
        return Role::Change(Dir::Down, None);
    }
    if basis_follows && after_level && q.unit == s.qtys[i - 1].unit {
        return Role::Change(Dir::Up, None);
    }
    // "price/mix of 11%", "concentrate sales growth of 1%": what a growth is made of is
    // said in percent only as a change; it has no level in percent.
    if q.unit == Unit::Percent
        && !s.share(q)
        && s.metric[i].is_some_and(|h| {
            GROWTH_PARTS.contains(&s.metrics[h].label)
                || (s.metrics[h].kind == MetricKind::Money && !a_ratio_said(s, q))
        })
    {
        return Role::Change(if q.negative { Dir::Down } else { Dir::Up }, None);
    }
    Role::Level
}

/// Whether the words say that percentage `q` is a ratio of an amount, not its growth: a
/// yield ("$1.43 and yield about 6.3%"), or a share said before it ("Fulfillment costs,
/// % of net sales: 15.4%", "39% of CFFO, at the top of the 30–40% range").
fn a_ratio_said(s: &Sentence, q: &Qty) -> bool {
    let before = &s.toks[q.first.saturating_sub(4)..q.first];
    before
        .iter()
        .any(|t| t.is_any(&["yield", "yields", "yielding", "payout"]))
        || ["% of", "percent of", "percentage of"]
            .iter()
            .any(|w| s.text[..q.start].contains(w))
}

/// Measures that a growth is made of, and rooms, said in percent only as changes ("net
/// rooms growth of 6.8%", "pricing of 1.5%").
const GROWTH_PARTS: [&str; 9] = [
    "rooms",
    "price/mix",
    "concentrate sales",
    "volume",
    "unit case volume",
    "realized prices",
    "real internal growth",
    "pricing",
    "net pricing",
];

/// Whether a metric's label names a measure that a growth is made of (`GROWTH_PARTS`):
/// a column headed so holds changes, as a growth column does.
pub fn is_growth_part(label: &str) -> bool {
    GROWTH_PARTS.contains(&label)
}

/// "13% revenue growth", "four to six percent organic revenue growth", "a 5% volume
/// decline": a percentage said before a metric and the noun of its movement is that
/// metric's change.
fn growth_of_metric_after(s: &Sentence, q: &Qty) -> Option<Dir> {
    if q.unit != Unit::Percent {
        return None;
    }
    let toks = &s.toks;
    // The metric starts right after the percentage (or after one word that qualifies
    // it: "organic revenue growth"), and the noun of movement right after the metric.
    let next = toks.get(q.next)?;
    let hit = s
        .metrics
        .iter()
        .find(|h| h.start >= next.start && toks.get(q.next + 1).is_some_and(|t| h.start <= t.start))?;
    let after = toks.partition_point(|t| t.start < hit.end);
    let noun = toks.get(after)?;
    if noun.is_any(&["growth", "increase", "rise", "gain", "gains", "expansion"]) {
        Some(Dir::Up)
    } else if noun.is_any(&["decline", "decrease", "drop", "fall", "contraction"]) {
        Some(Dir::Down)
    } else {
        None
    }
}

/// Whether the words from token `k` say a compound annual growth rate: "CAGR",
/// "compound(ed) annual growth (rate)".
pub(super) fn compound_growth_after(toks: &[Token], k: usize) -> bool {
    let at = |j: usize, words: &[&str]| toks.get(j).is_some_and(|t| t.is_any(words));
    at(k, &["cagr"]) || (at(k, &["compound", "compounded"]) && at(k + 1, &["annual"]) && at(k + 2, &["growth"]))
}

/// Whether `t` (in any case) is a word that may link the noun "growth" to the
/// percentage that is its size: "growth was 13%", "growth was quoted as 13.2%", "growth
/// came in at 13%", "the revenue growth it accelerated to 13.2 percent", "growth of 13%".
/// One `match` on the word in lower case, where a search of the 41 words compared each.
#[rustfmt::skip]
fn growth_link(t: &Token) -> bool {
    lower_in!(t, 9,
        b"was" | b"were" | b"is" | b"are" | b"be" | b"been" | b"being" | b"has" | b"have" | b"had"
        | b"will" | b"would" | b"remained" | b"remains" | b"stayed" | b"stays" | b"it" | b"quoted"
        | b"reported" | b"put" | b"pegged" | b"estimated" | b"given" | b"cited" | b"measured"
        | b"came" | b"comes" | b"come" | b"stood" | b"stands" | b"landed" | b"ran" | b"running"
        | b"reached" | b"hit" | b"as" | b"at" | b"to" | b"from" | b"of" | b"in"
    )
}

/// "growth was quoted as 13.2%", "growth of 13%", "revenue growth accelerated to 13.2
/// percent": a percentage that the noun "growth" (or "growth rate") a few words before
/// it is linked to, by copulas, reporting verbs, verbs of pace and prepositions only, is
/// the size of that growth: a change. Returns the token of "growth". Not a share
/// ("growth investments were 20% of capex"), nor an amount right after a verb of
/// movement ("growth slowed 2%" tells how the rate moved, and its direction word says
/// which way). A rate left ("from 12%") is a change only when it and the rate reached
/// ("to 13%") are each told in a period of their own; else they stay an earlier value
/// and a level.
fn growth_before(s: &Sentence, i: usize) -> Option<usize> {
    let q = &s.qtys[i];
    let toks = &s.toks;
    if q.unit != Unit::Percent || s.share(q) {
        return None;
    }
    let linked = |k: usize| growth_link(&toks[k]) || s.in_period(toks[k].start) || s.in_basis(toks[k].start);
    let before = q.first.checked_sub(1)?;
    if !linked(before) || dir_before(toks[before].text).is_some() {
        return None;
    }
    if toks[before].is("from") {
        let reached = s.qtys.get(i + 1).filter(|n| n.first > 0 && toks[n.first - 1].is("to"));
        if !own_period(s, q.next) || reached.is_some_and(|n| !own_period(s, n.next)) {
            return None;
        }
    }
    let mut k = q.first;
    while k > 0 && q.first - k < 8 {
        k -= 1;
        let t = &toks[k];
        if t.is("growth") {
            return Some(k);
        }
        if t.is("rate") && k > 0 && toks[k - 1].is("growth") {
            return Some(k - 1);
        }
        let movement = t.is_word() && dir_before(t.text).is_some();
        // "Growth at AWS was 13%": the business whose growth it is may stand between.
        if !(linked(k) || movement || s.in_mention(t.start)) {
            return None;
        }
    }
    None
}

/// Words that set a percentage beside a percentage change before it as its counterpart
/// in another period: "13% in Q4 followed 12% in Q3", "13% in Q4 after 12% in Q3", "up
/// 13% in Q4, up from 12% in Q3". ("versus", "compared with" and "against" are read
/// with the other comparisons, in `role_of`.)
const PARALLEL_CUES: &[&str] = &["followed", "follows", "following", "after", "from"];

/// "Growth of 13% in Q4 followed 12% in Q3", "AWS grew 13% in Q4, up from 12% in Q3",
/// "growth accelerated from 12% in Q3 to 13% in Q4": a percentage that the sentence sets
/// beside the percentage change just before it (after "followed", "following", "after",
/// "from", or a "to" that closes a "from …"), with nothing between but periods, bases,
/// commas and "up"/"down" before "from", and told in a period of its own, is the same
/// kind of quantity: a change, the same way, in its own period; so is a count beside a
/// count added ("added 18.9 million members, up from 13.1 million in Q4 2023"). Not when the
/// percentages measure a ratio, whose percentages are levels ("operating margin was up
/// 2% from 27.6% in Q3"); not without a period of its own right after it ("grew 13%, up
/// from 12%": nothing says when; "after 20% of stores reopened", "following a 12%
/// decline in Q3": it says what it is itself).
fn parallel_change(s: &Sentence, i: usize, previous: Option<Role>) -> Option<Dir> {
    // Counts too: "added 18.9 million members, up from 13.1 million in Q4 2023".
    let (dir, p, q) = after_a_change(s, i, previous, &[Unit::Percent, Unit::Count])?;
    let toks = &s.toks;
    if !own_period_of(s, q.next) {
        return None;
    }
    let ratio = [s.metric[i - 1], s.metric[i]]
        .into_iter()
        .flatten()
        .any(|h| s.metrics[h].kind == MetricKind::Ratio);
    // (Not the noun the first counts: "18.9 million paid memberships, up from 13.1 million".)
    let own = s.metric[i - 1];
    let named_between = (s.metrics.iter().enumerate())
        .any(|(k, h)| h.start >= p.end && h.start < q.start && Some(k) != own)
        || s.mentions
            .iter()
            .any(|m| m.range.start >= p.end && m.range.start < q.start);
    if ratio || named_between || s.breaks.hard_between(p.end, q.start) {
        return None;
    }
    // "added 5.1 million, below the 8.0 million of the second quarter".
    let beside = above_or_below_the(toks, q.first);
    let cue = q.first.checked_sub(1 + usize::from(beside))?;
    let cued = beside || toks[cue].is_any(PARALLEL_CUES) || (toks[cue].is("to") && from_before(toks, p.first));
    let in_own = |at: usize| own.is_some_and(|h| s.metrics[h].start <= at && at < s.metrics[h].end);
    let gap_ok = (p.next..cue).all(|k| {
        let t = &toks[k];
        in_own(t.start)
            || s.in_period(t.start)
            || s.in_basis(t.start)
            || t.is_any(&[",", "in", "for", "during", "the", "a", "an"])
            || (t.is_any(&["up", "down"]) && k + 1 == cue && toks[cue].is("from"))
    });
    (cued && gap_ok).then_some(dir)
}

/// Where quantity `i` follows a change (`previous`, the role of quantity `i - 1`) in the
/// same unit, one of `units`: the change's direction and the two quantities. What the
/// rules that read a second figure as another change start from.
fn after_a_change<'s>(
    s: &'s Sentence,
    i: usize,
    previous: Option<Role>,
    units: &[Unit],
) -> Option<(Dir, &'s Qty, &'s Qty)> {
    let Some(Role::Change(dir, _)) = previous else {
        return None;
    };
    let (p, q) = (&s.qtys[i - 1], &s.qtys[i]);
    (p.unit == q.unit && units.contains(&q.unit)).then_some((dir, p, q))
}

/// "added 18.9 million subscribers, far above the roughly 9 million analysts had
/// expected": the count a count added is set against, as forecast, is a change too.
fn expected_change(s: &Sentence, i: usize, previous: Option<Role>) -> Option<Dir> {
    let (dir, p, q) = after_a_change(s, i, previous, &[Unit::Count])?;
    if s.breaks.hard_between(p.end, q.start) {
        return None;
    }
    let toks = &s.toks;
    let mut cue = q.first.checked_sub(1)?;
    while cue > p.next && toks[cue].is_any(&["the", "a", "an", "of"]) {
        cue -= 1;
    }
    let compared = toks[cue].is_any(&[
        "above", "below", "beyond", "ahead", "short", "versus", "vs", "than", "topping",
    ]);
    (compared && forecast_after(toks, q.next) && cue.checked_sub(p.next).is_some_and(|d| d <= 12)).then_some(dir)
}

/// Whether the words right after token `next` say the amount before them was forecast
/// ("9 million analysts had expected", "$12.10 billion consensus").
pub(super) fn forecast_after(toks: &[Token], next: usize) -> bool {
    (next..(next + 3).min(toks.len())).any(|k| {
        toks[k].is_any(&[
            "analysts",
            "expected",
            "estimated",
            "forecast",
            "consensus",
            "estimate",
            "estimates",
        ])
    })
}

/// Whether quantity `k` is set beside the one before it as another period's ("up from
/// 12% in Q3", "followed 12% in Q3", "below the 8.0 million of the second quarter"): the
/// cue `parallel_change` reads.
pub(super) fn set_beside(s: &Sentence, k: usize) -> bool {
    let toks = &s.toks;
    let Some(cue) = s.qtys[k].first.checked_sub(1) else {
        return false;
    };
    toks[cue].is_any(PARALLEL_CUES) || above_or_below_the(toks, s.qtys[k].first)
}

/// "above the 8.0 million", "below the $9.6 billion": a value known to the reader, set
/// beside another (`first`, the quantity's first token).
fn above_or_below_the(toks: &[Token], first: usize) -> bool {
    first >= 2 && toks[first - 1].is("the") && toks[first - 2].is_any(&["above", "below"])
}

/// "grew 29% in the quarter and 30% in constant currency", "increased 17% and 19% in
/// constant currency": a percentage change restated without currency moves (or
/// organically) right after it is a change too, the same way; so is one after the level
/// the change led to ("rose 39% to $2.11 billion, or 40% in constant currency"). `done`:
/// the roles of the quantities before it.
fn restated_change(s: &Sentence, i: usize, done: &[Role]) -> Option<Dir> {
    if let [.., Role::Change(dir, _), Role::To] = done[..]
        && s.qtys[i - 2].unit == Unit::Percent
        && restated_after_level(s, i)
    {
        return Some(dir);
    }
    let (dir, p, q) = after_a_change(s, i, done.last().copied(), &[Unit::Percent])?;
    if s.breaks.hard_between(p.end, q.start) {
        return None;
    }
    let toks = &s.toks;
    let joined = (p.next..q.first).all(|k| {
        let t = &toks[k];
        // "in the quarter" is a period only where the note's quarter is known.
        s.in_period(t.start)
            || s.in_basis(t.start)
            || t.is_any(&[",", "and", "or", "in", "the", "this", "quarter", "year"])
            || in_money_terms(t)
    });
    (joined && restated(s, q)).then_some(dir)
}

/// Whether words after `q` say it is restated without currency moves or organically ("in
/// constant currency", "cc", "organic").
fn restated(s: &Sentence, q: &Qty) -> bool {
    let toks = &s.toks;
    let mut k = q.next;
    while toks.get(k).is_some_and(|t| t.is_any(&["in", "at", "on", "a", "an"])) {
        k += 1;
    }
    let word = |at: usize, w: &str| toks.get(at).is_some_and(|t| t.is(w));
    let constant = word(k, "constant") || word(k, "fixed");
    (constant && toks.get(k + 1).is_some_and(|t| t.is_any(&["currency", "currencies"])))
        || (constant && word(k + 1, "exchange") && toks.get(k + 2).is_some_and(|t| t.is_any(&["rate", "rates"])))
        || toks
            .get(k)
            .is_some_and(|t| t.is_any(&["cc", "cer", "organic", "organically"]))
}

/// The words that say a change is restated without currency moves or organically ("at
/// constant exchange rates", "in constant currencies", "CER", "organically"), which may
/// stand between a change and what follows it.
const RESTATING: &[&str] = &[
    "constant",
    "fixed",
    "exchange",
    "rate",
    "rates",
    "currency",
    "currencies",
    "cer",
    "cc",
    "organic",
    "organically",
    "neutral",
    "fx",
    "excluding",
    "ex",
];

/// Whether token `t` says which money a change is measured in: "in Danish kroner", "in
/// reported terms", "in dollar terms", "at actual rates" (a rate restated at constant
/// currency follows).
fn in_money_terms(t: &Token) -> bool {
    let mut lower = [0u8; 10];
    t.is_any(&[
        "reported",
        "actual",
        "nominal",
        "terms",
        "local",
        "danish",
        "swedish",
        "norwegian",
        "swiss",
    ]) || lower_ascii(t.text, &mut lower).is_some_and(|w| crate::currency::of_name(w).is_some())
}

/// Whether the change after change `i` restates it, joined to it by "and": "22% in kroner
/// and 27% at CER", "26% at constant exchange rates and 25% in Danish kroner".
fn restated_second(s: &Sentence, i: usize) -> bool {
    let (p, q) = (&s.qtys[i], &s.qtys[i + 1]);
    let gap = &s.toks[p.next..q.first];
    let joined = gap.iter().any(|t| t.is("and"))
        && gap.iter().all(|t| {
            t.is_any(&[",", "and", "in", "at"]) || t.is_any(RESTATING) || in_money_terms(t) || s.in_basis(t.start)
        })
        && !s.breaks.hard_between(p.end, q.start);
    let in_terms =
        s.toks.get(q.next).is_some_and(|t| t.is("in")) && s.toks[q.next + 1..].iter().take(2).any(in_money_terms);
    joined && p.unit == Unit::Percent && q.unit == Unit::Percent && (restated(s, q) || in_terms)
}

/// Whether quantity `i`, a percentage, restates the change two before it, past the level
/// between them: "rose 39% to $2.11 billion, or 40% in constant currency". Only an "or"
/// joins them, so that "grew 39% to $2.11 billion and 40% of it in constant currency"
/// stays apart.
fn restated_after_level(s: &Sentence, i: usize) -> bool {
    let (level, q) = (&s.qtys[i - 1], &s.qtys[i]);
    q.unit == Unit::Percent
        && restated(s, q)
        && s.toks[level.next..q.first].iter().all(|t| t.is_any(&[",", "or"]))
        && s.toks[level.next..q.first].iter().any(|t| t.is("or"))
}

/// A period or basis phrase right after token `next` ("12% in Q3", "12% a year ago",
/// "12% in the prior quarter").
fn own_period(s: &Sentence, next: usize) -> bool {
    let mut k = next;
    while k < s.toks.len() && k - next < 3 && s.toks[k].is_any(&["in", "for", "during", "the"]) {
        k += 1;
    }
    s.toks
        .get(k)
        .is_some_and(|t| s.in_period(t.start) || s.in_basis(t.start))
}

/// "$1.1 billion of revenue was added", "… were lost": an amount that a passive verb
/// after it makes a change.
fn passive_change_after(s: &Sentence, next: usize) -> Option<Dir> {
    let mut k = next;
    while k < s.toks.len() && k - next < 6 {
        let t = &s.toks[k];
        let skippable = match passive_word(t) {
            Some(Some(dir)) => return Some(dir),
            Some(None) => true,
            None => false,
        };
        let in_metric = || s.metrics.iter().any(|h| h.start <= t.start && t.start < h.end);
        if !(skippable || in_metric()) {
            return None;
        }
        k += 1;
    }
    None
}

/// What a word after an amount (in any case) says in a passive: the way of the change
/// for a passive verb ("added", "lost"), `Some(None)` for a word that may stand before
/// it ("of", "was", "have been"), None for any other. One `match` on the word in lower case.
fn passive_word(t: &Token) -> Option<Option<Dir>> {
    let mut lower = [0u8; 6];
    match lower_ascii(t.text, &mut lower)? {
        b"added" | b"gained" => Some(Some(Dir::Up)),
        b"lost" | b"shed" | b"wiped" => Some(Some(Dir::Down)),
        b"of" | b"in" | b"was" | b"were" | b"has" | b"have" | b"been" | b"is" | b"are" => Some(None),
        _ => None,
    }
}

/// A verb, its object and "by" before an amount: what changes by it, and which way.
pub(super) struct VerbObject {
    pub dir: Dir,
    /// The verb's token.
    pub verb: usize,
    /// The object's tokens (after any article or possessive).
    pub object: Range<usize>,
    /// The object's head noun: its last word before any preposition.
    pub head: usize,
}

/// Prepositions that may stand inside a verb's object.
const PREPOSITIONS: &[&str] = &["of", "to", "per", "in"];

/// Words that may open a verb's object before its noun phrase.
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "our", "their", "his", "her", "this", "that"];

/// "lift developer productivity by 30 to 40 percent", "cut pick-and-pack times by up to
/// 30%", "reduce costs by 20%": the amount after "by" (token `first` starts it, with any
/// approximation) is a change of the verb's object, a short noun phrase. So is a rate
/// right after the object that leads to a level ("raised the quarterly dividend 15% to
/// $1.50 per share").
pub(super) fn verb_object(s: &Sentence, first: usize) -> Option<VerbObject> {
    let toks = &s.toks;
    let by = match first.checked_sub(1) {
        Some(k) if toks[k].is("by") => k,
        Some(_) if rate_to_a_level(s, first) => first,
        _ => return None,
    };
    // "pick-and-pack": an "and" between hyphens belongs to the word.
    let hyphened = |k: usize| k >= 1 && toks[k - 1].is("-") && toks.get(k + 1).is_some_and(|t| t.is("-"));
    // "the distance to customers", "the cost of delivery", "its stake in Anthropic": a
    // preposition inside the phrase.
    let inner = |k: usize| k + 1 < by && toks[k].is_any(PREPOSITIONS);
    let in_phrase = |k: usize| {
        let t = &toks[k];
        t.is("-")
            || hyphened(k)
            || inner(k)
            || (t.is_word() && !t.is_any(NOT_ADJECTIVES) && dir_before(t.text).is_none())
    };
    let mut k = by;
    while k > 0 && by - k < 8 && dir_of_verb(toks[k - 1].text).is_none() && in_phrase(k - 1) {
        k -= 1;
    }
    let start = k;
    if k > 0 && toks[k - 1].is_any(DETERMINERS) {
        k -= 1;
    }
    let verb = k.checked_sub(1)?;
    let dir = dir_of_verb(toks[verb].text)?;
    if start >= by || !toks[start].is_word() {
        return None;
    }
    let head = (start..by).find(|&k| inner(k)).map_or(by - 1, |k| k - 1);
    Some(VerbObject {
        dir,
        verb,
        object: start..by,
        head,
    })
}

/// Whether the quantity at token `first` is a percentage with "to" and another quantity
/// right after it ("15% to $1.50").
fn rate_to_a_level(s: &Sentence, first: usize) -> bool {
    let Some(i) = s.qtys.iter().position(|q| q.first == first) else {
        return false;
    };
    let q = &s.qtys[i];
    q.unit == Unit::Percent
        && s.toks.get(q.next).is_some_and(|t| t.is("to"))
        && s.qtys.get(i + 1).is_some_and(|n| n.first == q.next + 1)
}

/// "beat the top end of the range by approximately $3 billion", "missed by $2 billion":
/// the amount is a difference from a reference, not a level.
fn beat_by_before(toks: &[Token], first: usize) -> Option<Dir> {
    let mut k = first;
    while k > 0 && beat_approx(&toks[k - 1]) {
        k -= 1;
    }
    if k == 0 || !toks[k - 1].is("by") {
        return None;
    }
    toks[k.saturating_sub(12)..k - 1].iter().rev().find_map(beat_verb)
}

/// Whether `t` (in any case) is a word of an approximation between "beat … by" and its
/// amount ("by approximately", "by more than"). One `match` on the word in lower case.
#[rustfmt::skip]
fn beat_approx(t: &Token) -> bool {
    lower_in!(t, 13,
        b"approximately" | b"about" | b"around" | b"roughly" | b"nearly" | b"almost" | b"more"
        | b"than" | b"over" | b"some"
    )
}

/// The way a verb that compares with a reference (in any case) puts the amount "by"
/// which it does: up for "beat", "exceeded", "topped", down for "missed", "trailed".
fn beat_verb(t: &Token) -> Option<Dir> {
    let mut lower = [0u8; 10];
    match lower_ascii(t.text, &mut lower)? {
        b"beat" | b"beats" | b"exceeded" | b"exceeds" | b"topped" | b"tops" | b"surpassed" | b"outpaced" => {
            Some(Dir::Up)
        }
        b"missed" | b"misses" | b"trailed" | b"undershot" => Some(Dir::Down),
        _ => None,
    }
}

/// "versus", "vs.", "against" or "compared to/with" right before token `first`: what
/// follows is a point of comparison.
pub(super) fn compared_before(toks: &[Token], first: usize) -> bool {
    let word = |back: usize| first.checked_sub(back).map(|k| &toks[k]);
    word(1).is_some_and(|t| t.is_any(&["versus", "vs", "against"]))
        || (word(1).is_some_and(|t| t.is(".")) && word(2).is_some_and(|t| t.is("vs")))
        || (word(2).is_some_and(|t| t.is("compared")) && word(1).is_some_and(|t| t.is_any(&["to", "with"])))
}

/// "from $46.9 billion", "narrowing from a loss of $2.2 billion": an earlier value.
fn from_before(toks: &[Token], first: usize) -> bool {
    let mut k = first;
    while k > 0 && first - k < 4 {
        k -= 1;
        let mut lower = [0u8; 7];
        match lower_ascii(toks[k].text, &mut lower) {
            Some(b"from") => return true,
            // Words that may stand between "from" and the amount.
            Some(b"a" | b"an" | b"the" | b"loss" | b"losses" | b"outflow" | b"of" | b"level" | b"total") => {}
            _ => return false,
        }
    }
    false
}

/// "below the 8.0 million of the second quarter": a value set beside the current one with
/// a period of its own is an earlier one. ("above the 4.1% analysts expected" is of the
/// same period: a forecast.)
fn beside_an_earlier(s: &Sentence, q: &Qty) -> bool {
    above_or_below_the(&s.toks, q.first) && own_period_of(s, q.next)
}

/// `own_period`, also after "of" ("the 8.0 million of the second quarter").
fn own_period_of(s: &Sentence, next: usize) -> bool {
    own_period(s, next + usize::from(s.toks.get(next).is_some_and(|t| t.is("of"))))
}

/// "from an operating loss of $0.2 billion", "from operating income of $9 billion": an
/// earlier value named by its metric phrase, which `from_before` reads as if the phrase
/// were the amount.
fn from_named_before(s: &Sentence, first: usize) -> bool {
    let toks = &s.toks;
    let Some(of) = first.checked_sub(1).filter(|&k| toks[k].is("of")) else {
        return false;
    };
    // The phrase that ends right before "of".
    let Some(hit) = s.metrics.iter().rev().find(|h| h.end <= toks[of].start) else {
        return false;
    };
    if of.checked_sub(1).is_none_or(|k| toks[k].end != hit.end) {
        return false;
    }
    from_before(toks, toks.partition_point(|t| t.start < hit.start))
}

/// Direction words that are only nouns: before a metric phrase they name a kind of it
/// ("growth investments", "expansion capex"), not a movement of it.
const DIRECTION_NOUNS: &[&str] = &[
    "growth",
    "expansion",
    "acceleration",
    "deceleration",
    "contraction",
    "improvement",
    "reduction",
    "uptick",
    "increment",
];

/// Copulas: a percentage they link to a share ("… were 20% of capex") is a level.
const COPULAS: &[&str] = &["was", "were", "is", "are", "been", "be"];

/// Whether `t` (in any case) is a word that may stand between a direction word and its
/// amount ("increase of", "was down by", "grew at"). One `match` on the word in lower
/// case, where a search of the 20 words compared each.
#[rustfmt::skip]
fn connector(t: &Token) -> bool {
    lower_in!(t, 13,
        b"by" | b"of" | b"a" | b"an" | b"at" | b"was" | b"were" | b"is" | b"are" | b"been" | b"has"
        | b"have" | b"had" | b"sharply" | b"strongly" | b"significantly" | b"meaningfully"
        | b"just" | b"another" | b"nearly"
    )
}

/// "a bargain purchase gain of about $2.6 billion", "a $7.9 billion gain on its Visa
/// shares": a gain in money, said as a noun, is one booked, a level; a gain in percent
/// ("a gain of 5%") is a change, as is money a verb gained ("gained $13 billion").
fn booked_gain(t: &Token, q: &Qty) -> bool {
    matches!(q.unit, Unit::Currency(_)) && t.is_any(&["gain", "gains"])
}

/// Whether quantity `q` is a gain booked ("a gain of $400 million", "a $7.9 billion
/// gain"): the word after it, or the one before it or before its "of".
pub(super) fn is_booked_gain(s: &Sentence, q: &Qty) -> bool {
    let at = |k: Option<usize>| k.and_then(|k| s.toks.get(k)).is_some_and(|t| booked_gain(t, q));
    let before_of = q
        .first
        .checked_sub(1)
        .filter(|&k| s.toks[k].is("of"))
        .and_then(|k| k.checked_sub(1));
    at(Some(q.next)) || at(q.first.checked_sub(1)) || at(before_of)
}

/// A direction word before the amount of quantity `q`, across connectors, basis phrases
/// and a metric phrase ("grew revenue 13 percent"). Not a noun that the metric phrase
/// after it qualifies ("growth investments were $5 billion"), nor one a copula links to
/// a share ("investments in growth were 20% of capex": a part of a whole, a level).
fn direction_before(s: &Sentence, q: &Qty) -> Option<(Dir, usize)> {
    let in_metric = |at: usize| s.metrics.iter().any(|h| h.start <= at && at < h.end);
    let share = s.share(q);
    let mut skipped = 0;
    let mut k = q.first;
    while k > 0 && skipped <= 3 {
        k -= 1;
        let t = &s.toks[k];
        // "grew revenue 13 percent": the metric may sit between verb and amount.
        if s.in_basis(t.start) || in_metric(t.start) {
            continue;
        }
        if let Some(dir) = dir_before(t.text) {
            // "China made up 47% of system sales": a part, not a rise.
            let made_up = t.is("up") && k > 0 && s.toks[k - 1].is_any(&["made", "make", "makes", "making"]);
            if booked_gain(t, q) || made_up {
                return None;
            }
            let qualifies = t.is_any(DIRECTION_NOUNS) && s.toks.get(k + 1).is_some_and(|n| in_metric(n.start));
            // "International lost $95 million" is a loss, a level below zero.
            let loss = matches!(q.unit, Unit::Currency(_)) && super::attribute::lost(s, q);
            return (!qualifies && !loss).then_some((dir, k));
        }
        if !connector(t) || (share && t.is_any(COPULAS)) {
            return None;
        }
        skipped += 1;
    }
    None
}

/// Whether "to reach" is said right before token `first` ("added 7% to reach $1.26
/// billion"): where a change led, as "to" alone says.
fn to_reach(toks: &[Token], first: usize) -> bool {
    first >= 2 && toks[first - 1].is("reach") && toks[first - 2].is("to")
}

/// Groups quantities into records: a change followed by "to" and a level, or a level
/// followed in its clause by a change, make one record; every other quantity is one.
pub(super) fn group(s: &Sentence, roles: &[Role]) -> Vec<Rec> {
    let n = s.qtys.len();
    let is_change = |k: usize| matches!(roles.get(k), Some(Role::Change(..)));
    let same_thing = |level: usize, change: usize| measures(s.qtys[level].unit, s.qtys[change].unit);
    let change_to =
        |k: usize| is_change(k) && roles.get(k + 1) == Some(&Role::To) && same_thing(k + 1, k) && forward_ok(s, k);
    let mut out = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        // "rose 22% in kroner and 27% at CER to DKK 31.8 billion": of two changes before
        // the level they led to, the level's is the first, as written in its own money;
        // the one restated (at constant currency, in other terms) stands alone.
        if is_change(i) && change_to(i + 1) && same_thing(i + 2, i) && restated_second(s, i) {
            out.push(span(s, roles, Some(i + 2), Some(i)));
            out.push(span(s, roles, None, Some(i + 1)));
            i += 3;
            continue;
        }
        let (value, change, step) = if change_to(i) {
            (Some(i + 1), Some(i), 2)
        } else if is_change(i) {
            (None, Some(i), 1)
        } else if roles[i] != Role::From
            && is_change(i + 1)
            && !change_to(i + 1)
            && same_thing(i, i + 1)
            && backward_ok(s, i)
        {
            (Some(i), Some(i + 1), 2)
        } else {
            (Some(i), None, 1)
        };
        out.push(span(s, roles, value, change));
        i += step;
    }
    trailing_changes(s, roles, &mut out);
    out
}

/// Whether a change in unit `change` can be the change of a level in unit `level`: a
/// change is relative (%, bps, x) or in the level's unit (any currency for a currency);
/// "$13.7 billion …, has added 40 stores" are two claims.
fn measures(level: Unit, change: Unit) -> bool {
    level == change
        || matches!(change, Unit::Percent | Unit::Times)
        // Basis points move a percentage: "76,453 people … forty basis points" are two.
        || (change == Unit::Bps && level == Unit::Percent)
        || matches!((level, change), (Unit::Currency(_), Unit::Currency(_)))
}

/// "$30.0 billion of operating income, versus $12.5 billion in H1 2023, a rise of about
/// 140%", "7.5% vs 5.7% (Q2 2024), +180 bps": a change said right after the earlier value
/// it was measured from is the change of the current level just before that value.
/// (Labelled sets write a level and its change as one record.)
fn trailing_changes(s: &Sentence, roles: &[Role], recs: &mut Vec<Rec>) {
    let mut k = 2;
    while k < recs.len() {
        let (current, earlier, this) = (recs[k - 2], recs[k - 1], recs[k]);
        let joins = match (
            current.value,
            current.change,
            earlier.value,
            earlier.change,
            this.value,
            this.change,
        ) {
            (Some(level), None, Some(from), None, None, Some(c)) => {
                let (from_q, c_q) = (&s.qtys[from], &s.qtys[c]);
                roles[level] != Role::From
                    && roles[from] == Role::From
                    && s.qtys[level].unit == from_q.unit
                    && measures(from_q.unit, c_q.unit)
                    && c_q.first.saturating_sub(from_q.next) <= 10
                    && !s.breaks.hard_between(from_q.end, c_q.start)
                    && !s.metrics.iter().any(|h| h.start >= from_q.end && h.start < c_q.start)
            }
            _ => false,
        };
        if joins {
            // The record keeps the level's words: its subject and period are read
            // around them, not around the earlier value's.
            recs[k - 2].change = this.change;
            recs.remove(k);
        } else {
            k += 1;
        }
    }
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
        end: closed(s.text, start, end),
    }
}

/// The end of a record's words at `start..end`, taken past the parenthesis its words open
/// and leave open ("$23.3B (+1% Y/Y)", "$149.2 billion (+12% year-over-year, ex-FX)"),
/// when it closes within a few words of the same clause and no other figure.
fn closed(text: &str, start: usize, end: usize) -> usize {
    let words = text.as_bytes().get(start..end).unwrap_or_default();
    // Called for every record: most have no parenthesis to count.
    if !words.contains(&b'(') {
        return end;
    }
    let open = words.iter().filter(|&&b| b == b'(').count();
    if open <= words.iter().filter(|&&b| b == b')').count() {
        return end;
    }
    let after = &text.as_bytes()[end..];
    let reach = &after[..after.len().min(48)];
    match reach
        .iter()
        .position(|&b| matches!(b, b')' | b'(' | b';') || b.is_ascii_digit())
    {
        Some(at) if reach[at] == b')' => end + at + 1,
        _ => end,
    }
}

/// "grew 13% year-over-year to $24.2 billion": only a basis, a period, a comma or how
/// currencies are left out ("excluding FX", "in constant currency") between the change
/// and the "to" of its level.
fn forward_ok(s: &Sentence, c: usize) -> bool {
    let (a, b) = (&s.qtys[c], &s.qtys[c + 1]);
    // The words between the change and its "to" (or "to reach").
    let to = if to_reach(&s.toks, b.first) {
        b.first - 2
    } else {
        b.first.saturating_sub(1)
    };
    let gap = &s.toks[a.next..to.max(a.next)];
    // "rose 56% from a year earlier to $17.4 billion", "from Q3 2023 to", "from the third
    // quarter to", "from September to": a "from" that opens the basis or the period the
    // change is measured from.
    let opens_basis = |k: usize| {
        let next = if gap.get(k + 1).is_some_and(|t| t.is("the")) {
            k + 2
        } else {
            k + 1
        };
        gap[k].is_any(&["from", "over", "versus", "vs", "against"])
            && gap
                .get(next)
                .is_some_and(|n| s.in_basis(n.start) || s.in_period(n.start) || n.is_any(super::MONTHS))
    };
    let month_after_month = gap
        .windows(3)
        .any(|w| w[0].is("month") && w[1].is("over") && w[2].is("month"));
    // "increased 14.3% sequentially in NT dollar terms to NT$868.46 billion": the money
    // the change is measured in.
    const TERMS: &[&str] = &[
        "terms", "local", "dollar", "us", "nt", "taiwan", "new", "euro", "yen", "reported", "nominal", "real",
    ];
    let terms = gap.iter().any(|t| t.is("terms"));
    // "jumped 14% in extended trading to $977": when in the day the shares moved.
    const SESSION: &[&str] = &[
        "extended",
        "after",
        "hours",
        "premarket",
        "pre",
        "market",
        "late",
        "early",
        "morning",
        "afternoon",
        "trading",
        "session",
    ];
    let session = gap.iter().any(|t| t.is_any(&["trading", "session"]));
    // "HPC rose 14% sequentially to 60% of revenue": the growth is of the line's revenue,
    // the level its share of the whole, whose change would be in points.
    let growth_to_a_share = a.unit == Unit::Percent && s.share(b);
    !growth_to_a_share
        && gap.len() <= 8
        && !s.breaks.hard_between(a.end, b.start)
        && gap.iter().enumerate().all(|(k, t)| {
            s.in_basis(t.start)
                || s.in_period(t.start)
                || t.is_any(&[",", "in", "for", "the"])
                // "rose 5% ex-FX to", "grew 27% at CER to", "rose 21% in kroner to".
                || t.is_any(&["-", "at"])
                || t.is_any(RESTATING)
                || in_money_terms(t)
                || (session && t.is_any(SESSION))
                || (terms && t.is_any(TERMS))
                || (month_after_month && t.is_any(&["month", "over"]))
                || opens_basis(k)
                || (k > 0 && opens_basis(k - 1) && t.is_any(super::MONTHS))
        })
}

/// "$149.2 billion, up 12% year-over-year": a level and the change after it, in one
/// clause, with nothing between that starts a claim of its own.
fn backward_ok(s: &Sentence, l: usize) -> bool {
    let (a, b) = (&s.qtys[l], &s.qtys[l + 1]);
    let gap = &s.toks[a.next..b.first];
    let own = s.metric[l];
    // "At $28.8 billion, ad sales were 22% higher": a level put first names its subject
    // and metric after it, and the change that follows is the same claim's.
    let fronted = a.first == 1 && s.toks[0].is("at") && s.toks.get(a.next).is_some_and(|t| t.is(","));
    // "$0.83 per share, up 10%": what the level is counted per is part of it.
    let per_share = |k: usize| s.per_unit(k) && s.toks.get(a.next).is_some_and(|t| t.start == s.metrics[k].start);
    // "revenue was €84.7 billion, which is organic growth of one percent": a name between
    // them of the level's own measure names no other, nor does the base of a share that
    // basis points move ("4.4% of gross bookings, up about 70 basis points"; but "51% of
    // revenue, up 58%" is the growth of what the share is of).
    let own_label = own.map(|o| s.metrics[o].label);
    let moves_the_share = b.unit == Unit::Bps;
    let other =
        |k: usize, h: &MetricHit| Some(k) != own && Some(h.label) != own_label && !(h.ratio_base && moves_the_share);
    gap.len() <= 16
        && !s.breaks.hard_between(a.end, b.start)
        && !s
            .mentions
            .iter()
            .any(|m| m.range.start >= a.end && m.range.start < b.start && !fronted)
        && !s
            .metrics
            .iter()
            .enumerate()
            .any(|(k, h)| h.start >= a.end && h.start < b.start && other(k, h) && !fronted && !per_share(k))
        && !gap.iter().any(|t| t.is_any(&["from", "to", "than", "versus", "vs"]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::metrics::tokens::tokenize;

    /// The word lists the lookups replace, searched as they were (`Token::is_any`).
    #[rustfmt::skip]
    const GROWTH_LINKS: &[&str] = &[
        "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "will", "would",
        "remained", "remains", "stayed", "stays", "it", "quoted", "reported", "put", "pegged",
        "estimated", "given", "cited", "measured", "came", "comes", "come", "stood", "stands",
        "landed", "ran", "running", "reached", "hit", "as", "at", "to", "from", "of", "in",
    ];
    #[rustfmt::skip]
    const CONNECTORS: &[&str] = &[
        "by", "of", "a", "an", "at", "was", "were", "is", "are", "been", "has", "have", "had",
        "sharply", "strongly", "significantly", "meaningfully", "just", "another", "nearly",
    ];
    #[rustfmt::skip]
    const BEAT_APPROX: &[&str] = &[
        "approximately", "about", "around", "roughly", "nearly", "almost", "more", "than", "over", "some",
    ];
    #[rustfmt::skip]
    const BEAT_UP: &[&str] = &["beat", "beats", "exceeded", "exceeds", "topped", "tops", "surpassed", "outpaced"];
    const BEAT_DOWN: &[&str] = &["missed", "misses", "trailed", "undershot"];
    const PASSIVE_UP: &[&str] = &["added", "gained"];
    const PASSIVE_DOWN: &[&str] = &["lost", "shed", "wiped"];
    const PASSIVE_SKIPPABLE: &[&str] = &["of", "in", "was", "were", "has", "have", "been", "is", "are"];
    #[rustfmt::skip]
    const FROM_BETWEEN: &[&str] = &["a", "an", "the", "loss", "losses", "outflow", "of", "level", "total"];

    /// Every word of every list, in lower case, capitals and title case, cut short and
    /// lengthened, and a few others: the words each lookup is checked on.
    fn probes() -> String {
        let lists = [
            GROWTH_LINKS,
            CONNECTORS,
            BEAT_APPROX,
            BEAT_UP,
            BEAT_DOWN,
            PASSIVE_UP,
            PASSIVE_DOWN,
            PASSIVE_SKIPPABLE,
            FROM_BETWEEN,
        ];
        let mut words: Vec<String> = vec!["revenue".into(), "growth".into(), "€".into(), "wasé".into()];
        for w in lists.iter().flat_map(|l| l.iter()) {
            let title = w[..1].to_uppercase() + &w[1..];
            words.extend([
                w.to_string(),
                w.to_uppercase(),
                title,
                format!("{w}s"),
                w[..w.len() - 1].to_string(),
            ]);
        }
        words.join(" ")
    }

    #[test]
    fn word_lookups_hold_to_their_lists() {
        let text = probes();
        for t in tokenize(&text) {
            assert_eq!(growth_link(&t), t.is_any(GROWTH_LINKS), "{}", t.text);
            assert_eq!(connector(&t), t.is_any(CONNECTORS), "{}", t.text);
            assert_eq!(beat_approx(&t), t.is_any(BEAT_APPROX), "{}", t.text);
            let way = if t.is_any(BEAT_UP) {
                Some(Dir::Up)
            } else if t.is_any(BEAT_DOWN) {
                Some(Dir::Down)
            } else {
                None
            };
            assert_eq!(beat_verb(&t), way, "{}", t.text);
            let passive = if t.is_any(PASSIVE_UP) {
                Some(Some(Dir::Up))
            } else if t.is_any(PASSIVE_DOWN) {
                Some(Some(Dir::Down))
            } else {
                t.is_any(PASSIVE_SKIPPABLE).then_some(None)
            };
            assert_eq!(passive_word(&t), passive, "{}", t.text);
            // "from {word} 5": an earlier value when the word may stand between.
            let text = format!("from {} 5", t.text);
            let toks = tokenize(&text);
            let between = t.is("from") || t.is_any(FROM_BETWEEN);
            assert_eq!(from_before(&toks, toks.len() - 1), between, "{}", t.text);
        }
        let from = |text: &str| {
            let toks = tokenize(text);
            from_before(&toks, toks.len() - 1)
        };
        assert!(from("narrowing From A Loss Of 5"));
        assert!(from("from the total 5"));
        assert!(!from("from an operating loss of 5"));
        assert!(!from("to a loss of 5"));
    }
}
