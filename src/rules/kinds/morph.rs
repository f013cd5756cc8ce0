//! Indonesian affix analysis shared by the spelling-convention kinds (`compound`,
//! `clitic`). Not a kind itself: a handful of pure functions over lower-case words.

use std::sync::LazyLock;

use crate::document::normalize::{cut_prefix, cut_suffix};

/// A prefix and how its nasal allomorph may have swallowed the root's first letter
/// (`meny-` + `ebar` = `sebar`, `men-` + `ulis` = `tulis`, `mem-` + `ukul` = `pukul`).
struct Prefix {
    form: &'static str,
    /// Letters the root may have started with when the prefix is followed by a vowel.
    restores: &'static [&'static str],
}

const PREFIXES: &[Prefix] = &[
    Prefix {
        form: "memper",
        restores: &[],
    },
    Prefix {
        form: "diper",
        restores: &[],
    },
    Prefix {
        form: "keber",
        restores: &[],
    },
    Prefix {
        form: "meny",
        restores: &["s"],
    },
    Prefix {
        form: "peny",
        restores: &["s"],
    },
    Prefix {
        form: "meng",
        restores: &["k"],
    },
    Prefix {
        form: "peng",
        restores: &["k"],
    },
    Prefix {
        form: "men",
        restores: &["t"],
    },
    Prefix {
        form: "pen",
        restores: &["t"],
    },
    Prefix {
        form: "mem",
        restores: &["p"],
    },
    Prefix {
        form: "pem",
        restores: &["p"],
    },
    Prefix {
        form: "ber",
        restores: &[],
    },
    Prefix {
        form: "per",
        restores: &[],
    },
    Prefix {
        form: "ter",
        restores: &[],
    },
    Prefix {
        form: "me",
        restores: &[],
    },
    Prefix {
        form: "pe",
        restores: &[],
    },
    Prefix {
        form: "be",
        restores: &[],
    },
    Prefix {
        form: "di",
        restores: &[],
    },
    Prefix {
        form: "ke",
        restores: &[],
    },
    Prefix {
        form: "se",
        restores: &[],
    },
];

/// Derivational suffixes: with a prefix they make a compound solid (`-kan`, `-i`, `-an`).
pub(crate) const DERIVATIONAL: &[&str] = &["kan", "an", "i"];
/// Clitics and particles that never join a compound by themselves (`-nya`, `-ku`, ...).
pub(crate) const CLITICS: &[&str] = &["nya", "ku", "mu", "lah", "kah"];

static DERIVATIONAL_BY_LAST: LazyLock<ByEndByte> =
    LazyLock::new(|| ByEndByte::last_byte(DERIVATIONAL));
static CLITICS_BY_LAST: LazyLock<ByEndByte> = LazyLock::new(|| ByEndByte::last_byte(CLITICS));

/// Affixes grouped by the byte at one end, each group in list order: the affixes a word
/// may have are one index away, where scanning the whole list for every word costs more
/// than the rest of the test.
pub(crate) struct ByEndByte(Vec<Vec<&'static str>>);

impl ByEndByte {
    /// Grouped by first byte (prefixes).
    pub(crate) fn first_byte(list: &[&'static str]) -> Self {
        Self::group(list, |a| a.as_bytes().first().copied())
    }

    /// Grouped by last byte (suffixes).
    pub(crate) fn last_byte(list: &[&'static str]) -> Self {
        Self::group(list, |a| a.as_bytes().last().copied())
    }

    fn group(list: &[&'static str], end: impl Fn(&str) -> Option<u8>) -> Self {
        let mut by = vec![Vec::new(); 256];
        for &a in list {
            if let Some(b) = end(a) {
                by[usize::from(b)].push(a);
            }
        }
        Self(by)
    }

    /// The affixes whose end byte is `b` (none for `None`, an empty word).
    pub(crate) fn get(&self, b: Option<&u8>) -> &[&'static str] {
        b.map_or(&[], |&b| &self.0[usize::from(b)])
    }
}

fn starts_with_vowel(s: &str) -> bool {
    s.starts_with(['a', 'e', 'i', 'o', 'u'])
}

/// Every reading of `word` (lower case) as optional prefix + root, the bare word first:
/// `f(bytes taken by the prefix, root)` stops the walk by returning true; the result says
/// whether it did. A root keeps at least `min_root` bytes, and has a swallowed initial
/// letter restored. Nothing is collected: this runs on hot paths.
pub(crate) fn any_prefix_split(
    word: &str,
    min_root: usize,
    mut f: impl FnMut(usize, &str) -> bool,
) -> bool {
    if f(0, word) {
        return true;
    }
    // A root with its swallowed initial letter restored (`menulis` -> `tulis`).
    let mut restored = String::new();
    for p in PREFIXES {
        let Some(rest) = cut_prefix(word, p.form) else {
            continue;
        };
        if rest.len() < min_root {
            continue;
        }
        if f(p.form.len(), rest) {
            return true;
        }
        if starts_with_vowel(rest) {
            for r in p.restores {
                restored.clear();
                restored.push_str(r);
                restored.push_str(rest);
                if f(p.form.len(), &restored) {
                    return true;
                }
            }
        }
    }
    false
}

/// One way of reading a word as stem + derivational suffix + clitic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SuffixSplit<'w> {
    /// What is left.
    pub(crate) stem: &'w str,
    /// `kan`, `an`, `i` or empty.
    pub(crate) derivational: &'w str,
    /// `nya`, `ku`, `mu`, `lah`, `kah` or empty.
    pub(crate) clitic: &'w str,
}

impl SuffixSplit<'_> {
    /// Bytes taken by the suffixes.
    pub(crate) fn len(&self) -> usize {
        self.derivational.len() + self.clitic.len()
    }
}

/// Every reading of `word` as stem + optional derivational suffix + optional clitic, the
/// bare word first: `f` gets each split and stops the walk by returning true; the result
/// says whether it did. A stem keeps at least `min_stem` bytes. Nothing is collected: this
/// runs on hot paths.
pub(crate) fn any_suffix_split<'w>(
    word: &'w str,
    min_stem: usize,
    mut f: impl FnMut(SuffixSplit<'w>) -> bool,
) -> bool {
    // Only the suffixes ending in the word's last byte can match.
    let clitics = CLITICS_BY_LAST.get(word.as_bytes().last());
    for c in std::iter::once("").chain(clitics.iter().copied()) {
        let Some(w) = cut_suffix(word, c) else {
            continue;
        };
        let derivational = DERIVATIONAL_BY_LAST.get(w.as_bytes().last());
        for d in std::iter::once("").chain(derivational.iter().copied()) {
            let Some(stem) = cut_suffix(w, d) else {
                continue;
            };
            if stem.len() >= min_stem
                && f(SuffixSplit {
                    stem,
                    derivational: &w[stem.len()..],
                    clitic: &word[w.len()..],
                })
            {
                return true;
            }
        }
    }
    false
}

/// The active (meN-) form of a root: `tulis` -> `menulis`, `baca` -> `membaca`,
/// `sebar` -> `menyebar`, `kirim` -> `mengirim`, `lihat` -> `melihat`.
pub(crate) fn me_form(root: &str) -> Option<String> {
    let mut chars = root.chars();
    let first = chars.next()?;
    let second = chars.next();
    let vowel_next = second.is_some_and(|c| "aeiou".contains(c));
    let rest = &root[first.len_utf8()..];
    Some(match first {
        'a' | 'e' | 'i' | 'o' | 'u' | 'g' | 'h' => format!("meng{root}"),
        'k' if vowel_next => format!("meng{rest}"),
        'k' => format!("meng{root}"),
        'b' | 'f' | 'v' => format!("mem{root}"),
        'p' if vowel_next => format!("mem{rest}"),
        'p' => format!("mem{root}"),
        't' if vowel_next => format!("men{rest}"),
        't' | 'd' | 'c' | 'j' | 'z' => format!("men{root}"),
        's' if vowel_next => format!("meny{rest}"),
        's' => format!("men{root}"),
        'l' | 'm' | 'n' | 'r' | 'w' | 'y' => format!("me{root}"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffix_readings_are_every_pairing_of_the_lists() {
        // The jump tables in `any_suffix_split` give what trying every list entry gives.
        for word in [
            "kerjakannya",
            "bersamamu",
            "kerjasamanyalah",
            "bantuankah",
            "kan",
            "i",
        ] {
            let mut expected = Vec::new();
            for c in std::iter::once("").chain(CLITICS.iter().copied()) {
                let Some(w) = word.strip_suffix(c) else {
                    continue;
                };
                for d in std::iter::once("").chain(DERIVATIONAL.iter().copied()) {
                    if let Some(stem) = w.strip_suffix(d) {
                        expected.push((stem, d, c));
                    }
                }
            }
            let got: Vec<(&str, &str, &str)> = suffix_splits(word, 0)
                .iter()
                .map(|s| (s.stem, s.derivational, s.clitic))
                .collect();
            assert_eq!(got, expected, "{word}");
        }
    }

    /// Every prefix reading: (bytes taken by the prefix, root).
    fn prefix_splits(word: &str, min_root: usize) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        any_prefix_split(word, min_root, |n, root| {
            out.push((n, root.to_owned()));
            false
        });
        out
    }

    /// Every suffix reading.
    fn suffix_splits(word: &str, min_stem: usize) -> Vec<SuffixSplit<'_>> {
        let mut out = Vec::new();
        any_suffix_split(word, min_stem, |split| {
            out.push(split);
            false
        });
        out
    }

    #[test]
    fn restores_swallowed_initials() {
        let s = prefix_splits("menyebarluaskan", 3);
        assert_eq!(s[0], (0, "menyebarluaskan".to_owned()));
        assert!(s.contains(&(4, "sebarluaskan".to_owned())));
        let s = prefix_splits("bekerjasama", 3);
        assert!(s.contains(&(2, "kerjasama".to_owned())));
    }

    #[test]
    fn splits_suffixes_and_clitics() {
        let s = suffix_splits("jawabkannya", 3);
        assert!(s.contains(&SuffixSplit {
            stem: "jawab",
            derivational: "kan",
            clitic: "nya"
        }));
        assert_eq!(s[0].stem, "jawabkannya");
    }

    #[test]
    fn builds_active_forms() {
        assert_eq!(me_form("tulis").as_deref(), Some("menulis"));
        assert_eq!(me_form("baca").as_deref(), Some("membaca"));
        assert_eq!(me_form("sebar").as_deref(), Some("menyebar"));
        assert_eq!(me_form("kirim").as_deref(), Some("mengirim"));
        assert_eq!(me_form("lihat").as_deref(), Some("melihat"));
        assert_eq!(me_form("pukul").as_deref(), Some("memukul"));
    }
}
