//! The `sunting` command as a user runs it: exit codes, stdin, folders, bad input, bad packs,
//! positions in the JSON output.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn sunting() -> Command {
    let mut c = Command::cargo_bin("sunting").expect("binary built");
    c.env("NO_COLOR", "1");
    c
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn json(out: &[u8]) -> Vec<Value> {
    serde_json::from_slice::<Value>(out)
        .expect("valid JSON")
        .as_array()
        .expect("an array")
        .clone()
}

const CLEAN: &str = "JAKARTA, Sunting.id – Pemerintah menyiapkan anggaran baru untuk sekolah. Anggaran itu dibahas bersama DPR.\n";
const SLIP: &str = "Warga yang yang terdampak banjir mengungsi , kata petugas.\n";

#[test]
fn clean_copy_exits_zero_and_says_so() {
    let dir = tmp();
    let f = dir.path().join("bersih.txt");
    fs::write(&f, CLEAN).unwrap();
    sunting()
        .arg("check")
        .arg(&f)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Tidak ada temuan"));
}

#[test]
fn fail_on_sets_the_exit_code() {
    let dir = tmp();
    let f = dir.path().join("salah.txt");
    fs::write(&f, SLIP).unwrap();
    // Warnings do not fail by default (`--fail-on error`).
    sunting()
        .arg("check")
        .arg(&f)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("pengulangan"));
    sunting()
        .args(["check", "--fail-on", "warning"])
        .arg(&f)
        .assert()
        .code(1);
    sunting()
        .args(["check", "--fail-on", "never"])
        .arg(&f)
        .assert()
        .code(0);
}

#[test]
fn json_output_follows_the_contract() {
    let dir = tmp();
    let f = dir.path().join("salah.txt");
    fs::write(&f, SLIP).unwrap();
    let out = sunting()
        .args(["check", "--format", "json"])
        .arg(&f)
        .output()
        .unwrap();
    let items = json(&out.stdout);
    let rep = items
        .iter()
        .find(|d| d["rule"] == "pengulangan")
        .expect("repetition found");
    for key in [
        "path",
        "rule",
        "level",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "fixes",
    ] {
        assert!(rep.get(key).is_some(), "missing key {key} in {rep}");
    }
    assert_eq!(rep["line"], 1);
    assert_eq!(rep["column"], 7);
    assert_eq!(rep["start"], 6);
    assert_eq!(rep["end"], 15);
    assert_eq!(rep["fixes"][0]["replacement"], "");
    let space = items
        .iter()
        .find(|d| d["rule"] == "tanda-baca.spasi-sebelum")
        .expect("space before comma");
    assert_eq!(
        &SLIP[space["start"].as_u64().unwrap() as usize..space["end"].as_u64().unwrap() as usize],
        " ,"
    );
}

#[test]
fn reads_stdin() {
    sunting()
        .args(["check", "--format", "json", "-"])
        .write_stdin(SLIP)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"path\": \"<stdin>\""))
        .stdout(predicate::str::contains("pengulangan"));
}

#[test]
fn walks_folders_respecting_gitignore_and_extensions() {
    let dir = tmp();
    let root = dir.path();
    fs::create_dir_all(root.join("arsip/2024")).unwrap();
    fs::write(root.join("arsip/2024/a.txt"), SLIP).unwrap();
    fs::write(root.join("arsip/b.md"), SLIP).unwrap();
    fs::write(root.join("arsip/c.html"), SLIP).unwrap();
    fs::write(root.join("arsip/draf.txt"), SLIP).unwrap();
    fs::write(root.join(".gitignore"), "draf.txt\n").unwrap();
    fs::create_dir(root.join(".git")).unwrap();
    let out = sunting()
        .args(["check", "--format", "json"])
        .arg(root)
        .output()
        .unwrap();
    let paths: Vec<String> = json(&out.stdout)
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_owned())
        .collect();
    assert!(paths.iter().any(|p| p.ends_with("a.txt")));
    assert!(paths.iter().any(|p| p.ends_with("b.md")));
    assert!(
        !paths
            .iter()
            .any(|p| p.ends_with("c.html") || p.ends_with("draf.txt")),
        "{paths:?}"
    );
    // Deterministic order: sorted paths.
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

#[test]
fn invalid_utf8_names_file_and_offset_and_goes_on() {
    let dir = tmp();
    let bad = dir.path().join("rusak.txt");
    fs::write(&bad, b"Berita baik\n\xff\xfe buruk").unwrap();
    let good = dir.path().join("salah.txt");
    fs::write(&good, SLIP).unwrap();
    sunting()
        .arg("check")
        .arg(&bad)
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "rusak.txt: invalid UTF-8 at byte 12 (line 2)",
        ))
        .stdout(predicate::str::contains("pengulangan"));
}

#[test]
fn binary_files_named_are_errors_and_walked_ones_are_skipped() {
    let dir = tmp();
    let bin = dir.path().join("gambar.txt");
    fs::write(&bin, b"GIF89a\x00\x01\x02").unwrap();
    sunting()
        .arg("check")
        .arg(&bin)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("binary file"));
    sunting()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("note:"));
}

#[test]
fn missing_path_is_an_error() {
    sunting()
        .args(["check", "tidak-ada.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file"));
}

#[test]
fn crlf_and_bom_keep_positions_right() {
    let dir = tmp();
    let f = dir.path().join("windows.txt");
    let text = "\u{FEFF}Judul berita\r\nWarga yang yang datang.\r\n";
    fs::write(&f, text).unwrap();
    let out = sunting()
        .args(["check", "--format", "json"])
        .arg(&f)
        .output()
        .unwrap();
    let items = json(&out.stdout);
    let d = items.iter().find(|d| d["rule"] == "pengulangan").unwrap();
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(7))
    );
    let start = d["start"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..start + 8], "yang yan");
}

fn write_pack_project(dir: &Path, pack: &str) {
    fs::write(dir.join(".sunting.toml"), "packs = [\"gaya.toml\"]\n").unwrap();
    fs::write(dir.join("gaya.toml"), pack).unwrap();
    fs::write(dir.join("a.txt"), CLEAN).unwrap();
}

#[test]
fn malformed_pack_points_at_the_key() {
    let dir = tmp();
    write_pack_project(
        dir.path(),
        "[pack]\nname = \"gaya\"\n\n[[rule]]\nid = \"gaya.kami\"\nkind = \"substitution\"\npair = { foo = \"bar\" }\n",
    );
    let out = sunting()
        .arg("check")
        .arg(dir.path().join("a.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "error: rule `gaya.kami` (kind `substitution`): unknown field `pair`, expected one of"
        ),
        "{err}"
    );
    assert!(err.contains("gaya.toml:7:1"), "{err}");
    assert!(err.contains("pair = { foo = \"bar\" }"), "{err}");
}

#[test]
fn bad_regex_and_broken_toml_are_clear_errors() {
    let dir = tmp();
    write_pack_project(
        dir.path(),
        "[pack]\nname = \"gaya\"\n[[rule]]\nid = \"gaya.rx\"\nkind = \"pattern\"\nregex = '(tutup'\n",
    );
    sunting()
        .arg("check")
        .arg(dir.path().join("a.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid regex"))
        .stderr(predicate::str::contains("gaya.toml:6:1"));
    write_pack_project(dir.path(), "[pack\nname = \"gaya\"\n");
    sunting()
        .arg("check")
        .arg(dir.path().join("a.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("gaya.toml:1:"));
}

#[test]
fn config_disables_and_relevels_rules() {
    let dir = tmp();
    fs::write(
        dir.path().join(".sunting.toml"),
        "[rules]\ndisable = [\"tanda-baca.spasi-sebelum\"]\nlevel = { pengulangan = \"error\" }\n",
    )
    .unwrap();
    let f = dir.path().join("a.txt");
    fs::write(&f, SLIP).unwrap();
    let out = sunting()
        .args(["check", "--format", "json"])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "pengulangan is an error now");
    let items = json(&out.stdout);
    assert!(
        items
            .iter()
            .all(|d| d["rule"] != "tanda-baca.spasi-sebelum")
    );
    assert!(
        items
            .iter()
            .any(|d| d["rule"] == "pengulangan" && d["level"] == "error")
    );
}

#[test]
fn config_with_unknown_rule_or_key_is_an_error() {
    let dir = tmp();
    fs::write(
        dir.path().join(".sunting.toml"),
        "[rules]\ndisable = [\"pengulangn\"]\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.txt"), CLEAN).unwrap();
    sunting()
        .arg("check")
        .arg(dir.path().join("a.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule `pengulangn`"));
    fs::write(dir.path().join(".sunting.toml"), "[rulez]\n").unwrap();
    sunting()
        .arg("check")
        .arg(dir.path().join("a.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field `rulez`"));
}

#[test]
fn suppression_comment_in_plain_text() {
    let dir = tmp();
    let f = dir.path().join("a.txt");
    fs::write(&f, format!("sunting-disable-next-line pengulangan\n{SLIP}")).unwrap();
    let out = sunting()
        .args(["check", "--format", "json"])
        .arg(&f)
        .output()
        .unwrap();
    assert!(json(&out.stdout).iter().all(|d| d["rule"] != "pengulangan"));
}

#[test]
fn rules_explain_and_test_rules() {
    sunting()
        .arg("rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("pengulangan"))
        .stdout(predicate::str::contains("repetition"));
    sunting()
        .args(["explain", "pengulangan"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("In English:"))
        .stdout(predicate::str::contains("salah:"));
    sunting()
        .args(["explain", "pengulangn"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `pengulangan`"));
    sunting()
        .arg("test-rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(" passed, 0 failed"));
}

#[test]
fn test_rules_runs_a_newsroom_pack_and_reports_failures() {
    let dir = tmp();
    let pack = dir.path().join("kami.toml");
    fs::write(
        &pack,
        "[pack]\nname = \"kami\"\n[[rule]]\nid = \"kami.istilah\"\nkind = \"substitution\"\nmessage = \"Tulis '{expected}'.\"\n[rule.pairs]\nmedsos = \"media sosial\"\n[[rule.test]]\nbad = \"Ramai di medsos.\"\nfix = \"Ramai di media sosial.\"\n[[rule.test]]\ngood = \"Ramai di medsos kemarin.\"\n",
    )
    .unwrap();
    sunting()
        .arg("test-rules")
        .arg(&pack)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("GAGAL kami.istilah"))
        .stdout(predicate::str::contains("1 passed, 1 failed"));
}

/// Two fixture articles that spell one name two ways, a third that tips the folder's
/// majority to `Kang Sun Nam`, and an article with slips of its own that sorts last.
fn lintas_folder() -> tempfile::TempDir {
    let dir = tmp();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    for name in ["nama_lintas_1.txt", "nama_lintas_2.txt"] {
        fs::copy(fixtures.join(name), dir.path().join(name)).unwrap();
    }
    fs::write(
        dir.path().join("nama_lintas_3.txt"),
        "Wakil Menteri Pertahanan Kang Sun Nam tiba di Pyongyang.\n",
    )
    .unwrap();
    fs::write(dir.path().join("zz_slip.txt"), SLIP).unwrap();
    dir
}

#[test]
fn folder_mode_reports_names_spelled_two_ways_across_articles() {
    let dir = lintas_folder();
    let out = sunting()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "--fail-on", "info", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let items = json(&out.stdout);
    let is_cross = |d: &Value| {
        d["rule"] == "nama.lintas" && d["message"].as_str().unwrap().contains("artikel lain")
    };
    let cross: Vec<(&str, u64, &str)> = items
        .iter()
        .filter(|d| is_cross(d))
        .map(|d| {
            (
                d["path"].as_str().unwrap(),
                d["line"].as_u64().unwrap(),
                d["fixes"][0]["replacement"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        cross,
        [
            ("./nama_lintas_2.txt", 3, "Kang Sun Nam"),
            ("./nama_lintas_2.txt", 7, "Kang Sun Nam")
        ]
    );
    // Every article's own findings come first, in input order (the slips of the last
    // file included); the folder-wide ones follow them.
    let first_cross = items.iter().position(is_cross).unwrap();
    assert!(
        items[..first_cross]
            .iter()
            .any(|d| d["path"] == "./zz_slip.txt")
    );
    assert!(items[first_cross..].iter().all(is_cross));

    let human = sunting()
        .current_dir(dir.path())
        .args(["check", "."])
        .output()
        .unwrap();
    let human = String::from_utf8(human.stdout).unwrap();
    let slip = human.find("./zz_slip.txt:").unwrap();
    let frame = human.find("./nama_lintas_2.txt:3:").expect("a code frame");
    assert!(slip < frame, "{human}");
    assert!(
        human.contains("Ejaan di folder ini: `Kang Sun Nam`"),
        "{human}"
    );
    // The summary counts them, and the article they are in.
    let total = items.len();
    let files = items
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect::<std::collections::HashSet<_>>()
        .len();
    assert!(
        human
            .lines()
            .last()
            .unwrap()
            .starts_with(&format!("{total} temuan")),
        "{human}"
    );
    assert!(
        human.ends_with(&format!("di {files} dari 4 berkas.\n")),
        "{human}"
    );
    // The rule can be turned off like any other.
    fs::write(
        dir.path().join(".sunting.toml"),
        "[rules]\ndisable = [\"nama.lintas\"]\n",
    )
    .unwrap();
    let off = sunting()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "."])
        .output()
        .unwrap();
    assert!(!json(&off.stdout).iter().any(is_cross));
}
