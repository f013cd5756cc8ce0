//! `sunting lsp` driven as an editor drives it: the built binary over real stdio JSON-RPC
//! with Content-Length framing. Every wait has a timeout, so a hung server fails the test.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const TIMEOUT: Duration = Duration::from_secs(20);

/// A line with curly quotes and an en dash before the two slips, so UTF-16 columns and
/// scalar columns agree but byte offsets do not.
const LINE: &str = "“Kami siap,” kata Budi – Baca Juga : Pejabat yang yang baru.\n";

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Value>,
    next_id: i64,
    /// Messages received while waiting for something else.
    backlog: Vec<Value>,
}

fn read_frame(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut buf = vec![0; len?];
    r.read_exact(&mut buf).ok()?;
    serde_json::from_slice(&buf).ok()
}

impl Client {
    fn start(args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sunting"))
            .arg("lsp")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start sunting lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(v) = read_frame(&mut r) {
                if tx.send(v).is_err() {
                    break;
                }
            }
        });
        Self {
            child,
            stdin: Some(stdin),
            rx,
            next_id: 0,
            backlog: Vec::new(),
        }
    }

    fn send(&mut self, v: &Value) {
        let body = v.to_string();
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Receive the next message, answering server-to-client requests on the way.
    fn recv(&mut self, deadline: Instant) -> Value {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = match self.rx.recv_timeout(left) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for the server"),
                Err(RecvTimeoutError::Disconnected) => panic!("the server closed stdout"),
            };
            if msg.get("method").is_some() && msg.get("id").is_some() {
                // A request from the server (registerCapability, configuration).
                let result = if msg["method"] == "workspace/configuration" {
                    json!([{}])
                } else {
                    Value::Null
                };
                let reply = json!({"jsonrpc": "2.0", "id": msg["id"].clone(), "result": result});
                self.send(&reply);
                continue;
            }
            return msg;
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let m = self.recv(deadline);
            if m.get("id") == Some(&json!(id)) {
                assert!(m.get("error").is_none(), "{method} failed: {m}");
                return m["result"].clone();
            }
            self.backlog.push(m);
        }
    }

    /// Wait for a publishDiagnostics for `uri` whose diagnostics satisfy `ok`; returns them.
    fn diagnostics_until(&mut self, uri: &str, ok: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let deadline = Instant::now() + TIMEOUT;
        let mut seen = Vec::new();
        loop {
            let m = if self.backlog.is_empty() {
                self.recv(deadline)
            } else {
                self.backlog.remove(0)
            };
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                let d = m["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                if ok(&d) {
                    return d;
                }
                seen.push(d);
            }
            assert!(
                Instant::now() < deadline,
                "no matching diagnostics for {uri}; saw {seen:?}"
            );
        }
    }

    /// The next publishDiagnostics for `uri` (with its version).
    fn next_publish(&mut self, uri: &str) -> (Option<i64>, Vec<Value>) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let m = if self.backlog.is_empty() {
                self.recv(deadline)
            } else {
                self.backlog.remove(0)
            };
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return (
                    m["params"]["version"].as_i64(),
                    m["params"]["diagnostics"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default(),
                );
            }
        }
    }

    fn initialize(&mut self, root: &Path, capabilities: Value) -> Value {
        let r = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri_of(root),
                "capabilities": capabilities,
            }),
        );
        self.notify("initialized", json!({}));
        r
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
    }

    fn shutdown(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r, Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                assert!(status.success(), "exit status {status}");
                return;
            }
            assert!(
                Instant::now() < deadline,
                "server did not exit after `exit`"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn uri_of(p: &Path) -> String {
    format!("file://{}", p.display())
}

fn tmp() -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().expect("temp dir");
    let p = d.path().canonicalize().expect("canonical");
    (d, p)
}

fn find<'a>(diags: &'a [Value], rule: &str) -> Option<&'a Value> {
    diags.iter().find(|d| d["code"] == rule)
}

fn has(rule: &str) -> impl Fn(&[Value]) -> bool + '_ {
    move |d| find(d, rule).is_some()
}

fn range(d: &Value) -> (u64, u64, u64, u64) {
    let r = &d["range"];
    (
        r["start"]["line"].as_u64().unwrap(),
        r["start"]["character"].as_u64().unwrap(),
        r["end"]["line"].as_u64().unwrap(),
        r["end"]["character"].as_u64().unwrap(),
    )
}

/// Apply LSP TextEdits (UTF-16 positions) to a text, as an editor does.
fn apply_edits(text: &str, edits: &[Value]) -> String {
    let offset = |pos: &Value| -> usize {
        let line = pos["line"].as_u64().unwrap() as usize;
        let ch = pos["character"].as_u64().unwrap() as usize;
        let mut start = 0;
        for _ in 0..line {
            start += text[start..]
                .find('\n')
                .map_or(text.len() - start, |i| i + 1);
        }
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= ch || c == '\n' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse((s.0, s.1)));
    let mut out = text.to_owned();
    for (a, b, t) in spans {
        out.replace_range(a..b, &t);
    }
    out
}

fn edits_for(action: &Value, uri: &str) -> Vec<Value> {
    action["edit"]["changes"][uri]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn open_publishes_exact_utf16_ranges_and_metadata() {
    let (_d, dir) = tmp();
    let mut c = Client::start(&["--debounce-ms", "0"]);
    let init = c.initialize(&dir, json!({}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    let uri = uri_of(&dir.join("berita.txt"));
    c.open(&uri, "plaintext", LINE);
    let diags = c.diagnostics_until(&uri, |d| {
        has("pengulangan")(d) && has("tanda-baca.spasi-sebelum")(d)
    });
    // " :" is bytes 40..42 but UTF-16 columns 34..36 (the curly quotes and the dash are
    // three bytes and one unit each).
    let colon = find(&diags, "tanda-baca.spasi-sebelum").unwrap();
    assert_eq!(range(colon), (0, 34, 0, 36));
    assert_eq!(colon["severity"], 2);
    assert_eq!(colon["source"], "sunting");
    assert_eq!(colon["data"]["fixes"][0]["newText"], ":");
    let rep = find(&diags, "pengulangan").unwrap();
    assert_eq!(range(rep), (0, 45, 0, 54));
    c.shutdown();
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let (_d, dir) = tmp();
    let mut c = Client::start(&["--debounce-ms", "0"]);
    let init = c.initialize(
        &dir,
        json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let uri = uri_of(&dir.join("berita.txt"));
    c.open(&uri, "plaintext", LINE);
    let diags = c.diagnostics_until(&uri, has("tanda-baca.spasi-sebelum"));
    assert_eq!(
        range(find(&diags, "tanda-baca.spasi-sebelum").unwrap()),
        (0, 40, 0, 42)
    );
    c.shutdown();
}

#[test]
fn incremental_and_full_changes_update_diagnostics() {
    let (_d, dir) = tmp();
    let mut c = Client::start(&["--debounce-ms", "0"]);
    c.initialize(&dir, json!({}));
    let uri = uri_of(&dir.join("berita.txt"));
    c.open(&uri, "plaintext", LINE);
    c.diagnostics_until(&uri, has("tanda-baca.spasi-sebelum"));
    // Delete the space before ':' (UTF-16 34..35).
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 34}, "end": {"line": 0, "character": 35}}, "text": ""}
        ]}),
    );
    let diags = c.diagnostics_until(&uri, |d| !has("tanda-baca.spasi-sebelum")(d));
    assert_eq!(range(find(&diags, "pengulangan").unwrap()), (0, 44, 0, 53));
    // Two changes in one notification: a line above (with an emoji, two UTF-16 units),
    // then a slip typed after the emoji on that new line.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "😀 Judul\n"},
            {"range": {"start": {"line": 0, "character": 8}, "end": {"line": 0, "character": 8}}, "text": " dan dan"}
        ]}),
    );
    let diags = c.diagnostics_until(&uri, |d| {
        d.iter().filter(|x| x["code"] == "pengulangan").count() == 2
    });
    let reps: Vec<_> = diags
        .iter()
        .filter(|x| x["code"] == "pengulangan")
        .map(range)
        .collect();
    assert!(reps.contains(&(0, 9, 0, 16)), "{reps:?}");
    assert!(reps.contains(&(1, 44, 1, 53)), "{reps:?}");
    // Full sync: the whole text replaced.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": "Ia datang , lalu pergi.\n"}]}),
    );
    let diags = c.diagnostics_until(&uri, |d| !has("pengulangan")(d));
    assert_eq!(
        range(find(&diags, "tanda-baca.spasi-sebelum").unwrap()),
        (0, 9, 0, 11)
    );
    c.shutdown();
}

#[test]
fn a_newer_edit_cancels_the_pending_check() {
    let (_d, dir) = tmp();
    let mut c = Client::start(&["--debounce-ms", "1000"]);
    c.initialize(&dir, json!({}));
    let uri = uri_of(&dir.join("berita.txt"));
    c.open(&uri, "plaintext", "Awal.\n");
    let (v, _) = c.next_publish(&uri);
    assert_eq!(v, Some(1));
    for version in 2..=6 {
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [
                {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "text": "yang "}
            ]}),
        );
    }
    // Only the last version is checked and published.
    let (v, diags) = c.next_publish(&uri);
    assert_eq!(v, Some(6));
    assert!(has("pengulangan")(&diags));
    c.shutdown();
}

#[test]
fn code_actions_fix_one_fix_all_and_disable_a_line() {
    let (_d, dir) = tmp();
    let mut c = Client::start(&["--debounce-ms", "0"]);
    c.initialize(&dir, json!({}));
    let uri = uri_of(&dir.join("berita.md"));
    c.open(&uri, "markdown", LINE);
    let diags = c.diagnostics_until(&uri, |d| {
        has("pengulangan")(d) && has("tanda-baca.spasi-sebelum")(d)
    });
    let colon = find(&diags, "tanda-baca.spasi-sebelum").unwrap().clone();
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": colon["range"], "context": {"diagnostics": [colon]}}),
    );
    let actions = actions.as_array().unwrap();
    let fix = actions
        .iter()
        .find(|a| a["kind"] == "quickfix" && a["isPreferred"] == true)
        .expect("a preferred quick fix");
    assert_eq!(
        apply_edits(LINE, &edits_for(fix, &uri)),
        "“Kami siap,” kata Budi – Baca Juga: Pejabat yang yang baru.\n"
    );
    let disable = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("nonaktifkan"))
        .expect("disable-on-this-line action");
    assert_eq!(
        apply_edits(LINE, &edits_for(disable, &uri)),
        format!("<!-- sunting-disable-next-line tanda-baca.spasi-sebelum -->\n{LINE}")
    );
    assert!(
        actions
            .iter()
            .any(|a| a["command"]["command"] == "sunting.dismiss")
    );
    // source.fixAll.sunting fixes both safe findings in one edit.
    let all = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0]["kind"], "source.fixAll.sunting");
    assert_eq!(
        apply_edits(LINE, &edits_for(&all[0], &uri)),
        "“Kami siap,” kata Budi – Baca Juga: Pejabat yang baru.\n"
    );
    // The disable comment, once in the text, silences the rule on the next line only.
    let disabled = format!("<!-- sunting-disable-next-line tanda-baca.spasi-sebelum -->\n{LINE}");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": disabled}]}),
    );
    let d = c.diagnostics_until(&uri, |d| !has("tanda-baca.spasi-sebelum")(d));
    assert!(has("pengulangan")(&d));
    c.shutdown();
}

#[test]
fn hover_explains_the_finding() {
    let (_d, dir) = tmp();
    let mut c = Client::start(&["--debounce-ms", "0"]);
    c.initialize(&dir, json!({}));
    let uri = uri_of(&dir.join("berita.txt"));
    c.open(&uri, "plaintext", LINE);
    c.diagnostics_until(&uri, has("tanda-baca.spasi-sebelum"));
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 35}}),
    );
    let text = h["contents"]["value"].as_str().expect("markdown hover");
    assert!(text.contains("tanda-baca.spasi-sebelum"), "{text}");
    assert!(text.contains("EYD V"), "explain missing: {text}");
    assert!(text.contains("In English:"), "gloss missing: {text}");
    assert!(text.contains("Saran: ` :` → `:`"), "fix missing: {text}");
    assert_eq!(h["range"]["start"]["character"], 34);
    // No finding there: no hover.
    let none = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}}),
    );
    assert_eq!(none, Value::Null);
    c.shutdown();
}

#[test]
fn config_change_reloads_rules() {
    let (_d, dir) = tmp();
    let mut c = Client::start(&["--debounce-ms", "0"]);
    c.initialize(
        &dir,
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
    );
    let uri = uri_of(&dir.join("berita.txt"));
    c.open(&uri, "plaintext", LINE);
    c.diagnostics_until(&uri, has("pengulangan"));
    let cfg = dir.join(".sunting.toml");
    std::fs::write(&cfg, "[rules]\ndisable = [\"pengulangan\"]\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri_of(&cfg), "type": 1}]}),
    );
    let d = c.diagnostics_until(&uri, |d| !has("pengulangan")(d));
    assert!(has("tanda-baca.spasi-sebelum")(&d));
    // A broken config: a diagnostic on the config file, and the default rules again.
    std::fs::write(&cfg, "[rules]\ndisabel = [\"pengulangan\"]\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri_of(&cfg), "type": 2}]}),
    );
    let on_cfg = c.diagnostics_until(&uri_of(&cfg), |d| !d.is_empty());
    assert_eq!(range(&on_cfg[0]).0, 1, "{on_cfg:?}");
    assert!(on_cfg[0]["message"].as_str().unwrap().contains("disabel"));
    c.diagnostics_until(&uri, has("pengulangan"));
    // Fixed again: the config diagnostic is cleared.
    std::fs::write(&cfg, "[rules]\ndisable = []\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri_of(&cfg), "type": 2}]}),
    );
    c.diagnostics_until(&uri_of(&cfg), <[Value]>::is_empty);
    c.shutdown();
}

#[test]
fn dismissing_a_finding_writes_the_config_and_drops_it() {
    let (_d, dir) = tmp();
    let cfg = dir.join(".sunting.toml");
    std::fs::write(&cfg, "# konfigurasi redaksi\n[words]\naccept = []\n").unwrap();
    let mut c = Client::start(&["--debounce-ms", "0"]);
    c.initialize(&dir, json!({}));
    let uri = uri_of(&dir.join("berita.txt"));
    c.open(&uri, "plaintext", LINE);
    let diags = c.diagnostics_until(&uri, has("pengulangan"));
    let rep = find(&diags, "pengulangan").unwrap().clone();
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": rep["range"], "context": {"diagnostics": [rep]}}),
    );
    let dismiss = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["command"]["command"] == "sunting.dismiss")
        .expect("dismiss action")
        .clone();
    c.request("workspace/executeCommand", dismiss["command"].clone());
    let text = std::fs::read_to_string(&cfg).unwrap();
    assert!(text.starts_with("# konfigurasi redaksi\n"), "{text}");
    assert!(text.contains("[[dismissed]]"), "{text}");
    assert!(text.contains("rule = \"pengulangan\""), "{text}");
    let d = c.diagnostics_until(&uri, |d| !has("pengulangan")(d));
    assert!(has("tanda-baca.spasi-sebelum")(&d));
    c.shutdown();
}

/// A project whose only rule is a stand-in `ejaan` (spelling) rule, so the hold-back can be
/// tested whatever the embedded spelling rule does.
fn spelling_project(dir: &Path) {
    std::fs::write(
        dir.join("uji.toml"),
        r#"[pack]
name = "uji"
[[rule]]
id = "ejaan"
kind = "pattern"
regex = "\\bberitaa+\\b"
replace = "berita"
message = "Salah ketik?"
explain = "Uji."
gloss = "Test."
[[rule.test]]
bad = "beritaa"
fix = "berita"
[[rule.test]]
good = "berita"
"#,
    )
    .unwrap();
    std::fs::write(
        dir.join(".sunting.toml"),
        "no-default-packs = true\npacks = [\"uji.toml\"]\n",
    )
    .unwrap();
}

#[test]
fn a_new_spelling_finding_waits_until_the_writer_moves_on() {
    let (_d, dir) = tmp();
    spelling_project(&dir);
    let mut c = Client::start(&["--debounce-ms", "0"]);
    c.initialize(&dir, json!({}));
    let uri = uri_of(&dir.join("berita.txt"));
    c.open(&uri, "plaintext", "Ini berit\n");
    let (_, d) = c.next_publish(&uri);
    assert!(d.is_empty());
    let typing = |c: &mut Client, version: i64, col: u64, text: &str| {
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [
                {"range": {"start": {"line": 0, "character": col}, "end": {"line": 0, "character": col}}, "text": text}
            ]}),
        );
    };
    // "berit" + "a" + "a": the word under the cursor is "beritaa", still being typed.
    typing(&mut c, 2, 9, "a");
    assert_eq!(c.next_publish(&uri), (Some(2), vec![]));
    typing(&mut c, 3, 10, "a");
    assert_eq!(c.next_publish(&uri), (Some(3), vec![]));
    // While held, the word has no hover and no quick fix either.
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 8}}),
    );
    assert_eq!(h, Value::Null);
    let a = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 0, "character": 11}, "end": {"line": 0, "character": 11}},
               "context": {"diagnostics": [], "only": ["quickfix"]}}),
    );
    assert_eq!(a, json!([]));
    // A space: the writer moved on, the finding shows.
    typing(&mut c, 4, 11, " ");
    let (v, d) = c.next_publish(&uri);
    assert_eq!(v, Some(4));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["code"], "ejaan");
    assert_eq!(range(&d[0]), (0, 4, 0, 11));
    // Typing right before it (the cursor touches the word, which did not change) does not
    // hide a finding already shown.
    typing(&mut c, 5, 4, "kata ");
    let (v, d) = c.next_publish(&uri);
    assert_eq!(v, Some(5));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(range(&d[0]), (0, 9, 0, 16));
    c.shutdown();
}

#[test]
fn a_held_finding_shows_on_save_or_when_asked_elsewhere() {
    let (_d, dir) = tmp();
    spelling_project(&dir);
    let mut c = Client::start(&["--debounce-ms", "0"]);
    c.initialize(&dir, json!({}));
    let uri = uri_of(&dir.join("berita.txt"));
    c.open(&uri, "plaintext", "Ini berita\nBaris dua.\n");
    c.next_publish(&uri);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 10}, "end": {"line": 0, "character": 10}}, "text": "a"}
        ]}),
    );
    assert_eq!(c.next_publish(&uri), (Some(2), vec![]));
    // A code action request on another line (VS Code asks on every cursor move).
    c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 1, "character": 2}, "end": {"line": 1, "character": 2}},
               "context": {"diagnostics": []}}),
    );
    let d = c.diagnostics_until(&uri, has("ejaan"));
    assert_eq!(range(&d[0]), (0, 4, 0, 11));
    // Hold again, then save.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
            {"range": {"start": {"line": 1, "character": 10}, "end": {"line": 1, "character": 10}}, "text": " beritaa"}
        ]}),
    );
    let (_, d) = c.next_publish(&uri);
    assert_eq!(
        d.len(),
        1,
        "only the line-0 finding while line 1 is typed: {d:?}"
    );
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    let d = c.diagnostics_until(&uri, |d| d.len() == 2);
    assert_eq!(range(&d[1]), (1, 11, 1, 18));
    c.shutdown();
}

#[test]
fn markdown_code_is_not_checked() {
    let (_d, dir) = tmp();
    let mut c = Client::start(&["--debounce-ms", "0"]);
    c.initialize(&dir, json!({}));
    let uri = uri_of(&dir.join("catatan.md"));
    c.open(
        &uri,
        "markdown",
        "Kode `yang yang` tidak diperiksa.\n\n```\ndan dan\n```\n\nTeks yang yang diperiksa.\n",
    );
    let d = c.diagnostics_until(&uri, has("pengulangan"));
    let reps: Vec<_> = d
        .iter()
        .filter(|x| x["code"] == "pengulangan")
        .map(range)
        .collect();
    assert_eq!(reps, vec![(6, 5, 6, 14)]);
    c.shutdown();
}

#[test]
fn settings_min_level_and_extra_packs() {
    let (_d, dir) = tmp();
    std::fs::write(
        dir.join("redaksi.toml"),
        r#"[pack]
name = "redaksi"
[[rule]]
id = "redaksi.istilah"
kind = "substitution"
level = "info"
message = "Tulis '{expected}'."
explain = "Istilah redaksi."
gloss = "House term."
[rule.pairs]
relawan = "sukarelawan"
[[rule.test]]
bad = "relawan"
fix = "sukarelawan"
[[rule.test]]
good = "sukarelawan"
"#,
    )
    .unwrap();
    let mut c = Client::start(&["--debounce-ms", "0"]);
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": uri_of(&dir), "capabilities": {},
               "initializationOptions": {"minLevel": "info", "extraPacks": ["redaksi.toml"]}}),
    );
    c.notify("initialized", json!({}));
    // An unsaved buffer: no file, the language id decides the format.
    let uri = "untitled:Untitled-1";
    c.open(uri, "plaintext", "Para relawan  datang , lalu pergi.\n");
    let d = c.diagnostics_until(uri, |d| {
        has("redaksi.istilah")(d) && has("tanda-baca.spasi-ganda")(d)
    });
    assert!(has("tanda-baca.spasi-sebelum")(&d));
    // minLevel warning hides the two info findings; extraPacks is kept (missing key).
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"sunting": {"minLevel": "warning"}}}),
    );
    let d = c.diagnostics_until(uri, |d| {
        !has("tanda-baca.spasi-ganda")(d) && !has("redaksi.istilah")(d)
    });
    assert!(has("tanda-baca.spasi-sebelum")(&d));
    // Helix sends the settings without the `sunting` level.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"minLevel": "info"}}),
    );
    c.diagnostics_until(uri, has("redaksi.istilah"));
    c.shutdown();
}

#[test]
fn the_server_exits_when_stdin_closes() {
    let mut c = Client::start(&[]);
    let (_d, dir) = tmp();
    c.initialize(&dir, json!({}));
    // EOF on stdin without shutdown/exit (a headless editor quitting).
    drop(c.stdin.take());
    let deadline = Instant::now() + TIMEOUT;
    while c.child.try_wait().expect("wait").is_none() {
        assert!(
            Instant::now() < deadline,
            "server still running after stdin closed"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn rapid_typing_is_applied_in_order() {
    let (_d, dir) = tmp();
    let mut c = Client::start(&["--debounce-ms", "0"]);
    c.initialize(&dir, json!({}));
    let uri = uri_of(&dir.join("berita.txt"));
    c.open(&uri, "plaintext", "“Awal” – \n");
    c.next_publish(&uri);
    // One character per didChange, as an editor sends keystrokes, with no waiting.
    let typed = "Pejabat yang yang baru , kata dia.";
    let mut col = 9;
    for (i, ch) in typed.chars().enumerate() {
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [
                {"range": {"start": {"line": 0, "character": col}, "end": {"line": 0, "character": col}}, "text": ch.to_string()}
            ]}),
        );
        col += ch.len_utf16();
    }
    let last = typed.chars().count() as i64 + 1;
    let diags = loop {
        let (v, d) = c.next_publish(&uri);
        if v == Some(last) {
            break d;
        }
    };
    // The text is exactly what was typed: the findings sit where they should.
    let rep = find(&diags, "pengulangan").expect("pengulangan");
    assert_eq!(range(rep), (0, 17, 0, 26));
    let comma = find(&diags, "tanda-baca.spasi-sebelum").expect("spasi-sebelum");
    assert_eq!(range(comma), (0, 31, 0, 33));
    c.shutdown();
}
