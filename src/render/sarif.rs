//! SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards. Rule metadata
//! goes to `tool.driver.rules`; columns are Unicode code points, as in the JSON output.

use std::collections::HashMap;
use std::io::Write;

use serde_json::{Value, json};

use super::{FileReport, PrettyArray};
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

fn rules(linter: &Linter) -> Vec<Value> {
    linter
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
        .collect()
}

/// The log around the results: `results` is the only array left empty.
fn skeleton(linter: &Linter, results: Vec<Value>) -> Value {
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "sunting",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules(linter),
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

/// The results of one file.
fn results(r: &FileReport, index_of: &dyn Fn(&str) -> Option<usize>) -> Vec<Value> {
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
    let mut out = Vec::with_capacity(r.diagnostics.len());
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
        out.push(result);
    }
    out
}

/// One SARIF log with one run over `reports`, describing every rule of `linter`.
pub fn render(reports: &[FileReport], linter: &Linter) -> Value {
    let index_of = |id: &str| linter.rules().iter().position(|r| r.meta.id == id);
    let all = reports.iter().flat_map(|r| results(r, &index_of)).collect();
    skeleton(linter, all)
}

/// The SARIF log written file by file: byte for byte `serde_json::to_string_pretty` of
/// [`render`] plus a newline, without holding every result. The log's keys are printed in
/// sorted order (as `serde_json` prints an object), so `results` comes before `tool`: the
/// text before the results is written by [`SarifStream::begin`], the rule metadata after
/// them by [`SarifStream::end`].
#[derive(Debug)]
pub struct SarifStream {
    rule_index: HashMap<String, usize>,
    results: PrettyArray,
    footer: String,
}

/// Where the results array sits: `{ "runs": [ { "results": [` is three levels deep.
const RESULTS_INDENT: usize = 6;
const RESULTS_KEY: &str = "\"results\": [";

impl SarifStream {
    /// Write the log up to the opening bracket of the results.
    ///
    /// # Errors
    /// Write errors.
    pub fn begin(w: &mut dyn Write, linter: &Linter) -> std::io::Result<Self> {
        let whole = serde_json::to_string_pretty(&skeleton(linter, Vec::new()))?;
        // The first `"results": [` is the key: inside a JSON string its quotes would be
        // escaped.
        let at = whole
            .find(RESULTS_KEY)
            .map(|i| i + RESULTS_KEY.len())
            .ok_or_else(|| std::io::Error::other("SARIF skeleton without results"))?;
        let (header, rest) = whole.split_at(at);
        w.write_all(header.as_bytes())?;
        let mut rule_index = HashMap::new();
        for (i, r) in linter.rules().iter().enumerate() {
            rule_index.entry(r.meta.id.clone()).or_insert(i);
        }
        Ok(Self {
            rule_index,
            results: PrettyArray::new(RESULTS_INDENT),
            // The empty array's closing bracket and everything after it.
            footer: rest.strip_prefix(']').unwrap_or(rest).to_owned(),
        })
    }

    /// Write the results of one file.
    ///
    /// # Errors
    /// Write errors.
    pub fn file(&mut self, w: &mut dyn Write, report: &FileReport) -> std::io::Result<()> {
        let index = &self.rule_index;
        for r in results(report, &|id| index.get(id).copied()) {
            self.results.item(w, &r)?;
        }
        Ok(())
    }

    /// Close the results and write the rest of the log.
    ///
    /// # Errors
    /// Write errors.
    pub fn end(self, w: &mut dyn Write) -> std::io::Result<()> {
        self.results.close(w)?;
        w.write_all(self.footer.as_bytes())?;
        w.write_all(b"\n")
    }
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

    #[test]
    fn streamed_log_equals_the_whole_log_pretty_printed() {
        let linter = crate::engine::Linter::with_defaults();
        let reports = crate::render::tests::sample_reports();
        for k in 0..=reports.len() {
            let whole =
                serde_json::to_string_pretty(&super::render(&reports[..k], &linter)).unwrap();
            let mut out = Vec::new();
            let mut s = super::SarifStream::begin(&mut out, &linter).unwrap();
            for r in &reports[..k] {
                s.file(&mut out, r).unwrap();
            }
            s.end(&mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), format!("{whole}\n"));
        }
    }
}
