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
use super::fix;
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
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "sunting", &mut std::io::stdout());
            EXIT_OK
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            match clap_mangen::Man::new(cmd).render(&mut std::io::stdout()) {
                Ok(()) => EXIT_OK,
                Err(e) => {
                    eprintln!("error: {e}");
                    EXIT_ERROR
                }
            }
        }
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

/// One input after checking (and fixing, with `--fix`/`--diff`).
struct Checked {
    origin: input::Origin,
    /// With `--fix`/`--diff`: the text as read and the number of findings fixed. The
    /// fixed text is `report.text`. Without them the text is kept once, in the report.
    fixed: Option<(String, usize)>,
    /// Findings on the final text.
    report: FileReport,
}

fn check(args: &CheckArgs) -> u8 {
    let mut linters = Linters::new(&args.config, args.date);
    // Exclude globs and SARIF rule metadata come from the config that governs the current
    // folder (or --config).
    let base = match linters.get(None) {
        Ok(l) => l,
        Err(e) => return report_load_error(&e),
    };
    let (origins, walk_errors) = input::collect(
        &args.paths,
        args.stdin_filename.as_deref(),
        &base.config().files.exclude,
    );
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
    let progress = progress_bar(jobs.len(), args);
    let results: Vec<Result<Checked, (String, bool)>> = jobs
        .par_iter()
        .map(|(origin, linter)| {
            let out = check_one(origin, linter, args, &explicit);
            progress.inc(1);
            out
        })
        .collect();
    progress.finish_and_clear();
    let mut checked = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(c) => checked.push(c),
            Err((msg, fatal)) => {
                if fatal {
                    eprintln!("error: {msg}");
                    had_error = true;
                } else if !args.quiet {
                    eprintln!("note: {msg}");
                }
            }
        }
    }
    if args.diff {
        return finish_diff(&checked, had_error);
    }
    if args.fix {
        had_error |= write_fixes(&checked, args.quiet);
    }
    let mut reports: Vec<FileReport> = checked.into_iter().map(|c| c.report).collect();
    add_cross_document_names(&mut reports, &base, args.min_level);
    let write_result = if args.quiet {
        Ok(())
    } else if args.statistics {
        write_statistics(&reports)
    } else {
        match args.format {
            OutputFormat::Json => write_json(&reports),
            OutputFormat::Human => write_human(&reports, args.color),
            OutputFormat::Sarif => write_line(
                &serde_json::to_string_pretty(&render::sarif::render(&reports, &base))
                    .unwrap_or_default(),
            ),
            OutputFormat::Github => write_line(render::github::render(&reports).trim_end()),
            OutputFormat::Checkstyle => write_line(render::checkstyle::render(&reports).trim_end()),
        }
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

fn check_one(
    origin: &input::Origin,
    linter: &Linter,
    args: &CheckArgs,
    explicit: &[&Path],
) -> Result<Checked, (String, bool)> {
    let original = input::read(origin).map_err(|e| {
        // A binary file found while walking a folder is skipped with a note; one named on
        // the command line is an error.
        let named = origin.path().is_some_and(|p| explicit.contains(&p));
        let fatal = !matches!(e, input::InputError::Binary { .. }) || named;
        (e.to_string(), fatal)
    })?;
    let format = origin
        .path()
        .map_or(Format::Text, |p| Format::from_path(&p.to_string_lossy()));
    let (text, fixed) = if args.fix || args.diff {
        let (new, n) = fix::fix_text(linter, &original, format);
        (new, Some((original, n)))
    } else {
        (original, None)
    };
    let doc = Document::new(&text, format);
    let mut diagnostics = linter.check(&doc);
    drop(doc);
    if let Some(min) = args.min_level {
        diagnostics.retain(|d| d.level >= min);
    }
    Ok(Checked {
        origin: origin.clone(),
        fixed,
        report: FileReport {
            path: origin.display_name(),
            text,
            diagnostics,
        },
    })
}

fn progress_bar(len: usize, args: &CheckArgs) -> indicatif::ProgressBar {
    // Only for long runs on a terminal, never in machine-readable or quiet modes.
    let show = !args.no_progress && !args.quiet && len >= 200 && std::io::stderr().is_terminal();
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let pb = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} berkas ({per_sec}, sisa {eta})",
    ) {
        pb.set_style(style);
    }
    pb
}

/// `--diff`: print the diffs; exit 1 when there is anything to fix.
fn finish_diff(checked: &[Checked], had_error: bool) -> u8 {
    let mut out = std::io::stdout().lock();
    let mut any = false;
    for c in checked {
        if let Some((original, _)) = &c.fixed {
            let d = fix::unified_diff(&c.report.path, original, &c.report.text);
            if !d.is_empty() {
                any = true;
                if out.write_all(d.as_bytes()).is_err() {
                    return EXIT_OK;
                }
            }
        }
    }
    if had_error {
        EXIT_ERROR
    } else if any {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// `--fix`: write each changed file atomically (stdin: print the fixed text). Returns true
/// when a file could not be written.
fn write_fixes(checked: &[Checked], quiet: bool) -> bool {
    let mut failed = false;
    let (mut files, mut fixes) = (0, 0);
    for c in checked {
        let Some((original, n)) = &c.fixed else {
            continue;
        };
        let new = &c.report.text;
        match &c.origin {
            input::Origin::Stdin(_) => {
                print!("{new}");
                continue;
            }
            input::Origin::File(path) => {
                if new == original {
                    continue;
                }
                match fix::write_atomic(path, original, new) {
                    Ok(()) => {
                        files += 1;
                        fixes += n;
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        failed = true;
                    }
                }
            }
        }
    }
    if !quiet && files > 0 {
        eprintln!("Diperbaiki {fixes} temuan di {files} berkas.");
    }
    failed
}

fn write_line(s: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    if s.is_empty() {
        return Ok(());
    }
    writeln!(out, "{s}")
}

fn write_statistics(reports: &[FileReport]) -> std::io::Result<()> {
    let mut counts: HashMap<(&str, Level), usize> = HashMap::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        *counts.entry((d.rule.as_str(), d.level)).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let width = rows.iter().map(|((r, _), _)| r.len()).max().unwrap_or(4);
    let mut out = std::io::stdout().lock();
    for ((rule, level), n) in &rows {
        writeln!(out, "{n:>6}  {rule:<width$}  {level}")?;
    }
    let total: usize = rows.iter().map(|(_, n)| n).sum();
    writeln!(out, "{total:>6}  jumlah")
}

/// `nama.lintas` across the checked files: a name written with and without hyphens or
/// spaces in different articles, reported in the articles that use the less common form.
/// Uses the rule's state and level from the config of the current folder.
fn add_cross_document_names(reports: &mut [FileReport], linter: &Linter, min: Option<Level>) {
    use crate::rules::kinds::names::{CROSS_RULE_ID, cross_document_names};
    let Some(idx) = linter
        .rules()
        .iter()
        .position(|r| r.meta.id == CROSS_RULE_ID)
    else {
        return;
    };
    let level = linter.rules()[idx].meta.level;
    if reports.len() < 2 || !linter.is_enabled(idx) || min.is_some_and(|m| level < m) {
        return;
    }
    let found: Vec<(usize, crate::diagnostic::Diagnostic)> = {
        let docs: Vec<Document<'_>> = reports
            .iter()
            .map(|r| Document::new(&r.text, Format::from_path(&r.path)))
            .collect();
        let named: Vec<(&str, &Document<'_>)> =
            reports.iter().map(|r| r.path.as_str()).zip(&docs).collect();
        cross_document_names(&named)
            .into_iter()
            .filter(|(i, d)| !docs[*i].touches_masked(d.span))
            .collect()
    };
    for (i, mut d) in found {
        d.level = level;
        reports[i].diagnostics.push(d);
    }
    for r in reports.iter_mut() {
        r.diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    }
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
