//! Loading a rule pack from TOML in two stages: the keys every rule shares first (with
//! their positions), then the leftover keys into the kind's own strict parameters.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::kinds::{self, Check, KindError};
use crate::diagnostic::Level;

/// A loaded pack.
#[derive(Debug)]
pub struct Pack {
    /// `[pack] name`.
    pub name: String,
    /// `[pack] description`.
    pub description: String,
    /// `[pack] source`: where the data comes from.
    pub source: Option<String>,
    /// Where it was loaded from (`rules/baku.toml` for embedded packs).
    pub path: String,
    /// Its rules, in file order.
    pub rules: Vec<Rule>,
}

/// What the engine and front ends know about a rule, apart from its check.
#[derive(Clone, Debug)]
pub struct RuleMeta {
    /// Unique id, e.g. `baku`.
    pub id: String,
    /// The kind, e.g. `substitution`.
    pub kind: String,
    /// Default level.
    pub level: Level,
    /// Message template (Indonesian); `{name}` placeholders are filled by the kind.
    pub message: String,
    /// Longer explanation (Indonesian), with its source.
    pub explain: String,
    /// Short English gloss.
    pub gloss: String,
    /// Whether `--fix` may apply this rule's fixes unattended.
    pub safe_fix: bool,
    /// Drop this rule's finding when another rule reports an overlapping span (for
    /// catch-all rules such as spelling).
    pub defer: bool,
    /// A documentation link.
    pub url: Option<String>,
    /// The pack's name.
    pub pack: String,
    /// The rule's own examples.
    pub tests: Vec<RuleTest>,
}

/// One example carried by a rule.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleTest {
    /// Text that must be reported by the rule.
    pub bad: Option<String>,
    /// With `bad`: the text after applying the rule's fixes.
    pub fix: Option<String>,
    /// Text that must not be reported by the rule.
    pub good: Option<String>,
    /// Treat the example as Markdown.
    #[serde(default)]
    pub markdown: bool,
}

/// A rule: metadata plus its compiled check.
pub struct Rule {
    /// What is known about it.
    pub meta: RuleMeta,
    /// The check.
    pub check: Box<dyn Check>,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule")
            .field("meta", &self.meta)
            .finish_non_exhaustive()
    }
}

/// A pack that could not be loaded: where and why, ready to render as a code frame.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct PackError {
    /// The pack's path.
    pub path: String,
    /// The pack's text.
    pub text: String,
    /// Byte span of the problem in `text`.
    pub span: Option<Range<usize>>,
    /// What is wrong.
    pub message: String,
    /// A note on how to fix it.
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    pack: PackHeader,
    #[serde(default)]
    rule: Vec<Spanned<toml::Table>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PackHeader {
    name: String,
    #[serde(default)]
    description: String,
    source: Option<String>,
}

/// Keys every rule shares; everything else belongs to the kind.
const COMMON_KEYS: &[&str] = &[
    "id", "kind", "level", "message", "explain", "gloss", "safe-fix", "defer", "url", "test",
];

/// Parse and build a pack.
///
/// # Errors
/// Malformed TOML, unknown or missing keys, an unknown kind, parameters the kind rejects
/// (a bad regex, say), all with the span of the problem.
pub fn load(path: &str, text: &str, env: &kinds::BuildEnv<'_>) -> Result<Pack, PackError> {
    let err = |span: Option<Range<usize>>, message: String, note: Option<String>| PackError {
        path: path.to_owned(),
        text: text.to_owned(),
        span,
        message,
        note,
    };
    let file: PackFile =
        toml::from_str(text).map_err(|e| err(e.span(), e.message().trim().to_owned(), None))?;
    let mut rules = Vec::new();
    for spanned in file.rule {
        let rule_span = rule_extent(text, spanned.span());
        let mut table = spanned.into_inner();
        let key_span =
            |key: &str| find_key(text, rule_span.clone(), key).or(Some(rule_span.clone()));
        let id = take_string(&mut table, "id").ok_or_else(|| {
            err(
                Some(rule_span.clone()),
                "rule has no `id`".to_owned(),
                Some("every [[rule]] needs a unique `id = \"...\"`".to_owned()),
            )
        })?;
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        {
            return Err(err(
                key_span("id"),
                format!("rule id `{id}` must be lower-case letters, digits, `-` and `.`"),
                None,
            ));
        }
        let kind = take_string(&mut table, "kind").ok_or_else(|| {
            err(
                Some(rule_span.clone()),
                format!("rule `{id}` has no `kind`"),
                Some(format!("expected one of {}", kinds::expected_list())),
            )
        })?;
        let level = match take_string(&mut table, "level") {
            None => Level::Warning,
            Some(l) => l
                .parse()
                .map_err(|m: String| err(key_span("level"), format!("rule `{id}`: {m}"), None))?,
        };
        let message = take_string(&mut table, "message").unwrap_or_default();
        let explain = take_string(&mut table, "explain").unwrap_or_default();
        let gloss = take_string(&mut table, "gloss").unwrap_or_default();
        let url = take_string(&mut table, "url");
        let safe_fix = take_bool(&mut table, "safe-fix")
            .map_err(|m| err(key_span("safe-fix"), format!("rule `{id}`: {m}"), None))?
            .unwrap_or(true);
        let defer = take_bool(&mut table, "defer")
            .map_err(|m| err(key_span("defer"), format!("rule `{id}`: {m}"), None))?
            .unwrap_or(false);
        // Wrong types for the string keys surface here, not silently.
        for key in ["id", "kind", "level", "message", "explain", "gloss", "url"] {
            if table.contains_key(key) {
                return Err(err(
                    key_span(key),
                    format!("rule `{id}`: `{key}` must be a string"),
                    None,
                ));
            }
        }
        let tests: Vec<RuleTest> = match table.remove("test") {
            None => Vec::new(),
            Some(v) => v.try_into().map_err(|e: toml::de::Error| {
                err(
                    key_span("test"),
                    format!("rule `{id}`: bad [[rule.test]]: {}", e.message().trim()),
                    Some("each test has `bad` (+ optional `fix`) or `good`".to_owned()),
                )
            })?,
        };
        for t in &tests {
            if t.bad.is_none() == t.good.is_none() || (t.fix.is_some() && t.bad.is_none()) {
                return Err(err(
                    key_span("test"),
                    format!(
                        "rule `{id}`: each [[rule.test]] needs exactly one of `bad` or `good` (and `fix` only with `bad`)"
                    ),
                    None,
                ));
            }
        }
        debug_assert!(COMMON_KEYS.iter().all(|k| !table.contains_key(*k)));
        let check = kinds::build(&kind, table, env).map_err(|e| match e {
            KindError::Unknown => err(
                key_span("kind"),
                format!("rule `{id}`: unknown kind `{kind}`"),
                Some(format!("expected one of {}", kinds::expected_list())),
            ),
            KindError::Params(e) => {
                let msg = e.message().trim().to_owned();
                let span = backticked(&msg)
                    .and_then(|k| find_key(text, rule_span.clone(), k))
                    .or(Some(rule_span.clone()));
                err(span, format!("rule `{id}` (kind `{kind}`): {msg}"), None)
            }
            KindError::Build { key, message } => {
                let span = key
                    .as_deref()
                    .and_then(|k| find_key(text, rule_span.clone(), k))
                    .or(Some(rule_span.clone()));
                err(
                    span,
                    format!("rule `{id}` (kind `{kind}`): {message}"),
                    None,
                )
            }
        })?;
        rules.push(Rule {
            meta: RuleMeta {
                id,
                kind,
                level,
                message,
                explain,
                gloss,
                safe_fix,
                defer,
                url,
                pack: file.pack.name.clone(),
                tests,
            },
            check,
        });
    }
    Ok(Pack {
        name: file.pack.name,
        description: file.pack.description,
        source: file.pack.source,
        path: path.to_owned(),
        rules,
    })
}

/// From a `[[rule]]` header to the next `[[rule]]` header (or the end): the text of one rule.
fn rule_extent(text: &str, header: Range<usize>) -> Range<usize> {
    let start = header.start.min(text.len());
    let mut pos = header.end.min(text.len());
    for line in text[pos..].split_inclusive('\n') {
        if line.trim_start().starts_with("[[rule]]") {
            return start..pos;
        }
        pos += line.len();
    }
    start..text.len()
}

fn take_string(table: &mut toml::Table, key: &str) -> Option<String> {
    match table.get(key) {
        Some(toml::Value::String(_)) => match table.remove(key) {
            Some(toml::Value::String(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

fn take_bool(table: &mut toml::Table, key: &str) -> Result<Option<bool>, String> {
    match table.remove(key) {
        None => Ok(None),
        Some(toml::Value::Boolean(b)) => Ok(Some(b)),
        Some(_) => Err(format!("`{key}` must be true or false")),
    }
}

/// The first name in backticks in a serde message ("unknown field `pair`, expected ...").
fn backticked(msg: &str) -> Option<&str> {
    let start = msg.find('`')? + 1;
    let len = msg[start..].find('`')?;
    Some(&msg[start..start + len])
}

/// Where `key = ` (or `[rule.key]`) is written inside a rule's span.
fn find_key(text: &str, within: Range<usize>, key: &str) -> Option<Range<usize>> {
    let within = within.start.min(text.len())..within.end.min(text.len());
    let hay = &text[within.clone()];
    let mut offset = 0;
    for line in hay.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let bare = trimmed.strip_prefix('"').unwrap_or(trimmed);
        let is_key = bare.starts_with(key) && {
            let rest = bare[key.len()..].trim_start_matches('"').trim_start();
            rest.starts_with('=')
        };
        let is_table = trimmed.starts_with(&format!("[rule.{key}]"))
            || trimmed.starts_with(&format!("[[rule.{key}]]"));
        if is_key || is_table {
            let start = within.start + offset + indent;
            let end = start + line.trim().len();
            return Some(start..end);
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_str(text: &str) -> Result<Pack, PackError> {
        load("uji.toml", text, &kinds::BuildEnv::default())
    }

    #[test]
    fn loads_a_pack_with_tests() {
        let pack = load_str(
            r#"
[pack]
name = "uji"
[[rule]]
id = "baku"
kind = "substitution"
level = "warning"
message = "Tulis '{expected}', bukan '{actual}'."
[rule.pairs]
praktek = "praktik"
[[rule.test]]
bad = "Itu praktek lama."
fix = "Itu praktik lama."
"#,
        )
        .unwrap();
        assert_eq!(pack.rules.len(), 1);
        assert_eq!(pack.rules[0].meta.tests.len(), 1);
    }

    #[test]
    fn unknown_param_points_at_the_key() {
        let text = "[pack]\nname = \"uji\"\n[[rule]]\nid = \"baku\"\nkind = \"substitution\"\npair = { a = \"b\" }\n";
        let e = load_str(text).unwrap_err();
        assert!(e.message.contains("unknown field `pair`"), "{}", e.message);
        let span = e.span.unwrap();
        assert_eq!(&text[span.start..span.start + 4], "pair");
    }

    #[test]
    fn unknown_kind_lists_the_kinds() {
        let text = "[pack]\nname = \"uji\"\n[[rule]]\nid = \"x\"\nkind = \"substitusi\"\n";
        let e = load_str(text).unwrap_err();
        assert!(e.message.contains("unknown kind `substitusi`"));
        assert!(e.note.unwrap().contains("`substitution`"));
    }

    #[test]
    fn malformed_toml_has_a_span() {
        let e = load_str("[pack\nname = 1").unwrap_err();
        assert!(e.span.is_some());
    }
}
