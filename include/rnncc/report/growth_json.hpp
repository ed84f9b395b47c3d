// Growth series and their analyses as JSON.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "rnncc/report/growth_series.hpp"
#include "rnncc/report/report_context.hpp"

namespace rnncc::report {

/// A JSON document (2-space indent, keys in the order below):
/// {"title", "command", "notes": [..], "series": [{"model", "family",
/// "schedule", "format", "label", "points": [{"T", "ands", "depth",
/// "arith_depth" (null when absent), "mult_depth" (null when absent),
/// "max_width", "precision_bits", "brent_16", "brent_256",
/// "compile_seconds", "peak_bytes"}], "analysis": [{"measure" (CSV column
/// name), "samples", "class", "reason", "increments": [{"log2_T", "delta"}],
/// "trend_rise", "fits": [{"basis", "intercept", "slope", "r_squared"}],
/// "expected" (class or null), "expected_upper_bound", "expected_reason",
/// "expected_column" (the paper's Figure 1 column, "" when none),
/// "expected_circuit_only" (the expectation speaks only of this circuit),
/// "verdict"}]}]}. Integers are exact; reals are doubles.
std::string growth_json_text(const std::vector<GrowthSeries>& all,
                             const ReportContext& context = {});

/// Writes growth_json_text to `path` atomically.
void write_growth_json(const std::filesystem::path& path, const std::vector<GrowthSeries>& all,
                       const ReportContext& context = {});

}  // namespace rnncc::report
