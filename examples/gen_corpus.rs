//! Write the benchmark corpus to a folder, for archive-scale runs and peak-memory checks:
//! `cargo run --release --example gen_corpus -- /tmp/arsip 100` writes about 100 MB.

#[path = "../benches/corpus.rs"]
#[allow(dead_code)] // each user takes the helpers it needs
mod corpus;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "arsip".to_owned()));
    let megabytes: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10);
    let (n, written) = corpus::write_folder(&dir, megabytes)?;
    println!("{n} articles, {written} bytes in {}", dir.display());
    Ok(())
}
