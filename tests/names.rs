//! The `names` rules (`nama.*`) on whole fixture articles, with newsroom config, and across
//! a folder.

use std::path::Path;

use sunting::config::{Config, NamesConfig};
use sunting::rules::kinds::names::cross_document_names;
use sunting::{Diagnostic, Document, Format, Linter};

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles")
}

fn names_findings(linter: &Linter, text: &str, format: Format) -> Vec<Diagnostic> {
    linter
        .check_text(text, format)
        .into_iter()
        .filter(|d| d.rule.starts_with("nama."))
        .collect()
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// `LINE: wrong -> right (nama.x ...)` lines of a sidecar, except folder-mode-only ones.
fn expected_names(sidecar: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for l in sidecar.lines() {
        let Some((num, rest)) = l.split_once(": ") else {
            continue;
        };
        let Ok(line) = num.trim().parse::<usize>() else {
            continue;
        };
        if rest.contains("folder mode only") {
            continue;
        }
        if let Some(i) = rest.find("(nama.") {
            let rule: String = rest[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '.')
                .collect();
            out.push((line, rule));
        }
    }
    out.sort();
    out
}

/// Every fixture article: the `nama.*` findings are exactly the ones its sidecar lists
/// (none for an article without a sidecar).
#[test]
fn fixture_articles_get_exactly_the_expected_names_findings() {
    let linter = Linter::with_defaults();
    let mut checked = 0;
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".expected.md") || !(name.ends_with(".txt") || name.ends_with(".md")) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let stem = name.rsplit_once('.').unwrap().0;
        let sidecar = std::fs::read_to_string(fixtures().join(format!("{stem}.expected.md")))
            .unwrap_or_default();
        let mut actual: Vec<(usize, String)> =
            names_findings(&linter, &text, Format::from_path(&name))
                .iter()
                .map(|d| (line_of(&text, d.span.start), d.rule.clone()))
                .collect();
        actual.sort();
        assert_eq!(actual, expected_names(&sidecar), "{name}");
        checked += 1;
    }
    assert!(checked >= 5);
}

#[test]
fn fixes_give_the_right_spelling() {
    let linter = Linter::with_defaults();
    let text = std::fs::read_to_string(fixtures().join("nama_ketik.txt")).unwrap();
    let found = names_findings(&linter, &text, Format::Text);
    let fixed = sunting::diagnostic::apply_fixes(&text, found.iter().flat_map(|d| d.fixes.iter()));
    for right in [
        "Ferdinandus juga meminta",
        "Bupati Sumedang Herman Suryatman juga",
        "Dedi Mulyanto berjanji",
        "warga, Sitompul, mengaku",
        "Menurut Ferdinandus, pendataan",
        "Presiden Prabowo Subianto.",
    ] {
        assert!(fixed.contains(right), "missing {right:?} in:\n{fixed}");
    }
    // Fixing leaves nothing for the names rules to report.
    assert!(names_findings(&linter, &fixed, Format::Text).is_empty());
}

#[test]
fn config_accepts_a_spelling_and_adds_a_canonical_name() {
    let text = "Kata Wiryawan, panen tahun ini baik. Menurut Wiryawan, harga stabil. \
                Namun Wiryawann mengingatkan soal hama. Gubernur Bank Sentral Sentosa Ardi \
                menambahkan, Sentosa Ardy akan memantau harga.";
    let defaults = Linter::with_defaults();
    let rules: Vec<String> = names_findings(&defaults, text, Format::Text)
        .iter()
        .map(|d| format!("{} {}", d.rule, d.span.text(text)))
        .collect();
    assert_eq!(rules, ["nama.varian Wiryawann"]);

    let config = Config {
        names: NamesConfig {
            accept: vec!["Wiryawann".to_owned()],
            canonical: [("Sentosa Ardi".to_owned(), vec!["Sentosa Ardy".to_owned()])]
                .into_iter()
                .collect(),
        },
        ..Config::default()
    };
    let newsroom = Linter::from_config(config).unwrap();
    let found = names_findings(&newsroom, text, Format::Text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, "nama.registri");
    assert_eq!(found[0].span.text(text), "Sentosa Ardy");
    assert_eq!(found[0].fixes[0].replacement, "Sentosa Ardi");
}

#[test]
fn config_can_turn_a_names_rule_off() {
    let config = Config::parse(
        "[rules]\ndisable = [\"nama.kapital\"]\n",
        Path::new("/redaksi/.sunting.toml"),
    )
    .unwrap();
    let linter = Linter::from_config(config).unwrap();
    let text = std::fs::read_to_string(fixtures().join("nama_korea.txt")).unwrap();
    let rules: Vec<String> = names_findings(&linter, &text, Format::Text)
        .into_iter()
        .map(|d| d.rule)
        .collect();
    assert_eq!(rules, ["nama.varian"]);
}

#[test]
fn folder_mode_groups_hyphen_drift_across_articles() {
    let read = |n: &str| std::fs::read_to_string(fixtures().join(n)).unwrap();
    let (a, b) = (read("nama_lintas_1.txt"), read("nama_lintas_2.txt"));
    let (da, db) = (
        Document::new(&a, Format::Text),
        Document::new(&b, Format::Text),
    );
    // Each article alone is clean.
    let linter = Linter::with_defaults();
    assert!(names_findings(&linter, &a, Format::Text).is_empty());
    assert!(names_findings(&linter, &b, Format::Text).is_empty());
    // A third article tips the folder's majority to `Kang Sun Nam`.
    let c = "Wakil Menteri Pertahanan Kang Sun Nam tiba di Pyongyang.";
    let dc = Document::new(c, Format::Text);
    let found = cross_document_names(&[
        ("nama_lintas_1.txt", &da),
        ("nama_lintas_2.txt", &db),
        ("c.txt", &dc),
    ]);
    let got: Vec<(usize, &str, usize)> = found
        .iter()
        .map(|(i, d)| (*i, d.span.text(&b), line_of(&b, d.span.start)))
        .collect();
    assert_eq!(got, [(1, "Kang Sun-nam", 3), (1, "Kang Sun-nam", 7)]);
    for (_, d) in &found {
        assert_eq!(d.rule, "nama.lintas");
        assert_eq!(d.fixes[0].replacement, "Kang Sun Nam");
        let help = d.help.as_deref().unwrap();
        assert!(
            help.contains("nama_lintas_1.txt") && help.contains("c.txt"),
            "{help}"
        );
    }
}

#[test]
fn spans_sit_on_char_boundaries_in_odd_text() {
    let linter = Linter::with_defaults();
    for text in [
        "Pútin dan Pútin bertemu Pútinñ. “Kim” kím KIM Kim-Kim.",
        "Menteri\u{a0}luar negeri Ébé Çağ tiba. Ébé Çağ pulang. Ébé Çağg lagi.",
        "\u{feff}kim\r\nKim Jong Un\r\nKim\r\n",
    ] {
        for d in names_findings(&linter, text, Format::Text) {
            assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        }
    }
}
