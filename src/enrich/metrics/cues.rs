//! The words around a figure that say what kind of claim it is: direction of a change
//! ("grew", "down", "an improvement of"), its basis ("year-over-year", "sequentially"),
//! and the places where a clause ends, past which attribution does not reach.

use regex::Regex;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A change's direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dir {
    Up,
    Down,
}

impl Dir {
    /// "up" or "down".
    pub fn label(self) -> &'static str {
        match self {
            Dir::Up => "up",
            Dir::Down => "down",
        }
    }
}

const UP: &[&str] = &[
    "up",
    "grew",
    "grown",
    "grow",
    "grows",
    "growing",
    "growth",
    "increase",
    "increased",
    "increases",
    "increasing",
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "accelerated",
    "accelerating",
    "acceleration",
    "accelerate",
    "expanded",
    "expand",
    "expanding",
    "expansion",
    "improvement",
    "improved",
    "improve",
    "improving",
    "gain",
    "gains",
    "gained",
    "jumped",
    "jump",
    "surged",
    "climbed",
    "climb",
    "added",
    "adding",
    "add",
    "adds",
    "boosted",
    "higher",
    "increment",
    "uptick",
    "advanced",
    "widened",
    "soared",
    "rebounded",
];
const DOWN: &[&str] = &[
    "down",
    "fell",
    "fall",
    "falls",
    "falling",
    "declined",
    "decline",
    "declines",
    "declining",
    "decreased",
    "decrease",
    "decreases",
    "decreasing",
    "dropped",
    "drop",
    "drops",
    "shrank",
    "shrink",
    "shrunk",
    "contracted",
    "contraction",
    "lower",
    "reduced",
    "reduction",
    "reduce",
    "cut",
    "slowed",
    "deceleration",
    "decelerated",
    "slipped",
    "lost",
    "slid",
    "sank",
    "tumbled",
    "plunged",
    "dipped",
    "wiped",
    "wiping",
    "erased",
    "erasing",
    "shaved",
    "shaving",
    // "foreign exchange was a drag of about 1%".
    "drag",
];
/// Words written after an amount that make it a change ("a 13% increase", "70% more"), the
/// comparatives among them a change from a baseline ("30% better price performance", "40%
/// faster", "20% cheaper"), as "four times faster" is.
const UP_AFTER: &[&str] = &[
    // "a 2% tailwind from currency".
    "tailwind",
    "above",
    "ahead",
    "increase",
    "increases",
    "growth",
    "gain",
    "gains",
    "rise",
    "jump",
    "improvement",
    "more",
    "higher",
    "uplift",
    "acceleration",
    "better",
    "faster",
    "quicker",
    "greater",
    "larger",
    "bigger",
    "stronger",
];
/// The direction of a word that says a figure moved another measure: "a 5-point
/// headwind", "a 2% drag" (down); "a tailwind", "a boost" (up).
pub(super) fn effect_dir(t: &super::tokens::Token) -> Option<Dir> {
    if t.is_any(&["headwind", "headwinds", "drag", "hit", "dilution"]) {
        Some(Dir::Down)
    } else if t.is_any(&["tailwind", "tailwinds", "benefit", "boost", "lift"]) {
        Some(Dir::Up)
    } else {
        None
    }
}

const DOWN_AFTER: &[&str] = &[
    // "a 1% drag from foreign exchange", "a 2% headwind".
    "drag",
    "headwind",
    "below",
    "short",
    "decrease",
    "decline",
    "drop",
    "reduction",
    "lower",
    "less",
    "fewer",
    "cut",
    "deceleration",
    "cheaper",
    "smaller",
    "slower",
    "worse",
    "weaker",
];

/// Verbs that change their object by an amount ("lift developer productivity by 30%",
/// "cut pick-and-pack times by up to 30%"), and the direction they give the change. Not
/// direction words by themselves: "raised $5 billion" is no change.
#[rustfmt::skip]
const UP_VERBS: &[&str] = &[
    "lift", "lifts", "lifted", "lifting", "raise", "raises", "raised", "raising", "boost",
    "boosts", "boosted", "boosting", "increase", "increases", "increased", "increasing",
    "improve", "improves", "improved", "improving",
];
#[rustfmt::skip]
const DOWN_VERBS: &[&str] = &[
    "cut", "cuts", "cutting", "reduce", "reduces", "reduced", "reducing", "lower", "lowers",
    "lowered", "lowering", "trim", "trims", "trimmed", "trimming", "slash", "slashes",
    "slashed", "slashing", "decrease", "decreases", "decreased", "decreasing",
];

/// The direction a verb gives the change "by" an amount of its object.
pub(super) fn dir_of_verb(word: &str) -> Option<Dir> {
    direction(word, VERB)
}

/// The direction a word before an amount gives it.
pub(super) fn dir_before(word: &str) -> Option<Dir> {
    direction(word, BEFORE)
}

/// The direction a word after an amount gives it.
pub(super) fn dir_after(word: &str) -> Option<Dir> {
    direction(word, AFTER)
}

/// Where a direction word stands: the index of its direction in `DIRECTIONS`.
const BEFORE: usize = 0;
const AFTER: usize = 1;
const VERB: usize = 2;

/// Each place's lists of words: up, down.
const PLACES: [(usize, &[&str], &[&str]); 3] = [
    (BEFORE, UP, DOWN),
    (AFTER, UP_AFTER, DOWN_AFTER),
    (VERB, UP_VERBS, DOWN_VERBS),
];

/// The direction each word of the lists above gives before an amount, after it, and as a
/// verb, by the word in lower case. The words near every figure are looked up here: one
/// probe instead of a search of two lists (up to 73 words) took the 1,000-note benchmark
/// from 5.106 to 5.050 G instructions.
static DIRECTIONS: LazyLock<FxHashMap<Vec<u8>, [Option<Dir>; 3]>> = LazyLock::new(|| {
    let mut map: FxHashMap<Vec<u8>, [Option<Dir>; 3]> = FxHashMap::default();
    for (place, up, down) in PLACES {
        // Down first: a word on both lists reads up, as it did when up was searched first.
        for (words, dir) in [(down, Dir::Down), (up, Dir::Up)] {
            for w in words {
                map.entry(w.to_ascii_lowercase().into_bytes()).or_default()[place] = Some(dir);
            }
        }
    }
    map
});

fn direction(word: &str, place: usize) -> Option<Dir> {
    // Longer than any word of the lists, or not ASCII: none of them.
    let mut buffer = [0u8; 16];
    let lower = super::tokens::lower_ascii(word, &mut buffer)?;
    DIRECTIONS.get(lower)?[place]
}

/// A basis phrase, year on year ("year-over-year", "y/y", "a year ago", "versus the
/// prior year") or quarter on quarter ("sequentially", "q/q").
const BASIS: &str = r"(?-u:\b)year[\s-]*(?:over|on|per|to)[\s-]*year(?-u:\b)|(?-u:\b)y/y(?-u:\b)|(?-u:\b)yoy(?-u:\b)|(?-u:\b)a\s+year\s+(?:ago|earlier)(?-u:\b)|(?-u:\b)(?:compared\s+(?:to|with)|versus|vs\.?|over|from|than)\s+(?:the\s+)?(?:last|prior|previous|same\s+period\s+(?:of\s+)?last)\s+year(?-u:\b)|(?-u:\b)annual\s+growth(?-u:\b)|(?-u:\b)quarter[\s-]*(?:over|on|to)[\s-]*quarter(?-u:\b)|(?-u:\b)q/q(?-u:\b)|(?-u:\b)qoq(?-u:\b)|(?-u:\b)sequential(?:ly)?(?-u:\b)|(?-u:\b)(?:compared\s+(?:to|with)|versus|vs\.?|over|from|than)\s+(?:the\s+)?(?:last|prior|previous)\s+quarter(?-u:\b)";

/// Where an earlier value is named: "compared with", "versus", "vs.".
/// "below Q3 2023" and "above the fourth quarter of 2023" compare too, when a period
/// follows ("below plan", "above guidance" name no earlier value).
const ZONE_START: &str = r"(?-u:\b)(?:compared?s?\s+(?:with|to)|versus|vs(?-u:\b)\.?|against|relative\s+to|in\s+comparison\s+(?:with|to)|(?:below|above)\s+(?:the\s+)?(?:q[1-4]|first|second|third|fourth|fy|fiscal|year|20\d\d|last\s+year|a\s+year)(?-u:\b)|(?:slower|faster|higher|lower|better|worse|weaker|stronger|bigger|smaller|larger|greater|more|less)\s+than\s+(?:the|that|those|in)(?-u:\b)|(?:double|triple|quadruple|twice)\s+(?:the|that|those)(?-u:\b))";

/// Where a clause ends: hard breaks (";", a dash, ", and", " but ", " even though "), relative clauses
/// (", which", ", driven"), ", so", which ends only a period's reach, and what ends the
/// naming of an earlier value (")", " and we").
const BREAK: &str = r";|\)|\s[—–-]\s|—|→|,\s*(?:and|but|while|whereas|although|though|which|who|including|excluding|driven|led|so)(?-u:\b)|\s(?:and|but|so)\s+(?:we|i|it|they|our|amazon)(?-u:\b)|\s(?:but|while|whereas|meanwhile|although)\s|\seven\s+though\s";

/// Words that say a figure is the whole company's ("a company-wide total of $15.3
/// billion", "consolidated revenue").
const WHOLE: &str =
    r"(?-u:\b)(?:company[\s-]*wide|consolidated|firm[\s-]*wide|the\s+(?:company|firm|group)(?:'|’)s)(?-u:\b)";

pattern! {
    /// Every cue of a sentence in one pass: a basis phrase is tried first, so that
    /// "versus last year" reads as one (its "versus" is also where a comparison starts,
    /// which `Cues::of` adds). One search where there were six (basis, clause, relative
    /// clause, comparison start and end, period break) took a clean 1,000-note build
    /// from 4.61 G instructions to 4.50 G, with the same pages.
    static CUES = Regex::new(&format!("(?i){BASIS}|{ZONE_START}|{BREAK}|{WHOLE}")).expect("cue pattern is valid");
}

pattern! {
    static ZONE_START_AT = Regex::new(&format!("(?i){ZONE_START}")).expect("zone start pattern is valid");
}

/// A basis phrase: byte range and "YoY" or "QoQ".
#[derive(Debug, Clone, Copy)]
pub(super) struct Basis {
    pub start: usize,
    pub end: usize,
    pub label: &'static str,
}

/// The cues of a sentence: basis phrases, clause breaks, and the byte ranges that speak
/// of earlier values ("…, compared with $2.7 billion in fourth quarter 2022"), where a
/// level is a point of comparison, and so is a period.
#[derive(Debug, Default)]
pub(super) struct Cues {
    pub bases: Vec<Basis>,
    pub breaks: Breaks,
    pub zones: Vec<(usize, usize)>,
    /// Where words say that what follows is the whole company's (`WHOLE`).
    pub whole: Vec<usize>,
}

impl Cues {
    /// The cues of `text`.
    pub fn of(text: &str) -> Cues {
        let mut cues = Cues::default();
        let mut found = Comparisons::default();
        CUES.with(|re| {
            for m in re.find_iter(text) {
                cues.add(text, m.start(), m.end(), &mut found);
            }
        });
        // A comparison reaches up to where its naming ends, else to the end. One that
        // opens the sentence ("Relative to the fourth quarter of 2023, when …, Q4 2024
        // brought …") ends at the first comma: the main clause follows it.
        cues.zones = (found.starts.iter())
            .map(|&from| {
                let end = found.ends.iter().find(|&&e| e >= from).copied().unwrap_or(text.len());
                let opens = text[..from].split_whitespace().count() <= 3
                    && !text[..from].bytes().any(|b| b == b',' || b.is_ascii_digit());
                let comma = || text[from..end].find(',').map(|at| from + at);
                (from, if opens { comma().unwrap_or(end) } else { end })
            })
            .collect();
        cues
    }

    fn add(&mut self, text: &str, start: usize, end: usize, found: &mut Comparisons) {
        let t = &text.as_bytes()[start..end];
        let has = |word: &[u8]| t.windows(word.len()).any(|w| w.eq_ignore_ascii_case(word));
        // No other cue starts with these words ("compared" is not "company").
        if matches!(t[0] | 0x20, b'c' | b'f' | b't')
            && [&b"company"[..], b"consolidated", b"firm", b"the "]
                .iter()
                .any(|w| t.len() >= w.len() && t[..w.len()].eq_ignore_ascii_case(w))
        {
            // "the firm's 317,233 people", "the company's total of $21.2 billion": the
            // figure follows a few words on; "the group's profit engine, produced …" names
            // no figure of the whole.
            let possessive = t[0] | 0x20 == b't';
            let mut words = text[end..].split_whitespace();
            let near = (&mut words)
                .take(4)
                .take_while(|w| !w.ends_with([',', ';']))
                .any(|w| w.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥')));
            if !possessive || near {
                self.whole.push(start);
            }
            return;
        }
        match t[0] {
            b';' => {
                self.breaks.hard.push(start);
                // "Q4 2025 revenue $206B–$213B; op. income $21B–$26B": the clauses a
                // semicolon joins are set in the same period, unless the one after it
                // looks ahead ("250M users in 2024; projected $10B+ in sales").
                let clause = text[end..].split(';').next().unwrap_or_default();
                if super::period::looks_ahead(clause) {
                    self.breaks.period.push(start);
                }
                found.ends.push(start);
            }
            b')' => found.ends.push(start),
            b',' => {
                let word = text[start + 1..end].trim_start();
                if ["and", "while", "but", "so"]
                    .iter()
                    .any(|w| word.eq_ignore_ascii_case(w))
                {
                    found.ends.push(start);
                }
                if word.eq_ignore_ascii_case("so") {
                    self.breaks.period.push(start);
                } else if ["which", "who", "including", "excluding", "driven", "led"]
                    .iter()
                    .any(|w| word.eq_ignore_ascii_case(w))
                {
                    // ", which grew 19%" still speaks of the metric before it.
                    let relative = word.eq_ignore_ascii_case("which") || word.eq_ignore_ascii_case("who");
                    let verb = text[end..].split_whitespace().next().unwrap_or_default();
                    if !relative || dir_before(verb).is_none() {
                        self.breaks.soft.push(start);
                        if relative {
                            self.breaks.relative.push(start);
                        }
                    }
                } else {
                    if word.eq_ignore_ascii_case("and") {
                        self.breaks.and.push(start);
                    }
                    self.breaks.hard.push(start);
                }
            }
            _ if t.starts_with("—".as_bytes()) => self.breaks.hard.push(start),
            // "($0.4B) in Q4 2023 → $1.3B profit in Q4 2024": an arrow leads from one
            // state of a metric to the next, and each keeps its own period.
            _ if t.starts_with("→".as_bytes()) => self.breaks.period.push(start),
            // A dash or a conjunction between spaces.
            _ if !t[0].is_ascii_alphanumeric() => {
                let dash = has("—".as_bytes()) || has("–".as_bytes());
                let mut words = text[start..end].split_whitespace();
                let first = words.next().unwrap_or_default();
                // " and we", " so it": the end of a comparison's naming; only " but we"
                // (and " even though", two words of one conjunction) also breaks the clause.
                let pronoun_after = words.next().is_some();
                if !pronoun_after || first.eq_ignore_ascii_case("but") || first.eq_ignore_ascii_case("even") {
                    self.breaks.hard.push(start);
                }
                if dash {
                    self.breaks.period.push(start);
                }
                if dash || pronoun_after {
                    found.ends.push(start);
                }
            }
            // "below Q3 2023", "above the fourth quarter of 2023": the comparison starts
            // after the word, so that the period is in it (and is no basis).
            _ if t.len() > 5 && (t[..5].eq_ignore_ascii_case(b"below") || t[..5].eq_ignore_ascii_case(b"above")) => {
                found.starts.push(start + 5);
            }
            // A word: a basis phrase, else where a comparison starts.
            _ => {
                let quarterly = has(b"quarter") || has(b"q/q") || has(b"qoq") || has(b"sequential");
                let yearly = has(b"year") || has(b"y/y") || has(b"yoy") || has(b"annual");
                if !(quarterly || yearly) {
                    found.starts.push(end);
                    return;
                }
                let label = if quarterly { "QoQ" } else { "YoY" };
                self.bases.push(Basis { start, end, label });
                // "versus last year" also starts a comparison.
                if matches!(t[0].to_ascii_lowercase(), b'c' | b'v') {
                    let zone = ZONE_START_AT
                        .with(|re| re.find_at(text, start))
                        .filter(|z| z.start() == start);
                    if let Some(z) = zone {
                        found.starts.push(z.end());
                    }
                }
            }
        }
    }
}

/// What `Cues::of` gathers before it can tell where comparisons end.
#[derive(Default)]
struct Comparisons {
    /// Where a comparison starts (after "compared with").
    starts: Vec<usize>,
    /// Where the naming of an earlier value may end.
    ends: Vec<usize>,
}

/// Where clauses break in a sentence (byte offsets): `hard` stop both the joining of
/// a level and its change and the search for a metric; `soft` ones (", which …")
/// stop only the search for a metric; `period` ones stop a period phrase from
/// reaching a figure.
#[derive(Debug, Default)]
pub(super) struct Breaks {
    pub hard: Vec<usize>,
    pub soft: Vec<usize>,
    pub period: Vec<usize>,
    /// The hard breaks that are ", and".
    pub and: Vec<usize>,
    /// The soft breaks that open a relative clause (", which", ", who").
    pub relative: Vec<usize>,
}

impl Breaks {
    /// A period break lies in `from..to`.
    pub fn period_between(&self, from: usize, to: usize) -> bool {
        self.period.iter().any(|&b| b >= from && b < to)
    }

    /// A hard break lies in `from..to`.
    pub fn hard_between(&self, from: usize, to: usize) -> bool {
        self.hard.iter().any(|&b| b >= from && b < to)
    }

    /// Any break lies in `from..to`.
    pub fn any_between(&self, from: usize, to: usize) -> bool {
        self.hard_between(from, to) || self.soft.iter().any(|&b| b >= from && b < to)
    }

    /// Any break lies in `from..to` but a relative clause opened right at `from`: the
    /// clause speaks of what ends there ("Ad sales, which surpassed $56 billion …, grew
    /// 19% …"), and so does the main clause it interrupts.
    pub fn any_between_but_aside(&self, from: usize, to: usize, text: &str) -> bool {
        let aside = |b: usize| self.relative.contains(&b) && text[from..b].trim().is_empty();
        self.hard_between(from, to) || self.soft.iter().any(|&b| b >= from && b < to && !aside(b))
    }

    /// The last break in `from..to` when every break there is ", and".
    pub fn only_and_between(&self, from: usize, to: usize) -> Option<usize> {
        let within = |b: &&usize| **b >= from && **b < to;
        let last = self.and.iter().filter(within).max()?;
        let other =
            self.hard.iter().filter(within).any(|b| !self.and.contains(b)) || self.soft.iter().any(|b| within(&b));
        (!other).then_some(*last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_are_found() {
        let c = Cues::of("up 13% year-over-year and 2% sequentially, down vs. last year");
        let labels: Vec<_> = c.bases.iter().map(|b| b.label).collect();
        assert_eq!(labels, ["YoY", "QoQ", "YoY"]);
    }

    #[test]
    fn directions() {
        // Every word of the lists reads as its list says, in any case.
        for (place, up, down) in PLACES {
            for w in down {
                let want = if up.contains(w) { Dir::Up } else { Dir::Down };
                assert_eq!(direction(&w.to_uppercase(), place), Some(want), "{w}");
            }
            for w in up {
                assert_eq!(direction(w, place), Some(Dir::Up), "{w}");
            }
        }
        assert_eq!(dir_of_verb("grew"), None);
        assert_eq!(dir_before("Grew"), Some(Dir::Up));
        assert_eq!(dir_before("declined"), Some(Dir::Down));
        assert_eq!(dir_after("increase"), Some(Dir::Up));
        assert_eq!(dir_before("reached"), None);
    }

    #[test]
    fn comparisons_reach_to_where_their_naming_ends() {
        let text = "Sales were $5B, compared with $4B a year ago, and margin rose";
        let c = Cues::of(text);
        assert_eq!(c.zones.len(), 1);
        let (from, to) = c.zones[0];
        assert_eq!(&text[from..to], " $4B a year ago");
        // ")" and " and we" end one; " and we" breaks no clause, " but we" does.
        let text = "AWS (versus $3B) grew versus $2B and we think versus $1B but we know";
        let c = Cues::of(text);
        let named: Vec<&str> = c.zones.iter().map(|&(a, b)| text[a..b].trim()).collect();
        assert_eq!(named, ["$3B", "$2B", "$1B"]);
        assert_eq!(c.breaks.hard.len(), 1);
        // "versus last year" is a basis and starts a comparison.
        let c = Cues::of("up 5% versus last year");
        assert_eq!(c.bases[0].label, "YoY");
        assert_eq!(c.zones.len(), 1);
    }

    #[test]
    fn clause_breaks() {
        let b = Cues::of("AWS grew 13%; ads rose, and Prime, which is big").breaks;
        assert_eq!(b.hard.len(), 2);
        assert_eq!(b.soft.len(), 1);
    }
}
