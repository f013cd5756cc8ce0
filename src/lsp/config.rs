//! Rule loading for the server: the same `.sunting.toml` discovery and `Linter::from_config`
//! as the CLI, plus the client's settings, with load errors kept as data (shown on the config
//! file) instead of stopping the server.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde::Deserialize;

use crate::config::Config;
use crate::diagnostic::Level;
use crate::engine::{Linter, LoadError};

/// Client settings (`sunting.*`), from `initializationOptions` or `didChangeConfiguration`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// `sunting.minLevel`: publish only findings at or above this level.
    pub min_level: Option<Level>,
    /// `sunting.extraPacks`: rule packs loaded on top of the project's (relative paths
    /// resolve against the workspace root).
    pub extra_packs: Vec<PathBuf>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct RawSettings {
    min_level: Option<String>,
    extra_packs: Option<Vec<PathBuf>>,
}

impl Settings {
    /// Update from a JSON value: either `{ "sunting": { ... } }` or the inner object.
    /// Keys that are missing (or null) keep their current value; unknown keys are ignored
    /// (editors send their own, such as `path`). Returns problems to show the user.
    pub fn update_from_json(
        &mut self,
        value: &serde_json::Value,
        root: Option<&Path>,
    ) -> Vec<String> {
        let inner = match value.get("sunting") {
            Some(v) if v.is_object() => v,
            _ => value,
        };
        let mut problems = Vec::new();
        if !inner.is_object() {
            return problems;
        }
        let raw: RawSettings = serde_json::from_value(inner.clone()).unwrap_or_else(|e| {
            problems.push(format!("pengaturan sunting tidak terbaca: {e}"));
            RawSettings::default()
        });
        if let Some(s) = raw.min_level {
            if s.is_empty() {
                self.min_level = None;
            } else {
                match s.parse::<Level>() {
                    Ok(l) => self.min_level = Some(l),
                    Err(e) => problems.push(format!("sunting.minLevel: {e}")),
                }
            }
        }
        if let Some(packs) = raw.extra_packs {
            self.extra_packs = packs
                .into_iter()
                .map(|p| match root {
                    Some(r) if p.is_relative() => r.join(p),
                    _ => p,
                })
                .collect();
        }
        problems
    }

    /// Settings from a JSON value, starting from the defaults.
    pub fn from_json(value: &serde_json::Value, root: Option<&Path>) -> (Self, Vec<String>) {
        let mut s = Self::default();
        let problems = s.update_from_json(value, root);
        (s, problems)
    }
}

/// A config or pack file that failed to load: where (for a diagnostic on that file) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file at fault (`.sunting.toml` or a pack).
    pub path: PathBuf,
    /// Its text, when readable (to place the range).
    pub text: Option<String>,
    /// Byte span of the problem.
    pub span: Option<Range<usize>>,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    fn from_load_error(e: &LoadError, config_path: Option<&Path>) -> Self {
        match e {
            LoadError::Pack(p) => Problem {
                path: PathBuf::from(&p.path),
                text: Some(p.text.clone()),
                span: p.span.clone(),
                message: match &p.note {
                    Some(n) => format!("{}\n{n}", p.message),
                    None => p.message.clone(),
                },
            },
            LoadError::Config(c) => Problem {
                path: c.path.clone(),
                text: c.text.clone(),
                span: c.span.clone(),
                message: c.message.clone(),
            },
            LoadError::Lexicon(l) => {
                let path = config_path.map_or_else(
                    || PathBuf::from(crate::config::CONFIG_FILE_NAME),
                    Path::to_owned,
                );
                Problem {
                    text: std::fs::read_to_string(&path).ok(),
                    path,
                    span: None,
                    message: l.to_string(),
                }
            }
        }
    }
}

/// The rule set for one config file, and what went wrong loading it (if anything: then the
/// linter is the fallback).
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The linter to use.
    pub linter: Arc<Linter>,
    /// Why the project's rules could not be used.
    pub problem: Option<Problem>,
}

fn defaults() -> Arc<Linter> {
    static DEFAULT: OnceLock<Arc<Linter>> = OnceLock::new();
    DEFAULT
        .get_or_init(|| Arc::new(Linter::with_defaults()))
        .clone()
}

/// Linters by config file (None: no `.sunting.toml` above the document), loaded on demand.
#[derive(Debug, Default)]
pub struct Linters {
    cache: HashMap<Option<PathBuf>, Loaded>,
}

impl Linters {
    /// The config file that governs a document (None for unsaved buffers and documents with
    /// no `.sunting.toml` above them).
    pub fn config_path_for(doc_path: Option<&Path>) -> Option<PathBuf> {
        doc_path.and_then(Config::discover)
    }

    /// The cached rule set for `config_path`, if loaded.
    pub fn cached(&self, config_path: &Option<PathBuf>) -> Option<Loaded> {
        self.cache.get(config_path).cloned()
    }

    /// Remember a loaded rule set.
    pub fn insert(&mut self, config_path: Option<PathBuf>, loaded: Loaded) {
        self.cache.insert(config_path, loaded);
    }

    /// Forget everything (a config file changed).
    pub fn clear(&mut self) {
        self.cache.clear();
    }

    /// Every problem of the loaded rule sets.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out: Vec<Problem> = self
            .cache
            .values()
            .filter_map(|l| l.problem.clone())
            .collect();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out.dedup();
        out
    }
}

/// Load the rule set for a config file (blocking: reads files, builds the dictionary).
/// Never fails: a broken config or pack yields the default rules and a [`Problem`].
pub fn load(config_path: Option<&Path>, settings: &Settings) -> Loaded {
    let mut problem = None;
    let mut config = match config_path {
        Some(p) => match Config::load(p) {
            Ok(c) => c,
            Err(e) => {
                problem = Some(Problem {
                    path: e.path.clone(),
                    text: e.text.clone(),
                    span: e.span.clone(),
                    message: e.message.clone(),
                });
                Config::default()
            }
        },
        None => Config::default(),
    };
    if config_path.is_none() && settings.extra_packs.is_empty() {
        return Loaded {
            linter: defaults(),
            problem: None,
        };
    }
    config.packs.extend(settings.extra_packs.iter().cloned());
    match Linter::from_config(config) {
        Ok(l) => Loaded {
            linter: Arc::new(l),
            problem,
        },
        Err(e) => {
            let p = Problem::from_load_error(&e, config_path);
            // Fall back to the defaults plus the client's extra packs; when those are what
            // broke, to the defaults alone.
            let fallback = Config {
                packs: settings.extra_packs.clone(),
                ..Config::default()
            };
            let linter = if settings.extra_packs.is_empty() {
                defaults()
            } else {
                Linter::from_config(fallback).map_or_else(|_| defaults(), Arc::new)
            };
            Loaded {
                linter,
                problem: problem.or(Some(p)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_accept_nested_or_flat_objects() {
        let v = serde_json::json!({"sunting": {"minLevel": "warning", "extraPacks": ["p.toml"], "path": "x"}});
        let (s, problems) = Settings::from_json(&v, Some(Path::new("/ws")));
        assert!(problems.is_empty());
        assert_eq!(s.min_level, Some(Level::Warning));
        assert_eq!(s.extra_packs, vec![PathBuf::from("/ws/p.toml")]);
        let (s, _) = Settings::from_json(&serde_json::json!({"minLevel": "error"}), None);
        assert_eq!(s.min_level, Some(Level::Error));
        let (s, problems) = Settings::from_json(&serde_json::json!({"minLevel": "loud"}), None);
        assert_eq!(s.min_level, None);
        assert_eq!(problems.len(), 1);
        let (s, _) = Settings::from_json(&serde_json::Value::Null, None);
        assert_eq!(s, Settings::default());
        // A missing key keeps its value (Eglot sends empty settings).
        let mut s = Settings {
            min_level: Some(Level::Error),
            extra_packs: vec![PathBuf::from("/a.toml")],
        };
        s.update_from_json(&serde_json::json!({}), None);
        s.update_from_json(&serde_json::json!({"sunting": null}), None);
        assert_eq!(s.min_level, Some(Level::Error));
        s.update_from_json(&serde_json::json!({"extraPacks": []}), None);
        assert_eq!(s.min_level, Some(Level::Error));
        assert!(s.extra_packs.is_empty());
    }

    #[test]
    fn a_broken_config_falls_back_with_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(".sunting.toml");
        std::fs::write(&p, "[rules]\ndisabel = []\n").unwrap();
        let loaded = load(Some(&p), &Settings::default());
        let problem = loaded.problem.expect("a problem");
        assert_eq!(problem.path, p);
        assert!(problem.span.is_some());
        assert!(!loaded.linter.rules().is_empty());
    }

    #[test]
    fn an_unknown_rule_id_is_a_problem_on_the_config() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(".sunting.toml");
        std::fs::write(&p, "[rules]\ndisable = [\"tidak-ada\"]\n").unwrap();
        let loaded = load(Some(&p), &Settings::default());
        let problem = loaded.problem.expect("a problem");
        assert_eq!(problem.path, p);
        assert!(problem.message.contains("tidak-ada"), "{}", problem.message);
    }
}
