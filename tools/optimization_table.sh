#!/usr/bin/env bash
# ANDs and depth of every example model as built, after rnncc's balancing
# (--optimize balance) and after ABC `&syn2; &dc2` on the balanced circuit,
# as a Markdown table (docs/performance.md). Scan at T = 256 and sequential
# at T = 64 by default; a circuit above the AND cap (default 4,000,000 ANDs
# as built) is rebuilt at half the length until it fits, and its T says so.
# Models in `exact` are compiled in mod:16 (as tools/schedule_table.sh does);
# fixed-point scans get --reassociate.
#   tools/optimization_table.sh [SCAN_T [SEQUENTIAL_T [AND_CAP]]]
#   RNNCC_TABLE_MODELS="pd gru"   only these models (default: every one)
#   RNNCC_BINARY=path/to/rnncc     another build of rnncc
set -euo pipefail
cd "$(dirname "$0")/.."
scan_length=${1:-256}
sequential_length=${2:-64}
and_cap=${3:-4000000}
rnncc=${RNNCC_BINARY:-build/release/rnncc}
abc=${RNNCC_ABC:-berkeley-abc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
percent() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2])
print(f'{100 * (a - b) / a:.1f} %' if a > 0 else '—')" "$1" "$2"; }
echo "| model | format | schedule | T | ANDs built | depth built | ANDs balance | depth balance | ANDs ABC | depth ABC | ABC: −depth | ABC: −ANDs | compile + balance s | ABC s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for model in circuits/models/*.toml; do
  name=$(basename "$model" .toml)
  if [[ -n ${RNNCC_TABLE_MODELS:-} && " $RNNCC_TABLE_MODELS " != *" $name "* ]]; then continue; fi
  format=$(sed -n 's/^format = "\(.*\)"/\1/p' "$model")
  [[ -z "$format" || "$format" == exact ]] && format=mod:16
  for schedule in scan sequential; do
    length=$scan_length
    extra=(--reassociate)
    if [[ $schedule == sequential ]]; then
      length=$sequential_length
      extra=()
    fi
    while :; do
      if ! line=$("$rnncc" compile "$model" --format "$format" --length "$length" \
        --schedule "$schedule" "${extra[@]}" --optimize none -o "$work/built.aig" 2>&1); then
        # Over the AND limit: try half the length; any other refusal: the
        # schedule does not apply.
        if [[ $line == *"AND gates"* ]] && ((length > 2)); then
          length=$((length / 2))
          continue
        fi
        line=""
        break
      fi
      ands=$(sed -E 's/.*: ([0-9]+) ANDs, depth ([0-9]+).*/\1/' <<<"$line")
      if ((ands <= and_cap || length <= 2)); then break; fi
      length=$((length / 2))
    done
    if [[ -z $line ]]; then
      echo "| $name | $format | $schedule | — | does not apply | | | | | | | | | |"
      continue
    fi
    depth=$(sed -E 's/.*: ([0-9]+) ANDs, depth ([0-9]+).*/\2/' <<<"$line")
    start=$(date +%s.%N)
    balanced=$("$rnncc" compile "$model" --format "$format" --length "$length" \
      --schedule "$schedule" "${extra[@]}" --optimize balance -o "$work/balanced.aig" 2>&1)
    balance_seconds=$(python3 -c "import sys, time; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$start")
    balance_ands=$(sed -E 's/.*: ([0-9]+) ANDs, depth ([0-9]+).*/\1/' <<<"$balanced")
    balance_depth=$(sed -E 's/.*: ([0-9]+) ANDs, depth ([0-9]+).*/\2/' <<<"$balanced")
    start=$(date +%s.%N)
    abc_ands="—"
    abc_depth="—"
    if output=$(timeout 120 "$abc" -c "&r $work/balanced.aig; &syn2; &dc2; &ps" 2>&1); then
      abc_ands=$(sed -nE 's/.*and = *([0-9]+).*/\1/p' <<<"$output" | tail -1)
      abc_depth=$(sed -nE 's/.*lev = *([0-9]+).*/\1/p' <<<"$output" | tail -1)
    fi
    abc_seconds=$(python3 -c "import sys, time; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$start")
    depth_cut="—"
    and_cut="—"
    if [[ $abc_depth != "—" ]]; then
      depth_cut=$(percent "$balance_depth" "$abc_depth")
      and_cut=$(percent "$balance_ands" "$abc_ands")
    fi
    echo "| $name | $format | $schedule | $length | $ands | $depth | $balance_ands | $balance_depth | $abc_ands | $abc_depth | $depth_cut | $and_cut | $balance_seconds | $abc_seconds |"
  done
done
