#include "rnncc/report/growth_class.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "rnncc/common/enum_names.hpp"
#include "rnncc/report/growth_fit.hpp"

namespace rnncc::report {

namespace {

constexpr EnumNames<GrowthClass, 6> growth_names{{
    {GrowthClass::constant, "constant"},
    {GrowthClass::log, "log"},
    {GrowthClass::log_squared, "log^2"},
    {GrowthClass::linear, "linear"},
    {GrowthClass::other, "other"},
    {GrowthClass::unknown, "unknown"},
}};
static_assert(names_are_distinct(growth_names));

}  // namespace

std::string_view to_string(GrowthClass growth) {
  return name_in(growth_names, growth);
}

std::optional<GrowthClass> parse_growth_class(std::string_view text) {
  return parse_in(growth_names, text);
}

std::vector<DoublingIncrement> doubling_increments(std::span<const Sample> samples) {
  std::vector<DoublingIncrement> increments;
  for (const Sample& sample : samples) {
    if (sample.length > (std::uint64_t{1} << 62)) break;
    const std::uint64_t doubled = sample.length * 2;
    auto found = std::lower_bound(
        samples.begin(), samples.end(), doubled,
        [](const Sample& candidate, std::uint64_t length) { return candidate.length < length; });
    if (found != samples.end() && found->length == doubled)
      increments.push_back(
          {std::log2(static_cast<long double>(sample.length)), found->value - sample.value});
  }
  return increments;
}

Classification classify(std::span<const Sample> samples, const ClassificationTolerance& tolerance) {
  Classification result;
  result.increments = doubling_increments(samples);
  const std::vector<DoublingIncrement>& increments = result.increments;
  const long double tau = tolerance.noise, rho = tolerance.relative;
  if (increments.size() < std::max<std::size_t>(tolerance.minimum_increments, 2)) {
    result.growth = GrowthClass::unknown;
    result.reason = fmt::format("{} doubling increment(s); at least {} are needed",
                                increments.size(), tolerance.minimum_increments);
    return result;
  }
  auto [lowest, highest] =
      std::minmax_element(samples.begin(), samples.end(),
                          [](const Sample& a, const Sample& b) { return a.value < b.value; });
  if (highest->value - lowest->value <= 2 * tau) {
    result.growth = GrowthClass::constant;
    result.reason = fmt::format("all values within {:g} of each other",
                                static_cast<double>(highest->value - lowest->value));
    return result;
  }
  std::vector<long double> k, delta;
  long double mean_delta = 0;
  for (const DoublingIncrement& increment : increments) {
    k.push_back(increment.log2_length);
    delta.push_back(increment.increment);
    mean_delta += increment.increment;
  }
  mean_delta /= static_cast<long double>(delta.size());
  const long double smallest = *std::min_element(delta.begin(), delta.end());
  if (smallest < -2 * tau) {
    result.growth = GrowthClass::other;
    result.reason = fmt::format("decreasing: an increment is {:g}", static_cast<double>(smallest));
    return result;
  }
  const long double range = k.back() - k.front();
  std::optional<LineFit> trend = fit_line(k, delta);
  // The k are distinct, so the fit exists; guard anyway.
  const long double beta = trend ? trend->slope : 0;
  const long double alpha = trend ? trend->intercept : mean_delta;
  result.trend_rise = beta * range;
  const long double bounded_limit = 6 * tau + rho * std::fabs(mean_delta);
  if (result.trend_rise <= bounded_limit) {
    result.growth = GrowthClass::log;
    result.reason = fmt::format(
        "increments bounded: mean {:.4g}, trend rise {:.4g} <= {:.4g} over {:.3g} doublings",
        static_cast<double>(mean_delta), static_cast<double>(result.trend_rise),
        static_cast<double>(bounded_limit), static_cast<double>(range));
    return result;
  }
  if (smallest > 0) {
    std::vector<long double> log_delta;
    for (long double value : delta)
      log_delta.push_back(std::log2(value));
    if (std::optional<LineFit> doubling = fit_line(k, log_delta)) {
      result.increment_doubling_slope = doubling->slope;
      if (std::fabs(doubling->slope - 1) <= tolerance.doubling_slope) {
        result.growth = GrowthClass::linear;
        result.reason =
            fmt::format("increments double with T: log2(increment) rises {:.3f} per doubling",
                        static_cast<double>(doubling->slope));
        return result;
      }
    }
  }
  long double worst_residual = 0;
  for (std::size_t i = 0; i < delta.size(); ++i)
    worst_residual = std::max(worst_residual, std::fabs(delta[i] - (alpha + beta * k[i])));
  const long double line_limit = 4 * tau + rho / 2 * result.trend_rise;
  if (beta > 0 && worst_residual <= line_limit) {
    result.growth = GrowthClass::log_squared;
    result.reason = fmt::format(
        "increments grow linearly in log T: {:.4g} per doubling, worst residual {:.3g} <= {:.3g}",
        static_cast<double>(beta), static_cast<double>(worst_residual),
        static_cast<double>(line_limit));
    return result;
  }
  result.growth = GrowthClass::other;
  result.reason = fmt::format(
      "increments grow (trend rise {:.4g}) but neither linearly in log T (worst residual "
      "{:.3g}) nor doubling with T{}",
      static_cast<double>(result.trend_rise), static_cast<double>(worst_residual),
      result.increment_doubling_slope
          ? fmt::format(" (log2 slope {:.3f})",
                        static_cast<double>(*result.increment_doubling_slope))
          : std::string());
  return result;
}

}  // namespace rnncc::report
