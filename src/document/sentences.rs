//! Sentences and paragraphs, aware of the abbreviations and initials of Indonesian copy.

use std::sync::LazyLock;

use super::tokens::{Token, TokenKind};
use crate::span::Span;

/// A sentence: its token range and byte span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Index of the first token in `Document::tokens`.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// From the first token's start to the last token's end.
    pub span: Span,
}

/// Abbreviations after which a period does not end a sentence (compared lower-case).
const ABBREVIATIONS: &[&str] = &[
    "dr", "drs", "dra", "jl", "jln", "no", "h", "hj", "prof", "ir", "st", "tn", "ny", "nn", "sdr",
    "sdri", "bpk", "kol", "let", "jend", "mayjen", "brigjen", "letjen", "kompol", "aiptu",
    "bripka", "hlm", "tgl", "yth", "a.n", "u.p", "kec", "kab", "kel", "ds", "rt", "rw", "vol",
    "mr", "mrs", "ms", "sdn", "smpn", "sman", "pt", "cv", "tbk", "kh", "k.h", "s.h", "m.h", "s.e",
    "m.si", "s.sos", "s.pd", "s.kom", "m.m", "ph.d", "dkk",
];

/// [`ABBREVIATIONS`] by length in bytes: a word is compared with those of its length.
static ABBREVIATIONS_BY_LEN: LazyLock<Vec<Vec<&str>>> = LazyLock::new(|| {
    let mut by_len = vec![Vec::new(); super::normalize::longest(ABBREVIATIONS) + 1];
    for a in ABBREVIATIONS {
        by_len[a.len()].push(*a);
    }
    by_len
});

/// Split tokens into sentences. A sentence ends at `.`, `!` or `?` (with any closing quotes
/// and brackets after it) followed by a capital, a quote, a digit or the end of the text,
/// and at a line break unless the next line starts in lower case.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let mut boundary_after = None;
        if t.kind == TokenKind::Punct
            && matches!(t.span.text(text), "." | "!" | "?")
            && !is_abbreviation(text, tokens, i)
        {
            // Swallow closing quotes and brackets and repeated marks.
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].span.start == tokens[j - 1].span.end
                && (tokens[j].kind == TokenKind::Quote
                    || matches!(tokens[j].span.text(text), ")" | "]" | "." | "!" | "?"))
            {
                j += 1;
            }
            let next_ok = match tokens.get(j) {
                None => true,
                // Tokens touch exactly when the gap has no line break and no inline space.
                Some(n) => {
                    n.span.start > tokens[j - 1].span.end && starts_sentence(n.span.text(text))
                }
            };
            if next_ok {
                boundary_after = Some(j);
            }
        }
        if boundary_after.is_none() {
            if let Some(n) = tokens.get(i + 1) {
                let breaks = n.gap.breaks;
                if breaks > 0 && (breaks > 1 || !starts_lower(n.span.text(text))) {
                    boundary_after = Some(i + 1);
                }
            }
        }
        match boundary_after {
            Some(j) => {
                push(&mut out, tokens, first, j);
                first = j;
                i = j;
            }
            None => i += 1,
        }
    }
    push(&mut out, tokens, first, tokens.len());
    out
}

fn push(out: &mut Vec<Sentence>, tokens: &[Token], first: usize, end: usize) {
    if first < end {
        out.push(Sentence {
            first,
            end,
            span: Span::new(tokens[first].span.start, tokens[end - 1].span.end),
        });
    }
}

fn starts_sentence(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
    })
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Is the period at token `i` part of an abbreviation or an initial?
fn is_abbreviation(text: &str, tokens: &[Token], i: usize) -> bool {
    if tokens[i].span.text(text) != "." || i == 0 {
        return false;
    }
    let prev = tokens[i - 1];
    if prev.kind != TokenKind::Word || prev.span.end != tokens[i].span.start {
        return false;
    }
    let word = prev.span.text(text);
    // A single capital letter is an initial (`A. H. Nasution`, `B.J. Habibie`).
    let mut chars = word.chars();
    if chars.next().is_some_and(char::is_uppercase) && chars.next().is_none() {
        return true;
    }
    let dotted_before = |k: usize| {
        k >= 2
            && tokens[k - 1].span.text(text) == "."
            && tokens[k - 2].kind == TokenKind::Word
            && tokens[k - 2].span.end == tokens[k - 1].span.start
            && tokens[k - 1].span.end == tokens[k].span.start
    };
    // Most periods end an ordinary word: compared without lower-casing a copy.
    if word.is_ascii() && !dotted_before(i - 1) {
        return ABBREVIATIONS_BY_LEN
            .get(word.len())
            .is_some_and(|same_len| same_len.iter().any(|a| a.eq_ignore_ascii_case(word)));
    }
    // Dotted abbreviations such as `S.H.`, `a.n.`: look back over `X.` pairs.
    let mut k = i - 1;
    let mut dotted = word.to_lowercase();
    while dotted_before(k) {
        dotted = format!(
            "{}.{}",
            tokens[k - 2].span.text(text).to_lowercase(),
            dotted
        );
        k -= 2;
    }
    ABBREVIATIONS.contains(&dotted.as_str())
        || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Paragraphs: runs of non-blank lines.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        // Most lines start with a letter: blank or not is known from the first byte.
        let blank = match line.as_bytes().first() {
            Some(b) if b.is_ascii() && !b.is_ascii_whitespace() => false,
            _ => line.trim().is_empty(),
        };
        match (blank, start) {
            (false, None) => start = Some(pos),
            (true, Some(s)) => {
                out.push(Span::new(s, pos));
                start = None;
            }
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::tokens::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        split(text, &toks)
            .into_iter()
            .map(|s| s.span.text(text))
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let s = sentences(
            "Ia tinggal di Jl. Merdeka No. 5 bersama dr. Ani. Lalu A. H. Nasution datang.",
        );
        assert_eq!(
            s,
            vec![
                "Ia tinggal di Jl. Merdeka No. 5 bersama dr. Ani.",
                "Lalu A. H. Nasution datang."
            ]
        );
    }

    #[test]
    fn abbreviations_match_in_any_case_and_dotted() {
        let s = sentences("Ia bertemu BRIGJEN. Ahmad dan Andi, S.H. Kemarin. Semua bubar.");
        assert_eq!(
            s,
            vec![
                "Ia bertemu BRIGJEN. Ahmad dan Andi, S.H. Kemarin.",
                "Semua bubar."
            ]
        );
    }

    #[test]
    fn quotes_and_lines_close_sentences() {
        let s = sentences("\"Kami siap.\" Ia pergi.\nBaca Juga: Judul Lain\nPutin datang");
        assert_eq!(
            s,
            vec![
                "\"Kami siap.\"",
                "Ia pergi.",
                "Baca Juga: Judul Lain",
                "Putin datang"
            ]
        );
    }

    #[test]
    fn decimal_and_time_periods_stay_inside() {
        let s = sentences("Pukul 10.00 WIB harga naik 1,5 persen. Selesai.");
        assert_eq!(s.len(), 2);
    }
}
