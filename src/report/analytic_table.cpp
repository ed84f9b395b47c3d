#include "rnncc/report/analytic_table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rnncc/report/expectation.hpp"
#include "rnncc/report/growth_class.hpp"

namespace rnncc::report {

std::string render_analytic_report(const std::vector<AnalyticSeries>& all,
                                   const std::vector<std::string>& notes, bool colour) {
  std::size_t model_width = 5, schedule_width = 8, format_width = 6;
  for (const AnalyticSeries& analytic : all) {
    const GrowthSeries& series = analytic.description;
    model_width = std::max(model_width, series.model.size());
    schedule_width = std::max(schedule_width, series.schedule.size());
    format_width = std::max(format_width, series.format.size());
  }
  const std::string bold = colour ? "\033[1m" : "";
  const std::string plain = colour ? "\033[0m" : "";
  std::string text = fmt::format("{}{:<{}}  {:<{}}  {:<{}}  {:>20}  {:>20}{}\n", bold, "model",
                                 model_width, "schedule", schedule_width, "format", format_width,
                                 "T", "depth (analytic)", plain);
  if (!colour) {
    text += std::string(model_width + schedule_width + format_width + 48, '-') + "\n";
  }
  for (const AnalyticSeries& analytic : all) {
    const GrowthSeries& series = analytic.description;
    for (const auto& [length, depth] : analytic.depths) {
      text +=
          fmt::format("{:<{}}  {:<{}}  {:<{}}  {:>20}  {:>20}\n", series.model, model_width,
                      series.schedule, schedule_width, series.format, format_width, length, depth);
    }
  }
  text += "\n";
  for (const AnalyticSeries& analytic : all) {
    const GrowthSeries& series = analytic.description;
    std::vector<Sample> samples;
    for (const auto& [length, depth] : analytic.depths)
      samples.push_back({length, static_cast<long double>(depth)});
    const Classification measured = classify(samples);
    const Expectation& expected = series.expected.depth;
    const Verdict verdict = judge(expected, measured.growth);
    std::string expected_text = "-";
    if (expected.growth) {
      expected_text = std::string(expected.upper_bound ? "<= " : "") +
                      std::string(to_string(*expected.growth)) +
                      (expected.column.empty() ? "" : " (" + expected.column + ")");
    }
    std::string verdict_text(to_string(verdict));
    if (colour && verdict == Verdict::match) verdict_text = "\033[32m" + verdict_text + plain;
    if (colour && verdict == Verdict::mismatch) {
      verdict_text = "\033[31m" + verdict_text + plain;
    }
    text += fmt::format("{}: depth is {} (expected {}): {}\n", series_label(series, true),
                        to_string(measured.growth), expected_text, verdict_text);
  }
  for (const std::string& note : notes)
    text += "note: " + note + "\n";
  return text;
}

}  // namespace rnncc::report
