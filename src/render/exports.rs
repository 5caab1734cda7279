//! The metrics exports: `/metrics.json` (DESIGN.md's schema: `metrics` and `conflicts`)
//! and `/metrics.csv` (one record a row, value and change flattened).

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::site::store::{Conflict, Record, Store};

#[derive(Serialize)]
struct Export<'a> {
    metrics: &'a [Record],
    conflicts: &'a [Conflict],
}

/// Writes `metrics.json` and `metrics.csv` into `dir`, streaming (a large site has
/// hundreds of thousands of figures: the exports are never held in memory whole).
pub fn write_files(store: &Store, dir: &Path) -> std::io::Result<()> {
    let create = |name: &str| std::fs::File::create(dir.join(name)).map(std::io::BufWriter::new);
    let mut json = create("metrics.json")?;
    write_json(store, &mut json)?;
    json.flush()?;
    let mut csv = create("metrics.csv")?;
    write_csv(store, &mut csv)?;
    csv.flush()
}

/// `metrics.json` into `out`.
pub fn write_json(store: &Store, out: impl Write) -> std::io::Result<()> {
    let export = Export {
        metrics: &store.records,
        conflicts: &store.conflicts,
    };
    serde_json::to_writer(out, &export).map_err(std::io::Error::other)
}

const CSV_HEADER: &str = "id,page,source,line,subject,metric,period,value,unit,approx,upper,change,change_unit,direction,basis,text,sentence,origin";

/// `metrics.csv` (RFC 4180 quoting) into `out`.
pub fn write_csv(store: &Store, mut out: impl Write) -> std::io::Result<()> {
    write!(out, "{CSV_HEADER}\r\n")?;
    let num = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    for r in &store.records {
        let v = r.value.as_ref();
        let c = r.change.as_ref();
        let fields = [
            r.id.clone(),
            r.page.clone(),
            r.source.clone(),
            r.line.to_string(),
            r.subject.clone().unwrap_or_default(),
            r.metric.clone().unwrap_or_default(),
            r.period.clone().unwrap_or_default(),
            num(v.map(|v| v.amount)),
            v.map(|v| v.unit.clone()).unwrap_or_default(),
            v.map(|v| v.approx.to_string()).unwrap_or_default(),
            num(v.and_then(|v| v.upper)),
            num(c.map(|c| c.amount)),
            c.map(|c| c.unit.clone()).unwrap_or_default(),
            c.map(|c| c.direction.clone()).unwrap_or_default(),
            c.and_then(|c| c.basis.clone()).unwrap_or_default(),
            r.text.clone(),
            r.sentence.clone(),
            r.origin.to_string(),
        ];
        let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        write!(out, "{}\r\n", line.join(","))?;
    }
    Ok(())
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotes_fields_with_commas() {
        assert_eq!(super::quote("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(super::quote("plain"), "plain");
    }
}
