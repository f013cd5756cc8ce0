//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::diagnostic::Level;

/// sunting: pemeriksa naskah berita berbahasa Indonesia (a linter for Indonesian news copy).
#[derive(Debug, Parser)]
#[command(name = "sunting", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check articles (files, folders, or `-` for stdin).
    Check(CheckArgs),
    /// List every loaded rule with its id, kind, level and a one-line description.
    Rules(ConfigArgs),
    /// Explain a rule: what it checks, why, and its examples.
    Explain {
        /// The rule id, e.g. `baku`.
        rule: String,
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Run the examples (`[[rule.test]]`) of rule packs: the default packs, or the given files.
    TestRules {
        /// Pack files to test (default: the embedded packs).
        packs: Vec<PathBuf>,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

/// How to find the project config.
#[derive(Debug, Args, Clone, Default)]
pub struct ConfigArgs {
    /// Use this config file instead of discovering `.sunting.toml`.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any `.sunting.toml`: default rules only.
    #[arg(long)]
    pub no_config: bool,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OutputFormat {
    /// Code frames for people.
    #[default]
    Human,
    /// One JSON array (the stable contract in the README).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// Checkstyle XML, for GitLab and Jenkins.
    Checkstyle,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// When stdout is a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Levels for `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Fail on errors only.
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Fail on any finding.
    Info,
    /// Never fail because of findings.
    Never,
}

impl FailOn {
    /// The lowest level that fails, if any.
    pub fn level(self) -> Option<Level> {
        match self {
            FailOn::Error => Some(Level::Error),
            FailOn::Warning => Some(Level::Warning),
            FailOn::Info => Some(Level::Info),
            FailOn::Never => None,
        }
    }
}

/// `sunting check`
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check; `-` reads stdin. Folders are walked recursively,
    /// respecting .gitignore, checking *.txt and *.md.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Exit with 1 when a finding at or above this level is reported.
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
    /// Report only findings at or above this level.
    #[arg(long, value_name = "LEVEL", value_parser = parse_level)]
    pub min_level: Option<Level>,
    /// The publication date (YYYY-MM-DD), the reference for dates without a year.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,
    /// File name to use for stdin (format detection and config discovery).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Colour.
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
    /// Apply every safe fix in place (atomically), then report what remains.
    /// With stdin, print the fixed text instead.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Print the safe fixes as a unified diff; write nothing.
    #[arg(long)]
    pub diff: bool,
    /// Print counts per rule instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Print nothing but errors; only the exit code tells.
    #[arg(long, short)]
    pub quiet: bool,
    /// Never show a progress bar (it shows on a terminal for long runs).
    #[arg(long)]
    pub no_progress: bool,
    #[command(flatten)]
    pub config: ConfigArgs,
}

fn parse_level(s: &str) -> Result<Level, String> {
    s.parse()
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}
