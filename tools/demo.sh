#!/usr/bin/env bash
# README's first command: sets up and builds (tools/setup.sh), then runs the
# main job: `rnncc growth` on its built-in default set — one model per column
# of docs/paper.md's table (diagonal, permutation-diagonal, DeltaNet and RWKV-7 in
# fixed-width rings under scan; a ReLU RNN and an LSTM under sequential and
# table), T = 16 .. 4096 (LSTM: .. 2048). It prints the measurements, each
# series' growth class against the paper's expectation, and the paths of the
# HTML report and SVG plot it wrote (about 45 s and 1.5 GiB on two cores).
# Then `rnncc prove` on the shipped claims (proofs/*.toml, docs/claims.md):
# each of the paper's results checked case by case, PASS or FAIL with the
# evidence, the paper's known errors failing with their counterexamples, and
# an HTML page organised as the paper's Figure 1 (about a minute more).
#   tools/demo.sh [output directory, default ./out/growth; the claims go to
#   its sibling ./out/prove]
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
rnncc=build/release/rnncc
out=${1:-out/growth}
mkdir -p "$out"

"$rnncc" growth \
  --csv "$out/growth.csv" --json-file "$out/growth.json" \
  --svg "$out/growth.svg" --html "$out/growth.html"
echo "Open $out/growth.html in a browser (self-contained, works offline); the plot alone is $out/growth.svg."

prove_out="$(dirname "$out")/prove"
mkdir -p "$prove_out"
"$rnncc" prove --json-file "$prove_out/prove.json" --html "$prove_out/prove.html"
echo "Open $prove_out/prove.html: the paper's Figure 1, claim by claim."
