// Which measure of a growth series is being classified, and its samples.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace rnncc::report {

struct GrowthSeries;  // growth_series.hpp, which includes this header

/// The measures whose growth in T a report classifies.
enum class Measure {
  depth,                 ///< Boolean depth (AND levels) as lowered
  optimized_depth,       ///< Boolean depth after the report's optimisation
  arithmetic_depth,      ///< word-level + − × depth
  multiplicative_depth,  ///< word-level × depth
  size,                  ///< AND count
};

/// All measures, in report order.
inline constexpr Measure all_measures[] = {Measure::depth, Measure::optimized_depth,
                                           Measure::arithmetic_depth, Measure::multiplicative_depth,
                                           Measure::size};

/// "depth", "opt_depth", "arith_depth", "mult_depth" or "ands" (the CSV
/// column names).
std::string_view to_string(Measure measure);

/// A measured value at one sequence length.
struct Sample {
  std::uint64_t length = 0;
  long double value = 0;
};

/// The samples of `measure` in `series`, sorted by length, from the points
/// that have the measure (arithmetic depths are absent for `table`). Throws
/// InputError naming the series when a length is 0 (it has no logarithm) or
/// appears twice.
std::vector<Sample> measure_samples(const GrowthSeries& series, Measure measure);

/// `samples` sorted by length; throws InputError (naming `context`) when a
/// length is 0 or appears twice.
std::vector<Sample> sorted_samples(std::vector<Sample> samples, std::string_view context);

}  // namespace rnncc::report
