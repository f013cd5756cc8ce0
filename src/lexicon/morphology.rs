//! Indonesian morphology on top of Hunspell: the forms id_ID leaves out but news copy
//! uses all the time. Clitics and particles stacked on a known word (`solidaritasnya`,
//! `ujarnya`, `bukankah`, `kuambil`), reduplication (`kata-kata`, `sekutu-sekutunya`,
//! `kemerah-merahan`, lexicalised `sayur-mayur`), numbers with affixes (`ke-3`, `1990-an`)
//! and bound forms before a capital or number (`non-Indonesia`, `pasca-2020`).
//!
//! Everything here answers one question, "is this a word?", given a `base` test (the
//! dictionary plus accepted lists) for a single unaffixed form.

use crate::document::normalize::{cut_prefix, cut_suffix};

/// Particles written solid to the word before them (EYD V: `-lah`, `-kah`, `-tah`; `-pun`
/// in the conjunction list, and in `apapun`-style slips the `partikel` rule reports).
const PARTICLES: &[&str] = &["lah", "kah", "tah", "pun"];
/// Possessive clitics (`bukunya`, `rumahku`, `milikmu`).
const POSSESSIVES: &[&str] = &["nya", "ku", "mu"];
/// Proclitics (`kuambil`, `kaulihat`).
const PROCLITICS: &[&str] = &["kau", "ku"];
/// Bound forms written with a hyphen before a capital or a number (EYD V).
const BOUND_BEFORE_CAPITAL: &[&str] = &[
    "non", "pro", "anti", "pasca", "pra", "se", "ke", "antar", "eks", "neo", "pan", "ultra",
    "super", "sub", "trans", "intra", "inter", "multi", "semi", "mini", "mega", "e",
];
/// Prefixes seen on the first half of an affixed reduplication (`kemerah-merahan`,
/// `sebesar-besarnya`, `berlari-lari`).
const REDUP_PREFIXES: &[&str] = &[
    "", "ber", "be", "ter", "se", "ke", "di", "me", "mem", "men", "meng", "meny", "per", "pe",
];

/// The test for one unaffixed form, and whether derivations id_ID lacks are tried.
pub struct Base<'a> {
    /// Is this exact form a word (dictionary plus accepted lists)?
    pub known: &'a dyn Fn(&str) -> bool,
    /// Also accept a known root under derivational affixes (`digelar`, `amankan`). Off
    /// when probing suggestions, which should be attested forms.
    pub derive: bool,
}

impl Base<'_> {
    fn known(&self, w: &str) -> bool {
        (self.known)(w)
    }
}

/// True when `word` (lower case, NFC) is an Indonesian word: known to `base` as it stands,
/// or a clitic/particle/reduplicated/numbered form of known words.
pub fn is_word(word: &str, base: &Base<'_>) -> bool {
    if word.is_empty() {
        return false;
    }
    if word.contains('-') {
        return hyphenated(word, word, base);
    }
    with_clitics(word, base)
}

/// Like [`is_word`] for a hyphenated form, with the original casing available for the
/// bound-form test (`non-Indonesia`).
pub fn is_word_cased(original: &str, lower: &str, base: &Base<'_>) -> bool {
    if lower.contains('-') {
        hyphenated(original, lower, base)
    } else {
        with_clitics(lower, base)
    }
}

fn with_clitics(w: &str, base: &Base<'_>) -> bool {
    if base.known(w) {
        return true;
    }
    for p in PARTICLES {
        if let Some(stem) = cut_suffix(w, p) {
            if stem.chars().count() >= 2 && with_possessive(stem, base) {
                return true;
            }
        }
    }
    with_possessive(w, base)
}

fn with_possessive(w: &str, base: &Base<'_>) -> bool {
    if base.known(w) {
        return true;
    }
    for p in POSSESSIVES {
        if let Some(stem) = cut_suffix(w, p) {
            if stem.chars().count() >= 3 && (base.known(stem) || with_proclitic(stem, base)) {
                return true;
            }
        }
    }
    with_proclitic(w, base)
}

fn with_proclitic(w: &str, base: &Base<'_>) -> bool {
    PROCLITICS.iter().any(|p| {
        cut_prefix(w, p).is_some_and(|rest| {
            rest.chars().count() >= 3 && (base.known(rest) || (base.derive && affixed(rest, base)))
        })
    }) || (base.derive && affixed(w, base))
}

/// Derivational suffixes id_ID does not attach to every root (`amankan`, `rincian`,
/// `dalami`, `relawan`).
const SUFFIXES: &[&str] = &["kan", "an", "i", "wan", "wati"];

/// Prefixes, with the root's first letter that a nasal prefix swallows (`menulis` =
/// meN- + tulis, `memukul` = meN- + pukul, `menyapu` = meN- + sapu, `mengirim` = meN- +
/// kirim). `""` restores nothing.
const PREFIXES: &[(&str, &str)] = &[
    ("memper", ""),
    ("diper", ""),
    ("keber", ""),
    ("keter", ""),
    ("pember", ""),
    ("pemer", ""),
    ("menge", ""),
    ("penge", ""),
    ("meny", "s"),
    ("peny", "s"),
    ("meng", ""),
    ("meng", "k"),
    ("peng", ""),
    ("peng", "k"),
    ("mem", ""),
    ("mem", "p"),
    ("pem", ""),
    ("pem", "p"),
    ("men", ""),
    ("men", "t"),
    ("pen", ""),
    ("pen", "t"),
    ("ber", ""),
    ("be", ""),
    ("ter", ""),
    ("per", ""),
    ("me", ""),
    ("pe", ""),
    ("di", ""),
    ("ke", ""),
    ("se", ""),
];

fn has_vowel(s: &str) -> bool {
    s.contains(['a', 'e', 'i', 'o', 'u'])
}

/// A root known to `base` under a derivational prefix and/or suffix that id_ID does not
/// list for it (`digelar`, `terdampak`, `keberlanjutan`, `perundungan`, `amankan`). Roots
/// must have three letters or more and a vowel, so short junk does not pass as a root.
fn affixed(w: &str, base: &Base<'_>) -> bool {
    let root_ok = |r: &str| r.chars().count() >= 3 && has_vowel(r) && base.known(r);
    for suf in std::iter::once(&"").chain(SUFFIXES) {
        let Some(stem) = cut_suffix(w, suf) else {
            continue;
        };
        if !suf.is_empty() && root_ok(stem) {
            return true;
        }
        for (pre, restore) in PREFIXES {
            let Some(rest) = cut_prefix(stem, pre) else {
                continue;
            };
            if restore.is_empty() {
                if root_ok(rest) {
                    return true;
                }
            } else if rest.starts_with(['a', 'e', 'i', 'o', 'u'])
                && root_ok(&format!("{restore}{rest}"))
            {
                return true;
            }
        }
    }
    false
}

fn is_number(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

fn hyphenated(original: &str, w: &str, base: &Base<'_>) -> bool {
    // A lexicalised form (`sayur-mayur`, `e-mail`), possibly with clitics.
    if base.known(w) {
        return true;
    }
    for p in PARTICLES.iter().chain(POSSESSIVES) {
        if let Some(stem) = cut_suffix(w, p) {
            if stem.contains('-') && !stem.ends_with('-') && base.known(stem) {
                return true;
            }
        }
    }
    let parts: Vec<&str> = w.split('-').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return false;
    }
    let orig_parts: Vec<&str> = original.split('-').collect();
    if parts.len() == 2 {
        let (a, b) = (parts[0], parts[1]);
        // ke-3, ke-21, se-2, 1990-an, 90-an, 2020-an-nya is not a thing.
        if matches!(a, "ke" | "se") && is_number(b) {
            return true;
        }
        if is_number(a) && matches!(b, "an" | "annya") {
            return true;
        }
        // non-Indonesia, pasca-2020, e-KTP: a bound form before a capital or a number.
        if BOUND_BEFORE_CAPITAL.contains(&a) {
            let rest = orig_parts.get(1).copied().unwrap_or(b);
            if rest
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                return true;
            }
        }
        if reduplication(a, b, base) {
            return true;
        }
    }
    // Every part a word on its own: kata-kata, sekutu-sekutunya, tolong-menolong.
    parts.len() <= 3
        && parts
            .iter()
            .all(|p| p.chars().count() >= 2 && with_clitics(p, base))
}

/// `kemerah-merahan`, `sebesar-besarnya`, `bermain-main`, `kupu-kupu`: the second half
/// repeats a root that the first half ends with; the whole is the affixed root.
fn reduplication(a: &str, b: &str, base: &Base<'_>) -> bool {
    if a == b {
        return with_clitics(a, base) || base.known(&format!("{a}-{b}"));
    }
    for pre in REDUP_PREFIXES {
        let Some(root) = a.strip_prefix(pre) else {
            continue;
        };
        if root.chars().count() < 2 {
            continue;
        }
        let Some(suffix) = b.strip_prefix(root) else {
            continue;
        };
        // The whole: prefix + root + suffix (kemerahan, sebesarnya) or root + suffix.
        let whole = format!("{pre}{root}{suffix}");
        if with_clitics(&whole, base) {
            return true;
        }
        if (pre.is_empty() || with_clitics(a, base)) && with_clitics(b, base) {
            return true;
        }
        // A reduplicated root that is only lexicalised doubled (`kupu-kupuan`).
        if base.known(&format!("{root}-{root}")) && (suffix.is_empty() || with_clitics(b, base)) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    const B: Base<'static> = Base {
        known: &known_form,
        derive: true,
    };

    fn known_form(w: &str) -> bool {
        matches!(
            w,
            "solidaritas"
                | "militer"
                | "ujar"
                | "kata"
                | "sekutu"
                | "ambil"
                | "bukan"
                | "merah"
                | "kemerahan"
                | "besar"
                | "sebesar"
                | "sayur-mayur"
                | "kupu-kupu"
                | "main"
                | "bermain"
                | "gelar"
                | "dampak"
                | "lanjut"
                | "aman"
                | "tulis"
                | "rela"
        )
    }

    #[test]
    fn allows_clitics_and_particles() {
        for w in [
            "solidaritasnya",
            "militernya",
            "ujarnya",
            "bukankah",
            "katanyalah",
            "kuambil",
            "kauambil",
            "katapun",
        ] {
            assert!(is_word(w, &B), "{w}");
        }
        assert!(!is_word("ujarnyaa", &B));
        assert!(!is_word("nya", &B));
    }

    #[test]
    fn allows_derivations_the_dictionary_lacks() {
        for w in [
            "digelar",
            "terdampak",
            "keberlanjutan",
            "amankan",
            "menulis",
            "penulisnya",
            "relawan",
        ] {
            assert!(is_word(w, &B), "{w}");
        }
        for w in ["menangai", "keapda", "kaata", "dikrja"] {
            assert!(!is_word(w, &B), "{w}");
        }
    }

    #[test]
    fn allows_reduplication() {
        for w in [
            "kata-kata",
            "sekutu-sekutunya",
            "kemerah-merahan",
            "sebesar-besarnya",
            "bermain-main",
            "sayur-mayur",
            "sayur-mayurnya",
            "kupu-kupu",
        ] {
            assert!(is_word(w, &B), "{w}");
        }
        assert!(!is_word("kata-kaat", &B));
        assert!(!is_word("kata-", &B));
    }

    #[test]
    fn allows_numbers_and_bound_forms() {
        assert!(is_word("ke-3", &B));
        assert!(is_word("1990-an", &B));
        assert!(is_word_cased("non-Indonesia", "non-indonesia", &B));
        assert!(!is_word_cased("non-indonesia", "non-indonesia", &B));
    }
}
