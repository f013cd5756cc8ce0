//! sunting: a linter for Indonesian news copy.
//!
//! The library knows nothing of terminals or editors: [`engine::Linter`] turns a
//! [`document::Document`] into [`diagnostic::Diagnostic`]s using rule packs loaded from
//! TOML ([`rules`]). The CLI (`cli`, `render`) and the language server (`lsp`) only convert.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod hash;
pub mod lexicon;
pub mod rules;
pub mod source;
pub mod span;

pub mod cli;
pub mod lsp;
pub mod render;

pub use diagnostic::{Diagnostic, Fix, Level};
pub use document::{Document, Format};
pub use engine::{Linter, WordGates};
pub use span::Span;
