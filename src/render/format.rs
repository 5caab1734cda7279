//! Figures as analysts write them: $24.2B, −$419M, 29.6%, +120 bps, +13% YoY.

use crate::currency;
use crate::enrich::metrics::{Change, Quantity};

/// Room for an amount as written (`−$1.25B`, `+120 bps YoY`), so that the string of
/// one is not grown twice: each chart point and axis tick has one.
const SHORT: usize = 16;

/// A value: `$24.2B`, `−$419M`, `29.6%`, `120 bps`, `7B` (count), `4×`; ranges as `400–500M`.
pub fn value(q: &Quantity) -> String {
    let mut out = String::with_capacity(SHORT);
    write_value(&mut out, q);
    out
}

/// [`value`], appended to `out`: a table of hundreds of thousands of figures formats each
/// into one buffer instead of a string per part.
pub fn write_value(out: &mut String, q: &Quantity) {
    if q.approx {
        out.push('~');
    }
    // "70¢–1" would read as seventy cents to one cent: a range that crosses a whole unit
    // of money is written in whole units at both ends, "$0.70–$1.00".
    let sign = currency::shown_sign(q.unit).filter(|_| q.upper.is_some_and(|u| q.amount.abs() < 1.0 && u.abs() >= 1.0));
    let across = sign.is_some();
    if let Some(sign) = sign {
        if q.amount < 0.0 {
            out.push('−');
        }
        write_money(out, sign, q.amount.abs());
    } else {
        write_amount(out, q.amount, q.unit, false);
    }
    if let Some(upper) = q.upper {
        out.push('–');
        let at = out.len();
        write_amount(out, upper, q.unit, false);
        // "$400–500M", "TWD 400–500B": the currency once, before the range.
        if !across && out[at..].starts_with('$') {
            out.remove(at);
        } else if !across && !is_plain_unit(q.unit) && out[at..].starts_with(q.unit) {
            out.replace_range(at..at + q.unit.len() + 1, "");
        }
        if across && upper.abs() < 1e3 && !out[at..].contains('.') {
            out.push_str(".00");
        }
    }
}

/// A change: `+13% YoY`, `−45¢`, `+$1.8B`, `+120 bps QoQ`.
pub fn change(c: &Change) -> String {
    let mut out = String::with_capacity(SHORT);
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
    let mut out = String::with_capacity(SHORT);
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
        // "45¢", and a dividend of 35.8 cents as "35.8¢", not "36¢".
        "USD" if x < 1.0 && x > 0.0 => {
            write_trimmed(out, x * 100.0, 1);
            out.push('¢');
        }
        // Pence as London writes a dividend or a price: "8.25p", not "£0.08".
        "GBP" if x < 1.0 && x > 0.0 => {
            write_trimmed(out, x * 100.0, 2);
            out.push('p');
        }
        "INR" => write_rupees(out, x),
        other => match currency::shown_sign(other) {
            Some(sign) => write_money(out, sign, x),
            // "TWD 868.5B", "DKK 290.4B": the code first, as a currency is written that
            // has no sign of its own.
            None => {
                out.push_str(other);
                out.push(' ');
                write_scaled(out, x);
            }
        },
    }
}

/// `x` (not negative) after the sign of its currency, as analysts write it: "$24.2B",
/// "€9.3B", "£1.2B", and whole units with their cents, "$2.90 a share", not "$2.9".
fn write_money(out: &mut String, sign: &str, x: f64) {
    out.push_str(sign);
    write_scaled(out, x);
    if x < 1e3 && out.as_bytes().get(out.len().wrapping_sub(2)) == Some(&b'.') {
        out.push('0');
    }
}

/// Whether a unit is one that is not a currency's code (`%`, `bps`, `x`, `count`).
fn is_plain_unit(unit: &str) -> bool {
    matches!(unit, "%" | "bps" | "x" | "count")
}

/// Rupees (not negative) as Indian notes write them: "₹6,806 crore", "₹1.63 lakh
/// crore" (a lakh crore is 10^12), "₹45 lakh", "₹1,800", "₹16.98".
fn write_rupees(out: &mut String, x: f64) {
    out.push('₹');
    let (scaled, word) = match x {
        x if x >= 1e12 => (x / 1e12, " lakh crore"),
        x if x >= 1e7 => (x / 1e7, " crore"),
        x if x >= 1e5 => (x / 1e5, " lakh"),
        x => (x, ""),
    };
    if scaled >= 1e3 {
        // Whole crore or rupees, in thousands: "6,806", "40,986", "1,800".
        write_trimmed(out, scaled, 0);
        out.insert(out.len() - 3, ',');
    } else {
        write_trimmed(out, scaled, 2);
        if word.is_empty() && out.as_bytes().get(out.len().wrapping_sub(2)) == Some(&b'.') {
            out.push('0');
        }
    }
    out.push_str(word);
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
    // Powers of ten from a table (each exact, as `powi` computes them), not a call a number.
    const POW10: [f64; 7] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6];
    const UNITS: [u64; 7] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];
    let scaled = x * POW10.get(places).copied().unwrap_or_else(|| 10f64.powi(places as i32));
    // Below 1e15 (so neither infinite nor not a number), the whole part is the integer
    // conversion, exactly, and the fraction left is exact too: `trunc` and `round`
    // without their calls (x86-64 has no instruction for them), as every value and
    // change of a table, a chart and the /metrics/ page comes here.
    let magnitude = scaled.abs();
    if places <= 6 && magnitude < 1e15 {
        let whole = magnitude as u64;
        let fraction = magnitude - whole as f64;
        let off_tie = (fraction - 0.5).abs() > magnitude * 1e-12;
        if off_tie {
            // `scaled.round()`: half away from zero.
            let digits = whole + u64::from(fraction >= 0.5);
            write_rounded(out, digits, x.is_sign_negative(), UNITS[places], places);
            return;
        }
    }
    let at = out.len();
    let _ = write!(out, "{x:.places$}");
    if out[at..].contains('.') {
        let kept = out[at..].trim_end_matches('0').trim_end_matches('.').len();
        out.truncate(at + kept);
    }
}

/// `digits` (the value times `unit`, 10 to the `places`) as a decimal of at most `places`
/// decimals, without trailing zeros, after a `-` when `negative`.
fn write_rounded(out: &mut String, digits: u64, negative: bool, unit: u64, places: usize) {
    if negative {
        out.push('-');
    }
    // Digits written directly: `write!` costs more than the arithmetic around it.
    push_padded(out, digits / unit, 1);
    let mut fraction = digits % unit;
    let mut width = places;
    while width > 0 && fraction.is_multiple_of(10) {
        fraction /= 10;
        width -= 1;
    }
    if width > 0 {
        out.push('.');
        push_padded(out, fraction, width);
    }
}

/// A tick label for a chart axis in `unit`.
pub fn tick(unit: &str) -> impl Fn(f64) -> String + '_ {
    move |v| amount(v, unit, false)
}

/// `n` in decimal, zero-padded to `width` digits, appended to `out`: for the numbers
/// written on every page, in every chart and in the exports, where `format!` costs twenty
/// times as much. The digits come from `itoa` (two at a time, from a table, with no UTF-8
/// check to copy them): a digit at a time, pushed as chars, the 10,000-note exports' ids,
/// lines and amounts took 405 M instructions.
pub fn push_padded(out: &mut String, n: u64, width: usize) {
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(n);
    for _ in digits.len()..width {
        out.push('0');
    }
    out.push_str(digits);
}

/// True when `text` holds none of the five characters HTML escapes, so that it can be
/// written into a page as it is: the units and bases of most figures (`USD`, `YoY`).
pub fn is_plain(text: &str) -> bool {
    !text.bytes().any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
}

/// True when [`write_value`] of `q` writes nothing HTML escapes: only its unit is words
/// (the rest is digits, signs and symbols of this module's own).
pub fn value_is_plain(q: &Quantity) -> bool {
    is_plain(q.unit)
}

/// True when [`write_change`] of `c` writes nothing HTML escapes (its unit and basis).
pub fn change_is_plain(c: &Change) -> bool {
    is_plain(c.unit) && c.basis.is_none_or(is_plain)
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

    /// What `write_amount` wrote when every number went through `format!`: the same
    /// units and scales, each number formatted exactly and trimmed.
    fn amount_exactly(a: f64, unit: &str, signed: bool) -> String {
        let sign = if a < 0.0 {
            "−"
        } else if signed {
            "+"
        } else {
            ""
        };
        let x = a.abs();
        let scaled = |x: f64| {
            for (size, suffix) in [(1e12, 'T'), (1e9, 'B'), (1e6, 'M'), (1e3, 'K')] {
                if x >= size {
                    return format!("{}{suffix}", trimmed_exactly(x / size, 2));
                }
            }
            trimmed_exactly(x, 2)
        };
        let body = match unit {
            "%" => format!("{}%", trimmed_exactly(x, 1)),
            "bps" => format!("{} bps", trimmed_exactly(x, 0)),
            "x" => format!("{}×", trimmed_exactly(x, 1)),
            "count" => scaled(x),
            "USD" if x < 1.0 && x > 0.0 => format!("{}¢", trimmed_exactly(x * 100.0, 1)),
            "GBP" if x < 1.0 && x > 0.0 => format!("{}p", trimmed_exactly(x * 100.0, 2)),
            "INR" => {
                let (scaled, word) = match x {
                    x if x >= 1e12 => (x / 1e12, " lakh crore"),
                    x if x >= 1e7 => (x / 1e7, " crore"),
                    x if x >= 1e5 => (x / 1e5, " lakh"),
                    x => (x, ""),
                };
                let number = if scaled >= 1e3 {
                    let whole = format!("{scaled:.0}");
                    let (thousands, rest) = whole.split_at(whole.len() - 3);
                    format!("{thousands},{rest}")
                } else {
                    let n = trimmed_exactly(scaled, 2);
                    let cents = word.is_empty() && n.len() >= 2 && n.as_bytes()[n.len() - 2] == b'.';
                    format!("{n}{}", if cents { "0" } else { "" })
                };
                format!("₹{number}{word}")
            }
            "USD" | "EUR" | "GBP" | "JPY" => {
                let sign = match unit {
                    "USD" => "$",
                    "EUR" => "€",
                    "GBP" => "£",
                    _ => "¥",
                };
                let whole = scaled(x);
                let cents = x < 1e3 && whole.len() >= 2 && whole.as_bytes()[whole.len() - 2] == b'.';
                format!("{sign}{whole}{}", if cents { "0" } else { "" })
            }
            other => format!("{other} {}", scaled(x)),
        };
        format!("{sign}{body}")
    }

    #[test]
    fn amounts_read_as_formatting_every_number_did() {
        let mut values = vec![
            0.0,
            -0.0,
            24.2e9,
            -24.2e9,
            419e6,
            -419e6,
            1.25e9,
            29.6,
            0.5,
            1e12,
            999.95e6,
            999.995e6,
            999_995.0,
            999.995,
            9.995,
            0.995,
            0.005,
            1e15,
            1.5e12,
            120.0,
            0.45,
            -3.1e6,
            170e9,
            2500.0,
            12.0,
            7e9,
            123_456_789.0,
            0.015,
            0.125,
            2.5,
            1e-9,
            4.0,
        ];
        // Every scale, with values on and about the rounding boundaries of each.
        for scale in [1.0, 1e3, 1e6, 1e9, 1e12] {
            for i in -1500..1500 {
                let x = f64::from(i) * 0.667 + f64::from(i % 7) * 0.001;
                values.push(x * scale);
                values.push((f64::from(i) / 200.0) * scale);
            }
            values.extend([999.99, 999.994, 999.995, 999.996, 1000.0].map(|x| x * scale));
        }
        for &a in &values {
            for unit in ["%", "bps", "x", "count", "USD", "EUR", "GBP", "JPY", "INR", "CHF"] {
                for signed in [false, true] {
                    assert_eq!(
                        amount(a, unit, signed),
                        amount_exactly(a, unit, signed),
                        "{a} {unit} signed {signed}"
                    );
                }
            }
        }
    }

    /// A currency with a sign of its own is written with it; any other with its code.
    #[test]
    fn currencies_read_as_analysts_write_them() {
        assert_eq!(amount(9.3e9, "EUR", false), "€9.3B");
        assert_eq!(amount(6.85, "EUR", false), "€6.85");
        assert_eq!(amount(6.4, "EUR", false), "€6.40");
        assert_eq!(amount(-1.2e9, "GBP", false), "−£1.2B");
        assert_eq!(amount(68.06e9, "INR", false), "₹6,806 crore");
        assert_eq!(amount(1.6299e12, "INR", false), "₹1.63 lakh crore");
        assert_eq!(amount(4.5e6, "INR", false), "₹45 lakh");
        assert_eq!(amount(1800.0, "INR", false), "₹1,800");
        assert_eq!(amount(16.9, "INR", false), "₹16.90");
        assert_eq!(amount(-12.5e7, "INR", true), "−₹12.5 crore");
        assert_eq!(amount(0.45, "USD", false), "45¢");
        assert_eq!(amount(0.358, "USD", false), "35.8¢");
        assert_eq!(amount(0.0825, "GBP", false), "8.25p");
        assert_eq!(amount(0.121, "GBP", false), "12.1p");
        assert_eq!(amount(12.45, "GBP", false), "£12.45");
        assert_eq!(amount(2.5e9, "CHF", false), "CHF 2.5B");
    }

    #[test]
    fn only_words_that_need_no_escaping_are_plain() {
        assert!(value_is_plain(&q(24.2e9, "USD")));
        assert!(!value_is_plain(&q(3.0, "<b>widgets</b>")));
        let c = |unit, basis| Change {
            amount: 1.0,
            unit,
            direction: "up",
            basis,
        };
        assert!(change_is_plain(&c("%", Some("YoY"))));
        assert!(!change_is_plain(&c("R&D", None)));
        assert!(!change_is_plain(&c("%", Some("vs \"plan\""))));
        // What this module writes around the words needs no escaping either.
        let mut out = String::new();
        for unit in ["%", "bps", "x", "count", "USD"] {
            write_value(
                &mut out,
                &Quantity {
                    amount: -1234.5,
                    unit,
                    approx: true,
                    upper: Some(0.5),
                },
            );
            write_change(&mut out, &c(unit, None));
        }
        assert!(is_plain(&out), "{out}");
    }

    #[test]
    fn padded_numbers_read_as_format_writes_them() {
        let mut values: Vec<u64> = (0..2000).collect();
        values.extend([9, 10, 99, 100, 12_345, 99_999, 1 << 32, u64::MAX / 3, u64::MAX]);
        for &n in &values {
            for width in 0..=6 {
                let mut out = String::from("x");
                push_padded(&mut out, n, width);
                assert_eq!(out, format!("x{n:0width$}"), "{n} to {width}");
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
        // Dollars and cents, as a per-share figure is written.
        assert_eq!(value(&q(2.9, "USD")), "$2.90");
        assert_eq!(value(&q(5.53, "USD")), "$5.53");
        assert_eq!(value(&q(250.0, "USD")), "$250");
        assert_eq!(value(&q(2.5e3, "USD")), "$2.5K");
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
        // A range across a dollar is in dollars at both ends; one below it, in cents.
        let range = |amount: f64, upper: f64, unit: &'static str| Quantity {
            amount,
            unit,
            approx: false,
            upper: Some(upper),
        };
        assert_eq!(value(&range(0.7, 1.0, "USD")), "$0.70–$1.00");
        assert_eq!(value(&range(0.7, 1.2, "EUR")), "€0.70–€1.20");
        assert_eq!(value(&range(0.7, 0.9, "USD")), "70¢–90¢");
        assert_eq!(value(&range(400e6, 500e6, "USD")), "$400M–500M");
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
        assert_eq!(amount(-3.1e6, "EUR", false), "−€3.1M");
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
