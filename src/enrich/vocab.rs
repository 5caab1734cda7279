//! The topic vocabulary: every title and alias of every topic, compiled once per build
//! into one Aho-Corasick automaton, and the finder of topic mentions in a piece of text.
//!
//! Rules (DESIGN.md, "Content model"): whole words only, leftmost then longest, never
//! overlapping. A phrase written all in capitals ("AWS", "AI") or of three characters or
//! less is case-sensitive; any other phrase ignores case. Real prose is tolerated: any
//! whitespace (NBSP too) stands for a phrase's space, U+2010–U+2013 for its hyphen, curly
//! quotes for straight ones; a possessive ("Kuiper's") ends a mention and a simple plural
//! ("data centers") extends it.
//!
//! Phrases and text are first normalised alike (`vocab/normalise.rs`), so one automaton
//! serves every spelling of a space, hyphen or quote. The automaton matches ASCII letters
//! without regard to case; case-sensitive phrases are verified afterwards, and non-ASCII
//! letters are folded to lower case on both sides so that "SOCIÉTÉ" meets "Société".

use std::cmp::Reverse;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

mod normalise;

use normalise::{Normalised, normalise};

/// One phrase that mentions a topic: its title or one of its aliases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The caller's index of the topic this phrase names.
    pub topic: usize,
    /// The phrase as written in front matter.
    pub phrase: String,
}

/// A mention of a topic found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range of the mention in the text that was searched.
    pub range: Range<usize>,
    /// The topic mentioned (the `topic` of the matching [`Term`]).
    pub topic: usize,
}

/// All phrases of all topics, ready to search any number of texts (shareable across
/// threads).
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// `None` only if the automaton could not be built (see [`Vocabulary::new`]).
    automaton: Option<AhoCorasick>,
    /// Indexed by the automaton's pattern id.
    phrases: Vec<Phrase>,
}

/// What is checked about a phrase once the automaton has found it.
#[derive(Debug, Clone)]
struct Phrase {
    topic: usize,
    /// Case-sensitive phrases: the normalised phrase, compared byte for byte.
    exact: Option<String>,
    /// Case-sensitive phrases with non-ASCII letters: the phrase normalised without case
    /// folding, compared with the original text.
    strict: Option<String>,
    /// A word boundary is required before (after) only if the phrase starts (ends) with a
    /// word character, as regex `\b` does: "C++" still matches before a space.
    starts_word: bool,
    ends_word: bool,
    /// Takes "es" as a plural ("business" → "businesses"), not only "s".
    plural_es: bool,
}

impl Vocabulary {
    /// Builds one automaton for all phrases of all topics (once per build; the cost of
    /// [`find`](Self::find) does not grow with the number of topics). Blank phrases are
    /// skipped. Two topics with the same phrase: the earlier term wins.
    ///
    /// The automaton can only fail to build past aho-corasick's limits (billions of
    /// states, i.e. gigabytes of phrases); the vocabulary then finds nothing.
    pub fn new(terms: Vec<Term>) -> Vocabulary {
        let mut patterns = Vec::with_capacity(terms.len());
        let mut phrases = Vec::with_capacity(terms.len());
        for term in terms {
            let spaced = term.phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            if spaced.is_empty() {
                continue;
            }
            let folded = normalise(&spaced, true).text.into_owned();
            phrases.push(Phrase::new(term.topic, &spaced, &folded));
            patterns.push(folded);
        }
        let mut builder = AhoCorasick::builder();
        builder.ascii_case_insensitive(true).match_kind(MatchKind::Standard);
        // A DFA searches about twice as fast as the default NFA (≈1 MB of memory for 600
        // phrases); past its size limit the builder's own choice is used.
        let automaton = builder
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .or_else(|_| builder.kind(None).build(&patterns))
            .ok();
        Vocabulary { automaton, phrases }
    }

    /// True if there is no phrase to look for.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty() || self.automaton.is_none()
    }

    /// Non-overlapping mentions in `text`, left to right; where several phrases start at
    /// the same place, the longest wins. Ranges are byte ranges into `text`.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        if self.phrases.is_empty() || text.is_empty() {
            return Vec::new();
        }
        let norm = normalise(text, true);
        let hay: &str = &norm.text;
        // Overlapping search, so that a rejected long candidate never hides a shorter
        // valid one at the same place ("AI stack" in "AI stacked" still leaves "AI").
        let mut found: Vec<(usize, usize, usize)> = automaton
            .find_overlapping_iter(hay)
            .filter_map(|m| {
                let id = m.pattern().as_usize();
                let end = self.accept(id, text, &norm, m.start(), m.end())?;
                Some((m.start(), end, id))
            })
            .collect();
        found.sort_unstable_by_key(|&(start, end, id)| (start, Reverse(end), id));
        let mut mentions = Vec::new();
        let mut taken = 0;
        for (start, end, id) in found {
            if start < taken {
                continue;
            }
            taken = end;
            mentions.push(Mention {
                range: norm.original(start)..norm.original(end),
                topic: self.phrases[id].topic,
            });
        }
        mentions
    }

    /// Checks a candidate match at `start..end` of the normalised text; returns where the
    /// mention ends (past a plural ending), or `None` if it is not a mention.
    fn accept(&self, id: usize, text: &str, norm: &Normalised, start: usize, end: usize) -> Option<usize> {
        let phrase = self.phrases.get(id)?;
        let hay: &str = &norm.text;
        // Matches of UTF-8 patterns lie on character boundaries; `get` keeps that a
        // non-panicking assumption.
        if phrase.starts_word && hay.get(..start)?.chars().next_back().is_some_and(is_word) {
            return None;
        }
        if let Some(exact) = &phrase.exact {
            if hay.get(start..end)? != exact {
                return None;
            }
            if let Some(strict) = &phrase.strict {
                let original = text.get(norm.original(start)..norm.original(end))?;
                if normalise(original, false).text != strict.as_str() {
                    return None;
                }
            }
        }
        let rest = hay.get(end..)?;
        if !phrase.ends_word || !rest.chars().next().is_some_and(is_word) {
            return Some(end);
        }
        let plural = phrase.plural_len(rest)?;
        match rest.get(plural..)?.chars().next() {
            Some(c) if is_word(c) => None,
            _ => Some(end + plural),
        }
    }
}

impl Phrase {
    /// `spaced` is the phrase with whitespace collapsed; `folded` its searched form.
    fn new(topic: usize, spaced: &str, folded: &str) -> Phrase {
        let all_caps = spaced.chars().any(char::is_alphabetic) && !spaced.chars().any(char::is_lowercase);
        let case_sensitive = all_caps || spaced.chars().count() <= 3;
        let strict = (case_sensitive && !spaced.is_ascii()).then(|| normalise(spaced, false).text.into_owned());
        let lower = folded.to_ascii_lowercase();
        Phrase {
            topic,
            exact: case_sensitive.then(|| folded.to_string()),
            strict,
            starts_word: spaced.chars().next().is_some_and(is_word),
            ends_word: spaced.chars().next_back().is_some_and(is_word),
            plural_es: ["s", "x", "z", "ch", "sh"].iter().any(|e| lower.ends_with(e)),
        }
    }

    /// Length of a plural ending at the start of `rest`, if there is one.
    fn plural_len(&self, rest: &str) -> Option<usize> {
        let bytes = rest.as_bytes();
        if self.plural_es {
            return bytes.get(..2).filter(|b| b.eq_ignore_ascii_case(b"es")).map(|_| 2);
        }
        // A case-sensitive phrase takes only a lower-case "s": "AIs", but "AIS" is a word.
        match bytes.first() {
            Some(b's') => Some(1),
            Some(b'S') if self.exact.is_none() => Some(1),
            _ => None,
        }
    }
}

/// Letters, digits and `_` make words.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(phrases: &[(usize, &str)]) -> Vocabulary {
        let terms = phrases.iter().map(|&(topic, p)| Term {
            topic,
            phrase: p.into(),
        });
        Vocabulary::new(terms.collect())
    }

    /// The mentioned text and topic of each mention.
    fn found<'t>(v: &Vocabulary, text: &'t str) -> Vec<(&'t str, usize)> {
        v.find(text).into_iter().map(|m| (&text[m.range], m.topic)).collect()
    }

    #[test]
    fn capitals_and_short_phrases_keep_their_case() {
        let v = vocab(&[(0, "AWS"), (1, "AI"), (2, "S3"), (3, "Kuiper"), (4, "AI stack")]);
        assert_eq!(found(&v, "aws and Aws, but AWS"), [("AWS", 0)]);
        assert_eq!(found(&v, "ai, Ai, AI"), [("AI", 1)]);
        assert_eq!(found(&v, "s3 vs S3"), [("S3", 2)]);
        assert_eq!(
            found(&v, "kuiper KUIPER Kuiper"),
            [("kuiper", 3), ("KUIPER", 3), ("Kuiper", 3)]
        );
        assert_eq!(
            found(&v, "the ai stack and the AI Stack"),
            [("ai stack", 4), ("AI Stack", 4)]
        );
    }

    #[test]
    fn longest_phrase_wins_and_mentions_never_overlap() {
        let v = vocab(&[(0, "AI"), (1, "generative AI stack"), (2, "AI stack")]);
        assert_eq!(found(&v, "our generative AI stack"), [("generative AI stack", 1)]);
        assert_eq!(found(&v, "the AI stack, AI"), [("AI stack", 2), ("AI", 0)]);
        // A rejected longer candidate leaves the shorter one at the same place.
        assert_eq!(found(&v, "AI stacked up"), [("AI", 0)]);
    }

    #[test]
    fn only_whole_words_match() {
        let v = vocab(&[(0, "AWS"), (1, "Prime"), (2, "data center"), (3, "C++")]);
        assert!(found(&v, "LAWS, AWSome, Primer, subprime, data_center").is_empty());
        assert_eq!(found(&v, "(AWS) Prime."), [("AWS", 0), ("Prime", 1)]);
        assert_eq!(found(&v, "in C++ code"), [("C++", 3)]);
    }

    #[test]
    fn possessives_end_and_plurals_extend_a_mention() {
        let v = vocab(&[(0, "Kuiper"), (1, "data center"), (2, "business"), (3, "AI")]);
        assert_eq!(found(&v, "Kuiper's and Kuiper’s"), [("Kuiper", 0), ("Kuiper", 0)]);
        assert_eq!(found(&v, "two data centers"), [("data centers", 1)]);
        assert_eq!(found(&v, "many businesses"), [("businesses", 2)]);
        assert_eq!(found(&v, "DATA CENTERS"), [("DATA CENTERS", 1)]);
        assert_eq!(found(&v, "all AIs, no AIS"), [("AIs", 3)]);
        assert!(found(&v, "data centered").is_empty());
    }

    #[test]
    fn any_space_hyphen_or_quote_of_real_text_matches() {
        let v = vocab(&[
            (0, "AI"),
            (1, "year-over-year"),
            (2, "Project Kuiper"),
            (3, "Amazon's Prime"),
        ]);
        assert_eq!(found(&v, "Project\u{a0}Kuiper"), [("Project\u{a0}Kuiper", 2)]);
        assert_eq!(found(&v, "Project\nKuiper"), [("Project\nKuiper", 2)]);
        assert!(
            found(&v, "Project  Kuiper").is_empty(),
            "one space, one whitespace char"
        );
        assert_eq!(found(&v, "AI\u{2011}driven"), [("AI", 0)]);
        assert_eq!(
            found(&v, "up year\u{2011}over\u{2013}year"),
            [("year\u{2011}over\u{2013}year", 1)]
        );
        assert_eq!(found(&v, "Amazon’s Prime"), [("Amazon’s Prime", 3)]);
    }

    #[test]
    fn unicode_around_a_mention_maps_back_to_original_bytes() {
        let v = vocab(&[(0, "Kuiper"), (1, "Société Générale")]);
        assert_eq!(found(&v, "“Kuiper”"), [("Kuiper", 0)]);
        assert_eq!(found(&v, "é—Kuiper—é"), [("Kuiper", 0)]);
        assert!(found(&v, "éKuiper Kuiperé").is_empty());
        assert_eq!(found(&v, "à SOCIÉTÉ GÉNÉRALE’s"), [("SOCIÉTÉ GÉNÉRALE", 1)]);
        // The Kelvin sign folds to a one-byte "k": later offsets still map right.
        assert_eq!(found(&v, "\u{212A}\u{a0}Kuiper"), [("Kuiper", 0)]);
    }

    #[test]
    fn non_ascii_capitals_stay_case_sensitive() {
        let v = vocab(&[(0, "ÉTÉ")]);
        assert_eq!(found(&v, "été, ÉTÉ"), [("ÉTÉ", 0)]);
    }

    #[test]
    fn an_empty_vocabulary_finds_nothing() {
        let v = vocab(&[]);
        assert!(v.is_empty());
        assert!(v.find("AWS Kuiper").is_empty());
        let blank = vocab(&[(0, "  "), (1, "")]);
        assert!(blank.is_empty());
        assert!(!vocab(&[(0, "AWS")]).is_empty());
        assert!(vocab(&[(0, "AWS")]).find("").is_empty());
    }

    #[test]
    fn the_earlier_term_wins_a_shared_phrase() {
        let v = vocab(&[(7, "Prime"), (3, "prime")]);
        assert_eq!(found(&v, "Prime"), [("Prime", 7)]);
    }

    /// 1 MB of text made of `words`, the same every run.
    fn corpus(words: &[&str]) -> String {
        let mut text = String::new();
        let mut seed: u64 = 42;
        while text.len() < 1 << 20 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(words[(seed >> 33) as usize % words.len()]);
            text.push(' ');
        }
        text
    }

    /// 600 phrases over 1 MB: `cargo test --release -- --ignored --nocapture throughput`
    #[test]
    #[ignore]
    fn throughput() {
        let mut terms = Vec::new();
        for i in 0..200 {
            for phrase in [format!("topic {i} program"), format!("T{i}X"), format!("Alias{i}")] {
                terms.push(Term { topic: i, phrase });
            }
        }
        let v = Vocabulary::new(terms);
        let dense = [
            "AWS",
            "revenue",
            "grew",
            "13%",
            "Alias42",
            "the",
            "topic 7 program",
            "Kuiper’s",
            "data\u{a0}centers",
            "year‑over‑year",
            "T199X",
            "said",
            "main",
        ];
        let mut prose = "the of and to in a is that for it as was with be by on not he this are \
            or his from at which but have an they you were her she there one all we can has \
            revenue grew operating income margin quarter customers capacity said"
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>();
        prose.extend(["Alias7", "Kuiper’s", "T12X", "data\u{a0}center"]);
        let ascii_dense: Vec<&str> = dense.iter().copied().filter(|w| w.is_ascii()).collect();
        for (name, words) in [
            ("dense, non-ASCII", &dense[..]),
            ("dense, ASCII", &ascii_dense),
            ("prose", &prose),
        ] {
            let text = corpus(words);
            // Best of ten runs: the machine may be busy with other work.
            let mut best = f64::MAX;
            let mut n = 0;
            for _ in 0..10 {
                let start = std::time::Instant::now();
                n = v.find(&text).len();
                best = best.min(start.elapsed().as_secs_f64());
            }
            let mb = text.len() as f64 / 1e6;
            println!("{name}: {n} mentions in {mb:.2} MB, {:.0} MB/s", mb / best);
        }
    }
}
