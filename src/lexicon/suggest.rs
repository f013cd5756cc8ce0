//! Suggestions for an unknown word, ranked for news copy: every word one edit away that
//! the lexicon knows, scored by how people actually slip on a keyboard (swapped letters,
//! a doubled or dropped letter, a neighbouring key) and by how common the word is.
//! Also the run-together split (`perhatiandan` -> `perhatian dan`).

use std::sync::LazyLock;

use crate::hash::HashMap;

/// Word frequencies from the UD Indonesian treebanks (CC BY-SA 4.0; see the file header).
const FREQUENCIES: &str = include_str!("../../rules/kamus/frekuensi.txt");

static FREQ: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    FREQUENCIES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (w, n) = l.split_once('\t')?;
            Some((w, n.trim().parse().ok()?))
        })
        .collect()
});

/// How often `word` (lower case) occurs in the frequency corpus; 0 when never.
pub fn frequency(word: &str) -> u32 {
    FREQ.get(word).copied().unwrap_or(0)
}

/// The kind of slip that turns the suggestion into the written word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Two neighbouring letters swapped (`keapda` for `kepada`).
    Transposition,
    /// A letter typed twice (`kaata` for `kata`).
    DoubledLetter,
    /// A doubled letter typed once (`tingal` for `tinggal`).
    MissingDouble,
    /// A letter left out (`menangai` for `menangani`).
    DroppedLetter,
    /// A letter typed by a neighbouring key (`kwpada` for `kepada`).
    KeyboardNeighbour,
    /// A stray extra letter (`kepadsa` for `kepada`).
    ExtraLetter,
    /// One letter for another, not a neighbour (`kepeda` for `kepada`).
    Substitution,
}

impl Edit {
    /// The cost of the slip: lower is a likelier typo. Omissions are the most common
    /// single-letter typing slip (Damerau 1964; Kukich 1992, "Techniques for automatically
    /// correcting words in text"), ahead of a neighbouring key and a stray letter.
    pub fn cost(self) -> f32 {
        match self {
            Edit::Transposition | Edit::DoubledLetter => 0.4,
            Edit::MissingDouble => 0.5,
            Edit::DroppedLetter => 0.6,
            Edit::KeyboardNeighbour => 0.7,
            Edit::ExtraLetter => 0.9,
            Edit::Substitution => 1.0,
        }
    }
}

/// A ranked suggestion.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The suggested word (lower case).
    pub word: String,
    /// The slip it assumes.
    pub edit: Edit,
    /// Lower is better: edit cost minus a bonus for common words.
    pub score: f32,
}

/// How much a common word is preferred: per natural-log unit of corpus frequency.
const FREQUENCY_WEIGHT: f32 = 0.25;

/// QWERTY rows, for neighbouring keys.
const ROWS: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

fn key_pos(c: char) -> Option<(i32, i32)> {
    ROWS.iter()
        .enumerate()
        .find_map(|(r, row)| row.find(c).map(|col| (r as i32, col as i32 + r as i32 / 2)))
}

/// True when `a` and `b` are next to each other on a QWERTY keyboard.
pub fn neighbours(a: char, b: char) -> bool {
    match (key_pos(a), key_pos(b)) {
        (Some((r1, c1)), Some((r2, c2))) => {
            a != b && (r1 - r2).abs() <= 1 && (c1 - c2).abs() <= 1 && {
                // Staggered rows: the key above-left is not adjacent.
                let dr = r2 - r1;
                let dc = c2 - c1;
                !(dr == 1 && dc == 1) || r1 == 1
            }
        }
        _ => false,
    }
}

const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyz";

/// Every known word one edit (Damerau) from `word`, ranked best first, at most `limit`.
pub fn candidates(word: &str, is_word: &dyn Fn(&str) -> bool, limit: usize) -> Vec<Candidate> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let mut found: HashMap<String, Edit> = HashMap::default();
    let consider = |s: String, e: Edit, found: &mut HashMap<String, Edit>| {
        if s.chars().count() < 2 || s == word {
            return;
        }
        if let Some(old) = found.get(&s) {
            if old.cost() <= e.cost() {
                return;
            }
        } else if !is_word(&s) {
            return;
        }
        found.insert(s, e);
    };
    let build = |v: &[char]| v.iter().collect::<String>();
    // Deletions: a doubled letter or a stray one.
    for i in 0..n {
        let mut v = chars.clone();
        let c = v.remove(i);
        if chars[i] == '-' {
            continue;
        }
        let doubled = (i > 0 && chars[i - 1] == c) || (i + 1 < n && chars[i + 1] == c);
        let stray =
            (i > 0 && neighbours(chars[i - 1], c)) || (i + 1 < n && neighbours(chars[i + 1], c));
        let e = if doubled {
            Edit::DoubledLetter
        } else if stray {
            Edit::KeyboardNeighbour
        } else {
            Edit::ExtraLetter
        };
        consider(build(&v), e, &mut found);
    }
    // Transpositions.
    for i in 0..n.saturating_sub(1) {
        if chars[i] == chars[i + 1] || chars[i] == '-' || chars[i + 1] == '-' {
            continue;
        }
        let mut v = chars.clone();
        v.swap(i, i + 1);
        consider(build(&v), Edit::Transposition, &mut found);
    }
    // Substitutions.
    for i in 0..n {
        if chars[i] == '-' {
            continue;
        }
        for c in ALPHABET.chars() {
            if c == chars[i] {
                continue;
            }
            let mut v = chars.clone();
            v[i] = c;
            let e = if neighbours(chars[i], c) {
                Edit::KeyboardNeighbour
            } else {
                Edit::Substitution
            };
            consider(build(&v), e, &mut found);
        }
    }
    // Insertions: a dropped letter.
    for i in 0..=n {
        for c in ALPHABET.chars() {
            let mut v = chars.clone();
            v.insert(i, c);
            let doubles = (i > 0 && chars[i - 1] == c) || (i < n && chars[i] == c);
            let e = if doubles {
                Edit::MissingDouble
            } else {
                Edit::DroppedLetter
            };
            consider(build(&v), e, &mut found);
        }
    }
    let mut out: Vec<Candidate> = found
        .into_iter()
        .map(|(w, edit)| {
            let f = frequency(&w) as f32;
            Candidate {
                score: edit.cost() - FREQUENCY_WEIGHT * (1.0 + f).ln(),
                word: w,
                edit,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.score
            .total_cmp(&b.score)
            .then_with(|| a.word.cmp(&b.word))
    });
    out.truncate(limit);
    out
}

/// Function words that are often typed without the space before or after them.
const FUNCTION_WORDS: &[&str] = &[
    "dan", "di", "ke", "dari", "yang", "untuk", "dengan", "pada", "dalam", "atau", "ini", "itu",
    "akan", "tidak", "juga", "oleh", "bahwa", "karena", "ada", "sudah", "telah", "sebagai", "bisa",
    "serta", "tetapi", "namun", "agar", "saat", "para", "kata", "masih", "hanya", "lebih",
    "sangat", "bagi", "tersebut", "antara", "secara", "kepada", "terhadap", "setelah", "sejak",
    "hingga", "sampai", "seperti", "ia", "dia", "kami", "kita", "mereka",
];

/// Function words that are also prefixes: only a split after them is unsafe
/// (`ketahu` is a slip for `ketahui`, not `ke tahu`).
const PREFIX_LIKE: &[&str] = &["di", "ke", "se", "para", "ada"];

/// How `word` (lower case) splits into two known words, one of them a function word,
/// best split first (both halves common). `None` when no split fits.
pub fn split(word: &str, is_word: &dyn Fn(&str) -> bool) -> Option<(String, String)> {
    let mut best: Option<(u64, String, String)> = None;
    for (i, _) in word.char_indices().skip(2) {
        let (a, b) = word.split_at(i);
        let (na, nb) = (a.chars().count(), b.chars().count());
        let a_fn = FUNCTION_WORDS.contains(&a) && !PREFIX_LIKE.contains(&a);
        let b_fn = FUNCTION_WORDS.contains(&b);
        // Of the two-letter function words only `di` follows a word unspaced often enough
        // to trust (`bertemudi`); `ia` would split `albasia`, `ke` `remake`.
        let b_ok = b_fn && (nb > 2 || b == "di");
        let ok = (b_ok && na >= if nb <= 2 { 4 } else { 3 } && is_word(a))
            || (a_fn && nb >= 3 && is_word(b));
        if ok && !a.ends_with('-') && !b.starts_with('-') {
            let weight = (u64::from(frequency(a)) + 1) * (u64::from(frequency(b)) + 1);
            if best.as_ref().is_none_or(|(w, _, _)| weight > *w) {
                best = Some((weight, a.to_owned(), b.to_owned()));
            }
        }
    }
    best.map(|(_, a, b)| (a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(w: &str) -> bool {
        matches!(
            w,
            "kata"
                | "kasta"
                | "kepada"
                | "menangani"
                | "perhatian"
                | "dan"
                | "bertemu"
                | "di"
                | "tinggal"
                | "tahu"
                | "ketahui"
        )
    }

    #[test]
    fn ranks_by_edit_type_and_frequency() {
        assert_eq!(candidates("kaata", &known, 5)[0].word, "kata");
        assert_eq!(candidates("kaata", &known, 5)[0].edit, Edit::DoubledLetter);
        assert_eq!(candidates("keapda", &known, 5)[0].edit, Edit::Transposition);
        assert_eq!(candidates("menangai", &known, 5)[0].word, "menangani");
        assert_eq!(candidates("tingal", &known, 5)[0].edit, Edit::MissingDouble);
        assert!(candidates("zzzzqq", &known, 5).is_empty());
    }

    #[test]
    fn keyboard_neighbours() {
        assert!(neighbours('a', 's'));
        assert!(neighbours('e', 'w'));
        assert!(!neighbours('a', 'p'));
    }

    #[test]
    fn splits_run_together_words() {
        assert_eq!(
            split("perhatiandan", &known),
            Some(("perhatian".to_owned(), "dan".to_owned()))
        );
        assert_eq!(
            split("bertemudi", &known),
            Some(("bertemu".to_owned(), "di".to_owned()))
        );
        assert_eq!(split("ketahu", &known), None);
        assert_eq!(split("kata", &known), None);
    }

    #[test]
    fn frequency_table_loads() {
        assert!(frequency("yang") > 100);
        assert_eq!(frequency("qqqq"), 0);
    }
}
