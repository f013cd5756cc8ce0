//! Matching view of a word: NFC, curly quotes folded to straight ones, lower case.
//! Only for comparison; spans always come from the original text.

use std::borrow::Cow;

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// NFC with curly apostrophes and quotes folded to ASCII.
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
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
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    fold(s).to_lowercase()
}

/// Call `f` with `key(s)`, built on the stack when `s` is short ASCII (most words), so
/// that a table look-up by key allocates nothing.
pub fn with_key<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if s.is_ascii() && s.len() <= buf.len() {
        let b = &mut buf[..s.len()];
        b.copy_from_slice(s.as_bytes());
        b.make_ascii_lowercase();
        // ASCII bytes are valid UTF-8.
        f(std::str::from_utf8(b).unwrap_or_default())
    } else {
        f(&key(s))
    }
}

/// Append `key(s)` to `out`, without allocating when `s` is ASCII.
pub fn push_key(s: &str, out: &mut String) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&key(s));
    }
}

/// `w`'s case shape, whether it is ASCII letters only (at least one), and whether its key
/// is `w` itself (lower-case ASCII: most tokens). Only a key that differs from `w` is
/// appended to `out`. For ASCII tokens, one pass over the bytes.
pub fn key_and_shape(w: &str, out: &mut String) -> (Case, bool, bool) {
    let b = w.as_bytes();
    // Branch-free counts, which the compiler can vectorise.
    let (mut letters, mut upper, mut high) = (0usize, 0usize, 0u8);
    for &c in b {
        high |= c;
        let up = c.wrapping_sub(b'A') < 26;
        let lo = c.wrapping_sub(b'a') < 26;
        upper += usize::from(up);
        letters += usize::from(up | lo);
    }
    if high >= 0x80 {
        push_key(w, out);
        return (case_of(w), false, false);
    }
    ascii_key_and_shape(w, letters, upper, out)
}

/// [`key_and_shape`] of an ASCII `w` whose `letters` and capitals (`upper`) are counted
/// already (the tokenizer counts them for most words). Always inlined: most words have no
/// capital and need two comparisons, less than a call.
#[inline(always)]
pub fn ascii_key_and_shape(
    w: &str,
    letters: usize,
    upper: usize,
    out: &mut String,
) -> (Case, bool, bool) {
    let all_letters = !w.is_empty() && letters == w.len();
    if upper == 0 {
        return (Case::Lower, all_letters, true);
    }
    (lower_into(w, letters, upper, out), all_letters, false)
}

/// The case shape of an ASCII `w` with capitals, whose lower-cased copy is appended to
/// `out`.
fn lower_into(w: &str, letters: usize, upper: usize, out: &mut String) -> Case {
    let start = out.len();
    out.push_str(w);
    out[start..].make_ascii_lowercase();
    let first_upper = w
        .bytes()
        .find(u8::is_ascii_alphabetic)
        .is_some_and(|c| c.is_ascii_uppercase());
    shape(letters, upper, first_upper)
}

/// The length in bytes of the longest of `words`: a bound that turns most words away
/// before a list is searched.
pub const fn longest(words: &[&str]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < words.len() {
        if words[i].len() > max {
            max = words[i].len();
        }
        i += 1;
    }
    max
}

/// `w` without the affix `p` at its start. For the short affixes of Indonesian morphology:
/// a byte loop, cheaper than the library call behind `str::strip_prefix` on hot paths.
#[inline]
pub fn cut_prefix<'w>(w: &'w str, p: &str) -> Option<&'w str> {
    let (wb, pb) = (w.as_bytes(), p.as_bytes());
    if wb.len() < pb.len() || !wb.iter().zip(pb).all(|(a, b)| a == b) {
        return None;
    }
    // `p` matched whole characters of `w`, so this is a character boundary.
    w.get(pb.len()..)
}

/// `w` without the affix `s` at its end (see [`cut_prefix`]).
#[inline]
pub fn cut_suffix<'w>(w: &'w str, s: &str) -> Option<&'w str> {
    let (wb, sb) = (w.as_bytes(), s.as_bytes());
    if wb.len() < sb.len()
        || !wb[wb.len() - sb.len()..]
            .iter()
            .zip(sb)
            .all(|(a, b)| a == b)
    {
        return None;
    }
    w.get(..wb.len() - sb.len())
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
    if s.is_ascii() {
        return ascii_case_of(s.as_bytes());
    }
    // One pass over the letters: how many, how many capitals, and whether only the first
    // is one.
    let (mut letters, mut upper, mut first_upper) = (0usize, 0usize, false);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        let up = c.is_uppercase();
        if letters == 0 {
            first_upper = up;
        }
        letters += 1;
        upper += usize::from(up);
        if !up && !c.is_lowercase() {
            // A letter without case (rare in Indonesian copy) keeps the old answer shape.
            return case_of_slow(s);
        }
    }
    shape(letters, upper, first_upper)
}

/// The case shape from the counts of letters and capitals, and whether the first letter is
/// one.
fn shape(letters: usize, upper: usize, first_upper: bool) -> Case {
    if upper == 0 {
        Case::Lower
    } else if letters > 1 && upper == letters {
        Case::Upper
    } else if first_upper && upper == 1 {
        Case::Title
    } else {
        Case::Mixed
    }
}

fn ascii_case_of(b: &[u8]) -> Case {
    let (mut letters, mut upper, mut first_upper) = (0usize, 0usize, false);
    for &c in b.iter().filter(|c| c.is_ascii_alphabetic()) {
        let up = c.is_ascii_uppercase();
        if letters == 0 {
            first_upper = up;
        }
        letters += 1;
        upper += usize::from(up);
    }
    shape(letters, upper, first_upper)
}

fn case_of_slow(s: &str) -> Case {
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
    fn case_shapes() {
        for (w, c) in [
            ("praktek", Case::Lower),
            ("Praktek", Case::Title),
            ("PRAKTEK", Case::Upper),
            ("iPhone", Case::Mixed),
            ("A", Case::Title),
            ("ke-3", Case::Lower),
            ("COVID-19", Case::Upper),
            ("Élysée", Case::Title),
            ("ÉLYSÉE", Case::Upper),
            ("Jum’at", Case::Title),
            ("123", Case::Lower),
        ] {
            assert_eq!(case_of(w), c, "{w}");
            assert_eq!(case_of_slow(w), c, "{w}");
            let mut k = String::from("x");
            let letters = !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic());
            let (case, ascii_letters, same) = key_and_shape(w, &mut k);
            if same {
                k.push_str(w);
            }
            assert_eq!((case, ascii_letters), (c, letters), "{w}");
            assert_eq!(k, format!("x{}", key(w)), "{w}");
        }
    }

    #[test]
    fn longest_is_the_byte_length_of_the_longest_word() {
        assert_eq!(longest(&["di", "tentang", "dan"]), 7);
        assert_eq!(longest(&["ph.d", "é"]), 4);
        assert_eq!(longest(&[]), 0);
    }

    #[test]
    fn cuts_affixes_like_the_library_does() {
        for (w, a) in [
            ("menyatakan", "meny"),
            ("dinyatakan", "kan"),
            ("ka", "kan"),
            ("é", ""),
        ] {
            assert_eq!(cut_prefix(w, a), w.strip_prefix(a));
            assert_eq!(cut_suffix(w, a), w.strip_suffix(a));
        }
    }

    #[test]
    fn folds_curly_apostrophes_and_keeps_case_shape() {
        assert_eq!(key("Jum’at"), "jum'at");
        for w in ["Jum’at", "PUTIN", "", "Élysée"] {
            assert_eq!(with_key(w, str::to_owned), key(w));
        }
        assert_eq!(match_case("Praktek", "praktik"), "Praktik");
        assert_eq!(match_case("PRAKTEK", "praktik"), "PRAKTIK");
        assert_eq!(match_case("nopember", "November"), "November");
        assert_eq!(match_case("Jubir", "juru bicara"), "Juru bicara");
    }
}
