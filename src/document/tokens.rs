//! Tokens of Indonesian copy: words (with hyphenated reduplication and apostrophes),
//! numbers, date-like numbers, punctuation, quotes, dashes, URLs, e-mail addresses,
//! handles and hashtags. Whitespace is not a token; the text between two tokens tells it.

use super::normalize::Case;
use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with internal hyphens (`sekutu-sekutunya`), apostrophes (`Jum'at`)
    /// or digits (`ke-3`, `1990-an`, `COVID-19`).
    Word,
    /// Digits with internal `.` or `,` (`2024`, `1.250,5`, `10.00`).
    Number,
    /// Digits joined by `/` (`21/01`, `21/1/2024`).
    DateLike,
    /// A straight or curly double or single quotation mark.
    Quote,
    /// A hyphen standing alone, an en dash or an em dash.
    Dash,
    /// `http://`, `https://` or `www.` addresses.
    Url,
    /// `nama@contoh.id`.
    Email,
    /// `@akun`.
    Handle,
    /// `#tagar`.
    Hashtag,
    /// Any other non-space character (`,`, `.`, `(`, `%`, ...).
    Punct,
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Where it is.
    pub span: Span,
    /// The whitespace between it and the token before.
    pub gap: Gap,
    /// Its case shape and flags, filled in by the document model (read them through
    /// `Document`): kept here, beside the span every rule reads anyway.
    pub(crate) case: Case,
    pub(crate) flags: u8,
}

impl Token {
    /// True for [`TokenKind::Word`].
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'')
}

/// The whitespace between a token and the one before it (or the start of the text), as
/// the tokenizer skipped it: whitespace is all that lies between tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Gap {
    /// How many line breaks (`\n`), at most 255: a blank line is two.
    pub breaks: u8,
    /// Not empty, and only spaces, tabs and no-break spaces: words on one line with nothing
    /// between them (a phrase does not run across a line break or punctuation).
    pub inline_space: bool,
}

/// The gap being skipped.
#[derive(Clone, Copy)]
struct Pending {
    any: bool,
    inline: bool,
    breaks: u8,
}

impl Pending {
    const EMPTY: Pending = Pending {
        any: false,
        inline: true,
        breaks: 0,
    };

    fn skip(&mut self, c: char) {
        self.any = true;
        if c == '\n' {
            self.breaks = self.breaks.saturating_add(1);
        }
        self.inline &= matches!(c, ' ' | '\t' | '\u{a0}');
    }

    fn take(&mut self) -> Gap {
        let g = Gap {
            breaks: self.breaks,
            inline_space: self.any && self.inline,
        };
        *self = Pending::EMPTY;
        g
    }
}

/// Split `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    scan(text, |t, _| out.push(t));
    out
}

/// What the byte loop learnt of a token made of ASCII letters and digits only (most
/// words): enough for its case shape and key without reading it again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AsciiCounts {
    /// Its letters (the rest are digits).
    pub letters: usize,
    /// Its capitals.
    pub upper: usize,
}

/// Call `f(token, counts)` for each token of `text`, in order; the counts are there for a
/// token of ASCII letters and digits only.
pub fn scan(text: &str, mut f: impl FnMut(Token, Option<AsciiCounts>)) {
    let bytes = text.as_bytes();
    let mut pending = Pending::EMPTY;
    let mut i = 0;
    while i < text.len() {
        let b = bytes[i];
        if matches!(b, b' ' | b'\n') {
            pending.skip(char::from(b));
            i += 1;
            continue;
        }
        // Most tokens are words that start with an ASCII letter or digit: straight to the
        // word scan (`h` and `w` may start an address).
        if ASCII_CLASS[usize::from(b)] & WORD != 0 && !matches!(b, b'h' | b'H' | b'w' | b'W') {
            let gap = pending.take();
            i = word_or_email(text, i, gap, &mut f);
            continue;
        }
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        let clen = c.len_utf8();
        if c.is_whitespace() {
            pending.skip(c);
            i += clen;
            continue;
        }
        let gap = pending.take();
        let start = i;
        // URLs and e-mail addresses run to the next whitespace, minus trailing punctuation.
        if matches!(b, b'h' | b'H' | b'w' | b'W') && starts_url(&text[i..]) {
            let end = url_end(text, i);
            f(token(TokenKind::Url, start, end, gap), None);
            i = end;
            continue;
        }
        if (c == '@' || c == '#')
            && text[i + 1..].chars().next().is_some_and(is_word_char)
            && (i == 0 || !text[..i].chars().next_back().is_some_and(is_word_char))
        {
            let end = scan_while(text, i + 1, |c| is_word_char(c) || c == '_');
            let kind = if c == '@' {
                TokenKind::Handle
            } else {
                TokenKind::Hashtag
            };
            f(token(kind, start, end, gap), None);
            i = end;
            continue;
        }
        if is_word_char(c) {
            i = word_or_email(text, i, gap, &mut f);
            continue;
        }
        let kind = if is_quote(c) {
            TokenKind::Quote
        } else if matches!(c, '-' | '–' | '—') {
            TokenKind::Dash
        } else {
            TokenKind::Punct
        };
        f(token(kind, start, start + clen, gap), None);
        i += clen;
    }
}

fn token(kind: TokenKind, start: usize, end: usize, gap: Gap) -> Token {
    Token {
        kind,
        span: Span::new(start, end),
        gap,
        case: Case::Lower,
        flags: 0,
    }
}

/// Emit the word, number or e-mail address that starts at `i`; returns where it ends.
fn word_or_email(
    text: &str,
    i: usize,
    gap: Gap,
    f: &mut impl FnMut(Token, Option<AsciiCounts>),
) -> usize {
    let (end, kind, counts) = scan_word(text, i);
    // An e-mail address: word chars, '@', domain.
    if text.as_bytes().get(end) == Some(&b'@') {
        let dom_end = scan_while(text, end + 1, |c| {
            is_word_char(c) || c == '.' || c == '-' || c == '_'
        });
        let dom = text[end + 1..dom_end].trim_end_matches('.');
        if dom.contains('.') {
            let e = end + 1 + dom.len();
            f(token(TokenKind::Email, i, e, gap), None);
            return e;
        }
    }
    f(token(kind, i, end, gap), counts);
    end
}

fn scan_while(text: &str, from: usize, f: impl Fn(char) -> bool) -> usize {
    let mut end = from;
    for (j, c) in text[from..].char_indices() {
        if !f(c) {
            return from + j;
        }
        end = from + j + c.len_utf8();
    }
    end
}

const DIGIT: u8 = 1;
const LOWER: u8 = 2;
const UPPER: u8 = 4;
const WORD: u8 = DIGIT | LOWER | UPPER;

/// Per byte: [`DIGIT`], [`LOWER`] or [`UPPER`] for an ASCII digit or letter, 0 otherwise.
/// One load per byte in the loop over most of the text.
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Scan a word or number starting at `i`: where it ends, its kind, and its counts when it
/// is ASCII letters and digits only.
fn scan_word(text: &str, i: usize) -> (usize, TokenKind, Option<AsciiCounts>) {
    // Most words are plain ASCII letters and digits: run over those bytes first, counting
    // for the case shape, then go on character by character from where they stop.
    let bytes = text.as_bytes();
    let mut end = i;
    let (mut seen, mut digits, mut upper) = (0, 0, 0);
    while let Some(&b) = bytes.get(end) {
        let class = ASCII_CLASS[usize::from(b)];
        if class == 0 {
            break;
        }
        seen |= class;
        digits += usize::from(class & DIGIT);
        upper += usize::from(class >> 2);
        end += 1;
    }
    let mut has_letter = seen & (LOWER | UPPER) != 0;
    let ascii_end = end;
    // Most words end at a space or at a mark that cannot join: done without walking
    // characters. `.` and `,` join only digits, `/` only numbers.
    let done = match bytes.get(end) {
        None => true,
        Some(b'-' | b'\'') => false,
        Some(b'.' | b',' | b'/') => end > i && !bytes[end - 1].is_ascii_digit(),
        Some(&b) => b.is_ascii(),
    };
    if done {
        let counts = AsciiCounts {
            letters: end - i - digits,
            upper,
        };
        return (end, word_kind(has_letter, false), Some(counts));
    }
    let mut has_slash = false;
    let mut it = text[ascii_end..]
        .char_indices()
        .map(|(j, c)| (j + ascii_end - i, c))
        .peekable();
    while let Some((j, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        if is_word_char(c) {
            has_letter |= c.is_alphabetic();
            end = i + j + c.len_utf8();
            continue;
        }
        let prev_digit = text[..i + j]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_ascii_digit());
        let joins = match c {
            '-' => next.is_some_and(is_word_char),
            _ if is_apostrophe(c) => has_letter && next.is_some_and(char::is_alphabetic),
            '.' | ',' => prev_digit && next.is_some_and(|n| n.is_ascii_digit()),
            '/' => !has_letter && prev_digit && next.is_some_and(|n| n.is_ascii_digit()),
            _ => false,
        };
        if !joins {
            break;
        }
        has_slash |= c == '/';
    }
    (end, word_kind(has_letter, has_slash), None)
}

fn word_kind(has_letter: bool, has_slash: bool) -> TokenKind {
    if has_letter {
        TokenKind::Word
    } else if has_slash {
        TokenKind::DateLike
    } else {
        TokenKind::Number
    }
}

fn starts_url(s: &str) -> bool {
    let lower =
        |p: &str| s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    lower("http://") || lower("https://") || lower("www.")
}

fn url_end(text: &str, from: usize) -> usize {
    let end = scan_while(text, from, |c| {
        !c.is_whitespace() && !matches!(c, '<' | '>' | '"' | '“' | '”')
    });
    let trimmed = text[from..end].trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '\'', '’']);
    from + trimmed.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.span.text(text), t.kind))
            .collect()
    }

    #[test]
    fn keeps_reduplication_and_apostrophes_in_one_word() {
        let t = words("sekutu-sekutunya, undang-undang dan bolak-balik pada Jum'at.");
        assert_eq!(t[0], ("sekutu-sekutunya", TokenKind::Word));
        assert_eq!(t[2], ("undang-undang", TokenKind::Word));
        assert_eq!(t[4], ("bolak-balik", TokenKind::Word));
        assert_eq!(t[6], ("Jum'at", TokenKind::Word));
        assert_eq!(t[7], (".", TokenKind::Punct));
    }

    #[test]
    fn numbers_dates_and_suffixed_numbers() {
        let t = words("Minggu (21/01) pukul 10.00 WIB, ke-3, 1990-an, Rp1.250,5 dan 2024.");
        assert!(t.contains(&("21/01", TokenKind::DateLike)));
        assert!(t.contains(&("10.00", TokenKind::Number)));
        assert!(t.contains(&("ke-3", TokenKind::Word)));
        assert!(t.contains(&("1990-an", TokenKind::Word)));
        assert!(t.contains(&("Rp1.250,5", TokenKind::Word)));
        assert!(t.contains(&("2024", TokenKind::Number)));
    }

    #[test]
    fn urls_emails_handles_quotes_dashes() {
        let t = words(
            "Lihat https://contoh.id/a-b. Tulis ke redaksi@contoh.id atau @sunting #pemilu – “ya”",
        );
        assert!(t.contains(&("https://contoh.id/a-b", TokenKind::Url)));
        assert!(t.contains(&("redaksi@contoh.id", TokenKind::Email)));
        assert!(t.contains(&("@sunting", TokenKind::Handle)));
        assert!(t.contains(&("#pemilu", TokenKind::Hashtag)));
        assert!(t.contains(&("–", TokenKind::Dash)));
        assert!(t.contains(&("“", TokenKind::Quote)));
    }
}
