//! Output formats for CI: SARIF (validated against the 2.1.0 schema), GitHub annotations,
//! checkstyle; statistics and quiet modes; parallel output equals serial output.

use std::fs;

use assert_cmd::Command;
use serde_json::Value;

fn sunting() -> Command {
    let mut c = Command::cargo_bin("sunting").expect("binary built");
    c.env("NO_COLOR", "1");
    c
}

/// A short article with slips the embedded punctuation pack reports, plus a curly quote so
/// columns differ from bytes.
const ARTICLE: &str = "JAKARTA, Sunting.id – “Kami siap,” kata Menteri itu.\nWarga yang yang terdampak banjir mengungsi , kata petugas.\nBaca Juga : Harga Beras Naik\n";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("berita.txt"), ARTICLE).unwrap();
    dir
}

fn stdout_of(dir: &std::path::Path, args: &[&str]) -> String {
    let out = sunting().current_dir(dir).args(args).output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    let dir = project();
    let out = stdout_of(dir.path(), &["check", "--format", "sarif", "berita.txt"]);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    let mut schema: Value = serde_json::from_str(
        &fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/schema/sarif-schema-2.1.0.json"
        ))
        .unwrap(),
    )
    .unwrap();
    // The OASIS file's own `language` pattern (`...-[a-zA-Z]{2}]?$`, a stray `]`) is not a
    // valid regex for the draft-07 meta-schema check, so that pattern is dropped in memory;
    // everything else, formats included, is validated as published.
    assert!(drop_pattern(&mut schema, "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$") > 0);
    let validator = jsonschema::draft7::new(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF does not validate:\n{}",
        errors.join("\n")
    );
    // The validator does reject a malformed log.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!validator.is_valid(&broken));
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(
        rules
            .iter()
            .any(|r| r["id"] == "pengulangan" && r["defaultConfiguration"]["level"] == "warning")
    );
    let results = run["results"].as_array().unwrap();
    let rep = results
        .iter()
        .find(|r| r["ruleId"] == "pengulangan")
        .unwrap();
    assert_eq!(
        rep["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
    assert_eq!(
        rep["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "berita.txt"
    );
    let idx = rep["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[idx]["id"], "pengulangan");
}

fn drop_pattern(v: &mut Value, pattern: &str) -> usize {
    match v {
        Value::Object(o) => {
            let mut n = 0;
            if o.get("pattern").and_then(Value::as_str) == Some(pattern) {
                o.remove("pattern");
                n += 1;
            }
            n + o
                .values_mut()
                .map(|c| drop_pattern(c, pattern))
                .sum::<usize>()
        }
        Value::Array(a) => a.iter_mut().map(|c| drop_pattern(c, pattern)).sum(),
        _ => 0,
    }
}

#[test]
fn github_annotations_snapshot() {
    let dir = project();
    let out = stdout_of(
        dir.path(),
        &["check", "--format", "github", "--no-config", "berita.txt"],
    );
    let ours: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("pengulangan") || l.contains("tanda-baca"))
        .collect();
    insta::assert_snapshot!(ours.join("\n"), @r"
    ::warning file=berita.txt,line=2,col=7,endLine=2,endColumn=16,title=sunting pengulangan::Kata 'yang' tertulis dua kali.
    ::warning file=berita.txt,line=2,col=43,endLine=2,endColumn=45,title=sunting tanda-baca.spasi-sebelum::Hapus spasi sebelum tanda ','. (saran: ,)
    ::warning file=berita.txt,line=3,col=10,endLine=3,endColumn=12,title=sunting tanda-baca.spasi-sebelum::Hapus spasi sebelum tanda ':'. (saran: :)
    ");
}

#[test]
fn checkstyle_snapshot() {
    let dir = project();
    let out = stdout_of(
        dir.path(),
        &[
            "check",
            "--format",
            "checkstyle",
            "--no-config",
            "berita.txt",
        ],
    );
    let ours: Vec<&str> = out
        .lines()
        .filter(|l| !l.contains("<error") || l.contains("pengulangan") || l.contains("tanda-baca"))
        .collect();
    insta::assert_snapshot!(ours.join("\n"), @r#"
    <?xml version="1.0" encoding="UTF-8"?>
    <checkstyle version="4.3">
      <file name="berita.txt">
        <error line="2" column="7" severity="warning" message="Kata &apos;yang&apos; tertulis dua kali." source="sunting.pengulangan"/>
        <error line="2" column="43" severity="warning" message="Hapus spasi sebelum tanda &apos;,&apos;." source="sunting.tanda-baca.spasi-sebelum"/>
        <error line="3" column="10" severity="warning" message="Hapus spasi sebelum tanda &apos;:&apos;." source="sunting.tanda-baca.spasi-sebelum"/>
      </file>
    </checkstyle>
    "#);
}

#[test]
fn statistics_count_per_rule_and_quiet_prints_nothing() {
    let dir = project();
    let out = stdout_of(dir.path(), &["check", "--statistics", "berita.txt"]);
    let line = out
        .lines()
        .find(|l| l.contains("tanda-baca.spasi-sebelum"))
        .expect("a row per rule");
    assert!(line.trim_start().starts_with('2'), "{line}");
    assert!(out.lines().last().unwrap().contains("jumlah"));
    let quiet = sunting()
        .current_dir(dir.path())
        .args(["check", "--quiet", "--fail-on", "warning", "berita.txt"])
        .output()
        .unwrap();
    assert!(quiet.stdout.is_empty());
    assert_eq!(quiet.status.code(), Some(1));
}

#[test]
fn parallel_output_equals_serial_output() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        let text = format!("Berita nomor {i}.\n{}", ARTICLE.repeat(1 + i % 3));
        fs::write(dir.path().join(format!("berita-{i:02}.txt")), text).unwrap();
    }
    // The fixture articles too: varied findings, Markdown, and a name spelled two ways
    // across articles (the folder-wide pass).
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    for e in fs::read_dir(&fixtures).unwrap() {
        let p = e.unwrap().path();
        fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    let run = |threads: &str, format: &str| {
        let out = sunting()
            .current_dir(dir.path())
            .env("RAYON_NUM_THREADS", threads)
            .args(["check", "--format", format, "."])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    for format in ["json", "human", "sarif"] {
        let serial = run("1", format);
        assert!(serial.contains("berita-39.txt"), "{format}");
        assert!(serial.contains("di artikel lain"), "{format}");
        assert_eq!(serial, run("2", format), "{format}, 2 threads");
        assert_eq!(serial, run("4", format), "{format}, 4 threads");
    }
}

#[test]
fn markdown_code_urls_html_and_front_matter_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let md = "---\ntitle: Banjir  di Jakarta\ndate: 2024-01-21\n---\n\n# Banjir melanda\n\nWarga yang yang mengungsi.\n\n```\nkode yang yang tidak dicek ,\n```\n\nLihat `yang yang` dan https://contoh.id/yang%20yang serta <span title=\"a , b\">teks</span>.\n\n- Butir daftar yang yang kedua.\n";
    fs::write(dir.path().join("a.md"), md).unwrap();
    let out = stdout_of(dir.path(), &["check", "--format", "json", "a.md"]);
    let items: Vec<Value> = serde_json::from_str(&out).unwrap();
    let lines: Vec<u64> = items
        .iter()
        .filter(|d| {
            d["rule"] == "pengulangan" || d["rule"].as_str().unwrap().starts_with("tanda-baca")
        })
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    // Prose: the title on line 2, line 8 (paragraph) and line 16 (list item); nothing from
    // code, URLs, HTML or the rest of the front matter.
    assert_eq!(lines, vec![2, 8, 16], "{out}");
}

#[test]
fn completions_and_man_page_are_generated() {
    let out = sunting().args(["completions", "bash"]).output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("sunting"));
    let man = sunting().arg("man").output().unwrap();
    let man = String::from_utf8(man.stdout).unwrap();
    assert!(
        man.contains(".TH sunting"),
        "{}",
        &man[..man.len().min(200)]
    );
}
