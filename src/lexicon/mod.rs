//! The Indonesian lexicon: the Hunspell id_ID dictionary (embedded, replaceable), the
//! newsroom's accepted words, Indonesian morphology on top (`morphology`), ranked
//! suggestions (`suggest`), and caches so each distinct word is analysed once per run,
//! shared by every file and thread.

mod cache;
pub mod morphology;
pub mod suggest;

use std::path::Path;
use std::sync::{Arc, LazyLock, OnceLock};

use spellbook::Dictionary;

use crate::config::Config;
use crate::document::normalize::{fold, key};
use crate::hash::HashSet;

use cache::Memo;
pub use suggest::{Candidate, Edit};

/// Loanwords and new vocabulary common in Indonesian news that id_ID lacks (see the
/// header of the file for how the list was built).
pub const SERAPAN: &str = include_str!("../../rules/kamus/serapan.txt");
/// English words common in news copy (see the header of the file).
pub const INGGRIS: &str = include_str!("../../rules/kamus/inggris.txt");
/// Lexicalised hyphenated forms (`sayur-mayur`, `bolak-balik`; spaCy, MIT).
pub const ULANG: &str = include_str!("../../rules/kamus/ulang.txt");

/// One word per line; `#` starts a comment (a whole line or after the word).
fn word_list(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .filter_map(|l| l.split('#').next())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(key)
}

static BUILTIN_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    word_list(SERAPAN)
        .chain(word_list(ULANG))
        .chain(word_list(INGGRIS))
        .collect()
});

static ENGLISH: LazyLock<HashSet<String>> = LazyLock::new(|| word_list(INGGRIS).collect());

/// What the lexicon makes of one word: known, or the ways it may have been meant.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// A word as it stands (dictionary, accepted lists or morphology).
    pub known: bool,
    /// Two known words run together (`perhatiandan` -> `perhatian`, `dan`).
    pub split: Option<(String, String)>,
    /// Known words one edit away, best first.
    pub candidates: Vec<Candidate>,
}

/// How many ranked candidates an analysis keeps.
const MAX_CANDIDATES: usize = 8;

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

/// Start parsing the embedded dictionary on a thread of its own, so that it overlaps with
/// loading the rule packs (the two largest start-up costs) instead of following it. The
/// first lookup waits for it if it is not done. For front ends that check right away.
pub fn preload_default_dictionary() {
    if DEFAULT_DICTIONARY.get().is_none() {
        std::thread::spawn(|| drop(default_dictionary()));
    }
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
    cache: Memo<bool>,
    words: Memo<bool>,
    analyses: Memo<Arc<Analysis>>,
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
        Self::with_source(Source::Default, HashSet::default())
    }
}

impl Lexicon {
    fn with_source(source: Source, accepted: HashSet<String>) -> Self {
        Self {
            source,
            dictionary: OnceLock::new(),
            accepted,
            cache: Memo::new(),
            words: Memo::new(),
            analyses: Memo::new(),
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
        self.cache.get_or_insert_with(word, || {
            self.is_accepted(word) || self.dictionary().check(word)
        })
    }

    /// True when `lower` is on the built-in list of English words used in news copy.
    pub fn is_english(&self, lower: &str) -> bool {
        ENGLISH.contains(lower)
    }

    /// One unaffixed form: the dictionary, the newsroom's words, the built-in lists.
    fn base(&self, lower: &str) -> bool {
        (!self.accepted.is_empty() && self.accepted.contains(lower))
            || BUILTIN_WORDS.contains(lower)
            || self.dictionary().check(lower)
    }

    fn is_word_uncached(&self, word: &str, derive: bool) -> bool {
        let folded = fold(word);
        let lower = folded.to_lowercase();
        let base = morphology::Base {
            known: &|w| self.base(w),
            derive,
        };
        morphology::is_word_cased(&folded, &lower, &base)
    }

    /// True when `word` is an Indonesian word: in the dictionary or accepted lists, or a
    /// form the morphology accepts (clitics and particles, reduplication, `ke-3`,
    /// `1990-an`, `non-Indonesia`). Case-insensitive except that bound forms need the
    /// capital after the hyphen. Cached per distinct word; safe and cheap from many threads.
    pub fn is_word(&self, word: &str) -> bool {
        self.words
            .get_or_insert_with(word, || self.is_word_uncached(word, true))
    }

    /// What to make of `word` (lower case): known, run together, or its likely meanings.
    /// Cached per distinct word.
    pub fn analyse(&self, word: &str) -> Arc<Analysis> {
        self.analyses.get_or_insert_with(word, || {
            if self.is_word(word) {
                return Arc::new(Analysis {
                    known: true,
                    ..Analysis::default()
                });
            }
            let probe = |w: &str| self.is_word_uncached(w, false);
            Arc::new(Analysis {
                known: false,
                split: suggest::split(word, &probe),
                candidates: suggest::candidates(word, &probe, MAX_CANDIDATES),
            })
        })
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
