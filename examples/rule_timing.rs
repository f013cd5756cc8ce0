//! Time each default rule alone over the benchmark corpus, to see where the time goes:
//! `cargo run --release --example rule_timing`. With a rule id (and a repeat count), time
//! that rule alone, repeatedly, for a profiler: `rule_timing baku 20`.

#[path = "../benches/corpus.rs"]
#[allow(dead_code)]
mod corpus;

use std::time::Instant;

use sunting::{Document, Format, Linter};

fn main() {
    let linter = Linter::with_defaults();
    let texts = corpus::corpus(7, 200);
    let bytes: usize = texts.iter().map(String::len).sum();
    // One full pass first, as the bench's repeated samples do: the lexicon's memo of each
    // word is then warm, and its one-off cost is not charged to the first rule that asks.
    for t in &texts {
        let _ = linter.check_text(t, Format::Text);
    }
    let t = Instant::now();
    let docs: Vec<Document<'_>> = texts
        .iter()
        .map(|t| Document::new(t, Format::Text))
        .collect();
    let doc_time = t.elapsed();
    println!(
        "document model: {:>8.1} ms ({:.1} MB/s)",
        ms(doc_time),
        mbs(bytes, doc_time)
    );
    let t = Instant::now();
    let gates: Vec<_> = docs.iter().map(|d| linter.word_gates(d)).collect();
    let gate_time = t.elapsed();
    println!(
        "word gates:     {:>8.1} ms ({:.1} MB/s)",
        ms(gate_time),
        mbs(bytes, gate_time)
    );
    let only = std::env::args().nth(1);
    let repeat: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let mut rows = Vec::new();
    for (i, rule) in linter.rules().iter().enumerate() {
        if only.as_ref().is_some_and(|o| *o != rule.meta.id) {
            continue;
        }
        let t = Instant::now();
        for _ in 0..repeat {
            for (d, g) in docs.iter().zip(&gates) {
                let _ = linter.check_rule_gated(d, i, g);
            }
        }
        rows.push((t.elapsed(), rule.meta.id.clone()));
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    for (d, id) in rows {
        println!(
            "{id:<28} {:>8.1} ms ({:.1} MB/s)",
            ms(d) / repeat as f64,
            mbs(bytes * repeat, d)
        );
    }
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn mbs(bytes: usize, d: std::time::Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}
