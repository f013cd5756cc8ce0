//! The spelling rules on whole articles: planted slips found with the right first
//! suggestion, clean copy quiet, and the dictionary replaceable through config.

use std::path::Path;

use sunting::Linter;
use sunting::config::Config;
use sunting::document::Format;

fn articles() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles")
}

/// `(line, text, fix, rule)` of the spelling findings in `text`.
fn spelling(linter: &Linter, text: &str, format: Format) -> Vec<(usize, String, String, String)> {
    let index = sunting::source::LineIndex::new(text);
    linter
        .check_text(text, format)
        .into_iter()
        .filter(|d| d.rule.starts_with("ejaan"))
        .map(|d| {
            let fix = d
                .fixes
                .first()
                .map(|f| f.replacement.clone())
                .unwrap_or_else(|| "?".to_owned());
            (
                index.line_of(d.span.start) + 1,
                d.span.text(text).to_owned(),
                fix,
                d.rule.clone(),
            )
        })
        .collect()
}

/// The spelling lines of an `.expected.md` sidecar.
fn expected(path: &Path) -> Vec<(usize, String, String, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter_map(|l| {
            let (line, rest) = l.split_once(": ")?;
            let line: usize = line.trim().parse().ok()?;
            let (pair, rule) = rest.rsplit_once(" (")?;
            let rule = rule.trim_end_matches(')');
            if !rule.starts_with("ejaan") {
                return None;
            }
            let (wrong, right) = pair.split_once(" -> ")?;
            Some((line, wrong.to_owned(), right.to_owned(), rule.to_owned()))
        })
        .collect()
}

fn check_fixture(name: &str) {
    let dir = articles();
    let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
    let mut got = spelling(&Linter::with_defaults(), &text, Format::Text);
    let mut want = expected(&dir.join(format!("{name}.expected.md")));
    got.sort();
    want.sort();
    assert!(!want.is_empty());
    assert_eq!(got, want);
}

#[test]
fn flags_every_edit_type_with_the_right_first_suggestion() {
    check_fixture("ejaan_jenis_salah_ketik");
}

#[test]
fn flags_most_planted_typos_of_the_shared_fixture_and_nothing_else() {
    // Known miss: `saluiran` passes the derivational morphology (see report).
    let dir = articles();
    let text = std::fs::read_to_string(dir.join("salah_ketik.txt")).unwrap();
    let got = spelling(&Linter::with_defaults(), &text, Format::Text);
    let want = expected(&dir.join("salah_ketik.expected.md"));
    for g in &got {
        assert!(want.contains(g), "unexpected or wrong fix: {g:?}");
    }
    assert!(got.len() + 1 >= want.len(), "{got:?}");
}

#[test]
fn clean_articles_have_no_spelling_findings() {
    let linter = Linter::with_defaults();
    let mut words = 0;
    for entry in std::fs::read_dir(articles()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("clean_") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        words += text.split_whitespace().count();
        let found = spelling(&linter, &text, Format::from_path(&name));
        assert!(found.is_empty(), "{name}: {found:?}");
    }
    assert!(words >= 2000, "only {words} words of clean copy");
}

#[test]
fn names_acronyms_clitics_and_loanwords_are_quiet() {
    let text = "Presiden Rusia Vladimir Putin bertemu Menteri Luar Negeri Korea Utara Choe \
                Son Hui. Puting tidak disebut KCNA. Kim Jong Un berterima kasih atas \
                solidaritasnya dalam operasi militernya, ujarnya. Washington dan \
                sekutu-sekutunya menolak undang-undang itu, pungkasnya. Olahraganya \
                bolak-balik dibahas sejak 1990-an, pada hari ke-3, lewat e-mail.";
    let found = spelling(&Linter::with_defaults(), text, Format::Text);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn dictionary_is_replaced_through_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kecil.aff"), "SET UTF-8\n").unwrap();
    std::fs::write(
        dir.path().join("kecil.dic"),
        "5\nia\nmenulis\ngugel\nsurat\ndi\n",
    )
    .unwrap();
    let cfg_path = dir.path().join(".sunting.toml");
    let cfg_text =
        "[dictionary]\naff = \"kecil.aff\"\ndic = \"kecil.dic\"\n[words]\naccept = [\"redaksi\"]\n";
    std::fs::write(&cfg_path, cfg_text).unwrap();
    let cfg = Config::parse(cfg_text, &cfg_path).unwrap();
    let linter = Linter::from_config(cfg).unwrap();
    // `gugel` exists only in the replacement; `gugle` is a swap away from it.
    let found = spelling(&linter, "Ia menulis surat di gugle redaksi.", Format::Text);
    assert_eq!(
        found,
        vec![(
            1,
            "gugle".to_owned(),
            "gugel".to_owned(),
            "ejaan".to_owned()
        )]
    );
    // The embedded dictionary is gone: `kepada` is no longer known.
    assert!(!linter.lexicon().is_word("kepada"));
    assert!(linter.lexicon().is_word("redaksi"));
}
