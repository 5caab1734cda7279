//! The metrics exports: `/metrics.json` (DESIGN.md's schema: `metrics` and `conflicts`)
//! and `/metrics.csv` (one record a row, value and change flattened).

use std::io::Write;
use std::path::Path;

use crate::site::store::{Record, Store};
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

/// `metrics.csv` (RFC 4180 quoting) into `out`, a record at a time: each row is put
/// together in one buffer (numbers written digit by digit, fields scanned a block at a
/// time for what needs quoting) and written whole. Through `write!` and a `char` search
/// per field the 1,000-note export took 207 M instructions; this way, 129 M.
pub fn write_csv(store: &Store, mut out: impl Write) -> std::io::Result<()> {
    let mut row = String::with_capacity(1 << 12);
    row.push_str(CSV_HEADER);
    row.push_str("\r\n");
    out.write_all(row.as_bytes())?;
    // The fields that are written out, not borrowed.
    let mut scratch = String::new();
    for r in store.iter() {
        let v = r.value.as_ref();
        let c = r.change.as_ref();
        row.clear();
        scratch.clear();
        push_id(&mut scratch, &r, String::push_str);
        push_field(&mut row, &scratch);
        for field in [r.page, r.source] {
            row.push(',');
            push_field(&mut row, field);
        }
        row.push(',');
        push_uint(&mut row, u64::from(r.line));
        for field in [r.subject, r.metric, r.period] {
            row.push(',');
            push_field(&mut row, field.unwrap_or_default());
        }
        row.push(',');
        push_number(&mut row, v.map(|v| v.amount));
        row.push(',');
        push_field(&mut row, v.map_or("", |v| v.unit));
        row.push(',');
        row.push_str(v.map_or("", |v| if v.approx { "true" } else { "false" }));
        row.push(',');
        push_number(&mut row, v.and_then(|v| v.upper));
        row.push(',');
        push_number(&mut row, c.map(|c| c.amount));
        for field in [
            c.map_or("", |c| c.unit),
            c.map_or("", |c| c.direction),
            c.and_then(|c| c.basis).unwrap_or_default(),
            r.text(),
            r.sentence(),
            r.origin(),
        ] {
            row.push(',');
            push_field(&mut row, field);
        }
        row.push_str("\r\n");
        out.write_all(row.as_bytes())?;
    }
    Ok(())
}

/// A record's id (`notes/slug#fig-4`, `Record::id_parts`), its page written by
/// `push_page` (as it is for the CSV, escaped for the JSON).
fn push_id(out: &mut String, r: &Record, push_page: impl Fn(&mut String, &str)) {
    let (page, kind, n) = r.id_parts();
    push_page(out, page);
    out.push('#');
    out.push_str(kind);
    out.push('-');
    push_uint(out, n);
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
    let special = |b: u8| matches!(b, b',' | b'"' | b'\n' | b'\r');
    if crate::bytes::find(field.as_bytes(), special).is_none() {
        out.push_str(field);
        return;
    }
    out.push('"');
    for (i, part) in field.split('"').enumerate() {
        if i > 0 {
            out.push_str("\"\"");
        }
        out.push_str(part);
    }
    out.push('"');
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
