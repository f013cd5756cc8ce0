//! The EYD V and house-style packs on whole articles: quiet on clean copy, and every
//! planted slip found with its fix.

use std::path::{Path, PathBuf};

use sunting::{Diagnostic, Format, Linter};

/// The rule ids of the EYD V and house-style packs.
const RULES: &[&str] = &[
    "baku",
    "gabungan-kata",
    "di-ke",
    "partikel",
    "kapital",
    "kata-ulang",
    "konsistensi",
    "gaya.informal",
    "gaya.boilerplate",
];

fn articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles")
}

fn check(path: &Path) -> (String, Vec<Diagnostic>) {
    let text = std::fs::read_to_string(path).unwrap();
    let found =
        Linter::with_defaults().check_text(&text, Format::from_path(&path.to_string_lossy()));
    (text, found)
}

fn ours(found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    found
        .into_iter()
        .filter(|d| RULES.contains(&d.rule.as_str()))
        .collect()
}

#[test]
fn every_rule_id_is_loaded() {
    let linter = Linter::with_defaults();
    let missing: Vec<&str> = RULES
        .iter()
        .copied()
        .filter(|id| linter.rule(id).is_none())
        .collect();
    assert!(missing.is_empty(), "rules not loaded: {missing:?}");
}

#[test]
fn clean_articles_have_no_eyd_findings() {
    let mut checked = 0;
    let mut longest = 0;
    let mut report = Vec::new();
    for entry in std::fs::read_dir(articles()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let clean = name.starts_with("clean_") || name.starts_with("eyd_clean_");
        if !clean || !(name.ends_with(".md") || name.ends_with(".txt")) {
            continue;
        }
        let (text, found) = check(&path);
        checked += 1;
        longest = longest.max(text.split_whitespace().count());
        for d in ours(found) {
            report.push(format!(
                "{name}: {} {:?}: {}",
                d.rule,
                &text[d.span.start..d.span.end],
                d.message
            ));
        }
    }
    assert!(checked > 0, "no clean_* fixture found");
    assert!(longest >= 1000, "no clean fixture has 1,000 words");
    assert!(report.is_empty(), "false alarms:\n{}", report.join("\n"));
}

/// `(rule, text as written, text after the fix)`; `None` = reported without a fix.
const SLIPS: &[(&str, &str, Option<&str>)] = &[
    ("gabungan-kata", "berterimakasih", Some("berterima kasih")),
    ("gabungan-kata", "bekerjasama", Some("bekerja sama")),
    ("gabungan-kata", "Kerjasama", Some("Kerja sama")),
    (
        "gabungan-kata",
        "dipertanggung jawabkan",
        Some("dipertanggungjawabkan"),
    ),
    ("gabungan-kata", "berolah raga", Some("berolahraga")),
    ("kapital", "“kami", Some("“Kami")),
    ("konsistensi", "e-mail", Some("email")),
    ("di-ke", "disana", Some("di sana")),
    ("partikel", "Apapun", Some("Apa pun")),
    ("kata-ulang", "anak2", Some("anak-anak")),
    ("di-ke", "di tulis", Some("ditulis")),
    ("kapital", "bahasa inggris", Some("bahasa Inggris")),
    ("partikel", "Meski pun", Some("Meskipun")),
    ("kata-ulang", "Kata kata", Some("Kata-kata")),
];

#[test]
fn planted_slips_are_found_with_their_fixes() {
    let (text, found) = check(&articles().join("eyd_slips.txt"));
    let found = ours(found);
    let mut problems = Vec::new();
    let mut used = vec![false; found.len()];
    for &(rule, wrong, right) in SLIPS {
        let start = text
            .find(wrong)
            .unwrap_or_else(|| panic!("{wrong:?} not in fixture"));
        let end = start + wrong.len();
        let hit = found
            .iter()
            .enumerate()
            .find(|(_, d)| d.rule == rule && d.span.start < end && d.span.end > start);
        let Some((k, d)) = hit else {
            problems.push(format!("{rule}: {wrong:?} not reported"));
            continue;
        };
        used[k] = true;
        if let Some(right) = right {
            let fixed = d.apply_to(&text);
            let delta = fixed.len() as isize - text.len() as isize;
            let got = &fixed[start..(end as isize + delta) as usize];
            if got != right {
                problems.push(format!(
                    "{rule}: {wrong:?} fixed to {got:?}, want {right:?}"
                ));
            }
        }
    }
    for (k, d) in found.iter().enumerate() {
        if !used[k] {
            problems.push(format!(
                "unexpected {} at {:?}: {}",
                d.rule,
                &text[d.span.start..d.span.end],
                d.message
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn consistency_does_not_repeat_what_the_compound_rule_reports() {
    let text = "Putin berterima kasih kepada Kim. Rusia berterimakasih kepada Korea Utara.";
    let found = ours(Linter::with_defaults().check_text(text, Format::Text));
    let rules: Vec<&str> = found.iter().map(|d| d.rule.as_str()).collect();
    assert_eq!(rules, ["gabungan-kata"], "{found:?}");
    assert_eq!(
        found[0].apply_to(text),
        "Putin berterima kasih kepada Kim. Rusia berterima kasih kepada Korea Utara."
    );
}

mod props {
    use proptest::prelude::*;
    use sunting::{Format, Linter};

    fn linter() -> &'static Linter {
        static L: std::sync::OnceLock<Linter> = std::sync::OnceLock::new();
        L.get_or_init(Linter::with_defaults)
    }

    /// Words the EYD rules react to, mixed with hostile characters.
    fn eyd_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("di".to_owned()),
            Just("Di".to_owned()),
            Just("ke".to_owned()),
            Just("pun".to_owned()),
            Just("lah".to_owned()),
            Just("kerjasama".to_owned()),
            Just("Bekerjasama".to_owned()),
            Just("dipertanggung".to_owned()),
            Just("jawabkan".to_owned()),
            Just("olah".to_owned()),
            Just("raga".to_owned()),
            Just("non".to_owned()),
            Just("pasca".to_owned()),
            Just("anak2".to_owned()),
            Just("kata".to_owned()),
            Just("“kami".to_owned()),
            Just("e-mail".to_owned()),
            Just("email".to_owned()),
            Just("Al-Quran".to_owned()),
            Just("bahasa".to_owned()),
            Just("inggris".to_owned()),
            Just("İ".to_owned()),
            Just("ﬁ".to_owned()),
            Just("é".to_owned()),
            Just("😀".to_owned()),
            Just(".".to_owned()),
            Just("\n\n".to_owned()),
            "[a-zA-Z]{1,10}",
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn spans_and_fixes_stay_on_char_boundaries(text in eyd_like()) {
            for d in linter().check_text(&text, Format::Text) {
                prop_assert!(d.span.end <= text.len());
                prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
                for f in &d.fixes {
                    prop_assert!(f.span.end <= text.len());
                    prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
                }
            }
        }
    }
}
