//! The fixture articles as a copy editor sees them: snapshots of the human and JSON output of
//! the default rules, clean articles with no finding at all, and every slip listed in an
//! article's `*.expected.md` sidecar found by its rule on its line.

use std::fs;
use std::path::{Path, PathBuf};

use sunting::render::{self, FileReport};
use sunting::{Format, Linter};

fn linter() -> &'static Linter {
    static L: std::sync::OnceLock<Linter> = std::sync::OnceLock::new();
    L.get_or_init(Linter::with_defaults)
}

fn articles() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name.ends_with(".txt") || name.ends_with(".md")) && !name.ends_with(".expected.md")
        })
        .collect();
    out.sort();
    out
}

fn report(path: &Path) -> FileReport {
    let text = fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let diagnostics = linter().check_text(&text, Format::from_path(&name));
    FileReport {
        path: name,
        text,
        diagnostics,
    }
}

#[test]
fn snapshots_of_human_and_json_output() {
    for path in articles() {
        let r = report(&path);
        let name = r.path.replace('.', "_");
        insta::assert_snapshot!(format!("{name}_human"), render::human_plain(&r));
        let json =
            serde_json::to_string_pretty(&render::json_findings(std::slice::from_ref(&r))).unwrap();
        insta::assert_snapshot!(format!("{name}_json"), json);
    }
}

#[test]
fn clean_articles_have_no_finding() {
    for path in articles().into_iter().filter(|p| {
        p.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("clean_")
    }) {
        let r = report(&path);
        assert!(
            r.diagnostics.is_empty(),
            "{} is clean copy but got:\n{}",
            r.path,
            render::human_plain(&r)
        );
    }
}

#[test]
fn every_listed_slip_is_found_by_its_rule_on_its_line() {
    let mut missing = Vec::new();
    for path in articles() {
        let sidecar = path.with_extension("expected.md");
        let Ok(expected) = fs::read_to_string(&sidecar) else {
            continue;
        };
        let r = report(&path);
        let idx = sunting::source::LineIndex::new(&r.text);
        for line in expected.lines() {
            // `N: wrong -> right (rule-id)`
            let Some((num, rest)) = line.trim_start_matches(['-', ' ']).split_once(':') else {
                continue;
            };
            // Cross-article slips are checked by the folder-mode tests (tests/names.rs).
            if rest.contains("folder mode only") {
                continue;
            }
            let Ok(num) = num.trim().parse::<usize>() else {
                continue;
            };
            let Some(open) = rest.rfind('(') else {
                continue;
            };
            // `(rule-id)`, `(a | b)` or `(rule-id; a note)`: the ids are the words with no space.
            let inside = rest[open + 1..].trim_end_matches(')');
            let inside = inside.split(';').next().unwrap_or("");
            let rules: Vec<&str> = inside
                .split(['|', ',', '/'])
                .map(str::trim)
                .filter(|s| !s.is_empty() && !s.contains(' '))
                .collect();
            let found = r.diagnostics.iter().any(|d| {
                idx.line_col(&r.text, d.span.start).line == num
                    && rules.iter().any(|id| d.rule == *id)
            });
            if !found {
                missing.push(format!("{}:{num}: {}", r.path, line.trim()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "slips not found:\n{}",
        missing.join("\n")
    );
}
