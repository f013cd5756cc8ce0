//! `punctuation`: spacing around punctuation, doubled spaces, unbalanced quotes and brackets.

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::{BuildEnv, Check, Context, KindError, Reporter, RuleKind};
use crate::diagnostic::Fix;
use crate::document::{Document, TokenKind};
use crate::span::Span;

/// Which punctuation check a rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Which {
    /// `kata ,` -> `kata,` (also `. : ; ? !`); an ellipsis is left alone.
    SpaceBefore,
    /// `kata,kata` -> `kata, kata`; `itu.Dia` -> `itu. Dia`.
    SpaceAfter,
    /// Two or more spaces between words.
    DoubleSpace,
    /// Double quotation marks that do not pair up within a paragraph.
    Quotes,
    /// Brackets that do not pair up within a paragraph.
    Brackets,
}

/// ## What it does
/// One of the EYD V punctuation spacing checks, chosen by `check`.
///
/// ## Parameters
/// - `check`: `space-before`, `space-after`, `double-space`, `quotes` or `brackets`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    check: Which,
}

/// The compiled `punctuation` kind.
#[derive(Debug)]
pub struct Punctuation {
    which: Which,
}

impl RuleKind for Punctuation {
    const NAME: &'static str = "punctuation";
    type Params = Params;

    fn build(params: Params, _env: &BuildEnv<'_>) -> Result<Self, KindError> {
        Ok(Self {
            which: params.check,
        })
    }
}

static SPACE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}\)”\x22][ \t\u{a0}]+([,;:?!]|\.(?:[^.]|$))").expect("valid regex")
});
static SPACE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Ll}\p{Ll}([,;:?!])\p{L}|\p{Ll}\p{Ll}(\.)\p{Lu}\p{Ll}").expect("valid regex")
});
static DOUBLE_SPACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^\s]( {2,})[^\s]").expect("valid regex"));

impl Check for Punctuation {
    fn check(&self, doc: &Document<'_>, _ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let prose: &str = &doc.prose;
        match self.which {
            Which::SpaceBefore => {
                for (whole, mark) in space_before_matches(prose, &doc.memo(Marks::new).0) {
                    let first_len = prose[whole..].chars().next().map_or(1, char::len_utf8);
                    let mark_char = &prose[mark..mark + 1];
                    let span = Span::new(whole + first_len, mark + 1);
                    let actual = span.text(doc.text);
                    let d = out.report(
                        span,
                        &[
                            ("actual", actual),
                            ("expected", mark_char),
                            ("mark", mark_char),
                        ],
                    );
                    d.fixes.push(Fix::new(span, mark_char));
                }
            }
            Which::SpaceAfter => {
                for mark in space_after_marks(prose, &doc.memo(Marks::new).0) {
                    if inside_word_token(doc, mark.start()) {
                        continue;
                    }
                    let span = Span::new(mark.start(), mark.end());
                    let mark_text = mark.as_str();
                    let expected = format!("{mark_text} ");
                    let d = out.report(
                        span,
                        &[
                            ("actual", mark_text),
                            ("expected", &expected),
                            ("mark", mark_text),
                        ],
                    );
                    d.fixes
                        .push(Fix::new(Span::new(mark.end(), mark.end()), " "));
                }
            }
            Which::DoubleSpace => {
                if !prose.contains("  ") {
                    return;
                }
                for caps in DOUBLE_SPACE.captures_iter(prose) {
                    let sp = caps.get(1).expect("group 1");
                    let span = Span::new(sp.start(), sp.end());
                    let d = out.report(span, &[("actual", sp.as_str()), ("expected", " ")]);
                    d.fixes.push(Fix::new(span, " "));
                }
            }
            Which::Quotes => check_quotes(doc, out),
            Which::Brackets => check_brackets(doc, out),
        }
    }
}

/// The regexes start with a character class, so they cannot skip ahead to a literal and
/// read every byte. Copy seldom has a mark after a space, and a mark between letters
/// comes every few lines (`detik.com`): cheap byte scans find those places first. These are
/// the marks, in order (SIMD searches; a mark comes every few dozen bytes).
fn marks(prose: &str) -> Vec<usize> {
    let b = prose.as_bytes();
    let mut at: Vec<usize> = memchr::memchr3_iter(b'.', b',', b':', b).collect();
    let n = at.len();
    at.extend(memchr::memchr3_iter(b';', b'?', b'!', b));
    if at.len() > n {
        at.sort_unstable();
    }
    at
}

/// The document's marks, found once for both spacing rules.
struct Marks(Vec<usize>);

impl Marks {
    fn new(doc: &Document<'_>) -> Self {
        Marks(marks(&doc.prose))
    }
}

/// The matches of [`SPACE_BEFORE`] (where the whole match and its mark start), as
/// `captures_iter` over the whole text gives them. A match is one character, the run of
/// spaces before a mark, and the mark: it can only start right before that run, so the
/// regex is tried there alone, on the few bytes up to the character after the mark.
fn space_before_matches(prose: &str, marks: &[usize]) -> Vec<(usize, usize)> {
    let b = prose.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    for &j in marks {
        // The start of the spaces, tabs and no-break spaces before the mark.
        let mut r = j;
        loop {
            if r >= 1 && matches!(b[r - 1], b' ' | b'\t') {
                r -= 1;
            } else if r >= 2 && b[r - 2] == 0xC2 && b[r - 1] == 0xA0 {
                r -= 2;
            } else {
                break;
            }
        }
        let Some(c) = prose[..r].chars().next_back().filter(|_| r < j) else {
            continue;
        };
        let start = r - c.len_utf8();
        if start < from {
            continue;
        }
        let end = prose[j + 1..]
            .chars()
            .next()
            .map_or(j + 1, |n| j + 1 + n.len_utf8());
        if let Some(caps) = SPACE_BEFORE
            .captures_at(&prose[..end], start)
            .filter(|c| c.get(0).is_some_and(|m| m.start() == start))
        {
            let whole = caps.get(0).expect("group 0");
            let mark = caps.get(1).expect("group 1");
            out.push((whole.start(), mark.start()));
            from = whole.end();
        }
    }
    out
}

/// The matches of [`SPACE_AFTER`] (its mark group), as `captures_iter` over the whole text
/// gives them, searched for only around marks with a letter (or any non-ASCII character)
/// on both sides. The regex has no anchors or look-around, so a match depends on its own
/// bytes alone, and each lies within eight bytes (two characters) of its mark.
fn space_after_marks<'p>(prose: &'p str, marks: &[usize]) -> Vec<regex::Match<'p>> {
    let b = prose.as_bytes();
    let letterish = |x: u8| x.is_ascii_alphabetic() || x >= 0x80;
    let mut out = Vec::new();
    let mut from = 0;
    for &j in marks {
        if j == 0 || j + 1 >= b.len() || j < from || !letterish(b[j - 1]) || !letterish(b[j + 1]) {
            continue;
        }
        let mut start = j.saturating_sub(8).max(from);
        while !prose.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (j + 9).min(b.len());
        while !prose.is_char_boundary(end) {
            end += 1;
        }
        if let Some(caps) = SPACE_AFTER.captures_at(&prose[..end], start) {
            let mark = caps
                .get(1)
                .or_else(|| caps.get(2))
                .expect("one group matches");
            out.push(mark);
            from = caps.get(0).expect("group 0").end();
        }
    }
    out
}

/// A mark inside a URL, e-mail address or number token is not punctuation.
fn inside_word_token(doc: &Document<'_>, offset: usize) -> bool {
    let k = doc.tokens.partition_point(|t| t.span.end <= offset);
    doc.tokens.get(k).is_some_and(|t| {
        t.span.start <= offset
            && matches!(
                t.kind,
                TokenKind::Url | TokenKind::Email | TokenKind::Word | TokenKind::Number
            )
    })
}

fn check_quotes(doc: &Document<'_>, out: &mut Reporter<'_>) {
    for p in &doc.paragraphs {
        let mut straight: Vec<Span> = Vec::new();
        let mut curly_open: Vec<Span> = Vec::new();
        let mut stray_close: Vec<Span> = Vec::new();
        for t in doc
            .tokens_in(*p)
            .iter()
            .filter(|t| t.kind == TokenKind::Quote && p.contains(t.span))
        {
            match t.span.text(doc.text) {
                "\"" => straight.push(t.span),
                "“" => curly_open.push(t.span),
                "”" if curly_open.pop().is_none() => stray_close.push(t.span),
                _ => {}
            }
        }
        let mut unpaired: Vec<Span> = curly_open;
        unpaired.extend(stray_close);
        if straight.len() % 2 == 1 {
            unpaired.push(*straight.last().expect("odd count is non-empty"));
        }
        unpaired.sort();
        for span in unpaired {
            let actual = span.text(doc.text);
            out.report(span, &[("actual", actual), ("expected", "")]);
        }
    }
}

fn check_brackets(doc: &Document<'_>, out: &mut Reporter<'_>) {
    for p in &doc.paragraphs {
        let mut stack: Vec<(Span, char)> = Vec::new();
        let mut bad: Vec<Span> = Vec::new();
        for t in doc
            .tokens_in(*p)
            .iter()
            .filter(|t| t.kind == TokenKind::Punct && p.contains(t.span))
        {
            let c = t.span.text(doc.text).chars().next().unwrap_or(' ');
            match c {
                '(' | '[' => stack.push((t.span, c)),
                ')' | ']' => {
                    let want = if c == ')' { '(' } else { '[' };
                    match stack.last() {
                        Some(&(_, o)) if o == want => {
                            stack.pop();
                        }
                        _ => {
                            // `1)` and `a)` list markers close nothing on purpose.
                            let prev = doc.text[p.start..t.span.start].trim_end();
                            let list_marker =
                                prev.rsplit(char::is_whitespace).next().is_some_and(|w| {
                                    w.chars().count() <= 2 && w.chars().all(char::is_alphanumeric)
                                });
                            if !(c == ')' && list_marker) {
                                bad.push(t.span);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        bad.extend(stack.into_iter().map(|(s, _)| s));
        bad.sort();
        for span in bad {
            let actual = span.text(doc.text);
            out.report(span, &[("actual", actual), ("expected", "")]);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::kinds::testing::{fixed, linter, run};
    use proptest::prelude::*;

    proptest! {
        /// The scans only skip text where the regexes cannot match.
        #[test]
        fn prefilters_find_what_the_regexes_find(s in "[ab AÉé.,;:!?\t\u{a0}1)”\u{2003}(]{0,40}") {
            let whole: Vec<(usize, usize)> = super::SPACE_AFTER
                .captures_iter(&s)
                .map(|c| c.get(1).or_else(|| c.get(2)).unwrap())
                .map(|m| (m.start(), m.end()))
                .collect();
            let scanned: Vec<(usize, usize)> = super::space_after_marks(&s, &super::marks(&s))
                .iter()
                .map(|m| (m.start(), m.end()))
                .collect();
            prop_assert_eq!(whole, scanned);
            let whole: Vec<(usize, usize)> = super::SPACE_BEFORE
                .captures_iter(&s)
                .map(|c| (c.get(0).unwrap().start(), c.get(1).unwrap().start()))
                .collect();
            prop_assert_eq!(whole, super::space_before_matches(&s, &super::marks(&s)));
        }
    }

    #[test]
    fn flags_space_before_punctuation() {
        let l = linter("punctuation", "check = \"space-before\"");
        assert_eq!(
            fixed(&l, "Baca Juga : Judul\nIa datang , lalu pergi ."),
            "Baca Juga: Judul\nIa datang, lalu pergi."
        );
    }

    #[test]
    fn allows_ellipsis_and_decimals() {
        let l = linter("punctuation", "check = \"space-before\"");
        assert!(run(&l, "Ia berkata ... lalu diam. Harga naik 1,5 persen.").is_empty());
    }

    #[test]
    fn flags_missing_space_after() {
        let l = linter("punctuation", "check = \"space-after\"");
        assert_eq!(
            fixed(&l, "Ia datang,lalu pergi.Dia pulang."),
            "Ia datang, lalu pergi. Dia pulang."
        );
        assert!(
            run(
                &l,
                "Baca di detik.com, pukul 10.00, harga 1,5 juta, gelar S.H. dan A.H. Nasution."
            )
            .is_empty()
        );
    }

    #[test]
    fn flags_double_spaces_between_words() {
        let l = linter("punctuation", "check = \"double-space\"");
        assert_eq!(fixed(&l, "Ia  datang."), "Ia datang.");
        assert!(run(&l, "  Menjorok.\nBaris  \n").is_empty());
    }

    #[test]
    fn flags_unbalanced_quotes_and_brackets() {
        let q = linter("punctuation", "check = \"quotes\"");
        assert_eq!(run(&q, "“Kami siap, kata dia.").len(), 1);
        assert!(run(&q, "“Kami siap,” kata dia. \"Ya,\" jawabnya.").is_empty());
        let b = linter("punctuation", "check = \"brackets\"");
        assert_eq!(run(&b, "Pada Minggu (21/1 ia datang.").len(), 1);
        assert!(run(&b, "Pada Minggu (21/1) ia datang. Syaratnya: 1) hadir.").is_empty());
    }
}
