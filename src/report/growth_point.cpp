#include "rnncc/report/growth_point.hpp"

#include "rnncc/analysis/level_profile.hpp"

namespace rnncc::report {

GrowthPoint measure_growth_point(std::uint64_t length, const logic::Aig& aig,
                                 const arith::Circuit* arithmetic, std::uint64_t precision_bits,
                                 double compile_seconds, std::uint64_t peak_bytes) {
  const analysis::LevelProfile profile = analysis::level_profile(aig);
  GrowthPoint point;
  point.length = length;
  point.ands = aig.and_count();
  point.depth = aig.depth();
  point.optimized_depth = point.depth;
  if (arithmetic != nullptr) {
    const arith::CircuitStatistics statistics = arithmetic->statistics();
    point.arithmetic_depth = statistics.arithmetic_depth;
    point.multiplicative_depth = statistics.multiplicative_depth;
  }
  point.max_width = profile.max_width();
  point.precision_bits = precision_bits;
  point.brent_16 = profile.brent_time(16);
  point.brent_256 = profile.brent_time(256);
  point.compile_seconds = compile_seconds;
  point.peak_bytes = peak_bytes;
  return point;
}

}  // namespace rnncc::report
