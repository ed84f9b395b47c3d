#!/usr/bin/env bash
# Prints a SHA-256 fingerprint of every circuit `rnncc compile` writes for
# every example model under every schedule that applies to it (sequential,
# scan, chunked:3, table), in the model's own format and in mod:8, at a few
# lengths, with the outputs after the last step and after every step, as
# .aag and .arith. Two builds that print the same lines write byte-identical
# circuits; refusals are fingerprinted by their exit status.
# RNNCC_FINGERPRINT_OPTIONS adds options to every compile (e.g.
# "--optimize none" for the circuits as lowered, before balancing).
#   tools/circuit_fingerprints.sh [rnncc executable, default build/release/rnncc]
set -uo pipefail
cd "$(dirname "$0")/.."
rnncc=${1:-build/release/rnncc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for model in circuits/models/*.toml; do
  name=$(basename "$model" .toml)
  case "$name" in deltanet_kv4 | lstm_h8) continue ;; esac  # the benchmark models
  for format in "" mod:8; do
    for schedule in sequential scan chunked:3 table; do
      for length in 1 5 8; do
        for outputs in last all; do
          for extension in aag arith; do
            [[ $schedule == table && $extension == arith ]] && continue
            options=(--length "$length" --schedule "$schedule" --outputs "$outputs" --reassociate)
            [[ -n $format ]] && options+=(--format "$format")
            # shellcheck disable=SC2206  # the extra options are split on purpose
            options+=(${RNNCC_FINGERPRINT_OPTIONS:-})
            if "$rnncc" compile "$model" "${options[@]}" -o "$work/c.$extension" 2>/dev/null; then
              hash=$(sha256sum "$work/c.$extension" | cut -c1-16)
            else
              hash="exit $?"
            fi
            rm -f "$work/c.$extension"
            echo "$name ${format:-own} $schedule T=$length $outputs .$extension $hash"
          done
        done
      done
    done
  done
done
