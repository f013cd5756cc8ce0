//! `reduplication`: kata ulang written without its hyphen (`kata kata`, `bersama sama`,
//! `buah buahan`) or with the digit 2 (`anak2`).

use serde::Deserialize;

use super::morph::any_prefix_split;
use super::{BuildEnv, Check, Context, KindError, Reporter, RuleKind};
use crate::diagnostic::Fix;
use crate::document::Document;
use crate::document::normalize::{Case, case_of, cut_prefix, cut_suffix, key};
use crate::hash::WordSet;
use crate::span::Span;

/// ## What it does
/// EYD V (Bentuk Ulang): a reduplication is written with a hyphen. Reports, on one line:
/// - a whole word written twice (`kata kata` -> `kata-kata`), for words the dictionary
///   knows and that are not in `except` (function words doubled by mistake, `yang yang`,
///   belong to the `repetition` rule `pengulangan`). A doubled affixed word
///   (`mengatakan mengatakan`) is a typo, not a reduplication: it is reported without a
///   fix, asking to delete one;
/// - a prefixed reduplication (`bersama sama`, `sehari hari`, `disebut sebut` ->
///   `bersama-sama`): the first word is `ber-`, `se-`, `di-` or `per-` + the second, both
///   known words;
/// - a suffixed one (`sekutu sekutunya`, `sayur sayuran` -> `sayur-sayuran`), unless the
///   first word is a verb that takes its own -an noun as object (`makan makanan` 'eat
///   food' is two words);
/// - the digit 2 as a repetition mark on a lower-case word (`anak2`, `ibu2nya` ->
///   `anak-anak`, `ibu-ibunya`).
///
/// ## Parameters
/// - `except`: words never reported as doubled.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    #[serde(default)]
    except: Vec<String>,
}

/// The compiled `reduplication` kind.
#[derive(Debug)]
pub struct Reduplication {
    except: WordSet,
}

/// Prefixes of a partial reduplication (`ber-` + `sama-sama`). Left out because the
/// pair is as often two words: `ke-` (`ketua tua` 'an old chairman'), `me-` (`menilai
/// nilai` 'to assess values'), `ter-` (`terbaik baik`).
const PREFIXES: &[&str] = &["ber", "se", "di", "per"];
/// Number words: `triliun2` is a figure glued to the next, not a reduplication.
const NUMBER_WORDS: &[&str] = &[
    "ratus", "ribu", "juta", "miliar", "triliun", "puluh", "belas",
];
/// Second words a `se-` form is followed by as a separate word (`seorang orang tua`).
const NOT_AFTER_SE: &[&str] = &["orang", "buah", "ekor", "pihak"];
const CLITICS: &[&str] = &["nya", "ku", "mu"];
/// Verbs followed by their own -an noun as two words (`makan makanan` 'eat food'). The
/// dictionary cannot tell them apart (it knows `menyayur` too), so they are listed.
const VERB_BEFORE_AN: &[&str] = &[
    "makan", "minum", "pakai", "jual", "masak", "main", "tulis", "baca", "tanam", "bayar", "pukul",
    "ikat", "timbang", "pilih", "simpan", "kirim", "tuju", "ajar", "latih", "dengar",
];

impl RuleKind for Reduplication {
    const NAME: &'static str = "reduplication";
    type Params = Params;

    fn build(params: Params, _env: &BuildEnv<'_>) -> Result<Self, KindError> {
        Ok(Self {
            except: params.except.iter().map(|s| key(s.trim())).collect(),
        })
    }
}

/// Same first byte or same last byte: necessary for [`Reduplication::pair`] to find
/// anything (equal keys, or one key a prefix or a suffix of the other).
fn starts_or_ends_alike(a: &[u8], b: &[u8]) -> bool {
    !a.is_empty() && !b.is_empty() && (a[0] == b[0] || a[a.len() - 1] == b[b.len() - 1])
}

/// ASCII letters only, so byte offsets in the lower-cased key match the original.
fn is_letters(s: &str) -> bool {
    s.len() >= 2 && s.bytes().all(|b| b.is_ascii_alphabetic())
}

enum Finding {
    /// Put a hyphen in the gap.
    Hyphen,
    /// A doubled word to delete.
    Doubled,
}

impl Reduplication {
    /// `ak`, `bk`: the matching keys of two neighbouring words.
    fn pair(&self, ak: &str, bk: &str, ctx: &Context<'_>) -> Option<Finding> {
        if ak == bk {
            if self.except.contains(ak) || !ctx.lexicon.knows(ak) {
                return None;
            }
            // `mengatakan mengatakan`, `bermain bermain`: a verb with a prefix is not
            // reduplicated whole (`se-` and `ke-` are: `sekali-sekali`).
            let affixed = ["me", "di", "ber", "ter", "pe"]
                .iter()
                .any(|p| ak.starts_with(p))
                && any_prefix_split(ak, 3, |prefix_len, root| {
                    prefix_len > 0 && ctx.lexicon.knows(root)
                });
            return Some(if affixed {
                Finding::Doubled
            } else {
                Finding::Hyphen
            });
        }
        if bk.len() < 3 {
            return None;
        }
        // `bersama sama`
        if let Some(p) = cut_suffix(ak, bk) {
            let ok = PREFIXES.contains(&p)
                && !(p == "se" && NOT_AFTER_SE.contains(&bk))
                && ctx.lexicon.knows(bk)
                && ctx.lexicon.knows(ak);
            return ok.then_some(Finding::Hyphen);
        }
        // `sayur sayuran`, `sekutu sekutunya`
        if let Some(s) = cut_prefix(bk, ak) {
            let ok = (CLITICS.contains(&s) || (s == "an" && !VERB_BEFORE_AN.contains(&ak)))
                && ak.len() >= 3
                && !self.except.contains(ak)
                && ctx.lexicon.knows(bk)
                && ctx.lexicon.knows(ak);
            return ok.then_some(Finding::Hyphen);
        }
        None
    }

    /// `anak2` -> `anak-anak`, `ibu2nya` -> `ibu-ibunya`.
    fn digit_two(word: &str, ctx: &Context<'_>) -> Option<String> {
        if !word.bytes().any(|b| b == b'2') {
            return None;
        }
        let (base, rest) = word.split_once('2')?;
        // Lower case only: `Aceh2`, `Mandiri2` are names with a number.
        if !is_letters(base) || base.len() < 3 || case_of(base) != Case::Lower {
            return None;
        }
        if !(rest.is_empty() || CLITICS.contains(&rest)) {
            return None;
        }
        let bk = key(base);
        if NUMBER_WORDS.contains(&bk.as_str()) {
            return None;
        }
        ctx.lexicon.knows(&bk).then(|| format!("{base}-{bk}{rest}"))
    }
}

impl Check for Reduplication {
    fn check(&self, doc: &Document<'_>, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let toks = &doc.tokens;
        let mut i = 0;
        while i < toks.len() {
            if !toks[i].is_word() {
                i += 1;
                continue;
            }
            // A word of letters alone has no `2` in it.
            if !doc.is_ascii_letters(i)
                && let Some(expected) = Self::digit_two(doc.token_text(i), ctx)
            {
                out.replace(toks[i].span, doc.token_text(i), &expected);
                i += 1;
                continue;
            }
            // Only neighbours that start or end alike can pair (`kata kata`, `bersama sama`,
            // `sayur sayuran`): a test of two bytes turns most pairs away.
            let n = i + 1;
            if n >= toks.len()
                || !toks[n].is_word()
                || !starts_or_ends_alike(doc.key_bytes(i), doc.key_bytes(n))
            {
                i += 1;
                continue;
            }
            let a = doc.token_text(i);
            let a_case = doc.case(i);
            let a_ok = a.len() >= 2
                && doc.is_ascii_letters(i)
                && (a_case == Case::Lower || (a_case == Case::Title && doc.is_sentence_initial(i)));
            if !a_ok || n >= toks.len() || !toks[n].is_word() || !doc.spaced_from_previous(n) {
                i += 1;
                continue;
            }
            let b = doc.token_text(n);
            if b.len() < 2 || !doc.is_ascii_letters(n) || doc.case(n) != Case::Lower {
                i += 1;
                continue;
            }
            let span = Span::new(toks[i].span.start, toks[n].span.end);
            let actual = span.text(doc.text);
            match self.pair(doc.key(i), doc.key(n), ctx) {
                Some(Finding::Hyphen) => {
                    let expected = format!("{a}-{b}");
                    let d = out.report(span, &[("actual", actual), ("expected", &expected)]);
                    d.fixes.push(Fix::new(
                        Span::new(toks[i].span.end, toks[n].span.start),
                        "-",
                    ));
                    i = n + 1;
                }
                Some(Finding::Doubled) => {
                    let d = out.report_message(
                        span,
                        format!("Kata '{a}' tertulis dua kali; hapus salah satunya."),
                    );
                    d.help = Some(
                        "Kata berimbuhan yang ditulis dua kali biasanya salah ketik, bukan kata ulang."
                            .to_owned(),
                    );
                    i = n + 1;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::kinds::testing::{fixed, linter, run};

    const PARAMS: &str = r#"except = ["yang", "dan", "harus"]"#;

    #[test]
    fn flags_whole_reduplication_without_hyphen() {
        let l = linter("reduplication", PARAMS);
        assert_eq!(
            fixed(&l, "Ia menulis kata kata untuk anak anak."),
            "Ia menulis kata-kata untuk anak-anak."
        );
        assert_eq!(fixed(&l, "Anak anak bermain."), "Anak-anak bermain.");
    }

    #[test]
    fn flags_affixed_reduplication_without_hyphen() {
        let l = linter("reduplication", PARAMS);
        assert_eq!(
            fixed(
                &l,
                "Mereka berlatih bersama sama dalam kegiatan sehari hari."
            ),
            "Mereka berlatih bersama-sama dalam kegiatan sehari-hari."
        );
        assert_eq!(
            fixed(&l, "Washington dan sekutu sekutunya menjual sayur sayuran."),
            "Washington dan sekutu-sekutunya menjual sayur-sayuran."
        );
    }

    #[test]
    fn flags_digit_two() {
        let l = linter("reduplication", PARAMS);
        assert_eq!(
            fixed(&l, "Para anak2 dan ibu2nya menunggu."),
            "Para anak-anak dan ibu-ibunya menunggu."
        );
    }

    #[test]
    fn reports_doubled_affixed_words_without_a_fix() {
        let l = linter("reduplication", PARAMS);
        let d = run(&l, "Dia mengatakan mengatakan bahwa semua aman.");
        assert_eq!(d.len(), 1);
        assert!(d[0].fixes.is_empty());
        let d = run(&l, "Korban bermain bermain dengan cucunya.");
        assert_eq!(d.len(), 1);
        assert!(d[0].fixes.is_empty());
        assert_eq!(
            fixed(&l, "Sekali sekali ia datang."),
            "Sekali-sekali ia datang."
        );
    }

    #[test]
    fn allows_correct_and_ambiguous_pairs() {
        let l = linter("reduplication", PARAMS);
        let text = "Anak-anak bermain bersama-sama. Warga yang yang datang. Ia harus harus pergi. \
                    Seorang orang tua hadir. Ketua tua itu pulang. Mereka makan makanan sehat. \
                    Virus H5N1, mobil X2 dan berkas mp3. Kim Kim datang. \
                    Tim Aceh2 menang; Rp2 triliun2 hilang. Ia menilai nilai ujian.";
        let found = run(&l, text);
        assert!(found.is_empty(), "{found:?}");
    }
}
