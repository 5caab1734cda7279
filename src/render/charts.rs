//! Inline SVG charts for figures: the series chart of one subject+metric across periods
//! and the small bar chart of mentions over time. The topic graph is in `graph.rs`, which
//! shares the SVG helpers at the bottom of this file.
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

use std::fmt::Write as _;

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
/// Font size of all text, in user units.
pub(super) const FONT: f64 = 12.0;
/// A generous average glyph width at [`FONT`], for layout estimates.
const CHAR_W: f64 = 7.0;
/// How far a chart may be enlarged on a wide screen (inline `max-width`).
const MAX_SCALE: f64 = 1.25;
/// Values are clamped to this magnitude so that ranges stay finite.
const LIMIT: f64 = 1e300;

/// A series chart: one subject+metric across periods, already in period order. A line
/// through the points, period labels on the x axis, 3–5 round ticks on the y axis
/// (written by `fmt_tick`), each point labelled with its `display`; `title` becomes the
/// chart's `<title>`. Empty string if no point has a finite value.
pub fn series_svg(id: &str, title: &str, points: &[Point], fmt_tick: &dyn Fn(f64) -> String) -> String {
    let points: Vec<&Point> = points.iter().filter(|p| p.value.is_finite()).collect();
    let values: Vec<f64> = points.iter().map(|p| p.value.clamp(-LIMIT, LIMIT)).collect();
    let Some((lo, hi)) = extent(&values) else {
        return String::new();
    };
    let ticks = nice_ticks(lo, hi);
    let tick_labels: Vec<String> = ticks.iter().map(|&t| fmt_tick(t)).collect();
    let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
    let displays: Vec<&str> = points.iter().map(|p| p.display.as_str()).collect();
    let edge = labels
        .iter()
        .chain(&displays)
        .map(|s| text_width(s))
        .fold(0.0, f64::max);
    let frame = Frame::new(240.0, &ticks, &tick_labels, (edge / 2.0).min(60.0));
    let desc = points
        .iter()
        .map(|p| format!("{}: {}", p.label, p.display))
        .collect::<Vec<_>>()
        .join("; ");
    let mut svg = svg_open(id, "chart chart-series", title, &desc, [0.0, 0.0, WIDTH, frame.height]);
    frame.axes(&mut svg, &ticks, &tick_labels);
    frame.x_labels(&mut svg, &labels);
    let xy: Vec<(f64, f64)> = (0..values.len())
        .map(|i| (frame.x(i, values.len()), frame.y(values[i])))
        .collect();
    if xy.len() > 1 {
        let line: Vec<String> = xy.iter().map(|&(x, y)| format!("{},{}", num(x), num(y))).collect();
        let _ = write!(
            svg,
            r#"<polyline class="chart-line" fill="none" stroke="currentColor" stroke-width="2" points="{}"/>"#,
            line.join(" ")
        );
    }
    let stride = stride(&displays, frame.step(xy.len()));
    for (i, (&(x, y), p)) in xy.iter().zip(&points).enumerate() {
        let tip = escape(&format!("{}: {}", p.label, p.display));
        let _ = write!(
            svg,
            r#"<circle class="chart-point" cx="{}" cy="{}" r="3.5"><title>{tip}</title></circle>"#,
            num(x),
            num(y)
        );
        if (xy.len() - 1 - i) % stride == 0 {
            let _ = write!(
                svg,
                r#"<text class="chart-label chart-value" x="{}" y="{}" text-anchor="middle">{}</text>"#,
                num(x),
                num(y - 8.0),
                escape(&p.display)
            );
        }
    }
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
    let (lo, hi) = (lo.min(0.0), if hi.max(0.0) > lo.min(0.0) { hi.max(0.0) } else { 1.0 });
    let ticks = nice_ticks(lo, hi);
    let tick_labels: Vec<String> = ticks.iter().map(|&t| count(t)).collect();
    let labels: Vec<&str> = bars.iter().map(|b| b.0).collect();
    let shown: Vec<String> = values.iter().map(|&v| count(v)).collect();
    let edge = labels.iter().map(|s| text_width(s)).fold(0.0, f64::max);
    let frame = Frame::new(160.0, &ticks, &tick_labels, (edge / 2.0).clamp(8.0, 40.0));
    let desc: Vec<String> = bars.iter().zip(&shown).map(|(b, s)| format!("{}: {s}", b.0)).collect();
    let mut svg = svg_open(
        id,
        "chart chart-bars",
        title,
        &desc.join("; "),
        [0.0, 0.0, WIDTH, frame.height],
    );
    frame.axes(&mut svg, &ticks, &tick_labels);
    frame.x_labels(&mut svg, &labels);
    let step = frame.step(bars.len());
    let width = (step * 0.7).min(48.0);
    let shown_refs: Vec<&str> = shown.iter().map(String::as_str).collect();
    let stride = stride(&shown_refs, step);
    let base = frame.y(0.0);
    for (i, ((label, v), s)) in bars.iter().zip(&shown).enumerate() {
        let (x, y) = (frame.x(i, bars.len()), frame.y(*v));
        let tip = escape(&format!("{label}: {s}"));
        let _ = write!(
            svg,
            r#"<rect class="chart-bar" x="{}" y="{}" width="{}" height="{}"><title>{tip}</title></rect>"#,
            num(x - width / 2.0),
            num(y.min(base)),
            num(width),
            num((base - y).abs())
        );
        if (bars.len() - 1 - i) % stride == 0 {
            let ty = if *v < 0.0 { y + FONT + 2.0 } else { y - 4.0 };
            let _ = write!(
                svg,
                r#"<text class="chart-label chart-value" x="{}" y="{}" text-anchor="middle">{}</text>"#,
                num(x),
                num(ty),
                escape(s)
            );
        }
    }
    svg.push_str("</svg>");
    svg
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
            x0: left + inset.max(12.0),
            x1: WIDTH - inset.max(12.0),
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
        for (&t, label) in ticks.iter().zip(labels) {
            let y = num(self.y(t));
            let _ = write!(
                svg,
                r#"<line class="chart-grid" x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="currentColor" stroke-opacity="0.2"/><text class="chart-label chart-tick" x="{}" y="{y}" dy="0.35em" text-anchor="end">{}</text>"#,
                num(self.left),
                num(WIDTH),
                num(self.left - 6.0),
                escape(label)
            );
        }
        let zero = if self.lo < 0.0 && self.hi > 0.0 { 0.0 } else { self.lo };
        let y = num(self.y(zero));
        let _ = write!(
            svg,
            r#"<line class="chart-axis" x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="currentColor"/>"#,
            num(self.left),
            num(WIDTH)
        );
    }

    /// Labels under the x axis, thinned so that they do not collide.
    fn x_labels(&self, svg: &mut String, labels: &[&str]) {
        let stride = stride(labels, self.step(labels.len()));
        for (i, label) in labels.iter().enumerate() {
            if (labels.len() - 1 - i) % stride == 0 {
                let _ = write!(
                    svg,
                    r#"<text class="chart-label" x="{}" y="{}" text-anchor="middle">{}</text>"#,
                    num(self.x(i, labels.len())),
                    num(self.height - 8.0),
                    escape(label)
                );
            }
        }
    }
}

/// Every how many labels one is shown so that neighbours `step` apart do not collide.
fn stride(labels: &[&str], step: f64) -> usize {
    let widest = labels.iter().map(|l| text_width(l)).fold(0.0, f64::max) + 8.0;
    if step <= 0.0 {
        return 1;
    }
    ((widest / step).ceil() as usize).max(1)
}

/// The smallest and largest value, widened if they are (nearly) equal.
fn extent(values: &[f64]) -> Option<(f64, f64)> {
    let lo = values.iter().copied().reduce(f64::min)?;
    let hi = values.iter().copied().reduce(f64::max)?;
    if hi - lo > hi.abs().max(lo.abs()) * 1e-9 {
        return Some((lo, hi));
    }
    let pad = if hi == 0.0 { 1.0 } else { hi.abs() * 0.1 };
    Some((lo - pad, hi + pad))
}

/// 3 to 5 round ticks (steps of 1, 2, 2.5 or 5 × 10ⁿ) covering `lo..=hi`, `lo < hi`.
fn nice_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let raw = (hi - lo) / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        let step = m * magnitude;
        let first = (lo / step).floor();
        let n = ((hi / step).ceil() - first) as usize + 1;
        if n <= 5 {
            return (0..n).map(|k| (first + k as f64) * step).collect();
        }
    }
    vec![lo, hi]
}

/// A count for a tick or a bar: "3", "2.5", "12k", "1.2M".
fn count(v: f64) -> String {
    let a = v.abs();
    let (scaled, suffix) = match a {
        _ if a >= 1e9 => (v / 1e9, "B"),
        _ if a >= 1e6 => (v / 1e6, "M"),
        _ if a >= 1e4 => (v / 1e3, "k"),
        _ => (v, ""),
    };
    format!("{}{suffix}", num(scaled))
}

/// A number with at most one decimal, no trailing ".0" and no "-0".
pub(super) fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 || !r.is_finite() {
        "0".to_string()
    } else if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// The estimated width of a text at [`FONT`].
pub(super) fn text_width(s: &str) -> f64 {
    s.chars().count() as f64 * CHAR_W
}

/// Text safe inside an element or a quoted attribute; drops characters XML forbids.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The opening `<svg>` with its accessible name and description. `id` is reduced to
/// letters, digits, `-` and `_` so that `aria-labelledby` can refer to it. The chart fills
/// its column up to [`MAX_SCALE`] times its viewBox, so text never grows past 15 px.
pub(super) fn svg_open(id: &str, class: &str, title: &str, desc: &str, view: [f64; 4]) -> String {
    let mut id: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' })
        .collect();
    if id.is_empty() {
        id.push_str("chart");
    }
    let [x, y, w, h] = view.map(num);
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="{class}" viewBox="{x} {y} {w} {h}" width="100%" style="max-width:{}px" role="img" aria-labelledby="{id}-title {id}-desc" font-size="{}" fill="currentColor"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        num(view[2] * MAX_SCALE),
        num(FONT),
        escape(title),
        escape(desc)
    )
}

#[cfg(test)]
mod tests {
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
            if let Some((_, frac)) = attr.split_once('.') {
                if attr.parse::<f64>().is_ok() {
                    assert!(frac.len() <= 1, "{attr}");
                }
            }
        }
        assert_eq!(
            (num(-0.04), num(2.0), num(2.25), num(-1.06)),
            ("0".into(), "2".into(), "2.3".into(), "-1.1".into())
        );
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
    fn ticks_are_few_and_round() {
        assert_eq!(nice_ticks(21.4, 24.2), [21.0, 22.0, 23.0, 24.0, 25.0]);
        assert_eq!(nice_ticks(0.0, 3.0), [0.0, 1.0, 2.0, 3.0]);
        assert_eq!(nice_ticks(-2.7, 0.4), [-3.0, -2.0, -1.0, 0.0, 1.0]);
        for (lo, hi) in [(0.0, 1.0), (1e12, 7e14), (-5.0, -4.9), (0.001, 0.0017), (3.0, 97.0)] {
            let t = nice_ticks(lo, hi);
            assert!((3..=5).contains(&t.len()), "{lo}..{hi}: {t:?}");
            assert!(t[0] <= lo && t[t.len() - 1] >= hi, "{lo}..{hi}: {t:?}");
        }
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
        assert_eq!(count(12_500.0), "12.5k");
    }
}
