//! Throughput of the full default rule set over a generated news corpus (about 2 MB),
//! single-threaded and on all cores; one article; and start-up of the binary.
//! Run: `cargo bench --bench throughput`.

#[path = "corpus.rs"]
mod corpus;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use rayon::prelude::*;
use sunting::{Format, Linter};

fn main() {
    divan::main();
}

fn linter() -> &'static Linter {
    static L: std::sync::OnceLock<Linter> = std::sync::OnceLock::new();
    L.get_or_init(|| {
        let l = Linter::with_defaults();
        // Warm the lexicon so load time is not counted as throughput.
        let _ = l.check_text("Pemerintah menyiapkan anggaran.", Format::Text);
        l
    })
}

fn texts() -> &'static Vec<String> {
    static C: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    C.get_or_init(|| corpus::corpus(7, 500))
}

#[divan::bench(sample_count = 10)]
fn corpus_single_thread(b: Bencher<'_, '_>) {
    let (l, t) = (linter(), texts());
    let bytes: usize = t.iter().map(String::len).sum();
    b.counter(BytesCount::new(bytes)).bench(|| {
        t.iter()
            .map(|a| l.check_text(black_box(a), Format::Text).len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 10)]
fn corpus_all_cores(b: Bencher<'_, '_>) {
    let (l, t) = (linter(), texts());
    let bytes: usize = t.iter().map(String::len).sum();
    b.counter(BytesCount::new(bytes)).bench(|| {
        t.par_iter()
            .map(|a| l.check_text(black_box(a), Format::Text).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn one_article(b: Bencher<'_, '_>) {
    let l = linter();
    let a = &texts()[0];
    b.counter(BytesCount::new(a.len()))
        .bench(|| l.check_text(black_box(a), Format::Text).len());
}

/// Process start, rule and dictionary loading, one small file, exit.
#[divan::bench(sample_count = 20)]
fn startup_check_small_file(b: Bencher<'_, '_>) {
    let dir = std::env::temp_dir().join("sunting-bench-startup");
    let _ = std::fs::create_dir_all(&dir);
    let f = dir.join("kecil.txt");
    let _ = std::fs::write(
        &f,
        "JAKARTA, Sunting.id – Pemerintah menyiapkan anggaran baru untuk sekolah.\n",
    );
    let bin = env!("CARGO_BIN_EXE_sunting");
    b.bench(|| {
        std::process::Command::new(bin)
            .args(["check", "--no-config"])
            .arg(&f)
            .output()
            .map(|o| o.status.code())
    });
}
