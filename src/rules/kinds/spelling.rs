//! `spelling`: words the Indonesian lexicon does not know, with ranked suggestions, and
//! two words typed without the space between them.

use std::sync::{Arc, LazyLock};

use regex::Regex;
use serde::Deserialize;

use super::names::NameIndex;
use super::{BuildEnv, Check, Context, Gate, KindError, Reporter, RuleKind};
use crate::diagnostic::Fix;
use crate::document::normalize::match_case;
use crate::document::{Document, TokenKind};
use crate::lexicon::{Analysis, Edit};
use crate::span::Span;

/// ## What it does
/// Flags words that are not Indonesian: not in the Hunspell id_ID dictionary, the
/// newsroom's accepted words or the built-in loanword list, and not a clitic, particle,
/// reduplicated or numbered form of known words (`solidaritasnya`, `sekutu-sekutunya`,
/// `ke-3`). Suggestions are ranked by the kind of slip (swapped, doubled or dropped
/// letter, neighbouring key) and by word frequency; the first becomes the fix only when it
/// is clearly best. In `run-together` mode it flags two known words typed as one
/// (`perhatiandan` -> `perhatian dan`), one of them a function word.
///
/// Quiet on what is not a spelling question: capitalised words in mid-sentence (names are
/// the names rules' business), acronyms and mixed case, words with digits, URLs, e-mail
/// addresses, handles, hashtags, words inside `*italics*`/`_italics_` or a short quoted
/// phrase (foreign terms), and unknown words with no likely correction (new vocabulary).
/// An unknown word next to a listed English word is taken as part of a
/// foreign phrase and skipped.
/// Words with letters outside a-z (`café`, scraping debris) are foreign and skipped.
/// Words without a vowel (`dkk`, `bps`) are abbreviations and skipped too.
/// A capitalised word at the start of a sentence is checked in lower case, but only
/// reported for an unmistakable slip (swapped or doubled letter), since it may be a name.
///
/// ## Parameters
/// - `mode` (default `"typo"`): `"typo"` for unknown words, `"run-together"` for words
///   typed without a space.
/// - `max-suggestions` (default 5): how many candidates `help` lists.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    #[serde(default)]
    mode: Mode,
    #[serde(default = "default_max")]
    max_suggestions: usize,
}

fn default_max() -> usize {
    5
}

/// Which slips the rule looks for.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Unknown words.
    #[default]
    Typo,
    /// Two words without the space between them.
    RunTogether,
}

/// The compiled `spelling` kind.
#[derive(Debug)]
pub struct Spelling {
    mode: Mode,
    max_suggestions: usize,
}

impl RuleKind for Spelling {
    const NAME: &'static str = "spelling";
    type Params = Params;

    fn build(params: Params, _env: &BuildEnv<'_>) -> Result<Self, KindError> {
        if params.max_suggestions == 0 || params.max_suggestions > 8 {
            return Err(KindError::at(
                "max-suggestions",
                "`max-suggestions` must be between 1 and 8",
            ));
        }
        Ok(Self {
            mode: params.mode,
            max_suggestions: params.max_suggestions,
        })
    }
}

/// The score gap between the first and second candidate above which the first is the fix.
const CLEAR_MARGIN: f32 = 0.2;

/// Whether the first candidate is clearly the best one.
fn clearly_best(a: &Analysis) -> bool {
    match a.candidates.as_slice() {
        [] => false,
        [_] => true,
        [first, second, ..] => second.score - first.score >= CLEAR_MARGIN,
    }
}

/// A split wins over a typo reading unless the typo is an unmistakable slip.
fn prefers_split(a: &Analysis) -> bool {
    a.split.is_some()
        && a.candidates
            .first()
            .is_none_or(|c| c.edit.cost() >= Edit::KeyboardNeighbour.cost())
}

static EMPHASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(\[“‘])(?:\*{1,2}[^\s*][^*\n]*?\*{1,2}|_{1,2}[^\s_][^_\n]*?_{1,2})")
        .expect("valid regex")
});

static SINGLE_QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(\[])(?:‘[^’\n]{1,60}’|'[^'\n]{1,60}')").expect("valid regex")
});

/// Spans where a foreign term is marked as such: emphasis, a short quoted phrase.
fn foreign_spans(doc: &Document<'_>) -> Vec<Span> {
    // The regexes start with an alternation that defeats their literal prefilter; most
    // copy has no `*`/`_` and no single quotes at all, which a byte scan tells quickly.
    let prose: &str = &doc.prose;
    let mut out: Vec<Span> = Vec::new();
    let bytes = prose.as_bytes();
    if memchr::memchr2(b'*', b'_', bytes).is_some() {
        out.extend(
            EMPHASIS
                .find_iter(prose)
                .map(|m| Span::new(m.start(), m.end())),
        );
    }
    if memchr::memchr(b'\'', bytes).is_some()
        || memchr::memmem::find(bytes, "‘".as_bytes()).is_some()
    {
        out.extend(
            SINGLE_QUOTED
                .find_iter(prose)
                .map(|m| Span::new(m.start(), m.end())),
        );
    }
    out.extend(
        doc.quoted
            .iter()
            .filter(|q| q.text(doc.text).split_whitespace().count() <= 3)
            .copied(),
    );
    out.sort();
    out
}

fn inside(spans: &[Span], s: Span) -> bool {
    let k = spans.partition_point(|m| m.end < s.end);
    spans[k..]
        .iter()
        .take_while(|m| m.start <= s.start)
        .any(|m| m.start <= s.start && s.end <= m.end)
}

/// True when the word is glued to a domain, path or identifier (`detik.com`, `a/b`).
fn glued(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let mut after = text[span.end..].chars();
    let next = after.next();
    let next2 = after.next();
    matches!(
        before,
        Some('.' | '/' | '@' | '_' | '\\' | '=' | '&' | '+' | '#')
    ) || matches!(next, Some('/' | '@' | '_' | '\\' | '=' | '&' | '+'))
        || (next == Some('.') && next2.is_some_and(char::is_alphanumeric))
}

impl Spelling {
    fn report(&self, out: &mut Reporter<'_>, span: Span, original: &str, a: &Analysis) {
        let cased: Vec<String> = a
            .candidates
            .iter()
            .take(self.max_suggestions)
            .map(|c| match_case(original, &c.word))
            .collect();
        if clearly_best(a) {
            let best = &cased[0];
            let d = out.replace(span, original, best);
            if cased.len() > 1 {
                d.help = Some(format!("Kandidat lain: {}.", cased[1..].join(", ")));
            }
        } else {
            let expected = cased.join("' atau '");
            let d = out.report(span, &[("actual", original), ("expected", &expected)]);
            d.help = Some(format!(
                "Beberapa kata mungkin dimaksud: {}. Pilih yang sesuai konteks.",
                cased.join(", ")
            ));
        }
    }
}

/// The words of a document the lexicon does not know and that are worth a finding, with
/// their analyses: the same for both modes, so found once per document and lexicon.
struct UnknownWords {
    /// The lexicon asked (its address): another lexicon gets its own answer.
    lexicon: usize,
    words: Vec<(usize, Arc<Analysis>)>,
}

fn unknown_words(doc: &Document<'_>, ctx: &Context<'_>) -> Vec<(usize, Arc<Analysis>)> {
    let foreign = foreign_spans(doc);
    let mut out = Vec::new();
    for i in ctx.candidates(doc) {
        let tok = doc.tokens[i];
        let original = doc.token_text(i);
        if !plain_word(original) {
            continue;
        }
        let Some(first) = original.chars().next() else {
            continue;
        };
        let initial_cap = first.is_uppercase();
        if initial_cap && !doc.is_sentence_initial(i) {
            continue;
        }
        if doc.meta.dateline.is_some_and(|d| d.contains(tok.span))
            || glued(doc.text, tok.span)
            || inside(&foreign, tok.span)
        {
            continue;
        }
        let k = doc.key(i);
        // Most words are known: the cheap cached answer first, the analysis (with its
        // suggestions) only for the rest.
        if ctx.lexicon.is_word(k) {
            continue;
        }
        let a = ctx.lexicon.analyse(k);
        if a.known {
            continue;
        }
        if initial_cap {
            // Proper nouns the dictionary knows (`Jakarta`), multi-word names
            // (`Kim Jong Un`), and words the article capitalises mid-sentence.
            if ctx.lexicon.knows(original) || next_is_capitalised(doc, i) {
                continue;
            }
            // A plain word with an initial capital is in the name index.
            if doc.memo(NameIndex::new).written_mid_sentence(original) {
                continue;
            }
        }
        if in_foreign_phrase(doc, ctx, i) {
            continue;
        }
        out.push((i, a));
    }
    out
}

impl Check for Spelling {
    fn is_gated(&self) -> bool {
        true
    }

    /// Words the lexicon does not know. The same for both modes, which share their list.
    fn gate(&self, key: &str, ctx: &Context<'_>) -> Gate {
        if ctx.lexicon.is_word(key) {
            Gate::NONE
        } else {
            Gate::THIS
        }
    }

    fn check(&self, doc: &Document<'_>, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let lexicon = std::ptr::from_ref(ctx.lexicon) as usize;
        let memo = doc.memo(|d| UnknownWords {
            lexicon,
            words: unknown_words(d, ctx),
        });
        let fresh;
        let words = if memo.lexicon == lexicon {
            &memo.words
        } else {
            fresh = unknown_words(doc, ctx);
            &fresh
        };
        for (i, a) in words {
            let (i, a) = (*i, &**a);
            let tok = doc.tokens[i];
            let original = doc.token_text(i);
            let initial_cap = original.starts_with(char::is_uppercase);
            match self.mode {
                Mode::RunTogether => {
                    if let Some((x, y)) = a.split.as_ref().filter(|_| prefers_split(a)) {
                        let joined = format!("{} {y}", match_case(original, x));
                        let d =
                            out.report(tok.span, &[("actual", original), ("expected", &joined)]);
                        d.fixes.push(Fix::new(tok.span, &joined));
                    }
                }
                Mode::Typo => {
                    if prefers_split(a) || a.candidates.is_empty() {
                        continue;
                    }
                    // With no clear fix, only a cheap slip is worth a finding: an unknown
                    // word whose nearest neighbours need a substitution is more often new
                    // vocabulary than a typo.
                    if !clearly_best(a) && a.candidates[0].edit.cost() > Edit::DroppedLetter.cost()
                    {
                        continue;
                    }
                    if initial_cap
                        && !matches!(
                            a.candidates[0].edit,
                            Edit::Transposition | Edit::DoubledLetter
                        )
                    {
                        continue;
                    }
                    self.report(out, tok.span, original, a);
                }
            }
        }
    }
}

/// A word worth checking: three or more letters of the basic Latin alphabet (other
/// characters, such as a curly apostrophe, may appear), a vowel, no digits, and no capital
/// after the first letter (acronyms and CamelCase are names).
fn plain_word(w: &str) -> bool {
    let has_vowel = |w: &str| w.contains(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']);
    if w.is_ascii() {
        let b = w.as_bytes();
        if b.len() < 3 {
            return false;
        }
        // One pass: no digit, no capital after the first letter, some vowel.
        let mut vowel = false;
        for (n, &c) in b.iter().enumerate() {
            if c.is_ascii_digit() || (n > 0 && c.is_ascii_uppercase()) {
                return false;
            }
            vowel |= matches!(c.to_ascii_lowercase(), b'a' | b'e' | b'i' | b'o' | b'u');
        }
        return vowel;
    }
    w.chars().count() >= 3
        && !w.chars().any(|c| c.is_ascii_digit())
        && !w
            .chars()
            .any(|c| c.is_alphabetic() && !c.is_ascii_alphabetic())
        && has_vowel(w)
        && !w.chars().skip(1).any(char::is_uppercase)
}

/// A neighbouring word (same line, only spaces between) is on the English list: the word
/// is part of a foreign phrase (`crude oil`, `palm oil mill`). (Counting unknown
/// neighbours too hid `keapda` after `berterimakasih`, so only the list counts.)
fn in_foreign_phrase(doc: &Document<'_>, ctx: &Context<'_>, i: usize) -> bool {
    let neighbour = |j: usize| {
        let (a, b) = if j < i { (j, i) } else { (i, j) };
        if doc.tokens[j].kind != TokenKind::Word
            || !doc.gap(a, b).chars().all(|c| c == ' ' || c == '\u{a0}')
        {
            return false;
        }
        ctx.lexicon.is_english(doc.key(j))
    };
    (i > 0 && neighbour(i - 1)) || (i + 1 < doc.tokens.len() && neighbour(i + 1))
}

/// The next token is a capitalised word on the same line: part of a name.
fn next_is_capitalised(doc: &Document<'_>, i: usize) -> bool {
    let n = i + 1;
    n < doc.tokens.len()
        && doc.tokens[n].kind == TokenKind::Word
        && doc.gap(i, n).chars().all(|c| c == ' ' || c == '\u{a0}')
        && doc
            .token_text(n)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use crate::rules::kinds::testing::{fixed, linter, run};

    #[test]
    fn plain_words_are_the_ones_worth_checking() {
        for w in ["pemerintah", "Pemerintah", "Jum’at", "ekonomi"] {
            assert!(super::plain_word(w), "{w}");
        }
        for w in [
            "di", "KPK", "iPhone", "COVID19", "ke2", "sms", "BUMN", "Élysée",
        ] {
            assert!(!super::plain_word(w), "{w}");
        }
    }

    fn typo() -> crate::engine::Linter {
        linter("spelling", "")
    }

    fn rapat() -> crate::engine::Linter {
        linter("spelling", "mode = \"run-together\"")
    }

    #[test]
    fn flags_typos_of_every_edit_type() {
        let l = typo();
        // transposition, doubled letter, dropped letter
        assert_eq!(
            fixed(&l, "Terima kasih keapda warga."),
            "Terima kasih kepada warga."
        );
        assert_eq!(fixed(&l, "Itu kaata dia."), "Itu kata dia.");
        assert_eq!(
            fixed(&l, "Pemerintah sedang menangai banjir."),
            "Pemerintah sedang menangani banjir."
        );
        // keyboard neighbour, stray letter
        assert_eq!(fixed(&l, "Ia pergi ke pssar."), "Ia pergi ke pasar.");
        assert_eq!(
            fixed(&l, "Harga beras naik di pasarr induk."),
            "Harga beras naik di pasar induk."
        );
    }

    #[test]
    fn flags_sentence_initial_slips_in_lower_case() {
        let l = typo();
        assert_eq!(
            fixed(&l, "Keapda warga, ia berpesan."),
            "Kepada warga, ia berpesan."
        );
    }

    #[test]
    fn allows_clitics_reduplication_and_numbers() {
        let l = typo();
        let text = "Rusia berterima kasih atas solidaritasnya dalam operasi militernya, \
                    ujarnya. Kata-kata itu sampai ke sekutu-sekutunya. Sayur-mayur dan \
                    olahraganya bolak-balik dibahas pada hari ke-3, sejak 1990-an. \
                    Bukankah begitu, pungkasnya.";
        let d = run(&l, text);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn allows_names_acronyms_and_marked_foreign_terms() {
        let l = typo();
        let text = "Menteri Choe Son Hui bertemu Kim Jong Un dan Dmitry Peskov. KCNA \
                    melaporkan. Puting tidak datang. Istilah *quiet quitting* dan \
                    _doomscrolling_ ramai, juga ‘ghosting’. Kunjungi sunting.id atau \
                    @redaksi_sunting #pemilu.";
        let d = run(&l, text);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn allows_unknown_words_without_a_likely_correction() {
        let l = typo();
        assert!(run(&l, "Rapat membahas xyzqwv kemarin.").is_empty());
    }

    #[test]
    fn lists_candidates_without_a_fix_when_unsure() {
        let l = typo();
        let d = run(&l, "Harga naik di kota bsar.");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].help.is_some());
    }

    #[test]
    fn flags_run_together_words() {
        let l = rapat();
        assert_eq!(
            fixed(&l, "Isu itu menuntut perhatiandan koordinasi."),
            "Isu itu menuntut perhatian dan koordinasi."
        );
        assert_eq!(
            fixed(&l, "Mereka bertemudi Jakarta."),
            "Mereka bertemu di Jakarta."
        );
        assert!(run(&l, "Mereka bertemu di Jakarta dengan perhatian.").is_empty());
    }

    #[test]
    fn typo_mode_leaves_run_together_words_to_the_other_rule() {
        assert!(run(&typo(), "Isu itu menuntut perhatiandan koordinasi.").is_empty());
    }

    #[test]
    fn rejects_bad_max_suggestions() {
        let pack = "[pack]\nname = \"x\"\n[[rule]]\nid = \"x\"\nkind = \"spelling\"\nmessage = \"m\"\nmax-suggestions = 0\n";
        assert!(crate::engine::Linter::from_pack_texts(&[("x.toml", pack)]).is_err());
    }
}
