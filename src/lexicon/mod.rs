//! The Indonesian lexicon: the Hunspell id_ID dictionary (embedded, replaceable), the
//! newsroom's accepted words, and a cache so each distinct word is looked up once.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, OnceLock, RwLock};

use spellbook::Dictionary;

use crate::config::Config;
use crate::document::normalize::key;

/// The embedded Hunspell affix file (LGPL-3; see `rules/kamus/debian-copyright`).
pub const DEFAULT_AFF: &str = include_str!("../../rules/kamus/id_ID.aff");
/// The embedded Hunspell word list.
pub const DEFAULT_DIC: &str = include_str!("../../rules/kamus/id_ID.dic");

static DEFAULT_DICTIONARY: OnceLock<Arc<Dictionary>> = OnceLock::new();

fn default_dictionary() -> Arc<Dictionary> {
    DEFAULT_DICTIONARY
        .get_or_init(|| {
            Arc::new(
                Dictionary::new(DEFAULT_AFF, DEFAULT_DIC)
                    .expect("the embedded dictionary parses (tested)"),
            )
        })
        .clone()
}

/// Where the dictionary comes from.
enum Source {
    /// The embedded id_ID, loaded on first use.
    Default,
    /// A dictionary given in config, already loaded.
    Custom(Arc<Dictionary>),
}

/// Word lookups for every rule that needs to know whether a word exists.
pub struct Lexicon {
    source: Source,
    dictionary: OnceLock<Arc<Dictionary>>,
    accepted: HashSet<String>,
    cache: RwLock<HashMap<String, bool>>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("accepted", &self.accepted.len())
            .finish_non_exhaustive()
    }
}

/// A dictionary or word list from config that could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct LexiconError {
    /// The file.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::with_source(Source::Default, HashSet::new())
    }
}

impl Lexicon {
    fn with_source(source: Source, accepted: HashSet<String>) -> Self {
        Self {
            source,
            dictionary: OnceLock::new(),
            accepted,
            cache: RwLock::new(HashMap::new()),
        }
    }

    /// The lexicon a config asks for: the embedded or a replacement dictionary, plus
    /// accepted words and extra word lists.
    ///
    /// # Errors
    /// Unreadable or unparsable dictionary files and word lists.
    pub fn from_config(cfg: &Config) -> Result<Self, LexiconError> {
        let mut accepted: HashSet<String> = cfg.words.accept.iter().map(|w| key(w)).collect();
        for p in &cfg.dictionary.extra {
            let path = cfg.resolve(p);
            let text = read(&path)?;
            accepted.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(key),
            );
        }
        let source = match (&cfg.dictionary.aff, &cfg.dictionary.dic) {
            (None, None) => Source::Default,
            (Some(aff), Some(dic)) => {
                let (aff, dic) = (cfg.resolve(aff), cfg.resolve(dic));
                let (a, d) = (read(&aff)?, read(&dic)?);
                let dict = Dictionary::new(&a, &d).map_err(|e| LexiconError {
                    path: dic.display().to_string(),
                    message: format!("cannot load Hunspell dictionary: {e}"),
                })?;
                Source::Custom(Arc::new(dict))
            }
            _ => {
                return Err(LexiconError {
                    path: ".sunting.toml".to_owned(),
                    message: "[dictionary] needs both `aff` and `dic`".to_owned(),
                });
            }
        };
        Ok(Self::with_source(source, accepted))
    }

    /// The underlying Hunspell dictionary (loaded on first use).
    pub fn dictionary(&self) -> &Dictionary {
        self.dictionary.get_or_init(|| match &self.source {
            Source::Default => default_dictionary(),
            Source::Custom(d) => d.clone(),
        })
    }

    /// True when the newsroom accepts `word` (config `[words] accept`, extra lists).
    pub fn is_accepted(&self, word: &str) -> bool {
        !self.accepted.is_empty() && self.accepted.contains(&key(word))
    }

    /// True when the dictionary or the accepted words know `word` as written (Hunspell
    /// handles the capitalisation rules). Cached per distinct word.
    pub fn knows(&self, word: &str) -> bool {
        if let Some(&hit) = self.cache.read().expect("lexicon cache lock").get(word) {
            return hit;
        }
        let hit = self.is_accepted(word) || self.dictionary().check(word);
        self.cache
            .write()
            .expect("lexicon cache lock")
            .insert(word.to_owned(), hit);
        hit
    }
}

fn read(path: &Path) -> Result<String, LexiconError> {
    std::fs::read_to_string(path).map_err(|e| LexiconError {
        path: path.display().to_string(),
        message: format!("cannot read: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_standard_words_and_accepted_ones() {
        let lex = Lexicon::default();
        assert!(lex.knows("kepada"));
        assert!(lex.knows("praktik"));
        assert!(!lex.knows("keapda"));
        let cfg = Config {
            words: crate::config::WordsConfig {
                accept: vec!["pemilu".to_owned()],
            },
            ..Config::default()
        };
        assert!(Lexicon::from_config(&cfg).unwrap().knows("pemilu"));
    }
}
