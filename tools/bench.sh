#!/usr/bin/env bash
# Runs rnncc's benchmarks next to ABC baselines measured in the same run and
# prints the figures README's performance section quotes.
#   tools/bench.sh [work directory, default /tmp/rnncc-bench]
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
cmake --preset release -DRNNCC_BUILD_BENCHMARKS=ON >/dev/null
cmake --build --preset release --target strash_bench aiger_bench eval_bench compile_bench >/dev/null
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
# rnncc's side: five repetitions, medians shown, and the fastest repetition
# (the statistic taken of ABC above) printed after them.
echo "== rnncc: structural hashing"
"$bin/strash_bench" --benchmark_counters_tabular=true --benchmark_repetitions=5 \
  --benchmark_display_aggregates_only=true --benchmark_out="$work/strash.json" --benchmark_out_format=json
tools/best_of_repetitions.py "$work/strash.json"
echo "== rnncc: AIGER files"
"$bin/aiger_bench" --benchmark_counters_tabular=true --benchmark_repetitions=5 \
  --benchmark_display_aggregates_only=true --benchmark_out="$work/aiger.json" --benchmark_out_format=json
tools/best_of_repetitions.py "$work/aiger.json"
large_ands=$(build/release/rnncc stats "$work/large.aig" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['ands'])")
read_large=$(abc_seconds "&r large.aig" "&r large.aig")
echo "ABC &r of the 10^7-node file: ${read_large} s for 10 runs -> $(python3 -c "print(f'{$large_ands*10/$read_large/1e6:.1f}')") M ANDs/s"

echo "== ABC baseline: sim -F 1 -W 2048 -m on the multiplier (131,072 random patterns; best of 3)"
abc_sim=""
for i in 1 2 3; do
  seconds=$( (cd "$work" && $abc -c "read m.aig; strash; sim -F 1 -W 2048 -m") | sed 's/\x1b\[[0-9;]*m//g' |
    grep -E "Time = " | sed -E 's/.*Time = +([0-9.]+) sec.*/\1/')
  if [[ -z "$abc_sim" ]] || python3 -c "import sys; sys.exit(0 if $seconds < $abc_sim else 1)"; then abc_sim=$seconds; fi
done
echo "ABC sim: ${abc_sim} s -> $(python3 -c "print(f'{$abc_sim/(521472*2048)*1e9:.2f}')") ns per AND per 64-pattern word"
echo "== rnncc: evaluation"
"$bin/eval_bench" --benchmark_filter=Multiplier --benchmark_counters_tabular=true --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true --benchmark_out="$work/eval.json" --benchmark_out_format=json
python3 - "$work/eval.json" "$abc_sim" <<'PY'
import json, sys
runs = {b["name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("aggregate_name") == "median"}
abc = float(sys.argv[2])
one = runs["BM_MultiplierPatterns/1/real_time_median"]["real_time"] / 1e3
one_cpu = runs["BM_MultiplierPatterns/1/real_time_median"]["cpu_time"] / 1e3
two = runs["BM_MultiplierPatterns/2/real_time_median"]["real_time"] / 1e3
levels_one = runs["BM_MultiplierLevels/1/real_time_median"]["real_time"]
levels_two = runs["BM_MultiplierLevels/2/real_time_median"]["real_time"]
# ABC's "Time =" is its thread's CPU time: the fair ratio on a busy machine is CPU to CPU.
print(f"patterns mode: {one:.3f} s real, {one_cpu:.3f} s CPU on 1 thread = {abc / one:.1f}x ABC sim "
      f"(real), {abc / one_cpu:.1f}x (CPU); 2 threads {two:.3f} s, speed-up {one / two:.2f}")
print(f"levels mode, one 64-pattern block: {levels_one:.0f} us on 1 thread, {levels_two:.0f} us on 2, speed-up {levels_one / levels_two:.2f}")
PY
"$bin/eval_bench" --benchmark_filter=DeepCircuit --benchmark_counters_tabular=true
echo "== rnncc: model compilation (one process per benchmark, so each peak memory is its own)"
for filter in deltanet_scan/256 deltanet_scan/1024 lstm_sequential/256 lstm_sequential/1024 \
  lstm_sequential_ripple/256 lstm_sequential_ripple/1024; do
  "$bin/compile_bench" --benchmark_filter="^$filter/" --benchmark_counters_tabular=true | tail -1
done
# deltanet_scan/4096 (660 M ANDs, about 13 GB, 2 minutes),
# lstm_sequential_ripple/4096 (864 M ANDs, about 17 GB) and lstm_sequential/3072
# (940 M ANDs, about 18 GB) run the same way when asked for:
#   build/release/bench/compile_bench --benchmark_filter='^deltanet_scan/4096/'
