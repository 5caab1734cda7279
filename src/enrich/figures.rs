//! Figures in a page: the metrics extractor run sentence by sentence over the page's
//! prose blocks, each figure anchored in the text (`<span id="fig-N" class="figure">`),
//! plus the figures the author gives by hand in front matter (which win).

use std::sync::Arc;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::enrich::PageFacts;
use crate::enrich::metrics::{self, Change, Found, Quantity, Scope, SubjectMention};
use crate::enrich::tables;
use crate::enrich::text::{Block, BlockKind, Mark, Wrap};
use crate::enrich::topics::Topics;
use crate::markdown::Doc;

/// One figure of a page: a claim with where it stands. A large site has hundreds of
/// thousands, all alive until the site is written, so a figure keeps no string of its own:
/// subject, metric and period are interned (`metrics::intern`), and its words are a range
/// of its sentence, which the figures of one sentence share.
#[derive(Debug, Clone)]
pub struct Figure {
    /// N of its anchor in the page (`fig-N`); 0 for figures given in front matter, which
    /// have none.
    pub anchor: u32,
    /// 1-based line of the source file.
    pub line: u32,
    /// Who: a topic title or the default subject.
    pub subject: Option<&'static str>,
    /// What: a canonical metric label.
    pub metric: Option<&'static str>,
    /// When: `Q4 2023`, `FY 2023`, `2023`…
    pub period: Option<&'static str>,
    /// The level stated.
    pub value: Option<Quantity>,
    /// The change stated.
    pub change: Option<Change>,
    /// Whether it looks ahead (guidance, an estimate, a target): left out of the
    /// conflict report, as a forecast and the figure reported later differ by nature.
    pub forecast: bool,
    /// The bytes of `said` that are the figure's words.
    words: std::ops::Range<u32>,
    /// The sentence as split from the text (untrimmed); for a figure given in front
    /// matter, which has no sentence, its text.
    said: Arc<str>,
}

impl Figure {
    /// `extracted`, or `front matter` for a figure given there (the ones without anchor).
    pub fn origin(&self) -> &'static str {
        if self.anchor == 0 { "front matter" } else { "extracted" }
    }

    /// The words of the figure ("grew 13% year-over-year to $24.2 billion").
    pub fn text(&self) -> &str {
        self.said
            .get(self.words.start as usize..self.words.end as usize)
            .unwrap_or_default()
    }

    /// The whole sentence, trimmed; empty for a figure given in front matter.
    pub fn sentence(&self) -> &str {
        if self.anchor == 0 { "" } else { self.said.trim() }
    }

    /// Its sentence by address, the same for the figures of one sentence (which share
    /// one copy of it) and for no others; 0 for a figure given in front matter, which has
    /// none. Telling whether two figures share a sentence by this does not trim it.
    pub fn sentence_id(&self) -> usize {
        if self.anchor == 0 {
            0
        } else {
            self.said.as_ptr() as usize
        }
    }
}

/// What figure finding needs to know about the page.
pub struct Settings<'a> {
    /// Page-level default subject, if the page or the site gives one.
    pub default_subject: Option<String>,
    /// Page period (front matter, else title).
    pub page_period: Option<String>,
    /// On a topic page whose title is a metric ("Capital expenditures"), its label.
    pub page_metric: Option<String>,
    /// Metric names (built-in lexicon plus site.toml's).
    pub names: &'a metrics::MetricNames,
    /// Currency of amounts written without one.
    pub currency: &'static str,
    /// The month the fiscal year ends in (12: the calendar's).
    pub fiscal_year_end: u8,
    /// Texts the author asked to ignore (`ignore_figures:`).
    pub ignore: &'a [String],
}

/// Extracts the figures of `blocks`, adding their anchors to `wraps`. `split` holds the
/// sentences of the blocks already split (by block index); the others are split here.
/// `facts` gives the page's topic mentions (the subjects of its figures) and the sentences
/// kept for topic pages: a figure in one of them shares it.
pub fn extract(
    doc: &Doc,
    blocks: &[Block],
    split: &[Option<Vec<std::ops::Range<usize>>>],
    facts: &PageFacts,
    topics: &Topics,
    settings: &Settings,
    wraps: &mut Vec<Wrap>,
) -> Vec<Figure> {
    // The page's sentences go through each step of reading together (`metrics::Read`):
    // their tokens and quantities, the phrases around them (each sentence dated by the
    // heading above it), the metric each quantity measures, and their figures. One
    // sentence at a time through all the steps, their code did not stay in the
    // processor's instruction cache: a clean 1,000-note build had 34.8 M misses of it
    // (cachegrind's simulation), 26 M more than with extraction off; step by step, 15.0 M.
    let tables = tables::find(doc, blocks, settings.names, |cell| {
        subject_named(cell, topics, settings.names).subject.flatten()
    });
    let list_captions = tables::list_captions(doc, blocks, settings.names, |caption| {
        subject_named(caption, topics, settings.names).subject.flatten()
    });
    let items: Vec<(usize, tables::Edits)> = (list_captions.iter())
        .map(|(b, caption)| (*b, caption.edits(&blocks[*b].text)))
        .filter(|(_, edits)| !edits.is_empty())
        .collect();
    let names_topic = |label: &str| subject_named(label, topics, settings.names).subject.flatten().is_some();
    let plains = plain_sentences(blocks, split, &tables, &items, settings.names, names_topic);
    let mut reading = read_sentences(doc, blocks, split, &plains, settings);
    let places = place_sentences(doc, blocks, &mut reading, facts, topics, settings, &tables);
    // In a note that gives no period, the one period a sentence with no figure of its own
    // states ("JPMorgan will take over First Republic in the second quarter of 2023.") is
    // carried as its figures' would be (below), if it is a period a business reports on
    // (a quarter, a half, a fiscal year, twelve months; `Phrased::stated_period`).
    // Read only where it may be used: most notes give a period.
    let mut stated: Vec<Option<String>> = if settings.page_period.is_none() {
        (reading.reads.iter())
            .map(|(_, read)| read.stated_period().map(str::to_string))
            .collect()
    } else {
        Vec::new()
    };
    let measured: Vec<_> = (reading.reads.into_iter().zip(&places.subjects).zip(&places.placed))
        .map(|(((_, read), mentions), at)| read.measured(mentions, &places.scopes[at.scope]))
        .collect();
    // In a note whose headings and front matter give no period, the figures of a sentence
    // of a paragraph that name no period take the one of the figures of the sentence before it
    // ("… revenue of $180.6 billion for the fourth quarter of fiscal 2025. Adjusted
    // earnings per share were 66 cents"): wire stories and clippings are written so. Where
    // a heading or the note gives a period, that period stays the default: an earlier
    // sentence's may be a look back ("In 2019, AWS had revenue of $35 billion. Its
    // backlog is $20 billion"). The last sentence's block and scope, and the one period its
    // figures were given, if they agree.
    let mut carried: Option<(usize, usize, Option<String>)> = None;
    // What `carried` was before a sentence that is all forecast set it: the period the
    // results after a guide go on in ("… its forecast for 2024 net interest income to
    // about $90 billion. Its CET1 ratio stood at 15.0%": the quarter before the guide).
    let mut before_guide: Option<Option<(usize, usize, Option<String>)>> = None;
    // A topic page's "it" is its topic, the subject of figures that name none there.
    let about_itself = doc.page.kind == crate::content::PageKind::Topic
        && settings.default_subject.as_deref() == Some(doc.page.title.as_str());
    let mut found: Vec<Vec<Found>> = Vec::with_capacity(measured.len());
    // The one topic the note's title names, read once, when a sentence needs it.
    let mut title_topic: Option<Option<String>> = None;
    let mut said = reading.said.iter().peekable();
    // The paragraph and the one period of the last sentence whose figures were all a
    // guide for a period other than the note's (or its heading's).
    let mut guided: Option<(usize, String)> = None;
    // The paragraph and the label of the last ratio or margin named in it, which "the
    // ratio" or "the margin" of a sentence after it speaks of.
    let mut named_measure: Option<(usize, String)> = None;
    for (i, ((m, at), mentions)) in (measured.iter().zip(&places.placed).zip(&places.subjects)).enumerate() {
        let prose = blocks[at.block].kind == BlockKind::Prose;
        // A sentence without figures before this one, in its paragraph, that states a
        // period carries it as one with figures would ("ASML published its third-quarter
        // 2024 results a day early. Net bookings came to €2.63 billion").
        while let Some((b, _, period)) = said.next_if(|(b, start, _)| (*b, *start) < (at.block, at.sentence.start)) {
            if *b == at.block && prose {
                carried = Some((at.block, at.scope, Some(period.clone())));
                before_guide = None;
            }
        }
        let Some(m) = m else {
            if let Some(period) = stated.get_mut(i).and_then(Option::take).filter(|_| prose) {
                carried = Some((at.block, at.scope, Some(period)));
                before_guide = None;
            }
            found.push(Vec::new());
            continue;
        };
        let scope = &places.scopes[at.scope];
        // A sentence that names no topic and speaks of one named before ("Its operating
        // margin widened to 29.6%", "The unit's operating income was $10.4 billion") is
        // about the one topic the sentence before it in its paragraph names.
        // A topic named only after the figures ("The unit's operating income was $10.4
        // billion, the highest since Amazon began breaking out AWS results") is no
        // subject of them.
        let named_first = mentions.iter().any(|n| n.range.start < m.first_quantity());
        let antecedent = (!about_itself && !named_first && prose && m.refers_back())
            .then(|| named_before(blocks, split, facts, topics, settings.names, at))
            .flatten()
            // "Segment revenue was $2.15 billion" under a heading that names nothing, in a
            // note titled "Reality Labs: how big is the bill?": the segment the title names.
            .or_else(|| {
                (!about_itself && !named_first && prose && scope.heading_subject.is_none() && m.refers_to_a_segment())
                    .then(|| {
                        title_topic
                            .get_or_insert_with(|| title_subject(doc, topics, settings))
                            .clone()
                    })
                    .flatten()
            });
        let carry = match &carried {
            Some((b, sc, Some(period)))
                if prose
                    && *b == at.block
                    && *sc == at.scope
                    && scope.heading_period.is_none()
                    && scope.page_period.is_none()
                    && m.takes_an_earlier_period() =>
            {
                Some(period)
            }
            _ => None,
        };
        // "Looking to 2025, we expect adjusted EBIT of $7.0 billion to $8.5 billion. By
        // segment, we expect Ford Pro EBIT of $7.5 billion to $8.0 billion": a guide that
        // names no period goes on with the guide before it in its paragraph, and is of its
        // period, not of the note's.
        let guide_carry = match &guided {
            Some((b, period)) if prose && *b == at.block && !m.names_a_period() => Some(period.clone()),
            _ => None,
        };
        let read = |carry: Option<&String>| {
            if carry.is_some() || antecedent.is_some() {
                m.figures(&Scope {
                    heading_period: carry.cloned().or_else(|| scope.heading_period.clone()),
                    heading_subject: antecedent.clone().or_else(|| scope.heading_subject.clone()),
                    ..scope.clone()
                })
            } else {
                m.figures(scope)
            }
        };
        let mut figures = read(carry);
        // Results after a guide go on in the period before it (a sentence with a guide
        // of its own and the result it is set against goes on with the guide).
        if carry.is_some()
            && let Some(before) = &before_guide
            && !figures.iter().any(|f| f.forecast)
        {
            let earlier = match before {
                Some((b, sc, Some(period))) if *b == at.block && *sc == at.scope => Some(period),
                _ => None,
            };
            figures = read(earlier);
        }
        if let Some(period) = guide_carry {
            for f in figures.iter_mut().filter(|f| f.forecast) {
                f.period = Some(period.clone());
            }
        }
        if prose {
            the_measure_named_before(
                &blocks[at.block].text[at.sentence.clone()],
                at.block,
                &mut named_measure,
                &mut figures,
            );
        }
        if prose && !figures.is_empty() {
            // Only a sentence whose figures agree on their period sets one for the next:
            // "capex was $48.4 billion in 2023 and $77.7 billion in 2024" sets none.
            let mut periods = figures.iter().filter_map(|f| f.period.as_ref());
            let first = periods.next();
            // Or, where an earlier value was dated apart ("Shell's fourth-quarter 2024
            // adjusted earnings fell to $3.66 billion from $7.31 billion a year earlier"),
            // the one period the sentence states as its own, if a figure has it.
            let own = || {
                let own = m.own_period()?;
                figures
                    .iter()
                    .find_map(|f| f.period.as_ref().filter(|p| p.as_str() == own))
            };
            let one = first.filter(|p| periods.all(|q| q == *p)).or_else(own);
            let all_forecast = figures.iter().all(|f| f.forecast);
            let previous = carried.replace((at.block, at.scope, one.cloned()));
            if !all_forecast {
                before_guide = None;
            } else if before_guide.is_none() {
                before_guide = Some(previous);
            }
            // A guide's goes on only from a sentence that is all guide, every figure of
            // that period, and only if it is not the period the sentence had anyway.
            let default = scope.heading_period.as_ref().or(scope.page_period.as_ref());
            let all_of = |p: &String| figures.iter().all(|f| f.forecast && f.period.as_ref() == Some(p));
            guided = one
                .filter(|p| Some(*p) != default && all_of(p))
                .map(|p| (at.block, p.clone()));
        }
        found.push(figures);
    }
    // Sized once: grown a figure at a time, the page's figures were copied over and over
    // (64 M instructions of the 10,000-note build).
    let mut out = Vec::with_capacity(found.iter().map(Vec::len).sum());
    let mentions = places.subjects.iter();
    for (((mut figures, at), plain), mentions) in (found.into_iter().zip(&places.placed))
        .zip(&reading.plain)
        .zip(mentions)
    {
        let (b, block, sentence) = (at.block, &blocks[at.block], &at.sentence);
        let text = &block.text[sentence.clone()];
        // One copy of the sentence, shared by its figures and their records, and with
        // the topic pages that quote it.
        let mut shared: Option<Arc<str>> = None;
        if let Some(plain) = plain {
            for found in &mut figures {
                found.range = plain.written(found.range.clone());
            }
        }
        // A table row's cells take what their column's head names.
        if let Some(table) = at.table {
            (tables[table].layout).attribute(
                &block.text,
                sentence.start,
                !mentions.is_empty(),
                settings.names,
                &mut figures,
            );
        }
        // A list item's figure that names no metric or topic takes its caption's.
        let mut walk = false;
        if let Ok(i) = list_captions.binary_search_by_key(&b, |(i, _)| *i) {
            list_captions[i].1.attribute(!mentions.is_empty(), &mut figures);
            walk = list_captions[i].1.is_walk();
        }
        let default_subject = places.scopes[at.scope].default_subject.as_deref();
        // "- Marketplace: over 1 billion monthly users": a list item led by a label that
        // names no topic, metric or period gives a part of what it measures, as a table
        // row's label does.
        let head = text.get(..48).unwrap_or(text).split_once(':').map(|(head, _)| head);
        if sentence.start == 0
            && !walk
            && block.kind == BlockKind::Prose
            && let Some(head) = head
            && (figures.iter()).any(|f| f.metric.as_deref().is_some_and(|m| !shares_word(head, m)))
            && tables::is_item(doc, block)
            && let Some(label) = tables::item_label(head, settings.names)
            && !mentions.iter().any(|m| m.range.start <= head.len())
            && default_subject.is_none_or(|d| !label.eq_ignore_ascii_case(d))
        {
            for found in &mut figures {
                // The figure right after the colon.
                let near = text
                    .get(head.len() + 1..found.range.start)
                    .is_some_and(|gap| gap.len() <= 12);
                // "Fuel: $2.57 per gallon", "Paid rides per week: more than 150,000": a
                // label that says the metric's own words names it, not a part of it.
                if let Some(metric) = found.metric.as_mut().filter(|m| near && !shares_word(head, m)) {
                    *metric = format!("{label} {metric}");
                }
            }
        }
        for found in figures {
            let figure_text = text.get(found.range.clone()).unwrap_or("");
            if settings
                .ignore
                .iter()
                .any(|i| figure_text.contains(i.as_str()) || text.contains(i.as_str()))
            {
                continue;
            }
            let at = sentence.start + found.range.start;
            let number = out.len() as u32 + 1;
            let line = anchor_figure(doc, block, at..sentence.start + found.range.end, number, wraps);
            // The figure's words, as a range of the sentence.
            let words = if figure_text.is_empty() {
                0..0
            } else {
                found.range.start as u32..found.range.end as u32
            };
            let said = Arc::clone(shared.get_or_insert_with(|| {
                let (b, start) = (b as u32, sentence.start as u32);
                let quoted = &facts.sentences;
                let i = quoted.partition_point(|s| (s.block, s.range.start) < (b, start));
                match quoted.get(i) {
                    Some(s) if s.block == b && s.range == (start..sentence.end as u32) => Arc::clone(&s.text),
                    _ => Arc::from(text),
                }
            }));
            out.push(figure(found, number, line, words, said));
        }
    }
    out
}

/// The one topic the page's title names as a heading would (`subject_named`), if it is
/// not the page's default subject.
fn title_subject(doc: &Doc, topics: &Topics, settings: &Settings) -> Option<String> {
    let named = subject_named(&doc.page.title, topics, settings.names)
        .subject
        .flatten()?;
    (settings.default_subject.as_deref() != Some(named.as_str())).then_some(named)
}

/// Whether `label` says a word of `metric` (in any case).
fn shares_word(label: &str, metric: &str) -> bool {
    let words = label.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let said: Vec<&str> = words.collect();
    (metric.split(|c: char| !c.is_alphanumeric()))
        .any(|w| !w.is_empty() && said.iter().any(|s| s.eq_ignore_ascii_case(w)))
}

/// The one topic (of those that own figures) the sentence before `at` in its block
/// names, if it names exactly one, and not to leave it out.
fn named_before(
    blocks: &[Block],
    split: &[Option<Vec<std::ops::Range<usize>>>],
    facts: &PageFacts,
    topics: &Topics,
    names: &metrics::MetricNames,
    at: &Placed,
) -> Option<String> {
    let sentences = sentences_of(&blocks[at.block], split.get(at.block));
    let i = sentences.iter().position(|s| *s == at.sentence)?;
    let before = sentences.get(i.checked_sub(1)?)?;
    // Mentions come in block order.
    let mentions = &facts.mentions;
    let in_block = &mentions[mentions.partition_point(|m| m.block < at.block)..];
    let named: Vec<_> = (in_block.iter())
        .take_while(|m| m.block == at.block)
        .filter(|m| before.start <= m.range.start && m.range.end <= before.end)
        // A topic that names a metric ("Capital expenditures") is no subject.
        .filter(|m| topics.list[m.topic].figure_subject && names.label_of(&topics.list[m.topic].title).is_none())
        .collect();
    if named.is_empty() {
        return None;
    }
    // Named to be left out ("outside North America") is not named.
    let left_out = metrics::left_out(&blocks[at.block].text[before.clone()]);
    let mut kept = (named.iter())
        .filter(|m| !left_out(m.range.start - before.start..m.range.end - before.start))
        .map(|m| &topics.list[m.topic].title);
    let title = kept.next()?;
    kept.all(|t| t == title).then(|| title.clone())
}

/// The first two steps of reading a page's sentences.
struct Reading<'t, 'n> {
    /// Each sentence with a quantity: its block, its byte range in the block's text, and
    /// the sentence read as far as the phrases around its quantities.
    reads: Vec<((usize, std::ops::Range<usize>), metrics::Phrased<'t, 'n>)>,
    /// The period of the heading above each block.
    heading_periods: Vec<Option<String>>,
    /// For each read sentence, in the order of the reads, the plain text it was read as
    /// when it has typographic variants.
    plain: Vec<Option<&'t metrics::PlainText>>,
    /// The periods sentences set as a frame for the ones after them, up to the next
    /// heading (`metrics::frame_period`: "For the full year 2023 we had …").
    frames: Vec<String>,
    /// For each read sentence, in the order of the reads, the frame it is in, if any.
    frame: Vec<Option<usize>>,
    /// In a note that nothing dates, the sentences without figures that state a period
    /// (`metrics::stated_period`), in text order: their block, their start in its text,
    /// and the period.
    said: Vec<(usize, usize, String)>,
}

/// A sentence with typographic variants, read as its plain text: its block, its byte
/// range in the block's text, and the text made plain.
type PlainSentence = (usize, std::ops::Range<usize>, metrics::PlainText);

/// The sentences of `blocks` read as other text, in block order: those with typographic
/// variants ("year‑over‑year" with non-breaking hyphens, "4×") made plain, and the body
/// rows of `tables` whose bare numbers their head gives a unit ("149.2" under "$ bn")
/// written out, as are the list `items` under a caption that gives one. Only blocks with
/// a byte outside ASCII, in a table or among those items are looked at.
fn plain_sentences(
    blocks: &[Block],
    split: &[Option<Vec<std::ops::Range<usize>>>],
    tables: &[tables::Table],
    items: &[(usize, tables::Edits)],
    names: &metrics::MetricNames,
    names_topic: impl Fn(&str) -> bool,
) -> Vec<PlainSentence> {
    let mut out = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        let edits = match tables::body_of(tables, b) {
            Some(t) => tables[t].layout.edits(&block.text, names, &names_topic),
            None => items
                .binary_search_by_key(&b, |(i, _)| *i)
                .map_or_else(|_| Vec::new(), |i| items[i].1.clone()),
        };
        if block.kind == BlockKind::Heading || (edits.is_empty() && block.text.is_ascii()) {
            continue;
        }
        let sentences = sentences_of(block, split.get(b));
        for sentence in sentences.iter() {
            let within: Vec<_> = (edits.iter())
                .filter(|(r, _)| sentence.start <= r.start && r.end <= sentence.end)
                .map(|(r, with)| (r.start - sentence.start..r.end - sentence.start, with.clone()))
                .collect();
            if let Some(plain) = metrics::PlainText::edited(&block.text[sentence.clone()], &within) {
                out.push((b, sentence.clone(), plain));
            }
        }
    }
    out
}

/// The sentences of `block`: `known` if the block was split already, else split here.
fn sentences_of<'a>(
    block: &Block,
    known: Option<&'a Option<Vec<std::ops::Range<usize>>>>,
) -> std::borrow::Cow<'a, [std::ops::Range<usize>]> {
    match known {
        Some(Some(known)) => std::borrow::Cow::Borrowed(known),
        _ => std::borrow::Cow::Owned(metrics::split_sentences(&block.text)),
    }
}

/// Reads the tokens and quantities of every sentence of `blocks` (split here if `split`
/// has not), then the phrases around the quantities of those that have any.
fn read_sentences<'t, 'n>(
    doc: &Doc,
    blocks: &'t [Block],
    split: &'t [Option<Vec<std::ops::Range<usize>>>],
    plains: &'t [PlainSentence],
    settings: &Settings<'n>,
) -> Reading<'t, 'n> {
    let mut heading_periods: Vec<Option<String>> = vec![None; blocks.len()];
    // The month and year of the dateline a block is under (`metrics::dateline`): a wire
    // item's title, until the next heading.
    let mut datelines: Vec<Option<(u32, u32)>> = vec![None; blocks.len()];
    let mut dateline = None;
    let mut reads = Vec::new();
    let mut plain = Vec::new();
    let mut plains = plains.iter().peekable();
    let (mut frames, mut frame_of, mut frame): (Vec<String>, _, Option<usize>) = (Vec::new(), Vec::new(), None);
    let mut heading_period = None;
    // The block of a frame that holds to the end of its paragraph (an outlook's,
    // `metrics::outlook_period`, or a full year said first with figures of its own,
    // `metrics::Frame::paragraph`) and the frame before it.
    let mut outlook: Option<(usize, Option<usize>)> = None;
    let mut outline = Outline::default();
    let mut said = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        if block.kind == BlockKind::Heading {
            let around = heading_period.as_deref().or(settings.page_period.as_deref());
            let own = match metrics::PlainText::of(&block.text) {
                Some(p) => metrics::parse_heading_period(p.text(), around, settings.fiscal_year_end),
                None => metrics::parse_heading_period(&block.text, around, settings.fiscal_year_end),
            };
            // "# TSMC 2024 scorecard" in a note of `period: FY 2024`: the year the note
            // names as its fiscal year, said as such.
            let own = own.map(|p| match settings.page_period.as_deref() {
                Some(page) if page.strip_prefix("FY ") == Some(p.as_str()) => page.to_string(),
                _ => p,
            });
            heading_period = outline.enter(heading_level(doc, block), own);
            dateline = metrics::dateline(&block.text);
            frame = None;
            outlook = None;
            continue;
        }
        heading_periods[b].clone_from(&heading_period);
        dateline = metrics::dateline(&block.text).or(dateline);
        datelines[b] = dateline;
        // An outlook's period holds to the end of its paragraph.
        if let Some((_, before)) = outlook.take_if(|(at, _)| *at != b) {
            frame = before;
        }
        let sentences = sentences_of(block, split.get(b));
        for sentence in sentences.iter() {
            let made_plain = plains
                .next_if(|(pb, range, _)| *pb == b && range == sentence)
                .map(|(_, _, p)| p);
            let text = made_plain.map_or(&block.text[sentence.clone()], |p| p.text());
            let read = metrics::read(text, settings.currency);
            let around = (frame.map(|f| frames[f].as_str()))
                .or(heading_period.as_deref())
                .or(settings.page_period.as_deref());
            let undated = around.is_none();
            if let Some(metrics::Frame { period, paragraph }) = metrics::frame_period(text, read.as_ref(), around) {
                frames.push(period);
                if paragraph {
                    outlook = Some((b, outlook.map_or(frame, |(_, before)| before)));
                } else {
                    outlook = None;
                }
                frame = Some(frames.len() - 1);
            } else if let Some(period) = metrics::outlook_period(text, read.as_ref(), around) {
                frames.push(period);
                outlook = Some((b, frame));
                frame = Some(frames.len() - 1);
            }
            if let Some(read) = read {
                reads.push(((b, sentence.clone()), read));
                plain.push(made_plain);
                frame_of.push(frame);
            } else if undated && let Some(period) = metrics::stated_period(text) {
                said.push((b, sentence.start, period));
            }
        }
    }
    // Sentences are dated by the period around their block (or the frame they are in),
    // read once a block: once a sentence, it was 56 M instructions of the 10,000-note build.
    let mut anchor: Option<((usize, Option<usize>), metrics::Anchor)> = None;
    // In a paragraph that nothing around it dates (a wire story in a note without a
    // period), the quarter a sentence reports dates the year-less ones of the sentences
    // after it ("… in the fourth quarter of 2024 … Fourth-quarter revenue rose 16%"): as
    // an anchor only, not as their period.
    let mut stated: Option<(usize, String)> = None;
    // The (fiscal) year the note was written in: May 2025 is in fiscal 2026 of a year
    // that ends in March.
    let written = doc.page.date.map(|d| {
        let (year, month) = (chrono::Datelike::year(&d).unsigned_abs(), chrono::Datelike::month(&d));
        metrics::fiscal_year_of(month, year, settings.fiscal_year_end)
    });
    let anchor_of = |period: Option<&str>| {
        metrics::Anchor::of(period)
            .written_in(written)
            .fiscal(settings.fiscal_year_end)
    };
    let reads = (reads.into_iter().zip(&frame_of))
        .map(|((at, read), &frame)| {
            // The period of the heading or the note; a frame's, where a sentence set one.
            let beneath = || heading_periods[at.0].as_deref().or(settings.page_period.as_deref());
            let period = || (frame.map(|f| frames[f].as_str())).or_else(beneath);
            let around = match (anchor, &stated) {
                (_, Some((b, said))) if *b == at.0 && period().is_none() => anchor_of(Some(said)),
                (Some((key, around)), _) if key == (at.0, frame) => around,
                _ => {
                    let around = match frame {
                        Some(_) => anchor_of(period()).within(anchor_of(beneath())),
                        None => anchor_of(period()),
                    };
                    let around = around.dated(datelines[at.0]);
                    anchor = Some(((at.0, frame), around));
                    around
                }
            };
            let phrased = read.read_phrases(settings.names, around);
            if period().is_none()
                && let Some(said) = phrased.reported_period()
            {
                stated = Some((at.0, said.to_string()));
            }
            (at, phrased)
        })
        .collect();
    Reading {
        reads,
        heading_periods,
        plain,
        frames,
        frame: frame_of,
        said,
    }
}

/// Where a page's read sentences stand: the scope of their blocks, the column heads of
/// their tables, the topics each mentions.
struct Places {
    /// The scope of each block with a read sentence.
    scopes: Vec<Scope>,
    /// Each read sentence's place, in the order of the reads.
    placed: Vec<Placed>,
    /// The topics each read sentence mentions, in the order of the reads.
    subjects: Vec<Vec<SubjectMention>>,
}

/// Where a read sentence stands in the page.
struct Placed {
    /// Index of its block.
    block: usize,
    /// Its byte range in the block's text.
    sentence: std::ops::Range<usize>,
    /// Index of its block's scope.
    scope: usize,
    /// Index of the table it is a body row of (`tables::find`), if any.
    table: Option<usize>,
}

/// The places of the sentences `reading` read (it gives up its heading periods to the
/// scopes), each table row's in `tables`.
fn place_sentences(
    doc: &Doc,
    blocks: &[Block],
    reading: &mut Reading,
    facts: &PageFacts,
    topics: &Topics,
    settings: &Settings,
    tables: &[tables::Table],
) -> Places {
    let mentions = &facts.mentions;
    let mut places = Places {
        scopes: Vec::new(),
        placed: Vec::with_capacity(reading.reads.len()),
        subjects: Vec::with_capacity(reading.reads.len()),
    };
    let mut heading_subject = None;
    let mut outline = Outline::default();
    // Whether the heading above names a guide ("## 2025 guidance"); a sub-heading that
    // says nothing of it keeps its parent's.
    let mut heading_forecast = false;
    let mut guides = Outline::default();
    // Whether the nearest heading says its rows are segments, held as the forecast is.
    let mut heading_segments = false;
    let mut segment_headings = Outline::default();
    debug_assert!(mentions.is_sorted_by_key(|m| m.block), "mentions come in block order");
    for (b, block) in blocks.iter().enumerate() {
        let table = tables::body_of(tables, b);
        if block.kind == BlockKind::Heading {
            let named = subject_named(&block.text, topics, settings.names).subject;
            heading_subject = outline.enter(heading_level(doc, block), named).flatten();
            let own = metrics::heading_looks_ahead(&block.text).then_some(true);
            heading_forecast = guides.enter(heading_level(doc, block), own).unwrap_or(false);
            let segments = says_segments(&block.text).then_some(true);
            heading_segments = segment_headings
                .enter(heading_level(doc, block), segments)
                .unwrap_or(false);
            continue;
        }
        let first = places.placed.len();
        let here = reading.reads[first..].partition_point(|((at, _), _)| *at == b);
        if here == 0 {
            continue;
        }
        // A run-in heading ("**North America.** Revenue …") names whose figures its own
        // paragraph gives, before the heading above it; one that names two topics leaves
        // its paragraph's figures to the default, and one that names the heading's topic
        // only to leave it out ("**Outside North America.**") takes them from it.
        let run_in = (block.kind == BlockKind::Prose)
            .then(|| run_in_heading(doc, block))
            .flatten()
            .map(|bold| subject_named(&bold, topics, settings.names));
        let block_subject = match run_in {
            Some(Named { subject: Some(one), .. }) => one,
            Some(Named { left_out, .. }) => heading_subject.clone().filter(|h| !left_out.contains(h)),
            None => heading_subject.clone(),
        };
        let heading_period = reading.heading_periods[b].take();
        // A block's sentences in one frame share a scope.
        let mut scope_frame = None;
        let mut scope_for = |places: &mut Places, frame: Option<usize>| {
            if scope_frame == Some(frame) {
                return;
            }
            scope_frame = Some(frame);
            places.scopes.push(Scope {
                default_subject: settings.default_subject.clone(),
                heading_period: frame
                    .map(|f| reading.frames[f].clone())
                    .or_else(|| heading_period.clone()),
                heading_forecast,
                heading_segments,
                heading_subject: block_subject.clone(),
                page_period: settings.page_period.clone(),
                page_metric: settings.page_metric.clone(),
                names: settings.names.clone(),
                currency: Some(settings.currency),
            });
        };
        // Mentions come in block order (topics::mentions walks the blocks): each block
        // looks at its own run, not at the whole note's.
        let in_block = &mentions[mentions.partition_point(|m| m.block < b)..mentions.partition_point(|m| m.block <= b)];
        for ((((_, sentence), _), plain), &frame) in (reading.reads[first..first + here].iter())
            .zip(&reading.plain[first..])
            .zip(&reading.frame[first..])
        {
            scope_for(&mut places, frame);
            let sentence = sentence.clone();
            places.subjects.push(
                in_block
                    .iter()
                    .filter(|m| m.range.start >= sentence.start && m.range.end <= sentence.end)
                    .filter(|m| topics.list[m.topic].figure_subject)
                    .map(|m| {
                        let range = m.range.start - sentence.start..m.range.end - sentence.start;
                        SubjectMention {
                            range: plain.map_or(range.clone(), |p| p.plain(range)),
                            subject: topics.list[m.topic].title.clone(),
                        }
                    })
                    .collect(),
            );
            places.placed.push(Placed {
                block: b,
                sentence,
                scope: places.scopes.len() - 1,
                table,
            });
        }
    }
    places
}

/// "The medical care ratio was 85.0% … For the full year 2023 the ratio was 83.2%": a
/// percentage that names no metric, in a sentence that speaks of "the ratio" (or "the
/// margin"), is of the ratio (or margin) named last before it in its paragraph. Then
/// `named` is what the sentence names last, for the sentences after it.
fn the_measure_named_before(text: &str, block: usize, named: &mut Option<(usize, String)>, figures: &mut [Found]) {
    const NOUNS: [&str; 2] = ["ratio", "margin"];
    if let Some((_, label)) = named.as_ref().filter(|(b, _)| *b == block) {
        let noun = label.rsplit(' ').next().unwrap_or(label);
        let spoken_of = || {
            let lower = text.to_ascii_lowercase();
            lower.match_indices("the ").any(|(at, _)| {
                let rest = &lower[at + 4..];
                rest.starts_with(noun) && !rest[noun.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
            })
        };
        let bare = |f: &Found| {
            f.metric.is_none()
                && f.value.as_ref().is_none_or(|v| v.unit == "%")
                && f.change.as_ref().is_none_or(|c| matches!(c.unit, "%" | "bps"))
        };
        if figures.iter().any(bare) && spoken_of() {
            for f in figures.iter_mut().filter(|f| bare(f)) {
                f.metric = Some(label.clone());
            }
        }
    }
    let last = figures.iter().rev().find_map(|f| {
        let label = f.metric.as_deref()?;
        NOUNS
            .iter()
            .any(|n| label.strip_suffix(n).is_some_and(|rest| rest.ends_with(' ')))
            .then(|| label.to_string())
    });
    if let Some(label) = last {
        *named = Some((block, label));
    }
}

/// The headings above a block, by level, and what each says of the blocks under it (a
/// period, a subject): a sub-heading that says nothing of it keeps its parent's ("### AWS"
/// under "## Q3 2024 results" is Q3 2024's).
struct Outline<T> {
    open: Vec<(u8, Option<T>)>,
}

impl<T> Default for Outline<T> {
    fn default() -> Self {
        Outline { open: Vec::new() }
    }
}

impl<T: Clone> Outline<T> {
    /// Enters a heading of `level` that says `own`; returns what holds under it.
    fn enter(&mut self, level: u8, own: Option<T>) -> Option<T> {
        while self.open.last().is_some_and(|&(l, _)| l >= level) {
            self.open.pop();
        }
        let holds = own.or_else(|| self.open.last().and_then(|(_, said)| said.clone()));
        self.open.push((level, holds.clone()));
        holds
    }
}

/// The level of a heading block (1 for `#`).
fn heading_level(doc: &Doc, block: &Block) -> u8 {
    match doc.events.get(block.first_event) {
        Some((Event::Start(Tag::Heading { level, .. }), _)) => *level as u8,
        _ => 1,
    }
}

/// Whose figures a heading's text says follow it.
struct Named {
    /// The topic it names: None when it names none, `Some(None)` when it names two
    /// ("Advertising and Prime Video") or lists one among other things ("Earnings,
    /// headcount and Kuiper"), which names no one subject.
    subject: Option<Option<String>>,
    /// The topics it names only to leave them out ("Revenue outside North America").
    left_out: Vec<String>,
}

/// The topic a heading's text names: whose figures follow it. Topics that are metrics
/// ("Full year 2023, cash and capex" is about Amazon's capex), never subjects
/// (`figure_subject: false`), or named only to be left out, as a sentence would
/// ("Revenue outside North America", `metrics::named_to_exclude`), do not count. A topic
/// named as one item of a list ("Capex and Kuiper", "Cash flow, subscriptions and Whole
/// Foods") is one of the things the section covers, not whose figures they all are.
fn subject_named(text: &str, topics: &Topics, names: &metrics::MetricNames) -> Named {
    let (left_out, named): (Vec<_>, Vec<_>) = topics
        .vocab
        .find(text)
        .into_iter()
        .map(|m| {
            let listed = listed(text, m.range.clone());
            (metrics::named_to_exclude(text, m.range), listed, &topics.list[m.topic])
        })
        .filter(|(_, _, t)| t.figure_subject && names.label_of(&t.title).is_none())
        .partition(|(excluded, _, _)| *excluded);
    let subject = named.first().map(|(_, _, first)| {
        named
            .iter()
            .all(|(_, listed, t)| t.title == first.title && !listed)
            .then(|| first.title.clone())
    });
    Named {
        subject,
        left_out: left_out.into_iter().map(|(_, _, t)| t.title.clone()).collect(),
    }
}

/// Whether a heading says what is under it is by segment: "Adjusted earnings by segment
/// ($ millions)", "Segment adjusted earnings for the year".
fn says_segments(text: &str) -> bool {
    (text.split(|c: char| !c.is_alphabetic()))
        .any(|w| w.eq_ignore_ascii_case("segment") || w.eq_ignore_ascii_case("segments"))
}

/// Whether the words at `range` of a heading are joined to others as an item of a list:
/// "and", "&" or a list's comma right before or after them.
fn listed(text: &str, range: std::ops::Range<usize>) -> bool {
    let before = text[..range.start].trim_end();
    let after = text[range.end..].trim_start();
    // On bytes: a heading's text need not be ASCII, and "and" is.
    let word_at_end = |t: &str| {
        let t = t.as_bytes();
        t.len() >= 3
            && t[t.len() - 3..].eq_ignore_ascii_case(b"and")
            && !t[..t.len() - 3].last().is_some_and(u8::is_ascii_alphanumeric)
    };
    let word_at_start = |t: &str| {
        let t = t.as_bytes();
        t.len() >= 3 && t[..3].eq_ignore_ascii_case(b"and") && !t.get(3).is_some_and(u8::is_ascii_alphanumeric)
    };
    // A comma lists only in a list that an "and" or "&" ends ("Earnings, headcount and
    // Kuiper"); alone it may set off a qualifier ("AWS, ex-North America").
    let comma = (before.ends_with(',') || after.starts_with(','))
        && (text.contains('&') || text.split_whitespace().any(|w| w.eq_ignore_ascii_case("and")));
    comma || before.ends_with('&') || word_at_end(before) || after.starts_with('&') || word_at_start(after)
}

/// The text of a block's run-in heading: the bold text a paragraph or list item opens
/// with, when a period or colon ends it, inside the bold or right after it
/// ("**North America.** Revenue …", "**AWS**: …"). None for a block that opens with
/// anything else, and for bold that runs on into the sentence ("**AWS** grew 13%"). Inline
/// code in the bold is read as its text ("**The `AWS` segment.**").
fn run_in_heading(doc: &Doc, block: &Block) -> Option<String> {
    let mut events = doc
        .events
        .get(block.first_event + 1..)?
        .iter()
        .map(|(event, _)| event)
        .filter(|event| !matches!(event, Event::TaskListMarker(_)));
    if !matches!(events.next(), Some(Event::Start(Tag::Strong))) {
        return None;
    }
    let mut bold = String::new();
    let mut depth = 1;
    for event in events.by_ref() {
        match event {
            Event::Start(Tag::Strong) => depth += 1,
            Event::End(TagEnd::Strong) if depth == 1 => break,
            Event::End(TagEnd::Strong) => depth -= 1,
            // "**The `AWS` segment.**": code is part of the heading's words.
            Event::Text(text) | Event::Code(text) => bold.push_str(text),
            Event::SoftBreak | Event::HardBreak => bold.push(' '),
            _ => {}
        }
    }
    let after = match events.next() {
        Some(Event::Text(text)) => text.as_ref(),
        _ => "",
    };
    let stops = ['.', ':'];
    (bold.trim_end().ends_with(stops) || after.starts_with(stops)).then_some(bold)
}

fn figure(found: Found, anchor: u32, line: usize, words: std::ops::Range<u32>, said: Arc<str>) -> Figure {
    Figure {
        anchor,
        line: line as u32,
        subject: found.subject.as_deref().map(metrics::intern),
        metric: found.metric.as_deref().map(metrics::intern),
        period: found.period.as_deref().map(metrics::intern),
        value: found.value,
        change: found.change,
        forecast: found.forecast,
        words,
        said,
    }
}

/// Wraps the figure's range if it lies in one linkable piece, else leaves an empty anchor
/// at the nearest piece. Returns the source line of the figure.
fn anchor_figure(doc: &Doc, block: &Block, range: std::ops::Range<usize>, number: u32, wraps: &mut Vec<Wrap>) -> usize {
    let piece = block
        .piece_at(range.start)
        .or_else(|| block.pieces.iter().rev().find(|p| p.text.end <= range.start))
        .or(block.pieces.first());
    let Some(piece) = piece else {
        return doc.line_of(doc.events.get(block.first_event).map_or(0, |e| e.1.start));
    };
    let local = if piece.text.start <= range.start && range.end <= piece.text.end {
        range.start - piece.text.start..range.end - piece.text.start
    } else {
        let at = range.start.clamp(piece.text.start, piece.text.end) - piece.text.start;
        at..at
    };
    let event_range = &doc.events[piece.event].1;
    let line = doc.line_of(event_range.start + local.start.min(event_range.len()));
    wraps.push(Wrap {
        event: piece.event as u32,
        range: local.start as u32..local.end as u32,
        mark: Mark::Figure(number),
    });
    line
}

/// Figures the author gives in front matter (`metrics:`), same shape as metrics.json.
pub fn from_front_matter(doc: &Doc, settings: &Settings) -> Result<Vec<Figure>, String> {
    let Some(value) = &doc.page.meta.metrics else {
        return Ok(Vec::new());
    };
    let items: Vec<HandFigure> =
        serde_yaml::from_value(value.clone()).map_err(|e| format!("`metrics:` must be a list of figures ({e})"))?;
    Ok(items
        .into_iter()
        .map(|h| {
            let text = h.text.unwrap_or_default();
            Figure {
                anchor: 0,
                line: doc.page.meta.metrics_line.unwrap_or(1) as u32,
                subject: (h.subject.as_deref())
                    .or(settings.default_subject.as_deref())
                    .map(metrics::intern),
                metric: h.metric.as_deref().map(metrics::intern),
                period: h
                    .period
                    .as_deref()
                    .or(settings.page_period.as_deref())
                    .map(metrics::intern),
                value: h.value.map(|v| Quantity {
                    amount: v.amount,
                    unit: metrics::intern(&v.unit),
                    approx: v.approx,
                    upper: v.upper,
                }),
                change: h.change.map(|c| Change {
                    amount: c.amount,
                    unit: metrics::intern(&c.unit),
                    direction: metrics::intern(&c.direction),
                    basis: c.basis.as_deref().map(metrics::intern),
                }),
                // What an author gives by hand is what they hold to be so.
                forecast: false,
                words: 0..text.len() as u32,
                said: Arc::from(text),
            }
        })
        .collect())
}

#[derive(serde::Deserialize)]
struct HandFigure {
    subject: Option<String>,
    metric: Option<String>,
    period: Option<String>,
    value: Option<HandQuantity>,
    change: Option<HandChange>,
    text: Option<String>,
}

#[derive(serde::Deserialize)]
struct HandQuantity {
    amount: f64,
    #[serde(default = "usd")]
    unit: String,
    #[serde(default)]
    approx: bool,
    upper: Option<f64>,
}

#[derive(serde::Deserialize)]
struct HandChange {
    amount: f64,
    #[serde(default = "percent")]
    unit: String,
    #[serde(default = "up")]
    direction: String,
    basis: Option<String>,
}

fn usd() -> String {
    "USD".into()
}
fn percent() -> String {
    "%".into()
}
fn up() -> String {
    "up".into()
}

/// Hand-given figures win over extracted ones with the same subject, metric and period.
pub fn merge(extracted: Vec<Figure>, by_hand: Vec<Figure>) -> Vec<Figure> {
    let key = |f: &Figure| (f.subject, f.metric, f.period);
    let hand_keys: Vec<_> = by_hand.iter().map(key).collect();
    let mut out: Vec<Figure> = extracted
        .into_iter()
        .filter(|f| f.metric.is_none() || !hand_keys.contains(&key(f)))
        .collect();
    out.extend(by_hand);
    // A page's figures live until the site is written: give back what growing the list
    // left over for the next pages to use.
    out.shrink_to_fit();
    out
}
