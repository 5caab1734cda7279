//! The metrics exports: `/metrics.json` (DESIGN.md's schema: `metrics` and `conflicts`)
//! and `/metrics.csv` (one record a row, value and change flattened).

use std::io::Write;
use std::path::Path;

use crate::site::store::Store;

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

/// `metrics.csv` (RFC 4180 quoting) into `out`.
pub fn write_csv(store: &Store, mut out: impl Write) -> std::io::Result<()> {
    write!(out, "{CSV_HEADER}\r\n")?;
    // The fields that are written out, not borrowed: buffers kept across records.
    let [mut id, mut line, mut amount, mut upper, mut change] = std::array::from_fn(|_| String::new());
    let put = |buffer: &mut String, value: &dyn std::fmt::Display| {
        use std::fmt::Write as _;
        buffer.clear();
        let _ = write!(buffer, "{value}");
    };
    let put_num = |buffer: &mut String, x: Option<f64>| match x {
        Some(x) => put(buffer, &x),
        None => buffer.clear(),
    };
    for r in store.iter() {
        let v = r.value.as_ref();
        let c = r.change.as_ref();
        put(&mut id, &r.id());
        put(&mut line, &r.line);
        put_num(&mut amount, v.map(|v| v.amount));
        put_num(&mut upper, v.and_then(|v| v.upper));
        put_num(&mut change, c.map(|c| c.amount));
        let fields: [&str; 18] = [
            &id,
            r.page,
            r.source,
            &line,
            r.subject.unwrap_or_default(),
            r.metric.unwrap_or_default(),
            r.period.unwrap_or_default(),
            &amount,
            v.map_or("", |v| v.unit),
            v.map_or("", |v| if v.approx { "true" } else { "false" }),
            &upper,
            &change,
            c.map_or("", |c| c.unit),
            c.map_or("", |c| c.direction),
            c.and_then(|c| c.basis).unwrap_or_default(),
            r.text(),
            r.sentence(),
            r.origin(),
        ];
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            write_field(&mut out, field)?;
        }
        out.write_all(b"\r\n")?;
    }
    Ok(())
}

/// One field, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn write_field(out: &mut impl Write, field: &str) -> std::io::Result<()> {
    if !field.contains([',', '"', '\n', '\r']) {
        return out.write_all(field.as_bytes());
    }
    out.write_all(b"\"")?;
    for (i, part) in field.split('"').enumerate() {
        if i > 0 {
            out.write_all(b"\"\"")?;
        }
        out.write_all(part.as_bytes())?;
    }
    out.write_all(b"\"")
}

#[cfg(test)]
mod tests {
    fn quoted(field: &str) -> String {
        let mut out = Vec::new();
        super::write_field(&mut out, field).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn quotes_fields_with_commas() {
        assert_eq!(quoted("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(quoted("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(quoted("plain"), "plain");
    }
}
