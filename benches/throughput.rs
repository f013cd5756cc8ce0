//! Throughput of the full default rule set over a generated news corpus (about 2 MB),
//! single-threaded and on all cores; one article; start-up of the binary; and, after the
//! timings, the peak memory of `sunting check` over a generated folder (20 MB by default,
//! `SUNTING_BENCH_ARCHIVE_MB` to change; `scripts/bench-archive.sh` for 100 MB).
//! Run: `cargo bench --bench throughput`.

#[path = "corpus.rs"]
mod corpus;

/// The allocator of the `sunting` binary, so that the library is measured as it ships.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use rayon::prelude::*;
use sunting::{Format, Linter};

fn main() {
    divan::main();
    if let Err(e) = archive_peak_memory() {
        eprintln!("archive peak memory: not measured ({e})");
    }
}

/// Write a folder of generated articles, run the release binary over it, and print its
/// wall time and peak resident memory (the largest of any child process waited for, read
/// with `getrusage`; the start-up bench's children are far smaller).
fn archive_peak_memory() -> std::io::Result<()> {
    let mb: usize = std::env::var("SUNTING_BENCH_ARCHIVE_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let dir = std::env::temp_dir().join(format!("sunting-bench-arsip-{}", std::process::id()));
    let (n, written) = corpus::write_folder(&dir, mb)?;
    let start = std::time::Instant::now();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sunting"))
        .args([
            "check",
            "--no-config",
            "--fail-on",
            "never",
            "--format",
            "json",
        ])
        .arg(&dir)
        .output()?;
    let wall = start.elapsed();
    let _ = std::fs::remove_dir_all(&dir);
    // SAFETY: getrusage only writes into the struct it is given.
    let peak_kb = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        usage.ru_maxrss
    };
    println!(
        "archive: {n} files, {:.1} MB in {:.2} s ({:.1} MB/s, all cores), exit {:?}, peak RSS {:.1} MB",
        written as f64 / 1e6,
        wall.as_secs_f64(),
        written as f64 / 1e6 / wall.as_secs_f64(),
        out.status.code(),
        peak_kb as f64 / 1024.0
    );
    Ok(())
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
