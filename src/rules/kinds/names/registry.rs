//! The name registry: canonical spellings of people, places and organisations, with the
//! wrong spellings known for them. The default table lives in `rules/nama/registri.toml`;
//! rules extend it with their own tables and a newsroom with `[names]` in `.sunting.toml`.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::config::NamesConfig;
use crate::document::normalize::{key, with_key};
use crate::hash::{HashSet, WordMap};

/// The embedded default registry.
pub(crate) const DEFAULT_REGISTRY: &str = include_str!("../../../../rules/nama/registri.toml");

/// What a registered name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameType {
    /// A person.
    Person,
    /// A country, region or city.
    Place,
    /// A ministry, agency, party or other body.
    Organization,
    /// Added by config, type unknown.
    Unknown,
}

/// The registry file's shape: one table per type, `canonical = [wrong variants]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RegistryTables {
    #[serde(default)]
    pub(crate) orang: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(crate) tempat: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub(crate) lembaga: BTreeMap<String, Vec<String>>,
}

/// A known wrong spelling: its tokens (matching keys) and the canonical spelling.
#[derive(Clone, Debug)]
pub(crate) struct Variant {
    /// Lower-cased tokens of the wrong spelling.
    pub(crate) tokens: Vec<String>,
    /// The spelling to use instead.
    pub(crate) canonical: String,
}

/// The compiled registry.
#[derive(Debug, Default, Clone)]
pub(crate) struct Registry {
    /// Known wrong spellings by the key of their first token.
    variants: WordMap<Vec<Variant>>,
    /// Keys of every token of every registered name, with the name's type.
    parts: WordMap<Vec<NameType>>,
    /// Keys of whole registered names (`korea utara`).
    names: HashSet<String>,
}

/// The default registry, parsed once.
pub(crate) static DEFAULT: LazyLock<Registry> = LazyLock::new(|| {
    let tables: RegistryTables =
        toml::from_str(DEFAULT_REGISTRY).expect("the embedded registry parses (tested)");
    let mut r = Registry::default();
    r.add_tables(&tables)
        .expect("the embedded registry is consistent (tested)");
    r
});

/// Split a name into its word tokens as the document tokenizer sees them.
pub(crate) fn name_tokens(name: &str) -> Vec<String> {
    name.split_whitespace().map(key).collect()
}

impl Registry {
    /// Add every table; errors name the offending entry.
    pub(crate) fn add_tables(&mut self, t: &RegistryTables) -> Result<(), String> {
        for (table, ty) in [
            (&t.orang, NameType::Person),
            (&t.tempat, NameType::Place),
            (&t.lembaga, NameType::Organization),
        ] {
            for (canonical, variants) in table {
                self.add(canonical, variants, ty)?;
            }
        }
        self.check_consistent()
    }

    /// Add the config's `[names] canonical` entries.
    pub(crate) fn add_config(&mut self, cfg: &NamesConfig) -> Result<(), String> {
        for (canonical, variants) in &cfg.canonical {
            self.add(canonical, variants, NameType::Unknown)?;
        }
        Ok(())
    }

    fn add(&mut self, canonical: &str, variants: &[String], ty: NameType) -> Result<(), String> {
        let toks = name_tokens(canonical);
        if toks.is_empty() {
            return Err("a registered name is empty".to_owned());
        }
        for t in &toks {
            let e = self.parts.entry_or_default(t.clone());
            if !e.contains(&ty) {
                e.push(ty);
            }
        }
        self.names.insert(toks.join(" "));
        for v in variants {
            let vt = name_tokens(v);
            if vt.is_empty() {
                return Err(format!("`{canonical}` has an empty variant"));
            }
            if vt == toks {
                return Err(format!(
                    "`{canonical}` lists itself as a wrong variant (`{v}`)"
                ));
            }
            self.variants.entry_or_default(vt[0].clone()).push(Variant {
                tokens: vt,
                canonical: canonical.to_owned(),
            });
        }
        Ok(())
    }

    /// A wrong variant must not be a registered name itself.
    fn check_consistent(&self) -> Result<(), String> {
        for (_, vs) in self.variants.iter() {
            for v in vs {
                let joined = v.tokens.join(" ");
                if self.names.contains(&joined) {
                    return Err(format!(
                        "`{joined}` is both a registered name and a wrong variant of `{}`",
                        v.canonical
                    ));
                }
            }
        }
        Ok(())
    }

    /// Known wrong spellings starting with the token whose key is `first`.
    pub(crate) fn variants_from(&self, first: &str) -> &[Variant] {
        self.variants.get(first).map_or(&[], Vec::as_slice)
    }

    /// True when the token (any case) is part of a registered name.
    pub(crate) fn is_part(&self, token: &str) -> bool {
        with_key(token, |k| self.parts.contains_key(k))
    }

    /// True when the token is part of a registered person's name.
    pub(crate) fn is_person_part(&self, token: &str) -> bool {
        with_key(token, |k| {
            self.parts
                .get(k)
                .is_some_and(|t| t.contains(&NameType::Person))
        })
    }

    /// True when the token is part of a registered person's or place's name.
    pub(crate) fn is_person_or_place_part(&self, token: &str) -> bool {
        with_key(token, |k| {
            self.parts
                .get(k)
                .is_some_and(|t| t.contains(&NameType::Person) || t.contains(&NameType::Place))
        })
    }

    /// True when the token is part of a registered place or organisation name and of no
    /// registered person's name.
    pub(crate) fn is_place_or_org_part(&self, token: &str) -> bool {
        with_key(token, |k| {
            self.parts.get(k).is_some_and(|t| {
                !t.contains(&NameType::Person)
                    && (t.contains(&NameType::Place) || t.contains(&NameType::Organization))
            })
        })
    }
}

/// The registry for a rule: the default (unless turned off) plus the rule's own tables.
pub(crate) fn build(use_default: bool, own: &RegistryTables) -> Result<Registry, String> {
    let mut r = if use_default {
        DEFAULT.clone()
    } else {
        Registry::default()
    };
    r.add_tables(own)?;
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_registry_loads_and_is_consistent() {
        let tables: RegistryTables = toml::from_str(DEFAULT_REGISTRY).unwrap();
        let mut r = Registry::default();
        r.add_tables(&tables).unwrap();
        assert!(r.is_person_part("Kim"));
        assert!(r.is_place_or_org_part("Utara"));
        assert!(!r.is_place_or_org_part("Putin"));
        assert!(r.variants_from("kim").len() >= 3);
    }

    #[test]
    fn a_variant_that_is_a_name_is_rejected() {
        let tables: RegistryTables = toml::from_str(
            "[orang]\n\"Budi Santoso\" = [\"Budi Susanto\"]\n\"Budi Susanto\" = []\n",
        )
        .unwrap();
        let mut r = Registry::default();
        assert!(r.add_tables(&tables).unwrap_err().contains("budi susanto"));
    }
}
