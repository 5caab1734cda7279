//! Topics link themselves: a reader's view of auto-links, topic pages, backlinks,
//! related notes, wikilinks and the topic graph, on a small fixture and on the example site.

use std::path::{Path, PathBuf};
use std::process::Command;

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

/// Runs `folio -C dir command`.
fn folio(dir: &Path, command: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("-C")
        .arg(dir)
        .arg(command)
        .output()
        .unwrap()
}

/// Builds a copy of `fixture` (a folder under tests/fixtures, or "example" for the repo's
/// own site) and returns the temp dir holding it, with the output in `public/`.
fn build(fixture: &str) -> (tempfile::TempDir, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    if fixture == "example" {
        std::fs::copy(root.join("site.toml"), site.join("site.toml")).unwrap();
        std::fs::create_dir_all(site.join("content")).unwrap();
        copy_dir(&root.join("content"), &site.join("content"));
    } else {
        copy_dir(&root.join("tests/fixtures").join(fixture), &site);
    }
    let out = folio(&site, "build");
    assert!(
        out.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (tmp, site.join("public"))
}

fn page(public: &Path, url: &str) -> String {
    std::fs::read_to_string(public.join(url.trim_start_matches('/')).join("index.html"))
        .unwrap_or_else(|e| panic!("{url}: {e}"))
}

/// The article's prose only (what the author wrote, after enrichment).
fn prose(html: &str) -> &str {
    let start = html.find("<div class=\"prose\">").expect("prose");
    let end = html[start..].find("</div>").map_or(html.len(), |e| start + e);
    &html[start..end]
}

#[test]
fn first_mention_links_and_longest_alias_wins() {
    let (_tmp, public) = build("topics");
    let alpha = page(&public, "/notes/alpha/");
    let body = prose(&alpha);
    // "generative AI stack" is one mention of the stack topic, not of "AI".
    assert!(
        body.contains(r#"class="topic-link" href="/topics/generative-ai-stack/">generative AI stack</a>"#),
        "{body}"
    );
    assert!(body.contains(r#"href="/topics/ai/">AI</a> spending"#), "{body}");
    // First mention only: Kuiper links once (before the possessive), the second stays text.
    assert_eq!(body.matches(r#"href="/topics/project-kuiper/""#).count(), 1, "{body}");
    assert!(body.contains(">Kuiper</a>’s first launch"), "{body}");
    // Never inside code, an existing link or a heading.
    assert!(body.contains("<code>AWS in code</code>"));
    assert!(body.contains(r#"<a href="https://example.com/aws">AWS docs</a>"#));
    assert!(body.contains("Kuiper inside a code block"));
    assert!(
        !body.contains("Kuiper</a> inside") && !body.contains("Kuiper</span> inside"),
        "{body}"
    );
    assert!(body.contains(r#"Kuiper in a heading</h3>"#), "{body}");
}

/// Typed with a straight apostrophe, a name is still one mention: the parser's smart
/// punctuation hands "Sam", "’" and "s Club" over apart, and they are read as one text.
#[test]
fn names_with_an_apostrophe_link_and_own_their_figures() {
    let (tmp, public) = build("apostrophes");
    let body = prose(&page(&public, "/notes/clubs/")).to_string();
    assert!(body.contains(r#"href="/topics/sams-club/">Sam’s Club</a>"#), "{body}");
    let out = folio(&tmp.path().join("site"), "metrics");
    let table = String::from_utf8_lossy(&out.stdout);
    let row = |value: &str| {
        table
            .lines()
            .find(|l| l.contains(value))
            .unwrap_or_default()
            .to_string()
    };
    assert!(row("$22.8B").starts_with("Sam's Club"), "{table}");
    assert!(row("$22.8B").ends_with("clubs.md:7"), "{table}");
}

#[test]
fn auto_link_modes_and_explicit_links_win() {
    let (_tmp, public) = build("topics");
    let beta = prose(&page(&public, "/notes/beta/")).to_string();
    // auto_link: all links every AWS mention.
    assert_eq!(beta.matches(r#"href="/topics/aws/""#).count(), 2, "{beta}");
    // The author linked Project Kuiper by hand, so its mentions are not auto-linked.
    assert_eq!(beta.matches(r#"href="/topics/project-kuiper/""#).count(), 1, "{beta}");
    assert!(
        beta.contains(r#"class="mention">the constellation</span></a>"#),
        "{beta}"
    );
    let gamma = prose(&page(&public, "/notes/gamma/")).to_string();
    assert!(!gamma.contains("topic-link"), "auto_link: none links nothing: {gamma}");
}

#[test]
fn wikilinks_of_every_form_resolve() {
    let (_tmp, public) = build("topics");
    let gamma = prose(&page(&public, "/notes/gamma/")).to_string();
    for label in ["Alpha note</a>", "alpha</a>", "First note alias</a>", "a label</a>"] {
        assert!(
            gamma.contains(&format!(r#"<a href="/notes/alpha/">{label}"#)),
            "{label} in {gamma}"
        );
    }
    assert!(gamma.contains(r#"<a href="/notes/alpha/#details">"#), "{gamma}");
    assert!(!gamma.contains("broken-link"), "{gamma}");
}

#[test]
fn topic_pages_gather_mentions_backlinks_and_related_topics() {
    let (_tmp, public) = build("topics");
    let kuiper = page(&public, "/topics/project-kuiper/");
    let mentions = &kuiper[kuiper.find("Mentioned in").expect("Mentioned in section")..];
    assert!(mentions.contains(r#"href="/notes/alpha/">Alpha note</a>"#));
    assert!(mentions.contains(r#"href="/notes/beta/">Beta note</a>"#));
    // Each quote is the sentence, linked to the mention's place in the note.
    assert!(
        mentions.contains("Kuiper’s first launch came later, and Kuiper again."),
        "{mentions}"
    );
    assert!(mentions.contains(r#"href="/notes/alpha/#m-"#), "{mentions}");
    // A topic never links to itself.
    assert!(!prose(&kuiper).contains("topic-link"));
    // Related topics: the author's AWS first.
    let related = &kuiper[kuiper.find("Related topics").expect("related topics")..];
    assert!(related.contains(r#"href="/topics/aws/">AWS</a>"#), "{related}");
    // The mention anchor exists in the note.
    let alpha = page(&public, "/notes/alpha/");
    assert!(alpha.contains(r#"id="m-1""#));
}

#[test]
fn notes_show_topic_chips_backlinks_and_related_notes_by_rarity() {
    let (_tmp, public) = build("topics");
    let alpha = page(&public, "/notes/alpha/");
    let chips = &alpha[alpha.find(r#"class="chips""#).expect("topic chips")..];
    let chips = &chips[..chips.find("</p>").unwrap()];
    for topic in ["Generative AI stack", "AI", "Project Kuiper", "AWS"] {
        assert!(chips.contains(&format!(">{topic}</a>")), "{topic} in {chips}");
    }
    let linked_from = &alpha[alpha.find("Linked from").expect("backlinks")..];
    assert!(linked_from.contains(r#"href="/notes/gamma/">Gamma note</a>"#));
    // Beta shares Kuiper and AWS, delta the (rarer) AI stack, gamma only AWS (in three notes).
    let related = &alpha[alpha.find("Related notes").expect("related notes")..];
    let pos = |t: &str| related.find(t).unwrap_or_else(|| panic!("{t} not related: {related}"));
    assert!(
        pos("Beta note") < pos("Delta note") && pos("Delta note") < pos("Gamma note"),
        "{related}"
    );
}

/// The default theme prints the lists of links as HTML that folio writes; a theme's own
/// loop over the same lists must read the same, escaping included.
#[test]
fn link_lists_are_escaped_and_a_theme_can_still_loop_over_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/topics");
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&root, tmp.path());
    std::fs::write(
        tmp.path().join("content/topics/labs.md"),
        "---\ntitle: 'Research & \"Labs\" <R&D>'\naliases: [research labs]\n---\nLabs.\n",
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("content/notes/2024-05-10-epsilon.md"),
        "---\ntitle: Epsilon note\n---\n\nOur research labs and AWS grew.\n",
    )
    .unwrap();
    let templates = tmp.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("page.html"),
        "<p id=\"html\">{{ connections.topics_html | safe }}</p>\n\
         <p id=\"loop\">{% for t in connections.topics %}<a class=\"chip\" href=\"{{ t.url }}\">{{ t.title }}</a>{% endfor %}</p>\n",
    )
    .unwrap();
    let out = folio(tmp.path(), "build");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let epsilon = page(&tmp.path().join("public"), "/notes/epsilon/");
    let (html, looped) = epsilon.split_once('\n').unwrap();
    let chip = r#"<a class="chip" href="/topics/labs/">Research &amp; &quot;Labs&quot; &lt;R&amp;D&gt;</a>"#;
    assert!(html.contains(chip), "{epsilon}");
    assert!(html.contains(r#"href="/topics/aws/">AWS</a>"#), "{epsilon}");
    assert_eq!(
        html.trim_start_matches(r#"<p id="html">"#),
        looped.trim().trim_start_matches(r#"<p id="loop">"#)
    );
}

#[test]
fn topics_index_lists_counts_and_a_deterministic_graph() {
    let (_tmp, first) = build("topics");
    let (_tmp2, second) = build("topics");
    let a = page(&first, "/topics/");
    assert_eq!(
        a,
        page(&second, "/topics/"),
        "the graph must be the same on every build"
    );
    assert!(a.contains("<svg") && a.contains("graph-node"), "graph drawn");
    assert!(a.contains(r#"href="/topics/project-kuiper/""#));
    // Kuiper is mentioned in two notes.
    assert!(
        a.contains(r#"Project Kuiper</a> <span class="count" title="notes that mention it">2</span>"#),
        "{a}"
    );
}

#[test]
fn check_reports_unknown_related_topics_and_unmentioned_topics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/topics");
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&root, tmp.path());
    let topic = tmp.path().join("content/topics/aws.md");
    std::fs::write(&topic, "---\ntitle: AWS\nrelated: [Nosuch topic]\n---\nCloud.\n").unwrap();
    std::fs::write(
        tmp.path().join("content/topics/lonely.md"),
        "---\ntitle: Lonely topic\n---\n",
    )
    .unwrap();
    let out = folio(tmp.path(), "check");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/topics/aws.md:3: error: unknown topic `Nosuch topic` in `related:`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/topics/lonely.md: warning: no note mentions the topic `Lonely topic`"),
        "{stderr}"
    );
}

#[test]
fn example_site_links_its_recurring_themes() {
    let (_tmp, public) = build("example");
    let notes = [
        "/notes/amzn-q4-2023-earnings-call/",
        "/notes/growth-drivers-2023-2024/",
        "/notes/jassy-200b-ai-spend/",
    ];
    for topic in [
        "/topics/generative-ai-stack/",
        "/topics/project-kuiper/",
        "/topics/regionalization/",
    ] {
        let linked: Vec<&str> = notes
            .iter()
            .copied()
            .filter(|n| prose(&page(&public, n)).contains(&format!(r#"href="{topic}""#)))
            .collect();
        assert!(linked.len() >= 2, "{topic} is linked from only {linked:?}");
        let topic_page = page(&public, topic);
        let mentions = &topic_page[topic_page
            .find("Mentioned in")
            .unwrap_or_else(|| panic!("{topic} lists no mentions"))..];
        for note in &linked {
            assert!(
                mentions.contains(&format!(r#"href="{note}""#)),
                "{topic} does not list {note}"
            );
        }
        assert!(mentions.contains("<blockquote>"), "{topic} quotes the sentences");
    }
}
