#include "rnncc/report/growth_class.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "rnncc/common/enum_names.hpp"
#include "rnncc/report/growth_fit.hpp"

namespace rnncc::report {

namespace {

constexpr EnumNames<GrowthClass, 7> growth_names{{
    {GrowthClass::constant, "constant"},
    {GrowthClass::log, "log"},
    {GrowthClass::log_log_log, "log·loglog"},
    {GrowthClass::log_squared, "log^2"},
    {GrowthClass::linear, "linear"},
    {GrowthClass::other, "other"},
    {GrowthClass::unknown, "unknown"},
}};
static_assert(names_are_distinct(growth_names));

/// Step 7 of the rule: the reason for `log·loglog` when the increments
/// follow α' + β'·log2 k within the tolerance, with at most half the
/// squared residuals of the line in k (`line_squared_residuals`), and that
/// line misses by more than noise; else empty.
std::optional<std::string> log_log_log_reason(const std::vector<long double>& k,
                                              const std::vector<long double>& delta,
                                              long double line_squared_residuals,
                                              const ClassificationTolerance& tolerance) {
  if (k.front() < 1) return std::nullopt;
  std::vector<long double> log_k;
  for (long double value : k)
    log_k.push_back(std::log2(value));
  const std::optional<LineFit> fit = fit_line(log_k, delta);
  if (!fit || fit->slope <= 0) return std::nullopt;
  long double worst = 0, squared = 0;
  for (std::size_t i = 0; i < delta.size(); ++i) {
    const long double residual = std::fabs(delta[i] - (fit->intercept + fit->slope * log_k[i]));
    worst = std::max(worst, residual);
    squared += residual * residual;
  }
  const long double rise = fit->slope * (log_k.back() - log_k.front());
  const long double limit = 4 * tolerance.noise + tolerance.relative / 2 * rise;
  // The line in k must miss by more than value noise explains (each
  // increment is off by up to ±2τ, so about 2τ² per increment).
  const long double noise_squares =
      2 * tolerance.noise * tolerance.noise * static_cast<long double>(delta.size());
  if (worst > limit || 2 * squared > line_squared_residuals ||
      line_squared_residuals <= noise_squares)
    return std::nullopt;
  return fmt::format(
      "increments grow linearly in log log T: {:.4g} per doubling of log T, worst residual "
      "{:.3g} <= {:.3g}, squared residuals {:.3g} against {:.3g} for a line in log T",
      static_cast<double>(fit->slope), static_cast<double>(worst), static_cast<double>(limit),
      static_cast<double>(squared), static_cast<double>(line_squared_residuals));
}

}  // namespace

std::string_view to_string(GrowthClass growth) {
  return name_in(growth_names, growth);
}

std::optional<GrowthClass> parse_growth_class(std::string_view text) {
  if (text == "log*loglog") return GrowthClass::log_log_log;
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
  long double worst_residual = 0, squared_residuals = 0;
  for (std::size_t i = 0; i < delta.size(); ++i) {
    const long double residual = std::fabs(delta[i] - (alpha + beta * k[i]));
    worst_residual = std::max(worst_residual, residual);
    squared_residuals += residual * residual;
  }
  if (std::optional<std::string> reason =
          log_log_log_reason(k, delta, squared_residuals, tolerance)) {
    result.growth = GrowthClass::log_log_log;
    result.reason = *reason;
    return result;
  }
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
