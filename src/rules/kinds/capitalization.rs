//! `capitalization`: capital letters EYD V requires — names of religions, nations,
//! peoples and languages, and the first word of a sentence or of a quoted sentence.

use serde::Deserialize;

use super::{BuildEnv, Check, Context, KindError, Reporter, RuleKind};
use crate::document::normalize::{Case, capitalize, key};
use crate::document::{Document, TokenKind};
use crate::hash::{WordMap, WordSet};

/// ## What it does
/// - Flags a lower-case word from `names` (`inggris`, `islam`, `jawa`) anywhere, and a
///   lower-case word from `names-after` right after a word from `triggers` (`bahasa
///   melayu`, where `melayu` alone is also the verb 'to wilt'); the fix capitalises it
///   (`bahasa inggris` -> `bahasa Inggris`; EYD V, Huruf Kapital).
/// - With `sentence-start = true`, flags a lower-case first word of a sentence: at the
///   start of a paragraph, after `.`, `?` or `!` that ends a dictionary word (so not an
///   abbreviation such as `dll.`), and the first word of a quoted sentence that opens a
///   sentence or follows `,` or `:` and itself ends in punctuation inside the marks
///   (`“kami siap,” kata dia` -> `“Kami`). Only words the dictionary knows are reported,
///   so a brand written in lower case (`detikcom`) stays quiet; list items are skipped.
///
/// Day and month names are not here: the date rules own them.
///
/// ## Parameters
/// - `names`: words always written with a capital.
/// - `triggers`, `names-after`: words capitalised only after a trigger word.
/// - `sentence-start` (default false): check first words of sentences.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    triggers: Vec<String>,
    #[serde(default)]
    names_after: Vec<String>,
    #[serde(default)]
    sentence_start: bool,
}

/// The compiled `capitalization` kind.
#[derive(Debug)]
pub struct Capitalization {
    /// `names` and `names-after` in one table ([`NAME`], [`NAME_AFTER`] bits): one
    /// look-up per lower-case word.
    names: WordMap<u8>,
    triggers: WordSet,
    sentence_start: bool,
}

/// Always a name.
const NAME: u8 = 1;
/// A name after a trigger word.
const NAME_AFTER: u8 = 2;

impl RuleKind for Capitalization {
    const NAME: &'static str = "capitalization";
    type Params = Params;

    fn build(params: Params, _env: &BuildEnv<'_>) -> Result<Self, KindError> {
        if params.names.is_empty() && params.names_after.is_empty() && !params.sentence_start {
            return Err(KindError::at(
                "names",
                "a `capitalization` rule needs `names`, `names-after` or `sentence-start = true`",
            ));
        }
        if !params.names_after.is_empty() && params.triggers.is_empty() {
            return Err(KindError::at("triggers", "`names-after` needs `triggers`"));
        }
        let set = |v: &[String]| v.iter().map(|s| key(s.trim())).collect::<WordSet>();
        let mut names: WordMap<u8> = WordMap::default();
        for (list, bit) in [(&params.names, NAME), (&params.names_after, NAME_AFTER)] {
            for n in list {
                *names.entry_or_default(key(n.trim())) |= bit;
            }
        }
        Ok(Self {
            names,
            triggers: set(&params.triggers),
            sentence_start: params.sentence_start,
        })
    }
}

/// Lower-case abbreviations that end in a period without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "dll", "dsb", "dst", "dkk", "tgl", "sbb", "sdr", "sdri", "hlm", "yth", "ybs", "ttd", "kab",
    "kec", "kel", "jl", "jln", "no", "pkl", "pk", "tsb", "spt", "dgn", "yg", "bpk", "an", "up",
];

/// Sentence-final marks.
fn is_final(s: &str) -> bool {
    matches!(s, "." | "?" | "!")
}

impl Capitalization {
    fn is_name(&self, doc: &Document<'_>, i: usize, k: &str) -> bool {
        let bits = self.names.get(k).copied().unwrap_or(0);
        if bits & NAME != 0 {
            return true;
        }
        bits & NAME_AFTER != 0
            && i > 0
            && doc.tokens[i - 1].is_word()
            && doc.spaced_from_previous(i)
            && self.triggers.contains(doc.key(i - 1))
    }

    /// Is word `i` the first word of a sentence in a way we are sure of?
    #[inline(always)]
    fn starts_sentence(&self, doc: &Document<'_>, ctx: &Context<'_>, i: usize) -> bool {
        let toks = &doc.tokens;
        // Most words follow another word on the same line: no quote or bracket to walk
        // over, no paragraph break, no final mark. Only the dateline test below applies.
        if i > 0 && toks[i - 1].is_word() && doc.spaced_from_previous(i) {
            return doc
                .meta
                .dateline
                .is_some_and(|d| d.end <= toks[i].span.start && toks[i - 1].span.end <= d.end);
        }
        self.starts_sentence_after_mark(doc, ctx, i)
    }

    /// [`Capitalization::starts_sentence`] for a word that does not follow another word
    /// on the same line.
    fn starts_sentence_after_mark(&self, doc: &Document<'_>, ctx: &Context<'_>, i: usize) -> bool {
        let toks = &doc.tokens;
        // Walk back over opening quotes and brackets.
        let mut j = i;
        while j > 0 {
            let t = toks[j - 1];
            let s = t.span.text(doc.text);
            if t.kind == TokenKind::Quote || s == "(" || s == "[" {
                j -= 1;
            } else {
                break;
            }
        }
        if j == 0 {
            return true;
        }
        let gap = &doc.prose[toks[j - 1].span.end..toks[j].span.start];
        // A new paragraph.
        if doc.breaks_before(j) >= 2 {
            return true;
        }
        // After a dateline (`JAKARTA, Sunting.id – warga ...`).
        if doc
            .meta
            .dateline
            .is_some_and(|d| d.end <= toks[j].span.start)
            && doc
                .meta
                .dateline
                .is_some_and(|d| toks[j - 1].span.end <= d.end)
        {
            return true;
        }
        // After `.`, `?`, `!` (possibly closed by quotes or brackets) that ends a word the
        // dictionary knows, written in lower case: not an abbreviation or an initial.
        if gap.is_empty() {
            return false;
        }
        let mut k = j;
        while k > 0 {
            let t = toks[k - 1];
            let s = t.span.text(doc.text);
            if t.kind == TokenKind::Quote || s == ")" || s == "]" {
                k -= 1;
            } else {
                break;
            }
        }
        if k < 2 || !is_final(toks[k - 1].span.text(doc.text)) {
            return false;
        }
        let w = k - 2;
        toks[w].is_word() && toks[w].span.end == toks[k - 1].span.start && {
            let wt = doc.token_text(w);
            wt.chars().count() >= 2
                && doc.case(w) == Case::Lower
                && !ABBREVIATIONS.contains(&wt)
                && ctx.lexicon.knows(wt)
        }
    }

    /// A quoted sentence: an opening quote right before word `i`, the quotation opening a
    /// sentence or following `,` / `:`, and ending with punctuation inside the marks.
    #[inline(always)]
    fn starts_quoted_sentence(&self, doc: &Document<'_>, ctx: &Context<'_>, i: usize) -> bool {
        i > 0
            && doc.tokens[i - 1].kind == TokenKind::Quote
            && self.opens_quoted_sentence(doc, ctx, i)
    }

    /// [`Capitalization::starts_quoted_sentence`] for a word right after a quotation mark.
    fn opens_quoted_sentence(&self, doc: &Document<'_>, ctx: &Context<'_>, i: usize) -> bool {
        let toks = &doc.tokens;
        if !doc.quote_opens(i - 1) {
            return false;
        }
        if toks[i - 1].span.end != toks[i].span.start {
            return false;
        }
        let q = i - 1;
        let opens_sentence = q == 0 || {
            let prev = toks[q - 1].span.text(doc.text);
            matches!(prev, "," | ":")
                || self.starts_sentence(doc, ctx, q + 1)
                    && q > 0
                    && (doc.breaks_before(q) >= 2 || is_final(prev))
        };
        if !opens_sentence {
            return false;
        }
        let Some(quote) = doc.quoted.iter().find(|s| s.start == toks[q].span.end) else {
            return false;
        };
        let inner = quote.text(doc.text).trim_end();
        inner.ends_with(['.', ',', '?', '!', '…'])
    }
}

/// `a.` or `b)` in an enumeration.
fn is_list_marker(doc: &Document<'_>, i: usize) -> bool {
    doc.tokens.get(i + 1).is_some_and(|t| {
        t.span.start == doc.tokens[i].span.end && matches!(t.span.text(doc.text), "." | ")")
    })
}

/// A lower-case brand of two words (`bank bjb`): the next word is lower case and unknown.
fn before_unknown_word(doc: &Document<'_>, ctx: &Context<'_>, i: usize) -> bool {
    doc.tokens.get(i + 1).is_some_and(|t| {
        t.is_word() && doc.case(i + 1) == Case::Lower && !ctx.lexicon.knows(doc.token_text(i + 1))
    })
}

impl Check for Capitalization {
    fn check(&self, doc: &Document<'_>, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        for i in doc.words() {
            // The case shape before the text: most words with a capital are left at once.
            if doc.case(i) != Case::Lower {
                continue;
            }
            let w = doc.token_text(i);
            let letters = doc.is_ascii_letters(i);
            if !letters && !w.starts_with(char::is_alphabetic) {
                continue;
            }
            // Token shape first, the lexicon last: most words are not after a full stop.
            let sentence = self.sentence_start
                && (if letters {
                    w.len() >= 2
                } else {
                    w.chars().nth(1).is_some()
                })
                && (self.starts_sentence(doc, ctx, i) || self.starts_quoted_sentence(doc, ctx, i))
                && !is_list_marker(doc, i)
                && !before_unknown_word(doc, ctx, i)
                && ctx.lexicon.knows(w);
            if self.is_name(doc, i, doc.key(i)) || sentence {
                let expected = capitalize(w);
                let d = out.replace(doc.tokens[i].span, w, &expected);
                d.help = Some(if sentence {
                    HELP_SENTENCE.to_owned()
                } else {
                    HELP_NAME.to_owned()
                });
            }
        }
    }
}

const HELP_NAME: &str = "Nama agama, bangsa, suku bangsa dan bahasa ditulis dengan huruf awal kapital (EYD V, Huruf Kapital).";
const HELP_SENTENCE: &str = "Huruf pertama kata awal kalimat, juga kalimat dalam petikan langsung, ditulis kapital (EYD V, Huruf Kapital).";

#[cfg(test)]
mod tests {
    use crate::rules::kinds::testing::{fixed, linter, run};

    const PARAMS: &str = r#"names = ["inggris", "islam", "jawa", "indonesia"]
triggers = ["bahasa", "suku"]
names-after = ["melayu"]
sentence-start = true
"#;

    #[test]
    fn flags_lower_case_names() {
        let l = linter("capitalization", PARAMS);
        assert_eq!(
            fixed(
                &l,
                "Ia fasih bahasa inggris dan bahasa melayu, dari suku jawa, beragama islam."
            ),
            "Ia fasih bahasa Inggris dan bahasa Melayu, dari suku Jawa, beragama Islam."
        );
    }

    #[test]
    fn flags_lower_case_sentence_starts() {
        let l = linter("capitalization", PARAMS);
        assert_eq!(
            fixed(&l, "“kami siap,” kata dia. mereka pulang."),
            "“Kami siap,” kata dia. Mereka pulang."
        );
        assert_eq!(
            fixed(&l, "Ia berkata: “kami siap.” Lalu pulang.\n\nmereka pergi."),
            "Ia berkata: “Kami siap.” Lalu pulang.\n\nMereka pergi."
        );
    }

    #[test]
    fn allows_abbreviations_terms_and_lists() {
        let l = linter("capitalization", PARAMS);
        let text = "Ia membeli buku, pensil, dll. dan pulang. Warga menyebutnya “kampung narkoba”. \
                    Bunga itu melayu. Kami membaca detikcom. Harga naik 5 persen.\n\n- satu hal\n- dua hal\n\na. memperoleh untung;\n\nbank bjb membuka cabang.";
        let found = run(&l, text);
        assert!(found.is_empty(), "{found:?}");
    }
}
