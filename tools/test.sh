#!/usr/bin/env bash
# Sets up (tools/setup.sh) and runs the whole test suite through CTest.
#   RNNCC_PRESET=debug tools/test.sh   the same under ASan + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
preset=${RNNCC_PRESET:-release}
ctest --preset "$preset"
