//! End-to-end cases of `extract`: sentences as notes and transcripts write them, and
//! the records a reader would write down, one line per record:
//! `value; change; subject; metric; period` (`_` for none).

use super::*;

/// (sentence, page period, topic mentions, wanted records).
type Case = (
    &'static str,
    Option<&'static str>,
    &'static [&'static str],
    &'static [&'static str],
);

#[rustfmt::skip]
const CASES: &[Case] = &[
    // An insurer's measures; a measure's figure per share that has a name of its own.
    ("Core operating income was $2.22 billion, or $5.41 per share, and the combined ratio was 86.0%.", Some("Q4 2023"), &[],
        &["2.22e9 USD; _; Amazon; core operating income; Q4 2023", "5.41 USD; _; Amazon; core operating eps; Q4 2023",
          "86 %; _; Amazon; combined ratio; Q4 2023"]),
    ("P&C net premiums written rose 9.2% to $10.41 billion.", Some("Q4 2023"), &[],
        &["10.41e9 USD; up 9.2 %; Amazon; p&c net premiums written; Q4 2023"]),
    ("Its renewal pricing rose 8.9%, made up of renewal rate increases of 6.2% and exposure change of 2.7%.", Some("Q4 2023"), &[],
        &["_; up 8.9 %; Amazon; renewal pricing; Q4 2023", "6.2 %; _; Amazon; renewal rates; Q4 2023",
          "2.7 %; _; Amazon; exposure; Q4 2023"]),
    // A miner's tonnes ("Mt", "kt"), counted in tonnes; "on a 100% basis" is no figure;
    // US cents are hundredths of the dollar.
    ("BMA produced 26.4 Mt on a 100% basis and copper production was 867 kt.", Some("H1 2024"), &[],
        &["26.4e6 count; _; Amazon; production; H1 2024", "867000 count; _; Amazon; production; H1 2024"]),
    ("The board determined an interim dividend of 72 US cents a share.", Some("H1 2024"), &[],
        &["0.72 USD; _; Amazon; interim dividend per share; H1 2024"]),
    // A half named by the month it ends in, in a year that ends in June (`fiscal_june`)
    // or the calendar's.
    ("Revenue for the six months ended June 30, 2024 was $10 billion.", None, &[],
        &["10e9 USD; _; Amazon; revenue; H1 2024"]),
    ("Revenue was $10 billion in the half year to December 2024, against $9 billion in the December 2023 half.", None, &[],
        &["10e9 USD; _; Amazon; revenue; H2 2024", "9e9 USD; _; Amazon; revenue; H2 2023"]),
    // A range a guide was moved from is a range, as the one it was moved to is; a level
    // moved from is no range.
    ("Management cut 2025 adjusted EPS guidance to $26.00 to $26.50 from $29.50 to $30.00.", None, &[],
        &["26..26.5 USD; _; Amazon; adjusted eps; 2025", "29.5..30 USD; _; Amazon; adjusted eps; 2025"]),
    ("Revenue grew from $10 billion to $12 billion in 2024.", None, &[],
        &["10e9 USD; _; Amazon; revenue; _", "12e9 USD; _; Amazon; revenue; 2024"]),
    // A European bank's measures and a utility's.
    ("Cost of risk was 31 basis points, ROTE reached 10.8% and gross operating income was $4.1 billion.", Some("Q4 2024"), &[],
        &["31 bps; _; Amazon; cost of risk; Q4 2024", "10.8 %; _; Amazon; return on tangible equity; Q4 2024",
          "4.1e9 USD; _; Amazon; gross operating income; Q4 2024"]),
    ("FPL's regulatory capital employed grew to $70 billion and its regulatory ROE was 11.8%.", Some("Q4 2024"), &[],
        &["70e9 USD; _; Amazon; regulatory capital employed; Q4 2024", "11.8 %; _; Amazon; regulatory roe; Q4 2024"]),
    // Power capacity is counted in megawatts, whichever unit is said; what is added to a
    // backlog is its additions, and no other measure is guessed (the lexicon's backlog is
    // of money); a temperature is no count.
    ("We added about three point one gigawatts to the backlog, including roughly five hundred megawatts of wind.", Some("Q3 2024"), &[],
        &["~3100 count; _; Amazon; backlog additions; Q3 2024", "~500 count; _; Amazon; _; Q3 2024"]),
    ("The backlog stood at 12.6 GW in 2024, when Miami dipped to 41 degrees.", None, &[],
        &["12600 count; _; Amazon; _; 2024"]),
    // A spoken decimal that its count metric leads to is that count, as digits are.
    ("days claims payable were forty six point two down from forty seven point eight at the end of twenty twenty three", Some("Q1 2024"), &[],
        &["46.2 count; _; Amazon; days claims payable; Q1 2024", "47.8 count; _; Amazon; days claims payable; 2023"]),
    ("we grew four point five percent and the board met for two point five hours", Some("Q1 2024"), &[],
        &["_; up 4.5 %; Amazon; _; Q1 2024"]),
    // A compound said without its hyphens before the noun it describes still leads to it.
    ("We expect to add about 650,000 value based care patients in 2024.", Some("Q1 2024"), &[],
        &["_; up 650000 count; Amazon; patients; 2024"]),
    ("More than 7 billion items reached Prime members same or next day in 2023.", None, &[],
        &["~7e9 count; _; Amazon; items; 2023"]),
    // "the same quarter last year", said alone, is the note's quarter a year back; after
    // "from" it is the base of a change, and the change is of the note's quarter.
    ("Revenue was $10 billion in the same quarter last year.", Some("Q1 2024"), &[],
        &["10e9 USD; _; Amazon; revenue; Q1 2023"]),
    ("Revenue was $11 billion, compared with $10 billion in the same quarter last year.", Some("Q1 2024"), &[],
        &["11e9 USD; _; Amazon; revenue; Q1 2024", "10e9 USD; _; Amazon; revenue; Q1 2023"]),
    // A quarter or a half said without its year, then "(of) last year", is of the year
    // before; the stock after an amount said without a unit names no price.
    ("Revenue was $10 billion in the first quarter of last year and $11 billion in the second half last year.", Some("Q1 2024"), &[],
        &["10e9 USD; _; Amazon; revenue; Q1 2023", "11e9 USD; _; Amazon; revenue; H2 2023"]),
    ("you bought back two point one billion of stock in the quarter", Some("Q1 2024"), &[],
        &["2.1e9 USD; _; Amazon; share repurchases; Q1 2024"]),
    // A topic named after a figure is that figure's; the next figure's is named after it.
    ("Occupancy was 96.8% in Europe and 97.3% in Asia.", Some("Q3 2024"), &["Europe", "Asia"],
        &["96.8 %; _; Europe; occupancy; Q3 2024", "97.3 %; _; Asia; occupancy; Q3 2024"]),
    // A real estate trust's measures; space counted in square feet (feet alone are a
    // length); "per share" after a measure counted per share already is that measure.
    ("Core FFO was $1.28 a share, period-end occupancy was 96.3% and net effective rent change was 68.2%.", Some("Q1 2024"), &[],
        &["1.28 USD; _; Amazon; core ffo per share; Q1 2024", "96.3 %; _; Amazon; occupancy; Q1 2024",
          "68.2 %; _; Amazon; net effective rent change; Q1 2024"]),
    ("Prologis signed 49 million square feet of leases.", Some("Q4 2023"), &[],
        &["49e6 count; _; Amazon; square feet; Q4 2023"]),
    ("The new runway is 12,000 feet long.", Some("Q4 2023"), &[], &[]),
    ("Fourth quarter: core FFO of $1.50 per share and net earnings of $1.38 per share.", Some("Q4 2024"), &[],
        &["1.5 USD; _; Amazon; core ffo per share; Q4 2024", "1.38 USD; _; Amazon; eps; Q4 2024"]),
    // An employer's people are the members of its health plans, not a workforce.
    ("Employer & Individual grew by 1.1 million people.", Some("Q4 2023"), &[],
        &["_; up 1.1e6 count; Amazon; people; Q4 2023"]),
    ("The company employs 440,000 people.", Some("Q4 2023"), &[],
        &["440000 count; _; Amazon; headcount; Q4 2023"]),
    // What a forecast was before it was revised is a forecast of the same period; a
    // level left otherwise is of an earlier one the sentence does not name.
    ("The company raised its 2025 revenue guidance to $450 billion from $440 billion.", None, &[],
        &["450e9 USD; _; Amazon; revenue; 2025", "440e9 USD; _; Amazon; revenue; 2025"]),
    ("Revenue rose to $450 billion in 2025 from $440 billion.", None, &[],
        &["450e9 USD; _; Amazon; revenue; 2025", "440e9 USD; _; Amazon; revenue; _"]),
    // A period after a verb of beginning in a clause of its own dates what began.
    ("The medical care ratio was 84.3%, reflecting higher activity among seniors that began last year.", Some("Q1 2024"), &[],
        &["84.3 %; _; Amazon; medical care ratio; Q1 2024"]),
    // A health insurer's measures; a loss said again per share is a loss.
    ("The medical care ratio was 85.0%, up 240 basis points, and earnings from operations were $8.0 billion.", Some("Q4 2023"), &[],
        &["85 %; up 240 bps; Amazon; medical care ratio; Q4 2023", "8e9 USD; _; Amazon; operating income; Q4 2023"]),
    ("UnitedHealthcare served 48.9 million members at the end of March, and the MCR was 84.3%.", Some("Q1 2024"), &[],
        &["48.9e6 count; _; Amazon; subscribers; Q1 2024", "84.3 %; _; Amazon; medical care ratio; Q1 2024"]),
    ("The company reported a net loss of $1.4 billion, or $1.53 per share.", Some("Q1 2024"), &[],
        &["-1.4e9 USD; _; Amazon; net income; Q1 2024", "-1.53 USD; _; Amazon; eps; Q1 2024"]),
    ("Net income was $2.1 billion, or $1.53 per share.", Some("Q1 2024"), &[],
        &["2.1e9 USD; _; Amazon; net income; Q1 2024", "1.53 USD; _; Amazon; eps; Q1 2024"]),
    ("Days claims payable stood at 47.8, down from 48.4 a year earlier.", Some("Q4 2023"), &[],
        &["47.8 count; _; Amazon; days claims payable; Q4 2023", "48.4 count; _; Amazon; days claims payable; Q4 2022"]),
    ("Azure revenue was up 33% and Office revenue 9% in the quarter.", Some("Q3 2024"), &[],
        &["_; up 33 %; Amazon; azure revenue; Q3 2024", "_; up 9 %; Amazon; office revenue; Q3 2024"]),
    ("Fulfillment costs, % of net sales: 15.4%", Some("FY 2024"), &[],
        &["15.4 %; _; Amazon; fulfillment costs; FY 2024"]),
    ("We signed 164,000 rooms in 2024, and 1,000 employees hired this year brought the total to 418,000 employees.", None, &[],
        &["164000 count; _; Amazon; rooms; 2024", "1000 count; _; Amazon; employees hired; 2024", "418000 count; _; Amazon; headcount; 2024"]),
    ("Worldwide RevPAR rose 5.0%, with ADR up 3.1% and occupancy of 70.1%, up 1.2 points.", Some("Q3 2024"), &[],
        &["_; up 5 %; Amazon; revpar; Q3 2024", "_; up 3.1 %; Amazon; adr; Q3 2024", "70.1 %; up 120 bps; Amazon; occupancy; Q3 2024"]),
    ("On RevPAR you did 4.1% in the quarter, on RevPAR of $185.20.", Some("Q4 2024"), &[],
        &["_; up 4.1 %; Amazon; revpar; Q4 2024", "185.2 USD; _; Amazon; revpar; Q4 2024"]),
    ("We expect rooms growth of 4.5% to 5% in 2025.", Some("Q4 2024"), &[],
        &["_; up 4.5 %; Amazon; rooms; 2025"]),
    ("Wireless Service revenue rose 3.1% to $77.0 billion.", Some("FY 2024"), &["Wireless Service"],
        &["77e9 USD; up 3.1 %; Wireless Service; revenue; FY 2024"]),
    ("Service revenues were $4.17 billion, up 9%, and client incentives rose 11% to $3.33 billion.", Some("Q4 2024"), &[],
        &["4.17e9 USD; up 9 %; Amazon; service revenues; Q4 2024", "3.33e9 USD; up 11 %; Amazon; client incentives; Q4 2024"]),
    ("Payments volume grew 8% in constant dollars, and processed transactions reached 60.6 billion.", Some("Q4 2024"), &[],
        &["_; up 8 %; Amazon; payments volume; Q4 2024", "60.6e9 count; _; Amazon; processed transactions; Q4 2024"]),
    ("Cross-border volume excluding intra-Europe transactions rose 13%, and total cross-border volume grew 12%.", Some("Q4 2024"), &["Europe"],
        &["_; up 13 %; Amazon; cross-border volume excluding intra-europe; Q4 2024", "_; up 12 %; Amazon; cross-border volume; Q4 2024"]),
    ("Current RPO was $30.2 billion, up 9%, and remaining performance obligation reached $63.4 billion.", Some("Q4 2025"), &[],
        &["30.2e9 USD; up 9 %; Amazon; current remaining performance obligation; Q4 2025",
          "63.4e9 USD; _; Amazon; remaining performance obligation; Q4 2025"]),
    ("GAAP operating margin was eighteen point two percent and non GAAP operating margin was thirty three percent.", Some("Q4 2025"), &[],
        &["18.2 %; _; Amazon; operating margin; Q4 2025", "33 %; _; Amazon; non-gaap operating margin; Q4 2025"]),
    ("Europe revenue fell 10% to $2.43 billion and Asia Pacific 11% to $0.74 billion; Platform grew fastest, 12% to $1.83 billion, and Analytics added 7% to reach $1.26 billion.", Some("Q3 2025"), &["Europe", "Asia Pacific", "Platform", "Analytics"],
        &["2.43e9 USD; down 10 %; Europe; revenue; Q3 2025", "740e6 USD; down 11 %; Asia Pacific; revenue; Q3 2025",
          "1.83e9 USD; up 12 %; Platform; _; Q3 2025", "1.26e9 USD; up 7 %; Analytics; revenue; Q3 2025"]),
    ("Data Cloud ARR reached $900 million, annual recurring revenue of AI about $1 billion, and revenue attrition held at 8%.", Some("Q4 2025"), &[],
        &["900e6 USD; _; Amazon; arr; Q4 2025", "~1e9 USD; _; Amazon; arr; Q4 2025", "8 %; _; Amazon; attrition rate; Q4 2025"]),
    ("Payments volume grew 8% and cross-border volume excl. intra-Europe 13%, with processed transactions up 9%; other revenues climbed 21% to $838 million.", Some("Q2 2025"), &["Europe"],
        &["_; up 8 %; Amazon; payments volume; Q2 2025", "_; up 13 %; Amazon; cross-border volume excluding intra-europe; Q2 2025",
          "_; up 9 %; Amazon; processed transactions; Q2 2025", "838e6 USD; up 21 %; Amazon; other revenues; Q2 2025"]),
    ("Operating margin was 33.0%, ahead of the 32.5% guided in February 2024, and revenue $10 billion in January 2025.", Some("FY 2025"), &[],
        &["33 %; _; Amazon; operating margin; FY 2025", "32.5 %; _; Amazon; operating margin; FY 2025",
          "10e9 USD; _; Amazon; revenue; Q1 2025"]),
    ("Client incentives, netted against gross revenue, rose 11% to $3.33 billion.", Some("Q4 2024"), &[],
        &["3.33e9 USD; up 11 %; Amazon; client incentives; Q4 2024"]),
    ("Travel volume grew 14% and remember we lap some tough comparisons in the back half.", Some("Q1 2025"), &[],
        &["_; up 14 %; Amazon; volume; Q1 2025"]),
    ("Travel volume grew 14% and we expect revenue of $5 billion in the back half.", Some("Q1 2025"), &[],
        &["_; up 14 %; Amazon; volume; Q1 2025", "5e9 USD; _; Amazon; revenue; H2 2025"]),
    ("Foreign exchange cost the operating margin about 20 basis points, a headwind of 30 basis points to it in all.", Some("Q3 2025"), &[],
        &["_; down 20 bps; Amazon; operating margin; Q3 2025", "_; down 30 bps; Amazon; operating margin; Q3 2025"]),
    ("Costs were cut, and the operating margin rose 50 basis points; we ended the year at 76,453 people and currency takes 40 basis points off the margin.", Some("FY 2025"), &[],
        &["_; up 50 bps; Amazon; operating margin; FY 2025", "76453 count; _; Amazon; people; FY 2025", "_; down 40 bps; Amazon; operating margin; FY 2025"]),
    ("Currency will be a headwind of about 5 points to net revenues.", Some("Q1 2025"), &[],
        &["_; down 5 %; Amazon; revenue; Q1 2025"]),
    ("Gross fee revenues rose 7% to $1.3 billion and net rooms growth was 6.8%; the ADRs closed at $175.20.", Some("Q3 2024"), &[],
        &["1.3e9 USD; up 7 %; Amazon; gross fee revenues; Q3 2024", "_; up 6.8 %; Amazon; rooms; Q3 2024",
          "175.2 USD; _; Amazon; share price; Q3 2024"]),
    ("The ADRs closed at $175.20, and JPMorgan Chase shares touched a record $276.50; diluted earnings per share reached $1.95.", None, &[],
        &["175.2 USD; _; Amazon; share price; _", "276.5 USD; _; Amazon; share price; _", "1.95 USD; _; Amazon; eps; _"]),
    ("At $112.69 the shares trade at about 26 times earnings.", None, &[],
        &["112.69 USD; _; Amazon; share price; _", "~26 x; _; Amazon; price to earnings; _"]),
    ("CCB still employs almost half of the firm's 317,233 people.", Some("FY 2024"), &["CCB"],
        &["317233 count; _; Amazon; headcount; FY 2024"]),
    ("AWS, still the group's profit engine, produced $10.6 billion of operating income.", Some("Q4 2024"), &["AWS"],
        &["10.6e9 USD; _; AWS; operating income; Q4 2024"]),
    ("Price/mix was 5% and volume 2% in the year.", Some("FY 2024"), &[],
        &["_; up 5 %; Amazon; price/mix; FY 2024", "_; up 2 %; Amazon; volume; FY 2024"]),
    ("Juice volume: −1%", Some("FY 2024"), &[],
        &["_; down 1 %; Amazon; volume; FY 2024"]),
    ("Operating margin: −5%", Some("FY 2024"), &[],
        &["-5 %; _; Amazon; operating margin; FY 2024"]),
    ("We delivered 13% organic revenue growth and expect four to six percent revenue growth.", Some("Q4 2024"), &[],
        &["_; up 13 %; Amazon; revenue; Q4 2024", "_; up 4 %; Amazon; revenue; Q4 2024"]),
    ("Shipments fell after a 5% volume decline.", Some("Q4 2024"), &[],
        &["_; down 5 %; Amazon; volume; Q4 2024"]),
    ("The shares trade at about 24 times our 2025 comparable EPS estimate.", None, &[],
        &["~24 x; _; Amazon; price to earnings; 2025"]),
    ("At $71.60 the shares trade at about 40 times our 2025 EPS estimate of $2.97 and about 32 times our 2026 estimate of $3.20.", None, &[],
        &["71.6 USD; _; Amazon; share price; _", "~40 x; _; Amazon; price to earnings; 2025", "2.97 USD; _; Amazon; eps; 2025",
          "~32 x; _; Amazon; price to earnings; 2026", "3.2 USD; _; Amazon; eps; 2026"]),
    ("Operating margin rose 1.2 points to 30%.", Some("Q3 2024"), &[],
        &["30 %; up 120 bps; Amazon; operating margin; Q3 2024"]),
    ("Currency was a 5-point headwind to net revenues.", Some("Q3 2024"), &[],
        &["_; down 5 %; Amazon; revenue; Q3 2024"]),
    ("Comparable EPS grew 5% to $0.77 despite an 8-point currency headwind.", Some("Q3 2024"), &[],
        &["0.77 USD; up 5 %; Amazon; comparable eps; Q3 2024", "_; down 8 %; Amazon; comparable eps; Q3 2024"]),
    ("Of the nine points of price mix about four came from Argentina.", Some("Q3 2024"), &[],
        &["_; up 9 %; Amazon; price/mix; Q3 2024"]),
    ("We have two points to make, and the Dow fell 30 points.", Some("Q3 2024"), &[],
        &[]),
    ("Comparable EPS was $0.77, up 5%, and comparable currency neutral EPS grew 16%.", Some("Q3 2024"), &[],
        &["0.77 USD; up 5 %; Amazon; comparable eps; Q3 2024", "_; up 16 %; Amazon; comparable eps; Q3 2024"]),
    ("Comparable sales rose 4%. On a comparable basis, revenue grew 3%.", Some("Q3 2024"), &[],
        &["_; up 4 %; Amazon; comparable sales; Q3 2024", "_; up 3 %; Amazon; revenue; Q3 2024"]),
    ("Price/mix grew 10%, concentrate sales fell 1% and unit case volume grew 2%.", Some("Q3 2024"), &[],
        &["_; up 10 %; Amazon; price/mix; Q3 2024", "_; down 1 %; Amazon; concentrate sales; Q3 2024",
          "_; up 2 %; Amazon; unit case volume; Q3 2024"]),
    ("Organic growth was 7.2%, made up of real internal growth of −0.3% and pricing of 7.5%.", Some("FY 2023"), &[],
        &["_; up 7.2 %; Amazon; revenue; FY 2023", "_; down 0.3 %; Amazon; real internal growth; FY 2023",
          "_; up 7.5 %; Amazon; pricing; FY 2023"]),
    ("Zone Europe grew 7.9% on pricing of 10.2%, while its RIG was −2.3%.", Some("FY 2023"), &["Zone Europe"],
        &["_; up 7.9 %; Zone Europe; revenue; FY 2023", "_; up 10.2 %; Zone Europe; pricing; FY 2023",
          "_; down 2.3 %; Zone Europe; real internal growth; FY 2023"]),
    ("The UTOP margin was 17.2%, up 30 basis points, on underlying trading operating profit of $15.7 billion.", Some("FY 2024"), &[],
        &["17.2 %; up 30 bps; Amazon; underlying trading operating margin; FY 2024",
          "15.7e9 USD; _; Amazon; underlying trading operating income; FY 2024"]),
    ("Homeowners pricing rose about 10% and casualty pricing was up more than eleven percent.", Some("Q3 2024"), &[],
        &["_; up 10 %; Amazon; _; Q3 2024", "_; up 11 %; Amazon; _; Q3 2024"]),
    ("The guide assumes net pricing down about 1% to 2%.", Some("FY 2025"), &[],
        &["_; down 1 %; Amazon; net pricing; FY 2025"]),
    ("Revenue was $84.7 billion, which is organic growth of one percent.", Some("FY 2024"), &[],
        &["84.7e9 USD; up 1 %; Amazon; revenue; FY 2024"]),
    ("Adjusted EBITDA rose 35% to $1.87 billion, 4.4% of gross bookings, up about 70 basis points from 3.7% a year earlier.", Some("Q1 2025"), &[],
        &["1.87e9 USD; up 35 %; Amazon; adjusted ebitda; Q1 2025", "4.4 %; up 70 bps; Amazon; adjusted ebitda margin; Q1 2025",
          "3.7 %; _; Amazon; adjusted ebitda margin; Q1 2024"]),
    ("Gross bookings grew 21% to $44.2 billion and the take rate was 27.1%.", Some("Q4 2024"), &[],
        &["44.2e9 USD; up 21 %; Amazon; gross bookings; Q4 2024", "27.1 %; _; Amazon; take rate; Q4 2024"]),
    ("HPC was 51% of revenue, up 58%.", Some("FY 2024"), &["HPC"],
        &["51 %; _; HPC; _; FY 2024", "_; up 58 %; HPC; _; FY 2024"]),
    ("Sales were ninety one point four billion swiss francs down two point zero percent and EPS was four francs seventy six.", Some("FY 2024"), &[],
        &["91.4e9 CHF; down 2 %; Amazon; revenue; FY 2024", "4.76 CHF; _; Amazon; eps; FY 2024"]),
    ("Revenue was 50 billion Norwegian kroner, or 6 billion Canadian dollars.", Some("FY 2024"), &[],
        &["50e9 NOK; _; Amazon; revenue; FY 2024", "6e9 CAD; _; Amazon; revenue; FY 2024"]),
    ("Trips grew 21% to 2.57 billion and monthly active platform consumers (MAPCs) reached 149 million, up 15%.", Some("Q1 2024"), &[],
        &["2.57e9 count; up 21 %; Amazon; trips; Q1 2024", "149e6 count; up 15 %; Amazon; monthly active platform consumers; Q1 2024"]),
    ("Operating cash flow was $1.42 billion and free cash flow $1.36 billion, which lifted free cash flow over the trailing twelve months to $4.2 billion.", Some("Q1 2024"), &[],
        &["1.42e9 USD; _; Amazon; operating cash flow; Q1 2024", "1.36e9 USD; _; Amazon; free cash flow; Q1 2024",
          "4.2e9 USD; _; Amazon; free cash flow; TTM Q1 2024"]),
    ("Underlying trading operating profit came to $16.1 billion and its margin reached 17.3%, up 20 basis points.", Some("FY 2023"), &[],
        &["16.1e9 USD; _; Amazon; underlying trading operating income; FY 2023",
          "17.3 %; up 20 bps; Amazon; underlying trading operating margin; FY 2023"]),
    ("Pricing: +2.4% in the first quarter of 2024.", None, &[],
        &["_; up 2.4 %; Amazon; pricing; Q1 2024"]),
    ("Average daily volume fell 3.2% to 17.56 million and revenue per piece rose 0.5% to $12.78.", Some("Q1 2024"), &[],
        &["17.56e6 count; down 3.2 %; Amazon; average daily volume; Q1 2024", "12.78 USD; up 0.5 %; Amazon; revenue per piece; Q1 2024"]),
    ("HPC rose 14% sequentially to 60% of revenue.", Some("Q2 2025"), &["HPC"],
        &["_; up 14 % QoQ; HPC; revenue; Q2 2025", "60 %; _; HPC; _; Q2 2025"]),
    ("Cloud revenue doubled.", Some("Q4 2024"), &[],
        &["_; up 2 x; Amazon; cloud revenue; Q4 2024"]),
    ("We expect it to double again in 2025.", Some("Q4 2024"), &[],
        &["_; up 2 x; Amazon; _; 2025"]),
    ("Revenue grew at a double-digit rate and margins had a double benefit; triple-A bonds funded it.", Some("Q4 2024"), &[],
        &[]),
    ("Revenue was $10 billion, more than double the $4.5 billion of 2021.", Some("Q4 2024"), &[],
        &["10e9 USD; up 2 x; Amazon; revenue; Q4 2024", "4.5e9 USD; _; Amazon; revenue; 2021"]),
    ("Operating margin rose 500 basis points to 47.5%. Net profit margin reached 42.8%.", Some("Q3 2024"), &[],
        &["47.5 %; up 500 bps; Amazon; operating margin; Q3 2024", "42.8 %; _; Amazon; net margin; Q3 2024"]),
    ("Shipments of 3nm accounted for 20% of wafer revenue in the quarter.", Some("Q3 2024"), &[],
        &["20 %; _; Amazon; _; Q3 2024"]),
    ("Fulfillment costs fell to 15.4% of net sales.", Some("FY 2024"), &[],
        &["15.4 %; _; Amazon; fulfillment costs; FY 2024"]),
    ("October revenue rose 29.2% from September to NT$314.24 billion.", None, &[],
        &["314.24e9 TWD; up 29.2 %; Amazon; monthly revenue; _"]),
    ("June revenue fell 17.7% month over month to NT$263.71 billion, up 26.9% year over year.", None, &[],
        &["263.71e9 TWD; down 17.7 %; Amazon; monthly revenue; _", "_; up 26.9 % YoY; Amazon; monthly revenue; _"]),
    ("We expect revenue to be between US$25.0 billion and US$25.8 billion.", Some("Q1 2025"), &[],
        &["25e9..25.8e9 USD; _; Amazon; revenue; Q1 2025"]),
    ("Gross margin is guided at 57% to 59%, assuming 1 US dollar to 32.8 NT dollars.", Some("Q1 2025"), &[],
        &["57..59 %; _; Amazon; gross margin; Q1 2025", "32.8 TWD; _; Amazon; usd exchange rate; Q1 2025"]),
    ("We expect our long-term revenue growth to approach a 20% CAGR.", Some("Q4 2024"), &[],
        &["_; up 20 %; Amazon; revenue; _"]),
    ("Our capital budget will be between US$38 billion and US$42 billion in 2025.", None, &[],
        &["38e9..42e9 USD; _; Amazon; capital expenditures; 2025"]),
    ("Revenue increased 14.3% sequentially in NT dollar terms to NT$868.46 billion.", Some("Q4 2024"), &[],
        &["868.46e9 TWD; up 14.3 % QoQ; Amazon; revenue; Q4 2024"]),
    ("Gross margin increased 1.2 percentage points from the third quarter to 59.0%.", Some("Q4 2024"), &[],
        &["59 %; up 120 bps QoQ; Amazon; gross margin; Q4 2024"]),
    ("In 2024 shipping costs rose 7%, slower than total sales, which grew 11%.", None, &[],
        &["_; up 7 %; Amazon; shipping costs; 2024", "_; up 11 %; Amazon; revenue; 2024"]),
    ("Revenue was NT$868.46 billion and net income NT$374.68 billion.", Some("Q4 2024"), &[],
        &["868.46e9 TWD; _; Amazon; revenue; Q4 2024", "374.68e9 TWD; _; Amazon; net income; Q4 2024"]),
    ("revenue was eight hundred sixty eight billion NT dollars or twenty six point nine billion US dollars", Some("Q4 2024"), &[],
        &["868e9 TWD; _; Amazon; revenue; Q4 2024", "26.9e9 USD; _; Amazon; revenue; Q4 2024"]),
    ("Gross margin increased 1.2 percentage points to 59.0%.", Some("Q4 2024"), &[],
        &["59 %; up 120 bps; Amazon; gross margin; Q4 2024"]),
    ("Operating margin rose 1.5pp.", Some("Q4 2024"), &[],
        &["_; up 150 bps; Amazon; operating margin; Q4 2024"]),
    ("The stronger dollar added about point four percentage points.", Some("Q4 2024"), &[],
        &["_; up 40 bps; Amazon; _; Q4 2024"]),
    ("The stock trades at 32x forward earnings and yields 0.5%.", Some("Q4 2024"), &[],
        &["32 x; _; Amazon; price to earnings; Q4 2024", "0.5 %; _; Amazon; _; Q4 2024"]),
    ("At thirty two times earnings the shares yield one percent.", Some("Q4 2024"), &[],
        &["32 x; _; Amazon; price to earnings; Q4 2024", "1 %; _; Amazon; _; Q4 2024"]),
    ("Model e posted a loss of $1.4 billion.", Some("Q4 2024"), &["Model e"],
        &["-1.4e9 USD; _; Model e; operating income; Q4 2024"]),
    ("Ford guided to a Model e loss of between $5 billion and $5.5 billion for 2025.", Some("Q4 2024"), &["Model e"],
        &["-5e9..-5.5e9 USD; _; Model e; operating income; 2025"]),
    ("Marketing delivered adjusted earnings of $1.39 billion, up 15% on the second quarter.", Some("Q3 2024"), &["Marketing"],
        &["1.39e9 USD; up 15 % QoQ; Marketing; adjusted earnings; Q3 2024"]),
    ("Marketing adjusted earnings were eight hundred and sixty three million dollars.", Some("Q4 2024"), &["Marketing"],
        &["863e6 USD; _; Marketing; adjusted earnings; Q4 2024"]),
    ("Marketing expenses were $2.1 billion.", Some("Q4 2024"), &["Marketing"],
        &["2.1e9 USD; _; Amazon; marketing; Q4 2024"]),
    ("AWS revenue grew 13% year-over-year to $24.2 billion.", Some("Q4 2023"), &["AWS"],
        &["24.2e9 USD; up 13 % YoY; AWS; revenue; Q4 2023"]),
    ("Advertising services revenue reached $56.2 billion in 2024, up 20% from $46.9 billion in 2023.", None, &[],
        &["56.2e9 USD; up 20 %; Amazon; advertising revenue; 2024", "46.9e9 USD; _; Amazon; advertising revenue; 2023"]),
    ("Advertising grew 26% year-over-year.", Some("Q4 2023"), &["Advertising"],
        &["_; up 26 % YoY; Advertising; revenue; Q4 2023"]),
    ("Advertising revenue was $14.7 billion, up 27% year over year.", Some("Q4 2023"), &["Advertising"],
        &["14.7e9 USD; up 27 % YoY; Advertising; revenue; Q4 2023"]),
    ("In our international segment we are now operating loss of $419 million an improvement of $1.8 billion year-over-year.", Some("Q4 2023"), &["International"],
        &["-419e6 USD; up 1.8e9 USD YoY; International; operating income; Q4 2023"]),
    ("The project aims to provide broadband connectivity to the 400 to 500 million households who don't have it today.", None, &["Project Kuiper"],
        &["400e6..500e6 count; _; Amazon; households; _"]),
    ("Amazon delivered more than 7 billion items to Prime members in the same or next day in 2023.", None, &[],
        &["~7e9 count; _; Amazon; items delivered; 2023"]),
    ("Tranium 2 offers four times faster training performance and three times more memory capacity.", None, &[],
        &["_; up 4 x; Amazon; training performance; _", "_; up 3 x; Amazon; memory capacity; _"]),
    // A "trailing twelve months" that is part of a metric's name dates that metric's
    // figure only; with no quarter to end it, it still is words about time, which the
    // metric is named past.
    ("We posted 150 billion in revenue up 11 percent and 30.2 billion in trailing 12-month free cash flow.", Some("Q3 2024"), &[],
        &["150e9 USD; up 11 %; Amazon; revenue; Q3 2024", "30.2e9 USD; _; Amazon; free cash flow; TTM Q3 2024"]),
    ("Sales came to $150 billion, up 11%, and $30.2 billion in trailing twelve-month free cash flow.", None, &[],
        &["150e9 USD; up 11 %; Amazon; revenue; _", "30.2e9 USD; _; Amazon; free cash flow; _"]),
    // A run-on answer from a call transcript: a period said fifty words before a figure
    // is another part of the answer's.
    ("yeah so on the stores side we opened the first of the new format locations back in 2019 and we have learned a lot since then about how customers want to shop with us and what they value in terms of selection and speed and price and convenience and so we keep iterating on that and you know we will keep testing new things in more cities over time because that is how we learn what works and what does not and then on the subscription side we grew revenue 11 percent year-over-year", Some("Q2 2025"), &[],
        &["_; up 11 % YoY; Amazon; revenue; Q2 2025"]),
    // Typographic variants read as their ASCII forms: non-breaking hyphens and spaces,
    // the multiplication sign.
    ("AWS revenue grew 13\u{202F}% year\u{2011}over\u{2011}year to $24.2\u{00A0}billion.", Some("Q4 2023"), &["AWS"],
        &["24.2e9 USD; up 13 % YoY; AWS; revenue; Q4 2023"]),
    ("The new chip trains 4\u{00D7} faster, and capex was $48.4 billion in fiscal\u{2010}year 2023.", None, &[],
        &["_; up 4 x; Amazon; _; _", "48.4e9 USD; _; Amazon; capital expenditures; FY 2023"]),
    // A dividend is paid per share, and is no earnings per share for it.
    ("The board declared a quarterly dividend of $0.83 per share, up 10% from $0.75 a year earlier.", Some("Q3 2024"), &[],
        &["0.83 USD; up 10 %; Amazon; dividend per share; Q3 2024", "0.75 USD; _; Amazon; dividend per share; Q3 2023"]),
    // … and so is one said after the dividends paid, or after a dividend raised.
    ("It paid $6.7 billion in dividends, or $0.83 per share, and earned $2.41 per share.", Some("FY 2025"), &[],
        &["6.7e9 USD; _; Amazon; dividends; FY 2025", "0.83 USD; _; Amazon; dividend per share; FY 2025", "2.41 USD; _; Amazon; eps; FY 2025"]),
    ("The board raised the annual dividend by 13% to 94 cents a share.", Some("FY 2026"), &[],
        &["0.94 USD; up 13 %; Amazon; dividend per share; FY 2026"]),
    // A rate "on" a period compares with it: "down 6% on 2024" dates the level 2025.
    ("Adjusted expense should come to about $95 billion in 2025, down about 6% on 2024.", None, &[],
        &["~95e9 USD; down 6 % YoY; Amazon; adjusted expense; 2025"]),
    // Bare "expenses" are the total; a line of the income statement is named whole, and
    // the "sales" of "sales and marketing" are no revenue.
    ("Sales and marketing expenses rose 8% to $5.1 billion, and the full-year guide implies Q4 expenses of roughly $25 billion.", Some("Q4 2024"), &[],
        &["5.1e9 USD; up 8 %; Amazon; sales and marketing; Q4 2024", "~25e9 USD; _; Amazon; costs and expenses; Q4 2024"]),
    // A dividend of a few dollars with no scale word is paid per share; billions are not.
    ("The board kept the dividend, which is now a dollar twenty five, after paying dividends of $14.8 billion.", Some("FY 2024"), &[],
        &["1.25 USD; _; Amazon; dividend per share; FY 2024", "14.8e9 USD; _; Amazon; dividends; FY 2024"]),
    // The margin a guide is given with is no figure: it makes the figure approximate.
    ("Revenue is expected to be $37.5 billion, plus or minus 2%, and gross margin 73.5%, +/- 50 basis points.", Some("Q4 2025"), &[],
        &["~37.5e9 USD; _; Amazon; revenue; Q4 2025", "~73.5 %; _; Amazon; gross margin; Q4 2025"]),
    // A non-GAAP figure is another figure than the GAAP one of the same period.
    ("GAAP gross margin was 73.0% and non-GAAP gross margin was 73.5%, and non-GAAP earnings per diluted share were $0.89.", Some("Q4 2025"), &[],
        &["73 %; _; Amazon; gross margin; Q4 2025", "73.5 %; _; Amazon; non-gaap gross margin; Q4 2025", "0.89 USD; _; Amazon; non-gaap eps; Q4 2025"]),
    // So is one said non-GAAP after its number, and a non-GAAP EPS named so.
    ("Gross margin was 82.2% on a reported basis and 82.9% on a non-GAAP basis; reported EPS was $1.07 and non-GAAP EPS $1.18.", Some("Q4 2024"), &[],
        &["82.2 %; _; Amazon; gross margin; Q4 2024", "82.9 %; _; Amazon; non-gaap gross margin; Q4 2024", "1.07 USD; _; Amazon; eps; Q4 2024", "1.18 USD; _; Amazon; non-gaap eps; Q4 2024"]),
    // So is one whose qualifier follows its name after a comma or in brackets, as a
    // table's row labels write it; "adjusted for" after a metric is no qualifier.
    ("EPS, non-GAAP was $5.32 and operating margin (adjusted) was 41%.", Some("Q4 2024"), &[],
        &["5.32 USD; _; Amazon; non-gaap eps; Q4 2024", "41 %; _; Amazon; adjusted operating margin; Q4 2024"]),
    ("Free cash flow adjusted for finance leases was $35.5 billion.", Some("Q4 2023"), &[],
        &["35.5e9 USD; _; Amazon; free cash flow; Q4 2023"]),
    // "higher than the $39.1 billion posted in Q2" names an earlier value, whose period
    // dates no other figure of the sentence; "more than $5 billion" is a bound, not a
    // comparison.
    ("Revenue of $40.6 billion was higher than the $39.1 billion posted in Q2, and more than $5 billion came from Reels.", Some("Q3 2024"), &[],
        &["40.6e9 USD; _; Amazon; revenue; Q3 2024", "39.1e9 USD; _; Amazon; revenue; Q2 2024", "~5e9 USD; _; Amazon; revenue; Q3 2024"]),
    // A quarter said of one figure and a trailing span said of the next: each dates its
    // own, and the span ends with the quarter.
    ("free cash flow was seventeen point six billion in the third quarter and fifty five point eight billion for the trailing twelve months", Some("Q3 2024"), &[],
        &["17.6e9 USD; _; Amazon; free cash flow; Q3 2024", "55.8e9 USD; _; Amazon; free cash flow; TTM Q3 2024"]),
    // "the year before" right after an earlier value dates it before a period said
    // further on in the sentence.
    ("Capital expenditures were $48.4 billion in 2023, down from $58.3 billion the year before, and executives expect them to rise in 2024.", None, &[],
        &["48.4e9 USD; _; Amazon; capital expenditures; 2023", "58.3e9 USD; _; Amazon; capital expenditures; 2022"]),
    ("Ad sales reached $46.9 billion in 2023, up 24% from $37.7 billion a year earlier, and the fourth quarter alone brought in $14.7 billion.", None, &[],
        &["46.9e9 USD; up 24 %; Amazon; advertising revenue; 2023", "37.7e9 USD; _; Amazon; advertising revenue; 2022", "14.7e9 USD; _; Amazon; _; Q4 2023"]),
    // A unit glued to its number by a hyphen is the number's ("the 50-cent dividend", "a
    // 10-percent rise"); a word so glued is a name ("a 12-month plan", "the 10-K").
    ("The 50-cent quarterly dividend stays, as the 12-month plan in the 10-K says.", Some("Q3 2024"), &[],
        &["0.5 USD; _; Amazon; dividend per share; Q3 2024"]),
    ("Revenue saw a 10-percent rise.", Some("Q3 2024"), &[],
        &["_; up 10 %; Amazon; revenue; Q3 2024"]),
    // Nothing per share comes in billions: the dividend's cost is no dividend per share.
    ("The quarterly dividend of 50 cents a share costs about $1.3 billion a quarter.", Some("Q3 2024"), &[],
        &["0.5 USD; _; Amazon; dividend per share; Q3 2024", "~1.3e9 USD; _; Amazon; _; Q3 2024"]),
    // "more than last year" is a basis, not a value compared with.
    ("The network handled about 8 billion items in Q4 2018, roughly 13% more than last year.", None, &[],
        &["~8e9 count; up 13 % YoY; Amazon; items; Q4 2018"]),
    // Sales of systems are a part of revenue, not all of it.
    ("Net system sales came to €7,117 million and total net sales were €9,263 million.", Some("Q4 2024"), &[],
        &["7.117e9 EUR; _; Amazon; system sales; Q4 2024", "9.263e9 EUR; _; Amazon; revenue; Q4 2024"]),
    // A period's "alone" names no line of business; shares repurchased are repurchases, a
    // repurchase program is an authorization, and a rate that leads to a dividend per
    // share ("raised the quarterly dividend 15% to $1.50") is its change.
    ("In the fourth quarter alone revenue rose 45% to $13.53 billion; we paid $4.68 billion in dividends and repurchased $2.90 billion of our shares.", Some("Q4 2024"), &[],
        &["13.53e9 USD; up 45 %; Amazon; revenue; Q4 2024", "4.68e9 USD; _; Amazon; dividends; Q4 2024", "2.9e9 USD; _; Amazon; share repurchases; Q4 2024"]),
    ("In December we raised the quarterly dividend 15% to $1.50 per share and authorized a new $15 billion share repurchase program.", Some("Q4 2024"), &[],
        &["1.5 USD; up 15 %; Amazon; dividend per share; Q4 2024", "15e9 USD; _; Amazon; share repurchase authorization; Q4 2024"]),
    // A product "on the market" says where it is sold, not what a market is worth; Eli
    // Lilly's name for its selling costs is a line of its own.
    ("Zepbound, in its third full quarter on the market, brought in $1.26 billion, and marketing, selling and administrative expenses climbed 10% to $2.10 billion.", Some("Q3 2024"), &[],
        &["1.26e9 USD; _; Amazon; _; Q3 2024", "2.1e9 USD; up 10 %; Amazon; marketing, selling and administrative; Q3 2024"]),
    // A speaker's "it" after the segment turned to, and a period between topic and figure.
    ("on Trulicity it was down twenty five percent in the quarter", Some("Q4 2024"), &["Trulicity"],
        &["_; down 25 %; Trulicity; revenue; Q4 2024"]),
    ("so Trulicity finished twenty twenty four at five point two five billion dollars down twenty six percent", Some("Q4 2024"), &["Trulicity"],
        &["5.25e9 USD; down 26 %; Trulicity; revenue; 2024"]),
    // A rate restated in constant currency after the level a change led to is a change.
    ("Revenue in Europe rose 39% to $2.11 billion, or 40% in constant currency.", Some("Q4 2024"), &["Europe"],
        &["2.11e9 USD; up 39 %; Europe; revenue; Q4 2024", "_; up 40 %; Europe; revenue; Q4 2024"]),
    // What a change in revenue is made of: volume and price; a drag is a fall.
    ("U.S. revenue grew 52% to $9.36 billion, on volume growth of 56%, partly offset by a 4% decline in realized prices; currency was a drag of about 1%.", Some("Q4 2024"), &[],
        &["9.36e9 USD; up 52 %; Amazon; us revenue; Q4 2024", "_; up 56 %; Amazon; volume; Q4 2024", "_; down 4 %; Amazon; realized prices; Q4 2024", "_; down 1 %; Amazon; _; Q4 2024"]),
    // A forecast that names no metric is of the figure before it in its unit.
    ("Revenue rose 20% to $11.44 billion, against $9.50 billion a year earlier, and fell short of the roughly $12.10 billion analysts had expected.", Some("Q3 2024"), &[],
        &["11.44e9 USD; up 20 %; Amazon; revenue; Q3 2024", "9.5e9 USD; _; Amazon; revenue; Q3 2023", "~12.1e9 USD; _; Amazon; revenue; Q3 2024"]),
    // Revenue outside a place is not all of the company's: a label of its own, so that
    // it is no false conflict with the total.
    ("Revenue was $169.96 billion, and revenue outside North America rose 9% to $40.2 billion.", Some("Q4 2023"), &["North America"],
        &["169.96e9 USD; _; Amazon; revenue; Q4 2023", "40.2e9 USD; up 9 %; Amazon; outside north america revenue; Q4 2023"]),
    // A figure that leaves a part out is not the whole's, nor the part's.
    ("Net interest income was $23.5 billion; NII ex. Markets $22.9 billion.", Some("Q3 2024"), &["Markets"],
        &["23.5e9 USD; _; Amazon; net interest income; Q3 2024", "22.9e9 USD; _; Amazon; net interest income excluding markets; Q3 2024"]),
    ("Revenue excluding Markets rose 4% to $36.3 billion.", Some("Q3 2024"), &["Markets"],
        &["36.3e9 USD; up 4 %; Amazon; revenue excluding markets; Q3 2024"]),
    // A count outside a place says what it counts.
    ("Amazon's stores business outside North America covers more than 20 countries.", Some("Q4 2023"), &["North America"],
        &["~20 count; _; Amazon; countries; Q4 2023"]),
    // "than in" a period compares with it.
    ("In the fourth quarter, GAAP gross margin was 73.0% and non-GAAP gross margin was 73.5%, lower than in the third quarter.", Some("Q4 2025"), &[],
        &["73 %; _; Amazon; gross margin; Q4 2025", "73.5 %; _; Amazon; non-gaap gross margin; Q4 2025"]),
    // A verb before "revenue" names no line of business.
    ("For the fourth quarter management expects revenue of $37.5 billion.", Some("Q3 2025"), &[],
        &["37.5e9 USD; _; Amazon; revenue; Q4 2025"]),
    // A second change right after a level's is of the same metric.
    ("Networking revenue was $3.0 billion, down 3% sequentially but up 52% year on year.", Some("Q4 2025"), &[],
        &["3e9 USD; down 3 % QoQ; Amazon; networking revenue; Q4 2025", "_; up 52 % YoY; Amazon; networking revenue; Q4 2025"]),
    // The balance sheet's cash as filings write it, commitments and what is left to buy back.
    ("It ended the year with $43.2 billion of cash, cash equivalents and marketable securities, and purchase commitments of $30.8 billion.", Some("FY 2025"), &[],
        &["43.2e9 USD; _; Amazon; cash and marketable securities; FY 2025", "30.8e9 USD; _; Amazon; purchase commitments; FY 2025"]),
    ("At the end of the year its remaining repurchase authorization was $38.7 billion.", Some("FY 2025"), &[],
        &["38.7e9 USD; _; Amazon; share repurchase authorization; FY 2025"]),
    // A gain in money, said as a noun, is one booked: a level, and no profit of its own.
    ("Profit jumped 25% to $18.1 billion, lifted by a $7.9 billion gain on its Visa shares, and the bank will book a gain of about $2.6 billion.", Some("Q2 2024"), &[],
        &["18.1e9 USD; up 25 %; Amazon; net income; Q2 2024", "7.9e9 USD; _; Amazon; _; Q2 2024", "~2.6e9 USD; _; Amazon; _; Q2 2024"]),
    // An acronym's plural is a noun a number counts.
    ("The cloud providers bought 3.6 million GPUs and consumers 1.3 million PCs.", Some("FY 2025"), &[],
        &["3.6e6 count; _; Amazon; gpus; FY 2025", "1.3e6 count; _; Amazon; pcs; FY 2025"]),
    // A valuation multiple is a level of its own measure; a multiple of growth is a change.
    ("The shares trade at about 25 times our fiscal 2026 EPS estimate and 2.1x tangible book value.", None, &[],
        &["~25 x; _; Amazon; price to earnings; FY 2026", "2.1 x; _; Amazon; price to tangible book value; _"]),
    ("The platform delivered 3x revenue growth.", Some("FY 2025"), &[],
        &["_; up 3 x; Amazon; revenue; FY 2025"]),
    // "GAAP and non-GAAP …, respectively": the first figure is the GAAP one.
    ("GAAP and non-GAAP gross margins are expected to be 70.6% and 71.0%, respectively.", Some("Q1 2026"), &[],
        &["70.6 %; _; Amazon; gross margin; Q1 2026", "71 %; _; Amazon; non-gaap gross margin; Q1 2026"]),
    // A bank's measures, and a book value said per share.
    ("Net interest income rose 3% to $23.5 billion, the net charge-off rate was 3.1% and the CET1 ratio stood at 15.7%.", Some("Q3 2024"), &[],
        &["23.5e9 USD; up 3 %; Amazon; net interest income; Q3 2024", "3.1 %; _; Amazon; net charge-off rate; Q3 2024", "15.7 %; _; Amazon; cet1 ratio; Q3 2024"]),
    ("Tangible book value was $97.30 a share and ROTCE was 22%.", Some("Q4 2024"), &[],
        &["97.3 USD; _; Amazon; tangible book value per share; Q4 2024", "22 %; _; Amazon; rotce; Q4 2024"]),
    // A metric named inside a relative clause is the clause's, not the amount's after it.
    ("Net interest income, which the market watches most, came to $92.6 billion.", Some("FY 2024"), &[],
        &["92.6e9 USD; _; Amazon; net interest income; FY 2024"]),
    // The company's own profit is its net income (a segment's is its operating income).
    ("First-quarter 2024 profit at the bank rose 6% to $13.4 billion.", None, &[],
        &["13.4e9 USD; up 6 %; Amazon; net income; Q1 2024"]),
    ("We returned nine billion dollars to shareholders through dividends and share repurchases.", Some("Q1 2025"), &[],
        &["9e9 USD; _; Amazon; shareholder returns; Q1 2025"]),
    ("In fiscal 2024 Microsoft returned $38.4 billion to shareholders: $21.8 billion in dividends and $16.6 billion in share repurchases.", None, &[],
        &["38.4e9 USD; _; Amazon; shareholder returns; FY 2024", "21.8e9 USD; _; Amazon; dividends; FY 2024", "16.6e9 USD; _; Amazon; share repurchases; FY 2024"]),
    ("Diluted earnings were $3.30 per share.", Some("Q3 2024"), &[],
        &["3.3 USD; _; Amazon; eps; Q3 2024"]),
    // Placed in the year-ago quarter by the words after it; "from a year ago" is a basis.
    ("Subscription revenue rose to $11.2 billion, up 11% on top of 9% growth in the year-ago quarter.", Some("Q2 2025"), &[],
        &["11.2e9 USD; up 11 %; Amazon; subscription revenue; Q2 2025", "_; up 9 %; Amazon; subscription revenue; Q2 2024"]),
    ("Store sales were $5.3 billion, up from $5.1 billion in the year-earlier quarter.", Some("Q2 2025"), &[],
        &["5.3e9 USD; _; Amazon; revenue; Q2 2025", "5.1e9 USD; _; Amazon; revenue; Q2 2024"]),
    ("Subscription revenue grew 11% from a year ago.", Some("Q2 2025"), &[],
        &["_; up 11 % YoY; Amazon; subscription revenue; Q2 2025"]),
    // A period of a figure in an aside ("…, bought for $X in 2019, …") dates nothing
    // outside it.
    ("Ring, bought for $1 billion in 2018, now sells more than 40 million devices.", None, &["Ring"],
        &["1e9 USD; _; Ring; acquisition price; 2018", "~40e6 count; _; Ring; devices; _"]),
    // A thousands separator is not the comma that closes an aside.
    ("Ring, bought for $1,000 million and $0.2 billion of debt, sold 40 million devices in 2024.", None, &["Ring"],
        &["1e9 USD; _; Ring; acquisition price; _", "200e6 USD; _; Ring; acquisition price; _", "40e6 count; _; Ring; devices; 2024"]),
    // A change measured "from a year earlier" (or from a period) still leads "to" its level.
    // Words of an earlier period and a colon label the figure after them, not the one
    // before: a scorecard's "(a year earlier: $1.08)".
    ("Adjusted EPS: $1.10 (a year earlier: $1.08).", Some("Q4 2024"), &[],
        &["1.1 USD; _; Amazon; adjusted eps; Q4 2024", "1.08 USD; _; Amazon; adjusted eps; Q4 2023"]),
    ("Operating margin was 5.7% (previous quarter: 6.1%).", Some("Q3 2024"), &[],
        &["5.7 %; _; Amazon; operating margin; Q3 2024", "6.1 %; _; Amazon; operating margin; Q2 2024"]),
    ("Operating income rose 56% from a year earlier to $17.4 billion.", Some("Q3 2024"), &[],
        &["17.4e9 USD; up 56 % YoY; Amazon; operating income; Q3 2024"]),
    // Metrics of an analyst's note beyond the income statement.
    ("Our price target is $510 and we expect an effective tax rate of about 19%.", Some("Q4 2024"), &[],
        &["510 USD; _; Amazon; price target; Q4 2024", "~19 %; _; Amazon; effective tax rate; Q4 2024"]),
    ("Microsoft paid $21.8 billion in dividends.", Some("FY 2024"), &[],
        &["21.8e9 USD; _; Amazon; dividends; FY 2024"]),
    // Dollars and cents said in full are one amount.
    ("Earnings per share was two dollars and ninety five cents, an increase of ten percent.", Some("Q4 2024"), &[],
        &["2.95 USD; up 10 %; Amazon; eps; Q4 2024"]),
    // "the full fiscal year" and "the fiscal year" are the note's year, as "the full year" is.
    ("Cloud revenue surpassed $135 billion for the full fiscal year, up 23%.", Some("Q4 2024"), &[],
        &["135e9 USD; up 23 %; Amazon; cloud revenue; FY 2024"]),
    // Growth said at constant exchange rates ("at CER") or in the currency of the report
    // ("in kroner") leads to its level as "in constant currency" does.
    ("Sales grew 27% at CER to DKK 37.2 billion, and operating profit rose 21% in kroner to DKK 71.3 billion.", Some("Q1 2024"), &[],
        &["37.2e9 DKK; up 27 %; Amazon; revenue; Q1 2024", "71.3e9 DKK; up 21 %; Amazon; operating income; Q1 2024"]),
    // Of two changes before the level they led to, the level's is the first written; the
    // one restated at constant rates, or in other money, stands alone.
    ("Operating profit rose 22% in kroner and 27% at CER to DKK 31.8 billion.", Some("Q1 2024"), &[],
        &["31.8e9 DKK; up 22 %; Amazon; operating income; Q1 2024", "_; up 27 %; Amazon; operating income; Q1 2024"]),
    // A change restated in constant currency (or organically) is a change too.
    ("Azure revenue grew 29% in the quarter and 30% in constant currency.", Some("Q4 2024"), &[],
        &["_; up 29 %; Amazon; azure revenue; Q4 2024", "_; up 30 %; Amazon; azure revenue; Q4 2024"]),
    ("Azure revenue grew 29% in the quarter and 30% in constant currency.", Some("FY 2024"), &[],
        &["_; up 29 %; Amazon; azure revenue; FY 2024", "_; up 30 %; Amazon; azure revenue; FY 2024"]),
    ("Revenue was $20.3 billion, increasing 11% and 12% in constant currency.", Some("Q4 2024"), &[],
        &["20.3e9 USD; up 11 %; Amazon; revenue; Q4 2024", "_; up 12 %; Amazon; revenue; Q4 2024"]),
    // "in the quarter" dates its own figure; it ends no trailing twelve months said before.
    ("Operating cash flow on a trailing twelve month basis was $85 billion, and subscription revenue was $10.5 billion in the quarter.", Some("Q4 2023"), &[],
        &["85e9 USD; _; Amazon; operating cash flow; TTM Q4 2023", "10.5e9 USD; _; Amazon; subscription revenue; Q4 2023"]),
    // The billions a business says it grew to are money even unsaid; what else grew keeps
    // its own unit: a count for a metric of people, unknown for one the lexicon lacks. A
    // speaker who turns to a segment ("On AWS we grew") gives its revenue.
    ("On AWS we grew nineteen percent year over year to twenty seven point five billion.", Some("Q3 2024"), &["AWS"],
        &["27.5e9 USD; up 19 % YoY; AWS; revenue; Q3 2024"]),
    ("Daily active people grew 5% to 3.2 billion.", Some("Q3 2024"), &[],
        &["3.2e9 count; up 5 %; Amazon; daily active people; Q3 2024"]),
    // A metric phrase that ends in the noun a number counts names the count.
    ("Threads has 275 million monthly actives, and 3.29 billion daily active people use our apps.", Some("Q3 2024"), &[],
        &["275e6 count; _; Amazon; monthly active users; Q3 2024", "3.29e9 count; _; Amazon; daily active people; Q3 2024"]),
    ("Daily streamers grew 5% to 3.2 billion.", Some("Q3 2024"), &[],
        &["_; up 5 %; Amazon; _; Q3 2024"]),
    // A comparative after a percentage makes it a change from a baseline, as "four times
    // faster" is.
    ("Graviton4, unveiled in 2023, runs 30% faster than Graviton3.", None, &[],
        &["_; up 30 %; Amazon; _; _"]),
    ("The new instances are 20% cheaper, with 30 40 percent better productivity.", None, &[],
        &["_; down 20 %; Amazon; _; _", "_; up 30 %; Amazon; productivity; _"]),
    ("In 2024 shipping costs rose 7%, less than net sales, which came to $638 billion.", None, &[],
        &["_; up 7 %; Amazon; shipping costs; 2024", "638e9 USD; _; Amazon; revenue; 2024"]),
    // A topic the sentence opens with ("For X,") is its figures' subject, over the
    // default subject named after it.
    ("For Zoox, Amazon expects an operating loss of $1.3 billion in 2025.", None, &["Zoox"],
        &["-1.3e9 USD; _; Zoox; operating income; 2025"]),
    // Placed in the quarter before by the words after it.
    ("Subscription revenue grew 11%, versus 9% growth in the previous quarter.", Some("Q2 2025"), &[],
        &["_; up 11 %; Amazon; subscription revenue; Q2 2025", "_; up 9 %; Amazon; subscription revenue; Q1 2025"]),
    // The sales a profit was made "on" are not more of the profit.
    ("Q4 2024 brought $9.3 billion of operating income on $115.6 billion.", None, &[],
        &["9.3e9 USD; _; Amazon; operating income; Q4 2024", "115.6e9 USD; _; Amazon; _; Q4 2024"]),
    ("Net income was $10.6 billion on $170 billion of revenue.", None, &[],
        &["10.6e9 USD; _; Amazon; net income; _", "170e9 USD; _; Amazon; revenue; _"]),
    // An amount restated per share like the one before it is per share too.
    ("Net income nearly doubled to $59.2 billion, or $5.53 a diluted share, against $30.4 billion, or $2.90, in 2023.", Some("FY 2024"), &[],
        &["59.2e9 USD; up 2 x; Amazon; net income; FY 2024", "5.53 USD; _; Amazon; eps; FY 2024", "30.4e9 USD; _; Amazon; net income; 2023", "2.9 USD; _; Amazon; eps; 2023"]),
    // A change noun names what changed after it, across an adjective.
    ("Shipping costs grew 7%, more slowly than the 11% rise in total sales.", None, &[],
        &["_; up 7 %; Amazon; shipping costs; _", "_; up 11 %; Amazon; revenue; _"]),
    ("Shipping costs grew 7%, slower than the 11% growth of net sales.", None, &[],
        &["_; up 7 %; Amazon; shipping costs; _", "_; up 11 %; Amazon; revenue; _"]),
    // A metric defined in an aside after it ("…, the …,") is still the one measured.
    ("AWS's backlog, the contracted revenue it has yet to recognise, stood at $200 billion.", Some("Q3 2025"), &["AWS"],
        &["200e9 USD; _; AWS; backlog; Q3 2025"]),
    ("Free cash flow, the cash left after capital expenditures, was $38.2 billion.", Some("FY 2024"), &[],
        &["38.2e9 USD; _; Amazon; free cash flow; FY 2024"]),
    // An estimate's year ("2025E") is its period.
    ("| Capital expenditures | 2025E | ~$125B | ~$83B in 2024 |", None, &[],
        &["~125e9 USD; _; Amazon; capital expenditures; 2025", "~83e9 USD; _; Amazon; capital expenditures; 2024"]),
    // A clause opened by ", when" after a period is set in that period, even a period of
    // comparison; the main clause keeps its own.
    ("Relative to the fourth quarter of 2023, when North America earned $6.5 billion on $105.5 billion of sales, Q4 2024 brought $9.3 billion of operating income.", None, &["North America"],
        &["6.5e9 USD; _; North America; operating income; Q4 2023", "105.5e9 USD; _; North America; revenue; Q4 2023", "9.3e9 USD; _; North America; operating income; Q4 2024"]),
    // The clauses a semicolon joins share the period said before it, unless the later
    // one looks ahead.
    ("Revenue was $33.0B in Q3 2025; operating income $11.4B.", Some("Q4 2025"), &[],
        &["33e9 USD; _; Amazon; revenue; Q3 2025", "11.4e9 USD; _; Amazon; operating income; Q3 2025"]),
    ("Revenue was $33.0B in Q3 2025; we expect operating income of $12B.", Some("Q4 2025"), &[],
        &["33e9 USD; _; Amazon; revenue; Q3 2025", "12e9 USD; _; Amazon; operating income; Q4 2025"]),
    // A metric said of a topic ("… in North America") keeps its amount past an aside.
    ("Operating margin in North America, which was negative in 2022, reached 8.0% in Q4 2024.", None, &["North America"],
        &["8 %; _; North America; operating margin; Q4 2024"]),
    // What a business "lost" is a loss, unless a metric named after it is what fell.
    ("International lost $95 million at the operating line.", Some("Q4 2023"), &["International"],
        &["-95e6 USD; _; International; operating income; Q4 2023"]),
    ("Amazon lost $200 billion in market value.", Some("Q4 2023"), &[],
        &["_; down 200e9 USD; Amazon; market capitalization; Q4 2023"]),
    // A label's plural noun before a colon says what a bare number counts; a signed one
    // after "Relations:" is a phone number.
    // The label's plural noun names what is counted, as it would after the number.
    ("- paid rides per week: more than 150,000", Some("Q4 2024"), &[],
        &["~150000 count; _; Amazon; rides; Q4 2024"]),
    ("- Employees: about 20,000", Some("FY 2024"), &[],
        &["~20000 count; _; Amazon; headcount; FY 2024"]),
    ("- Operating margin: 32%", Some("FY 2024"), &[],
        &["32 %; _; Amazon; operating margin; FY 2024"]),
    ("Investor Relations: +1 (425) 706-4400.", None, &[], &[]),
    // "(2023: …)" labels the figures inside its parenthesis only.
    ("- Other Bets: revenue $1.6 billion, operating loss $4.4 billion (2023: loss of $4.1 billion).", Some("FY 2024"), &[],
        &["1.6e9 USD; _; Amazon; revenue; FY 2024", "-4.4e9 USD; _; Amazon; operating income; FY 2024",
          "-4.1e9 USD; _; Amazon; operating income; 2023"]),
    // A span with no canonical form, in the figure's clause, leaves it without a period.
    ("Revenue grew 5% this quarter; year to date it is up 4%.", Some("Q3 2025"), &[],
        &["_; up 5 %; Amazon; revenue; Q3 2025", "_; up 4 %; Amazon; _; _"]),
    ("Through the first three quarters, the company bought back $3.3 billion of stock.", Some("Q3 2025"), &[],
        &["3.3e9 USD; _; Amazon; share repurchases; _"]),
    // Last year's growth rate, set against this year's, is of last year and has no basis.
    ("Transactions grew 3.1% compared with 3.4% a year earlier.", Some("Q3 2025"), &[],
        &["_; up 3.1 %; Amazon; transactions; Q3 2025", "_; up 3.4 %; Amazon; transactions; Q3 2024"]),
    ("Revenue grew 12% from a year ago.", Some("Q3 2025"), &[],
        &["_; up 12 % YoY; Amazon; revenue; Q3 2025"]),
    // A retailer's measures; an adjusted measure is not the reported one.
    ("Comparable sales rose 4.1%, with transactions up 2.6% and average ticket up 1.5%.", Some("Q2 2025"), &[],
        &["_; up 4.1 %; Amazon; comparable sales; Q2 2025", "_; up 2.6 %; Amazon; transactions; Q2 2025",
          "_; up 1.5 %; Amazon; average ticket; Q2 2025"]),
    ("Adjusted EPS was $1.80 and GAAP EPS was $1.75; 1.6 million associates work in its stores.", Some("FY 2025"), &[],
        &["1.8 USD; _; Amazon; adjusted eps; FY 2025", "1.75 USD; _; Amazon; eps; FY 2025",
          "1.6e6 count; _; Amazon; headcount; FY 2025"]),
    ("Inventory ended at $55.0 billion, the gross profit rate was 24.1% and membership fee income grew 12%.", Some("Q2 2025"), &[],
        &["55e9 USD; _; Amazon; inventory; Q2 2025", "24.1 %; _; Amazon; gross profit rate; Q2 2025",
          "_; up 12 %; Amazon; membership fee income; Q2 2025"]),
    // The measures of a search business's ads, and lines of the income statement.
    ("TAC rose 6% to $13.7 billion, paid clicks were up 5% year over year and cost per click rose 2%.", Some("Q3 2024"), &[],
        &["13.7e9 USD; up 6 %; Amazon; traffic acquisition costs; Q3 2024", "_; up 5 % YoY; Amazon; paid clicks; Q3 2024",
          "_; up 2 %; Amazon; cost per click; Q3 2024"]),
    ("Cost of revenues was $35.9 billion and depreciation climbed 30% to $4.1 billion.", Some("Q3 2024"), &[],
        &["35.9e9 USD; _; Amazon; cost of revenues; Q3 2024", "4.1e9 USD; up 30 %; Amazon; depreciation; Q3 2024"]),
    // A line of business names its revenue, in capitals or not; a topic, the company, a
    // verb or a word for all of the revenue do not.
    ("Xbox content and services revenue increased 61% while Xbox hardware revenue declined 29%.", Some("Q2 2024"), &["Xbox"],
        &["_; up 61 %; Xbox; content and services revenue; Q2 2024", "_; down 29 %; Xbox; hardware revenue; Q2 2024"]),
    ("Its hardware revenue fell 42% as the console aged, and Acme revenue grew 4%.", Some("Q2 2024"), &[],
        &["_; down 42 %; Amazon; hardware revenue; Q2 2024", "_; up 4 %; Amazon; acme revenue; Q2 2024"]),
    // A line named in capitals is a line too: a product, a place, a segment that is no
    // topic. Taken for the company's revenue, it made a false conflict with the total.
    ("Japan revenue was $1.2 billion and Kisunla revenue was $0.1 billion, while total revenue was $13.5 billion.", Some("Q4 2024"), &[],
        &["1.2e9 USD; _; Amazon; japan revenue; Q4 2024", "100e6 USD; _; Amazon; kisunla revenue; Q4 2024", "13.5e9 USD; _; Amazon; revenue; Q4 2024"]),
    // A period that opens a clause of its own, its subject right after it, dates that
    // clause, not the figures before it.
    ("our backlog ended the year at around thirty six billion euros and twenty twenty six we still see as a growth year", Some("Q4 2024"), &[],
        &["~36e9 EUR; _; Amazon; backlog; Q4 2024"]),
    ("Revenue was $5 billion and in 2026 we expect $6 billion.", Some("Q4 2024"), &[],
        &["5e9 USD; _; Amazon; revenue; Q4 2024", "6e9 USD; _; Amazon; revenue; 2026"]),
    // A call's recap said without commas: the metric stated before an amount is its own,
    // and the one after it opens the next item.
    ("a quick recap net sales were nine point three billion euros in the quarter gross margin fifty one point seven percent and net income two point seven billion euros", Some("Q4 2024"), &[],
        &["9.3e9 EUR; _; Amazon; revenue; Q4 2024", "51.7 %; _; Amazon; gross margin; Q4 2024", "2.7e9 EUR; _; Amazon; net income; Q4 2024"]),
    // Amounts as a call says them in euros: cents after euros, half of a scale, the
    // letters of R&D said aloud, and cents of the currency the sentence speaks of.
    ("the total dividend for twenty twenty four is six euros forty and the buyback was only about half a billion", None, &[],
        &["6.4 EUR; _; Amazon; dividend per share; 2024", "~500e6 USD; _; Amazon; share repurchases; 2024"]),
    ("R and D was one point one seven billion in the quarter", Some("Q4 2024"), &[],
        &["1.17e9 USD; _; Amazon; research and development; Q4 2024"]),
    ("Earnings per share were €1.84, up ten cents.", Some("Q4 2024"), &[],
        &["1.84 EUR; up 0.1 EUR; Amazon; eps; Q4 2024"]),
    // A range in cents: each bound in whole units once, in the currency spoken.
    ("The dividend will be thirty to forty euro cents, and EPS 10 cents to 15 cents.", Some("Q4 2024"), &[],
        &["0.3..0.4 EUR; _; Amazon; dividend per share; Q4 2024", "0.1..0.15 EUR; _; Amazon; eps; Q4 2024"]),
    // Bookings that companies define as measures of their own keep their names.
    ("Net bookings came to €2.63 billion, and commercial bookings rose 30%.", Some("Q3 2024"), &[],
        &["2.63e9 EUR; _; Amazon; net bookings; Q3 2024", "_; up 30 %; Amazon; commercial bookings; Q3 2024"]),
    // A part is made up, not up: a share, no rise; and the share it is set against is a
    // share too, of no metric, as is a region's "share of system sales".
    ("China made up 47% of system sales in the quarter, against 49% in the third quarter.", Some("Q4 2024"), &[],
        &["47 %; _; Amazon; _; Q4 2024", "49 %; _; Amazon; _; Q3 2024"]),
    ("China's share of system sales fell to 27% in the quarter from 47% in the third quarter.", Some("Q4 2024"), &[],
        &["27 %; _; Amazon; _; Q4 2024", "47 %; _; Amazon; _; Q3 2024"]),
    // A place no topic names, in initials or in capitals, that revenue is outside of.
    ("Revenue outside the U.S. rose 13% to $3.62 billion, while U.S. revenue rose 20% to $8.0 billion.", Some("Q4 2024"), &[],
        &["3.62e9 USD; up 13 %; Amazon; outside us revenue; Q4 2024", "8e9 USD; up 20 %; Amazon; us revenue; Q4 2024"]),
    ("Outside of North America, revenue increased 30% to $4 billion.", Some("Q4 2024"), &[],
        &["4e9 USD; up 30 %; Amazon; outside north america revenue; Q4 2024"]),
    ("Search and other revenue climbed 12.5% to $54.03 billion.", Some("Q4 2024"), &["Search"],
        &["54.03e9 USD; up 12.5 %; Search; revenue; Q4 2024"]),
    ("Amazon repurchased $6 billion of stock, and Devices hardware revenue fell 9%.", Some("Q4 2024"), &["Devices"],
        &["6e9 USD; _; Amazon; share repurchases; Q4 2024", "_; down 9 %; Devices; hardware revenue; Q4 2024"]),
    ("Amazon revenue grew 13%, worldwide revenue was $170 billion and we expect revenue of $160 billion.", Some("Q4 2023"), &[],
        &["_; up 13 %; Amazon; revenue; Q4 2023", "170e9 USD; _; Amazon; revenue; Q4 2023", "160e9 USD; _; Amazon; revenue; Q4 2023"]),
    // A metric after another word is another figure's: the segment still lost the amount.
    ("Reality Labs lost $4.49 billion on revenue of $353 million, which was up 28%.", Some("Q2 2024"), &["Reality Labs"],
        &["-4.49e9 USD; _; Reality Labs; operating income; Q2 2024", "353e6 USD; up 28 %; Reality Labs; revenue; Q2 2024"]),
    // A clause after ", and" that expects an amount forecasts the metric before it.
    ("Capital expenditures totalled $83.0 billion in 2024, and the company expects to spend about $125 billion in 2025.", None, &[],
        &["83e9 USD; _; Amazon; capital expenditures; 2024", "~125e9 USD; _; Amazon; capital expenditures; 2025"]),
    // A share's price is never billions; buybacks are named by their noun or their verb.
    ("Amazon bought back $2.1 billion of stock, and stock buybacks of $4 billion were announced.", None, &[],
        &["2.1e9 USD; _; Amazon; share repurchases; _", "4e9 USD; _; Amazon; share repurchases; _"]),
    ("The company repurchased $6.32 billion of stock and paid $1.27 billion in dividends.", Some("Q2 2024"), &[],
        &["6.32e9 USD; _; Amazon; share repurchases; Q2 2024", "1.27e9 USD; _; Amazon; dividends; Q2 2024"]),
    ("Full-year 2024 total expenses are expected at $96–99 billion.", None, &[],
        &["96e9..99e9 USD; _; Amazon; costs and expenses; FY 2024"]),
    // Every "trailing twelve months" of a sentence ends where the sentence or note says.
    ("Trailing twelve month free cash flow was $25.9 billion and trailing twelve month operating cash flow was $113.9 billion.", Some("Q1 2025"), &[],
        &["25.9e9 USD; _; Amazon; free cash flow; TTM Q1 2025", "113.9e9 USD; _; Amazon; operating cash flow; TTM Q1 2025"]),
    // The business whose growth it is may stand between "growth" and its size.
    ("Growth at AWS was 13% in Q4 2023.", None, &["AWS"],
        &["_; up 13 %; AWS; _; Q4 2023"]),
    // A segment's loss or profit stays its operating income when a period follows it.
    ("International lost about $95 million in the quarter, and AWS earned $7.2 billion in the fourth quarter of 2023.", Some("Q4 2023"), &["International", "AWS"],
        &["~-95e6 USD; _; International; operating income; Q4 2023", "7.2e9 USD; _; AWS; operating income; Q4 2023"]),
    // A figure said to be the whole company's is the default subject's, after a topic.
    ("Advertising brought in $14.3 billion of revenue out of a company-wide total of $155.7 billion.", Some("Q1 2025"), &["Advertising"],
        &["14.3e9 USD; _; Advertising; revenue; Q1 2025", "155.7e9 USD; _; Amazon; revenue; Q1 2025"]),
    // Severance is a cost of its own; a pledge is an investment.
    ("The quarter absorbed $0.9 billion of severance costs.", Some("Q3 2025"), &[],
        &["900e6 USD; _; Amazon; severance costs; Q3 2025"]),
    ("Amazon has pledged $2 billion to the fund.", Some("Q3 2025"), &[],
        &["2e9 USD; _; Amazon; investment; Q3 2025"]),
    // A level dated a year back by "a year earlier" right after it or its noun, with no
    // comparing word between; after "from" it stays the basis of a change.
    ("Devices swung to a $0.4 billion operating profit in Q3 2025, after a $0.7 billion loss a year earlier.", None, &[],
        &["400e6 USD; _; Amazon; operating income; Q3 2025", "-700e6 USD; _; Amazon; operating income; Q3 2024"]),
    ("Subscription revenue was $9.8 billion a year ago and is $11.2 billion now.", Some("Q2 2025"), &[],
        &["9.8e9 USD; _; Amazon; subscription revenue; Q2 2024", "11.2e9 USD; _; Amazon; subscription revenue; Q2 2025"]),
    // An arrow from one state to the next: each keeps its own period, and its metric.
    ("- Devices operating loss: ($0.6B) in Q3 2023 → $0.2B profit in Q3 2024", None, &[],
        &["-600e6 USD; _; Amazon; operating income; Q3 2023", "200e6 USD; _; Amazon; operating income; Q3 2024"]),
    // Accounting parentheses inside an amount: a negative, whatever the words around it.
    ("Free cash flow was $(2.1) billion in the quarter, against $(0.9)B a year earlier.", Some("Q2 2025"), &[],
        &["-2.1e9 USD; _; Amazon; free cash flow; Q2 2025", "-900e6 USD; _; Amazon; free cash flow; Q2 2024"]),
    ("Diluted EPS came in at $(0.45), and the operating margin was (1.2)%.", Some("Q2 2025"), &[],
        &["-0.45 USD; _; Amazon; eps; Q2 2025", "-1.2 %; _; Amazon; operating margin; Q2 2025"]),
    ("As note (3) explains, revenue was $5.0 billion (2) in the quarter.", Some("Q2 2025"), &[],
        &["5e9 USD; _; Amazon; revenue; Q2 2025"]),
    // Shorthand for operating income, loss and margin.
    ("AWS op. income came to $9.4 billion in Q2 2024, an op. margin of 35.5%.", None, &["AWS"],
        &["9.4e9 USD; _; AWS; operating income; Q2 2024", "35.5 %; _; AWS; operating margin; Q2 2024"]),
    ("International posted an op loss of $0.9 billion.", Some("Q1 2023"), &["International"],
        &["-900e6 USD; _; International; operating income; Q1 2023"]),
    // "by A to B" after a verb of change: a change of A that brings the level to B.
    ("Amazon raised its investment in Anthropic by $2.75 billion to $4 billion.", None, &["Anthropic"],
        &["4e9 USD; up 2.75e9 USD; Anthropic; investment; _"]),
    ("Prime Video reach grew by 10 to 12 million viewers.", None, &["Prime Video"],
        &["_; up 10e6 count; Prime Video; viewers; _"]),
    ("The company cut its capex by $5 billion to $60 billion for 2024.", None, &[],
        &["60e9 USD; down 5e9 USD; Amazon; capital expenditures; 2024"]),
    // A basis phrase names no metric ("quarter" compares nothing).
    ("Bedrock usage grew 80% quarter over quarter.", Some("Q3 2024"), &["Bedrock"],
        &["_; up 80 % QoQ; Bedrock; usage; Q3 2024"]),
    // A change and the level it is at, said after it.
    ("AWS revenue was up 19% year over year at $27.5 billion.", Some("Q3 2024"), &["AWS"],
        &["27.5e9 USD; up 19 % YoY; AWS; revenue; Q3 2024"]),
    // An earlier value named by its metric after "from".
    ("International swung to an operating profit of $1.3 billion from an operating loss of $0.2 billion a year earlier.", Some("Q2 2024"), &["International"],
        &["1.3e9 USD; _; International; operating income; Q2 2024", "-200e6 USD; _; International; operating income; Q2 2023"]),
    // A profit after a loss phrase takes the loss's metric, not its sign.
    ("International had an operating loss of $0.4 billion in Q1 2023 and a profit of $0.9 billion in Q1 2024.", None, &["International"],
        &["-400e6 USD; _; International; operating income; Q1 2023", "900e6 USD; _; International; operating income; Q1 2024"]),
    // Guidance is a forecast of the metric named before it.
    ("Operating income was $13.2 billion, above our guidance range of $7 billion to $11 billion.", Some("Q4 2023"), &[],
        &["13.2e9 USD; _; Amazon; operating income; Q4 2023", "7e9..11e9 USD; _; Amazon; operating income; Q4 2023"]),
    // A level put first, then its metric and its change.
    ("At $28.8 billion, ad sales in the quarter were 22% higher than a year earlier.", Some("Q4 2024"), &[],
        &["28.8e9 USD; up 22 % YoY; Amazon; advertising revenue; Q4 2024"]),
    ("At $27.5 billion, AWS revenue was up 19% from a year ago.", Some("Q3 2024"), &["AWS"],
        &["27.5e9 USD; up 19 % YoY; AWS; revenue; Q3 2024"]),
    // An airline's measures, and measures of any company a lender or a tax return reads.
    ("Passenger revenue rose 4% to $12.1 billion on capacity 3.0% higher, and the load factor was 86%.", Some("Q3 2024"), &[],
        &["12.1e9 USD; up 4 %; Amazon; passenger revenue; Q3 2024", "_; up 3 %; Amazon; capacity; Q3 2024", "86 %; _; Amazon; load factor; Q3 2024"]),
    ("Fuel averaged $2.48 per gallon, and non-fuel unit costs (CASM-Ex) rose 3.0% year over year.", Some("Q3 2024"), &[],
        &["2.48 USD; _; Amazon; fuel price; Q3 2024", "_; up 3 % YoY; Amazon; casm-ex; Q3 2024"]),
    ("Return on invested capital was 13%, pre-tax income came to $1.30 billion and net debt ended at $19.0 billion.", Some("FY 2024"), &[],
        &["13 %; _; Amazon; roic; FY 2024", "1.3e9 USD; _; Amazon; pretax income; FY 2024", "19e9 USD; _; Amazon; net debt; FY 2024"]),
    // A measure said "adjusted" is another than the reported one, earnings a share too;
    // a company that adjusts its guidance adjusts no measure.
    ("Delta reported adjusted operating revenue of $14.59 billion, and adjusted earnings came to $1.50 a share.", Some("Q3 2024"), &[],
        &["14.59e9 USD; _; Amazon; adjusted revenue; Q3 2024", "1.5 USD; _; Amazon; adjusted eps; Q3 2024"]),
    ("The adjusted operating margin was 9.9% and adjusted net debt ended at $19.0 billion.", Some("Q3 2024"), &[],
        &["9.9 %; _; Amazon; adjusted operating margin; Q3 2024", "19e9 USD; _; Amazon; adjusted net debt; Q3 2024"]),
    ("We adjusted revenue guidance to $60 billion.", Some("FY 2025"), &[],
        &["60e9 USD; _; Amazon; revenue; FY 2025"]),
    // A multiple with no measure after it: of the valuation said before it, of leverage,
    // or, after a rise, a change.
    ("The shares trade at about 37 times our 2025 EPS estimate and about 28 times our 2026 estimate, against a five-year average of roughly 33 times.", None, &[],
        &["~37 x; _; Amazon; price to earnings; 2025", "~28 x; _; Amazon; price to earnings; 2026", "~33 x; _; Amazon; price to earnings; _"]),
    ("Gross leverage stood at 2.7 times, and API calls were up fourteen times over the past six months.", Some("Q3 2024"), &[],
        &["2.7 x; _; Amazon; gross leverage; Q3 2024", "_; up 14 x; Amazon; _; Q3 2024"]),
    ("Mentions of Project Kuiper came up 30 times in prepared remarks.", None, &[], &[]),
    ("Its customer base has grown nearly five times year over year.", None, &[],
        &["_; up 5 x YoY; Amazon; _; _"]),
    ("It trades at about 2.7 times tangible book value and about 14 times my EPS estimate.", None, &[],
        &["~2.7 x; _; Amazon; price to tangible book value; _", "~14 x; _; Amazon; price to earnings; _"]),
    // A range from cents to dollars is one range, in dollars.
    ("For the March quarter we expect adjusted EPS of 70 cents to $1.00.", Some("Q1 2025"), &[],
        &["0.7..1 USD; _; Amazon; adjusted eps; Q1 2025"]),
    // A period after "below" or "above" is what a figure is compared with.
    ("The load factor was 86%, a point below Q3 2023, and fuel averaged $2.45 a gallon, 19% below the fourth quarter of 2023.", Some("Q4 2024"), &[],
        &["86 %; _; Amazon; load factor; Q4 2024", "2.45 USD; down 19 %; Amazon; fuel price; Q4 2024"]),
    // What topics make together is the company's, not the last one's.
    ("Mounjaro and Zepbound together generated $16.47 billion over the year.", Some("FY 2024"), &["Mounjaro", "Zepbound"],
        &["16.47e9 USD; _; Amazon; _; FY 2024"]),
    ("Taken together, Premium, Cargo and MRO made up 57% of total revenue.", Some("FY 2024"), &["Premium", "Cargo", "MRO"],
        &["57 %; _; Amazon; _; FY 2024"]),
    // What a buyer commits to for capacity is not capacity.
    ("Purchase commitments for supply and capacity reached about $23 billion.", Some("Q3 2024"), &[],
        &["~23e9 USD; _; Amazon; purchase commitments; Q3 2024"]),
    // Words that describe what is counted, two compounds joined by "and" among them.
    ("Amazon ended 2024 with approximately 1.56 million full-time and part-time employees.", None, &[],
        &["~1.56e6 count; _; Amazon; headcount; 2024"]),
    // Yen and yuan said in words; what one of another currency costs is its exchange rate.
    ("Net income was 4.77 trillion yen and the rate assumption is 145 yen per dollar.", Some("FY 2025"), &[],
        &["4.77e12 JPY; _; Amazon; net income; FY 2025", "145 JPY; _; Amazon; usd exchange rate; FY 2025"]),
    // A price per pound is a price by weight, no exchange rate (`price_per_unit`).
    ("Feed cost $5.20 per pound.", Some("FY 2025"), &[],
        &["5.2 USD; _; Amazon; price; FY 2025"]),
    ("Average exchange rates: ¥153 per US$ and ¥164 per euro.", Some("FY 2025"), &[],
        &["153 JPY; _; Amazon; usd exchange rate; FY 2025", "164 JPY; _; Amazon; eur exchange rate; FY 2025"]),
    ("The yen averaged ¥163 to the euro, and sales in China came to 9.8 billion yuan.", Some("FY 2025"), &[],
        &["163 JPY; _; Amazon; eur exchange rate; FY 2025", "9.8e9 CNY; _; Amazon; revenue; FY 2025"]),
    // A count of what is sold is named as the words name its sales, and a number said
    // with no unit counts units where its sales are qualified, where it is what was sold
    // and where it is a part of a count; the company named with a topic is the company.
    ("Consolidated vehicle sales: 9,362 thousand units.", Some("FY 2025"), &[],
        &["9.362e6 count; _; Amazon; consolidated vehicle sales; FY 2025"]),
    ("Consolidated vehicle sales: 9.57 million units (fiscal 2025: 9.36 million).", Some("FY 2026"), &[],
        &["9.57e6 count; _; Amazon; consolidated vehicle sales; FY 2026", "9.36e6 count; _; Amazon; consolidated vehicle sales; FY 2025"]),
    ("Amazon and Whole Foods retail sales were 10.27 million units, of which online 5.11 million.", Some("FY 2025"), &["Whole Foods"],
        &["10.27e6 count; _; Amazon; retail sales; FY 2025", "5.11e6 count; _; Amazon; units; FY 2025"]),
    ("Daihatsu retail sales were eight hundred fifteen thousand, down six percent.", Some("FY 2025"), &["Daihatsu"],
        &["815000 count; down 6 %; Daihatsu; retail sales; FY 2025"]),
    ("You sold four point seven four million, mostly hybrids.", Some("FY 2025"), &[],
        &["4.74e6 count; _; Amazon; _; FY 2025"]),
    // The nine months to date are no quarter; income before taxes is pretax income.
    ("For the nine months, April through December, sales revenues were 35.67 trillion yen, up 7.1%, and net income was 4.1 trillion yen.", Some("Q3 2025"), &[],
        &["35.67e12 JPY; up 7.1 %; Amazon; revenue; _", "4.1e12 JPY; _; Amazon; net income; _"]),
    ("Income before income taxes was $6.4 billion.", Some("FY 2025"), &[],
        &["6.4e9 USD; _; Amazon; pretax income; FY 2025"]),
    // What moved a metric by an amount is a change of it, not its level.
    ("Foreign exchange effect on operating income: −¥745 billion.", Some("FY 2026"), &[],
        &["_; down 745e9 JPY; Amazon; operating income; FY 2026"]),
    ("Currency had a negative impact on revenue of $1.2 billion.", Some("FY 2026"), &[],
        &["_; down 1.2e9 USD; Amazon; revenue; FY 2026"]),
    // Months before a metric date it and name no line of business; a verb before sales
    // qualifies them no more than a topic does.
    ("January-March revenue was ¥12.36 trillion, up 4.4%.", Some("FY 2025"), &[],
        &["12.36e12 JPY; up 4.4 %; Amazon; revenue; Q1 2025"]),
    ("Amazon plans retail sales of about 860,000 units.", Some("FY 2026"), &[],
        &["~860000 count; _; Amazon; retail sales; FY 2026"]),
    // "a year earlier" is a year before the current period, not before an earlier value's.
    ("Operating income is planned at ¥3.8 trillion, down 20.8% from ¥4.80 trillion in fiscal 2025, which would cut the operating margin to 7.8% from 10.0% a year earlier.", Some("FY 2026"), &[],
        &["3.8e12 JPY; down 20.8 %; Amazon; operating income; FY 2026", "4.8e12 JPY; _; Amazon; operating income; FY 2025",
          "7.8 %; _; Amazon; operating margin; FY 2026", "10 %; _; Amazon; operating margin; FY 2025"]),
    // Each kind of dividend is a measure of its own; the year's total is the dividend.
    ("The board set an interim dividend of ¥40 per share and a year-end dividend of ¥50, for ¥90 for the year.", Some("FY 2025"), &[],
        &["40 JPY; _; Amazon; interim dividend per share; FY 2025", "50 JPY; _; Amazon; year-end dividend per share; FY 2025",
          "90 JPY; _; Amazon; dividend per share; FY 2025"]),
    // People a workforce lost are a fall of its headcount, not its level.
    ("About 4,800 employees left under a voluntary separation programme in 2024.", None, &[],
        &["_; down 4800 count; Amazon; headcount; 2024"]),
    // A month names its quarter.
    ("Headcount stood at about 1.55 million in September 2024.", None, &[],
        &["~1.55e6 count; _; Amazon; headcount; Q3 2024"]),
    // Said without "performance", it is the same measure.
    ("Trainium2 delivers four times faster training and three times more memory capacity.", None, &[],
        &["_; up 4 x; Amazon; training performance; _", "_; up 3 x; Amazon; memory capacity; _"]),
    ("In Q4 AWS added more than one point one billion dollars in incremental quarter over quarter revenue.", Some("Q4 2023"), &["AWS"],
        &["_; up 1.1e9 USD QoQ; AWS; revenue; Q4 2023"]),
    ("We're now approaching an annualized revenue run rate of a hundred billion dollars.", Some("Q4 2023"), &[],
        &["100e9 USD; _; Amazon; run rate; Q4 2023"]),
    ("Today we're reporting 170 billion in revenue up 13 percent year-over-year.", Some("Q4 2023"), &[],
        &["170e9 USD; up 13 % YoY; Amazon; revenue; Q4 2023"]),
    // Spelled out in a sentence without a digit: every number word lets it be read.
    ("Advertising revenue grew seventeen percent year over year.", Some("Q4 2023"), &[],
        &["_; up 17 % YoY; Amazon; advertising revenue; Q4 2023"]),
    ("The US alone cost to serve was down by more than 45 cents per unit compared to the prior year.", Some("2023"), &[],
        &["_; down 0.45 USD YoY; Amazon; cost to serve; 2023"]),
    ("In 2023 full year CAPX was $48.4 billion which was down $10.2 billion year-over-year.", None, &[],
        &["48.4e9 USD; down 10.2e9 USD YoY; Amazon; capital expenditures; FY 2023"]),
    ("Capital expenditures were $48.4B in 2023.", None, &["Capital expenditures"],
        &["48.4e9 USD; _; Amazon; capital expenditures; 2023"]),
    ("Operating margin was 6.1%, up 120 basis points quarter-over-quarter.", Some("Q4 2023"), &[],
        &["6.1 %; up 120 bps QoQ; Amazon; operating margin; Q4 2023"]),
    ("Fulfillment costs as a percentage of net sales dropped from 15.8% in 2023 to 15.4% in 2024.", None, &[],
        &["15.8 %; _; Amazon; fulfillment costs; 2023", "15.4 %; _; Amazon; fulfillment costs; 2024"]),
    ("Net sales are expected to be between $138.0 billion and $143.5 billion in Q1 2024.", None, &[],
        &["138e9..143.5e9 USD; _; Amazon; revenue; Q1 2024"]),
    ("Operating income is expected to be between $8.0 billion and $12.0 billion, compared with $4.8 billion in first quarter 2023.", Some("Q1 2024"), &[],
        &["8e9..12e9 USD; _; Amazon; operating income; Q1 2024", "4.8e9 USD; _; Amazon; operating income; Q1 2023"]),
    ("Net loss was (−$0.5B) for the quarter.", Some("Q3 2022"), &[],
        &["-500e6 USD; _; Amazon; net income; Q3 2022"]),
    // Accounting's parentheses, where they can be nothing else; an aside stays positive.
    ("Operating income was $1.3 billion vs. ($0.1 billion) a year ago.", Some("Q1 2025"), &[],
        &["1.3e9 USD; _; Amazon; operating income; Q1 2025", "-100e6 USD; _; Amazon; operating income; Q1 2024"]),
    ("AWS ($24.2 billion) grew 13%.", Some("Q1 2025"), &["AWS"],
        &["24.2e9 USD; up 13 %; AWS; revenue; Q1 2025"]),
    ("Operating income was $3.2 billion in Q2 2023, after a $0.6 billion loss in Q2 2022.", None, &[],
        &["3.2e9 USD; _; Amazon; operating income; Q2 2023", "-600e6 USD; _; Amazon; operating income; Q2 2022"]),
    // A change and where it led: "advanced … to", ", reaching", past "excluding FX" and a
    // spoken "uh".
    ("Ad sales advanced 19% to $13.9 billion.", Some("Q1 2025"), &[],
        &["13.9e9 USD; up 19 %; Amazon; advertising revenue; Q1 2025"]),
    ("Advertising sales jumped 23% in Q2 2025, reaching $15.7 billion.", None, &[],
        &["15.7e9 USD; up 23 %; Amazon; advertising revenue; Q2 2025"]),
    ("the ads business grew uh nineteen percent year over year excluding FX to thirteen point nine billion dollars", Some("Q1 2025"), &[],
        &["13.9e9 USD; up 19 % YoY; Amazon; advertising revenue; Q1 2025"]),
    ("Diluted EPS was $1.00 for the fourth quarter of 2023.", None, &[],
        &["1 USD; _; Amazon; eps; Q4 2023"]),
    ("Free cash flow for the trailing twelve months ended Dec 2023 was $32.2 billion.", None, &[],
        &["32.2e9 USD; _; Amazon; free cash flow; TTM Q4 2023"]),
    ("The company had roughly 1.5 million employees at the end of 2023.", None, &[],
        &["~1.5e6 count; _; Amazon; headcount; 2023"]),
    ("Revenue for fiscal 2023 was US$574.8 bn.", None, &[],
        &["574.8e9 USD; _; Amazon; revenue; FY 2023"]),
    ("Bedrock has 2.5M customers, and Graviton4 is ~30% faster.", None, &[],
        &["2.5e6 count; _; Amazon; customers; _", "_; up 30 %; Amazon; _; _"]),
    ("AWS segment operating income rose to $10.6 billion in the second quarter, a 74% increase.", Some("Q2 2024"), &["AWS"],
        &["10.6e9 USD; up 74 %; AWS; operating income; Q2 2024"]),
    ("Revenue grew 11% to $638 billion for full year 2024.", None, &[],
        &["638e9 USD; up 11 %; Amazon; revenue; FY 2024"]),
    ("The first half of 2024 saw free cash flow of $50.1 billion, versus $46.8 billion a year earlier.", None, &[],
        &["50.1e9 USD; _; Amazon; free cash flow; H1 2024", "46.8e9 USD; _; Amazon; free cash flow; H1 2023"]),
    ("Net loss narrowed to $1.2 billion from $3.4 billion a year ago.", Some("Q4 2023"), &[],
        &["-1.2e9 USD; _; Amazon; net income; Q4 2023", "-3.4e9 USD; _; Amazon; net income; Q4 2022"]),
    ("Headcount dropped by about 27,000 in 2023.", None, &[],
        &["_; down 27000 count; Amazon; headcount; 2023"]),
    ("Paid units grew 7%, while the average selling price was down 58 cents.", Some("Q1 2021"), &[],
        &["_; up 7 %; Amazon; paid units; Q1 2021", "_; down 0.58 USD; Amazon; average selling price; Q1 2021"]),
    // A duration is not a figure; how many times faster still is.
    ("Latency dropped to 88 milliseconds, four times faster than the prior generation.", Some("Q1 2021"), &[],
        &["_; up 4 x; Amazon; latency; Q1 2021"]),
    // A period that opens a later clause dates that clause only.
    ("Revenue grew 13%, and in Q3 the margin was 12%.", Some("Q4 2023"), &[],
        &["_; up 13 %; Amazon; revenue; Q4 2023", "12 %; _; Amazon; operating margin; Q3 2023"]),
    // The period a change is measured from says its basis.
    ("AWS revenue grew 4% from Q3.", Some("Q4 2023"), &["AWS"],
        &["_; up 4 % QoQ; AWS; revenue; Q4 2023"]),
    ("Operating income rose 20% from Q1 2023.", Some("Q1 2024"), &[],
        &["_; up 20 % YoY; Amazon; operating income; Q1 2024"]),
    ("Operating income rose 20% from 2021.", Some("Q1 2024"), &[],
        &["_; up 20 %; Amazon; operating income; Q1 2024"]),
    // A change and the level it led to, not a range (a narrow range stays one: below).
    ("AWS revenue growth accelerated 2% to 13.2%.", Some("Q4 2023"), &["AWS"],
        &["13.2 %; up 2 %; AWS; _; Q4 2023"]),
    ("Headcount declined by nearly 12,000 to 698,000 employees.", Some("Q1 2021"), &[],
        &["698000 count; down 12000 count; Amazon; headcount; Q1 2021"]),
    ("Revenue grew by about $2 billion to $69 billion.", Some("Q1 2021"), &[],
        &["69e9 USD; up 2e9 USD; Amazon; revenue; Q1 2021"]),
    ("Operating income was $28.2 billion in Q4 2018, versus $20.4 billion in the same quarter of 2017.", None, &[],
        &["28.2e9 USD; _; Amazon; operating income; Q4 2018", "20.4e9 USD; _; Amazon; operating income; Q4 2017"]),
    ("Revenue is expected to grow 8% to 11% next year.", Some("Q4 2023"), &[],
        &["_; up 8 %; Amazon; revenue; Q4 2023"]),
    ("Capex will be roughly $100 billion in 2025, up from $83 billion in 2024.", None, &[],
        &["~100e9 USD; _; Amazon; capital expenditures; 2025", "83e9 USD; _; Amazon; capital expenditures; 2024"]),
    ("As of December 31, 2024, the Anthropic stake was valued at approximately $13.8 billion.", None, &["Anthropic"],
        &["~13.8e9 USD; _; Anthropic; valuation; Q4 2024"]),
    ("In Q2, ad revenue rose 22% sequentially to $12.8B.", Some("Q4 2023"), &[],
        &["12.8e9 USD; up 22 % QoQ; Amazon; advertising revenue; Q2 2023"]),
    ("Amazon invested $1.25 billion in Anthropic in 2023.", None, &["Anthropic"],
        &["1.25e9 USD; _; Anthropic; investment; 2023"]),
    ("Headcount fell to 1,525,000 employees from 1,541,000 at the end of 2022.", Some("2023"), &[],
        &["1.525e6 count; _; Amazon; headcount; 2023", "1.541e6 count; _; Amazon; headcount; 2022"]),
    ("AWS operating margin was 29.6%, up >500 bps YoY.", Some("Q4 2023"), &["AWS"],
        &["29.6 %; up 500 bps YoY; AWS; operating margin; Q4 2023"]),
    // A topic named only to be left out is not the subject; the place a figure is outside
    // of, or the part it excludes, is in its label.
    ("Revenue outside of North America was $40.2 billion.", Some("Q4 2023"), &["North America"],
        &["40.2e9 USD; _; Amazon; outside north america revenue; Q4 2023"]),
    ("Operating income excluding the AWS segment was $10.6 billion.", Some("Q4 2023"), &["AWS"],
        &["10.6e9 USD; _; Amazon; operating income excluding aws; Q4 2023"]),
    ("Ex-North America revenue was $40.2 billion.", Some("Q4 2023"), &["North America"],
        &["40.2e9 USD; _; Amazon; revenue excluding north america; Q4 2023"]),
    ("North America revenue was $105.5 billion.", Some("Q4 2023"), &["North America"],
        &["105.5e9 USD; _; North America; revenue; Q4 2023"]),
    // A metric phrase is found even where a longer one starts inside a word ("had revenue").
    ("In Q4 2023 it had revenue of $105.5 billion and an operating margin of 6.1%.", None, &[],
        &["105.5e9 USD; _; Amazon; revenue; Q4 2023", "6.1 %; _; Amazon; operating margin; Q4 2023"]),
    // A metric said of a part of the amount, or only asked about, is not the amount's.
    ("The article does not say how much of the $200 billion is capex and how much is operating expense.", None, &[],
        &["200e9 USD; _; Amazon; _; _"]),
    ("Nobody has said whether the $200 billion is capex.", None, &[],
        &["200e9 USD; _; Amazon; _; _"]),
    ("Most of the $77.7 billion of capex went to AWS.", None, &[],
        &["77.7e9 USD; _; Amazon; capital expenditures; _"]),
    // Other figures in different periods say nothing of this one's period.
    ("Growth of 13% in Q4 followed 12% in Q3, and the business is closing in on a $100 billion annualized revenue run rate.", Some("Q4 2023"), &[],
        &["_; up 13 %; Amazon; _; Q4 2023", "_; up 12 %; Amazon; _; Q3 2023", "100e9 USD; _; Amazon; run rate; Q4 2023"]),
    // A period attached to a figure reaches on into the clauses after it, not back into
    // one before it: after ", and", ";", " — ", "while", a figure takes its own clause's
    // period, else the heading's or the note's.
    ("Revenue grew 13%, and operating margin was 12% in Q3.", Some("Q4 2023"), &[],
        &["_; up 13 %; Amazon; revenue; Q4 2023", "12 %; _; Amazon; operating margin; Q3 2023"]),
    ("Revenue grew 13% while operating margin was 12% in Q3.", Some("Q4 2023"), &[],
        &["_; up 13 %; Amazon; revenue; Q4 2023", "12 %; _; Amazon; operating margin; Q3 2023"]),
    ("Revenue grew 13% in Q3, and operating margin was 12%.", Some("Q4 2023"), &[],
        &["_; up 13 %; Amazon; revenue; Q3 2023", "12 %; _; Amazon; operating margin; Q3 2023"]),
    ("Shipping costs rose 7% in 2024, while net sales grew 11%.", None, &[],
        &["_; up 7 %; Amazon; shipping costs; 2024", "_; up 11 %; Amazon; revenue; 2024"]),
    ("Operating income was $5 billion and revenue $40 billion in Q3.", Some("Q4 2023"), &[],
        &["5e9 USD; _; Amazon; operating income; Q3 2023", "40e9 USD; _; Amazon; revenue; Q3 2023"]),
    // A bare percentage set beside a percentage change, in a period of its own, is a
    // change too ("followed", "after", "up from", "from … to"); a margin's percentages,
    // and one that names what it is ("a 12% decline"), are what they say.
    ("AWS grew 13% in Q4, up from 12% in Q3.", Some("Q4 2023"), &["AWS"],
        &["_; up 13 %; AWS; revenue; Q4 2023", "_; up 12 %; AWS; _; Q3 2023"]),
    ("Revenue grew 13% in Q4 after 12% in Q3.", Some("Q4 2023"), &[],
        &["_; up 13 %; Amazon; revenue; Q4 2023", "_; up 12 %; Amazon; revenue; Q3 2023"]),
    ("Revenue growth accelerated from 12% in Q3 to 13% in Q4.", Some("Q4 2023"), &[],
        &["_; up 12 %; Amazon; revenue; Q3 2023", "_; up 13 %; Amazon; revenue; Q4 2023"]),
    ("AWS operating margin was 29.6%, up from 24.4% a year ago.", Some("Q4 2023"), &["AWS"],
        &["29.6 %; _; AWS; operating margin; Q4 2023", "24.4 %; _; AWS; operating margin; Q4 2022"]),
    ("AWS operating margin was up 2% from 27.6% in Q3.", Some("Q4 2023"), &["AWS"],
        &["_; up 2 %; AWS; operating margin; Q4 2023", "27.6 %; _; AWS; operating margin; Q3 2023"]),
    ("Revenue rose 13% in Q4, following a 12% decline in Q3.", Some("Q4 2023"), &[],
        &["_; up 13 %; Amazon; revenue; Q4 2023", "_; down 12 %; Amazon; revenue; Q3 2023"]),
    // The percentage the noun "growth" is linked to is the size of the growth: a change
    // (a segment's growth is its revenue's).
    ("In Q&A, AWS growth was quoted as 13.2%.", Some("Q4 2023"), &["AWS"],
        &["_; up 13.2 %; AWS; revenue; Q4 2023"]),
    ("AWS growth came in at 13% in Q4.", Some("Q4 2023"), &["AWS"],
        &["_; up 13 %; AWS; revenue; Q4 2023"]),
    ("and then if you look back at the revenue growth it accelerated to 13.2 percent in Q4", Some("Q4 2023"), &[],
        &["_; up 13.2 %; Amazon; revenue; Q4 2023"]),
    ("AWS posted 13.2% growth in Q4.", Some("Q4 2023"), &["AWS"],
        &["_; up 13.2 %; AWS; revenue; Q4 2023"]),
    // "Growth" before a metric names a kind of it, and a percentage "of" a whole that a
    // copula gives is a share: levels. A verb before the metric, or right before a share,
    // still makes a change.
    ("Growth investments were 20% of capex.", None, &[],
        &["20 %; _; Amazon; investment; _"]),
    ("Growth investments were $5 billion.", None, &[],
        &["5e9 USD; _; Amazon; investment; _"]),
    ("Investments in growth were 20% of capex.", None, &[],
        &["20 %; _; Amazon; investment; _"]),
    ("Amazon grew revenue 13 percent in Q4.", Some("Q4 2023"), &[],
        &["_; up 13 %; Amazon; revenue; Q4 2023"]),
    ("Amazon cut 20% of its workforce.", None, &[],
        &["_; down 20 %; Amazon; _; _"]),
    ("Capex growth was 20% in 2024.", None, &[],
        &["_; up 20 %; Amazon; capital expenditures; 2024"]),
    // How the growth rate moved ("growth slowed 2%": points or percent?) is no change of
    // the metric, nor of the segment's revenue: no metric.
    ("AWS growth slowed 2% in Q3.", Some("Q4 2023"), &["AWS"],
        &["_; down 2 %; AWS; _; Q3 2023"]),
    ("AWS revenue growth has slowed 2% in Q3.", Some("Q4 2023"), &["AWS"],
        &["_; down 2 %; AWS; _; Q3 2023"]),
    ("Revenue growth also accelerated by 200 basis points from Q3.", Some("Q4 2023"), &[],
        &["_; up 200 bps QoQ; Amazon; revenue growth; Q4 2023"]),
    ("AWS grew 13% in Q4.", Some("Q4 2023"), &["AWS"],
        &["_; up 13 %; AWS; revenue; Q4 2023"]),
    ("AWS revenue fell 2% in Q3.", Some("Q4 2023"), &["AWS"],
        &["_; down 2 %; AWS; revenue; Q3 2023"]),
    ("AWS net sales rose 20% to $21.4 billion, which the summary annualizes at more than $85 billion.", Some("Q4 2023"), &["AWS"],
        &["21.4e9 USD; up 20 %; AWS; revenue; Q4 2023", "~85e9 USD; _; AWS; run rate; Q4 2023"]),
    ("Trainium2 has three times the memory capacity of the first generation.", None, &["Trainium"],
        &["_; up 3 x; Trainium; memory capacity; _"]),
    // The holder named before an investment is not its subject; a topic after it is.
    ("Amazon built its stake through convertible notes: $1.25 billion in 2023.", None, &[],
        &["1.25e9 USD; _; Amazon; investment; 2023"]),
    ("AWS revenue was $24.2 billion, and Amazon invested a further $4 billion in Anthropic.", Some("Q4 2023"), &["AWS", "Anthropic"],
        &["24.2e9 USD; _; AWS; revenue; Q4 2023", "4e9 USD; _; Anthropic; investment; Q4 2023"]),
    ("AWS revenue was $24.2 billion, and Amazon invested a further $4 billion.", Some("Q4 2023"), &["AWS"],
        &["24.2e9 USD; _; AWS; revenue; Q4 2023", "4e9 USD; _; Amazon; investment; Q4 2023"]),
    // A verb, its object and "by" an amount: a change of the object, its direction the
    // verb's; its metric the object's when it names a measure, else none.
    ("Autonomous mobile robots could cut pick-and-pack times by up to 30%, the article argues.", None, &[],
        &["_; down 30 %; Amazon; pick-and-pack time; _"]),
    ("Jassy said coding companions that lift developer productivity by 30 to 40 percent are a game changer.", None, &[],
        &["_; up 30 %; Amazon; developer productivity; _"]),
    ("The program should reduce costs by 20% and raise shipping costs by 5%.", None, &[],
        &["_; down 20 %; Amazon; cost; _", "_; up 5 %; Amazon; shipping costs; _"]),
    ("Better recommendations could lift conversion by 5%.", None, &[],
        &["_; up 5 %; Amazon; _; _"]),
    ("Regionalization cut the distance to customers by 15%.", None, &[],
        &["_; down 15 %; Amazon; _; _"]),
    ("AWS cut prices by 20% in 2023.", None, &["AWS"],
        &["_; down 20 %; AWS; _; 2023"]),
    // A bare "full year": the year said after it, else the sentence's own period's.
    ("so for the full year twenty twenty three operating income was thirty six point nine billion", None, &[],
        &["36.9e9 USD; _; Amazon; operating income; FY 2023"]),
    ("Net income was $15.3 billion in the third quarter of 2024 and $59.2 billion for the full year.", None, &[],
        &["15.3e9 USD; _; Amazon; net income; Q3 2024", "59.2e9 USD; _; Amazon; net income; FY 2024"]),
    // Trailing twelve months "over" which a figure is counted, and the twelve before them.
    ("Free cash flow over the twelve months to June 30, 2024 was $52.9 billion, up from the $20.3 billion of the prior twelve months.", None, &[],
        &["52.9e9 USD; _; Amazon; free cash flow; TTM Q2 2024", "20.3e9 USD; _; Amazon; free cash flow; TTM Q2 2023"]),
    // A known level dated a year back by the words after it.
    ("Net income reached $15.3 billion in Q3 2024, well above the $9.9 billion of a year before.", None, &[],
        &["15.3e9 USD; _; Amazon; net income; Q3 2024", "9.9e9 USD; _; Amazon; net income; Q3 2023"]),
    // "even though" starts a claim of its own: its metric is not the figure's before it.
    ("Free cash flow came to $32.2 billion in 2024 even though capital expenditures rose to $83 billion.", None, &[],
        &["32.2e9 USD; _; Amazon; free cash flow; 2024", "83e9 USD; _; Amazon; capital expenditures; 2024"]),
    // A clause that ", and" goes on with keeps the metric; one with words of its own does not.
    ("Operating cash flow rose to $84.9 billion in 2023, and reached $115.9 billion in 2024.", None, &[],
        &["84.9e9 USD; _; Amazon; operating cash flow; 2023", "115.9e9 USD; _; Amazon; operating cash flow; 2024"]),
    ("Net sales were $575 billion in 2023, and the company repurchased $6 billion of its stock.", None, &[],
        &["575e9 USD; _; Amazon; revenue; 2023", "6e9 USD; _; Amazon; share repurchases; 2023"]),
    // Approximations after and before a number.
    ("Kuiper has a $4 billion-plus budget, and Amazon spent something like $1.5 billion on it in 2024.", None, &[],
        &["~4e9 USD; _; Amazon; investment; _", "~1.5e9 USD; _; Amazon; _; 2024"]),
    // A change in another unit than the level's is a claim of its own.
    ("Whole Foods, bought for $13.7 billion, has added 35 stores since.", None, &[],
        &["13.7e9 USD; _; Amazon; acquisition price; _", "_; up 35 count; Amazon; stores; _"]),
    // The metric named after the last amount of a list of segments is all of theirs.
    ("In Q2 2024 North America earned $5.1 billion, International $0.3 billion and AWS $9.3 billion of operating income.", None, &["North America", "International", "AWS"],
        &["5.1e9 USD; _; North America; operating income; Q2 2024", "300e6 USD; _; International; operating income; Q2 2024", "9.3e9 USD; _; AWS; operating income; Q2 2024"]),
    // A metric word inside a topic's name is part of the name.
    ("Whole Foods Market sales were about $5.1 billion in the quarter.", Some("Q3 2024"), &["Whole Foods Market"],
        &["~5.1e9 USD; _; Whole Foods Market; revenue; Q3 2024"]),
    // A change said after the earlier value it was measured from is the current level's.
    ("Operating income was $21.2 billion in Q1 2025, versus $15.3 billion in Q1 2024, a rise of about 39%.", None, &[],
        &["21.2e9 USD; up 39 %; Amazon; operating income; Q1 2025", "15.3e9 USD; _; Amazon; operating income; Q1 2024"]),
    // A period named for a comparison ("as in the second quarter") is not the figure's.
    ("Ad revenue grew 22% in Q3 2024, the same rate as in the second quarter, and reached $14.3 billion.", None, &[],
        &["_; up 22 %; Amazon; advertising revenue; Q3 2024", "14.3e9 USD; _; Amazon; advertising revenue; Q3 2024"]),
    // An earlier value restated per share, then dated.
    ("Net income was $15.3 billion, or $1.43 per diluted share, against $9.9 billion, or $0.94 per diluted share, a year earlier.", Some("Q3 2024"), &[],
        &["15.3e9 USD; _; Amazon; net income; Q3 2024", "1.43 USD; _; Amazon; eps; Q3 2024", "9.9e9 USD; _; Amazon; net income; Q3 2023", "0.94 USD; _; Amazon; eps; Q3 2023"]),
    // Market value is a market capitalization, not the size of a market.
    ("Amazon's market value was about $2.4 trillion at the end of Q2 2025.", None, &[],
        &["~2.4e12 USD; _; Amazon; market capitalization; Q2 2025"]),
    // A price a month or a year is a subscription's.
    ("Prime still costs $14.99 a month in the US, while RxPass is $5/month.", Some("Q2 2025"), &[],
        &["14.99 USD; _; Amazon; subscription price; Q2 2025", "5 USD; _; Amazon; subscription price; Q2 2025"]),
    // Two prices joined by "and" share the time they buy.
    ("The 2.5 mg and 5 mg Zepbound vials now sell for $349 and $499 a month.", Some("Q1 2025"), &["Zepbound"],
        &["349 USD; _; Zepbound; subscription price; Q1 2025", "499 USD; _; Zepbound; subscription price; Q1 2025"]),
    // London prices in pence, the dollars of another country; a screen's "1080p" and
    // third-party "3P" sellers are no money.
    ("The shares closed at 2,641p in London, and C$40 billion went into the plant.", Some("Q1 2025"), &[],
        &["26.41 GBP; _; Amazon; share price; Q1 2025", "40e9 CAD; _; Amazon; _; Q1 2025"]),
    ("The quarterly dividend is 27.5 pence a share.", Some("Q1 2025"), &[],
        &["0.275 GBP; _; Amazon; dividend per share; Q1 2025"]),
    // "Pounds" and "won" name money in a site that reports in them (`Scope::currency`),
    // and weigh or win elsewhere: see `a_word_that_names_money_only_in_its_site`.
    // The kind of a dividend holds across the change that leads to its level.
    ("The interim dividend goes up 10.4% to 4.25p.", Some("H1 2025"), &[],
        &["0.0425 GBP; up 10.4 %; Amazon; interim dividend per share; H1 2025"]),
    // A market share is a measure of its own; a change of it in basis points too.
    ("Tesco's UK market share was 28.3%, up 60 basis points.", Some("FY 2025"), &[],
        &["28.3 %; up 60 bps; Amazon; market share; FY 2025"]),
    // A change "at actual rates" leads to its level as one "in kroner" does, and the one
    // at constant rates after the level stands alone.
    ("Group sales rose 4.5% at actual rates to £61.48bn, or 4.6% at constant rates.", Some("FY 2024"), &[],
        &["61.48e9 GBP; up 4.5 %; Amazon; revenue; FY 2024", "_; up 4.6 %; Amazon; revenue; FY 2024"]),
    // A grocer's retail measures are not the group's; a maker's facility investment is its
    // capital spending.
    ("Retail free cash flow was £2.1bn and retail adjusted operating profit £3.05bn.", Some("FY 2025"), &[],
        &["2.1e9 GBP; _; Amazon; retail free cash flow; FY 2025",
          "3.05e9 GBP; _; Amazon; retail adjusted operating income; FY 2025"]),
    ("Facility investment was KRW 12.1 trillion in the quarter.", Some("Q2 2024"), &[],
        &["12.1e12 KRW; _; Amazon; capital expenditures; Q2 2024"]),
    // Pence under ten are written with their fraction; a whole "3p" is no money.
    ("The board proposed a final dividend of 8.25p, and 3p sellers grew.", Some("FY 2025"), &[],
        &["0.0825 GBP; _; Amazon; final dividend per share; FY 2025"]),
    // A currency's code before an amount, as wires write it, names it as its sign would.
    ("Net sales were EUR 9.26 billion and the dividend JPY 45 a share.", Some("Q4 2024"), &[],
        &["9.26e9 EUR; _; Amazon; revenue; Q4 2024", "45 JPY; _; Amazon; dividend per share; Q4 2024"]),
    // Codes glued before an amount as a sign is ("RMB280.2 billion"), and crowns, francs and
    // yuan by name or code.
    ("Revenue rose 8% to RMB280.2 billion (US$38.4 billion), and net income was 58.2 billion kroner.", Some("Q3 2025"), &[],
        &["280.2e9 CNY; up 8 %; Amazon; revenue; Q3 2025", "38.4e9 USD; _; Amazon; revenue; Q3 2025",
          "58.2e9 DKK; _; Amazon; net income; Q3 2025"]),
    ("Capital expenditure was CHF 1.2 billion and the dividend SEK 6.50 a share.", Some("Q3 2025"), &[],
        &["1.2e9 CHF; _; Amazon; capital expenditures; Q3 2025", "6.5 SEK; _; Amazon; dividend per share; Q3 2025"]),
    // EBITA is a measure of its own, and what is earned and paid per American depositary
    // share ("ADS", in capitals, is no advertising) is apart from what is per share.
    ("Adjusted EBITA slipped 1% to RMB45.0 billion, and diluted earnings per ADS came to RMB9.73.", Some("Q1 2025"), &[],
        &["45e9 CNY; down 1 %; Amazon; adjusted ebita; Q1 2025", "9.73 CNY; _; Amazon; earnings per ads; Q1 2025"]),
    ("Adjusted EBITA was RMB167.3 billion, a margin of 16.8%.", Some("FY 2025"), &[],
        &["167.3e9 CNY; _; Amazon; adjusted ebita; FY 2025", "16.8 %; _; Amazon; adjusted ebita margin; FY 2025"]),
    ("The annual dividend was US$1.05 per ADS.", Some("FY 2025"), &[],
        &["1.05 USD; _; Amazon; dividend per ads; FY 2025"]),
    // Rupees by sign, letters and word, in India's scale words: a crore is ten million, a
    // lakh crore a trillion; an amount in crore names rupees even without a sign, unless
    // it counts something ("10 crore shares").
    ("Net profit rose 11.4% to ₹6,806 crore and revenue was Rs 40,986 crore.", Some("Q3 2025"), &[],
        &["68.06e9 INR; up 11.4 %; Amazon; net income; Q3 2025", "409.86e9 INR; _; Amazon; revenue; Q3 2025"]),
    ("Revenue crossed ₹1.63 lakh crore, and the shares closed at Rs. 1,800.", Some("FY 2025"), &[],
        &["1.63e12 INR; _; Amazon; revenue; FY 2025", "1800 INR; _; Amazon; share price; FY 2025"]),
    ("It will buy back 10 crore shares, and net profit was 6,806 crore.", Some("Q2 2026"), &[],
        &["100e6 count; _; Amazon; shares; Q2 2026", "68.06e9 INR; _; Amazon; net income; Q2 2026"]),
    ("The final dividend is twenty two rupees per share, and earnings per share were sixteen rupees and ninety eight paise.",
        Some("FY 2025"), &[],
        &["22 INR; _; Amazon; final dividend per share; FY 2025", "16.98 INR; _; Amazon; eps; FY 2025"]),
    ("The board proposes a final dividend of seven kroner and ninety øre per share.", Some("FY 2024"), &[],
        &["7.9 DKK; _; Amazon; final dividend per share; FY 2024"]),
    ("Free cash flow was an outflow of $18.8 billion, against an inflow of $17.4 billion a year earlier.", Some("Q1 2026"), &[],
        &["-18.8e9 USD; _; Amazon; free cash flow; Q1 2026", "17.4e9 USD; _; Amazon; free cash flow; Q1 2025"]),
    // Cash used is a negative cash flow, and a loss per share a negative EPS.
    ("Free cash flow was a usage of $3.93 billion, and the core loss per share was $10.44.", Some("Q3 2024"), &[],
        &["-3.93e9 USD; _; Amazon; free cash flow; Q3 2024", "-10.44 USD; _; Amazon; core eps; Q3 2024"]),
    // Jetliner families are names; money said with the same digits is money.
    ("The 737 MAX and the 777X slipped, and it spent $737 million on the 787-9.", Some("Q3 2024"), &[],
        &["737e6 USD; _; Amazon; _; Q3 2024"]),
    // A count's earlier level said bare after "from" is a count of the same things.
    ("That is 348 airplanes, down 34% from 528 in 2023.", Some("FY 2024"), &[],
        &["348 count; down 34 %; Amazon; airplanes; FY 2024", "528 count; _; Amazon; airplanes; 2023"]),
    // A European luxury group's measures.
    ("Profit from recurring operations was €19.6 billion, and net financial debt fell to €9.1 billion.",
        Some("FY 2024"), &[],
        &["19.6e9 EUR; _; Amazon; profit from recurring operations; FY 2024", "9.1e9 EUR; _; Amazon; net debt; FY 2024"]),
    // A railroad's measures.
    ("The operating ratio was 59.9%, fuel surcharge revenue fell 22% to $540 million, and terminal dwell was 23.0 hours.",
        Some("FY 2024"), &[],
        &["59.9 %; _; Amazon; operating ratio; FY 2024", "540e6 USD; down 22 %; Amazon; fuel surcharge revenue; FY 2024",
          "23 count; _; Amazon; terminal dwell; FY 2024"]),
    // An IT-services company's measures.
    ("Large deal TCV was $2.5 billion, utilization excluding trainees was 86.0% and cash and investments stood at $4.66 billion.",
        Some("Q3 2025"), &[],
        &["2.5e9 USD; _; Amazon; large deal tcv; Q3 2025", "86 %; _; Amazon; utilization; Q3 2025",
          "4.66e9 USD; _; Amazon; cash and investments; Q3 2025"]),
    ("Prime Video streams in 1080p and 4K, and 3P sellers did 61% of units.", Some("Q1 2025"), &[],
        &["61 %; _; Amazon; _; Q1 2025"]),
    // A year that says when something happened to a thing dates that thing, not the
    // figures; "the 2023 revenue" is still a period.
    ("Production averaged 924,000 barrels a day, with the plant back at full rates after its 2023 shutdown.", Some("Q3 2024"), &[],
        &["924000 count; _; Amazon; production; Q3 2024"]),
    ("The 2023 revenue was $12.1 billion.", Some("Q3 2024"), &[],
        &["12.1e9 USD; _; Amazon; revenue; 2023"]),
    // Spoken thousands and what follows them are one number, scaled by a scale word after
    // it; "kboe/d" is thousands of barrels of oil equivalent a day.
    ("Headcount ended the quarter at one hundred eighty one thousand two hundred sixty nine.", Some("Q3 2024"), &[],
        &["181269 count; _; Amazon; headcount; Q3 2024"]),
    ("We had production of one thousand nine hundred and fifty thousand barrels of oil equivalent a day.", Some("Q4 2024"), &[],
        &["1.95e6 count; _; Amazon; production; Q4 2024"]),
    ("Production: 920–980 kboe/d.", Some("Q1 2025"), &[],
        &["920000..980000 count; _; Amazon; production; Q1 2025"]),
    // A price of one of a commodity's units is a price, not the revenue of the topic.
    ("Brent averaged $78.71 a barrel in the quarter.", Some("Q3 2024"), &["Brent"],
        &["78.71 USD; _; Brent; price; Q3 2024"]),
    // An amount said again as a share of another measure is no level of its measure.
    ("Net income was $5.0 billion, or 12% of revenue.", Some("Q3 2024"), &[],
        &["5e9 USD; _; Amazon; net income; Q3 2024", "12 %; _; Amazon; _; Q3 2024"]),
    // A spoken zero among a number's digits: "six point oh three".
    ("net income was six point oh three billion dollars in the quarter", Some("Q3 2024"), &[],
        &["6.03e9 USD; _; Amazon; net income; Q3 2024"]),
    // A count's measure named before a colon, not the noun that counts it.
    ("LNG sales: 65.8 million tonnes, against 67.1 million tonnes in 2023.", Some("FY 2024"), &[],
        &["65.8e6 count; _; Amazon; lng sales volumes; FY 2024", "67.1e6 count; _; Amazon; lng sales volumes; 2023"]),
    // "a year ago" after a price dates it; it is no price a year.
    ("Average transaction prices were $51,000, against $50,000 a year ago.", Some("Q4 2024"), &[],
        &["51000 USD; _; Amazon; _; Q4 2024", "50000 USD; _; Amazon; _; Q4 2023"]),
    // What a share trades at is its price, not what the company earned a share.
    ("At $262 a share, the stock trades at about 14 times earnings.", None, &[],
        &["262 USD; _; Amazon; share price; _", "~14 x; _; Amazon; price to earnings; _"]),
    ("JPMorgan shares closed at $262.10 on Friday, and the bank earned $4.81 a share in Q4 2024.", None, &["JPMorgan"],
        &["262.1 USD; _; JPMorgan; share price; _", "4.81 USD; _; JPMorgan; eps; Q4 2024"]),
    // What a buyback program allows, and what is left of it, are not what was bought back.
    ("It bought back about $0.5 billion of shares in 2024 under its programme of up to $12 billion.", None, &[],
        &["~500e6 USD; _; Amazon; share repurchases; 2024", "~12e9 USD; _; Amazon; share repurchase authorization; 2024"]),
    ("On buybacks we have about six billion dollars left on the twelve billion dollar program.", Some("Q4 2024"), &[],
        &["~6e9 USD; _; Amazon; remaining share repurchase authorization; Q4 2024", "12e9 USD; _; Amazon; share repurchase authorization; Q4 2024"]),
    ("You bought back fifteen point three billion this quarter with seventy billion authorized in April.", Some("Q2 2024"), &[],
        &["15.3e9 USD; _; Amazon; share repurchases; Q2 2024", "70e9 USD; _; Amazon; share repurchase authorization; Q2 2024"]),
    // The loss that ends a metric's name is no loss of the figure.
    ("Provision for credit losses of $2.6 billion: net charge-offs of $2.4 billion.", Some("Q4 2024"), &[],
        &["2.6e9 USD; _; Amazon; provision for credit losses; Q4 2024", "2.4e9 USD; _; Amazon; net charge-offs; Q4 2024"]),
    // A sentence that opens a year or a quarter back, and names no period, is of then.
    ("A year earlier non-GAAP EPS was just $0.10, also depressed by a charge.", Some("Q3 2024"), &[],
        &["0.1 USD; _; Amazon; non-gaap eps; Q3 2023"]),
    ("In the prior quarter operating margin was 11%.", Some("Q3 2024"), &[],
        &["11 %; _; Amazon; operating margin; Q2 2024"]),
    // What a growth is set against is not what the figure after it measures.
    ("The backlog is growing faster than revenue and it reached $86 billion at the end of September.", Some("Q3 2024"), &[],
        &["86e9 USD; _; Amazon; backlog; Q3 2024"]),
    // A telecom's measures: net additions, churn, revenue per account, adjusted EBITDA
    // and its margin (a measure of its own, not the GAAP EBITDA). A line that is no topic
    // names its net additions as it names its revenue.
    ("Postpaid phone net adds were 568,000; postpaid phone churn was 0.90% and ARPA rose 2.6% to $136.29.", Some("Q4 2024"), &[],
        &["568000 count; _; Amazon; postpaid phone net additions; Q4 2024", "0.9 %; _; Amazon; churn; Q4 2024", "136.29 USD; up 2.6 %; Amazon; average revenue per account; Q4 2024"]),
    ("Adjusted EBITDA was $12.1 billion, and the adjusted EBITDA margin was 35.9%.", Some("Q4 2024"), &[],
        &["12.1e9 USD; _; Amazon; adjusted ebitda; Q4 2024", "35.9 %; _; Amazon; adjusted ebitda margin; Q4 2024"]),
    ("Broadband net additions were 389,000, and Verizon's net additions were 627,000.", Some("Q3 2024"), &[],
        &["389000 count; _; Amazon; broadband net additions; Q3 2024", "627000 count; _; Amazon; net additions; Q3 2024"]),
    // EBIT is a measure of its own, as EBITDA is: a carmaker's segments report it, and a
    // margin or a loss said after it is its own; a segment's "earned" after it is EBIT too.
    ("Ford Blue posted EBIT of $1.4 billion on revenue of $25.1 billion, a margin of 5.6%.", Some("Q3 2024"), &["Ford Blue"],
        &["1.4e9 USD; _; Ford Blue; ebit; Q3 2024", "25.1e9 USD; _; Ford Blue; revenue; Q3 2024", "5.6 %; _; Ford Blue; ebit margin; Q3 2024"]),
    ("Model e posted an EBIT loss of $1.2 billion on revenue of $1.2 billion, compared with a loss of $1.3 billion in Q3 2023.", Some("Q3 2024"), &["Model e"],
        &["-1.2e9 USD; _; Model e; ebit; Q3 2024", "1.2e9 USD; _; Model e; revenue; Q3 2024", "-1.3e9 USD; _; Model e; ebit; Q3 2023"]),
    ("Ford Pro earned EBIT of $1.6 billion at a 10.1% margin, Ford Blue earned $1.7 billion, and Model e lost $1.4 billion.", Some("Q4 2024"), &["Ford Pro", "Ford Blue", "Model e"],
        &["1.6e9 USD; _; Ford Pro; ebit; Q4 2024", "10.1 %; _; Ford Pro; ebit margin; Q4 2024", "1.7e9 USD; _; Ford Blue; ebit; Q4 2024", "-1.4e9 USD; _; Model e; ebit; Q4 2024"]),
    ("Adjusted EBIT was $2.1 billion, a margin of 4.3%, and Ford Credit's earnings before taxes were $466 million.", Some("Q4 2024"), &["Ford Credit"],
        &["2.1e9 USD; _; Amazon; adjusted ebit; Q4 2024", "4.3 %; _; Amazon; adjusted ebit margin; Q4 2024", "466e6 USD; _; Ford Credit; ebt; Q4 2024"]),
    // "adjusted" after the first comma names a measure; it opens no aside that the period
    // before it would not date.
    ("For the full year, adjusted free cash flow was $6.7 billion.", Some("Q4 2024"), &[],
        &["6.7e9 USD; _; Amazon; adjusted free cash flow; FY 2024"]),
    // A count named right before its verb is what is counted; the noun after the number
    // says in what.
    ("Wholesales were 1,036,000 vehicles in the quarter.", Some("Q3 2024"), &[],
        &["1.036e6 count; _; Amazon; wholesales; Q3 2024"]),
    // Sales in whole units with no currency are units sold, not money.
    ("Mach-E sales were 51,745, up 27%, and revenue was $185.0 billion.", Some("FY 2024"), &[],
        &["51745 count; up 27 %; Amazon; units sold; FY 2024", "185e9 USD; _; Amazon; revenue; FY 2024"]),
    // Earnings of a few cents or dollars, not millions, are per share.
    ("Adjusted earnings were 49 cents a share, beating the 47 cents analysts had expected.", Some("Q3 2024"), &[],
        &["0.49 USD; _; Amazon; adjusted eps; Q3 2024", "0.47 USD; _; Amazon; adjusted eps; Q3 2024"]),
    // A margin said after operating income stays the operating margin.
    ("Operating income was $2.1 billion, a margin of 4.3%.", Some("Q4 2024"), &[],
        &["2.1e9 USD; _; Amazon; operating income; Q4 2024", "4.3 %; _; Amazon; operating margin; Q4 2024"]),
    // What a business adds to or loses from its subscribers is its net additions.
    ("Verizon lost 68,000 postpaid phones, while Business added 221,000 postpaid phones.", Some("Q3 2024"), &["Business"],
        &["-68000 count; _; Amazon; net additions; Q3 2024", "221000 count; _; Business; net additions; Q3 2024"]),
    // A topic named right after another is a line of it: the first is whose the figure
    // is, the second a part of what it measures.
    ("Consumer postpaid phone net additions were 491,000.", Some("Q4 2024"), &["Consumer", "Postpaid Phone"],
        &["491000 count; _; Consumer; postpaid phone net additions; Q4 2024"]),
    // A spoken rate below one: "point", then its digits one by one.
    ("churn was point nine zero percent in the quarter and for the full year it was point eight nine percent", Some("Q4 2024"), &[],
        &["0.9 %; _; Amazon; churn; Q4 2024", "0.89 %; _; Amazon; churn; FY 2024"]),
    // "During the year" spans the note's fiscal year; a balance "at year end" is of its
    // last quarter.
    ("We paid $11.2 billion in dividends during the year.", Some("Q4 2024"), &[],
        &["11.2e9 USD; _; Amazon; dividends; FY 2024"]),
    ("Headcount at year end was about 99,600.", Some("Q4 2024"), &[],
        &["~99600 count; _; Amazon; headcount; Q4 2024"]),
    // "q four", a quarter said aloud.
    ("operating income was uh six point two billion dollars in q three and we guide about five billion for q one", Some("Q4 2024"), &[],
        &["6.2e9 USD; _; Amazon; operating income; Q3 2024", "~5e9 USD; _; Amazon; operating income; Q1 2025"]),
    // Debt over earnings is leverage.
    ("Our net unsecured debt to adjusted EBITDA ratio was 2.3 times, and net debt to EBITDA was 2.1 times.", Some("Q4 2024"), &[],
        &["2.3 x; _; Amazon; leverage; Q4 2024", "2.1 x; _; Amazon; leverage; Q4 2024"]),
    // What is set aside against inventory is not inventory.
    ("Inventory was $6.7 billion and inventory provisions about $0.9 billion.", Some("Q2 2025"), &[],
        &["6.7e9 USD; _; Amazon; inventory; Q2 2025", "~900e6 USD; _; Amazon; inventory provisions; Q2 2025"]),
    // What a figure would have been without an item is its adjusted figure.
    ("Net income was $18.1 billion, including a $7.9 billion gain; excluding it, EPS would have been about $4.40.", Some("Q2 2024"), &[],
        &["18.1e9 USD; _; Amazon; net income; Q2 2024", "7.9e9 USD; _; Amazon; _; Q2 2024", "~4.4 USD; _; Amazon; adjusted eps; Q2 2024"]),
    // A figure said of the U.S. right after it is the U.S. part of its metric.
    ("Facebook has more than 3 billion monthly active users, and over 250 million monthly active users in the US.", Some("Q3 2024"), &[],
        &["~3e9 count; _; Amazon; monthly active users; Q3 2024", "~250e6 count; _; Amazon; us monthly active users; Q3 2024"]),
    // What was paid for a business.
    ("MGM, acquired for $8.5 billion in 2022, now feeds Prime Video.", None, &[],
        &["8.5e9 USD; _; Amazon; acquisition price; 2022"]),
    // A launch still to come counts satellites, not satellites launched.
    ("Amazon plans to launch 3,236 satellites for Kuiper.", None, &[],
        &["3236 count; _; Amazon; satellites; _"]),
    // Dollars and cents as they are said.
    ("diluted earnings came to a dollar twenty nine per share in the quarter", Some("Q3 2024"), &[],
        &["1.29 USD; _; Amazon; eps; Q3 2024"]),
    // The metric named after a change it qualifies ("the 11% rise in net sales").
    ("Shipping costs grew 7%, slower than the 11% rise in net sales.", Some("2024"), &[],
        &["_; up 7 %; Amazon; shipping costs; 2024", "_; up 11 %; Amazon; revenue; 2024"]),
    // "last year" in a call names the year before the call's period.
    ("and uh we had more than three hundred million customers use it last year", Some("Q1 2025"), &[],
        &["~300e6 count; _; Amazon; customers; 2024"]),
    // "the same quarter last year" is a quarter a year back, not last year; and "last
    // year" said of a fourth quarter (in the next year) names no year.
    ("operating income was four point two billion up from three point one billion in the same quarter last year", Some("Q2 2025"), &[],
        &["4.2e9 USD; _; Amazon; operating income; Q2 2025", "3.1e9 USD; _; Amazon; operating income; Q2 2024"]),
    ("we had about two hundred million customers use it last year", Some("Q4 2024"), &[],
        &["~200e6 count; _; Amazon; customers; Q4 2024"]),
    // Net income, then the same per share as a call says it.
    ("and net income was seventeen point one billion or a dollar fifty nine a share", Some("Q3 2024"), &[],
        &["17.1e9 USD; _; Amazon; net income; Q3 2024", "1.59 USD; _; Amazon; eps; Q3 2024"]),
    // "relative to" names an earlier value, as "compared with" does.
    ("Operating income reached $11.2 billion in Q3 2024, relative to $7.9 billion a year ago.", None, &[],
        &["11.2e9 USD; _; Amazon; operating income; Q3 2024", "7.9e9 USD; _; Amazon; operating income; Q3 2023"]),
    // A quarter named by the month it ends, a half by its place in the year.
    ("We guided revenue for the December quarter to about $190 billion.", Some("Q3 2025"), &[],
        &["~190e9 USD; _; Amazon; revenue; Q4 2025"]),
    ("Capex should rise to roughly $35 billion a quarter in the back half of 2025.", None, &[],
        &["~35e9 USD; _; Amazon; capital expenditures; H2 2025"]),
    // "the same period of 2024" is the sentence's own period a year back.
    ("Net sales were $155.7 billion in the three months ended March 31, 2025, against $143.3 billion in the same period of 2024.", None, &[],
        &["155.7e9 USD; _; Amazon; revenue; Q1 2025", "143.3e9 USD; _; Amazon; revenue; Q1 2024"]),
    // Spoken years after "fiscal" and after "the third quarter of".
    ("for fiscal twenty twenty four we delivered six hundred thirty eight billion in revenue", None, &[],
        &["638e9 USD; _; Amazon; revenue; FY 2024"]),
    ("compared with eleven point two billion dollars in the third quarter of twenty twenty four", Some("Q3 2025"), &[],
        &["11.2e9 USD; _; Amazon; _; Q3 2024"]),
    // A per-share restatement is the amount's own, not the next amount's metric.
    ("Net income rose to $59.2 billion, or $5.53 a diluted share, against $30.4 billion in 2023.", Some("FY 2024"), &[],
        &["59.2e9 USD; _; Amazon; net income; FY 2024", "5.53 USD; _; Amazon; eps; FY 2024", "30.4e9 USD; _; Amazon; net income; 2023"]),
    // A relative clause right after the metric speaks of it, and the main clause goes on.
    ("Ad sales, which surpassed $56 billion for fiscal 2024, grew another 19% to $13.9 billion in the first quarter of 2025.", None, &[],
        &["56e9 USD; _; Amazon; advertising revenue; FY 2024", "13.9e9 USD; up 19 %; Amazon; advertising revenue; Q1 2025"]),
    // The balance sheet.
    ("Amazon held $86.8 billion of cash and marketable securities and $58.3 billion of long-term debt at the end of 2023.", None, &[],
        &["86.8e9 USD; _; Amazon; cash and marketable securities; 2023", "58.3e9 USD; _; Amazon; long-term debt; 2023"]),
    // A verb form before the counted noun describes it; users are customers, members subscribers.
    ("The program counts 300 million paying members and 40 million users.", None, &[],
        &["300e6 count; _; Amazon; subscribers; _", "40e6 count; _; Amazon; customers; _"]),
    // The business a price was paid for owns it; the product a count counts owns it.
    ("Zoox, which Amazon bought for roughly $1.2 billion in 2020, makes robotaxis.", None, &["Zoox"],
        &["~1.2e9 USD; _; Zoox; acquisition price; 2020"]),
    ("Amazon has sold upward of 500 million Alexa devices.", None, &["Alexa"],
        &["~500e6 count; _; Alexa; devices; _"]),
    // The digits of a period phrase are no count.
    ("- Q3'25 net sales: $180.2B, +13% y/y", None, &[],
        &["180.2e9 USD; up 13 % YoY; Amazon; revenue; Q3 2025"]),
    // An earlier value said before any metric is the earlier value of the level after it.
    ("Compared with the $7.2 billion it earned in Q4 2023, AWS's operating income of $10.6 billion in Q4 2024 marks the turn.", None, &["AWS"],
        &["7.2e9 USD; _; AWS; operating income; Q4 2023", "10.6e9 USD; _; AWS; operating income; Q4 2024"]),
    // What is compared, after "more" and after "better on".
    ("The pharmacy filled 40% more prescriptions in 2024.", None, &[],
        &["_; up 40 %; Amazon; prescriptions; 2024"]),
    ("Graviton4 is about 30% better on price performance.", None, &[],
        &["_; up 30 %; Amazon; price performance; _"]),
    // A relative clause says when the amount before it was.
    ("In Q1 2025 the AWS margin was 39.5%, above the 37.6% it posted in the same quarter of 2024.", None, &["AWS"],
        &["39.5 %; _; AWS; operating margin; Q1 2025", "37.6 %; _; AWS; operating margin; Q1 2024"]),
    // The first three or six months of a year.
    ("Amazon spent $24.3 billion on property and equipment in the first three months of 2025.", None, &[],
        &["24.3e9 USD; _; Amazon; _; Q1 2025"]),
    // A verb of buying a few words before "for $X".
    ("Zoox, which Amazon acquired in 2020 for about $1.2 billion, builds robotaxis.", None, &["Zoox"],
        &["~1.2e9 USD; _; Zoox; acquisition price; 2020"]),
    // "in the prior quarter" dates an earlier value a quarter back.
    ("Segment operating income fell to $10.2 billion in Q2 2025 from $11.5 billion in the prior quarter.", None, &[],
        &["10.2e9 USD; _; Amazon; operating income; Q2 2025", "11.5e9 USD; _; Amazon; operating income; Q1 2025"]),
    // What money was spent on; a metric named after a period phrase.
    ("Amazon spent about $30 billion on capital expenditures in Q3 2025.", None, &[],
        &["~30e9 USD; _; Amazon; capital expenditures; Q3 2025"]),
    ("North America contributed $93.0 billion of third-quarter 2023 sales.", None, &["North America"],
        &["93e9 USD; _; North America; revenue; Q3 2023"]),
    // A segment's profit is its operating income.
    ("international segment profit was uh one point one billion dollars", Some("Q1 2025"), &["international"],
        &["1.1e9 USD; _; international; operating income; Q1 2025"]),
    // People are a workforce only where the sentence speaks of work.
    ("The ad tier now reaches about 130 million people in the US.", None, &[],
        &["~130e6 count; _; Amazon; people; _"]),
    ("Amazon employed about 1.5 million people at the end of 2024.", None, &[],
        &["~1.5e6 count; _; Amazon; headcount; 2024"]),
    // Money put into something; how the shares moved.
    ("The company will pour £10 billion into data centres in Germany.", None, &[],
        &["10e9 GBP; _; Amazon; investment; _"]),
    ("Amazon shares, which had slid 8% in a week, recovered by Friday.", None, &[],
        &["_; down 8 %; Amazon; share price; _"]),
    // A subscription business: members, net adds and "ARM", in capitals only.
    ("Paid memberships rose to 301.6 million, up 16% year over year, and paid net adds were 18.9 million.", Some("Q4 2024"), &[],
        &["301.6e6 count; up 16 % YoY; Amazon; subscribers; Q4 2024", "18.9e6 count; _; Amazon; paid net adds; Q4 2024"]),
    ("ARM was $17.26, up 3%, while the arm of the group grew 5% to $2 billion.", Some("Q4 2024"), &[],
        &["17.26 USD; up 3 %; Amazon; average revenue per membership; Q4 2024", "2e9 USD; up 5 %; Amazon; _; Q4 2024"]),
    // A count added beside the count added a year before, or beside a forecast, is a
    // change too, not a level of the members counted.
    ("We added 18.9 million paid memberships in the quarter, up from 13.1 million in Q4 2023.", Some("Q4 2024"), &[],
        &["18.9e6 count; _; Amazon; net additions; Q4 2024", "13.1e6 count; _; Amazon; net additions; Q4 2023"]),
    ("Netflix added 18.9 million subscribers in the quarter, far above the roughly 9 million analysts had expected.", Some("Q4 2024"), &[],
        &["18.9e6 count; _; Amazon; net additions; Q4 2024", "~9e6 count; _; Amazon; net additions; Q4 2024"]),
    // The period of a figure set beside another as an earlier one's is not the other's.
    ("AWS grew 13%, up from 12% in the third quarter.", Some("Q4 2024"), &["AWS"],
        &["_; up 13 %; AWS; revenue; Q4 2024", "_; up 12 %; AWS; _; Q3 2024"]),
    ("Revenue was $9.8 billion, above the $9.6 billion of the second quarter and the $9.7 billion analysts expected.", Some("Q3 2024"), &[],
        &["9.8e9 USD; _; Amazon; revenue; Q3 2024", "9.6e9 USD; _; Amazon; revenue; Q2 2024", "9.7e9 USD; _; Amazon; revenue; Q3 2024"]),
    ("Netflix added 5.1 million paid memberships, below the 8.0 million of the second quarter, and ended September with 282.7 million.", Some("Q3 2024"), &[],
        &["5.1e6 count; _; Amazon; net additions; Q3 2024", "8e6 count; _; Amazon; net additions; Q2 2024", "282.7e6 count; _; Amazon; subscribers; Q3 2024"]),
    // A segment's growth with a few words set off after its name is its revenue's.
    ("Amazon Web Services, the largest cloud provider, grew 19% to $27.5 billion.", Some("Q3 2024"), &["Amazon Web Services"],
        &["27.5e9 USD; up 19 %; Amazon Web Services; revenue; Q3 2024"]),
    // A half said with a hyphen is a half ("second-half revenue").
    ("Second-half revenue should reach $40 billion, and first-half margins were 30%.", Some("Q2 2024"), &[],
        &["40e9 USD; _; Amazon; revenue; H2 2024", "30 %; _; Amazon; operating margin; H1 2024"]),
    // A relative clause ends the words a number counts.
    ("Season 2 reached the Top 10 in all 93 countries where Netflix publishes a list.", None, &[],
        &["93 count; _; Amazon; countries; _"]),
    // What a media business spends on content and books for it; a transcript's "the financials".
    ("We expect to spend about $18 billion in cash on content in 2025, against $15.3 billion of content amortization in 2024.", None, &[],
        &["~18e9 USD; _; Amazon; content spending; 2025", "15.3e9 USD; _; Amazon; content amortization; 2024"]),
    ("Net cash provided by operating activities was $7.4 billion and gross debt was $15.6 billion.", Some("FY 2024"), &[],
        &["7.4e9 USD; _; Amazon; operating cash flow; FY 2024", "15.6e9 USD; _; Amazon; gross debt; FY 2024"]),
    ("and just to add on the financials revenue came in at ten point two five billion dollars", Some("Q4 2024"), &[],
        &["10.25e9 USD; _; Amazon; revenue; Q4 2024"]),
    // A range said after "from" is a range; a move "from … to" is not. The guide before
    // it was raised is of the same period as the guide it became.
    ("The revenue guide was raised to $43.5-44.5 billion, from $43-44 billion.", Some("Q4 2024"), &[],
        &["43.5e9..44.5e9 USD; _; Amazon; revenue; Q4 2024", "43e9..44e9 USD; _; Amazon; revenue; Q4 2024"]),
    // Hours by the billion are counted; a day's hours are a while.
    ("Members watched roughly 95 billion hours in the second half of 2024, and the stream ran 24 hours.", None, &[],
        &["~95e9 count; _; Amazon; viewing hours; H2 2024"]),
    // When in the day the shares moved stands between the move and the price.
    ("Shares jumped 14% in extended trading to $977.", None, &[],
        &["977 USD; up 14 %; Amazon; share price; _"]),
    // An analyst's actual year ("2024A") is that year, as an estimate's is.
    ("| Revenue | 2024A | $39.0B |", None, &[],
        &["39e9 USD; _; Amazon; revenue; 2024"]),
    // The price a move took the shares to; an amount taken off a metric, or added to it.
    ("Its shares rose 3.5% to $135.58, giving it a market value of about $3.34 trillion.", None, &[],
        &["135.58 USD; up 3.5 %; Amazon; share price; _", "~3.34e12 USD; _; Amazon; market capitalization; _"]),
    ("The shares tumbled 17% on Monday, wiping roughly $589 billion off the company's market value.", None, &[],
        &["_; down 17 %; Amazon; share price; _", "_; down 589e9 USD; Amazon; market capitalization; _"]),
    ("Its shares rose 2% on the day, adding about $13 billion to its market value.", None, &[],
        &["_; up 2 %; Amazon; share price; _", "_; up 13e9 USD; Amazon; market capitalization; _"]),
    // "the opening quarter", "the final quarter"; "in the quarter" is the note's quarter.
    ("Ad revenue advanced 18% to $17.7 billion in the final quarter of 2024.", None, &[],
        &["17.7e9 USD; up 18 %; Amazon; advertising revenue; Q4 2024"]),
    ("capex was twenty six billion in the quarter and we expect about a hundred billion for the full year", Some("Q4 2024"), &[],
        &["26e9 USD; _; Amazon; capital expenditures; Q4 2024", "~100e9 USD; _; Amazon; capital expenditures; FY 2024"]),
    // "(Q4 2023: $13.2B)": a period and a colon name the amount after them.
    ("- Q4 2024 op. income $21.2B (Q4 2023: $13.2B)", None, &[],
        &["21.2e9 USD; _; Amazon; operating income; Q4 2024", "13.2e9 USD; _; Amazon; operating income; Q4 2023"]),
    // A restatement in parentheses does not end the words that date an earlier value.
    ("Net income was $10.6 billion ($1.00 per diluted share), versus $6.7 billion ($0.65 per diluted share) in Q2 2023.", Some("Q2 2024"), &[],
        &["10.6e9 USD; _; Amazon; net income; Q2 2024", "1 USD; _; Amazon; eps; Q2 2024", "6.7e9 USD; _; Amazon; net income; Q2 2023", "0.65 USD; _; Amazon; eps; Q2 2023"]),
    // "a share of" is a portion, not a per-share figure.
    ("AWS held a share of roughly 31% of the cloud market in 2024.", None, &["AWS"],
        &["~31 %; _; AWS; _; 2024"]),
    // "a year earlier" after an earlier value's restatement in parentheses dates it.
    ("Net income was $10.6 billion ($1.00 per diluted share), up from $6.7 billion ($0.65 per diluted share) a year earlier.", Some("Q2 2024"), &[],
        &["10.6e9 USD; _; Amazon; net income; Q2 2024", "1 USD; _; Amazon; eps; Q2 2024", "6.7e9 USD; _; Amazon; net income; Q2 2023", "0.65 USD; _; Amazon; eps; Q2 2023"]),
    // A table row with two periods: each amount is its own column's period.
    ("| FY 2024 | Operating income | $68.6B | FY 2023 | $36.9B |", None, &[],
        &["68.6e9 USD; _; Amazon; operating income; FY 2024", "36.9e9 USD; _; Amazon; operating income; FY 2023"]),
    // Distractors: numbers that are not figures.
    ("Amazon launched Trainium2 and Graviton4 in 2023, five years after GPT-4 and Windows 11.", None, &[],
        &[]),
    ("As of December 31st, 2023, we had filed our Form 10K and 10-K/A with the SEC.", None, &[],
        &[]),
    ("It streamed a movie in ultra HD 4k over 24 hours during the second season.", None, &[],
        &[]),
    ("We expect this to continue for at least the next couple of quarters, said Mr. Jassy at 10:30.", None, &[],
        &[]),
    ("Customers saved across 3 distinct layers in 2024 and Q4.", None, &[],
        &[]),
];

fn short(x: f64) -> String {
    for e in [12, 9, 6] {
        let p = 10f64.powi(e);
        if x.abs() >= p {
            let m = (x / p * 1e6).round() / 1e6;
            return format!("{m}e{e}");
        }
    }
    format!("{}", (x * 1e6).round() / 1e6)
}

fn line(f: &Found) -> String {
    let value = f.value.as_ref().map_or("_".to_string(), |v| {
        let upper = v.upper.map(|u| format!("..{}", short(u))).unwrap_or_default();
        format!(
            "{}{}{upper} {}",
            if v.approx { "~" } else { "" },
            short(v.amount),
            v.unit
        )
    });
    let change = f.change.as_ref().map_or("_".to_string(), |c| {
        let basis = c.basis.as_ref().map(|b| format!(" {b}")).unwrap_or_default();
        format!("{} {} {}{basis}", c.direction, short(c.amount), c.unit)
    });
    let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "_".to_string());
    format!(
        "{value}; {change}; {}; {}; {}",
        opt(&f.subject),
        opt(&f.metric),
        opt(&f.period)
    )
}

fn mentions(text: &str, topics: &[&str]) -> Vec<SubjectMention> {
    let mut out: Vec<SubjectMention> = topics
        .iter()
        .flat_map(|t| {
            text.match_indices(t).map(|(i, m)| SubjectMention {
                range: i..i + m.len(),
                subject: t.to_string(),
            })
        })
        .collect();
    let lower = text.to_lowercase();
    for t in topics {
        for (i, m) in lower.match_indices(&t.to_lowercase()) {
            if !out.iter().any(|o| o.range.start == i) {
                out.push(SubjectMention {
                    range: i..i + m.len(),
                    subject: t.to_string(),
                });
            }
        }
    }
    out.sort_by_key(|m| m.range.start);
    out
}

#[test]
fn labelled_sentences() {
    let mut failures = Vec::new();
    for (text, page, topics, want) in CASES {
        let scope = Scope {
            default_subject: Some("Amazon".to_string()),
            page_period: page.map(str::to_string),
            ..Scope::default()
        };
        let got: Vec<String> = extract(text, &mentions(text, topics), &scope)
            .iter()
            .map(line)
            .collect();
        if got != *want {
            failures.push(format!("{text}\n  want {want:#?}\n  got  {got:#?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn a_word_that_names_money_only_in_its_site() {
    // The amounts of `text`'s figures with their units, in a site of currency `currency`.
    let amounts = |text: &str, currency: &'static str| {
        let scope = Scope {
            currency: Some(currency),
            ..Scope::default()
        };
        (extract(text, &[], &scope).iter())
            .map(|f| line(f).split(';').next().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    let pounds = "Group sales were sixty three point six billion pounds, up three point four per cent.";
    assert_eq!(amounts(pounds, "GBP"), ["63.6e9 GBP"]);
    let spoken = "The hourly rate for store colleagues rises to twelve pounds forty five.";
    assert_eq!(amounts(spoken, "GBP"), ["12.45 GBP"]);
    // Elsewhere a pound weighs.
    assert!(amounts(pounds, "USD").iter().all(|f| !f.contains("GBP")));
    let won = "Operating profit was ten point four trillion won.";
    assert_eq!(amounts(won, "KRW"), ["10.4e12 KRW"]);
    assert!(amounts(won, "USD").iter().all(|f| !f.contains("KRW")));
}

#[test]
fn ranges_cover_the_figure_text() {
    let s = "AWS revenue grew 13% year-over-year to $24.2 billion, a record.";
    let f = extract(s, &[], &Scope::default());
    assert_eq!(&s[f[0].range.clone()], "grew 13% year-over-year to $24.2 billion");
}

#[test]
fn a_figure_that_opens_a_parenthesis_closes_it() {
    let words = |s: &str| {
        let f = extract(s, &[], &Scope::default());
        f.iter().map(|f| s[f.range.clone()].to_string()).collect::<Vec<_>>()
    };
    assert_eq!(words("Backlog: $39.4 billion (-9% YoY)"), ["$39.4 billion (-9% YoY)"]);
    assert_eq!(
        words("Net sales were $149.2 billion (+12% year-over-year, ex-FX); operating income rose."),
        ["$149.2 billion (+12% year-over-year, ex-FX)"]
    );
    // Not past another figure: each keeps its own words.
    assert_eq!(
        words("Revenue was $9.1 billion (+12% YoY, 10% ex-FX)."),
        ["$9.1 billion (+12% YoY", "10%"]
    );
}

#[test]
fn amounts_are_the_decimals_written() {
    let s = "Revenue was between $67.1 billion and $71.1 billion, net income $16.1 billion, down 0.3%.";
    let f = extract(s, &[], &Scope::default());
    let value = f[0].value.as_ref().expect("a range");
    assert_eq!((value.amount, value.upper), (67_100_000_000.0, Some(71_100_000_000.0)));
    assert_eq!(f[1].value.as_ref().map(|v| v.amount), Some(16_100_000_000.0));
    assert_eq!(f[1].change.as_ref().map(|c| c.amount), Some(0.3));
    assert_eq!(decimal(0.05), 0.05);
    assert_eq!(decimal(1.25), 1.25);
    assert_eq!(decimal(7e15), 7e15);
}

#[test]
fn sentences_without_numbers_exit_early() {
    assert!(extract("Amazon is investing in generative AI.", &[], &Scope::default()).is_empty());
}

#[test]
fn never_panics_on_any_slice_of_a_sentence() {
    let texts = [
        "$ 5 % -- (−) ≈~ 1,2,3 4.5.6 $-.5B Q4'2 FY' 2023-24 one point a hundred 10-K \u{202f}7\u{202f}% …",
        "AWS: revenue $24.2B (+13% YoY), compared with $21.4B, up from a loss of $2.2B in Q4 2022; 400M-500M homes",
        "Advertising grew 26% year-over-year, vs. 7 billion items (2024) and two and a half million members in AWS.",
        "$5 billion or more than $6 billion, up 4x to tripled 10-12% +8% to +13% between $1 and $2 or so from 3 to 4.",
    ];
    let scope = Scope {
        default_subject: Some("Amazon".into()),
        page_period: Some("Q4 2023".into()),
        ..Scope::default()
    };
    for odd in texts {
        for (i, _) in odd.char_indices() {
            for (j, _) in odd[i..].char_indices() {
                let part = &odd[i..i + j];
                let aws = part.match_indices("AWS").map(|(at, _)| SubjectMention {
                    range: at..at + 3,
                    subject: "AWS".into(),
                });
                let _ = extract(part, &aws.collect::<Vec<_>>(), &scope);
                let _ = split_sentences(part);
                let _ = parse_period(part);
            }
        }
    }
}
