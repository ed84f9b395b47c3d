// How many AND nodes sit at each level, and what that means for P processors.
#pragma once

#include <cstdint>
#include <vector>

#include "rnncc/logic/aig.hpp"

namespace rnncc::analysis {

/// width[l] = number of AND nodes at level l (l = 1 .. depth of the deepest
/// node; width[0] = 0 since level 0 holds only inputs and the constant).
struct LevelProfile {
  std::vector<std::uint64_t> width;

  /// The largest level width (0 for a circuit without ANDs).
  std::uint64_t max_width() const;
  /// Brent time T_P = Σ_l ⌈w_l / P⌉ for `processors` ≥ 1.
  std::uint64_t brent_time(std::uint64_t processors) const;
};

/// The level profile of every AND node of `aig` (dangling ones included).
LevelProfile level_profile(const logic::Aig& aig);

}  // namespace rnncc::analysis
