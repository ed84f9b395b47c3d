#!/usr/bin/env bash
# Installs the Debian packages rnncc needs (when any is missing) and builds
# the Release preset. Idempotent and quiet when everything is present.
#   tools/setup.sh            build dependencies + test tools, then build
#   RNNCC_PRESET=debug tools/setup.sh   build another preset
#   RNNCC_PRESET=fuzz tools/setup.sh    the libFuzzer harnesses (clang-14)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake make pkg-config
  libboost-graph-dev libfmt-dev doctest-dev libgmp-dev libmpfr-dev libtbb-dev
  libcli11-dev libtomlplusplus-dev nlohmann-json3-dev libcadical-dev libbenchmark-dev
  berkeley-abc chromium yosys iverilog graphviz
  clang-14 libfuzzer-14-dev
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "installed" ]] || missing+=("$package")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: missing packages: ${missing[*]} (run as root to install them)" >&2
    exit 2
  fi
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

preset=${RNNCC_PRESET:-release}
jobs=${RNNCC_JOBS:-2}
cmake --preset "$preset" >/dev/null
# The filter's own status is ignored; a failed build fails the pipeline
# (pipefail) and so the script.
cmake --build --preset "$preset" -j "$jobs" |
  { grep -vE '^\[ *[0-9]+%\] (Building|Linking|Built)' || true; }
