//! Line index: byte offsets to lines and columns, for people (Unicode scalars) and for the
//! LSP (UTF-16 code units).

/// Where each line starts in the text. A UTF-8 byte-order mark is not part of line 1's
/// columns; `\r\n` ends a line like `\n`.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

/// A 1-based line and column, the column counted in Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in Unicode scalar values.
    pub column: usize,
}

impl LineIndex {
    /// Index `text`.
    pub fn new(text: &str) -> Self {
        let first = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
        let mut starts = vec![first];
        starts.extend(memchr_newlines(text).map(|i| i + 1));
        Self {
            starts,
            len: text.len(),
        }
    }

    /// Number of lines (an empty text has one).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line that holds byte `offset` (offsets past the end map to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// Byte range of 0-based `line` without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.line_start(line);
        let mut end = self.starts.get(line + 1).map_or(self.len, |s| s - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start..end.max(start)
    }

    /// 1-based line and column (Unicode scalars) of `offset`, which must be a char boundary.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let line = self.line_of(offset);
        let start = self.line_start(line).min(offset);
        LineCol {
            line: line + 1,
            column: text[start..offset].chars().count() + 1,
        }
    }

    /// 0-based line and UTF-16 column of `offset`, as the LSP counts by default.
    pub fn utf16_position(&self, text: &str, offset: usize) -> (u32, u32) {
        let line = self.line_of(offset);
        let start = self.line_start(line).min(offset);
        let col: usize = text[start..offset].chars().map(char::len_utf16).sum();
        (line as u32, col as u32)
    }

    /// Byte offset of a 0-based line and UTF-16 column; clamped to the line's end.
    pub fn offset_of_utf16(&self, text: &str, line: u32, col: u32) -> usize {
        let line = line as usize;
        if line >= self.starts.len() {
            return self.len;
        }
        let range = self.line_range(text, line);
        let mut units = 0u32;
        for (i, ch) in text[range.clone()].char_indices() {
            if units >= col {
                return range.start + i;
            }
            units += ch.len_utf16() as u32;
        }
        range.end
    }

    /// Byte offset of a 0-based line and byte column (LSP `positionEncoding` utf-8);
    /// clamped to the line's end and moved back to a char boundary.
    pub fn offset_of_utf8(&self, text: &str, line: u32, col: u32) -> usize {
        let line = line as usize;
        if line >= self.starts.len() {
            return self.len;
        }
        let range = self.line_range(text, line);
        let mut off = (range.start + col as usize).min(range.end);
        while !text.is_char_boundary(off) {
            off -= 1;
        }
        off
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_scalars_not_bytes() {
        let text = "“Kami” siap.\nBaris dua";
        let idx = LineIndex::new(text);
        let siap = text.find("siap").unwrap();
        assert_eq!(idx.line_col(text, siap), LineCol { line: 1, column: 8 });
        let dua = text.find("dua").unwrap();
        assert_eq!(idx.line_col(text, dua), LineCol { line: 2, column: 7 });
    }

    #[test]
    fn crlf_and_bom_keep_positions_right() {
        let text = "\u{FEFF}Satu\r\nDua";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 3), LineCol { line: 1, column: 1 });
        let dua = text.find("Dua").unwrap();
        assert_eq!(idx.line_col(text, dua), LineCol { line: 2, column: 1 });
        assert_eq!(idx.line_range(text, 0), 3..7);
    }

    #[test]
    fn utf16_round_trip() {
        let text = "a “é” 😀 b";
        let idx = LineIndex::new(text);
        let b = text.find('b').unwrap();
        let (l, c) = idx.utf16_position(text, b);
        assert_eq!((l, c), (0, 9));
        assert_eq!(idx.offset_of_utf16(text, l, c), b);
    }
}
