//! `names`: one spelling per person, place and organisation: variants of a name the article
//! spells otherwise (`Puting` for `Putin`), names written in lower case (`kim`), known wrong
//! spellings from the name registry (`Kim Jong-un`), office titles before a name written in
//! lower case (`menteri luar negeri Choe Son Hui`), and one name written with and without
//! hyphens (`Choe Son Hui` / `Choe Son-hui`) in an article or across a folder.

mod cross;
mod index;
mod registry;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::{BuildEnv, Check, Context, Gate, KindError, Reporter, RuleKind};
use crate::diagnostic::{Fix, Label};
use crate::document::normalize::{Case, capitalize, case_of, key, with_key};
use crate::document::{Document, TokenKind};
use crate::hash::{HashMap, HashSet, WordMap, WordSet};
use crate::lexicon::DEFAULT_DIC;
use crate::span::Span;

pub use cross::{
    CROSS_RULE_ID, DocNames, Drifting, FolderNames, FolderScan, NameKeys, cross_document_names,
    name_keys,
};
pub(crate) use index::NameIndex;
use index::{is_capitalised_token, is_title_word};
use registry::{Registry, RegistryTables};

/// Which names check a rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Which {
    /// `nama.varian`: a rare spelling a small edit away from a name the article uses more.
    Variant,
    /// `nama.kapital`: a lower-case word the article otherwise writes as a name.
    LowerCase,
    /// `nama.registri`: a known wrong spelling from the registry.
    Registry,
    /// `nama.jabatan`: an office title before a name written in lower case.
    Title,
    /// `nama.lintas`: a name written with and without hyphens or spaces.
    Hyphenation,
}

/// ## What it does
/// Keeps names consistent. One rule runs one check, chosen by `check`:
/// - `variant`: a capitalised word used once or twice that is a small edit (insert, delete,
///   substitute, transpose: one for names of 4 to 8 letters, two from 9 letters) from a
///   name the article writes at least twice as often (`Puting` -> `Putin`). Quiet for
///   registered names (`Iran`/`Irak`), names whose neighbouring name parts differ (`Hasan
///   Basri` vs `Hassan Rouhani`), a different first letter (`Kapolres`/`Mapolres`), added
///   endings (`Banks`, `Indonesian`, `Kakorlantas`), vowel swaps in short names (`Jung`/
///   `Jang`) unless between the very same name parts (`Choe Sun Hui` for `Choe Son Hui`),
///   names that are dictionary words (`Bank`, `Layang`), day and month names, and a word
///   right next to a bracket (`(Kajari)`, an abbreviation being introduced). A variant that
///   is itself a dictionary word (`puting`) must stand alone, as must the name.
/// - `lower-case`: a lower-case word the article writes as a name at least twice and in
///   lower case at most twice and less often (`kim` -> `Kim`). A dictionary word (`bunga`,
///   `warta`, `minggu`) needs strong evidence: a bare Hunspell root (no derivations) that
///   is part of a registered person's name, or that stands next to the rest of a name the
///   article writes twice. Another word needs the name to be a registered person or place,
///   to stand next to the rest of the name, or to follow a speech verb, an honorific or a
///   place word somewhere (`kata Yusuf`, `Kota Medan`); generic acronyms (`perpres`,
///   `polda`) stay quiet. Day and month names are left to the dates rules.
/// - `registry`: a wrong spelling listed in the registry (`Kim Jong-un` -> `Kim Jong Un`).
/// - `title`: an office title (`titles`) with a lower-case word in it directly before a
///   person's name (`presiden Joko Widodo` -> `Presiden`); quiet after words in `generic`
///   (`seorang menteri`, `mantan`) or a number, and before place or organisation names alone
///   (`presiden Rusia`).
/// - `hyphenation`: one name written in two ways that differ only in hyphens and spaces
///   (`Choe Son Hui` / `Choe Son-hui`); the less used form is reported, with a fix when
///   one form is clearly more used. Across a folder, see [`cross_document_names`].
///
/// ## Parameters
/// - `check`: `variant`, `lower-case`, `registry`, `title` or `hyphenation`.
/// - `registry` (default `true`): use the embedded registry (`rules/nama/registri.toml`).
/// - `orang`, `tempat`, `lembaga`: extra registry tables, `"Canonical" = ["wrong", ...]`.
/// - `titles`: office titles in lower case (`"menteri luar negeri"`); the longest match wins.
/// - `generic`: words that make a following title generic (`seorang`, `para`).
///
/// The project config adds names: `[names] canonical` (canonical -> wrong spellings) and
/// `[names] accept` (spellings never reported).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    check: Which,
    #[serde(default = "yes")]
    registry: bool,
    #[serde(default)]
    orang: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    tempat: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    lembaga: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    generic: Vec<String>,
}

fn yes() -> bool {
    true
}

/// The compiled `names` kind.
#[derive(Debug)]
pub struct Names {
    which: Which,
    registry: Registry,
    /// Title phrases as lower-case token lists, longest first.
    titles: Vec<Vec<String>>,
    /// Indices into `titles` by their first word, longest first.
    title_starts: WordMap<Vec<usize>>,
    generic: WordSet,
}

impl RuleKind for Names {
    const NAME: &'static str = "names";
    type Params = Params;

    fn build(params: Params, _env: &BuildEnv<'_>) -> Result<Self, KindError> {
        let own = RegistryTables {
            orang: params.orang,
            tempat: params.tempat,
            lembaga: params.lembaga,
        };
        let registry = registry::build(params.registry, &own).map_err(|m| {
            let key = if own.orang.is_empty() && own.tempat.is_empty() {
                "lembaga"
            } else if own.orang.is_empty() {
                "tempat"
            } else {
                "orang"
            };
            KindError::at(key, m)
        })?;
        let mut titles: Vec<Vec<String>> = params
            .titles
            .iter()
            .map(|t| registry::name_tokens(t))
            .filter(|t| !t.is_empty())
            .collect();
        titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
        if params.check == Which::Title && titles.is_empty() {
            return Err(KindError::at(
                "titles",
                "`check = \"title\"` needs a non-empty `titles` list",
            ));
        }
        let mut title_starts: WordMap<Vec<usize>> = WordMap::default();
        for (n, t) in titles.iter().enumerate() {
            title_starts.entry_or_default(t[0].clone()).push(n);
        }
        Ok(Self {
            which: params.check,
            registry,
            titles,
            title_starts,
            generic: params.generic.iter().map(|g| key(g)).collect(),
        })
    }
}

impl Check for Names {
    /// The registry and title checks start only at words that start a registered name or
    /// a title.
    fn is_gated(&self) -> bool {
        matches!(self.which, Which::Registry | Which::Title)
    }

    fn gate(&self, key: &str, ctx: &Context<'_>) -> Gate {
        let hit = match self.which {
            // Names from the project config are few: they let every word through.
            Which::Registry => {
                !ctx.config.names.canonical.is_empty()
                    || !self.registry.variants_from(key).is_empty()
            }
            Which::Title => self.title_starts.contains_key(key),
            _ => true,
        };
        if hit { Gate::THIS } else { Gate::NONE }
    }

    fn check(&self, doc: &Document<'_>, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let accepted: HashSet<String> = ctx.config.names.accept.iter().map(|a| key(a)).collect();
        match self.which {
            Which::Variant => {
                let idx = doc.memo(NameIndex::new);
                self.check_variants(doc, &idx, ctx, &accepted, out);
            }
            Which::LowerCase => {
                let idx = doc.memo(NameIndex::new);
                self.check_lower_case(doc, &idx, ctx, &accepted, out);
            }
            Which::Registry => self.check_registry(doc, ctx, &accepted, out),
            Which::Title => self.check_titles(doc, ctx, out),
            Which::Hyphenation => {
                let idx = doc.memo(NameIndex::new);
                cross::check_document(doc, &idx, &accepted, out);
            }
        }
    }
}

/// Day and month names: the dates rules own their capitals.
const CALENDAR: &[&str] = &[
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    "minggu",
    "ahad",
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
];

/// Dictionary roots listed without affix flags in the embedded Hunspell word list: words
/// with no derivations, mostly rare words and names (`kim`, `jung`, `hasan`).
static BARE_ROOTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    DEFAULT_DIC
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.contains('/'))
        .collect()
});

/// A spelling the article uses as a name at least twice, which a rarer spelling may be a
/// slip for.
struct Canonical<'d> {
    name: &'d str,
    count: usize,
    key: &'d str,
    /// Length of the key in characters.
    len: usize,
    first: Option<char>,
}

impl<'d> Canonical<'d> {
    /// The spelling of token `tok` of `doc`, written `count` times.
    fn new(doc: &'d Document<'_>, tok: usize, count: usize) -> Self {
        let name = doc.token_text(tok);
        let (len, first) = key_len_and_first(name);
        Self {
            name,
            count,
            key: doc.key(tok),
            len,
            first,
        }
    }
}

/// The length in characters and the first character of `key(w)`, without building the key
/// for an ASCII word.
fn key_len_and_first(w: &str) -> (usize, Option<char>) {
    if w.is_ascii() {
        return (
            w.len(),
            w.bytes().next().map(|b| char::from(b.to_ascii_lowercase())),
        );
    }
    let k = key(w);
    (k.chars().count(), k.chars().next())
}

/// The largest edit distance at which a spelling counts as a variant of a name of `len`
/// letters.
fn max_distance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=8 => 1,
        9..=20 => 2,
        _ => 0,
    }
}

/// Endings that make a related word rather than a slip: English plural and demonym
/// (`Banks`, `Indonesian`), `-i`/`-a`/`-o` forms (`Maliki`, `Argentino`), `-er` (`YouTuber`).
const RELATED_ENDINGS: &[char] = &['s', 'n', 'r', 'i', 'a', 'o', 'e', 'y'];

/// Words right before a person's name: speech verbs and honorifics (`kata Purbaya`,
/// `Pak Budi`).
const PERSON_BEFORE: &[&str] = &[
    "kata", "ujar", "ucap", "tutur", "jelas", "ungkap", "imbuh", "tambah", "terang", "tegas",
    "menurut", "pak", "bu", "bapak", "ibu", "sdr", "saudara", "mr", "mrs", "ms",
];

/// Verbs right after a person's name (`Purbaya mengatakan`).
const PERSON_AFTER: &[&str] = &[
    "mengatakan",
    "menyatakan",
    "menjelaskan",
    "menuturkan",
    "menambahkan",
    "menilai",
    "mengungkapkan",
    "menegaskan",
    "berkata",
    "menyebutkan",
    "mengaku",
    "menerangkan",
];

/// Words right before a place's name (`Kota Medan`, `Bandara Kualanamu`).
const PLACE_BEFORE: &[&str] = &[
    "kota",
    "kabupaten",
    "provinsi",
    "desa",
    "kelurahan",
    "kecamatan",
    "kampung",
    "pulau",
    "gunung",
    "sungai",
    "danau",
    "teluk",
    "selat",
    "bandara",
    "pelabuhan",
    "stasiun",
];

/// True when word token `t` stands where a person's or a place's name stands: after a
/// speech verb, an honorific or a place word, or before a speech verb.
fn is_person_or_place(doc: &Document<'_>, t: usize) -> bool {
    let word_at =
        |j: usize| (doc.tokens[j].kind == TokenKind::Word).then(|| key(doc.token_text(j)));
    let before = t
        .checked_sub(1)
        .filter(|_| doc.spaced_from_previous(t))
        .and_then(word_at)
        .is_some_and(|w| PERSON_BEFORE.contains(&w.as_str()) || PLACE_BEFORE.contains(&w.as_str()));
    let after = (t + 1 < doc.tokens.len() && doc.spaced_from_previous(t + 1))
        .then(|| word_at(t + 1))
        .flatten()
        .is_some_and(|w| PERSON_AFTER.contains(&w.as_str()));
    before || after
}

/// True when the token right before or after token `i` is a bracket: `(Kajari)`,
/// `Berangas (Barangas)`: an abbreviation or another name being introduced.
fn next_to_bracket(doc: &Document<'_>, i: usize) -> bool {
    let is_bracket = |t: usize| {
        doc.tokens[t].kind == TokenKind::Punct && matches!(doc.token_text(t), "(" | ")" | "[" | "]")
    };
    (i > 0 && is_bracket(i - 1)) || (i + 1 < doc.tokens.len() && is_bracket(i + 1))
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

impl Names {
    fn check_variants(
        &self,
        doc: &Document<'_>,
        idx: &NameIndex,
        ctx: &Context<'_>,
        accepted: &HashSet<String>,
        out: &mut Reporter<'_>,
    ) {
        // Canonical candidates: title-case spellings attested as names at least twice.
        let mut canon: Vec<Canonical<'_>> = idx
            .stats
            .iter()
            .filter_map(|st| {
                let n = st.count();
                // The count first: most spellings are used once.
                (n >= 2 && st.is_title(doc)).then(|| Canonical::new(doc, st.first, n))
            })
            .collect();
        if canon.is_empty() {
            return;
        }
        // Grouped by first letter (a stable sort: in order of first use within a group),
        // so that each spelling looks only at the candidates with its own first letter.
        canon.sort_by_key(|c| c.first);
        for vs in &idx.stats {
            let v = doc.token_text(vs.first);
            if !vs.is_title(doc) || vs.len() > 2 || v.contains(['\'', '’']) {
                continue;
            }
            let (vlen, vfirst) = key_len_and_first(v);
            // The candidates within reach: more frequent, at most two letters longer or
            // shorter (`max_distance` allows two edits at most) and with the same first
            // letter (`could_be_slip` wants it). Most spellings have none, and are passed
            // over before the key, the registry and dictionary look-ups.
            let reach = |c: &&Canonical<'_>| {
                c.name != v
                    && c.count >= 2 * vs.len()
                    && c.len.abs_diff(vlen) <= 2
                    && c.first == vfirst
            };
            if !(3..=20).contains(&vlen) {
                continue;
            }
            let from = canon.partition_point(|c| c.first < vfirst);
            let same_first =
                &canon[from..from + canon[from..].partition_point(|c| c.first == vfirst)];
            if !same_first.iter().any(|c| reach(&c)) {
                continue;
            }
            let near: Vec<&Canonical<'_>> = same_first.iter().filter(reach).collect();
            let vkey = doc.key(vs.first);
            if accepted.contains(vkey)
                || CALENDAR.contains(&vkey)
                || self.registry.is_part(v)
                || self
                    .registry
                    .variants_from(vkey)
                    .iter()
                    .any(|x| x.tokens.len() == 1)
            {
                continue;
            }
            let v_is_word = ctx.lexicon.knows(vkey);
            let occs: Vec<usize> = idx
                .occs_of(vs)
                .iter()
                .copied()
                .filter(|&k| {
                    let o = idx.occs[k];
                    !o.headline && (!o.initial || !v_is_word) && !next_to_bracket(doc, o.tok)
                })
                .collect();
            if occs.is_empty() {
                continue;
            }
            let mut best: Vec<(&str, usize, usize)> = Vec::new();
            for cand in near {
                let (c, n, ckey, clen) = (cand.name, cand.count, cand.key, cand.len);
                if ckey == vkey || !self.could_be_slip(vkey, ckey) {
                    continue;
                }
                let d = strsim::osa_distance(vkey, ckey);
                let short = clen.min(vlen) == 3;
                if short {
                    if d != 1 {
                        continue;
                    }
                } else if d == 0 || d > max_distance(clen.min(vlen)) {
                    continue;
                }
                // The name is an ordinary word (`Jalan Layang`, `Bank`): not a person's
                // name to misspell. And an ordinary-word variant needs a name that stands
                // alone somewhere too.
                if CALENDAR.contains(&ckey) || ctx.lexicon.knows(ckey) {
                    continue;
                }
                // Between the very same other name parts (`Choe Sun Hui` for `Choe Son
                // Hui`) the variant is the name whatever it looks like.
                let same_parts = occs
                    .iter()
                    .all(|&k| self.fits_context(doc, idx, k, c, true));
                // An ordinary word (`Puting` is also `puting`) is otherwise a slip for a name
                // only where both stand alone, not inside longer names (`Liga Champions`).
                if v_is_word
                    && !same_parts
                    && (!occs.iter().all(|&k| self.stands_alone(doc, idx, k))
                        || !idx
                            .occs_of(idx.used(c))
                            .iter()
                            .any(|&ck| self.stands_alone(doc, idx, ck)))
                {
                    continue;
                }
                // A short name or a vowel swap (`Jung`/`Jang`) is a slip only between the
                // same other name parts.
                let strict = short || Self::is_vowel_swap(vkey, ckey);
                if !same_parts
                    && (strict
                        || !occs
                            .iter()
                            .all(|&k| self.fits_context(doc, idx, k, c, false)))
                {
                    continue;
                }
                best.push((c, n, d));
            }
            // One clear candidate: the most frequent, then the closest.
            best.sort_by_key(|&(_, n, d)| (std::cmp::Reverse(n), d));
            let Some(&(c, n, d)) = best.first() else {
                continue;
            };
            if best.get(1).is_some_and(|&(_, n2, d2)| n2 == n && d2 == d) {
                continue;
            }
            let first_c = idx
                .occs_of(idx.used(c))
                .iter()
                .map(|&k| doc.tokens[idx.occs[k].tok].span)
                .next();
            for &k in &occs {
                let span = doc.tokens[idx.occs[k].tok].span;
                let count = n.to_string();
                let d = out.report(span, &[("actual", v), ("expected", c), ("count", &count)]);
                d.fixes.push(Fix::new(span, c));
                if let Some(s) = first_c {
                    d.labels.push(Label {
                        span: s,
                        message: format!("di sini ditulis `{c}`"),
                    });
                }
            }
        }
    }

    /// True when occurrence `k` of a variant can be the name `c`: no neighbouring name part
    /// contradicts the ones `c` has in the article. With `strict`, the neighbours must be
    /// the very ones of some occurrence of `c`.
    fn fits_context(
        &self,
        doc: &Document<'_>,
        idx: &NameIndex,
        k: usize,
        c: &str,
        strict: bool,
    ) -> bool {
        let (vl, vr) = idx.neighbours(k);
        let text = |t: Option<usize>| t.map(|t| doc.token_text(t));
        let (vl, vr) = (text(vl), text(vr));
        let c_occs = idx.occs_of(idx.used(c));
        let c_nb: Vec<(Option<&str>, Option<&str>)> = c_occs
            .iter()
            .map(|&ck| {
                let (l, r) = idx.neighbours(ck);
                (text(l), text(r))
            })
            .collect();
        // The variant inside a run that also holds the name is another part of that name.
        if idx
            .run_toks(idx.occs[k].run)
            .iter()
            .any(|&t| doc.token_text(t) == c)
        {
            return false;
        }
        if strict {
            return (vl.is_some() || vr.is_some()) && c_nb.iter().any(|&(l, r)| l == vl && r == vr);
        }
        let significant = |w: &str| self.is_significant(idx, w);
        let side_ok = |mine: Option<&str>, theirs: Vec<Option<&str>>| match mine {
            Some(m) if significant(m) => {
                let seen: Vec<&str> = theirs
                    .into_iter()
                    .flatten()
                    .filter(|w| significant(w))
                    .collect();
                seen.is_empty() || seen.contains(&m)
            }
            _ => true,
        };
        side_ok(vl, c_nb.iter().map(|p| p.0).collect())
            && side_ok(vr, c_nb.iter().map(|p| p.1).collect())
    }

    /// True when `v` (a rare spelling) could be a slip for the name `c`, judged by the shape
    /// of the difference alone (both lower case):
    /// - the first letter differs: a different word (`Kapolres`/`Mapolres`, `Itjen`/`Ditjen`);
    /// - the variant adds an ending to the name (`Banks`, `Indonesiana`, `YouTuber`), except
    ///   a doubled last letter (`Swisss`), or two or more letters before it (`Kakorlantas`);
    /// - the name is the variant plus `-s` (`King`/`Kings`), or the two differ by two edits
    ///   in the last three letters (`Resilience`/`Resilient`).
    fn could_be_slip(&self, v: &str, c: &str) -> bool {
        let (vc, cc): (Vec<char>, Vec<char>) = (v.chars().collect(), c.chars().collect());
        if vc.first() != cc.first() {
            return false;
        }
        // Only a longer variant is a related form; a shorter one has dropped a letter.
        if vc.len() > cc.len() && vc[..cc.len()] == cc[..] {
            let extra = &vc[cc.len()..];
            let doubled = extra.len() == 1 && cc.last() == Some(&extra[0]);
            if extra.len() >= 2 || (!doubled && RELATED_ENDINGS.contains(&extra[0])) {
                return false;
            }
        }
        // The name is the variant plus a plural `-s` (`King`/`Kings`).
        if cc.len() == vc.len() + 1 && cc[..vc.len()] == vc[..] && cc.last() == Some(&'s') {
            return false;
        }
        // Two edits within the last three letters are another ending, not a slip
        // (`Resilience`/`Resilient`, `Politics`/`Political`).
        let common = vc.iter().zip(&cc).take_while(|(a, b)| a == b).count();
        if common + 3 >= vc.len().max(cc.len()) && strsim::osa_distance(v, c) >= 2 {
            return false;
        }
        // A longer word ending in the whole name is a derived name (`Kakorlantas`,
        // `Mapolresta`).
        if vc.len() >= cc.len() + 2 && vc[vc.len() - cc.len()..] == cc[..] {
            return false;
        }
        true
    }

    /// True when `v` and `c` differ only in vowels swapped in place and the swap may well
    /// be another name (`Jung`/`Jang`, `Homoptera`/`Hemiptera`): a short name, or two
    /// vowels or more.
    fn is_vowel_swap(v: &str, c: &str) -> bool {
        let (vc, cc): (Vec<char>, Vec<char>) = (v.chars().collect(), c.chars().collect());
        if vc.len() != cc.len() {
            return false;
        }
        let diffs: Vec<usize> = (0..vc.len()).filter(|&i| vc[i] != cc[i]).collect();
        let all_vowels =
            !diffs.is_empty() && diffs.iter().all(|&i| is_vowel(vc[i]) && is_vowel(cc[i]));
        all_vowels && (diffs.len() >= 2 || vc.len() <= 5)
    }

    /// True when occurrence `k` is not part of a longer name: its neighbours in the run
    /// are only sentence-initial words, titles, places or nothing.
    fn stands_alone(&self, doc: &Document<'_>, idx: &NameIndex, k: usize) -> bool {
        let (l, r) = idx.neighbours(k);
        [l, r].into_iter().flatten().all(|t| {
            let w = doc.token_text(t);
            !self.is_significant(idx, w)
        })
    }

    /// A neighbour that tells names apart: not a place or organisation (`Presiden Rusia
    /// X`), not an office title, not a sentence-initial word never written as a name
    /// elsewhere (`Kata Puting`).
    fn is_significant(&self, idx: &NameIndex, w: &str) -> bool {
        let place = self.registry.is_place_or_org_part(w);
        let title = is_title_word(w) && self.is_ordinary_capital(w);
        !place && !title && idx.form(w).is_some_and(|f| f.count() > 0)
    }

    /// A capitalised word that is an office title or other ordinary word (`Presiden`).
    fn is_ordinary_capital(&self, w: &str) -> bool {
        with_key(w, |k| {
            self.titles.iter().any(|t| t.len() == 1 && t[0] == k) || TITLE_WORDS.contains(&k)
        })
    }

    fn check_lower_case(
        &self,
        doc: &Document<'_>,
        idx: &NameIndex,
        ctx: &Context<'_>,
        accepted: &HashSet<String>,
        out: &mut Reporter<'_>,
    ) {
        // Names written as names at least twice, by their lower-case form.
        let mut names: WordSet = WordSet::default();
        for st in idx.stats.iter().filter(|st| st.count() >= 2) {
            if st.is_title(doc) {
                names.add(doc.token_text(st.first).to_lowercase());
            }
        }
        if names.is_empty() {
            return;
        }
        let mut lower_counts: HashMap<&str, usize> = HashMap::default();
        // Only a word with no capital can equal a lower-cased name: the case shape is known,
        // the hash look-up is not.
        let candidates: Vec<usize> = doc
            .words()
            .filter(|&i| doc.case(i) == Case::Lower && names.contains(doc.token_text(i)))
            .collect();
        for &i in &candidates {
            *lower_counts.entry(doc.token_text(i)).or_default() += 1;
        }
        for i in candidates {
            let w = doc.token_text(i);
            // Lower case already: the candidates are.
            if w.chars().count() < 3
                || !w.chars().all(char::is_alphabetic)
                || CALENDAR.contains(&w)
                || accepted.contains(w)
            {
                continue;
            }
            let cap = capitalize(w);
            let Some(stats) = idx.form(&cap) else {
                continue;
            };
            // The name must be the article's usual form: written as a name at least twice,
            // and in lower case rarely (`inflasi` eight times is a word, not a slip).
            let lower = lower_counts.get(w).copied().unwrap_or(0);
            if stats.evidence == 0 || stats.count() < 2 || lower > 2 || lower >= stats.count() {
                continue;
            }
            let evidence = if ctx.lexicon.knows(w) {
                // A dictionary word: only a bare root (no derivations in the dictionary, so
                // seldom the ordinary word) with strong evidence for the name.
                BARE_ROOTS.contains(w)
                    && (self.next_to_name_parts(doc, idx, i, &cap)
                        || (self.registry.is_person_part(&cap) && stats.evidence >= 2))
            } else {
                // Not a dictionary word: generic acronyms (`perpres`, `polda`, `bansos`) and
                // English words are written in lower case too, so the capitalised form must
                // be known as a person's or a place's name: registered (organisations are
                // left out: `polda`, `pemda` are common nouns too), next to the rest of the
                // name here, or used as a person's or a place's name elsewhere.
                self.registry.is_person_or_place_part(&cap)
                    || self.next_to_name_parts(doc, idx, i, &cap)
                    || idx
                        .occs_of(stats)
                        .iter()
                        .any(|&k| is_person_or_place(doc, idx.occs[k].tok))
            };
            if !evidence {
                continue;
            }
            let span = doc.tokens[i].span;
            let count = stats.count().to_string();
            let d = out.report(
                span,
                &[("actual", w), ("expected", &cap), ("count", &count)],
            );
            d.fixes.push(Fix::new(span, cap.clone()));
        }
    }

    /// True when lower-case token `i`, capitalised as `cap`, stands next to a capitalised
    /// word it forms a name with at least twice elsewhere in the article (`kim Jong Un`
    /// after `Kim Jong Un`).
    fn next_to_name_parts(&self, doc: &Document<'_>, idx: &NameIndex, i: usize, cap: &str) -> bool {
        // The pair must be written as a name at least twice: once could be a title-case
        // phrase (`Slamet Trail Run`), twice is the article's usual spelling.
        let pairs_with = |other: usize, cap_first: bool| {
            let o = doc.token_text(other);
            let seen: usize = (0..idx.runs.len())
                .map(|r| {
                    idx.run_toks(r)
                        .windows(2)
                        .filter(|w| {
                            let (a, b) = (doc.token_text(w[0]), doc.token_text(w[1]));
                            if cap_first {
                                a == cap && b == o
                            } else {
                                a == o && b == cap
                            }
                        })
                        .count()
                })
                .sum();
            seen >= 2
        };
        let next = i + 1;
        let right = next < doc.tokens.len()
            && doc.tokens[next].kind == TokenKind::Word
            && is_capitalised_token(doc, next)
            && doc.spaced_from_previous(next)
            && pairs_with(next, true);
        let left = i > 0
            && doc.tokens[i - 1].kind == TokenKind::Word
            && is_capitalised_token(doc, i - 1)
            && doc.spaced_from_previous(i)
            && pairs_with(i - 1, false);
        right || left
    }

    fn check_registry(
        &self,
        doc: &Document<'_>,
        ctx: &Context<'_>,
        accepted: &HashSet<String>,
        out: &mut Reporter<'_>,
    ) {
        let mut extra = Registry::default();
        // A config entry that cannot be added (a variant naming itself) is ignored here; the
        // rest of the config still applies.
        let _ = extra.add_config(&ctx.config.names);
        // Past the end of the last name reported.
        let mut next = 0;
        for i in ctx.candidates(doc) {
            if i < next || doc.case(i) == Case::Lower || !is_capitalised_token(doc, i) {
                continue;
            }
            let first = doc.key(i);
            let mut found: Option<(usize, &str)> = None;
            for v in extra
                .variants_from(first)
                .iter()
                .chain(self.registry.variants_from(first))
            {
                if let Some(end) = match_tokens(doc, i, &v.tokens) {
                    if found.is_none_or(|(e, _)| end > e) {
                        found = Some((end, v.canonical.as_str()));
                    }
                }
            }
            let Some((end, canonical)) = found else {
                continue;
            };
            next = end;
            let span = Span::new(doc.tokens[i].span.start, doc.tokens[end - 1].span.end);
            let actual = span.text(doc.text);
            if accepted.contains(&key(actual)) {
                continue;
            }
            let expected = if case_of(actual) == Case::Upper {
                canonical.to_uppercase()
            } else {
                canonical.to_owned()
            };
            out.replace(span, actual, &expected);
        }
    }

    fn check_titles(&self, doc: &Document<'_>, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        // Past the end of the last title read.
        let mut next = 0;
        for i in ctx.candidates(doc) {
            if i < next {
                continue;
            }
            let Some(end) = self.title_starts.get(doc.key(i)).and_then(|ts| {
                ts.iter()
                    .find_map(|&t| match_tokens(doc, i, &self.titles[t]))
            }) else {
                continue;
            };
            next = end;
            let lower: Vec<usize> = (i..end)
                .filter(|&t| {
                    doc.token_text(t)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
                })
                .collect();
            if lower.is_empty() || self.is_generic(doc, i) || !self.person_follows(doc, end) {
                continue;
            }
            let (a, b) = (lower[0], lower[lower.len() - 1]);
            let span = Span::new(doc.tokens[a].span.start, doc.tokens[b].span.end);
            let mut fixed = String::new();
            for t in a..=b {
                if t > a {
                    fixed.push_str(doc.gap(t - 1, t));
                }
                fixed.push_str(&capitalize(doc.token_text(t)));
            }
            let title: String = (i..end)
                .map(|t| capitalize(doc.token_text(t)))
                .collect::<Vec<_>>()
                .join(" ");
            let d = out.report(
                span,
                &[
                    ("actual", span.text(doc.text)),
                    ("expected", &fixed),
                    ("title", &title),
                ],
            );
            d.fixes.push(Fix::new(span, fixed));
        }
    }

    /// True when the word before the title makes it generic (`seorang menteri`) or the
    /// title continues a capitalised name (`Kantor Staf Presiden`).
    fn is_generic(&self, doc: &Document<'_>, i: usize) -> bool {
        if i == 0 || doc.tokens[i - 1].kind != TokenKind::Word || !doc.spaced_from_previous(i) {
            return i > 0 && doc.tokens[i - 1].kind == TokenKind::Number;
        }
        let prev = doc.token_text(i - 1);
        with_key(prev, |k| self.generic.contains(k))
    }

    /// True when the title at `end` is followed (after one space) by capitalised words
    /// that hold something other than places and organisations: a person's name.
    fn person_follows(&self, doc: &Document<'_>, end: usize) -> bool {
        let mut j = end;
        let mut seen_person = false;
        while j < doc.tokens.len()
            && doc.tokens[j].kind == TokenKind::Word
            && j > 0
            && doc.spaced_from_previous(j)
        {
            let w = doc.token_text(j);
            if !is_capitalised_token(doc, j) {
                break;
            }
            if with_key(w, |k| CALENDAR.contains(&k)) {
                return false;
            }
            let acronym = doc.case(j) == Case::Upper;
            if !acronym && !self.registry.is_place_or_org_part(w) && !self.is_ordinary_capital(w) {
                seen_person = true;
            }
            j += 1;
        }
        seen_person
    }
}

/// Capitalised words inside official names that are not people (`Negeri`, `Dalam`).
const TITLE_WORDS: &[&str] = &[
    "presiden",
    "wakil",
    "menteri",
    "perdana",
    "gubernur",
    "bupati",
    "wali",
    "kota",
    "ketua",
    "umum",
    "kepala",
    "staf",
    "direktur",
    "utama",
    "jenderal",
    "sekretaris",
    "luar",
    "dalam",
    "negeri",
    "juru",
    "bicara",
    "kementerian",
    "badan",
    "dewan",
    "komisi",
    "partai",
    "republik",
    "kabupaten",
    "provinsi",
    "raja",
    "ratu",
    "pangeran",
    "sultan",
    "duta",
    "besar",
    "panglima",
    "koordinator",
    "bidang",
    "negara",
    "nasional",
    "daerah",
    "rakyat",
    "agung",
];

/// True when `word` folds to `k` (lower case, curly apostrophes straight), without
/// allocating: this runs for every token against every title and registry entry.
fn matches_key(word: &str, k: &str) -> bool {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            if matches!(c, '’' | '‘' | 'ʼ') {
                '\''
            } else {
                c
            }
        })
        .eq(k.chars())
}

/// The end (exclusive token index) of `pattern` (lower-case token keys) matched at token
/// `i`, words separated by single inline spaces; `None` when it does not match.
fn match_tokens(doc: &Document<'_>, i: usize, pattern: &[String]) -> Option<usize> {
    let end = i + pattern.len();
    if end > doc.tokens.len() {
        return None;
    }
    for (n, p) in pattern.iter().enumerate() {
        let t = i + n;
        if doc.tokens[t].kind != TokenKind::Word || !matches_key(doc.token_text(t), p) {
            return None;
        }
        if n > 0 && !doc.spaced_from_previous(t) {
            return None;
        }
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use crate::rules::kinds::testing::{fixed, linter, run};

    const TITLES: &str = "check = \"title\"\ntitles = [\"presiden\", \"wakil presiden\", \"menteri\", \"menteri luar negeri\", \"gubernur\"]\ngeneric = [\"seorang\", \"para\", \"mantan\", \"calon\"]";

    fn texts(l: &crate::engine::Linter, text: &str) -> Vec<String> {
        run(l, text)
            .iter()
            .map(|d| d.span.text(text).to_owned())
            .collect()
    }

    #[test]
    fn flags_a_one_letter_variant_of_a_frequent_name() {
        let l = linter("names", "check = \"variant\"");
        let text = "Presiden Vladimir Putin tiba di Jakarta. Menurut Putin, kerja sama penting. \
                    Kata Puting, hubungan itu erat.";
        assert_eq!(fixed(&l, text).matches("Putin").count(), 3);
        assert_eq!(texts(&l, text), ["Puting"]);
    }

    #[test]
    fn flags_transpositions_and_dropped_letters() {
        let l = linter("names", "check = \"variant\"");
        let text = "Menurut Sulistyowati, harga naik. Kata Sulistyowati lagi, pasokan cukup. \
                    Namun Sulistyowat menambahkan stok aman. Lalu Sulitsyowati pergi.";
        assert_eq!(texts(&l, text), ["Sulistyowat", "Sulitsyowati"]);
    }

    #[test]
    fn allows_look_alike_distinct_names() {
        let l = linter("names", "check = \"variant\"");
        // Different given names next to the surname: different people.
        let text = "Menurut Hasan Basri, dana cukup. Kata Hasan Basri lagi, proyek jalan. \
                    Namun Hassan Rouhani menolak. Korea Utara dan Korea Selatan berunding. \
                    Kim Jong Un bertemu Kim Jong Il. Utusan Jung Pak dan Jang Song datang.";
        assert!(run(&l, text).is_empty(), "{:?}", run(&l, text));
    }

    #[test]
    fn allows_registered_names_and_ordinary_words() {
        let l = linter("names", "check = \"variant\"");
        let text = "Pasukan Iran menembak. Kata Iran, pasukan siap. Menurut Irak, situasi aman.";
        assert!(run(&l, text).is_empty());
    }

    #[test]
    fn flags_lower_case_names_not_in_the_dictionary() {
        let l = linter("names", "check = \"lower-case\"");
        let text = "Kata Sulistyowati, harga naik. Menurut Sulistyowati, stok aman. \
                    Rapat itu dipimpin sulistyowati sendiri.";
        assert_eq!(texts(&l, text), ["sulistyowati"]);
        assert!(fixed(&l, text).ends_with("dipimpin Sulistyowati sendiri."));
    }

    #[test]
    fn flags_kim_as_a_registered_name_part() {
        let l = linter("names", "check = \"lower-case\"");
        let text = "Utusan itu bertemu Kim Jong Un. Menurut Kim, kerja sama erat. \
                    Ia menerima undangan kim pekan lalu.";
        assert_eq!(texts(&l, text), ["kim"]);
    }

    #[test]
    fn allows_ordinary_lower_case_words() {
        let l = linter("names", "check = \"lower-case\"");
        let text = "Penyanyi Bunga Citra Lestari tampil. Kata Bunga, konser lancar. \
                    Penonton membawa bunga. Kantor berita Purna Warta melaporkan warta itu. \
                    Pada Minggu ia datang, dua minggu lalu ia pergi.";
        assert!(run(&l, text).is_empty(), "{:?}", run(&l, text));
    }

    #[test]
    fn flags_registry_variants() {
        let l = linter("names", "check = \"registry\"");
        assert_eq!(
            fixed(&l, "Pemimpin Korea Utara Kim Jong-un tiba."),
            "Pemimpin Korea Utara Kim Jong Un tiba."
        );
        assert_eq!(
            fixed(&l, "Presiden Vladimir Puttin datang."),
            "Presiden Vladimir Putin datang."
        );
        assert!(run(&l, "Jokowi dan Joko Widodo sama-sama dipakai.").is_empty());
    }

    #[test]
    fn flags_rule_tables() {
        let l = linter(
            "names",
            "check = \"registry\"\nregistry = false\n[rule.orang]\n\"Budi Santoso\" = [\"Budi Susanto\"]",
        );
        assert_eq!(fixed(&l, "Kata Budi Susanto."), "Kata Budi Santoso.");
        assert!(run(&l, "Kim Jong-un tiba.").is_empty());
    }

    #[test]
    fn flags_lower_case_titles_before_names() {
        let l = linter("names", TITLES);
        assert_eq!(
            fixed(
                &l,
                "Ia bertemu Menteri luar negeri Korea Utara Choe Son Hui kemarin."
            ),
            "Ia bertemu Menteri Luar Negeri Korea Utara Choe Son Hui kemarin."
        );
        assert_eq!(
            texts(
                &l,
                "Ia bertemu Menteri luar negeri Korea Utara Choe Son Hui."
            ),
            ["luar negeri"]
        );
        assert_eq!(
            fixed(&l, "Kata presiden Joko Widodo di Bogor."),
            "Kata Presiden Joko Widodo di Bogor."
        );
    }

    #[test]
    fn allows_generic_titles() {
        let l = linter("names", TITLES);
        let text = "Ia seorang menteri Indonesia. Presiden itu datang. Kata presiden Rusia, \
                    perang usai. Para menteri Kabinet Merah Putih hadir. Ia mantan presiden Amerika \
                    Serikat. Gubernur Jawa Barat datang. Ia akan menjadi presiden pada Oktober.";
        assert!(run(&l, text).is_empty(), "{:?}", run(&l, text));
    }

    #[test]
    fn flags_hyphenation_variants_in_one_article() {
        let l = linter("names", "check = \"hyphenation\"");
        let text = "Menlu Choe Son Hui tiba. Kata Choe Son Hui, kerja sama erat. \
                    Choe Son-hui lalu pulang.";
        assert_eq!(texts(&l, text), ["Choe Son-hui"]);
        assert!(fixed(&l, text).ends_with("Choe Son Hui lalu pulang."));
        assert!(run(&l, "Choe Son Hui tiba. Kim Jong Un menyambut.").is_empty());
    }

    #[test]
    fn never_panics_on_odd_input() {
        for check in ["variant", "lower-case", "registry", "hyphenation"] {
            let l = linter("names", &format!("check = \"{check}\""));
            for t in [
                "",
                "A",
                "É é É",
                "Kim-\n-kim",
                "“Putin” putin PUTIN Pútin",
                "- - -",
            ] {
                let _ = run(&l, t);
            }
        }
    }
}
