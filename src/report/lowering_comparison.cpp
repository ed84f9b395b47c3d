#include "rnncc/report/lowering_comparison.hpp"

#include <fmt/format.h>

#include "text_table.hpp"

namespace rnncc::report {

namespace {

/// The suffix the sweep appends to the format of a residue series.
constexpr std::string_view residue_suffix = "/rns";

}  // namespace

double LoweringComparison::depth_ratio() const {
  if (residue_depth == 0) return 0;
  return static_cast<double>(binary_depth) / static_cast<double>(residue_depth);
}

std::vector<LoweringComparison> compare_lowerings(const std::vector<GrowthSeries>& all) {
  std::vector<LoweringComparison> comparisons;
  for (const GrowthSeries& binary : all) {
    if (binary.format.ends_with(residue_suffix)) continue;
    const std::string residue_format = binary.format + std::string(residue_suffix);
    for (const GrowthSeries& residue : all) {
      if (residue.model != binary.model || residue.schedule != binary.schedule ||
          residue.format != residue_format)
        continue;
      for (const GrowthPoint& point : binary.points) {
        for (const GrowthPoint& other : residue.points) {
          if (other.length != point.length) continue;
          comparisons.push_back({binary.model, binary.schedule, binary.format, point.length,
                                 point.depth, other.depth, point.ands, other.ands});
        }
      }
    }
  }
  return comparisons;
}

std::string render_lowering_comparison(const std::vector<LoweringComparison>& comparisons,
                                       bool colour) {
  if (comparisons.empty()) return "";
  detail::TextTable table;
  table.headers = {"model",     "schedule",   "T",           "depth binary",
                   "depth rns", "binary/rns", "ands binary", "ands rns"};
  table.right_aligned = {false, false, true, true, true, true, true, true};
  for (const LoweringComparison& row : comparisons) {
    table.rows.push_back({{row.model, ""},
                          {row.schedule, ""},
                          {fmt::format("{}", row.length), ""},
                          {fmt::format("{}", row.binary_depth), ""},
                          {fmt::format("{}", row.residue_depth), ""},
                          {fmt::format("{:.2f}", row.depth_ratio()), ""},
                          {fmt::format("{}", row.binary_ands), ""},
                          {fmt::format("{}", row.residue_ands), ""}});
  }
  return table.render(colour);
}

}  // namespace rnncc::report
