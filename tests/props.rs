//! Properties that hold for any input: the checker never panics, every span lies inside the
//! text on char boundaries, and line/column agree with the byte offsets.

use proptest::prelude::*;
use sunting::source::LineIndex;
use sunting::{Format, Linter};

fn linter() -> &'static Linter {
    static L: std::sync::OnceLock<Linter> = std::sync::OnceLock::new();
    L.get_or_init(Linter::with_defaults)
}

/// Text built from the pieces news copy is made of, so rules actually fire.
fn copy_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("yang".to_owned()),
        Just("Putin".to_owned()),
        Just("puting".to_owned()),
        Just("Minggu (21/01)".to_owned()),
        Just("hari minggu".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("\"".to_owned()),
        Just(" , ".to_owned()),
        Just(" : ".to_owned()),
        Just("–".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("  ".to_owned()),
        Just("é".to_owned()),
        Just("😀".to_owned()),
        Just("(".to_owned()),
        Just("https://contoh.id/x".to_owned()),
        Just("`kode`".to_owned()),
        Just("<!-- sunting-disable -->".to_owned()),
        "[a-zA-Z]{1,12}",
        "[0-9]{1,4}[./][0-9]{1,2}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

fn check_invariants(text: &str, format: Format) -> Result<(), TestCaseError> {
    let diags = linter().check_text(text, format);
    let idx = LineIndex::new(text);
    for d in &diags {
        prop_assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{} span {:?} out of bounds",
            d.rule,
            d.span
        );
        prop_assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{} span {:?} off char boundary",
            d.rule,
            d.span
        );
        for f in &d.fixes {
            prop_assert!(
                f.span.end <= text.len()
                    && text.is_char_boundary(f.span.start)
                    && text.is_char_boundary(f.span.end)
            );
        }
        let lc = idx.line_col(text, d.span.start);
        let line_start = idx.line_start(lc.line - 1);
        prop_assert!(line_start <= d.span.start.max(line_start));
        let before = &text[..d.span.start];
        let expected_line = before.matches('\n').count() + 1;
        prop_assert_eq!(lc.line, expected_line);
        let col_text = &text[line_start.min(d.span.start)..d.span.start];
        prop_assert_eq!(lc.column, col_text.chars().count() + 1);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_on_arbitrary_text(text in any::<String>()) {
        check_invariants(&text, Format::Text)?;
        check_invariants(&text, Format::Markdown)?;
    }

    #[test]
    fn spans_and_positions_hold_on_copy_like_text(text in copy_like()) {
        check_invariants(&text, Format::Text)?;
        check_invariants(&text, Format::Markdown)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The one-pass key and case shape of the document model agree with the plain
    /// definitions, for short and long, ASCII and non-ASCII tokens.
    #[test]
    fn one_pass_key_and_shape_agree_with_the_definitions(
        w in prop_oneof![r"[A-Za-z0-9'\-]{0,40}", r"[A-Za-zéÉİK’\-]{0,36}", any::<String>()]
    ) {
        use sunting::document::normalize::{case_of, key, key_and_shape};
        let mut k = String::from("x");
        let letters = !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic());
        let (case, ascii_letters, same) = key_and_shape(&w, &mut k);
        // A token that is its own key is not copied: the document reads it from the text.
        if same {
            k.push_str(&w);
        }
        prop_assert_eq!((case, ascii_letters), (case_of(&w), letters));
        prop_assert_eq!(k, format!("x{}", key(&w)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// What the document keeps per token, filled in during the tokenizer's walk, is what
    /// the plain definitions say of the token's text.
    #[test]
    fn per_token_keys_shapes_and_flags_match_the_definitions(
        text in prop_oneof![
            r"[A-Za-z0-9 .,'/\-\n“”\x22]{0,80}",
            r"[A-Za-zéÉ0-9 .,’\-“”]{0,60}",
            any::<String>()
        ]
    ) {
        use sunting::Document;
        use sunting::document::normalize::{case_of, key};
        let doc = Document::new(&text, Format::Text);
        for (i, t) in doc.tokens.iter().enumerate() {
            let w = t.span.text(&text);
            prop_assert_eq!(doc.key(i), key(w), "key of {:?}", w);
            prop_assert_eq!(doc.case(i), case_of(w), "case of {:?}", w);
            let letters = !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic());
            prop_assert_eq!(doc.is_ascii_letters(i), letters, "letters of {:?}", w);
            prop_assert_eq!(doc.token_in_quotes(i), doc.in_quotes(t.span.start), "quotes at {:?}", w);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// The gaps the tokenizer records are what lies between the tokens.
    #[test]
    fn tokenizer_gaps_describe_the_text_between_tokens(
        text in prop_oneof![r"[a-z .,\n\t\u{a0}\u{2003}\r“”-]{0,60}", any::<String>()]
    ) {
        use sunting::document::tokens::tokenize;
        let tokens = tokenize(&text);
        let mut prev_end = 0;
        for t in &tokens {
            let g = t.gap;
            let gap = &text[prev_end..t.span.start];
            let breaks = gap.bytes().filter(|&b| b == b'\n').count();
            let inline = !gap.is_empty() && gap.chars().all(|c| matches!(c, ' ' | '\t' | '\u{a0}'));
            prop_assert_eq!(usize::from(g.breaks), breaks.min(255));
            prop_assert_eq!(g.inline_space, inline);
            prev_end = t.span.end;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Whether a token's key is kept apart or read from the text, it is `key` of the
    /// token, and equal keys pack to equal short keys.
    #[test]
    fn document_keys_are_the_keys_of_the_tokens(
        text in prop_oneof![r"[A-Za-zé0-9 .,\n’-]{0,80}", any::<String>()]
    ) {
        use sunting::Document;
        use sunting::document::normalize::{case_of, key};
        let doc = Document::new(&text, Format::Text);
        for i in 0..doc.tokens.len() {
            let t = doc.token_text(i);
            prop_assert_eq!(doc.key(i), key(t));
            prop_assert_eq!(doc.case(i), case_of(t));
            for j in 0..doc.tokens.len() {
                if let (Some(a), Some(b)) = (doc.short_key(i), doc.short_key(j)) {
                    prop_assert_eq!(a == b, doc.key(i) == doc.key(j));
                }
            }
        }
    }
}
