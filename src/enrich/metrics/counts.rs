//! Counts and multiples: the noun a number counts ("7 billion items", "20 countries",
//! "2.5 million new Prime members"), whether a plain number with such a noun is a
//! figure at all (not "Top 10 deals", "24 hours", "Llama 2"), the metric the noun
//! names, and verbs that multiply ("tripled" → 3x).

use super::quantity::{Qty, Unit};
use super::tokens::{Kind, Token, lower_ascii};

/// What a word after a number is to the noun it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Countable {
    /// A word that cannot be the thing a number counts ("in", "was", "percent").
    No,
    /// A unit of time: "24 hours", "five years" are durations, not counts.
    Time,
    /// Any other word.
    Yes,
}

/// What `t` is to a count, in any case: one `match` on the word in lower case, where
/// a search of the lists compared every word of them.
#[rustfmt::skip]
fn countable(t: &Token) -> Countable {
    let mut lower = [0u8; 12];
    match lower_ascii(t.text, &mut lower) {
        Some(
            b"in" | b"of" | b"and" | b"or" | b"to" | b"the" | b"a" | b"an" | b"for" | b"from" | b"at"
            | b"on" | b"by" | b"with" | b"was" | b"were" | b"is" | b"are" | b"will" | b"would" | b"has"
            | b"had" | b"have" | b"than" | b"as" | b"per" | b"over" | b"versus" | b"vs" | b"compared"
            | b"up" | b"down" | b"more" | b"less" | b"this" | b"that" | b"which" | b"who" | b"annually"
            | b"each" | b"across" | b"into" | b"last" | b"since" | b"but" | b"while" | b"so" | b"it"
            | b"its" | b"their" | b"our" | b"we" | b"they" | b"he" | b"she" | b"you" | b"i" | b"dollars"
            | b"where" | b"when" | b"whose" | b"whom"
            | b"increase" | b"decrease" | b"growth" | b"higher" | b"lower" | b"above" | b"below"
            | b"including" | b"excluding" | b"plus" | b"worth" | b"today" | b"yet" | b"still"
            | b"already" | b"now" | b"times" | b"percent" | b"basis" | b"points" | b"cents"
            | b"business" | b"plans" | b"process" | b"press" | b"always" | b"these" | b"those"
            | b"comes" | b"goes" | b"means" | b"does" | b"makes" | b"takes" | b"gets" | b"seems"
            | b"looks" | b"says" | b"shows" | b"gives" | b"runs" | b"helps" | b"needs" | b"wants"
            | b"works" | b"grows" | b"remains" | b"continues" | b"includes" | b"represents"
            | b"reflects" | b"yields" | b"lets" | b"keeps" | b"degrees",
        ) => Countable::No,
        // ("times" is a unit of time too, but never counted: it is in the list above.)
        Some(
            b"years" | b"months" | b"days" | b"hours" | b"minutes" | b"seconds" | b"weeks"
            | b"quarters" | b"decades" | b"nights" | b"weekends" | b"sessions" | b"seasons"
            | b"milliseconds" | b"microseconds" | b"nanoseconds",
        ) => Countable::Time,
        _ => Countable::Yes,
    }
}

/// Words before a number that make it a label ("Top 10", "slide 14", "part 3").
#[rustfmt::skip]
const LABELS: &[&str] = &[
    "top", "part", "slide", "page", "note", "footnote", "item", "section", "step", "version",
    "chapter", "season", "episode", "figure", "table", "number", "no", "series", "model",
    "gen", "generation", "phase", "star", "press", "#", "day", "week", "room", "level",
];

/// The number a verb that multiplies stands for ("tripled" → 3), in any case.
pub(super) fn multiple(t: &Token) -> Option<f64> {
    // Most words are shorter or longer than every such verb, or start with another
    // letter: a cheap refusal.
    let first = t.text.as_bytes().first().map(u8::to_ascii_lowercase);
    if !(6..=11).contains(&t.text.len()) || !matches!(first, Some(b'd' | b't' | b'q')) {
        return None;
    }
    let mut lower = [0u8; 11];
    Some(match lower_ascii(t.text, &mut lower)? {
        b"double" | b"doubled" | b"doubling" => 2.0,
        b"triple" | b"tripled" | b"tripling" => 3.0,
        b"quadruple" | b"quadrupled" | b"quadrupling" => 4.0,
        _ => return None,
    })
}

/// The noun a table's head cell counts, in lower case: "Stores at year-end" counts
/// stores, "Employees (k)" employees. The head's first word, when it is a plural that can
/// be counted. (Whether the head names an amount of money, "Net sales", is the caller's
/// question: the lexicon's.)
pub fn counted_noun(head: &str) -> Option<String> {
    let first = head.split_whitespace().next()?;
    let toks = super::tokens::tokenize(first);
    let [t] = toks.as_slice() else { return None };
    (t.kind == Kind::Word && plural(t) && countable(t) == Countable::Yes).then(|| t.text.to_lowercase())
}

/// "38 a month", "at five a month", "a rate of 7 per month": a whole number of things made
/// a month or a week, where the sentence speaks of making them (a rate, production, a
/// build, a line, a cap) or of a jetliner family ("787: 7 a month now"), which
/// `count_metric` names the production rate.
pub(super) fn made_a_month(toks: &[Token], q: &Qty) -> bool {
    let per = toks.get(q.next).is_some_and(|t| t.is_any(&["a", "per"]))
        && toks.get(q.next + 1).is_some_and(|t| t.is_any(&["month", "week"]));
    per && q.amount >= 1.0
        && q.amount < 1e4
        && q.amount.fract() == 0.0
        && (0..toks.len()).any(|k| {
            let t = &toks[k];
            t.is_any(&[
                "rate", "rates", "build", "building", "builds", "line", "lines", "cap", "capped",
            ]) || (t.kind == Kind::Word && t.text.len() > 6 && t.text[..6].eq_ignore_ascii_case("produc"))
                || (t.kind == Kind::Num && super::quantity::jetliner(toks, k))
        })
}

/// Whether `t` is a plural noun a number can count ("shares", "employees").
pub(super) fn counts_a_noun(t: &Token) -> bool {
    t.kind == Kind::Word && plural(t) && countable(t) == Countable::Yes
}

/// A plural form ("items", "people", an acronym's "GPUs", "PCs"), not a possessive.
/// (`head_noun` has already refused the words that are never counted.)
fn plural(t: &Token) -> bool {
    let w = t.text;
    if let Some(stem) = w.strip_suffix('s')
        && stem.len() >= 2
        && stem.bytes().all(|b| b.is_ascii_uppercase())
    {
        return true;
    }
    let s_end = w.len() > 3
        && w.ends_with(['s', 'S'])
        && !["ss", "us", "is"]
            .iter()
            .any(|e| w.get(w.len() - 2..).is_some_and(|x| x.eq_ignore_ascii_case(e)));
    let apostrophe = w.contains(['\'', '’']);
    (s_end || t.is_any(&["people", "staff"])) && !apostrophe
}

fn verb_form(t: &Token) -> bool {
    let w = t.text;
    w.len() > 4
        && ["ing", "ed"]
            .iter()
            .any(|e| w.get(w.len() - e.len()..).is_some_and(|x| x.eq_ignore_ascii_case(e)))
}

/// "paid rides per week: more than 150,000": the plural noun of a label right before the
/// colon that leads to a quantity, which the quantity counts.
pub(super) fn labelled_noun(toks: &[Token], q: &Qty) -> Option<usize> {
    let colon = q.first.checked_sub(1).filter(|&k| toks[k].is(":"))?;
    // The label: the words since the item, sentence or clause began.
    let from = toks[..colon]
        .iter()
        .rposition(|t| t.kind == Kind::Sym && !t.is("-"))
        .map_or(0, |k| k + 1);
    (from..colon)
        .rev()
        .find(|&k| toks[k].is_word() && plural(&toks[k]) && countable(&toks[k]) == Countable::Yes)
}

/// The noun a quantity counts: the last plural word of the few words after it
/// ("7 billion items to", "200 million monthly viewers worldwide", "4,500 developer-years").
pub(super) fn head_noun(toks: &[Token], q: &Qty) -> Option<usize> {
    let mut best = None;
    let mut k = q.next;
    let mut words = 0;
    while let Some(t) = toks.get(k) {
        let glued_hyphen = t.is("-") && k > 0 && toks[k - 1].end == t.start;
        if glued_hyphen && toks.get(k + 1).is_some_and(|n| n.start == t.end && n.is_word()) {
            k += 1;
            continue;
        }
        // "250 thousand new selling partners", "200 million paying members": a verb form
        // before a plural noun describes it, as it does one word before it in a compound
        // said without its hyphens ("650,000 value based care patients"), but not once a
        // noun was counted ("7 billion items reached Prime members").
        let counted = |n: &Token| n.is_word() && plural(n) && countable(n) == Countable::Yes;
        let describes = || {
            toks.get(k + 1).is_some_and(counted)
                || (best.is_none()
                    && words < 3
                    && toks.get(k + 1).is_some_and(|n| n.is_word() && !verb_form(n))
                    && toks.get(k + 2).is_some_and(counted))
        };
        // "full-time and part-time employees": a conjunction between two compounds,
        // before any noun, joins the words that describe it.
        let joins = best.is_none()
            && t.is_any(&["and", "or"])
            && k >= 2
            && toks[k - 2].is("-")
            && toks.get(k + 2).is_some_and(|h| h.is("-") && h.start == toks[k + 1].end);
        if joins {
            k += 1;
            continue;
        }
        let countable = countable(t);
        if !t.is_word() || countable == Countable::No || (verb_form(t) && !describes()) || words == 4 {
            break;
        }
        let compound = k > 0 && toks[k - 1].is("-") && toks[k - 1].end == t.start;
        // "95 billion hours" watched are counted; "24 hours" is a while.
        let counted_time = q.scaled && t.is_any(&["hours", "minutes"]);
        // "49 million square feet": the space a landlord leases, owns or builds (feet
        // alone are a length).
        let square_feet = t.is("feet") && k > 0 && toks[k - 1].is("square");
        if (plural(t) || square_feet || base_units_in(t).is_some())
            && (compound || countable != Countable::Time || counted_time)
        {
            best = Some(k);
        }
        // A hyphenated compound is one word: "1.56 million full-time and part-time
        // employees" reaches its noun.
        if !compound {
            words += 1;
        }
        k += 1;
    }
    // "the roughly 9 million analysts had expected": who forecast a number is not what it
    // counts.
    let forecast = |k: usize| {
        toks[k].is_any(&["analysts", "economists", "investors", "forecasters"])
            && toks.get(k + 1).is_some_and(|n| {
                n.is_any(&[
                    "had",
                    "have",
                    "expected",
                    "estimated",
                    "forecast",
                    "predicted",
                    "projected",
                    "were",
                ])
            })
    };
    best.filter(|&k| !forecast(k))
}

/// How many megawatts one of the unit `t` names is: power capacity is counted in megawatts,
/// whichever unit a note says it in ("3.1 gigawatts" is 3,100), so that a backlog said in
/// gigawatts and one in megawatts make one series.
pub(super) fn megawatts_in(t: &Token) -> Option<f64> {
    if t.is("megawatts") || t.text == "MW" {
        Some(1.0)
    } else if t.is("gigawatts") || t.text == "GW" {
        Some(1e3)
    } else {
        None
    }
}

/// How many tonnes one of the unit `t` names, as miners write them: "26.4 Mt" is 26.4
/// million tonnes, "867 kt" 867 thousand, counted in tonnes as "million tonnes" is.
pub(super) fn tonnes_in(t: &Token) -> Option<f64> {
    match t.text {
        "Mt" => Some(1e6),
        "kt" => Some(1e3),
        _ => None,
    }
}

/// How many of the unit a count is kept in one of the unit `t` names, for the units of
/// measure counted in another (megawatts, tonnes): whatever their amount, they are counts.
pub(super) fn base_units_in(t: &Token) -> Option<f64> {
    megawatts_in(t).or_else(|| tonnes_in(t))
}

/// Whether a plain number with a noun after it is a count worth a record: ten or more,
/// not a year, not a label or a product's number ("Top 10 deals", "Echo Show 8").
pub(super) fn bare_count(toks: &[Token], q: &Qty, spelled: bool) -> bool {
    let Some(noun) = q.noun else { return false };
    let t = &toks[q.first];
    let year_like = !spelled && t.text.len() == 4 && (1900.0..2100.0).contains(&q.amount);
    let prev = q.first.checked_sub(1).map(|k| &toks[k]);
    let named = prev.is_some_and(|p| {
        p.is_any(LABELS)
            || (p.kind == Kind::Word
                && p.text.starts_with(char::is_uppercase)
                && !p.is_any(&["The", "A", "An", "About", "Over", "Nearly", "Roughly", "Some"]))
    });
    let noun_capital = toks[noun].text.starts_with(char::is_uppercase);
    let measured = base_units_in(&toks[noun]).is_some();
    (q.amount >= 10.0 || measured)
        && !year_like
        && !named
        && (!noun_capital || measured)
        && q.upper.is_none_or(|u| u > q.amount)
}

/// A verb that multiplies ("tripled", but not "doubled down") at token `i`, standing
/// for `value` (as `multiple` read it).
pub(super) fn multiplier(toks: &[Token], i: usize, value: f64) -> Option<Qty> {
    let t = &toks[i];
    if toks.get(i + 1).is_some_and(|n| n.is_any(&["down", "up"])) {
        return None;
    }
    let (first, approx) = super::modifiers::approx_before(toks, i);
    // "double", "triple" are verbs only where a verb is asked for ("expect it to double
    // again", "will more than double", "double the $44.5 billion of 2021"); elsewhere
    // they say what kind ("a double-digit rate", "a double benefit", "triple-A").
    // The base forms ("double", "triple", "quadruple") are the ones that end in "e".
    if t.text.ends_with(['e', 'E']) {
        const BEFORE: &[&str] = &["to", "will", "would", "could", "should", "can", "may", "might", "than"];
        const AFTER: &[&str] = &[
            "again", "the", "it", "its", "their", "that", "this", "by", "in", "over", "from",
        ];
        let glued = toks.get(i + 1).is_some_and(|n| n.start == t.end && n.is("-"));
        let verb = first.checked_sub(1).is_some_and(|b| toks[b].is_any(BEFORE))
            || toks.get(i + 1).is_none_or(|n| n.is_any(AFTER) || n.kind == Kind::Sym);
        if glued || !verb {
            return None;
        }
    }
    Some(Qty {
        start: toks[first].start,
        end: t.end,
        first,
        next: i + 1,
        amount: value,
        upper: None,
        unit: Unit::Times,
        approx,
        negative: false,
        plus: false,
        scaled: false,
        glued: false,
        multiplier: true,
        noun: None,
        valuation: None,
    })
}

/// Nouns counted as an event happens to them, the words that tell of it, and the label
/// of such a count: "9 billion items … same or next day" are items delivered, "27
/// satellites … on its first launch" satellites launched, "30,000 apps moved from Java 8"
/// applications upgraded. A sentence that tells of no such event counts the things
/// themselves ("3,200 satellites in low earth orbit", "1,000 applications being built").
#[rustfmt::skip]
const EVENTS: &[(&[&str], &[&str], &str)] = &[
    (
        &["items", "packages", "parcels", "units"],
        &["deliver", "arriv", "ship", "same-day", "next-day", "same day"],
        "items delivered",
    ),
    (&["satellites"], &["launch"], "satellites launched"),
    (&["tonnes"], &["produc"], "production"),
    (&["applications", "apps"], &["upgrad", "migrat", "moved from", "ported"], "applications upgraded"),
];

/// Words of a sentence that make its "people" a workforce. Not "employer": "Employer &
/// Individual grew by 1.1 million people" counts the members of employers' health plans.
const WORK: &[&str] = &[
    "employ ",
    "employee",
    "employed",
    "employment",
    "employs",
    "employing",
    "hire",
    "hiring",
    "headcount",
    "workforce",
    "staff",
    "job",
    "laid off",
    "layoff",
    "work for",
];

/// Nouns that name who buys, whatever the text calls them: one label, "customers", so
/// that "250 million shoppers", "250 million users" and "250 million customers" are the
/// same metric.
const CUSTOMERS: &[&str] = &["clients", "shoppers", "buyers", "consumers", "users"];

/// What happened to counted things, said after them: "rooms signed", "stores opened" count
/// events, not the things.
const DONE: &[&str] = &[
    "signed",
    "opened",
    "closed",
    "added",
    "acquired",
    "converted",
    "removed",
    "retired",
    "launched",
    "approved",
    "hired",
    "installed",
    "booked",
];

/// The word after a counted noun in a table row's label ("Rooms signed (thousands)"), if
/// it says what happened to the things (`DONE`).
pub fn done_to(label: &str) -> Option<&str> {
    let second = label.split_whitespace().nth(1)?;
    DONE.iter().any(|d| second.eq_ignore_ascii_case(d)).then_some(second)
}

/// The metric a counted noun names: "employees" and "jobs" are headcount, "shoppers" are
/// customers, a count of an event is the event's (`EVENTS`), "apps" are applications,
/// other nouns name themselves ("households").
pub(super) fn count_metric(toks: &[Token], noun: usize, sentence: &str) -> String {
    let before = noun.checked_sub(1).map(|k| toks[k].text.to_lowercase());
    let n = match toks[noun].text.to_lowercase() {
        feet if feet == "feet" && before.as_deref() == Some("square") => "square feet".to_string(),
        _ if tonnes_in(&toks[noun]).is_some() => "tonnes".to_string(),
        n => n,
    };
    let lower = std::cell::OnceCell::new();
    let lower = || lower.get_or_init(|| sentence.to_ascii_lowercase()).as_str();
    if let Some((_, cues, label)) = EVENTS.iter().find(|(nouns, _, _)| nouns.contains(&n.as_str()))
        && cues.iter().any(|c| happened(lower(), c))
    {
        return label.to_string();
    }
    // "164,000 rooms signed", "140 stores opened": what happened to the things is another
    // count than the things themselves ("1.7 million rooms").
    if let Some(done) = toks
        .get(noun + 1)
        .filter(|t| t.is_any(DONE) && t.start == toks[noun].end + 1)
    {
        return format!("{n} {}", done.text.to_lowercase());
    }
    match n.as_str() {
        "employees" | "associates" | "workers" | "staff" | "jobs" | "roles" | "positions" => "headcount".to_string(),
        // People are a workforce only where the sentence speaks of work: "reaches 115
        // million people" counts an audience.
        "people" if WORK.iter().any(|w| lower().contains(w)) => "headcount".to_string(),
        _ if CUSTOMERS.contains(&n.as_str()) => "customers".to_string(),
        "apps" => "applications".to_string(),
        "hours" if ["watch", "view", "stream"].iter().any(|w| lower().contains(w)) => "viewing hours".to_string(),
        "members" if before.as_deref() == Some("prime") => "prime members".to_string(),
        // The members of a plan, a network or a club are what a subscription business
        // calls subscribers ("48.9 million members", "1 billion members").
        "members" => "subscribers".to_string(),
        "accounts" if before.as_deref() == Some("customer") => "customers".to_string(),
        // "38 a month" (`made_a_month`).
        "month" | "week" if matches!(before.as_deref(), Some("a" | "per")) => "production rate".to_string(),
        _ => n,
    }
}

/// Whether `text` tells of the event `stem` starts a word of, as one that happened:
/// "ported" tells of a port, "reported" and "supported" do not; "ship" tells of shipping,
/// "membership" does not; "plans to launch" and "will deliver" tell of events to come,
/// whose counts are of the things themselves.
fn happened(text: &str, stem: &str) -> bool {
    const TO_COME: &[&str] = &[
        "to", "will", "would", "could", "may", "might", "can", "shall", "planned", "upcoming",
    ];
    text.match_indices(stem).any(|(at, _)| {
        let before = &text[..at];
        let starts = !before.chars().next_back().is_some_and(char::is_alphanumeric);
        let word_before = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next();
        starts && !word_before.is_some_and(|w| TO_COME.contains(&w))
    })
}

#[cfg(test)]
mod tests {
    use super::super::quantity::scan;
    use super::super::tokens::tokenize;

    fn counts(text: &str) -> Vec<f64> {
        let toks = tokenize(text);
        scan(&toks, "USD")
            .iter()
            .filter(|q| q.noun.is_some() || q.multiplier)
            .map(|q| q.amount)
            .collect()
    }

    #[test]
    fn plain_numbers_count_only_things() {
        assert_eq!(
            counts("It spans more than 20 countries and 33 geographic regions."),
            [20.0, 33.0]
        );
        assert_eq!(counts("Headcount was 1,525,000 employees."), [1_525_000.0]);
        assert_eq!(counts("about five hundred whole foods stores"), [500.0]);
        assert!(counts("Top 10 deals, 24 hours a day, Echo Show 8 units, three layers").is_empty());
        assert!(counts("In 2023 Amazon delivered 3 items and 2024 plans").is_empty());
    }

    #[test]
    fn multiplying_verbs() {
        assert_eq!(counts("Operating income tripled to $36.9 billion"), [3.0]);
        assert!(counts("We doubled down on it").is_empty());
    }

    fn metric(text: &str) -> String {
        let toks = tokenize(text);
        let q = scan(&toks, "USD")
            .into_iter()
            .find(|q| q.noun.is_some())
            .expect("a count");
        super::count_metric(&toks, q.noun.expect("a noun"), text)
    }

    #[test]
    fn counted_nouns_name_their_metric() {
        assert_eq!(metric("Some 250 million shoppers used it"), "customers");
        assert_eq!(
            metric("It put 27 satellites into orbit on its first launch"),
            "satellites launched"
        );
        assert_eq!(metric("It aims to put 3,200 satellites in orbit"), "satellites");
        assert_eq!(metric("It plans to launch 3,236 satellites"), "satellites");
        assert_eq!(metric("3,236 satellites will launch by 2029"), "satellites");
        assert_eq!(metric("It has launched 102 satellites"), "satellites launched");
        assert_eq!(
            metric("30,000 production apps moved from Java 8 to Java 17"),
            "applications upgraded"
        );
        assert_eq!(metric("about 1,000 apps being built"), "applications");
        assert_eq!(metric("It reported 1,000 apps"), "applications");
        assert_eq!(metric("20 million units sold with a membership"), "units");
        assert_eq!(
            metric("It delivered 9 billion items same or next day"),
            "items delivered"
        );
    }
}
