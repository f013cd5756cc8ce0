//! Date and time expressions of Indonesian news copy, read from the document's tokens:
//! `Minggu (21/01)`, `Senin (22/1/2024)`, `Senin, 22 Januari 2024`, `21 Jan. 2024`,
//! `22-1-2024`, `21-23 Januari`, `pukul 10.00 WIB`, `pukul 10:00 WITA`.
//!
//! The parser is deliberately narrow: a number joined by slashes is only a date next to a
//! day name, after `tanggal`, or with a four-digit year (`24/7`, `1/2 kilogram` and
//! `UU 1/2023` are not dates); a number with a dot is only a time after `pukul`/`jam` or
//! before a time zone (`1.250` is not a time).

use chrono::Weekday;

use crate::document::{Document, TokenKind};
use crate::span::Span;

/// Day names as written in EYD V, with their weekday.
pub(crate) const WEEKDAYS: &[(&str, Weekday)] = &[
    ("Senin", Weekday::Mon),
    ("Selasa", Weekday::Tue),
    ("Rabu", Weekday::Wed),
    ("Kamis", Weekday::Thu),
    ("Jumat", Weekday::Fri),
    ("Sabtu", Weekday::Sat),
    ("Minggu", Weekday::Sun),
    ("Ahad", Weekday::Sun),
];

/// Month names, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// Month abbreviations used in copy (`21 Jan. 2024`, `17 Agt. 2025`).
const MONTH_ABBREVIATIONS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("febr", 2),
    ("peb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("agst", 8),
    ("agus", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("nop", 11),
    ("des", 12),
];

/// A misspelt day or month name: what it should read, and whether it is only a slip next
/// to a date (`Senen` is also a Jakarta district, `Nopember` is in the name of ITS).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Misspelling {
    /// The standard form.
    pub(crate) canonical: &'static str,
    /// Only a slip in a date context.
    pub(crate) needs_context: bool,
}

const MISSPELT_DAYS: &[(&str, &str, bool)] = &[
    ("jum'at", "Jumat", false),
    ("jumaat", "Jumat", true),
    ("rabo", "Rabu", true),
    ("rebo", "Rabu", true),
    ("senen", "Senin", true),
    ("kemis", "Kamis", true),
    ("salasa", "Selasa", true),
];

const MISSPELT_MONTHS: &[(&str, &str, bool)] = &[
    ("januri", "Januari", false),
    ("janurai", "Januari", false),
    ("febuari", "Februari", false),
    ("pebruari", "Februari", false),
    ("febrari", "Februari", false),
    ("feburari", "Februari", false),
    ("agusuts", "Agustus", false),
    ("agustur", "Agustus", false),
    ("nopember", "November", false),
    ("desembar", "Desember", false),
    ("oktomber", "Oktober", false),
    ("septembar", "September", false),
];

/// Every day and month name and known misspelling of one, by key: one look-up tells the
/// day- and month-name rules to pass a word over.
static CALENDAR_WORDS: std::sync::LazyLock<crate::hash::WordSet> = std::sync::LazyLock::new(|| {
    WEEKDAYS
        .iter()
        .map(|(n, _)| *n)
        .chain(MONTHS)
        .chain(MISSPELT_DAYS.iter().map(|(w, _, _)| *w))
        .chain(MISSPELT_MONTHS.iter().map(|(w, _, _)| *w))
        .map(str::to_ascii_lowercase)
        .collect()
});

/// True when `word_key` (a key) is a day or month name or a known misspelling of one:
/// [`weekday_of`], [`month_of`], [`misspelt_day`] or [`misspelt_month`] knows it.
pub(crate) fn is_calendar_word(word_key: &str) -> bool {
    CALENDAR_WORDS.contains(word_key)
}

/// The weekday a correctly written day name stands for (any case).
pub(crate) fn weekday_of(word_key: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(word_key))
        .map(|&(_, w)| w)
}

/// The standard day name of `w`.
pub(crate) fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Senin",
        Weekday::Tue => "Selasa",
        Weekday::Wed => "Rabu",
        Weekday::Thu => "Kamis",
        Weekday::Fri => "Jumat",
        Weekday::Sat => "Sabtu",
        Weekday::Sun => "Minggu",
    }
}

/// The month number of a correctly written full month name (any case).
pub(crate) fn month_of(word_key: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|n| n.eq_ignore_ascii_case(word_key))
        .map(|p| p as u32 + 1)
}

fn month_abbreviation(word_key: &str) -> Option<u32> {
    MONTH_ABBREVIATIONS
        .iter()
        .find(|(a, _)| *a == word_key)
        .map(|&(_, m)| m)
}

/// A known misspelling of a day name.
pub(crate) fn misspelt_day(word_key: &str) -> Option<Misspelling> {
    MISSPELT_DAYS
        .iter()
        .find(|(w, _, _)| *w == word_key)
        .map(|&(_, canonical, needs_context)| Misspelling {
            canonical,
            needs_context,
        })
}

/// A known misspelling of a month name.
pub(crate) fn misspelt_month(word_key: &str) -> Option<Misspelling> {
    MISSPELT_MONTHS
        .iter()
        .find(|(w, _, _)| *w == word_key)
        .map(|&(_, canonical, needs_context)| Misspelling {
            canonical,
            needs_context,
        })
}

/// A month name one or two letters off (`Agustsu`, `Septmber`), for words that stand
/// between a day number and a year. Same first letter, and short names must be closer.
pub(crate) fn fuzzy_month(word_key: &str) -> Option<u32> {
    if word_key.chars().count() < 4 || !word_key.chars().all(char::is_alphabetic) {
        return None;
    }
    let mut best: Option<(usize, u32)> = None;
    for (i, name) in MONTHS.iter().enumerate() {
        let name = name.to_lowercase();
        if name.chars().next() != word_key.chars().next() {
            continue;
        }
        let limit = if name.chars().count() >= 7 { 2 } else { 1 };
        let d = strsim::osa_distance(word_key, &name);
        if d > 0 && d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, i as u32 + 1));
        }
    }
    best.map(|(_, m)| m)
}

/// A day name in a date expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DayName {
    /// Its token.
    pub(crate) token: usize,
    /// What it says, when it is a known day name (misspelt ones included).
    pub(crate) weekday: Option<Weekday>,
}

/// How a numeric date is written, for the house-format check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Numeric {
    /// The `21/01`, `21/1/2024` or `22-1-2024` text.
    pub(crate) span: Span,
    /// `/` or `-`.
    pub(crate) sep: char,
    /// `Some(true)` with a leading zero (`05/01`), `Some(false)` with a one-digit part
    /// (`5/1`), `None` when both parts have two digits (`21/11`: fits either).
    pub(crate) padded: Option<bool>,
}

/// One date expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DateExpr {
    /// The whole expression, from the day name (if any) to the closing bracket or year.
    pub(crate) span: Span,
    /// The date proper (`21/01`, `22 Januari 2024`).
    pub(crate) date_span: Span,
    /// The day name before it.
    pub(crate) day_name: Option<DayName>,
    /// A comma between the day name and a bracketed date (`Jumat, (13/10)`).
    pub(crate) comma: Option<Span>,
    /// True when the date is in brackets.
    pub(crate) bracketed: bool,
    /// Day of the month as written (may be impossible).
    pub(crate) day: u32,
    /// The last day of a range (`21-23 Januari`).
    pub(crate) day_end: Option<u32>,
    /// Month as written (may be impossible).
    pub(crate) month: u32,
    /// The year, when written.
    pub(crate) year: Option<i32>,
    /// The year's text.
    pub(crate) year_span: Option<Span>,
    /// For numeric dates, how they are written.
    pub(crate) numeric: Option<Numeric>,
    /// For dates with a month name, the name's token.
    pub(crate) month_token: Option<usize>,
    /// `18/102025`: where the missing slash before the year belongs.
    pub(crate) glued: Option<usize>,
}

/// A time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Zone {
    /// UTC+7.
    Wib,
    /// UTC+8.
    Wita,
    /// UTC+9.
    Wit,
}

impl Zone {
    /// The three zones, west to east; [`Zone::index`] is a zone's place here.
    pub(crate) const ALL: [Zone; 3] = [Zone::Wib, Zone::Wita, Zone::Wit];

    /// Its place in [`Zone::ALL`], for tables kept per zone.
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    pub(crate) fn from_key(k: &str) -> Option<Self> {
        match k {
            "wib" => Some(Zone::Wib),
            "wita" => Some(Zone::Wita),
            "wit" => Some(Zone::Wit),
            _ => None,
        }
    }

    /// `WIB`, `WITA`, `WIT`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Zone::Wib => "WIB",
            Zone::Wita => "WITA",
            Zone::Wit => "WIT",
        }
    }
}

/// One time of day (`10.00`, `10:00`, `10.00 WIB`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TimeExpr {
    /// The digits (`10.00`, `10:00:15`, or `10` before a zone).
    pub(crate) span: Span,
    /// Hour as written.
    pub(crate) hour: u32,
    /// Minute as written.
    pub(crate) minute: Option<u32>,
    /// Second as written.
    pub(crate) second: Option<u32>,
    /// The separator (`.`, `:`, or the slip `,`), and where each one is.
    pub(crate) sep: Option<(char, Vec<Span>)>,
    /// The zone word after it, and which zone.
    pub(crate) zone: Option<(Span, Zone)>,
}

/// Everything date-like in a document.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub(crate) dates: Vec<DateExpr>,
    pub(crate) times: Vec<TimeExpr>,
}

/// True when the text between tokens `a` and `a + 1` is empty or spaces on one line.
fn tight(doc: &Document<'_>, a: usize) -> bool {
    a + 1 < doc.tokens.len() && doc.gap(a, a + 1).chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// True when tokens `a` and `a + 1` are separated by spaces on one line (at least one).
fn spaced(doc: &Document<'_>, a: usize) -> bool {
    a + 1 < doc.tokens.len() && {
        let g = doc.gap(a, a + 1);
        !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
    }
}

fn adjacent(doc: &Document<'_>, a: usize) -> bool {
    a + 1 < doc.tokens.len() && doc.gap(a, a + 1).is_empty()
}

fn is_punct(doc: &Document<'_>, i: usize, p: &str) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Punct)
        && doc.token_text(i) == p
}

fn all_digits(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// A day name (standard or misspelt) at token `i`.
fn day_name_at(doc: &Document<'_>, i: usize) -> Option<DayName> {
    if !doc.tokens[i].is_word() {
        return None;
    }
    let k = doc.key(i);
    let weekday = weekday_of(k)
        .or_else(|| misspelt_day(k).and_then(|m| weekday_of(&m.canonical.to_ascii_lowercase())))?;
    Some(DayName {
        token: i,
        weekday: Some(weekday),
    })
}

/// The day name written before the date starting at token `first`: `Senin (`, `Senin, (`,
/// `Senin, `, `Senin `. Returns the name, the comma and whether a bracket opens the date.
fn day_name_before(
    doc: &Document<'_>,
    first: usize,
) -> (Option<DayName>, Option<Span>, Option<usize>) {
    let mut j = first;
    let mut bracket = None;
    if j >= 1 && is_punct(doc, j - 1, "(") && tight(doc, j - 1) {
        bracket = Some(j - 1);
        j -= 1;
    }
    let mut comma = None;
    if j >= 1 && is_punct(doc, j - 1, ",") && tight(doc, j - 1) {
        comma = Some(doc.tokens[j - 1].span);
        j -= 1;
    }
    if j >= 1 && tight(doc, j - 1) {
        if let Some(name) = day_name_at(doc, j - 1) {
            return (Some(name), comma, bracket);
        }
    }
    (None, None, bracket)
}

fn prev_word_key<'d>(doc: &'d Document<'_>, i: usize) -> Option<&'d str> {
    let mut j = i;
    if j >= 1 && is_punct(doc, j - 1, "(") {
        j -= 1;
    }
    (j >= 1 && doc.tokens[j - 1].is_word() && tight(doc, j - 1)).then(|| doc.key(j - 1))
}

/// Parse every date and time in `doc`.
pub(crate) fn parse(doc: &Document<'_>) -> Parsed {
    let mut out = Parsed::default();
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let t = doc.tokens[i];
        // Dates start at numbers: the text of other tokens is not read.
        let consumed = match t.kind {
            TokenKind::DateLike => numeric_date(doc, i, doc.token_text(i), '/', &mut out),
            TokenKind::Number if doc.token_text(i).matches('-').count() == 2 => {
                numeric_date(doc, i, doc.token_text(i), '-', &mut out)
            }
            TokenKind::Number => {
                named_date(doc, i, &mut out).or_else(|| time_of_day(doc, i, &mut out))
            }
            _ => None,
        };
        i = consumed.unwrap_or(i + 1).max(i + 1);
    }
    out
}

/// `21/01`, `21/1/2024`, `22-1-2024` at token `i`. Returns the next token index.
fn numeric_date(
    doc: &Document<'_>,
    i: usize,
    text: &str,
    sep: char,
    out: &mut Parsed,
) -> Option<usize> {
    let mut parts: Vec<&str> = text.split(sep).collect();
    // `Sabtu (18/102025)`: the slash before the year went missing.
    let mut glued = None;
    if sep == '/'
        && parts.len() == 2
        && all_digits(parts[0], 1, 2)
        && all_digits(parts[1], 5, 6)
        && day_name_before(doc, i).0.is_some()
    {
        let cut = parts[1].len() - 4;
        glued = Some(doc.tokens[i].span.start + parts[0].len() + 1 + cut);
        let rest = parts[1];
        parts = vec![parts[0], &rest[..cut], &rest[cut..]];
    }
    if !(2..=3).contains(&parts.len()) || !all_digits(parts[0], 1, 2) || !all_digits(parts[1], 1, 2)
    {
        return None;
    }
    if parts.len() == 3 && !all_digits(parts[2], 4, 4) {
        return None;
    }
    if sep == '-' && parts.len() != 3 {
        return None;
    }
    let (day_name, comma, bracket) = day_name_before(doc, i);
    let has_year = parts.len() == 3;
    let after_tanggal = matches!(prev_word_key(doc, i), Some("tanggal" | "tgl"));
    let numbering = matches!(
        prev_word_key(doc, i),
        Some("nomor" | "no" | "nomer" | "nmr" | "skor" | "perbandingan")
    );
    let dated_by_year = has_year && !numbering;
    if day_name.is_none() && !after_tanggal && !dated_by_year {
        return None;
    }
    let day: u32 = parts[0].parse().ok()?;
    let month: u32 = parts[1].parse().ok()?;
    let year: Option<i32> = if has_year {
        Some(parts[2].parse().ok()?)
    } else {
        None
    };
    let span = t_span(doc, i);
    let year_span = has_year.then(|| Span::new(span.end - parts[2].len(), span.end));
    let padded = if parts[0].starts_with('0') || parts[1].starts_with('0') {
        Some(true)
    } else if parts[0].len() == 1 || parts[1].len() == 1 {
        Some(false)
    } else {
        None
    };
    let closes = bracket.is_some() && is_punct(doc, i + 1, ")") && adjacent(doc, i);
    let start = match (day_name, bracket) {
        (Some(d), _) => doc.tokens[d.token].span.start,
        (None, Some(b)) => doc.tokens[b].span.start,
        (None, None) => span.start,
    };
    let end = if closes {
        doc.tokens[i + 1].span.end
    } else {
        span.end
    };
    out.dates.push(DateExpr {
        span: Span::new(start, end),
        date_span: span,
        day_name,
        comma: if bracket.is_some() { comma } else { None },
        bracketed: bracket.is_some(),
        day,
        day_end: None,
        month,
        year,
        year_span,
        numeric: Some(Numeric { span, sep, padded }),
        month_token: None,
        glued,
    });
    Some(if closes { i + 2 } else { i + 1 })
}

fn t_span(doc: &Document<'_>, i: usize) -> Span {
    doc.tokens[i].span
}

/// The month named at token `m` (full, abbreviated with a dot or before a year, misspelt,
/// or a near miss) and the index of the last token of the name.
fn month_at(doc: &Document<'_>, m: usize) -> Option<(u32, usize)> {
    if m >= doc.tokens.len() || !doc.tokens[m].is_word() {
        return None;
    }
    let k = doc.key(m);
    if let Some(month) = month_of(k) {
        return Some((month, m));
    }
    if let Some(month) = month_abbreviation(k) {
        if is_punct(doc, m + 1, ".") && adjacent(doc, m) {
            return Some((month, m + 1));
        }
        if spaced(doc, m) && year_at(doc, m + 1).is_some() {
            return Some((month, m));
        }
        return None;
    }
    if let Some(mis) = misspelt_month(k) {
        return month_of(&mis.canonical.to_ascii_lowercase()).map(|month| (month, m));
    }
    // A near miss only counts between a day number and a year: `21 Agsutus 2024`.
    if spaced(doc, m) && year_at(doc, m + 1).is_some() {
        return fuzzy_month(k).map(|month| (month, m));
    }
    None
}

fn year_at(doc: &Document<'_>, i: usize) -> Option<i32> {
    let t = doc.tokens.get(i)?;
    let text = doc.token_text(i);
    (t.kind == TokenKind::Number && all_digits(text, 4, 4))
        .then(|| text.parse().ok())
        .flatten()
}

/// `22 Januari 2024`, `22 Jan. 2024`, `21-23 Januari`, `Senin, 22 Januari 2024` with the
/// day number at token `i`.
fn named_date(doc: &Document<'_>, i: usize, out: &mut Parsed) -> Option<usize> {
    let text = doc.token_text(i);
    let (day, day_end, month_tok) = if all_digits(text, 1, 2) {
        // `21 - 23 Januari` / `21–23 Januari` as three tokens.
        if i + 3 < doc.tokens.len()
            && doc.tokens[i + 1].kind == TokenKind::Dash
            && all_digits(doc.token_text(i + 2), 1, 2)
            && doc.gap(i, i + 1).len() <= 1
            && doc.gap(i + 1, i + 2).len() <= 1
            && spaced(doc, i + 2)
            && month_at(doc, i + 3).is_some()
        {
            let end: u32 = doc.token_text(i + 2).parse().ok()?;
            (text.parse().ok()?, Some(end), i + 3)
        } else {
            (text.parse().ok()?, None, i + 1)
        }
    } else if let Some((a, b)) = text.split_once('-') {
        if !all_digits(a, 1, 2) || !all_digits(b, 1, 2) {
            return None;
        }
        (a.parse().ok()?, Some(b.parse().ok()?), i + 1)
    } else {
        return None;
    };
    let before_month = month_tok - 1;
    if !spaced(doc, before_month) {
        return None;
    }
    let (month, last) = month_at(doc, month_tok)?;
    let (year, year_span, end_tok) = if spaced(doc, last) {
        match year_at(doc, last + 1) {
            Some(y) => (Some(y), Some(doc.tokens[last + 1].span), last + 1),
            None => (None, None, last),
        }
    } else {
        (None, None, last)
    };
    let (day_name, _, _) = day_name_before(doc, i);
    let date_span = Span::new(doc.tokens[i].span.start, doc.tokens[end_tok].span.end);
    let start = day_name.map_or(date_span.start, |d| doc.tokens[d.token].span.start);
    out.dates.push(DateExpr {
        span: Span::new(start, date_span.end),
        date_span,
        day_name,
        comma: None,
        bracketed: false,
        day,
        day_end,
        month,
        year,
        year_span,
        numeric: None,
        month_token: Some(month_tok),
        glued: None,
    });
    Some(end_tok + 1)
}

/// The time zone word right after token `i`, if any.
fn zone_after(doc: &Document<'_>, i: usize) -> Option<(Span, Zone)> {
    if !spaced(doc, i) || !doc.tokens[i + 1].is_word() {
        return None;
    }
    let z = Zone::from_key(doc.key(i + 1))?;
    Some((doc.tokens[i + 1].span, z))
}

fn time_context_before(doc: &Document<'_>, i: usize) -> bool {
    i >= 1
        && doc.tokens[i - 1].is_word()
        && spaced(doc, i - 1)
        && matches!(doc.key(i - 1), "pukul" | "pkl" | "jam")
}

/// `10.00`, `10.00-12.00`, `10:00`, `10:00:15`, `10` before a zone, at token `i`.
fn time_of_day(doc: &Document<'_>, i: usize, out: &mut Parsed) -> Option<usize> {
    let text = doc.token_text(i);
    let base = doc.tokens[i].span.start;
    let anchored = time_context_before(doc, i);
    // Colon form: `10` `:` `00` (`:` `15`).
    if all_digits(text, 1, 2) && is_punct(doc, i + 1, ":") && adjacent(doc, i) {
        let mut fields = vec![text];
        let mut seps = Vec::new();
        let mut j = i;
        while fields.len() < 3
            && is_punct(doc, j + 1, ":")
            && adjacent(doc, j)
            && adjacent(doc, j + 1)
            && doc
                .tokens
                .get(j + 2)
                .is_some_and(|t| t.kind == TokenKind::Number)
            && all_digits(doc.token_text(j + 2), 2, 2)
        {
            seps.push(doc.tokens[j + 1].span);
            fields.push(doc.token_text(j + 2));
            j += 2;
        }
        if fields.len() < 2 {
            return None;
        }
        let zone = zone_after(doc, j);
        if !anchored && zone.is_none() {
            return None;
        }
        out.times.push(TimeExpr {
            span: Span::new(base, doc.tokens[j].span.end),
            hour: fields[0].parse().ok()?,
            minute: fields[1].parse().ok(),
            second: fields.get(2).and_then(|s| s.parse().ok()),
            sep: Some((':', seps)),
            zone,
        });
        return Some(j + 1);
    }
    // Dot form, possibly a range in one token: `10.00-12.00`.
    let pieces: Vec<&str> = text.split('-').collect();
    if pieces.len() > 2 {
        return None;
    }
    // `pukul 10,30` is a slip for `10.30`; only taken after `pukul`/`jam`.
    let sep = if anchored && text.contains(',') && !text.contains('.') {
        ','
    } else {
        '.'
    };
    let mut parsed = Vec::new();
    let mut offset = 0;
    for p in &pieces {
        let fields: Vec<&str> = p.split(sep).collect();
        let ok = all_digits(fields[0], 1, 2)
            && fields.len() <= 3
            && fields[1..].iter().all(|f| all_digits(f, 2, 2));
        if !ok {
            return None;
        }
        parsed.push((offset, *p, fields));
        offset += p.len() + 1;
    }
    let zone = zone_after(doc, i);
    if !anchored && zone.is_none() {
        return None;
    }
    // `pukul 10 WIB` has no minutes; a bare `jam 10` says nothing about the form.
    if parsed.iter().all(|(_, _, f)| f.len() == 1) && zone.is_none() {
        return None;
    }
    let last = parsed.len() - 1;
    for (k, (off, p, fields)) in parsed.into_iter().enumerate() {
        let start = base + off;
        let mut seps = Vec::new();
        let mut pos = start;
        for f in &fields[..fields.len() - 1] {
            pos += f.len();
            seps.push(Span::new(pos, pos + 1));
            pos += 1;
        }
        out.times.push(TimeExpr {
            span: Span::new(start, start + p.len()),
            hour: fields[0].parse().ok()?,
            minute: fields.get(1).and_then(|s| s.parse().ok()),
            second: fields.get(2).and_then(|s| s.parse().ok()),
            sep: (!seps.is_empty()).then_some((sep, seps)),
            zone: if k == last { zone } else { None },
        });
    }
    Some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    fn dates(text: &str) -> Vec<DateExpr> {
        parse(&Document::new(text, Format::Text)).dates
    }

    fn at(text: &str, s: Span) -> &str {
        s.text(text)
    }

    #[test]
    fn calendar_words_are_exactly_the_names_and_misspellings() {
        for w in [
            "senin", "ahad", "mei", "nopember", "jum'at", "rebo", "desember",
        ] {
            assert!(is_calendar_word(w), "{w}");
        }
        for w in ["pemerintah", "minggu-minggu", "Senin", "bulan", "agt"] {
            assert!(!is_calendar_word(w), "{w}");
        }
        // Whatever the four look-ups know, the filter lets through.
        let words = [
            "senin",
            "minggu",
            "januari",
            "september",
            "senen",
            "febuari",
            "jan",
        ];
        for w in words {
            let known = weekday_of(w).is_some()
                || month_of(w).is_some()
                || misspelt_day(w).is_some()
                || misspelt_month(w).is_some();
            assert_eq!(known, is_calendar_word(w), "{w}");
        }
    }

    #[test]
    fn parses_weekday_with_bracketed_day_month() {
        let t = "Kantor itu buka pada Minggu (21/01) pagi.";
        let d = dates(t);
        assert_eq!(d.len(), 1);
        assert_eq!(at(t, d[0].span), "Minggu (21/01)");
        assert_eq!(at(t, d[0].date_span), "21/01");
        assert_eq!((d[0].day, d[0].month, d[0].year), (21, 1, None));
        assert_eq!(d[0].day_name.unwrap().weekday, Some(Weekday::Sun));
        assert_eq!(d[0].numeric.unwrap().padded, Some(true));
    }

    #[test]
    fn parses_weekday_with_full_numeric_date() {
        let t = "Rapat digelar Senin (22/1/2024) di Jakarta.";
        let d = dates(t);
        assert_eq!(at(t, d[0].span), "Senin (22/1/2024)");
        assert_eq!((d[0].day, d[0].month, d[0].year), (22, 1, Some(2024)));
        assert_eq!(at(t, d[0].year_span.unwrap()), "2024");
        assert_eq!(d[0].numeric.unwrap().padded, Some(false));
    }

    #[test]
    fn parses_named_dates_with_and_without_weekday() {
        let t = "Ia lahir 21 Januari 2024. Sidang pada Senin, 22 Januari 2024 ditunda.";
        let d = dates(t);
        assert_eq!(d.len(), 2);
        assert_eq!(at(t, d[0].span), "21 Januari 2024");
        assert!(d[0].day_name.is_none());
        assert_eq!(at(t, d[1].span), "Senin, 22 Januari 2024");
        assert_eq!(at(t, d[1].date_span), "22 Januari 2024");
        assert_eq!((d[1].day, d[1].month, d[1].year), (22, 1, Some(2024)));
    }

    #[test]
    fn parses_hyphenated_dates_abbreviations_and_ranges() {
        let t = "Tanggal 22-1-2024, lalu 21 Jan. 2024, 17 Agu. 2025, 17 Agt. 2025, dan 21-23 Januari serta 5 – 7 Maret.";
        let d = dates(t);
        let spans: Vec<&str> = d.iter().map(|d| at(t, d.span)).collect();
        assert_eq!(
            spans,
            [
                "22-1-2024",
                "21 Jan. 2024",
                "17 Agu. 2025",
                "17 Agt. 2025",
                "21-23 Januari",
                "5 – 7 Maret"
            ]
        );
        assert_eq!((d[0].day, d[0].month, d[0].year), (22, 1, Some(2024)));
        assert_eq!(d[1].month, 1);
        assert_eq!(d[2].month, 8);
        assert_eq!(d[3].month, 8);
        assert_eq!((d[4].day, d[4].day_end, d[4].month), (21, Some(23), 1));
        assert_eq!((d[5].day, d[5].day_end, d[5].month), (5, Some(7), 3));
    }

    #[test]
    fn a_year_glued_to_the_month_is_read() {
        let t = "Rapat digelar Sabtu (18/102025) di Jakarta.";
        let d = dates(t);
        assert_eq!((d[0].day, d[0].month, d[0].year), (18, 10, Some(2025)));
        assert_eq!(&t[..d[0].glued.unwrap()], "Rapat digelar Sabtu (18/10");
        assert!(dates("Nilai 18/102025 tanpa nama hari.").is_empty());
    }

    #[test]
    fn comma_between_weekday_and_bracket_is_recorded() {
        let t = "Pada Jumat, (13/10) ia pulang.";
        let d = dates(t);
        assert_eq!(at(t, d[0].span), "Jumat, (13/10)");
        assert_eq!(at(t, d[0].comma.unwrap()), ",");
    }

    #[test]
    fn fractions_scores_and_regulation_numbers_are_not_dates() {
        assert!(
            dates("Layanan 24/7, setengah atau 1/2 kilogram, UU 1/2023, Nomor 12/10/2024.")
                .is_empty()
        );
        assert!(dates("Sebanyak 21 orang dan 10 Des hadir.").is_empty());
    }

    #[test]
    fn parses_times_with_zones() {
        let t =
            "Mulai pukul 10.00 WIB hingga 12:30 wita, lalu pukul 09.00-11.15 WIT, dan jam 10.00.";
        let p = parse(&Document::new(t, Format::Text));
        let spans: Vec<&str> = p.times.iter().map(|x| at(t, x.span)).collect();
        assert_eq!(spans, ["10.00", "12:30", "09.00", "11.15", "10.00"]);
        assert_eq!(p.times[0].zone.map(|z| z.1), Some(Zone::Wib));
        assert_eq!(p.times[1].sep.as_ref().map(|s| s.0), Some(':'));
        assert_eq!(at(t, p.times[1].zone.unwrap().0), "wita");
        assert_eq!(p.times[2].zone, None);
        assert_eq!(p.times[3].zone.map(|z| z.1), Some(Zone::Wit));
        assert_eq!((p.times[3].hour, p.times[3].minute), (11, Some(15)));
        assert_eq!(at(t, p.times[0].sep.as_ref().unwrap().1[0]), ".");
    }

    #[test]
    fn plain_numbers_are_not_times() {
        let p = parse(&Document::new(
            "Harga 1.250 dan skor 2:1 serta 10.00 persen.",
            Format::Text,
        ));
        assert!(p.times.is_empty());
    }

    #[test]
    fn fuzzy_month_needs_the_same_initial() {
        assert_eq!(fuzzy_month("agsutus"), Some(8));
        assert_eq!(fuzzy_month("septmber"), Some(9));
        assert_eq!(fuzzy_month("orang"), None);
        assert_eq!(fuzzy_month("juta"), None);
    }
}
