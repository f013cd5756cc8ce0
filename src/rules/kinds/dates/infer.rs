//! Which year a date without one is in, and what the article's own year is.
//!
//! Copy often leaves the year out (`Minggu (21/01)`). The years the article suggests are:
//! the publication date's (front matter `date:` or `tanggal:`, else `--date` /
//! `[dates] reference`; the year that puts the date nearest to it), a full date near it in
//! the article (`Senin (22/1/2024)`), and the config's `[dates] year`. The date is read in
//! the first of these that agrees with its day name, or the first of all when none does.
//! With none of them, the calendar decides: the most recent year, not after the current
//! one, in which every weekday-date pair of the article agrees.

use chrono::{Datelike, NaiveDate, Weekday};

use super::parse::DateExpr;
use crate::document::Document;
use crate::rules::kinds::Context;

/// Where an assumed year comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Basis {
    /// Written in the expression itself.
    Explicit,
    /// From a full date elsewhere in the article (its text).
    Nearby(String),
    /// From the publication date.
    Published(NaiveDate),
    /// From `[dates] year`.
    ConfigYear,
    /// The most recent year in which every weekday-date pair of the article agrees.
    Common,
    /// No year reconciles every pair; this one reconciles the most.
    BestGuess,
}

/// The year a date is read in, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Assumed {
    pub(crate) year: i32,
    pub(crate) basis: Basis,
}

/// Today's date from the system clock (UTC); `None` if the clock is before 1970.
pub(crate) fn today() -> Option<NaiveDate> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_days(chrono::Days::new(secs / 86_400))
}

/// `2024-01-21`, `2024-01-21T10:00:00+07:00`, `2024-01-21 10:00`.
pub(crate) fn parse_iso_prefix(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// The article's publication date: front matter `date:` / `tanggal:`, else the run's
/// reference date.
pub(crate) fn publication_date(doc: &Document<'_>, ctx: &Context<'_>) -> Option<NaiveDate> {
    ["date", "tanggal", "published"]
        .iter()
        .find_map(|k| doc.meta.get(k).and_then(parse_iso_prefix))
        .or(ctx.reference_date)
}

/// The article's own year, when something outside the dates says it.
pub(crate) fn article_year(doc: &Document<'_>, ctx: &Context<'_>) -> Option<i32> {
    publication_date(doc, ctx)
        .map(|d| d.year())
        .or(ctx.config.dates.year)
}

/// The calendar date `(year, month, day)`, if it exists.
pub(crate) fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Among the year before, the year of and the year after `anchor`, the one that puts
/// `day/month` closest to it (a date without a year is a recent or coming one).
pub(crate) fn nearest_year(anchor: NaiveDate, month: u32, day: u32) -> i32 {
    let y = anchor.year();
    [y, y - 1, y + 1]
        .into_iter()
        .filter_map(|c| ymd(c, month, day).map(|d| (c, (d - anchor).num_days().abs())))
        .min_by_key(|&(_, dist)| dist)
        .map_or(y, |(c, _)| c)
}

/// A weekday-date pair: index in the date list, day, month, the weekday written.
#[derive(Clone, Copy, Debug)]
struct Pair {
    idx: usize,
    day: u32,
    month: u32,
    weekday: Weekday,
}

fn agrees(year: i32, p: &Pair) -> bool {
    ymd(year, p.month, p.day).is_some_and(|d| d.weekday() == p.weekday)
}

/// The years assumed for every date that has a day name and no year of its own (indexed
/// like `dates`; `None` for the others).
pub(crate) fn assume_years(
    doc: &Document<'_>,
    ctx: &Context<'_>,
    dates: &[DateExpr],
) -> Vec<Option<Assumed>> {
    let mut out = vec![None; dates.len()];
    let pairs: Vec<Pair> = dates
        .iter()
        .enumerate()
        .filter(|(_, d)| d.year.is_none() && d.day_end.is_none())
        .filter_map(|(idx, d)| {
            let weekday = d.day_name?.weekday?;
            // Impossible dates are another rule's business; 29/2 may still be a leap day.
            ymd(2024, d.month, d.day)?;
            Some(Pair {
                idx,
                day: d.day,
                month: d.month,
                weekday,
            })
        })
        .collect();
    if pairs.is_empty() {
        return out;
    }
    // Full dates that anchor the others: with a day name that agrees with them, or
    // numeric with a year. A full date whose own day name is wrong anchors nothing.
    let anchors: Vec<(usize, NaiveDate)> = dates
        .iter()
        .enumerate()
        .filter(|(_, d)| d.day_end.is_none() && (d.day_name.is_some() || d.numeric.is_some()))
        .filter_map(|(i, d)| Some((i, d, ymd(d.year?, d.month, d.day)?)))
        .filter(|(_, d, date)| {
            d.day_name
                .and_then(|n| n.weekday)
                .is_none_or(|w| w == date.weekday())
        })
        .map(|(i, _, date)| (i, date))
        .collect();
    let published = publication_date(doc, ctx);
    let mut leftovers = Vec::new();
    for p in &pairs {
        let anchor = anchors
            .iter()
            .rev()
            .find(|(i, _)| *i < p.idx)
            .or_else(|| anchors.iter().find(|(i, _)| *i > p.idx));
        // Every year the article suggests; the pair is read in the first that fits it, or
        // in the first of all when none does.
        let mut candidates: Vec<Assumed> = Vec::new();
        if let Some(pub_date) = published {
            candidates.push(Assumed {
                year: nearest_year(pub_date, p.month, p.day),
                basis: Basis::Published(pub_date),
            });
        }
        if let Some(&(i, a)) = anchor {
            candidates.push(Assumed {
                year: nearest_year(a, p.month, p.day),
                basis: Basis::Nearby(dates[i].date_span.text(doc.text).to_owned()),
            });
        }
        if let Some(y) = ctx.config.dates.year {
            candidates.push(Assumed {
                year: y,
                basis: Basis::ConfigYear,
            });
        }
        if candidates.is_empty() {
            leftovers.push(*p);
            continue;
        }
        let fits = candidates
            .iter()
            .position(|c| agrees(c.year, p))
            .unwrap_or(0);
        out[p.idx] = Some(candidates.swap_remove(fits));
    }
    if leftovers.is_empty() {
        return out;
    }
    let reference = today().map_or(2026, |d| d.year());
    let (year, basis) = common_year(&leftovers, reference);
    for p in &leftovers {
        // An article that runs over New Year may put November and December in the year
        // before its January and February.
        let y = if !agrees(year, p) && straddles(&leftovers) && p.month >= 11 {
            year - 1
        } else {
            year
        };
        out[p.idx] = Some(Assumed {
            year: y,
            basis: basis.clone(),
        });
    }
    out
}

fn straddles(pairs: &[Pair]) -> bool {
    pairs.iter().any(|p| p.month <= 2) && pairs.iter().any(|p| p.month >= 11)
}

fn agrees_in(year: i32, p: &Pair, straddle: bool) -> bool {
    agrees(year, p) || (straddle && p.month >= 11 && agrees(year - 1, p))
}

/// The most recent year not after `reference` in which every pair agrees; failing that,
/// the most recent year among the last 28 (a full weekday cycle) in which most agree.
fn common_year(pairs: &[Pair], reference: i32) -> (i32, Basis) {
    let straddle = straddles(pairs);
    for y in (reference - 400..=reference).rev() {
        if pairs.iter().all(|p| agrees_in(y, p, straddle)) {
            return (y, Basis::Common);
        }
    }
    let mut best = (reference, 0usize);
    for y in (reference - 27..=reference).rev() {
        let n = pairs.iter().filter(|p| agrees_in(y, p, straddle)).count();
        if n > best.1 {
            best = (y, n);
        }
    }
    (best.0, Basis::BestGuess)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(day: u32, month: u32, weekday: Weekday) -> Pair {
        Pair {
            idx: 0,
            day,
            month,
            weekday,
        }
    }

    #[test]
    fn nearest_year_crosses_new_year() {
        let anchor = ymd(2025, 1, 3).unwrap();
        assert_eq!(nearest_year(anchor, 12, 30), 2024);
        assert_eq!(nearest_year(anchor, 1, 20), 2025);
        assert_eq!(nearest_year(ymd(2024, 12, 29).unwrap(), 1, 2), 2025);
    }

    #[test]
    fn common_year_is_the_most_recent_that_fits_all() {
        // Sunday 21 January and Thursday 18 January: 2024 (and 2018, 2029...).
        let p = [pair(21, 1, Weekday::Sun), pair(18, 1, Weekday::Thu)];
        assert_eq!(common_year(&p, 2026), (2024, Basis::Common));
        assert_eq!(common_year(&p, 2023), (2018, Basis::Common));
    }

    #[test]
    fn no_common_year_gives_a_best_guess() {
        // 21 and 22 January cannot both be Sundays.
        let p = [pair(21, 1, Weekday::Sun), pair(22, 1, Weekday::Sun)];
        assert_eq!(common_year(&p, 2026).1, Basis::BestGuess);
    }

    #[test]
    fn new_year_articles_reconcile() {
        // Tuesday 31 December 2024 and Thursday 2 January 2025.
        let p = [pair(31, 12, Weekday::Tue), pair(2, 1, Weekday::Thu)];
        assert_eq!(common_year(&p, 2026), (2025, Basis::Common));
    }

    #[test]
    fn front_matter_dates_parse() {
        assert_eq!(
            parse_iso_prefix("2024-01-21T10:00:00+07:00"),
            ymd(2024, 1, 21)
        );
        assert_eq!(parse_iso_prefix("21/01/2024"), None);
    }
}
