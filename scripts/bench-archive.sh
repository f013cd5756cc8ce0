#!/usr/bin/env bash
# Archive-scale run: generate a folder of about SIZE_MB of articles, then time
# `sunting check` over it and report peak memory (max RSS) with GNU time.
# Usage: scripts/bench-archive.sh [SIZE_MB]   (default 100)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cargo build --release --quiet --bin sunting --example gen_corpus
target/release/examples/gen_corpus "$dir/arsip" "$size"
command -v /usr/bin/time >/dev/null || { echo "install GNU time (apt-get install time)"; exit 2; }
/usr/bin/time -v target/release/sunting check --no-config --fail-on never --format json "$dir/arsip" \
  > "$dir/out.json" 2> "$dir/time.txt" || true
grep -E "Elapsed|Maximum resident" "$dir/time.txt"
echo "findings: $(grep -c '"rule"' "$dir/out.json")"
