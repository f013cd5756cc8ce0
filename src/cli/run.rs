//! `sunting check`, `rules`, `explain`, `test-rules`: the glue between arguments, inputs,
//! the linter and the renderers.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use codespan_reporting::term::termcolor::{BufferWriter, ColorChoice as TermColor};

use super::args::{CheckArgs, Cli, ColorChoice, Command, ConfigArgs, OutputFormat};
use super::fix;
use super::input;
use super::ordered;
use crate::config::{Config, ConfigError};
use crate::diagnostic::Level;
use crate::document::{Document, Format};
use crate::engine::{Linter, LoadError};
use crate::render::{self, FileReport};
use crate::rules::kinds::names::{
    CROSS_RULE_ID, Drifting, FolderNames, FolderScan, NameKeys, name_keys,
};
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
    /// With `--fix`/`--diff`: the text as read and the number of findings fixed. The
    /// fixed text is `report.text`. Without them the text is kept once, in the report.
    fixed: Option<(String, usize)>,
    /// Findings on the final text.
    report: FileReport,
    /// For the folder-wide `nama.lintas`: the article's name forms and a hash of the
    /// checked text (a file read again later must still be that text).
    names: Option<(NameKeys, u64)>,
}

/// What stays in memory of a checked input once its output is written: enough for the
/// folder-wide `nama.lintas` to find it again and count it right.
#[derive(Clone, Copy, Debug, Default)]
struct Seen {
    /// Hash of the checked text; `None` for an input that could not be read.
    text_hash: Option<u64>,
    /// It had findings of its own.
    had_findings: bool,
}

/// Counts over every file, for the summary line, the exit code and `--statistics`.
#[derive(Default)]
struct Totals {
    /// Files checked.
    files: usize,
    /// Files with at least one finding.
    with_findings: usize,
    /// Findings by level: info, warning, error.
    levels: [usize; 3],
    /// Findings by rule and level, with `--statistics`.
    rules: Option<HashMap<(String, Level), usize>>,
}

impl Totals {
    fn add(&mut self, diagnostics: &[crate::diagnostic::Diagnostic]) {
        for d in diagnostics {
            self.levels[level_index(d.level)] += 1;
            if let Some(rules) = &mut self.rules {
                *rules.entry((d.rule.clone(), d.level)).or_default() += 1;
            }
        }
    }

    fn count(&self, level: Level) -> usize {
        self.levels[level_index(level)]
    }

    fn total(&self) -> usize {
        self.levels.iter().sum()
    }
}

fn level_index(level: Level) -> usize {
    match level {
        Level::Info => 0,
        Level::Warning => 1,
        Level::Error => 2,
    }
}

fn check(args: &CheckArgs) -> u8 {
    crate::lexicon::preload_default_dictionary();
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
    let cross = if args.diff {
        None
    } else {
        cross_level(&base, args.min_level, jobs.len())
    };
    let progress = progress_bar(jobs.len(), args);
    let mut out = Output::new(args, &base);
    let mut totals = Totals {
        rules: args.statistics.then(HashMap::new),
        ..Totals::default()
    };
    let (mut fixed_files, mut fixed_findings) = (0, 0);
    let mut any_diff = false;
    let mut scan = FolderScan::default();
    let mut seen = vec![Seen::default(); if cross.is_some() { jobs.len() } else { 0 }];
    let mut stdin_text: Option<String> = None;
    let mut write_error: Option<std::io::Error> = None;
    // Each file's output is written as soon as it and every earlier file are checked; then
    // its text is dropped. Only counts, and for `nama.lintas` a few hashes per file, stay.
    ordered::for_each_ordered(
        &jobs,
        |_, (origin, linter)| {
            let r = check_one(origin, linter, args, &explicit, cross.is_some());
            progress.inc(1);
            r
        },
        |i, r| {
            let c = match r {
                Ok(c) => c,
                Err((msg, fatal)) => {
                    had_error |= fatal;
                    progress.suspend(|| {
                        if fatal {
                            eprintln!("error: {msg}");
                        } else if !args.quiet {
                            eprintln!("note: {msg}");
                        }
                    });
                    return ControlFlow::Continue(());
                }
            };
            let origin = &jobs[i].0;
            let written = if args.diff {
                write_diff(&c, &progress).map(|changed| any_diff |= changed)
            } else {
                let mut written = Ok(());
                if args.fix {
                    written = write_fix(origin, &c, &progress).map(|w| match w {
                        FixWrite::Written(n) => {
                            fixed_files += 1;
                            fixed_findings += n;
                        }
                        FixWrite::Failed => had_error = true,
                        FixWrite::Nothing => {}
                    });
                }
                totals.files += 1;
                totals.with_findings += usize::from(!c.report.diagnostics.is_empty());
                totals.add(&c.report.diagnostics);
                written.and_then(|()| out.file(&c.report, &progress))
            };
            if let Some((keys, hash)) = &c.names {
                scan.add(keys);
                seen[i] = Seen {
                    text_hash: Some(*hash),
                    had_findings: !c.report.diagnostics.is_empty(),
                };
                if matches!(origin, input::Origin::Stdin(_)) {
                    // Standard input cannot be read twice.
                    stdin_text = Some(c.report.text);
                }
            }
            match written {
                Ok(()) => ControlFlow::Continue(()),
                Err(e) => {
                    write_error = Some(e);
                    ControlFlow::Break(())
                }
            }
        },
    );
    progress.finish_and_clear();
    if args.diff {
        return if write_error.is_some() {
            EXIT_OK
        } else if had_error {
            EXIT_ERROR
        } else if any_diff {
            EXIT_FINDINGS
        } else {
            EXIT_OK
        };
    }
    if args.fix && !args.quiet && fixed_files > 0 {
        eprintln!("Diperbaiki {fixed_findings} temuan di {fixed_files} berkas.");
    }
    let finish = || -> std::io::Result<()> {
        if let Some(e) = write_error.take() {
            return Err(e);
        }
        if let Some(level) = cross {
            let drifting = std::mem::take(&mut scan).finish();
            let context = CrossContext {
                jobs: &jobs,
                seen: &seen,
                stdin_text: stdin_text.as_deref(),
                quiet: args.quiet,
            };
            cross_document_findings(&context, &drifting, level, |i, report| {
                totals.with_findings += usize::from(!seen[i].had_findings);
                totals.add(&report.diagnostics);
                out.file(&report, &progress)
            })?;
        }
        out.finish(&totals)
    };
    if let Err(e) = finish() {
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
        [Level::Info, Level::Warning, Level::Error]
            .into_iter()
            .any(|l| l >= min && totals.count(l) > 0)
    });
    if fail { EXIT_FINDINGS } else { EXIT_OK }
}

fn format_of(origin: &input::Origin) -> Format {
    origin
        .path()
        .map_or(Format::Text, |p| Format::from_path(&p.to_string_lossy()))
}

fn text_hash(text: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(text)
}

fn check_one(
    origin: &input::Origin,
    linter: &Linter,
    args: &CheckArgs,
    explicit: &[&Path],
    cross: bool,
) -> Result<Checked, (String, bool)> {
    let original = input::read(origin).map_err(|e| {
        // A binary file found while walking a folder is skipped with a note; one named on
        // the command line is an error.
        let named = origin.path().is_some_and(|p| explicit.contains(&p));
        let fatal = !matches!(e, input::InputError::Binary { .. }) || named;
        (e.to_string(), fatal)
    })?;
    let format = format_of(origin);
    let (text, fixed) = if args.fix || args.diff {
        let (new, n) = fix::fix_text(linter, &original, format);
        (new, Some((original, n)))
    } else {
        (original, None)
    };
    let doc = Document::new(&text, format);
    let mut diagnostics = linter.check(&doc);
    let names = cross.then(|| (name_keys(&doc), text_hash(&text)));
    drop(doc);
    if let Some(min) = args.min_level {
        diagnostics.retain(|d| d.level >= min);
    }
    Ok(Checked {
        fixed,
        report: FileReport {
            path: origin.display_name(),
            text,
            diagnostics,
        },
        names,
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

/// `--diff`: print one file's diff. Returns true when there is anything to fix.
fn write_diff(c: &Checked, progress: &indicatif::ProgressBar) -> std::io::Result<bool> {
    let Some((original, _)) = &c.fixed else {
        return Ok(false);
    };
    let d = fix::unified_diff(&c.report.path, original, &c.report.text);
    if d.is_empty() {
        return Ok(false);
    }
    progress.suspend(|| std::io::stdout().lock().write_all(d.as_bytes()))?;
    Ok(true)
}

/// What `--fix` did with one input.
enum FixWrite {
    /// Nothing to write.
    Nothing,
    /// Written, with this many findings fixed.
    Written(usize),
    /// Could not be written (reported).
    Failed,
}

/// `--fix`: write one file atomically as soon as it is fixed (stdin: print the fixed
/// text). Errors are output errors (printing the fixed stdin).
fn write_fix(
    origin: &input::Origin,
    c: &Checked,
    progress: &indicatif::ProgressBar,
) -> std::io::Result<FixWrite> {
    let Some((original, n)) = &c.fixed else {
        return Ok(FixWrite::Nothing);
    };
    let new = &c.report.text;
    match origin {
        input::Origin::Stdin(_) => {
            progress.suspend(|| std::io::stdout().lock().write_all(new.as_bytes()))?;
            Ok(FixWrite::Nothing)
        }
        input::Origin::File(path) => {
            if new == original {
                return Ok(FixWrite::Nothing);
            }
            match fix::write_atomic(path, original, new) {
                Ok(()) => Ok(FixWrite::Written(*n)),
                Err(e) => {
                    progress.suspend(|| eprintln!("error: {e}"));
                    Ok(FixWrite::Failed)
                }
            }
        }
    }
}

/// Where the output goes, file by file.
enum Sink {
    /// `--quiet`: nothing.
    Quiet,
    /// `--statistics`: only the table at the end.
    Statistics,
    /// Code frames, then the summary line.
    Human(BufferWriter),
    /// One JSON array, opened at the first output.
    Json(Option<render::JsonStream>),
    /// One SARIF log, opened at the first output.
    Sarif(Option<render::sarif::SarifStream>),
    /// One annotation per line.
    Github,
    /// One checkstyle document, opened at the first output.
    Checkstyle(bool),
}

/// The streaming renderer. Machine formats open their document (`[`, the SARIF header)
/// lazily, so that the fixed text `--fix` prints for stdin still comes before it.
struct Output<'a> {
    sink: Sink,
    linter: &'a Linter,
    buf: Vec<u8>,
}

impl<'a> Output<'a> {
    fn new(args: &CheckArgs, linter: &'a Linter) -> Self {
        let sink = if args.quiet {
            Sink::Quiet
        } else if args.statistics {
            Sink::Statistics
        } else {
            match args.format {
                OutputFormat::Human => {
                    Sink::Human(BufferWriter::stdout(if use_color(args.color) {
                        TermColor::Always
                    } else {
                        TermColor::Never
                    }))
                }
                OutputFormat::Json => Sink::Json(None),
                OutputFormat::Sarif => Sink::Sarif(None),
                OutputFormat::Github => Sink::Github,
                OutputFormat::Checkstyle => Sink::Checkstyle(false),
            }
        };
        Self {
            sink,
            linter,
            buf: Vec::new(),
        }
    }

    /// Write the document header into the buffer, once.
    fn open(&mut self) -> std::io::Result<()> {
        let buf = &mut self.buf;
        match &mut self.sink {
            Sink::Json(s @ None) => *s = Some(render::JsonStream::begin(buf)?),
            Sink::Sarif(s @ None) => {
                *s = Some(render::sarif::SarifStream::begin(buf, self.linter)?);
            }
            Sink::Checkstyle(opened @ false) => {
                buf.extend_from_slice(render::checkstyle::HEADER.as_bytes());
                *opened = true;
            }
            _ => {}
        }
        Ok(())
    }

    /// Render one file and write it out.
    fn file(&mut self, r: &FileReport, progress: &indicatif::ProgressBar) -> std::io::Result<()> {
        self.buf.clear();
        self.open()?;
        let buf = &mut self.buf;
        match &mut self.sink {
            Sink::Quiet | Sink::Statistics => return Ok(()),
            Sink::Human(w) => {
                if r.diagnostics.is_empty() {
                    return Ok(());
                }
                let mut b = w.buffer();
                render::human(r, &mut b)?;
                return progress.suspend(|| w.print(&b));
            }
            Sink::Json(s) => {
                if let Some(s) = s {
                    s.file(buf, r)?;
                }
            }
            Sink::Sarif(s) => {
                if let Some(s) = s {
                    s.file(buf, r)?;
                }
            }
            Sink::Github => render::github::write_file(buf, r)?,
            Sink::Checkstyle(_) => render::checkstyle::write_file(buf, r)?,
        }
        progress.suspend(|| std::io::stdout().lock().write_all(&self.buf))
    }

    /// Close the document, or write the summary line or the statistics.
    fn finish(mut self, totals: &Totals) -> std::io::Result<()> {
        self.buf.clear();
        self.open()?;
        let mut buf = std::mem::take(&mut self.buf);
        match self.sink {
            Sink::Quiet => {}
            Sink::Statistics => write_statistics(&mut buf, totals)?,
            Sink::Human(w) => {
                let mut b = w.buffer();
                write_summary(&mut b, totals)?;
                return w.print(&b);
            }
            Sink::Json(s) => {
                if let Some(s) = s {
                    s.end(&mut buf)?;
                }
            }
            Sink::Sarif(s) => {
                if let Some(s) = s {
                    s.end(&mut buf)?;
                }
            }
            Sink::Github => {}
            Sink::Checkstyle(_) => buf.extend_from_slice(render::checkstyle::FOOTER.as_bytes()),
        }
        let mut out = std::io::stdout().lock();
        out.write_all(&buf)?;
        out.flush()
    }
}

fn use_color(color: ColorChoice) -> bool {
    match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn write_statistics(out: &mut dyn Write, totals: &Totals) -> std::io::Result<()> {
    let mut rows: Vec<((&str, Level), usize)> = totals
        .rules
        .iter()
        .flatten()
        .map(|((r, l), n)| ((r.as_str(), *l), *n))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let width = rows.iter().map(|((r, _), _)| r.len()).max().unwrap_or(4);
    for ((rule, level), n) in &rows {
        writeln!(out, "{n:>6}  {rule:<width$}  {level}")?;
    }
    let total: usize = rows.iter().map(|(_, n)| n).sum();
    writeln!(out, "{total:>6}  jumlah")
}

fn write_summary(out: &mut dyn Write, totals: &Totals) -> std::io::Result<()> {
    let total = totals.total();
    if total == 0 {
        writeln!(out, "Tidak ada temuan di {} berkas.", totals.files)
    } else {
        writeln!(
            out,
            "{total} temuan ({} galat, {} peringatan, {} info) di {} dari {} berkas.",
            totals.count(Level::Error),
            totals.count(Level::Warning),
            totals.count(Level::Info),
            totals.with_findings,
            totals.files
        )
    }
}

/// The level of the folder-wide `nama.lintas` (the rule's state and level from the config
/// of the current folder), or `None` when it is off, below `--min-level`, or there are
/// fewer than two inputs.
fn cross_level(linter: &Linter, min: Option<Level>, inputs: usize) -> Option<Level> {
    let idx = linter
        .rules()
        .iter()
        .position(|r| r.meta.id == CROSS_RULE_ID)?;
    let level = linter.rules()[idx].meta.level;
    (inputs >= 2 && linter.is_enabled(idx) && min.is_none_or(|m| level >= m)).then_some(level)
}

/// The checked inputs, for reading them again.
struct CrossContext<'a> {
    jobs: &'a [(input::Origin, Arc<Linter>)],
    seen: &'a [Seen],
    stdin_text: Option<&'a str>,
    quiet: bool,
}

impl CrossContext<'_> {
    /// Input `i` read again, if it is still the text that was checked (a file may have
    /// changed on disk meanwhile, or `--fix` could not write it).
    fn reread(&self, i: usize) -> Option<String> {
        let origin = &self.jobs[i].0;
        let text = match origin {
            input::Origin::Stdin(_) => self.stdin_text?.to_owned(),
            input::Origin::File(_) => input::read(origin).ok()?,
        };
        (Some(text_hash(&text)) == self.seen[i].text_hash).then_some(text)
    }

    fn changed(&self, i: usize) {
        if !self.quiet {
            eprintln!(
                "note: {}: isinya tidak lagi sama dengan yang diperiksa; temuan nama.lintas antarberkas dilewati",
                self.jobs[i].0.display_name()
            );
        }
    }
}

/// `nama.lintas` across the checked files: a name written with and without hyphens or
/// spaces in different articles, reported in the articles that use the less common form.
///
/// Output order: an article's own findings are written as soon as it is checked, long
/// before the last article is read, so these findings come after all per-file output,
/// grouped per article in input order and sorted by position within each (in the human
/// format, each article's group has its own code frames). Memory stays bounded by passes
/// (see `names/cross.rs`): the check kept two hashes per distinct name form; when some
/// name is written two ways, every checked article is read again to collect the
/// occurrences of those names only; then the few articles with findings are read a third
/// time to render them. `emit` gets each article's findings with its text.
fn cross_document_findings(
    cx: &CrossContext<'_>,
    drifting: &Drifting,
    level: Level,
    mut emit: impl FnMut(usize, FileReport) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if drifting.is_empty() {
        return Ok(());
    }
    let checked: Vec<usize> = (0..cx.jobs.len())
        .filter(|&i| cx.seen[i].text_hash.is_some())
        .collect();
    let mut folder = FolderNames::default();
    ordered::for_each_ordered(
        &checked,
        |_, &i| {
            let text = cx.reread(i)?;
            let doc = Document::new(&text, format_of(&cx.jobs[i].0));
            Some(drifting.forms(&doc))
        },
        |k, names| {
            let i = checked[k];
            match names {
                Some(names) => folder.add(i, &cx.jobs[i].0.display_name(), names),
                None => cx.changed(i),
            }
            ControlFlow::Continue(())
        },
    );
    folder.for_each_article(|i, mut diagnostics| {
        let Some(text) = cx.reread(i) else {
            cx.changed(i);
            return Ok(());
        };
        for d in &mut diagnostics {
            d.level = level;
        }
        emit(
            i,
            FileReport {
                path: cx.jobs[i].0.display_name(),
                text,
                diagnostics,
            },
        )
    })
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
