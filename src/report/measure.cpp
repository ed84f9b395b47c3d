#include "rnncc/report/measure.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "rnncc/common/enum_names.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/report/growth_series.hpp"

namespace rnncc::report {

namespace {

constexpr EnumNames<Measure, 5> measure_names{{
    {Measure::depth, "depth"},
    {Measure::optimized_depth, "opt_depth"},
    {Measure::arithmetic_depth, "arith_depth"},
    {Measure::multiplicative_depth, "mult_depth"},
    {Measure::size, "ands"},
}};
static_assert(names_are_distinct(measure_names));

}  // namespace

std::string_view to_string(Measure measure) {
  return name_in(measure_names, measure);
}

std::vector<Sample> sorted_samples(std::vector<Sample> samples, std::string_view context) {
  std::sort(samples.begin(), samples.end(),
            [](const Sample& a, const Sample& b) { return a.length < b.length; });
  for (std::size_t i = 0; i < samples.size(); ++i) {
    if (samples[i].length == 0)
      throw InputError(
          fmt::format("{}: length 0 has no logarithm; lengths must be at least 1", context));
    if (i > 0 && samples[i].length == samples[i - 1].length)
      throw InputError(fmt::format("{}: length {} appears twice", context, samples[i].length));
  }
  return samples;
}

std::vector<Sample> measure_samples(const GrowthSeries& series, Measure measure) {
  std::vector<Sample> samples;
  for (const GrowthPoint& point : series.points) {
    std::optional<long double> value;
    switch (measure) {
      case Measure::depth:
        value = point.depth;
        break;
      case Measure::optimized_depth:
        value = point.optimized_depth;
        break;
      case Measure::arithmetic_depth:
        if (point.arithmetic_depth) value = *point.arithmetic_depth;
        break;
      case Measure::multiplicative_depth:
        if (point.multiplicative_depth) value = *point.multiplicative_depth;
        break;
      case Measure::size:
        value = static_cast<long double>(point.ands);
        break;
    }
    if (value) samples.push_back({point.length, *value});
  }
  return sorted_samples(std::move(samples),
                        fmt::format("growth series {}", series_label(series, true)));
}

}  // namespace rnncc::report
