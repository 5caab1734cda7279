//! The pieces every chart is made of: numbers written compactly, text escaped, the
//! opening `<svg>` with its accessible name, estimated text widths, round axis ticks and
//! the thinning of labels that would collide. Shared by `charts.rs` (the parent module)
//! and `graph.rs`; pure functions, no state.

/// Font size of all chart text, in user units.
pub(crate) const FONT: f64 = 12.0;
/// A generous average glyph width at [`FONT`], for layout estimates.
const CHAR_W: f64 = 7.0;
/// How far a chart may be enlarged on a wide screen (inline `max-width`).
const MAX_SCALE: f64 = 1.25;

/// Whether label `i` of `n` is shown when every `stride`-th is: counted from the last,
/// so that the latest period always keeps its label.
pub(crate) fn keeps(i: usize, n: usize, stride: usize) -> bool {
    (n - 1 - i).is_multiple_of(stride)
}

/// Every how many labels one is shown so that neighbours `step` apart do not collide.
pub(crate) fn stride(labels: &[&str], step: f64) -> usize {
    let widest = labels.iter().map(|l| text_width(l)).fold(0.0, f64::max) + 8.0;
    if step <= 0.0 {
        return 1;
    }
    ((widest / step).ceil() as usize).max(1)
}

/// The smallest and largest value, widened if they are (nearly) equal.
pub(crate) fn extent(values: &[f64]) -> Option<(f64, f64)> {
    let lo = values.iter().copied().reduce(f64::min)?;
    let hi = values.iter().copied().reduce(f64::max)?;
    if hi - lo > hi.abs().max(lo.abs()) * 1e-9 {
        return Some((lo, hi));
    }
    let pad = if hi == 0.0 { 1.0 } else { hi.abs() * 0.1 };
    Some((lo - pad, hi + pad))
}

/// 3 to 5 round ticks (steps of 1, 2, 2.5 or 5 × 10ⁿ) covering `lo..=hi`, `lo < hi`.
pub(crate) fn nice_ticks(lo: f64, hi: f64) -> Vec<f64> {
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
pub(crate) fn count(v: f64) -> String {
    let a = v.abs();
    let (scaled, suffix) = match a {
        _ if a >= 1e9 => (v / 1e9, "B"),
        _ if a >= 1e6 => (v / 1e6, "M"),
        _ if a >= 1e4 => (v / 1e3, "k"),
        _ => (v, ""),
    };
    // Pushed, not `format!`ed: every bar of every topic's timeline has its count.
    let mut out = String::with_capacity(8);
    push_num(&mut out, scaled);
    out.push_str(suffix);
    out
}

/// A number with at most one decimal, no trailing ".0" and no "-0".
pub(crate) fn num(v: f64) -> String {
    let mut out = String::with_capacity(16);
    push_num(&mut out, v);
    out
}

/// [`num`], appended to `out` (charts write hundreds of numbers each).
pub(crate) fn push_num(out: &mut String, v: f64) {
    let tenths = (v * 10.0).round();
    // Chart coordinates and values are small: written from the whole number of tenths,
    // the same text as `num_by_float` writes without formatting a float.
    if tenths.abs() >= 1e15 || tenths.is_nan() {
        out.push_str(&num_by_float(v));
        return;
    }
    let t = tenths as i64;
    let (whole, tenth) = (t.unsigned_abs() / 10, t.unsigned_abs() % 10);
    if t < 0 {
        out.push('-');
    }
    crate::render::format::push_padded(out, whole, 1);
    if tenth != 0 {
        out.push('.');
        out.push(char::from(b'0' + tenth as u8));
    }
}

/// [`num`] by formatting the rounded float: for numbers too large for a whole count of
/// tenths.
fn num_by_float(v: f64) -> String {
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
pub(crate) fn text_width(s: &str) -> f64 {
    s.chars().count() as f64 * CHAR_W
}

/// Text safe inside an element or a quoted attribute; drops characters XML forbids.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// [`escape`], appended to `out`.
pub(crate) fn escape_into(out: &mut String, s: &str) {
    // Most labels need nothing: copied whole after one byte scan.
    let special = |b: u8| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | 0..=0x1f | 0x7f | 0xc2);
    if crate::bytes::find(s.as_bytes(), special).is_none() {
        out.push_str(s);
        return;
    }
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
}

/// The opening `<svg>` with its accessible name and description. `id` is reduced to
/// letters, digits, `-` and `_` so that `aria-labelledby` can refer to it. The chart fills
/// its column up to [`MAX_SCALE`] times its viewBox, so text never grows past 15 px.
///
/// Written a piece at a time into a string with room for the rest of the chart: through
/// `format!` and two escaped copies, opening the thousand charts of the 1,000-note
/// benchmark's topic pages took 10 M instructions, and each chart grew its string again
/// and again afterwards.
pub(crate) fn svg_open(id: &str, class: &str, title: &str, desc: &str, view: [f64; 4]) -> String {
    let mut id: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' })
        .collect();
    if id.is_empty() {
        id.push_str("chart");
    }
    let mut svg = String::with_capacity(4096 + title.len() + 2 * desc.len());
    svg.push_str(r#"<svg xmlns="http://www.w3.org/2000/svg" class=""#);
    svg.push_str(class);
    svg.push_str(r#"" viewBox=""#);
    for (i, v) in view.into_iter().enumerate() {
        if i > 0 {
            svg.push(' ');
        }
        push_num(&mut svg, v);
    }
    svg.push_str(r#"" width="100%" style="max-width:"#);
    push_num(&mut svg, view[2] * MAX_SCALE);
    svg.push_str(r#"px" role="img" aria-labelledby=""#);
    svg.push_str(&id);
    svg.push_str("-title ");
    svg.push_str(&id);
    svg.push_str(r#"-desc" font-size=""#);
    push_num(&mut svg, FONT);
    svg.push_str(r#"" fill="currentColor"><title id=""#);
    svg.push_str(&id);
    svg.push_str(r#"-title">"#);
    escape_into(&mut svg, title);
    svg.push_str(r#"</title><desc id=""#);
    svg.push_str(&id);
    svg.push_str(r#"-desc">"#);
    escape_into(&mut svg, desc);
    svg.push_str("</desc>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_float_formatting_does() {
        for i in -100_000..100_000 {
            let v = f64::from(i) / 997.0;
            assert_eq!(num(v), num_by_float(v), "{v}");
        }
        // Ties of tenths, and the largest numbers the whole count of tenths writes.
        for v in [0.05, -0.05, 0.25, 99_999_999_999_999.9, -99_999_999_999_999.9] {
            assert_eq!(num(v), num_by_float(v), "{v}");
        }
    }

    #[test]
    fn numbers_have_at_most_one_decimal_and_no_negative_zero() {
        let written = [-0.04, 2.0, 2.25, -1.06, f64::NAN].map(num);
        assert_eq!(written, ["0", "2", "2.3", "-1.1", "0"]);
        assert_eq!(
            [12_500.0, 3.0, 2_000_000.0, -0.5].map(count),
            ["12.5k", "3", "2M", "-0.5"]
        );
    }

    #[test]
    fn ticks_are_few_and_round() {
        assert_eq!(nice_ticks(21.4, 24.2), [21.0, 22.0, 23.0, 24.0, 25.0]);
        assert_eq!(nice_ticks(0.0, 3.0), [0.0, 1.0, 2.0, 3.0]);
        assert_eq!(nice_ticks(-2.7, 0.4), [-3.0, -2.0, -1.0, 0.0, 1.0]);
        for (lo, hi) in [
            (0.0, 1.0),
            (1e12, 7e14),
            (-5.0, -4.9),
            (0.001, 0.0017),
            (3.0, 97.0),
            (-1e300, 1e300),
        ] {
            let t = nice_ticks(lo, hi);
            assert!((3..=5).contains(&t.len()), "{lo}..{hi}: {t:?}");
            assert!(t[0] <= lo && t[t.len() - 1] >= hi, "{lo}..{hi}: {t:?}");
        }
        assert_eq!(extent(&[7.0, 7.0]), Some((6.3, 7.7)));
        assert_eq!(extent(&[0.0]), Some((-1.0, 1.0)));
        assert_eq!(extent(&[]), None);
    }

    #[test]
    fn labels_are_thinned_from_the_last() {
        let labels = ["Q1 2024"; 5];
        assert_eq!(stride(&labels, 100.0), 1);
        let s = stride(&labels, 30.0);
        let kept: Vec<usize> = (0..5).filter(|&i| keeps(i, 5, s)).collect();
        assert_eq!((s, kept), (2, vec![0, 2, 4]));
    }

    #[test]
    fn text_is_escaped_and_ids_are_safe() {
        assert_eq!(
            escape("<a href=\"x\">R&D's</a>\u{7}"),
            "&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;"
        );
        let open = svg_open("x\"><script>", "chart", "T", "D", [0.0, -1.25, 480.0, 200.0]);
        assert!(open.contains(r#"aria-labelledby="x---script--title x---script--desc""#));
        assert!(open.contains(r#"viewBox="0 -1.3 480 200" width="100%" style="max-width:600px""#));
        assert!(svg_open("", "c", "t", "d", [0.0; 4]).contains(r#"<title id="chart-title">"#));
    }
}
