//! Runs the examples every rule carries (`[[rule.test]]`): shared by `cargo test` and
//! `sunting test-rules`, so a newsroom's own pack is tested the same way ours are.

use crate::diagnostic::apply_fixes;
use crate::document::Format;
use crate::engine::Linter;

/// One example that did not behave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The rule id.
    pub rule: String,
    /// The pack's path.
    pub pack: String,
    /// What went wrong.
    pub message: String,
}

/// Counts and failures of a run.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Examples run.
    pub run: usize,
    /// Examples that failed.
    pub failures: Vec<Failure>,
}

/// Run the examples of every rule in `linter` whose pack path or name is in `packs`
/// (all when empty).
pub fn run(linter: &Linter, packs: &[String]) -> Outcome {
    let mut outcome = Outcome::default();
    for (idx, rule) in linter.rules().iter().enumerate() {
        let pack_path = linter.pack_path_of(idx);
        if !packs.is_empty() && !packs.iter().any(|p| p == pack_path || *p == rule.meta.pack) {
            continue;
        }
        for t in &rule.meta.tests {
            outcome.run += 1;
            let format = if t.markdown {
                Format::Markdown
            } else {
                Format::Text
            };
            let fail = |message: String| Failure {
                rule: rule.meta.id.clone(),
                pack: pack_path.to_owned(),
                message,
            };
            if let Some(bad) = &t.bad {
                let found = linter.check_rule(bad, format, idx);
                if found.is_empty() {
                    outcome
                        .failures
                        .push(fail(format!("not reported: {bad:?}")));
                    continue;
                }
                if let Some(want) = &t.fix {
                    let got = apply_fixes(bad, found.iter().flat_map(|d| d.fixes.iter()));
                    if &got != want {
                        outcome.failures.push(fail(format!(
                            "fix of {bad:?}\n    expected {want:?}\n    got      {got:?}"
                        )));
                    }
                }
            }
            if let Some(good) = &t.good {
                let found = linter.check_rule(good, format, idx);
                if let Some(d) = found.first() {
                    let at = &good[d.span.start..d.span.end];
                    outcome.failures.push(fail(format!(
                        "reported on good text {good:?} at {at:?}: {}",
                        d.message
                    )));
                }
            }
        }
    }
    outcome
}
