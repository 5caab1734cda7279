//! Reading and rewriting the prose of a Doc's event stream.
//!
//! `blocks` gathers the linkable text of each block (paragraph, list item, table row,
//! heading) into one string with a map back to the `Text` events it came from, so
//! sentences can span emphasis and soft breaks. Wraps put inline HTML (figure anchors,
//! topic links) around ranges of `Text` events, without touching anything else: `settle`
//! orders them at enrichment, `apply` splits the events around them as the page is written.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::markdown::Spanned;
use crate::markdown::highlight::escape_into;

/// Where a piece of a block's text came from.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Byte range in the block's text.
    pub text: Range<usize>,
    /// Index of the `Text` event.
    pub event: usize,
}

/// The kind of block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Paragraph, list item, quote, footnote.
    Prose,
    /// One table row, cells joined by ` | `.
    TableRow,
    /// A heading (no figures or links, but it sets the period of what follows).
    Heading,
}

/// An author's link inside a block.
#[derive(Debug, Clone)]
pub struct LinkSpan {
    /// Index of its `Start(Link)` event.
    pub event: usize,
    /// Byte range of its text in the block's text.
    pub text: Range<usize>,
    /// The first `Text` event inside it, if any (where an anchor can go).
    pub first_text: Option<usize>,
}

/// The text of one block.
#[derive(Debug, Clone)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Its text; pieces outside links and code are linkable.
    pub text: String,
    /// Linkable `Text` events and their place in `text`.
    pub pieces: Vec<Piece>,
    /// Index of the block's first event.
    pub first_event: usize,
    /// The author's links in it (outermost only).
    pub links: Vec<LinkSpan>,
}

impl Block {
    /// The piece holding byte `at` of the text, if linkable.
    pub fn piece_at(&self, at: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.text.end <= at);
        self.pieces.get(i).filter(|p| p.text.start <= at)
    }
}

/// Gathers the blocks of `events`. Text inside links, images, code and raw HTML is kept
/// in the block's text (as spaces, so offsets stay meaningful) but is not linkable.
pub fn blocks(events: &[Spanned]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut stack: Vec<Block> = Vec::new();
    let mut opaque = 0usize; // depth inside links and images
    for (i, (event, _)) in events.iter().enumerate() {
        match event {
            Event::Start(tag) => {
                let kind = match tag {
                    Tag::Paragraph | Tag::Item | Tag::FootnoteDefinition(_) | Tag::DefinitionListDefinition => {
                        Some(BlockKind::Prose)
                    }
                    Tag::TableHead | Tag::TableRow => Some(BlockKind::TableRow),
                    Tag::Heading { .. } => Some(BlockKind::Heading),
                    Tag::Link { .. } | Tag::Image { .. } => {
                        if let (0, Tag::Link { .. }, Some(b)) = (opaque, tag, stack.last_mut()) {
                            let at = b.text.len();
                            b.links.push(LinkSpan {
                                event: i,
                                text: at..at,
                                first_text: None,
                            });
                        }
                        opaque += 1;
                        None
                    }
                    Tag::TableCell => {
                        // Every cell but a row's first opens with the separator, an empty
                        // one too: "| | Q3 2024 |" keeps its empty corner, so the columns
                        // after it stay under their heads.
                        let first = i == 0 || matches!(events[i - 1].0, Event::Start(Tag::TableHead | Tag::TableRow));
                        if let Some(b) = stack.last_mut().filter(|_| !first) {
                            b.text.push_str(" | ");
                        }
                        None
                    }
                    _ => None,
                };
                if let Some(kind) = kind {
                    // A nested block (a list inside an item) ends the text before it.
                    let block = Block {
                        kind,
                        text: String::new(),
                        pieces: Vec::new(),
                        first_event: i,
                        links: Vec::new(),
                    };
                    stack.push(block);
                }
            }
            Event::End(tag) => match tag {
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListDefinition
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::Heading(_) => {
                    if let Some(b) = stack.pop() {
                        out.push(b);
                    }
                }
                TagEnd::Link | TagEnd::Image => {
                    opaque = opaque.saturating_sub(1);
                    if let (0, TagEnd::Link, Some(b)) = (opaque, tag, stack.last_mut()) {
                        let end = b.text.len();
                        if let Some(link) = b.links.last_mut() {
                            link.text.end = end;
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some(b) = stack.last_mut() {
                    let start = b.text.len();
                    b.text.push_str(t);
                    if opaque == 0 {
                        b.pieces.push(Piece {
                            text: start..b.text.len(),
                            event: i,
                        });
                    } else if let Some(link) = b.links.last_mut().filter(|l| l.first_text.is_none()) {
                        link.first_text = Some(i);
                    }
                }
            }
            Event::Code(t) | Event::InlineMath(t) => {
                if let Some(b) = stack.last_mut() {
                    // Keep the words out of figure finding: "Form 10-K" in code is no figure.
                    b.text.push_str(&"·".repeat(t.chars().count().max(1)));
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = stack.last_mut() {
                    b.text.push(' ');
                }
            }
            _ => {}
        }
    }
    out.sort_by_key(|b| b.first_event);
    out
}

/// Inline HTML to put around a byte range of one `Text` event.
#[derive(Debug, Clone)]
pub struct Wrap {
    /// The index of the `Text` event in the page's events.
    pub event: u32,
    /// Byte range in the event's text; an end of `u32::MAX` runs to the text's end.
    pub range: Range<u32>,
    /// What goes around it.
    pub mark: Mark,
}

/// What a wrap puts around its text: a few numbers, written out as HTML only when the
/// page is (a large site has hundreds of thousands of figures and mentions, and each
/// opening tag kept as a string until then cost a heap allocation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A figure: `<span id="fig-N" class="figure">`.
    Figure(u32),
    /// A mention that is not a link: `<span id="m-N" class="mention">`.
    Mention(u32),
    /// An auto-link to a topic page: `<a id="m-N" class="topic-link" href="…">`.
    TopicLink {
        /// N of `m-N`.
        anchor: u32,
        /// The topic's index in `Topics::list`.
        topic: u32,
    },
}

impl Mark {
    /// Appends the opening HTML to `out`; `url` gives a topic's page URL by its index.
    /// Written a piece at a time: through `write!`, `Openings::new` took 26.1 M instructions
    /// at 1,000 notes; this way, 8.7 M.
    fn open_into<'u>(self, out: &mut String, url: &dyn Fn(usize) -> &'u str) {
        let number = |out: &mut String, n: u32| crate::render::format::push_padded(out, u64::from(n), 1);
        match self {
            Mark::Figure(n) => {
                out.push_str("<span id=\"fig-");
                number(out, n);
                out.push_str("\" class=\"figure\">");
            }
            Mark::Mention(n) => {
                out.push_str("<span id=\"m-");
                number(out, n);
                out.push_str("\" class=\"mention\">");
            }
            Mark::TopicLink { anchor, topic } => {
                out.push_str("<a id=\"m-");
                number(out, anchor);
                out.push_str("\" class=\"topic-link\" href=\"");
                escape_into(out, url(topic as usize));
                out.push_str("\">");
            }
        }
    }

    /// The closing HTML.
    fn close(self) -> &'static str {
        match self {
            Mark::Figure(_) | Mark::Mention(_) => "</span>",
            Mark::TopicLink { .. } => "</a>",
        }
    }
}

/// The opening HTML of every wrap of a page, written into one string before the page is:
/// the split events borrow their tags from it, so a page with a hundred marks makes one
/// string, not a hundred.
pub struct Openings {
    html: String,
    /// Where wrap k's opening ends in `html` (it starts where wrap k-1's ends).
    ends: Vec<u32>,
}

impl Openings {
    /// The openings of `wraps`, in their order; `url` gives a topic's page URL by its index.
    pub fn new<'u>(wraps: &Wraps, url: &dyn Fn(usize) -> &'u str) -> Openings {
        let mut html = String::with_capacity(wraps.len() * 40);
        let mut ends = Vec::with_capacity(wraps.len());
        for w in wraps {
            w.mark.open_into(&mut html, url);
            ends.push(html.len() as u32);
        }
        Openings { html, ends }
    }

    /// The opening HTML of wrap `k`.
    fn get(&self, k: usize) -> &str {
        let start = k.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        &self.html[start..self.ends[k] as usize]
    }
}

/// The wraps of a page in event order, each event's sorted by start and nesting (see
/// [`settle`]): one list for the page, not one per event, as a large site has hundreds of
/// thousands. The render stage applies them as it writes the page ([`apply`]), so the
/// parsed event stream is kept as it is: a page's events are not copied and split again
/// for every figure and mention.
pub type Wraps = Vec<Wrap>;

/// Orders the wraps gathered (by event, then start, the longer first; otherwise as
/// gathered) and drops those that cannot be applied: ranges outside their text or off a
/// character boundary, and wraps that overlap an earlier one without nesting.
pub fn settle(events: &[Spanned], mut wraps: Vec<Wrap>) -> Wraps {
    wraps.sort_by(|a, b| {
        (a.event, a.range.start)
            .cmp(&(b.event, b.range.start))
            .then(b.range.end.cmp(&a.range.end))
    });
    let mut event = None;
    let mut open_ends: Vec<u32> = Vec::new();
    wraps.retain_mut(|w| {
        let Some((Event::Text(text), _)) = events.get(w.event as usize) else {
            return false;
        };
        if event != Some(w.event) {
            event = Some(w.event);
            open_ends.clear();
        }
        if w.range.end == u32::MAX {
            w.range.end = text.len() as u32;
        }
        let (start, end) = (w.range.start as usize, w.range.end as usize);
        if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return false;
        }
        open_ends.retain(|&e| e > w.range.start);
        if open_ends.last().is_some_and(|&e| w.range.end > e) {
            return false; // partial overlap: would not nest
        }
        open_ends.push(w.range.end);
        true
    });
    // Kept until the page is written: give back what was dropped.
    wraps.shrink_to_fit();
    wraps
}

/// The events of a page with its wraps put in: each wrapped `Text` event split around
/// the inline HTML of its wraps (`openings` are theirs, from [`Openings::new`]). Events
/// borrow from `events`; the index is the event's in `events` (links are keyed by it).
pub fn apply<'a>(
    events: &'a [Spanned],
    wraps: &'a Wraps,
    openings: &'a Openings,
) -> impl Iterator<Item = (usize, Event<'a>)> + 'a {
    let mut pending = wraps.as_slice();
    events.iter().enumerate().flat_map(move |(i, (event, _))| {
        let here = pending.iter().take_while(|w| w.event as usize == i).count();
        let first = wraps.len() - pending.len();
        let (ws, rest) = pending.split_at(here);
        pending = rest;
        match event {
            Event::Text(text) if !ws.is_empty() => Pieces::Many(split_text(text, ws, first, openings).into_iter()),
            event => Pieces::One(Some(borrow(event))),
        }
        .map(move |e| (i, e))
    })
}

/// One event, or a text event split around its wraps.
enum Pieces<'a> {
    One(Option<Event<'a>>),
    Many(std::vec::IntoIter<Event<'a>>),
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        match self {
            Pieces::One(e) => e.take(),
            Pieces::Many(it) => it.next(),
        }
    }
}

/// The event, borrowing its text rather than copying it.
fn borrow<'a>(event: &'a Event<'static>) -> Event<'a> {
    let b = |s: &'a CowStr<'static>| -> CowStr<'a> { CowStr::Borrowed(s.as_ref()) };
    match event {
        Event::Text(t) => Event::Text(b(t)),
        Event::Code(t) => Event::Code(b(t)),
        Event::Html(t) => Event::Html(b(t)),
        Event::InlineHtml(t) => Event::InlineHtml(b(t)),
        other => other.clone(),
    }
}

/// `text` split at the boundaries of `wraps` (settled: sorted, nesting), with each
/// wrap's opening and closing HTML between the pieces; `first` is the index of
/// `wraps[0]` among the page's wraps, whose openings are `openings`.
fn split_text<'a>(text: &'a str, wraps: &[Wrap], first: usize, openings: &'a Openings) -> Vec<Event<'a>> {
    // Boundaries: every start and end, in order; closes before opens at the same place.
    let mut marks: Vec<(usize, bool, usize)> = Vec::with_capacity(wraps.len() * 2); // (offset, is_open, wrap index)
    for (k, w) in wraps.iter().enumerate() {
        marks.push((w.range.start as usize, true, k));
        marks.push((w.range.end as usize, false, k));
    }
    marks.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(a.1.cmp(&b.1))
            .then_with(|| if a.1 { a.2.cmp(&b.2) } else { b.2.cmp(&a.2) })
    });
    let mut out = Vec::with_capacity(marks.len() * 2 + 1);
    let mut at = 0;
    for (offset, is_open, k) in marks {
        if offset > at {
            out.push(Event::Text(CowStr::Borrowed(&text[at..offset])));
        }
        at = offset;
        let mark = wraps[k].mark;
        out.push(Event::InlineHtml(if is_open {
            CowStr::Borrowed(openings.get(first + k))
        } else {
            CowStr::Borrowed(mark.close())
        }));
    }
    if at < text.len() {
        out.push(Event::Text(CowStr::Borrowed(&text[at..])));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn events(md: &str) -> Vec<Spanned> {
        Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES)
            .into_offset_iter()
            .map(|(e, r)| (e.into_static(), r))
            .collect()
    }

    #[test]
    fn blocks_span_emphasis_and_skip_link_text() {
        let ev = events("AWS grew **13%** to [$24.2 billion](x) in `Q4 2023`.\n\n- item one\n");
        let b = blocks(&ev);
        assert_eq!(b.len(), 2);
        assert!(b[0].text.starts_with("AWS grew 13% to $24.2 billion in "));
        let linkable: Vec<&str> = b[0].pieces.iter().map(|p| &b[0].text[p.text.clone()]).collect();
        assert_eq!(linkable, ["AWS grew ", "13%", " to ", " in ", "."]);
    }

    #[test]
    fn table_rows_join_cells() {
        let ev = events("| a | b |\n|---|---|\n| AWS | $24.2B |\n");
        let b = blocks(&ev);
        assert_eq!(b[1].text, "AWS | $24.2B");
        // An empty cell keeps its place, the first one too.
        let ev = events("| | Q3 2024 | Q4 2024 |\n|---|---|---|\n| Net sales | | $4.5B |\n");
        let b = blocks(&ev);
        assert_eq!(b[0].text, " | Q3 2024 | Q4 2024");
        assert_eq!(b[1].text, "Net sales |  | $4.5B");
    }

    #[test]
    fn wraps_nest_and_partial_overlaps_drop() {
        let ev = events("Kuiper costs $1 billion.");
        let text_event = ev.iter().position(|(e, _)| matches!(e, Event::Text(_))).unwrap();
        let w = |event: usize, range: Range<u32>, mark: Mark| Wrap {
            event: event as u32,
            range,
            mark,
        };
        let wraps = vec![
            w(text_event, 0..6, Mark::TopicLink { anchor: 1, topic: 0 }),
            w(text_event, 13..23, Mark::Figure(1)),
            // A wrap on an event that is not text is dropped, not applied elsewhere.
            w(0, 0..1, Mark::Figure(3)),
            w(text_event, 16..23, Mark::Mention(2)),
            w(text_event, 4..10, Mark::Figure(2)),
        ];
        let wraps = settle(&ev, wraps);
        assert_eq!(wraps.len(), 3);
        let url = |_: usize| "/topics/kuiper/?a&b";
        let mut html = String::new();
        let openings = Openings::new(&wraps, &url);
        pulldown_cmark::html::push_html(&mut html, apply(&ev, &wraps, &openings).map(|(_, e)| e));
        assert_eq!(
            html.trim(),
            "<p><a id=\"m-1\" class=\"topic-link\" href=\"/topics/kuiper/?a&amp;b\">Kuiper</a> costs \
             <span id=\"fig-1\" class=\"figure\">$1 <span id=\"m-2\" class=\"mention\">billion</span></span>.</p>"
        );
    }
}
