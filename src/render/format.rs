//! Figures as analysts write them: $24.2B, −$419M, 29.6%, +120 bps, +13% YoY.

use crate::enrich::metrics::{Change, Quantity};

/// A value: `$24.2B`, `−$419M`, `29.6%`, `120 bps`, `7B` (count), `4×`; ranges as `400–500M`.
pub fn value(q: &Quantity) -> String {
    let approx = if q.approx { "~" } else { "" };
    let main = amount(q.amount, &q.unit, false);
    match q.upper {
        Some(upper) => format!(
            "{approx}{}–{}",
            main,
            amount(upper, &q.unit, false).trim_start_matches('$')
        ),
        None => format!("{approx}{main}"),
    }
}

/// A change: `+13% YoY`, `−45¢`, `+$1.8B`, `+120 bps QoQ`.
pub fn change(c: &Change) -> String {
    let signed = if c.direction == "down" {
        -c.amount.abs()
    } else {
        c.amount.abs()
    };
    let basis = c.basis.as_deref().map(|b| format!(" {b}")).unwrap_or_default();
    format!("{}{basis}", amount(signed, &c.unit, true))
}

/// One amount in its unit, scaled (K, M, B, T), with a sign when asked or negative.
pub fn amount(a: f64, unit: &str, signed: bool) -> String {
    let sign = if a < 0.0 {
        "−"
    } else if signed {
        "+"
    } else {
        ""
    };
    let x = a.abs();
    match unit {
        "%" => format!("{sign}{}%", trim(x, 1)),
        "bps" => format!("{sign}{} bps", trim(x, 0)),
        "x" => format!("{sign}{}×", trim(x, 1)),
        "count" => format!("{sign}{}", scaled(x)),
        "USD" if x < 1.0 && x > 0.0 => format!("{sign}{}¢", trim(x * 100.0, 0)),
        "USD" => format!("{sign}${}", scaled(x)),
        other => format!("{sign}{} {other}", scaled(x)),
    }
}

fn scaled(x: f64) -> String {
    for (size, suffix) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")] {
        if x >= size {
            return format!("{}{suffix}", trim(x / size, 2));
        }
    }
    trim(x, 2)
}

/// At most `places` decimals, without trailing zeros.
fn trim(x: f64, places: usize) -> String {
    let s = format!("{x:.places$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A tick label for a chart axis in `unit`.
pub fn tick(unit: &str) -> impl Fn(f64) -> String + '_ {
    move |v| amount(v, unit, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(amount: f64, unit: &str) -> Quantity {
        Quantity {
            amount,
            unit: unit.into(),
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
                unit: "count".into(),
                approx: true,
                upper: Some(500e6)
            }),
            "~400M–500M"
        );
        let c = Change {
            amount: 120.0,
            unit: "bps".into(),
            direction: "up".into(),
            basis: None,
        };
        assert_eq!(change(&c), "+120 bps");
        let c = Change {
            amount: 0.45,
            unit: "USD".into(),
            direction: "down".into(),
            basis: Some("YoY".into()),
        };
        assert_eq!(change(&c), "−45¢ YoY");
    }
}
