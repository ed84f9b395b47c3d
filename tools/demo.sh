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

# table KIND "ARCHITECTURES" "WIDTHS": one row per architecture, one column per width.
table() {
  local kind=$1 architectures=$2 widths=$3 arch w file ands depth
  printf '%-16s' "architecture"
  for w in $widths; do printf '%16s' "W=$w"; done
  echo
  for arch in $architectures; do
    printf '%-16s' "$arch"
    for w in $widths; do
      file="$out/$kind-$arch-$w.aig"
      "$rnncc" gen "$kind" --bits "$w" --arch "$arch" -o "$file" 2>/dev/null
      read -r ands depth _ < <(measure "$file")
      printf '%16s' "$ands / $depth"
    done
    echo
  done
  echo
}

echo "Adders (unsigned, W-bit operands, W+1-bit sum): AND nodes / depth in AND levels"
table adder "ripple sklansky brent-kung kogge-stone ladner-fischer" "8 16 32 64 128 256"
echo "Multipliers (unsigned, W x W -> 2W bits, Kogge-Stone final adder): AND nodes / depth"
table multiplier "array wallace dadda" "8 16 32 64"
echo "Circuits written to $out/ (binary AIGER; try: $rnncc stats $out/multiplier-dadda-64.aig)"
