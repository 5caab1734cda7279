//! The metrics exports: `/metrics.json` (DESIGN.md's schema: `metrics` and `conflicts`)
//! and `/metrics.csv` (one record a row, value and change flattened).

use serde::Serialize;

use crate::site::store::{Conflict, Record, Store};

#[derive(Serialize)]
struct Export<'a> {
    metrics: &'a [Record],
    conflicts: &'a [Conflict],
}

/// `metrics.json`.
pub fn json(store: &Store) -> String {
    let export = Export {
        metrics: &store.records,
        conflicts: &store.conflicts,
    };
    serde_json::to_string(&export).unwrap_or_else(|_| "{\"metrics\":[],\"conflicts\":[]}".into())
}

const CSV_HEADER: &str = "id,page,source,line,subject,metric,period,value,unit,approx,upper,change,change_unit,direction,basis,text,sentence,origin";

/// `metrics.csv` (RFC 4180 quoting).
pub fn csv(store: &Store) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push_str("\r\n");
    for r in &store.records {
        let num = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
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
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
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
