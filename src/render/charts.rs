//! Inline SVG charts for figures: the series chart of one subject+metric across periods
//! and the small bar chart of mentions over time. The topic graph is in `graph.rs`, which
//! shares the SVG primitives of `charts/svg.rs`.
//!
//! Charts are strings of SVG markup meant to sit inline in HTML: no script, no external
//! file, the same bytes for the same input (so rebuilds skip unchanged pages). They draw
//! with `currentColor` and carry CSS classes (`chart`, `chart-axis`, `chart-grid`,
//! `chart-line`, `chart-point`, `chart-bar`, `chart-label`, `chart-tick`, `chart-value`)
//! so that the theme colours them for light and dark. A `viewBox` with `width="100%"`
//! scales them to the column; the viewBox is narrow (480 units) so that 12-unit text
//! stays legible at phone width. Labels that would collide are thinned out (the latest
//! one always stays); every value is still in a tooltip and in the `<desc>`.
//!
//! Nothing to draw (no finite value) gives an empty string, so a template can write
//! `{% if chart %}` and leave no empty box behind.

pub(super) mod svg;

use svg::{FONT, count, escape_into, extent, keeps, nice_ticks, push_num, stride, svg_open, text_width};

/// One period of a series.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The period, shown on the x axis (e.g. "Q4 2023").
    pub label: String,
    /// The amount in base units; non-finite values are skipped.
    pub value: f64,
    /// The amount as people read it (e.g. "$24.2B"), shown over the point.
    pub display: String,
}

/// Width of every chart's viewBox, in user units.
const WIDTH: f64 = 480.0;
/// Values are clamped to this magnitude so that ranges stay finite.
const LIMIT: f64 = 1e300;

/// A series chart: one subject+metric across periods, already in period order. A line
/// through the points, period labels on the x axis, 3–5 round ticks on the y axis
/// (written by `fmt_tick`), each point labelled with its `display`; `title` becomes the
/// chart's `<title>`. Empty string if no point has a finite value.
pub fn series_svg(id: &str, title: &str, points: &[Point], fmt_tick: &dyn Fn(f64) -> String) -> String {
    let points: Vec<&Point> = points.iter().filter(|p| p.value.is_finite()).collect();
    let values: Vec<f64> = points.iter().map(|p| p.value.clamp(-LIMIT, LIMIT)).collect();
    let Some(domain) = extent(&values) else {
        return String::new();
    };
    let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
    let shown: Vec<&str> = points.iter().map(|p| p.display.as_str()).collect();
    let head = Head {
        id,
        class: "chart chart-series",
        title,
        height: 240.0,
    };
    let (mut svg, frame) = open_plot(&head, domain, fmt_tick, &labels, &shown);
    let xy: Vec<(f64, f64)> = values
        .iter()
        .enumerate()
        .map(|(i, &v)| (frame.x(i, values.len()), frame.y(v)))
        .collect();
    // Written piece by piece: a topic page of a large site draws dozens of these.
    if xy.len() > 1 {
        svg.push_str(r#"<polyline class="chart-line" fill="none" stroke="currentColor" stroke-width="2" points=""#);
        for (i, &(x, y)) in xy.iter().enumerate() {
            if i > 0 {
                svg.push(' ');
            }
            push_num(&mut svg, x);
            svg.push(',');
            push_num(&mut svg, y);
        }
        svg.push_str(r#""/>"#);
    }
    for (&(x, y), (label, display)) in xy.iter().zip(labels.iter().zip(&shown)) {
        svg.push_str(r#"<circle class="chart-point" cx=""#);
        push_num(&mut svg, x);
        svg.push_str(r#"" cy=""#);
        push_num(&mut svg, y);
        svg.push_str(r#"" r="3.5"><title>"#);
        escape_into(&mut svg, label);
        svg.push_str(": ");
        escape_into(&mut svg, display);
        svg.push_str("</title></circle>");
    }
    value_labels(&mut svg, &frame, &xy, &values, &shown);
    svg.push_str("</svg>");
    svg
}

/// A small column chart of counts over time (label "2024-02", value = mentions), from
/// a zero baseline. Empty string if no bar has a finite value.
pub fn bars_svg(id: &str, title: &str, bars: &[(String, f64)]) -> String {
    let bars: Vec<(&str, f64)> = bars
        .iter()
        .filter(|(_, v)| v.is_finite())
        .map(|(l, v)| (l.as_str(), v.clamp(-LIMIT, LIMIT)))
        .collect();
    let values: Vec<f64> = bars.iter().map(|b| b.1).collect();
    let Some((lo, hi)) = extent(&values) else {
        return String::new();
    };
    let (lo, hi) = (lo.min(0.0), hi.max(0.0));
    let domain = if hi > lo { (lo, hi) } else { (0.0, 1.0) };
    let labels: Vec<&str> = bars.iter().map(|b| b.0).collect();
    let counts: Vec<String> = values.iter().map(|&v| count(v)).collect();
    let shown: Vec<&str> = counts.iter().map(String::as_str).collect();
    let head = Head {
        id,
        class: "chart chart-bars",
        title,
        height: 160.0,
    };
    let (mut svg, frame) = open_plot(&head, domain, &count, &labels, &shown);
    let width = (frame.step(bars.len()) * 0.7).min(48.0);
    let base = frame.y(0.0);
    let xy: Vec<(f64, f64)> = values
        .iter()
        .enumerate()
        .map(|(i, &v)| (frame.x(i, values.len()), frame.y(v)))
        .collect();
    for (&(x, y), (label, s)) in xy.iter().zip(labels.iter().zip(&shown)) {
        svg.push_str(r#"<rect class="chart-bar" x=""#);
        push_num(&mut svg, x - width / 2.0);
        svg.push_str(r#"" y=""#);
        push_num(&mut svg, y.min(base));
        svg.push_str(r#"" width=""#);
        push_num(&mut svg, width);
        svg.push_str(r#"" height=""#);
        push_num(&mut svg, (base - y).abs());
        svg.push_str(r#""><title>"#);
        escape_into(&mut svg, label);
        svg.push_str(": ");
        escape_into(&mut svg, s);
        svg.push_str("</title></rect>");
    }
    value_labels(&mut svg, &frame, &xy, &values, &shown);
    svg.push_str("</svg>");
    svg
}

/// What names a chart: its id, CSS classes, title and the height of its viewBox.
struct Head<'a> {
    id: &'a str,
    class: &'a str,
    title: &'a str,
    height: f64,
}

/// Opens the SVG and draws what both charts share: ticks, grid, axis and x labels. The
/// `<desc>` lists every `label: shown` pair, so no value is lost to thinning.
fn open_plot(
    head: &Head,
    (lo, hi): (f64, f64),
    fmt_tick: &dyn Fn(f64) -> String,
    labels: &[&str],
    shown: &[&str],
) -> (String, Frame) {
    let ticks = nice_ticks(lo, hi);
    let tick_labels: Vec<String> = ticks.iter().map(|&t| fmt_tick(t)).collect();
    let widest = labels.iter().copied().chain(shown.iter().copied()).map(text_width);
    let frame = Frame::new(
        head.height,
        &ticks,
        &tick_labels,
        (widest.fold(0.0, f64::max) / 2.0).clamp(24.0, 60.0),
    );
    let mut desc = String::new();
    for (i, (l, s)) in labels.iter().zip(shown).enumerate() {
        if i > 0 {
            desc.push_str("; ");
        }
        desc.push_str(l);
        desc.push_str(": ");
        desc.push_str(s);
    }
    let view = [0.0, 0.0, WIDTH, head.height];
    let mut svg = svg_open(head.id, head.class, head.title, &desc, view);
    frame.axes(&mut svg, &ticks, &tick_labels);
    frame.x_labels(&mut svg, labels);
    (svg, frame)
}

/// The `shown` text over each mark at `xy` (under it for a negative value), thinned so
/// that neighbours do not collide.
fn value_labels(svg: &mut String, frame: &Frame, xy: &[(f64, f64)], values: &[f64], shown: &[&str]) {
    let stride = stride(shown, frame.step(xy.len()));
    for (i, ((&(x, y), v), text)) in xy.iter().zip(values).zip(shown).enumerate() {
        if keeps(i, xy.len(), stride) {
            let y = if *v < 0.0 { y + FONT + 4.0 } else { y - 6.0 };
            svg.push_str(r#"<text class="chart-label chart-value" x=""#);
            push_num(svg, x);
            svg.push_str(r#"" y=""#);
            push_num(svg, y);
            svg.push_str(r#"" text-anchor="middle">"#);
            escape_into(svg, text);
            svg.push_str("</text>");
        }
    }
}

/// Where the plot sits in a chart and how values map onto it.
struct Frame {
    height: f64,
    /// Left and right x of the first and last point (inset from the plot edges).
    x0: f64,
    x1: f64,
    /// Left edge of the plot, right of the y tick labels.
    left: f64,
    /// Top and bottom y of the plot.
    top: f64,
    bottom: f64,
    /// The value domain, first and last tick.
    lo: f64,
    hi: f64,
}

impl Frame {
    /// `inset` keeps the first and last labels inside the chart.
    fn new(height: f64, ticks: &[f64], tick_labels: &[String], inset: f64) -> Frame {
        let left = 8.0 + tick_labels.iter().map(|l| text_width(l)).fold(0.0, f64::max);
        let lo = ticks.first().copied().unwrap_or(0.0);
        let hi = ticks.last().copied().filter(|&h| h > lo).unwrap_or(lo + 1.0);
        Frame {
            height,
            x0: left + inset,
            x1: WIDTH - inset,
            left,
            top: 24.0,
            bottom: height - 28.0,
            lo,
            hi,
        }
    }

    /// The x of point `i` of `n`; a single point sits in the middle.
    fn x(&self, i: usize, n: usize) -> f64 {
        self.x0 + i as f64 * self.step(n)
    }

    /// Distance between neighbouring points.
    fn step(&self, n: usize) -> f64 {
        match n {
            0 | 1 => (self.x1 - self.x0) / 2.0,
            _ => (self.x1 - self.x0) / (n - 1) as f64,
        }
    }

    /// The y of a value.
    fn y(&self, v: f64) -> f64 {
        self.bottom - (v - self.lo) / (self.hi - self.lo) * (self.bottom - self.top)
    }

    /// Grid lines and labels of the y ticks, the baseline, and a zero line if it shows.
    fn axes(&self, svg: &mut String, ticks: &[f64], labels: &[String]) {
        let line = |svg: &mut String, class: &str, y: f64| {
            svg.push_str(r#"<line class=""#);
            svg.push_str(class);
            svg.push_str(r#"" x1=""#);
            push_num(svg, self.left);
            svg.push_str(r#"" y1=""#);
            push_num(svg, y);
            svg.push_str(r#"" x2=""#);
            push_num(svg, WIDTH);
            svg.push_str(r#"" y2=""#);
            push_num(svg, y);
            svg.push_str(r#"" stroke="currentColor""#);
        };
        for (&t, label) in ticks.iter().zip(labels) {
            let y = self.y(t);
            line(svg, "chart-grid", y);
            svg.push_str(r#" stroke-opacity="0.2"/><text class="chart-label chart-tick" x=""#);
            push_num(svg, self.left - 6.0);
            svg.push_str(r#"" y=""#);
            push_num(svg, y);
            svg.push_str(r#"" dy="0.35em" text-anchor="end">"#);
            escape_into(svg, label);
            svg.push_str("</text>");
        }
        let zero = if self.lo < 0.0 && self.hi > 0.0 { 0.0 } else { self.lo };
        line(svg, "chart-axis", self.y(zero));
        svg.push_str("/>");
    }

    /// Labels under the x axis, thinned so that they do not collide.
    fn x_labels(&self, svg: &mut String, labels: &[&str]) {
        let stride = stride(labels, self.step(labels.len()));
        for (i, label) in labels.iter().enumerate() {
            if keeps(i, labels.len(), stride) {
                svg.push_str(r#"<text class="chart-label" x=""#);
                push_num(svg, self.x(i, labels.len()));
                svg.push_str(r#"" y=""#);
                push_num(svg, self.height - 8.0);
                svg.push_str(r#"" text-anchor="middle">"#);
                escape_into(svg, label);
                svg.push_str("</text>");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::svg::num;
    use super::*;

    fn point(label: &str, value: f64, display: &str) -> Point {
        Point {
            label: label.into(),
            value,
            display: display.into(),
        }
    }

    fn billions(v: f64) -> String {
        format!("${}B", num(v / 1e9))
    }

    fn aws() -> Vec<Point> {
        vec![
            point("Q1 2023", 21.4e9, "$21.4B"),
            point("Q2 2023", 22.1e9, "$22.1B"),
            point("Q3 2023", 23.1e9, "$23.1B"),
            point("Q4 2023", 24.2e9, "$24.2B"),
        ]
    }

    #[test]
    fn a_series_has_a_line_a_point_and_a_label_per_period() {
        let svg = series_svg("aws-revenue", "AWS revenue", &aws(), &billions);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"<title id="aws-revenue-title">AWS revenue</title>"#));
        assert!(svg.contains(r#"aria-labelledby="aws-revenue-title aws-revenue-desc""#));
        assert!(svg.contains("Q1 2023: $21.4B; Q2 2023: $22.1B"), "data in <desc>");
        assert_eq!(svg.matches("<circle").count(), 4);
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert_eq!(svg.matches("chart-value").count(), 4);
        assert!(svg.contains(">Q4 2023</text>") && svg.contains(">$24.2B</text>"));
        let ticks = svg.matches("chart-tick").count();
        assert!((3..=5).contains(&ticks), "{ticks} ticks");
        assert_eq!(svg, series_svg("aws-revenue", "AWS revenue", &aws(), &billions));
    }

    #[test]
    fn coordinates_have_at_most_one_decimal() {
        let svg = series_svg("c", "c", &aws(), &billions);
        for attr in svg.split(['"', ' ', ',']) {
            if let Some((_, frac)) = attr.split_once('.')
                && attr.parse::<f64>().is_ok()
            {
                assert!(frac.len() <= 1, "{attr}");
            }
        }
    }

    #[test]
    fn all_text_is_escaped() {
        let nasty = r#"<b>"R&D" 'x'</b>"#;
        let svg = series_svg("x\"><script>", nasty, &[point(nasty, 1.0, nasty)], &|v| num(v));
        assert!(!svg.contains("<b>") && !svg.contains("<script>"));
        assert!(svg.contains("&lt;b&gt;&quot;R&amp;D&quot; &#39;x&#39;&lt;/b&gt;"));
        assert!(svg.contains(r#"id="x---script--title""#));
        let bars = bars_svg("b", nasty, &[(nasty.to_string(), 2.0)]);
        assert!(!bars.contains("<b>"));
    }

    #[test]
    fn odd_series_still_draw_and_nothing_draws_nothing() {
        let fmt = |v: f64| num(v);
        assert_eq!(series_svg("e", "e", &[], &fmt), "");
        assert_eq!(series_svg("e", "e", &[point("Q1", f64::NAN, "?")], &fmt), "");
        let one = series_svg("o", "o", &[point("Q1 2024", 5.0, "5")], &fmt);
        assert_eq!(
            (one.matches("<circle").count(), one.matches("<polyline").count()),
            (1, 0)
        );
        let flat = series_svg("f", "f", &[point("a", 7.0, "7"), point("b", 7.0, "7")], &fmt);
        assert!(!flat.contains("NaN") && !flat.contains("inf"));
        let loss = [point("2022", -2.7e9, "-$2.7B"), point("2023", 0.4e9, "$0.4B")];
        let svg = series_svg("l", "l", &loss, &billions);
        assert!(svg.contains(">$0B</text>"), "zero tick when a loss turns to profit");
        let huge = series_svg("h", "h", &[point("a", 1e300, "x"), point("b", f64::MAX, "y")], &fmt);
        assert!(huge.contains("<polyline") && !huge.contains("NaN"));
    }

    #[test]
    fn crowded_labels_are_thinned_but_the_latest_stays() {
        let points: Vec<Point> = (0..24)
            .map(|i| point(&format!("Q{} {}", i % 4 + 1, 2018 + i / 4), i as f64, "$10.0B"))
            .collect();
        let svg = series_svg("t", "t", &points, &|v| num(v));
        assert_eq!(svg.matches("<circle").count(), 24);
        let values = svg.matches("chart-value").count();
        assert!(values < 24 && values > 3, "{values} value labels");
        assert!(svg.contains(">Q4 2023</text>"));
    }

    #[test]
    fn bars_stand_on_zero() {
        let months: Vec<(String, f64)> = ["2024-01", "2024-02", "2024-03"]
            .iter()
            .zip([2.0, 0.0, 5.0])
            .map(|(m, v)| (m.to_string(), v))
            .collect();
        let svg = bars_svg("m", "Mentions per month", &months);
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains("<title>2024-02: 0</title>") && svg.contains(">0</text>"));
        assert_eq!(svg, bars_svg("m", "Mentions per month", &months));
        assert_eq!(bars_svg("m", "m", &[]), "");
        let zeros = bars_svg("z", "z", &[("2024-01".into(), 0.0)]);
        assert!(zeros.contains("<rect") && !zeros.contains("NaN"));
    }
}
