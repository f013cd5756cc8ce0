//! In-document suppression comments:
//! `sunting-disable-next-line RULE[, RULE]`, `sunting-disable [RULE...]`,
//! `sunting-enable [RULE...]` — inside `<!-- -->` in Markdown, on a line of their own in
//! plain text. Without a rule id they cover every rule.

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Diagnostic;
use crate::source::LineIndex;

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:<!--[ \t]*)?(?:#|//)?[ \t]*sunting-(disable-next-line|disable|enable)\b([^\n]*?)(?:-->)?[ \t]*\r?$")
        .expect("valid regex")
});

#[derive(Debug)]
struct Region {
    /// 0-based lines, inclusive start, exclusive end.
    lines: std::ops::Range<usize>,
    /// Empty: every rule.
    rules: Vec<String>,
}

/// The suppressed regions of one text.
#[derive(Debug, Default)]
pub struct Suppressions {
    regions: Vec<Region>,
}

impl Suppressions {
    /// Read the directives in `text`.
    pub fn parse(text: &str, lines: &LineIndex) -> Self {
        let mut regions = Vec::new();
        let mut open: Vec<(usize, Vec<String>)> = Vec::new();
        let last = lines.line_count();
        // Most texts have no directive: a substring search says so faster than the regex.
        if !crate::document::has_suppression(text) {
            return Self::default();
        }
        for caps in DIRECTIVE.captures_iter(text) {
            let line = lines.line_of(caps.get(0).expect("group 0").start());
            let rules: Vec<String> = caps[2]
                .split([',', ' ', '\t'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            match &caps[1] {
                "disable-next-line" => regions.push(Region {
                    lines: line + 1..line + 2,
                    rules,
                }),
                "disable" => open.push((line, rules)),
                _ => {
                    // `enable` closes the matching open regions (all of them when bare).
                    let mut keep = Vec::new();
                    for (start, r) in open.drain(..) {
                        if rules.is_empty() || r == rules {
                            regions.push(Region {
                                lines: start..line,
                                rules: r,
                            });
                        } else {
                            keep.push((start, r));
                        }
                    }
                    open = keep;
                }
            }
        }
        for (start, r) in open {
            regions.push(Region {
                lines: start..last,
                rules: r,
            });
        }
        Self { regions }
    }

    /// True when `d` falls in a region that covers its rule.
    pub fn covers(&self, d: &Diagnostic, lines: &LineIndex) -> bool {
        if self.regions.is_empty() {
            return false;
        }
        let line = lines.line_of(d.span.start);
        self.regions.iter().any(|r| {
            r.lines.contains(&line)
                && (r.rules.is_empty()
                    || r.rules.iter().any(|id| {
                        *id == d.rule || (id.ends_with('.') && d.rule.starts_with(id.as_str()))
                    }))
        })
    }
}
