#include "rnncc/report/growth_fit.hpp"

#include <cmath>

namespace rnncc::report {

std::optional<LineFit> fit_line(std::span<const long double> x, std::span<const long double> y) {
  const std::size_t count = x.size();
  if (count < 2 || y.size() != count) return std::nullopt;
  long double x_mean = 0, y_mean = 0;
  for (std::size_t i = 0; i < count; ++i) {
    x_mean += x[i];
    y_mean += y[i];
  }
  x_mean /= static_cast<long double>(count);
  y_mean /= static_cast<long double>(count);
  long double sum_xx = 0, sum_xy = 0, sum_yy = 0;
  for (std::size_t i = 0; i < count; ++i) {
    long double dx = x[i] - x_mean, dy = y[i] - y_mean;
    sum_xx += dx * dx;
    sum_xy += dx * dy;
    sum_yy += dy * dy;
  }
  if (sum_xx == 0) return std::nullopt;
  LineFit fit;
  fit.slope = sum_xy / sum_xx;
  fit.intercept = y_mean - fit.slope * x_mean;
  long double residual = 0;
  for (std::size_t i = 0; i < count; ++i) {
    long double error = y[i] - (fit.intercept + fit.slope * x[i]);
    residual += error * error;
  }
  fit.r_squared = sum_yy == 0 ? 1.0L : 1.0L - residual / sum_yy;
  return fit;
}

std::string_view to_string(FitBasis basis) {
  switch (basis) {
    case FitBasis::log_length:
      return "log T";
    case FitBasis::log_length_log_log:
      return "log T·loglog T";
    case FitBasis::log_length_squared:
      return "log^2 T";
    case FitBasis::length:
      return "T";
  }
  return "?";
}

std::vector<GrowthFit> growth_fits(std::span<const Sample> samples) {
  std::vector<long double> log_length, log_log, log_squared, length, value;
  for (const Sample& sample : samples) {
    long double k = std::log2(static_cast<long double>(sample.length));
    log_length.push_back(k);
    log_log.push_back(k >= 1 ? k * std::log2(k) : 0);
    log_squared.push_back(k * k);
    length.push_back(static_cast<long double>(sample.length));
    value.push_back(sample.value);
  }
  std::vector<GrowthFit> fits;
  const std::pair<FitBasis, const std::vector<long double>*> bases[] = {
      {FitBasis::log_length, &log_length},
      {FitBasis::log_length_log_log, &log_log},
      {FitBasis::log_length_squared, &log_squared},
      {FitBasis::length, &length}};
  for (const auto& [basis, regressor] : bases) {
    if (std::optional<LineFit> line = fit_line(*regressor, value)) fits.push_back({basis, *line});
  }
  return fits;
}

}  // namespace rnncc::report
