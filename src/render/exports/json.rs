//! `metrics.json` written by hand, in exactly the bytes `serde_json` writes for the same
//! data (compact, keys in contract order, strings escaped as it escapes them, whole
//! amounts as integers). The 10,000-note benchmark exports 341,443 records: through
//! serde, escaping their 4 million constant keys and their sentences byte by byte took
//! 3 G instructions, 6% of the build.

use std::io::Write;

use crate::enrich::figures::Figure;
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

/// One record: DESIGN.md's "Metric record".
fn record(out: &mut String, r: &Record) {
    let f: &Figure = r.figure();
    out.push_str("{\"id\":\"");
    escape_into(out, r.page.trim_matches('/'));
    if f.anchor == 0 {
        out.push_str("#fm-");
        push_uint(out, r.index() as u64 + 1);
    } else {
        out.push_str("#fig-");
        push_uint(out, u64::from(f.anchor));
    }
    out.push_str("\",\"page\":");
    string(out, r.page);
    out.push_str(",\"source\":");
    string(out, r.source);
    out.push_str(",\"line\":");
    push_uint(out, u64::from(f.line));
    out.push_str(",\"subject\":");
    optional(out, f.subject);
    out.push_str(",\"metric\":");
    optional(out, f.metric);
    out.push_str(",\"period\":");
    optional(out, f.period);
    out.push_str(",\"value\":");
    match &f.value {
        None => out.push_str("null"),
        Some(q) => {
            out.push_str("{\"amount\":");
            amount(out, q.amount);
            out.push_str(",\"unit\":");
            string(out, q.unit);
            out.push_str(if q.approx {
                ",\"approx\":true"
            } else {
                ",\"approx\":false"
            });
            out.push_str(",\"upper\":");
            match q.upper {
                Some(u) => amount(out, u),
                None => out.push_str("null"),
            }
            out.push('}');
        }
    }
    out.push_str(",\"change\":");
    match &f.change {
        None => out.push_str("null"),
        Some(c) => {
            out.push_str("{\"amount\":");
            amount(out, c.amount);
            out.push_str(",\"unit\":");
            string(out, c.unit);
            out.push_str(",\"direction\":");
            string(out, c.direction);
            out.push_str(",\"basis\":");
            optional(out, c.basis);
            out.push('}');
        }
    }
    out.push_str(",\"text\":");
    string(out, f.text());
    out.push_str(",\"sentence\":");
    string(out, f.sentence());
    out.push_str(",\"origin\":");
    string(out, f.origin());
    out.push('}');
}

/// One conflict, each value with its amount and place.
fn conflict(out: &mut String, store: &Store, c: &Conflict) {
    out.push_str("{\"subject\":");
    string(out, &c.subject);
    out.push_str(",\"metric\":");
    string(out, &c.metric);
    out.push_str(",\"period\":");
    string(out, &c.period);
    out.push_str(",\"unit\":");
    string(out, &c.unit);
    out.push_str(",\"values\":[");
    for (i, &at) in c.records.iter().enumerate() {
        let r = store.record(at);
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"amount\":");
        amount(out, r.amount());
        out.push_str(",\"page\":");
        string(out, r.page);
        out.push_str(",\"source\":");
        string(out, r.source);
        out.push_str(",\"line\":");
        push_uint(out, u64::from(r.line));
        out.push('}');
    }
    out.push_str("]}");
}

/// Whole amounts as integers (`24200000000`, as the contract shows them), others as
/// serde_json writes a float (the shortest text that reads back the same).
fn amount(out: &mut String, x: f64) {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        if x < 0.0 {
            out.push('-');
        }
        push_uint(out, x.abs() as u64);
    } else {
        out.push_str(&serde_json::to_string(&x).unwrap_or_else(|_| "null".into()));
    }
}

fn push_uint(out: &mut String, n: u64) {
    crate::render::format::push_padded(out, n, 1);
}

fn optional(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.push_str("null"),
    }
}

/// A JSON string: quoted and escaped.
fn string(out: &mut String, s: &str) {
    out.push('"');
    escape_into(out, s);
    out.push('"');
}

/// JSON escaping as serde_json does it: `"` and `\` with a backslash, the usual short
/// forms for control characters and `\u00XX` (lower-case hex) for the others; anything
/// else as it is. Runs that need nothing are found in blocks and copied whole.
fn escape_into(out: &mut String, s: &str) {
    const BLOCK: usize = 16;
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        let block = &bytes[at..bytes.len().min(at + BLOCK)];
        if !block.iter().fold(false, |any, &b| any | needs_escape(b)) {
            at += block.len();
            continue;
        }
        for (k, &b) in block.iter().enumerate() {
            if !needs_escape(b) {
                continue;
            }
            // Escaped bytes are ASCII, so the cuts fall on character boundaries.
            out.push_str(&s[copied..at + k]);
            copied = at + k + 1;
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
        }
        at += block.len();
    }
    out.push_str(&s[copied..]);
}

fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

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
        for x in [
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
        ] {
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
