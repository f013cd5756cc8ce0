//! The document model: the original text kept byte-exact, a line index, tokens, sentences,
//! paragraphs, quotations and article metadata. Every check reads a `Document`.

mod markdown;
pub mod normalize;
pub mod sentences;
pub mod tokens;

use std::any::{Any, TypeId};
use std::borrow::Cow;
use std::sync::{Arc, LazyLock, Mutex};

use regex::Regex;

pub use sentences::Sentence;
pub use tokens::{Token, TokenKind};

use crate::hash::HashMap;
use crate::source::LineIndex;
use crate::span::Span;
use normalize::Case;

/// How the text is marked up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Plain text: every byte is prose except suppression-comment lines.
    #[default]
    Text,
    /// Markdown: code, HTML, front matter and link targets are not prose.
    Markdown,
}

impl Format {
    /// Markdown for `.md` / `.markdown` names, plain text otherwise.
    pub fn from_path(path: &str) -> Self {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdx") {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

/// What the article says about itself.
#[derive(Clone, Debug, Default)]
pub struct Meta {
    /// Markdown front matter, `key: value` (top-level scalars).
    pub front_matter: Vec<(String, String)>,
    /// The dateline (`JAKARTA, Sunting.id –`) at the start of the article, if any.
    pub dateline: Option<Span>,
    /// The dateline's city (`JAKARTA`, `Pyongyang`), if any.
    pub dateline_city: Option<Span>,
}

impl Meta {
    /// A front-matter value by key.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.front_matter
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// A text ready to be checked.
#[derive(Debug)]
pub struct Document<'a> {
    /// The text as read. Spans index into it.
    pub text: &'a str,
    /// The same bytes with everything that is not prose replaced by spaces (line breaks
    /// kept), so that checks can scan it freely and positions still match `text`.
    pub prose: Cow<'a, str>,
    /// Plain text or Markdown.
    pub format: Format,
    /// Byte offset to line/column.
    pub lines: LineIndex,
    /// Tokens of the prose.
    pub tokens: Vec<Token>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Paragraphs (runs of non-blank lines), in order.
    pub paragraphs: Vec<Span>,
    /// Non-prose ranges (masked in `prose`). Findings that touch them are dropped.
    pub masked: Vec<Span>,
    /// Text inside double quotation marks (direct speech), without the marks.
    pub quoted: Vec<Span>,
    /// Front matter and dateline.
    pub meta: Meta,
    /// The matching keys (`normalize::key`) of the tokens whose key is not their text,
    /// concatenated; `key_ends[i]` is where token `i`'s key ends in it (an empty range for a
    /// token that is its own key, [`KEY_IS_TEXT`]). Built once so that rules compare words
    /// without allocating.
    keys: String,
    key_ends: Vec<u32>,
    /// Per-document analyses shared by several rules (built once, see [`Document::memo`]).
    memo: Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>,
}

// Each token carries its case shape and these flags, tested by many rules on every word.

/// Token flag: ASCII letters only, at least one.
const ASCII_LETTERS: u8 = 1;
/// Token flag: starts inside a quotation ([`Document::in_quotes`]).
const IN_QUOTES: u8 = 2;
/// Token flag: the token's text is its key (lower-case ASCII), not copied into `keys`.
const KEY_IS_TEXT: u8 = 4;
/// Token flag: the token starts its sentence ([`Document::is_sentence_initial`]).
const INITIAL: u8 = 8;

/// True when a line of `text` starts with `sunting-`, after blanks and at most a comment
/// mark (`<!--`, `#`, `//`): where every suppression comment starts. Most copy has none,
/// and then neither the document nor the engine runs a suppression regex. Only the line
/// starts are read.
pub fn has_suppression(text: &str) -> bool {
    let b = text.as_bytes();
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', b).map(|i| i + 1))
        .any(|start| starts_directive(&b[start..]))
}

/// `line` (to the end of the text) starts like a suppression comment.
fn starts_directive(line: &[u8]) -> bool {
    let blanks = |s: &[u8]| s.iter().take_while(|&&c| c == b' ' || c == b'\t').count();
    let mut s = &line[blanks(line)..];
    if let Some(rest) = s.strip_prefix(b"<!--") {
        s = &rest[blanks(rest)..];
    }
    if let Some(rest) = s.strip_prefix(b"#").or_else(|| s.strip_prefix(b"//")) {
        s = rest;
    }
    s[blanks(s)..].starts_with(b"sunting-")
}

static SUPPRESSION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:#|//)?[ \t]*sunting-(?:disable|enable)(?:-next-line)?\b[^\n]*")
        .expect("valid regex")
});

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // `JAKARTA, Sunting.id –`, `Pyongyang, Purna Warta –`, `JAKARTA (Antara) -`. The
    // agency is at most 40 characters, or 30 in brackets: checked in `dateline`, because
    // bounded repeats of a Unicode class double the time to build the regex at start-up.
    Regex::new(r"^[ \t]*(\p{Lu}[\p{L}.]*(?:[ \t]\p{Lu}[\p{L}.]*){0,3})(?:,[ \t]*([^\n–—]+?)|[ \t]*\(([^)\n]+)\))[ \t]+(?:–|—|--?)[ \t]")
        .expect("valid regex")
});

/// The dateline at the start of `para` (a paragraph's text): the whole of it and the city,
/// as ranges of `para`.
fn dateline(para: &str) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let c = DATELINE.captures(para)?;
    let agency_fits = match (c.get(2), c.get(3)) {
        (Some(a), _) => a.as_str().chars().count() <= 40,
        (_, Some(b)) => b.as_str().chars().count() <= 30,
        _ => false,
    };
    if !agency_fits {
        return None;
    }
    Some((c.get(0)?.range(), c.get(1)?.range()))
}

impl<'a> Document<'a> {
    /// Build the model of `text`.
    pub fn new(text: &'a str, format: Format) -> Self {
        let mut masked: Vec<Span> = match format {
            Format::Markdown => markdown::non_prose(text),
            Format::Text => Vec::new(),
        };
        // The regex cannot skip ahead to its literal; a (SIMD) substring search can.
        if has_suppression(text) {
            for m in SUPPRESSION_LINE.find_iter(text) {
                masked.push(Span::new(m.start(), m.end()));
            }
        }
        masked.sort();
        let prose = mask(text, &masked);
        // Tokens, with each one's key, case shape and flags from the same walk.
        let mut tokens: Vec<Token> = Vec::with_capacity(prose.len() / 5);
        let mut keys = String::with_capacity(prose.len());
        let mut key_ends = Vec::with_capacity(prose.len() / 5);
        tokens::scan(&prose, |mut t, counts| {
            // Masking only blanks bytes out: a token's bytes are the same in `text`.
            let w = t.span.text(text);
            let (case, letters, same) = match counts {
                Some(n) => normalize::ascii_key_and_shape(w, n.letters, n.upper, &mut keys),
                None => normalize::key_and_shape(w, &mut keys),
            };
            key_ends.push(u32::try_from(keys.len()).unwrap_or(u32::MAX));
            t.case = case;
            t.flags = (u8::from(letters) * ASCII_LETTERS) | (u8::from(same) * KEY_IS_TEXT);
            tokens.push(t);
        });
        let sentences = sentences::split(&prose, &tokens);
        let paragraphs = sentences::paragraphs(&prose);
        let quoted = quotations(&prose, &tokens, &paragraphs);
        let front_matter = match format {
            Format::Markdown => markdown::front_matter(text),
            Format::Text => Vec::new(),
        };
        // The dateline opens the first paragraph of the body, after any front matter.
        let body_start = match format {
            Format::Markdown => markdown::front_matter_end(text).unwrap_or(0),
            Format::Text => 0,
        };
        let (dateline, dateline_city) = match paragraphs.iter().find(|p| p.start >= body_start) {
            Some(p) => match dateline(&prose[p.start..p.end]) {
                Some((all, city)) => (
                    Some(Span::new(p.start + all.start, p.start + all.end)),
                    Some(Span::new(p.start + city.start, p.start + city.end)),
                ),
                None => (None, None),
            },
            None => (None, None),
        };
        let after_dateline =
            dateline.and_then(|d| tokens.iter().position(|t| t.span.start >= d.end));
        for q in &quoted {
            let first = tokens.partition_point(|t| t.span.start < q.start);
            for t in &mut tokens[first..] {
                if t.span.start >= q.end {
                    break;
                }
                t.flags |= IN_QUOTES;
            }
        }
        mark_sentence_initial(&mut tokens, &sentences, &quoted, after_dateline);
        Document {
            text,
            keys,
            key_ends,
            memo: Mutex::new(HashMap::default()),
            lines: LineIndex::new(text),
            prose,
            format,
            tokens,
            sentences,
            paragraphs,
            masked,
            quoted,
            meta: Meta {
                front_matter,
                dateline,
                dateline_city,
            },
        }
    }

    /// An analysis of this document that several rules need (a name index, say): built by
    /// `build` the first time it is asked for, then shared. Keyed by type, so `T` must
    /// depend on the document alone, never on one rule's parameters.
    pub fn memo<T: Any + Send + Sync>(&self, build: impl FnOnce(&Self) -> T) -> Arc<T> {
        let id = TypeId::of::<T>();
        if let Some(hit) = self.memo.lock().expect("memo lock").get(&id) {
            return hit.clone().downcast::<T>().expect("keyed by its own type");
        }
        // Built outside the lock: `build` may itself ask for another memo.
        let value = Arc::new(build(self));
        self.memo
            .lock()
            .expect("memo lock")
            .entry(id)
            .or_insert_with(|| value.clone());
        value
    }

    /// The original text of token `i`.
    pub fn token_text(&self, i: usize) -> &'a str {
        self.tokens[i].span.text(self.text)
    }

    /// The original text between tokens `a` and `b` (`a < b`).
    pub fn gap(&self, a: usize, b: usize) -> &str {
        &self.prose[self.tokens[a].span.end..self.tokens[b].span.start]
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        match self.sentences.binary_search_by(|s| {
            if i < s.first {
                std::cmp::Ordering::Greater
            } else if i >= s.end {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(k) => k,
            Err(k) => k.min(self.sentences.len().saturating_sub(1)),
        }
    }

    /// True when token `i` is the first word of its sentence (after any opening quotes,
    /// brackets or dashes), or the first word after the dateline.
    pub fn is_sentence_initial(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.flags & INITIAL != 0)
    }

    /// The matching key of token `i`: NFC, straight quotes, lower case.
    #[inline(always)]
    pub fn key(&self, i: usize) -> &str {
        let (bytes, range) = self.key_place(i);
        &bytes[range]
    }

    /// The bytes of token `i`'s key: [`Document::key`] without the character-boundary
    /// tests of slicing a `str`, for byte comparisons on every token.
    #[inline(always)]
    pub fn key_bytes(&self, i: usize) -> &[u8] {
        let (bytes, range) = self.key_place(i);
        &bytes.as_bytes()[range]
    }

    /// Where token `i`'s key is: the text, or the `keys` of the others.
    #[inline(always)]
    fn key_place(&self, i: usize) -> (&str, std::ops::Range<usize>) {
        if self.tokens[i].flags & KEY_IS_TEXT != 0 {
            let s = self.tokens[i].span;
            return (self.text, s.start..s.end);
        }
        let start = if i == 0 {
            0
        } else {
            self.key_ends[i - 1] as usize
        };
        (&self.keys, start..self.key_ends[i] as usize)
    }

    /// True when token `i` is made of ASCII letters only (so byte offsets in its key match
    /// the original).
    #[inline]
    pub fn is_ascii_letters(&self, i: usize) -> bool {
        self.tokens[i].flags & ASCII_LETTERS != 0
    }

    /// True when token `i` starts inside a quotation: [`Document::in_quotes`] of its start.
    #[inline]
    pub fn token_in_quotes(&self, i: usize) -> bool {
        self.tokens[i].flags & IN_QUOTES != 0
    }

    /// True when token `i` follows token `i - 1` after nothing but spaces or tabs on the
    /// same line (see [`tokens::Gap`]); false for the first token.
    #[inline]
    pub fn spaced_from_previous(&self, i: usize) -> bool {
        i > 0 && self.tokens[i].gap.inline_space
    }

    /// How many line breaks lie between token `i` and the token before it (or the start
    /// of the text), up to 255 (see [`tokens::Gap`]).
    #[inline]
    pub fn breaks_before(&self, i: usize) -> usize {
        usize::from(self.tokens[i].gap.breaks)
    }

    /// Token `i`'s key packed into one integer when it has at most seven bytes (most
    /// words): its bytes, and its length in the top byte. Equal keys give equal integers.
    #[inline]
    pub fn short_key(&self, i: usize) -> Option<u64> {
        let (all, range) = self.key_place(i);
        let len = range.len();
        if len > 7 {
            return None;
        }
        let packed = crate::hash::load_packed(all.as_bytes(), range.start, len)?;
        Some(packed | ((len as u64) << 56))
    }

    /// The case shape of token `i`.
    #[inline]
    pub fn case(&self, i: usize) -> Case {
        self.tokens[i].case
    }

    /// True when the quote token `q` opens a quotation.
    pub fn quote_opens(&self, q: usize) -> bool {
        quote_opens(&self.tokens, &self.quoted, q)
    }

    /// True when byte `offset` lies inside a quotation.
    pub fn in_quotes(&self, offset: usize) -> bool {
        let k = self.quoted.partition_point(|s| s.end <= offset);
        self.quoted.get(k).is_some_and(|s| s.start <= offset)
    }

    /// True when `span` touches text that is not prose.
    pub fn touches_masked(&self, span: Span) -> bool {
        let k = self.masked.partition_point(|m| m.end <= span.start);
        self.masked
            .get(k)
            .is_some_and(|m| m.overlaps(span) && !(m.end == span.start || m.start == span.end))
    }

    /// The tokens that start inside `span` (tokens are in text order: a binary search).
    pub fn tokens_in(&self, span: Span) -> &[Token] {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = a + self.tokens[a..].partition_point(|t| t.span.start < span.end);
        &self.tokens[a..b]
    }

    /// Indices of word tokens, in order.
    pub fn words(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.tokens.len()).filter(|&i| self.tokens[i].is_word())
    }
}

fn quote_opens(tokens: &[Token], quoted: &[Span], q: usize) -> bool {
    let t = tokens[q];
    // `quoted` is in text order.
    let k = quoted.partition_point(|s| s.start < t.span.end);
    quoted.get(k).is_some_and(|s| s.start == t.span.end)
}

/// Flag as [`INITIAL`] each token that is the first word or number of its sentence
/// (nothing but quotes, brackets or dashes before it), a word right after an opening
/// quote, or the first token after the dateline.
fn mark_sentence_initial(
    tokens: &mut [Token],
    sentences: &[Sentence],
    quoted: &[Span],
    after_dateline: Option<usize>,
) {
    if let Some(t) = after_dateline.and_then(|d| tokens.get_mut(d)) {
        t.flags |= INITIAL;
    }
    if sentences.is_empty() {
        return;
    }
    // The same answer as walking back from each token to the start of the sentence that
    // `sentence_of` gives it (a token in a gap belongs to the next sentence and starts it;
    // after the last sentence, to the last one), in one pass.
    let mut k = 0;
    let mut seen_word = false;
    for (i, t) in tokens.iter_mut().enumerate() {
        while k < sentences.len() && i >= sentences[k].end {
            if k + 1 < sentences.len() {
                k += 1;
                seen_word = false;
            } else {
                break;
            }
        }
        let s = &sentences[k];
        if i < s.first {
            t.flags |= INITIAL;
            continue;
        }
        if !seen_word {
            t.flags |= INITIAL;
        }
        if t.is_word() || t.kind == TokenKind::Number {
            seen_word = true;
        }
    }
    for i in 1..tokens.len() {
        if tokens[i - 1].kind == TokenKind::Quote && quote_opens(tokens, quoted, i - 1) {
            tokens[i].flags |= INITIAL;
        }
    }
}

fn mask<'a>(text: &'a str, masked: &[Span]) -> Cow<'a, str> {
    if masked.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for m in masked {
        if m.start < pos {
            continue;
        }
        out.push_str(&text[pos..m.start]);
        for ch in text[m.start..m.end].chars() {
            if ch == '\n' || ch == '\r' {
                out.push(ch);
            } else {
                out.extend(std::iter::repeat_n(' ', ch.len_utf8()));
            }
        }
        pos = m.end;
    }
    out.push_str(&text[pos..]);
    Cow::Owned(out)
}

/// Pair double quotation marks within each paragraph and return what lies between them.
fn quotations(text: &str, tokens: &[Token], paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    for p in paragraphs {
        let mut open: Option<usize> = None;
        // Tokens and paragraphs are both in text order: walk the tokens once.
        let start = from + tokens[from..].partition_point(|t| t.span.start < p.start);
        let end = start + tokens[start..].partition_point(|t| t.span.start < p.end);
        from = end;
        for t in tokens[start..end]
            .iter()
            .filter(|t| t.kind == TokenKind::Quote && p.contains(t.span))
        {
            let q = t.span.text(text);
            match (q, open) {
                ("“" | "„" | "«", _) => open = Some(t.span.end),
                ("”" | "»", Some(o)) => {
                    out.push(Span::new(o, t.span.start));
                    open = None;
                }
                ("\"", None) => open = Some(t.span.end),
                ("\"", Some(o)) => {
                    out.push(Span::new(o, t.span.start));
                    open = None;
                }
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suppression_comments_are_seen_only_where_a_line_starts() {
        for text in [
            "sunting-disable ejaan",
            "Paragraf.\n  # sunting-disable-next-line kapital\nteks",
            "Paragraf.\r\n// sunting-enable",
            "Paragraf.\n\t<!-- sunting-disable ejaan -->",
            "<!--# sunting-enable-->",
        ] {
            assert!(has_suppression(text), "{text:?}");
        }
        for text in [
            "Tim sunting-an naskah bekerja.",
            "Paragraf.\n- sunting-disable",
            "Paragraf.\n## sunting-disable",
            "",
        ] {
            assert!(!has_suppression(text), "{text:?}");
        }
    }

    #[test]
    fn dateline_and_sentence_starts() {
        let text = "Pyongyang, Purna Warta – Presiden Rusia datang. Ia pergi.";
        let doc = Document::new(text, Format::Text);
        assert_eq!(doc.meta.dateline_city.unwrap().text(text), "Pyongyang");
        let presiden = doc
            .tokens
            .iter()
            .position(|t| t.span.text(text) == "Presiden")
            .unwrap();
        assert!(doc.is_sentence_initial(presiden));
        let rusia = presiden + 1;
        assert!(!doc.is_sentence_initial(rusia));
        let ia = doc
            .tokens
            .iter()
            .position(|t| t.span.text(text) == "Ia")
            .unwrap();
        assert!(doc.is_sentence_initial(ia));
    }

    #[test]
    fn short_keys_pack_equal_words_equally() {
        let text = "Dia dan DAN dana dia, pemerintahan dan Dia";
        let doc = Document::new(text, Format::Text);
        let words: Vec<usize> = doc.words().collect();
        for &a in &words {
            for &b in &words {
                let (ka, kb) = (doc.short_key(a), doc.short_key(b));
                if let (Some(x), Some(y)) = (ka, kb) {
                    assert_eq!(x == y, doc.key(a) == doc.key(b), "{a} {b}");
                }
            }
        }
        // Seven bytes at most, and only with eight bytes of keys from its start.
        let long = words.iter().find(|&&i| doc.token_text(i) == "pemerintahan");
        assert_eq!(doc.short_key(*long.unwrap()), None);
        assert!(doc.short_key(words[0]).is_some());
        assert_eq!(doc.short_key(words[words.len() - 1]), None);
    }

    #[test]
    fn memo_builds_once_per_document() {
        let doc = Document::new("Satu dua.", Format::Text);
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let build = |d: &Document<'_>| {
            calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            d.tokens.len()
        };
        assert_eq!(*doc.memo(build), 3);
        assert_eq!(*doc.memo(build), 3);
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn dateline_agency_is_short() {
        let city = |t: &str| {
            let doc = Document::new(t, Format::Text);
            doc.meta.dateline_city.map(|c| c.text(t).to_owned())
        };
        assert_eq!(
            city("JAKARTA (Antara) – Harga naik.").as_deref(),
            Some("JAKARTA")
        );
        assert_eq!(
            city("Banda Aceh, Sunting.id – Harga naik.").as_deref(),
            Some("Banda Aceh")
        );
        // A comma clause longer than an agency name is a sentence with a dash, not a
        // dateline.
        assert_eq!(
            city(
                "Jakarta, kota yang selama bertahun-tahun menjadi pusat pemerintahan – kini sepi.",
            ),
            None
        );
        assert_eq!(
            city("JAKARTA (Kantor Berita Nasional Indonesia Raya) – Harga naik."),
            None
        );
    }

    #[test]
    fn dateline_after_front_matter() {
        let text = "---\ntitle: Banjir Besar\ndate: 2024-01-21\n---\n\nJAKARTA, Sunting.id – Hujan turun.\n";
        let doc = Document::new(text, Format::Markdown);
        assert_eq!(doc.meta.dateline_city.unwrap().text(text), "JAKARTA");
    }

    #[test]
    fn quotations_are_found() {
        let text = "“Kami siap,” kata dia. \"Tentu.\"";
        let doc = Document::new(text, Format::Text);
        assert!(doc.in_quotes(text.find("siap").unwrap()));
        assert!(!doc.in_quotes(text.find("kata").unwrap()));
        assert!(doc.in_quotes(text.find("Tentu").unwrap()));
        for i in 0..doc.tokens.len() {
            assert_eq!(
                doc.token_in_quotes(i),
                doc.in_quotes(doc.tokens[i].span.start)
            );
        }
    }

    #[test]
    fn markdown_code_is_not_prose_but_positions_hold() {
        let text = "Kata `kode` ini.";
        let doc = Document::new(text, Format::Markdown);
        assert_eq!(doc.prose.len(), text.len());
        assert!(
            !doc.tokens
                .iter()
                .any(|t| t.span.text(text).contains("kode"))
        );
        assert!(doc.tokens.iter().any(|t| t.span.text(text) == "ini"));
    }
}
