#!/usr/bin/env bash
# Instructions for one pass of the throughput bench over its corpus (every default rule,
# one thread), counted by valgrind's cachegrind: unlike wall time, this does not move with
# the load of a shared machine, so it is the steadier guide when comparing two builds.
# The bench runs once with one sample and once with three; half the difference is one
# pass (start-up, dictionary loading and corpus generation cancel out).
# Usage: scripts/bench-instructions.sh   (needs valgrind: apt-get install valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "install valgrind (apt-get install valgrind)"; exit 2; }
exe=$(cargo bench --bench throughput --no-run 2>&1 |
  sed -n 's/.*Executable benches\/throughput\.rs (\(.*\))/\1/p')
[ -x "$exe" ] || { echo "could not build the throughput bench"; exit 2; }
count() {
  SUNTING_BENCH_ARCHIVE_MB=0 valgrind --tool=cachegrind --cache-sim=no \
    --cachegrind-out-file=/dev/null "$exe" --bench corpus_single_thread \
    --sample-count "$1" --sample-size 1 2>&1 | sed -n 's/.*I *refs: *//p' | tr -d ,
}
one=$(count 1)
three=$(count 3)
echo "one pass over the bench corpus: $(((three - one) / 2000000)) million instructions"
