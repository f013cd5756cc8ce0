//! Time from a `didChange` to diagnostics ready to publish (debounce off): apply the
//! incremental edit, lint the whole document, hold back, convert to LSP diagnostics — the
//! same function the server runs, minus the JSON-RPC transport.
//!
//! `cargo bench --bench lsp`

use divan::Bencher;
use sunting::Linter;
use sunting::document::Format;
use sunting::lsp::convert::Encoding;
use sunting::lsp::documents::{TextDoc, change_and_check};
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

fn main() {
    divan::main();
}

/// Sentences written for this benchmark (news style, a few slips), cycled into paragraphs.
const SENTENCES: &[&str] = &[
    "JAKARTA, Sunting.id – Pemerintah menyiapkan anggaran baru untuk perbaikan sekolah di daerah terpencil.",
    "“Kami siap bekerja sama dengan semua pihak,” kata Kepala Dinas Pendidikan Siti Aminah kepada wartawan, Senin (12/2/2024).",
    "Menurut dia, dana itu akan dibagikan dalam tiga tahap mulai pukul 10.00 WIB pekan depan.",
    "Sebanyak 1.250 sekolah yang yang rusak akibat banjir tercatat dalam data kementerian.",
    "Baca Juga : Ribuan Guru Honorer Menunggu Kepastian",
    "Anggota DPR meminta agar penyaluran dana diawasi secara ketat , terutama di wilayah timur.",
    "Harga bahan bangunan naik 1,5 persen sejak awal tahun, sehingga biaya perbaikan ikut bertambah.",
    "Warga berharap anak-anak dapat kembali belajar  di ruang kelas yang layak sebelum tahun ajaran baru.",
];

fn article(words: usize) -> String {
    let mut out = String::from("---\njudul: Anggaran sekolah\n---\n\n");
    let mut count = 0;
    let mut i = 0;
    while count < words {
        let s = SENTENCES[i % SENTENCES.len()];
        out.push_str(s);
        count += s.split_whitespace().count();
        i += 1;
        out.push(if i % 4 == 0 { '\n' } else { ' ' });
        if i % 4 == 0 {
            out.push('\n');
        }
    }
    out
}

/// Typing one character in the middle of the article.
fn change_in_middle(doc: &TextDoc) -> Vec<TextDocumentContentChangeEvent> {
    let line = (doc.index().line_count() / 2) as u32;
    let at = Position { line, character: 0 };
    vec![TextDocumentContentChangeEvent {
        range: Some(Range { start: at, end: at }),
        range_length: None,
        text: "A".to_owned(),
    }]
}

#[divan::bench(args = [1_000, 20_000], sample_count = 30)]
fn did_change_to_diagnostics(bencher: Bencher<'_, '_>, words: usize) {
    let linter = Linter::with_defaults();
    let text = article(words);
    bencher
        .with_inputs(|| {
            let doc = TextDoc::new(text.clone(), 1, Format::Markdown, None);
            let change = change_in_middle(&doc);
            (doc, change)
        })
        .bench_local_values(|(mut doc, change)| {
            change_and_check(&mut doc, 2, change, &linter, Encoding::Utf16)
        });
}
