// Everything a report says about one series: per measure, the measured
// class, the fits, the paper's expectation (as the series carries it) and
// the verdict.
#pragma once

#include <cstddef>
#include <vector>

#include "rnncc/report/expectation.hpp"
#include "rnncc/report/growth_class.hpp"
#include "rnncc/report/growth_fit.hpp"
#include "rnncc/report/growth_series.hpp"
#include "rnncc/report/measure.hpp"

namespace rnncc::report {

/// The analysis of one measure of one series.
struct MeasureAnalysis {
  Measure measure = Measure::depth;
  std::size_t sample_count = 0;
  Classification classification;
  std::vector<GrowthFit> fits;  ///< against log T, log² T, T (when ≥ 2 lengths)
  Expectation expected;
  Verdict verdict = Verdict::no_expectation;
};

/// The analysis of every measure the series has (depth, arithmetic depth
/// and multiplicative depth when present, size), in all_measures order.
/// Throws InputError when a length is 0 or repeated.
std::vector<MeasureAnalysis> analyse_series(const GrowthSeries& series,
                                            const ClassificationTolerance& tolerance = {});

/// The analyses of all series, in the same order.
std::vector<std::vector<MeasureAnalysis>> analyse_all(
    const std::vector<GrowthSeries>& all, const ClassificationTolerance& tolerance = {});

}  // namespace rnncc::report
