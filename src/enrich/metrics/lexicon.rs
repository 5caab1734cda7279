//! The metric vocabulary: phrases that name a financial or operating metric ("net
//! sales", "operating loss", "capex") mapped to canonical lower-case labels, extended
//! by the site's `[metrics.names]`, and found in a sentence whole-word, longest first.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
use std::sync::{Arc, LazyLock};

/// What kind of amount a metric is measured in; used to give "170 billion in
/// revenue" its currency and to refuse a label that cannot fit a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricKind {
    Money,
    Ratio,
    Count,
    Any,
}

use MetricKind::{Any, Count, Money, Ratio};

/// Built-in phrases: (phrase, label, kind, a loss that turns the amount negative).
/// An empty label blocks a phrase that only looks like a metric ("earnings call").
const BUILTIN: &[(&str, &str, MetricKind, bool)] = &[
    ("revenue", "revenue", Money, false),
    ("revenues", "revenue", Money, false),
    ("net sales", "revenue", Money, false),
    ("total net sales", "revenue", Money, false),
    ("sales", "revenue", Money, false),
    // Sales of systems (ASML's "net system sales") or of a whole franchise system
    // ("system-wide sales") are a part of revenue, or not revenue at all.
    ("system sales", "system sales", Money, false),
    ("net system sales", "system sales", Money, false),
    ("systemwide sales", "system sales", Money, false),
    ("system-wide sales", "system sales", Money, false),
    ("top line", "revenue", Money, false),
    ("top-line", "revenue", Money, false),
    ("net revenue", "revenue", Money, false),
    ("net revenues", "revenue", Money, false),
    ("total revenue", "revenue", Money, false),
    ("operating revenue", "revenue", Money, false),
    ("operating revenues", "revenue", Money, false),
    ("total operating revenue", "revenue", Money, false),
    ("advertising revenue", "advertising revenue", Money, false),
    ("advertising revenues", "advertising revenue", Money, false),
    ("advertising services revenue", "advertising revenue", Money, false),
    ("advertising services revenues", "advertising revenue", Money, false),
    ("advertising sales", "advertising revenue", Money, false),
    ("ad revenue", "advertising revenue", Money, false),
    ("ads revenue", "advertising revenue", Money, false),
    ("ad sales", "advertising revenue", Money, false),
    ("operating income", "operating income", Money, false),
    ("operating profit", "operating income", Money, false),
    ("operating profits", "operating income", Money, false),
    ("income from operations", "operating income", Money, false),
    ("income (loss) from operations", "operating income", Money, false),
    ("operating income (loss)", "operating income", Money, false),
    ("loss from operations", "operating income", Money, true),
    ("operating loss", "operating income", Money, true),
    ("operating losses", "operating income", Money, true),
    // Shorthand of tables and bullet notes: "op. income of $0.9B", "op loss".
    ("op. income", "operating income", Money, false),
    ("op income", "operating income", Money, false),
    ("op. profit", "operating income", Money, false),
    ("op. loss", "operating income", Money, true),
    ("op loss", "operating income", Money, true),
    ("op. margin", "operating margin", Ratio, false),
    ("op margin", "operating margin", Ratio, false),
    ("net income", "net income", Money, false),
    ("net profit", "net income", Money, false),
    ("net earnings", "net income", Money, false),
    ("earnings", "net income", Money, false),
    ("net loss", "net income", Money, true),
    ("earnings per share", "eps", Money, false),
    // A loss said per share is a negative EPS, reported or core.
    ("loss per share", "eps", Money, true),
    ("net loss per share", "eps", Money, true),
    ("diluted loss per share", "eps", Money, true),
    ("gaap loss per share", "eps", Money, true),
    ("core loss per share", "core eps", Money, true),
    ("core earnings per share", "core eps", Money, false),
    ("core eps", "core eps", Money, false),
    ("diluted earnings per share", "eps", Money, false),
    ("eps", "eps", Money, false),
    ("diluted eps", "eps", Money, false),
    ("operating margin", "operating margin", Ratio, false),
    ("net margin", "net margin", Ratio, false),
    ("net profit margin", "net margin", Ratio, false),
    ("net income margin", "net margin", Ratio, false),
    ("operating margins", "operating margin", Ratio, false),
    ("gross margin", "gross margin", Ratio, false),
    ("gross margins", "gross margin", Ratio, false),
    ("free cash flow", "free cash flow", Money, false),
    ("free cash flows", "free cash flow", Money, false),
    ("fcf", "free cash flow", Money, false),
    ("operating cash flow", "operating cash flow", Money, false),
    ("cash flow from operations", "operating cash flow", Money, false),
    ("cash flows from operations", "operating cash flow", Money, false),
    ("operating cash flows", "operating cash flow", Money, false),
    ("cash from operations", "operating cash flow", Money, false),
    (
        "cash flow from operating activities",
        "operating cash flow",
        Money,
        false,
    ),
    ("cash from operating activities", "operating cash flow", Money, false),
    ("cffo", "operating cash flow", Money, false),
    // What a company earned for its own shareholders is its net income, not money paid
    // to them ("income attributable to shareholders was $4.29 billion").
    ("attributable to shareholders", "net income", Money, false),
    // An oil company's earnings on a current cost of supplies basis: a measure of its own.
    ("ccs earnings", "ccs earnings", Money, false),
    ("impairments", "impairments", Money, false),
    ("impairment", "impairments", Money, false),
    ("impairment charges", "impairments", Money, false),
    ("impairment charge", "impairments", Money, false),
    ("post-tax impairments", "impairments", Money, false),
    (
        "net cash provided by operating activities",
        "operating cash flow",
        Money,
        false,
    ),
    (
        "cash provided by operating activities",
        "operating cash flow",
        Money,
        false,
    ),
    ("capex", "capital expenditures", Money, false),
    // TSMC's word for its year's capex.
    ("capital budget", "capital expenditures", Money, false),
    ("capx", "capital expenditures", Money, false),
    ("cap ex", "capital expenditures", Money, false),
    ("capital expenditures", "capital expenditures", Money, false),
    ("capital expenditure", "capital expenditures", Money, false),
    ("capital spending", "capital expenditures", Money, false),
    ("capital spend", "capital expenditures", Money, false),
    ("capital investments", "capital expenditures", Money, false),
    ("capital investment", "capital expenditures", Money, false),
    // "Facility investment", as Korean and Japanese makers call their capital spending.
    ("facility investment", "capital expenditures", Money, false),
    ("facilities investment", "capital expenditures", Money, false),
    ("cost to serve", "cost to serve", Money, false),
    ("run rate", "run rate", Money, false),
    ("run-rate", "run rate", Money, false),
    ("annualized run rate", "run rate", Money, false),
    ("annual run rate", "run rate", Money, false),
    ("revenue run rate", "run rate", Money, false),
    ("annualized revenue run rate", "run rate", Money, false),
    ("annual revenue run rate", "run rate", Money, false),
    ("annualizes at", "run rate", Money, false),
    ("annualized at", "run rate", Money, false),
    ("annualizes to", "run rate", Money, false),
    ("annualized to", "run rate", Money, false),
    ("backlog", "backlog", Money, false),
    ("shipping costs", "shipping costs", Money, false),
    ("shipping cost", "shipping costs", Money, false),
    ("shipping expenses", "shipping costs", Money, false),
    ("fulfillment costs", "fulfillment costs", Money, false),
    ("fulfillment cost", "fulfillment costs", Money, false),
    ("fulfillment expenses", "fulfillment costs", Money, false),
    ("headcount", "headcount", Count, false),
    ("head count", "headcount", Count, false),
    ("workforce", "headcount", Count, false),
    ("paid units", "paid units", Count, false),
    ("paid unit", "paid units", Count, false),
    ("unit sales", "paid units", Count, false),
    ("average selling price", "average selling price", Money, false),
    ("average selling prices", "average selling price", Money, false),
    ("average sales price", "average selling price", Money, false),
    ("asp", "average selling price", Money, false),
    ("asps", "average selling price", Money, false),
    ("latency", "latency", Any, false),
    ("usage", "usage", Any, false),
    // Cash a business used, a negative cash flow: "free cash flow was a usage of $3.9
    // billion", "a free cash flow usage of $4 billion to $4.5 billion".
    ("a usage of", "", Any, false),
    ("free cash flow usage", "free cash flow", Money, true),
    ("operating cash flow usage", "operating cash flow", Money, true),
    ("cash usage", "free cash flow", Money, true),
    ("cash burn", "free cash flow", Money, true),
    ("investment", "investment", Money, false),
    ("investments", "investment", Money, false),
    ("invested", "investment", Money, false),
    ("ai spend", "investment", Money, false),
    ("ai budget", "investment", Money, false),
    ("valuation", "valuation", Money, false),
    ("valued at", "valuation", Money, false),
    ("guidance", "guidance", Any, false),
    ("gross profit", "gross profit", Money, false),
    ("ebitda", "ebitda", Money, false),
    // A measure of its own, as "adjusted operating margin" is: the two of a quarter
    // would read as a conflict under one label.
    ("adjusted ebitda", "adjusted ebitda", Money, false),
    ("ebitda margin", "ebitda margin", Ratio, false),
    ("adjusted ebitda margin", "adjusted ebitda margin", Ratio, false),
    // Earnings before interest, taxes and amortization (not depreciation), as Alibaba
    // and others report their segments' profit: a measure of its own, as EBITDA is.
    ("ebita", "ebita", Money, false),
    ("adjusted ebita", "adjusted ebita", Money, false),
    ("ebita margin", "ebita margin", Ratio, false),
    ("adjusted ebita margin", "adjusted ebita margin", Ratio, false),
    // Earnings before interest and taxes, as carmakers and industrials report a
    // segment's profit ("Ford Pro EBIT"), and the company's adjusted total: measures of
    // their own, as EBITDA is. A finance arm reports earnings before taxes.
    ("ebit", "ebit", Money, false),
    ("ebit loss", "ebit", Money, true),
    ("ebit losses", "ebit", Money, true),
    ("earnings before interest and taxes", "ebit", Money, false),
    ("adjusted ebit", "adjusted ebit", Money, false),
    ("ebit margin", "ebit margin", Ratio, false),
    ("ebit margins", "ebit margin", Ratio, false),
    ("adjusted ebit margin", "adjusted ebit margin", Ratio, false),
    ("ebt", "ebt", Money, false),
    ("earnings before taxes", "ebt", Money, false),
    ("earnings before income taxes", "ebt", Money, false),
    ("operating expenses", "operating expenses", Money, false),
    // Lines of the income statement and of spending.
    ("cost of revenues", "cost of revenues", Money, false),
    ("cost of revenue", "cost of revenues", Money, false),
    ("depreciation", "depreciation", Money, false),
    ("depreciation expense", "depreciation", Money, false),
    ("other income and expense", "other income and expense", Money, false),
    ("other income (expense)", "other income and expense", Money, false),
    ("capital intensity", "capital intensity", Ratio, false),
    ("opex", "operating expenses", Money, false),
    ("costs and expenses", "costs and expenses", Money, false),
    ("total costs and expenses", "costs and expenses", Money, false),
    ("total expenses", "costs and expenses", Money, false),
    // The lines of the income statement, named whole before a bare "expenses" (the total)
    // is: "sales and marketing expenses" is neither revenue nor the total.
    ("expenses", "costs and expenses", Money, false),
    ("operating expense", "operating expenses", Money, false),
    ("sales and marketing", "sales and marketing", Money, false),
    ("sales and marketing expense", "sales and marketing", Money, false),
    ("sales and marketing expenses", "sales and marketing", Money, false),
    ("s&m", "sales and marketing", Money, false),
    ("s&m expense", "sales and marketing", Money, false),
    ("s&m expenses", "sales and marketing", Money, false),
    ("marketing", "marketing", Money, false),
    ("marketing expense", "marketing", Money, false),
    ("marketing expenses", "marketing", Money, false),
    ("research and development", "research and development", Money, false),
    (
        "research and development expense",
        "research and development",
        Money,
        false,
    ),
    (
        "research and development expenses",
        "research and development",
        Money,
        false,
    ),
    ("r&d", "research and development", Money, false),
    // As a transcript writes the letters said aloud.
    ("r and d", "research and development", Money, false),
    ("r&d expense", "research and development", Money, false),
    ("r&d expenses", "research and development", Money, false),
    ("technology and development", "technology and development", Money, false),
    (
        "technology and development expense",
        "technology and development",
        Money,
        false,
    ),
    (
        "technology and development expenses",
        "technology and development",
        Money,
        false,
    ),
    (
        "technology and infrastructure",
        "technology and infrastructure",
        Money,
        false,
    ),
    (
        "technology and infrastructure expense",
        "technology and infrastructure",
        Money,
        false,
    ),
    (
        "technology and infrastructure expenses",
        "technology and infrastructure",
        Money,
        false,
    ),
    ("general and administrative", "general and administrative", Money, false),
    (
        "general and administrative expense",
        "general and administrative",
        Money,
        false,
    ),
    (
        "general and administrative expenses",
        "general and administrative",
        Money,
        false,
    ),
    ("g&a", "general and administrative", Money, false),
    ("g&a expense", "general and administrative", Money, false),
    ("g&a expenses", "general and administrative", Money, false),
    (
        "selling, general and administrative",
        "selling, general and administrative",
        Money,
        false,
    ),
    (
        "selling, general and administrative expense",
        "selling, general and administrative",
        Money,
        false,
    ),
    (
        "selling, general and administrative expenses",
        "selling, general and administrative",
        Money,
        false,
    ),
    // Eli Lilly's name for the same line.
    (
        "marketing, selling and administrative",
        "marketing, selling and administrative",
        Money,
        false,
    ),
    (
        "marketing, selling and administrative expenses",
        "marketing, selling and administrative",
        Money,
        false,
    ),
    ("sg&a", "selling, general and administrative", Money, false),
    ("sg and a", "selling, general and administrative", Money, false),
    ("sg&a expense", "selling, general and administrative", Money, false),
    ("sg&a expenses", "selling, general and administrative", Money, false),
    ("stock-based compensation", "stock-based compensation", Money, false),
    (
        "stock-based compensation expense",
        "stock-based compensation",
        Money,
        false,
    ),
    (
        "stock-based compensation expenses",
        "stock-based compensation",
        Money,
        false,
    ),
    ("share-based compensation", "stock-based compensation", Money, false),
    (
        "share-based compensation expense",
        "stock-based compensation",
        Money,
        false,
    ),
    (
        "share-based compensation expenses",
        "stock-based compensation",
        Money,
        false,
    ),
    ("interest expense", "interest expense", Money, false),
    ("interest expenses", "interest expense", Money, false),
    ("income tax expense", "income tax expense", Money, false),
    ("tax expense", "income tax expense", Money, false),
    ("provision for income taxes", "income tax expense", Money, false),
    ("income taxes", "income tax expense", Money, false),
    ("market cap", "market capitalization", Money, false),
    ("margin", "operating margin", Ratio, false),
    ("margins", "operating margin", Ratio, false),
    ("segment margin", "operating margin", Ratio, false),
    ("per diluted share", "eps", Money, false),
    ("per share", "eps", Money, false),
    ("a share", "eps", Money, false),
    ("a diluted share", "eps", Money, false),
    // "a share of 38% of US e-commerce" is a portion, not a per-share figure.
    ("a share of", "", Any, false),
    // Say that the metric after them is reported apart from the GAAP one (`find`).
    ("non-gaap", "", Any, false),
    // A transcript's "non GAAP", said aloud.
    ("non gaap", "", Any, false),
    ("comparable", "", Any, false),
    ("adjusted", "", Any, false),
    // "ads" are advertising; "ADS", in capitals, an American depositary share (`find`).
    ("ads", "advertising revenue", Money, false),
    // What a company whose shares trade in New York as depositary shares earns and pays
    // per ADS (eight of Alibaba's shares): other figures than per share, which would
    // read as conflicts with them under one label.
    ("earnings per ads", "earnings per ads", Money, false),
    ("diluted earnings per ads", "earnings per ads", Money, false),
    (
        "earnings per american depositary share",
        "earnings per ads",
        Money,
        false,
    ),
    ("per ads", "earnings per ads", Money, false),
    ("per american depositary share", "earnings per ads", Money, false),
    ("dividend per ads", "dividend per ads", Money, false),
    ("dividends per ads", "dividend per ads", Money, false),
    (
        "third-party seller services revenue",
        "third-party seller services revenue",
        Money,
        false,
    ),
    (
        "third party seller services revenue",
        "third-party seller services revenue",
        Money,
        false,
    ),
    (
        "third-party seller services",
        "third-party seller services revenue",
        Money,
        false,
    ),
    (
        "subscription services revenue",
        "subscription services revenue",
        Money,
        false,
    ),
    ("subscription services", "subscription services revenue", Money, false),
    ("physical stores revenue", "physical stores revenue", Money, false),
    ("online stores revenue", "online stores revenue", Money, false),
    ("unit mix", "third-party unit mix", Ratio, false),
    ("stock-based compensation", "stock-based compensation", Money, false),
    ("stock based compensation", "stock-based compensation", Money, false),
    ("charges", "charges", Money, false),
    ("severance costs", "severance costs", Money, false),
    ("severance charges", "severance costs", Money, false),
    ("severance", "severance costs", Money, false),
    ("charge", "charges", Money, false),
    ("items delivered", "items delivered", Count, false),
    ("households", "households", Count, false),
    // How a social or ad business counts its audience and prices its ads.
    ("monthly active users", "monthly active users", Count, false),
    ("monthly actives", "monthly active users", Count, false),
    ("monthly users", "monthly active users", Count, false),
    ("mau", "monthly active users", Count, false),
    ("maus", "monthly active users", Count, false),
    ("daily active users", "daily active users", Count, false),
    ("daily actives", "daily active users", Count, false),
    ("dau", "daily active users", Count, false),
    ("daus", "daily active users", Count, false),
    ("daily active people", "daily active people", Count, false),
    ("dap", "daily active people", Count, false),
    ("ad impressions", "ad impressions", Count, false),
    // How a ride-hailing or delivery platform counts its use: the trips taken on it and
    // the consumers who took one in the month.
    ("trips", "trips", Count, false),
    (
        "monthly active platform consumers",
        "monthly active platform consumers",
        Count,
        false,
    ),
    ("mapcs", "monthly active platform consumers", Count, false),
    // A parcel carrier's: the packages it carries on an average day, and what each brings
    // in.
    ("average daily volume", "average daily volume", Count, false),
    ("average daily package volume", "average daily volume", Count, false),
    ("revenue per piece", "revenue per piece", Money, false),
    ("revenue per package", "revenue per piece", Money, false),
    // A retailer's measures: sales of stores open a year or more, their traffic and basket,
    // the rate of gross profit, club fees and stock on hand.
    ("comparable sales", "comparable sales", Any, false),
    ("comparable store sales", "comparable sales", Any, false),
    ("comparable-store sales", "comparable sales", Any, false),
    ("comp sales", "comparable sales", Any, false),
    ("same-store sales", "comparable sales", Any, false),
    ("same store sales", "comparable sales", Any, false),
    ("like-for-like sales", "comparable sales", Any, false),
    ("transactions", "transactions", Any, false),
    ("transaction count", "transactions", Any, false),
    ("transaction counts", "transactions", Any, false),
    ("average ticket", "average ticket", Money, false),
    ("average ticket size", "average ticket", Money, false),
    ("gross profit rate", "gross profit rate", Ratio, false),
    ("gross profit margin", "gross margin", Ratio, false),
    ("membership fee income", "membership fee income", Money, false),
    ("membership income", "membership fee income", Money, false),
    ("membership and other income", "membership fee income", Money, false),
    ("membership fees", "membership fee income", Money, false),
    ("inventory", "inventory", Money, false),
    // What is set aside against inventory is no inventory ("Inventory provisions: about
    // $0.9 billion" against inventory of $6.7 billion).
    ("inventory provision", "inventory provisions", Money, false),
    ("inventory provisions", "inventory provisions", Money, false),
    ("inventories", "inventory", Money, false),
    ("average hourly wage", "average hourly wage", Money, false),
    ("average hourly wages", "average hourly wage", Money, false),
    ("average hourly pay", "average hourly wage", Money, false),
    // A bank's measures: the income its loans earn over what its deposits cost, the
    // fees and trading beside it, what it sets aside for loans gone bad and what it
    // writes off, its capital and its returns on it, its balances and the assets it
    // manages.
    ("net interest income", "net interest income", Money, false),
    ("nii", "net interest income", Money, false),
    ("net interest margin", "net interest margin", Ratio, false),
    ("nim", "net interest margin", Ratio, false),
    ("noninterest revenue", "noninterest revenue", Money, false),
    ("non-interest revenue", "noninterest revenue", Money, false),
    ("noninterest income", "noninterest income", Money, false),
    ("non-interest income", "noninterest income", Money, false),
    ("noninterest expense", "noninterest expense", Money, false),
    ("non-interest expense", "noninterest expense", Money, false),
    ("adjusted expense", "adjusted expense", Money, false),
    ("adjusted expenses", "adjusted expense", Money, false),
    ("managed revenue", "managed revenue", Money, false),
    (
        "provision for credit losses",
        "provision for credit losses",
        Money,
        false,
    ),
    (
        "provisions for credit losses",
        "provision for credit losses",
        Money,
        false,
    ),
    ("credit loss provision", "provision for credit losses", Money, false),
    ("credit losses", "provision for credit losses", Money, false),
    ("credit costs", "provision for credit losses", Money, false),
    ("net charge-offs", "net charge-offs", Money, false),
    ("net charge offs", "net charge-offs", Money, false),
    ("charge-offs", "net charge-offs", Money, false),
    ("net charge-off rate", "net charge-off rate", Ratio, false),
    ("net charge off rate", "net charge-off rate", Ratio, false),
    ("net charge-off ratio", "net charge-off rate", Ratio, false),
    ("charge-off rate", "net charge-off rate", Ratio, false),
    ("nco rate", "net charge-off rate", Ratio, false),
    ("reserve build", "reserve build", Money, false),
    ("reserve builds", "reserve build", Money, false),
    ("net reserve build", "reserve build", Money, false),
    ("return on invested capital", "roic", Ratio, false),
    ("roic", "roic", Ratio, false),
    ("pre-tax income", "pretax income", Money, false),
    ("pretax income", "pretax income", Money, false),
    ("pre-tax profit", "pretax income", Money, false),
    ("pretax profit", "pretax income", Money, false),
    ("income before income taxes", "pretax income", Money, false),
    ("income before taxes", "pretax income", Money, false),
    ("income before tax", "pretax income", Money, false),
    ("profit before tax", "pretax income", Money, false),
    ("profit before taxes", "pretax income", Money, false),
    ("pre-tax margin", "pretax margin", Ratio, false),
    ("pretax margin", "pretax margin", Ratio, false),
    ("net debt", "net debt", Money, false),
    // Net debt as a share of net debt plus equity, as European companies report it.
    ("gearing", "gearing", Ratio, false),
    // Cost cuts counted against a base year ("structural cost reductions of $3.1 billion
    // against 2022").
    ("structural cost reductions", "structural cost reductions", Money, false),
    ("structural cost reduction", "structural cost reductions", Money, false),
    ("structural cost cuts", "structural cost reductions", Money, false),
    ("structural cost savings", "structural cost reductions", Money, false),
    ("liquidity", "liquidity", Money, false),
    // A manufacturer's: what its warranties cost, and the vehicles it ships to dealers.
    ("warranty costs", "warranty costs", Money, false),
    ("warranty cost", "warranty costs", Money, false),
    ("warranty expense", "warranty costs", Money, false),
    ("warranty expenses", "warranty costs", Money, false),
    ("wholesales", "wholesales", Count, false),
    ("wholesale volume", "wholesales", Count, false),
    ("wholesale volumes", "wholesales", Count, false),
    ("wholesale units", "wholesales", Count, false),
    ("purchase commitments", "purchase commitments", Money, false),
    // An airline's measures: what it flies (capacity, in seat miles), how full it flies
    // (load factor), revenue and cost per seat mile, and what its fuel costs.
    ("capacity", "capacity", Count, false),
    // An oil and gas company's measures: what it produces (barrels of oil equivalent a
    // day), liquefies and sells (tonnes of LNG), what it gets for a barrel, what its
    // refineries and chemical plants earn on one and how full they run.
    ("production", "production", Count, false),
    ("liquefaction volumes", "lng liquefaction volumes", Count, false),
    ("lng liquefaction volumes", "lng liquefaction volumes", Count, false),
    ("lng sales", "lng sales volumes", Count, false),
    ("lng sales volumes", "lng sales volumes", Count, false),
    ("realised oil price", "realized oil price", Money, false),
    ("realized oil price", "realized oil price", Money, false),
    ("realised gas price", "realized gas price", Money, false),
    ("realized gas price", "realized gas price", Money, false),
    ("refining margin", "refining margin", Money, false),
    ("refining margins", "refining margin", Money, false),
    ("chemicals margin", "chemicals margin", Money, false),
    ("chemicals margins", "chemicals margin", Money, false),
    ("refinery utilisation", "refinery utilization", Ratio, false),
    ("refinery utilization", "refinery utilization", Ratio, false),
    (
        "chemicals plant utilisation",
        "chemicals plant utilization",
        Ratio,
        false,
    ),
    (
        "chemicals plant utilization",
        "chemicals plant utilization",
        Ratio,
        false,
    ),
    (
        "chemicals manufacturing plant utilisation",
        "chemicals plant utilization",
        Ratio,
        false,
    ),
    (
        "chemicals manufacturing plant utilization",
        "chemicals plant utilization",
        Ratio,
        false,
    ),
    // What a buyer secures ("commitments for supply and capacity", "inventory and
    // manufacturing capacity") is not what an airline flies.
    ("and capacity", "", Any, false),
    ("manufacturing capacity", "", Any, false),
    ("available seat miles", "capacity", Count, false),
    ("load factor", "load factor", Ratio, false),
    ("passenger revenue", "passenger revenue", Money, false),
    ("passenger revenues", "passenger revenue", Money, false),
    ("total unit revenue", "trasm", Money, false),
    ("trasm", "trasm", Money, false),
    ("passenger unit revenue", "prasm", Money, false),
    ("prasm", "prasm", Money, false),
    ("casm", "casm", Money, false),
    ("casm-ex", "casm-ex", Money, false),
    ("non-fuel unit cost", "casm-ex", Money, false),
    ("non-fuel unit costs", "casm-ex", Money, false),
    ("fuel price", "fuel price", Money, false),
    ("fuel prices", "fuel price", Money, false),
    ("per gallon", "fuel price", Money, false),
    ("a gallon", "fuel price", Money, false),
    ("fuel expense", "fuel expense", Money, false),
    ("fuel costs", "fuel expense", Money, false),
    ("return on equity", "roe", Ratio, false),
    ("roe", "roe", Ratio, false),
    ("return on tangible common equity", "rotce", Ratio, false),
    ("rotce", "rotce", Ratio, false),
    ("cet1 ratio", "cet1 ratio", Ratio, false),
    ("cet1", "cet1 ratio", Ratio, false),
    ("common equity tier 1 ratio", "cet1 ratio", Ratio, false),
    ("common equity tier 1", "cet1 ratio", Ratio, false),
    ("overhead ratio", "overhead ratio", Ratio, false),
    ("efficiency ratio", "efficiency ratio", Ratio, false),
    // A health insurer's measures: the share of premiums paid out in care ("MCR"), its
    // costs, how long it takes to pay claims, what its members cost year on year, and
    // its earnings before interest and tax said as "earnings from operations".
    ("earnings from operations", "operating income", Money, false),
    ("operating earnings", "operating income", Money, false),
    ("medical care ratio", "medical care ratio", Ratio, false),
    ("medical cost ratio", "medical care ratio", Ratio, false),
    ("medical loss ratio", "medical care ratio", Ratio, false),
    ("MCR", "medical care ratio", Ratio, false),
    ("MLR", "medical care ratio", Ratio, false),
    ("operating cost ratio", "operating cost ratio", Ratio, false),
    ("medical cost trend", "medical cost trend", Ratio, false),
    ("days claims payable", "days claims payable", Count, false),
    ("debt to capital ratio", "debt to capital ratio", Ratio, false),
    ("debt-to-capital ratio", "debt to capital ratio", Ratio, false),
    ("debt to capital", "debt to capital ratio", Ratio, false),
    ("debt-to-capital", "debt to capital ratio", Ratio, false),
    ("adjusted scripts", "adjusted scripts", Count, false),
    ("people served", "subscribers", Count, false),
    // A real estate trust's measures: funds from operations (Nareit's, and "core" net of
    // items the trust calls one-off, reported per share), what its buildings earn and how
    // full they are, what new leases pay over the old, and what it builds.
    ("core ffo", "core ffo per share", Money, false),
    ("core ffo per share", "core ffo per share", Money, false),
    ("core funds from operations", "core ffo per share", Money, false),
    ("ffo", "ffo", Money, false),
    ("ffo per share", "ffo per share", Money, false),
    ("funds from operations", "ffo", Money, false),
    ("affo", "affo", Money, false),
    ("adjusted funds from operations", "affo", Money, false),
    ("net operating income", "net operating income", Money, false),
    ("noi", "net operating income", Money, false),
    ("same store noi", "same store noi", Money, false),
    ("same-store noi", "same store noi", Money, false),
    ("cash same store noi", "cash same store noi", Money, false),
    (
        "net effective same store noi",
        "net effective same store noi",
        Money,
        false,
    ),
    ("rental revenue", "rental revenue", Money, false),
    ("rental revenues", "rental revenue", Money, false),
    ("average occupancy", "average occupancy", Ratio, false),
    ("period-end occupancy", "occupancy", Ratio, false),
    ("net effective rent change", "net effective rent change", Ratio, false),
    ("cash rent change", "cash rent change", Ratio, false),
    ("rent change", "net effective rent change", Ratio, false),
    ("market rents", "market rents", Money, false),
    ("market rent", "market rents", Money, false),
    ("lease mark-to-market", "lease mark-to-market", Ratio, false),
    ("retention", "retention", Ratio, false),
    ("development starts", "starts", Money, false),
    ("starts", "starts", Money, false),
    ("stabilizations", "stabilizations", Money, false),
    ("acquisitions", "acquisitions", Money, false),
    (
        "dispositions and contributions",
        "dispositions and contributions",
        Money,
        false,
    ),
    (
        "weighted average interest rate",
        "weighted average interest rate",
        Ratio,
        false,
    ),
    // A property and casualty insurer's measures: premiums written, claims and costs as a
    // share of premiums earned (the combined ratio, also for the current accident year
    // without catastrophe losses), what catastrophes and changes in old reserves cost, and
    // the income from the float.
    ("net premiums written", "net premiums written", Money, false),
    ("p&c net premiums written", "p&c net premiums written", Money, false),
    ("net premiums earned", "net premiums earned", Money, false),
    ("p&c net premiums earned", "p&c net premiums earned", Money, false),
    ("net written premiums", "net premiums written", Money, false),
    ("combined ratio", "combined ratio", Ratio, false),
    (
        "current accident year combined ratio",
        "current accident year combined ratio excluding catastrophe losses",
        Ratio,
        false,
    ),
    (
        "current accident year combined ratio excluding catastrophe losses",
        "current accident year combined ratio excluding catastrophe losses",
        Ratio,
        false,
    ),
    ("catastrophe losses", "catastrophe losses", Money, false),
    ("cat losses", "catastrophe losses", Money, false),
    ("prior period development", "prior period development", Money, false),
    ("prior-period development", "prior period development", Money, false),
    ("underwriting income", "underwriting income", Money, false),
    ("net investment income", "net investment income", Money, false),
    (
        "adjusted net investment income",
        "adjusted net investment income",
        Money,
        false,
    ),
    ("core operating income", "core operating income", Money, false),
    ("core operating eps", "core operating eps", Money, false),
    ("core operating earnings per share", "core operating eps", Money, false),
    ("new money yield", "new money yield", Ratio, false),
    // What an insurer charges on the policies it renews, and its parts: the rate and the
    // exposure insured.
    ("renewal pricing", "renewal pricing", Ratio, false),
    ("renewal rates", "renewal rates", Ratio, false),
    ("renewal rate increases", "renewal rates", Ratio, false),
    ("exposure change", "exposure", Ratio, false),
    // A miner's measures, as its reports name them: profit before exceptional items
    // ("underlying attributable profit"), EBITDA and EPS on the same basis, what a tonne
    // or a pound costs to produce, and its spending on mines and on finding them.
    (
        "underlying attributable profit",
        "underlying attributable profit",
        Money,
        false,
    ),
    ("attributable profit", "net income", Money, false),
    ("underlying ebitda", "underlying ebitda", Money, false),
    ("underlying ebitda margin", "underlying ebitda margin", Ratio, false),
    ("underlying eps", "underlying eps", Money, false),
    ("underlying earnings per share", "underlying eps", Money, false),
    ("unit cost", "unit costs", Money, false),
    ("unit costs", "unit costs", Money, false),
    (
        "capital and exploration expenditure",
        "capital and exploration expenditure",
        Money,
        false,
    ),
    // A European bank's measures: what its loans cost it in provisions ("cost of risk",
    // in euros or in basis points of the loans), its return on tangible equity (not the
    // tangible common equity of US banks), its revenues less costs before them ("gross
    // operating income"), and the ratios its regulators set floors to.
    ("cost of risk", "cost of risk", Any, false),
    ("return on tangible equity", "return on tangible equity", Ratio, false),
    ("rote", "return on tangible equity", Ratio, false),
    ("gross operating income", "gross operating income", Money, false),
    ("liquidity coverage ratio", "liquidity coverage ratio", Ratio, false),
    ("lcr", "liquidity coverage ratio", Ratio, false),
    ("leverage ratio", "leverage ratio", Ratio, false),
    ("cost/income ratio", "cost/income ratio", Ratio, false),
    ("cost-income ratio", "cost/income ratio", Ratio, false),
    ("cost to income ratio", "cost/income ratio", Ratio, false),
    ("cost-to-income ratio", "cost/income ratio", Ratio, false),
    ("net asset inflows", "net asset inflows", Money, false),
    ("net inflows", "net asset inflows", Money, false),
    ("payout ratio", "payout ratio", Ratio, false),
    // A utility's measures: what its regulated business has invested and may earn on
    // ("rate base", "regulatory capital employed", the allowed and earned returns on
    // equity), its costs, its credit, and the renewable projects it signs (their
    // additions to its backlog, in megawatts: `counts::megawatts_in`).
    ("rate base", "rate base", Money, false),
    (
        "regulatory capital employed",
        "regulatory capital employed",
        Money,
        false,
    ),
    ("regulatory roe", "regulatory roe", Ratio, false),
    ("allowed roe", "allowed roe", Ratio, false),
    ("non-fuel o&m", "non-fuel o&m", Money, false),
    ("ffo to debt", "ffo to debt", Ratio, false),
    ("ffo-to-debt", "ffo to debt", Ratio, false),
    ("backlog additions", "backlog additions", Any, false),
    ("origination", "backlog additions", Count, false),
    ("placed in service", "capacity placed in service", Count, false),
    ("capacity factor", "capacity factor", Ratio, false),
    ("storm restoration costs", "storm restoration costs", Money, false),
    ("book value per share", "book value per share", Money, false),
    ("book value", "book value", Money, false),
    (
        "tangible book value per share",
        "tangible book value per share",
        Money,
        false,
    ),
    ("tangible book value", "tangible book value", Money, false),
    ("deposits", "deposits", Money, false),
    ("total deposits", "deposits", Money, false),
    ("average deposits", "average deposits", Money, false),
    ("loans", "loans", Money, false),
    ("total loans", "loans", Money, false),
    ("loan balances", "loans", Money, false),
    ("average loans", "average loans", Money, false),
    ("assets under management", "assets under management", Money, false),
    ("aum", "assets under management", Money, false),
    ("client assets", "client assets", Money, false),
    ("client investment assets", "client investment assets", Money, false),
    ("card sales volume", "card sales volume", Money, false),
    ("card spend", "card sales volume", Money, false),
    // "Investment banking fees": the topic names whose fees they are.
    ("fees", "fees", Money, false),
    // A hotel company's fees, by what they are paid for.
    ("gross fee revenues", "gross fee revenues", Money, false),
    ("gross fee revenue", "gross fee revenues", Money, false),
    ("gross fees", "gross fee revenues", Money, false),
    ("base management fees", "base management fees", Money, false),
    ("base management fee", "base management fees", Money, false),
    ("franchise fees", "franchise fees", Money, false),
    ("incentive management fees", "incentive management fees", Money, false),
    ("incentive fees", "incentive management fees", Money, false),
    (
        "co-branded credit card fees",
        "co-branded credit card fees",
        Money,
        false,
    ),
    ("co-brand credit card fees", "co-branded credit card fees", Money, false),
    // A hotel's measures: revenue per available room, the average daily rate (in
    // capitals: "adr" is no word, but an "ADR" of a foreign share is written "ADRs"),
    // the share of rooms let, and the rooms themselves.
    ("revpar", "revpar", Money, false),
    ("revenue per available room", "revpar", Money, false),
    ("ADR", "adr", Money, false),
    ("average daily rate", "adr", Money, false),
    ("average daily rates", "adr", Money, false),
    ("occupancy", "occupancy", Ratio, false),
    ("occupancy rate", "occupancy", Ratio, false),
    ("net rooms growth", "rooms", Any, false),
    ("net room growth", "rooms", Any, false),
    ("rooms growth", "rooms", Any, false),
    ("room growth", "rooms", Any, false),
    ("fixed income revenue", "fixed income revenue", Money, false),
    ("fixed income markets revenue", "fixed income revenue", Money, false),
    ("equity markets revenue", "equity revenue", Money, false),
    ("equities revenue", "equity revenue", Money, false),
    ("equity revenue", "equity revenue", Money, false),
    ("originations", "originations", Money, false),
    ("wallet share", "wallet share", Ratio, false),
    // Measures adjusted for one-off items are not the reported ones: both said of one
    // quarter would otherwise be a conflict.
    ("adjusted eps", "adjusted eps", Money, false),
    ("adjusted diluted eps", "adjusted eps", Money, false),
    ("adjusted earnings per share", "adjusted eps", Money, false),
    ("adjusted diluted earnings per share", "adjusted eps", Money, false),
    // A company that says "non-GAAP" keeps the word, as "non-GAAP earnings per diluted
    // share" does (`MetricNames::find`).
    ("non-gaap eps", "non-gaap eps", Money, false),
    ("non-gaap earnings per share", "non-gaap eps", Money, false),
    ("adjusted operating income", "adjusted operating income", Money, false),
    ("adjusted operating profit", "adjusted operating income", Money, false),
    // A grocer with a bank (Tesco, Sainsbury's) reports its retail business apart from
    // the group's: two measures, which as one would read as conflicts.
    (
        "retail adjusted operating profit",
        "retail adjusted operating income",
        Money,
        false,
    ),
    (
        "retail adjusted operating margin",
        "retail adjusted operating margin",
        Ratio,
        false,
    ),
    ("retail free cash flow", "retail free cash flow", Money, false),
    // A search business's measures of its ads and what it pays for traffic.
    ("paid clicks", "paid clicks", Count, false),
    ("cost per click", "cost per click", Money, false),
    ("cost-per-click", "cost per click", Money, false),
    ("cpc", "cost per click", Money, false),
    ("traffic acquisition costs", "traffic acquisition costs", Money, false),
    ("traffic acquisition cost", "traffic acquisition costs", Money, false),
    ("tac", "traffic acquisition costs", Money, false),
    ("average price per ad", "average price per ad", Money, false),
    ("price per ad", "average price per ad", Money, false),
    ("average revenue per person", "average revenue per person", Money, false),
    ("arpp", "average revenue per person", Money, false),
    ("average revenue per user", "average revenue per user", Money, false),
    ("arpu", "average revenue per user", Money, false),
    (
        "average revenue per account",
        "average revenue per account",
        Money,
        false,
    ),
    ("arpa", "average revenue per account", Money, false),
    // A telecom's lost subscribers, a share of its base a month.
    ("churn", "churn", Ratio, false),
    ("churn rate", "churn", Ratio, false),
    // A subscription business's revenue lost as customers leave, and the revenue its
    // subscriptions bring in a year ("ARR", as it is written, in capitals).
    ("attrition", "attrition rate", Ratio, false),
    ("attrition rate", "attrition rate", Ratio, false),
    ("revenue attrition", "attrition rate", Ratio, false),
    ("annual recurring revenue", "arr", Money, false),
    ("ARR", "arr", Money, false),
    // What a media business spends on its shows and films, and what it books for them.
    ("content spending", "content spending", Money, false),
    ("content spend", "content spending", Money, false),
    ("cash content spending", "content spending", Money, false),
    ("cash content spend", "content spending", Money, false),
    ("cash spending on content", "content spending", Money, false),
    ("spending on content", "content spending", Money, false),
    ("on content", "content spending", Money, false),
    ("content amortization", "content amortization", Money, false),
    ("amortization of content", "content amortization", Money, false),
    ("gross debt", "gross debt", Money, false),
    ("total debt", "total debt", Money, false),
    // How a subscription business counts its members and what each brings in. "ARM" only
    // in capitals: "arm" is a word, and "Arm" a chip designer.
    (
        "average revenue per membership",
        "average revenue per membership",
        Money,
        false,
    ),
    (
        "average revenue per paying membership",
        "average revenue per membership",
        Money,
        false,
    ),
    (
        "average monthly revenue per paying membership",
        "average revenue per membership",
        Money,
        false,
    ),
    (
        "average revenue per member",
        "average revenue per membership",
        Money,
        false,
    ),
    ("ARM", "average revenue per membership", Money, false),
    ("subscribers", "subscribers", Count, false),
    ("paid subscribers", "subscribers", Count, false),
    ("memberships", "subscribers", Count, false),
    ("paid memberships", "subscribers", Count, false),
    ("paying memberships", "subscribers", Count, false),
    // Spelled out, as "average revenue per account" is.
    ("net adds", "net additions", Count, false),
    ("net additions", "net additions", Count, false),
    ("paid net adds", "paid net adds", Count, false),
    ("paid net additions", "paid net adds", Count, false),
    ("customers", "customers", Count, false),
    ("customer count", "customers", Count, false),
    ("number of customers", "customers", Count, false),
    ("viewers", "viewers", Count, false),
    ("viewership", "viewers", Count, false),
    ("number of people watching", "viewers", Count, false),
    ("customers saved", "customer savings", Money, false),
    ("saved customers", "customer savings", Money, false),
    ("free cash outflow", "free cash flow", Money, true),
    ("outflow", "free cash flow", Money, true),
    // "an outflow of RMB18.8 billion, against an inflow of RMB17.4 billion": the inflow
    // names the same flow, above zero (it took the outflow's sign).
    ("inflow", "free cash flow", Money, false),
    ("budget", "investment", Money, false),
    ("invest", "investment", Money, false),
    ("invests", "investment", Money, false),
    ("investing", "investment", Money, false),
    ("committed", "investment", Money, false),
    ("pledged", "investment", Money, false),
    ("spending", "investment", Money, false),
    ("earmarked", "investment", Money, false),
    ("convertible notes", "investment", Money, false),
    ("stake", "investment", Money, false),
    ("worth", "valuation", Money, false),
    ("shipments", "shipments", Count, false),
    ("unit shipments", "shipments", Count, false),
    ("wafer shipments", "wafer shipments", Count, false),
    // What a revenue change is made of: "volume contributed 48%, while realized prices
    // were down 2%".
    ("volume", "volume", Any, false),
    ("volumes", "volume", Any, false),
    ("volume growth", "volume", Any, false),
    ("realized prices", "realized prices", Any, false),
    // A card network's measures: the volume paid on its cards (in dollars, said in
    // constant dollars), by kind of card and where it is paid; cross-border volume; the
    // transactions it processes; its revenue lines, net of what it pays issuers; the
    // tokens it issues and the share of in-store payments made by a tap.
    ("payments volume", "payments volume", Money, false),
    ("payment volume", "payments volume", Money, false),
    ("credit payments volume", "credit payments volume", Money, false),
    ("debit payments volume", "debit payments volume", Money, false),
    (
        "international payments volume",
        "international payments volume",
        Money,
        false,
    ),
    ("cross-border volume", "cross-border volume", Money, false),
    ("cross-border volumes", "cross-border volume", Money, false),
    ("processed transactions", "processed transactions", Count, false),
    ("client incentives", "client incentives", Money, false),
    // Plural only: the singular is named with what goes with it ("OEM and other revenue").
    ("other revenues", "other revenues", Money, false),
    ("service revenues", "service revenues", Money, false),
    ("service revenue", "service revenues", Money, false),
    ("data processing revenues", "data processing revenues", Money, false),
    ("data processing revenue", "data processing revenues", Money, false),
    (
        "international transaction revenues",
        "international transaction revenues",
        Money,
        false,
    ),
    (
        "international transaction revenue",
        "international transaction revenues",
        Money,
        false,
    ),
    ("litigation provision", "litigation provision", Money, false),
    ("litigation provisions", "litigation provision", Money, false),
    ("network tokens", "network tokens", Count, false),
    ("tap-to-pay penetration", "tap to pay penetration", Ratio, false),
    ("tap to pay penetration", "tap to pay penetration", Ratio, false),
    ("realized price", "realized prices", Any, false),
    ("realised price", "realized prices", Any, false),
    ("realised prices", "realized prices", Any, false),
    // A maker of drinks: organic growth is price/mix and concentrate sales (what it ships
    // to bottlers), its volume the unit cases bottlers sell.
    ("price/mix", "price/mix", Any, false),
    ("price mix", "price/mix", Any, false),
    ("price and mix", "price/mix", Any, false),
    ("concentrate sales", "concentrate sales", Any, false),
    ("unit case volume", "unit case volume", Any, false),
    // A food maker's organic growth ("organic growth of 2.2%": its sales', as "organic
    // revenue growth" is) and the two parts it is told in: real internal growth (volume
    // and mix, "RIG", in capitals: a rig drills) and pricing.
    ("organic growth", "revenue", Money, false),
    ("real internal growth", "real internal growth", Any, false),
    ("RIG", "real internal growth", Any, false),
    ("pricing", "pricing", Any, false),
    ("net pricing", "net pricing", Any, false),
    // Its profit before restructuring and impairments, and the margin of it: measures of
    // their own beside the operating profit.
    (
        "underlying trading operating profit",
        "underlying trading operating income",
        Money,
        false,
    ),
    ("utop", "underlying trading operating income", Money, false),
    (
        "underlying trading operating profit margin",
        "underlying trading operating margin",
        Ratio,
        false,
    ),
    (
        "underlying trading operating margin",
        "underlying trading operating margin",
        Ratio,
        false,
    ),
    ("utop margin", "underlying trading operating margin", Ratio, false),
    ("trading operating profit", "trading operating income", Money, false),
    (
        "trading operating profit margin",
        "trading operating margin",
        Ratio,
        false,
    ),
    ("trading operating margin", "trading operating margin", Ratio, false),
    ("share repurchases", "share repurchases", Money, false),
    // "repurchased $2.90 billion of our shares", "bought back $3 billion of stock".
    ("repurchased", "share repurchases", Money, false),
    ("bought back", "share repurchases", Money, false),
    ("share buybacks", "share repurchases", Money, false),
    ("buyback", "share repurchases", Money, false),
    ("buybacks", "share repurchases", Money, false),
    ("stock buybacks", "share repurchases", Money, false),
    ("stock", "share price", Any, false),
    ("share price", "share price", Any, false),
    ("stock price", "share price", Any, false),
    ("market", "market size", Money, false),
    // "in its third quarter on the market": where a product is sold, not a market's size.
    ("on the market", "", Any, false),
    ("market size", "market size", Money, false),
    ("throughput", "throughput", Any, false),
    ("price performance", "price performance", Any, false),
    ("price-performance", "price performance", Any, false),
    ("memory capacity", "memory capacity", Any, false),
    ("training performance", "training performance", Any, false),
    ("touches per package", "touches per package", Any, false),
    ("market share", "market share", Ratio, false),
    // "China's share of system sales fell to 27%": a part of the revenue, no level of it.
    ("share of revenue", "", Any, false),
    ("share of revenues", "", Any, false),
    ("share of sales", "", Any, false),
    ("share of net sales", "", Any, false),
    ("share of total sales", "", Any, false),
    ("share of system sales", "", Any, false),
    ("stock market", "", Any, false),
    ("investment in", "investment", Money, false),
    ("market capitalization", "market capitalization", Money, false),
    ("market value", "market capitalization", Money, false),
    (
        "third party seller services",
        "third-party seller services revenue",
        Money,
        false,
    ),
    // The balance sheet.
    (
        "cash and marketable securities",
        "cash and marketable securities",
        Money,
        false,
    ),
    ("cash and cash equivalents", "cash and cash equivalents", Money, false),
    (
        "cash, cash equivalents and marketable securities",
        "cash and marketable securities",
        Money,
        false,
    ),
    (
        "cash, cash equivalents, and marketable securities",
        "cash and marketable securities",
        Money,
        false,
    ),
    (
        "cash and short-term investments",
        "cash and short-term investments",
        Money,
        false,
    ),
    // What a company has agreed to buy, and what its board lets it buy back.
    ("purchase commitments", "purchase commitments", Money, false),
    ("purchase obligations", "purchase commitments", Money, false),
    (
        "repurchase authorization",
        "share repurchase authorization",
        Money,
        false,
    ),
    (
        "share repurchase authorization",
        "share repurchase authorization",
        Money,
        false,
    ),
    ("buyback authorization", "share repurchase authorization", Money, false),
    // "a new $15 billion share repurchase program": what the board lets it buy back.
    (
        "share repurchase program",
        "share repurchase authorization",
        Money,
        false,
    ),
    (
        "stock repurchase program",
        "share repurchase authorization",
        Money,
        false,
    ),
    ("repurchase program", "share repurchase authorization", Money, false),
    ("buyback program", "share repurchase authorization", Money, false),
    ("long-term debt", "long-term debt", Money, false),
    ("long term debt", "long-term debt", Money, false),
    // What contracts and holders are owed.
    // Contracted revenue not yet recognised, as software companies report it: the whole,
    // the part due within twelve months ("current"), and Microsoft's commercial one.
    (
        "remaining performance obligation",
        "remaining performance obligation",
        Money,
        false,
    ),
    (
        "remaining performance obligations",
        "remaining performance obligation",
        Money,
        false,
    ),
    ("rpo", "remaining performance obligation", Money, false),
    (
        "current remaining performance obligation",
        "current remaining performance obligation",
        Money,
        false,
    ),
    (
        "current remaining performance obligations",
        "current remaining performance obligation",
        Money,
        false,
    ),
    ("current rpo", "current remaining performance obligation", Money, false),
    ("crpo", "current remaining performance obligation", Money, false),
    (
        "commercial remaining performance obligation",
        "commercial remaining performance obligation",
        Money,
        false,
    ),
    (
        "commercial rpo",
        "commercial remaining performance obligation",
        Money,
        false,
    ),
    ("bookings", "bookings", Money, false),
    // What riders, eaters and travellers spend on a platform, of which its revenue is
    // its take.
    ("gross bookings", "gross bookings", Money, false),
    ("take rate", "take rate", Ratio, false),
    // Measures of their own, as the companies that report them define them: orders net
    // of cancellations (a chip-tool maker's, a game publisher's), and the bookings of
    // commercial contracts (a software maker's).
    ("net bookings", "net bookings", Money, false),
    ("commercial bookings", "commercial bookings", Money, false),
    ("dividends", "dividends", Money, false),
    ("dividend", "dividends", Money, false),
    // "returned $9 billion to shareholders", "cash returned to shareholders".
    ("to shareholders", "shareholder returns", Money, false),
    ("returned to shareholders", "shareholder returns", Money, false),
    ("shareholder returns", "shareholder returns", Money, false),
    // "$7.4 billion in buybacks and dividends": both together.
    ("buybacks and dividends", "shareholder returns", Money, false),
    ("dividends and buybacks", "shareholder returns", Money, false),
    // Dividends and buybacks together, as British and European companies name them.
    ("shareholder distributions", "shareholder returns", Money, false),
    ("distributions to shareholders", "shareholder returns", Money, false),
    ("distributions", "shareholder returns", Money, false),
    ("dividend yield", "dividend yield", Ratio, false),
    ("free cash flow yield", "free cash flow yield", Ratio, false),
    ("free cash flow per share", "free cash flow per share", Money, false),
    ("dividends paid", "dividends", Money, false),
    ("dividend per share", "dividend per share", Money, false),
    ("quarterly dividend", "dividend per share", Money, false),
    ("quarterly cash dividend", "dividend per share", Money, false),
    ("effective tax rate", "effective tax rate", Ratio, false),
    ("tax rate", "effective tax rate", Ratio, false),
    ("tax rates", "effective tax rate", Ratio, false),
    // What an analyst expects a share to be worth.
    ("price target", "price target", Money, false),
    ("target price", "price target", Money, false),
    // What was paid for a business: "acquired for $13.7 billion".
    // A European luxury group's measures, as its reports name them: its operating
    // profit before one-off items, its free cash flow after leases and capital spending,
    // its capital spending ("operating investments") and its net debt.
    (
        "profit from recurring operations",
        "profit from recurring operations",
        Money,
        false,
    ),
    (
        "recurring operating profit",
        "profit from recurring operations",
        Money,
        false,
    ),
    ("operating free cash flow", "operating free cash flow", Money, false),
    ("operating investments", "capital expenditures", Money, false),
    ("net financial debt", "net debt", Money, false),
    // A railroad's measures: its operating expenses as a share of its revenue (lower is
    // better), the revenue of a carload and of fuel surcharges, and how its network runs.
    ("operating ratio", "operating ratio", Ratio, false),
    ("average revenue per car", "average revenue per car", Money, false),
    ("average revenue per carload", "average revenue per car", Money, false),
    ("fuel surcharge revenue", "fuel surcharge revenue", Money, false),
    ("fuel surcharge revenues", "fuel surcharge revenue", Money, false),
    ("freight car velocity", "freight car velocity", Count, false),
    ("terminal dwell", "terminal dwell", Count, false),
    ("train length", "train length", Count, false),
    ("workforce productivity", "workforce productivity", Count, false),
    ("locomotive productivity", "locomotive productivity", Count, false),
    // A plane maker's measures: airplanes delivered and ordered, counted. (A bare
    // "deliveries" is the noun a count names: "265 deliveries".)
    ("commercial deliveries", "deliveries", Count, false),
    ("airplane deliveries", "deliveries", Count, false),
    ("aircraft deliveries", "deliveries", Count, false),
    ("net orders", "net orders", Count, false),
    ("gross orders", "gross orders", Count, false),
    // An IT-services company's measures: the value of the large deals it signs (their
    // total contract value, "TCV"), the share of its people's time billed, and its cash
    // with the investments it holds.
    ("large deal tcv", "large deal tcv", Money, false),
    ("large-deal tcv", "large deal tcv", Money, false),
    ("large deal total contract value", "large deal tcv", Money, false),
    ("large deal value", "large deal tcv", Money, false),
    ("total contract value", "tcv", Money, false),
    ("TCV", "tcv", Money, false),
    // Said with what it counts: a bare "utilization" is as often a cause ("the rest came
    // from higher utilization and cost improvement, for the first quarter we guide …").
    ("utilization rate", "utilization", Ratio, false),
    ("utilization excluding trainees", "utilization", Ratio, false),
    ("utilisation excluding trainees", "utilization", Ratio, false),
    (
        "utilization including trainees",
        "utilization including trainees",
        Ratio,
        false,
    ),
    (
        "utilisation including trainees",
        "utilization including trainees",
        Ratio,
        false,
    ),
    ("cash and investments", "cash and investments", Money, false),
    ("acquired for", "acquisition price", Money, false),
    ("bought for", "acquisition price", Money, false),
    ("acquisition price", "acquisition price", Money, false),
    ("purchase price", "acquisition price", Money, false),
    ("earnings call", "", Any, false),
    ("earnings calls", "", Any, false),
    ("earnings release", "", Any, false),
    ("earnings report", "", Any, false),
    ("sales tax", "", Any, false),
    ("valuation loss", "", Any, false),
    ("investment bank", "", Any, false),
    ("investment grade", "", Any, false),
    ("sales team", "", Any, false),
];

/// "trades at 32x forward earnings", "10 times trailing sales": the measure a multiple
/// is of, which is no figure's metric ("… and yields 0.5%" is not earnings). `before` is
/// the text before the phrase, trimmed, and `after` the text after it: "3x revenue
/// growth" is how much the revenue grew.
fn after_a_multiple(before: &str, after: &str) -> bool {
    // Asked of every metric phrase: most end their text before in none of the letters
    // that "x", "×" (its last byte), "times" and the words of time below end in.
    if !(before.as_bytes().last())
        .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'x' | 0x97 | b's' | b'd' | b'g' | b'm'))
    {
        return false;
    }
    let word = after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if word.eq_ignore_ascii_case("growth") {
        return false;
    }
    let before = (["forward", "trailing", "fwd", "ntm", "ltm"].iter())
        .find_map(|w| {
            let cut = before.len().checked_sub(w.len())?;
            (before.is_char_boundary(cut) && before[cut..].eq_ignore_ascii_case(w)).then(|| before[..cut].trim_end())
        })
        .unwrap_or(before);
    let digit_before = |n: &str| n.ends_with(|c: char| c.is_ascii_digit());
    let spelled_before = |n: &str| super::numbers::number_word(n.rsplit(' ').next().unwrap_or(n)).is_some();
    match before.strip_suffix(['x', '×']) {
        Some(n) => digit_before(n),
        None => before
            .strip_suffix(" times")
            .is_some_and(|n| digit_before(n) || spelled_before(n)),
    }
}

/// Words before a metric that make it the base of a ratio ("as a percentage of net sales").
const RATIO_BASE: &[&str] = &[
    "percentage of",
    "percent of",
    "% of",
    "share of",
    "portion of",
    "proportion of",
    // "the backlog is growing faster than revenue, it reached $86 billion": what a
    // growth is set against.
    "faster than",
    "slower than",
];

#[derive(Debug)]
struct Entry {
    label: String,
    kind: MetricKind,
    negates: bool,
    /// Written in the lexicon in capitals ("ARM"): a metric only where the text writes it so.
    capitals: bool,
}

#[derive(Debug)]
struct Lexicon {
    matcher: AhoCorasick,
    entries: Vec<Entry>,
}

impl Lexicon {
    /// A DFA when it can be built (it is the fastest), else whatever kind can; None only
    /// for a vocabulary too large for any automaton.
    fn build(phrases: Vec<(String, Entry)>) -> Option<Lexicon> {
        let build = |kind| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .kind(kind)
                .build(phrases.iter().map(|(p, _)| p.as_str()))
        };
        let matcher = build(Some(AhoCorasickKind::DFA)).or_else(|_| build(None)).ok()?;
        let entries = phrases.into_iter().map(|(_, e)| e).collect();
        Some(Lexicon { matcher, entries })
    }
}

fn builtin_phrases() -> Vec<(String, Entry)> {
    BUILTIN
        .iter()
        .map(|&(p, label, kind, negates)| {
            (
                p.to_string(),
                Entry {
                    label: label.to_string(),
                    kind,
                    negates,
                    capitals: p.bytes().any(|b| b.is_ascii_uppercase()),
                },
            )
        })
        .collect()
}

static BUILTIN_LEXICON: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    Arc::new(Lexicon::build(builtin_phrases()).expect("the built-in metric phrases build an automaton"))
});

/// The metric names known to the extractor: a built-in lexicon plus the site's own.
#[derive(Debug, Clone)]
pub struct MetricNames {
    lexicon: Arc<Lexicon>,
}

impl Default for MetricNames {
    fn default() -> Self {
        MetricNames {
            lexicon: Arc::clone(&BUILTIN_LEXICON),
        }
    }
}

/// A metric phrase found in a sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct MetricHit<'n> {
    pub start: usize,
    pub end: usize,
    pub label: &'n str,
    pub kind: MetricKind,
    pub negates: bool,
    /// The base of a ratio ("as a percentage of net sales"): not what a figure measures.
    pub ratio_base: bool,
}

impl MetricNames {
    /// The built-in lexicon extended by `extra` (phrase → canonical label, as in
    /// site.toml `[metrics.names]`); an extra phrase overrides a built-in one. A
    /// vocabulary too large to index falls back to the built-in lexicon.
    pub fn with_extra(extra: &[(String, String)]) -> Self {
        if extra.is_empty() {
            return MetricNames::default();
        }
        let kind_of = |label: &str| BUILTIN.iter().find(|b| b.1 == label).map_or(Any, |b| b.2);
        let mut phrases: Vec<(String, Entry)> = builtin_phrases()
            .into_iter()
            .filter(|(p, _)| !extra.iter().any(|(x, _)| x.trim().eq_ignore_ascii_case(p)))
            .collect();
        for (phrase, label) in extra {
            let phrase = phrase.trim().to_lowercase();
            let label = label.trim().to_lowercase();
            if phrase.is_empty() {
                continue;
            }
            let negates = phrase.split_whitespace().any(|w| w == "loss" || w == "losses");
            let entry = Entry {
                kind: kind_of(&label),
                label,
                negates,
                capitals: false,
            };
            phrases.push((phrase, entry));
        }
        match Lexicon::build(phrases) {
            Some(lexicon) => MetricNames {
                lexicon: Arc::new(lexicon),
            },
            None => MetricNames::default(),
        }
    }

    /// The label of the first metric named anywhere in `text` ("Q4 2023 revenue" →
    /// revenue): what a table column holds.
    pub fn first_label(&self, text: &str) -> Option<String> {
        self.first_named(text).map(|(label, _)| label.to_string())
    }

    /// `first_label`, with what the metric is measured in (`first_kind`).
    pub fn first_named(&self, text: &str) -> Option<(&str, MetricKind)> {
        self.find(text)
            .into_iter()
            .filter(|h| !h.ratio_base && !h.negates)
            .min_by_key(|h| h.start)
            .map(|h| (h.label, h.kind))
    }

    /// The first metric `text` names: its label, whether the phrase names a loss
    /// ("operating loss"), and what it is measured in.
    pub fn first_metric(&self, text: &str) -> Option<(String, bool, MetricKind)> {
        self.find(text)
            .into_iter()
            .filter(|h| !h.ratio_base)
            .min_by_key(|h| h.start)
            .map(|h| (h.label.to_string(), h.negates, h.kind))
    }

    /// Where in `text` the first metric it names starts.
    pub fn first_metric_start(&self, text: &str) -> Option<usize> {
        (self.find(text).into_iter())
            .filter(|h| !h.ratio_base)
            .map(|h| h.start)
            .min()
    }

    /// What the first metric `text` names is measured in: a table row's label
    /// ("Operating margin", "Headcount") says whether a head's "$ bn" is its unit.
    pub fn first_kind(&self, text: &str) -> Option<MetricKind> {
        self.first_named(text).map(|(_, kind)| kind)
    }

    /// The canonical label when the whole of `phrase` names a metric ("capex",
    /// "Capital expenditures", "cost to serve"); a topic so named is a metric, not a subject.
    pub fn label_of(&self, phrase: &str) -> Option<&str> {
        self.whole(phrase).map(|h| h.label)
    }

    /// The metric phrase that `phrase` is, whole (not one found inside it).
    pub(super) fn whole(&self, phrase: &str) -> Option<MetricHit<'_>> {
        let phrase = phrase.trim();
        self.find(phrase)
            .into_iter()
            .find(|h| h.start == 0 && h.end == phrase.len())
    }

    /// Metric phrases of `text`, whole words only, longest first, blockers removed. A match
    /// inside a word is passed over without hiding a phrase that starts within it ("ad
    /// revenue" in "had revenue" still leaves "revenue").
    pub(super) fn find<'n>(&'n self, text: &str) -> Vec<MetricHit<'n>> {
        let mut out = Vec::new();
        let mut from = 0;
        // The qualifier said last ("non-gaap", "adjusted") and where it ends, and a
        // qualified "earnings" that a per-share phrase after it makes EPS.
        let mut qualifier: Option<(usize, &str)> = None;
        let mut qualified_earnings: Option<(usize, &str)> = None;
        // The end and label of the last measure named that is counted per share already
        // ("core FFO"), until another is named.
        let mut per_share_measure: Option<(usize, &str)> = None;
        while let Some(m) = self.lexicon.matcher.find(Input::new(text).range(from..)) {
            let (start, end) = (m.start(), m.end());
            if !whole_word(text, start, end) {
                from = start + text[start..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            from = end;
            let e = &self.lexicon.entries[m.pattern().as_usize()];
            if e.capitals && text[start..end].bytes().any(|b| b.is_ascii_lowercase()) {
                continue;
            }
            if &text[start..end] == "ADS" {
                continue;
            }
            // "Pricing" is a part of organic growth only beside it ("organic growth of
            // 2.2%, RIG of 0.8% and pricing of 1.5%") or as a column's or a row's label;
            // elsewhere it is an insurer's renewal pricing, a chip's selling price or a
            // product's price per use, which it does not name alone.
            if e.label == "pricing" && !beside_organic_growth(text) && !a_label(text, start, end) {
                continue;
            }
            if e.label.is_empty() {
                let said = &text[start..end];
                if said.eq_ignore_ascii_case("non-gaap") || said.eq_ignore_ascii_case("non gaap") {
                    qualifier = Some((end, "non-gaap"));
                } else if said.eq_ignore_ascii_case("adjusted") && !adjusted_by_someone(&text[..start]) {
                    qualifier = Some((end, "adjusted"));
                } else if said.eq_ignore_ascii_case("comparable") {
                    qualifier = Some((end, "comparable"));
                }
                continue;
            }
            let before = text[..start].trim_end();
            let base_before = |before: &str| {
                RATIO_BASE.iter().any(|r| {
                    before.len() >= r.len()
                        && before.is_char_boundary(before.len() - r.len())
                        && before[before.len() - r.len()..].eq_ignore_ascii_case(r)
                })
            };
            // "Share of wafer revenue": a word may say which part of the measure a share
            // is of (a base that ends in "of"; not what a growth is set against: "slower
            // than total sales, which grew 11%" is the sales' growth).
            let word_before = || {
                let (rest, word) = before.rsplit_once(' ')?;
                word.bytes().all(|b| b.is_ascii_alphabetic()).then(|| rest.trim_end())
            };
            let of_before =
                |rest: &str| rest.len() >= 2 && rest.as_bytes()[rest.len() - 2..].eq_ignore_ascii_case(b"of");
            let ratio_base = base_before(before)
                || word_before().is_some_and(|rest| of_before(rest) && base_before(rest))
                || after_a_multiple(before, &text[end..]);
            // "Non-GAAP gross margin" ("non-GAAP earnings per share", "On a non-GAAP basis,
            // EPS") is another figure than the gross margin: the two of a quarter would read
            // as a conflict under one label. "non-gaap" is a phrase of the automaton (with no
            // label), so that sentences without it pay nothing for this.
            // "Adjusted operating margin", "adjusted pre-tax income" and "adjusted net
            // debt" are measures of their own in the same way, right after the word.
            let qualified = qualifier.filter(|&(e, _)| e <= start).and_then(|(e, q)| {
                let between = text[e..start].trim();
                let next_to = match q {
                    "non-gaap" => matches!(between, "" | "diluted" | "earnings" | "basis,"),
                    // "comparable currency neutral EPS growth" is of comparable EPS.
                    "comparable" => {
                        between.is_empty()
                            || between.eq_ignore_ascii_case("currency neutral")
                            || between.eq_ignore_ascii_case("currency-neutral")
                    }
                    _ => between.is_empty(),
                };
                next_to.then_some(q)
            });
            // "adjusted earnings of $1.50 a share": the per-share figure is adjusted EPS.
            let per_share_of = (e.label == "eps" && qualified.is_none())
                .then_some(qualified_earnings)
                .flatten()
                .filter(|&(e, _)| {
                    e <= start && start - e < 48 && !text[e..start].contains("; ") && !text[e..start].contains(". ")
                })
                .map(|(_, q)| q);
            // "EPS, non-GAAP ($)", "Operating margin (adjusted)": a table's row label may
            // say the qualifier after the metric.
            let qualified = qualified.or_else(|| qualifier_after(&text[end..]));
            // "core FFO of $1.50 per share": the "per share" of a measure counted per share
            // already is that measure, not EPS.
            let said_per = text[start..end].starts_with("per ") || text[start..end].starts_with("a ");
            // Another measure named between ends it; a spoken amount between is long ("core
            // ffo for the quarter was one dollar and forty three cents per share").
            let measure_per_share = (e.label == "eps" && said_per && qualified.is_none())
                .then_some(per_share_measure)
                .flatten()
                .filter(|&(e, _)| {
                    e <= start && start - e < 96 && !text[e..start].contains("; ") && !text[e..start].contains(". ")
                })
                .map(|(_, label)| label);
            let label: &str = match qualified.or(per_share_of) {
                _ if measure_per_share.is_some() => measure_per_share.unwrap_or(&e.label),
                // "adjusted earnings" is the name of a company's own measure (Shell's
                // headline one), said so by the company and its analysts.
                Some("adjusted") if e.label == "net income" && text[start..end].eq_ignore_ascii_case("earnings") => {
                    "adjusted earnings"
                }
                Some(q) if !e.label.starts_with(q) => super::intern(&format!("{q} {}", e.label)),
                _ => &e.label,
            };
            if qualified.is_some() && e.label == "net income" {
                qualified_earnings = qualified.map(|q| (end, q));
            }
            // A measure whose own per-share figure has a name of its own ("core operating
            // income of $2.22 billion, or $5.41 per share" is core operating EPS).
            let per_share_label = if label.ends_with(" per share") {
                Some(label)
            } else {
                PER_SHARE_OF.iter().find(|(of, _)| *of == label).map(|&(_, per)| per)
            };
            per_share_measure = per_share_label.filter(|_| !said_per).map(|per| (end, per));
            out.push(MetricHit {
                start,
                end,
                label,
                kind: e.kind,
                negates: e.negates,
                ratio_base,
            });
        }
        out
    }
}

/// Measures and the names of their figures per share.
const PER_SHARE_OF: [(&str, &str); 2] = [
    ("core operating income", "core operating eps"),
    ("underlying attributable profit", "underlying eps"),
];

/// "non-gaap" or "adjusted" said right after a metric, after a comma or an opening
/// bracket ("EPS, non-GAAP", "operating margin (adjusted)").
fn qualifier_after(after: &str) -> Option<&'static str> {
    let rest = after.trim_start();
    let rest = rest.strip_prefix([',', '('].as_slice())?.trim_start();
    ["non-gaap", "adjusted"].into_iter().find(|q| {
        rest.len() >= q.len()
            && rest.is_char_boundary(q.len())
            && rest[..q.len()].eq_ignore_ascii_case(q)
            && !rest[q.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '-') && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// Whether `text` speaks of organic growth and its parts, or is a label of a few words
/// (a table's head cell, "Pricing (%)").
fn beside_organic_growth(text: &str) -> bool {
    let b = text.as_bytes();
    let has = |word: &[u8]| b.windows(word.len()).any(|w| w.eq_ignore_ascii_case(word));
    text.trim().len() <= 24 || has(b"organic") || has(b"internal growth") || b.windows(3).any(|w| w == b"RIG")
}

/// Whether the words from `start` to `end` are a label: the first cell of a table's row
/// or the lead of a list item ("| Pricing | 2.4 | 1.0 |", "Pricing: +1.5%").
fn a_label(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '-' | '*'));
    let after = text[end..].trim_start();
    before.is_empty() && after.starts_with(['|', ':', '('])
}

/// Whether "adjusted" before a metric is a verb with a doer ("we adjusted revenue
/// guidance", "it has adjusted"), not the name of a measure.
fn adjusted_by_someone(before: &str) -> bool {
    let last = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    [
        "we", "they", "it", "i", "has", "have", "had", "was", "were", "be", "been",
    ]
    .iter()
    .any(|w| last.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(names: &MetricNames, text: &str) -> Vec<String> {
        names.find(text).iter().map(|h| h.label.to_string()).collect()
    }

    #[test]
    fn longest_phrase_wins_and_blockers_hide() {
        let n = MetricNames::default();
        assert_eq!(
            labels(&n, "AWS net sales and operating loss"),
            ["revenue", "operating income"]
        );
        assert_eq!(labels(&n, "an annualized revenue run rate"), ["run rate"]);
        assert_eq!(labels(&n, "on the earnings call with Salesforce"), Vec::<String>::new());
        assert!(n.find("operating loss of $419 million")[0].negates);
    }

    #[test]
    fn a_match_inside_a_word_hides_no_phrase_within_it() {
        let n = MetricNames::default();
        assert_eq!(labels(&n, "In Q4 it had revenue of $105.5 billion"), ["revenue"]);
        assert_eq!(labels(&n, "the Chad sales office"), ["revenue"]);
    }

    #[test]
    fn ratio_bases_are_marked() {
        let n = MetricNames::default();
        let hits = n.find("Fulfillment costs as a percentage of net sales");
        assert!(!hits[0].ratio_base && hits[1].ratio_base);
    }

    #[test]
    fn extra_names_extend_and_override() {
        let n = MetricNames::with_extra(&[
            ("GMV".to_string(), "gross merchandise volume".to_string()),
            ("sales".to_string(), "net sales".to_string()),
        ]);
        assert_eq!(labels(&n, "GMV and sales"), ["gross merchandise volume", "net sales"]);
    }
}
