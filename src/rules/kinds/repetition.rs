//! `repetition`: a word written twice in a row.

use serde::Deserialize;

use super::{BuildEnv, Check, Context, KindError, Reporter, RuleKind};
use crate::diagnostic::Fix;
use crate::document::Document;
use crate::document::normalize::{Case, key};
use crate::hash::WordSet;
use crate::span::Span;

/// What the fix does with the pair.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// `yang yang` -> `yang`: an accidental repetition.
    #[default]
    Remove,
    /// `kata kata` -> `kata-kata`: a reduplication written without its hyphen.
    Hyphenate,
}

/// ## What it does
/// Flags the same word twice in a row, separated only by spaces on one line.
///
/// ## Parameters
/// - `fix`: `remove` (default; `yang yang` -> `yang`) or `hyphenate` (`kata kata` -> `kata-kata`).
/// - `words` (optional): only these words. Without it, any word the dictionary knows,
///   except those in `except`.
/// - `except`: words never reported.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    #[serde(default)]
    fix: Mode,
    words: Option<Vec<String>>,
    #[serde(default)]
    except: Vec<String>,
}

/// The compiled `repetition` kind.
#[derive(Debug)]
pub struct Repetition {
    mode: Mode,
    words: Option<WordSet>,
    except: WordSet,
}

impl RuleKind for Repetition {
    const NAME: &'static str = "repetition";
    type Params = Params;

    fn build(params: Params, _env: &BuildEnv<'_>) -> Result<Self, KindError> {
        Ok(Self {
            mode: params.fix,
            words: params.words.map(|w| w.iter().map(|s| key(s)).collect()),
            except: params.except.iter().map(|s| key(s)).collect(),
        })
    }
}

impl Check for Repetition {
    fn check(&self, doc: &Document<'_>, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let toks = &doc.tokens;
        let mut i = 0;
        while i + 1 < toks.len() {
            let (a, b) = (toks[i], toks[i + 1]);
            if !a.is_word() || !b.is_word() || !doc.spaced_from_previous(i + 1) {
                i += 1;
                continue;
            }
            let (ka, kb) = (doc.key_bytes(i), doc.key_bytes(i + 1));
            // Most neighbours differ in the first letter: no call to compare the strings.
            if ka.first() != kb.first() || ka != kb {
                i += 1;
                continue;
            }
            let k = doc.key(i);
            let (ca, cb) = (doc.case(i), doc.case(i + 1));
            let same =
                ca == cb || (ca == Case::Title && cb == Case::Lower && doc.is_sentence_initial(i));
            let wanted = same
                && !k.contains('-')
                && k.chars().all(char::is_alphabetic)
                && !self.except.contains(k)
                && match &self.words {
                    Some(w) => w.contains(k),
                    None => k.chars().count() >= 2 && ca == Case::Lower && ctx.lexicon.knows(k),
                };
            if !wanted {
                i += 1;
                continue;
            }
            let (ta, tb) = (doc.token_text(i), doc.token_text(i + 1));
            let span = Span::new(a.span.start, b.span.end);
            let actual = span.text(doc.text);
            let (expected, fix) = match self.mode {
                Mode::Remove => (
                    ta.to_owned(),
                    Fix::new(Span::new(a.span.end, b.span.end), ""),
                ),
                Mode::Hyphenate => (
                    format!("{ta}-{tb}"),
                    Fix::new(Span::new(a.span.end, b.span.start), "-"),
                ),
            };
            let d = out.report(span, &[("actual", actual), ("expected", &expected)]);
            d.fixes.push(fix);
            i += 2;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::kinds::testing::{fixed, linter, run};

    #[test]
    fn flags_doubled_function_words() {
        let l = linter("repetition", "words = [\"yang\", \"di\", \"dan\"]");
        assert_eq!(fixed(&l, "Warga yang yang datang."), "Warga yang datang.");
        assert_eq!(fixed(&l, "Yang yang hadir pulang."), "Yang hadir pulang.");
    }

    #[test]
    fn allows_reduplication_and_line_breaks() {
        let l = linter("repetition", "words = [\"yang\", \"dan\"]");
        assert!(run(&l, "Anak-anak dan orang tua. Yang\nyang lain. Sama sama.").is_empty());
    }
}
