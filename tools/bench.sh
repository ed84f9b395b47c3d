#!/usr/bin/env bash
# Runs rnncc's benchmarks next to ABC baselines measured in the same run,
# prints them, and appends one dated row per figure to the results file
# (docs/performance-results.tsv; docs/performance.md explains its columns
# and how each row is reproduced). Sets up and builds first (tools/setup.sh);
# running it again appends new rows and changes nothing else.
#   tools/bench.sh [work directory, default /tmp/rnncc-bench]
#   RNNCC_BENCH_RESULTS=FILE   append to FILE instead of docs/performance-results.tsv
#   RNNCC_BENCH_MACHINE=TEXT   the machine note of every row (default: CPU, cores,
#                              caches, memory, OS, compiler, load average at the start)
#   RNNCC_BENCH_ONLY=score     run the scoring section alone (about a minute)
#   RNNCC_BENCH_ONLY=balance   run the depth-balancing section alone (about a minute)
# Needs about 9 GB of memory (ABC's simulation of 131,072 patterns) and
# 10-15 minutes on two quiet cores.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
cmake --preset release -DRNNCC_BUILD_BENCHMARKS=ON >/dev/null
cmake --build --preset release --target rnncc strash_bench aiger_bench eval_bench compile_bench \
  score_bench balance_bench >/dev/null
work=${1:-/tmp/rnncc-bench}
mkdir -p "$work"
work=$(cd "$work" && pwd)
abc=berkeley-abc
bin=build/release/bench
rnncc=build/release/rnncc
best=tools/best_of_repetitions.py
results=${RNNCC_BENCH_RESULTS:-docs/performance-results.tsv}

# --- the results file ----------------------------------------------------------
# The commit measured; "+modified" when the sources, benchmarks or build
# files differ from it (documents do not count).
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
if [[ $commit != unknown ]] && [[ -n $(git status --porcelain --untracked-files=no -- \
  src include bench cmake tools CMakeLists.txt CMakePresets.json 2>/dev/null) ]]; then
  commit+="+modified"
fi
machine_note() {
  local cpu caches memory os compiler
  cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
  caches=$(getconf -a | awk '$1 ~ /^LEVEL[23]_CACHE_SIZE$/ && $2 > 0 {
    printf "%sL%s %g MiB", (n++ ? ", " : ""), substr($1, 6, 1), $2 / 1048576 }')
  memory=$(awk '/^MemTotal:/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
  os=$(sed -n 's/^PRETTY_NAME="\(.*\)"/\1/p' /etc/os-release 2>/dev/null)
  compiler=$(g++ -dumpfullversion 2>/dev/null || echo "?")
  echo "$cpu; $(nproc) cores; ${caches:-caches unknown} (getconf); $memory; $os; g++ $compiler;" \
    "load $(cut -d' ' -f1-3 /proc/loadavg) at start"
}
machine=${RNNCC_BENCH_MACHINE:-$(machine_note)}
machine=${machine//$'\t'/ }
if [[ ! -s $results ]]; then
  printf 'date\tcommit\tmachine\tbenchmark\tmetric\tvalue\tunit\tbaseline\tbaseline_value\tratio\n' >"$results"
fi
# record BENCHMARK METRIC VALUE UNIT [BASELINE BASELINE_VALUE]: appends one row.
# The ratio is rnncc's speed over the baseline's (above 1: rnncc is faster):
# VALUE / BASELINE_VALUE for rates (units ending in /s), the inverse for times.
record() {
  local benchmark=$1 metric=$2 value=$3 unit=$4 baseline=${5:-} baseline_value=${6:-} ratio=""
  if [[ -n $baseline_value ]]; then
    ratio=$(python3 -c "import sys; v, b = float(sys.argv[1]), float(sys.argv[2])
print(f'{(v / b if sys.argv[3].endswith(\"/s\") else b / v):.3g}')" "$value" "$baseline_value" "$unit")
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$commit" \
    "$machine" "$benchmark" "$metric" "$value" "$unit" "$baseline" "$baseline_value" "$ratio" >>"$results"
}
# figure FILE.json NAME FIELD [SCALE]: FIELD of NAME's fastest repetition,
# times SCALE (four significant digits; whole numbers such as counts in full).
figure() {
  python3 -c "import sys; v = float(sys.argv[1]) * float(sys.argv[2])
print(int(v) if v.is_integer() and abs(v) < 1e15 else f'{v:.4g}')" "$("$best" "$1" "$2" "$3")" "${4:-1}"
}
# per_second COUNT SECONDS [SCALE]: COUNT / SECONDS * SCALE.
per_second() {
  python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]) * float(sys.argv[3]):.4g}')" \
    "$1" "$2" "${3:-1}"
}
smaller() { python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$1" "$2"; }
echo "Appending rows to $results (commit $commit)"

# timed OUTPUT COMMAND...: runs COMMAND with its output sent to OUTPUT and
# prints "wall cpu" in seconds (cpu = user + sys).
timed() {
  local output=$1 line wall user system
  shift
  line=$({ TIMEFORMAT='%R %U %S' && time "$@" >"$output" 2>&1; } 2>&1)
  read -r wall user system <<<"$line"
  echo "$wall $(python3 -c "print(f'{$user + $system:.3f}')")"
}
only=${RNNCC_BENCH_ONLY:-}
if [[ -z $only ]]; then # the circuit core, evaluation and compilation sections

# --- circuit core: structural hashing and AIGER files --------------------------
echo "== ABC baseline: 256-bit multiplier (gen -m -N 256; strash)"
(cd "$work" && $abc -c "gen -m -N 256 m.blif; read m.blif; strash; print_stats; write_aiger m.aig" |
  grep -E "and =" | sed 's/\x1b\[[0-9;]*m//g')
multiplier_ands=$("$rnncc" stats "$work/m.aig" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['ands'])")

# ABC's `time` prints the seconds since the previous `time` at 0.01 s
# resolution, so each operation is repeated ten times between two `time`s;
# the best of five such runs is kept.
abc_seconds() { # abc_seconds "setup commands" "timed command"
  local timed="" i best_seconds=""
  for i in $(seq 10); do timed+="$2; "; done
  for i in $(seq 5); do
    local seconds
    seconds=$( (cd "$work" && $abc -c "$1; time; ${timed}time") | grep elapse | tail -1 |
      sed -E 's/.*elapse: ([0-9.]+) seconds.*/\1/')
    if [[ -z $best_seconds ]] || smaller "$seconds" "$best_seconds"; then best_seconds=$seconds; fi
  done
  echo "$best_seconds"
}
restrash_abc=$(per_second $((multiplier_ands * 10)) "$(abc_seconds "&r m.aig" "&st")" 1e-6)
read_multiplier_abc=$(per_second $((multiplier_ands * 10)) "$(abc_seconds "&r m.aig" "&r m.aig")" 1e-6)
echo "ABC &st on the multiplier: $restrash_abc M ANDs/s (best of 5 runs of 10)"
echo "ABC &r of the multiplier:  $read_multiplier_abc M ANDs/s (best of 5 runs of 10)"

export RNNCC_BENCH_MULTIPLIER="$work/m.aig"
export RNNCC_BENCH_LARGE_AIG="$work/large.aig"
# rnncc's side: five repetitions, medians shown, and the fastest repetition
# (the statistic taken of ABC above) printed after them and recorded.
echo "== rnncc: structural hashing"
"$bin/strash_bench" --benchmark_counters_tabular=true --benchmark_repetitions=5 \
  --benchmark_display_aggregates_only=true --benchmark_out="$work/strash.json" --benchmark_out_format=json
"$best" "$work/strash.json"
json=$work/strash.json
record strash/restrash_abc_multiplier ands_per_second \
  "$(figure "$json" BM_RestrashAbcMultiplier ands_per_second 1e-6)" "M ANDs/s" \
  "ABC &st, best of 5 runs of 10" "$restrash_abc"
record strash/wallace_multiplier_256 ands_per_second \
  "$(figure "$json" BM_WallaceMultiplier256 ands_per_second 1e-6)" "M ANDs/s" \
  "ABC &st of its own multiplier, best of 5 runs of 10" "$restrash_abc"
record strash/wallace_multiplier_256 bytes_per_node "$(figure "$json" BM_WallaceMultiplier256 bytes_per_node)" bytes
record strash/small_aigs aigs_per_second "$(figure "$json" BM_SmallAigs aigs_per_second 1e-3)" \
  "thousand AIGs/s"
for case in RandomAigReserved RandomAigGrowing; do
  name=strash/random_aig_$(tr '[:upper:]' '[:lower:]' <<<"${case#RandomAig}")
  record "$name" ands_per_second "$(figure "$json" "BM_$case" ands_per_second 1e-6)" "M ANDs/s"
  record "$name" bytes_per_node "$(figure "$json" "BM_$case" bytes_per_node)" bytes
done

echo "== rnncc: AIGER files"
"$bin/aiger_bench" --benchmark_counters_tabular=true --benchmark_repetitions=5 \
  --benchmark_display_aggregates_only=true --benchmark_out="$work/aiger.json" --benchmark_out_format=json
"$best" "$work/aiger.json"
json=$work/aiger.json
large_ands=$("$rnncc" stats "$work/large.aig" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['ands'])")
read_large_abc=$(per_second $((large_ands * 10)) "$(abc_seconds "&r large.aig" "&r large.aig")" 1e-6)
echo "ABC &r of the 10^7-node file: $read_large_abc M ANDs/s (best of 5 runs of 10)"
record aiger/read_abc_multiplier ands_per_second \
  "$(figure "$json" BM_ReadAbcMultiplier ands_per_second 1e-6)" "M ANDs/s" \
  "ABC &r, best of 5 runs of 10" "$read_multiplier_abc"
record aiger/read_large ands_per_second "$(figure "$json" BM_ReadBinaryLarge ands_per_second 1e-6)" \
  "M ANDs/s" "ABC &r, best of 5 runs of 10" "$read_large_abc"
record aiger/read_large MB_per_second "$(figure "$json" BM_ReadBinaryLarge MB_per_second)" "MB/s"
record aiger/write_large ands_per_second "$(figure "$json" BM_WriteBinaryLarge ands_per_second 1e-6)" "M ANDs/s"
record aiger/write_large MB_per_second "$(figure "$json" BM_WriteBinaryLarge MB_per_second)" "MB/s"
record aiger/write_large bytes_per_and "$(figure "$json" BM_WriteBinaryLarge bytes_per_and)" bytes

# --- evaluation: the same 131,072 random patterns on both sides -----------------
# ABC's `sim -W N` simulates N words of 32 bits (its simulation data are
# `unsigned`), so -W 4096 is 131,072 patterns: the number eval_bench and the
# rnncc eval command below evaluate (2,048 words of 64 bits).
patterns=131072
abc_words=$((patterns / 32))
abc_sim_command="read $work/m.aig; strash; sim -F 1 -W $abc_words -m"
# Three rounds, each ABC's process then rnncc eval's, as a user runs them:
# ABC reads, strashes and simulates; rnncc eval reads, plans, draws the
# patterns, evaluates and prints every output line (to /dev/null). Of ABC
# the best "Time =" (its simulation alone) is kept, and of both the best
# wall time and the CPU time of that run.
echo "== ABC baseline: sim -F 1 -W $abc_words -m on the multiplier ($patterns random patterns; best of 3)"
abc_sim="" abc_wall="" abc_cpu="" rnncc_wall="" rnncc_cpu=""
for i in 1 2 3; do
  read -r wall cpu <<<"$(timed "$work/abc_sim.out" $abc -c "$abc_sim_command")"
  seconds=$(sed 's/\x1b\[[0-9;]*m//g' "$work/abc_sim.out" | grep -E "Time = " |
    sed -E 's/.*Time = +([0-9.]+) sec.*/\1/')
  if [[ -z $abc_sim ]] || smaller "$seconds" "$abc_sim"; then abc_sim=$seconds; fi
  if [[ -z $abc_wall ]] || smaller "$wall" "$abc_wall"; then abc_wall=$wall abc_cpu=$cpu; fi
  abc_round_wall=$wall
  read -r wall cpu <<<"$(timed /dev/null "$rnncc" eval "$work/m.aig" --random $patterns)"
  if [[ -z $rnncc_wall ]] || smaller "$wall" "$rnncc_wall"; then rnncc_wall=$wall rnncc_cpu=$cpu; fi
  echo "round $i: ABC sim Time = $seconds s, ABC process $abc_round_wall s wall; rnncc eval process $wall s wall"
done
echo "ABC sim: $abc_sim s ($(python3 -c "print(f'{$abc_sim / ($multiplier_ands * $patterns / 64) * 1e9:.2f}')") ns per AND per 64 patterns)"
baseline="ABC process: read m.aig; strash; sim -F 1 -W $abc_words -m, best of 3"
record eval/multiplier_whole_process wall_seconds "$rnncc_wall" s "$baseline" "$abc_wall"
record eval/multiplier_whole_process cpu_seconds "$rnncc_cpu" s "$baseline" "$abc_cpu"
echo "whole processes: rnncc eval --random $patterns ${rnncc_wall} s wall, ${rnncc_cpu} s CPU;" \
  "ABC ${abc_wall} s wall, ${abc_cpu} s CPU"

echo "== rnncc: evaluation"
"$bin/eval_bench" --benchmark_filter=Multiplier --benchmark_counters_tabular=true --benchmark_repetitions=5 \
  --benchmark_display_aggregates_only=true --benchmark_out="$work/eval.json" --benchmark_out_format=json
"$best" "$work/eval.json"
json=$work/eval.json
one=$(figure "$json" BM_MultiplierPatterns/1/ real_time)
one_cpu=$(figure "$json" BM_MultiplierPatterns/1/ cpu_time)
two=$(figure "$json" BM_MultiplierPatterns/2/ real_time)
levels_one=$(figure "$json" BM_MultiplierLevels/1/ real_time 1e3)
levels_two=$(figure "$json" BM_MultiplierLevels/2/ real_time 1e3)
# ABC's "Time =" is the CPU time of its thread (Debian's ABC reads
# CLOCK_THREAD_CPUTIME_ID): on a busy machine the fair ratio is CPU to CPU.
baseline="ABC sim -F 1 -W $abc_words -m, Time = (thread CPU), best of 3"
record eval/multiplier_patterns_1_thread real_seconds "$one" s "$baseline" "$abc_sim"
record eval/multiplier_patterns_1_thread cpu_seconds "$one_cpu" s "$baseline" "$abc_sim"
record eval/multiplier_patterns_2_threads real_seconds "$two" s "rnncc, 1 thread" "$one"
record eval/multiplier_levels_1_thread real_milliseconds "$levels_one" ms
record eval/multiplier_levels_2_threads real_milliseconds "$levels_two" ms "rnncc, 1 thread" "$levels_one"
python3 -c "one, cpu, two, abc = $one, $one_cpu, $two, $abc_sim
print(f'patterns mode, same {$patterns} patterns: {one:.3f} s real, {cpu:.3f} s CPU on 1 thread = '
      f'{abc / one:.1f}x ABC sim (real), {abc / cpu:.1f}x (CPU); 2 threads {two:.3f} s, speed-up {one / two:.2f}')"

"$bin/eval_bench" --benchmark_filter=DeepCircuit --benchmark_counters_tabular=true \
  --benchmark_out="$work/deep.json" --benchmark_out_format=json
json=$work/deep.json
record eval/deep_circuit_1e8_nodes seconds_per_8_word_block "$(figure "$json" BM_DeepCircuitMemory real_time)" s
record eval/deep_circuit_1e8_nodes value_slots "$(figure "$json" BM_DeepCircuitMemory value_slots)" slots
record eval/deep_circuit_1e8_nodes peak_resident "$(figure "$json" BM_DeepCircuitMemory peak_rss_bytes 1e-9)" GB

# --- model compilation: one process per benchmark, so each peak memory is its own
echo "== rnncc: model compilation"
for filter in deltanet_scan/256 deltanet_scan/1024 lstm_sequential/256 lstm_sequential/1024 \
  lstm_sequential_ripple/256 lstm_sequential_ripple/1024; do
  json=$work/compile.json
  "$bin/compile_bench" --benchmark_filter="^$filter/" --benchmark_counters_tabular=true \
    --benchmark_out="$json" --benchmark_out_format=json | tail -1
  record "compile/$filter" ands_per_second "$(figure "$json" "$filter/" ands_per_second 1e-6)" "M ANDs/s"
  record "compile/$filter" peak_bytes_per_and "$(figure "$json" "$filter/" peak_bytes_per_and)" bytes
  record "compile/$filter" ands "$(figure "$json" "$filter/" ands)" ANDs
done
# deltanet_scan/4096 (660 M ANDs, about 13 GB, 2 minutes),
# lstm_sequential_ripple/4096 (864 M ANDs, about 17 GB) and lstm_sequential/3072
# (940 M ANDs, about 18 GB) run the same way when asked for:
#   build/release/bench/compile_bench --benchmark_filter='^deltanet_scan/4096/'
fi # the circuit core, evaluation and compilation sections

# --- depth balancing: logic::balance against the compile of the same circuit --
if [[ -z $only || $only == balance ]]; then
echo "== rnncc: depth balancing (about 10^7 ANDs)"
for filter in deltanet_scan/64 lstm_sequential/64; do
  json=$work/balance.json
  "$bin/balance_bench" --benchmark_filter="^$filter/" --benchmark_counters_tabular=true \
    --benchmark_out="$json" --benchmark_out_format=json | tail -1
  compile_seconds=$(figure "$json" "$filter/" compile_seconds)
  record "balance/$filter" seconds "$(figure "$json" "$filter/" balance_seconds)" s \
    "rnncc compile of the same circuit" "$compile_seconds"
  record "balance/$filter" balance_over_compile "$(figure "$json" "$filter/" balance_over_compile)" ratio
  record "balance/$filter" ands_per_second "$(figure "$json" "$filter/" ands_per_second 1e-6)" "M ANDs/s"
  for counter in ands depth balanced_ands balanced_depth; do
    record "balance/$filter" $counter "$(figure "$json" "$filter/" $counter)" count
  done
done
fi

if [[ -z $only || $only == score ]]; then

# --- scoring: S5 instances of length 64 by the shipped S5 model ----------------
echo "== rnncc: scoring"
"$bin/score_bench" --benchmark_counters_tabular=true --benchmark_repetitions=5 \
  --benchmark_display_aggregates_only=true --benchmark_out="$work/score.json" --benchmark_out_format=json
json=$work/score.json
circuit_one=$(figure "$json" BM_ScoreS5Circuit/1/ items_per_second)
circuit_two=$(figure "$json" BM_ScoreS5Circuit/2/ items_per_second)
interpreter=$(figure "$json" BM_ScoreS5Interpreter/ items_per_second)
record score/s5_64_circuit_1_thread instances_per_second "$circuit_one" "instances/s" \
  "rnncc interpreter, 1 thread" "$interpreter"
record score/s5_64_circuit_2_threads instances_per_second "$circuit_two" "instances/s" \
  "rnncc circuit, 1 thread" "$circuit_one"
record score/s5_64_interpreter instances_per_second "$interpreter" "instances/s"
# Whole processes: read and parse 65,536 instances, map them to inputs,
# read the cached circuit, evaluate, report. Best of 3 wall times each.
"$rnncc" task s5 --size 64 --count 65536 --seed 1 -o "$work/s5_64.jsonl" 2>/dev/null
"$rnncc" score circuits/models/s5_pd.toml --tasks "$work/s5_64.jsonl" --engine circuit \
  --cache "$work/cache" >/dev/null
declare -A score_wall
for threads in 1 2; do
  for round in 1 2 3; do
    read -r wall cpu <<<"$(timed /dev/null "$rnncc" score circuits/models/s5_pd.toml \
      --tasks "$work/s5_64.jsonl" --engine circuit --cache "$work/cache" --threads $threads)"
    if [[ -z ${score_wall[$threads]:-} ]] || smaller "$wall" "${score_wall[$threads]}"; then
      score_wall[$threads]=$wall
    fi
  done
done
record score/s5_64_whole_process_1_thread wall_seconds "${score_wall[1]}" s
record score/s5_64_whole_process_2_threads wall_seconds "${score_wall[2]}" s "rnncc score, 1 thread" \
  "${score_wall[1]}"
echo "scoring: circuit $circuit_one/s (1 thread), $circuit_two/s (2), interpreter $interpreter/s;" \
  "whole process ${score_wall[1]} s (1 thread), ${score_wall[2]} s (2)"
fi # scoring
echo "Rows appended to $results"
