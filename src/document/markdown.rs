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
    out
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
        assert_eq!(
            front_matter(text),
            vec![("date".to_owned(), "2024-01-21".to_owned())]
        );
    }
}
