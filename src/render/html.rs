//! Events → HTML for one page: link destinations replaced by their resolved URLs,
//! broken links marked visibly, metrics markers filled by the caller.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Tag};

use crate::enrich::text::{Openings, Wraps, apply};
use crate::enrich::topics::Topic;
use crate::markdown::Spanned;
use crate::markdown::highlight::escape;
use crate::site::Resolved;

/// Writes `events` as HTML with the page's `wraps` put in (`topics` for the URLs of
/// auto-links), rewriting links per `links` (keyed by event index).
pub fn to_html(events: &[Spanned], wraps: &Wraps, topics: &[Topic], links: &HashMap<usize, Resolved>) -> String {
    let url = |t: usize| topics.get(t).map_or("", |t| t.url.as_str());
    let openings = Openings::new(wraps, &url);
    // Only links and images are looked up: most events are neither.
    let resolved = |i: usize, event: &Event| match event {
        Event::Start(Tag::Link { .. } | Tag::Image { .. }) => links.get(&i),
        _ => None,
    };
    let mapped = apply(events, wraps, &openings).map(|(i, event)| {
        let link = resolved(i, &event);
        match (event, link) {
            (
                Event::Start(Tag::Link {
                    link_type, title, id, ..
                }),
                Some(Resolved::Url(url)),
            ) => Event::Start(Tag::Link {
                link_type,
                dest_url: CowStr::Borrowed(url),
                title,
                id,
            }),
            (
                Event::Start(Tag::Image {
                    link_type, title, id, ..
                }),
                Some(Resolved::Url(url)),
            ) => Event::Start(Tag::Image {
                link_type,
                dest_url: CowStr::Borrowed(url),
                title,
                id,
            }),
            (Event::Start(Tag::Link { .. }), Some(Resolved::Broken(why))) => Event::InlineHtml(CowStr::from(format!(
                "<a class=\"broken-link\" title=\"broken link: {}\">",
                escape(why)
            ))),
            (event, _) => event,
        }
    });
    let mut html = String::with_capacity(events.len() * 16);
    pulldown_cmark::html::push_html(&mut html, mapped);
    html
}
