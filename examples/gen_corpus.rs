//! Write the benchmark corpus to a folder, for archive-scale runs and peak-memory checks:
//! `cargo run --release --example gen_corpus -- /tmp/arsip 100` writes about 100 MB.

#[path = "../benches/corpus.rs"]
#[allow(dead_code)] // the benches use the whole-corpus helper; this example writes files one by one
mod corpus;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "arsip".to_owned()));
    let megabytes: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10);
    std::fs::create_dir_all(&dir)?;
    let mut rng = corpus::Rng::new(11);
    let (mut written, mut n) = (0usize, 0usize);
    while written < megabytes * 1_000_000 {
        let words = 300 + rng.below(600);
        let a = corpus::article(&mut rng, words);
        let sub = dir.join(format!("{:03}", n / 1000));
        std::fs::create_dir_all(&sub)?;
        std::fs::write(sub.join(format!("berita-{n:06}.txt")), &a)?;
        written += a.len();
        n += 1;
    }
    println!("{n} articles, {written} bytes in {}", dir.display());
    Ok(())
}
