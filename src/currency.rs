//! Currencies as notes write them and as folio shows them. Reading a figure (the sign
//! before "$24.2 billion", the code before "Rs 40,986 crore", the name after "5 billion
//! yen"), reading a table's caption ("€ millions", "millions of rupees") and writing a
//! value ("$24.2B") all ask this one table, so a currency is added in one place.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// A currency folio reads.
struct Currency {
    /// Its ISO 4217 code: the unit of its figures.
    code: &'static str,
    /// Signs written glued before an amount ("$", "€", "HK$"), the one folio writes first.
    signs: &'static [&'static str],
    /// Codes written before an amount, in lower case ("usd 5 billion", "rs 40,986 crore").
    before: &'static [&'static str],
    /// Names and codes written after an amount, in lower case ("5 billion yen", "€3 eur").
    after: &'static [&'static str],
    /// Whether folio shows its values after its first sign ("$24.2B"); if not, after its
    /// code ("TWD 868.5B", `render::format`).
    shown_by_sign: bool,
}

/// A currency of the table: its code, signs, codes before and names after an amount, and
/// whether folio shows it by its sign.
const fn money(
    code: &'static str,
    signs: &'static [&'static str],
    before: &'static [&'static str],
    after: &'static [&'static str],
    shown_by_sign: bool,
) -> Currency {
    Currency {
        code,
        signs,
        before,
        after,
        shown_by_sign,
    }
}

/// Every currency folio reads. A sign stands for one currency only: "¥" is the yen's,
/// as Japanese notes write it; yuan are written "RMB" or "yuan".
const CURRENCIES: &[Currency] = &[
    money(
        "USD",
        &["$", "US$"],
        &["usd", "us$"],
        &["dollars", "dollar", "usd"],
        true,
    ),
    money("EUR", &["€"], &["eur"], &["euros", "euro", "eur"], true),
    money("GBP", &["£"], &["gbp"], &["sterling", "gbp"], true),
    money("JPY", &["¥"], &["jpy"], &["yen", "jpy"], true),
    // "RMB280.2 billion": the letters are written before an amount as a sign is.
    money(
        "CNY",
        &["RMB"],
        &["rmb", "cny"],
        &["yuan", "renminbi", "rmb", "cny"],
        false,
    ),
    money("TWD", &["NT$"], &["twd", "ntd"], &["twd", "ntd"], false),
    money("INR", &["₹"], &["inr", "rs", "rs."], &["rupees", "rupee", "inr"], true),
    money("CAD", &["C$", "CA$", "Can$"], &["cad"], &["cad"], false),
    money("AUD", &["A$", "AU$"], &["aud"], &["aud"], false),
    money("HKD", &["HK$"], &["hkd"], &["hkd"], false),
    money("SGD", &["S$", "SG$"], &["sgd"], &["sgd"], false),
    money("NZD", &["NZ$"], &["nzd"], &["nzd"], false),
    money("BRL", &["R$"], &["brl"], &["reais", "brl"], false),
    money("MXN", &["MX$", "Mex$"], &["mxn"], &["mxn"], false),
    // "Won" after an amount is as often the verb: only the code is read, and the word in a
    // site that reports in won (`of_name_in`).
    money("KRW", &["₩"], &["krw"], &["krw"], true),
    // Danish and Norwegian crowns are both "kroner": the Danish are the ones English notes
    // write so (Novo Nordisk, Maersk, Carlsberg), the Norwegian are written "NOK".
    money("DKK", &["DKK"], &["dkk"], &["kroner", "krone", "dkk"], false),
    money("SEK", &["SEK"], &["sek"], &["kronor", "krona", "sek"], false),
    money("NOK", &["NOK"], &["nok"], &["nok"], false),
    money("CHF", &["CHF"], &["chf"], &["francs", "chf"], false),
    money("ZAR", &["ZAR"], &["zar"], &["rand", "zar"], false),
];

fn find(pred: impl Fn(&Currency) -> bool) -> Option<&'static Currency> {
    CURRENCIES.iter().find(|c| pred(c))
}

/// The currency a sign of one token stands for: "$", "€", "£", "¥", "₹".
pub fn of_sign(sign: &str) -> Option<&'static str> {
    let one = sign.chars().nth(1).is_none();
    find(|c| one && c.signs.first() == Some(&sign)).map(|c| c.code)
}

/// The dollars a country's letters glued before "$" name ("US", "C", "NT", "HK").
pub fn of_country_dollars(letters: &str) -> Option<&'static str> {
    let dollars = |sign: &&str| sign.strip_suffix('$') == Some(letters);
    find(|c| c.signs.iter().any(dollars)).map(|c| c.code)
}

/// The currency a word after an amount names, in ASCII lower case: "dollars", "euro",
/// "yen", "yuan", "sterling", "rupees" and the codes. Not "pounds", which weigh as often
/// (`of_name_in`).
pub fn of_name(lower: &[u8]) -> Option<&'static str> {
    // Asked of every word after a number: one look in a map, where a walk through the
    // table compared each word with every name (38 M instructions of a 1,000-note build).
    static AFTER: LazyLock<FxHashMap<&[u8], &str>> = LazyLock::new(|| by_name(|c| c.after));
    AFTER.get(lower).copied()
}

/// Words after an amount that name a currency only in a site that reports in it:
/// "pounds" weigh as often as they pay ("1.7 billion pounds of copper"), and "won" is as
/// often the verb. In a British grocer's notes "sixty three point six billion pounds" is
/// money, as "79 trillion won" is in a Korean chipmaker's.
const NAMED_IN_ITS_SITE: &[(&str, &str)] = &[("pounds", "GBP"), ("pound", "GBP"), ("won", "KRW")];

/// The currency a word after an amount names in a site whose currency is `site`: any
/// `of_name` gives, and the site's own by a name it shares with a weight or a verb.
pub fn of_name_in(lower: &[u8], site: &str) -> Option<&'static str> {
    of_name(lower).or_else(|| of_name_in_its_site(lower).filter(|code| *code == site))
}

/// The currency a word of `NAMED_IN_ITS_SITE` names where it names one.
fn of_name_in_its_site(lower: &[u8]) -> Option<&'static str> {
    (NAMED_IN_ITS_SITE.iter())
        .find(|(name, _)| name.as_bytes() == lower)
        .map(|(_, code)| *code)
}

/// The codes of the table by the names `names` gives each currency, the first
/// currency's where two give one name.
fn by_name(names: fn(&Currency) -> &'static [&'static str]) -> FxHashMap<&'static [u8], &'static str> {
    let pairs = CURRENCIES
        .iter()
        .rev()
        .flat_map(|c| names(c).iter().map(|n| (n.as_bytes(), c.code)));
    pairs.collect()
}

/// The currency a code before an amount names, in ASCII lower case ("usd", "rs").
pub fn of_code_before(lower: &[u8]) -> Option<&'static str> {
    static BEFORE: LazyLock<FxHashMap<&[u8], &str>> = LazyLock::new(|| by_name(|c| c.before));
    BEFORE.get(lower).copied()
}

/// The sign folio writes values of `code` after ("$24.2B"), if it writes them so.
pub fn shown_sign(code: &str) -> Option<&'static str> {
    find(|c| c.code == code && c.shown_by_sign).and_then(|c| c.signs.first().copied())
}

/// How a table's caption names a currency at the start of its words ("us$ in millions",
/// "€m", "rs crore"), in lower case: the sign a cell is written with so that prose reading
/// finds it ("$", "NT$", "₹"), and the words after it. The longest name wins ("us$" over
/// "$", "rs." over "rs"). A currency without a sign is not read in captions.
pub fn caption_prefix(words: &str) -> Option<(&'static str, &str)> {
    let mut best: Option<(&'static str, usize)> = None;
    let first = words.as_bytes().first()?.to_ascii_lowercase();
    for c in CURRENCIES {
        let Some(&written) = c.signs.first() else { continue };
        let names = c.signs.iter().chain(c.before).chain(c.after);
        for name in names {
            let starts = name.as_bytes()[0].to_ascii_lowercase() == first
                && words.get(..name.len()).is_some_and(|p| p.eq_ignore_ascii_case(name));
            if starts && best.is_none_or(|(_, len)| name.len() > len) {
                best = Some((written, name.len()));
            }
        }
    }
    best.map(|(written, len)| (written, &words[len..]))
}

/// The sign a table's caption means by "millions of X", X in lower case ("dollars",
/// "euros", "pounds sterling", "new taiwan dollars"), to write its cells with.
pub fn caption_of(of: &str) -> Option<&'static str> {
    let code = match of.trim_start_matches("u.s. ").trim_start_matches("us ") {
        "pounds sterling" => "GBP",
        "nt dollars" | "new taiwan dollars" => "TWD",
        // In a table's caption pounds and won are money, whatever the site's currency.
        other => of_name(other.as_bytes()).or_else(|| of_name_in_its_site(other.as_bytes()))?,
    };
    find(|c| c.code == code).and_then(|c| c.signs.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sign_a_code_and_a_name_name_one_currency() {
        assert_eq!(of_sign("€"), Some("EUR"));
        assert_eq!(of_sign("HK$"), None, "a country's dollars are letters and a sign");
        assert_eq!(of_country_dollars("HK"), Some("HKD"));
        assert_eq!(of_country_dollars("X"), None);
        assert_eq!(of_name(b"renminbi"), Some("CNY"));
        assert_eq!(of_name(b"pounds"), None);
        assert_eq!(of_code_before(b"rs"), Some("INR"));
        assert_eq!(shown_sign("INR"), Some("₹"));
        assert_eq!(shown_sign("TWD"), None);
    }

    #[test]
    fn captions_name_the_longest_currency_they_start_with() {
        assert_eq!(caption_prefix("us$ in millions"), Some(("$", " in millions")));
        assert_eq!(caption_prefix("rs. crore"), Some(("₹", " crore")));
        assert_eq!(caption_prefix("nt$ billions"), Some(("NT$", " billions")));
        assert_eq!(caption_prefix("yen m"), Some(("¥", " m")));
        assert_eq!(caption_prefix("rmb in millions"), Some(("RMB", " in millions")));
        assert_eq!(caption_prefix("dkk million"), Some(("DKK", " million")));
        assert_eq!(caption_prefix("units"), None);
        assert_eq!(caption_of("pounds sterling"), Some("£"));
        assert_eq!(caption_of("pounds"), Some("£"));
        assert_eq!(caption_of("won"), Some("₩"));
        assert_eq!(of_name_in(b"won", "KRW"), Some("KRW"));
        assert_eq!(of_name_in(b"won", "USD"), None);
        assert_eq!(caption_of("u.s. dollars"), Some("$"));
        assert_eq!(caption_of("widgets"), None);
    }
}
