//! `folio build` from the reader's side: sites copied into temporary folders, built, and
//! the output looked at as a browser or a feed reader would.
//!
//! Fixtures: the example site (the repository's site.toml and content/), and small sites in
//! tests/fixtures/: `features` (one note per content feature), `pagination`,
//! `site-templates` (a site's own page.html) and `tiny` (two notes).

mod common;

use common::{Site, article, card_links, check_xml, ids_in, links_in, tidy, xml_link_hrefs, xml_texts};

const Q4_CALL: &str = "/notes/amzn-q4-2023-earnings-call/";
const EXAMPLE_NOTES: [&str; 3] = [
    "/notes/amzn-q4-2023-earnings-call/",
    "/notes/growth-drivers-2023-2024/",
    "/notes/jassy-200b-ai-spend/",
];

// ---- the example site ----------------------------------------------------------------

#[test]
fn the_example_site_builds_quietly_with_one_summary_line() {
    let site = Site::example();
    let run = site.build().success();
    assert_eq!(run.stderr, "", "a clean build prints no warnings\n{run}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one summary line\n{run}");
    assert!(lines[0].starts_with("built ") && lines[0].contains("pages"), "{run}");
}

#[test]
fn the_summary_line_counts_pages_topics_figures_and_time() {
    // DESIGN.md, CLI: "one summary line (pages, topics, figures, time)".
    let site = Site::example();
    let run = site.build().success();
    let line = run.stdout.trim();
    let shape = regex::Regex::new(r"\d+ pages\b.*\d+ topics\b.*\d+ figures\b.*\d+(\.\d+)?\s?m?s\b").unwrap();
    assert!(
        shape.is_match(line),
        "summary {line:?} should give pages, topics, figures and time"
    );
}

#[test]
fn the_q4_2023_call_note_is_at_its_permalink_with_its_title_and_date() {
    let site = Site::example();
    site.build().success();
    let html = site.page(Q4_CALL);
    assert!(html.contains("<h1>AMZN Q4 2023 Earnings Call</h1>"));
    assert!(html.contains(">1 February 2024</time>"));
    assert!(html.contains("<title>AMZN Q4 2023 Earnings Call · Amazon research notes</title>"));
    for note in EXAMPLE_NOTES {
        assert!(site.has_page(note), "{note} missing");
    }
}

#[test]
fn every_topic_of_the_example_site_has_its_page() {
    let site = Site::example();
    site.build().success();
    let topics = site.page("/topics/");
    for slug in [
        "aws",
        "project-kuiper",
        "generative-ai-stack",
        "regionalization",
        "bedrock",
    ] {
        let url = format!("/topics/{slug}/");
        assert!(site.has_page(&url), "{url} missing");
        assert!(
            topics.contains(&format!("href=\"{url}\"")),
            "/topics/ does not list {url}"
        );
    }
    assert!(site.page("/topics/aws/").contains("<h1>AWS</h1>"));
}

#[test]
fn every_internal_link_of_the_example_site_resolves() {
    let site = Site::example();
    site.build().success();
    let html_pages = site.output_files().iter().filter(|f| f.ends_with(".html")).count();
    assert!(html_pages > 30, "only {html_pages} pages built");
    let broken = site.broken_links("/");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn every_anchor_of_the_example_site_lands_on_an_id() {
    let site = Site::example();
    site.build().success();
    let out = site.output();
    let mut missing = Vec::new();
    for rel in site.output_files().into_iter().filter(|f| f.ends_with(".html")) {
        let html = site.output_file(&rel);
        for link in links_in(&html) {
            let Some((path, anchor)) = link.split_once('#') else {
                continue;
            };
            if common::is_external(&link) || anchor.is_empty() {
                continue;
            }
            let target = if path.is_empty() {
                rel.clone()
            } else {
                match common::resolve(&out, &rel, path, "/") {
                    Ok(t) => t,
                    Err(_) => continue, // reported by the link test
                }
            };
            if !ids_in(&site.output_file(&target)).iter().any(|id| id == anchor) {
                missing.push(format!("{rel} -> {link}"));
            }
        }
    }
    assert!(missing.is_empty(), "anchors without an id:\n{}", missing.join("\n"));
}

#[test]
fn the_feed_and_the_sitemap_are_well_formed_and_list_every_note_by_absolute_url() {
    let site = Site::example();
    site.build().success();
    let atom = site.output_file("atom.xml");
    check_xml(&atom).unwrap_or_else(|e| panic!("atom.xml is not well-formed: {e}\n{atom}"));
    assert!(atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    let links = xml_link_hrefs(&atom);
    for note in EXAMPLE_NOTES {
        let url = format!("http://127.0.0.1:1111{note}");
        assert!(links.contains(&url), "atom.xml lacks {url}: {links:?}");
    }
    assert!(xml_texts(&atom, "title").contains(&"AMZN Q4 2023 Earnings Call".to_string()));

    let sitemap = site.output_file("sitemap.xml");
    check_xml(&sitemap).unwrap_or_else(|e| panic!("sitemap.xml is not well-formed: {e}\n{sitemap}"));
    let locs = xml_texts(&sitemap, "loc");
    for note in EXAMPLE_NOTES {
        let url = format!("http://127.0.0.1:1111{note}");
        assert!(locs.contains(&url), "sitemap.xml lacks {url}");
    }
    assert!(locs.iter().all(|l| l.starts_with("http://127.0.0.1:1111/")), "{locs:?}");
    for loc in &locs {
        let permalink = loc.trim_start_matches("http://127.0.0.1:1111");
        assert!(site.has_page(permalink), "sitemap lists {loc}, which was not built");
    }
}

#[test]
fn a_category_page_lists_exactly_the_notes_filed_under_it() {
    let site = Site::example();
    site.build().success();
    assert_eq!(card_links(&site.page("/categories/earnings/")), [Q4_CALL]);
    assert_eq!(
        card_links(&site.page("/categories/strategy/")),
        ["/notes/jassy-200b-ai-spend/", "/notes/growth-drivers-2023-2024/"],
        "newest first"
    );
    let categories = site.page("/categories/");
    for term in ["earnings", "strategy", "ai"] {
        assert!(categories.contains(&format!("href=\"/categories/{term}/\"")), "{term}");
    }
}

#[test]
fn a_tag_page_lists_exactly_the_notes_tagged_with_it() {
    let site = Site::example();
    site.build().success();
    assert_eq!(
        card_links(&site.page("/tags/aws/")),
        ["/notes/jassy-200b-ai-spend/", Q4_CALL]
    );
    assert_eq!(card_links(&site.page("/tags/kuiper/")), [Q4_CALL]);
    assert!(
        site.page(Q4_CALL).contains("href=\"/tags/kuiper/\""),
        "the note links its tags"
    );
}

#[test]
fn a_base_url_with_a_sub_path_prefixes_every_link_and_the_feed() {
    let site = Site::example();
    site.set_config("base_url", "\"https://example.org/research/\"");
    site.build().success();
    let mut outside = Vec::new();
    for rel in site.output_files().into_iter().filter(|f| f.ends_with(".html")) {
        for link in links_in(&site.output_file(&rel)) {
            let inside = if link.contains("://") {
                !link.contains("example.org") || link.starts_with("https://example.org/research/")
            } else {
                !link.starts_with('/') || link.starts_with("/research/")
            };
            if !inside {
                outside.push(format!("{rel} -> {link}"));
            }
        }
    }
    assert!(outside.is_empty(), "links outside /research/:\n{}", outside.join("\n"));
    let broken = site.broken_links("/research/");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));

    let atom = site.output_file("atom.xml");
    assert!(xml_link_hrefs(&atom).contains(&format!("https://example.org/research{Q4_CALL}")));
    assert!(xml_link_hrefs(&atom).contains(&"https://example.org/research/atom.xml".to_string()));
    let locs = xml_texts(&site.output_file("sitemap.xml"), "loc");
    assert!(
        locs.iter().all(|l| l.starts_with("https://example.org/research/")),
        "{locs:?}"
    );
    assert!(
        site.output_file("robots.txt")
            .contains("Sitemap: https://example.org/research/sitemap.xml")
    );
}

// ---- content features (tests/fixtures/features) ---------------------------------------

#[test]
fn a_section_takes_its_title_from_its_index_file() {
    let site = Site::fixture("features");
    site.build().success();
    let notes = site.page("/notes/");
    assert!(notes.contains("<h1>Field notes</h1>"));
    assert!(notes.contains("Every note of the fixture."));
}

#[test]
fn fenced_rust_code_is_highlighted_with_classes_styled_for_light_and_dark() {
    let site = Site::fixture("features");
    site.build().success();
    let html = site.page("/notes/code/");
    let pre = regex::Regex::new(r#"<pre class="[^"]*\bhl\b[^"]*" data-lang="rust">"#).unwrap();
    assert!(pre.is_match(&html), "no highlighted rust block in\n{html}");
    assert!(html.contains("<span class=\"hl-"), "no highlight classes");
    assert!(html.contains("hl-rust"));
    let css = site.output_file("highlight.css");
    assert!(css.contains(".hl-"), "highlight.css styles no hl- class");
    assert!(css.contains("@media (prefers-color-scheme: dark)"));
    assert!(html.contains("href=\"/highlight.css\""), "the page loads highlight.css");
}

#[test]
fn drafts_and_unpublished_notes_are_left_out() {
    let site = Site::fixture("features");
    site.build().success();
    for hidden in ["/notes/draft/", "/notes/unpublished/"] {
        assert!(!site.has_page(hidden), "{hidden} was built");
        assert!(!site.page("/notes/").contains(hidden), "/notes/ lists {hidden}");
        assert!(
            !site.output_file("atom.xml").contains(hidden),
            "the feed lists {hidden}"
        );
        assert!(
            !site.output_file("sitemap.xml").contains(hidden),
            "the sitemap lists {hidden}"
        );
    }
}

#[test]
fn the_drafts_flag_builds_drafts_and_unpublished_notes() {
    let site = Site::fixture("features");
    site.build_with(&["--drafts"]).success();
    assert!(site.page("/notes/draft/").contains("<h1>Work in progress</h1>"));
    assert!(site.page("/notes/unpublished/").contains("<h1>Held back</h1>"));
}

#[test]
fn a_jekyll_file_name_gives_the_note_its_date_and_slug() {
    let site = Site::fixture("features");
    site.build().success();
    // content/notes/2023-11-05-jekyll-dated.md has no date: in its front matter.
    let html = site.page("/notes/jekyll-dated/");
    assert!(html.contains("<time datetime=\"2023-11-05T00:00:00+00:00\">5 November 2023</time>"));
    assert!(!site.has_page("/notes/2023-11-05-jekyll-dated/"));
}

#[test]
fn a_date_with_a_time_and_a_zone_is_read_as_written() {
    let site = Site::fixture("features");
    site.build().success();
    // date: 2024-02-01 10:00:00 -0500
    let html = site.page("/notes/zoned/");
    assert!(
        html.contains("<time datetime=\"2024-02-01T10:00:00-05:00\">1 February 2024</time>"),
        "{html}"
    );
    assert!(
        site.output_file("atom.xml")
            .contains("<published>2024-02-01T10:00:00-05:00</published>")
    );
}

#[test]
fn categories_written_as_a_space_separated_string_are_two_categories() {
    let site = Site::fixture("features");
    site.build().success();
    // categories: earnings guidance
    assert!(card_links(&site.page("/categories/earnings/")).contains(&"/notes/zoned/".to_string()));
    assert_eq!(card_links(&site.page("/categories/guidance/")), ["/notes/zoned/"]);
    assert!(!site.has_page("/categories/earnings-guidance/"));
}

#[test]
fn an_ampersand_in_a_title_is_escaped_in_the_page_and_the_feed() {
    let site = Site::fixture("features");
    site.build().success();
    assert!(
        site.page("/notes/zoned/")
            .contains("<h1>Guidance Q&amp;A, New York time</h1>")
    );
    let atom = site.output_file("atom.xml");
    check_xml(&atom).unwrap_or_else(|e| panic!("atom.xml: {e}\n{atom}"));
    assert!(xml_texts(&atom, "title").contains(&"Guidance Q&A, New York time".to_string()));
}

#[test]
fn relative_markdown_links_become_permalinks_keeping_their_anchor() {
    let site = Site::fixture("features");
    site.build().success();
    // links.md: [the coded note](code.md), [its Rust part](code.md#the-rust-part),
    // [the dated note](2023-11-05-jekyll-dated.md)
    let html = site.page("/notes/links/");
    assert!(html.contains("<a href=\"/notes/code/\">the coded note</a>"));
    assert!(html.contains("<a href=\"/notes/code/#the-rust-part\">its Rust part</a>"));
    assert!(html.contains("<a href=\"/notes/jekyll-dated/\">the dated note</a>"));
    assert!(ids_in(&site.page("/notes/code/")).contains(&"the-rust-part".to_string()));
    assert!(!html.contains(".md\""), "a .md link was left as written");
}

#[test]
fn wikilinks_resolve_by_title_and_by_alias() {
    let site = Site::fixture("features");
    let run = site.build().success();
    // links.md: [[Project Kuiper]] and [[Kuiper|the satellites]]; Kuiper is an alias.
    let html = site.page("/notes/links/");
    let to_topic: Vec<String> = links_in(&html).into_iter().filter(|l| l == "/topics/kuiper/").collect();
    assert!(to_topic.len() >= 2, "both wikilinks should point at /topics/kuiper/");
    assert!(html.contains(">the satellites</"), "the label after | is shown");
    assert!(!html.contains("[["), "a wikilink was left as written");
    assert!(!run.stderr.contains("broken link"), "{run}");
}

#[test]
fn the_links_note_reads_as_expected() {
    let site = Site::fixture("features");
    site.build().success();
    insta::assert_snapshot!(article(&site.page("/notes/links/")));
}

#[test]
fn a_note_without_front_matter_is_titled_from_its_first_heading_else_its_file_name() {
    let site = Site::fixture("features");
    let run = site.build().success();
    // headed.md starts with "# Thoughts on regionalization"; plain-jottings.md has no heading.
    assert!(
        site.page("/notes/headed/")
            .contains("<title>Thoughts on regionalization · Feature fixture</title>")
    );
    assert!(site.page("/notes/plain-jottings/").contains("<h1>plain jottings</h1>"));
    assert!(!run.stderr.contains("headed.md"), "{run}");
}

#[test]
fn redirect_from_writes_a_page_that_sends_the_reader_on() {
    let site = Site::fixture("features");
    site.build().success();
    // moved.md: redirect_from: ["/old/moved-note/"]
    let html = site.page("/old/moved-note/");
    insta::assert_snapshot!(tidy(&html));
    assert!(site.has_page("/notes/moved/"));
}

#[test]
fn an_image_beside_a_note_is_copied_and_its_relative_link_resolves() {
    let site = Site::fixture("features");
    site.build().success();
    let copied = std::fs::read(site.output().join("notes/chart.png")).expect("chart.png copied");
    assert_eq!(
        copied,
        std::fs::read(site.root().join("content/notes/chart.png")).unwrap()
    );
    // links.md: ![Revenue chart](chart.png)
    let html = site.page("/notes/links/");
    let src = links_in(&html)
        .into_iter()
        .find(|l| l.ends_with("chart.png"))
        .expect("img");
    common::resolve(&site.output(), "notes/links/index.html", &src, "/").unwrap_or_else(|e| panic!("{src}: {e}"));
    assert!(site.broken_links("/").is_empty(), "{:?}", site.broken_links("/"));
}

#[test]
fn toml_front_matter_works_like_yaml() {
    let site = Site::fixture("features");
    site.write(
        "content/notes/toml.md",
        "+++\ntitle = \"Written in TOML\"\ndate = 2024-03-03\ntags = [\"toml\"]\n+++\nSame fields, other syntax.\n",
    );
    site.build().success();
    let html = site.page("/notes/toml/");
    assert!(html.contains("<h1>Written in TOML</h1>"));
    assert!(html.contains(">3 March 2024</time>"));
    assert_eq!(card_links(&site.page("/tags/toml/")), ["/notes/toml/"]);
}

#[test]
fn the_404_page_and_robots_txt_are_written() {
    let site = Site::fixture("features");
    site.build().success();
    assert!(site.page("/404.html").contains("Page not found"));
    let robots = site.output_file("robots.txt");
    assert!(robots.contains("User-agent: *"));
    assert!(robots.contains("Sitemap: https://example.org/sitemap.xml"));
}

#[test]
fn every_internal_link_of_the_feature_site_resolves() {
    let site = Site::fixture("features");
    site.build().success();
    let broken = site.broken_links("/");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

// ---- lists, templates, rebuilds ----------------------------------------------------------

#[test]
fn a_long_section_is_paginated_with_previous_and_next_links() {
    let site = Site::fixture("pagination"); // paginate = 2, five notes, one a month
    site.build().success();
    let first = site.page("/notes/");
    let second = site.page("/notes/page/2/");
    let third = site.page("/notes/page/3/");
    assert_eq!(card_links(&first), ["/notes/month-5/", "/notes/month-4/"]);
    assert_eq!(card_links(&second), ["/notes/month-3/", "/notes/month-2/"]);
    assert_eq!(card_links(&third), ["/notes/month-1/"]);
    assert!(!site.has_page("/notes/page/4/"));
    assert!(first.contains("rel=\"next\" href=\"/notes/page/2/\"") && !first.contains("rel=\"prev\""));
    assert!(
        second.contains("rel=\"prev\" href=\"/notes/\"") && second.contains("rel=\"next\" href=\"/notes/page/3/\"")
    );
    assert!(third.contains("rel=\"prev\" href=\"/notes/page/2/\"") && !third.contains("rel=\"next\""));
    assert!(site.broken_links("/").is_empty(), "{:?}", site.broken_links("/"));
}

#[test]
fn a_long_term_list_is_paginated_like_a_section() {
    let site = Site::fixture("pagination"); // paginate = 2
    for month in 1..=5 {
        site.write(
            &format!("content/notes/2024-0{month}-15-month-{month}.md"),
            format!("---\ntitle: \"Month {month}\"\ncategories: [monthly]\n---\nThe notes of month {month}.\n"),
        );
    }
    site.build().success();
    let first = site.page("/categories/monthly/");
    let third = site.page("/categories/monthly/page/3/");
    assert_eq!(card_links(&first), ["/notes/month-5/", "/notes/month-4/"]);
    assert_eq!(
        card_links(&site.page("/categories/monthly/page/2/")),
        ["/notes/month-3/", "/notes/month-2/"]
    );
    assert_eq!(card_links(&third), ["/notes/month-1/"]);
    assert!(!site.has_page("/categories/monthly/page/4/"));
    assert!(first.contains("5 notes"), "the count is of the whole term");
    assert!(first.contains("rel=\"next\" href=\"/categories/monthly/page/2/\""));
    assert!(third.contains("rel=\"prev\" href=\"/categories/monthly/page/2/\"") && !third.contains("rel=\"next\""));
    assert!(site.broken_links("/").is_empty(), "{:?}", site.broken_links("/"));
}

#[test]
fn a_site_template_overrides_the_theme_and_sees_page_extra() {
    let site = Site::fixture("site-templates");
    site.build().success();
    // templates/page.html prints a marker and {{ page.extra.rating }}; the note has rating: 4.
    let html = site.page("/notes/rated/");
    assert!(html.contains("Rendered by the site's own page.html"));
    assert!(html.contains("<p class=\"rating\">Rating: 4 of 5</p>"));
    assert!(
        !html.contains("<article class=\"note\">"),
        "the theme's page.html was used"
    );
    assert!(
        html.contains("<header class=\"site-header\">"),
        "the theme's base.html still wraps it"
    );
}

#[test]
fn an_unknown_layout_falls_back_to_page_html_with_a_warning() {
    let site = Site::fixture("site-templates");
    let run = site.build().success();
    // odd-layout.md: layout: nosuch
    assert!(
        site.page("/notes/odd-layout/")
            .contains("Rendered by the site's own page.html")
    );
    let warning = run.diagnostic(&["content/notes/2024-02-02-odd-layout.md", "warning", "nosuch"]);
    assert!(warning.contains("page.html"), "{warning}");
}

#[test]
fn the_unknown_layout_warning_points_at_the_layout_line() {
    let site = Site::fixture("site-templates");
    let run = site.build().success();
    run.diagnostic(&["content/notes/2024-02-02-odd-layout.md:3:", "nosuch"]);
}

#[test]
fn stale_files_from_an_earlier_build_are_gone_after_a_rebuild() {
    let site = Site::fixture("tiny");
    site.write(
        "content/notes/2024-06-01-passing-thought.md",
        "---\ntitle: Passing thought\n---\nSoon gone.\n",
    );
    site.build().success();
    assert!(site.has_page("/notes/passing-thought/"));
    std::fs::write(site.output().join("left-by-hand.txt"), "x").unwrap();

    site.remove("content/notes/2024-06-01-passing-thought.md");
    site.build().success();
    assert!(!site.has_page("/notes/passing-thought/"));
    assert!(!site.output().join("left-by-hand.txt").exists());
    assert!(!site.output_file("atom.xml").contains("passing-thought"));
    assert_eq!(site.staging_folders(), Vec::<String>::new());
}

#[test]
fn a_build_writes_nothing_outside_its_output_folder() {
    let site = Site::fixture("features");
    let before = site.sources();
    site.build().success();
    site.build_with(&["--drafts"]).success();
    assert_eq!(site.sources(), before);
    let mut top: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, ["content", "public", "site.toml"]);
}

// ---- the test helpers themselves -------------------------------------------------------

#[test]
fn the_xml_check_tells_good_from_bad() {
    assert!(check_xml("<?xml version=\"1.0\"?>\n<a x=\"1\"><b/>t &amp; u</a>\n").is_ok());
    for bad in [
        "<a><b></a></b>",
        "<a>R&D</a>",
        "<a x=1/>",
        "<a/><b/>",
        "<a>",
        "<a x=\"&\"/>",
    ] {
        assert!(check_xml(bad).is_err(), "{bad} passed");
    }
}

#[test]
fn the_crawler_resolves_links_like_a_static_server() {
    use common::resolve;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path();
    std::fs::create_dir_all(out.join("notes/a")).unwrap();
    std::fs::write(out.join("notes/a/index.html"), "").unwrap();
    std::fs::write(out.join("index.html"), "").unwrap();
    std::fs::write(out.join("style.css"), "").unwrap();
    assert!(resolve(out, "notes/a/index.html", "/notes/a/#x", "/").is_ok());
    assert!(resolve(out, "notes/a/index.html", "../../style.css?v=1", "/").is_ok());
    assert!(resolve(out, "notes/a/index.html", "/notes/a", "/").is_ok());
    assert!(resolve(out, "index.html", "/research/notes/a/", "/research/").is_ok());
    assert!(resolve(out, "index.html", "/notes/a/", "/research/").is_err());
    assert!(resolve(out, "index.html", "/notes/b/", "/").is_err());
    assert_eq!(
        links_in(r#"<a href="&#x2F;x&#x2F;">x</a><img src='/y.png'>"#),
        ["/x/", "/y.png"]
    );
}

/// A topic that most of a large site mentions: its page quotes the newest notes (three
/// sentences each, the rest counted), lists the older ones by title, and shows the
/// figures of the latest periods with the total, so it stays readable at any size.
#[test]
fn a_topic_on_every_note_stays_readable() {
    let site = Site::empty();
    site.write("site.toml", "title = \"Big\"\nbase_url = \"http://localhost/\"\n");
    site.write("content/topics/widgets.md", "---\ntitle: Widgets\n---\n\nWidgets.\n");
    for n in 0..105 {
        let (year, month, day) = (2000 + n / 12, n % 12 + 1, 1);
        let mut body = String::new();
        for s in 0..5 {
            body.push_str(&format!("Widgets revenue was ${}.{s} billion in Q1 {year}. ", n + 1));
        }
        site.write(
            &format!("content/notes/{year}-{month:02}-{day:02}-note-{n}.md"),
            format!("---\ntitle: Note {n}\ndate: {year}-{month:02}-{day:02}\n---\n\n{body}\n"),
        );
    }
    site.build().success();
    let page = site.page("/topics/widgets/");
    assert_eq!(
        page.matches("<article class=\"mention\">").count(),
        100,
        "the newest 100 notes are quoted"
    );
    assert_eq!(page.matches("<blockquote>").count(), 300, "three sentences a note");
    assert!(page.contains("2 more mentions in this note"));
    assert!(page.contains("5 more notes"), "the oldest five are listed by title");
    for n in 0..5 {
        assert!(page.contains(&format!(">Note {n}</a>")), "Note {n} is listed");
    }
    assert_eq!(page.matches("<tr><td>revenue</td>").count(), 500, "500 figure rows");
    assert!(page.contains("of 525; every one is in"), "the total is given");
    let csv = site.output_file("metrics.csv");
    assert_eq!(csv.lines().count(), 526, "the export holds every figure");
}

/// The figure exports own their names: a stale `static/metrics.json` (a copy an author
/// saved from an earlier build, say) never replaces the one the build writes.
#[test]
fn a_static_file_never_replaces_the_figure_exports() {
    let site = Site::empty();
    site.write("site.toml", "title = \"T\"\nbase_url = \"http://localhost/\"\n");
    site.write(
        "content/notes/2024-02-01-q4.md",
        "---\ntitle: Q4\n---\n\nRevenue was $170 billion in Q4 2023.\n",
    );
    site.write("static/metrics.json", "stale");
    site.write("static/metrics.csv", "stale");
    let run = site.build().success();
    for name in ["metrics.json", "metrics.csv"] {
        run.stderr_has(&format!("static/{name}: warning: not copied: folio writes /{name}"));
    }
    let json = site.output_file("metrics.json");
    assert!(json.contains("\"amount\":170000000000"), "{json}");
    assert!(site.output_file("metrics.csv").starts_with("id,page,source"));
}

/// The renderer reuses its contexts between pages: what one page's render put in (a topic
/// page's `topic`, a note's `connections`) must never reach the next page's template.
#[test]
fn a_page_template_sees_only_its_own_page_even_after_other_pages() {
    let site = Site::fixture("topics");
    site.write(
        "templates/page.html",
        "{{ page.title }}|{% if topic %}LEAK topic {{ topic.figures_total }}{% endif %}",
    );
    site.write(
        "templates/topic.html",
        "{{ page.title }}|{{ topic.mentioned_in | length }} notes",
    );
    let prepared = folio::prepare(site.root(), &folio::BuildOptions::default()).expect("prepares");
    let renderer = folio::render::Renderer::new(&prepared.site, &prepared.templates, Default::default());
    let page = |kind: folio::content::PageKind| {
        let p = prepared
            .site
            .pages
            .iter()
            .find(|p| p.doc.page.kind == kind)
            .expect("a page of that kind");
        folio::render::Job::Page(p.doc.page.id)
    };
    let (topic, note) = (
        page(folio::content::PageKind::Topic),
        page(folio::content::PageKind::Note),
    );
    for job in [&topic, &note, &topic, &note] {
        let (_, html) = renderer.render(job).expect("renders");
        let html = String::from_utf8(html).expect("UTF-8");
        assert!(!html.contains("LEAK"), "a note saw the topic page's context: {html}");
    }
    let (_, html) = renderer.render(&topic).expect("renders");
    let html = String::from_utf8(html).expect("UTF-8");
    assert!(html.ends_with(" notes"), "the topic page lost its own `topic`: {html}");
}
