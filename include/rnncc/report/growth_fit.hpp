// Least-squares fits of a measure against log T, log T · log log T, log² T
// and T.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "rnncc/report/measure.hpp"

namespace rnncc::report {

/// y ≈ intercept + slope · x, with the coefficient of determination.
struct LineFit {
  long double intercept = 0;
  long double slope = 0;
  /// R² = 1 − SS_residual / SS_total; 1 when every y is equal (the fit is exact).
  long double r_squared = 0;
};

/// Ordinary least squares of `y` on `x` (same length), computed in long
/// double from centred sums. Empty when fewer than two distinct x values.
std::optional<LineFit> fit_line(std::span<const long double> x, std::span<const long double> y);

/// The regressor of a growth fit.
enum class FitBasis {
  log_length,          ///< x = log2 T
  log_length_log_log,  ///< x = log2 T · log2 log2 T (0 for T < 2)
  log_length_squared,  ///< x = (log2 T)²
  length,              ///< x = T
};

/// "log T", "log T·loglog T", "log^2 T" or "T".
std::string_view to_string(FitBasis basis);

/// One fit of a measure against one basis.
struct GrowthFit {
  FitBasis basis;
  LineFit line;
};

/// Fits of the samples' values against log2 T, log2 T · log2 log2 T, log2² T
/// and T, in that order;
/// empty when the samples hold fewer than two lengths.
std::vector<GrowthFit> growth_fits(std::span<const Sample> samples);

}  // namespace rnncc::report
