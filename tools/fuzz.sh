#!/usr/bin/env bash
# Builds the fuzz preset (clang-14, libFuzzer, ASan + UBSan) and runs every
# harness of fuzz/ for a time budget, starting from the checked-in seed
# corpus fuzz/corpus/HARNESS (new inputs go to build/fuzz/corpus/HARNESS).
# Exits 1 if any harness crashes, leaks, times out or runs out of memory,
# naming the reproducer; docs/reliability.md says how to replay one.
#   tools/fuzz.sh [--runs N] [SECONDS per harness, default 60] [HARNESS...]
# With --runs N a harness stops after N executions or SECONDS, whichever
# comes first (a long run: --runs 10000000 with a generous time budget).
set -euo pipefail
cd "$(dirname "$0")/.."
runs_limit=
if [[ ${1:-} == --runs ]]; then
  if [[ ! ${2:-} =~ ^[1-9][0-9]*$ ]]; then
    echo "fuzz: --runs needs a positive number of executions, not '${2:-}'" >&2
    exit 2
  fi
  runs_limit=$2
  shift 2
fi
seconds=${1:-60}
shift || true
RNNCC_PRESET=fuzz tools/setup.sh

if (($#)); then
  harnesses=("$@")
else
  harnesses=()
  for directory in fuzz/corpus/*/; do harnesses+=("$(basename "$directory")"); done
fi

dictionary_of() {
  case "$1" in
    aiger_ascii | aiger_binary | circuit_description) echo fuzz/aiger.dict ;;
    arith_file) echo fuzz/arith.dict ;;
    model_file) echo fuzz/model_file.dict ;;
    safetensors) echo fuzz/safetensors.dict ;;
    instance_file) echo fuzz/instance_file.dict ;;
    blif_file) echo fuzz/blif.dict ;;
  esac
}

# AddressSanitizer options per harness. GMP is built without frame
# pointers, so for an allocation made inside GMP, ASan's frame-pointer
# unwinder reads the third and deeper frames from whatever the register
# holds, and they differ from call to call. ASan keeps every distinct stack:
# vector_file (some 600 allocations per input) added 790,000 stacks,
# 45 MB, per 30,000 inputs, until past half the RSS limit libFuzzer purged
# the allocator every second and the rate fell from 5,000 to 150 inputs a
# second. Two frames (311 distinct stacks in the same run) still name the
# allocation site; replaying a finding without this option gives full stacks.
asan_options_of() {
  case "$1" in
    vector_file) echo malloc_context_size=2 ;;
  esac
}

runs=build/fuzz/runs
mkdir -p "$runs"
failed=()
for harness in "${harnesses[@]}"; do
  executable=build/fuzz/fuzz/${harness}_fuzz
  if [[ ! -x $executable ]]; then
    echo "fuzz: no harness $harness (expected $executable)" >&2
    exit 2
  fi
  corpus=build/fuzz/corpus/$harness
  mkdir -p "$corpus" "$runs/$harness"
  options=(-max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048
    -artifact_prefix="$runs/$harness/" -print_final_stats=1)
  [[ -n $runs_limit ]] && options+=(-runs="$runs_limit")
  dictionary=$(dictionary_of "$harness")
  [[ -n $dictionary ]] && options+=(-dict="$dictionary")
  log=$runs/$harness.log
  status=0
  harness_asan_options=$(asan_options_of "$harness")
  ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}$harness_asan_options" \
    "$executable" "${options[@]}" "$corpus" "fuzz/corpus/$harness" >"$log" 2>&1 &
  pid=$!
  wait "$pid" || status=$?
  rm -rf "/dev/shm/rnncc-fuzz-$pid"
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  added=$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -1)
  if ((status != 0)); then
    reproducer=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    echo "fuzz: $harness FAILED (exit $status) after ${executions:-?} runs; reproducer: ${reproducer:-none written}; log: $log" >&2
    grep -m3 -E 'ERROR: |rnncc fuzz finding|runtime error|uncaught' "$log" >&2 || true
    failed+=("$harness")
  else
    echo "fuzz: $harness ok, ${executions:-?} runs (${rate:-?} exec/s, ${added:-?} new corpus units)"
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: ${#failed[@]} harness(es) failed: ${failed[*]}" >&2
  echo "fuzz: replay a reproducer with build/fuzz/fuzz/HARNESS_fuzz FILE" >&2
  exit 1
fi
echo "fuzz: all ${#harnesses[@]} harnesses ran without a finding (budget ${seconds} s${runs_limit:+ or $runs_limit runs} each)"
