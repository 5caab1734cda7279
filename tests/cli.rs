//! The command line as an author meets it: `init`, `new`, `check`, the build flags, exit
//! codes (0 ok, 1 build errors, 2 usage) and `--version`.

mod common;

use common::{Site, folio_in};

/// Today's date as `folio new` writes it; both sides of midnight are accepted.
fn today_candidates() -> [String; 2] {
    let before = chrono::Local::now();
    let after = before + chrono::Duration::seconds(5);
    [
        before.format("%Y-%m-%d").to_string(),
        after.format("%Y-%m-%d").to_string(),
    ]
}

/// The one note in `content/<section>/` whose name ends with `suffix`.
fn find_note(site: &Site, section: &str, suffix: &str) -> String {
    let dir = site.root().join("content").join(section);
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(suffix))
        .collect();
    assert_eq!(names.len(), 1, "notes ending in {suffix}: {names:?}");
    format!("content/{section}/{}", names[0])
}

// ---- init --------------------------------------------------------------------------------

#[test]
fn init_makes_a_new_site_that_builds() {
    let folder = Site::empty();
    folio_in(folder.root(), &["init", "my-research"]).success();
    let site_root = folder.root().join("my-research");
    assert!(site_root.join("site.toml").is_file());
    assert!(site_root.join("content").is_dir());

    let run = folio_in(folder.root(), &["-C", "my-research", "build"]).success();
    assert!(run.stdout.starts_with("built "), "{run}");
    assert!(site_root.join("public/index.html").is_file());
    let broken = common::broken_links(&site_root.join("public"), "/");
    assert!(broken.is_empty(), "a new site has broken links:\n{}", broken.join("\n"));
}

#[test]
fn init_refuses_an_existing_site_and_changes_nothing() {
    let site = Site::fixture("tiny");
    let before = site.sources();
    let run = site.folio(&["init"]).exit(1);
    assert!(run.stderr.contains("site.toml"), "{run}");
    assert_eq!(site.sources(), before, "init touched an existing site");
}

// ---- new ---------------------------------------------------------------------------------

#[test]
fn new_writes_a_dated_note_with_its_front_matter() {
    let site = Site::fixture("tiny");
    let run = site.folio(&["new", "My Title"]).success();
    let rel = find_note(&site, "notes", "-my-title.md");
    assert!(
        today_candidates()
            .iter()
            .any(|d| rel == format!("content/notes/{d}-my-title.md")),
        "{rel} is not content/notes/<today>-my-title.md"
    );
    assert!(run.stdout.contains(&rel), "{run}");
    let text = site.read(&rel);
    assert!(text.starts_with("---\n"), "{text}");
    assert!(text.contains("title: \"My Title\""), "{text}");
    assert!(text.contains("layout: post"), "{text}");
    assert!(
        today_candidates().iter().any(|d| text.contains(&format!("date: {d}"))),
        "{text}"
    );

    site.build().success();
    assert!(site.page("/notes/my-title/").contains("<h1>My Title</h1>"));
}

#[test]
fn new_refuses_to_overwrite_a_note() {
    let site = Site::fixture("tiny");
    site.folio(&["new", "My Title"]).success();
    let rel = find_note(&site, "notes", "-my-title.md");
    site.write(&rel, "---\ntitle: \"My Title\"\n---\nWords the author wrote.\n");
    let run = site.folio(&["new", "My Title"]).exit(1);
    assert!(run.stderr.contains("already exists"), "{run}");
    assert!(site.read(&rel).contains("Words the author wrote."));
}

#[test]
fn new_with_a_section_writes_into_that_folder() {
    let site = Site::fixture("tiny");
    site.folio(&["new", "Reading list", "--section", "library"]).success();
    find_note(&site, "library", "-reading-list.md");
    site.build().success();
    assert!(site.has_page("/library/reading-list/"));
}

#[test]
fn new_topic_writes_a_topic_page() {
    let site = Site::fixture("tiny");
    site.folio(&["new", "Project Kuiper", "--topic"]).success();
    let text = site.read("content/topics/project-kuiper.md");
    assert!(text.contains("title: \"Project Kuiper\""), "{text}");
    assert!(text.contains("aliases:"), "{text}");
    let run = site.build().success();
    assert!(run.stdout.contains("(1 topic,"), "{run}");
    assert!(site.page("/topics/project-kuiper/").contains("<h1>Project Kuiper</h1>"));
}

// ---- check -------------------------------------------------------------------------------

#[test]
fn check_passes_on_the_example_site_and_writes_nothing() {
    let site = Site::example();
    let run = site.check().success();
    assert!(run.stdout.contains("check passed"), "{run}");
    assert!(!site.output().exists(), "check wrote an output folder");
}

// ---- build flags -------------------------------------------------------------------------

#[test]
fn build_out_writes_the_site_into_another_folder() {
    let mut site = Site::fixture("tiny");
    site.output_dir = "elsewhere".into();
    site.build_with(&["--out", "elsewhere"]).success();
    assert!(site.page("/notes/first-call/").contains("<h1>First call</h1>"));
    assert!(!site.root().join("public").exists(), "public/ was written too");
}

#[test]
fn build_out_into_a_folder_of_other_files_deletes_none_of_them() {
    // A typo'd --out that names a folder of the author's own: folio must not swap it away.
    let site = Site::fixture("tiny");
    let elsewhere = Site::empty();
    elsewhere.write("thesis/chapter-1.md", "Months of work.\n");
    let target = elsewhere.root().join("thesis");
    let run = site.folio(&["build", "--out", target.to_str().unwrap()]).exit(1);
    assert_eq!(
        std::fs::read_to_string(target.join("chapter-1.md")).ok().as_deref(),
        Some("Months of work.\n"),
        "the author's file was deleted\n{run}"
    );
    assert!(run.stderr.contains("thesis"), "{run}");
}

#[test]
fn build_base_url_overrides_site_toml() {
    let site = Site::fixture("tiny");
    site.build_with(&["--base-url", "https://example.net/notes-site/"])
        .success();
    let html = site.page("/notes/first-call/");
    assert!(html.contains("href=\"/notes-site/notes/\""), "{html}");
    assert!(
        site.output_file("atom.xml")
            .contains("https://example.net/notes-site/notes/first-call/")
    );
    assert!(
        site.broken_links("/notes-site/").is_empty(),
        "{:?}",
        site.broken_links("/notes-site/")
    );
}

#[test]
fn build_outside_a_site_fails_and_points_at_init() {
    let folder = Site::empty();
    let run = folio_in(folder.root(), &["build"]).exit(1);
    assert!(run.stderr.contains("site.toml"), "{run}");
    assert!(run.stderr.contains("folio init"), "{run}");
}

// ---- metrics -----------------------------------------------------------------------------

/// `folio metrics | head` closes the pipe before folio has written everything: each
/// format stops quietly, with no panic and no error.
#[test]
fn metrics_stop_quietly_when_the_reader_goes_away() {
    let site = Site::fixture("figures");
    for format in ["table", "json", "csv"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(["metrics", "--format", format])
            .current_dir(site.root())
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run folio");
        // The reader goes away before folio has built the site and written a line.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("folio ends");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{format}: {:?} {stderr}", out.status);
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
    }
}

// ---- usage -------------------------------------------------------------------------------

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let site = Site::fixture("tiny");
    let run = site.folio(&["build", "--nosuchflag"]).exit(2);
    assert!(run.stderr.contains("--nosuchflag"), "{run}");
    assert!(!site.output().exists(), "a usage error built the site");
}

#[test]
fn no_subcommand_is_a_usage_error() {
    let run = folio_in(&common::repo(), &[]).exit(2);
    assert!(run.stderr.contains("Usage"), "{run}");
}

#[test]
fn new_without_a_title_is_a_usage_error() {
    let site = Site::fixture("tiny");
    site.folio(&["new"]).exit(2);
}

#[test]
fn version_prints_the_version() {
    let run = folio_in(&common::repo(), &["--version"]).success();
    assert_eq!(run.stdout.trim(), concat!("folio ", env!("CARGO_PKG_VERSION")));
}
