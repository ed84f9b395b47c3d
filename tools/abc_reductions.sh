#!/usr/bin/env bash
# Prints, as a Markdown table, what ABC's `&syn2; &dc2` still removes from
# the circuits `rnncc compile` writes for every example model, with and
# without narrowing (--no-narrowing): ANDs and depth as written and after
# ABC, and ABC's reduction in percent. Each model in its own format when
# that is finite, else in mod:16 (narrowing applies to finite formats only);
# under scan at T = 256 when the family has a scan, else sequential at
# T = 64 (fixed formats scan with --reassociate), T halved until the circuit
# without narrowing has at most 300,000 ANDs (ABC's &syn2 and &dc2 take
# minutes beyond).
#   tools/abc_reductions.sh [rnncc executable, default build/release/rnncc]
set -uo pipefail
cd "$(dirname "$0")/.."
rnncc=${1:-build/release/rnncc}
abc=berkeley-abc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# and_and_depth FILE: "ANDS DEPTH" after reading, then after &syn2; &dc2.
measure() {
  "$abc" -c "&r $1; &ps; &syn2; &dc2; &ps" 2>/dev/null |
    sed -n 's/.*and = *\([0-9]*\).*lev = *\([0-9]*\).*/\1 \2/p' | tr '\n' ' '
}
percent() { python3 -c "import sys; a, b = int(sys.argv[1]), int(sys.argv[2]); print(f'{100 * (a - b) / a:.0f} %' if a else '—')" "$1" "$2"; }
# ands_without_narrowing T: the AND count rnncc reports for $model in
# $format under $schedule at length T, without narrowing.
ands_without_narrowing() {
  "$rnncc" compile "$model" --format "$format" -T "$1" --schedule "$schedule" --reassociate \
    --no-narrowing -o "$work/probe.aig" 2>&1 | sed -n 's/.*: \([0-9]*\) ANDs.*/\1/p'
}
echo "| model | format | schedule | T | narrowing | ANDs | depth | ANDs after ABC | depth after ABC | ABC removes ANDs | ABC removes depth |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for model in circuits/models/*.toml; do
  name=$(basename "$model" .toml)
  format=$(sed -n 's/^format = "\(.*\)"/\1/p' "$model")
  [[ $format == exact ]] && format=mod:16
  schedule=scan length=256
  if ! "$rnncc" compile "$model" --format "$format" -T 2 --schedule scan --reassociate \
    -o "$work/probe.aig" >/dev/null 2>&1; then
    schedule=sequential length=64
  fi
  while ((length > 1)); do
    ands=$(ands_without_narrowing "$length")
    ((${ands:-300001} > 300000)) || break  # no count: refused by the AND limit
    length=$((length / 2))
  done
  for narrowing in on off; do
    flags=(--format "$format" -T "$length" --schedule "$schedule" --reassociate)
    [[ $narrowing == off ]] && flags+=(--no-narrowing)
    if ! "$rnncc" compile "$model" "${flags[@]}" -o "$work/c.aig" >/dev/null 2>&1; then
      echo "| $name | $format | $schedule | $length | $narrowing | refused | | | | | |"
      continue
    fi
    read -r ands depth abc_ands abc_depth <<<"$(measure "$work/c.aig")"
    echo "| $name | $format | $schedule | $length | $narrowing | $ands | $depth | $abc_ands |" \
      "$abc_depth | $(percent "$ands" "$abc_ands") | $(percent "$depth" "$abc_depth") |"
  done
done
