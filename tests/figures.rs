//! Figures as data, as a reader and a downstream tool see them: key-figures tables linked
//! to the text, topic series charts, the /metrics/ page, the exports, author control, and
//! the `folio metrics` and `folio check` commands.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let dest = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).unwrap();
        }
    }
}

fn site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/figures"),
        tmp.path(),
    );
    let root = tmp.path().to_path_buf();
    (tmp, root)
}

fn folio(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .unwrap()
}

fn built() -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = site();
    let out = folio(&root, &["build"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (tmp, root.join("public"))
}

fn read(public: &Path, file: &str) -> String {
    std::fs::read_to_string(public.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The first element of `html` that opens with `open`, up to its `close` tag.
fn element<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let from = html.find(open).unwrap_or_else(|| panic!("no {open} in {html}"));
    let rest = &html[from..];
    &rest[..rest.find(close).unwrap_or_else(|| panic!("{open} is not closed"))]
}

fn records(json: &Value) -> &Vec<Value> {
    json["metrics"].as_array().expect("metrics array")
}

/// A site of one note (`note`, the whole file) and topic pages titled `topics`, with
/// Amazon as the default subject; what `folio metrics --format json` reports for it.
fn metrics_of_note(topics: &[&str], note: &str) -> Value {
    let pages: Vec<(&str, &str, &str)> = topics.iter().map(|t| (*t, "", "A segment.")).collect();
    metrics_of_site(&pages, note)
}

/// Writes `text` to `rel` under `root`, making its folders.
fn write_in(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A site in a new temporary folder, with Amazon as the default subject: topic pages
/// given as (title, more front matter lines, body) and one note, `note` the whole file,
/// at `content/notes/2024-02-01-note.md` (published at `/notes/note/`).
fn site_of(topics: &[(&str, &str, &str)], note: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let write = |rel: &str, text: &str| write_in(root, rel, text);
    write(
        "site.toml",
        "title = \"T\"\nbase_url = \"http://localhost/\"\n\n[metrics]\ndefault_subject = \"Amazon\"\n",
    );
    for (title, front_matter, body) in topics {
        let slug = title.to_lowercase().replace(' ', "-");
        write(
            &format!("content/topics/{slug}.md"),
            &format!("---\ntitle: \"{title}\"\n{front_matter}---\n\n{body}\n"),
        );
    }
    write("content/notes/2024-02-01-note.md", note);
    tmp
}

/// As `metrics_of_note`, with topic pages given as (title, more front matter lines, body).
fn metrics_of_site(topics: &[(&str, &str, &str)], note: &str) -> Value {
    metrics_json(site_of(topics, note).path())
}

/// What `folio metrics --format json` reports for the site at `root`.
fn metrics_json(root: &Path) -> Value {
    let out = folio(root, &["metrics", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The record whose value, else whose change, is `amount`.
fn record_of(json: &Value, amount: f64) -> &Value {
    let has = |r: &&Value, part: &str| r[part]["amount"].as_f64() == Some(amount);
    let all = records(json);
    all.iter()
        .find(|r| has(r, "value"))
        .or_else(|| all.iter().find(|r| has(r, "change")))
        .unwrap_or_else(|| panic!("no record of {amount}: {json:#}"))
}

/// The fields of the record whose value (else change) is `amount`, by JSON pointer
/// ("/subject", "/value/unit"), as text: "" for a null.
fn fields_of(json: &Value, amount: f64, pointers: &[&str]) -> Vec<String> {
    let r = record_of(json, amount);
    (pointers.iter())
        .map(|p| r.pointer(p).and_then(Value::as_str).unwrap_or_default().to_string())
        .collect()
}

/// The subject of the record whose value (else change) is `amount`.
fn subject_of(json: &Value, amount: f64) -> Value {
    record_of(json, amount)["subject"].clone()
}

#[test]
fn metrics_json_follows_the_record_contract() {
    let (_tmp, public) = built();
    let json: Value = serde_json::from_str(&read(&public, "metrics.json")).unwrap();
    let aws = records(&json)
        .iter()
        .find(|r| r["value"]["amount"] == 24_200_000_000u64)
        .expect("the $24.2 billion figure");
    let keys: Vec<&str> = aws.as_object().unwrap().keys().map(String::as_str).collect();
    for key in [
        "id", "page", "source", "line", "subject", "metric", "period", "value", "change", "text", "sentence", "origin",
    ] {
        assert!(keys.contains(&key), "record lacks {key}: {aws}");
    }
    assert_eq!(aws["page"], "/notes/q4/");
    assert_eq!(aws["source"], "content/notes/2024-02-01-q4.md");
    assert_eq!(
        aws["line"], 8,
        "the line of the figure in the file, front matter counted"
    );
    assert!(aws["id"].as_str().unwrap().starts_with("notes/q4#fig-"));
    assert_eq!(
        (aws["subject"].as_str(), aws["metric"].as_str(), aws["period"].as_str()),
        (Some("AWS"), Some("revenue"), Some("Q4 2023"))
    );
    assert_eq!(aws["value"]["unit"], "USD");
    assert_eq!(aws["value"]["approx"], false);
    assert!(aws["value"]["upper"].is_null());
    assert_eq!(
        aws["change"]["amount"], 13,
        "whole amounts are integers, as in DESIGN.md's example"
    );
    assert_eq!(
        (
            aws["change"]["unit"].as_str(),
            aws["change"]["direction"].as_str(),
            aws["change"]["basis"].as_str()
        ),
        (Some("%"), Some("up"), Some("YoY"))
    );
    assert_eq!(aws["origin"], "extracted");
    assert!(aws["sentence"].as_str().unwrap().starts_with("AWS revenue grew 13%"));
}

#[test]
fn conflicts_name_every_source() {
    let (_tmp, public) = built();
    let json: Value = serde_json::from_str(&read(&public, "metrics.json")).unwrap();
    let conflicts = json["conflicts"].as_array().unwrap();
    let aws = conflicts
        .iter()
        .find(|c| c["subject"] == "AWS" && c["metric"] == "revenue")
        .expect("AWS revenue conflict");
    assert_eq!(aws["period"], "Q4 2023");
    assert_eq!(aws["unit"], "USD");
    let sources: Vec<&str> = aws["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["source"].as_str().unwrap())
        .collect();
    assert!(
        sources.contains(&"content/notes/2024-02-01-q4.md")
            && sources.contains(&"content/notes/2024-02-02-other-source.md"),
        "{sources:?}"
    );
    let page = read(&public, "metrics/index.html");
    let report = &page[page
        .find("Figures that disagree")
        .expect("conflict report on /metrics/")..];
    assert!(report.contains("$24.2B") && report.contains("$21.4B"), "{report}");
    assert!(report.contains("content/notes/2024-02-02-other-source.md:6"));
}

#[test]
fn notes_get_a_key_figures_table_linked_to_the_text() {
    let (_tmp, public) = built();
    let note = read(&public, "notes/q4/index.html");
    assert!(
        note.contains(r#"<span id="fig-1" class="figure">grew 13% year-over-year to $24.2 billion</span>"#),
        "{note}"
    );
    let table = &note[note.find("Key figures").expect("key figures")..];
    assert!(table.contains(r##"<a href="#fig-1">$24.2B</a>"##), "{table}");
    assert!(table.contains("$24.2B") && table.contains("+13% YoY") && table.contains("$13.2B"));
    assert!(
        table.contains(r#"<h3 class="figures-subject">AWS</h3>"#)
            && table.contains(r#"<h3 class="figures-subject">Amazon</h3>"#)
    );
    // The ```metrics block became a table of AWS revenue in the prose.
    let prose = &note[note.find(r#"<div class="prose">"#).unwrap()..note.find("Key figures").unwrap()];
    assert!(
        prose.contains("figures-table") && prose.contains("$25B") && prose.contains("$21.4B"),
        "{prose}"
    );
    assert!(!prose.contains("subject: AWS"), "the block's text is not shown as code");
}

#[test]
fn topic_pages_chart_each_series() {
    let (_tmp, public) = built();
    let aws = read(&public, "topics/aws/index.html");
    let chart = element(&aws, r#"<figure class="chart-figure">"#, "</figure>");
    assert!(
        chart.contains("<svg") && chart.contains("<title"),
        "accessible SVG: {chart}"
    );
    assert!(
        chart.contains("Q4 2023") && chart.contains("Q1 2024") && chart.contains("$25B"),
        "{chart}"
    );
    assert!(chart.contains("AWS · revenue"));
    // Every figure about AWS, by metric and period, each from its note, the sentence as
    // the value's tooltip.
    let table = element(&aws, r#"<table class="figures-table">"#, "</table>");
    assert!(
        table.contains(
            r##"<tr><td>revenue</td><td>Q4 2023</td><td class="num"><a href="/notes/q4/#fig-1" title="AWS revenue grew 13% year-over-year to $24.2 billion.">$24.2B</a></td><td class="num change up">+13% YoY</td><td>Q4 2023 results</td></tr>"##
        ),
        "{table}"
    );
    let q4 = table.find("/notes/q4/#fig-1").unwrap();
    assert!(q4 < table.find("/notes/q1/#fig-1").unwrap(), "Q4 2023 before Q1 2024");
}

#[test]
fn authors_control_what_is_extracted() {
    let (_tmp, public) = built();
    let json: Value = serde_json::from_str(&read(&public, "metrics.json")).unwrap();
    let of = |file: &str| -> Vec<&Value> {
        records(&json)
            .iter()
            .filter(|r| r["source"].as_str().unwrap().ends_with(file))
            .collect()
    };
    // Given by hand, the figure wins over the extracted one with the same subject, metric, period.
    let by_hand = of("2024-02-03-by-hand.md");
    assert_eq!(by_hand.len(), 1, "{by_hand:?}");
    assert_eq!(by_hand[0]["origin"], "front matter");
    assert_eq!(by_hand[0]["value"]["amount"].as_f64(), Some(7.2e9));
    assert_eq!(by_hand[0]["line"], 4, "points at the metrics: key");
    // Its row in the note's key figures links nowhere: it has no place in the text.
    let note = read(&public, "notes/by-hand/index.html");
    let table = &note[note.find("Key figures").expect("key figures")..];
    assert!(table.contains(r#"<td class="num">$7.2B</td>"#), "{table}");
    assert!(of("2024-02-04-no-extraction.md").is_empty(), "extract_metrics: false");
    let ignored = of("2024-02-05-ignored.md");
    assert_eq!(ignored.len(), 1, "ignore_figures silences one figure only: {ignored:?}");
    assert_eq!(ignored[0]["value"]["amount"].as_f64(), Some(1e9));
}

#[test]
fn csv_export_and_the_template_function() {
    let (_tmp, public) = built();
    let csv = read(&public, "metrics.csv");
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("id,page,source,line,subject,metric,period,value,unit")
    );
    assert!(
        csv.contains("notes/q4#fig-1,/notes/q4/,content/notes/2024-02-01-q4.md,8,AWS,revenue,Q4 2023,24200000000,USD"),
        "{csv}"
    );
    let about = read(&public, "about/index.html");
    let rows = &about[about.find(r#"<ul class="fn-rows">"#).expect("metrics() output")..];
    assert!(
        rows.contains("<li>Q4 2023: $24.2B</li>") && rows.contains("<li>Q1 2024: $25B</li>"),
        "{rows}"
    );
    // `metrics(page=page.url)` (in the note's layout, own-rows.html): the note's own
    // figures, for a theme that draws the key-figures table itself.
    let note = read(&public, "notes/q1/index.html");
    let page_rows = &note[note.find(r#"<ul class="page-rows">"#).expect("metrics(page=…) output")..];
    let page_rows = &page_rows[..page_rows.find("</ul>").unwrap()];
    assert_eq!(
        page_rows, r#"<ul class="page-rows"><li>AWS · revenue · $25B · /notes/q1/#fig-1</li>"#,
        "only this note's figures"
    );
    let table = &note[note.find("Key figures").expect("the note's own table stays")..];
    assert!(table.contains(r##"<a href="#fig-1">$25B</a>"##), "{table}");
}

#[test]
fn metrics_command_filters_and_formats() {
    let (_tmp, root) = site();
    let out = folio(&root, &["metrics", "--format", "json", "--subject", "aws"]);
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(records(&json).len() >= 3);
    assert!(records(&json).iter().all(|r| r["subject"] == "AWS"));
    let out = folio(&root, &["metrics", "--metric", "free cash flow"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("free cash flow") && table.contains("$1B") && !table.contains("$24.2B"),
        "{table}"
    );
    let out = folio(&root, &["metrics", "--format", "csv", "--page", "q1"]);
    let csv = String::from_utf8_lossy(&out.stdout);
    assert_eq!(csv.lines().count(), 2, "{csv}");
    let out = folio(&root, &["metrics", "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2), "a bad format is a usage error");
}

#[test]
fn check_warns_about_conflicts_with_both_sources() {
    let (_tmp, root) = site();
    let out = folio(&root, &["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .find(|l| l.contains("figures disagree on AWS revenue for Q4 2023"))
        .expect("conflict warning");
    assert!(line.starts_with("content/notes/2024-02-01-q4.md:8: warning:"), "{line}");
    assert!(line.contains("content/notes/2024-02-02-other-source.md:6"), "{line}");
    assert!(out.status.success(), "conflicts are warnings: {stderr}");
}

#[test]
fn a_table_cell_takes_the_metric_its_column_names() {
    // Only this note: the column heads say what each cell's figure is.
    let (_tmp, root) = site();
    std::fs::remove_dir_all(root.join("content/notes")).unwrap();
    std::fs::create_dir_all(root.join("content/notes")).unwrap();
    std::fs::write(
        root.join("content/notes/2024-02-06-segments.md"),
        "---\ntitle: Segments\nperiod: Q4 2023\n---\n\n\
         | Segment | Q4 2023 revenue | Operating income | Operating margin | Note |\n\
         |---|---|---|---|---|\n\
         | AWS | $24.2 billion | $7.2 billion | 29.6% | 40 regions |\n",
    )
    .unwrap();
    let out = folio(&root, &["build"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_str(&read(&root.join("public"), "metrics.json")).unwrap();
    let metric_of = |amount: f64| {
        records(&json)
            .iter()
            .find(|r| r["value"]["amount"].as_f64() == Some(amount))
            .unwrap_or_else(|| panic!("no record of {amount}: {json:#}"))["metric"]
            .clone()
    };
    assert_eq!(metric_of(24.2e9), "revenue");
    assert_eq!(metric_of(7.2e9), "operating income");
    assert_eq!(metric_of(29.6), "operating margin");
    // A cell that names its own metric keeps it.
    assert_eq!(metric_of(40.0), "regions");
}

/// A segment's lone figure is its revenue unless something says otherwise: a column head
/// does, and accounting's parentheses alone in a cell are a loss.
#[test]
fn a_column_head_beats_the_guess_for_a_segments_figure() {
    let json = metrics_of_note(
        &["AWS", "International"],
        "---\ntitle: Segments\nperiod: Q4 2023\n---\n\n\
         | Segment | Operating income |\n\
         |---|---|\n\
         | AWS | $7.2 billion |\n\
         | International | ($419 million) |\n",
    );
    let aws = record_of(&json, 7.2e9);
    assert_eq!(
        (&aws["subject"], &aws["metric"]),
        (&Value::from("AWS"), &Value::from("operating income"))
    );
    let international = record_of(&json, -419e6);
    assert_eq!(international["subject"], "International");
    assert_eq!(international["metric"], "operating income");
}

/// An outlook that names its year dates the guidance after it in its paragraph, and no
/// further; a figure said "year to date" has no period the note could give it.
#[test]
fn an_outlook_dates_its_paragraph_and_year_to_date_has_no_period() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Outlook\nperiod: Q3 2025\n---\n\n\
         Management raised the fiscal 2025 outlook. Net sales are now expected to grow 4.8% to 5.1%.\n\n\
         Operating income rose 8% to $6.7 billion. Year to date, buybacks came to $3.3 billion.\n",
    );
    assert_eq!(record_of(&json, 4.8)["period"], "FY 2025");
    assert_eq!(record_of(&json, 6.7e9)["period"], "Q3 2025");
    assert_eq!(record_of(&json, 3.3e9)["period"], Value::Null);
}

/// In a note that gives no period (a page of wire clippings), a sentence that names no
/// time takes the period of the sentence before it in its paragraph, and no further; one
/// that speaks of the present does not, nor one after a sentence of two periods. Where the note gives a period, that stays the
/// default.
#[test]
fn a_paragraph_dates_its_sentences_when_the_note_does_not() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Clippings\n---\n\n\
         Walmart reported revenue of $180.6 billion for the fourth quarter of fiscal 2025. Adjusted earnings per share were 66 cents.\n\n\
         Operating income was $7.9 billion.\n\n\
         In 2019, free cash flow was $14.6 billion. Today it is $12.7 billion.\n\n\
         Capex was $48.4 billion in 2023 and $77.7 billion in 2024. The plan is $200 billion.\n\n\
         Sales were $9.1 billion for the third quarter of 2024. Net income was $1.2 billion, up from $0.8 billion in 2023.\n\n\
         **NEW YORK, May 1, 2023** — The bank will take over the lender in the second quarter of 2023. It will pay $10.6 billion.\n\n\
         **NEW YORK, February 3, 2025 (10:41 a.m.)** — The shares touched a record $276.50 in morning trading.\n\n\
         The assistant launched at re:Invent 2023. It answers questions through more than 40 connectors.\n\n\
         ASML published its third-quarter 2024 results a day early. Net bookings came to €2.63 billion.\n",
    );
    // Also one that holds no number but the period's.
    assert_eq!(record_of(&json, 2.63e9)["period"], "Q3 2024");
    // A sentence with no figure states a period too, if it is one a business reports on;
    // a story's dateline or the year something happened does not.
    assert_eq!(record_of(&json, 10.6e9)["period"], "Q2 2023");
    assert_eq!(record_of(&json, 276.5)["period"], Value::Null);
    assert_eq!(record_of(&json, 40.0)["period"], Value::Null);
    assert_eq!(record_of(&json, 1.2e9)["period"], "Q3 2024");
    assert_eq!(record_of(&json, 0.8e9)["period"], "2023");
    assert_eq!(record_of(&json, 180.6e9)["period"], "Q4 2025");
    assert_eq!(record_of(&json, 0.66)["period"], "Q4 2025");
    assert_eq!(record_of(&json, 7.9e9)["period"], Value::Null);
    assert_eq!(record_of(&json, 14.6e9)["period"], "2019");
    assert_eq!(record_of(&json, 12.7e9)["period"], Value::Null);
    assert_eq!(record_of(&json, 200e9)["period"], Value::Null);

    let json = metrics_of_note(
        &[],
        "---\ntitle: Clippings\nperiod: Q3 2024\n---\n\n\
         Revenue was $180.6 billion for the fourth quarter of fiscal 2025. Adjusted earnings per share were 66 cents.\n",
    );
    assert_eq!(record_of(&json, 0.66)["period"], "Q3 2024");
}

/// A table row in cents ("TRASM (cents)", as airlines report unit revenue and cost) holds
/// amounts in cents of the site's currency, as "19.35 cents" in prose does.
#[test]
fn a_table_row_in_cents_holds_amounts() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Unit measures\n---\n\n\
         | Measure | FY 2023 | FY 2024 |\n\
         |---|---|---|\n\
         | TRASM (cents) | 19.35 | 19.15 |\n\
         | CASM-Ex (cents) | 13.16 | 13.40 |\n",
    );
    let trasm = record_of(&json, 0.1915);
    assert_eq!(trasm["value"]["unit"], "USD");
    assert_eq!(trasm["metric"], "trasm");
    assert_eq!(trasm["period"], "FY 2024");
    assert_eq!(record_of(&json, 0.1316)["metric"], "casm-ex");
    assert_eq!(record_of(&json, 0.1316)["period"], "FY 2023");
}

/// A row whose label opens with what it counts ("Employees at year end") holds counts of
/// it, as a column headed so does; a row of money with no scale holds none.
#[test]
fn a_table_row_that_names_what_it_counts_holds_counts() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: People\n---\n\n\
         | Measure | FY 2023 | FY 2024 |\n\
         |---|---|---|\n\
         | Employees at year end | 100,000 | 103,000 |\n\
         | Revenues | 4,322 | 4,500 |\n",
    );
    let employees = record_of(&json, 103000.0);
    assert_eq!(employees["value"]["unit"], "count");
    assert_eq!(employees["metric"], "headcount");
    assert_eq!(employees["period"], "FY 2024");
    assert_eq!(record_of(&json, 100000.0)["period"], "FY 2023");
    assert!(
        !records(&json)
            .iter()
            .any(|r| r["value"]["amount"].as_f64() == Some(4500.0))
    );

    // Its change without a "%" is a change in that count.
    let json = metrics_of_note(
        &[],
        "---\ntitle: Branches\n---\n\n\
         | Metric | Q4 2024 | Change YoY |\n\
         |---|---:|---:|\n\
         | Branches | 4,966 | +69 |\n",
    );
    let branches = record_of(&json, 4966.0);
    assert_eq!(branches["value"]["unit"], "count");
    assert_eq!(branches["change"]["amount"], 69.0);
    assert_eq!(branches["change"]["unit"], "count");
    assert_eq!(branches["change"]["direction"], "up");
}

/// A row whose label names no topic, metric or period is a part of what the table's
/// caption or column names ("Japan" under "Revenue by geography" is Japan revenue), and
/// the parts of one table are not a conflict with its total.
#[test]
fn a_table_rows_label_qualifies_the_metric_it_is_given() {
    let json = metrics_of_note(
        &["North America"],
        "---\ntitle: Geography\n---\n\n\
         ## Revenue by geography ($ in billions)\n\n\
         | Region | FY 2023 | FY 2024 |\n\
         |---|---:|---:|\n\
         | North America | 21.63 | 30.71 |\n\
         | Japan | 1.90 | 1.74 |\n\
         | Rest of world | 3.63 | 4.00 |\n\
         | U.S. | 11.11 | 12.12 |\n\
         | Total | 27.16 | 36.45 |\n",
    );
    let japan = record_of(&json, 1.74e9);
    assert_eq!(japan["metric"], "japan revenue", "{japan}");
    assert_eq!(japan["subject"], "Amazon");
    assert_eq!(record_of(&json, 4.0e9)["metric"], "rest of world revenue");
    // Written as prose writes a line ("U.S. revenue" is us revenue): one series.
    assert_eq!(record_of(&json, 12.12e9)["metric"], "us revenue");
    let north_america = record_of(&json, 30.71e9);
    assert_eq!(north_america["subject"], "North America");
    assert_eq!(north_america["metric"], "revenue");
    let total = record_of(&json, 36.45e9);
    assert_eq!(total["subject"], "Amazon");
    assert_eq!(total["metric"], "revenue");
    assert_eq!(
        json["conflicts"],
        serde_json::json!([]),
        "the parts do not disagree with the total"
    );
}

/// A list item led by a label that names no topic, metric or period gives a part of
/// what it measures, as a table row does; a label that says what is counted, or the
/// metric's own words, names the metric.
#[test]
fn a_list_items_label_qualifies_its_metric() {
    let json = metrics_of_note(
        &["Facebook"],
        "---\ntitle: Audiences\nperiod: Q3 2024\n---\n\n\
         Audiences this quarter:\n\n\
         - Facebook: over 3 billion monthly active users\n\
         - Marketplace: over 1 billion monthly active users\n\
         - Employees: about 72,000\n\
         - Fuel: $2.57 per gallon\n",
    );
    assert_eq!(record_of(&json, 3e9)["metric"], "monthly active users");
    assert_eq!(record_of(&json, 3e9)["subject"], "Facebook");
    let marketplace = record_of(&json, 1e9);
    assert_eq!(
        marketplace["metric"], "marketplace monthly active users",
        "{marketplace}"
    );
    assert_eq!(record_of(&json, 72000.0)["metric"], "headcount");
    assert_eq!(record_of(&json, 2.57)["metric"], "fuel price");
}

/// The company's "system sales" are a part of its revenue, a line of their own; a
/// product line's system sales are all of its revenue.
#[test]
fn a_product_lines_system_sales_are_its_revenue() {
    let json = metrics_of_note(
        &["EUV"],
        "---\ntitle: Systems\nperiod: Q4 2024\n---\n\n\
         Net system sales were $7.1 billion, and EUV system sales were $3.2 billion.\n",
    );
    let company = record_of(&json, 7.1e9);
    assert_eq!(company["subject"], "Amazon");
    assert_eq!(company["metric"], "system sales");
    let euv = record_of(&json, 3.2e9);
    assert_eq!(euv["subject"], "EUV");
    assert_eq!(euv["metric"], "revenue", "{euv}");
}

/// "For the full year 2024 we delivered …" opens a frame for that year up to the next
/// heading, as a speaker's "Turning to …" does; with a comma after the period ("For the
/// full year 2023, free cash flow was …") it is an aside, and the note's period stays the
/// default.
#[test]
fn a_year_that_we_speak_of_frames_what_follows() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Prepared remarks\nperiod: Q4 2024\n---\n\n\
         For the full year 2024 we delivered adjusted pre-tax income of $5.9 billion. Return on invested capital was 13%.\n\n\
         We ended the year with about 103,000 employees.\n\n\
         ## Outlook\n\n\
         For the full year 2023, free cash flow was $36.8 billion. Operating margin was 11%.\n",
    );
    assert_eq!(record_of(&json, 5.9e9)["period"], "FY 2024");
    assert_eq!(record_of(&json, 13.0)["period"], "FY 2024");
    assert_eq!(record_of(&json, 103000.0)["period"], "FY 2024");
    assert_eq!(record_of(&json, 36.8e9)["period"], "FY 2023");
    assert_eq!(record_of(&json, 11.0)["period"], "Q4 2024");
}

/// A heading that names a quarter or a half without its year ("Fourth-quarter outlook",
/// "Outlook for the second half") dates its figures by the note's period, as a sentence
/// would: the part of the year ahead when it looks ahead, else the last one of that name.
#[test]
fn a_heading_quarter_without_a_year_is_dated_by_the_note() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Scorecard\nperiod: Q3 2025\n---\n\n\
         Revenue was $35.1 billion.\n\n\
         ## Fourth-quarter outlook\n\n\
         Revenue is expected to be $37.5 billion, plus or minus 2%.\n\n\
         ## Second quarter recap\n\n\
         Gross margin was 75.1%.\n\n\
         ## Outlook for the second half\n\n\
         Operating margin should be about 62%.\n",
    );
    assert_eq!(record_of(&json, 35.1e9)["period"], "Q3 2025");
    assert_eq!(record_of(&json, 37.5e9)["period"], "Q4 2025");
    assert_eq!(record_of(&json, 37.5e9)["value"]["approx"], true);
    assert_eq!(record_of(&json, 75.1)["period"], "Q2 2025");
    assert_eq!(record_of(&json, 62.0)["period"], "H2 2025");
    // The tolerance is no figure of its own.
    let records = json["metrics"].as_array().unwrap();
    assert_eq!(records.len(), 4, "{records:#?}");
}

/// "| Q3 FY25 | Q4 FY25 | Q/Q | Y/Y |": the rate that pairs with no level (Y/Y, after
/// Q/Q took the Q4 level) is the latest quarter's, not the note's year.
#[test]
fn a_growth_column_apart_from_its_level_takes_the_latest_period() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Fiscal 2025 in tables\nperiod: FY 2025\n---\n\n\
         ## Revenue by market platform\n\n\
         $ in millions\n\n\
         | Market platform | Q3 FY25 | Q4 FY25 | Q/Q | Y/Y |\n\
         |---|---:|---:|---:|---:|\n\
         | Data Center | 30,771 | 35,580 | 16% | 93% |\n",
    );
    assert_eq!(record_of(&json, 30_771e6)["period"], "Q3 2025");
    assert_eq!(record_of(&json, 35_580e6)["period"], "Q4 2025");
    assert_eq!(record_of(&json, 16.0)["period"], "Q4 2025");
    assert_eq!(record_of(&json, 93.0)["period"], "Q4 2025");
    assert_eq!(record_of(&json, 93.0)["change"]["basis"], "YoY");
}

/// In a note that gives no period, the quarter a sentence reports dates a quarter said
/// without its year in the sentences after it in the paragraph; not another paragraph's.
#[test]
fn a_wire_storys_quarter_dates_the_year_less_quarters_after_it() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Wire clippings\n---\n\n\
         Netflix added 18.9 million subscribers in the fourth quarter of 2024 and ended 2024 \
         with 301.6 million. Fourth-quarter revenue rose 16% to $10.25 billion. Its margin \
         reached 22.2%.\n\n\
         Fourth-quarter operating income was $2.3 billion.\n",
    );
    assert_eq!(record_of(&json, 10.25e9)["period"], "Q4 2024");
    // As the figures of the sentence before it agree on one, it is carried (see above).
    assert_eq!(record_of(&json, 22.2)["period"], "Q4 2024");
    assert_eq!(record_of(&json, 2.3e9)["period"], serde_json::Value::Null);
}

/// Tables as filings set them: an empty corner cell keeps the columns under their heads;
/// "(in millions)" in a column head scales its bare numbers as money when the head names
/// a money metric, and its "$4,322" as well; "(in millions of dollars)" is "$ in millions",
/// and "(thousands of units)" counts units, of the line its row names.
#[test]
fn a_filing_style_table_keeps_its_columns_and_its_scale() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Tables as filed\n---\n\n\
         (in millions)\n\n\
         | | Q3 2024 | Q4 2024 |\n\
         |---|---|---|\n\
         | Net sales | 4,322 | 4,517 |\n\
         | Gross margin | 3,389.2 | 3,623.9 |\n\n\
         | Segment | Revenue (in millions) | Operating income (in millions) |\n\
         |---|---|---|\n\
         | Q4 2024 | $3,133 | $(12) |\n\
         | Q3 2024 | 2,950 | 18 |\n\n\
         ## Revenue by quarter (in millions of dollars)\n\n\
         | Line | Q1 2024 | Q2 2024 |\n\
         |---|---|---|\n\
         | Total | 8,100 | 8,300 |\n\n\
         ## Deliveries (thousands of units)\n\n\
         | Model | Q3 2024 | Q4 2024 |\n\
         |---|---|---|\n\
         | Model Y | 130.2 | 140.1 |\n",
    );
    assert_eq!(
        record_of(&json, 4.322e9)["period"],
        "Q3 2024",
        "the empty corner keeps Q3 over its column"
    );
    assert_eq!(record_of(&json, 4.517e9)["period"], "Q4 2024");
    assert_eq!(
        record_of(&json, 3.133e9)["metric"],
        "revenue",
        "$3,133 under (in millions) is $3.133B"
    );
    assert_eq!(record_of(&json, -12e6)["metric"], "operating income");
    assert_eq!(
        record_of(&json, 2.95e9)["metric"],
        "revenue",
        "a bare number under a money head"
    );
    assert_eq!(record_of(&json, 2.95e9)["value"]["unit"], "USD");
    assert_eq!(record_of(&json, 18e6)["metric"], "operating income");
    assert_eq!(record_of(&json, 8.3e9)["period"], "Q2 2024");
    assert_eq!(
        record_of(&json, 3.6239e9)["metric"],
        "gross profit",
        "a margin in millions is money"
    );
    assert_eq!(record_of(&json, 3.6239e9)["value"]["unit"], "USD");
    assert_eq!(
        record_of(&json, 140_100.0)["value"]["unit"],
        "count",
        "thousands of units count units"
    );
    // A row that names no topic is a part of what the scale counts, as a row of money is
    // a part of its metric ("Japan | 1.90" under "Revenue by geography").
    assert_eq!(record_of(&json, 140_100.0)["metric"], "model y units");
}

/// A model's row for a topic is one line: its forecast cells are its revenue as its first
/// cell is. A margin row in a table of money is its gross profit, not a rate of 7,389%.
#[test]
fn a_row_is_one_line_and_a_margin_in_money_is_a_profit() {
    let json = metrics_of_note(
        &["Mounjaro"],
        "---\ntitle: The model\n---\n\n\
         | $ in billions, except EPS | 2024A | 2025E | 2026E |\n\
         |---|---:|---:|---:|\n\
         | Revenue | 45.04 | 60.10 | 72.40 |\n\
         | Mounjaro | 11.54 | 18.20 | 22.60 |\n\n\
         ## Income statement ($ in millions)\n\n\
         | Line | Q4 2023 | Q4 2024 |\n\
         |---|---:|---:|\n\
         | Gross margin | 7,389.2 | 11,123.9 |\n\
         | Operating margin | 25.9 | 41.1 |\n",
    );
    for amount in [11.54e9, 18.2e9, 22.6e9] {
        assert_eq!(record_of(&json, amount)["subject"], "Mounjaro");
        assert_eq!(record_of(&json, amount)["metric"], "revenue", "{amount}");
    }
    assert_eq!(record_of(&json, 11.1239e9)["metric"], "gross profit");
    assert_eq!(record_of(&json, 11.1239e9)["period"], "Q4 2024");
    assert_eq!(record_of(&json, 41.1)["metric"], "operating margin");
    assert_eq!(record_of(&json, 41.1)["value"]["unit"], "%");
}

/// A heading right above a table names its scale in brackets, as a caption line does; a
/// scale without a currency ("(millions)") counts what the heading or the column names;
/// "Q4 net adds" beside "Q4 2024" is of 2024; a first head cell can be the caption ("$ in
/// billions, except EPS"), and "2024A" is 2024; a list under "Quarterly paid net adds:"
/// counts net adds.
#[test]
fn a_heading_scales_its_table_and_counts_take_the_noun_the_heads_name() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Regions in tables\n---\n\n\
         ## Revenue by region ($ in billions)\n\n\
         | Region | Q3 2024 | Q4 2024 |\n\
         |---|---|---|\n\
         | Total | 9.83 | 10.25 |\n\n\
         ## Paid memberships at quarter end (millions)\n\n\
         | Region | Q3 2024 | Q4 2024 | Q4 net adds |\n\
         |---|---|---|---|\n\
         | Total | 282.7 | 301.6 | 18.9 |\n\n\
         ## Full-year summary ($ in billions, except per-share data)\n\n\
         | Metric | FY 2023 | FY 2024 |\n\
         |---|---|---|\n\
         | Free cash flow | 6.93 | 6.92 |\n\
         | Diluted EPS ($) | 12.03 | 19.83 |\n\n\
         | $ in billions, except EPS | 2024A | 2026E |\n\
         |---|---|---|\n\
         | Revenue | 39.0 | 49.6 |\n\
         | Diluted EPS ($) | 19.83 | 25.20 |\n\n\
         Quarterly paid net adds:\n\n\
         - Q1 2024: 9.3 million\n\
         - Q2 2024: 8.0 million\n",
    );
    assert_eq!(record_of(&json, 10.25e9)["metric"], "revenue");
    assert_eq!(record_of(&json, 10.25e9)["period"], "Q4 2024");
    assert_eq!(record_of(&json, 282.7e6)["metric"], "subscribers");
    assert_eq!(record_of(&json, 282.7e6)["value"]["unit"], "count");
    assert_eq!(record_of(&json, 301.6e6)["period"], "Q4 2024");
    assert_eq!(record_of(&json, 18.9e6)["metric"], "net additions");
    assert_eq!(record_of(&json, 18.9e6)["period"], "Q4 2024");
    assert_eq!(record_of(&json, 6.92e9)["metric"], "free cash flow");
    assert_eq!(record_of(&json, 19.83)["metric"], "eps");
    assert_eq!(record_of(&json, 9.3e6)["metric"], "paid net adds");
    assert_eq!(record_of(&json, 49.6e9)["period"], "2026");
    assert_eq!(record_of(&json, 39.0e9)["period"], "2024");
    assert_eq!(record_of(&json, 25.2)["metric"], "eps");
    assert_eq!(record_of(&json, 8.0e6)["period"], "Q2 2024");
}

/// A sentence that names no topic and says "its" or "the service" is about the one topic
/// the sentence before it names; not when that sentence names two, nor on a topic page,
/// whose "it" is its own topic.
#[test]
fn its_and_the_unit_take_the_topic_named_before() {
    let json = metrics_of_site(
        &[
            ("AWS", "", "A segment."),
            ("Project Kuiper", "", "Satellites."),
            ("North America", "", "A segment."),
            ("Capital expenditures", "aliases: [\"capex\"]\n", "A metric."),
            (
                "International",
                "",
                "Amazon's stores outside North America. In Q4 2023 it reported an operating loss of $419 million.",
            ),
        ],
        "---\ntitle: Notes\nperiod: Q4 2023\n---\n\n\
         AWS closed the year with revenue of $24.2 billion. Its operating margin widened to 29.6%.\n\n\
         Project Kuiper is licensed for many satellites. Analysts think the service could bring in $400 million of revenue.\n\n\
         AWS and North America both grew. Its operating margin was 6.1%.\n\n\
         AWS grew 19% to $27.5 billion. The unit's operating income was $10.4 billion, the most since Amazon began breaking out AWS results.\n\n\
         Capex was $48.4 billion in 2023. It rose to $77.7 billion in 2024, most of it for AWS.\n\n\
         AWS grew 13% in 2023. The company kept its 2025 sales forecast of $700 billion.\n\n\
         AWS revenue rose 6% to $26.5 billion. The cloud unit's operating income jumped 55% to $2.3 billion.\n",
    );
    // "The unit's", with a word between: "the cloud unit's".
    assert_eq!(subject_of(&json, 2.3e9), "AWS");
    // "Its" after "the company" is the company's.
    assert_eq!(subject_of(&json, 700e9), "Amazon");
    // A topic that names a metric is no subject to reach back to.
    assert_eq!(subject_of(&json, 77.7e9), "Amazon");
    assert_eq!(subject_of(&json, 29.6), "AWS");
    // A topic named only after the figures is no subject of them.
    assert_eq!(subject_of(&json, 10.4e9), "AWS");
    assert_eq!(subject_of(&json, 400e6), "Project Kuiper");
    assert_eq!(subject_of(&json, 6.1), "Amazon");
    assert_eq!(subject_of(&json, -419e6), "International");
}

/// "Segment revenue", "the segment's loss" with no segment named in their paragraph or
/// heading are of the segment the note's title names; "its" is not, as it may be the
/// company's.
#[test]
fn segment_words_take_the_topic_the_title_names() {
    let json = metrics_of_note(
        &["Reality Labs", "AWS"],
        "---\ntitle: \"Reality Labs: how big is the bill?\"\n---\n\n\
         Here is what it has cost, year by year.\n\n\
         ## Revenue\n\n\
         Segment revenue was $2.15 billion in 2024. The segment's operating loss was $17.7 billion in 2024. Its free cash flow was $52.1 billion in 2024.\n\n\
         ## AWS\n\n\
         The segment's revenue was $107.6 billion in 2024.\n",
    );
    assert_eq!(subject_of(&json, 2.15e9), "Reality Labs");
    assert_eq!(subject_of(&json, -17.7e9), "Reality Labs");
    assert_eq!(subject_of(&json, 52.1e9), "Amazon");
    // A heading that names a topic says whose its figures are.
    assert_eq!(subject_of(&json, 107.6e9), "AWS");
}

/// A sentence that gives a whole and its parts does not disagree with itself; two
/// sentences that state different values do, and a difference from a guided range ("beat
/// the top end by $3 billion") or a second change ("and $20 billion quarter-over-quarter")
/// is not a level that could disagree.
#[test]
fn parts_beats_and_changes_are_not_conflicts() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Parts\nsubject: Amazon\n---\n\n\
         Prime members received more than 7 billion items same or next day in 2023, of which more than 4 billion in the US and more than 2 billion in Europe.\n\n\
         Revenue was $170 billion in Q4 2023. Revenue beat the top end of the range by approximately $3 billion in Q4 2023.\n\n\
         The backlog was $155.7 billion in Q4 2023, up more than $45 billion year-over-year and $20 billion quarter-over-quarter.\n\n\
         Operating income was $13.2 billion in Q4 2023.\n\n\
         Another source puts operating income at $2.7 billion in Q4 2023.\n",
    );
    let conflicts: Vec<String> = json["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {} {}",
                c["metric"],
                c["period"],
                c["values"].as_array().unwrap().len()
            )
        })
        .collect();
    assert_eq!(
        conflicts,
        ["\"operating income\" \"Q4 2023\" 2"],
        "only the two sources disagree"
    );
    let beat = json["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["text"].as_str().unwrap_or_default().contains("$3 billion"))
        .expect("the beat is a figure");
    assert!(beat["value"].is_null(), "a beat is no level: {beat}");
    assert_eq!(beat["change"]["direction"], "up", "{beat}");
}

/// A forecast and the figure reported for its period differ by nature: guidance,
/// analysts' estimates, a model's numbers, a table's estimate columns and the lines
/// under a guide's heading stay out of the conflict report, while two reported figures that disagree are in it. The forecasts
/// are still figures, with the metric and period they are for.
#[test]
fn forecasts_are_not_conflicts_with_what_was_reported() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Forecasts\nsubject: Amazon\n---\n\n\
         For the fourth quarter of 2023, Amazon expects net sales of between $160 billion and $167 billion.\n\n\
         Net sales were $170.0 billion in Q4 2023, ahead of the $166.2 billion analysts had expected.\n\n\
         Revenue came to $172.0 billion in Q4 2023, a second source says.\n\n\
         Operating income should be $8 billion to $12 billion in Q1 2024, against $4.8 billion in Q1 2023.\n\n\
         Operating income was $4.8 billion in Q1 2023.\n\n\
         Our price target was $200 in Q4 2023; we raised it to $220 in Q4 2023.\n\n\
         | $ in billions | Q1 2024 | Q1 2025E |\n\
         |---|---:|---:|\n\
         | Operating income | 15.3 | 14.0 |\n\n\
         Operating income was $15.3 billion in Q1 2024, and we model $18.0 billion in Q1 2025.\n\n\
         ## Q2 2024 guidance\n\n\
         - Operating income: $10 billion to $14 billion\n\
         - Backlog: $38.2 billion (+6% YoY)\n\n\
         ## Q2 2024\n\n\
         Operating income was $14.7 billion in Q2 2024. The backlog was $40.0 billion in Q2 2024.\n\n\
         ## Capital\n\n\
         Capital expenditures are guided at $8 billion to $9 billion for 2025, roughly in line \
         with the $8.6 billion spent in 2024. Capital expenditures were $9.5 billion in 2024.\n",
    );
    let conflicts: Vec<String> = json["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let values: Vec<String> = (c["values"].as_array().unwrap().iter())
                .map(|v| v["amount"].to_string())
                .collect();
            format!("{} {} {}", c["metric"], c["period"], values.join(" "))
        })
        .collect();
    assert_eq!(
        conflicts,
        [
            "\"backlog\" \"Q2 2024\" 38200000000 40000000000",
            "\"capital expenditures\" \"2024\" 8600000000 9500000000",
            "\"revenue\" \"Q4 2023\" 170000000000 172000000000"
        ],
        "only reported figures disagree; a line under a guide's heading is a guide, unless \
         it says how the figure grew, as a result does"
    );
    assert_eq!(record_of(&json, 10e9)["period"], "Q2 2024");
    // The forecasts are figures all the same.
    let guide = record_of(&json, 160e9);
    assert_eq!(guide["metric"], "revenue", "{guide}");
    assert_eq!(guide["period"], "Q4 2023", "{guide}");
    assert_eq!(record_of(&json, 166.2e9)["period"], "Q4 2023");
    assert_eq!(record_of(&json, 8e9)["period"], "Q1 2024");
    assert_eq!(record_of(&json, 14e9)["period"], "Q1 2025");
}

/// A guide that names no period goes on with the guide before it in its paragraph: in a
/// note about the fourth quarter, "By segment, we expect …" after "Looking to 2025, we
/// expect …" is 2025's, not the quarter's; a result after it, or a guide in another
/// paragraph, keeps the note's period.
#[test]
fn a_guide_goes_on_with_the_period_of_the_guide_before_it() {
    let json = metrics_of_site(
        &[("Ford Pro", "", "Commercial vehicles.")],
        "---\ntitle: Q4 call\nperiod: Q4 2024\n---\n\n\
         Looking to 2025, we expect adjusted EBIT of $7.0 billion to $8.5 billion. By segment, \
         we expect Ford Pro EBIT of $7.5 billion to $8.0 billion, Ford Blue EBIT of $3.5 billion \
         to $4.0 billion, a Model e loss of $5.0 billion to $5.5 billion, and Ford Credit \
         earnings before taxes of about $2.2 billion. Revenue was $48.2 billion.\n\n\
         We expect capital expenditures of $2.5 billion.\n",
    );
    let period = |amount: f64| record_of(&json, amount)["period"].clone();
    assert_eq!(period(7.0e9), "2025", "{json:#}");
    assert_eq!(period(7.5e9), "2025", "{json:#}");
    // The last of a long list after one "we expect" is a guide too.
    assert_eq!(period(2.2e9), "2025", "{json:#}");
    assert_eq!(period(48.2e9), "Q4 2024", "{json:#}");
    assert_eq!(period(2.5e9), "Q4 2024", "{json:#}");
}

/// "this year" in a note written after the year it is about (a call on a fourth quarter,
/// held in February) is the year it was said in, and "last year" the one before it; in a
/// note written within its year "this year" names no more than the note's period.
#[test]
fn this_year_is_the_year_a_note_was_written_in() {
    let after = metrics_of_note(
        &[],
        "---\ntitle: Q4 call\ndate: 2025-02-05\nperiod: Q4 2024\n---\n\n\
         Revenue was $48.2 billion, and we expect capital expenditures of about $9 billion this year.\n\n\
         Free cash flow was $6.7 billion last year.\n",
    );
    assert_eq!(record_of(&after, 48.2e9)["period"], "Q4 2024", "{after:#}");
    assert_eq!(record_of(&after, 9e9)["period"], "2025", "{after:#}");
    // "last year", said there, is the year the call looks back on.
    assert_eq!(record_of(&after, 6.7e9)["period"], "2024", "{after:#}");
    let within = metrics_of_note(
        &[],
        "---\ntitle: Q2 note\ndate: 2024-08-01\nperiod: Q2 2024\n---\n\n\
         We expect capital expenditures of about $9 billion this year.\n",
    );
    assert_eq!(record_of(&within, 9e9)["period"], "Q2 2024", "{within:#}");
}

/// An approximate figure stands for the values it rounds from: "about $9 billion" does
/// not disagree with $8.9 billion, nor "about 3.4%" with 3.34%; it does with $8.0 billion.
/// A range stands for the values between its bounds.
#[test]
fn an_approximate_figure_agrees_with_the_values_it_rounds_from() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Approximations\nperiod: FY 2024\n---\n\n\
         Revenue was about $9 billion.\n\n\
         Revenue was $8.9 billion.\n\n\
         The net charge-off rate was about 3.4%.\n\n\
         The net charge-off rate was 3.34%.\n\n\
         Capital expenditures were about $9 billion.\n\n\
         Capital expenditures were $8.0 billion.\n\n\
         Households reached between 400 million and 500 million.\n\n\
         Households reached 450 million.\n",
    );
    let conflicts: Vec<&str> = (json["conflicts"].as_array().unwrap().iter())
        .map(|c| c["metric"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(conflicts, ["capital expenditures"], "{json:#}");
}

/// A reader sees a forecast for what it is: its row in the Key figures table is tagged,
/// the series chart draws what was reported and not the guide for the same quarter, and
/// `folio metrics` marks it.
#[test]
fn forecasts_are_tagged_and_kept_out_of_series() {
    let tmp = site_of(
        &[("AWS", "", "The cloud segment.")],
        "---\ntitle: AWS in 2023\n---\n\n\
         AWS revenue was $23.1 billion in Q3 2023.\n\n\
         For Q4 2023 we model AWS revenue of $30.0 billion.\n\n\
         AWS revenue was $24.2 billion in Q4 2023.\n",
    );
    let root = tmp.path();
    let out = folio(root, &["build"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let public = root.join("public");
    let note = read(&public, "notes/note/index.html");
    let table = element(&note, r#"<table class="figures-table">"#, "</table>");
    let row = |value: &str| {
        let at = table.find(value).unwrap_or_else(|| panic!("{value} in {table}"));
        let start = table[..at].rfind("<tr>").unwrap();
        table[start..at + table[at..].find("</tr>").unwrap()].to_string()
    };
    assert!(row("$30B").contains(r#"class="forecast""#), "{}", row("$30B"));
    assert!(!row("$24.2B").contains("forecast"), "{}", row("$24.2B"));
    let aws = read(&public, "topics/aws/index.html");
    let chart = element(&aws, r#"<figure class="chart-figure">"#, "</figure>");
    assert!(chart.contains("$23.1B") && chart.contains("$24.2B"), "{chart}");
    assert!(!chart.contains("$30B"), "the guide is no point of the series: {chart}");
    let listed = folio(root, &["metrics", "--format", "table"]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    let line = listed
        .lines()
        .find(|l| l.contains("$30B"))
        .expect("the forecast is listed");
    assert!(line.contains("Q4 2023 (forecast)"), "{listed}");
}

/// In a table of counts ("Net additions by quarter (thousands)"), a row is what its
/// label names: a topic's row is the topic's count, scaled as the caption says, even
/// when its name ends in "s" as a plural noun does ("Fios"); a row that names a line of
/// business, or its total ("Total broadband"), is that line's count, so that it is not
/// set against the company's own in the conflict report.
#[test]
fn rows_of_a_table_of_counts_are_their_topic_or_line() {
    let json = metrics_of_site(
        &[("Fios", "", "A fiber network."), ("Postpaid Phone", "", "Phone lines.")],
        "---\ntitle: Net additions in 2024\n---\n\n\
         ## Net additions by quarter (thousands)\n\n\
         | Line | Q1 2024 | Q2 2024 |\n\
         |---|---|---|\n\
         | Postpaid phone | (68) | 148 |\n\
         | Fios | 50 | 40 |\n\
         | Fixed wireless | 361 | 352 |\n\
         | Total broadband | 386 | 391 |\n\
         | Total | 318 | 539 |\n",
    );
    let is = |amount: f64, subject: &str, metric: &str| {
        assert_eq!(
            fields_of(&json, amount, &["/subject", "/metric"]),
            [subject, metric],
            "{amount}: {json:#}"
        );
    };
    is(-68_000.0, "Postpaid Phone", "net additions");
    is(50_000.0, "Fios", "net additions");
    is(40_000.0, "Fios", "net additions");
    is(361_000.0, "Amazon", "fixed wireless net additions");
    is(386_000.0, "Amazon", "broadband net additions");
    is(318_000.0, "Amazon", "net additions");
    assert_eq!(json["conflicts"], serde_json::json!([]), "{json:#}");
}

/// A table of volumes under a scale with no currency ("Volumes (thousands)", a corner
/// cell "Vehicles") counts: its rows are thousands of what the corner names, never
/// thousands of dollars, and a count row ("Wholesales") is scaled as the caption says. A
/// row that names a line ("Hybrid U.S. sales") counts that line's, not the company's.
#[test]
fn a_table_of_volumes_counts_in_its_scale() {
    let json = metrics_of_site(
        &[("F-Series", "", "Trucks.")],
        "---\ntitle: Volumes in 2024\n---\n\n\
         ## Volumes, full year (thousands)\n\n\
         | Vehicles | FY 2023 | FY 2024 |\n\
         |---|---|---|\n\
         | Wholesales | 4,445 | 4,400 |\n\
         | U.S. sales | 1,995 | 2,079 |\n\
         | F-Series U.S. sales | 750.8 | 765.6 |\n\
         | Hybrid U.S. sales | 135.8 | 187.4 |\n",
    );
    let is = |amount: f64, subject: &str, metric: &str| {
        let said = fields_of(&json, amount, &["/subject", "/metric", "/value/unit"]);
        assert_eq!(said, [subject, metric, "count"], "{amount}: {json:#}");
    };
    is(4_445_000.0, "Amazon", "wholesales");
    is(2_079_000.0, "Amazon", "us vehicles");
    is(765_600.0, "F-Series", "vehicles");
    is(187_400.0, "Amazon", "hybrid us vehicles");
    assert!(!records(&json).iter().any(|r| r["value"]["unit"] == "USD"), "{json:#}");
    assert_eq!(json["conflicts"], serde_json::json!([]), "{json:#}");
}

/// Tables of a company that reports in yen: "(¥ billions)" and "(billions of yen)" scale
/// their cells in yen, with a loss in brackets, and "(thousand units)" makes its cells
/// counts of units even where the caption names sales, which are money elsewhere: counts
/// of those sales.
#[test]
fn tables_in_yen_and_in_thousands_of_units_are_scaled() {
    let json = metrics_of_note(
        &["Japan", "Europe"],
        "---\ntitle: Tables\n---\n\n\
         ## Operating income by region (¥ billions)\n\n\
         | Region | Q3 FY2025 | Q4 FY2025 |\n\
         |---|---|---|\n\
         | Japan | 780.1 | 653.5 |\n\
         | Europe | 95.5 | (30.5) |\n\n\
         ## Retail sales by region (thousand units)\n\n\
         | Region | FY2024 | FY2025 |\n\
         |---|---|---|\n\
         | Japan | 1,539 | 1,412 |\n\
         | Other | 1,929 | 2,101 |\n\n\
         ## Summary (billions of yen)\n\n\
         | Item | FY2024 | FY2025 |\n\
         |---|---|---|\n\
         | Net income | 4,944.9 | 4,765.0 |\n",
    );
    let is = |amount: f64, subject: &str, unit: &str| {
        let said = fields_of(&json, amount, &["/subject", "/value/unit"]);
        assert_eq!(said, [subject, unit], "{amount}: {json:#}");
    };
    is(780.1e9, "Japan", "JPY");
    is(-30.5e9, "Europe", "JPY");
    is(1_412_000.0, "Japan", "count");
    is(4_765.0e9, "Amazon", "JPY");
    // The units are the caption's sales, and a row that names no topic a part of them.
    let metric = |amount: f64| fields_of(&json, amount, &["/metric"]);
    assert_eq!(metric(1_412_000.0), ["retail sales"], "{json:#}");
    assert_eq!(metric(2_101_000.0), ["other retail sales"], "{json:#}");
}

/// An oil and gas producer's note: output in barrels of oil equivalent a day, said in
/// prose or as a table's "(thousand boe/d)", is its production; "adjusted earnings" and
/// "CCS earnings" keep their names; gearing, CFFO and distributions are measures; what a
/// company earned for its shareholders is its net income, not money paid to them.
#[test]
fn an_oil_producers_measures_are_named_and_its_barrels_a_day_scaled() {
    let json = metrics_of_note(
        &["Upstream"],
        "---\ntitle: Results\nperiod: Q3 2024\n---\n\n\
         Adjusted earnings were $6.03 billion and CCS earnings $4.91 billion, while income \
         attributable to shareholders was $4.29 billion.\n\n\
         CFFO was $14.7 billion, gearing was 13.2% and shareholder distributions came to $5.7 billion.\n\n\
         Production averaged 2,800,000 barrels of oil equivalent per day.\n\n\
         - Upstream production: 1,881 thousand boe/d (2023: 1,844)\n\n\
         ## Production and LNG\n\n\
         | Line | FY 2023 | FY 2024 |\n\
         |---|---:|---:|\n\
         | Upstream production (thousand boe/d) | 1,844 | 1,881 |\n\
         | LNG sales (million tonnes) | 67.1 | 65.8 |\n\n\
         ## Cash and prices ($ billions, except where stated)\n\n\
         | Line | Q1 2024 | Q2 2024 |\n\
         |---|---:|---:|\n\
         | CFFO | 13.3 | 13.5 |\n\
         | Brent average ($/bbl) | 83.2 | 84.9 |\n",
    );
    let is = |amount: f64, subject: &str, metric: &str| {
        let said = fields_of(&json, amount, &["/subject", "/metric"]);
        assert_eq!(said, [subject, metric], "{amount}: {json:#}");
    };
    is(6.03e9, "Amazon", "adjusted earnings");
    is(4.91e9, "Amazon", "ccs earnings");
    is(4.29e9, "Amazon", "net income");
    is(14.7e9, "Amazon", "operating cash flow");
    is(13.2, "Amazon", "gearing");
    is(5.7e9, "Amazon", "shareholder returns");
    is(2_800_000.0, "Amazon", "production");
    is(1_881_000.0, "Upstream", "production");
    // "($/bbl)" is a price per barrel in dollars, not billions of them.
    assert_eq!(fields_of(&json, 83.2, &["/value/unit"]), ["USD"], "{json:#}");
    assert_eq!(
        fields_of(&json, 13.3e9, &["/metric"]),
        ["operating cash flow"],
        "{json:#}"
    );
    // A row that names its own count keeps it under a caption that names another.
    is(65.8e6, "Amazon", "lng sales volumes");
    // "(2023: 1,844)" is in the thousands of the amount it follows: no conflict with the
    // table's 1,844 thousand.
    assert_eq!(fields_of(&json, 1_844_000.0, &["/metric"]), ["production"], "{json:#}");
    assert_eq!(json["conflicts"], serde_json::json!([]), "{json:#}");
}

/// In a wire story (a note with no period), a sentence whose earlier value is dated
/// apart ("from $7.31 billion a year earlier") still gives the sentences after it in its
/// paragraph the period it states as its own.
#[test]
fn a_sentence_with_an_earlier_value_dates_the_next_by_its_own_period() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Wires\n---\n\n\
         LONDON, Jan 30 — Shell's fourth-quarter 2024 adjusted earnings fell to $3.66 billion \
         from $7.31 billion a year earlier. The company raised its quarterly dividend 4% to \
         $0.358 a share.\n",
    );
    let period = |amount: f64| fields_of(&json, amount, &["/period"]);
    assert_eq!(period(3.66e9), ["Q4 2024"], "{json:#}");
    assert_eq!(period(7.31e9), ["Q4 2023"], "{json:#}");
    assert_eq!(period(0.358), ["Q4 2024"], "{json:#}");
}

/// A short heading over a list names what the items that name a topic measure, over the
/// revenue a segment's lone amount would be read as; an item that names no topic may be
/// a part of the whole, and is not given the heading's metric.
#[test]
fn a_heading_over_a_list_names_its_items_metric() {
    let json = metrics_of_note(
        &["Japan", "Europe"],
        "---\ntitle: Regions\nperiod: FY 2025\n---\n\n\
         ## Operating income by region\n\n\
         - Japan: ¥2,823.0 billion\n\
         - Europe: ¥377.2 billion (−14.3%)\n\
         - A new venture launched in July, still small: ¥16.4 billion\n",
    );
    let is = |amount: f64, subject: &str, metric: &str| {
        let said = fields_of(&json, amount, &["/subject", "/metric"]);
        assert_eq!(said, [subject, metric], "{amount}: {json:#}");
    };
    is(2_823.0e9, "Japan", "operating income");
    is(377.2e9, "Europe", "operating income");
    is(16.4e9, "Amazon", "");
}

/// A subject whose fiscal year ends in March (`fiscal_year_end = "March"`): a quarter
/// named by its months, a month and a date name the quarter of that fiscal year ("the
/// July-September quarter" of a note on fiscal 2025 is Q2 2025), where the calendar's
/// would set them against the fiscal quarters the company reports.
#[test]
fn months_name_the_fiscal_quarter_of_a_year_ending_in_march() {
    let note = "---\ntitle: Wires\nperiod: FY 2025\n---\n\n\
                Operating profit for the July-September quarter fell 20% to ¥1.16 trillion.\n\n\
                Cash stood at ¥9.4 trillion at December 31, 2024.\n\n\
                Headcount was 380,000 in March 2025.\n";
    let tmp = site_of(&[], note);
    let calendar = metrics_of_folder(tmp.path());
    assert_eq!(fields_of(&calendar, 1.16e12, &["/period"]), ["Q3 2025"], "{calendar:#}");
    end_fiscal_year_in_march(tmp.path());
    let fiscal = metrics_of_folder(tmp.path());
    let period = |amount: f64| fields_of(&fiscal, amount, &["/period"]);
    assert_eq!(period(1.16e12), ["Q2 2025"], "{fiscal:#}");
    assert_eq!(period(9.4e12), ["Q3 2025"], "{fiscal:#}");
    assert_eq!(period(380_000.0), ["Q4 2025"], "{fiscal:#}");
}

/// "this fiscal year" is the fiscal year the note was written in, "last fiscal year" the
/// one before: a results call on fiscal 2025 held in May 2025, of a company whose year
/// ends in March, speaks from fiscal 2026.
#[test]
fn this_fiscal_year_is_the_one_the_note_was_written_in() {
    let note = "---\ntitle: Results call\ndate: 2025-05-08\nperiod: FY 2025\n---\n\n\
                For this fiscal year we plan operating income of ¥3.8 trillion, after ¥4.8 trillion last fiscal year.\n";
    let tmp = site_of(&[], note);
    end_fiscal_year_in_march(tmp.path());
    let json = metrics_of_folder(tmp.path());
    assert_eq!(fields_of(&json, 3.8e12, &["/period"]), ["FY 2026"], "{json:#}");
    assert_eq!(fields_of(&json, 4.8e12, &["/period"]), ["FY 2025"], "{json:#}");
}

/// A walk of a metric ("## Operating income walk, change year over year") lists what
/// moved it: each item is a change of that metric, with the heading's basis, whatever
/// its own label names ("Marketing efforts", "Increase in expenses").
#[test]
fn a_walks_items_are_changes_of_its_metric() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Scorecard\nperiod: FY 2025\n---\n\n\
         ## Operating income walk, change year over year\n\n\
         - Effects of foreign exchange rates: +¥695.0 billion\n\
         - Marketing efforts: −¥170.0 billion\n\
         - Increase in expenses: −¥600.0 billion\n",
    );
    let change = |amount: f64| {
        fields_of(
            &json,
            amount,
            &["/metric", "/change/direction", "/change/basis", "/change/unit"],
        )
    };
    assert_eq!(change(695e9), ["operating income", "up", "YoY", "JPY"], "{json:#}");
    assert_eq!(change(170e9), ["operating income", "down", "YoY", "JPY"], "{json:#}");
    assert_eq!(change(600e9), ["operating income", "down", "YoY", "JPY"], "{json:#}");
    assert!(
        records(&json).iter().all(|r| r["value"].is_null()),
        "no levels: {json:#}"
    );
}

/// In a wire story that nothing else dates, a result after a guide goes on in the period
/// before the guide, not in the guide's year; a guide after it, in the guide's.
#[test]
fn a_result_after_a_guide_goes_on_in_the_period_before_it() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Wires\n---\n\n\
         **NEW YORK, April 12, 2024** — First-quarter 2024 profit at the bank rose 6% to $13.4 billion. \
         The bank nudged up its forecast for 2024 net interest income to about $90 billion. \
         Its common equity tier 1 ratio stood at 15.0% at the end of March.\n",
    );
    let period = |amount: f64| fields_of(&json, amount, &["/period"]);
    assert_eq!(period(13.4e9), ["Q1 2024"], "{json:#}");
    assert_eq!(period(90e9), ["2024"], "{json:#}");
    assert_eq!(period(15.0), ["Q1 2024"], "{json:#}");
}

/// Sets `fiscal_year_end = "March"` in the site.toml of the site in `root`.
fn end_fiscal_year_in_march(root: &std::path::Path) {
    let toml = root.join("site.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let fiscal = text.replace("[metrics]\n", "[metrics]\nfiscal_year_end = \"March\"\n");
    std::fs::write(&toml, fiscal).unwrap();
}

/// `folio metrics --format json` of the site in `root`.
fn metrics_of_folder(root: &std::path::Path) -> Value {
    let out = folio(root, &["metrics", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// An analyst's model in a Japanese company's fiscal years ("FY3/25A | FY3/26E"): each
/// column is the fiscal year that ends in that March, and the estimates are forecasts.
#[test]
fn a_model_in_fiscal_years_ending_in_march_dates_its_columns() {
    let tmp = site_of(
        &[],
        "---\ntitle: Model\n---\n\n\
         (¥ billions, except EPS)\n\n\
         | | FY3/25A | FY3/26E |\n\
         |---|---|---|\n\
         | Operating income | 4,795.5 | 4,300.0 |\n",
    );
    let listed = folio(tmp.path(), &["metrics", "--format", "table"]);
    let listed = String::from_utf8_lossy(&listed.stdout);
    let row = |value: &str| {
        (listed.lines())
            .find(|l| l.contains(value))
            .unwrap_or_else(|| panic!("{value} in {listed}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(row("¥4.8T").contains("operating income FY 2025 ¥4.8T"), "{listed}");
    assert!(
        row("¥4.3T").contains("operating income FY 2026 (forecast) ¥4.3T"),
        "{listed}"
    );
}

/// A paragraph or list item that opens with a bold run-in heading naming a topic
/// ("**North America.** …") gives that topic's figures, as a heading would; a sentence
/// that names its own subject keeps it, and bold text later in a paragraph is no heading.
#[test]
fn a_run_in_heading_names_the_subject_of_its_paragraph() {
    let json = metrics_of_note(
        &["North America", "International", "AWS"],
        "---\ntitle: Segments\nperiod: Q4 2023\n---\n\n\
         **North America.** Operating income of $6.5 billion was up $6.7 billion year-over-year.\n\n\
         **International.** The operating loss shrank to $419 million. AWS revenue rose 13% year-over-year to $24.2 billion.\n\n\
         - **International**: the segment spans more than 20 countries.\n\n\
         Net income was $10.6 billion. **North America.** Free cash flow was $35.5 billion.\n",
    );
    let subject_of = |amount| subject_of(&json, amount);
    assert_eq!(subject_of(6.5e9), "North America");
    assert_eq!(subject_of(-419e6), "International");
    assert_eq!(
        subject_of(20.0),
        "International",
        "a list item's run-in, colon after the bold"
    );
    assert_eq!(subject_of(24.2e9), "AWS", "a sentence that names its subject keeps it");
    assert_eq!(subject_of(10.6e9), "Amazon");
    assert_eq!(
        subject_of(35.5e9),
        "Amazon",
        "bold in the middle of a paragraph is no heading"
    );
}

/// A topic named only to be left out ("outside North America", "ex-North America") is
/// not the subject of the figure after it; a sentence that names its subject keeps it.
#[test]
fn a_topic_named_to_exclude_it_is_not_the_subject() {
    let json = metrics_of_note(
        &["North America", "AWS"],
        "---\ntitle: Regions\nperiod: Q4 2023\n---\n\n\
         Revenue outside North America was $40.2 billion.\n\n\
         Ex-North America operating income was $2.1 billion.\n\n\
         North America revenue was $105.5 billion.\n\n\
         AWS revenue was $24.2 billion, while revenue outside North America was $39.1 billion.\n\n\
         Every segment slowed except North America, whose operating income was $6.5 billion.\n",
    );
    let subject_of = |amount| subject_of(&json, amount);
    assert_eq!(subject_of(40.2e9), "Amazon", "\"outside\" excludes the topic");
    assert_eq!(subject_of(2.1e9), "Amazon", "\"ex-\" excludes the topic");
    assert_eq!(subject_of(105.5e9), "North America");
    assert_eq!(subject_of(24.2e9), "AWS");
    assert_eq!(
        subject_of(39.1e9),
        "Amazon",
        "an excluded topic does not hand the figure to an earlier one"
    );
    assert_eq!(
        subject_of(6.5e9),
        "North America",
        "a relative clause makes it the subject"
    );
}

/// A heading that names one topic gives its figures to that topic; one that names two
/// ("Advertising and Prime Video"), or lists one among other things ("Capex and Kuiper"),
/// names no one subject, and a figure under it that names none goes to the default
/// subject, not to the first topic of the heading (nor, under a run-in heading, to the
/// topic of the heading above).
#[test]
fn a_heading_naming_two_topics_names_no_subject() {
    let json = metrics_of_note(
        &["Advertising", "Prime Video", "Project Kuiper"],
        "---\ntitle: Media\nperiod: Q4 2023\n---\n\n\
         ## Advertising\n\n\
         Sponsored products brought in $12.1 billion.\n\n\
         **Prime Video and Advertising.** The service reached 130 million viewers.\n\n\
         ## Advertising and Prime Video\n\n\
         The second season of Thursday Night Football drew 24% more viewers year-over-year.\n\n\
         ## Capex and Project Kuiper\n\n\
         Capital expenditures were $14.6 billion.\n\n\
         ## Earnings, headcount & Project Kuiper\n\n\
         Headcount was 1,525,000.\n\n\
         ## Project Kuiper at scale\n\n\
         The first 578 satellites are planned.\n",
    );
    assert_eq!(subject_of(&json, 12.1e9), "Advertising");
    assert_eq!(subject_of(&json, 24.0), "Amazon", "two topics in the heading");
    assert_eq!(subject_of(&json, 130e6), "Amazon", "two topics in the run-in heading");
    assert_eq!(subject_of(&json, 14.6e9), "Amazon", "a topic listed with a metric");
    assert_eq!(subject_of(&json, 1_525_000.0), "Amazon", "a topic listed among others");
    assert_eq!(
        subject_of(&json, 578.0),
        "Project Kuiper",
        "a topic the heading is about"
    );
}

/// A topic marked `figure_subject: false` (a concept or initiative) still is a topic,
/// but no figure's subject: not in the sentence, not in a heading, not on its own page.
#[test]
fn a_topic_marked_figure_subject_false_is_never_a_subject() {
    let json = metrics_of_site(
        &[
            (
                "Regionalization",
                "aliases: [\"regionalized network\"]\nfigure_subject: false\n",
                "Under the regionalized network, 76% of orders are fulfilled in region.",
            ),
            ("AWS", "", "A segment."),
        ],
        "---\ntitle: Logistics\nperiod: FY 2023\n---\n\n\
         The earnings call gave the results of the regionalized network: more than 7 billion items reached Prime members in 2023.\n\n\
         ## Regionalization\n\n\
         Cost to serve fell by 45 cents per unit.\n\n\
         ## Regionalization at AWS\n\n\
         Operating income was $7.2 billion.\n",
    );
    assert_eq!(subject_of(&json, 7e9), "Amazon", "a mention in the sentence");
    assert_eq!(subject_of(&json, 0.45), "Amazon", "a heading that names it");
    assert_eq!(subject_of(&json, 7.2e9), "AWS", "a heading that names it and a subject");
    assert_eq!(subject_of(&json, 76.0), "Amazon", "its own topic page");
}

/// On a topic page about a metric ("Capital expenditures"), a money figure that names no
/// metric is that metric; a share of it ("60% of … spending") is not.
#[test]
fn a_figure_on_a_metric_topic_page_is_that_metric() {
    let json = metrics_of_site(
        &[(
            "Capital expenditures",
            "aliases: [\"capex\"]\n",
            "Full-year 2023 capex was $48.4 billion. It rose to $77.7 billion in 2024. About 60% of 2023 spending went to infrastructure.",
        )],
        "---\ntitle: Note\n---\n\nAmazon spent $77.7 billion in 2024.\n",
    );
    let metric_of = |source: &str, amount: f64| {
        records(&json)
            .iter()
            .find(|r| r["source"].as_str().unwrap().contains(source) && r["value"]["amount"].as_f64() == Some(amount))
            .unwrap_or_else(|| panic!("no record of {amount} in {source}: {json:#}"))["metric"]
            .clone()
    };
    assert_eq!(metric_of("topics/", 48.4e9), "capital expenditures");
    assert_eq!(metric_of("topics/", 77.7e9), "capital expenditures");
    assert!(metric_of("topics/", 60.0).is_null(), "a share is not the metric");
    assert!(metric_of("notes/", 77.7e9).is_null(), "only on the metric's own page");
}

/// An investment is the figure of what is invested in: the holder named before it does
/// not take it from the topic of the paragraph's run-in heading, nor from a topic named
/// after it; any other figure stays with the topic named before it.
#[test]
fn an_investment_belongs_to_what_is_invested_in() {
    let json = metrics_of_note(
        &["Anthropic", "AWS"],
        "---\ntitle: Stakes\n---\n\n\
         - **Anthropic.** Amazon built its stake in the AI start-up through convertible notes: $1.25 billion in 2023, then a further $4.05 billion in 2024.\n\
         - **AWS.** Amazon reported revenue of $24.2 billion.\n\n\
         AWS revenue was $25 billion, and Amazon invested a further $4 billion.\n",
    );
    assert_eq!(subject_of(&json, 1.25e9), "Anthropic");
    assert_eq!(subject_of(&json, 4.05e9), "Anthropic");
    assert_eq!(subject_of(&json, 24.2e9), "Amazon", "not an investment: the name holds");
    assert_eq!(
        subject_of(&json, 4e9),
        "Amazon",
        "the holder's name does not hand it to an earlier topic"
    );
}

/// A heading or run-in heading that names a topic only to leave it out ("Revenue outside
/// North America") does not make it the subject of the figures under it, as a sentence
/// would not; one that also names another topic gives its figures to that one, and a
/// run-in or sentence that leaves out the topic of the heading above takes them from it.
#[test]
fn a_heading_that_excludes_a_topic_does_not_name_it() {
    let json = metrics_of_note(
        &["North America", "AWS"],
        "---\ntitle: Regions\nperiod: Q4 2023\n---\n\n\
         ## Revenue outside North America\n\n\
         Revenue was $40.2 billion.\n\n\
         **Excluding North America.** Operating income was $2.1 billion.\n\n\
         ## AWS, ex-North America\n\n\
         Revenue was $9.9 billion.\n\n\
         ## North America\n\n\
         Revenue was $105.5 billion.\n\n\
         **Outside North America.** Revenue was $39.1 billion.\n\n\
         Revenue outside North America was $38.7 billion.\n",
    );
    let subject_of = |amount| subject_of(&json, amount);
    assert_eq!(subject_of(40.2e9), "Amazon", "a heading's \"outside\"");
    assert_eq!(subject_of(2.1e9), "Amazon", "a run-in heading's \"excluding\"");
    assert_eq!(subject_of(9.9e9), "AWS", "the topic the heading does not leave out");
    assert_eq!(subject_of(105.5e9), "North America");
    assert_eq!(
        subject_of(39.1e9),
        "Amazon",
        "a run-in heading leaving out the heading's topic"
    );
    assert_eq!(
        subject_of(38.7e9),
        "Amazon",
        "a sentence leaving out the heading's topic"
    );
}

/// Inline code in a run-in heading's bold text is part of its words.
#[test]
fn a_run_in_heading_reads_its_inline_code() {
    let json = metrics_of_note(
        &["AWS", "International"],
        "---\ntitle: Segments\nperiod: Q4 2023\n---\n\n\
         ## International\n\n\
         **The `AWS` segment.** Revenue was $24.2 billion.\n\n\
         - **`AWS`:** operating income was $7.2 billion.\n",
    );
    assert_eq!(subject_of(&json, 24.2e9), "AWS");
    assert_eq!(subject_of(&json, 7.2e9), "AWS", "bold that is all code");
}

#[test]
fn units_come_from_site_toml_and_front_matter_as_written() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::create_dir_all(root.join("content/notes")).unwrap();
    std::fs::write(
        root.join("site.toml"),
        "title = \"T\"\nbase_url = \"http://localhost/\"\n\n[metrics]\ndefault_subject = \"Amazon\"\ncurrency = \"SEK\"\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/notes/2024-02-01-note.md"),
        "---\ntitle: \"Q4 2023 notes\"\ndate: 2024-02-01\nmetrics:\n  - { subject: Amazon, metric: dividend, \
         period: Q4 2023, value: { amount: 5, unit: NOK }, change: { amount: 1, unit: NOK, direction: down, \
         basis: \"H/H\" } }\n---\n\nThe company booked 170 billion in revenue in Q4 2023, and $2 billion of \
         operating income.\n",
    )
    .unwrap();
    let out = folio(root, &["metrics", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    // An amount written without a currency takes the site's; a "$" stays USD.
    assert_eq!(record_of(&json, 170e9)["value"]["unit"], "SEK");
    assert_eq!(record_of(&json, 2e9)["value"]["unit"], "USD");
    // Units, direction and basis given by hand are kept as the author wrote them.
    let dividend = record_of(&json, 5.0);
    assert_eq!(dividend["value"]["unit"], "NOK");
    assert_eq!(dividend["change"]["unit"], "NOK");
    assert_eq!(dividend["change"]["direction"], "down");
    assert_eq!(dividend["change"]["basis"], "H/H");
}

/// Text pasted from the web or a word processor ("year‑over‑year" with non-breaking
/// hyphens, "4×", "13 %" with a narrow no-break space) gives the figures its ASCII form
/// gives; the figure's words in the export and its mark on the page are as written.
#[test]
fn typographic_variants_read_as_their_ascii_forms() {
    let (tmp, root) = site();
    std::fs::write(
        root.join("content/notes/2024-02-06-pasted.md"),
        "---\ntitle: Pasted\nperiod: Q4 2023\n---\n\n\
         AWS revenue grew 13\u{202F}% year\u{2011}over\u{2011}year to $24.6\u{00A0}billion, and the \
         new chip trains 4× faster. Capex was $48.9 billion in fiscal\u{2011}year 2023.\n",
    )
    .unwrap();
    let out = folio(&root, &["build"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let public = root.join("public");
    let json: Value = serde_json::from_str(&read(&public, "metrics.json")).unwrap();
    let aws = record_of(&json, 24.6e9);
    assert_eq!(aws["change"]["basis"], "YoY", "{aws:#}");
    assert_eq!(aws["change"]["amount"], 13.0);
    assert_eq!(aws["metric"], "revenue");
    assert_eq!(
        aws["text"],
        "grew 13\u{202F}% year\u{2011}over\u{2011}year to $24.6\u{00A0}billion"
    );
    let chip = record_of(&json, 4.0);
    assert_eq!(chip["change"]["unit"], "x", "{chip:#}");
    assert_eq!(chip["text"], "4×");
    let capex = record_of(&json, 48.9e9);
    assert_eq!(capex["period"], "FY 2023", "{capex:#}");
    let page = read(&public, "notes/pasted/index.html");
    assert!(page.contains("class=\"figure\">4×</span>"), "{page}");
    drop(tmp);
}

/// A sentence that opens by framing a period ("For the full year 2023 we …", "Turning
/// to the fourth quarter …") dates the figures after it that name none, up to the next
/// frame or heading; "For <period>, <figure>" is an aside that frames only itself.
#[test]
fn a_sentence_that_frames_a_period_dates_what_follows() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Call\nperiod: Q4 2023\n---\n\n\
         Overall we saw strong performance in the quarter.\n\n\
         For the full year 2023 we had a meaningful improvement across our results.\n\n\
         Revenue was $574.8 billion, an increase of 12% year-over-year.\n\n\
         Operating income tripled to $36.9 billion.\n\n\
         The operating cost ratio was 14.3% in the quarter.\n\n\
         Turning to the fourth quarter, net sales were $170.0 billion. Advertising grew 27% to $14.7 billion.\n\n\
         For the full year 2022, free cash flow was $11.6 billion. Shipping costs were $27.3 billion.\n\n\
         For the full year 2023 we kept investing.\n\n\
         ## Outlook\n\n\
         Capex was $14.9 billion.\n",
    );
    let period_of = |amount| record_of(&json, amount)["period"].clone();
    assert_eq!(period_of(574.8e9), "FY 2023", "framed by the sentence before");
    assert_eq!(period_of(36.9e9), "FY 2023", "the frame lasts past one paragraph");
    assert_eq!(
        period_of(14.3),
        "Q4 2023",
        "in a frame of its year, the quarter is still the note's"
    );
    assert_eq!(period_of(170e9), "Q4 2023", "a turn to the quarter frames itself");
    assert_eq!(period_of(14.7e9), "Q4 2023", "and what follows it");
    assert_eq!(period_of(11.6e9), "FY 2022", "an aside dates its own figure");
    assert_eq!(period_of(27.3e9), "Q4 2023", "but not the figures after it");
    assert_eq!(period_of(14.9e9), "Q4 2023", "a heading ends the frame");
}

/// "the ratio" or "the margin" in a sentence that names no metric is the one named last
/// before it in its paragraph, and only in its paragraph.
#[test]
fn the_ratio_said_again_is_the_ratio_named_before() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Insurer\nperiod: Q4 2023\n---\n\n\
         The medical care ratio was 85.0%, up 240 basis points. For the full year 2023 the ratio was 83.2%.\n\n\
         The ratio was 81.5% in 2021.\n",
    );
    let metric_of = |amount| record_of(&json, amount)["metric"].clone();
    assert_eq!(metric_of(83.2), "medical care ratio", "the ratio named before");
    assert_eq!(metric_of(81.5), Value::Null, "not across paragraphs");
}

/// A speaker's turn to the guidance for a period ("turning to guidance for twenty twenty
/// four") dates the figures after it, as a turn to the period itself does.
#[test]
fn a_turn_to_the_guidance_for_a_period_dates_what_follows() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Call\nperiod: Q3 2024\n---\n\n\
         Occupancy was 95.9% in the quarter.\n\n\
         turning to guidance for twenty twenty four we are narrowing the range\n\n\
         we now expect average occupancy of ninety five point seven five percent\n",
    );
    let period_of = |amount| record_of(&json, amount)["period"].clone();
    assert_eq!(period_of(95.9), "Q3 2024");
    assert_eq!(period_of(95.75), "2024", "dated by the turn to its guidance");
}

/// A sub-heading that names no period or subject keeps its parent heading's: "### AWS"
/// under "## Q3 2024 results" gives Q3 2024 figures, "### Margins" under "## AWS" gives
/// AWS's. A heading of the parent's level or above starts afresh.
#[test]
fn a_sub_heading_keeps_what_its_parent_heading_says() {
    let json = metrics_of_note(
        &["AWS"],
        "---\ntitle: Review\n---\n\n\
         ## Q3 2024 results\n\n\
         ### AWS\n\n\
         Revenue grew 19% to $27.5 billion.\n\n\
         ### Retail\n\n\
         Operating margin was 6.0%.\n\n\
         ## AWS\n\n\
         ### Margins\n\n\
         Operating margin was 38.1% in Q3 2024.\n\n\
         ## Outlook\n\n\
         Capex was $14.9 billion.\n",
    );
    let period_of = |amount| record_of(&json, amount)["period"].clone();
    assert_eq!(period_of(27.5e9), "Q3 2024", "the parent heading's period");
    assert_eq!(subject_of(&json, 27.5e9), "AWS", "the sub-heading's own subject");
    assert_eq!(period_of(6.0), "Q3 2024", "a sibling sub-heading keeps it too");
    assert_eq!(subject_of(&json, 6.0), "Amazon", "but not its sibling's subject");
    assert_eq!(subject_of(&json, 38.1), "AWS", "the parent heading's subject");
    assert_eq!(
        period_of(14.9e9),
        Value::Null,
        "a heading of the parent's level starts afresh"
    );
}

/// A table's head row says what its cells' bare numbers are: the unit and scale ("Metric
/// ($ bn)"; a row's own "($)"; a margin's numbers are percentages), the period of each
/// column, and a column of growth rates ("YoY growth"), whose rate is the change of the
/// level beside it, or of the latest period's level ("Q4 2023 | Q4 2022 | Change"); a
/// column head that names a topic ("AWS revenue") gives its cells that subject.
/// Accounting negatives read as negatives, and each figure is the cell as written.
#[test]
fn a_tables_head_row_says_what_its_cells_are() {
    let json = metrics_of_note(
        &["AWS"],
        "---\ntitle: Tables\n---\n\n\
         | Metric ($ bn) | Q4 2022 | Q4 2023 |\n\
         |---|---:|---:|\n\
         | Net sales | 149.2 | 170.0 |\n\
         | Operating margin | 1.8 | 7.8 |\n\
         | Diluted EPS ($) | 0.03 | 1.00 |\n\
         | Headcount | 1,541,000 | 1,525,000 |\n\n\
         ## By quarter\n\n\
         | Quarter | AWS revenue | YoY growth | AWS operating margin |\n\
         |---|---|---|---|\n\
         | Q1 2023 | $21.4B | 16% | 24.0% |\n\
         | Q2 2023 | $22.1B | (3)% | (1.0)% |\n\n\
         ## Costs\n\n\
         | Metric | Q4 2023 | Q4 2022 | Change |\n\
         |---|---:|---:|---:|\n\
         | Shipping costs | $20.7B | $15.3B | +35% |\n\n\
         ## Segments\n\n\
         Segment | Q4 FY24 | Q4 FY23 | YoY\n\
         --- | --- | --- | ---\n\
         AWS | $28.5B | $24.0B | +19%\n\n\
         ## Growth\n\n\
         | Metric | Q1 2024 | Q2 2024 |\n\
         |---|---|---|\n\
         | Advertising revenue growth | 24% | 22% |\n\n\
         ## Guidance\n\n\
         Q1 2025 operating income guidance ($ in billions):\n\n\
         | Segment | Low | High |\n\
         |---|---|---|\n\
         | AWS | 9.1 | 9.4 |\n\n\
         ## Operating income\n\n\
         | Segment | Q4 2024 |\n\
         |---|---|\n\
         | AWS | $10.6B |\n\n\
         ## Losses\n\n\
         ($ in millions)\n\n\
         | Segment | Line | Q1 2024 | Q2 2024 |\n\
         |---|---|---:|---:|\n\
         | Devices | Income (loss) from operations | (3,846) | (4,488) |\n\n\
         ## Segment operating income (loss) by quarter\n\n\
         ($ in millions)\n\n\
         | Segment | Q1 2025 | Q2 2025 |\n\
         |---|---:|---:|\n\
         | AWS | 11,547 | (1,020) |\n",
    );
    let record = |amount: f64| {
        let r = record_of(&json, amount);
        let change = &r["change"];
        let change = (!change.is_null()).then(|| {
            format!(
                "{} {} {}",
                change["direction"].as_str().unwrap(),
                change["amount"],
                change["basis"].as_str().unwrap_or("-")
            )
        });
        (
            r["metric"].as_str().unwrap_or("-").to_string(),
            r["period"].as_str().unwrap_or("-").to_string(),
            change,
            r["text"].as_str().unwrap().to_string(),
        )
    };
    let level =
        |metric: &str, period: &str, text: &str| (metric.to_string(), period.to_string(), None, text.to_string());
    assert_eq!(
        record(149.2e9),
        level("revenue", "Q4 2022", "149.2"),
        "the head's unit and scale"
    );
    assert_eq!(
        record(170e9),
        level("revenue", "Q4 2023", "170.0"),
        "and each column's period"
    );
    assert_eq!(
        record(7.8),
        level("operating margin", "Q4 2023", "7.8"),
        "a margin is a percentage"
    );
    assert_eq!(record(0.03), level("eps", "Q4 2022", "0.03"), "the row's own unit");
    assert!(
        records(&json)
            .iter()
            .all(|r| r["text"] != "1,525,000" || r["value"]["unit"] == "count"),
        "a count is not scaled as money"
    );
    let aws = record(21.4e9);
    assert_eq!(
        aws.2.as_deref(),
        Some("up 16 YoY"),
        "a growth column's rate is the level's change"
    );
    assert_eq!(subject_of(&json, 21.4e9), "AWS", "the topic the column's head names");
    assert_eq!(subject_of(&json, 24.0), "AWS");
    assert_eq!(subject_of(&json, 149.2e9), "Amazon", "a head that names no topic");
    assert_eq!(
        record(22.1e9).2.as_deref(),
        Some("down 3 YoY"),
        "an accounting negative rate"
    );
    assert_eq!(
        record(-1.0),
        level("operating margin", "Q2 2023", "(1.0)%"),
        "a negative level"
    );
    assert_eq!(
        record(20.7e9).2.as_deref(),
        Some("up 35 YoY"),
        "the latest period's change"
    );
    assert_eq!(
        record(15.3e9),
        level("shipping costs", "Q4 2022", "$15.3B"),
        "the earlier level alone"
    );
    assert_eq!(
        record(28.5e9),
        (
            "revenue".to_string(),
            "Q4 2024".to_string(),
            Some("up 19 YoY".to_string()),
            "$28.5B".to_string()
        ),
        "a segment row's rate is its latest level's change"
    );
    assert_eq!(
        record(24e9),
        level("revenue", "Q4 2023", "$24.0B"),
        "and its earlier level takes the row's metric"
    );
    let growth = records(&json)
        .iter()
        .filter(|r| r["text"] == "24%" || r["text"] == "22%")
        .map(|r| {
            (
                r["value"].is_null(),
                r["change"]["amount"].as_f64(),
                r["period"].as_str().map(String::from),
            )
        })
        .collect::<Vec<_>>();
    assert_eq!(
        growth,
        [
            (true, Some(24.0), Some("Q1 2024".into())),
            (true, Some(22.0), Some("Q2 2024".into()))
        ],
        "a row whose label says growth holds changes"
    );
    assert_eq!(
        record(9.1e9),
        level("operating income", "Q1 2025", "9.1 | 9.4"),
        "a caption line gives the scale, the period and the metric"
    );
    assert_eq!(
        record_of(&json, 9.1e9)["value"]["upper"],
        9.4e9,
        "a Low | High pair of cells is one range"
    );
    assert_eq!(
        record(10.6e9),
        level("operating income", "Q4 2024", "$10.6B"),
        "a heading right above a table names its metric"
    );
    assert_eq!(
        record(-3.846e9),
        level("operating income", "Q1 2024", "(3,846)"),
        "a line of its own above a table gives its scale"
    );
    assert_eq!(
        record(-4.488e9),
        level("operating income", "Q2 2024", "(4,488)"),
        "a signed amount under a period of its own is a level, not a change"
    );
    assert_eq!(
        record(11.547e9),
        level("operating income", "Q1 2025", "11,547"),
        "a heading above a scale line names the table's metric"
    );
    assert_eq!(
        record(-1.02e9),
        level("operating income", "Q2 2025", "(1,020)"),
        "in every column"
    );
}

/// A caption line ending in a colon gives the bare amounts of the list under it their
/// scale; a date in an item's label stays a date.
#[test]
fn a_caption_line_scales_the_list_below_it() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Cash\nperiod: Q4 2024\n---\n\n\
         Cash flow items ($ in millions):\n\n\
         - Free cash flow: 23,348 (+1% Y/Y)\n\
         - Cash and investments at June 30: 75,543\n\n\
         Unrelated lines:\n\n\
         - Stores opened: 17\n",
    );
    let fcf = record_of(&json, 23_348e6);
    assert_eq!(fcf["metric"], "free cash flow");
    assert_eq!(fcf["change"]["amount"], 1.0);
    assert!(
        fcf["text"].as_str().unwrap().starts_with("23,348 (+1%"),
        "the mark keeps what was written: {}",
        fcf["text"]
    );
    record_of(&json, 75_543e6);
    assert!(
        records(&json).iter().all(|r| r["value"]["amount"] != 30e6),
        "the date in a label is not an amount: {json:#}"
    );
    assert!(
        records(&json).iter().all(|r| r["value"]["amount"] != 17e6),
        "a caption without a scale scales nothing: {json:#}"
    );
}

/// A caption line that names a metric and a topic says what its list's figures measure
/// and whose they are; a loss makes them negative. A sentence that leads into a list is
/// no caption.
#[test]
fn a_caption_line_names_the_metric_and_subject_of_its_list() {
    let json = metrics_of_note(
        &["AWS"],
        "---\ntitle: Losses\n---\n\n\
         AWS operating loss by year:\n\n\
         - 2020: $6.6 billion\n\
         - 2021: $10.2 billion\n\n\
         People who model it put spending over the next years at $150 billion, split roughly like this:\n\n\
         - shells, power and cooling: $70 billion\n",
    );
    let loss = record_of(&json, -6.6e9);
    assert_eq!(
        (&loss["subject"], &loss["metric"], &loss["period"]),
        (&"AWS".into(), &"operating income".into(), &"2020".into())
    );
    assert_eq!(record_of(&json, -10.2e9)["metric"], "operating income");
    assert_eq!(record_of(&json, 70e9)["subject"], "Amazon", "a sentence is no caption");
}

/// A site that sets no `[metrics] default_subject` is about no company in particular: a
/// figure that names no topic has no subject (a null in the exports, "Other figures" in
/// a note's table), and two such figures in different notes are no conflict, since
/// nothing says they are one company's. A topic's figures keep their topic.
#[test]
fn a_site_without_a_default_subject_leaves_unnamed_figures_without_one() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let write = |rel: &str, text: &str| write_in(root, rel, text);
    write("site.toml", "title = \"T\"\nbase_url = \"http://localhost/\"\n");
    write("content/topics/aws.md", "---\ntitle: AWS\n---\n\nThe cloud segment.\n");
    let note = |title: &str, body: &str| format!("---\nlayout: post\ntitle: {title}\nperiod: Q4 2023\n---\n\n{body}\n");
    write(
        "content/notes/2024-02-01-one.md",
        &note("One", "AWS revenue was $24.2 billion. Revenue was $170.0 billion."),
    );
    write(
        "content/notes/2024-02-02-two.md",
        &note("Two", "Revenue was $150.0 billion."),
    );

    let out = folio(root, &["build"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("public/metrics.json")).unwrap()).unwrap();
    assert_eq!(subject_of(&json, 24.2e9), "AWS", "{json:#}");
    assert_eq!(subject_of(&json, 170e9), Value::Null, "{json:#}");
    assert_eq!(subject_of(&json, 150e9), Value::Null, "{json:#}");
    assert_eq!(json["conflicts"], Value::Array(Vec::new()), "{json:#}");

    let check = folio(root, &["check"]);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(!stderr.contains("conflict"), "{stderr}");

    let page = |slug: &str| std::fs::read_to_string(root.join(format!("public/notes/{slug}/index.html"))).unwrap();
    let one = page("one");
    let aws = one.find(">AWS</h3>").expect("AWS's figures under its name");
    let other = one
        .find(">Other figures</h3>")
        .expect("the unnamed figures under their own heading");
    assert!(aws < other, "the unnamed figures come last:\n{one}");
    let two = page("two");
    assert!(two.contains("$150.0B") || two.contains("$150B"), "{two}");
    assert!(
        !two.contains("figures-subject"),
        "a table of unnamed figures alone needs no heading:\n{two}"
    );
}

/// A chipmaker's tables: a caption in NT dollars scales the cells as TWD, a row that
/// says its own count ("million 12-inch equivalent wafers") counts it, and a column of
/// shares beside a column of growth gives two figures, the share with no metric and the
/// growth of the row's revenue; "26% of wafer revenue" in prose is a share too.
#[test]
fn a_chipmakers_tables_read_in_nt_dollars_shares_and_wafers() {
    let json = metrics_of_note(
        &["HPC"],
        "---\ntitle: Tables\n---\n\n## Quarterly results (NT$ billions)\n\n\
         | Item | Q3 2024 | Q4 2024 |\n|---|---|---|\n\
         | Revenue | 759.69 | 868.46 |\n\
         | Wafer shipments (million 12-inch equivalent wafers) | 3.3 | 3.4 |\n\n\
         ## Revenue by platform\n\n\
         | Platform | Q4 2024 share (%) | Q4 2024 growth q/q (%) |\n|---|---|---|\n\
         | HPC | 53 | 19 |\n\n\
         In Q4 2024 the 3nm node reached 26% of wafer revenue.\n",
    );
    let fields = ["/subject", "/metric", "/period", "/value/unit"];
    assert_eq!(
        fields_of(&json, 868.46e9, &fields),
        ["Amazon", "revenue", "Q4 2024", "TWD"]
    );
    assert_eq!(
        fields_of(&json, 3.4e6, &fields),
        ["Amazon", "wafer shipments", "Q4 2024", "count"]
    );
    assert_eq!(fields_of(&json, 53.0, &fields), ["HPC", "", "Q4 2024", "%"]);
    let growth = record_of(&json, 19.0);
    assert!(
        growth["value"].is_null(),
        "the growth is a figure of its own: {growth:#}"
    );
    assert_eq!(
        (
            growth["subject"].as_str(),
            growth["metric"].as_str(),
            growth["change"]["basis"].as_str()
        ),
        (Some("HPC"), Some("revenue"), Some("QoQ"))
    );
    assert_eq!(fields_of(&json, 26.0, &fields), ["Amazon", "", "Q4 2024", "%"]);
}

/// A heading that names a year in a note whose `period` is that fiscal year says the
/// fiscal year: the figures under "# Acme 2024 scorecard" are of `FY 2024`, as the front
/// matter says, not of a plain "2024".
#[test]
fn a_headings_year_is_the_notes_fiscal_year() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Acme scorecard\nperiod: FY 2024\n---\n\n# Acme 2024 scorecard\n\n## Headline numbers\n\n\
         - Revenue: $10.0 billion (+12% YoY)\n",
    );
    assert_eq!(fields_of(&json, 10e9, &["/metric", "/period"]), ["revenue", "FY 2024"]);
}

/// Under a heading that says its rows are segments, a row or list item led by a topic
/// named like a metric (Shell's Marketing segment) gives the segment's figures, of the
/// metric the heading names; elsewhere "Marketing: $2.1 billion" is the marketing expense.
#[test]
fn a_segment_named_like_a_metric_leads_its_rows_under_a_heading_of_segments() {
    let json = metrics_of_note(
        &["Marketing", "Headcount"],
        "---\ntitle: Segments\nperiod: FY 2024\n---\n\n## Adjusted earnings by segment ($ millions)\n\n\
         | Segment | Q3 2024 | Q4 2024 |\n|---|---:|---:|\n| Marketing | 1,388 | 863 |\n\n\
         ## Segment adjusted earnings for the year\n\n- Marketing: $4.61 billion\n\n\
         Headcount declined by 23,000 to 611,000 employees.\n\n\
         ## Costs\n\n- Marketing: $2.1 billion\n",
    );
    let fields = ["/subject", "/metric", "/period"];
    // Prose under the heading is no row: its topic named like a metric is still the metric.
    assert_eq!(fields_of(&json, 611e3, &fields), ["Amazon", "headcount", "FY 2024"]);
    assert_eq!(
        fields_of(&json, 1.388e9, &fields),
        ["Marketing", "adjusted earnings", "Q3 2024"]
    );
    assert_eq!(
        fields_of(&json, 4.61e9, &fields),
        ["Marketing", "adjusted earnings", "FY 2024"]
    );
    assert_eq!(fields_of(&json, 2.1e9, &fields), ["Amazon", "marketing", "FY 2024"]);
}

/// "For the full year 2024, revenue rose …" opens a paragraph of that year: the
/// sentences after it in the paragraph are dated by it, the next paragraph is not; an
/// earlier year said in passing ("For the full year 2023, free cash flow was …") dates
/// only its own sentence.
#[test]
fn a_full_year_said_first_dates_the_rest_of_its_paragraph() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Acme results\nperiod: Q4 2024\n---\n\n## Full year\n\n\
         For the full year 2024, revenue increased 34% to $90.1 billion. Gross margin was 56.1%. \
         EPS was $4.52.\n\n\
         Operating margin was 49.0%.\n\n\
         ## An aside\n\n\
         For the full year 2023, free cash flow was $27.0 billion. Net margin was 43.1%, \
         up from 2023.\n",
    );
    let fields = ["/metric", "/period"];
    assert_eq!(fields_of(&json, 90.1e9, &fields), ["revenue", "FY 2024"]);
    assert_eq!(fields_of(&json, 56.1, &fields), ["gross margin", "FY 2024"]);
    assert_eq!(fields_of(&json, 4.52, &fields), ["eps", "FY 2024"]);
    assert_eq!(fields_of(&json, 49.0, &fields), ["operating margin", "Q4 2024"]);
    assert_eq!(fields_of(&json, 27e9, &fields), ["free cash flow", "FY 2023"]);
    assert_eq!(fields_of(&json, 43.1, &fields), ["net margin", "Q4 2024"]);
}

/// A row whose label counts something under its own scale ("Rooms at year end
/// (thousands)") holds counts of it in that scale; a row of what happened to the things
/// ("Rooms signed") is another count than the things themselves.
#[test]
fn a_rows_own_scale_counts_what_its_label_names() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Rooms\nperiod: FY 2024\n---\n\n## Development\n\n\
         | Measure | FY 2023 | FY 2024 |\n|---|---|---|\n\
         | Rooms at year end (thousands) | 1,597 | 1,706 |\n\
         | Rooms signed (thousands) | 139 | 164 |\n",
    );
    let fields = ["/metric", "/period", "/value/unit"];
    assert_eq!(fields_of(&json, 1.706e6, &fields), ["rooms", "FY 2024", "count"]);
    assert_eq!(fields_of(&json, 164e3, &fields), ["rooms signed", "FY 2024", "count"]);
}

/// A utility's renewables backlog in a table captioned in megawatts and one in gigawatts:
/// both are counts of megawatts, so the two tables' totals of the same year agree, and
/// prose that says gigawatts gives the same number.
#[test]
fn capacity_in_megawatts_and_gigawatts_is_one_count() {
    let json = metrics_of_note(
        &[],
        "---\ntitle: Backlog\n---\n\n\
         Energy Resources added about 3.2 gigawatts to its backlog in the fourth quarter of 2024.\n\n\
         ## Backlog additions, 2024 (megawatts)\n\n\
         | Line | Q3 2024 | Q4 2024 |\n\
         |---|---:|---:|\n\
         | Backlog additions | 3,100 | 3,200 |\n\n\
         ## Backlog additions by year (gigawatts)\n\n\
         | Line | FY 2023 | FY 2024 |\n\
         |---|---:|---:|\n\
         | Backlog additions | 9.0 | 12.6 |\n",
    );
    let is = |amount: f64, metric: &str, period: &str| {
        let said = fields_of(&json, amount, &["/metric", "/period", "/value/unit"]);
        assert_eq!(said, [metric, period, "count"], "{amount}: {json:#}");
    };
    is(3_100.0, "backlog additions", "Q3 2024");
    is(9_000.0, "backlog additions", "FY 2023");
    is(12_600.0, "backlog additions", "FY 2024");
    let q4: Vec<_> = records(&json)
        .iter()
        .filter(|r| r["value"]["amount"] == 3200.0)
        .map(|r| r["period"].clone())
        .collect();
    assert_eq!(q4, ["Q4 2024", "Q4 2024"], "{json:#}");
    assert_eq!(json["conflicts"], serde_json::json!([]), "{json:#}");
}

/// A miner's half-year table: "(US$ millions, except where stated)" scales the money rows,
/// "(US cents)" makes its row hundredths of the dollar, not millions; the halves of a year
/// that ends in June are "H1 FY24" and "H2 FY24"; "Mt" and "kt" are tonnes.
#[test]
fn a_miners_half_year_table_reads_us_cents_halves_and_tonnes() {
    let tmp = site_of(
        &[],
        "---\ntitle: Halves\n---\n\n\
         ## Group results (US$ millions, except where stated)\n\n\
         | | H1 FY24 | H2 FY24 |\n\
         |---|---|---|\n\
         | Revenue | 27,234 | 28,424 |\n\
         | Underlying EPS (US cents) | 129.6 | 139.8 |\n\n\
         Western Australia Iron Ore produced 142.6 Mt in the half year ended 31 December 2023, \
         and copper production was 867 kt.\n",
    );
    let json = metrics_with_fiscal_year(tmp.path(), "BHP", "June");
    let is = reads_as(&json);
    is(27_234e6, "revenue", "H1 2024", "USD");
    is(28_424e6, "revenue", "H2 2024", "USD");
    is(1.296, "underlying eps", "H1 2024", "USD");
    is(142.6e6, "production", "H1 2024", "count");
    is(867e3, "production", "H1 2024", "count");
}

/// An Indian company's results: a table captioned in ₹ crore, with its digits grouped in
/// lakhs and crores, and a wire story whose months take their year from its dateline.
#[test]
fn a_table_in_rupee_crore_and_a_dated_wire_read_as_their_writers_mean() {
    let tmp = site_of(
        &[],
        "---\ntitle: Rupees\n---\n\n\
         ## Fiscal 2025 in rupees (₹ crore)\n\n\
         | | Q4 FY25 | FY25 |\n\
         |---|---|---|\n\
         | Revenue | 40,925 | 1,62,990 |\n\
         | Net profit | 7,033 | 26,713 |\n\n\
         BENGALURU, Oct 17, 2024 — Infosys reported July-September net profit of Rs 6,506 crore, \
         and the board approved a buyback of 10 crore shares.\n",
    );
    let json = metrics_with_fiscal_year(tmp.path(), "Infosys", "March");
    let is = reads_as(&json);
    is(409_250e6, "revenue", "Q4 2025", "INR");
    is(1_629_900e6, "revenue", "FY 2025", "INR");
    is(70_330e6, "net income", "Q4 2025", "INR");
    is(65_060e6, "net income", "Q2 2025", "INR");
    is(100e6, "shares", "Q2 2025", "count");
}

/// What the site at `dir` reports with a default subject and the month its fiscal year
/// ends in.
fn metrics_with_fiscal_year(dir: &Path, subject: &str, year_end: &str) -> Value {
    write_in(
        dir,
        "site.toml",
        &format!(
            "title = \"T\"\nbase_url = \"http://localhost/\"\n\n[metrics]\ndefault_subject = \"{subject}\"\nfiscal_year_end = \"{year_end}\"\n"
        ),
    );
    metrics_json(dir)
}

/// A check that the figure of `amount` in `json` has the metric, period and unit given.
fn reads_as<'j>(json: &'j Value) -> impl Fn(f64, &str, &str, &str) + 'j {
    move |amount: f64, metric: &str, period: &str, unit: &str| {
        let said = fields_of(json, amount, &["/metric", "/period", "/value/unit"]);
        assert_eq!(said, [metric, period, unit], "{amount}: {json:#}");
    }
}

/// A plane maker's counts: a list of deliveries by program under a caption that names
/// them, a table of them by program and a row of them in a table of money, and
/// production rates said "a month".
#[test]
fn deliveries_by_program_and_rates_a_month_are_counts() {
    let tmp = site_of(
        &[],
        "---\ntitle: Deliveries\nperiod: FY 2024\n---\n\n\
         Commercial deliveries for the year:\n\n\
         - 737: 265 (2023: 396)\n\
         - 787: 54\n\n\
         ## Commercial deliveries by program\n\n\
         | Program | FY 2023 | FY 2024 |\n\
         |---|---:|---:|\n\
         | 767 | 32 | 16 |\n\n\
         ## Quarterly results ($ millions, except deliveries)\n\n\
         | | Q1 2024 | Q2 2024 |\n\
         |---|---:|---:|\n\
         | Revenue | 16,569 | 16,866 |\n\
         | Commercial deliveries | 83 | 92 |\n\n\
         The 787 line is at 5 a month, and the 737 is capped at 38 a month. It hires 40 a month.\n",
    );
    let json = metrics_with_fiscal_year(tmp.path(), "Boeing", "December");
    let is = reads_as(&json);
    is(265.0, "deliveries", "FY 2024", "count");
    is(54.0, "deliveries", "FY 2024", "count");
    is(32.0, "deliveries", "FY 2023", "count");
    is(16.0, "deliveries", "FY 2024", "count");
    is(16_569e6, "revenue", "Q1 2024", "USD");
    is(83.0, "deliveries", "Q1 2024", "count");
    is(5.0, "production rate", "FY 2024", "count");
    is(38.0, "production rate", "FY 2024", "count");
    // No jetliner family is a figure, nor a number a month of no making.
    let amounts: Vec<f64> = (json["metrics"].as_array().unwrap().iter())
        .filter_map(|r| r["value"]["amount"].as_f64())
        .collect();
    for name in [737.0, 787.0, 767.0, 40.0] {
        assert!(!amounts.contains(&name), "{name} read as a figure: {amounts:?}");
    }
}
