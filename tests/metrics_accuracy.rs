//! How well figures are found and attributed, measured against the hand-labelled set in
//! tests/fixtures/metrics/labelled.yaml: quantity precision and recall, and subject,
//! metric and period accuracy over the figures found. Run with `--nocapture` to see the
//! table and every mismatch.
//!
//! The sentence sets take one short sentence at a time. The last test builds whole notes
//! (tests/fixtures/passages/) as a user does and scores their metrics.json: real-text
//! styles those sets cannot show, such as text pasted from a browser (no-break spaces and
//! hyphens, en-dash ranges, "4×"), call transcripts whose answers run on for lines,
//! periods said by a heading or by an earlier sentence, tables and bullet lists.

mod common;

use common::Site;

use folio::enrich::metrics::{Found, Scope, SubjectMention, extract, parse_period, split_sentences};
use serde::Deserialize;
use serde_json::Value as Json;
use serde_yaml::Value;
use std::collections::BTreeMap;

const MIN_PRECISION: f64 = 0.97;
const MIN_RECALL: f64 = 0.95;
const MIN_PERIOD: f64 = 0.90;
const MIN_METRIC: f64 = 0.85;
const MIN_SUBJECT: f64 = 0.90;

// Unknown keys are errors: a misspelt `aproxx: true` or `perid:` would otherwise be
// read as no label at all, silently.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Labelled {
    default_subject: Option<String>,
    #[serde(default)]
    subjects: Vec<Subject>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Subject {
    title: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: String,
    #[serde(default)]
    style: Option<String>,
    #[serde(default)]
    page_period: Option<Value>,
    #[serde(default)]
    heading: Option<Value>,
    #[serde(default)]
    figures: Vec<Figure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Figure {
    value: Option<Amount>,
    change: Option<Amount>,
    #[serde(default)]
    subject: Option<Value>,
    #[serde(default)]
    metric: Option<Value>,
    #[serde(default)]
    period: Option<Value>,
}

/// An amount as labelled. Only the amount and unit are scored; the rest is read so that
/// a misspelt key is an error, not a label quietly ignored.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Amount {
    amount: f64,
    unit: String,
    #[serde(default, rename = "approx")]
    _approx: Option<bool>,
    #[serde(default, rename = "upper")]
    _upper: Option<f64>,
    #[serde(default, rename = "direction")]
    _direction: Option<String>,
    #[serde(default, rename = "basis")]
    _basis: Option<String>,
}

impl Figure {
    fn primary(&self) -> Option<&Amount> {
        self.value.as_ref().or(self.change.as_ref())
    }
}

/// A YAML scalar as text: `period: 2023` is a number to YAML, a string to us.
fn text(v: &Option<Value>) -> Option<String> {
    match v.as_ref()? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A found record's primary quantity: its value, else its change.
fn primary(f: &Found) -> Option<(f64, &str)> {
    match (&f.value, &f.change) {
        (Some(v), _) => Some((v.amount, v.unit)),
        (None, Some(c)) => Some((c.amount, c.unit)),
        _ => None,
    }
}

fn same_quantity(found: Option<(f64, &str)>, want: Option<&Amount>) -> bool {
    let (Some((amount, unit)), Some(w)) = (found, want) else {
        return false;
    };
    let scale = amount.abs().max(w.amount.abs());
    unit == w.unit && (amount - w.amount).abs() <= 0.005 * scale
}

/// Whether `f` makes the claim `want` labels: the same level (or none) and the same change
/// (or none). A change's size is compared without its sign (the direction carries it).
fn same_claim(f: &Found, want: &Figure) -> bool {
    let level = match (&f.value, &want.value) {
        (None, None) => true,
        (Some(v), w) => same_quantity(Some((v.amount, v.unit)), w.as_ref()),
        _ => false,
    };
    let change = match (&f.change, &want.change) {
        (None, None) => true,
        (Some(c), w) => same_quantity(Some((c.amount.abs(), c.unit)), w.as_ref()),
        _ => false,
    };
    level && change
}

/// Whole-word mentions of topic titles and aliases, longest first; an alias all in
/// capitals or of three characters or less matches case-sensitively.
fn mentions(sentence: &str, names: &[(String, String)]) -> Vec<SubjectMention> {
    let lower = sentence.to_lowercase();
    let mut out: Vec<SubjectMention> = Vec::new();
    for (name, title) in names {
        let exact = name.chars().count() <= 3 || !name.chars().any(char::is_lowercase);
        let (hay, needle) = if exact || lower.len() != sentence.len() {
            (sentence.to_string(), name.clone())
        } else {
            (lower.clone(), name.to_lowercase())
        };
        for (at, m) in hay.match_indices(&needle) {
            let end = at + m.len();
            let whole = !hay[..at].chars().next_back().is_some_and(char::is_alphanumeric)
                && !hay[end..].chars().next().is_some_and(char::is_alphanumeric);
            let free = !out.iter().any(|o| o.range.start < end && at < o.range.end);
            if whole && free {
                out.push(SubjectMention {
                    range: at..end,
                    subject: title.clone(),
                });
            }
        }
    }
    out.sort_by_key(|m| m.range.start);
    out
}

#[derive(Default)]
struct Tally {
    found: usize,
    labelled: usize,
    matched: usize,
    subject: usize,
    metric: usize,
    period: usize,
    /// Matched figures whose claim is the labelled one: a level, a change or both, each
    /// with the labelled amount and unit. Printed, not gated: a level read as a change (or
    /// the reverse) still scores as found above.
    claim: usize,
    /// Periods found that are none of DESIGN.md's forms.
    malformed: Vec<String>,
}

/// Whether `period` is one of the forms DESIGN.md allows: `2023`, `FY 2023`, `Q4 2023`,
/// `H1 2024`, `TTM Q4 2023`.
fn well_formed(period: &str) -> bool {
    let (head, year) = period.rsplit_once(' ').unwrap_or(("", period));
    let heads = [
        "", "FY", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "TTM Q1", "TTM Q2", "TTM Q3", "TTM Q4",
    ];
    year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) && heads.contains(&head)
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.malformed.extend_from_slice(&other.malformed);
        self.found += other.found;
        self.labelled += other.labelled;
        self.matched += other.matched;
        self.subject += other.subject;
        self.metric += other.metric;
        self.period += other.period;
        self.claim += other.claim;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Counts each of a matched figure's attributes (what, found, labelled, its count) that is
/// the labelled one; logs the others, as `line` writes them.
fn score(
    checks: [(&str, &Option<String>, Option<String>, &mut usize); 3],
    log: &mut Vec<String>,
    line: impl Fn(&str, &Option<String>, &Option<String>) -> String,
) {
    for (what, got, wanted, count) in checks {
        if *got == wanted {
            *count += 1;
        } else {
            log.push(line(what, got, &wanted));
        }
    }
}

/// Runs one case; adds to `tally` and writes its mismatches to `log`.
fn run(case: &Case, set: &Labelled, names: &[(String, String)], tally: &mut Tally, log: &mut Vec<String>) {
    let page_period = text(&case.page_period).map(|p| parse_period(&p).unwrap_or(p));
    let heading = text(&case.heading).unwrap_or_default();
    let scope = Scope {
        default_subject: set.default_subject.clone(),
        heading_subject: mentions(&heading, names).into_iter().next().map(|m| m.subject),
        heading_period: parse_period(&heading),
        page_period,
        ..Scope::default()
    };
    let mut found: Vec<(Found, String)> = Vec::new();
    for range in split_sentences(&case.text) {
        let sentence = &case.text[range];
        let figures = extract(sentence, &mentions(sentence, names), &scope);
        found.extend(figures.into_iter().map(|f| {
            let figure_text = sentence.get(f.range.clone()).unwrap_or_default().to_string();
            (f, figure_text)
        }));
    }
    tally.found += found.len();
    tally.labelled += case.figures.len();
    let mut used = vec![false; found.len()];
    for want in &case.figures {
        let hit = (0..found.len()).find(|&i| !used[i] && same_quantity(primary(&found[i].0), want.primary()));
        let Some(i) = hit else {
            log.push(format!(
                "MISSED   {:?} in: {}",
                want.primary().map(|a| (a.amount, &a.unit)),
                case.text
            ));
            continue;
        };
        used[i] = true;
        tally.matched += 1;
        let f = &found[i].0;
        let checks = [
            ("subject", &f.subject, text(&want.subject), &mut tally.subject),
            ("metric", &f.metric, text(&want.metric), &mut tally.metric),
            ("period", &f.period, text(&want.period), &mut tally.period),
        ];
        score(checks, log, |what, got, wanted| {
            format!(
                "{what:8} got {got:?} want {wanted:?} [{}] in: {}",
                found[i].1, case.text
            )
        });
        if same_claim(f, want) {
            tally.claim += 1;
        } else {
            log.push(format!(
                "claim    got value {:?} change {:?} [{}] in: {}",
                f.value.as_ref().map(|v| (v.amount, v.unit)),
                f.change.as_ref().map(|c| (c.amount, c.unit)),
                found[i].1,
                case.text
            ));
        }
    }
    for (i, (f, figure_text)) in found.iter().enumerate() {
        if let Some(p) = f.period.as_deref().filter(|p| !well_formed(p)) {
            tally.malformed.push(p.to_string());
        }
        if !used[i] {
            log.push(format!("SPURIOUS {:?} [{figure_text}] in: {}", primary(f), case.text));
        }
    }
}

/// Prints the table of figures, per style and overall, and every mismatch.
fn report(total: &Tally, by_style: &BTreeMap<String, Tally>, cases: usize, log: &[String]) {
    println!(
        "\n{cases} cases, {} labelled figures, {} found, {} matched",
        total.labelled, total.found, total.matched
    );
    println!(
        "{:<10} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "style", "precision", "recall", "subject", "metric", "period", "claim"
    );
    for (style, t) in by_style.iter().chain(std::iter::once((&"ALL".to_string(), total))) {
        println!(
            "{style:<10} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>9.3}",
            ratio(t.matched, t.found),
            ratio(t.matched, t.labelled),
            ratio(t.subject, t.matched),
            ratio(t.metric, t.matched),
            ratio(t.period, t.matched),
            ratio(t.claim, t.matched)
        );
    }
    println!("\nmismatches ({}):", log.len());
    for line in log {
        println!("  {line}");
    }
}

/// Quantity precision and recall, and subject, metric and period accuracy, over one set.
struct Scores {
    precision: f64,
    recall: f64,
    subject: f64,
    metric: f64,
    period: f64,
    claim: f64,
}

fn measure(file: &str) -> Scores {
    let path = format!("{}/tests/fixtures/metrics/{file}", env!("CARGO_MANIFEST_DIR"));
    let yaml = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let set: Labelled = serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut names: Vec<(String, String)> = set
        .subjects
        .iter()
        .flat_map(|s| {
            std::iter::once(&s.title)
                .chain(&s.aliases)
                .map(|n| (n.clone(), s.title.clone()))
        })
        .collect();
    names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));

    let mut total = Tally::default();
    let mut by_style: BTreeMap<String, Tally> = BTreeMap::new();
    let mut log = Vec::new();
    for case in &set.cases {
        let style = case.style.clone().unwrap_or_else(|| "-".to_string());
        let mut tally = Tally::default();
        run(case, &set, &names, &mut tally, &mut log);
        total.add(&tally);
        by_style.entry(style).or_default().add(&tally);
    }
    println!("== {file}");
    report(&total, &by_style, set.cases.len(), &log);
    // Whatever the scores, every period found is one a reader of metrics.json can parse.
    // Only the periods are named, so that a blind set stays blind.
    assert!(
        total.malformed.is_empty(),
        "{file}: periods of no allowed form: {:?}",
        total.malformed
    );
    Scores {
        precision: ratio(total.matched, total.found),
        recall: ratio(total.matched, total.labelled),
        subject: ratio(total.subject, total.matched),
        metric: ratio(total.metric, total.matched),
        period: ratio(total.period, total.matched),
        claim: ratio(total.claim, total.matched),
    }
}

/// The bar of the figures issue, on the labelled set (the set the rules were developed on).
#[test]
fn extraction_meets_the_accuracy_bar() {
    let s = measure("labelled.yaml");
    println!(
        "labelled.yaml: precision {:.3}, recall {:.3}, subject {:.3}, metric {:.3}, period {:.3}, claim {:.3}",
        s.precision, s.recall, s.subject, s.metric, s.period, s.claim
    );
    assert!(
        s.precision >= MIN_PRECISION,
        "precision {:.3} < {MIN_PRECISION}",
        s.precision
    );
    assert!(s.recall >= MIN_RECALL, "recall {:.3} < {MIN_RECALL}", s.recall);
    assert!(s.period >= MIN_PERIOD, "period accuracy {:.3} < {MIN_PERIOD}", s.period);
    assert!(s.metric >= MIN_METRIC, "metric accuracy {:.3} < {MIN_METRIC}", s.metric);
    assert!(
        s.subject >= MIN_SUBJECT,
        "subject accuracy {:.3} < {MIN_SUBJECT}",
        s.subject
    );
}

/// Measures a held-out set and prints its figures (run with --nocapture). The floor only
/// catches a collapse: these sets are for measuring, not for tuning to.
fn held_out(file: &str) {
    let s = measure(file);
    println!(
        "{file}: precision {:.3}, recall {:.3}, subject {:.3}, metric {:.3}, period {:.3}, claim {:.3}",
        s.precision, s.recall, s.subject, s.metric, s.period, s.claim
    );
    assert!(
        s.precision >= 0.85 && s.recall >= 0.80,
        "{file}: precision {:.3}, recall {:.3}",
        s.precision,
        s.recall
    );
}

/// A held-out set written blind to the extractor's rules, then read once for bugs (see
/// its header): it now overstates how well they generalise.
#[test]
fn extraction_generalises_to_held_out_sentences() {
    held_out("heldout.yaml");
}

/// A second held-out set, written blind after the first had been read; read for bugs since.
#[test]
fn extraction_generalises_to_a_second_held_out_set() {
    held_out("heldout2.yaml");
}

/// A third held-out set, written blind on 3 December 2026 after rules had been written
/// for the second's failure classes. Never tuned to, but its mismatch lines were seen on
/// 4 December (see its header), so it is no longer a blind measure.
#[test]
fn extraction_generalises_to_a_third_held_out_set() {
    held_out("heldout3.yaml");
}

/// A fourth held-out set, written blind on 4 December 2026 after the third, with new
/// wording and new topics (Zoox, Whole Foods Market, Amazon Pharmacy, Alexa); measured
/// once, then read for bugs (see its header).
#[test]
fn extraction_generalises_to_a_fourth_held_out_set() {
    held_out("heldout4.yaml");
}

/// A fifth held-out set, written blind on 4 December 2026 after rules had been written for
/// the fourth's failure classes; measured blind twice, then read for bugs (see its header).
#[test]
fn extraction_generalises_to_a_fifth_held_out_set() {
    held_out("heldout5.yaml");
}

/// A sixth held-out set, written blind on 4 December 2026 after rules had been written from
/// the fourth and fifth sets' failures: the clean measure of how they generalise. Read
/// only its summary line (`… sixth -- --nocapture | grep 'heldout6.yaml: precision'`).
#[test]
fn extraction_generalises_to_a_sixth_held_out_set() {
    held_out("heldout6.yaml");
}

/// tests/fixtures/passages/labels.yaml: each note's figures, by the line they are on.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Passages {
    notes: Vec<PassageNote>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PassageNote {
    file: String,
    #[serde(default)]
    figures: Vec<PassageFigure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PassageFigure {
    line: usize,
    /// The number as written: for a reader of the labels, not scored.
    #[serde(rename = "text")]
    _text: String,
    value: Option<Amount>,
    change: Option<Amount>,
    subject: Option<Value>,
    metric: Option<Value>,
    period: Option<Value>,
}

/// A record of metrics.json, as far as it is scored.
struct Record {
    source: String,
    line: usize,
    value: Option<(f64, String)>,
    change: Option<(f64, String)>,
    subject: Option<String>,
    metric: Option<String>,
    period: Option<String>,
    text: String,
}

impl Record {
    fn of(json: &Json) -> Record {
        let amount = |v: &Json| {
            v.as_object()
                .map(|o| (o["amount"].as_f64().unwrap(), o["unit"].as_str().unwrap().to_string()))
        };
        let string = |v: &Json| v.as_str().map(str::to_string);
        Record {
            source: json["source"].as_str().unwrap().to_string(),
            line: json["line"].as_u64().unwrap() as usize,
            value: amount(&json["value"]),
            change: amount(&json["change"]),
            subject: string(&json["subject"]),
            metric: string(&json["metric"]),
            period: string(&json["period"]),
            text: json["text"].as_str().unwrap_or_default().to_string(),
        }
    }

    fn primary(&self) -> Option<(f64, &str)> {
        self.value
            .as_ref()
            .or(self.change.as_ref())
            .map(|(a, u)| (*a, u.as_str()))
    }
}

/// The same quantity, or none on both sides.
fn same(found: Option<(f64, &str)>, want: Option<&Amount>) -> bool {
    match (found, want) {
        (None, None) => true,
        _ => same_quantity(found, want),
    }
}

#[test]
fn figures_in_whole_notes_are_found_and_attributed() {
    whole_notes("passages");
}

/// A second blind set: another company (Microsoft), whose fiscal year is not the
/// calendar year, in the same styles.
#[test]
fn figures_in_whole_notes_of_another_company_are_found_and_attributed() {
    whole_notes("passages2");
}

/// A third blind set: a company with other segments and other measures of its audience
/// (Meta: daily active people, ad impressions, price per ad, Reality Labs' losses).
#[test]
fn figures_in_whole_notes_of_a_third_company_are_found_and_attributed() {
    whole_notes("passages3");
}

/// A fourth blind set: a company with three segments and measures of its own (Alphabet:
/// traffic acquisition costs, paid clicks, Cloud's backlog, Waymo's rides).
#[test]
fn figures_in_whole_notes_of_a_fourth_company_are_found_and_attributed() {
    whole_notes("passages4");
}

/// A fifth blind set: a retailer whose fiscal year ends in January, with retail measures
/// (Walmart: comparable sales, transactions, gross profit rate, membership income).
#[test]
fn figures_in_whole_notes_of_a_retailer_are_found_and_attributed() {
    whole_notes("passages5");
}

/// A sixth blind set: a bank, whose measures are not a seller's (JPMorgan Chase: net
/// interest income, provisions, net charge-offs, CET1, ROTCE).
#[test]
fn figures_in_whole_notes_of_a_bank_are_found_and_attributed() {
    whole_notes("passages6");
}

/// A seventh blind set: a chip maker whose fiscal year ends in January and whose growth
/// is said sequentially, with product names full of numbers (NVIDIA: Data Center,
/// Blackwell, H100, GB200 NVL72).
#[test]
fn figures_in_whole_notes_of_a_chip_maker_are_found_and_attributed() {
    whole_notes("passages7");
}

/// An eighth blind set: a subscription business that counts members, not units, and
/// whose regions, plans, live events and games are topics (Netflix: paid memberships,
/// ARM, the ad-supported plan, UCAN and EMEA).
#[test]
fn figures_in_whole_notes_of_a_subscription_business_are_found_and_attributed() {
    whole_notes("passages8");
}

/// The ninth blind set, Eli Lilly: a drug maker whose products are its topics (Mounjaro,
/// Zepbound, Verzenio), with guidance ranges, price and volume effects, and spoken figures.
#[test]
fn figures_in_whole_notes_of_a_drug_maker_are_found_and_attributed() {
    whole_notes("passages9");
}

/// The tenth blind set, ASML: a company that reports in euros, the site's currency, whose
/// product lines (EUV, DUV, Installed Base Management) and markets (China, Taiwan) are
/// topics, with bookings, backlog and systems sold.
#[test]
fn figures_in_whole_notes_of_a_company_reporting_in_euros_are_found_and_attributed() {
    whole_notes("passages10");
}

/// The eleventh blind set, Delta Air Lines: an airline, whose measures are per seat mile
/// (capacity, TRASM, CASM-ex, load factor), with fuel priced per gallon and a loyalty
/// business paid by a card partner.
#[test]
fn figures_in_whole_notes_of_an_airline_are_found_and_attributed() {
    whole_notes("passages11");
}

/// The twelfth blind set, Verizon: a telecom, whose measures are subscribers and their
/// net additions (in thousands), churn, revenue per account and fixed wireless access.
#[test]
fn figures_in_whole_notes_of_a_telecom_are_found_and_attributed() {
    whole_notes("passages12");
}

/// The thirteenth blind set, Ford: an automaker, whose measures are segment EBIT (Ford
/// Blue, Model e, Ford Pro, Ford Credit), wholesales and margins, with a full year's guide.
#[test]
fn figures_in_whole_notes_of_an_automaker_are_found_and_attributed() {
    whole_notes("passages13");
}

/// The fourteenth blind set, Toyota: an automaker that reports in yen, with a fiscal year
/// that ends in March, regions as segments, exchange-rate assumptions and a profit walk.
#[test]
fn figures_in_whole_notes_of_a_company_reporting_in_yen_are_found_and_attributed() {
    whole_notes("passages14");
}

/// The fifteenth blind set, Shell: an oil and gas major, whose measures are production in
/// barrels of oil equivalent a day, LNG volumes in tonnes, adjusted and CCS earnings,
/// cash flow from operations, gearing, and dividends in cents, written in British English.
#[test]
fn figures_in_whole_notes_of_an_oil_and_gas_major_are_found_and_attributed() {
    whole_notes("passages15");
}

/// The sixteenth blind set, TSMC: a chipmaker that reports in New Taiwan dollars and
/// guides in US dollars, with shares of wafer revenue by node and platform, wafer
/// shipments, exchange-rate assumptions, and node names ("N3", "3nm", "A16") that are
/// no figures.
#[test]
fn figures_in_whole_notes_of_a_chipmaker_reporting_in_nt_dollars_are_found_and_attributed() {
    whole_notes("passages16");
}

/// The seventeenth blind set, Coca-Cola: a maker of drinks, whose measures are organic
/// revenue growth split into price/mix and concentrate sales, unit case volume by
/// category and segment, currency headwinds in points, comparable EPS, and a free cash
/// flow that names the payment it excludes.
#[test]
fn figures_in_whole_notes_of_a_drinks_maker_are_found_and_attributed() {
    whole_notes("passages17");
}

/// The eighteenth blind set, Marriott: a hotel company, whose measures are RevPAR, ADR
/// and occupancy, rooms and the development pipeline, fee revenues by kind, adjusted
/// EBITDA and capital returned, with regions and a loyalty programme as topics.
#[test]
fn figures_in_whole_notes_of_a_hotel_company_are_found_and_attributed() {
    whole_notes("passages18");
}

/// Builds the fixture site `name` (notes with their hand labels in `labels.yaml`), scores
/// its `metrics.json` against the labels and prints every mismatch.
fn whole_notes(name: &str) {
    let labels_path = common::repo().join(format!("tests/fixtures/{name}/labels.yaml"));
    let labels: Passages = serde_yaml::from_str(&std::fs::read_to_string(&labels_path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", labels_path.display()));
    let site = Site::fixture(name);
    site.build().success();
    let json: Json = serde_json::from_str(&site.output_file("metrics.json")).unwrap();
    let records: Vec<Record> = json["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["origin"] == "extracted")
        .map(Record::of)
        .collect();

    let mut t = Tally {
        found: records.len(),
        ..Tally::default()
    };
    let mut log = Vec::new();
    let mut used = vec![false; records.len()];
    // What the labels say each matched record is: its subject, metric and period.
    type Said = (Option<String>, Option<String>, Option<String>);
    let mut said: Vec<Option<Said>> = vec![None; records.len()];
    for note in &labels.notes {
        assert!(
            site.root().join(&note.file).is_file(),
            "labels.yaml names {}, which the fixture does not have",
            note.file
        );
        for want in &note.figures {
            t.labelled += 1;
            let primary = want.value.as_ref().or(want.change.as_ref());
            let candidates = || {
                (0..records.len())
                    .filter(|&i| !used[i] && records[i].source == note.file && same(records[i].primary(), primary))
            };
            // The record on the labelled line, else the nearest with the same quantity.
            let hit = candidates()
                .find(|&i| records[i].line == want.line)
                .or_else(|| candidates().min_by_key(|&i| records[i].line.abs_diff(want.line)));
            let Some(i) = hit else {
                log.push(format!(
                    "MISSED   {}:{} {:?}",
                    note.file,
                    want.line,
                    primary.map(|a| (a.amount, &a.unit))
                ));
                continue;
            };
            used[i] = true;
            t.matched += 1;
            let r = &records[i];
            // A metric is a lower-case label (DESIGN.md); the blind sets' labels keep the
            // capitals of product names ("Windows OEM and Devices revenue").
            let lower = |m: Option<String>| m.map(|m| m.to_lowercase());
            said[i] = Some((text(&want.subject), lower(text(&want.metric)), text(&want.period)));
            let checks = [
                ("subject", &r.subject, text(&want.subject), &mut t.subject),
                (
                    "metric",
                    &lower(r.metric.clone()),
                    lower(text(&want.metric)),
                    &mut t.metric,
                ),
                ("period", &r.period, text(&want.period), &mut t.period),
            ];
            score(checks, &mut log, |what, got, wanted| {
                format!(
                    "{what:8} {}:{} got {got:?} want {wanted:?} [{}]",
                    note.file, r.line, r.text
                )
            });
            // The change only where the level was matched: a change-only record was
            // matched on its change.
            // The claim: the labelled level (or none) and change (or none).
            let value = r.value.as_ref().map(|(a, u)| (*a, u.as_str()));
            let change = r.change.as_ref().map(|(a, u)| (a.abs(), u.as_str()));
            if same(value, want.value.as_ref()) && same(change, want.change.as_ref()) {
                t.claim += 1;
            } else {
                log.push(format!(
                    "claim    {}:{} got value {value:?} change {change:?} [{}]",
                    note.file, r.line, r.text
                ));
            }
        }
    }
    for (r, _) in records.iter().zip(&used).filter(|(_, used)| !**used) {
        log.push(format!(
            "SPURIOUS {}:{} {:?} [{}]",
            r.source,
            r.line,
            r.primary(),
            r.text
        ));
    }

    // The conflict report as a reader meets it: a conflict is false when the labels tell
    // two of its figures apart (another subject, metric or period), or one of them is no
    // labelled figure at all.
    let conflicts = json["conflicts"].as_array().unwrap();
    let mut false_conflicts = 0;
    for c in conflicts {
        let members: Vec<Option<&Said>> = (c["values"].as_array().unwrap().iter())
            .map(|v| {
                let (source, line, amount) = (v["source"].as_str(), v["line"].as_u64(), v["amount"].as_f64());
                (0..records.len())
                    .find(|&i| {
                        let r = &records[i];
                        Some(r.source.as_str()) == source
                            && Some(r.line as u64) == line
                            && r.value.as_ref().map(|(a, _)| *a) == amount
                    })
                    .and_then(|i| said[i].as_ref())
            })
            .collect();
        // A year is a fiscal year in the conflict report as in the labels, which write
        // both "2024" and "FY 2024".
        let year = |p: &Option<String>| p.as_deref().map(|p| p.trim_start_matches("FY ").to_string());
        let key = |m: &Option<&Said>| m.map(|(s, m, p)| (s.clone(), m.clone(), year(p)));
        let first = key(&members[0]);
        if members.iter().any(|m| m.is_none() || key(m) != first) {
            false_conflicts += 1;
            log.push(format!(
                "CONFLICT {} {} {}: {}",
                c["subject"],
                c["metric"],
                c["period"],
                (c["values"].as_array().unwrap().iter().zip(&members))
                    .map(|(v, m)| format!(
                        "{}:{} {} {}",
                        v["source"].as_str().unwrap_or_default(),
                        v["line"],
                        v["amount"],
                        m.map_or("unlabelled".to_string(), |(s, m, p)| format!(
                            "labelled {s:?}/{m:?}/{p:?}"
                        ))
                    ))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
    }

    let (precision, recall) = (ratio(t.matched, t.found), ratio(t.matched, t.labelled));
    println!(
        "\n{} notes, {} labelled figures, {} found, {} matched",
        labels.notes.len(),
        t.labelled,
        t.found,
        t.matched
    );
    println!(
        "{name}: precision {precision:.3}, recall {recall:.3}, subject {:.3}, metric {:.3}, period {:.3}, claim {:.3}",
        ratio(t.subject, t.matched),
        ratio(t.metric, t.matched),
        ratio(t.period, t.matched),
        ratio(t.claim, t.matched)
    );
    println!(
        "{name}: {} conflicts reported, {false_conflicts} of them between figures the labels tell apart",
        conflicts.len()
    );
    println!("\nmismatches ({}):", log.len());
    for line in &log {
        println!("  {line}");
    }
    let malformed: Vec<&str> = records
        .iter()
        .filter_map(|r| r.period.as_deref())
        .filter(|p| !well_formed(p))
        .collect();
    assert!(
        malformed.is_empty(),
        "{name}: periods of no allowed form: {malformed:?}"
    );
    // A floor that catches a collapse, as for the held-out sentence sets: this set is for
    // measuring how the rules hold up on real text, not for tuning to.
    assert!(
        precision >= 0.85 && recall >= 0.80,
        "{name}: precision {precision:.3}, recall {recall:.3}"
    );
}

/// The nineteenth blind set, Salesforce: enterprise software sold as subscriptions, whose
/// fiscal year ends in January, with remaining performance obligations, revenue by cloud
/// and region, growth in constant currency, attrition, annual recurring revenue of
/// products, deal counts and guidance ranges.
#[test]
fn figures_in_whole_notes_of_a_subscription_software_company_are_found_and_attributed() {
    whole_notes("passages19");
}

/// The twentieth blind set, Visa: a card payments network, whose fiscal year ends in
/// September, with payments volume in constant dollars, processed transactions,
/// cross-border volume excluding intra-Europe, revenue lines net of client incentives,
/// credentials in count and guidance said as ranges of growth.
#[test]
fn figures_in_whole_notes_of_a_payments_network_are_found_and_attributed() {
    whole_notes("passages20");
}

/// The twenty-first blind set, UnitedHealth Group: a health insurer and health-services
/// company, with the medical care ratio, people served and members by segment, revenue
/// and earnings from operations by business, adjusted and GAAP earnings per share, days
/// claims payable, the costs of a cyberattack and guidance revised through the year.
#[test]
fn figures_in_whole_notes_of_a_health_insurer_are_found_and_attributed() {
    whole_notes("passages21");
}

/// The twenty-second blind set, Prologis: a logistics real estate investment trust, with
/// core FFO per share, occupancy, net effective and cash rent change, same store NOI,
/// square feet leased and under development, development starts, strategic capital and
/// guidance ranges.
#[test]
fn figures_in_whole_notes_of_a_real_estate_trust_are_found_and_attributed() {
    whole_notes("passages22");
}

/// The twenty-third blind set, BNP Paribas: a euro-area bank reporting in euros, with
/// revenues and operating expenses by division, cost of risk in euros and in basis points,
/// the CET1 ratio, return on tangible equity, jaws, changes at constant scope and exchange
/// rates and targets for 2025 and 2026.
#[test]
fn figures_in_whole_notes_of_a_euro_area_bank_are_found_and_attributed() {
    whole_notes("passages23");
}

/// The twenty-fourth blind set, NextEra Energy: a utility holding company, with adjusted
/// earnings per share by segment, regulatory capital employed, allowed returns on equity,
/// customer accounts, the renewables and storage backlog in megawatts and gigawatts,
/// dividend growth and targets of growth through 2027.
#[test]
fn figures_in_whole_notes_of_a_utility_are_found_and_attributed() {
    whole_notes("passages24");
}

/// The twenty-fifth blind set, Chubb: a property and casualty insurer, with net premiums
/// written and earned, the combined ratio with and without catastrophe losses, prior
/// period development, adjusted net investment income, core operating income and book
/// value per share.
#[test]
fn figures_in_whole_notes_of_a_property_and_casualty_insurer_are_found_and_attributed() {
    whole_notes("passages25");
}

/// The twenty-sixth blind set, BHP: a miner whose financial year ends in June, with
/// production in millions of tonnes and thousands of tonnes, unit costs and realised
/// prices per tonne and per pound, underlying EBITDA and attributable profit, dividends
/// in US cents and guidance for the next year.
#[test]
fn figures_in_whole_notes_of_a_miner_are_found_and_attributed() {
    whole_notes("passages26");
}

/// The twenty-seventh blind set, Union Pacific: a freight railroad, with freight revenue
/// by business group, the operating ratio and its change in points, carloads, average
/// revenue per car, freight car velocity, terminal dwell, train length, fuel surcharge
/// revenue and a capital plan.
#[test]
fn figures_in_whole_notes_of_a_railroad_are_found_and_attributed() {
    whole_notes("passages27");
}

/// The twenty-eighth blind set, Infosys: an IT-services company whose fiscal year ends in
/// March, reporting in US dollars and in rupees (in crore), with growth in constant
/// currency, the operating margin band, large-deal TCV, headcount, attrition,
/// utilization and client counts by size.
#[test]
fn figures_in_whole_notes_of_an_it_services_company_are_found_and_attributed() {
    whole_notes("passages28");
}

/// The twenty-ninth blind set, Boeing: an aerospace maker, with revenue and operating
/// margins by segment, core loss per share, free cash flow usage, charges on fixed-price
/// programs, deliveries and orders by program, backlog in airplanes and dollars and
/// production rates a month.
#[test]
fn figures_in_whole_notes_of_an_aerospace_maker_are_found_and_attributed() {
    whole_notes("passages29");
}

/// The thirtieth blind set, LVMH: a luxury group reporting in euros, with revenue and
/// profit from recurring operations by business group, organic against reported growth,
/// currency effects, net financial debt, store counts and dividends per share.
#[test]
fn figures_in_whole_notes_of_a_luxury_group_are_found_and_attributed() {
    whole_notes("passages30");
}

/// The thirty-first blind set, Alibaba: a Chinese e-commerce and cloud group reporting in
/// renminbi with US$ translations, in a fiscal year that ends in March: customer
/// management revenue, cloud growth, adjusted EBITA, earnings per ADS, buybacks.
#[test]
fn figures_in_whole_notes_of_a_company_reporting_in_renminbi_are_found_and_attributed() {
    whole_notes("passages31");
}

/// The thirty-second blind set, Novo Nordisk: a Danish drug maker reporting in kroner,
/// sales by product and region with growth in kroner and at constant exchange rates,
/// guidance ranges that were cut, trial results and market shares.
#[test]
fn figures_in_whole_notes_of_a_company_reporting_in_kroner_are_found_and_attributed() {
    whole_notes("passages32");
}

/// The thirty-fourth blind set, Tesco: a British grocer reporting in pounds and pence, in
/// a financial year that ends in February, with like-for-like sales by quarter, retail
/// adjusted operating profit, retail free cash flow, market share and day-first dates.
#[test]
fn figures_in_whole_notes_of_a_company_reporting_in_pounds_are_found_and_attributed() {
    whole_notes("passages34");
}

/// The thirty-third blind set, Samsung Electronics: a Korean electronics maker reporting
/// in trillions of won, with preliminary figures and final ones, operating profit by
/// division, memory bit growth and prices, HBM sales growth and smartphone shipments.
#[test]
fn figures_in_whole_notes_of_a_company_reporting_in_won_are_found_and_attributed() {
    whole_notes("passages33");
}

/// The thirty-fifth blind set, Nestlé: a Swiss food company reporting in francs, with
/// organic growth split into real internal growth and pricing by zone, the underlying
/// trading operating margin in basis points, and nine-month sales.
#[test]
fn figures_in_whole_notes_of_a_company_reporting_in_francs_are_found_and_attributed() {
    whole_notes("passages35");
}

/// The thirty-sixth blind set, Uber: a ride-hailing and delivery platform, with gross
/// bookings at reported and constant currency, trips, monthly active platform consumers,
/// take rate, adjusted EBITDA as a margin of gross bookings and trailing free cash flow.
#[test]
fn figures_in_whole_notes_of_a_platform_measured_by_gross_bookings_are_found_and_attributed() {
    whole_notes("passages36");
}

/// The thirty-seventh blind set, UPS: a parcel carrier measured by average daily volume
/// and revenue per piece, with GAAP and adjusted operating margins by segment, the
/// Amazon volume glide-down, job cuts and building closures.
#[test]
fn figures_in_whole_notes_of_a_parcel_carrier_are_found_and_attributed() {
    whole_notes("passages37");
}
