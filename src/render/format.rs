//! Figures as analysts write them: $24.2B, −$419M, 29.6%, +120 bps, +13% YoY.

use crate::enrich::metrics::{Change, Quantity};

/// A value: `$24.2B`, `−$419M`, `29.6%`, `120 bps`, `7B` (count), `4×`; ranges as `400–500M`.
pub fn value(q: &Quantity) -> String {
    let mut out = String::new();
    write_value(&mut out, q);
    out
}

/// [`value`], appended to `out`: a table of hundreds of thousands of figures formats each
/// into one buffer instead of a string per part.
pub fn write_value(out: &mut String, q: &Quantity) {
    if q.approx {
        out.push('~');
    }
    write_amount(out, q.amount, q.unit, false);
    if let Some(upper) = q.upper {
        out.push('–');
        let at = out.len();
        write_amount(out, upper, q.unit, false);
        if out[at..].starts_with('$') {
            out.remove(at);
        }
    }
}

/// A change: `+13% YoY`, `−45¢`, `+$1.8B`, `+120 bps QoQ`.
pub fn change(c: &Change) -> String {
    let mut out = String::new();
    write_change(&mut out, c);
    out
}

/// [`change`], appended to `out`.
pub fn write_change(out: &mut String, c: &Change) {
    let signed = if c.direction == "down" {
        -c.amount.abs()
    } else {
        c.amount.abs()
    };
    write_amount(out, signed, c.unit, true);
    if let Some(basis) = &c.basis {
        out.push(' ');
        out.push_str(basis);
    }
}

/// One amount in its unit, scaled (K, M, B, T), with a sign when asked or negative.
pub fn amount(a: f64, unit: &str, signed: bool) -> String {
    let mut out = String::new();
    write_amount(&mut out, a, unit, signed);
    out
}

fn write_amount(out: &mut String, a: f64, unit: &str, signed: bool) {
    if a < 0.0 {
        out.push('−');
    } else if signed {
        out.push('+');
    }
    let x = a.abs();
    match unit {
        "%" => {
            write_trimmed(out, x, 1);
            out.push('%');
        }
        "bps" => {
            write_trimmed(out, x, 0);
            out.push_str(" bps");
        }
        "x" => {
            write_trimmed(out, x, 1);
            out.push('×');
        }
        "count" => write_scaled(out, x),
        "USD" if x < 1.0 && x > 0.0 => {
            write_trimmed(out, x * 100.0, 0);
            out.push('¢');
        }
        "USD" => {
            out.push('$');
            write_scaled(out, x);
        }
        other => {
            write_scaled(out, x);
            out.push(' ');
            out.push_str(other);
        }
    }
}

fn write_scaled(out: &mut String, x: f64) {
    for (size, suffix) in [(1e12, 'T'), (1e9, 'B'), (1e6, 'M'), (1e3, 'K')] {
        if x >= size {
            write_trimmed(out, x / size, 2);
            out.push(suffix);
            return;
        }
    }
    write_trimmed(out, x, 2);
}

/// `x` with at most `places` decimals, without trailing zeros.
fn write_trimmed(out: &mut String, x: f64, places: usize) {
    use std::fmt::Write;
    // Formatting a float exactly is slow (it can take big-number arithmetic): when the
    // scaled value is not near a tie, its nearest whole number has the same digits.
    let scaled = x * 10f64.powi(places as i32);
    let rounded = scaled.round();
    let off_tie = ((scaled - scaled.trunc()).abs() - 0.5).abs() > scaled.abs() * 1e-12;
    if places <= 6 && scaled.abs() < 1e15 && off_tie {
        let digits = rounded.abs() as u64;
        let unit = 10u64.pow(places as u32);
        if x.is_sign_negative() {
            out.push('-');
        }
        let _ = write!(out, "{}", digits / unit);
        let mut fraction = digits % unit;
        let mut width = places;
        while width > 0 && fraction.is_multiple_of(10) {
            fraction /= 10;
            width -= 1;
        }
        if width > 0 {
            let _ = write!(out, ".{fraction:0width$}");
        }
        return;
    }
    let at = out.len();
    let _ = write!(out, "{x:.places$}");
    if out[at..].contains('.') {
        let kept = out[at..].trim_end_matches('0').trim_end_matches('.').len();
        out.truncate(at + kept);
    }
}

/// A tick label for a chart axis in `unit`.
pub fn tick(unit: &str) -> impl Fn(f64) -> String + '_ {
    move |v| amount(v, unit, false)
}

/// `n` in decimal, zero-padded to `width` digits, appended to `out`: for the numbers
/// written on every page and in every chart, where `format!` costs twenty times as much.
pub fn push_padded(out: &mut String, n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut at = digits.len();
    let mut rest = n;
    while rest > 0 || digits.len() - at < width.max(1) {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `write_trimmed` wrote before its shortcut: exact formatting, zeros trimmed.
    fn trimmed_exactly(x: f64, places: usize) -> String {
        let s = format!("{x:.places$}");
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    }

    #[test]
    fn trimmed_numbers_read_as_exact_formatting_does() {
        let mut values: Vec<f64> = (-30_000..30_000).map(|i| f64::from(i) / 1000.0).collect();
        values.extend((-2000..2000).map(|i| f64::from(i) / 8.0)); // ties: 0.125, 2.5, …
        values.extend([
            24.2,
            1.25,
            0.05,
            -0.001,
            -0.0,
            0.0,
            67.1,
            1e14 / 3.0,
            123_456.789,
            f64::NAN,
        ]);
        for places in 0..=3 {
            for &x in &values {
                let mut out = String::new();
                write_trimmed(&mut out, x, places);
                assert_eq!(out, trimmed_exactly(x, places), "{x} to {places} places");
            }
        }
    }

    fn q(amount: f64, unit: &'static str) -> Quantity {
        Quantity {
            amount,
            unit,
            approx: false,
            upper: None,
        }
    }

    #[test]
    fn values_read_as_analysts_write_them() {
        assert_eq!(value(&q(24.2e9, "USD")), "$24.2B");
        assert_eq!(value(&q(-419e6, "USD")), "−$419M");
        assert_eq!(value(&q(29.6, "%")), "29.6%");
        assert_eq!(value(&q(1.25e9, "USD")), "$1.25B");
        assert_eq!(value(&q(7e9, "count")), "7B");
        assert_eq!(
            value(&Quantity {
                amount: 400e6,
                unit: "count",
                approx: true,
                upper: Some(500e6)
            }),
            "~400M–500M"
        );
        let c = Change {
            amount: 120.0,
            unit: "bps",
            direction: "up",
            basis: None,
        };
        assert_eq!(change(&c), "+120 bps");
        let c = Change {
            amount: 0.45,
            unit: "USD",
            direction: "down",
            basis: Some("YoY"),
        };
        assert_eq!(change(&c), "−45¢ YoY");
    }

    #[test]
    fn trailing_zeros_and_scales() {
        assert_eq!(amount(170e9, "USD", false), "$170B");
        assert_eq!(amount(1.5e12, "USD", true), "+$1.5T");
        assert_eq!(amount(2500.0, "count", false), "2.5K");
        assert_eq!(amount(12.0, "%", false), "12%");
        assert_eq!(amount(0.5, "x", false), "0.5×");
        assert_eq!(amount(100.0, "bps", false), "100 bps");
        assert_eq!(amount(-3.1e6, "EUR", false), "−3.1M EUR");
        assert_eq!(amount(0.0, "USD", false), "$0");
        let range = Quantity {
            amount: 400e6,
            unit: "USD",
            approx: false,
            upper: Some(500e6),
        };
        assert_eq!(value(&range), "$400M–500M");
    }
}
