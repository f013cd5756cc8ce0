//! `pattern`: a regular expression with a message and an optional replacement.

use regex::{Regex, RegexBuilder};
use serde::Deserialize;

use super::{BuildEnv, Check, Context, KindError, Reporter, RuleKind};
use crate::diagnostic::Fix;
use crate::document::Document;
use crate::span::Span;

/// Longest pattern accepted, in bytes.
const MAX_PATTERN_LEN: usize = 4096;
/// Compiled-program and lazy-DFA limits: a hostile pattern fails to build instead of
/// eating memory.
const SIZE_LIMIT: usize = 1 << 20;
const DFA_LIMIT: usize = 1 << 21;
const NEST_LIMIT: u32 = 64;

/// ## What it does
/// Reports every match of `regex` in the prose; with `replace`, offers the expanded
/// template (`$1`, `${name}`) as the fix.
///
/// ## Parameters
/// - `regex`: Rust regex syntax; use inline flags `(?i)`, `(?m)`.
/// - `replace` (optional): replacement template.
/// - `outside-quotes` (default false): skip matches inside direct speech.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    regex: String,
    replace: Option<String>,
    #[serde(default)]
    outside_quotes: bool,
}

/// The compiled `pattern` kind.
#[derive(Debug)]
pub struct Pattern {
    regex: Regex,
    replace: Option<String>,
    outside_quotes: bool,
}

impl RuleKind for Pattern {
    const NAME: &'static str = "pattern";
    type Params = Params;

    fn build(params: Params, _env: &BuildEnv<'_>) -> Result<Self, KindError> {
        if params.regex.len() > MAX_PATTERN_LEN {
            return Err(KindError::at(
                "regex",
                format!(
                    "regex is {} bytes long; the limit is {MAX_PATTERN_LEN}",
                    params.regex.len()
                ),
            ));
        }
        let regex = RegexBuilder::new(&params.regex)
            .size_limit(SIZE_LIMIT)
            .dfa_size_limit(DFA_LIMIT)
            .nest_limit(NEST_LIMIT)
            .build()
            .map_err(|e| {
                KindError::at(
                    "regex",
                    format!("invalid regex: {}", one_line(&e.to_string())),
                )
            })?;
        if regex.is_match("") {
            return Err(KindError::at(
                "regex",
                "regex matches the empty string, so it would match everywhere",
            ));
        }
        Ok(Self {
            regex,
            replace: params.replace,
            outside_quotes: params.outside_quotes,
        })
    }
}

fn one_line(s: &str) -> String {
    s.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

impl Check for Pattern {
    fn check(&self, doc: &Document<'_>, _ctx: &Context<'_>, out: &mut Reporter<'_>) {
        for caps in self.regex.captures_iter(&doc.prose) {
            let m = caps.get(0).expect("group 0 always matches");
            if m.is_empty() || (self.outside_quotes && doc.in_quotes(m.start())) {
                continue;
            }
            let span = Span::new(m.start(), m.end());
            let actual = span.text(doc.text);
            match &self.replace {
                Some(template) => {
                    let mut expected = String::new();
                    caps.expand(template, &mut expected);
                    if expected == actual {
                        continue;
                    }
                    let d = out.report(span, &[("actual", actual), ("expected", &expected)]);
                    d.fixes.push(Fix::new(span, expected));
                }
                None => {
                    out.report(span, &[("actual", actual)]);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::kinds::testing::{fixed, linter, run};

    #[test]
    fn flags_matches_with_replacement() {
        let l = linter("pattern", "regex = '\\bRp\\.? (\\d)'\nreplace = 'Rp$1'");
        assert_eq!(
            fixed(&l, "Harganya Rp 50.000 dan Rp. 7.000."),
            "Harganya Rp50.000 dan Rp7.000."
        );
        assert!(run(&l, "Harganya Rp50.000.").is_empty());
    }

    #[test]
    fn rejects_bad_and_hostile_patterns() {
        use crate::engine::Linter;
        let bad =
            "[pack]\nname = \"x\"\n[[rule]]\nid = \"x\"\nkind = \"pattern\"\nregex = '(unclosed'\n";
        let e = Linter::from_pack_texts(&[("x.toml", bad)]).unwrap_err();
        assert!(e.to_string().contains("invalid regex"), "{e}");
        let hostile = "[pack]\nname = \"x\"\n[[rule]]\nid = \"x\"\nkind = \"pattern\"\nregex = '(\\w{1000}){1000}'\n";
        let e = Linter::from_pack_texts(&[("x.toml", hostile)]).unwrap_err();
        assert!(e.to_string().contains("invalid regex"), "{e}");
        let empty =
            "[pack]\nname = \"x\"\n[[rule]]\nid = \"x\"\nkind = \"pattern\"\nregex = 'a*'\n";
        assert!(Linter::from_pack_texts(&[("x.toml", empty)]).is_err());
    }
}
