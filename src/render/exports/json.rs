//! `metrics.json` written by hand, in exactly the bytes `serde_json` writes for the same
//! data (compact, keys in contract order, strings escaped as it escapes them, whole
//! amounts as integers). The 10,000-note benchmark exports 341,443 records: through
//! serde, escaping their 4 million constant keys and their sentences byte by byte took
//! 3 G instructions, 6% of the build.

use std::io::Write;

use crate::enrich::metrics::{Change, Quantity};
use crate::site::store::{Conflict, Record, Store};

/// `{"metrics":[…],"conflicts":[…]}` into `out`, a record at a time.
pub fn write(store: &Store, mut out: impl Write) -> std::io::Result<()> {
    let mut buf = String::with_capacity(1 << 12);
    out.write_all(b"{\"metrics\":[")?;
    for (i, r) in store.iter().enumerate() {
        buf.clear();
        if i > 0 {
            buf.push(',');
        }
        record(&mut buf, &r);
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"],\"conflicts\":[")?;
    for (i, c) in store.conflicts.iter().enumerate() {
        buf.clear();
        if i > 0 {
            buf.push(',');
        }
        conflict(&mut buf, store, c);
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"]}")
}

/// A JSON value of the export.
enum J<'a> {
    Str(&'a str),
    Opt(Option<&'a str>),
    Uint(u64),
    Bool(bool),
    Amount(f64),
    OptAmount(Option<f64>),
    Quantity(Option<&'a Quantity>),
    Change(Option<&'a Change>),
    Id(&'a Record<'a>),
}

/// `{"key":value,…}`.
fn object(out: &mut String, fields: &[(&str, J)]) {
    for (i, (key, value)) in fields.iter().enumerate() {
        out.push_str(if i == 0 { "{\"" } else { ",\"" });
        out.push_str(key);
        out.push_str("\":");
        match *value {
            J::Str(s) => string(out, s),
            J::Opt(Some(s)) => string(out, s),
            J::Uint(n) => push_uint(out, n),
            J::Bool(b) => out.push_str(if b { "true" } else { "false" }),
            J::Amount(x) => amount(out, x),
            J::OptAmount(Some(x)) => amount(out, x),
            J::Opt(None) | J::OptAmount(None) | J::Quantity(None) | J::Change(None) => out.push_str("null"),
            J::Quantity(Some(q)) => object(
                out,
                &[
                    ("amount", J::Amount(q.amount)),
                    ("unit", J::Str(q.unit)),
                    ("approx", J::Bool(q.approx)),
                    ("upper", J::OptAmount(q.upper)),
                ],
            ),
            J::Change(Some(c)) => object(
                out,
                &[
                    ("amount", J::Amount(c.amount)),
                    ("unit", J::Str(c.unit)),
                    ("direction", J::Str(c.direction)),
                    ("basis", J::Opt(c.basis)),
                ],
            ),
            J::Id(r) => {
                out.push('"');
                super::push_id(out, r, escape_into);
                out.push('"');
            }
        }
    }
    out.push('}');
}

/// One record: DESIGN.md's "Metric record".
fn record(out: &mut String, r: &Record) {
    object(
        out,
        &[
            ("id", J::Id(r)),
            ("page", J::Str(r.page)),
            ("source", J::Str(r.source)),
            ("line", J::Uint(u64::from(r.line))),
            ("subject", J::Opt(r.subject)),
            ("metric", J::Opt(r.metric)),
            ("period", J::Opt(r.period)),
            ("value", J::Quantity(r.value.as_ref())),
            ("change", J::Change(r.change.as_ref())),
            ("text", J::Str(r.text())),
            ("sentence", J::Str(r.sentence())),
            ("origin", J::Str(r.origin())),
        ],
    );
}

/// One conflict, each value with its amount and place.
fn conflict(out: &mut String, store: &Store, c: &Conflict) {
    object(
        out,
        &[
            ("subject", J::Str(&c.subject)),
            ("metric", J::Str(&c.metric)),
            ("period", J::Str(&c.period)),
            ("unit", J::Str(&c.unit)),
        ],
    );
    // The values close the object: `"values":[{…},…]}`.
    out.pop();
    out.push_str(",\"values\":[");
    for (i, &at) in c.records.iter().enumerate() {
        let r = store.record(at);
        if i > 0 {
            out.push(',');
        }
        object(
            out,
            &[
                ("amount", J::Amount(r.amount())),
                ("page", J::Str(r.page)),
                ("source", J::Str(r.source)),
                ("line", J::Uint(u64::from(r.line))),
            ],
        );
    }
    out.push_str("]}");
}

/// Whole amounts as integers (`24200000000`, as the contract shows them), others as
/// serde_json writes a float (the shortest text that reads back the same).
fn amount(out: &mut String, x: f64) {
    if !push_whole(out, x) {
        out.push_str(&serde_json::to_string(&x).unwrap_or_else(|_| "null".into()));
    }
}

/// A whole amount below 9e15 (exact in an `f64`) in digits, `-0` as `0`; false, with
/// nothing written, for any other.
pub(super) fn push_whole(out: &mut String, x: f64) -> bool {
    if x.fract() != 0.0 || x.abs() >= 9.0e15 {
        return false;
    }
    if x < 0.0 {
        out.push('-');
    }
    push_uint(out, x.abs() as u64);
    true
}

/// `n` in decimal.
pub(super) fn push_uint(out: &mut String, n: u64) {
    crate::render::format::push_padded(out, n, 1);
}

/// A JSON string: quoted and escaped.
fn string(out: &mut String, s: &str) {
    out.push('"');
    escape_into(out, s);
    out.push('"');
}

/// JSON escaping as serde_json does it: `"` and `\` with a backslash, the usual short
/// forms for control characters and `\u00XX` (lower-case hex) for the others; anything
/// else as it is. Runs that need nothing are copied whole.
fn escape_into(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(at) = crate::bytes::find(rest.as_bytes(), needs_escape) {
        // Escaped bytes are ASCII, so the cuts fall on character boundaries.
        out.push_str(&rest[..at]);
        let b = rest.as_bytes()[at];
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
            }
        }
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Amounts the writers of both exports are tested with: whole and not, signed zeros,
/// the edges of the whole-number rule, huge, tiny and not a number.
#[cfg(test)]
pub(super) const SAMPLE_AMOUNTS: [f64; 11] = [
    0.0,
    -0.0,
    24.2e9,
    -419e6,
    0.135,
    13.5,
    1e20,
    -2.5e-7,
    8.99e15,
    9.1e15,
    f64::NAN,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut every_control: String = (0u8..0x20).map(char::from).collect();
        every_control.push_str("\u{7f}\u{85}\u{2028}");
        let texts = [
            String::new(),
            "AWS revenue grew 13% to $24.2 billion".into(),
            r#"a "quoted" \ back\slash"#.into(),
            "Kuiper’s — “curly” café 名".into(),
            every_control,
            format!("{}\"{}\n", "x".repeat(15), "y".repeat(17)),
            "\"".repeat(40),
        ];
        for text in texts {
            let mut mine = String::new();
            string(&mut mine, &text);
            assert_eq!(mine, serde_json::to_string(&text).unwrap(), "{text:?}");
        }
    }

    #[test]
    fn amounts_read_as_serde_json_writes_them() {
        for x in SAMPLE_AMOUNTS {
            let mut mine = String::new();
            amount(&mut mine, x);
            let theirs = if x.fract() == 0.0 && x.abs() < 9.0e15 {
                serde_json::to_string(&(x as i64)).unwrap()
            } else {
                serde_json::to_string(&x).unwrap()
            };
            assert_eq!(mine, theirs, "{x}");
        }
    }
}
