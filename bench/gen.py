#!/usr/bin/env python3
"""Deterministic generator of a synthetic research-notes corpus for benchmarking folio.

    python3 bench/gen.py --notes 1000 --topics 40 --out /tmp/site [--hugo /tmp/hugo-site]

Writes a folio site (site.toml, content/notes/YYYY-MM-DD-slug.md, content/topics/<slug>.md)
and, with --hugo, the same notes as a Hugo site with minimal equivalent templates.

Same arguments -> byte-identical output on every run and every machine: Python stdlib
only, every random choice comes from random.Random seeded with a string (seeded through
SHA-512, so PYTHONHASHSEED does not matter), and nothing iterates over a set or dict
whose order could vary. Note i's metadata and body depend only on (seed, i) and on the
list of other notes' file names it links to.
"""

import argparse
import datetime as dt
import os
import random
import re
import shutil
import sys
import time

MARKER = ".bench-generated"

# --------------------------------------------------------------------------------------
# vocabulary

COMPANIES = [
    "Northwind", "Contoso", "Globex", "Initech", "Vandelay", "Hooli",
    "Umbrella Retail", "Stark Logistics", "Wonka Foods", "Tyrell Cloud", "Cyberdyne", "Acme",
]

# (title, aliases, proper noun?) -- aliases in CAPITALS or of <= 3 chars match case-sensitively.
BASE_TOPICS = [
    ("AI stack", ["AI infrastructure stack", "model stack", "AI"], True),
    ("Project Kestrel", ["Kestrel", "Kestrel constellation", "low-orbit broadband"], True),
    ("Regionalization", ["regional fulfillment", "regionalized network", "regional network"], False),
    ("Cloud infrastructure", ["cloud segment", "infrastructure services", "CIS"], False),
    ("Advertising", ["ads business", "sponsored products", "ad revenue"], False),
    ("Same-day delivery", ["same-day", "sub-same-day", "SDD"], False),
    ("Custom silicon", ["in-house chips", "custom chips", "accelerators"], False),
    ("Membership program", ["membership", "member program", "paid membership"], False),
    ("Third-party sellers", ["marketplace sellers", "3P sellers", "3P"], False),
    ("Streaming video", ["video service", "SVOD", "streaming"], False),
    ("Grocery", ["fresh grocery", "grocery stores", "food retail"], False),
    ("Devices", ["smart speakers", "hardware devices", "devices business"], False),
    ("Healthcare", ["pharmacy", "primary care", "health services"], False),
    ("Logistics network", ["fulfillment network", "last mile", "delivery network"], False),
    ("Warehouse robotics", ["robotics", "robots", "automation"], False),
    ("International segment", ["international stores", "INTL", "international business"], False),
    ("North America segment", ["North America", "NA segment", "domestic retail"], True),
    ("Generative AI", ["GenAI", "large language models", "LLMs"], False),
    ("Data centers", ["data center buildout", "server capacity", "DC capacity"], False),
    ("Payments", ["payments business", "checkout", "digital wallet"], False),
    ("Supply chain services", ["freight services", "logistics services", "supply chain"], False),
    ("Physical stores", ["brick-and-mortar", "physical retail", "store fleet"], False),
    ("Energy procurement", ["renewable energy", "power purchase agreements", "PPAs"], False),
    ("Capital allocation", ["buybacks", "capital returns", "capex plan"], False),
    ("Labor costs", ["wages", "headcount", "workforce"], False),
    ("Regulation", ["antitrust", "regulators", "FTC case"], False),
    ("Music streaming", ["music service", "audio streaming", "podcasts"], False),
    ("Cloud gaming", ["game studios", "gaming", "games business"], False),
    ("Edge computing", ["edge locations", "edge network", "CDN"], False),
    ("Database services", ["managed databases", "database business", "DB services"], False),
    ("Security", ["cybersecurity", "security services", "identity products"], False),
    ("Autonomous driving", ["robotaxi", "vehicle software", "self-driving"], False),
    ("Private label", ["own brands", "private brands", "house brands"], False),
    ("Returns processing", ["reverse logistics", "returns", "return rates"], False),
    ("Air cargo", ["cargo fleet", "air hub", "air network"], False),
    ("Small business lending", ["seller lending", "merchant loans", "working capital loans"], False),
    ("Connected TV", ["CTV", "smart TV", "living-room screens"], False),
    ("Satellite broadband", ["satellite internet", "LEO broadband", "ground stations"], False),
    ("Emerging markets", ["India", "Brazil", "Mexico"], False),
    ("Search ads", ["sponsored search", "search advertising", "retail media"], False),
]

CODENAMES = [
    "Aurora", "Basalt", "Cobalt", "Dune", "Ember", "Fjord", "Granite", "Harbor", "Iris",
    "Juniper", "Kite", "Lumen", "Meridian", "Nimbus", "Onyx", "Pylon", "Quartz", "Rook",
    "Sierra", "Tundra", "Umber", "Vega", "Willow", "Xenon", "Yarrow", "Zephyr", "Atlas",
    "Beacon", "Cinder", "Delta", "Echo", "Falcon", "Glacier", "Helix", "Indigo", "Jasper",
]
ROMAN = ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]

CATEGORIES = [
    "earnings", "strategy", "logistics", "cloud", "advertising", "retail",
    "devices", "media", "supply-chain", "regulation", "valuation", "ai",
]

TAGS = [
    "revenue", "margins", "guidance", "capex", "free-cash-flow", "unit-economics", "pricing",
    "competition", "labor", "automation", "fulfillment", "last-mile", "cloud", "ai", "chips",
    "data-centers", "energy", "ads", "retail-media", "subscriptions", "video", "music",
    "grocery", "pharmacy", "international", "india", "europe", "fx", "regulation", "antitrust",
    "buybacks", "debt", "inventory", "returns", "sellers", "payments", "satellites",
    "devices", "earnings-call", "investor-day",
]

NOTE_KINDS = [
    "{co} {period} earnings call",
    "{co} {period} results: {topic} in focus",
    "Notes on {topic} at {co}",
    "{co} {period} preview",
    "{co} {period} 10-Q review",
    "{topic}: unit economics check ({period})",
    "Channel checks on {topic} ({period})",
    "{co} investor day takeaways on {topic}",
    "{co} and the economics of {topic}",
    "What {co}'s {period} print says about {topic}",
]

SECTION_HEADINGS = [
    "Summary", "Key numbers", "Segment performance", "Margins", "Guidance",
    "Capital spending", "Risks", "What changed this quarter", "Questions for management",
    "Valuation", "Channel checks", "Open questions", "Cash flow", "Competitive position",
    "Unit economics", "Outlook", "Management commentary", "Bear case", "Bull case",
]
TOPIC_HEADINGS = [
    "{Topic} in detail", "Where {topic} stands", "{Topic} and margins", "Notes on {topic}",
]

OPENERS = [
    "", "", "", "", "Notably, ", "In short, ", "On balance, ", "As expected, ", "Importantly, ",
    "By our math, ", "Put differently, ", "Still, ", "Meanwhile, ", "For context, ",
]

FILLER = [
    "management framed {topic} as a multi-year investment rather than a near-term margin driver.",
    "we think the market still underestimates how much {topic} changes the unit economics of {topic2}.",
    "the call spent more time on {topic} than on any other subject, which is itself a signal.",
    "our view is unchanged: {topic} remains the swing factor for {co} over the next {nq} quarters.",
    "there was little new disclosure on {topic}, but the tone was noticeably more {tone}.",
    "the risk is that {topic} absorbs capital faster than {topic2} can fund it.",
    "several analysts probed the interaction between {topic} and {topic2}; the answers were careful but not evasive.",
    "{co} continues to call {topic} early, a word it has now used for {nyears} years running.",
    "competitors are moving in the same direction, so the advantage from {topic} may be narrower than it looks.",
    "the {adj} read-through for {topic2} is that pricing discipline is holding.",
    "we would want to see two more quarters of data before calling {topic} a durable tailwind.",
    "the mix shift toward {topic} flatters the consolidated numbers more than the segment detail suggests.",
    "nothing in the filing contradicts the thesis, although the disclosure on {topic} got thinner.",
    "mentions of {topic} came up {nmentions} times in prepared remarks, up from a handful a year ago.",
    "the company declined to break out {topic} separately, which keeps the debate about its profitability open.",
    "investors seem to be treating {topic} as a free option; we are less sure it is free.",
    "the {adj} picture is that {topic} and {topic2} now share most of their fixed costs.",
    "execution around {topic} looks {tone}, and the cadence of launches has picked up since the spring.",
    "our checks with suppliers point to {demand} demand for {topic} through the rest of the year.",
    "the comparison base gets harder from here, so headline growth in {topic} will likely slow.",
    "we still cannot reconcile the commentary on {topic} with the capital intensity implied by the cash flow statement.",
    "the long-term target for {topic} was reiterated without a date attached.",
]
TONES = ["confident", "cautious", "defensive", "upbeat", "measured", "guarded", "assertive"]
ADJS = ["broader", "more important", "near-term", "structural", "underappreciated", "second-order", "obvious"]
DEMAND = ["firm", "softer", "steady", "accelerating", "uneven", "seasonally strong"]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth"]

METRIC_LABELS = [
    "Revenue", "Operating income", "Operating margin", "Free cash flow", "Capital expenditures",
    "Advertising revenue", "Net income", "Cost to serve", "Run rate", "Gross margin",
    "Paid units", "Backlog", "Shipping costs", "Fulfillment costs",
]


def fmt_money(rng, lo, hi, unit="billion"):
    v = rng.uniform(lo, hi)
    return f"${v:.1f} {unit}" if unit == "billion" else f"${int(v):,} {unit}"


def metric_sentence(rng, ctx):
    """One sentence carrying one or two figures, in one of many shapes."""
    subj = ctx["subject"]
    topic = ctx["topic"]()
    period = ctx["period"]
    prev_year = ctx["year"] - 1
    p = rng.randint(2, 45)
    b = rng.choice([20, 30, 40, 50, 60, 70, 80, 90, 110, 120, 140, 150, 180, 210, 250, 320])
    x = round(rng.uniform(2.0, 38.0), 1)
    v = round(rng.uniform(1.5, 95.0), 1)
    v0 = round(v / (1 + p / 100), 1)
    m = rng.randint(40, 2400)
    approx = rng.choice(["about", "nearly", "roughly", "more than", "over", "approximately"])
    shapes = [
        lambda: f"{subj} revenue grew {p}% year-over-year to ${v} billion.",
        lambda: f"{subj} reported an operating loss of ${m} million, compared with a loss of ${rng.randint(40, 2400)} million a year earlier.",
        lambda: f"Operating margin came in at {x}%, up {b} basis points year-over-year.",
        lambda: f"Operating margin compressed to {x}%, down {b} basis points sequentially.",
        lambda: f"The network handled {approx} {rng.randint(2, 9)} billion items in {period}, roughly {p}% more than last year.",
        lambda: f"Free cash flow for the trailing twelve months was ${v} billion, an improvement of ${round(rng.uniform(0.5, 20), 1)} billion.",
        lambda: f"Capital expenditures were ${v} billion in the quarter, and management guided to {approx} ${round(v * 4.2, 1)} billion for {ctx['year'] + 1}.",
        lambda: f"Revenue from {topic} reached ${v} billion, up {p}% from ${v0} billion in {prev_year}.",
        lambda: f"Advertising revenue grew {p}% to ${v} billion, the {rng.choice(ORDINALS)} consecutive quarter of acceleration.",
        lambda: f"Net income was ${v} billion, or ${rng.uniform(0.2, 4.5):.2f} per diluted share.",
        lambda: f"Cost to serve per unit fell {p}% year-over-year, the {rng.choice(ORDINALS)} straight quarter of decline.",
        lambda: f"The run rate for {topic} now exceeds ${v} billion, against ${v0} billion a year ago.",
        lambda: f"Management expects {ctx['next_period']} revenue between ${v} billion and ${round(v * 1.06, 1)} billion, growth of {p}% to {p + rng.randint(2, 5)}%.",
        lambda: f"Headcount declined by {approx} {rng.randint(2, 30)},000 to {rng.randint(200, 1600) * 1000:,} employees.",
        lambda: f"{topic[:1].upper() + topic[1:]} now reaches {approx} {rng.randint(20, 500)} million households, {rng.choice(['mostly in the US', 'across 21 countries', 'up from zero three years ago', 'with churn below 3%'])}.",
        lambda: f"Gross margin expanded {b} basis points to {x}%.",
        lambda: f"Paid units grew {p}%, while the average selling price was down {rng.randint(5, 95)} cents.",
        lambda: f"Shipping costs rose {p}% to ${v} billion in {period}.",
        lambda: f"The backlog stood at ${v} billion, up {p}% year over year, with a weighted average remaining life of {round(rng.uniform(2, 5), 1)} years.",
        lambda: f"Latency on {topic} dropped to {rng.randint(8, 120)} milliseconds, {rng.choice(['two', 'three', 'four', 'five'])} times faster than the prior generation.",
        lambda: f"{subj} operating income was ${v} billion in {period}, versus ${v0} billion in the same quarter of {prev_year}.",
        lambda: f"For the full year {prev_year}, free cash flow was ${round(v * 1.8, 1)} billion.",
        lambda: f"{subj} posted an operating loss of ${m} million in {period}, narrower than the ${m + rng.randint(50, 900)} million loss we expected.",
        lambda: f"Sponsored products now account for {approx} {rng.randint(55, 85)}% of ad revenue, up {b} basis points.",
        lambda: f"Inventory days fell to {rng.randint(28, 60)}, {rng.randint(2, 9)} fewer than a year ago.",
        lambda: f"{subj} revenue was ${v} billion, down {rng.randint(1, 12)}% from {prev_year} on currency headwinds of ${round(rng.uniform(0.1, 1.9), 1)} billion.",
    ]
    return rng.choice(shapes)()


def filler_sentence(rng, ctx):
    t = rng.choice(FILLER).format(
        topic=ctx["topic"](), topic2=ctx["topic"](), co=ctx["subject"],
        nq=rng.choice(["two", "three", "four", "six", "eight"]),
        nyears=rng.choice(["two", "three", "four", "five"]),
        nmentions=rng.randint(4, 31), tone=rng.choice(TONES), adj=rng.choice(ADJS), demand=rng.choice(DEMAND),
    )
    t = rng.choice(OPENERS) + t
    return t[:1].upper() + t[1:]


# --------------------------------------------------------------------------------------
# topics

def slugify(s):
    s = s.lower().replace("'", "")
    s = re.sub(r"[^a-z0-9]+", "-", s)
    return s.strip("-")


def make_topics(n, n_aliases):
    topics = []
    for i in range(n):
        if i < len(BASE_TOPICS):
            title, aliases, proper = BASE_TOPICS[i]
            aliases = list(aliases)
        else:
            k = i - len(BASE_TOPICS)
            name = CODENAMES[k % len(CODENAMES)]
            gen = k // len(CODENAMES)
            suffix = "" if gen == 0 else " " + ROMAN[(gen - 1) % len(ROMAN)] + ("" if gen <= len(ROMAN) else str(gen))
            title = f"Project {name}{suffix}"
            aliases = [f"{name}{suffix}", f"{name}{suffix} program", f"{name}{suffix} initiative"]
            proper = True
        extra = 0
        while len(aliases) < n_aliases:
            extra += 1
            aliases.append(f"{title} effort {extra}")
        topics.append({
            "title": title, "aliases": aliases[:n_aliases], "proper": proper, "slug": slugify(title),
        })
    return topics


def mention_forms(topic):
    """How a topic may appear mid-sentence."""
    t = topic["title"]
    if not topic["proper"] and len(t) > 1 and t[1].islower():
        t = t[0].lower() + t[1:]
    return [t, t] + topic["aliases"]


# --------------------------------------------------------------------------------------
# notes

START = dt.date(2019, 1, 1)
SPAN_DAYS = (dt.date(2024, 12, 31) - START).days


def quarter_of(d):
    return (d.month - 1) // 3 + 1


def period_for(d):
    """Notes are written about the quarter that ended before the note's date."""
    q, y = quarter_of(d) - 1, d.year
    if q == 0:
        q, y = 4, y - 1
    return q, y


def make_meta(seed, n, topics):
    notes = []
    seen = {}
    for i in range(n):
        rng = random.Random(f"{seed}:meta:{i}")
        date = START + dt.timedelta(days=rng.randrange(SPAN_DAYS + 1))
        q, y = period_for(date)
        period = f"Q{q} {y}"
        co = rng.choice(COMPANIES)
        focus = rng.sample(range(len(topics)), k=min(len(topics), rng.randint(2, 4)))
        ftopic = mention_forms(topics[focus[0]])[0] if topics else "the business"
        title = rng.choice(NOTE_KINDS).format(co=co, period=period, topic=ftopic)
        title = title[:1].upper() + title[1:]
        slug = slugify(title)
        if slug in seen:
            seen[slug] += 1
            slug = f"{slug}-{seen[slug]}"
        seen.setdefault(slug, 1)
        cats = rng.sample(CATEGORIES, k=rng.randint(1, 2))
        tags = rng.sample(TAGS, k=rng.randint(2, 4))
        notes.append({
            "i": i, "date": date, "period": period, "q": q, "year": y, "company": co,
            "focus": focus, "title": title, "slug": slug,
            "file": f"{date.isoformat()}-{slug}.md", "categories": cats, "tags": tags,
        })
    return notes


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(note):
    return "\n".join([
        "---",
        "layout: post",
        f"title: {yaml_str(note['title'])}",
        f"date: {note['date'].isoformat()}",
        "categories: [" + ", ".join(note["categories"]) + "]",
        "tags: [" + ", ".join(note["tags"]) + "]",
        f"period: {yaml_str(note['period'])}",
        # Whose figures a note gives when it names no topic. folio has no default subject
        # unless a site sets one; setting it per note, not in site.toml's [metrics], lets
        # the variants' [metrics] tables be appended as they are. "Amazon" keeps every
        # figure's subject what it was in the counts before folio lost its built-in one.
        'subject: "Amazon"',
        "---",
        "",
    ])


def bullets(rng, ctx):
    out = []
    for label in rng.sample(METRIC_LABELS, k=rng.randint(3, 6)):
        if "margin" in label.lower():
            val = f"{round(rng.uniform(2, 40), 1)}% (up {rng.choice([10, 30, 50, 80, 120, 200])} bps)"
        elif label == "Paid units":
            val = f"{rng.randint(2, 30)}% growth year-over-year"
        else:
            val = f"${round(rng.uniform(0.4, 90), 1)} billion ({rng.choice(['+', '-', '+', '+'])}{rng.randint(1, 40)}% YoY)"
        out.append(f"- {label}: {val}")
    return "\n".join(out)


def table(rng, ctx):
    q, y = ctx["q"], ctx["year"]
    cur, prev = f"Q{q} {y}", f"Q{q} {y - 1}"
    rows = [f"| Metric | {cur} | {prev} | Change |", "| --- | ---: | ---: | ---: |"]
    for label in rng.sample(METRIC_LABELS, k=rng.randint(3, 6)):
        if "margin" in label.lower():
            a = round(rng.uniform(2, 40), 1)
            b_ = round(max(0.5, a - rng.uniform(-3.5, 3.5)), 1)
            rows.append(f"| {label} | {a}% | {b_}% | {int(round((a - b_) * 100)):+d} bps |")
        else:
            a = round(rng.uniform(0.5, 90), 1)
            b_ = round(a / (1 + rng.uniform(-0.15, 0.45)), 1)
            ch = (a / b_ - 1) * 100 if b_ else 0
            rows.append(f"| {label} | ${a}B | ${b_}B | {ch:+.0f}% |")
    return "\n".join(rows)


def code_block(rng, ctx):
    n_lines = rng.randint(5, 15)
    quarters = []
    q, y = ctx["q"], ctx["year"]
    for _ in range(12):
        quarters.append(f"Q{q} {y}")
        q -= 1
        if q == 0:
            q, y = 4, y - 1
    quarters.reverse()
    topic = ctx["topic"]()
    if rng.random() < 0.5:
        data = n_lines - 4
        lines = [f"# {topic} revenue grew {rng.randint(3, 40)}% -- not a figure to extract", "revenue = {"]
        for k in range(data):
            lines.append(f'    "{quarters[-data + k]}": {round(rng.uniform(5, 60), 1)},')
        lines += ["}", "growth = {k: v / list(revenue.values())[0] - 1 for k, v in revenue.items()}"]
        lang = "python"
    else:
        data = max(1, n_lines - 8)
        lines = [
            "fn margin(income: f64, revenue: f64) -> f64 {",
            "    income / revenue * 100.0",
            "}",
            "fn main() {",
            "    let quarters = [",
        ]
        for k in range(data):
            lines.append(f'        ("{quarters[-data + k]}", {round(rng.uniform(0.5, 9), 1)}, {round(rng.uniform(10, 60), 1)}),')
        lines += ["    ];", '    for (q, inc, rev) in quarters { println!("{q}: {:.1}%", margin(inc, rev)); }', "}"]
        lang = "rust"
    return f"```{lang}\n" + "\n".join(lines) + "\n```"


def paragraph(rng, ctx, words_wanted):
    """Sentences until words_wanted would be exceeded (always at least one)."""
    sents, words = [], 0
    while True:
        is_metric = rng.random() < 0.4
        s = metric_sentence(rng, ctx) if is_metric else filler_sentence(rng, ctx)
        if not is_metric and rng.random() < 0.1:  # a bit of inline markup, never inside a figure
            w = s.split(" ")
            j = rng.randrange(1, len(w))
            if w[j].isalpha() and len(w[j]) > 3:
                w[j] = f"*{w[j]}*" if rng.random() < 0.7 else f"**{w[j]}**"
            s = " ".join(w)
        n = len(s.split())
        if sents and words + n > words_wanted:
            break
        sents.append(s)
        words += n
    return " ".join(sents)


def link_sentence(rng, other):
    text = rng.choice([other["title"], f"the {other['period']} note", "earlier notes", f"our {other['company']} write-up"])
    shape = rng.choice([
        "This builds on [{t}]({f}).",
        "See [{t}]({f}) for the background.",
        "We made a similar argument in [{t}]({f}).",
        "Compare with [{t}]({f}), where the numbers pointed the other way.",
    ])
    return shape.format(t=text, f=other["file"])


def make_body(seed, note, notes, topics):
    rng = random.Random(f"{seed}:body:{note['i']}")
    focus = note["focus"]
    forms = [mention_forms(topics[k]) for k in focus]
    q, y = note["q"], note["year"]
    nq, ny = (q % 4) + 1, y + (1 if q == 4 else 0)

    def topic():
        # focus topics most of the time, occasionally any topic of the site
        if topics and rng.random() < 0.15:
            return rng.choice(mention_forms(rng.choice(topics)))
        if not forms:
            return "the business"
        return rng.choice(rng.choice(forms))

    ctx = {
        "subject": note["company"], "period": note["period"], "q": q, "year": y,
        "next_period": f"Q{nq} {ny}", "topic": topic,
    }
    target = rng.randint(440, 1100)  # words in the whole body, headings and extras included
    n_sec = rng.randint(3, 6)
    extras = 40 + 60  # bullets + table/links, roughly
    per_sec = max(40, (target - extras) // n_sec)
    headings = rng.sample(SECTION_HEADINGS, k=n_sec)
    if topics and rng.random() < 0.5:
        t = forms[0][0]
        headings[rng.randrange(1, n_sec)] = rng.choice(TOPIC_HEADINGS).format(
            topic=t, Topic=t[:1].upper() + t[1:])
    has_table = rng.random() < 0.8
    has_code = rng.random() < 0.2
    links = []
    if len(notes) > 1 and rng.random() < 0.5:
        for _ in range(rng.randint(2, 4)):
            j = rng.randrange(len(notes) - 1)
            links.append(notes[j if j < note["i"] else j + 1])
    slot = {
        "bullets": rng.randrange(n_sec), "table": rng.randrange(n_sec), "code": rng.randrange(n_sec),
    }
    out = []
    for s, h in enumerate(headings):
        out.append(f"## {h}\n")
        done = 0
        while per_sec - done >= 12:
            w = min(per_sec - done, rng.randint(50, 120))
            p = paragraph(rng, ctx, w)
            if links and rng.random() < 0.5:
                p += " " + link_sentence(rng, links.pop())
            out.append(p + "\n")
            done += len(p.split())
        if s == slot["bullets"]:
            out.append(bullets(rng, ctx) + "\n")
        if has_table and s == slot["table"]:
            out.append(table(rng, ctx) + "\n")
        if has_code and s == slot["code"]:
            out.append(code_block(rng, ctx) + "\n")
    while links:
        out.append(link_sentence(rng, links.pop()) + "\n")
    while len("\n".join(out).split()) < 420:  # short sections can under-fill: top up the last one
        out.append(paragraph(rng, ctx, 60) + "\n")
    return "\n".join(out)


def topic_page(topic, topics, idx, alias_key):
    rng = random.Random(f"topic:{idx}")
    others = [t for k, t in enumerate(topics) if k != idx]
    rel = rng.sample(others, k=min(2, len(others)))
    name = topic["title"]
    body = (
        f"{name} is tracked across the notes in this bench corpus. "
        f"It is often discussed next to {mention_forms(rel[0])[0] if rel else 'other topics'}"
        f"{' and ' + mention_forms(rel[1])[0] if len(rel) > 1 else ''}.\n\n"
        f"This page gathers the notes that mention it and the figures reported for it.\n"
    )
    fm = ["---", f"title: {yaml_str(name)}", f"{alias_key}:"]
    fm += [f"  - {yaml_str(a)}" for a in topic["aliases"]]
    fm += ["---", ""]
    return "\n".join(fm) + "\n" + body


# --------------------------------------------------------------------------------------
# output

def prepare_dir(path):
    """Create path, or clear a folder this script made before. Refuse anything else."""
    if os.path.exists(path):
        if not os.path.isdir(path):
            sys.exit(f"gen.py: {path} exists and is not a folder")
        entries = os.listdir(path)
        if entries and MARKER not in entries:
            sys.exit(f"gen.py: {path} is not empty and was not made by gen.py (no {MARKER}); "
                     "refusing to overwrite it")
        for e in entries:
            p = os.path.join(path, e)
            if os.path.isdir(p) and not os.path.islink(p):
                shutil.rmtree(p)
            else:
                os.remove(p)
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, MARKER), "w") as f:
        f.write("made by bench/gen.py; this folder is deleted and rewritten on each run\n")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


HUGO_CONFIG = """baseURL = "http://localhost/"
title = "Bench"
languageCode = "en"
paginate = 10
enableRobotsTXT = false

[taxonomies]
category = "categories"
tag = "tags"

[markup.highlight]
noClasses = false
codeFences = true

[markup.tableOfContents]
startLevel = 2
endLevel = 3
ordered = false
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav><a href="{{ "notes/" | relURL }}">Notes</a> <a href="{{ "topics/" | relURL }}">Topics</a>
<a href="{{ "categories/" | relURL }}">Categories</a> <a href="{{ "tags/" | relURL }}">Tags</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ with .Params.period }} &middot; {{ . }}{{ end }}</p>
{{ with .GetTerms "categories" }}<p>Categories: {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}
{{ with .GetTerms "tags" }}<p>Tags: {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}
{{ with .TableOfContents }}<aside class="toc">{{ . }}</aside>{{ end }}
{{ .Content }}
</article>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $p := .Paginate .Pages.ByDate.Reverse }}
<ul>
{{ range $p.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Summary }}</p></li>
{{ end }}
</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
""",
    "index.html": """{{ define "main" }}
<h1>{{ site.Title }}</h1>
<h2>Recent notes</h2>
<ul>
{{ range first 20 (where site.RegularPages "Section" "notes").ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}
</ul>
{{ end }}
""",
    "_default/taxonomy.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}
</ul>
{{ end }}
""",
    "_default/term.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $p := .Paginate .Pages.ByDate.Reverse }}
<ul>
{{ range $p.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}
</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
""",
}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notes", type=int, required=True, help="number of notes")
    ap.add_argument("--topics", type=int, default=40, help="number of topic pages (default 40)")
    ap.add_argument("--aliases", type=int, default=3, help="aliases per topic (default 3)")
    ap.add_argument("--seed", default="folio-bench", help="seed (default folio-bench)")
    ap.add_argument("--out", required=True, help="folio site folder to (re)write")
    ap.add_argument("--hugo", help="also write the same notes as a Hugo site in this folder")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    if a.notes < 0 or a.topics < 0 or a.aliases < 0:
        ap.error("counts must be >= 0")

    t0 = time.monotonic()
    topics = make_topics(a.topics, a.aliases)
    notes = make_meta(a.seed, a.notes, topics)

    prepare_dir(a.out)
    write(os.path.join(a.out, "site.toml"), 'title = "Bench"\nbase_url = "http://localhost/"\n')
    if a.hugo:
        if os.path.abspath(a.hugo) == os.path.abspath(a.out):
            sys.exit("gen.py: --hugo must be a different folder from --out")
        prepare_dir(a.hugo)
        write(os.path.join(a.hugo, "hugo.toml"), HUGO_CONFIG)
        for rel, text in HUGO_LAYOUTS.items():
            write(os.path.join(a.hugo, "layouts", rel), text)

    for k, t in enumerate(topics):
        write(os.path.join(a.out, "content", "topics", t["slug"] + ".md"), topic_page(t, topics, k, "aliases"))
        if a.hugo:
            # In Hugo `aliases` means redirect URLs; keep the words under another key.
            write(os.path.join(a.hugo, "content", "topics", t["slug"] + ".md"),
                  topic_page(t, topics, k, "topic_aliases"))

    total_words = 0
    for note in notes:
        body = make_body(a.seed, note, notes, topics)
        total_words += len(body.split())
        text = front_matter(note) + "\n" + body
        write(os.path.join(a.out, "content", "notes", note["file"]), text)
        if a.hugo:
            write(os.path.join(a.hugo, "content", "notes", note["file"]), text)

    if not a.quiet:
        print(f"gen.py: {len(notes)} notes, {len(topics)} topics, ~{total_words} words "
              f"-> {a.out}{' and ' + a.hugo if a.hugo else ''} in {time.monotonic() - t0:.1f}s",
              file=sys.stderr)


if __name__ == "__main__":
    main()
