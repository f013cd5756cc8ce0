//! Every shipped pack loads, and every rule's own `[[rule.test]]` examples pass.

use sunting::Linter;
use sunting::rules::selftest;

#[test]
fn every_default_rule_passes_its_own_examples() {
    let linter = Linter::with_defaults();
    let outcome = selftest::run(&linter, &[]);
    let report: Vec<String> = outcome
        .failures
        .iter()
        .map(|f| format!("{} ({}): {}", f.rule, f.pack, f.message))
        .collect();
    assert!(
        report.is_empty(),
        "{} of {} examples failed:\n{}",
        report.len(),
        outcome.run,
        report.join("\n")
    );
    assert!(outcome.run > 0);
}

#[test]
fn every_default_rule_has_examples_of_both_kinds_and_docs() {
    let linter = Linter::with_defaults();
    for rule in linter.rules() {
        let m = &rule.meta;
        assert!(
            m.tests.iter().any(|t| t.bad.is_some()),
            "rule {} has no `bad` example",
            m.id
        );
        assert!(
            m.tests.iter().any(|t| t.good.is_some()),
            "rule {} has no `good` example",
            m.id
        );
        assert!(!m.message.is_empty(), "rule {} has no message", m.id);
        assert!(!m.explain.is_empty(), "rule {} has no explain text", m.id);
        assert!(!m.gloss.is_empty(), "rule {} has no English gloss", m.id);
    }
}
