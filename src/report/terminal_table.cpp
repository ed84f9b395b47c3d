#include "rnncc/report/terminal_table.hpp"

#include <fmt/format.h>

#include "rnncc/report/lowering_comparison.hpp"
#include "rnncc/report/series_analysis.hpp"
#include "text_table.hpp"

namespace rnncc::report {

namespace {

std::string optional_text(const std::optional<std::uint32_t>& value) {
  return value ? fmt::format("{}", *value) : "-";
}

std::string expected_text(const Expectation& expected) {
  if (!expected.growth) return "-";
  return fmt::format("{}{}{}", expected.upper_bound ? "<= " : "", to_string(*expected.growth),
                     expected.column.empty() ? "" : " (" + expected.column + ")");
}

std::string verdict_colour(Verdict verdict) {
  switch (verdict) {
    case Verdict::match:
      return "32";
    case Verdict::mismatch:
      return "1;31";
    default:
      return "33";
  }
}

}  // namespace

std::string render_terminal_table(const std::vector<GrowthSeries>& all, bool colour) {
  detail::TextTable table;
  table.headers = {"model", "schedule", "format", "T",   "ands", "depth", "opt",     "arith",
                   "mult",  "width",    "bits",   "obs", "T_16", "T_256", "seconds", "peak MiB"};
  table.right_aligned = {false, false, false, true, true, true, true, true,
                         true,  true,  true,  true, true, true, true, true};
  for (const GrowthSeries& series : all) {
    for (const GrowthPoint& point : series.points) {
      table.rows.push_back(
          {{series.model, ""},
           {series.schedule, ""},
           {series.format, ""},
           {fmt::format("{}", point.length), ""},
           {fmt::format("{}", point.ands), ""},
           {fmt::format("{}", point.depth), ""},
           {fmt::format("{}", point.optimized_depth), ""},
           {optional_text(point.arithmetic_depth), ""},
           {optional_text(point.multiplicative_depth), ""},
           {fmt::format("{}", point.max_width), ""},
           {fmt::format("{}", point.precision_bits), ""},
           {point.bits_observed == 0 ? std::string("-") : fmt::format("{}", point.bits_observed),
            ""},
           {fmt::format("{}", point.brent_16), ""},
           {fmt::format("{}", point.brent_256), ""},
           {fmt::format("{:.3f}", point.compile_seconds), ""},
           {fmt::format("{:.1f}", static_cast<double>(point.peak_bytes) / (1024.0 * 1024.0)), ""}});
    }
  }
  return table.render(colour);
}

std::string render_terminal_classes(const std::vector<GrowthSeries>& all, bool colour,
                                    const ClassificationTolerance& tolerance) {
  detail::TextTable table;
  table.headers = {"series",    "measure",        "measured",    "expected", "verdict",
                   "fit log T", "fit log·loglog", "fit log^2 T", "fit T"};
  table.right_aligned = {false, false, false, false, false, false, false, false, false};
  const bool with_format = formats_differ(all);
  for (const GrowthSeries& series : all) {
    for (const MeasureAnalysis& analysis : analyse_series(series, tolerance)) {
      std::vector<detail::TextCell> row = {
          {series_label(series, with_format), ""},
          {std::string(to_string(analysis.measure)), ""},
          {std::string(to_string(analysis.classification.growth)), "1"},
          {expected_text(analysis.expected), ""},
          {std::string(to_string(analysis.verdict)), verdict_colour(analysis.verdict)}};
      for (FitBasis basis : {FitBasis::log_length, FitBasis::log_length_log_log,
                             FitBasis::log_length_squared, FitBasis::length}) {
        std::string cell = "-";
        for (const GrowthFit& fit : analysis.fits)
          if (fit.basis == basis)
            cell = fmt::format("{:.4g} (R² {:.3f})", static_cast<double>(fit.line.slope),
                               static_cast<double>(fit.line.r_squared));
        row.push_back({cell, ""});
      }
      table.rows.push_back(std::move(row));
    }
  }
  return table.render(colour);
}

std::string render_terminal_report(const std::vector<GrowthSeries>& all, bool colour,
                                   const ReportContext& context) {
  std::string text = render_terminal_table(all, colour);
  text += "\n";
  text += render_terminal_classes(all, colour, context.tolerance);
  const std::string lowerings = render_lowering_comparison(compare_lowerings(all), colour);
  if (!lowerings.empty()) text += "\nbinary and residue (rns) lowerings:\n" + lowerings;
  const bool with_format = formats_differ(all);
  std::string mismatches;
  for (const GrowthSeries& series : all) {
    for (const MeasureAnalysis& analysis : analyse_series(series, context.tolerance)) {
      if (analysis.verdict != Verdict::mismatch) continue;
      mismatches += fmt::format(
          "{}MISMATCH{} {} {}: measured {} ({}); expected {} ({})\n", colour ? "\x1b[1;31m" : "",
          colour ? "\x1b[0m" : "", series_label(series, with_format), to_string(analysis.measure),
          to_string(analysis.classification.growth), analysis.classification.reason,
          expected_text(analysis.expected), analysis.expected.reason);
    }
  }
  if (!mismatches.empty()) text += "\n" + mismatches;
  if (!context.notes.empty()) {
    text += "\n";
    for (const std::string& note : context.notes)
      text += "note: " + note + "\n";
  }
  return text;
}

}  // namespace rnncc::report
