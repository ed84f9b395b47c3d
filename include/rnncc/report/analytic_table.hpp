// Analytic depth series as a terminal report.
#pragma once

#include <string>
#include <vector>

#include "rnncc/report/analytic_series.hpp"

namespace rnncc::report {

/// One row per series × length (model, schedule, format, T, depth), padded
/// to align, under a bold header when `colour`, otherwise a dashed rule;
/// then one line per series, "LABEL: depth is CLASS (expected E): VERDICT",
/// E being "<= CLASS" for an upper bound and "-" when the series expects
/// nothing (verdicts green or red when `colour`); then "note: " and each of
/// `notes`, one per line.
std::string render_analytic_report(const std::vector<AnalyticSeries>& all,
                                   const std::vector<std::string>& notes, bool colour);

}  // namespace rnncc::report
