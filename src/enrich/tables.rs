//! What a Markdown table's head row says of the cells under it, for figure finding.
//! Analysts paste tables whose cells are bare numbers and whose heads carry the rest: the
//! unit and scale ("Metric ($ bn)", "Revenue ($M)"), the period of a column ("Q4 2023"),
//! that a column holds growth rates ("YoY", "Growth"), and the metric of a column. The
//! cells of a body row are read as if written out: under "Metric ($ bn)", "149.2" reads
//! as "$149.2B"; under "YoY growth", "16%" reads as "+16% YoY"; "(1.0)%" reads as
//! "-1.0%". The figures found keep the cell's own text as written.

use std::ops::Range;

use pulldown_cmark::{Event, Tag};

use super::text::{Block, BlockKind};
use crate::currency;
use crate::enrich::metrics::{self, Found, MetricKind, MetricNames};
use crate::markdown::Doc;
use crate::site::store::period_key;

/// Byte ranges of a text and what they read as ("149.2" as "$149.2B").
pub type Edits = Vec<(Range<usize>, String)>;

/// The unit and scale a head cell gives bare numbers: "$ bn", "€m", "%".
#[derive(Debug, Clone, Copy, PartialEq)]
enum Scale {
    /// A currency symbol and a scale suffix ("$", "B"); the suffix may be empty ("($)").
    Money(&'static str, &'static str),
    /// Percentages: "(%)".
    Percent,
    /// A scale word and no currency ("(millions)", "(in thousands)"): the words around a
    /// number say whether it counts something or is money ("Revenue (in millions)"). A
    /// scale that says what it counts ("(thousands of units)") keeps the noun.
    Plain(&'static str, Option<&'static str>),
}

/// A table of a page: where its rows are, and what its head row says of its columns.
#[derive(Debug)]
pub struct Table {
    /// Its head row's block index; its body rows are the blocks after it, up to `end`.
    head: usize,
    end: usize,
    pub layout: Layout,
}

/// The index in `tables` of the table whose body row is block `b`, if one is.
pub fn body_of(tables: &[Table], b: usize) -> Option<usize> {
    let t = tables.partition_point(|t| t.head < b).checked_sub(1)?;
    (b < tables[t].end).then_some(t)
}

/// What a table's head row says of its columns.
#[derive(Debug, Default)]
pub struct Layout {
    /// Per column: the metric its head names, if any.
    metrics: Vec<Option<String>>,
    /// Per column: the period its head names, if any ("Q4 2023", "FY 2024E").
    periods: Vec<Option<String>>,
    /// Per column: whether its head says it holds forecasts ("2025E", "Guidance",
    /// "Consensus"): such cells are forecasts (`Found::forecast`).
    forecasts: Vec<bool>,
    /// Per column: the topic its head names, if any ("AWS revenue"): whose figures a row
    /// that names no topic gives in that column, before the heading's.
    subjects: Vec<Option<String>>,
    /// Per column: the unit and scale its head gives bare numbers.
    scales: Vec<Option<Scale>>,
    /// Per column: whether it holds growth rates, and their basis ("YoY growth").
    growth: Vec<Option<Option<&'static str>>>,
    /// Per column: whether its head says it holds shares of a whole ("Q4 2024 share
    /// (%)", "Mix"): percentages of something, no level of the row's measure.
    shares: Vec<bool>,
    /// Per column: the noun its head counts ("Stores at year-end"), whose bare whole
    /// numbers are counts of it, not amounts in the table's scale.
    counted: Vec<Option<String>>,
    /// What a caption line right above the table ("Q1 FY2025 revenue guidance by segment
    /// ($ in billions):") says of every cell: its period and metric, where neither the
    /// column nor the row names one.
    caption: Caption,
    /// The column of a range's low end, when the next one holds its high end ("Low |
    /// High"): the two cells of a row are one range.
    low_high: Option<usize>,
}

#[derive(Debug, Default)]
struct Caption {
    period: Option<String>,
    metric: Option<String>,
    /// The sales it names, of which a scale's units are counted ("Retail sales by region
    /// (thousand units)": *retail sales*).
    sales: Option<String>,
    /// The things its metric counts, a one-word plural ("Commercial deliveries by
    /// program": *deliveries*): a row's bare whole numbers count them.
    counts: Option<&'static str>,
}

/// The tables of `blocks`, in order. A table's rows are `TableRow` blocks; its head row
/// opens with `Tag::TableHead` (two tables with only a blank line between them are two).
/// `subject_of` tells the topic a head cell names, as a heading's text is read.
pub fn find(
    doc: &Doc,
    blocks: &[Block],
    names: &MetricNames,
    subject_of: impl Fn(&str) -> Option<String>,
) -> Vec<Table> {
    let is_head = |b: usize| {
        matches!(
            doc.events.get(blocks[b].first_event),
            Some((Event::Start(Tag::TableHead), _))
        )
    };
    let row = |b: usize| blocks.get(b).is_some_and(|block| block.kind == BlockKind::TableRow);
    // A paragraph ending in a colon right above the head row is the table's caption; a
    // heading right above it names its metric ("## Operating income"), as its period is
    // already every cell's below it, and so does a heading right above a scale line
    // ("## Segment operating income (loss) by quarter" over "($ in millions)").
    let caption = |head: usize| {
        let block = &blocks[head.checked_sub(1)?];
        match block.kind {
            _ if is_caption(block) || is_scale_line(block) || growth_line(block).is_some() => {
                let above = head.checked_sub(2).map(|h| &blocks[h]);
                let heading = above.filter(|h| h.kind == BlockKind::Heading && !is_caption(block));
                Some((block.text.as_str(), true, heading.map(|h| h.text.as_str())))
            }
            BlockKind::Heading => Some((block.text.as_str(), false, None)),
            _ => None,
        }
    };
    (0..blocks.len())
        .filter(|&b| row(b) && is_head(b))
        .map(|head| {
            let end = (head + 1..=blocks.len())
                .find(|&b| !row(b) || is_head(b))
                .unwrap_or(blocks.len());
            let mut layout = Layout::of(&blocks[head].text, names, &subject_of);
            if let Some((caption, whole, heading)) = caption(head) {
                layout.captioned(caption, whole, names);
                layout.caption_columns(caption, &blocks[head].text);
                if layout.caption.metric.is_none() {
                    layout.caption.metric = heading.and_then(|h| names.first_label(h));
                }
            }
            Table { head, end, layout }
        })
        .collect()
}

/// What a caption line says of the list items under it: the scale of their bare
/// amounts ("Cash flow items, Q4 FY24 ($ in millions):" over "- Free cash flow: 23,348
/// (+1% Y/Y)"), and, for a caption that is a label ("Reality Labs operating loss by
/// year:" over "- 2020: $6.6 billion"), the metric and topic it names.
#[derive(Debug, Clone)]
pub struct ListCaption {
    /// A money scale.
    scale: Option<Scale>,
    /// The metric it names, whether its phrase names a loss, and what it is measured in.
    metric: Option<(String, bool, MetricKind)>,
    /// The topic it names (`subject_of`).
    subject: Option<String>,
    /// Whether it is a heading: its metric is given only to items that name a topic
    /// ("## Operating income by region" over "- Japan: …"), as another item may be a part
    /// of it that is no topic ("- Kisunla, launched in July: $16.4 million").
    heading: bool,
    /// Whether it names the changes of its metric ("## Operating income walk, change year
    /// over year"), and their basis: each item's amount is a change of the metric, not a
    /// level of it.
    changes: Option<Option<&'static str>>,
}

impl ListCaption {
    /// Whether its items are the changes of the metric it names (`walk_of`).
    pub fn is_walk(&self) -> bool {
        self.changes.is_some() && self.metric.is_some()
    }

    /// The edits that write out an item's bare amounts in the caption's scale (23,348 as
    /// "$23,348M"). Only the value after the item's own label (its first ": ") is read,
    /// so "at June 30: 75,543" keeps its date.
    pub fn edits(&self, item: &str) -> Edits {
        match (&self.metric, self.scale) {
            (Some((label, _, MetricKind::Count)), _) => count_edits(item, label),
            (_, Some(scale)) => item_edits(item, scale),
            _ => Vec::new(),
        }
    }

    /// Gives the figures of an item under the caption what they do not name themselves:
    /// its topic where the item names none (`names_topic`), and its metric, in a unit that
    /// fits it (not a share or a count under money, nor money under a count or a ratio),
    /// negative where the caption names a loss.
    pub fn attribute(&self, names_topic: bool, figures: &mut [Found]) {
        // A walk's items name what moved its metric ("Marketing efforts", "Increase in
        // expenses"), not metrics of their own.
        if let (Some(basis), Some((label, _, MetricKind::Money | MetricKind::Any))) = (self.changes, &self.metric) {
            for found in figures.iter_mut() {
                walked(found, label, basis);
            }
            return;
        }
        for found in figures {
            if let Some(subject) = self.subject.as_ref().filter(|_| !names_topic) {
                found.subject = Some(subject.clone());
            }
            let unit = found.value.as_ref().map(|v| v.unit);
            let fits = |kind: &MetricKind| match kind {
                MetricKind::Money => !matches!(unit, Some("%" | "count" | "x" | "bps")),
                MetricKind::Count => matches!(unit, None | Some("count")),
                MetricKind::Ratio => matches!(unit, None | Some("%" | "bps")),
                MetricKind::Any => true,
            };
            // Over the metric a segment's lone amount is read as (its revenue, its
            // operating income), which the sentence does not name, the caption's is said.
            let guessed =
                !found.metric_named && matches!(found.metric.as_deref(), Some("revenue" | "operating income"));
            let open = (found.metric.is_none() || guessed) && (names_topic || !self.heading);
            let Some((label, loss, _)) = (self.metric.as_ref()).filter(|(_, _, kind)| open && fits(kind)) else {
                continue;
            };
            found.metric = Some(label.clone());
            if let Some(value) = found.value.as_mut().filter(|v| *loss && v.amount > 0.0) {
                value.amount = -value.amount;
                value.upper = value.upper.map(|u| -u);
            }
        }
    }
}

/// Whether a caption says its items are the changes of its metric ("Operating income
/// walk, change year over year", "Revenue bridge", "Drivers of the change in operating
/// income"), and their basis if it says one.
fn walk_of(caption: &str) -> Option<Option<&'static str>> {
    let lower = caption.to_ascii_lowercase();
    let word = |w: &str| lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|x| x == w);
    if !["walk", "bridge", "change", "changes", "drivers"]
        .iter()
        .any(|w| word(w))
    {
        return None;
    }
    Some(basis_said(&lower))
}

/// The basis words in lower case say a change is measured on ("YoY", "y/y", "year over
/// year"; "QoQ", "sequential"), if any: for a column's head and a walk's caption.
fn basis_said(lower: &str) -> Option<&'static str> {
    const YOY: [&str; 5] = ["yoy", "y/y", "year over year", "year-over-year", "versus last year"];
    const QOQ: [&str; 5] = [
        "qoq",
        "q/q",
        "sequential",
        "quarter over quarter",
        "quarter-over-quarter",
    ];
    if YOY.iter().any(|w| lower.contains(w)) {
        Some("YoY")
    } else if QOQ.iter().any(|w| lower.contains(w)) {
        Some("QoQ")
    } else {
        None
    }
}

/// An item of a walk: its amount is a change of `metric` ("Marketing efforts: −¥170.0
/// billion" is operating income down ¥170 billion), with the caption's basis.
fn walked(found: &mut Found, metric: &str, basis: Option<&'static str>) {
    if let Some(v) = found
        .value
        .take_if(|v| !matches!(v.unit, "%" | "bps" | "count" | "x") && found.change.is_none())
    {
        found.change = Some(metrics::Change {
            amount: v.amount.abs(),
            unit: v.unit,
            direction: if v.amount < 0.0 { "down" } else { "up" },
            basis,
        });
    }
    if let Some(change) = found.change.as_mut().filter(|_| found.value.is_none()) {
        change.basis = change.basis.or(basis);
        found.metric = Some(metric.to_string());
    }
}

/// The list items under a caption line that says anything of them, by block index. A
/// caption is a paragraph ending in a colon or a line that only names a scale; only one
/// of a few words names a metric or topic: a sentence that leads into a list ("… split
/// roughly like this:") does not, as its items are parts of what it says.
pub fn list_captions(
    doc: &Doc,
    blocks: &[Block],
    names: &MetricNames,
    subject_of: impl Fn(&str) -> Option<String>,
) -> Vec<(usize, ListCaption)> {
    let caption_of = |block: &Block| {
        let text = block.text.as_str();
        // A short heading right above a list names what its items measure as a caption
        // line does ("## Operating income by region" over "- Japan: ¥2,823.0 billion").
        let heading = block.kind == BlockKind::Heading && text.split_whitespace().count() <= 8;
        let colon = is_caption(block) || heading;
        let label = colon && text.split_whitespace().count() <= 12;
        Some(ListCaption {
            scale: (colon || is_scale_line(block))
                .then(|| caption_scale(text))
                .flatten()
                .filter(|s| matches!(s, Scale::Money(..))),
            // "Deliveries by program:": a caption that opens with a plural noun no
            // metric names counts it, as prose does ("265 deliveries").
            metric: label
                .then(|| {
                    names.first_metric(text).or_else(|| {
                        (!heading)
                            .then(|| metrics::counted_noun(text))
                            .flatten()
                            .map(|noun| (noun, false, MetricKind::Count))
                    })
                })
                .flatten(),
            subject: label.then(|| subject_of(text)).flatten(),
            heading,
            changes: label.then(|| walk_of(text)).flatten(),
        })
        .filter(|c| c.scale.is_some() || c.metric.is_some() || c.subject.is_some())
    };
    let mut out = Vec::new();
    // The block right above the items, read only once an item follows it: read for every
    // heading and paragraph, it was 23 M instructions of the 1,000-note build.
    let (mut above, mut caption) = (None, None);
    for (b, block) in blocks.iter().enumerate() {
        if is_item(doc, block) {
            if let Some(above) = above.take() {
                caption = caption_of(above);
            }
            if let Some(caption) = &caption {
                out.push((b, ListCaption::clone(caption)));
            }
            continue;
        }
        (above, caption) = (Some(block), None);
    }
    out
}

pub fn is_item(doc: &Doc, block: &Block) -> bool {
    matches!(doc.events.get(block.first_event), Some((Event::Start(Tag::Item), _)))
}

/// A paragraph that ends in a colon: it says what the table or list below it holds.
fn is_caption(block: &Block) -> bool {
    block.kind == BlockKind::Prose && block.text.trim_end().ends_with(':')
}

/// "Quarterly paid net adds:" over "- Q1 2024: 9.3 million", "Commercial deliveries for
/// the year:" over "- 737: 265 (2023: 396)": the count after the item's label, said with
/// a scale word or as a whole number alone, and with no noun, counts what the caption
/// names.
fn count_edits(text: &str, label: &str) -> Edits {
    let Some(colon) = text.find(": ") else {
        return Vec::new();
    };
    let value = &text[colon + 2..];
    let number = value
        .bytes()
        .take_while(|b| b.is_ascii_digit() || b".,".contains(b))
        .count();
    if number == 0 {
        return Vec::new();
    }
    let rest = &value[number..];
    // A whole number alone, or before its comparison in brackets, after a label that is
    // a name, a number or a period ("737", "Renton", "Q1 2024"; not "Postpaid phone net
    // additions", which says what it counts): the noun goes after it.
    let whole = !value[..number].contains('.') && value[..number].ends_with(|c: char| c.is_ascii_digit());
    let named = text[..colon]
        .trim_start_matches(['-', '*', ' '])
        .split_whitespace()
        .all(|w| !w.starts_with(|c: char| c.is_ascii_lowercase()));
    if whole && named && (rest.trim().is_empty() || rest.starts_with(" (")) {
        let at = colon + 2 + number;
        return vec![(at..at, format!(" {label}"))];
    }
    let Some(word) = ["million", "billion", "thousand"].iter().find(|w| {
        rest.strip_prefix(' ')
            .and_then(|r| r.strip_prefix(**w))
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()) && after.trim().len() <= 1)
    }) else {
        return Vec::new();
    };
    let at = colon + 2 + number + 1;
    vec![(at..at + word.len(), format!("{word} {label}"))]
}

fn item_edits(text: &str, scale: Scale) -> Edits {
    let Some(colon) = text.find(": ") else {
        return Vec::new();
    };
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = colon + 2;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit()
            || (at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || b"$.,".contains(&bytes[at - 1])))
        {
            at += 1;
            continue;
        }
        let mut end = at;
        while end < bytes.len()
            && (bytes[end].is_ascii_digit()
                || (b".,".contains(&bytes[end]) && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
        {
            end += 1;
        }
        // A unit or scale written after it ("12%", "4.2 billion", "3x") is its own.
        let rest = text[end..].trim_start();
        let unit_after = rest.starts_with(|c: char| c == '%' || c.is_ascii_alphabetic()) && !rest.starts_with("in ");
        if !unit_after && let Some(written) = read_cell(&text[at..end], Some(scale), None) {
            out.push((at..end, written));
        }
        at = end;
    }
    out
}

impl Layout {
    /// Takes what a caption says: the scale of bare numbers where the head gives none,
    /// and the period and metric of every cell; of a heading (`whole` false), the metric,
    /// and the scale it names in brackets.
    fn captioned(&mut self, caption: &str, whole: bool, names: &MetricNames) {
        let named = names.first_named(caption);
        self.caption.counts = named
            .filter(|(_, kind)| *kind == MetricKind::Count)
            .and_then(|(label, _)| plural_label(label));
        self.caption.metric = named.map(|(label, _)| label.to_string());
        self.caption.sales = sales_named(caption);
        // A heading names the scale as a caption does ("## Revenue by region ($ in
        // billions)"), in brackets: a heading's last words are seldom a scale.
        if let Some(first) = self.scales.first_mut()
            && first.is_none()
        {
            *first = if whole {
                caption_scale(caption)
            } else {
                scale_of(except_cut(caption))
            };
        }
        if !whole {
            return;
        }
        // "Percent change year over year": every column whose head says nothing of its
        // numbers holds growth rates.
        if let Some(basis) = growth_words(caption) {
            for c in 1..self.growth.len() {
                if self.growth[c].is_none() && self.scales[c].is_none() && self.counted[c].is_none() {
                    self.growth[c] = Some(basis);
                }
            }
        }
        self.caption.period = metrics::parse_period(caption);
    }

    /// What a caption says of each column of the head row `head`: "(sales in CHF
    /// billion; organic growth, RIG and pricing in %)" gives each measure's unit to the
    /// columns whose head names that measure and says no unit of its own; and a bare
    /// margin is the margin of the measure of profit the caption names.
    fn caption_columns(&mut self, caption: &str, head: &str) {
        let units = units_by_measure(caption);
        for (c, cell) in head.split(" | ").enumerate().skip(1) {
            let lower = cell.to_ascii_lowercase();
            // "Adjusted EBITDA by segment … | Margin, FY 2024 |": a bare margin is that of
            // the measure of profit the caption names, where it has one of its own.
            let bare = lower.split(|ch: char| !ch.is_ascii_alphabetic()).any(|w| w == "margin")
                && !lower.contains("operating");
            if bare
                && self
                    .metrics
                    .get(c)
                    .is_some_and(|m| m.as_deref() == Some("operating margin"))
                && let Some(margin) = self.caption.metric.as_deref().and_then(metrics::margin_of)
            {
                self.metrics[c] = Some(margin.to_string());
            }
            if self.scales.get(c).is_none_or(Option::is_some) {
                continue;
            }
            let named = |name: &String| {
                lower.match_indices(name.as_str()).any(|(at, _)| {
                    let before = lower[..at].chars().next_back().is_none_or(|ch| !ch.is_alphanumeric());
                    let after = lower[at + name.len()..]
                        .chars()
                        .next()
                        .is_none_or(|ch| !ch.is_alphanumeric());
                    before && after
                })
            };
            if let Some((_, scale)) = units.iter().find(|(names, _)| names.iter().any(named)) {
                self.scales[c] = Some(*scale);
            }
        }
    }

    fn of(head: &str, names: &MetricNames, subject_of: &impl Fn(&str) -> Option<String>) -> Layout {
        let mut layout = Layout::default();
        let cells: Vec<&str> = head.split(" | ").collect();
        for &cell in &cells {
            let named = names.first_named(cell);
            layout.metrics.push(named.map(|(label, _)| label.to_string()));
            // A head cell with no digit names no period of its own ("Change").
            layout.periods.push(
                cell.bytes()
                    .any(|b| b.is_ascii_digit())
                    .then(|| metrics::parse_period(cell))
                    .flatten(),
            );
            layout.forecasts.push(forecast_head(cell));
            layout.subjects.push(subject_of(cell));
            // The first head cell may be the table's caption: "$ in billions, except EPS".
            let scale = scale_of(cell).or_else(|| layout.scales.is_empty().then(|| caption_scale(cell)).flatten());
            layout.scales.push(scale);
            // "RIG", "Pricing", "Price/mix": the parts of a growth are changes too.
            let kind = named.map(|(_, kind)| kind);
            let part = named.is_some_and(|(label, _)| metrics::is_growth_part(label));
            layout.growth.push(growth_of(cell).or(part.then_some(None)));
            // "Take rate (% of gross bookings)": a ratio the head names is no share of a
            // whole but that ratio.
            layout.shares.push(share_head(cell) && kind != Some(MetricKind::Ratio));
            let money = matches!(kind, Some(MetricKind::Money | MetricKind::Ratio));
            layout.counted.push(
                (!money && scale.is_none())
                    .then(|| metrics::counted_noun(cell))
                    .flatten(),
            );
        }
        // "Q3 2024 | Q4 2024 | Q4 net adds": a quarter without its year is of the year
        // the other columns name, as a heading's is of the note's.
        if let Some(around) = layout.latest_period().map(str::to_string) {
            for (c, cell) in cells.iter().enumerate() {
                if layout.periods[c].is_none() && cell.bytes().any(|b| b.is_ascii_digit()) {
                    layout.periods[c] = metrics::parse_heading_period(cell, Some(&around), 12);
                }
            }
        }
        let is = |cell: &str, words: &[&str]| words.iter().any(|w| cell.trim().eq_ignore_ascii_case(w));
        layout.low_high = (1..cells.len().saturating_sub(1)).find(|&c| {
            is(cells[c], &["low", "low end", "min", "minimum"])
                && is(cells[c + 1], &["high", "high end", "max", "maximum"])
        });
        layout
    }

    /// Joins the edits of a row's low and high cells into one that reads them as a range
    /// ("27.6 | 27.9" as "$27.6B to $27.9B").
    fn join_range(&self, row: &str, cells: &Cells, out: &mut Edits) {
        let Some(low) = self.low_high else { return };
        let bounds = |c: usize| {
            cells
                .trimmed(row, c)
                .filter(|r| row[r.clone()].bytes().any(|b| b.is_ascii_digit()))
        };
        let (Some(lo), Some(hi)) = (bounds(low), bounds(low + 1)) else {
            return;
        };
        let written = |r: &Range<usize>, out: &Edits| {
            out.iter()
                .find(|(at, _)| at == r)
                .map_or_else(|| row[r.clone()].to_string(), |(_, w)| w.clone())
        };
        let range = format!("{} to {}", written(&lo, out), written(&hi, out));
        out.retain(|(at, _)| *at != lo && *at != hi);
        let at = out.partition_point(|(r, _)| r.start < lo.start);
        out.insert(at, (lo.start..hi.end, range));
    }

    /// The edits that write out the bare numbers of a body row (its text, cells joined by
    /// " | "): byte ranges of the row and what they read as. Empty when it needs none.
    pub fn edits(&self, row: &str, names: &MetricNames, names_topic: impl Fn(&str) -> bool) -> Edits {
        let mut out = Vec::new();
        let cells = Cells::of(row, 0);
        let label = cells.cell(row, 0).unwrap_or_default();
        // The row's label (first cell) may give its own unit ("Diluted EPS ($)", "Margin
        // (%)"), or name a metric that is no amount of money, which a head's "$ bn" does
        // not scale: a ratio's numbers are percentages ("Operating margin | 1.8"), a
        // count's are left as they are ("Headcount"). Read once a row has a bare number.
        // The label's metric, read once a row has a bare number.
        let row_metric = std::cell::OnceCell::new();
        let row_metric = || {
            row_metric
                .get_or_init(|| names.first_metric(label).filter(|(_, negates, _)| !negates))
                .as_ref()
                .map(|(label, _, kind)| (label.as_str(), *kind))
        };
        let row_unit = || {
            let kind = row_metric().map(|(_, kind)| kind);
            let scale = scale_of(label).or((kind == Some(MetricKind::Ratio)).then_some(Scale::Percent));
            (scale, !matches!(kind, Some(MetricKind::Ratio | MetricKind::Count)))
        };
        // "Gross margin | 7,389.2" under "$ in millions": a margin of a hundred or more is
        // the gross profit in money, not a rate. Asked only of a row taken for rates because
        // its label names a margin (not one that says "(%)").
        let margin_in_money = |number: &str, scale: Option<Scale>| {
            let hundreds = || {
                let digits: String = number.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
                digits.parse::<f64>().is_ok_and(|x| x >= 100.0)
            };
            scale == Some(Scale::Percent)
                && scale_of(label).is_none()
                && !number.ends_with('%')
                && row_metric().is_some_and(|(l, _)| l.ends_with("margin"))
                && hundreds()
        };
        // What the label counts, if it opens with a plural noun and names no money or rate
        // ("Employees at year end", "Branches"), read once a row has a bare number.
        let row_counts = std::cell::OnceCell::new();
        let row_counts = || {
            *row_counts.get_or_init(|| {
                let counted = match row_metric() {
                    // A label no metric names counts its noun, else, in a table that gives
                    // no scale, what its caption counts ("737 | 396" under "Commercial
                    // deliveries by program"; one in thousands of people served counts
                    // them by its own rules).
                    None => counted_noun(label).or_else(|| {
                        self.scales
                            .iter()
                            .all(Option::is_none)
                            .then_some(self.caption.counts)
                            .flatten()
                    }),
                    // A count the lexicon names ("Commercial deliveries") counts its label.
                    Some((metric, MetricKind::Count)) => counted_noun(label).or_else(|| plural_label(metric)),
                    Some(_) => None,
                };
                // A topic's name is no noun of a count, though it end in "s" ("Fios |
                // 50" under "Net additions (thousands)").
                counted.filter(|_| !names_topic(label))
            })
        };
        let row_growth = std::cell::OnceCell::new();
        for column in 1..cells.starts.len() {
            let Some(at) = cells.trimmed(row, column) else { continue };
            // A typographic minus ("−3", "–1.2%", as published tables set them) is read
            // as a hyphen's.
            let ascii;
            let number = match row[at.clone()].strip_prefix(['\u{2212}', '\u{2013}']) {
                Some(rest) => {
                    ascii = ["-", rest].concat();
                    ascii.as_str()
                }
                None => &row[at.clone()],
            };
            // "$4,322" under "Revenue (in millions)" is $4,322 million: the symbol says the
            // currency, the head the scale.
            if let Some(mut written) = Self::scaled_amount(number, self.head_scale(column)) {
                // A loss reads as the column's own level, as a bare one does (below).
                if written.starts_with('-')
                    && let Some(Some(metric)) = self.metrics.get(column)
                {
                    written = format!("{metric} {written}");
                }
                out.push((at, written));
                continue;
            }
            // Only numbers are read: "149.2", "(1.0)%", "+13%", "1,525,000".
            if !number.bytes().all(|b| b"0123456789.,()%+-".contains(&b)) || !number.bytes().any(|b| b.is_ascii_digit())
            {
                continue;
            }
            // A row of rates whose label says growth ("Azure revenue growth, cc | 29% |
            // 30%") holds changes, as a growth column does.
            let growth = self.growth.get(column).copied().flatten().or_else(|| {
                number
                    .ends_with('%')
                    .then(|| *row_growth.get_or_init(|| growth_of(label)))
                    .flatten()
            });
            // A signed rate under a head with no basis reads as written ("+35%").
            if growth == Some(None) && number.starts_with(['+', '-']) && number.ends_with('%') {
                continue;
            }
            let (row_scale, money) = row_unit();
            let margin_in_money = margin_in_money(number, row_scale);
            let (row_scale, money) = if margin_in_money {
                (None, true)
            } else {
                (row_scale, money)
            };
            // A whole number under a head that counts something ("Stores at year-end |
            // 4,606"), or in a row whose label does ("Employees at year end | 100,000"), is
            // a count of it, whatever the table's scale; the row's change without a "%"
            // ("Branches | 4,966 | +69") is a change in that count.
            // What the row's label counts, whatever its scale ("Rooms at year end
            // (thousands)").
            let label_counts = row_counts();
            let row_counts = if row_scale.is_none() { label_counts } else { None };
            let counted = self
                .counted
                .get(column)
                .and_then(Option::as_deref)
                .filter(|_| row_scale.is_none());
            // Under a scale with no currency ("Volumes (thousands)"), the count is in
            // that scale: "Wholesales | 4,445" is 4,445 thousand wholesales.
            let plain_scale = match self.head_scale(column) {
                Some(Scale::Plain(word, _)) => Some(word),
                _ => None,
            };
            if let Some(noun) = counted.or(row_counts)
                && growth.is_none()
                && (number.bytes().all(|b| b.is_ascii_digit() || b == b',')
                    || (plain_scale.is_some() && is_number(number)))
            {
                out.push((
                    at,
                    match plain_scale {
                        Some(word) => format!("{number} {word} {noun}"),
                        None => format!("{number} {noun}"),
                    },
                ));
                continue;
            }
            // "Vehicles | FY 2023" over "U.S. sales | 1,995", in a table that names no
            // currency: its sales are counted in vehicles, not dollars.
            if let Some(word) = plain_scale
                && let Some(noun) = self.corner_count()
                && growth.is_none()
                && row_metric().is_some_and(|(_, kind)| kind == MetricKind::Money)
                && is_number(number)
            {
                out.push((at, format!("{number} {word} {noun}")));
                continue;
            }
            let counted_change = row_counts
                .filter(|_| growth.is_some() && !number.contains('%'))
                .map(|noun| Scale::Plain(noun, None));
            let scale = counted_change
                .or(row_scale)
                .or_else(|| money.then(|| self.head_scale(column)).flatten());
            if let Some(mut written) = read_cell(number, scale, growth) {
                // "Paid memberships (millions)" over "UCAN | 84.1": a count of what the
                // column or the caption names, written after it as in prose.
                // A scale with no currency leaves the unit to the words, written as prose
                // would have them.
                if growth.is_none()
                    && let Some(Scale::Plain(_, scale_noun)) = scale
                {
                    if let Some(noun) = self.counted_metric(column, names).filter(|_| row_metric().is_none()) {
                        // "Paid memberships (millions)" over "UCAN | 84.1": a count of what
                        // the column or the caption names. A row that names its own
                        // ("LNG sales (million tonnes)" under "Production and LNG") keeps it.
                        written = format!("{written} {noun}");
                    } else if let Some(noun) = scale_noun.filter(|_| row_metric().is_none()) {
                        // "Retail sales by region (thousand units)" over "Japan | 1,539": a
                        // scale that says what it counts makes its cells counts, whatever
                        // the caption's sales would be in money.
                        written = format!("{written} {noun}");
                    } else if let Some(noun) = label_counts.filter(|_| row_scale.is_some()) {
                        // "Rooms at year end (thousands) | 1,597": 1,597 thousand rooms;
                        // "Rooms signed (thousands) | 164": 164 thousand rooms signed.
                        written = match metrics::done_to(label) {
                            Some(done) => format!("{written} {noun} {done}"),
                            None => format!("{written} {noun}"),
                        };
                    } else if let Some(metric) = self.money_metric(column, row_metric().is_some(), names) {
                        // "Revenue (in millions)" over "4,322": an amount in the site's
                        // currency, as "revenue 4,322 million" reads.
                        written = format!("{metric} {written}");
                    } else if margin_in_money && row_metric().is_some_and(|(l, _)| l == "gross margin") {
                        // "Gross margin | 3,389.2" under "(in millions)": the gross profit,
                        // in the site's currency (as `attribute::money_name` names it).
                        written = format!("gross profit {written}");
                    } else if let Some(noun) = scale_noun {
                        // "Deliveries (thousands of units)" over "130.2": 130.2 thousand units.
                        written = format!("{written} {noun}");
                    }
                }
                // A negative level right after another cell's amount reads as that
                // amount's change ("$(0.4)B | -1.0%"); the head's metric in front keeps it
                // the column's own ("operating margin -1.0%").
                if growth.is_none()
                    && written.starts_with('-')
                    && let Some(Some(metric)) = self.metrics.get(column)
                {
                    written = format!("{metric} {written}");
                }
                if written != row[at.clone()] {
                    out.push((at, written));
                }
            }
        }
        self.join_range(row, &cells, &mut out);
        out
    }

    /// What a table counts, where its first head cell, over the rows' labels, names it
    /// ("Vehicles", "Stores") and no head names a currency: a corner that says what its
    /// rows are ("Metrics", "Segments", "Regions") counts nothing.
    fn corner_count(&self) -> Option<&str> {
        const ROWS: [&str; 12] = [
            "metrics",
            "measures",
            "segments",
            "lines",
            "regions",
            "markets",
            "items",
            "figures",
            "results",
            "highlights",
            "categories",
            "businesses",
        ];
        let noun = self.counted.first()?.as_deref()?;
        let currency = self.scales.iter().flatten().any(|s| matches!(s, Scale::Money(..)));
        (!currency && !ROWS.contains(&noun)).then_some(noun)
    }

    /// The scale column `column`'s head gives its numbers, else the table's.
    fn head_scale(&self, column: usize) -> Option<Scale> {
        self.scales.get(column).copied().flatten().or(self.scales[0])
    }

    /// A cell that writes its currency and no scale ("$4,322", "$(419)", "-€12.5") under
    /// a head that gives one: the amount written out with it ("$4,322M").
    fn scaled_amount(cell: &str, scale: Option<Scale>) -> Option<String> {
        let (negative, rest) = match cell.strip_prefix('(').and_then(|c| c.strip_suffix(')')) {
            Some(inner) => (true, inner.trim()),
            None => match cell.strip_prefix(['-', '\u{2212}']) {
                Some(rest) => (true, rest),
                None => (false, cell),
            },
        };
        let (symbol, rest) = ["US$", "$", "€", "£", "¥"]
            .iter()
            .find_map(|&symbol| rest.strip_prefix(symbol).map(|r| (symbol, r.trim_start())))?;
        let (negative, digits) = match rest.strip_prefix('(').and_then(|d| d.strip_suffix(')')) {
            Some(inner) => (true, inner),
            None => (negative, rest),
        };
        if !is_number(digits) {
            return None;
        }
        let sign = if negative { "-" } else { "" };
        match scale? {
            Scale::Money(_, suffix) if !suffix.is_empty() => Some(format!("{sign}{symbol}{digits}{suffix}")),
            Scale::Plain(word, _) => Some(format!("{sign}{symbol}{digits} {word}")),
            _ => None,
        }
    }

    /// The money metric column `column`'s head names, else the caption's, for a row whose
    /// label names none (`labelled`: a label that does is read before the numbers already).
    fn money_metric<'s>(&'s self, column: usize, labelled: bool, names: &MetricNames) -> Option<&'s str> {
        if labelled {
            return None;
        }
        let money = |label: &&String| names.first_kind(label) == Some(MetricKind::Money);
        let head = self.metrics.get(column).and_then(Option::as_ref).filter(money);
        head.or(self.caption.metric.as_ref().filter(money)).map(String::as_str)
    }

    /// The count metric that column `column`'s head names, else the caption's.
    fn counted_metric(&self, column: usize, names: &MetricNames) -> Option<&str> {
        let count = |label: &&String| names.first_kind(label) == Some(MetricKind::Count);
        let head = self.metrics.get(column).and_then(Option::as_ref).filter(count);
        head.or(self.caption.metric.as_ref().filter(count)).map(String::as_str)
    }

    /// Gives the figures of a body row (its text `row`; the figures' ranges are of the
    /// sentence that starts at `offset` in it) what the heads of their columns say: the
    /// metric of a cell that names none, before a guess from the segment or the page; the
    /// period of a cell that names none ("Q4 2023" over a column), before the heading's
    /// or the page's; and, in a row that names no topic (`names_topic` false), the subject
    /// of a cell whose head names one ("AWS revenue"). In "Metric | Q4 2023 | Q4 2022 |
    /// Change", the change is the latest period's, though it stands next to the earlier
    /// one's cell.
    pub fn attribute(
        &self,
        row: &str,
        offset: usize,
        names_topic: bool,
        names: &MetricNames,
        figures: &mut Vec<Found>,
    ) {
        let cells = Cells::of(row, offset);
        self.split_levels(&cells, row, offset, figures);
        self.split_shares(&cells, row, offset, figures);
        for found in figures.iter_mut() {
            let c = cells.column(found.range.start);
            if let Some(Some(subject)) = self.subjects.get(c)
                && !names_topic
                && c > 0
                && found.subject.is_some()
            {
                found.subject = Some(subject.clone());
            }
            if let Some(Some(metric)) = self.metrics.get(c)
                && !found.metric_named
            {
                found.metric = Some(metric.clone());
            }
            if self.forecasts.get(c) == Some(&true) {
                found.forecast = true;
            }
            if let Some(Some(period)) = self.periods.get(c)
                && let Some(cell) = cells.cell(row, c)
                && (!period_like(cell) || metrics::parse_period(cell).is_none())
            {
                found.period = Some(period.clone());
            } else if let Some(period) = &self.caption.period
                && !matches!(self.periods.get(c), Some(Some(_)))
                && !cells.cell(row, 0).is_some_and(period_like)
                && !cells.cell(row, c).is_some_and(period_like)
            {
                found.period = Some(period.clone());
            } else if found.value.is_none()
                && matches!(self.growth.get(c), Some(Some(_)))
                && let Some(latest) = self.latest_period()
            {
                // "| Q3 FY25 | Q4 FY25 | Q/Q | Y/Y |": a rate that stands apart from any
                // level in a column of growth rates is the latest period's.
                found.period = Some(latest.to_string());
            }
            if !found.metric_named
                && !matches!(self.metrics.get(c), Some(Some(_)))
                && let Some(metric) = &self.caption.metric
            {
                found.metric = Some(metric.clone());
            }
        }
        // "| Mounjaro | 11.54 | 18.20 |": a row is one line, so a level whose column names
        // no metric takes the one a level of the same unit in the row was given (the first
        // cell after a topic reads as its revenue; the others stood too far from it).
        let unit_of = |f: &Found| f.value.as_ref().map(|v| v.unit);
        let shared = (figures.iter())
            .filter(|f| f.metric.is_some() && !matches!(self.metrics.get(cells.column(f.range.start)), Some(Some(_))))
            .find_map(|f| Some((unit_of(f)?, f.metric.clone()?)));
        if let Some((unit, metric)) = shared {
            for found in figures.iter_mut() {
                let c = cells.column(found.range.start);
                if found.metric.is_none()
                    && unit_of(found) == Some(unit)
                    && !matches!(self.metrics.get(c), Some(Some(_)))
                {
                    found.metric = Some(metric.clone());
                }
            }
        }
        // Read only for a row with a figure that takes its metric from a head or caption,
        // from the count the column or caption names, written into the row ("Broadband |
        // 386" under "Net additions (thousands)": 386 thousand broadband net additions),
        // or from what the corner counts, in a row whose label names sales ("Hybrid U.S.
        // sales" counts hybrid U.S. vehicles: the words before its metric qualify it).
        let corner = self.corner_count();
        // "(thousand units)" over "Other | 1,929": the units the scale counts, of the
        // sales the caption names, if it does.
        let scale_noun = |c: usize| match self.head_scale(c) {
            Some(Scale::Plain(_, noun)) => noun,
            _ => None,
        };
        if let Some(sales) = &self.caption.sales {
            for found in figures.iter_mut() {
                let c = cells.column(found.range.start);
                if c > 0 && scale_noun(c).is_some() && found.metric.as_deref() == scale_noun(c) {
                    found.metric = Some(sales.clone());
                }
            }
        }
        let given = |f: &Found| {
            let c = cells.column(f.range.start);
            c > 0
                && f.metric.as_deref().is_some_and(|m| {
                    !f.metric_named
                        || self.counted_metric(c, names) == Some(m)
                        || corner == Some(m)
                        || scale_noun(c) == Some(m)
                        || (scale_noun(c).is_some() && self.caption.sales.as_deref() == Some(m))
                })
        };
        let qualifier = |label: &str| {
            row_qualifier(label, names).or_else(|| {
                corner?;
                row_qualifier(&label[..names.first_metric_start(label)?], names)
            })
        };
        if !names_topic
            && figures.iter().any(given)
            && let Some(q) = cells.cell(row, 0).and_then(qualifier)
        {
            for found in figures.iter_mut().filter(|f| given(f)) {
                if let Some(metric) = &mut found.metric {
                    *metric = format!("{q} {metric}");
                }
            }
        }
        self.change_to_latest(&cells, row, offset, figures);
        // A share of a whole is no level of what the row measures (M10).
        for f in figures.iter_mut() {
            let share = self.shares.get(cells.column(f.range.start)).is_some_and(|s| *s);
            if share && f.change.is_none() && f.value.as_ref().is_some_and(|v| v.unit == "%") {
                f.metric = None;
            }
        }
    }

    /// "| 53 | 19 |" under "Q4 2024 share (%)" and "Q4 2024 growth q/q (%)": read as a
    /// sentence, the growth is the share's change; it is the growth of what the row
    /// measures, a figure of its own, and the share another.
    fn split_shares(&self, cells: &Cells, row: &str, offset: usize, figures: &mut Vec<Found>) {
        let splits = |f: &Found, first: usize, last: usize| {
            self.shares.get(first).is_some_and(|s| *s)
                && matches!(self.growth.get(last), Some(Some(_)))
                && f.value.is_some()
                && f.change.is_some()
        };
        split_cells(cells, row, offset, figures, splits, |f| Found {
            value: None,
            ..f.clone()
        });
    }

    /// The latest period a column head names, if any.
    fn latest_period(&self) -> Option<&str> {
        (self.periods.iter().flatten())
            .filter_map(|p| Some((period_key(p)?, p.as_str())))
            .max_by_key(|&(key, _)| key)
            .map(|(_, p)| p)
    }

    /// "| (3,846) | (4,488) |" under two quarters: read as a sentence, a signed amount
    /// after a level is its change; under a period of its own, not one of growth, it is a
    /// level of its own.
    fn split_levels(&self, cells: &Cells, row: &str, offset: usize, figures: &mut Vec<Found>) {
        let level_column =
            |c: usize| matches!(self.periods.get(c), Some(Some(_))) && !matches!(self.growth.get(c), Some(Some(_)));
        let splits = |f: &Found, first: usize, last: usize| {
            level_column(first)
                && level_column(last)
                && matches!((&f.value, &f.change), (Some(v), Some(c)) if c.unit == v.unit)
        };
        let later = |f: &Found| {
            let change = f.change.as_ref().expect("a split figure has a change");
            let sign = if change.direction == "down" { -1.0 } else { 1.0 };
            Found {
                value: Some(metrics::Quantity {
                    amount: sign * change.amount,
                    unit: change.unit,
                    approx: false,
                    upper: None,
                }),
                change: None,
                ..f.clone()
            }
        };
        split_cells(cells, row, offset, figures, splits, later);
    }

    /// Moves a change from an earlier period's level onto the latest period's level of
    /// the same metric in the row, if the change stands in a column of growth rates.
    fn change_to_latest(&self, cells: &Cells, row: &str, offset: usize, figures: &mut [Found]) {
        let column = |at: usize| cells.column(at);
        let key = |c: usize| self.periods.get(c)?.as_deref().and_then(period_key);
        for i in 0..figures.len() {
            let f = &figures[i];
            let (Some(_), Some(_)) = (&f.value, &f.change) else {
                continue;
            };
            let (level, rate) = (column(f.range.start), column(f.range.end.max(1) - 1));
            if level == rate || !matches!(self.growth.get(rate), Some(Some(_))) {
                continue;
            }
            let Some(earlier) = key(level) else { continue };
            let later = (0..figures.len())
                .filter(|&j| j != i && figures[j].change.is_none() && figures[j].value.is_some())
                // The level read with the rate may have lost its metric to it ("$18.3B |
                // +11%" under a segment's row): the later level's metric stands for both.
                .filter(|&j| f.metric.is_none() || figures[j].metric == f.metric)
                .filter_map(|j| Some((key(column(figures[j].range.start))?, j)))
                .filter(|&(k, _)| k.0 == earlier.0 && k > earlier)
                .max();
            let Some((latest, j)) = later else { continue };
            if figures[i].metric.is_none() {
                figures[i].metric = figures[j].metric.clone();
            }
            let mut change = figures[i].change.take();
            if let Some(change) = change.as_mut()
                && change.basis.is_none()
            {
                change.basis = basis_between(earlier, latest);
            }
            figures[j].change = change;
            // The earlier level's figure is its own cell now.
            if let Some(cell) = cells.trimmed(row, level) {
                figures[i].range.end = cell.end - offset;
            }
        }
    }
}

/// Where a row's cells start, for the figures of a sentence `offset` bytes into it.
struct Cells {
    starts: Vec<usize>,
    offset: usize,
}

impl Cells {
    fn of(row: &str, offset: usize) -> Cells {
        let bytes = row.as_bytes();
        let separator = |at: usize| at > 0 && bytes[at - 1] == b' ' && bytes.get(at + 1) == Some(&b' ');
        let starts = std::iter::once(0)
            .chain(
                (0..bytes.len())
                    .filter(|&at| bytes[at] == b'|' && separator(at))
                    .map(|at| at + 2),
            )
            .collect();
        Cells { starts, offset }
    }

    /// The column of byte `at` of the sentence.
    fn column(&self, at: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= self.offset + at)
            .saturating_sub(1)
    }

    /// The text of column `c`.
    fn cell<'r>(&self, row: &'r str, c: usize) -> Option<&'r str> {
        let start = *self.starts.get(c)?;
        let end = self.starts.get(c + 1).map_or(row.len(), |&next| next - " | ".len());
        row.get(start..end)
    }

    /// Where the text of column `c` lies in `row`, without the spaces around it.
    fn trimmed(&self, row: &str, c: usize) -> Option<Range<usize>> {
        let cell = self.cell(row, c)?;
        let start = self.starts[c] + (cell.len() - cell.trim_start().len());
        Some(start..start + cell.trim().len())
    }
}

/// The sales a caption names with the words that qualify them (`metrics::qualified_sales`):
/// "Table 2: Toyota and Lexus retail sales by region" names *retail sales*.
fn sales_named(caption: &str) -> Option<String> {
    let words: Vec<&str> = caption.split_whitespace().collect();
    let at = words.iter().position(|w| w.eq_ignore_ascii_case("sales"))?;
    metrics::qualified_sales(words[..at].iter().enumerate().rev().map(|(i, w)| (*w, i == 0, false)))
}

/// The label a list item opens with, before its colon ("Marketplace" of "Marketplace: over
/// 1 billion monthly users"), in lower case, when it is a qualifier (`row_qualifier`) of
/// a few words.
pub fn item_label(label: &str, names: &MetricNames) -> Option<String> {
    // "Clubs: 600", "Employees: about 47,000": a label that says what is counted is the
    // figure's metric, not a part of one.
    (label.split_whitespace().count() <= 5 && counted_noun(label).is_none())
        .then(|| row_qualifier(label, names))
        .flatten()
}

/// What a row's label adds to the metric its column or caption names, when it names
/// neither a topic nor a metric nor a period: "Japan" under "Revenue by geography" is
/// Japan's revenue, not the company's.
fn row_qualifier(label: &str, names: &MetricNames) -> Option<String> {
    let label = label.trim().trim_matches(|c: char| c == '*' || c == '_').trim();
    // "Total broadband" sums a line's parts ("Fixed wireless access", "Fios Internet"):
    // it is that line's, as "Broadband" is; a "Total" alone is all of the business.
    let label = match label.split_once(' ') {
        Some((first, rest)) if first.eq_ignore_ascii_case("total") => rest.trim_start(),
        _ => label,
    };
    // The cheap tests first: a list item's label is read for every item with a figure.
    let plain = !label.is_empty()
        && label.bytes().any(|b| b.is_ascii_alphabetic())
        && !label.bytes().any(|b| b.is_ascii_digit())
        && !label.split_whitespace().any(metrics::names_all_of_a_business);
    // Written as a line of business is in prose ("U.S. revenue" is *us revenue*).
    (plain && !period_like(label) && names.first_metric(label).is_none() && growth_of(label).is_none())
        .then(|| metrics::label_words(label))
}

/// Whether a head cell says its column holds forecasts: a year marked as an estimate
/// ("2025E", "FY2026e", a fiscal year's two digits "FY26E", "FY3/26E"), or a word of
/// forecast ("Guidance", "Consensus", "Our estimate").
fn forecast_head(cell: &str) -> bool {
    let fiscal = cell
        .trim_start()
        .get(..2)
        .is_some_and(|fy| fy.eq_ignore_ascii_case("fy"));
    cell.split(|c: char| !c.is_ascii_alphanumeric()).any(|word| {
        let year = word.strip_suffix(['E', 'e']).unwrap_or("");
        let digits = year.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        let year_e = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits.len() == 4 || (digits.len() == 2 && fiscal));
        year_e
            || [
                "estimate",
                "estimates",
                "est",
                "guidance",
                "guide",
                "outlook",
                "forecast",
                "consensus",
                "target",
            ]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
    })
}

/// Whether a body cell may name a period of its own beside its amount: a word of time or
/// a year ("$20.7B in Q3", "$5.1B (2022)"); a bare amount cannot.
fn period_like(cell: &str) -> bool {
    const WORDS: [&str; 10] = ["q1", "q2", "q3", "q4", "h1", "h2", "quarter", "year", "ttm", "half"];
    cell.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
        let b = w.as_bytes();
        (b.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && b.iter().all(u8::is_ascii_digit))
            || (b.len() >= 2 && b[..2].eq_ignore_ascii_case(b"fy"))
            || WORDS.iter().any(|word| w.eq_ignore_ascii_case(word))
    })
}

/// The basis of a change from one period to another: a year apart, YoY; a quarter
/// apart, QoQ.
fn basis_between(from: (&str, i32, u8), to: (&str, i32, u8)) -> Option<&'static str> {
    let (years, steps) = (to.1 - from.1, i32::from(to.2) - i32::from(from.2));
    match from.0 {
        _ if years == 1 && steps == 0 => Some("YoY"),
        "Q" if (years == 0 && steps == 1) || (years == 1 && steps == -3) => Some("QoQ"),
        _ => None,
    }
}

/// A cell's number as it reads under its head (`scale`, and `growth`: a column of growth
/// rates, with their basis), if it needs writing out.
fn read_cell(cell: &str, scale: Option<Scale>, growth: Option<Option<&'static str>>) -> Option<String> {
    let (percent, digits) = match cell.strip_suffix('%') {
        Some(rest) => (true, rest.trim_end()),
        None => (false, cell),
    };
    // "(1.0)%", "$(0.4)": accounting negatives.
    let (negative, digits) = match digits.strip_prefix('(').and_then(|d| d.strip_suffix(')')) {
        Some(inner) => (true, inner),
        None => match digits.strip_prefix(['-', '+']) {
            Some(inner) => (digits.starts_with('-'), inner),
            None => (false, digits),
        },
    };
    // A year in a cell ("2023") is when, not how much.
    let year = digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits.starts_with("19") || digits.starts_with("20"));
    if !is_number(digits) || (year && !percent) {
        return None;
    }
    let sign = if negative { "-" } else { "" };
    if let Some(basis) = growth {
        // A growth rate says its direction, as "+16%" and "down 3%" do; and its basis, if
        // the head does.
        let sign = if negative { "down " } else { "+" };
        let rate = match scale {
            Some(Scale::Money(symbol, suffix)) if !percent => format!("{sign}{symbol}{digits}{suffix}"),
            Some(Scale::Plain(word, _)) if !percent => format!("{sign}{digits} {word}"),
            _ => format!("{sign}{digits}%"),
        };
        return Some(match basis {
            Some(basis) => format!("{rate} {basis}"),
            None => rate,
        });
    }
    match scale {
        _ if percent => negative.then(|| format!("-{digits}%")),
        Some(Scale::Percent) => Some(format!("{sign}{digits}%")),
        Some(Scale::Money(symbol, suffix)) => Some(format!("{sign}{symbol}{digits}{suffix}")),
        Some(Scale::Plain(word, _)) => Some(format!("{sign}{digits} {word}")),
        None => None,
    }
}

/// Digits with thousands separators and one decimal point: "149.2", "1,525,000".
fn is_number(text: &str) -> bool {
    let (mut digits, mut dots) = (0, 0);
    for b in text.bytes() {
        match b {
            b'0'..=b'9' => digits += 1,
            b'.' => dots += 1,
            b',' => {}
            _ => return false,
        }
    }
    digits > 0 && dots <= 1 && !text.starts_with(',')
}

/// The unit and scale a head cell (or a row's label) gives bare numbers, in brackets or
/// after "in": "($ bn)", "(US$ millions)", "($M)", "(in $ billions)", "($)", "(%)".
fn scale_of(cell: &str) -> Option<Scale> {
    let open = cell.find('(')?;
    let inner = cell[open + 1..].split(')').next()?;
    scale_in(except_cut(inner))
}

/// The scale a caption gives: in parentheses ("Cash flow items ($ in millions):"), or as
/// the last of its comma-separated parts ("Full-year totals, $ billions"), read before
/// the exceptions it makes ("$ in millions, except per share data", "…, except ROE and
/// employees": those columns say their units themselves).
fn caption_scale(caption: &str) -> Option<Scale> {
    let caption = except_cut(caption);
    let last = caption.trim_end().trim_end_matches(':').rsplit(',').next()?;
    scale_of(caption).or_else(|| scale_in(last))
}

/// The measures a caption gives units to, each with its unit, from its last parentheses:
/// "(sales in CHF million; growth and margin in %)" gives *sales* millions of francs and
/// *growth* and *margin* percent.
fn units_by_measure(caption: &str) -> Vec<(Vec<String>, Scale)> {
    let (Some(open), Some(close)) = (caption.rfind('('), caption.rfind(')')) else {
        return Vec::new();
    };
    if close < open {
        return Vec::new();
    }
    let mut out = Vec::new();
    for part in caption[open + 1..close].split(';') {
        let lower = part.to_ascii_lowercase();
        let Some((names, unit)) = lower.rsplit_once(" in ") else {
            continue;
        };
        let Some(scale) = scale_in(unit) else { continue };
        // Words that name a measure: not the money of "$ in millions" or "US$ in billions".
        let measure = |n: &&str| n.bytes().all(|b| b.is_ascii_alphabetic() || b" /&-".contains(&b)) && n.len() >= 2;
        let names: Vec<String> = (names.split(',').flat_map(|n| n.split(" and ")))
            .map(str::trim)
            .filter(measure)
            .filter(|n| currency::caption_of(n).is_none() && currency::of_code_before(n.as_bytes()).is_none())
            .map(str::to_string)
            .collect();
        if !names.is_empty() {
            out.push((names, scale));
        }
    }
    out
}

/// A caption before the exceptions it makes ("$ in billions, except per-share data",
/// "£m unless stated", "€ millions except where stated").
fn except_cut(caption: &str) -> &str {
    let lower = caption.to_ascii_lowercase();
    let cut = [", except ", " except ", ", unless ", " unless "]
        .iter()
        .filter_map(|w| lower.find(w))
        .min();
    cut.map_or(caption, |at| &caption[..at])
}

/// A short paragraph right above a table or list that only names the scale of its
/// numbers ("($ in millions)", "Full-year totals, $ billions"): a caption without a colon.
fn is_scale_line(block: &Block) -> bool {
    short_line(block, 96) && caption_scale(&block.text).is_some()
}

/// A paragraph of at most `bytes` and eight words, with no full stop at its end: what a
/// line that only says what a table's numbers are looks like. Asked of every paragraph:
/// the length rules out most before their words are counted.
fn short_line(block: &Block, bytes: usize) -> bool {
    block.kind == BlockKind::Prose
        && block.text.len() <= bytes
        && !block.text.trim_end().ends_with('.')
        && block.text.split_whitespace().count() <= 8
}

/// A short line right above a table that says its numbers are growth rates ("Percent
/// change year over year", "% change vs. prior year"), and their basis if it says one.
fn growth_line(block: &Block) -> Option<Option<&'static str>> {
    short_line(block, 64).then(|| growth_words(&block.text)).flatten()
}

/// Words that say numbers are growth rates: they open with "percent" or "%" and name a
/// change or a basis.
fn growth_words(text: &str) -> Option<Option<&'static str>> {
    let words = text.trim().trim_start_matches('(');
    let lower = words.get(..8).unwrap_or(words).to_ascii_lowercase();
    let percent = lower.starts_with("percent") || lower.starts_with("per cent") || lower.starts_with('%');
    percent.then(|| growth_of(words)).flatten()
}

/// A metric's label that is one plural word ("deliveries"), which a count's number can be
/// written with as its noun.
fn plural_label(label: &str) -> Option<&'static str> {
    (!label.contains(' ') && label.ends_with('s')).then(|| metrics::intern(label))
}

/// The plural noun a row's label opens with ("Employees at year end", "Stores"), in lower
/// case, as a count written in prose names it.
fn counted_noun(label: &str) -> Option<&'static str> {
    let first = label.split_whitespace().next()?;
    let plural = first.len() > 3 && first.ends_with('s') && !first.ends_with("ss");
    (plural && first.bytes().all(|b| b.is_ascii_alphabetic())).then(|| metrics::intern(&first.to_ascii_lowercase()))
}

/// How tables write barrels (of oil equivalent) a day after their scale.
const BARRELS_A_DAY: &[&str] = &[
    "boe/d",
    "boe/day",
    "boepd",
    "boe per day",
    "boe a day",
    "b/d",
    "bpd",
    "bbl/d",
    "barrels per day",
    "barrels a day",
    "barrels of oil equivalent per day",
    "barrels of oil equivalent a day",
];

/// The scale words say ("$ in millions", "usd bn", "%").
fn scale_in(words: &str) -> Option<Scale> {
    let words = words.to_ascii_lowercase();
    let words = words.trim().trim_start_matches("in ").trim();
    if words == "%" {
        return Some(Scale::Percent);
    }
    // "millions of dollars" is "$ millions"; "millions of units", a count in millions,
    // whose noun the caption or the column names.
    if let Some((scale, of)) = words.split_once(" of ") {
        // "(% of gross bookings)", "(% of revenue)": percentages, of what the head says.
        if scale == "%" {
            return Some(Scale::Percent);
        }
        let symbol = currency::caption_of(of);
        return match symbol {
            Some(symbol) => scale_in(&format!("{symbol} {scale}")),
            // A plain word, as a count's noun is ("units", "views", "barrels").
            None if of.bytes().all(|b| b.is_ascii_lowercase()) => match scale_in(scale) {
                Some(Scale::Plain(word, _)) => Some(Scale::Plain(word, Some(metrics::intern(of)))),
                _ => None,
            },
            None => None,
        };
    }
    match words {
        // "TRASM (cents)": an amount in cents of the currency the sentence or the site
        // speaks of, as "19.35 cents" in prose is.
        "cents" | "¢" => return Some(Scale::Money("", " cents")),
        // "Underlying EPS (US cents)", "Interim dividend (US cents per share)": hundredths
        // of the dollar, whatever the caption's "US$ millions" says of the other rows.
        "us cents" | "us cents per share" | "us cents a share" => return Some(Scale::Money("", " US cents")),
        // "Adjusted diluted EPS (p)", "Dividend per share (pence)": hundredths of the pound.
        "p" | "pence" | "pence per share" => return Some(Scale::Money("", " pence")),
        // "Margin change (bps)": basis points, written after each number.
        "bps" | "bp" | "basis points" => return Some(Scale::Plain("bps", None)),
        "thousand" | "thousands" => return Some(Scale::Plain("thousand", None)),
        "million" | "millions" => return Some(Scale::Plain("million", None)),
        "billion" | "billions" => return Some(Scale::Plain("billion", None)),
        // "(megawatts)", "(GW)": power capacity, written after each number as prose writes
        // it, which counts it in megawatts (`metrics::counts::megawatts_in`).
        "megawatts" | "mw" => return Some(Scale::Plain("megawatts", None)),
        "gigawatts" | "gw" => return Some(Scale::Plain("gigawatts", None)),
        _ => {}
    }
    // "(thousand boe/d)", "(kboe/d)", "(million barrels per day)": an oil producer's
    // output, barrels (of oil equivalent) a day, counted in barrels as prose counts them.
    // "($/bbl)", "(US$ per barrel)", "($/t)": a price per unit, in whole units of money,
    // whatever a caption's "$ billions" says of the other rows.
    if let Some((money, _)) = words.split_once('/').or_else(|| words.split_once(" per "))
        && let Some(Scale::Money(symbol, "")) = scale_in(money)
    {
        return Some(Scale::Money(symbol, ""));
    }
    if matches!(words, "kboe/d" | "kboed" | "kb/d" | "kbd") {
        return Some(Scale::Plain("thousand", Some("barrels")));
    }
    if let Some((scale, rate)) = words.split_once(' ')
        && BARRELS_A_DAY.contains(&rate)
        && let Some(Scale::Plain(word, None)) = scale_in(scale)
    {
        return Some(Scale::Plain(word, Some("barrels")));
    }
    // "(thousand units)", "(million vehicles)": a count in thousands of the noun after;
    // "(million 12-inch equivalent wafers)": of the last, the words between saying which.
    if let Some((scale, said)) = words.split_once(' ')
        && let noun = said.rsplit(' ').next().unwrap_or(said)
        && noun.len() > 2
        && noun.ends_with('s')
        && noun.bytes().all(|b| b.is_ascii_lowercase())
        && let Some(Scale::Plain(word, None)) = scale_in(scale)
    {
        return Some(Scale::Plain(word, Some(metrics::intern(noun))));
    }
    let (symbol, rest) = currency::caption_prefix(words)?;
    let rest = rest.trim();
    let rest = rest.trim_start_matches("in ").trim();
    let suffix = match rest {
        "" => "",
        "k" | "thousand" | "thousands" | "000s" | "'000" => "K",
        "m" | "mm" | "mn" | "million" | "millions" => "M",
        "b" | "bn" | "billion" | "billions" => "B",
        "t" | "tn" | "trillion" | "trillions" => "T",
        // "(₹ crore)", "Rs lakh": India's scale words, written after each cell as prose
        // writes them ("₹6,806 crore").
        "crore" | "crores" | "cr" => " crore",
        "lakh" | "lakhs" => " lakh",
        "lakh crore" => " lakh crore",
        _ => return None,
    };
    Some(Scale::Money(symbol, suffix))
}

/// Splits each figure of a row read across two cells that `splits` (given the figure
/// and the columns of its first and last cell) says hold two figures: the figure keeps
/// its first cell, without its change, and the one `second` makes of it takes the last.
fn split_cells(
    cells: &Cells,
    row: &str,
    offset: usize,
    figures: &mut Vec<Found>,
    splits: impl Fn(&Found, usize, usize) -> bool,
    second: impl Fn(&Found) -> Found,
) {
    let mut k = 0;
    while k < figures.len() {
        let f = &figures[k];
        let (first, last) = (cells.column(f.range.start), cells.column(f.range.end.max(1) - 1));
        let split = first != last && splits(f, first, last);
        let (true, Some(at), Some(then)) = (split, cells.trimmed(row, first), cells.trimmed(row, last)) else {
            k += 1;
            continue;
        };
        let mut other = second(f);
        other.range = then.start - offset..then.end - offset;
        figures[k].change = None;
        figures[k].range.end = at.end - offset;
        figures.insert(k + 1, other);
        k += 2;
    }
}

/// Whether a head cell says its column holds shares of a whole: "share", "mix", "% of".
fn share_head(cell: &str) -> bool {
    let lower = cell.to_ascii_lowercase();
    lower.contains("% of")
        || lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| matches!(w, "share" | "mix"))
}

/// Whether a head cell names a column of growth rates, and their basis: "YoY", "YoY
/// growth", "Y/Y", "QoQ", "Growth", "% change", "Change".
fn growth_of(cell: &str) -> Option<Option<&'static str>> {
    let words = cell.trim().to_ascii_lowercase();
    let basis = basis_said(&words);
    let growth = words.contains("growth") || words.contains("change");
    let only_basis = basis.is_some() && words.split([' ', '%']).filter(|w| !w.is_empty()).count() <= 2;
    (growth || only_basis).then_some(basis)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(head: &str) -> Layout {
        Layout::of(head, &MetricNames::default(), &|_: &str| None)
    }

    fn read(head: &str, row: &str) -> String {
        read_in(&layout(head), row)
    }

    /// `row` with the edits of `layout` made.
    fn read_in(layout: &Layout, row: &str) -> String {
        let mut text = row.to_string();
        for (range, written) in layout.edits(row, &MetricNames::default(), |_| false).into_iter().rev() {
            text.replace_range(range, &written);
        }
        text
    }

    #[test]
    fn bare_numbers_read_with_the_heads_unit_and_scale() {
        let head = "Metric ($ bn) | Q4 2022 | Q4 2023";
        assert_eq!(read(head, "Net sales | 149.2 | 170.0"), "Net sales | $149.2B | $170.0B");
        assert_eq!(read(head, "Net income | (0.3) | 10.6"), "Net income | -$0.3B | $10.6B");
        assert_eq!(
            read(head, "Diluted EPS ($) | 0.03 | 1.00"),
            "Diluted EPS ($) | $0.03 | $1.00"
        );
        assert_eq!(read(head, "Margin (%) | 2.4 | 7.8"), "Margin (%) | 2.4% | 7.8%");
        // Four characters that open like a year are an amount when they are not all digits.
        assert_eq!(read(head, "Capex | 20.6 | 19.5"), "Capex | $20.6B | $19.5B");
        // A row that names no amount of money is not scaled as one.
        assert_eq!(
            read(head, "Operating margin | 2.4 | 7.8"),
            "Operating margin | 2.4% | 7.8%"
        );
        assert_eq!(
            read(head, "Headcount | 1,541,000 | 1,525,000"),
            "Headcount | 1,541,000 | 1,525,000"
        );
        assert_eq!(
            read("Segment | Revenue (US$ millions)", "AWS | 24,204"),
            "AWS | $24,204M"
        );
        // A column whose head counts something holds counts, whatever the table's scale.
        assert_eq!(
            read(
                "Segment ($ bn) | Net sales | Stores at year-end",
                "North | 462.4 | 4,606"
            ),
            "North | $462.4B | 4,606 stores"
        );
        let l = layout(head);
        assert_eq!(l.periods, [None, Some("Q4 2022".into()), Some("Q4 2023".into())]);
    }

    #[test]
    fn a_typographic_minus_reads_as_a_hyphen() {
        let head = "Metric ($ bn) | Q3 2024 | Q4 2024";
        assert_eq!(
            read(head, "Net income | \u{2212}0.3 | 10.6"),
            "Net income | -$0.3B | $10.6B"
        );
        assert_eq!(
            read(head, "Net income | \u{2013}0.3 | 10.6"),
            "Net income | -$0.3B | $10.6B"
        );
        assert_eq!(
            read("Segment | Q1 2024 | Q3 2024", "Organic growth (%) | +3 | \u{2212}3"),
            read("Segment | Q1 2024 | Q3 2024", "Organic growth (%) | +3 | -3"),
        );
    }

    #[test]
    fn a_caption_may_give_each_measure_its_unit() {
        let head = "Zone | Sales | Organic growth | RIG | Pricing | UTOP margin | Margin change (bps)";
        let mut l = layout(head);
        l.caption_columns(
            "Sales by zone (sales in CHF billion; organic growth, RIG and pricing in %; margin in %):",
            head,
        );
        assert_eq!(
            read_in(&l, "Zone Europe | 14.2 | 1.8 | 1.0 | −0.8 | 16.9 | +40"),
            "Zone Europe | CHF14.2B | +1.8% | +1.0% | down 0.8% | 16.9% | +40 bps"
        );
        // A caption of one scale for the whole table gives none by measure.
        assert!(units_by_measure("Revenue by segment ($ in millions)").is_empty());
    }

    #[test]
    fn a_ratio_in_percent_of_a_base_is_that_ratio() {
        let head = "Segment | Gross bookings | Take rate (% of gross bookings) | Margin (% of gross bookings)";
        let mut l = layout(head);
        l.captioned(
            "Adjusted EBITDA by segment, FY 2024 ($ in millions)",
            false,
            &MetricNames::default(),
        );
        l.caption_columns("Adjusted EBITDA by segment, FY 2024 ($ in millions)", head);
        assert_eq!(
            read_in(&l, "Mobility | 83,480 | 30.1 | 8.7"),
            "Mobility | $83,480M | 30.1% | 8.7%"
        );
        assert_eq!(l.metrics[2].as_deref(), Some("take rate"));
        assert_eq!(l.metrics[3].as_deref(), Some("adjusted ebitda margin"));
        assert!(!l.shares[2] && !l.shares[3]);
    }

    #[test]
    fn a_scale_line_is_read_before_its_exceptions() {
        assert_eq!(
            caption_scale("$ in millions, except ROE and employees"),
            caption_scale("$ in millions")
        );
        assert!(caption_scale("$ in millions").is_some() && caption_scale("(US$ in millions)").is_some());
        assert_eq!(
            caption_scale("(US$ in millions, except per share data)"),
            caption_scale("(US$ in millions)")
        );
        assert_eq!(caption_scale("Figures as reported, except where noted"), None);
        assert_eq!(
            caption_scale("Table 1: Group results, 2023/24 and 2024/25 (£m unless stated)"),
            Some(Scale::Money("£", "M"))
        );
        assert_eq!(
            caption_scale("(€ millions except where stated)"),
            caption_scale("(€ millions)")
        );
        // A row's own unit: pence, hundredths of the pound.
        assert_eq!(
            caption_scale("Adjusted diluted EPS (p)"),
            Some(Scale::Money("", " pence"))
        );
    }

    #[test]
    fn a_scale_may_say_what_it_counts() {
        assert_eq!(caption_scale("(in millions of dollars)"), caption_scale("($ millions)"));
        assert_eq!(
            caption_scale("(thousands of U.S. dollars)"),
            caption_scale("($ thousands)")
        );
        assert_eq!(caption_scale("(billions of euros)"), caption_scale("(€ billions)"));
        assert_eq!(
            caption_scale("Units shipped (millions of units)"),
            Some(Scale::Plain("million", Some("units")))
        );
        assert_eq!(caption_scale("(share of millions of users)"), None);
    }

    #[test]
    fn a_line_above_saying_percent_change_makes_columns_of_growth() {
        let mut l = layout("Segment | Q1 FY25 | Q2 FY25");
        l.captioned("Percent change year over year", true, &MetricNames::default());
        assert_eq!(
            read_in(&l, "Comparable sales | 3.8 | (0.4)"),
            "Comparable sales | +3.8% YoY | down 0.4% YoY"
        );
        assert_eq!(growth_words("% change vs. prior quarter"), Some(None));
        assert_eq!(growth_words("(Percent change)"), Some(None));
        assert_eq!(growth_words("Revenue change"), None);
    }

    #[test]
    fn growth_columns_and_accounting_negatives() {
        let head = "Quarter | AWS revenue | YoY growth | Operating margin";
        assert_eq!(
            read(head, "Q1 2023 | $21.4B | 16% | 24.0%"),
            "Q1 2023 | $21.4B | +16% YoY | 24.0%"
        );
        assert_eq!(
            read(head, "Q2 2023 | $22.1B | (3)% | (1.0)%"),
            "Q2 2023 | $22.1B | down 3% YoY | operating margin -1.0%"
        );
        assert_eq!(
            read("Segment | Sales | Growth", "AWS | $24.2B | 13"),
            "AWS | $24.2B | +13%"
        );
        // Nothing to write out: a table of figures written in full, and words.
        let none = |head: &str, row: &str| layout(head).edits(row, &MetricNames::default(), |_| false).is_empty();
        assert!(none("Segment | Revenue", "AWS | $24.2B"));
        assert!(none("Item | Note", "Kuiper | 2 launches"));
        assert!(none("Year | Count", "2023 | 17"));
        assert!(none("Metric ($ bn) | Year | Value", "Revenue | 2023 | $574.8B"));
    }
}
