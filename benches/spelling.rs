//! Throughput of the spelling rules (`ejaan`, `ejaan.rapat`) alone on self-written copy.

use sunting::Linter;
use sunting::document::Format;

const PARAGRAPH: &str = "Pemerintah Kabupaten Garut mulai memperbaiki gedung sekolah yang rusak akibat banjir. \
Kepala dinas mengatakan sebagian besar kerusakan terjadi pada atap dan lantai kelas, ujarnya. \
Anak-anak belajar di rumah warga, sementara relawan membersihkan lumpur dan sayur-mayur dibagikan. \
Ia berterima kasih keapda warga yang membantu, kaata dia, dan meminta perhatiandan dukungan.\n\n";

fn main() {
    divan::main();
}

#[divan::bench]
fn spelling_rules(bencher: divan::Bencher<'_, '_>) {
    let text = PARAGRAPH.repeat(200);
    let linter = Linter::with_defaults();
    let idx: Vec<usize> = (0..linter.rules().len())
        .filter(|&i| linter.rules()[i].meta.id.starts_with("ejaan"))
        .collect();
    // Warm the per-word caches once, as a long run would.
    for &i in &idx {
        let _ = linter.check_rule(&text, Format::Text, i);
    }
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            for &i in &idx {
                divan::black_box(linter.check_rule(&text, Format::Text, i));
            }
        });
}
