//! `sunting check`, `rules`, `explain`, `test-rules`: the glue between arguments, inputs,
//! the linter and the renderers.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use codespan_reporting::term::termcolor::{ColorChoice as TermColor, StandardStream};
use rayon::prelude::*;

use super::args::{CheckArgs, Cli, ColorChoice, Command, ConfigArgs, OutputFormat};
use super::input;
use crate::config::{Config, ConfigError};
use crate::diagnostic::Level;
use crate::document::{Document, Format};
use crate::engine::{Linter, LoadError};
use crate::render::{self, FileReport};
use crate::rules::selftest;

/// Exit code: nothing at or above `--fail-on`.
pub const EXIT_OK: u8 = 0;
/// Exit code: findings at or above `--fail-on`.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage, config, pack or I/O error.
pub const EXIT_ERROR: u8 = 2;

/// Run the CLI with the process arguments.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check(args) => check(&args),
        Command::Rules(cfg) => list_rules(&cfg),
        Command::Explain { rule, config } => explain(&rule, &config),
        Command::TestRules { packs } => test_rules(&packs),
        Command::Lsp(args) => crate::lsp::serve(crate::lsp::Options {
            debounce: std::time::Duration::from_millis(args.debounce_ms),
        }),
    };
    ExitCode::from(code)
}

/// Print a load error and return the error exit code.
fn report_load_error(e: &LoadError) -> u8 {
    let text = match e {
        LoadError::Pack(p) => render::load_error(
            &p.path,
            Some(&p.text),
            p.span.clone(),
            &p.message,
            p.note.as_deref(),
        ),
        LoadError::Config(c) => config_error_text(c),
        LoadError::Lexicon(l) => format!("error: {l}\n"),
    };
    eprint!("{text}");
    EXIT_ERROR
}

fn config_error_text(c: &ConfigError) -> String {
    render::load_error(
        &c.path.display().to_string(),
        c.text.as_deref(),
        c.span.clone(),
        &c.message,
        None,
    )
}

/// Loads one linter per config file and shares it between the files under that config.
struct Linters {
    explicit: Option<PathBuf>,
    no_config: bool,
    date: Option<chrono::NaiveDate>,
    cache: HashMap<Option<PathBuf>, Arc<Linter>>,
}

impl Linters {
    fn new(cfg: &ConfigArgs, date: Option<chrono::NaiveDate>) -> Self {
        Self {
            explicit: cfg.config.clone(),
            no_config: cfg.no_config,
            date,
            cache: HashMap::new(),
        }
    }

    fn config_path_for(&self, path: Option<&Path>) -> Option<PathBuf> {
        if self.no_config {
            return None;
        }
        if let Some(e) = &self.explicit {
            return Some(e.clone());
        }
        let start = path.map_or_else(|| PathBuf::from("."), Path::to_owned);
        Config::discover(&start)
    }

    fn get(&mut self, path: Option<&Path>) -> Result<Arc<Linter>, LoadError> {
        let key = self.config_path_for(path);
        if let Some(l) = self.cache.get(&key) {
            return Ok(l.clone());
        }
        let config = match &key {
            Some(p) => Config::load(p).map_err(Box::new)?,
            None => Config::default(),
        };
        let linter = Arc::new(Linter::from_config(config)?.with_reference_date(self.date));
        self.cache.insert(key, linter.clone());
        Ok(linter)
    }
}

fn check(args: &CheckArgs) -> u8 {
    let mut linters = Linters::new(&args.config, args.date);
    // Exclude globs come from the config that governs the current folder (or --config).
    let exclude = match linters.get(None) {
        Ok(l) => l.config().files.exclude.clone(),
        Err(e) => return report_load_error(&e),
    };
    let (origins, walk_errors) =
        input::collect(&args.paths, args.stdin_filename.as_deref(), &exclude);
    let mut had_error = false;
    for e in &walk_errors {
        eprintln!("error: {e}");
        had_error = true;
    }
    // Resolve each input's linter first (config loading is serial and cached), then check
    // in parallel; output keeps the input order.
    let mut jobs = Vec::with_capacity(origins.len());
    for o in origins {
        match linters.get(o.path()) {
            Ok(l) => jobs.push((o, l)),
            Err(e) => return report_load_error(&e),
        }
    }
    let explicit: Vec<&Path> = args.paths.iter().map(PathBuf::as_path).collect();
    let results: Vec<Result<FileReport, (String, bool)>> = jobs
        .par_iter()
        .map(|(origin, linter)| {
            let text = input::read(origin).map_err(|e| {
                // A binary file found while walking a folder is skipped with a note; one
                // named on the command line is an error.
                let named = origin.path().is_some_and(|p| explicit.contains(&p));
                let fatal = !matches!(e, input::InputError::Binary { .. }) || named;
                (e.to_string(), fatal)
            })?;
            let format = origin
                .path()
                .map_or(Format::Text, |p| Format::from_path(&p.to_string_lossy()));
            let doc = Document::new(&text, format);
            let mut diagnostics = linter.check(&doc);
            if let Some(min) = args.min_level {
                diagnostics.retain(|d| d.level >= min);
            }
            Ok(FileReport {
                path: origin.display_name(),
                text,
                diagnostics,
            })
        })
        .collect();
    let mut reports = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(rep) => reports.push(rep),
            Err((msg, fatal)) => {
                if fatal {
                    eprintln!("error: {msg}");
                    had_error = true;
                } else {
                    eprintln!("note: {msg}");
                }
            }
        }
    }
    let write_result = match args.format {
        OutputFormat::Json => write_json(&reports),
        OutputFormat::Human => write_human(&reports, args.color),
    };
    if let Err(e) = write_result {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return EXIT_OK;
        }
        eprintln!("error: cannot write output: {e}");
        return EXIT_ERROR;
    }
    if had_error {
        return EXIT_ERROR;
    }
    let fail = args.fail_on.level().is_some_and(|min| {
        reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .any(|d| d.level >= min)
    });
    if fail { EXIT_FINDINGS } else { EXIT_OK }
}

fn write_json(reports: &[FileReport]) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    serde_json::to_writer_pretty(&mut out, &render::json_findings(reports))?;
    writeln!(out)
}

fn write_human(reports: &[FileReport], color: ColorChoice) -> std::io::Result<()> {
    let use_color = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let stream = StandardStream::stdout(if use_color {
        TermColor::Always
    } else {
        TermColor::Never
    });
    let mut lock = stream.lock();
    for r in reports {
        render::human(r, &mut lock)?;
    }
    let count = |l: Level| {
        reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .filter(|d| d.level == l)
            .count()
    };
    let total: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
    let files = reports.iter().filter(|r| !r.diagnostics.is_empty()).count();
    if total == 0 {
        writeln!(lock, "Tidak ada temuan di {} berkas.", reports.len())
    } else {
        writeln!(
            lock,
            "{total} temuan ({} galat, {} peringatan, {} info) di {files} dari {} berkas.",
            count(Level::Error),
            count(Level::Warning),
            count(Level::Info),
            reports.len()
        )
    }
}

fn load_for_listing(cfg: &ConfigArgs) -> Result<Arc<Linter>, u8> {
    Linters::new(cfg, None)
        .get(None)
        .map_err(|e| report_load_error(&e))
}

fn list_rules(cfg: &ConfigArgs) -> u8 {
    let linter = match load_for_listing(cfg) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let width = linter
        .rules()
        .iter()
        .map(|r| r.meta.id.len())
        .max()
        .unwrap_or(10);
    let kind_width = linter
        .rules()
        .iter()
        .map(|r| r.meta.kind.len())
        .max()
        .unwrap_or(10);
    let mut out = std::io::stdout().lock();
    for (i, r) in linter.rules().iter().enumerate() {
        let state = if linter.is_enabled(i) {
            ""
        } else {
            " (nonaktif)"
        };
        let line = writeln!(
            out,
            "{:<width$}  {:<kind_width$}  {:<7}  {}{}",
            r.meta.id,
            r.meta.kind,
            r.meta.level.as_str(),
            r.meta.gloss,
            state
        );
        if line.is_err() {
            return EXIT_OK;
        }
    }
    EXIT_OK
}

fn explain(id: &str, cfg: &ConfigArgs) -> u8 {
    let linter = match load_for_listing(cfg) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let Some(rule) = linter.rule(id) else {
        let closest = linter
            .rules()
            .iter()
            .map(|r| (strsim::jaro_winkler(&r.meta.id, id), &r.meta.id))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        eprintln!("error: unknown rule `{id}`");
        if let Some((score, best)) = closest {
            if score > 0.7 {
                eprintln!("  = did you mean `{best}`?");
            }
        }
        eprintln!("  = `sunting rules` lists every rule");
        return EXIT_ERROR;
    };
    let m = &rule.meta;
    let mut s = String::new();
    s.push_str(&format!(
        "{} ({}, {}, pack {})\n\n",
        m.id, m.kind, m.level, m.pack
    ));
    s.push_str(&format!("In English: {}\n\n", m.gloss));
    s.push_str(m.explain.trim());
    s.push('\n');
    if !m.tests.is_empty() {
        s.push_str("\nContoh:\n");
        for t in &m.tests {
            match (&t.bad, &t.fix, &t.good) {
                (Some(b), Some(f), _) => s.push_str(&format!("  salah:  {b}\n  benar:  {f}\n")),
                (Some(b), None, _) => s.push_str(&format!("  salah:  {b}\n")),
                (_, _, Some(g)) => s.push_str(&format!("  tepat:  {g}\n")),
                _ => {}
            }
        }
    }
    if let Some(u) = &m.url {
        s.push_str(&format!("\nRujukan: {u}\n"));
    }
    print!("{s}");
    EXIT_OK
}

fn test_rules(packs: &[PathBuf]) -> u8 {
    let linter = if packs.is_empty() {
        Linter::with_defaults()
    } else {
        let mut texts = Vec::new();
        for p in packs {
            match std::fs::read_to_string(p) {
                Ok(t) => texts.push((p.display().to_string(), t)),
                Err(e) => {
                    eprintln!("error: {}: cannot read: {e}", p.display());
                    return EXIT_ERROR;
                }
            }
        }
        let refs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        match Linter::from_pack_texts(&refs) {
            Ok(l) => l,
            Err(e) => return report_load_error(&e),
        }
    };
    let outcome = selftest::run(&linter, &[]);
    for f in &outcome.failures {
        println!("GAGAL {} ({}): {}", f.rule, f.pack, f.message);
    }
    let failed = outcome.failures.len();
    println!("{} passed, {failed} failed", outcome.run - failed);
    if failed > 0 { EXIT_FINDINGS } else { EXIT_OK }
}
