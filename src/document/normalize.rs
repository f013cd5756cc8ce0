//! Matching view of a word: NFC, curly quotes folded to straight ones, lower case.
//! Only for comparison; spans always come from the original text.

use std::borrow::Cow;

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// NFC with curly apostrophes and quotes folded to ASCII.
pub fn fold(s: &str) -> Cow<'_, str> {
    let needs_quote_fold = s.contains(['’', '‘', 'ʼ', '“', '”']);
    let nfc = matches!(
        is_nfc_quick(s.chars()),
        unicode_normalization::IsNormalized::Yes
    );
    if !needs_quote_fold && nfc {
        return Cow::Borrowed(s);
    }
    let mut out: String = if nfc { s.to_owned() } else { s.nfc().collect() };
    if needs_quote_fold {
        out = out
            .chars()
            .map(|c| match c {
                '’' | '‘' | 'ʼ' => '\'',
                '“' | '”' => '"',
                c => c,
            })
            .collect();
    }
    Cow::Owned(out)
}

/// `fold` then lower case.
pub fn key(s: &str) -> String {
    fold(s).to_lowercase()
}

/// The case shape of a word, used to carry it over to a replacement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// `praktek`
    Lower,
    /// `Praktek`
    Title,
    /// `PRAKTEK`
    Upper,
    /// anything else (`iPhone`)
    Mixed,
}

/// The case shape of `s`.
pub fn case_of(s: &str) -> Case {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || letters.iter().all(|c| c.is_lowercase()) {
        Case::Lower
    } else if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        Case::Upper
    } else if letters[0].is_uppercase() && letters[1..].iter().all(|c| c.is_lowercase()) {
        Case::Title
    } else {
        Case::Mixed
    }
}

/// Give `replacement` the case shape of `original`. A replacement that carries capitals of
/// its own (`November`) keeps them unless the original is all capitals.
pub fn match_case(original: &str, replacement: &str) -> String {
    let own_caps = replacement.chars().any(char::is_uppercase);
    match case_of(original) {
        Case::Upper => replacement.to_uppercase(),
        Case::Title => capitalize(replacement),
        _ if own_caps => replacement.to_owned(),
        _ => replacement.to_owned(),
    }
}

/// Upper-case the first letter.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_curly_apostrophes_and_keeps_case_shape() {
        assert_eq!(key("Jum’at"), "jum'at");
        assert_eq!(match_case("Praktek", "praktik"), "Praktik");
        assert_eq!(match_case("PRAKTEK", "praktik"), "PRAKTIK");
        assert_eq!(match_case("nopember", "November"), "November");
        assert_eq!(match_case("Jubir", "juru bicara"), "Juru bicara");
    }
}
