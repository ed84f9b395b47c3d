#include "rnncc/report/growth_series.hpp"

namespace rnncc::report {

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
