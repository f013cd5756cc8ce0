//! `--fix` and `--diff`: safe fixes only, atomic writes, idempotent, permissions kept,
//! read-only and stdin handled.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use assert_cmd::Command;
use predicates::prelude::*;

fn sunting() -> Command {
    let mut c = Command::cargo_bin("sunting").expect("binary built");
    c.env("NO_COLOR", "1");
    c
}

const BEFORE: &str = "Judul “Berita” – édisi satu\r\nWarga yang yang terdampak banjir mengungsi , kata petugas.\nBaca Juga : Harga Naik\nBaris terakhir tanpa slip.";
const AFTER: &str = "Judul “Berita” – édisi satu\r\nWarga yang terdampak banjir mengungsi, kata petugas.\nBaca Juga: Harga Naik\nBaris terakhir tanpa slip.";

#[test]
fn fix_changes_only_the_fix_spans_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    fs::write(&f, BEFORE).unwrap();
    fs::set_permissions(&f, fs::Permissions::from_mode(0o640)).unwrap();
    sunting()
        .args(["check", "--fix", "--no-config"])
        .arg(&f)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("Diperbaiki"));
    assert_eq!(fs::read_to_string(&f).unwrap(), AFTER);
    assert_eq!(
        fs::metadata(&f).unwrap().permissions().mode() & 0o777,
        0o640,
        "permissions kept"
    );
    // A second run changes nothing and leaves no temp files behind.
    let mtime = fs::metadata(&f).unwrap().modified().unwrap();
    sunting()
        .args(["check", "--fix", "--no-config"])
        .arg(&f)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("Diperbaiki").not());
    assert_eq!(fs::read_to_string(&f).unwrap(), AFTER);
    assert_eq!(fs::metadata(&f).unwrap().modified().unwrap(), mtime);
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".sunting-fix-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn unsafe_fixes_are_not_applied() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join(".sunting.toml"),
        "packs = [\"kami.toml\"]\nno-default-packs = true\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("kami.toml"),
        "[pack]\nname = \"kami\"\n[[rule]]\nid = \"kami.medsos\"\nkind = \"substitution\"\nsafe-fix = false\nmessage = \"Tulis '{expected}'.\"\n[rule.pairs]\nmedsos = \"media sosial\"\n[[rule.test]]\nbad = \"Ramai di medsos.\"\n[[rule.test]]\ngood = \"Ramai.\"\n",
    )
    .unwrap();
    let f = dir.path().join("a.txt");
    fs::write(&f, "Ramai di medsos.\n").unwrap();
    sunting()
        .args(["check", "--fix", "--format", "json"])
        .arg(&f)
        .assert()
        .stdout(predicate::str::contains("kami.medsos"));
    assert_eq!(fs::read_to_string(&f).unwrap(), "Ramai di medsos.\n");
}

#[test]
fn read_only_files_are_reported_not_clobbered() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    fs::write(&f, BEFORE).unwrap();
    fs::set_permissions(&f, fs::Permissions::from_mode(0o444)).unwrap();
    sunting()
        .args(["check", "--fix", "--no-config"])
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("read-only file, not fixed"));
    assert_eq!(fs::read_to_string(&f).unwrap(), BEFORE);
}

#[test]
fn diff_prints_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    fs::write(&f, BEFORE).unwrap();
    sunting()
        .current_dir(dir.path())
        .args(["check", "--diff", "--no-config", "a.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("--- a/a.txt"))
        .stdout(predicate::str::contains("-Baca Juga : Harga Naik"))
        .stdout(predicate::str::contains("+Baca Juga: Harga Naik"));
    assert_eq!(fs::read_to_string(&f).unwrap(), BEFORE);
    fs::write(&f, AFTER).unwrap();
    sunting()
        .current_dir(dir.path())
        .args(["check", "--diff", "--no-config", "a.txt"])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn fix_on_stdin_prints_the_fixed_text() {
    sunting()
        .args(["check", "--fix", "--no-config", "-"])
        .write_stdin(BEFORE)
        .assert()
        .stdout(predicate::str::starts_with(AFTER));
}
