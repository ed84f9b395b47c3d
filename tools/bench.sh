#!/usr/bin/env bash
# Runs rnncc's benchmarks next to ABC baselines measured in the same run and
# prints the figures README's performance section quotes.
#   tools/bench.sh [work directory, default /tmp/rnncc-bench]
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
cmake --preset release -DRNNCC_BUILD_BENCHMARKS=ON >/dev/null
cmake --build --preset release --target strash_bench aiger_bench >/dev/null
work=${1:-/tmp/rnncc-bench}
mkdir -p "$work"
abc=berkeley-abc
bin=build/release/bench

echo "== ABC baseline: 256-bit multiplier (gen -m -N 256; strash)"
(cd "$work" && $abc -c "gen -m -N 256 m.blif; read m.blif; strash; print_stats; write_aiger m.aig" \
  | grep -E "and =" | sed 's/\x1b\[[0-9;]*m//g')

# ABC's `time` prints the seconds since the previous `time` at 0.01 s
# resolution, so each operation is repeated ten times between two `time`s;
# the best of five such runs is kept.
abc_seconds() {  # abc_seconds "setup commands" "timed command"
  local timed="" i best=""
  for i in $(seq 10); do timed+="$2; "; done
  for i in $(seq 5); do
    local seconds
    seconds=$( (cd "$work" && $abc -c "$1; time; ${timed}time") | grep elapse | tail -1 |
      sed -E 's/.*elapse: ([0-9.]+) seconds.*/\1/')
    if [[ -z "$best" ]] || python3 -c "import sys; sys.exit(0 if $seconds < $best else 1)"; then
      best=$seconds
    fi
  done
  echo "$best"
}
restrash=$(abc_seconds "&r m.aig" "&st")
read_multiplier=$(abc_seconds "&r m.aig" "&r m.aig")
echo "ABC &st on the multiplier: ${restrash} s for 10 runs -> $(python3 -c "print(f'{521472*10/$restrash/1e6:.1f}')") M ANDs/s"
echo "ABC &r of the multiplier:  ${read_multiplier} s for 10 runs -> $(python3 -c "print(f'{521472*10/$read_multiplier/1e6:.1f}')") M ANDs/s"

export RNNCC_BENCH_MULTIPLIER="$work/m.aig"
export RNNCC_BENCH_LARGE_AIG="$work/large.aig"
echo "== rnncc: structural hashing"
"$bin/strash_bench" --benchmark_counters_tabular=true --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
echo "== rnncc: AIGER files"
"$bin/aiger_bench" --benchmark_counters_tabular=true
large_ands=$(build/release/rnncc stats "$work/large.aig" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['ands'])")
read_large=$(abc_seconds "&r large.aig" "&r large.aig")
echo "ABC &r of the 10^7-node file: ${read_large} s for 10 runs -> $(python3 -c "print(f'{$large_ands*10/$read_large/1e6:.1f}')") M ANDs/s"
