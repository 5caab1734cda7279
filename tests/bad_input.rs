//! Bad input, case by case as DESIGN.md lists it (those not about serving): what the author
//! sees on stderr, the exit code, and that a failed build leaves the last good site alone.
//!
//! Each failing case starts from the `tiny` fixture built once, so there is a previous
//! output to protect; then the author breaks something and builds again.

mod common;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use common::{Run, Site};

const FIRST_CALL: &str = "/notes/first-call/";

/// The tiny site, built: the "previous output" a failed build must leave untouched.
fn built_site() -> (Site, BTreeMap<PathBuf, u64>) {
    let site = Site::fixture("tiny");
    site.build().success();
    assert!(site.has_page(FIRST_CALL));
    let state = site.output_state();
    (site, state)
}

/// A build that failed: exit 1, the last good output as it was, no staging folder left.
fn assert_failed_and_kept(site: &Site, before: &BTreeMap<PathBuf, u64>, run: &Run) {
    assert_eq!(run.code, 1, "the build should fail\n{run}");
    assert!(run.stderr.contains("the previous output was left in place"), "{run}");
    site.assert_output_untouched(before);
    assert!(site.page(FIRST_CALL).contains("<h1>First call</h1>"));
}

// ---- front matter ----------------------------------------------------------------------

#[test]
fn malformed_yaml_names_the_file_and_the_bad_line() {
    let (site, before) = built_site();
    site.write(
        "content/notes/bad.md",
        "---\ntitle: Q4: a record quarter\ndate: 2024-02-01\n---\nBody.\n",
    );
    let run = site.build();
    assert_failed_and_kept(&site, &before, &run);
    let error = run.diagnostic(&["content/notes/bad.md:2:", "error"]);
    assert!(error.contains("YAML"), "{error}");
    assert!(run.help_for(&["content/notes/bad.md:2:"]).contains("quote"));
}

#[test]
fn an_unclosed_quote_or_list_names_the_line_it_opens_on() {
    let (site, before) = built_site();
    // Line 2 opens a quote that never closes; line 3 opens a list that never closes.
    site.write(
        "content/notes/quote.md",
        "---\ntitle: \"Q4 call\ndate: 2024-02-01\n---\nBody.\n",
    );
    site.write(
        "content/notes/list.md",
        "---\ntitle: Q4 call\ntags: [aws, ai\ndate: 2024-02-01\n---\nBody.\n",
    );
    let run = site.build();
    assert_failed_and_kept(&site, &before, &run);
    run.diagnostic(&["content/notes/quote.md:2:", "error"]);
    run.diagnostic(&["content/notes/list.md:3:", "error"]);
}

/// YAML lets a quoted value run on over lines: the next quote mark, lines later, closes
/// it, and the parser stumbles there. The author's mistake is the line the quote opens on.
#[test]
fn a_quote_closed_lines_later_names_the_line_it_opens_on() {
    let (site, before) = built_site();
    site.write(
        "content/notes/runaway.md",
        "---\ntitle: \"Q4 call\ndate: 2024-02-01\ndescription: \"Record profit, and more.\"\n---\nBody.\n",
    );
    let run = site.build();
    assert_failed_and_kept(&site, &before, &run);
    let error = run.diagnostic(&["content/notes/runaway.md:2:8", "error"]);
    assert!(error.contains("runs on to line 4"), "{error}");
    assert!(run.help_for(&["content/notes/runaway.md:2:"]).contains("quote mark"));
}

#[test]
fn front_matter_that_never_closes_is_an_error_at_line_1() {
    let (site, before) = built_site();
    site.write(
        "content/notes/open.md",
        "---\ntitle: Never closed\n\nThe body starts here.\n",
    );
    let run = site.build();
    assert_failed_and_kept(&site, &before, &run);
    let error = run.diagnostic(&["content/notes/open.md:1:", "error"]);
    assert!(error.contains("never closes"), "{error}");
    assert!(run.help_for(&["content/notes/open.md:1:"]).contains("---"));
}

#[test]
fn non_utf8_bytes_name_the_line_and_say_utf8() {
    let (site, before) = built_site();
    // "café" saved as Latin-1 on line 4.
    site.write(
        "content/notes/latin1.md",
        b"---\ntitle: Latin-1\n---\nThe caf\xe9 opens.\n",
    );
    let run = site.build();
    assert_failed_and_kept(&site, &before, &run);
    let error = run.diagnostic(&["content/notes/latin1.md:4:", "error"]);
    assert!(error.contains("UTF-8"), "{error}");
    assert!(run.help_for(&["content/notes/latin1.md:4:"]).contains("UTF-8"));
}

#[test]
fn a_bad_date_names_the_line_of_the_date_key() {
    let (site, before) = built_site();
    site.write(
        "content/notes/when.md",
        "---\ntitle: When?\ndate: yesterday\n---\nBody.\n",
    );
    let run = site.build();
    assert_failed_and_kept(&site, &before, &run);
    let error = run.diagnostic(&["content/notes/when.md:3", "error"]);
    assert!(error.contains("yesterday"), "{error}");
    assert!(run.help_for(&["content/notes/when.md:3"]).contains("2024-02-01"));
}

#[test]
fn a_date_that_is_no_day_says_why() {
    let (site, before) = built_site();
    site.write(
        "content/notes/leap.md",
        "---\ntitle: Leap\ndate: 2024-02-31\n---\nBody.\n",
    );
    let run = site.build();
    assert_failed_and_kept(&site, &before, &run);
    let error = run.diagnostic(&["content/notes/leap.md:3", "error"]);
    assert!(error.contains("February 2024 has 29 days"), "{error}");
    site.write(
        "content/notes/leap.md",
        "---\ntitle: Leap\ndate: 2024-13-01 10:00\n---\nBody.\n",
    );
    let run = site.build();
    let error = run.diagnostic(&["content/notes/leap.md:3", "error"]);
    assert!(error.contains("there is no month 13"), "{error}");
}

#[test]
fn two_notes_with_the_same_permalink_are_both_named() {
    let (site, before) = built_site();
    // Slug first-call, like content/notes/2024-02-01-first-call.md.
    site.write(
        "content/notes/copy.md",
        "---\ntitle: A copy\nslug: first-call\n---\nBody.\n",
    );
    let run = site.build();
    assert_failed_and_kept(&site, &before, &run);
    let error = run.diagnostic(&["error", "/notes/first-call/"]);
    assert!(error.contains("content/notes/copy.md"), "{error}");
    assert!(error.contains("content/notes/2024-02-01-first-call.md"), "{error}");
    assert!(run.help_for(&["error", "/notes/first-call/"]).contains("slug"));
}

// ---- site.toml ---------------------------------------------------------------------------

#[test]
fn a_fiscal_year_end_that_is_no_month_names_the_line_and_what_to_write() {
    let (site, before) = built_site();
    site.append_config("\n[metrics]\nfiscal_year_end = \"Marsh\"\n");
    let run = site.build();
    assert_failed_and_kept(&site, &before, &run);
    let error = run.diagnostic(&["site.toml:5:", "error", "Marsh"]);
    assert!(error.contains("fiscal_year_end"), "{error}");
    assert!(run.help_for(&["site.toml:5:"]).contains("\"March\""), "{run}");
}

// ---- templates and themes ----------------------------------------------------------------

#[test]
fn an_unknown_theme_is_an_error_naming_it() {
    let (site, before) = built_site();
    site.append_config("theme = \"nosuch\"\n");
    let run = site.build();
    assert_failed_and_kept(&site, &before, &run);
    let error = run.diagnostic(&["site.toml", "error", "nosuch"]);
    assert!(error.contains("theme"), "{error}");
}

/// A theme of the site's own that has only base.html.
fn site_with_bare_theme() -> (Site, BTreeMap<PathBuf, u64>) {
    let (site, before) = built_site();
    site.write(
        "themes/bare/templates/base.html",
        "<html><body>{% block main %}{% endblock main %}</body></html>\n",
    );
    site.append_config("theme = \"bare\"\n");
    (site, before)
}

#[test]
fn a_theme_missing_a_template_fails_and_names_it() {
    let (site, before) = site_with_bare_theme();
    let run = site.build();
    assert_failed_and_kept(&site, &before, &run);
    run.diagnostic(&["error", "page.html"]);
}

#[test]
fn a_missing_template_error_says_where_to_add_it() {
    let (site, _) = site_with_bare_theme();
    let run = site.build().exit(1);
    // Today: `page.html: error: Template 'page.html' not found`, a path that exists nowhere,
    // once per page, with the help "fix the template, or the value it uses, named above".
    run.diagnostic(&["error", "templates/page.html"]);
}

#[test]
fn a_template_syntax_error_names_the_template_file() {
    let (site, before) = built_site();
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ page.title </h1>\n{% endblock main %}\n",
    );
    let run = site.build();
    assert_failed_and_kept(&site, &before, &run);
    run.diagnostic(&["templates/page.html", "error"]);
    assert!(run.stderr.contains("help:"), "{run}");
}

// ---- links -------------------------------------------------------------------------------

#[test]
fn a_broken_internal_link_warns_on_build_and_fails_check() {
    let site = Site::fixture("tiny");
    site.write(
        "content/notes/2024-06-01-pointer.md",
        "---\ntitle: Pointer\n---\nSee [the third call](2024-08-01-third-call.md).\n",
    );
    let run = site.build().success();
    let warning = run.diagnostic(&["content/notes/2024-06-01-pointer.md:4", "warning"]);
    assert!(warning.contains("2024-08-01-third-call.md"), "{warning}");
    assert!(site.has_page("/notes/pointer/"));

    let check = site.check().exit(1);
    check.diagnostic(&["content/notes/2024-06-01-pointer.md:4", "error", "third-call"]);
}

#[test]
fn a_broken_wikilink_warns_on_build_and_fails_check() {
    let site = Site::fixture("tiny");
    site.write(
        "content/notes/2024-06-01-pointer.md",
        "---\ntitle: Pointer\n---\nSee [[First call]].\n\nAnd [[Nowhere in particular]].\n",
    );
    let run = site.build().success();
    let warning = run.diagnostic(&["content/notes/2024-06-01-pointer.md:6", "warning"]);
    assert!(warning.contains("Nowhere in particular"), "{warning}");
    assert!(!run.stderr.contains("First call"), "the good wikilink resolved\n{run}");

    let check = site.check().exit(1);
    check.diagnostic(&[
        "content/notes/2024-06-01-pointer.md:6",
        "error",
        "Nowhere in particular",
    ]);
}

#[test]
fn an_unknown_topic_in_related_warns_on_build_and_fails_check() {
    let site = Site::fixture("tiny");
    site.write(
        "content/topics/aws.md",
        "---\ntitle: AWS\nrelated: [\"Teleportation\"]\n---\nAmazon's cloud.\n",
    );
    let run = site.build().success();
    run.diagnostic(&["content/topics/aws.md:3", "warning", "Teleportation"]);

    let check = site.check().exit(1);
    check.diagnostic(&["content/topics/aws.md:3", "error", "Teleportation"]);
}

// ---- files that are odd but buildable ------------------------------------------------------

#[test]
fn an_empty_file_builds_with_a_warning() {
    let site = Site::fixture("tiny");
    site.write("content/notes/placeholder.md", "");
    let run = site.build().success();
    let warning = run.diagnostic(&["content/notes/placeholder.md", "warning"]);
    assert!(warning.contains("empty"), "{warning}");
    assert!(site.page("/notes/placeholder/").contains("<h1>placeholder</h1>"));
}

#[test]
fn a_note_with_no_front_matter_builds_titled_from_its_heading_else_its_file_name() {
    let site = Site::fixture("tiny");
    site.write(
        "content/notes/raw-thoughts.md",
        "# Raw thoughts on Kuiper\n\nNo front matter.\n",
    );
    site.write("content/notes/scratch-pad.md", "Just a line, no heading.\n");
    let run = site.build().success();
    assert_eq!(run.stderr, "", "nothing to warn about\n{run}");
    assert!(
        site.page("/notes/raw-thoughts/")
            .contains("<title>Raw thoughts on Kuiper · Tiny site</title>")
    );
    assert!(site.page("/notes/scratch-pad/").contains("<h1>scratch pad</h1>"));
}

#[test]
fn mis_decoded_text_warns_with_file_and_line_and_the_build_goes_on() {
    let site = Site::fixture("tiny");
    site.write(
        "content/notes/pasted.md",
        "---\ntitle: Pasted\n---\nFirst line.\nThe companyâ€™s margin grew.\n",
    );
    let run = site.build().success();
    let warning = run.diagnostic(&["content/notes/pasted.md:5:", "warning"]);
    assert!(warning.contains("mis-decoded"), "{warning}");
    assert!(site.page("/notes/pasted/").contains("margin grew"));
}

/// Writes a note of about `mb` megabytes: paragraphs from `paragraph(i)`, a heading every
/// 200 paragraphs, and a last line that says it is the end.
fn write_big_note(site: &Site, rel: &str, mb: usize, paragraph: impl Fn(usize) -> String) {
    let path = site.root().join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    write!(file, "---\ntitle: The whole archive\ndate: 2024-03-01\n---\n\n").unwrap();
    let mut written = 0;
    let mut i = 0;
    while written < mb * 1024 * 1024 {
        if i % 200 == 0 {
            let heading = format!("## Part {}\n\n", i / 200 + 1);
            written += heading.len();
            file.write_all(heading.as_bytes()).unwrap();
        }
        let text = paragraph(i) + "\n\n";
        written += text.len();
        file.write_all(text.as_bytes()).unwrap();
        i += 1;
    }
    writeln!(file, "This is where the archive ends.").unwrap();
}

// These three are about input size, not speed: they assert the build finishes and the page is
// whole. How long it takes is measured in bench/ (see bench/README.md), never asserted here.

#[test]
fn a_50_mb_note_builds_whole() {
    let site = Site::fixture("tiny");
    write_big_note(&site, "content/notes/archive.md", 50, |i| {
        format!(
            "Paragraph {i} of the archive. The stores business kept getting cheaper to run as the \
             network was split into regions, and delivery to members kept getting faster. \
             Management sounded patient about the satellites and impatient about the cloud. \
             Analysts asked about the chips, the models and the applications on top of them."
        )
    });
    let run = site.build().success();
    assert!(run.stdout.starts_with("built "), "{run}");
    let page = site.output().join("notes/archive/index.html");
    let size = std::fs::metadata(&page).expect("the archive page").len();
    assert!(size > 50 * 1024 * 1024, "the page holds the whole note ({size} bytes)");
    let tail = tail_of(&page, 64 * 1024);
    assert!(tail.contains("This is where the archive ends."));
}

#[test]
fn a_50_mb_note_full_of_figures_builds_and_exports_its_figures() {
    // The same archive, but each paragraph states one figure, as research notes do.
    let site = Site::fixture("tiny");
    write_big_note(&site, "content/notes/archive.md", 50, |i| {
        format!(
            "Paragraph {i} of the archive. The stores business kept getting cheaper to run as the \
             network was split into regions. AWS revenue grew 13% year-over-year to $24.2 billion \
             in Q4 2023. Analysts asked about the chips, the models and the applications."
        )
    });
    site.build().success();
    assert!(site.has_page("/notes/archive/"));
    let csv = std::fs::read_to_string(site.output().join("metrics.csv")).expect("metrics.csv");
    let archive_rows = csv.lines().filter(|l| l.contains("/notes/archive/")).count();
    assert!(
        archive_rows > 100_000,
        "every paragraph's figure is exported ({archive_rows} rows)"
    );
}

#[test]
fn a_transcript_with_thousands_of_identical_headings_gets_unique_ids() {
    // 1 MB: a call transcript with a "## Question" heading before each of 20,000 answers.
    let site = Site::fixture("tiny");
    let mut text = String::from("---\ntitle: Transcript\n---\n\n");
    for _ in 0..20_000 {
        text.push_str("## Question\n\nWhat about the margins this time around?\n\n");
    }
    site.write("content/notes/transcript.md", text);
    site.build().success();
    let html = site.page("/notes/transcript/");
    let ids = common::ids_in(&html);
    assert!(ids.contains(&"question".to_string()) && ids.contains(&"question-19999".to_string()));
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "every id on the page is unique");
}

fn tail_of(path: &std::path::Path, bytes: u64) -> String {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = std::fs::File::open(path).unwrap();
    let len = f.metadata().unwrap().len();
    f.seek(SeekFrom::Start(len.saturating_sub(bytes))).unwrap();
    let mut buf = Vec::new();
    f.read_to_end(&mut buf).unwrap();
    String::from_utf8_lossy(&buf).into_owned()
}

// ---- site.toml -----------------------------------------------------------------------------

#[test]
fn a_wrong_type_in_site_toml_names_the_key_and_its_line() {
    let (site, before) = built_site();
    // site.toml has title and base_url; this is line 3.
    site.append_config("paginate = \"ten\"\n");
    let run = site.build();
    assert_failed_and_kept(&site, &before, &run);
    let error = run.diagnostic(&["site.toml:3", "error"]);
    assert!(error.contains("paginate"), "{error}");
    assert!(run.help_for(&["site.toml:3"]).contains("type"));
}

#[test]
fn an_unknown_site_toml_key_is_a_warning_naming_it() {
    let site = Site::fixture("tiny");
    site.append_config("colour = \"blue\"\n");
    let run = site.build().success();
    run.diagnostic(&["site.toml:3", "warning", "colour"]);
    assert!(site.has_page(FIRST_CALL));
}

// ---- the build as a whole ------------------------------------------------------------------

#[test]
fn every_error_of_a_build_is_reported_in_one_run() {
    let (site, before) = built_site();
    site.write("content/notes/a-bad-date.md", "---\ntitle: A\ndate: someday\n---\n");
    site.write("content/notes/b-never-closed.md", "---\ntitle: B\n\nBody.\n");
    site.write("content/notes/c-latin1.md", b"---\ntitle: C\n---\nna\xefve\n");
    let run = site.build();
    assert_failed_and_kept(&site, &before, &run);
    run.diagnostic(&["content/notes/a-bad-date.md:3", "error"]);
    run.diagnostic(&["content/notes/b-never-closed.md:1", "error"]);
    run.diagnostic(&["content/notes/c-latin1.md:4", "error"]);
    assert!(run.stderr.contains("3 error(s)"), "{run}");
}

#[test]
fn folio_never_modifies_the_sources() {
    let site = Site::example();
    site.write("content/notes/broken.md", "---\ntitle: \"Broken\n---\n");
    let sources = site.sources();
    site.build().exit(1);
    assert_eq!(site.sources(), sources, "a failed build");
    site.remove("content/notes/broken.md");
    let sources = site.sources();
    site.build().success();
    site.build_with(&["--drafts"]).success();
    site.check().success();
    assert_eq!(site.sources(), sources, "builds and a check");
}
