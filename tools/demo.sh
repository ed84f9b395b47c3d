#!/usr/bin/env bash
# README's first command: sets up and builds (tools/setup.sh), then runs the
# built-in demonstration: adders and multipliers of every architecture
# generated as AIGER files and measured by `rnncc stats`.
#   tools/demo.sh [output directory, default ./out/demo]
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
rnncc=build/release/rnncc
out=${1:-out/demo}
mkdir -p "$out"

measure() {  # measure FILE -> "ands depth max_width"
  "$rnncc" stats "$1" --json |
    sed -nE 's/^ *"(ands|depth|max_width)": ([0-9]+),?$/\2/p' | paste -sd' '
}

echo "Adders (unsigned, W-bit operands, W+1-bit sum): AND nodes / depth in AND levels"
printf '%-16s' "architecture"
widths=(8 16 32 64 128 256)
for w in "${widths[@]}"; do printf '%16s' "W=$w"; done
echo
for arch in ripple sklansky brent-kung kogge-stone ladner-fischer; do
  printf '%-16s' "$arch"
  for w in "${widths[@]}"; do
    file="$out/adder-$arch-$w.aig"
    "$rnncc" gen adder --bits "$w" --arch "$arch" -o "$file" 2>/dev/null
    read -r ands depth _ < <(measure "$file")
    printf '%16s' "$ands / $depth"
  done
  echo
done

echo
echo "Multipliers (unsigned, W x W -> 2W bits, Kogge-Stone final adder): AND nodes / depth"
printf '%-16s' "architecture"
widths=(8 16 32 64)
for w in "${widths[@]}"; do printf '%16s' "W=$w"; done
echo
for arch in array wallace dadda; do
  printf '%-16s' "$arch"
  for w in "${widths[@]}"; do
    file="$out/multiplier-$arch-$w.aig"
    "$rnncc" gen multiplier --bits "$w" --arch "$arch" -o "$file" 2>/dev/null
    read -r ands depth _ < <(measure "$file")
    printf '%16s' "$ands / $depth"
  done
  echo
done
echo
echo "Circuits written to $out/ (binary AIGER; try: $rnncc stats $out/multiplier-dadda-64.aig)"
