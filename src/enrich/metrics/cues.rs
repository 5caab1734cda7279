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
    "grow",
    "grows",
    "growing",
    "growth",
    "increase",
    "increased",
    "increases",
    "increasing",
    "rose",
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
];
/// Words written after an amount that make it a change ("a 13% increase", "70% more").
const UP_AFTER: &[&str] = &[
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
];
const DOWN_AFTER: &[&str] = &[
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

pattern! {
    static BASIS = {
        Regex::new(
            r"(?xi)
            (?P<yoy>(?-u:\b)year[\s-]*(?:over|on|per|to)[\s-]*year(?-u:\b)|(?-u:\b)y/y(?-u:\b)|(?-u:\b)yoy(?-u:\b)|(?-u:\b)a\s+year\s+(?:ago|earlier)(?-u:\b)
              |(?-u:\b)(?:compared\s+(?:to|with)|versus|vs\.?|over|from|than)\s+(?:the\s+)?(?:last|prior|previous|same\s+period\s+(?:of\s+)?last)\s+year(?-u:\b)
              |(?-u:\b)annual\s+growth(?-u:\b))
            |(?P<qoq>(?-u:\b)quarter[\s-]*(?:over|on|to)[\s-]*quarter(?-u:\b)|(?-u:\b)q/q(?-u:\b)|(?-u:\b)qoq(?-u:\b)|(?-u:\b)sequential(?:ly)?(?-u:\b)
              |(?-u:\b)(?:compared\s+(?:to|with)|versus|vs\.?|over|from|than)\s+(?:the\s+)?(?:last|prior|previous)\s+quarter(?-u:\b))",
        )
        .expect("basis pattern is valid")
    };
}

/// A basis phrase: byte range and "YoY" or "QoQ".
#[derive(Debug, Clone, Copy)]
pub(super) struct Basis {
    pub start: usize,
    pub end: usize,
    pub label: &'static str,
}

/// Basis phrases of a sentence.
pub(super) fn find_bases(text: &str) -> Vec<Basis> {
    // Telling the two apart from the match text avoids a capturing search.
    BASIS.with(|re| {
        re.find_iter(text)
            .map(|m| {
                let t = m.as_str().as_bytes();
                let quarterly = t.windows(7).any(|w| w.eq_ignore_ascii_case(b"quarter"))
                    || t.windows(3)
                        .any(|w| w.eq_ignore_ascii_case(b"q/q") || w.eq_ignore_ascii_case(b"qoq"))
                    || t.windows(10).any(|w| w.eq_ignore_ascii_case(b"sequential"));
                let label = if quarterly { "QoQ" } else { "YoY" };
                Basis {
                    start: m.start(),
                    end: m.end(),
                    label,
                }
            })
            .collect()
    })
}

pattern! {
    static CLAUSE = {
        Regex::new(
            r"(?i);|\s[—–-]\s|—|,\s*(?:and|but|while|whereas|although|though|whereas)(?-u:\b)|\s(?:but|while|whereas|meanwhile)\s",
        )
        .expect("clause pattern is valid")
    };
}

pattern! {
    static RELATIVE = {
        Regex::new(r"(?i),\s*(?:which|who|including|excluding|driven|led)(?-u:\b)").expect("relative pattern is valid")
    };
}

pattern! {
    /// Where an earlier value is named: "compared with", "versus", "vs.".
    static ZONE_START = {
        Regex::new(r"(?i)(?-u:\b)(?:compared?s?\s+(?:with|to)|versus|vs(?-u:\b)\.?|against)")
            .expect("zone start pattern is valid")
    };
}

pattern! {
    /// Where the naming of an earlier value ends.
    static ZONE_END = {
        Regex::new(
            r"(?i)[);]|\s[—–]\s|,\s*(?:and|while|but|so)(?-u:\b)|\s(?:and|but|so)\s+(?:we|i|it|they|our|amazon)(?-u:\b)",
        )
        .expect("zone end pattern is valid")
    };
}

/// Byte ranges that speak of earlier values ("…, compared with $2.7 billion in fourth
/// quarter 2022"): a level there is a point of comparison, and so is a period.
pub(super) fn comparison_zones(text: &str) -> Vec<(usize, usize)> {
    ZONE_START.with(|re| {
        re.find_iter(text)
            .map(|m| {
                let end = ZONE_END.with(|re| re.find_at(text, m.end()).map_or(text.len(), |e| e.start()));
                (m.end(), end)
            })
            .collect()
    })
}

pattern! {
    /// Where a figure's period stops reaching: a new sentence-like clause.
    static PERIOD_BREAK = Regex::new(r"(?i);|,\s*so(?-u:\b)|\s[—–]\s").expect("period break pattern is valid");
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
}

impl Breaks {
    /// The clause breaks of `text`.
    pub fn of(text: &str) -> Breaks {
        Breaks {
            hard: CLAUSE.with(|re| re.find_iter(text).map(|m| m.start()).collect()),
            // ", which grew 19%" still speaks of the metric before it.
            soft: RELATIVE.with(|re| {
                re.find_iter(text)
                    .filter(|m| {
                        let verb = text[m.end()..].split_whitespace().next().unwrap_or_default();
                        let word = m.as_str()[1..].trim_start();
                        let relative = word.eq_ignore_ascii_case("which") || word.eq_ignore_ascii_case("who");
                        !relative || dir_before(verb).is_none()
                    })
                    .map(|m| m.start())
                    .collect()
            }),
            period: PERIOD_BREAK.with(|re| re.find_iter(text).map(|m| m.start()).collect()),
        }
    }

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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_are_found() {
        let b = find_bases("up 13% year-over-year and 2% sequentially, down vs. last year");
        let labels: Vec<_> = b.iter().map(|b| b.label).collect();
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
    fn clause_breaks() {
        let b = Breaks::of("AWS grew 13%; ads rose, and Prime, which is big");
        assert_eq!(b.hard.len(), 2);
        assert_eq!(b.soft.len(), 1);
    }
}
