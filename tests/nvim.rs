//! `sunting lsp` in a real editor: headless Neovim attaches the server to a fixture
//! (tests/nvim/attach.lua, see editors/README.md for what it writes) and the squiggles it
//! places must match `sunting check --format
//! json` on the same file: same rule ids at the same places, after converting LSP UTF-16
//! columns (and Neovim's byte columns) to the CLI's 1-based scalar columns.
//!
//! Needs `nvim` (Debian package `neovim`); set SUNTING_SKIP_NVIM=1 to skip on purpose.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const TIMEOUT: Duration = Duration::from_secs(60);

fn nvim_available() -> bool {
    if std::env::var_os("SUNTING_SKIP_NVIM").is_some_and(|v| v == "1") {
        return false;
    }
    let found = Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "`nvim` is not installed: install the Debian package `neovim` \
         (apt-get update && apt-get install -y neovim), or set SUNTING_SKIP_NVIM=1 to skip"
    );
    true
}

/// (rule, line, column, end_line, end_column), 1-based, columns in Unicode scalars.
type Place = (String, u64, u64, u64, u64);

fn cli_places(file: &Path) -> (Vec<Place>, Vec<Value>) {
    let out = Command::new(env!("CARGO_BIN_EXE_sunting"))
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(file)
        .output()
        .expect("run sunting check");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut places: Vec<Place> = found
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["end_line"].as_u64().unwrap(),
                f["end_column"].as_u64().unwrap(),
            )
        })
        .collect();
    places.sort();
    (places, found)
}

fn lines(text: &str) -> Vec<&str> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect()
}

/// 1-based scalar column of a 0-based UTF-16 column on `line`.
fn scalar_col_of_utf16(line: &str, units: u64) -> u64 {
    let mut u = 0;
    let mut col = 1;
    for c in line.chars() {
        if u >= units {
            break;
        }
        u += c.len_utf16() as u64;
        col += 1;
    }
    col
}

/// 1-based scalar column of a 0-based byte column on `line`.
fn scalar_col_of_byte(line: &str, bytes: u64) -> u64 {
    line[..(bytes as usize).min(line.len())].chars().count() as u64 + 1
}

fn run_nvim(file: &Path, out: &Path) -> Value {
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-u"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/nvim/attach.lua"))
        .arg(file)
        .env("SUNTING_BIN", env!("CARGO_BIN_EXE_sunting"))
        .env("SUNTING_OUT", out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start nvim");
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait for nvim") {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("nvim did not finish within {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let text = std::fs::read_to_string(out).unwrap_or_default();
    let v: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("nvim wrote no JSON ({status}): {e}: {text:?}"));
    assert!(status.success(), "nvim failed: {v}");
    assert!(v.is_array(), "attach.lua: {v}");
    v
}

fn check_file(name: &str, text: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join(name);
    std::fs::write(&file, text).unwrap();
    let out = dir.path().join("nvim.json");
    let v = run_nvim(&file, &out);
    let (expected, cli) = cli_places(&file);
    assert!(
        expected.len() >= 3,
        "the fixture should have findings: {expected:?}"
    );
    let ls = lines(text);
    let items = v.as_array().expect("attach.lua writes a JSON list");
    // What the server sent (UTF-16 columns), converted to scalar columns.
    let mut from_server: Vec<Place> = items
        .iter()
        .map(|d| {
            let r = &d["lsp_range"];
            assert!(r.is_object(), "no lsp_range in {d}");
            let (l0, c0) = (
                r["start"]["line"].as_u64().unwrap(),
                r["start"]["character"].as_u64().unwrap(),
            );
            let (l1, c1) = (
                r["end"]["line"].as_u64().unwrap(),
                r["end"]["character"].as_u64().unwrap(),
            );
            (
                d["code"].as_str().unwrap().to_owned(),
                l0 + 1,
                scalar_col_of_utf16(ls[l0 as usize], c0),
                l1 + 1,
                scalar_col_of_utf16(ls[l1 as usize], c1),
            )
        })
        .collect();
    // At least one finding sits after a character where UTF-16 and scalar columns differ,
    // so the conversion is really exercised.
    assert!(
        items
            .iter()
            .zip(&from_server)
            .any(|(d, p)| d["lsp_range"]["start"]["character"].as_u64().unwrap() + 1 != p.2),
        "fixture has no astral character before a finding"
    );
    from_server.sort();
    assert_eq!(from_server, expected, "server vs CLI on {name}");
    // Where Neovim placed them (byte columns in the buffer line).
    let mut in_editor: Vec<Place> = items
        .iter()
        .map(|d| {
            let l0 = d["lnum"].as_u64().unwrap();
            let l1 = d["end_lnum"].as_u64().unwrap();
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                l0 + 1,
                scalar_col_of_byte(ls[l0 as usize], d["col"].as_u64().unwrap()),
                l1 + 1,
                scalar_col_of_byte(ls[l1 as usize], d["end_col"].as_u64().unwrap()),
            )
        })
        .collect();
    in_editor.sort();
    assert_eq!(in_editor, expected, "Neovim's squiggles vs CLI on {name}");
    // Severity and source come through.
    for d in items {
        assert_eq!(d["source"], "sunting", "{d}");
    }
    let levels: Vec<(String, u64)> = {
        let mut l: Vec<(String, u64)> = cli
            .iter()
            .map(|f| {
                let sev = match f["level"].as_str().unwrap() {
                    "error" => 1,
                    "warning" => 2,
                    _ => 3,
                };
                (f["rule"].as_str().unwrap().to_owned(), sev)
            })
            .collect();
        l.sort();
        l
    };
    let mut got: Vec<(String, u64)> = items
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["severity"].as_u64().unwrap(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(got, levels, "severities on {name}");
}

#[test]
fn neovim_squiggles_match_the_cli_on_markdown() {
    if !nvim_available() {
        return;
    }
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lsp/kutipan.md"),
    )
    .unwrap();
    check_file("kutipan.md", &text);
}

#[test]
fn neovim_squiggles_match_the_cli_on_crlf_plain_text() {
    if !nvim_available() {
        return;
    }
    let text = "Rapat 😀 anggaran dimulai pukul 10.00 WIB.\r\n\r\nJAKARTA, Sunting.id – “Kami siap,” kata Siti 🙂 kepada wartawan , Senin.\r\nCafé itu ramai; pengunjung yang yang datang.  Harga naik.\r\n";
    check_file("kutipan.txt", text);
}
