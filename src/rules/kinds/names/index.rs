//! The name index of one article: every capitalised word, grouped into runs of adjacent
//! capitalised words (`Kim Jong Un`, `Korea Utara`), with counts per spelling and whether
//! the capital is evidence of a name (not a sentence start, not a title-case headline).

use std::hash::BuildHasher;
use std::ops::Range;

use hashbrown::HashTable;

use crate::document::normalize::{Case, case_of, longest};
use crate::document::{Document, TokenKind};
use crate::hash::load_packed;

/// One capitalised word in the article.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Occ {
    /// Token index.
    pub(crate) tok: usize,
    /// Index of its run in [`NameIndex::runs`].
    pub(crate) run: usize,
    /// First word of a sentence or after the dateline: the capital proves nothing.
    pub(crate) initial: bool,
    /// On a title-case line (a headline or a read-also link): the capital proves nothing.
    pub(crate) headline: bool,
}

impl Occ {
    /// True when the capital says "this is a name".
    pub(crate) fn is_evidence(&self) -> bool {
        !self.initial && !self.headline
    }
}

/// A maximal run of capitalised words separated by single inline spaces.
#[derive(Clone, Debug)]
pub(crate) struct Run {
    /// Its occurrences: a range of [`NameIndex::occs`] (and of [`NameIndex::toks`]).
    occs: Range<usize>,
}

/// Counts for one spelling (exact text).
#[derive(Clone, Debug, Default)]
pub(crate) struct FormStats {
    /// The token of its first occurrence: the spelling is that token's text.
    pub(crate) first: usize,
    /// Its occurrences: a range of [`NameIndex::by_form`] (see [`NameIndex::occs_of`]).
    occs: Range<usize>,
    /// How many occurrences are evidence of a name.
    pub(crate) evidence: usize,
}

impl FormStats {
    /// How often the spelling occurs.
    pub(crate) fn len(&self) -> usize {
        self.occs.len()
    }

    /// True when the spelling is a title word ([`is_title_word`]): every spelling in the
    /// index is capitalised, so the case shape of its first token decides.
    pub(crate) fn is_title(&self, doc: &Document<'_>) -> bool {
        matches!(doc.case(self.first), Case::Title | Case::Mixed)
    }

    /// Occurrences counted as the name: all of them once the spelling is attested as a
    /// name somewhere (a sentence-initial `Putin` is still Putin); none otherwise.
    pub(crate) fn count(&self) -> usize {
        if self.evidence > 0 { self.len() } else { 0 }
    }
}

/// The index.
#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    /// Every capitalised word.
    pub(crate) occs: Vec<Occ>,
    /// The token of every occurrence, in the same order: each run's tokens are a slice.
    toks: Vec<usize>,
    /// Runs of capitalised words.
    pub(crate) runs: Vec<Run>,
    /// The place in [`NameIndex::stats`] of each spelling of at most eight ASCII letters
    /// (most of them), by the spelling packed into an integer ([`pack`]).
    packed_forms: HashTable<(u64, u32)>,
    /// Every other spelling: its place in `spellings` (see [`nth`]) and in `stats`.
    forms: HashTable<(u32, u32)>,
    /// The spellings of `forms` end to end, and where each one ends: one buffer, not a
    /// string each.
    spellings: String,
    spelling_ends: Vec<usize>,
    /// Stats of every spelling, in the order first seen (for stable output).
    pub(crate) stats: Vec<FormStats>,
    /// The occurrences (indices into `occs`) grouped by spelling, each group in text order.
    by_form: Vec<usize>,
}

type Hasher = foldhash::fast::FixedState;

fn hash(w: &str) -> u64 {
    Hasher::default().hash_one(w)
}

/// `w` packed into an integer when it is one to eight ASCII letters: its bytes, padded
/// with zero bytes (no letter is zero, so different words give different integers).
fn pack(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 8 || !b.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut bytes = [0; 8];
    bytes[..b.len()].copy_from_slice(b);
    Some(u64::from_le_bytes(bytes))
}

/// [`pack`] of word token `i`, read from the document's flags and, away from the end of
/// the text, with one eight-byte load.
fn pack_token(doc: &Document<'_>, i: usize) -> Option<u64> {
    let s = doc.tokens[i].span;
    if !doc.is_ascii_letters(i) || s.len() > 8 {
        return None;
    }
    load_packed(doc.text.as_bytes(), s.start, s.len()).or_else(|| pack(s.text(doc.text)))
}

/// Spelling `f` of the buffer `spellings`, whose spellings end at `ends`.
fn nth<'s>(spellings: &'s str, ends: &[usize], f: u32) -> &'s str {
    let f = f as usize;
    &spellings[if f == 0 { 0 } else { ends[f - 1] }..ends[f]]
}

/// Lower-case words that stay lower case in a title-case headline.
const TITLE_SMALL_WORDS: &[&str] = &[
    "di", "ke", "dari", "dan", "yang", "atau", "untuk", "pada", "dengan", "dalam", "oleh", "bagi",
    "tentang", "sebagai", "akan", "ini", "itu", "of", "the", "and", "in", "for", "to",
];

fn is_title_small_word(w: &str) -> bool {
    TITLE_SMALL_WORDS.contains(&w)
}

/// The longest of [`TITLE_SMALL_WORDS`], in bytes.
const SMALL_WORD_MAX: usize = longest(TITLE_SMALL_WORDS);

/// True for a word written with an initial capital: `Putin`, `KCNA`, `McDonald`, `Son-hui`.
pub(crate) fn is_capitalised(word: &str) -> bool {
    if word.is_ascii() {
        let b = word.as_bytes();
        return b.len() >= 2
            && b[0].is_ascii_uppercase()
            && b.iter()
                .all(|&c| c.is_ascii_alphabetic() || c == b'-' || c == b'\'');
    }
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase()
        && word.chars().count() >= 2
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
}

/// [`is_capitalised`] of word token `i`, read from the document's flags when it is ASCII
/// letters only (most words).
pub(crate) fn is_capitalised_token(doc: &Document<'_>, i: usize) -> bool {
    let w = doc.token_text(i);
    if doc.is_ascii_letters(i) {
        return w.len() >= 2 && w.as_bytes()[0].is_ascii_uppercase();
    }
    is_capitalised(w)
}

/// True for a word with an initial capital and lower case after it (`Putin`), not an
/// all-capitals acronym.
pub(crate) fn is_title_word(word: &str) -> bool {
    is_capitalised(word) && matches!(case_of(word), Case::Title | Case::Mixed)
}

/// True when the word's first character is a capital.
fn starts_upper(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// The words of one line, counted to tell a title-case line (a headline, a read-also
/// link): at least three content words, nearly all of them capitalised (90% or more).
#[derive(Default)]
struct Line {
    /// Its first token, and its first occurrence in the index.
    first_tok: usize,
    first_occ: usize,
    /// Words with a capital first, and the other words.
    caps: usize,
    others: usize,
    /// Other words short enough to be small words (`dan`, `di`): only these can be left
    /// out of the content words, so most lines are decided without looking at them.
    short_others: usize,
}

impl Line {
    fn count(&mut self, w: &str) {
        if starts_upper(w) {
            self.caps += 1;
        } else {
            self.others += 1;
            self.short_others += usize::from(w.len() <= SMALL_WORD_MAX);
        }
    }

    /// True when the line, tokens `first_tok..end`, is title case.
    fn is_title_case(&self, doc: &Document<'_>, end: usize) -> bool {
        // Content words are the capitalised ones plus the others that are not small
        // words; 90% capitalised of three or more needs three capitals at least.
        let title = |content_others: usize| {
            let content = self.caps + content_others;
            content >= 3 && self.caps * 10 >= content * 9
        };
        if self.caps < 3 || !title(self.others - self.short_others) {
            return false;
        }
        if title(self.others) {
            return true;
        }
        let small = (self.first_tok..end)
            .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
            .map(|i| doc.token_text(i))
            .filter(|w| !starts_upper(w) && is_title_small_word(w))
            .count();
        title(self.others - small)
    }
}

impl NameIndex {
    /// Index `doc`.
    pub(crate) fn new(doc: &Document<'_>) -> Self {
        // Sized for news copy, where about one token in six is capitalised: one allocation
        // per table instead of a string of reallocations.
        let guess = doc.tokens.len() / 6;
        let mut idx = NameIndex {
            occs: Vec::with_capacity(guess),
            toks: Vec::with_capacity(guess),
            runs: Vec::with_capacity(guess),
            stats: Vec::with_capacity(guess),
            packed_forms: HashTable::with_capacity(guess),
            ..NameIndex::default()
        };
        // The spelling of each occurrence, as an index into `stats`.
        let mut form_of: Vec<u32> = Vec::with_capacity(guess);
        let mut line = Line::default();
        let mut prev_cap: Option<usize> = None;
        for (i, t) in doc.tokens.iter().enumerate() {
            if i > 0 && doc.breaks_before(i) > 0 {
                idx.close_line(doc, &line, i);
                line = Line {
                    first_tok: i,
                    first_occ: idx.occs.len(),
                    ..Line::default()
                };
            }
            if t.kind != TokenKind::Word {
                prev_cap = None;
                continue;
            }
            let w = doc.token_text(i);
            line.count(w);
            // A lower-case shape has no capital at all: the cheap test first.
            if doc.case(i) == Case::Lower || !is_capitalised_token(doc, i) {
                prev_cap = None;
                continue;
            }
            let joined = prev_cap.is_some_and(|p| p + 1 == i && doc.spaced_from_previous(i));
            let k = idx.occs.len();
            let run = if joined {
                let r = idx.runs.len() - 1;
                idx.runs[r].occs.end = k + 1;
                r
            } else {
                idx.runs.push(Run { occs: k..k + 1 });
                idx.runs.len() - 1
            };
            idx.occs.push(Occ {
                tok: i,
                run,
                initial: doc.is_sentence_initial(i),
                headline: false,
            });
            idx.toks.push(i);
            form_of.push(match pack_token(doc, i) {
                Some(p) => idx.packed_spelling(p, i),
                None => idx.spelling(w, i),
            });
            prev_cap = Some(i);
        }
        idx.close_line(doc, &line, doc.tokens.len());
        idx.group_by_form(&form_of);
        idx
    }

    /// Mark the occurrences on `line` (which ends before token `end`) when it is title case.
    fn close_line(&mut self, doc: &Document<'_>, line: &Line, end: usize) {
        if line.first_occ < self.occs.len() && line.is_title_case(doc, end) {
            for o in &mut self.occs[line.first_occ..] {
                o.headline = true;
            }
        }
    }

    /// A new spelling, first seen at token `tok`: its place in `stats`.
    fn new_spelling(&mut self, tok: usize) -> u32 {
        let f = u32::try_from(self.stats.len()).expect("fewer than 2^32 spellings");
        self.stats.push(FormStats {
            first: tok,
            ..FormStats::default()
        });
        f
    }

    /// The place in `stats` of the spelling packed as `p` (hashed to `h`), if indexed.
    fn packed_place(&self, h: u64, p: u64) -> Option<u32> {
        self.packed_forms.find(h, |&(q, _)| q == p).map(|&(_, f)| f)
    }

    /// The place in `stats` of the spelling `w` (hashed to `h`) that is not packed, if
    /// indexed.
    fn unpacked_place(&self, h: u64, w: &str) -> Option<u32> {
        let (spellings, ends) = (&self.spellings, &self.spelling_ends);
        self.forms
            .find(h, |&(b, _)| nth(spellings, ends, b) == w)
            .map(|&(_, f)| f)
    }

    /// [`NameIndex::spelling`] of a spelling packed by [`pack`].
    fn packed_spelling(&mut self, p: u64, tok: usize) -> u32 {
        let h = Hasher::default().hash_one(p);
        if let Some(f) = self.packed_place(h, p) {
            return f;
        }
        let f = self.new_spelling(tok);
        self.packed_forms
            .insert_unique(h, (p, f), |&(q, _)| Hasher::default().hash_one(q));
        f
    }

    /// The place in `stats` of spelling `w`, first seen at token `tok` when new (its
    /// occurrences and evidence are filled in by [`NameIndex::group_by_form`]).
    fn spelling(&mut self, w: &str, tok: usize) -> u32 {
        let h = hash(w);
        if let Some(f) = self.unpacked_place(h, w) {
            return f;
        }
        let f = self.new_spelling(tok);
        let b = u32::try_from(self.spelling_ends.len()).expect("fewer than 2^32 spellings");
        self.spellings.push_str(w);
        self.spelling_ends.push(self.spellings.len());
        let (spellings, ends) = (&self.spellings, &self.spelling_ends);
        self.forms
            .insert_unique(h, (b, f), |&(c, _)| hash(nth(spellings, ends, c)));
        f
    }

    /// Fill in each spelling's occurrences and evidence, now that every line is judged.
    fn group_by_form(&mut self, form_of: &[u32]) {
        // Counting sort: each spelling's occurrences are one slice of `by_form`.
        let mut start = vec![0usize; self.stats.len() + 1];
        for &f in form_of {
            start[f as usize + 1] += 1;
        }
        for f in 0..self.stats.len() {
            start[f + 1] += start[f];
        }
        for (f, st) in self.stats.iter_mut().enumerate() {
            st.occs = start[f]..start[f];
        }
        self.by_form = vec![0; form_of.len()];
        for (k, &f) in form_of.iter().enumerate() {
            let st = &mut self.stats[f as usize];
            self.by_form[st.occs.end] = k;
            st.occs.end += 1;
            st.evidence += usize::from(self.occs[k].is_evidence());
        }
    }

    /// The spelling's stats.
    pub(crate) fn form(&self, w: &str) -> Option<&FormStats> {
        let f = match pack(w) {
            Some(p) => self.packed_place(Hasher::default().hash_one(p), p),
            None => self.unpacked_place(hash(w), w),
        }?;
        Some(&self.stats[f as usize])
    }

    /// True when the article writes `w` (a capitalised word, see [`is_capitalised`]) at
    /// least once where it does not start a sentence.
    pub(crate) fn written_mid_sentence(&self, w: &str) -> bool {
        self.form(w)
            .is_some_and(|st| self.occs_of(st).iter().any(|&k| !self.occs[k].initial))
    }

    /// The stats of a spelling the article uses (one of [`NameIndex::stats`]).
    ///
    /// # Panics
    /// When the article does not use `w`: a caller's bug.
    pub(crate) fn used(&self, w: &str) -> &FormStats {
        self.form(w).expect("a spelling of this article")
    }

    /// The occurrences of a spelling (indices into [`NameIndex::occs`]), in text order.
    pub(crate) fn occs_of(&self, st: &FormStats) -> &[usize] {
        &self.by_form[st.occs.clone()]
    }

    /// The tokens of run `r`, in order.
    pub(crate) fn run_toks(&self, r: usize) -> &[usize] {
        &self.toks[self.runs[r].occs.clone()]
    }

    /// The capitalised neighbours of occurrence `k` inside its run: (left, right) tokens.
    pub(crate) fn neighbours(&self, k: usize) -> (Option<usize>, Option<usize>) {
        let o = self.occs[k];
        let run = &self.runs[o.run].occs;
        let left = (k > run.start).then(|| self.toks[k - 1]);
        let right = (k + 1 < run.end).then(|| self.toks[k + 1]);
        (left, right)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    #[test]
    fn runs_counts_and_evidence() {
        let text = "Presiden Rusia Vladimir Putin tiba. Putin bertemu Kim Jong Un, kata KCNA.";
        let doc = Document::new(text, Format::Text);
        let idx = NameIndex::new(&doc);
        let putin = idx.form("Putin").unwrap();
        assert_eq!(putin.len(), 2);
        assert_eq!(putin.evidence, 1);
        assert_eq!(putin.count(), 2);
        // `Presiden` starts the text: no evidence, so not counted as a name.
        assert_eq!(idx.form("Presiden").unwrap().count(), 0);
        let kim = idx.occs[idx.occs_of(idx.form("Kim").unwrap())[0]];
        let run: Vec<&str> = idx
            .run_toks(kim.run)
            .iter()
            .map(|&t| doc.token_text(t))
            .collect();
        assert_eq!(run, ["Kim", "Jong", "Un"]);
        assert_eq!(idx.form("KCNA").unwrap().count(), 1);
    }

    #[test]
    fn short_and_long_spellings_are_counted_alike() {
        // Eight letters or fewer are packed, longer or non-ASCII ones are not; the last
        // word ends the text, where no eight-byte load is possible.
        let text = "Kemarin Widodo dan Prabowo Subianto bertemu Élysée. Lalu Widodo, \
                    Prabowo Subianto dan Élysée pergi ke Pyongyang, lalu ke Jakarta. Ia ke Yogyakarta \
                    dan Jakarta";
        let doc = Document::new(text, Format::Text);
        let idx = NameIndex::new(&doc);
        for (w, n) in [
            ("Widodo", 2),
            ("Prabowo", 2),
            ("Subianto", 2),
            ("Élysée", 2),
            ("Pyongyang", 1),
            ("Jakarta", 2),
            ("Yogyakarta", 1),
        ] {
            assert_eq!(idx.form(w).map(FormStats::len), Some(n), "{w}");
        }
        assert_eq!(idx.stats.len(), 10, "one entry per spelling");
        assert!(idx.form("Widod").is_none() && idx.form("Jakart").is_none());
        for i in doc.words() {
            assert_eq!(pack_token(&doc, i), pack(doc.token_text(i)), "{i}");
        }
    }

    #[test]
    fn small_words_do_not_spoil_a_title_case_line() {
        let text = "Presiden Baru di Istana dan Menteri Keuangan\n\
                    Kemarin Menteri Keuangan tiba di kantor pajak.";
        let doc = Document::new(text, Format::Text);
        let idx = NameIndex::new(&doc);
        // `Istana` stands only on the headline (`di` and `dan` are small words there).
        assert_eq!(idx.form("Istana").unwrap().count(), 0);
        // The body line has ordinary lower-case words: its capitals are evidence.
        assert_eq!(idx.form("Keuangan").unwrap().evidence, 1);
    }

    #[test]
    fn title_case_lines_are_not_evidence() {
        let text = "Baca Juga: Emoji Gay Harus Dilarang\nWarga membahas emoji itu.";
        let doc = Document::new(text, Format::Text);
        let idx = NameIndex::new(&doc);
        assert_eq!(idx.form("Emoji").unwrap().count(), 0);
    }
}
