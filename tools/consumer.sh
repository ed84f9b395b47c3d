#!/usr/bin/env bash
# Checks the installed library as another project uses it: installs a built
# rnncc tree into a temporary prefix (cmake --install), configures and builds
# tests/consumer against it with find_package(rnncc), and runs the program,
# which multiplies with a circuit built through the library. The consumer is
# compiled with the tree's compiler and flags (so a sanitizer build links).
#   tools/consumer.sh [BUILD_DIRECTORY]     (default: build/release)
# CTest runs it as the test labelled `consumer` (skip it with -LE consumer).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build/release}" && pwd)
cache="$build/CMakeCache.txt"
[[ -f $cache ]] || { echo "consumer.sh: $build is not a configured build tree (no CMakeCache.txt)" >&2; exit 2; }
cache_value() { sed -n "s/^$1:[A-Z]*=//p" "$cache" | head -n 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/rnncc-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT
log="$work/log"
run() {
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    echo "consumer.sh: failed: $*" >&2
    exit 1
  fi
}
run cmake --install "$build" --prefix "$work/prefix"
run cmake -S "$root/tests/consumer" -B "$work/build" \
  -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_BUILD_TYPE="$(cache_value CMAKE_BUILD_TYPE)" \
  -DCMAKE_CXX_COMPILER="$(cache_value CMAKE_CXX_COMPILER)" \
  -DCMAKE_CXX_FLAGS="$(cache_value CMAKE_CXX_FLAGS)"
run cmake --build "$work/build" -j2
"$work/build/multiply_check" "$work/multiply.aig"
