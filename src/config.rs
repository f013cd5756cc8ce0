//! Project configuration: `.sunting.toml`, found by walking up from each checked file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::Level;

/// The file name looked for in each folder from the checked file up to the root.
pub const CONFIG_FILE_NAME: &str = ".sunting.toml";

/// A `.sunting.toml`. Every section is optional.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Extra rule packs, paths relative to the config file.
    #[serde(default)]
    pub packs: Vec<PathBuf>,
    /// Leave out the embedded default packs (only `packs` are loaded).
    #[serde(default)]
    pub no_default_packs: bool,
    /// Turn rules off or change their level.
    #[serde(default)]
    pub rules: RulesConfig,
    /// Newsroom vocabulary.
    #[serde(default)]
    pub words: WordsConfig,
    /// Replace or extend the spelling dictionary.
    #[serde(default)]
    pub dictionary: DictionaryConfig,
    /// Newsroom names.
    #[serde(default)]
    pub names: NamesConfig,
    /// House style for dates and times.
    #[serde(default)]
    pub dates: DatesConfig,
    /// Which files a folder walk checks.
    #[serde(default)]
    pub files: FilesConfig,
    /// Findings dismissed one by one (rule + the sentence they were in).
    #[serde(default)]
    pub dismissed: Vec<Dismissed>,
    /// The folder of the config file; relative paths resolve against it. Not read from TOML.
    #[serde(skip)]
    pub root: Option<PathBuf>,
}

/// `[rules]`
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RulesConfig {
    /// Rule ids to turn off. A prefix ending in `.` (`"tanggal."`) turns off a family.
    #[serde(default)]
    pub disable: Vec<String>,
    /// New levels by rule id.
    #[serde(default)]
    pub level: BTreeMap<String, Level>,
}

/// `[words]`
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WordsConfig {
    /// Words the spelling rule accepts (case-insensitive), e.g. newsroom terms.
    #[serde(default)]
    pub accept: Vec<String>,
}

/// `[dictionary]`
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DictionaryConfig {
    /// A Hunspell `.aff` file replacing the embedded one (with `dic`).
    pub aff: Option<PathBuf>,
    /// A Hunspell `.dic` file replacing the embedded one (with `aff`).
    pub dic: Option<PathBuf>,
    /// Extra word lists, one word per line (`#` comments).
    #[serde(default)]
    pub extra: Vec<PathBuf>,
}

/// `[names]`
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NamesConfig {
    /// Names that are never reported as variants of another name.
    #[serde(default)]
    pub accept: Vec<String>,
    /// Canonical spelling -> wrong variants to report with that fix.
    #[serde(default)]
    pub canonical: BTreeMap<String, Vec<String>>,
}

/// `[dates]`
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DatesConfig {
    /// The year assumed for dates without one, when the article gives none.
    pub year: Option<i32>,
    /// The reference (publication) date, `YYYY-MM-DD`.
    pub reference: Option<String>,
    /// House separator for times: `"."` (default) or `":"`.
    pub time_separator: Option<String>,
    /// House form of a bracketed weekday date: `"d/m"`, `"dd/mm"`, `"d/m/yyyy"`, `"dd/mm/yyyy"`.
    pub format: Option<String>,
}

/// `[files]`
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FilesConfig {
    /// Globs of files to check when walking a folder (default `*.txt`, `*.md`).
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files to skip.
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// One dismissed finding.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Dismissed {
    /// The rule id.
    pub rule: String,
    /// The flagged text.
    pub text: String,
    /// The sentence it was in (whitespace-normalised).
    pub sentence: String,
}

/// A config file that could not be read or parsed.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// Its text, when it could be read (for code frames).
    pub text: Option<String>,
    /// The byte span of the problem in `text`.
    pub span: Option<std::ops::Range<usize>>,
    /// What is wrong.
    pub message: String,
}

impl Config {
    /// Parse a config file's text. `path` is used in errors and to resolve relative paths.
    ///
    /// # Errors
    /// Malformed TOML or unknown keys, with the span of the problem.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let mut cfg: Config = toml::from_str(text).map_err(|e| ConfigError {
            path: path.to_owned(),
            text: Some(text.to_owned()),
            span: e.span(),
            message: e.message().to_owned(),
        })?;
        cfg.root = path.parent().map(Path::to_owned);
        Ok(cfg)
    }

    /// Read and parse a config file.
    ///
    /// # Errors
    /// I/O errors and parse errors.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_owned(),
            text: None,
            span: None,
            message: format!("cannot read config: {e}"),
        })?;
        Self::parse(&text, path)
    }

    /// Find the nearest `.sunting.toml` at or above `start` (a file or a folder).
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let abs = std::path::absolute(start).ok()?;
        let mut dir = if abs.is_dir() {
            Some(abs.as_path())
        } else {
            abs.parent()
        };
        while let Some(d) = dir {
            let candidate = d.join(CONFIG_FILE_NAME);
            if candidate.is_file() {
                return Some(candidate);
            }
            dir = d.parent();
        }
        None
    }

    /// Resolve a path from the config against its folder.
    pub fn resolve(&self, p: &Path) -> PathBuf {
        match &self.root {
            Some(r) if p.is_relative() => r.join(p),
            _ => p.to_owned(),
        }
    }

    /// True when the rule id is disabled (exactly, or by a family prefix ending in `.`).
    pub fn is_disabled(&self, id: &str) -> bool {
        self.rules
            .disable
            .iter()
            .any(|d| d == id || (d.ends_with('.') && id.starts_with(d.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_full_config() {
        let text = r#"
packs = ["gaya-kami.toml"]
[rules]
disable = ["gaya.informal", "tanggal."]
level = { baku = "error" }
[words]
accept = ["pemilu", "bansos"]
[dates]
year = 2024
time-separator = ":"
"#;
        let cfg = Config::parse(text, Path::new("/redaksi/.sunting.toml")).unwrap();
        assert!(cfg.is_disabled("gaya.informal"));
        assert!(cfg.is_disabled("tanggal.hari"));
        assert!(!cfg.is_disabled("baku"));
        assert_eq!(cfg.rules.level["baku"], Level::Error);
        assert_eq!(
            cfg.resolve(Path::new("gaya-kami.toml")),
            PathBuf::from("/redaksi/gaya-kami.toml")
        );
    }

    #[test]
    fn unknown_keys_are_errors_with_a_span() {
        let err = Config::parse("[rules]\ndisabel = []\n", Path::new(".sunting.toml")).unwrap_err();
        assert!(
            err.message.contains("unknown field `disabel`"),
            "{}",
            err.message
        );
        assert!(err.span.is_some());
    }
}
