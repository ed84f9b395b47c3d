// Depths computed analytically for lengths far beyond what can be compiled
// (`rnncc growth --analytic`): one series of (T, depth) pairs.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "rnncc/report/growth_series.hpp"

namespace rnncc::report {

/// A series of analytic depths (which may exceed GrowthPoint's 32 bits).
struct AnalyticSeries {
  /// Model, family, schedule, format and expectations; no points.
  GrowthSeries description;
  /// (T, depth) pairs in increasing T.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> depths;
};

}  // namespace rnncc::report
