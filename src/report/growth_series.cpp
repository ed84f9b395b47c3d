#include "rnncc/report/growth_series.hpp"

#include <utility>

namespace rnncc::report {

const Expectation& MeasureExpectations::operator[](Measure measure) const {
  switch (measure) {
    case Measure::depth:
      return depth;
    case Measure::optimized_depth:
      return optimized_depth;
    case Measure::arithmetic_depth:
      return arithmetic_depth;
    case Measure::multiplicative_depth:
      return multiplicative_depth;
    case Measure::size:
      return size;
  }
  return depth;
}

Expectation& MeasureExpectations::operator[](Measure measure) {
  return const_cast<Expectation&>(std::as_const(*this)[measure]);
}

std::string series_label(const GrowthSeries& series, bool with_format) {
  std::string label = series.model + " · " + series.schedule;
  if (with_format) label += " · " + series.format;
  return label;
}

bool formats_differ(const std::vector<GrowthSeries>& all) {
  for (const GrowthSeries& series : all)
    if (series.format != all.front().format) return true;
  return false;
}

}  // namespace rnncc::report
