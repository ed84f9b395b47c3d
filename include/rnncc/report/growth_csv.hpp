// Growth series as CSV: a header row, then one row per series × length;
// the measured series with every measure, the analytic ones with depths.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/report/analytic_series.hpp"
#include "rnncc/report/growth_series.hpp"

namespace rnncc::report {

/// The CSV columns, in order.
inline constexpr std::array<std::string_view, 17> growth_csv_columns = {
    "model",         "family",    "schedule",    "format",          "T",         "ands",
    "depth",         "opt_depth", "arith_depth", "mult_depth",      "max_width", "precision_bits",
    "bits_observed", "brent_16",  "brent_256",   "compile_seconds", "peak_bytes"};

/// The header row of growth_csv_columns, "\n"-terminated.
std::string growth_csv_header();

/// The row of `point` of `series` as growth_csv_text writes it, "\n"-terminated
/// (so that a sweep can write its rows as it measures them).
std::string growth_csv_row(const GrowthSeries& series, const GrowthPoint& point);

/// RFC 4180 CSV: header row of growth_csv_columns, then one row per point
/// of each series in order. Absent arithmetic depths are empty cells;
/// compile_seconds is the shortest decimal that reads back as the same
/// double; text cells holding , " CR or LF are quoted with "" for ".
/// Lines end in "\n".
std::string growth_csv_text(const std::vector<GrowthSeries>& all);

/// Writes growth_csv_text(all) to `path` atomically (throws InputError
/// naming the path when it cannot be written).
void write_growth_csv(const std::filesystem::path& path, const std::vector<GrowthSeries>& all);

/// The columns of the analytic CSV, in order.
inline constexpr std::array<std::string_view, 6> analytic_csv_columns = {
    "model", "family", "schedule", "format", "T", "depth"};

/// RFC 4180 CSV: header row of analytic_csv_columns, then one row per
/// (T, depth) of each series in order, text cells quoted as in
/// growth_csv_text. Lines end in "\n".
std::string analytic_csv_text(const std::vector<AnalyticSeries>& all);

/// Writes analytic_csv_text(all) to `path` atomically (throws InputError
/// naming the path when it cannot be written).
void write_analytic_csv(const std::filesystem::path& path, const std::vector<AnalyticSeries>& all);

}  // namespace rnncc::report
