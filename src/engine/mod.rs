//! The linter: the loaded rule set, run once per document, with config overrides,
//! suppressions and de-duplication applied to what the checks report.

mod gates;
mod suppress;

use std::path::PathBuf;

use crate::config::{Config, ConfigError};
use crate::diagnostic::Diagnostic;
use crate::document::{Document, Format};
use crate::lexicon::{Lexicon, LexiconError};
use crate::rules::kinds::{BuildEnv, Context, Reporter};
use crate::rules::{Pack, PackError, Rule, builtin, pack};

use gates::Gates;
pub use suppress::Suppressions;

/// Anything that stops a rule set from loading.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A rule pack is malformed.
    #[error(transparent)]
    Pack(#[from] Box<PackError>),
    /// The project config is malformed.
    #[error(transparent)]
    Config(#[from] Box<ConfigError>),
    /// A dictionary or word list from the config cannot be used.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
}

/// The word tokens each gated rule visits in one document (see `Check::gate`).
#[derive(Debug)]
pub struct WordGates(Vec<Vec<u32>>);

/// Summary of a loaded pack.
#[derive(Debug, Clone)]
pub struct PackInfo {
    /// `[pack] name`.
    pub name: String,
    /// `[pack] description`.
    pub description: String,
    /// `[pack] source`.
    pub source: Option<String>,
    /// Where it came from.
    pub path: String,
}

/// A loaded, compiled rule set with its config. Build once, check many documents.
pub struct Linter {
    rules: Vec<Rule>,
    enabled: Vec<bool>,
    pack_of: Vec<usize>,
    packs: Vec<PackInfo>,
    config: Config,
    lexicon: Lexicon,
    reference_date: Option<chrono::NaiveDate>,
    gates: Gates,
}

impl std::fmt::Debug for Linter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Linter")
            .field("rules", &self.rules.len())
            .finish_non_exhaustive()
    }
}

impl Linter {
    /// The embedded default packs with no project config.
    ///
    /// # Panics
    /// Never in a release: the embedded packs are loaded by the test suite.
    pub fn with_defaults() -> Self {
        Self::from_config(Config::default()).expect("embedded packs load (tested)")
    }

    /// The default packs (unless `no-default-packs`) plus the config's packs, with its
    /// overrides applied.
    ///
    /// # Errors
    /// A malformed pack, an unknown rule id in the config, an unusable dictionary.
    pub fn from_config(config: Config) -> Result<Self, LoadError> {
        let mut sources: Vec<(String, String, Option<PathBuf>)> = Vec::new();
        if !config.no_default_packs {
            sources.extend(
                builtin::PACKS
                    .iter()
                    .map(|(p, t)| ((*p).to_owned(), (*t).to_owned(), None)),
            );
        }
        for p in &config.packs {
            let path = config.resolve(p);
            let text = std::fs::read_to_string(&path).map_err(|e| {
                Box::new(ConfigError {
                    path: config
                        .root
                        .clone()
                        .unwrap_or_default()
                        .join(crate::config::CONFIG_FILE_NAME),
                    text: None,
                    span: None,
                    message: format!("cannot read rule pack {}: {e}", path.display()),
                })
            })?;
            let dir = path.parent().map(PathBuf::from);
            sources.push((path.display().to_string(), text, dir));
        }
        let lexicon = Lexicon::from_config(&config)?;
        Self::build(config, lexicon, sources)
    }

    /// Only the given packs (`(path, text)`), default config. For tests and `test-rules`.
    ///
    /// # Errors
    /// A malformed pack or a duplicate rule id.
    pub fn from_pack_texts(packs: &[(&str, &str)]) -> Result<Self, LoadError> {
        let sources = packs
            .iter()
            .map(|(p, t)| ((*p).to_owned(), (*t).to_owned(), None))
            .collect();
        Self::build(Config::default(), Lexicon::default(), sources)
    }

    fn build(
        config: Config,
        lexicon: Lexicon,
        sources: Vec<(String, String, Option<PathBuf>)>,
    ) -> Result<Self, LoadError> {
        let mut rules: Vec<Rule> = Vec::new();
        let mut pack_of = Vec::new();
        let mut packs = Vec::new();
        for (path, text, dir) in sources {
            let env = BuildEnv {
                pack_dir: dir.as_deref(),
            };
            let Pack {
                name,
                description,
                source,
                path,
                rules: pack_rules,
            } = pack::load(&path, &text, &env).map_err(Box::new)?;
            for r in pack_rules {
                if let Some(prev) = rules.iter().position(|x| x.meta.id == r.meta.id) {
                    let at = text
                        .find(&format!("\"{}\"", r.meta.id))
                        .map(|s| s..s + r.meta.id.len() + 2);
                    return Err(LoadError::Pack(Box::new(PackError {
                        path: path.clone(),
                        text: text.clone(),
                        span: at,
                        message: format!("rule id `{}` is already defined by pack `{}`", r.meta.id, packs.get(pack_of[prev]).map_or("?", |p: &PackInfo| p.path.as_str())),
                        note: Some("rule ids must be unique across all loaded packs; disable the other rule in .sunting.toml or rename this one".to_owned()),
                    })));
                }
                rules.push(r);
                pack_of.push(packs.len());
            }
            packs.push(PackInfo {
                name,
                description,
                source,
                path,
            });
        }
        // Config overrides must name rules that exist: a typo would silently do nothing.
        let known = |id: &str| {
            rules
                .iter()
                .any(|r| r.meta.id == id || (id.ends_with('.') && r.meta.id.starts_with(id)))
        };
        let unknown: Vec<&String> = config
            .rules
            .disable
            .iter()
            .chain(config.rules.level.keys())
            .filter(|id| !known(id))
            .collect();
        if let Some(id) = unknown.first() {
            let path = config
                .root
                .clone()
                .unwrap_or_default()
                .join(crate::config::CONFIG_FILE_NAME);
            let text = std::fs::read_to_string(&path).ok();
            let span = text
                .as_deref()
                .and_then(|t| t.find(&format!("\"{id}\"")).map(|s| s..s + id.len() + 2));
            return Err(LoadError::Config(Box::new(ConfigError {
                path,
                text,
                span,
                message: format!(
                    "[rules] names unknown rule `{id}` (see `sunting rules` for the ids)"
                ),
            })));
        }
        for r in &mut rules {
            if let Some(level) = config.rules.level.get(&r.meta.id) {
                r.meta.level = *level;
            }
        }
        let enabled: Vec<bool> = rules
            .iter()
            .map(|r| !config.is_disabled(&r.meta.id))
            .collect();
        let reference_date = config
            .dates
            .reference
            .as_deref()
            .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
        let gates = Gates::new(&rules, &enabled);
        Ok(Self {
            rules,
            enabled,
            pack_of,
            packs,
            config,
            lexicon,
            reference_date,
            gates,
        })
    }

    /// Set the reference (publication) date, e.g. from `--date`.
    #[must_use]
    pub fn with_reference_date(mut self, date: Option<chrono::NaiveDate>) -> Self {
        if date.is_some() {
            self.reference_date = date;
        }
        self
    }

    /// Every loaded rule, enabled or not, in load order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// A rule by id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.meta.id == id)
    }

    /// True when rule `idx` runs.
    pub fn is_enabled(&self, idx: usize) -> bool {
        self.enabled[idx]
    }

    /// The loaded packs.
    pub fn packs(&self) -> &[PackInfo] {
        &self.packs
    }

    /// The path of the pack that defines rule `idx`.
    pub fn pack_path_of(&self, idx: usize) -> &str {
        &self.packs[self.pack_of[idx]].path
    }

    /// The config in force.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The lexicon in force.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The context of rule `idx`, with its candidates from `lists` (the gates' lists of a
    /// document) when it is gated; a disabled or ungated rule, or no lists, reads every word.
    fn rule_context<'s>(&'s self, idx: usize, lists: &'s [Vec<u32>]) -> Context<'s> {
        Context {
            candidates: self
                .gates
                .slot(idx)
                .and_then(|s| lists.get(s))
                .map(Vec::as_slice),
            ..self.context()
        }
    }

    fn context(&self) -> Context<'_> {
        Context {
            lexicon: &self.lexicon,
            config: &self.config,
            reference_date: self.reference_date,
            candidates: None,
        }
    }

    /// Check a text.
    pub fn check_text(&self, text: &str, format: Format) -> Vec<Diagnostic> {
        self.check(&Document::new(text, format))
    }

    /// Run only rule `idx` (enabled or not) on a text, without cross-rule de-duplication.
    pub fn check_rule(&self, text: &str, format: Format, idx: usize) -> Vec<Diagnostic> {
        self.check_rule_doc(&Document::new(text, format), idx)
    }

    /// Run only rule `idx` (enabled or not) on a document, without cross-rule de-duplication.
    pub fn check_rule_doc(&self, doc: &Document<'_>, idx: usize) -> Vec<Diagnostic> {
        self.check_rule_gated(doc, idx, &self.word_gates(doc))
    }

    /// Which words each gated rule visits in `doc` (the first step of [`Linter::check`]).
    pub fn word_gates(&self, doc: &Document<'_>) -> WordGates {
        WordGates(self.gates.candidates(doc, &self.rules, &self.context()))
    }

    /// [`Linter::check_rule_doc`] with the document's word gates already found, to time a
    /// rule alone.
    pub fn check_rule_gated(
        &self,
        doc: &Document<'_>,
        idx: usize,
        gates: &WordGates,
    ) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let rule = &self.rules[idx];
        rule.check.check(
            doc,
            &self.rule_context(idx, &gates.0),
            &mut Reporter::new(&rule.meta, &mut out),
        );
        self.finish(doc, out)
    }

    /// Check a document with every enabled rule. Findings come sorted by position, then
    /// rule id; findings that touch non-prose, suppressed or dismissed ones are dropped,
    /// and so is a deferring rule's finding where another rule reports the same place.
    pub fn check(&self, doc: &Document<'_>) -> Vec<Diagnostic> {
        self.run(doc, true)
    }

    /// [`Linter::check`], with gated checks walking only their candidates, or (`gated`
    /// false, for tests) every word.
    fn run(&self, doc: &Document<'_>, gated: bool) -> Vec<Diagnostic> {
        let lists = if gated {
            self.gates.candidates(doc, &self.rules, &self.context())
        } else {
            Vec::new()
        };
        let mut out = Vec::new();
        let mut deferring = Vec::new();
        for (i, rule) in self.rules.iter().enumerate() {
            if !self.enabled[i] {
                continue;
            }
            let ctx = self.rule_context(i, &lists);
            let target = if rule.meta.defer {
                &mut deferring
            } else {
                &mut out
            };
            rule.check
                .check(doc, &ctx, &mut Reporter::new(&rule.meta, target));
        }
        deferring.retain(|d: &Diagnostic| !out.iter().any(|o| o.span.overlaps(d.span)));
        out.extend(deferring);
        self.finish(doc, out)
    }

    fn finish(&self, doc: &Document<'_>, mut out: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let suppressions = Suppressions::parse(doc.text, &doc.lines);
        out.retain(|d| {
            debug_assert!(
                doc.text.is_char_boundary(d.span.start) && doc.text.is_char_boundary(d.span.end),
                "rule {} reported a span off char boundaries",
                d.rule
            );
            doc.text.is_char_boundary(d.span.start)
                && doc.text.is_char_boundary(d.span.end)
                && d.span.end <= doc.text.len()
                && !doc.touches_masked(d.span)
                && !suppressions.covers(d, &doc.lines)
                && !self.is_dismissed(doc, d)
        });
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
        });
        // The same place with the same correction is reported once, by the first rule.
        let mut kept: Vec<Diagnostic> = Vec::with_capacity(out.len());
        for d in out {
            let dup = kept
                .iter()
                .rev()
                .take_while(|k| k.span.start == d.span.start)
                .any(|k| k.span == d.span && (k.rule == d.rule || k.fixes == d.fixes));
            if !dup {
                kept.push(d);
            }
        }
        kept
    }

    fn is_dismissed(&self, doc: &Document<'_>, d: &Diagnostic) -> bool {
        if self.config.dismissed.is_empty() {
            return false;
        }
        let text = d.span.text(doc.text);
        let sentence = doc
            .sentences
            .iter()
            .find(|s| s.span.contains(d.span))
            .map(|s| normalize_space(s.span.text(doc.text)))
            .unwrap_or_default();
        self.config
            .dismissed
            .iter()
            .any(|x| x.rule == d.rule && x.text == text && x.sentence == sentence)
    }
}

/// Collapse runs of whitespace to one space (the key of a dismissed finding).
pub fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACK: &str = "[pack]\nname = \"uji\"\n[[rule]]\nid = \"baku\"\nkind = \"substitution\"\nmessage = \"Tulis '{expected}'.\"\n[rule.pairs]\npraktek = \"praktik\"\n";

    #[test]
    fn duplicate_rule_ids_are_an_error() {
        let e = Linter::from_pack_texts(&[("a.toml", PACK), ("b.toml", PACK)]).unwrap_err();
        assert!(e.to_string().contains("already defined"), "{e}");
    }

    #[test]
    fn suppression_comments_silence_rules() {
        let l = Linter::from_pack_texts(&[("a.toml", PACK)]).unwrap();
        let text = "sunting-disable-next-line baku\nItu praktek.\nIni praktek.\n";
        let d = l.check_text(text, Format::Text);
        assert_eq!(d.len(), 1);
        assert_eq!(l.lines_of(text, &d[0]), 3);
        let md = "<!-- sunting-disable baku -->\nItu praktek.\n<!-- sunting-enable baku -->\nIni praktek.\n";
        assert_eq!(l.check_text(md, Format::Markdown).len(), 1);
    }

    /// Gates only skip work: on articles full of slips, every gated rule finds exactly what
    /// it finds reading every word.
    #[test]
    fn gated_rules_find_what_they_find_reading_every_word() {
        let l = Linter::with_defaults();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/articles");
        let mut fired = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let format = if path.extension().is_some_and(|e| e == "md") {
                Format::Markdown
            } else {
                Format::Text
            };
            let doc = Document::new(&text, format);
            let gated = l.run(&doc, true);
            assert_eq!(gated, l.run(&doc, false), "{}", path.display());
            fired.extend(gated.into_iter().map(|d| d.rule));
        }
        let gated_rules: Vec<&str> = (0..l.rules.len())
            .filter(|&i| l.gates.slot(i).is_some())
            .map(|i| l.rules[i].meta.id.as_str())
            .collect();
        assert!(gated_rules.len() >= 7, "{gated_rules:?}");
        for id in gated_rules {
            assert!(fired.contains(id), "no fixture exercises gated rule {id}");
        }
    }

    impl Linter {
        fn lines_of(&self, text: &str, d: &Diagnostic) -> usize {
            crate::source::LineIndex::new(text)
                .line_col(text, d.span.start)
                .line
        }
    }
}
