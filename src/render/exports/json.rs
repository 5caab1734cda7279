//! `metrics.json` written by hand, in exactly the bytes `serde_json` writes for the same
//! data (compact, keys in contract order, strings escaped as it escapes them, whole
//! amounts as integers). The 10,000-note benchmark exports 341,443 records: through
//! serde, escaping their 4 million constant keys and their sentences byte by byte took
//! 3 G instructions, 6% of the build.

use std::io::Write;

use super::{CHUNK, Memo, Trimmed};
use crate::render::words::Words;
use crate::site::store::{Conflict, Record, Store, id_page};

/// `{"metrics":[…],"conflicts":[…]}` into `out`: put together in one buffer, a
/// page's id, page and source and a sentence escaped once for all the records that
/// repeat them, and handed to `out` in large chunks. Record by record through a generic
/// object writer, the 1,000-note export took 215 M instructions; this way, 110 M.
pub fn write(store: &Store, mut out: impl Write) -> std::io::Result<()> {
    let mut buf = String::with_capacity(CHUNK + (1 << 12));
    buf.push_str("{\"metrics\":[");
    let mut memos = Memos {
        words: Words::new(string),
        ids: Memo::default(),
        places: Memo::default(),
        sentences: Memo::default(),
        trimmed: Trimmed::default(),
    };
    items(&mut buf, &mut out, store.iter(), |buf, r| record(buf, &r, &mut memos))?;
    buf.push_str("],\"conflicts\":[");
    let mut places = Places::default();
    items(&mut buf, &mut out, store.conflicts.iter(), |buf, c| {
        conflict(buf, store, c, &mut places)
    })?;
    buf.push_str("]}");
    out.write_all(buf.as_bytes())
}

/// The items of an array, comma-separated, into `buf`, handed to `out` whenever
/// `buf` holds a chunk.
fn items<T>(
    buf: &mut String,
    out: &mut impl Write,
    items: impl Iterator<Item = T>,
    mut item: impl FnMut(&mut String, T),
) -> std::io::Result<()> {
    for (i, x) in items.enumerate() {
        if i > 0 {
            buf.push(',');
        }
        item(buf, x);
        if buf.len() >= CHUNK {
            out.write_all(buf.as_bytes())?;
            buf.clear();
        }
    }
    Ok(())
}

/// What records repeat, escaped once (see `Memo` and `Words`).
struct Memos<'a> {
    /// Subjects, metrics, periods, units, directions, bases and origins, as JSON strings.
    words: Words,
    /// The page as the id starts with it, by the page's URL.
    ids: Memo<'a, 1>,
    /// `,"page":"…","source":"…","line":`, from the end of the id to the line.
    places: Memo<'a, 2>,
    /// The sentence, quoted.
    sentences: Memo<'a, 1>,
    /// The sentence, trimmed.
    trimmed: Trimmed<'a>,
}

/// One record: DESIGN.md's "Metric record", its keys in contract order.
fn record<'a>(out: &mut String, r: &Record<'a>, memos: &mut Memos<'a>) {
    let (kind, n) = r.id_anchor();
    out.push_str("{\"id\":\"");
    out.push_str(memos.ids.get([r.page], |out, [page]| escape_into(out, id_page(page))));
    out.push('#');
    out.push_str(kind);
    out.push('-');
    push_uint(out, n);
    out.push('"');
    out.push_str(
        memos
            .places
            .get([r.page, r.source], |out, [page, source]| place(out, page, source)),
    );
    push_uint(out, u64::from(r.line));
    let words = &mut memos.words;
    out.push_str(",\"subject\":");
    words.optional(out, r.subject, "null");
    out.push_str(",\"metric\":");
    words.optional(out, r.metric, "null");
    out.push_str(",\"period\":");
    words.optional(out, r.period, "null");
    out.push_str(",\"value\":");
    match &r.value {
        Some(q) => {
            amount_and_unit(out, q.amount, words.get(q.unit));
            out.push_str(if q.approx {
                ",\"approx\":true,\"upper\":"
            } else {
                ",\"approx\":false,\"upper\":"
            });
            match q.upper {
                Some(x) => amount(out, x),
                None => out.push_str("null"),
            }
            out.push('}');
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"change\":");
    match &r.change {
        Some(c) => {
            amount_and_unit(out, c.amount, words.get(c.unit));
            out.push_str(",\"direction\":");
            out.push_str(words.get(c.direction));
            out.push_str(",\"basis\":");
            words.optional(out, c.basis, "null");
            out.push('}');
        }
        None => out.push_str("null"),
    }
    let sentence = memos.trimmed.of(r.figure());
    let quoted = memos.sentences.get([sentence], |out, [sentence]| string(out, sentence));
    out.push_str(",\"text\":");
    text(out, r.text(), sentence, quoted);
    out.push_str(",\"sentence\":");
    out.push_str(quoted);
    out.push_str(",\"origin\":");
    out.push_str(memos.words.get(r.origin()));
    out.push('}');
}

/// A figure's words as a JSON string, given its sentence and the sentence as written
/// (`quoted`). The words are a part of the sentence (on its page, not a copy), so when
/// nothing in the sentence was escaped (its JSON string is only two quotes longer), nothing
/// in them is: they are written as they are, not scanned again. A figure given in front
/// matter has no sentence, and its words are escaped.
fn text(out: &mut String, words: &str, sentence: &str, quoted: &str) {
    if super::within(words, sentence) && quoted.len() == sentence.len() + 2 {
        out.push('"');
        out.push_str(words);
        out.push('"');
    } else {
        string(out, words);
    }
}

/// `{"amount":…,"unit":"…"`, how a value and a change start; `unit` is quoted.
fn amount_and_unit(out: &mut String, x: f64, unit: &str) {
    out.push_str("{\"amount\":");
    amount(out, x);
    out.push_str(",\"unit\":");
    out.push_str(unit);
}

/// `,"page":"…","source":"…","line":`, what a record and a value of a conflict write
/// between what comes before and the line.
fn place(out: &mut String, page: &str, source: &str) {
    out.push_str(",\"page\":");
    string(out, page);
    out.push_str(",\"source\":");
    string(out, source);
    out.push_str(",\"line\":");
}

/// The [`place`] of each page that has values in conflicts, escaped once a page, by the
/// page's number in the store. The values of a conflict come from all over the site, so
/// the last page's text (a `Memo`) would rarely be the one wanted: the 10,000-note
/// benchmark has 270,000 values in conflicts, from 10,000 pages, and escaping each
/// value's page and source anew made the conflicts cost more than the 341,000 records.
/// The places are kept end to end in one string, so that looking one up reads a few
/// neighbouring bytes, not a map's slot and a box of its own.
#[derive(Default)]
struct Places {
    /// The places put together so far.
    text: String,
    /// The range of `text` that is each page's place; empty for a page not met yet.
    of_page: Vec<std::ops::Range<u32>>,
}

impl Places {
    /// The place of record `i`.
    fn of(&mut self, store: &Store, i: usize) -> &str {
        let (p, page, source) = store.place(i);
        if p >= self.of_page.len() {
            self.of_page.resize(p + 1, 0..0);
        }
        if self.of_page[p].is_empty() {
            let start = self.text.len() as u32;
            place(&mut self.text, page, source);
            self.of_page[p] = start..self.text.len() as u32;
        }
        let at = &self.of_page[p];
        &self.text[at.start as usize..at.end as usize]
    }
}

/// One conflict, each value with its amount and place.
fn conflict(out: &mut String, store: &Store, c: &Conflict, places: &mut Places) {
    out.push_str("{\"subject\":");
    string(out, &c.subject);
    out.push_str(",\"metric\":");
    string(out, &c.metric);
    out.push_str(",\"period\":");
    string(out, &c.period);
    out.push_str(",\"unit\":");
    string(out, &c.unit);
    out.push_str(",\"values\":[");
    for (k, source) in c.sources.iter().enumerate() {
        out.push_str(if k > 0 { ",{\"amount\":" } else { "{\"amount\":" });
        amount(out, source.amount);
        out.push_str(places.of(store, source.record));
        push_uint(out, u64::from(source.line));
        out.push('}');
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
    // `x as i64` is `x` exactly when `x` is whole (and not too large); this is
    // `x.fract() == 0.0` without its call to `trunc`. Not a number converts to 0.
    if x as i64 as f64 != x || x.abs() >= 9.0e15 {
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
    while let Some(at) = find_escaped(rest.as_bytes()) {
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

/// Where the first byte that `escape_into` escapes is.
fn find_escaped(bytes: &[u8]) -> Option<usize> {
    crate::bytes::find(bytes, |b| b < 0x20 || b == b'"' || b == b'\\')
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
    fn escaped_bytes_are_found_at_any_place() {
        let escaped = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
        for len in 0..20 {
            for b in 0..=255u8 {
                let mut bytes = vec![b'a'; len];
                bytes.push(b);
                bytes.extend((0..=255u8).rev());
                assert_eq!(
                    find_escaped(&bytes),
                    bytes.iter().position(|&b| escaped(b)),
                    "{b:#x} at {len}"
                );
                assert_eq!(find_escaped(&bytes[..=len]), escaped(b).then_some(len));
            }
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
