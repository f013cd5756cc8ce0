//! The command-line front end: parse arguments, read inputs, run the linter, render, exit.
//! Thin on purpose: everything it reports comes from the library.
#![allow(clippy::print_stdout, clippy::print_stderr)]

pub mod args;
pub mod fix;
pub mod input;
mod ordered;
mod run;

pub use run::main;
