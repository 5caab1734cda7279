//! The metrics exports: `/metrics.json` (DESIGN.md's schema: `metrics` and `conflicts`)
//! and `/metrics.csv` (one record a row, value and change flattened).

use std::io::Write;
use std::path::Path;

use crate::enrich::Figure;
use crate::render::words::Words;
use crate::site::store::{Store, id_page};
use json::{push_uint, push_whole};

mod json;

/// `metrics.json` into a writer.
pub use json::write as write_json;

/// The files the exports are written to, at the root of the output folder.
pub const FILES: [&str; 2] = ["metrics.json", "metrics.csv"];

/// Writes `metrics.json` and `metrics.csv` into `dir`, side by side and streaming (a
/// large site has hundreds of thousands of figures: the exports are never held in memory
/// whole). Each is written under a temporary name and renamed into place, so a reader
/// (the dev server, a script polling the folder) never sees half a file.
pub fn write_files(store: &Store, dir: &Path) -> std::io::Result<()> {
    // Plain threads, not rayon: the caller renders pages on rayon's pool meanwhile.
    std::thread::scope(|scope| {
        let csv = scope.spawn(|| write_atomically(dir, "metrics.csv", |out| write_csv(store, out)));
        let json = write_atomically(dir, "metrics.json", |out| write_json(store, out));
        json.and(csv.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    })
}

fn write_atomically(
    dir: &Path,
    name: &str,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let temporary = dir.join(format!(".{name}.partial"));
    let result = std::fs::File::create(&temporary).and_then(|file| {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        write(&mut out)?;
        out.flush()
    });
    match result.and_then(|()| std::fs::rename(&temporary, dir.join(name))) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&temporary);
            Err(e)
        }
    }
}

const CSV_HEADER: &str = "id,page,source,line,subject,metric,period,value,unit,approx,upper,change,change_unit,direction,basis,text,sentence,origin";

/// `metrics.csv` (RFC 4180 quoting) into `out`. Rows are put together in one buffer
/// (numbers written without fmt, fields scanned a block at a time for what needs
/// quoting, a page's id, page and source and a sentence quoted once for all the records
/// that repeat them) and handed to `out` in large chunks. Through `write!` and a `char`
/// search per field the 1,000-note export took 207 M instructions; a row at a time in
/// one buffer, 129 M; this way, 67 M.
pub fn write_csv(store: &Store, mut out: impl Write) -> std::io::Result<()> {
    let mut rows = String::with_capacity(CHUNK + (1 << 12));
    rows.push_str(CSV_HEADER);
    rows.push_str("\r\n");
    let mut ids = Memo::default();
    let mut places = Memo::default();
    let mut sentences = Memo::default();
    let mut trimmed = Trimmed::default();
    let mut words = Words::new(push_field);
    for r in store.iter() {
        let v = r.value.as_ref();
        let c = r.change.as_ref();
        // The id is quoted when its page is (`#fig-4` never needs it): the memo holds
        // the page as it opens the id, quoted if it starts with a quote.
        let (kind, n) = r.id_anchor();
        let id = ids.get([r.page], |out, [page]| {
            let page = id_page(page);
            if find_csv_special(page.as_bytes()).is_some() {
                out.push('"');
                push_doubling_quotes(out, page);
            } else {
                out.push_str(page);
            }
        });
        rows.push_str(id);
        rows.push('#');
        rows.push_str(kind);
        rows.push('-');
        push_uint(&mut rows, n);
        if id.starts_with('"') {
            rows.push('"');
        }
        rows.push_str(places.get([r.page, r.source], |out, [page, source]| {
            for field in [page, source] {
                out.push(',');
                push_field(out, field);
            }
            out.push(',');
        }));
        push_uint(&mut rows, u64::from(r.line));
        for field in [r.subject, r.metric, r.period] {
            rows.push(',');
            words.optional(&mut rows, field, "");
        }
        rows.push(',');
        push_number(&mut rows, v.map(|v| v.amount));
        rows.push(',');
        words.optional(&mut rows, v.map(|v| v.unit), "");
        rows.push_str(v.map_or(",,", |v| if v.approx { ",true," } else { ",false," }));
        push_number(&mut rows, v.and_then(|v| v.upper));
        rows.push(',');
        push_number(&mut rows, c.map(|c| c.amount));
        for field in [c.map(|c| c.unit), c.map(|c| c.direction), c.and_then(|c| c.basis)] {
            rows.push(',');
            words.optional(&mut rows, field, "");
        }
        rows.push(',');
        let sentence = trimmed.of(r.figure());
        let written = sentences.get([sentence], |out, [sentence]| push_field(out, sentence));
        // The words are a part of the sentence: when it was not quoted (nothing in it is
        // special), they are written as they are, not scanned again.
        let words = r.text();
        if within(words, sentence) && !written.starts_with('"') {
            rows.push_str(words);
        } else {
            push_field(&mut rows, words);
        }
        rows.push(',');
        rows.push_str(written);
        rows.push(',');
        rows.push_str(r.origin());
        rows.push_str("\r\n");
        if rows.len() >= CHUNK {
            out.write_all(rows.as_bytes())?;
            rows.clear();
        }
    }
    out.write_all(rows.as_bytes())
}

/// How much of an export is put together before it is handed to the writer: as much as
/// `write_atomically`'s buffer holds, so that `BufWriter` passes it on without copying.
const CHUNK: usize = 1 << 16;

/// The text written for the last strings given (a page's URL and source, a sentence),
/// kept for the next records, which mostly repeat them: records come in page order, and
/// the figures of a sentence are next to each other and share one copy of it
/// (`Figure::sentence`). Strings count as the same when they are the same bytes in
/// memory (`std::ptr::eq`: address and length), which costs nothing and holds in all
/// those cases; the borrow keeps them alive, so the address is never reused meanwhile.
#[derive(Default)]
struct Memo<'a, const N: usize> {
    of: Option<[&'a str; N]>,
    text: String,
}

impl<'a, const N: usize> Memo<'a, N> {
    /// What `write` writes for `of`, written again only when `of` is not the last one.
    fn get(&mut self, of: [&'a str; N], write: impl FnOnce(&mut String, [&'a str; N])) -> &str {
        let same = self
            .of
            .is_some_and(|last| last.iter().zip(&of).all(|(a, b)| std::ptr::eq(*a, *b)));
        if !same {
            self.text.clear();
            write(&mut self.text, of);
            self.of = Some(of);
        }
        &self.text
    }
}

/// The sentences of records ([`Figure::sentence`]), each trimmed once for all its
/// figures: they come one after another and share one copy of it.
#[derive(Default)]
struct Trimmed<'a> {
    /// The last sentence's id ([`Figure::sentence_id`]) and its text.
    last: Option<(usize, &'a str)>,
}

impl<'a> Trimmed<'a> {
    /// `figure.sentence()`.
    fn of(&mut self, figure: &'a Figure) -> &'a str {
        let id = figure.sentence_id();
        match self.last {
            Some((last, sentence)) if last == id => sentence,
            _ => {
                let sentence = figure.sentence();
                self.last = Some((id, sentence));
                sentence
            }
        }
    }
}

/// True when `words` is a part of `sentence` (a slice of it in memory, as a figure's words
/// are of its sentence), so that what holds for the sentence's bytes holds for its own.
fn within(words: &str, sentence: &str) -> bool {
    let (start, at) = (sentence.as_ptr() as usize, words.as_ptr() as usize);
    start <= at && at + words.len() <= start + sentence.len()
}

/// Where the first byte that makes a CSV field quoted is.
fn find_csv_special(bytes: &[u8]) -> Option<usize> {
    crate::bytes::find(bytes, |b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
}

/// A number as `{}` displays an `f64` (`28200000000`, `4.5`, `-0`); nothing for none.
fn push_number(out: &mut String, x: Option<f64>) {
    let Some(x) = x else { return };
    // `-0` is whole, but `{}` keeps its sign.
    let negative_zero = x == 0.0 && x.is_sign_negative();
    if negative_zero || !push_whole(out, x) {
        use std::fmt::Write as _;
        let _ = write!(out, "{x}");
    }
}

/// One field, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn push_field(out: &mut String, field: &str) {
    if find_csv_special(field.as_bytes()).is_none() {
        out.push_str(field);
        return;
    }
    out.push('"');
    push_doubling_quotes(out, field);
    out.push('"');
}

/// A field's text between its quotes, each quote doubled.
fn push_doubling_quotes(out: &mut String, field: &str) {
    // Most quoted fields are sentences quoted for a comma, with no quote to double:
    // copied whole after a `memchr`, without splitting (20,000 at 1,000 notes).
    if !field.as_bytes().contains(&b'"') {
        out.push_str(field);
        return;
    }
    for (i, part) in field.split('"').enumerate() {
        if i > 0 {
            out.push_str("\"\"");
        }
        out.push_str(part);
    }
}

#[cfg(test)]
mod tests {
    fn quoted(field: &str) -> String {
        let mut out = String::new();
        super::push_field(&mut out, field);
        out
    }

    #[test]
    fn quotes_fields_with_commas() {
        assert_eq!(quoted("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(quoted("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(quoted("plain"), "plain");
    }

    #[test]
    fn the_first_special_byte_is_found_whatever_its_value_and_place() {
        let csv = |b: u8| matches!(b, b',' | b'"' | b'\n' | b'\r');
        for len in 0..20 {
            for b in 0..=255u8 {
                // Special bytes after the one tested must not hide it, nor ones before it
                // be missed: a plain run, the byte, then every byte value.
                let mut bytes = vec![b'a'; len];
                bytes.push(b);
                bytes.extend(0..=255u8);
                assert_eq!(
                    super::find_csv_special(&bytes),
                    bytes.iter().position(|&b| csv(b)),
                    "{b:#x} at {len}"
                );
                assert_eq!(super::find_csv_special(&bytes[..len]), None);
                assert_eq!(super::find_csv_special(&bytes[..=len]), csv(b).then_some(len));
            }
        }
    }

    #[test]
    fn numbers_read_as_an_f64_displays() {
        for x in super::json::SAMPLE_AMOUNTS {
            let mut mine = String::new();
            super::push_number(&mut mine, Some(x));
            assert_eq!(mine, x.to_string());
        }
        let mut none = String::new();
        super::push_number(&mut none, None);
        assert_eq!(none, "");
    }
}
