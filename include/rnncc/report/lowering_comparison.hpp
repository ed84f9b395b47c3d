// The binary and residue lowerings of one model side by side: the depth and
// size of each at every length both measured, and their ratio.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rnncc/report/growth_series.hpp"

namespace rnncc::report {

/// One length at which a model × schedule was measured in both lowerings.
struct LoweringComparison {
  std::string model, schedule;
  std::string format;  ///< the binary series' format, e.g. "exact"
  std::uint64_t length = 0;
  std::uint32_t binary_depth = 0, residue_depth = 0;
  std::uint64_t binary_ands = 0, residue_ands = 0;
  /// binary_depth / residue_depth (0 when the residue depth is 0).
  double depth_ratio() const;
};

/// For every series of `all` whose format is some F and another series of
/// the same model and schedule whose format is F + "/rns" (the residue
/// lowering's, as the sweep names it): one comparison per length both
/// measured, in the order of the binary series and then by length. Empty
/// when no such pair exists.
std::vector<LoweringComparison> compare_lowerings(const std::vector<GrowthSeries>& all);

/// The comparisons as an aligned table (model, schedule, T, depth binary,
/// depth rns, binary/rns, ands binary, ands rns), "" when there are none;
/// ANSI colour only when `colour`.
std::string render_lowering_comparison(const std::vector<LoweringComparison>& comparisons,
                                       bool colour);

}  // namespace rnncc::report
