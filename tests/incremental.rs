//! Incremental rebuilds give the same site as a clean build, after any sequence of
//! edits, adds, deletes and renames (generated from a fixed seed, so failures replay).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use folio::BuildOptions;
use folio::incremental::Build;

/// A small deterministic generator (no dependency needed for a test's dice).
struct Dice(u64);

impl Dice {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walk(from) {
        let dest = to.join(entry.strip_prefix(from).unwrap());
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&entry, dest).unwrap();
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(read) = std::fs::read_dir(dir) {
        for e in read.flatten() {
            let p = e.path();
            if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
        }
    }
    out.sort();
    out
}

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walk(dir)
        .into_iter()
        .map(|p| {
            (
                p.strip_prefix(dir).unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

fn notes(site: &Path) -> Vec<PathBuf> {
    walk(&site.join("content/notes"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("_index.md"))
        .collect()
}

/// One random change to the site, described for the failure message.
fn change(site: &Path, dice: &mut Dice, step: usize) -> String {
    let notes = notes(site);
    let pick = |d: &mut Dice| notes[d.next(notes.len())].clone();
    match dice.next(13) {
        0 => {
            let p = pick(dice);
            let text = std::fs::read_to_string(&p).unwrap();
            std::fs::write(
                &p,
                format!("{text}\nAdded in step {step}: AWS revenue grew 9% to $30.{step} billion in Q1 2025.\n"),
            )
            .unwrap();
            format!("append to {}", p.display())
        }
        1 => {
            let p = site.join(format!("content/notes/2025-03-{:02}-new-note-{step}.md", step % 28 + 1));
            std::fs::write(&p, format!("---\ntitle: New note {step}\ncategories: [earnings]\ntags: [t{step}]\n---\n\nProject Kuiper and the AI stack, step {step}. See [[AWS]].\n")).unwrap();
            format!("add {}", p.display())
        }
        2 if notes.len() > 2 => {
            let p = pick(dice);
            std::fs::remove_file(&p).unwrap();
            format!("delete {}", p.display())
        }
        3 => {
            let p = pick(dice);
            let to = p.with_file_name(format!("2025-04-01-renamed-{step}.md"));
            std::fs::rename(&p, &to).unwrap();
            format!("rename {} to {}", p.display(), to.display())
        }
        4 => {
            let p = pick(dice);
            let text = std::fs::read_to_string(&p).unwrap();
            let retitled = if text.contains("title: \"") {
                text.replacen("title: \"", &format!("title: \"Retitled {step} "), 1)
            } else {
                text.replacen("title: ", &format!("title: Retitled {step} "), 1)
            };
            std::fs::write(&p, retitled).unwrap();
            format!("retitle {}", p.display())
        }
        5 => {
            let p = site.join("content/topics/aws.md");
            let text = std::fs::read_to_string(&p).unwrap();
            std::fs::write(
                &p,
                text.replacen("aliases: [", &format!("aliases: [\"cloud{step}\", "), 1),
            )
            .unwrap();
            "add an alias to the AWS topic".into()
        }
        6 => {
            // An editor's atomic save: write a temp file, rename it over the note.
            let p = pick(dice);
            let tmp = p.with_extension("md.tmp~");
            let text = std::fs::read_to_string(&p).unwrap();
            std::fs::write(&tmp, text.replace("revenue", "net sales")).unwrap();
            std::fs::rename(&tmp, &p).unwrap();
            format!("atomic save of {}", p.display())
        }
        7 => {
            // A date moves the note in every list, the feed and the topic timelines.
            let p = pick(dice);
            let text = std::fs::read_to_string(&p).unwrap();
            let redated = match text.find("\ndate: ") {
                Some(at) => {
                    let end = at + 1 + text[at + 1..].find('\n').unwrap();
                    format!("{}\ndate: 2023-{:02}-15{}", &text[..at], step % 12 + 1, &text[end..])
                }
                None => text,
            };
            std::fs::write(&p, redated).unwrap();
            format!("redate {}", p.display())
        }
        8 => {
            // A new category changes the note's terms and every count shown beside them.
            let p = pick(dice);
            let text = std::fs::read_to_string(&p).unwrap();
            std::fs::write(
                &p,
                text.replacen("---\n", &format!("---\ncategories: [shared{}]\n", step % 3), 1),
            )
            .unwrap();
            let text = std::fs::read_to_string(&p).unwrap();
            // Keep one `categories:` key: drop the note's old one if it had one.
            let mut seen = false;
            let kept: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with("categories:") || !std::mem::replace(&mut seen, true))
                .collect();
            std::fs::write(&p, kept.join("\n") + "\n").unwrap();
            format!("recategorise {}", p.display())
        }
        9 => {
            // A topic page's own text (not its names): only that page and what quotes it.
            let p = site.join("content/topics/project-kuiper.md");
            let text = std::fs::read_to_string(&p).unwrap();
            std::fs::write(
                &p,
                format!("{text}\nKuiper note {step}: capex of $1.{step} billion in 2024.\n"),
            )
            .unwrap();
            "append to the Project Kuiper topic".into()
        }
        10 => {
            // A note stops (or starts) mentioning topics: mentions, backlinks, related notes.
            let p = pick(dice);
            let text = std::fs::read_to_string(&p).unwrap();
            let swapped = if text.contains("Kuiper") {
                text.replace("Kuiper", "Leo")
            } else {
                text.replace("advertising", "advertising and Project Kuiper")
            };
            std::fs::write(&p, swapped).unwrap();
            format!("swap topic mentions in {}", p.display())
        }
        11 => {
            // Figures that name no one become a topic's, without a mention: its page
            // shows them all the same.
            let p = pick(dice);
            let text = std::fs::read_to_string(&p).unwrap();
            let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("subject:")).collect();
            let text = (kept.join("\n") + "\n")
                .replacen("---\n", "---\nsubject: Advertising\n", 1)
                .replace("advertising", "ads")
                .replace("Advertising", "Ads")
                .replacen("subject: Ads", "subject: Advertising", 1);
            std::fs::write(&p, format!("{text}\nMargins reached 11.{step}% in Q3 2024.\n")).unwrap();
            format!("give {} the subject Advertising", p.display())
        }
        _ => {
            let dir = site.join("templates");
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(
                dir.join("404.html"),
                format!("{{% extends \"base.html\" %}}{{% block main %}}<p>Lost {step}</p>{{% endblock main %}}"),
            )
            .unwrap();
            "override the 404 template".into()
        }
    }
}

/// A copy of the incremental fixture, built once by an incremental build into `served/`:
/// (temp dir, site, served, build).
fn served_fixture() -> (tempfile::TempDir, PathBuf, PathBuf, Build) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/incremental");
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture, &site);
    let served = tmp.path().join("served");
    let mut build = Build::new(
        &site,
        BuildOptions {
            out: Some(served.clone()),
            ..BuildOptions::default()
        },
    );
    build.run().unwrap_or_else(|e| panic!("first build failed: {e:?}"));
    (tmp, site, served, build)
}

#[test]
fn incremental_output_equals_a_clean_build() {
    let (tmp, site, served, mut build) = served_fixture();
    let clean = tmp.path().join("clean");
    let mut dice = Dice(42);
    for step in 0..60 {
        let what = change(&site, &mut dice, step);
        // As the dev server does: a preview of whatever notes changed first (it declines
        // adds, deletes and renames), then the build; the preview must leave no trace.
        let notes: Vec<PathBuf> = notes(&site)
            .iter()
            .map(|p| p.strip_prefix(&site).unwrap().to_path_buf())
            .collect();
        let _ = build.preview(&notes);
        build
            .run()
            .unwrap_or_else(|e| panic!("step {step} ({what}): incremental build failed: {e:?}"));
        folio::build(
            &site,
            &BuildOptions {
                out: Some(clean.clone()),
                ..BuildOptions::default()
            },
        )
        .unwrap_or_else(|e| panic!("step {step} ({what}): clean build failed: {e:?}"));
        let (a, b) = (tree(&served), tree(&clean));
        let differ: Vec<&String> = a.keys().chain(b.keys()).filter(|k| a.get(*k) != b.get(*k)).collect();
        assert!(
            differ.is_empty(),
            "step {step} ({what}): incremental output differs from a clean build in {differ:?}"
        );
    }
}

/// The dev server's first answer to a save: the edited note's page, written before the
/// rest of the site is rebuilt; the build after it does not announce that page again when
/// it comes out the same.
#[test]
fn a_preview_writes_the_edited_note_first() {
    let (_tmp, site, served, mut build) = served_fixture();
    let rel = PathBuf::from("content/notes/2025-02-10-jassy-200b-ai-spend.md");
    assert!(
        build.preview(std::slice::from_ref(&rel)).is_none(),
        "a note saved unchanged (a touch) is not news"
    );
    let text = std::fs::read_to_string(site.join(&rel)).unwrap();
    std::fs::write(
        site.join(&rel),
        format!("{text}\nA sentence written while previewing.\n"),
    )
    .unwrap();

    let preview = build
        .preview(std::slice::from_ref(&rel))
        .expect("an edited note is previewed");
    assert_eq!(preview.files.len(), 1, "{preview:?}");
    let page = std::fs::read_to_string(served.join(&preview.files[0])).unwrap();
    assert!(
        page.contains("A sentence written while previewing."),
        "the preview has the new text"
    );
    assert!(
        build.preview(std::slice::from_ref(&rel)).is_none(),
        "one save seen twice (truncate, then write) is previewed once"
    );
    assert!(
        page.contains("class=\"figures-table"),
        "the preview is the whole page, key figures included"
    );

    let report = build.run().unwrap();
    let changed = report.changed.expect("an incremental build knows what changed");
    assert!(
        !changed.contains(&preview.urls[0]),
        "the build does not announce the previewed page again: {changed:?}"
    );
    let again = std::fs::read_to_string(served.join(&preview.files[0])).unwrap();
    assert_eq!(page, again, "the full build wrote what the preview did");

    // What a preview cannot stand in for waits for the build.
    let new = PathBuf::from("content/notes/2025-06-01-new.md");
    std::fs::write(site.join(&new), "---\ntitle: New\n---\n\nNew.\n").unwrap();
    assert!(build.preview(&[new]).is_none(), "a new note is not previewed");
    std::fs::write(site.join(&rel), "---\ntitle: [unclosed\n---\n\nBroken.\n").unwrap();
    assert!(
        build.preview(std::slice::from_ref(&rel)).is_none(),
        "a broken note is not previewed"
    );
    assert!(build.run().is_err());
    std::fs::write(site.join(&rel), format!("{text}\nFixed.\n")).unwrap();
    assert!(
        build.preview(std::slice::from_ref(&rel)).is_none(),
        "no preview after a failed build: the next build clears the error"
    );
    build.run().unwrap();
}
