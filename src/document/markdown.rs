//! Markdown: which bytes are prose. Code, HTML, front matter and link targets are masked so
//! that no rule reads them; positions never move.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::span::Span;

/// Byte ranges of a Markdown text that are not prose.
pub fn non_prose(text: &str) -> Vec<Span> {
    let mut prose: Vec<Span> = Vec::new();
    let opts = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let mut depth_skip = 0usize;
    for (event, range) in Parser::new_ext(text, opts).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock) => {
                depth_skip += 1;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock) => {
                depth_skip = depth_skip.saturating_sub(1);
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => {
                depth_skip += 1;
            }
            Event::End(TagEnd::Link) if depth_skip > 0 => depth_skip -= 1,
            Event::Text(_) if depth_skip == 0 => prose.push(Span::new(range.start, range.end)),
            Event::SoftBreak | Event::HardBreak if depth_skip == 0 => {
                prose.push(Span::new(range.start, range.end));
            }
            _ => {}
        }
    }
    prose.sort();
    // Invert: everything not covered by a prose range, except line breaks, is masked.
    let mut out = Vec::new();
    let mut pos = 0;
    for p in prose {
        if p.start > pos {
            out.push(Span::new(pos, p.start));
        }
        pos = pos.max(p.end);
    }
    if pos < text.len() {
        out.push(Span::new(pos, text.len()));
    }
    // The headline in the front matter is copy too: unmask its value.
    match title_value(text) {
        Some(title) => out
            .into_iter()
            .flat_map(|m| {
                if m.contains(title) {
                    vec![Span::new(m.start, title.start), Span::new(title.end, m.end)]
                } else {
                    vec![m]
                }
            })
            .filter(|m| !m.is_empty())
            .collect(),
        None => out,
    }
}

/// Where the YAML front matter ends (just past its closing `---` line), if there is one.
pub fn front_matter_end(text: &str) -> Option<usize> {
    let bom = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let first = text[bom..].find('\n')?;
    if text[bom..bom + first].trim_end() != "---" {
        return None;
    }
    let mut pos = bom + first + 1;
    for line in text[pos..].split_inclusive('\n') {
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content == "---" || content == "..." {
            return Some(pos);
        }
    }
    None
}

/// The span of the front matter's `title:` value, without quotes.
fn title_value(text: &str) -> Option<Span> {
    let bom = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let body = &text[bom..];
    let first = body.find('\n')?;
    if body[..first].trim_end() != "---" {
        return None;
    }
    let mut pos = bom + first + 1;
    for line in text[pos..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content == "---" || content == "..." {
            return None;
        }
        if let Some(rest) = content.strip_prefix("title:") {
            let lead = rest.len() - rest.trim_start().len();
            let value = rest.trim();
            let (q, value) = match value.chars().next() {
                Some(c @ ('"' | '\'')) if value.len() >= 2 && value.ends_with(c) => {
                    (1, &value[1..value.len() - 1])
                }
                _ => (0, value),
            };
            let start = pos + "title:".len() + lead + q;
            return (!value.is_empty()).then(|| Span::new(start, start + value.len()));
        }
        pos += line.len();
    }
    None
}

/// The YAML front matter's `key: value` lines (top level, scalar values only).
pub fn front_matter(text: &str) -> Vec<(String, String)> {
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let Some(rest) = body
        .strip_prefix("---\n")
        .or_else(|| body.strip_prefix("---\r\n"))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for line in rest.lines() {
        if line.trim_end() == "---" || line.trim_end() == "..." {
            break;
        }
        if line.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        if let Some((k, v)) = line.split_once(':') {
            let v = v.trim().trim_matches(['"', '\'']);
            out.push((k.trim().to_owned(), v.to_owned()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_code_front_matter_and_html() {
        let text = "---\ndate: 2024-01-21\n---\n\n# Judul\n\nKata `kode` di sini.\n\n```\nkode blok\n```\n\n<div>html</div>\n";
        let masked = non_prose(text);
        let covered = |s: &str| {
            let at = text.find(s).unwrap();
            masked.iter().any(|m| m.start <= at && at < m.end)
        };
        assert!(covered("date:"));
        assert!(covered("kode`"));
        assert!(covered("kode blok"));
        assert!(covered("html"));
        assert!(!covered("Judul"));
        assert!(!covered("di sini"));
        let titled = "---\ntitle: \"Banjir di Jakarta\"\n---\nIsi.\n";
        let masked = non_prose(titled);
        let at = titled.find("Banjir").unwrap();
        assert!(!masked.iter().any(|m| m.start <= at && at < m.end));
        assert!(
            masked.iter().any(|m| m.start <= 4 && 4 < m.end),
            "the key itself stays masked"
        );
        assert_eq!(
            front_matter(text),
            vec![("date".to_owned(), "2024-01-21".to_owned())]
        );
    }
}
