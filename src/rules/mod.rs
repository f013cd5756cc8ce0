//! Rules: the pack format (TOML), the embedded default packs, the rule kinds, and the
//! runner for the examples every rule carries.

pub mod builtin;
pub mod kinds;
pub mod pack;
pub mod selftest;

pub use pack::{Pack, PackError, Rule, RuleMeta, RuleTest};
