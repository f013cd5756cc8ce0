//! `dates`: impossible and contradictory dates, misspelt or lower-case day and month
//! names, house date format, and times of day (separator, impossible times, time zones).

mod infer;
mod parse;
mod zones;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use self::infer::{Assumed, Basis};
use self::parse::{DateExpr, MONTHS, Parsed, Zone};
use super::{BuildEnv, Check, Context, Gate, KindError, Reporter, RuleKind};
use crate::diagnostic::Fix;
use crate::document::normalize::{Case, capitalize, with_key};
use crate::document::{Document, TokenKind};
use crate::span::Span;

/// Which date check a rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Which {
    /// `32/01`, `31/04`, `30 Februari`, `29/2/2023`, month 13.
    Impossible,
    /// A year far from the article's own (`3025`; `2028` in a 2025 article).
    Year,
    /// `Jumat, (13/10)` -> `Jumat (13/10)`.
    Comma,
    /// A day name that contradicts its date.
    Weekday,
    /// Misspelt day and month names (`Jum'at`, `Nopember`, `Febuari`).
    Name,
    /// Lower-case day and month names (`hari minggu`, `3 januari`).
    Capital,
    /// Numeric dates written in more than one form, or not in the house form.
    Format,
    /// `10.00` and `10:00` mixed, or not the house separator.
    TimeSeparator,
    /// `25.00`, `10.75`.
    TimeImpossible,
    /// `wib` -> `WIB`; a zone that contradicts the dateline city.
    TimeZone,
}

/// ## What it does
/// One of the date and time checks, chosen by `check`: `impossible`, `year`, `comma`,
/// `weekday`, `name`, `capital`, `format`, `time-separator`, `time-impossible`, `time-zone`.
///
/// ## How the year of `Minggu (21/01)` is found
/// The article suggests years: the publication date's (front matter `date:`, else `--date`
/// or `[dates] reference`; the year that puts the date nearest to it), a full weekday date
/// near it in the article, and `[dates] year`. The pair is read in the first suggested year
/// it fits, and reported when it fits none. With no suggestion at all, the calendar decides:
/// the most recent year, not after this one, in which every weekday-date pair of the article
/// agrees, and pairs are reported only when no year reconciles them. The message names the
/// year and where it came from.
///
/// ## Parameters
/// - `check`: the check to run. House settings come from the config's `[dates]` section
///   (`format`, `time-separator`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    check: Which,
}

/// The compiled `dates` kind.
#[derive(Debug)]
pub struct Dates {
    which: Which,
}

impl RuleKind for Dates {
    const NAME: &'static str = "dates";
    type Params = Params;

    fn build(params: Params, _env: &BuildEnv<'_>) -> Result<Self, KindError> {
        Ok(Self {
            which: params.check,
        })
    }
}

impl Check for Dates {
    /// The two checks that read words one by one read only day and month names.
    fn is_gated(&self) -> bool {
        matches!(self.which, Which::Name | Which::Capital)
    }

    fn gate(&self, key: &str, _ctx: &Context<'_>) -> Gate {
        if parse::is_calendar_word(key) {
            Gate::THIS
        } else {
            Gate::NONE
        }
    }

    fn check(&self, doc: &Document<'_>, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        // Ten rules read the same dates: parsed once per document.
        let parsed = doc.memo(parse::parse);
        let parsed = &*parsed;
        match self.which {
            Which::Impossible => impossible(doc, parsed, out),
            Which::Year => year(doc, ctx, parsed, out),
            Which::Comma => comma(doc, parsed, out),
            Which::Weekday => weekday(doc, ctx, parsed, out),
            Which::Name => names(doc, ctx, parsed, out),
            Which::Capital => capitals(doc, ctx, parsed, out),
            Which::Format => format(doc, ctx, parsed, out),
            Which::TimeSeparator => time_separator(doc, ctx, parsed, out),
            Which::TimeImpossible => time_impossible(doc, parsed, out),
            Which::TimeZone => time_zone(doc, parsed, out),
        }
    }
}

/// True when `word` (any case) is a day or month name, standard or misspelt. Other rules
/// (general capitalisation, spelling) leave these words to the date rules.
pub fn is_calendar_name(word: &str) -> bool {
    with_key(word, parse::is_calendar_word)
}

fn days_in_month(year: i32, month: u32) -> Option<u32> {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
}

/// `21 Januari 2024`, `21 Januari` for messages.
fn long_date(day: u32, month: u32, year: Option<i32>) -> String {
    let m = MONTHS
        .get((month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?");
    match year {
        Some(y) => format!("{day} {m} {y}"),
        None => format!("{day} {m}"),
    }
}

/// Why `day/month[/year]` does not exist, if it does not.
fn impossibility(day: u32, month: u32, year: Option<i32>) -> Option<String> {
    if !(1..=12).contains(&month) {
        return Some(format!("bulan {month} tidak ada"));
    }
    let m = MONTHS[month as usize - 1];
    // Without a year, 29 February may be a leap day.
    let max = days_in_month(year.unwrap_or(2024), month)?;
    if day == 0 {
        return Some("tanggal 0 tidak ada".to_owned());
    }
    if day > max {
        return Some(match year {
            Some(y) if month == 2 && day == 29 => format!("{y} bukan tahun kabisat"),
            Some(y) if month == 2 => format!("Februari {y} hanya {max} hari"),
            _ => format!("{m} hanya {max} hari"),
        });
    }
    None
}

fn impossible(doc: &Document<'_>, parsed: &Parsed, out: &mut Reporter<'_>) {
    for d in &parsed.dates {
        if let Some(at) = d.glued {
            let actual = d.date_span.text(doc.text);
            let diag = out.report(
                d.date_span,
                &[
                    ("actual", actual),
                    ("reason", "garis miring sebelum tahun hilang"),
                ],
            );
            diag.fixes.push(Fix::new(Span::new(at, at), "/"));
            continue;
        }
        let days = std::iter::once(d.day).chain(d.day_end);
        let Some(reason) = days
            .into_iter()
            .find_map(|day| impossibility(day, d.month, d.year))
        else {
            continue;
        };
        let actual = d.date_span.text(doc.text);
        let diag = out.report(d.date_span, &[("actual", actual), ("reason", &reason)]);
        // `12/25/2025`: day and month swapped?
        if d.numeric.is_some()
            && d.day_end.is_none()
            && impossibility(d.month, d.day, d.year).is_none()
        {
            diag.help = Some(format!(
                "Tanggal ditulis hari/bulan; mungkin maksudnya {}.",
                long_date(d.month, d.day, d.year)
            ));
        }
    }
}

fn year(doc: &Document<'_>, ctx: &Context<'_>, parsed: &Parsed, out: &mut Reporter<'_>) {
    let article = infer::article_year(doc, ctx);
    let base = article.or_else(|| infer::today().map(|t| t.year()));
    for d in &parsed.dates {
        let (Some(y), Some(span)) = (d.year, d.year_span) else {
            continue;
        };
        let current = d.day_name.is_some() || d.numeric.is_some();
        let far = match (base, article) {
            (Some(b), _) if y > b.saturating_add(50) => true,
            _ if current && y < 1900 => true,
            // A weekday or numeric date is news of the day: more than a year ahead or ten
            // years back is most likely a slip of the finger.
            (_, Some(a)) if current && (y > a.saturating_add(1) || y < a.saturating_sub(10)) => {
                true
            }
            _ => false,
        };
        if !far {
            continue;
        }
        let expected = base.map(|b| b.to_string()).unwrap_or_default();
        let actual = span.text(doc.text);
        // When the day name fits the date in the article's year, that year is the fix.
        let fix = article.filter(|&a| {
            d.day_name
                .and_then(|n| n.weekday)
                .zip(infer::ymd(a, d.month, d.day))
                .is_some_and(|(w, date)| date.weekday() == w)
        });
        let diag = out.report(span, &[("actual", actual), ("expected", &expected)]);
        diag.help = Some(match article {
            Some(a) => format!("Artikel ini bertahun {a}; periksa apakah tahunnya salah ketik."),
            None => "Periksa apakah tahunnya salah ketik.".to_owned(),
        });
        if let Some(a) = fix {
            diag.fixes.push(Fix::new(span, a.to_string()));
        }
    }
}

fn comma(doc: &Document<'_>, parsed: &Parsed, out: &mut Reporter<'_>) {
    for d in &parsed.dates {
        let (Some(c), Some(name)) = (d.comma, d.day_name) else {
            continue;
        };
        let day = doc.token_text(name.token);
        let actual = Span::new(doc.tokens[name.token].span.start, d.span.end).text(doc.text);
        let expected = format!("{day} {}", &doc.text[c.end..d.span.end].trim_start());
        let diag = out.report(c, &[("actual", actual), ("expected", &expected)]);
        diag.fixes.push(Fix::new(c, ""));
    }
}

/// A few words on where an assumed year comes from.
fn basis_text(a: &Assumed) -> String {
    match &a.basis {
        Basis::Explicit => format!("tahun {} tertulis", a.year),
        Basis::Nearby(t) => format!("tahun {} mengikuti tanggal `{t}` di artikel ini", a.year),
        Basis::Published(p) => format!(
            "tahun {} dihitung dari tanggal terbit {}",
            a.year,
            p.format("%Y-%m-%d")
        ),
        Basis::ConfigYear => format!("tahun {} dari [dates] year", a.year),
        Basis::Common | Basis::BestGuess => format!(
            "tidak ada satu tahun yang cocok dengan semua pasangan hari-tanggal di artikel ini; diasumsikan tahun {}",
            a.year
        ),
    }
}

fn weekday(doc: &Document<'_>, ctx: &Context<'_>, parsed: &Parsed, out: &mut Reporter<'_>) {
    let assumed = infer::assume_years(doc, ctx, &parsed.dates);
    for (d, a) in parsed.dates.iter().zip(assumed) {
        let Some(name) = d.day_name else { continue };
        let Some(written) = name.weekday else {
            continue;
        };
        if d.day_end.is_some() {
            continue;
        }
        let a = match (d.year, a) {
            (Some(y), _) => Assumed {
                year: y,
                basis: Basis::Explicit,
            },
            (None, Some(a)) => a,
            (None, None) => continue,
        };
        if a.basis == Basis::Common {
            continue;
        }
        let Some(date) = infer::ymd(a.year, d.month, d.day) else {
            continue;
        };
        if date.weekday() == written {
            continue;
        }
        let actual = doc.token_text(name.token);
        let expected = parse::weekday_name(date.weekday());
        let when = long_date(d.day, d.month, Some(a.year));
        let basis = basis_text(&a);
        let diag = out.report(
            d.span,
            &[
                ("actual", actual),
                ("expected", expected),
                ("date", &when),
                ("basis", &basis),
            ],
        );
        // The nearest date that does fall on the written day, as a hint.
        let nearest = (1..=3i64)
            .flat_map(|k| [k, -k])
            .filter_map(|k| date.checked_add_signed(chrono::TimeDelta::days(k)))
            .find(|x| x.weekday() == written);
        diag.help = Some(match nearest {
            Some(x) => format!(
                "Periksa nama hari atau tanggalnya: {when} adalah hari {expected}; hari {} terdekat jatuh pada {}.",
                parse::weekday_name(written),
                long_date(x.day(), x.month(), Some(x.year()))
            ),
            None => format!("Periksa nama hari atau tanggalnya: {when} adalah hari {expected}."),
        });
    }
}

/// Words that make a lower-case `minggu` mean *week*.
const WEEK_SENSE_NEXT: &[&str] = &[
    "lalu",
    "depan",
    "ini",
    "itu",
    "kemarin",
    "pertama",
    "kedua",
    "ketiga",
    "keempat",
    "kelima",
    "terakhir",
    "sebelumnya",
    "berikutnya",
    "mendatang",
    "yang",
];

fn word_key<'d>(doc: &'d Document<'_>, i: usize) -> Option<&'d str> {
    doc.tokens
        .get(i)
        .filter(|t| t.is_word())
        .map(|_| doc.key(i))
}

fn prev_word<'d>(doc: &'d Document<'_>, i: usize) -> Option<&'d str> {
    (i >= 1 && doc.gap(i - 1, i).chars().all(|c| c == ' ' || c == '\u{a0}'))
        .then(|| word_key(doc, i - 1))
        .flatten()
}

fn next_word<'d>(doc: &'d Document<'_>, i: usize) -> Option<&'d str> {
    (i + 1 < doc.tokens.len() && doc.gap(i, i + 1).chars().all(|c| c == ' ' || c == '\u{a0}'))
        .then(|| word_key(doc, i + 1))
        .flatten()
}

fn next_is_year(doc: &Document<'_>, i: usize) -> bool {
    i + 1 < doc.tokens.len()
        && doc.tokens[i + 1].kind == TokenKind::Number
        && doc.gap(i, i + 1) == " "
        && {
            let t = doc.token_text(i + 1);
            t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit())
        }
}

fn names(doc: &Document<'_>, ctx: &Context<'_>, parsed: &Parsed, out: &mut Reporter<'_>) {
    let in_date_as_day = |i: usize| {
        parsed
            .dates
            .iter()
            .any(|d| d.day_name.is_some_and(|n| n.token == i))
    };
    let month_tokens: Vec<usize> = parsed.dates.iter().filter_map(|d| d.month_token).collect();
    let in_date_as_month = |i: usize| month_tokens.contains(&i);
    // Calendar words, and the month words of parsed dates (`Agsutus` in `21 Agsutus 2024`).
    let mut words: Vec<usize> = ctx.candidates(doc).collect();
    words.extend(month_tokens.iter().filter(|&&i| doc.tokens[i].is_word()));
    words.sort_unstable();
    words.dedup();
    for i in words {
        let k = doc.key(i);
        if !parse::is_calendar_word(k) && !in_date_as_month(i) {
            continue;
        }
        let word = doc.token_text(i);
        let canonical = if let Some(m) = parse::misspelt_day(k) {
            (!m.needs_context || in_date_as_day(i) || prev_word(doc, i) == Some("hari"))
                .then_some(m.canonical.to_owned())
        } else if let Some(m) = parse::misspelt_month(k) {
            // Institut Teknologi Sepuluh Nopember keeps its name.
            let in_name = prev_word(doc, i) == Some("sepuluh");
            (!in_name && !m.needs_context
                || in_date_as_month(i)
                || next_is_year(doc, i)
                || prev_word(doc, i) == Some("bulan"))
            .then_some(m.canonical.to_owned())
        } else if in_date_as_month(i) && parse::month_of(k).is_none() && doc.case(i) != Case::Lower
        {
            // A near miss between a day and a year (`21 Agsutus 2024`); abbreviations
            // are months too but not misspellings.
            parse::fuzzy_month(k).map(|m| MONTHS[m as usize - 1].to_owned())
        } else {
            None
        };
        let Some(canonical) = canonical else { continue };
        let expected = if doc.case(i) == Case::Upper {
            canonical.to_uppercase()
        } else {
            canonical
        };
        out.replace(doc.tokens[i].span, word, &expected);
    }
}

fn capitals(doc: &Document<'_>, ctx: &Context<'_>, parsed: &Parsed, out: &mut Reporter<'_>) {
    for i in ctx.candidates(doc) {
        let word = doc.token_text(i);
        if doc.case(i) != Case::Lower {
            continue;
        }
        let k = doc.key(i);
        if !parse::is_calendar_word(k) {
            continue;
        }
        let flag = if parse::weekday_of(k).is_some() && k != "ahad" {
            let dated = parsed
                .dates
                .iter()
                .any(|d| d.day_name.is_some_and(|n| n.token == i));
            if k == "minggu" {
                // `minggu` is also *week*: only `hari minggu` or a day name before a date.
                dated
                    || (prev_word(doc, i) == Some("hari")
                        && !next_word(doc, i).is_some_and(|n| WEEK_SENSE_NEXT.contains(&n)))
            } else {
                // `senin` .. `sabtu` have no other sense.
                true
            }
        } else if parse::month_of(k).is_some() {
            parsed.dates.iter().any(|d| d.month_token == Some(i))
                || next_is_year(doc, i)
                || prev_word(doc, i) == Some("bulan")
        } else {
            false
        };
        if flag {
            out.replace(doc.tokens[i].span, word, &capitalize(word));
        }
    }
}

/// A numeric date form: separator, zero padding, year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Form {
    padded: bool,
    year: bool,
}

impl Form {
    fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "d/m" => Some(Form {
                padded: false,
                year: false,
            }),
            "dd/mm" => Some(Form {
                padded: true,
                year: false,
            }),
            "d/m/yyyy" => Some(Form {
                padded: false,
                year: true,
            }),
            "dd/mm/yyyy" => Some(Form {
                padded: true,
                year: true,
            }),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match (self.padded, self.year) {
            (false, false) => "d/m",
            (true, false) => "dd/mm",
            (false, true) => "d/m/yyyy",
            (true, true) => "dd/mm/yyyy",
        }
    }

    fn render(self, day: u32, month: u32, year: Option<i32>) -> Option<String> {
        let dm = if self.padded {
            format!("{day:02}/{month:02}")
        } else {
            format!("{day}/{month}")
        };
        if self.year {
            Some(format!("{dm}/{}", year?))
        } else {
            Some(dm)
        }
    }
}

/// The strict majority of `(yes, no)` counts, if any.
fn majority(yes: usize, no: usize) -> Option<bool> {
    match yes.cmp(&no) {
        std::cmp::Ordering::Greater => Some(true),
        std::cmp::Ordering::Less => Some(false),
        std::cmp::Ordering::Equal => None,
    }
}

fn format(doc: &Document<'_>, ctx: &Context<'_>, parsed: &Parsed, out: &mut Reporter<'_>) {
    let numeric: Vec<(usize, &DateExpr)> = parsed
        .dates
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            d.numeric.is_some()
                && d.glued.is_none()
                && impossibility(d.day, d.month, d.year).is_none()
        })
        .collect();
    if numeric.is_empty() {
        return;
    }
    let house = ctx.config.dates.format.as_deref().and_then(Form::parse);
    // Without a house form, the article's majority decides each part of the form; a tie
    // decides nothing.
    let (want_padded, want_year, want_slash) = match house {
        Some(h) => (Some(h.padded), Some(h.year), true),
        None => {
            let padded = numeric
                .iter()
                .filter(|(_, d)| d.numeric.and_then(|n| n.padded) == Some(true))
                .count();
            let unpadded = numeric
                .iter()
                .filter(|(_, d)| d.numeric.and_then(|n| n.padded) == Some(false))
                .count();
            let slash = numeric
                .iter()
                .filter(|(_, d)| d.numeric.is_some_and(|n| n.sep == '/'))
                .count();
            (
                majority(padded, unpadded),
                None,
                majority(slash, numeric.len() - slash).unwrap_or(true),
            )
        }
    };
    let assumed = infer::assume_years(doc, ctx, &parsed.dates);
    let article = infer::article_year(doc, ctx);
    for (idx, d) in numeric {
        let Some(n) = d.numeric else { continue };
        let padded = match (n.padded, want_padded) {
            (Some(p), Some(w)) if p != w => w,
            (Some(p), _) => p,
            (None, Some(w)) => w,
            (None, None) => true,
        };
        // A house form without a year is for dates in the article's own year: a year that
        // is not the article's (or an article whose year is unknown) keeps its year.
        let keeps_year = d.year.is_some_and(|y| article != Some(y));
        let year = want_year.unwrap_or(d.year.is_some()) || keeps_year;
        let sep_ok = (n.sep == '/') == want_slash;
        let differs = n.padded.is_some_and(|p| p != padded) || year != d.year.is_some() || !sep_ok;
        if !differs {
            continue;
        }
        let form = Form { padded, year };
        let y = d.year.or_else(|| {
            assumed[idx]
                .as_ref()
                .filter(|a| a.basis != Basis::BestGuess)
                .map(|a| a.year)
        });
        let actual = n.span.text(doc.text);
        let mut rendered = form.render(d.day, d.month, y);
        if !want_slash {
            rendered = rendered.map(|r| r.replace('/', "-"));
        }
        let shown = rendered.clone().unwrap_or_else(|| form.name().to_owned());
        let diag = out.report(
            n.span,
            &[
                ("actual", actual),
                ("expected", &shown),
                ("form", form.name()),
            ],
        );
        match rendered {
            Some(r) => diag.fixes.push(Fix::new(n.span, r)),
            None => {
                diag.help = Some(format!(
                    "Format rumah {} memerlukan tahun, tetapi tahunnya tidak diketahui.",
                    form.name()
                ));
            }
        }
    }
}

fn time_separator(doc: &Document<'_>, ctx: &Context<'_>, parsed: &Parsed, out: &mut Reporter<'_>) {
    let configured = ctx
        .config
        .dates
        .time_separator
        .as_deref()
        .and_then(|s| s.trim().chars().next())
        .filter(|c| matches!(c, '.' | ':'));
    let house = configured.unwrap_or('.');
    let seps: Vec<char> = parsed
        .times
        .iter()
        .filter_map(|t| t.sep.as_ref().map(|s| s.0))
        .collect();
    let proper: Vec<char> = seps.into_iter().filter(|&c| c != ',').collect();
    let mixed = proper.iter().any(|&c| c != proper[0]);
    for t in &parsed.times {
        let Some((c, spans)) = &t.sep else { continue };
        // A comma (`10,30`) is never a time separator; `.` against `:` is house style.
        if *c == house || (*c != ',' && configured.is_none() && !mixed) {
            continue;
        }
        let actual = t.span.text(doc.text);
        let expected = actual.replace(*c, &house.to_string());
        let reason = if *c == ',' {
            "ditulis dengan titik atau titik dua, bukan koma"
        } else if configured.is_some() {
            "mengikuti gaya rumah ([dates] time-separator)"
        } else {
            "tidak seragam dalam artikel ini"
        };
        let diag = out.report(
            t.span,
            &[
                ("actual", actual),
                ("expected", &expected),
                ("reason", reason),
            ],
        );
        for s in spans {
            diag.fixes.push(Fix::new(*s, house.to_string()));
        }
    }
}

fn time_impossible(doc: &Document<'_>, parsed: &Parsed, out: &mut Reporter<'_>) {
    for t in &parsed.times {
        let m = t.minute.unwrap_or(0);
        let s = t.second.unwrap_or(0);
        let reason = if t.hour > 24 {
            format!("jam {} tidak ada", t.hour)
        } else if m > 59 {
            format!("menit {m} tidak ada")
        } else if s > 59 {
            format!("detik {s} tidak ada")
        } else if t.hour == 24 && (m > 0 || s > 0) {
            "sesudah pukul 24.00 adalah pukul 00.00".to_owned()
        } else {
            continue;
        };
        let actual = t.span.text(doc.text);
        out.report(t.span, &[("actual", actual), ("reason", &reason)]);
    }
}

fn time_zone(doc: &Document<'_>, parsed: &Parsed, out: &mut Reporter<'_>) {
    let city = doc.meta.dateline_city.map(|c| c.text(doc.text));
    let city_zone = city.and_then(zones::zone_of_city);
    // Whether the article names a place in each zone: asked once per zone, not per time.
    let mentioned: [std::cell::OnceCell<bool>; 3] = Default::default();
    let mentions_place_in = |zone: Zone| {
        *mentioned[zone.index()].get_or_init(|| zones::mentions_place_in(&doc.prose, zone))
    };
    for t in &parsed.times {
        let Some((span, zone)) = t.zone else { continue };
        let written = span.text(doc.text);
        let conflict = city_zone.filter(|&cz| {
            cz != zone
                // `10.00 WIT atau 08.00 WIB` converts; a place in that zone explains it.
                && !converts(doc, parsed, t.span, cz)
                && !mentions_place_in(zone)
        });
        if let Some(cz) = conflict {
            let city = city.unwrap_or_default();
            let reason = format!(
                "tidak cocok dengan kota datelina {city}, yang memakai {}",
                cz.name()
            );
            let diag = out.report(
                span,
                &[
                    ("actual", written),
                    ("expected", cz.name()),
                    ("reason", &reason),
                ],
            );
            diag.help = Some(format!(
                "{} berlaku untuk wilayah lain; bila peristiwanya memang di sana, sebut tempatnya.",
                zone.name()
            ));
            // Likely, not certain: offered in the editor, never applied unattended.
            diag.fixes.push(Fix::new(span, cz.name()));
            diag.fix_safe = false;
        } else if written != zone.name() {
            let reason = format!("singkatan zona waktu ditulis kapital, {}", zone.name());
            let diag = out.report(
                span,
                &[
                    ("actual", written),
                    ("expected", zone.name()),
                    ("reason", &reason),
                ],
            );
            diag.fixes.push(Fix::new(span, zone.name()));
        }
    }
}

/// True when the sentence of the time at `at` also gives a time in `zone` (a conversion).
fn converts(doc: &Document<'_>, parsed: &Parsed, at: Span, zone: Zone) -> bool {
    let Some(sentence) = doc.sentences.iter().find(|s| s.span.contains(at)) else {
        return false;
    };
    parsed
        .times
        .iter()
        .any(|t| t.zone.is_some_and(|z| z.1 == zone) && sentence.span.contains(t.span))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod name_tests {
    #[test]
    fn calendar_names_are_known_in_any_case() {
        for w in ["minggu", "SENIN", "Jum’at", "januari", "Nopember", "Mei"] {
            assert!(super::is_calendar_name(w), "{w}");
        }
        assert!(!super::is_calendar_name("pekan"));
    }
}
