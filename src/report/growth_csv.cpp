#include "rnncc/report/growth_csv.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report_text.hpp"
#include "rnncc/common/atomic_file.hpp"

namespace rnncc::report {

namespace {

std::string csv_cell(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string optional_cell(const std::optional<std::uint32_t>& value) {
  return value ? fmt::format("{}", *value) : std::string();
}

/// The model, family, schedule and format cells of `series`' rows.
std::string name_cells(const GrowthSeries& series) {
  return fmt::format("{},{},{},{}", csv_cell(series.model), csv_cell(series.family),
                     csv_cell(series.schedule), csv_cell(series.format));
}

}  // namespace

std::string growth_csv_header() {
  return fmt::format("{}\n", fmt::join(growth_csv_columns, ","));
}

std::string growth_csv_row(const GrowthSeries& series, const GrowthPoint& point) {
  return fmt::format(
      "{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", name_cells(series), point.length, point.ands,
      point.depth, point.optimized_depth, optional_cell(point.arithmetic_depth),
      optional_cell(point.multiplicative_depth), point.max_width, point.precision_bits,
      point.bits_observed == 0 ? std::string() : std::to_string(point.bits_observed),
      point.brent_16, point.brent_256, detail::shortest_decimal(point.compile_seconds),
      point.peak_bytes);
}

std::string growth_csv_text(const std::vector<GrowthSeries>& all) {
  std::string text = growth_csv_header();
  for (const GrowthSeries& series : all) {
    for (const GrowthPoint& point : series.points)
      text += growth_csv_row(series, point);
  }
  return text;
}

void write_growth_csv(const std::filesystem::path& path, const std::vector<GrowthSeries>& all) {
  write_file_atomically(path, growth_csv_text(all));
}

std::string analytic_csv_text(const std::vector<AnalyticSeries>& all) {
  std::string text = fmt::format("{}\n", fmt::join(analytic_csv_columns, ","));
  for (const AnalyticSeries& series : all) {
    const std::string prefix = name_cells(series.description);
    for (const auto& [length, depth] : series.depths)
      text += fmt::format("{},{},{}\n", prefix, length, depth);
  }
  return text;
}

void write_analytic_csv(const std::filesystem::path& path, const std::vector<AnalyticSeries>& all) {
  write_file_atomically(path, analytic_csv_text(all));
}

}  // namespace rnncc::report
