//! Events → HTML for one page: link destinations replaced by their resolved URLs,
//! broken links marked visibly, metrics markers filled by the caller.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Tag};

use crate::markdown::Spanned;
use crate::markdown::highlight::escape;
use crate::site::Resolved;

/// Writes `events` as HTML, rewriting links per `links` (keyed by event index).
pub fn to_html(events: &[Spanned], links: &HashMap<usize, Resolved>) -> String {
    let mapped = events
        .iter()
        .enumerate()
        .map(|(i, (event, _))| match (event, links.get(&i)) {
            (
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: _,
                    title,
                    id,
                }),
                Some(Resolved::Url(url)),
            ) => Event::Start(Tag::Link {
                link_type: *link_type,
                dest_url: CowStr::from(url.clone()),
                title: title.clone(),
                id: id.clone(),
            }),
            (
                Event::Start(Tag::Image {
                    link_type,
                    dest_url: _,
                    title,
                    id,
                }),
                Some(Resolved::Url(url)),
            ) => Event::Start(Tag::Image {
                link_type: *link_type,
                dest_url: CowStr::from(url.clone()),
                title: title.clone(),
                id: id.clone(),
            }),
            (Event::Start(Tag::Link { .. }), Some(Resolved::Broken(why))) => Event::InlineHtml(CowStr::from(format!(
                "<a class=\"broken-link\" title=\"broken link: {}\">",
                escape(why)
            ))),
            (event, _) => event.clone(),
        });
    let mut html = String::with_capacity(events.len() * 16);
    pulldown_cmark::html::push_html(&mut html, mapped);
    html
}
