//! SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards. Rule metadata
//! goes to `tool.driver.rules`; columns are Unicode code points, as in the JSON output.

use serde_json::{Value, json};

use super::FileReport;
use crate::diagnostic::Level;
use crate::engine::Linter;
use crate::source::LineIndex;

fn level(l: Level) -> &'static str {
    match l {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
    }
}

/// A relative or absolute path as a URI reference: `/` separators, everything outside the
/// unreserved set percent-encoded.
pub fn path_to_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char);
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// One SARIF log with one run over `reports`, describing every rule of `linter`.
pub fn render(reports: &[FileReport], linter: &Linter) -> Value {
    let rules: Vec<Value> = linter
        .rules()
        .iter()
        .map(|r| {
            let m = &r.meta;
            let mut rule = json!({
                "id": m.id,
                "name": m.id,
                "shortDescription": { "text": if m.gloss.is_empty() { m.id.clone() } else { m.gloss.clone() } },
                "fullDescription": { "text": if m.explain.is_empty() { m.message.clone() } else { m.explain.trim().to_owned() } },
                "help": { "text": format!("{}\n\n{}", m.explain.trim(), m.gloss) },
                "defaultConfiguration": { "level": level(m.level) },
                "properties": { "kind": m.kind, "pack": m.pack },
            });
            if let Some(u) = &m.url {
                rule["helpUri"] = json!(u);
            }
            rule
        })
        .collect();
    let index_of = |id: &str| linter.rules().iter().position(|r| r.meta.id == id);
    let mut results = Vec::new();
    for r in reports {
        let lines = LineIndex::new(&r.text);
        let uri = path_to_uri(&r.path);
        let region = |start: usize, end: usize| {
            let s = lines.line_col(&r.text, start);
            let e = lines.line_col(&r.text, end);
            json!({
                "startLine": s.line,
                "startColumn": s.column,
                "endLine": e.line,
                "endColumn": e.column,
            })
        };
        for d in &r.diagnostics {
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.level),
                "message": { "text": d.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": region(d.span.start, d.span.end),
                    }
                }],
            });
            if let Some(i) = index_of(&d.rule) {
                result["ruleIndex"] = json!(i);
            }
            if !d.fixes.is_empty() {
                let replacements: Vec<Value> = d
                    .fixes
                    .iter()
                    .map(|f| json!({ "deletedRegion": region(f.span.start, f.span.end), "insertedContent": { "text": f.replacement } }))
                    .collect();
                result["fixes"] = json!([{
                    "description": { "text": "Perbaikan yang disarankan sunting" },
                    "artifactChanges": [{ "artifactLocation": { "uri": uri }, "replacements": replacements }],
                }]);
            }
            results.push(result);
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "sunting",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(
            super::path_to_uri("naskah/berita baru.txt"),
            "naskah/berita%20baru.txt"
        );
        assert_eq!(super::path_to_uri("a\\b.md"), "a/b.md");
    }
}
