//! `compound`: gabungan kata written joined or apart against EYD V, with their affixed
//! forms, and bound forms (`pasca`, `non`, `antar`) written apart.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use serde::Deserialize;

use super::morph::{any_prefix_split, any_suffix_split};
use super::{BuildEnv, Check, Context, Gate, KindError, Reporter, RuleKind};
use crate::diagnostic::Fix;
use crate::document::normalize::{Case, key, with_key};
use crate::document::{Document, TokenKind};
use crate::hash::{HashMap, WordSet};
use crate::span::Span;

/// ## What it does
/// Applies the EYD V rules on compound words (Bab II, Penulisan Kata: Gabungan Kata):
/// - an *open* compound (`kerja sama`, `terima kasih`, `tanggung jawab`) is written apart,
///   also with only a prefix (`bekerja sama`, `berterima kasih`) or only a suffix or clitic
///   (`tanggung jawabnya`), so `kerjasama`, `bekerjasama`, `berterimakasih` are reported
///   with a space inserted; with a prefix *and* a suffix at once it is written joined
///   (`dipertanggungjawabkan`, `menyebarluaskan`), so `dipertanggung jawabkan` is reported;
/// - a *closed* compound (`olahraga`, `kacamata`) written apart (`olah raga`) is joined,
///   also when affixed (`berolah raga`);
/// - a *bound* form (`pasca`, `non`, `antar`) written apart is joined (`pasca panen` ->
///   `pascapanen`), or hyphenated before a capital or a digit (`non Indonesia` ->
///   `non-Indonesia`); `non-aktif` -> `nonaktif`.
///
/// Quiet when unsure:
/// - a capitalised word inside a sentence is taken for a name (`Stadion Jatidiri`, `Tri
///   Yanto`, `Trans Jawa`) and left as its owner writes it; at the start of a sentence it
///   is checked (`Kerjasama itu ...`), and so is a CamelCase join (`KerjaSama`);
/// - a bound form that is also a word of its own (`antar`, `tuna`, `non`) is joined only
///   when the dictionary knows the joined word, so `ikan tuna segar` stays quiet;
/// - a bound form is never joined to a function word (`anti terhadap`) nor where two equal
///   letters would meet (`pasca aksi`, `anti-imigran`), and `serba-serbi`-like pairs are
///   left alone;
/// - a closed compound written apart is left alone before `ini`/`itu`/`tersebut`
///   (`pada hal tersebut` is a phrase, not `padahal`).
///
/// ## Parameters
/// - `open`: compounds written apart, two words each (`"kerja sama"`).
/// - `closed`: compounds written joined (`"olahraga"`).
/// - `bound`: bound forms (`"pasca"`).
/// - `hyphen-except` (optional): bound forms left apart before a capital (`maha`, as in
///   `Yang Maha Esa`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    #[serde(default)]
    open: Vec<String>,
    #[serde(default)]
    closed: Vec<String>,
    #[serde(default)]
    bound: Vec<String>,
    #[serde(default)]
    hyphen_except: Vec<String>,
}

/// The compiled `compound` kind.
#[derive(Debug)]
pub struct Compound {
    /// `kerjasama` -> byte length of the second word (`sama`).
    open_joined: HashMap<String, usize>,
    /// `kerja sama`.
    open_apart: WordSet,
    closed: WordSet,
    bound: WordSet,
    hyphen_except: WordSet,
    /// Byte lengths of the shortest and longest joined open and closed compounds: most
    /// words are outside them and skip the affix analysis.
    open_len: (usize, usize),
    closed_len: (usize, usize),
    /// Quick filter before the affix analysis. Every affixed form of a joined open
    /// compound holds it without its first letter (`meng-` swallows the `k` of
    /// `kerjasama`), so a word without any of these is skipped.
    open_filter: AhoCorasick,
    /// For two words written apart, the second word without its suffixes must be the end
    /// of a closed compound (`raga` of `olah raga` and of `berolah raganya`) or the second
    /// word of an open one (`jawab` of `dipertanggung jawabkan`).
    closed_tails: WordSet,
    open_seconds: WordSet,
}

/// An automaton that finds any of `words` without its first letter.
fn tail_filter<'a>(words: impl Iterator<Item = &'a String>) -> Result<AhoCorasick, KindError> {
    let tails: Vec<&str> = words.map(|w| w.get(1..).unwrap_or(w.as_str())).collect();
    // A DFA: a few hundred patterns, probed on every word, where per-call speed counts.
    // No prefilter: on a haystack of one word, setting one up costs more than it skips.
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(false)
        .build(tails)
        .map_err(|e| KindError::at("open", e.to_string()))
}

/// Affixes add at most this many bytes (`memper-` + `-kannya`).
const MAX_AFFIX_BYTES: usize = 14;

fn len_range<'a>(words: impl Iterator<Item = &'a String>) -> (usize, usize) {
    words.fold((usize::MAX, 0), |(lo, hi), w| {
        (lo.min(w.len()), hi.max(w.len()))
    })
}

/// Shortest root or stem considered when stripping affixes.
const MIN_ROOT: usize = 3;

impl RuleKind for Compound {
    const NAME: &'static str = "compound";
    type Params = Params;

    fn build(params: Params, _env: &BuildEnv<'_>) -> Result<Self, KindError> {
        if params.open.is_empty() && params.closed.is_empty() && params.bound.is_empty() {
            return Err(KindError::at(
                "open",
                "a `compound` rule needs at least one of `open`, `closed`, `bound`",
            ));
        }
        let mut open_joined = HashMap::default();
        let mut open_apart = WordSet::default();
        for c in &params.open {
            let k = key(c.trim());
            let words: Vec<&str> = k.split_whitespace().collect();
            let [a, b] = words[..] else {
                return Err(KindError::at(
                    "open",
                    format!("`{c}` in `open` must be two words written apart"),
                ));
            };
            if !is_plain(a) || !is_plain(b) {
                return Err(KindError::at(
                    "open",
                    format!("`{c}` in `open` must be plain lower-case letters"),
                ));
            }
            open_joined.insert(format!("{a}{b}"), b.len());
            open_apart.add(format!("{a} {b}"));
        }
        let mut closed = WordSet::default();
        for c in &params.closed {
            let k = key(c.trim());
            if !is_plain(&k) {
                return Err(KindError::at(
                    "closed",
                    format!("`{c}` in `closed` must be one word of plain letters"),
                ));
            }
            closed.add(k);
        }
        let mut bound = WordSet::default();
        for c in &params.bound {
            let k = key(c.trim());
            if !is_plain(&k) {
                return Err(KindError::at(
                    "bound",
                    format!("`{c}` in `bound` must be one word of plain letters"),
                ));
            }
            bound.add(k);
        }
        Ok(Self {
            open_filter: tail_filter(open_joined.keys())?,
            closed_tails: closed
                .keys()
                .flat_map(|c| (1..c.len()).map(move |j| c[j..].to_owned()))
                .collect(),
            open_seconds: open_apart
                .keys()
                .filter_map(|p| p.split_once(' ').map(|(_, b)| b.to_owned()))
                .collect(),
            open_apart,
            bound,
            hyphen_except: params.hyphen_except.iter().map(|s| key(s)).collect(),
            open_len: len_range(open_joined.keys()),
            closed_len: len_range(closed.keys()),
            open_joined,
            closed,
        })
    }
}

/// Words a bound form is never joined to (`anti terhadap`, `pro dan kontra`).
const FUNCTION_WORDS: &[&str] = &[
    "dan", "atau", "terhadap", "dengan", "pada", "yang", "di", "ke", "dari", "untuk", "dalam",
    "oleh", "akan", "itu", "ini", "tersebut", "sebagai", "juga", "pun", "saja", "tahun", "masa",
];

/// `pada hal tersebut`: a demonstrative after the pair makes the second word a noun.
fn before_demonstrative(doc: &Document<'_>, y: usize) -> bool {
    doc.tokens
        .get(y + 1)
        .is_some_and(|t| t.is_word() && matches!(doc.key(y + 1), "ini" | "itu" | "tersebut"))
}

/// Lower-case ASCII letters only: the affix analysis works on bytes.
fn is_plain(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase())
}

/// A word of ASCII letters (any case): the only tokens analysed, so that byte offsets in
/// the lower-cased key match the original.
fn is_letters(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic())
}

impl Compound {
    /// An open compound written joined: where to insert the space, or `None` (also when
    /// the word is correctly joined because it has a prefix and a suffix).
    fn open_split(&self, word: &str) -> Option<usize> {
        if word.len() < self.open_len.0
            || word.len() > self.open_len.1 + MAX_AFFIX_BYTES
            || !self.open_filter.is_match(word)
        {
            return None;
        }
        let mut split = None;
        // Stops at the first reading that rules a split out.
        let ruled_out = any_prefix_split(word, MIN_ROOT, |prefix_len, root| {
            any_suffix_split(root, MIN_ROOT, |ss| {
                let Some(&b_len) = self.open_joined.get(ss.stem) else {
                    return false;
                };
                if prefix_len > 0 && !ss.derivational.is_empty() {
                    // Prefix + suffix: joined is right (`dipertanggungjawabkan`).
                    return true;
                }
                let Some(at) = word.len().checked_sub(ss.len() + b_len) else {
                    return true;
                };
                if at > prefix_len && split.is_none() {
                    split = Some(at);
                }
                false
            })
        });
        if ruled_out { None } else { split }
    }

    /// Which pair checks the second word `y` allows, in one pass over its suffix readings:
    /// its stem ends a closed compound (for [`Self::closed_apart`]), or is the second word
    /// of an open one and carries a suffix (for [`Self::open_affixed_apart`]).
    fn second_word(&self, y: &str) -> (bool, bool) {
        let (mut closed, mut open) = (false, false);
        any_suffix_split(y, 1, |ss| {
            closed |= self.closed_tails.contains(ss.stem);
            open |= ss.stem.len() >= 2
                && !ss.derivational.is_empty()
                && self.open_seconds.contains(ss.stem);
            closed && open
        });
        (closed, open)
    }

    /// A closed compound written as `x y` (maybe affixed): true when joining is right.
    /// `buf` is scratch space. Only for a `y` that [`Self::second_word`] allows.
    fn closed_apart(&self, x: &str, y: &str, buf: &mut String) -> bool {
        let n = x.len() + y.len();
        if n < self.closed_len.0 || n > self.closed_len.1 + MAX_AFFIX_BYTES {
            return false;
        }
        buf.clear();
        buf.push_str(x);
        buf.push_str(y);
        let concat = buf.as_str();
        any_prefix_split(concat, MIN_ROOT, |prefix_len, root| {
            any_suffix_split(root, MIN_ROOT, |ss| {
                self.closed.contains(ss.stem)
                    && x.len() > prefix_len
                    && x.len() < concat.len() - ss.len()
            })
        })
    }

    /// An open compound with a prefix and a suffix written apart (`dipertanggung
    /// jawabkan`): true when joining is right. Only for a `y` that [`Self::second_word`]
    /// allows.
    fn open_affixed_apart(&self, x: &str, y: &str) -> bool {
        let n = x.len() + y.len();
        if n < self.open_len.0 || n > self.open_len.1 + MAX_AFFIX_BYTES {
            return false;
        }
        any_prefix_split(x, MIN_ROOT, |prefix_len, root| {
            prefix_len > 0
                && any_suffix_split(y, 2, |ss| {
                    !ss.derivational.is_empty()
                        && self.open_apart.contains(&format!("{root} {}", ss.stem))
                })
        })
    }

    /// `pasca panen` -> `pascapanen`, `non Indonesia` -> `non-Indonesia`.
    fn bound_apart(
        &self,
        x: &str,
        y: &str,
        (bk, yk): (&str, &str),
        y_kind: TokenKind,
        ctx: &Context<'_>,
        strict: bool,
    ) -> Option<String> {
        if !self.bound.contains(bk) || y.bytes().any(|b| b == b'-') {
            return None;
        }
        let first = y.chars().next()?;
        if first.is_uppercase() || (y_kind == TokenKind::Number && first.is_ascii_digit()) {
            if strict || self.hyphen_except.contains(bk) {
                return None;
            }
            return Some(format!("{x}-{y}"));
        }
        if y_kind != TokenKind::Word || !first.is_lowercase() || !is_letters(y) {
            return None;
        }
        // `anti terhadap`: the form is used as a word; `pasca aksi`: two equal letters
        // meet, where usage is unsettled.
        if FUNCTION_WORDS.contains(&yk) || yk.chars().next() == bk.chars().last() {
            return None;
        }
        let joined = format!("{bk}{y}");
        let ok = if strict || ctx.lexicon.knows(bk) {
            // A bound form that is also a word (`tuna`, `antar`): only a known compound.
            ctx.lexicon.knows(&joined)
        } else {
            ctx.lexicon.knows(y)
        };
        ok.then(|| format!("{x}{y}"))
    }

    /// `non-aktif` -> `nonaktif` (the hyphen is only for a capital or a digit).
    fn bound_hyphen(&self, word: &str, ctx: &Context<'_>) -> Option<String> {
        let (left, right) = word.split_once('-')?;
        // Most hyphenated words start with no bound form: known without a key string.
        if !with_key(left, |lk| self.bound.contains(lk)) {
            return None;
        }
        let lk = key(left);
        if right.contains('-') || !is_letters(right) {
            return None;
        }
        let rk = key(right);
        if !right.starts_with(|c: char| c.is_ascii_lowercase())
            // `serba-serbi`: a reduplication, not a bound form.
            || rk.get(..2) == lk.get(..2)
            // `anti-imigran`: the hyphen keeps two equal vowels apart.
            || rk.chars().next() == lk.chars().last()
        {
            return None;
        }
        let joined = format!("{lk}{}", key(right));
        let ok = if ctx.lexicon.knows(&lk) {
            ctx.lexicon.knows(&joined)
        } else {
            ctx.lexicon.knows(right)
        };
        ok.then(|| format!("{left}{right}"))
    }
}

impl Check for Compound {
    fn is_gated(&self) -> bool {
        true
    }

    /// The word itself: run together, a bound form, or hyphenated. The word before: this
    /// one may end a closed compound or an affixed open one written apart.
    fn gate(&self, key: &str, _ctx: &Context<'_>) -> Gate {
        let this = self.bound.contains(key) || key.contains('-') || self.open_split(key).is_some();
        let (may_close, may_open) = self.second_word(key);
        match (this, may_close || may_open) {
            (true, true) => Gate::THIS | Gate::PREV,
            (true, false) => Gate::THIS,
            (false, true) => Gate::PREV,
            (false, false) => Gate::NONE,
        }
    }

    fn check(&self, doc: &Document<'_>, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let toks = &doc.tokens;
        let mut buf = String::new();
        // Past the end of the last pair reported.
        let mut next = 0;
        for i in ctx.candidates(doc) {
            if i < next {
                continue;
            }
            let x = doc.token_text(i);
            // A capitalised word inside a sentence is a name (`Stadion Jatidiri`,
            // `Kementerian Pemuda dan Olah Raga`): written as its owner writes it.
            let name = |k: usize| {
                matches!(doc.case(k), Case::Title | Case::Mixed) && !doc.is_sentence_initial(k)
            };
            // Two words on one line: closed, affixed-open and bound forms written apart.
            if i + 1 < toks.len() && doc.spaced_from_previous(i + 1) {
                let y = doc.token_text(i + 1);
                let y_kind = toks[i + 1].kind;
                let span = Span::new(toks[i].span.start, toks[i + 1].span.end);
                let mut found: Option<(String, &str)> = None;
                if y_kind == TokenKind::Word
                    && doc.is_ascii_letters(i)
                    && doc.is_ascii_letters(i + 1)
                    && !name(i)
                    && !name(i + 1)
                {
                    let (xk, yk) = (doc.key(i), doc.key(i + 1));
                    let (may_close, may_open) = self.second_word(yk);
                    if may_close
                        && self.closed_apart(xk, yk, &mut buf)
                        && !before_demonstrative(doc, i + 1)
                    {
                        found = Some((format!("{x}{y}"), HELP_CLOSED));
                    } else if may_open && self.open_affixed_apart(xk, yk) {
                        found = Some((format!("{x}{y}"), HELP_AFFIXED));
                    }
                }
                // A capitalised bound form inside a sentence starts a name (`Tri
                // Yanto`, `Trans Jawa`, `Multi Prima`); at a sentence start only a
                // compound the dictionary knows is joined.
                let x_case = doc.case(i);
                let initial = x_case == Case::Title && doc.is_sentence_initial(i);
                if found.is_none() && doc.is_ascii_letters(i) && (x_case == Case::Lower || initial)
                {
                    found = self
                        .bound_apart(x, y, (doc.key(i), doc.key(i + 1)), y_kind, ctx, initial)
                        .map(|e| (e, HELP_BOUND));
                }
                if let Some((expected, help)) = found {
                    let d = out.replace(span, span.text(doc.text), &expected);
                    d.help = Some(help.to_owned());
                    next = i + 2;
                    continue;
                }
            }
            if doc.is_ascii_letters(i) {
                let split = self.open_split(doc.key(i));
                // `KerjaSama`: a capital at the seam shows two words run together, even
                // inside a name.
                let camel = split.is_some_and(|at| {
                    doc.case(i) == Case::Mixed
                        && x[at..].starts_with(|c: char| c.is_ascii_uppercase())
                });
                if let Some(at) = split.filter(|_| !name(i) || camel) {
                    let expected = format!("{} {}", &x[..at], &x[at..]);
                    let d = out.report(toks[i].span, &[("actual", x), ("expected", &expected)]);
                    d.fixes.push(Fix::new(toks[i].span, expected.clone()));
                    d.help = Some(HELP_OPEN.to_owned());
                }
            } else if let Some(expected) = self.bound_hyphen(x, ctx) {
                let d = out.replace(toks[i].span, x, &expected);
                d.help = Some(HELP_BOUND.to_owned());
            }
        }
    }
}

const HELP_OPEN: &str = "Gabungan kata ditulis terpisah, juga bila hanya diberi awalan atau akhiran (EYD V, Gabungan Kata).";
const HELP_AFFIXED: &str = "Gabungan kata yang sekaligus mendapat awalan dan akhiran ditulis serangkai (EYD V, Gabungan Kata).";
const HELP_CLOSED: &str =
    "Gabungan kata ini sudah padu dan ditulis serangkai (EYD V, Gabungan Kata).";
const HELP_BOUND: &str = "Bentuk terikat ditulis serangkai dengan kata yang mengikutinya; sebelum huruf kapital atau angka diberi tanda hubung (EYD V, Bentuk Terikat).";

#[cfg(test)]
mod tests {
    use crate::rules::kinds::testing::{fixed, linter, run};

    const PARAMS: &str = r#"open = ["kerja sama", "terima kasih", "tanggung jawab", "sebar luas", "ibu kota", "jati diri"]
closed = ["olahraga", "padahal"]
bound = ["pasca", "non", "antar", "tuna", "maha", "anti", "serba", "tri"]
hyphen-except = ["maha"]
"#;

    #[test]
    fn flags_open_compounds_written_joined() {
        let l = linter("compound", PARAMS);
        assert_eq!(
            fixed(&l, "Rusia berterimakasih dan siap bekerjasama."),
            "Rusia berterima kasih dan siap bekerja sama."
        );
        assert_eq!(fixed(&l, "Kerjasama itu baik."), "Kerja sama itu baik.");
        assert_eq!(
            fixed(&l, "Itu tanggungjawabnya di ibukota."),
            "Itu tanggung jawabnya di ibu kota."
        );
        assert_eq!(fixed(&l, "KERJASAMA"), "KERJA SAMA");
        assert_eq!(
            fixed(&l, "Biro Umum dan KerjaSama Internasional."),
            "Biro Umum dan Kerja Sama Internasional."
        );
    }

    #[test]
    fn allows_open_compounds_with_prefix_and_suffix_joined() {
        let l = linter("compound", PARAMS);
        assert!(
            run(
                &l,
                "Ia harus mempertanggungjawabkan dana itu yang lalu dipertanggungjawabkan dan disebarluaskan."
            )
            .is_empty()
        );
        assert!(
            run(
                &l,
                "Kami berterima kasih atas kerja sama dan tanggung jawabnya."
            )
            .is_empty()
        );
    }

    #[test]
    fn flags_prefix_and_suffix_compounds_written_apart() {
        let l = linter("compound", PARAMS);
        assert_eq!(
            fixed(&l, "Dana itu dipertanggung jawabkan dan disebar luaskan."),
            "Dana itu dipertanggungjawabkan dan disebarluaskan."
        );
        assert_eq!(
            fixed(&l, "Pemerintah menyebar luaskan kabar."),
            "Pemerintah menyebarluaskan kabar."
        );
    }

    #[test]
    fn flags_closed_compounds_written_apart() {
        let l = linter("compound", PARAMS);
        assert_eq!(fixed(&l, "Ia gemar olah raga."), "Ia gemar olahraga.");
        assert_eq!(fixed(&l, "Ia rajin berolah raga."), "Ia rajin berolahraga.");
        assert!(run(&l, "Ia gemar olahraga dan berolahraga.").is_empty());
    }

    #[test]
    fn flags_bound_forms_written_apart() {
        let l = linter("compound", PARAMS);
        assert_eq!(
            fixed(&l, "Masa pasca panen dan pegawai non aktif."),
            "Masa pascapanen dan pegawai nonaktif."
        );
        assert_eq!(
            fixed(&l, "Produk non Indonesia dijual pasca 2020."),
            "Produk non-Indonesia dijual pasca-2020."
        );
        assert_eq!(fixed(&l, "Pegawai non-aktif."), "Pegawai nonaktif.");
    }

    #[test]
    fn allows_bound_forms_that_are_words_unless_the_compound_is_known() {
        let l = linter("compound", PARAMS);
        assert!(
            run(
                &l,
                "Ikan tuna segar dijual. Tuhan Yang Maha Esa. Ia antar barang. Produk non-Indonesia dan pascapanen. \
                 Kata Tri Yanto dan Non Tunai. Tuna dimasak. Obat anti-inflamasi dan serba-serbi. Berkaca pada hal tersebut. \
                 Ia anti terhadap kritik, pasca aksi itu. Laga di Stadion Jatidiri dan \
                 Kementerian Pemuda dan Olah Raga."
            )
            .is_empty()
        );
        assert_eq!(fixed(&l, "Para tuna netra hadir."), "Para tunanetra hadir.");
    }

    #[test]
    fn rejects_malformed_params() {
        use crate::engine::Linter;
        let bad = "[pack]\nname = \"x\"\n[[rule]]\nid = \"x\"\nkind = \"compound\"\nopen = [\"kerjasama\"]\n";
        let e = Linter::from_pack_texts(&[("x.toml", bad)]).unwrap_err();
        assert!(e.to_string().contains("two words"), "{e}");
        let empty = "[pack]\nname = \"x\"\n[[rule]]\nid = \"x\"\nkind = \"compound\"\n";
        assert!(Linter::from_pack_texts(&[("x.toml", empty)]).is_err());
    }
}
