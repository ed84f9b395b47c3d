// `rnncc verify MODEL --induction`: the proof that scan ≡ sequential for
// every T (verify/induction.hpp), printed check by check.
#pragma once

#include <cstddef>
#include <cstdint>

#include "model_flags.hpp"

namespace rnncc::cli {

/// What --induction reads beyond the model flags.
struct InductionFlags {
  bool json = false;
  std::uint64_t conflict_limit = 0;
  double timeout_seconds = 0;
};

/// Runs the proof on the model of `flags` (prefix networks checked for
/// every T up to --length, default 1024) and prints each check with its
/// size and verdict, as a table or as JSON. Returns success when every
/// check holds, check_failed when one fails, undecided when a limit
/// stopped one; throws InputError when the induction does not apply.
int run_induction(const ModelFlags& flags, const InductionFlags& induction);

}  // namespace rnncc::cli
