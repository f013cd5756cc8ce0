//! `substitution`: a fixed list of wrong -> right words or phrases.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::morph::ByEndByte;
use super::{BuildEnv, Check, Context, Gate, KindError, Reporter, RuleKind};
use crate::document::Document;
use crate::document::normalize::{cut_prefix, cut_suffix, key, match_case};
use crate::hash::WordMap;
use crate::span::Span;

/// ## What it does
/// Flags words or phrases from a fixed list (`praktek`, `ijin`, `Jubir`) and suggests the
/// listed form, keeping the original's capitalisation.
///
/// ## Parameters
/// - `pairs`: table `"wrong" = "right"`; keys are matched case-insensitively on word
///   boundaries and may be several words (`olah raga`).
/// - `affixes` (default false): also match a key inside affixed words (`dipraktekkan`,
///   `mempraktekkan`) and in both halves of a reduplication (`resiko-resiko`). An affixed
///   form that the dictionary accepts as it stands is left alone.
/// - `outside-quotes` (default false): skip text inside quotation marks (direct speech).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    pairs: BTreeMap<String, String>,
    #[serde(default)]
    affixes: bool,
    #[serde(default)]
    outside_quotes: bool,
}

/// The compiled `substitution` kind.
#[derive(Debug)]
pub struct Substitution {
    /// Every key's first word: one look-up per word answers both single-word and phrase
    /// keys.
    words: WordMap<Entry>,
    affixes: bool,
    outside_quotes: bool,
}

/// What the pairs say about one word.
#[derive(Debug, Default)]
struct Entry {
    /// The replacement of the word alone.
    single: Option<String>,
    /// Phrases starting with it: (remaining words, replacement), longest first.
    multi: Vec<(Vec<String>, String)>,
}

/// Prefixes tried when `affixes` is on. Bare `me-`/`pe-` are left out on purpose: their
/// nasal forms (`menampakkan` = me- + tampak) would make `nampak` match a correct word.
const PREFIXES: &[&str] = &[
    "memper", "diper", "mem", "men", "meng", "meny", "pem", "pen", "peng", "peny", "per", "ber",
    "ter", "di", "ke", "se",
];
const SUFFIXES: &[&str] = &[
    "kannya", "annya", "inya", "kanlah", "kan", "an", "i", "nya", "lah", "kah", "pun", "ku", "mu",
];

static PREFIXES_BY_FIRST: LazyLock<ByEndByte> = LazyLock::new(|| ByEndByte::first_byte(PREFIXES));
static SUFFIXES_BY_LAST: LazyLock<ByEndByte> = LazyLock::new(|| ByEndByte::last_byte(SUFFIXES));

impl RuleKind for Substitution {
    const NAME: &'static str = "substitution";
    type Params = Params;

    fn build(params: Params, _env: &BuildEnv<'_>) -> Result<Self, KindError> {
        if params.pairs.is_empty() {
            return Err(KindError::at("pairs", "`pairs` is empty"));
        }
        let mut table: WordMap<Entry> = WordMap::default();
        for (wrong, right) in params.pairs {
            let k = key(wrong.trim());
            let words: Vec<String> = k.split_whitespace().map(str::to_owned).collect();
            match words.len() {
                0 => return Err(KindError::at("pairs", "an empty key in `pairs`")),
                1 => table.entry_or_default(k).single = Some(right),
                _ => table
                    .entry_or_default(words[0].clone())
                    .multi
                    .push((words[1..].to_vec(), right)),
            }
        }
        for e in table.values_mut() {
            e.multi
                .sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        Ok(Self {
            words: table,
            affixes: params.affixes,
            outside_quotes: params.outside_quotes,
        })
    }
}

impl Substitution {
    /// The replacement of `word` (a key) alone.
    fn single(&self, word: &str) -> Option<&String> {
        self.words.get(word).and_then(|e| e.single.as_ref())
    }

    fn lookup_affixed(&self, word: &str) -> Option<String> {
        // The prefixes and suffixes the word has, found once each (most words have none),
        // then every pairing in the order of the lists.
        if word.is_empty() {
            return None;
        }
        let prefixes = PREFIXES_BY_FIRST
            .get(word.as_bytes().first())
            .iter()
            .filter(|p| cut_prefix(word, p).is_some())
            .chain(std::iter::once(&""));
        let mut suffixes = [""; SUFFIXES.len() + 1];
        let mut n = 0;
        for s in SUFFIXES_BY_LAST.get(word.as_bytes().last()) {
            if cut_suffix(word, s).is_some() {
                suffixes[n] = s;
                n += 1;
            }
        }
        suffixes[n] = "";
        n += 1;
        for p in prefixes {
            for s in &suffixes[..n] {
                if p.is_empty() && s.is_empty() {
                    continue;
                }
                let Some(stem) = word.get(p.len()..).and_then(|rest| cut_suffix(rest, s)) else {
                    continue;
                };
                // The table first: most stems miss it on the fingerprint alone.
                let Some(right) = self.single(stem) else {
                    continue;
                };
                if stem.chars().count() >= 3 {
                    if right.contains(' ') {
                        continue;
                    }
                    return Some(format!("{p}{right}{s}"));
                }
            }
        }
        None
    }

    fn lookup_word(
        &self,
        word_key: &str,
        entry: Option<&Entry>,
        ctx: &Context<'_>,
        original: &str,
    ) -> Option<String> {
        let (r, affixed) = self.pairs_replacement(word_key, entry)?;
        // An affixed form the dictionary knows is a different, correct word.
        (!affixed || !ctx.lexicon.knows(original)).then_some(r)
    }

    /// The replacement the pairs give `word_key` (whose table entry is `entry`), and
    /// whether it came from an affixed stem (which the dictionary may overrule).
    fn pairs_replacement(&self, word_key: &str, entry: Option<&Entry>) -> Option<(String, bool)> {
        if let Some(r) = entry.and_then(|e| e.single.as_ref()) {
            return Some((r.clone(), false));
        }
        if !self.affixes {
            return None;
        }
        if word_key.bytes().any(|b| b == b'-') {
            let halves: Vec<&str> = word_key.split('-').collect();
            let mut changed = false;
            let mapped: Vec<String> = halves
                .iter()
                .map(
                    |h| match self.single(h).cloned().or_else(|| self.lookup_affixed(h)) {
                        Some(r) => {
                            changed = true;
                            r
                        }
                        None => (*h).to_owned(),
                    },
                )
                .collect();
            return changed.then(|| (mapped.join("-"), false));
        }
        self.lookup_affixed(word_key).map(|r| (r, true))
    }
}

impl Check for Substitution {
    fn is_gated(&self) -> bool {
        true
    }

    /// A listed word, a phrase's first word, or what the pairs replace (affixed stems,
    /// reduplicated halves), before the dictionary has its say.
    fn gate(&self, key: &str, _ctx: &Context<'_>) -> Gate {
        if self.words.contains_key(key) || self.pairs_replacement(key, None).is_some() {
            Gate::THIS
        } else {
            Gate::NONE
        }
    }

    fn check(&self, doc: &Document<'_>, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let toks = &doc.tokens;
        // Past the end of the last phrase reported.
        let mut next = 0;
        for i in ctx.candidates(doc) {
            if i < next || (self.outside_quotes && doc.token_in_quotes(i)) {
                continue;
            }
            let original = doc.token_text(i);
            let k = doc.key(i);
            let entry = self.words.get(k);
            // Multi-word keys first: the longest phrase wins.
            if let Some(cands) = entry.map(|e| &e.multi).filter(|m| !m.is_empty()) {
                if let Some((end, right)) = cands.iter().find_map(|(rest, right)| {
                    let mut j = i;
                    for w in rest {
                        let n = j + 1;
                        if n >= toks.len()
                            || !toks[n].is_word()
                            || !doc.spaced_from_previous(n)
                            || doc.key(n) != w
                        {
                            return None;
                        }
                        j = n;
                    }
                    Some((j, right))
                }) {
                    let span = Span::new(toks[i].span.start, toks[end].span.end);
                    let actual = span.text(doc.text);
                    let expected = match_case(original, right);
                    out.replace(span, actual, &expected);
                    next = end + 1;
                    continue;
                }
            }
            if let Some(right) = self.lookup_word(k, entry, ctx, original) {
                let expected = match_case(original, &right);
                if expected != original {
                    out.replace(toks[i].span, original, &expected);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::kinds::testing::{fixed, linter, run};

    const PAIRS: &str = "affixes = true\n[rule.pairs]\npraktek = \"praktik\"\nresiko = \"risiko\"\n\"olah raga\" = \"olahraga\"\njubir = \"juru bicara\"\nnampak = \"tampak\"\n";

    #[test]
    fn affix_jump_tables_follow_the_lists() {
        use super::{PREFIXES, PREFIXES_BY_FIRST, SUFFIXES, SUFFIXES_BY_LAST};
        for b in 0..=u8::MAX {
            let p: Vec<&str> = PREFIXES
                .iter()
                .copied()
                .filter(|p| p.as_bytes()[0] == b)
                .collect();
            assert_eq!(
                PREFIXES_BY_FIRST.get(Some(&b)),
                p.as_slice(),
                "prefixes of {}",
                b as char
            );
            let s: Vec<&str> = SUFFIXES
                .iter()
                .copied()
                .filter(|s| s.as_bytes()[s.len() - 1] == b)
                .collect();
            assert_eq!(
                SUFFIXES_BY_LAST.get(Some(&b)),
                s.as_slice(),
                "suffixes of {}",
                b as char
            );
        }
    }

    #[test]
    fn flags_listed_words_keeping_case() {
        let l = linter("substitution", PAIRS);
        assert_eq!(
            fixed(&l, "Praktek itu penuh resiko."),
            "Praktik itu penuh risiko."
        );
        assert_eq!(
            fixed(&l, "Jubir Kremlin berkata."),
            "Juru bicara Kremlin berkata."
        );
    }

    #[test]
    fn flags_affixed_and_reduplicated_forms() {
        let l = linter("substitution", PAIRS);
        assert_eq!(
            fixed(&l, "Aturan itu dipraktekkan."),
            "Aturan itu dipraktikkan."
        );
        assert_eq!(
            fixed(&l, "Semua resiko-resiko dihitung."),
            "Semua risiko-risiko dihitung."
        );
    }

    #[test]
    fn flags_multi_word_keys_on_one_line_only() {
        let l = linter("substitution", PAIRS);
        assert_eq!(fixed(&l, "Ia gemar olah raga."), "Ia gemar olahraga.");
        assert!(run(&l, "Ia gemar olah\nraga.").is_empty());
    }

    #[test]
    fn allows_correct_words_that_contain_a_key() {
        let l = linter("substitution", PAIRS);
        assert!(run(&l, "Ia menampakkan diri. Praktik dan risiko dibahas.").is_empty());
    }

    #[test]
    fn outside_quotes_skips_direct_speech() {
        let l = linter(
            "substitution",
            "outside-quotes = true\n[rule.pairs]\nnggak = \"tidak\"\n",
        );
        assert!(run(&l, "“Saya nggak tahu,” katanya.").is_empty());
        assert_eq!(run(&l, "Ia nggak datang.").len(), 1);
    }
}
