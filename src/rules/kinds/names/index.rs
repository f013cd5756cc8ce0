//! The name index of one article: every capitalised word, grouped into runs of adjacent
//! capitalised words (`Kim Jong Un`, `Korea Utara`), with counts per spelling and whether
//! the capital is evidence of a name (not a sentence start, not a title-case headline).

use crate::document::normalize::{Case, case_of};
use crate::document::{Document, TokenKind};
use crate::hash::HashMap;

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
    occs: std::ops::Range<usize>,
}

/// Counts for one spelling (exact text).
#[derive(Clone, Debug, Default)]
pub(crate) struct FormStats {
    /// The token of its first occurrence: the spelling is that token's text.
    pub(crate) first: usize,
    /// Indices into [`NameIndex::occs`].
    pub(crate) occs: Vec<usize>,
    /// How many occurrences are evidence of a name.
    pub(crate) evidence: usize,
}

impl FormStats {
    /// Occurrences counted as the name: all of them once the spelling is attested as a
    /// name somewhere (a sentence-initial `Putin` is still Putin); none otherwise.
    pub(crate) fn count(&self) -> usize {
        if self.evidence > 0 {
            self.occs.len()
        } else {
            0
        }
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
    /// Each spelling's place in [`NameIndex::stats`].
    forms: HashMap<String, usize>,
    /// Stats of every spelling, in the order first seen (for stable output).
    pub(crate) stats: Vec<FormStats>,
}

/// Lower-case words that stay lower case in a title-case headline.
fn is_title_small_word(w: &str) -> bool {
    matches!(
        w,
        "di" | "ke"
            | "dari"
            | "dan"
            | "yang"
            | "atau"
            | "untuk"
            | "pada"
            | "dengan"
            | "dalam"
            | "oleh"
            | "bagi"
            | "tentang"
            | "sebagai"
            | "akan"
            | "ini"
            | "itu"
            | "of"
            | "the"
            | "and"
            | "in"
            | "for"
            | "to"
    )
}

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

/// True for a word with an initial capital and lower case after it (`Putin`), not an
/// all-capitals acronym.
pub(crate) fn is_title_word(word: &str) -> bool {
    is_capitalised(word) && matches!(case_of(word), Case::Title | Case::Mixed)
}

/// Which tokens lie on title-case lines: at least three content words, nearly all of
/// them capitalised (90% or more).
fn headline_tokens(doc: &Document<'_>) -> Vec<bool> {
    let mut out = vec![false; doc.tokens.len()];
    let mut line_start_tok = 0;
    let mut content = 0usize;
    let mut caps = 0usize;
    let close = |from: usize, to: usize, content: usize, caps: usize, out: &mut [bool]| {
        if content >= 3 && caps * 10 >= content * 9 {
            for o in &mut out[from..to] {
                *o = true;
            }
        }
    };
    for i in 0..doc.tokens.len() {
        if i > 0 && doc.breaks_before(i) > 0 {
            close(line_start_tok, i, content, caps, &mut out);
            line_start_tok = i;
            content = 0;
            caps = 0;
        }
        let t = doc.tokens[i];
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = doc.token_text(i);
        if w.chars().next().is_some_and(char::is_uppercase) {
            content += 1;
            caps += 1;
        } else if !is_title_small_word(w) {
            content += 1;
        }
    }
    close(line_start_tok, doc.tokens.len(), content, caps, &mut out);
    out
}

impl NameIndex {
    /// Index `doc`.
    pub(crate) fn new(doc: &Document<'_>) -> Self {
        let headline_tok = headline_tokens(doc);
        let mut idx = NameIndex::default();
        let mut prev_cap: Option<usize> = None;
        for (i, t) in doc.tokens.iter().enumerate() {
            let w = doc.token_text(i);
            // A lower-case shape has no capital at all: the cheap test first.
            if t.kind != TokenKind::Word || doc.case(i) == Case::Lower || !is_capitalised(w) {
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
            let occ = Occ {
                tok: i,
                run,
                initial: doc.is_sentence_initial(i),
                headline: headline_tok[i],
            };
            idx.occs.push(occ);
            idx.toks.push(i);
            let evidence = usize::from(occ.is_evidence());
            if let Some(&f) = idx.forms.get(w) {
                let stats = &mut idx.stats[f];
                stats.occs.push(k);
                stats.evidence += evidence;
            } else {
                idx.forms.insert(w.to_owned(), idx.stats.len());
                idx.stats.push(FormStats {
                    first: i,
                    occs: vec![k],
                    evidence,
                });
            }
            prev_cap = Some(i);
        }
        idx
    }

    /// The spelling's stats.
    pub(crate) fn form(&self, w: &str) -> Option<&FormStats> {
        self.forms.get(w).map(|&f| &self.stats[f])
    }

    /// The stats of a spelling the article uses (one of [`NameIndex::stats`]).
    ///
    /// # Panics
    /// When the article does not use `w`: a caller's bug.
    pub(crate) fn used(&self, w: &str) -> &FormStats {
        self.form(w).expect("a spelling of this article")
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
        assert_eq!(putin.occs.len(), 2);
        assert_eq!(putin.evidence, 1);
        assert_eq!(putin.count(), 2);
        // `Presiden` starts the text: no evidence, so not counted as a name.
        assert_eq!(idx.form("Presiden").unwrap().count(), 0);
        let kim = idx.occs[idx.form("Kim").unwrap().occs[0]];
        let run: Vec<&str> = idx
            .run_toks(kim.run)
            .iter()
            .map(|&t| doc.token_text(t))
            .collect();
        assert_eq!(run, ["Kim", "Jong", "Un"]);
        assert_eq!(idx.form("KCNA").unwrap().count(), 1);
    }

    #[test]
    fn title_case_lines_are_not_evidence() {
        let text = "Baca Juga: Emoji Gay Harus Dilarang\nWarga membahas emoji itu.";
        let doc = Document::new(text, Format::Text);
        let idx = NameIndex::new(&doc);
        assert_eq!(idx.form("Emoji").unwrap().count(), 0);
    }
}
