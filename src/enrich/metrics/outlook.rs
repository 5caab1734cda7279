//! Whether a figure looks ahead: a company's guidance ("we expect revenue of $160 to
//! $167 billion"), an analysts' estimate ("beating the consensus of 64 cents", "the
//! roughly 150,000 analysts had forecast"), a target or a model ("we model $75 billion
//! for 2024"). Such a figure and the one later reported for the same period differ by
//! nature, not by mistake, so the conflict report and the series leave it out
//! (`site::store`), and tables tag it (`render::figures`).
//!
//! Read from the words of the figure's own sentence: a word that looks ahead before it,
//! with no verb that reports a result or point of comparison in between, or words right
//! after it that say who forecast it; or, under a heading that names a guide ("## 2025
//! guidance"), a line that lists the figure ("Revenue: $43.5 billion to $44.5
//! billion").

use super::Sentence;
use super::records::{Rec, Role, forecast_after};
use super::tokens::{Token, lower_ascii};

/// How far before a figure a word that looks ahead is looked for, in tokens: a guide
/// lists several figures after one verb ("Cash flow from operations should be $37.0
/// billion to $39.0 billion, capital expenditures $17.5 billion to $18.5 billion and free
/// cash flow $17.5 billion to $18.5 billion"); a call's list by segment runs longer ("we
/// expect Ford Pro EBIT of …, Ford Blue EBIT of …, a Model e loss of …, and Ford Credit
/// earnings before taxes of about $2.0 billion").
const REACH: usize = 64;

/// Whether the record `rec` of `s` is a forecast: guidance, an estimate, a target.
pub(super) fn forecast(s: &Sentence, rec: &Rec, roles: &[Role]) -> bool {
    // A change alone may yet be read as a level ("added 239,000" net additions).
    let Some(v) = rec.value.or(rec.change) else {
        return false;
    };
    let toks = &s.toks;
    let q = &s.qtys[v];
    // "more than the roughly 150,000 analysts had forecast", "$12.10 billion consensus",
    // "$95 billion for 2025 (est.)", "the $2.76 Wall Street had pencilled in", "$23.25 at
    // the midpoint", "the $37.5 billion we had guided".
    if said_after(toks, q.next) {
        return true;
    }
    // Another earlier value ("up from $39.2 billion last year", "against $13.2 billion a
    // year earlier") was reported.
    if roles[v] == Role::From {
        return false;
    }
    let first = first_token(s, rec, v);
    for k in (first.saturating_sub(REACH)..first).rev() {
        match class(toks, k) {
            Class::End => return false,
            // Words right after an earlier figure that say who forecast it are that
            // figure's: "… short of the $1.52 analysts had expected, on revenue of
            // $15.68 billion".
            Class::Ahead => {
                return !(s.qtys.iter())
                    .any(|o| o.next <= k && k < o.next + 3 && o.next <= first && forecast_after(toks, o.next));
            }
            // "the 2024 operating margin target was 27%", "the revenue guide was raised to
            // $43.5-44.5 billion": what a forecast was, or became.
            Class::Result => return (k.saturating_sub(2)..k).any(|j| forecast_noun(&toks[j])),
            // A point of comparison before another amount is that amount's ("up from a
            // prior range of 3.75% to 4.75%, and adjusted EPS to land between $2.42 and
            // $2.47").
            Class::Base if !s.qtys.iter().any(|o| k < o.first && o.next <= first) => return false,
            _ => {}
        }
    }
    false
}

/// The first token of record `rec`, whose level (else change) is quantity `v`: where
/// the words before it begin.
fn first_token(s: &Sentence, rec: &Rec, v: usize) -> usize {
    rec.change
        .map_or(s.qtys[v].first, |c| s.qtys[v].first.min(s.qtys[c].first))
}

/// What a token says of a figure after it, as `forecast` reads back from the figure.
#[derive(PartialEq)]
enum Class {
    /// Looks ahead: a verb of guidance or forecast, a modal of the future, a noun that
    /// names an estimate ("expects", "guided", "should", "consensus", "we model").
    Ahead,
    /// Reports a result ("was", "rose", "reported").
    Result,
    /// Sets a point of comparison ("against", "up from").
    Base,
    /// Ends the clause (";", "?", "!").
    End,
    /// None of these.
    Other,
}

/// What token `k` says (`Class`): one lowering and one `match` a token.
fn class(toks: &[Token], k: usize) -> Class {
    let t = &toks[k];
    if !t.is_word() {
        return if matches!(t.text, ";" | "?" | "!") {
            Class::End
        } else {
            Class::Other
        };
    }
    let mut lower = [0u8; 12];
    let Some(word) = lower_ascii(t.text, &mut lower) else {
        return Class::Other;
    };
    let ahead = match word {
        b"expect" | b"expects" | b"expected" | b"expecting" | b"expectation" | b"expectations" | b"guide"
        | b"guides" | b"guided" | b"guidance" | b"guiding" | b"forecast" | b"forecasts" | b"forecasted"
        | b"outlook" | b"sees" | b"target" | b"targets" | b"targeting" | b"targeted" | b"aims" | b"aiming"
        | b"anticipate" | b"anticipates" | b"anticipated" | b"projected" | b"projecting" | b"projection"
        | b"projections" | b"should" | b"will" | b"consensus" | b"estimate" | b"estimates" | b"estimated"
        | b"assume" | b"assumes" | b"if" | b"pencilled" | b"penciled" | b"est" | b"street" | b"implies"
        | b"implied" | b"implying" | b"midpoint" => true,
        // "we see", "now see"; not "as we saw".
        b"see" => k > 0 && toks[k - 1].is_any(&["we", "now", "i"]),
        // "we model $75 billion", "people who model it put"; not "the model is Graviton",
        // "Foundation models | ≈ $50 billion".
        b"model" | b"models" | b"modelled" | b"modeled" => {
            k > 0 && toks[k - 1].is_any(&["we", "i", "they", "who", "analysts", "now"])
        }
        // "we plan to open", "Verizon plans capital expenditures of"; not "the Standard
        // plan now costs".
        b"plan" | b"plans" => {
            toks.get(k + 1).is_some_and(|t| t.is("to"))
                || (k > 0 && (word == b"plans" || toks[k - 1].is_any(&["we", "i", "it", "they", "management"])))
        }
        b"was" | b"were" | b"reported" | b"posted" | b"delivered" | b"came" | b"rose" | b"fell" | b"grew"
        | b"increased" | b"decreased" | b"declined" | b"reached" | b"generated" | b"earned" | b"ended" | b"totaled"
        | b"totalled" | b"spent" | b"finished" | b"climbed" | b"dropped" | b"added" | b"lost" | b"raised"
        | b"lifted" | b"paid" | b"bought" | b"spending" => return Class::Result,
        b"after" | b"against" | b"versus" | b"vs" | b"compared" | b"ago" | b"earlier" => return Class::Base,
        // "up from", "down from": a point of comparison; "raised from $35–40 billion" is
        // the guide before.
        b"from" if k > 0 && toks[k - 1].is_any(&["up", "down"]) => return Class::Base,
        // "guided at $8 billion to $9 billion, roughly in line with the $8.6 billion spent
        // in 2024": what a guide is set beside.
        b"with" if k > 0 && toks[k - 1].is("line") => return Class::Base,
        _ => false,
    };
    if ahead { Class::Ahead } else { Class::Other }
}

/// Whether the words right after token `next` say who forecast the amount before them:
/// "9 million analysts had expected", "$12.10 billion consensus", "(est.)", "Wall
/// Street", "at the midpoint", "we had guided" (`records::forecast_after` and more).
fn said_after(toks: &[Token], next: usize) -> bool {
    forecast_after(toks, next)
        || (next..(next + 3).min(toks.len())).any(|k| {
            let mut lower = [0u8; 12];
            matches!(
                lower_ascii(toks[k].text, &mut lower),
                Some(
                    b"est"
                        | b"street"
                        | b"midpoint"
                        | b"guided"
                        | b"guidance"
                        | b"targeted"
                        | b"pencilled"
                        | b"penciled"
                        | b"modelled"
                        | b"modeled"
                )
            )
        })
}

/// A noun that names a forecast: "target", "estimate", "guidance", "consensus".
pub(super) fn forecast_noun(t: &Token) -> bool {
    let mut lower = [0u8; 12];
    matches!(
        lower_ascii(t.text, &mut lower),
        Some(
            b"target" | b"estimate" | b"guidance" | b"guide" | b"consensus" | b"forecast" | b"outlook" | b"expectation"
        )
    )
}

/// Whether the record `rec` of `s` is listed as a label and its figure ("Revenue: $43.5
/// billion to $44.5 billion", "Adjusted EPS: $2.50 to $2.60", "2024 NII: about $92.5
/// billion (was about $91 billion)"), with no verb of a result between (but for the
/// guide before, in brackets) and no growth on a year or a quarter before or move in
/// brackets, which a result is given with ("Backlog: $38.2 billion (+6% YoY)",
/// "Operating margin: 12.3% (up 50 bps)"): under a heading that names a guide, such a
/// line gives one.
pub(super) fn listed(s: &Sentence, rec: &Rec) -> bool {
    let toks = &s.toks;
    let Some(v) = rec.value.or(rec.change) else {
        return false;
    };
    let first = first_token(s, rec, v);
    let Some(colon) = (0..first).find(|&k| toks[k].is(":")) else {
        return false;
    };
    let reported = |k: usize| class(toks, k) == Class::Result && !toks[k - 1].is("(");
    let words: Vec<&Token> = toks.iter().filter(|t| t.is_word()).collect();
    let a_result = words.iter().any(|t| t.is_any(&["yoy", "qoq", "sequentially"]))
        || (words.windows(3)).any(|w| {
            w[0].is_any(&["year", "quarter"]) && w[1].is_any(&["over", "on"]) && w[2].is_any(&["year", "quarter"])
        })
        // "Operating margin: 12.3% (up 50 bps)": a result and how it moved.
        || (toks.windows(2)).any(|w| w[0].is("(") && w[1].is_any(&["up", "down", "+", "-", "−"]));
    colon <= 6 && !a_result && !(colon + 1..first).any(reported)
}

/// Whether a heading names a guide: "2025 guidance", "Fourth-quarter guide", "Our
/// estimates", "Targets". Not "Outlook": notes put the quarter's results under it as
/// often as a guide.
pub fn heading_looks_ahead(heading: &str) -> bool {
    heading.split(|c: char| !c.is_ascii_alphabetic()).any(|word| {
        [
            "guidance",
            "guide",
            "forecast",
            "forecasts",
            "estimates",
            "projections",
            "targets",
        ]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
    })
}
