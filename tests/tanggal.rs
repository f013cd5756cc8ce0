//! The date rules as a user runs them: `--date`, `[dates]` in `.sunting.toml`, front matter,
//! and the shipped fixtures through the binary.

use std::fs;

use assert_cmd::Command;
use serde_json::Value;

fn check(dir: &std::path::Path, args: &[&str], file: &str) -> Vec<(String, String, Vec<String>)> {
    let out = Command::cargo_bin("sunting")
        .expect("binary built")
        .current_dir(dir)
        .arg("check")
        .args(["--format", "json", "--fail-on", "never"])
        .args(args)
        .arg(file)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = fs::read(dir.join(file)).unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    v.as_array()
        .expect("array")
        .iter()
        .filter(|d| {
            let r = d["rule"].as_str().unwrap();
            r.starts_with("tanggal") || r.starts_with("waktu")
        })
        .map(|d| {
            let (s, e) = (
                d["start"].as_u64().unwrap() as usize,
                d["end"].as_u64().unwrap() as usize,
            );
            let fixes = d["fixes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["replacement"].as_str().unwrap().to_owned())
                .collect();
            (
                d["rule"].as_str().unwrap().to_owned(),
                String::from_utf8_lossy(&text[s..e]).into_owned(),
                fixes,
            )
        })
        .collect()
}

// 6 October 2025 is a Monday, so `Selasa (6/10)` is wrong in 2025 and right in 2026.
const TEXT: &str = "Sidang digelar Selasa (6/10) di Jakarta.\n";

#[test]
fn date_flag_sets_the_year() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    let found = check(dir.path(), &["--date", "2025-10-08"], "a.txt");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "tanggal.hari");
    assert_eq!(found[0].1, "Selasa (6/10)");
    assert!(check(dir.path(), &["--date", "2026-10-08"], "a.txt").is_empty());
}

#[test]
fn config_reference_and_front_matter_set_the_year() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    fs::write(
        dir.path().join(".sunting.toml"),
        "[dates]\nreference = \"2025-10-08\"\n",
    )
    .unwrap();
    assert_eq!(check(dir.path(), &[], "a.txt").len(), 1);
    // Front matter wins over the config for its own article.
    fs::write(
        dir.path().join("b.md"),
        format!("---\ndate: 2026-10-08\n---\n\n{TEXT}"),
    )
    .unwrap();
    assert!(check(dir.path(), &[], "b.md").is_empty());
}

#[test]
fn config_house_formats_apply() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join(".sunting.toml"),
        "[dates]\nformat = \"dd/mm\"\ntime-separator = \":\"\n",
    )
    .unwrap();
    // 6 October 2025 is a Monday.
    fs::write(
        dir.path().join("a.txt"),
        "Sidang digelar Senin (6/10) pukul 10.00 WIB.\n",
    )
    .unwrap();
    let found = check(dir.path(), &[], "a.txt");
    assert!(
        found.contains(&("tanggal.format".into(), "6/10".into(), vec!["06/10".into()])),
        "{found:?}"
    );
    assert!(
        found.contains(&("waktu.pemisah".into(), "10.00".into(), vec![":".into()])),
        "{found:?}"
    );
}

#[test]
fn fixtures_through_the_binary() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    assert!(check(&dir, &[], "tanggal_clean.md").is_empty());
    let found = check(&dir, &[], "tanggal_slip.md");
    assert_eq!(found.len(), 10, "{found:?}");
    assert!(found.contains(&(
        "tanggal.kapital".into(),
        "minggu".into(),
        vec!["Minggu".into()]
    )));
    assert!(found.contains(&(
        "tanggal.nama".into(),
        "Agsutus".into(),
        vec!["Agustus".into()]
    )));
}
