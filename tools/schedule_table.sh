#!/usr/bin/env bash
# Size and depth of every example model at T = 1024 (or the length given),
# sequential against scan, as a Markdown table for README's performance
# section. Models in `exact` are compiled in mod:16 (exact widths grow with
# T); fixed-point models get their scan with --reassociate.
#   tools/schedule_table.sh [T]
set -euo pipefail
cd "$(dirname "$0")/.."
length=${1:-1024}
rnncc=build/release/rnncc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| model | family | format | sequential ANDs | sequential depth | scan ANDs | scan depth | scan composes as |"
echo "|---|---|---|---|---|---|---|---|"
for model in circuits/models/*.toml; do
  name=$(basename "$model" .toml)
  case "$name" in deltanet_kv4 | lstm_h8) continue ;; esac  # the benchmark models
  family=$(sed -n 's/^family = "\(.*\)"/\1/p' "$model")
  format=$(sed -n 's/^format = "\(.*\)"/\1/p' "$model")
  [[ -z "$format" || "$format" == exact ]] && format=mod:16
  summary() {  # summary SCHEDULE [extra options]: "ANDs|depth|composition"
    local schedule=$1
    shift
    if ! line=$("$rnncc" compile "$model" --format "$format" --length "$length" --schedule "$schedule" \
      "$@" -o "$work/c.aig" 2>&1); then
      echo "—|—|—"
      return
    fi
    local ands depth composition
    ands=$(sed -E 's/.*: ([0-9]+) ANDs, depth ([0-9]+).*/\1/' <<<"$line")
    depth=$(sed -E 's/.*: ([0-9]+) ANDs, depth ([0-9]+).*/\2/' <<<"$line")
    composition=$(sed -nE 's/.*composed ([a-z -]+),.*/\1/p' <<<"$line")
    echo "$ands|$depth|${composition:-—}"
  }
  sequential=$(summary sequential)
  scan=$(summary scan --reassociate)
  IFS='|' read -r seq_ands seq_depth _ <<<"$sequential"
  IFS='|' read -r scan_ands scan_depth composition <<<"$scan"
  echo "| $name | $family | $format | $seq_ands | $seq_depth | $scan_ands | $scan_depth | $composition |"
done
