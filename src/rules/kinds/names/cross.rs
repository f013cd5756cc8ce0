//! One name written with and without hyphens or spaces (`Choe Son Hui`, `Choe Son-hui`):
//! within one article (`nama.lintas` as a rule) and across the articles of a folder
//! ([`cross_document_names`]).
//!
//! Across a folder the check runs in two passes so that no article has to stay in memory:
//! [`FolderScan`] first keeps two hashes per distinct name form (its key, and its spelling
//! as compared), which is enough to know which names are written in more than one way
//! anywhere ([`Drifting`]); [`FolderNames`] then gathers the occurrences of those names
//! only, with their spans, and works out the findings exactly as if every form of every
//! article were at hand (names written one way never form a group).

use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

use crate::hash::{HashMap, HashSet};

use super::index::NameIndex;
use crate::diagnostic::{Diagnostic, Fix, Level};
use crate::document::Document;
use crate::document::normalize::key;
use crate::rules::kinds::Reporter;
use crate::span::Span;

/// The rule id the folder check reports under.
pub const CROSS_RULE_ID: &str = "nama.lintas";

/// One written form of a name: a window of one to four adjacent capitalised words.
#[derive(Clone, Debug)]
struct Form {
    /// Letters and digits only, lower case: equal for `Choe Son Hui` and `Choe Son-hui`.
    key: String,
    /// The words joined by single spaces, as written otherwise.
    display: String,
    span: Span,
    /// Touches text the rules skip (code, URLs, front matter): counted, not reported.
    masked: bool,
}

/// The forms of one article that can differ from another form of the same article: a key
/// shared by windows whose text is not byte for byte the same. Most names are written one
/// way, so this spares building the strings for them; the result is every form of the
/// article minus forms that no group of `groups` can hold.
fn competing_forms(doc: &Document<'_>, idx: &NameIndex) -> Vec<Form> {
    let window = |t: &[usize], a: usize, b: usize| {
        Span::new(doc.tokens[t[a]].span.start, doc.tokens[t[b]].span.end)
    };
    // Key hash -> (the first window's span, whether another window's text differs).
    // At most four windows start at each capitalised word.
    let mut by_hash: HashMap<u64, (Span, bool)> =
        HashMap::with_capacity_and_hasher(2 * idx.occs.len(), Default::default());
    let mut add = |key_hash: u64, span: Span| {
        by_hash
            .entry(key_hash)
            .and_modify(|(first, differs)| {
                *differs |= first.text(doc.text) != span.text(doc.text);
            })
            .or_insert((span, false));
    };
    // One-word windows once per spelling (the same text gives the same window), longer
    // ones at every run.
    let mut chars = String::new();
    for st in &idx.stats {
        chars.clear();
        if let (true, MIN_FORM_CHARS..) = form_word(doc, st.first, &mut chars) {
            add(key_hash(chars.as_bytes()), doc.tokens[st.first].span);
        }
    }
    forms_scan(doc, idx, 2, |t, a, b, key_hash| {
        add(key_hash, window(t, a, b));
    });
    // Most articles write every name one way: then there is nothing to build.
    if !by_hash.values().any(|&(_, differs)| differs) {
        return Vec::new();
    }
    forms_where(doc, idx, |_, _, _, key_hash| {
        by_hash.get(&key_hash).is_some_and(|&(_, differs)| differs)
    })
}

/// The forms whose window (run tokens `t`, words `a..=b`) `keep` accepts.
fn forms_where(
    doc: &Document<'_>,
    idx: &NameIndex,
    mut keep: impl FnMut(&[usize], usize, usize, u64) -> bool,
) -> Vec<Form> {
    let mut out = Vec::new();
    forms_scan(doc, idx, 1, |t, a, b, key_hash| {
        if !keep(t, a, b, key_hash) {
            return;
        }
        let key: String = t[a..=b]
            .iter()
            .flat_map(|&i| doc.key(i).chars().filter(|c| c.is_alphanumeric()))
            .collect();
        let mut display = String::new();
        for (n, &i) in t[a..=b].iter().enumerate() {
            if n > 0 {
                display.push(' ');
            }
            display.push_str(doc.token_text(i));
        }
        let span = Span::new(doc.tokens[t[a]].span.start, doc.tokens[t[b]].span.end);
        out.push(Form {
            key,
            display,
            span,
            masked: false,
        });
    });
    out
}

/// A form has at least this many letters and digits.
const MIN_FORM_CHARS: usize = 4;

/// Call `f(run tokens, a, b, key hash)` for every window `a..=b` of at least `min_words`
/// words that makes a form, in order. The key hash ([`key_hash`] of the key's letters
/// and digits) is taken from one buffer of the run's letters and digits, so no key string
/// is made for a window.
fn forms_scan(
    doc: &Document<'_>,
    idx: &NameIndex,
    min_words: usize,
    mut f: impl FnMut(&[usize], usize, usize, u64),
) {
    // Per word of the current run: whether it may be part of a form.
    let mut usable: Vec<bool> = Vec::new();
    // The run's letters and digits (of the keys) end to end, and per word the byte offset
    // and character count where it ends: a window's key is a slice of it, hashed at once.
    let mut chars = String::new();
    let mut ends: Vec<(usize, usize)> = Vec::new();
    for r in 0..idx.runs.len() {
        let t = idx.run_toks(r);
        if t.len() < min_words {
            continue;
        }
        usable.clear();
        chars.clear();
        ends.clear();
        let mut count = 0;
        for &i in t {
            let (ok, n) = form_word(doc, i, &mut chars);
            usable.push(ok);
            count += n;
            ends.push((chars.len(), count));
        }
        for a in 0..t.len() {
            // A run on a headline line, or one that starts a sentence with an ordinary word,
            // still names things; only the capital's evidence differs, which does not matter
            // when comparing hyphens.
            let (from, before) = if a == 0 { (0, 0) } else { ends[a - 1] };
            for b in a..t.len().min(a + 4) {
                // An unusable word spoils every longer window too.
                if !usable[b] {
                    break;
                }
                let (to, through) = ends[b];
                if b + 1 - a >= min_words && through - before >= MIN_FORM_CHARS {
                    f(t, a, b, key_hash(&chars.as_bytes()[from..to]));
                }
            }
        }
    }
}

/// Word token `i` as part of a name form: appends its key's letters and digits to `chars`
/// and returns whether it may be part of a form at all, and how many characters it added.
fn form_word(doc: &Document<'_>, i: usize, chars: &mut String) -> (bool, usize) {
    let (w, k) = (doc.token_text(i), doc.key(i));
    let letters = doc.is_ascii_letters(i);
    // Apostrophes are spelling (`Jum'at`), and day and month names belong to the dates
    // rules: only hyphens and spaces are compared here. CamelCase (`MedcoEnergi`,
    // `BobbyNasution`) is brand styling or two words glued where a link was stripped, not a
    // way of writing the name.
    let odd = if letters {
        is_camel_case_ascii(w)
    } else {
        w.contains(['\'', '’']) || is_camel_case(w)
    };
    let usable = !(super::CALENDAR.contains(&k) || odd);
    if letters {
        // Letters only (most names): the key is its letters, a byte each.
        chars.push_str(k);
        return (usable, k.len());
    }
    let mut n = 0;
    for c in k.chars().filter(|c| c.is_alphanumeric()) {
        chars.push(c);
        n += 1;
    }
    (usable, n)
}

/// A lower-case letter followed by a capital inside a word part (`DetikPagi`), not after
/// a hyphen (`Son-Hui` is not CamelCase).
fn is_camel_case(w: &str) -> bool {
    let mut prev_lower = false;
    for c in w.chars() {
        // A hyphen starts a new part: the pair across it does not count.
        if c.is_uppercase() && prev_lower {
            return true;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

/// [`is_camel_case`] for ASCII letters, byte by byte (most names; the character test costs
/// about 1% of all instructions more there).
fn is_camel_case_ascii(w: &str) -> bool {
    w.as_bytes()
        .windows(2)
        .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
}

/// Spellings that differ in more than letter case (so in hyphens or spaces).
fn differ(a: &str, b: &str) -> bool {
    key(a) != key(b)
}

/// Groups of forms sharing a key and written in at least two different ways, longest
/// names first (so `Choe Son-hui` is handled before `Son-hui`).
fn groups<'f>(all: impl Iterator<Item = (usize, &'f Form)>) -> Vec<Vec<(usize, &'f Form)>> {
    let mut by_key: HashMap<&str, Vec<(usize, &Form)>> = HashMap::default();
    let mut order: Vec<&str> = Vec::new();
    for (d, f) in all {
        by_key
            .entry(f.key.as_str())
            .or_insert_with(|| {
                order.push(f.key.as_str());
                Vec::new()
            })
            .push((d, f));
    }
    let mut out: Vec<Vec<(usize, &Form)>> = order
        .into_iter()
        .filter_map(|k| by_key.remove(k))
        .filter(|g| g.iter().any(|(_, f)| differ(&f.display, &g[0].1.display)))
        .collect();
    out.sort_by_key(|g| std::cmp::Reverse(g[0].1.key.len()));
    out
}

/// The most frequent spelling in a group (ties: the first seen), and how often it occurs.
fn majority<'f>(g: &[(usize, &'f Form)]) -> (&'f str, usize, bool) {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (_, f) in g {
        match counts.iter_mut().find(|(d, _)| *d == f.display) {
            Some(c) => c.1 += 1,
            None => counts.push((f.display.as_str(), 1)),
        }
    }
    let best = counts.iter().map(|c| c.1).max().unwrap_or(0);
    let winners = counts.iter().filter(|c| c.1 == best).count();
    let first = counts.iter().find(|c| c.1 == best).map_or("", |c| c.0);
    (first, best, winners == 1)
}

fn claimed(spans: &[Span], s: Span) -> bool {
    spans.iter().any(|c| c.contains(s))
}

/// The per-article check: the less used spelling of a name written two ways.
pub(super) fn check_document(
    doc: &Document<'_>,
    idx: &NameIndex,
    accepted: &HashSet<String>,
    out: &mut Reporter<'_>,
) {
    let all = competing_forms(doc, idx);
    let mut taken: Vec<Span> = Vec::new();
    for g in groups(all.iter().map(|f| (0, f))) {
        let (major, n, clear) = majority(&g);
        let first_major = g
            .iter()
            .find(|(_, f)| f.display == major)
            .map(|(_, f)| f.span);
        for (_, f) in &g {
            if !differ(&f.display, major)
                || claimed(&taken, f.span)
                || accepted.contains(&key(&f.display))
            {
                continue;
            }
            let count = n.to_string();
            let d = out.report(
                f.span,
                &[
                    ("actual", f.display.as_str()),
                    ("expected", major),
                    ("count", &count),
                ],
            );
            if clear {
                d.fixes.push(Fix::new(f.span, major));
            }
            if let Some(s) = first_major {
                d.labels.push(crate::diagnostic::Label {
                    span: s,
                    message: format!("di sini ditulis `{major}`"),
                });
            }
        }
        taken.extend(g.iter().map(|(_, f)| f.span));
    }
}

/// The hasher of name keys: fixed, so the same in both passes of one run.
fn key_hasher() -> foldhash::fast::FoldHasher<'static> {
    foldhash::fast::FixedState::default().build_hasher()
}

/// The hash of a form's key: its letters and digits, written at once.
fn key_hash(letters: &[u8]) -> u64 {
    let mut h = key_hasher();
    h.write(letters);
    h.finish()
}

/// A hasher for keys that are hashes already.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdBuild = BuildHasherDefault<IdHasher>;

/// What the first pass keeps of one article: each distinct name form as (hash of its key,
/// hash of its spelling as [`differ`] compares it).
#[derive(Clone, Debug, Default)]
pub struct NameKeys(Vec<(u64, u64)>);

/// The name forms of one article, for [`FolderScan::add`].
pub fn name_keys(doc: &Document<'_>) -> NameKeys {
    let mut v: Vec<(u64, u64)> = Vec::new();
    forms_scan(doc, &doc.memo(NameIndex::new), 1, |t, a, b, key_hash| {
        // The spelling as `differ` compares it: the words' keys joined by spaces, which is
        // `key` of the joined words.
        let mut h = key_hasher();
        for (n, &i) in t[a..=b].iter().enumerate() {
            if n > 0 {
                h.write_u8(b' ');
            }
            h.write(doc.key(i).as_bytes());
        }
        v.push((key_hash, h.finish()));
    });
    v.sort_unstable();
    v.dedup();
    NameKeys(v)
}

/// The first pass over a folder: for every name key, the first spelling seen and whether
/// another one was seen too. About 16 bytes per distinct name form; no text, no spans.
#[derive(Debug, Default)]
pub struct FolderScan {
    seen: std::collections::HashMap<u64, u64, IdBuild>,
}

/// Set in [`FolderScan::seen`] once a key has a second spelling.
const MIXED: u64 = 1 << 63;

impl FolderScan {
    /// Add one article's forms (in any order: the outcome does not depend on it).
    pub fn add(&mut self, keys: &NameKeys) {
        for &(k, spelling) in &keys.0 {
            let spelling = spelling & !MIXED;
            self.seen
                .entry(k)
                .and_modify(|v| {
                    if *v & !MIXED != spelling {
                        *v |= MIXED;
                    }
                })
                .or_insert(spelling);
        }
    }

    /// The names written in more than one way somewhere in the folder.
    pub fn finish(self) -> Drifting {
        Drifting(
            self.seen
                .into_iter()
                .filter(|(_, v)| v & MIXED != 0)
                .map(|(k, _)| k)
                .collect(),
        )
    }
}

/// The keys of names written in more than one way: the only names the second pass keeps.
/// (A hash collision can only add a key here, never hide one; the second pass compares
/// the keys themselves.)
#[derive(Debug, Default)]
pub struct Drifting(std::collections::HashSet<u64, IdBuild>);

impl Drifting {
    /// True when every name is written one way: there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The second pass over one article: its forms of the drifting names, with spans.
    pub fn forms(&self, doc: &Document<'_>) -> DocNames {
        if self.0.is_empty() {
            return DocNames::default();
        }
        let mut kept: Vec<Form> = forms_where(doc, &doc.memo(NameIndex::new), |_, _, _, h| {
            self.0.contains(&h)
        })
        .into_iter()
        .map(|f| Form {
            masked: doc.touches_masked(f.span),
            ..f
        })
        .collect();
        // Collected in place: without this the few forms kept would hold the allocation
        // of all of them until the end of the pass.
        kept.shrink_to_fit();
        DocNames(kept)
    }
}

/// One article's forms of the drifting names, from [`Drifting::forms`].
#[derive(Clone, Debug, Default)]
pub struct DocNames(Vec<Form>);

impl DocNames {
    /// True when the article uses none of the drifting names.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The second pass over a folder: the drifting names of each article that uses any.
#[derive(Debug, Default)]
pub struct FolderNames {
    /// (article index, its name as shown, its forms), in input order.
    docs: Vec<(usize, String, DocNames)>,
}

impl FolderNames {
    /// Add article `doc` (indices in increasing order, as the articles were scanned),
    /// shown as `path`.
    pub fn add(&mut self, doc: usize, path: &str, names: DocNames) {
        if !names.is_empty() {
            self.docs.push((doc, path.to_owned(), names));
        }
    }

    /// Names spelled differently across articles. Returns `(article index, finding)` for
    /// each occurrence of a less used spelling in an article that never uses the most used
    /// one (an article that mixes both is reported by the `nama.lintas` rule itself), by
    /// article, then by position; an occurrence on masked text (code, URLs) counts but is
    /// not reported. Findings are `info`, rule `nama.lintas`; the fix (to the folder's most
    /// used spelling) is marked unsafe, since the other article may be the one that is
    /// wrong.
    pub fn findings(&self) -> Vec<(usize, Diagnostic)> {
        let mut out = Vec::new();
        let done: Result<(), std::convert::Infallible> = self.for_each_article(|doc, found| {
            out.extend(found.into_iter().map(|d| (doc, d)));
            Ok(())
        });
        let Ok(()) = done;
        out
    }

    /// The same findings as [`FolderNames::findings`], handed over one article at a time
    /// (article index, its findings by position). Only one article's findings exist at a
    /// time: each carries a help text listing every article that uses each spelling, which
    /// for a common name in a large folder is long.
    ///
    /// # Errors
    /// The first error `f` returns, which ends the walk.
    pub fn for_each_article<E>(
        &self,
        mut f: impl FnMut(usize, Vec<Diagnostic>) -> Result<(), E>,
    ) -> Result<(), E> {
        /// A name written two ways across articles: its most used spelling, and where each
        /// spelling is used (indices into `docs`), for the help text.
        struct Verdict<'f> {
            major: &'f str,
            n: usize,
            clear: bool,
            usage: Vec<(&'f str, Vec<usize>)>,
        }
        let mut verdicts: Vec<Verdict<'_>> = Vec::new();
        // (index into docs, the occurrence, its verdict)
        let mut hits: Vec<(usize, &Form, usize)> = Vec::new();
        let mut taken: Vec<Vec<Span>> = vec![Vec::new(); self.docs.len()];
        let all = self
            .docs
            .iter()
            .enumerate()
            .flat_map(|(d, (_, _, fs))| fs.0.iter().map(move |f| (d, f)));
        for g in groups(all) {
            let docs_in: HashSet<usize> = g.iter().map(|(d, _)| *d).collect();
            if docs_in.len() < 2 {
                continue;
            }
            let (major, n, clear) = majority(&g);
            let has_major: HashSet<usize> = g
                .iter()
                .filter(|(_, f)| f.display == major)
                .map(|(d, _)| *d)
                .collect();
            let before = hits.len();
            for (d, f) in &g {
                if differ(&f.display, major)
                    && !has_major.contains(d)
                    && !claimed(&taken[*d], f.span)
                    && !f.masked
                {
                    hits.push((*d, f, verdicts.len()));
                }
            }
            if hits.len() > before {
                let mut usage: Vec<(&str, Vec<usize>)> = Vec::new();
                for (d, f) in &g {
                    match usage.iter_mut().find(|(s, _)| *s == f.display) {
                        // Occurrences come in article order: a repeat is the last one.
                        Some((_, ds)) => {
                            if ds.last() != Some(d) {
                                ds.push(*d);
                            }
                        }
                        None => usage.push((f.display.as_str(), vec![*d])),
                    }
                }
                verdicts.push(Verdict {
                    major,
                    n,
                    clear,
                    usage,
                });
            }
            for (d, f) in &g {
                taken[*d].push(f.span);
            }
        }
        hits.sort_by_key(|(d, f, _)| (*d, f.span.start, f.span.end));
        for article in hits.chunk_by(|a, b| a.0 == b.0) {
            let found = article
                .iter()
                .map(|&(_, f, v)| {
                    let v = &verdicts[v];
                    let help = format!(
                        "Ejaan di folder ini: {}.",
                        v.usage
                            .iter()
                            .map(|(s, ds)| {
                                let paths: Vec<&str> =
                                    ds.iter().map(|&d| self.docs[d].1.as_str()).collect();
                                format!("`{s}` ({})", paths.join(", "))
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    );
                    let mut diag = Diagnostic {
                        rule: CROSS_RULE_ID.to_owned(),
                        level: Level::Info,
                        span: f.span,
                        message: format!(
                            "Nama '{}' ditulis '{}' di artikel lain ({} kali).",
                            f.display, v.major, v.n
                        ),
                        help: Some(help),
                        labels: Vec::new(),
                        fixes: Vec::new(),
                        fix_safe: false,
                    };
                    if v.clear {
                        diag.fixes.push(Fix::new(f.span, v.major));
                    }
                    diag
                })
                .collect();
            f(self.docs[article[0].0].0, found)?;
        }
        Ok(())
    }
}

/// Names spelled differently across articles: `Choe Son Hui` in one, `Choe Son-hui` in
/// another. The two passes of [`FolderScan`] and [`FolderNames`] over articles held in
/// memory; see [`FolderNames::findings`] for what is returned (indices into `docs`).
pub fn cross_document_names(docs: &[(&str, &Document<'_>)]) -> Vec<(usize, Diagnostic)> {
    let mut scan = FolderScan::default();
    for (_, doc) in docs {
        scan.add(&name_keys(doc));
    }
    let drifting = scan.finish();
    let mut folder = FolderNames::default();
    for (i, (path, doc)) in docs.iter().enumerate() {
        folder.add(i, path, drifting.forms(doc));
    }
    folder.findings()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    #[test]
    fn finds_hyphen_drift_across_articles() {
        let a = Document::new(
            "Menlu Choe Son Hui tiba di Moskow. Kata Choe Son Hui, hubungan erat.",
            Format::Text,
        );
        let b = Document::new("Kemarin Choe Son-hui bertemu Sergei Lavrov.", Format::Text);
        let c = Document::new("Choe Son Hui pulang ke Pyongyang.", Format::Text);
        let found = cross_document_names(&[("a.txt", &a), ("b.txt", &b), ("c.txt", &c)]);
        assert_eq!(found.len(), 1, "{found:?}");
        let (d, diag) = &found[0];
        assert_eq!(*d, 1);
        assert_eq!(diag.span.text(b.text), "Choe Son-hui");
        assert_eq!(diag.fixes[0].replacement, "Choe Son Hui");
        let help = diag.help.as_deref().unwrap();
        assert!(help.contains("a.txt") && help.contains("b.txt"), "{help}");
    }

    #[test]
    fn reports_only_articles_without_the_common_spelling_and_never_code() {
        let a = Document::new("Choe Son Hui tiba. Lalu Choe Son Hui pulang.", Format::Text);
        // Mixes both spellings: the article rule's business, not the folder's.
        let b = Document::new("Choe Son Hui dan Choe Son-hui.", Format::Text);
        let md = "Ditulis `Choe Son-hui` di kode.\n\nMenlu Choe Son-hui bicara.\n";
        let c = Document::new(md, Format::Markdown);
        let found = cross_document_names(&[("a", &a), ("b", &b), ("c.md", &c)]);
        let got: Vec<(usize, usize)> = found.iter().map(|(d, f)| (*d, f.span.start)).collect();
        assert_eq!(got, [(2, md.find("Choe Son-hui bicara").unwrap())]);
    }

    #[test]
    fn camel_case_byte_test_agrees_with_the_char_test() {
        for w in [
            "DetikPagi",
            "BobbyNasution",
            "McDonald",
            "Putin",
            "KCNA",
            "iPhone",
            "A",
        ] {
            assert_eq!(is_camel_case_ascii(w), is_camel_case(w), "{w}");
        }
    }

    #[test]
    fn same_spelling_everywhere_is_quiet() {
        let a = Document::new("Kim Jong Un menerima Vladimir Putin.", Format::Text);
        let b = Document::new("Putin dan Kim Jong Un berunding.", Format::Text);
        assert!(cross_document_names(&[("a", &a), ("b", &b)]).is_empty());
        assert!(cross_document_names(&[]).is_empty());
    }
}
