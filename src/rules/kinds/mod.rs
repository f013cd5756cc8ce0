//! Rule kinds: one file per kind, and this registry. A kind turns a rule's TOML parameters
//! into a compiled check; the check reads a `Document` and reports through a `Reporter`.

mod capitalization;
mod clitic;
mod compound;
mod consistency;
mod dates;
mod morph;
pub mod names;
mod pattern;
mod punctuation;
mod reduplication;
mod repetition;
mod spelling;
mod substitution;

use serde::de::DeserializeOwned;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::rules::RuleMeta;
use crate::span::Span;

pub use capitalization::Capitalization;
pub use clitic::Clitic;
pub use compound::Compound;
pub use consistency::Consistency;
pub use dates::{Dates, is_calendar_name};
pub use names::Names;
pub use pattern::Pattern;
pub use punctuation::Punctuation;
pub use reduplication::Reduplication;
pub use repetition::Repetition;
pub use spelling::Spelling;
pub use substitution::Substitution;

/// Every kind name, for "expected one of" errors.
pub const KINDS: &[&str] = &[
    Substitution::NAME,
    Pattern::NAME,
    Repetition::NAME,
    Punctuation::NAME,
    Dates::NAME,
    Compound::NAME,
    Clitic::NAME,
    Capitalization::NAME,
    Consistency::NAME,
    Reduplication::NAME,
    Names::NAME,
    Spelling::NAME,
];

/// Build a kind's check from the rule's leftover TOML keys.
///
/// # Errors
/// An unknown kind, parameters that do not deserialize, or parameters the kind rejects.
pub fn build(
    kind: &str,
    params: toml::Table,
    env: &BuildEnv<'_>,
) -> Result<Box<dyn Check>, KindError> {
    match kind {
        Substitution::NAME => build_kind::<Substitution>(params, env),
        Pattern::NAME => build_kind::<Pattern>(params, env),
        Repetition::NAME => build_kind::<Repetition>(params, env),
        Punctuation::NAME => build_kind::<Punctuation>(params, env),
        Dates::NAME => build_kind::<Dates>(params, env),
        Compound::NAME => build_kind::<Compound>(params, env),
        Clitic::NAME => build_kind::<Clitic>(params, env),
        Capitalization::NAME => build_kind::<Capitalization>(params, env),
        Consistency::NAME => build_kind::<Consistency>(params, env),
        Reduplication::NAME => build_kind::<Reduplication>(params, env),
        Names::NAME => build_kind::<Names>(params, env),
        Spelling::NAME => build_kind::<Spelling>(params, env),
        _ => Err(KindError::Unknown),
    }
}

fn build_kind<K: RuleKind>(
    params: toml::Table,
    env: &BuildEnv<'_>,
) -> Result<Box<dyn Check>, KindError> {
    let params: K::Params = toml::Value::Table(params)
        .try_into()
        .map_err(KindError::Params)?;
    Ok(Box::new(K::build(params, env)?))
}

/// `` `a`, `b`, ... `` for error notes.
pub fn expected_list() -> String {
    KINDS
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why a kind could not be built.
#[derive(Debug)]
pub enum KindError {
    /// No such kind.
    Unknown,
    /// The parameters do not fit the kind's schema.
    Params(toml::de::Error),
    /// The kind rejected a parameter (bad regex, empty list...).
    Build {
        /// The offending key, to point at.
        key: Option<String>,
        /// What is wrong.
        message: String,
    },
}

impl KindError {
    /// A build error about `key`.
    pub fn at(key: &str, message: impl Into<String>) -> Self {
        KindError::Build {
            key: Some(key.to_owned()),
            message: message.into(),
        }
    }
}

/// What a kind may consult while building (the pack's location, for relative paths).
#[derive(Clone, Debug, Default)]
pub struct BuildEnv<'a> {
    /// The folder of the pack file, when it is on disk.
    pub pack_dir: Option<&'a std::path::Path>,
}

/// A kind: named, with strict parameters, built once, run on every document.
pub trait RuleKind: Check + Sized + 'static {
    /// The `kind = "..."` name.
    const NAME: &'static str;
    /// The kind's own TOML keys (`deny_unknown_fields`).
    type Params: DeserializeOwned;
    /// Compile the parameters. Never panics on user input.
    ///
    /// # Errors
    /// Parameters that cannot work (a bad regex, say), naming the key.
    fn build(params: Self::Params, env: &BuildEnv<'_>) -> Result<Self, KindError>;
}

/// A compiled check: a pure function of the document and the run's context.
pub trait Check: Send + Sync {
    /// Report findings in `doc`.
    fn check(&self, doc: &Document<'_>, ctx: &Context<'_>, out: &mut Reporter<'_>);

    /// True for a check that can only report at words its [`Check::gate`] lets through.
    /// Such a check walks [`Context::candidates`] instead of every word.
    fn is_gated(&self) -> bool {
        false
    }

    /// Judged from a word's key alone: may a finding start at this word, or at the word
    /// before it? Must let through every word the check could report at (more is only
    /// slower). Asked once per distinct word and cached, so it may be slow.
    fn gate(&self, _key: &str, _ctx: &Context<'_>) -> Gate {
        Gate::THIS
    }
}

/// Which words a gated check must visit, given one word: bit flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gate(pub u8);

impl Gate {
    /// Neither this word nor the one before it.
    pub const NONE: Gate = Gate(0);
    /// This word.
    pub const THIS: Gate = Gate(1);
    /// The word token just before this one (`meski pun`: `pun` calls on `meski`).
    pub const PREV: Gate = Gate(2);
}

impl std::ops::BitOr for Gate {
    type Output = Gate;
    fn bitor(self, rhs: Gate) -> Gate {
        Gate(self.0 | rhs.0)
    }
}

/// What a check may consult besides the document.
#[derive(Clone, Copy)]
pub struct Context<'c> {
    /// The dictionary with the newsroom's accepted words.
    pub lexicon: &'c Lexicon,
    /// The project config in force for this document.
    pub config: &'c Config,
    /// The reference (publication) date, from `--date` or config.
    pub reference_date: Option<chrono::NaiveDate>,
    /// For a gated check: the word tokens its gate let through, in order. `None`: every
    /// word.
    pub candidates: Option<&'c [u32]>,
}

impl Context<'_> {
    /// The word tokens a gated check visits: its candidates, or every word.
    pub fn candidates<'d>(&self, doc: &'d Document<'_>) -> Candidates<'d>
    where
        Self: 'd,
    {
        match self.candidates {
            Some(c) => Candidates::Listed(c.iter()),
            None => Candidates::All(doc.tokens.iter().enumerate()),
        }
    }
}

/// See [`Context::candidates`].
pub enum Candidates<'d> {
    /// The gate's list.
    Listed(std::slice::Iter<'d, u32>),
    /// Every word token.
    All(std::iter::Enumerate<std::slice::Iter<'d, crate::document::Token>>),
}

impl Iterator for Candidates<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        match self {
            Candidates::Listed(it) => it.next().map(|&i| i as usize),
            Candidates::All(it) => it.find(|(_, t)| t.is_word()).map(|(i, _)| i),
        }
    }
}

/// Collects one rule's findings, filling in the rule id, level and message template.
pub struct Reporter<'r> {
    meta: &'r RuleMeta,
    out: &'r mut Vec<Diagnostic>,
}

impl<'r> Reporter<'r> {
    /// A reporter for `meta` that appends to `out`.
    pub fn new(meta: &'r RuleMeta, out: &'r mut Vec<Diagnostic>) -> Self {
        Self { meta, out }
    }

    /// The rule being run.
    pub fn meta(&self) -> &RuleMeta {
        self.meta
    }

    /// Report `span` with the rule's message template filled from `vars`.
    pub fn report(&mut self, span: Span, vars: &[(&str, &str)]) -> &mut Diagnostic {
        let message = fill(&self.meta.message, vars);
        self.report_message(span, message)
    }

    /// Report `span` with an explicit message.
    pub fn report_message(&mut self, span: Span, message: String) -> &mut Diagnostic {
        self.out.push(Diagnostic {
            rule: self.meta.id.clone(),
            level: self.meta.level,
            span,
            message,
            help: None,
            labels: Vec::new(),
            fixes: Vec::new(),
            fix_safe: self.meta.safe_fix,
        });
        self.out.last_mut().expect("just pushed")
    }

    /// Report that `span` (reading `actual`) should read `expected`, with that fix.
    pub fn replace(&mut self, span: Span, actual: &str, expected: &str) -> &mut Diagnostic {
        let d = self.report(span, &[("actual", actual), ("expected", expected)]);
        d.fixes.push(Fix::new(span, expected));
        d
    }
}

/// Fill `{name}` placeholders; unknown ones are left as written.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match vars.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the kinds' unit tests: build a one-rule pack and run it.

    use crate::diagnostic::Diagnostic;
    use crate::document::Format;
    use crate::engine::Linter;

    /// A linter with one rule of `kind`, whose extra TOML lines are `params`.
    pub(crate) fn linter(kind: &str, params: &str) -> Linter {
        let pack = format!(
            "[pack]\nname = \"uji\"\n[[rule]]\nid = \"uji\"\nkind = \"{kind}\"\nmessage = \"Tulis '{{expected}}', bukan '{{actual}}'.\"\n{params}\n"
        );
        Linter::from_pack_texts(&[("uji.toml", &pack)]).unwrap_or_else(|e| panic!("{e}: {e:?}"))
    }

    /// Findings of the one rule on `text`.
    pub(crate) fn run(linter: &Linter, text: &str) -> Vec<Diagnostic> {
        linter.check_text(text, Format::Text)
    }

    /// The text after applying every finding's fixes.
    pub(crate) fn fixed(linter: &Linter, text: &str) -> String {
        let d = run(linter, text);
        crate::diagnostic::apply_fixes(text, d.iter().flat_map(|d| d.fixes.iter()))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fill_leaves_unknown_placeholders() {
        assert_eq!(
            super::fill("Tulis '{expected}' {x}", &[("expected", "izin")]),
            "Tulis 'izin' {x}"
        );
    }
}
