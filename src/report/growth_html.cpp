#include "rnncc/report/growth_html.hpp"

#include <fmt/format.h>

#include "report_text.hpp"
#include "rnncc/common/atomic_file.hpp"
#include "rnncc/report/growth_svg.hpp"
#include "rnncc/report/lowering_comparison.hpp"
#include "rnncc/report/series_analysis.hpp"

namespace rnncc::report {

namespace {

using detail::markup_escaped;

constexpr std::string_view style = R"(
body { font-family: sans-serif; margin: 2em; color: #222; max-width: 1200px; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; }
th { background: #f0f0f0; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.match td.verdict { color: #1a7f1a; font-weight: bold; }
tr.consistent td.verdict { color: #6a6a1a; font-weight: bold; }
tr.mismatch td.verdict { color: #c01010; font-weight: bold; }
tr.mismatch { background: #fff0f0; }
td.reason { color: #555; font-size: 0.9em; }
code { background: #f4f4f4; padding: 1px 4px; }
svg { max-width: 100%; height: auto; }
)";

std::string css_class(Verdict verdict) {
  switch (verdict) {
    case Verdict::match:
      return "match";
    case Verdict::consistent:
      return "consistent";
    case Verdict::mismatch:
      return "mismatch";
    case Verdict::no_expectation:
      return "no-expectation";
    case Verdict::undetermined:
      return "undetermined";
  }
  return "";
}

std::string cell(std::string_view text) {
  return "<td>" + markup_escaped(text) + "</td>";
}

std::string number_cell(std::string_view text) {
  return "<td class=\"number\">" + markup_escaped(text) + "</td>";
}

std::string expected_text(const Expectation& expected) {
  if (!expected.growth) return "—";
  return fmt::format("{}{}{}", expected.upper_bound ? "≤ " : "", to_string(*expected.growth),
                     expected.column.empty() ? "" : " (" + expected.column + ")");
}

std::string optional_text(const std::optional<std::uint32_t>& value) {
  return value ? fmt::format("{}", *value) : std::string();
}

}  // namespace

std::string growth_html_text(const std::vector<GrowthSeries>& all, const ReportContext& context) {
  const bool with_format = formats_differ(all);
  std::vector<std::vector<MeasureAnalysis>> analyses = analyse_all(all, context.tolerance);
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
                      markup_escaped(context.title), style);
  html += fmt::format("<h1>{}</h1>\n", markup_escaped(context.title));
  if (!context.command.empty())
    html += fmt::format("<p>Command: <code>{}</code></p>\n", markup_escaped(context.command));

  std::size_t mismatches = 0;
  for (const auto& series_analyses : analyses)
    for (const MeasureAnalysis& analysis : series_analyses)
      if (analysis.verdict == Verdict::mismatch) ++mismatches;
  html += fmt::format(
      "<p class=\"summary\">{} series; {} mismatch{} between measured and "
      "expected growth.</p>\n",
      all.size(), mismatches, mismatches == 1 ? "" : "es");

  html +=
      "<h2>Verdicts</h2>\n<table id=\"verdicts\">\n<tr><th>series</th><th>measure</th>"
      "<th>measured</th><th>expected</th><th>verdict</th><th>why measured</th>"
      "<th>why expected</th></tr>\n";
  for (std::size_t s = 0; s < all.size(); ++s) {
    for (const MeasureAnalysis& analysis : analyses[s]) {
      html += fmt::format(
          "<tr class=\"verdict {}\">{}{}{}{}<td class=\"verdict\">{}</td><td "
          "class=\"reason\">{}</td><td class=\"reason\">{}</td></tr>\n",
          css_class(analysis.verdict), cell(series_label(all[s], with_format)),
          cell(to_string(analysis.measure)), cell(to_string(analysis.classification.growth)),
          cell(expected_text(analysis.expected)), markup_escaped(to_string(analysis.verdict)),
          markup_escaped(analysis.classification.reason), markup_escaped(analysis.expected.reason));
    }
  }
  html += "</table>\n";

  html += "<h2>Plot</h2>\n<figure>\n" + growth_svg_text(all) + "</figure>\n";

  html +=
      "<h2>Least-squares fits</h2>\n<table id=\"fits\">\n<tr><th>series</th><th>measure</th>"
      "<th>against</th><th>fit</th><th>R²</th></tr>\n";
  for (std::size_t s = 0; s < all.size(); ++s) {
    for (const MeasureAnalysis& analysis : analyses[s]) {
      for (const GrowthFit& fit : analysis.fits) {
        html += fmt::format(
            "<tr class=\"fit\">{}{}{}{}{}</tr>\n", cell(series_label(all[s], with_format)),
            cell(to_string(analysis.measure)), cell(to_string(fit.basis)),
            cell(detail::fit_formula(fit)),
            number_cell(fmt::format("{:.6f}", static_cast<double>(fit.line.r_squared))));
      }
    }
  }
  html += "</table>\n";

  html +=
      "<h2>Measurements</h2>\n<table id=\"measurements\">\n<tr><th>model</th><th>family</th>"
      "<th>schedule</th><th>format</th><th>T</th><th>ands</th><th>depth</th>"
      "<th>opt_depth</th><th>arith_depth</th><th>mult_depth</th><th>max_width</"
      "th><th>precision_bits</th>"
      "<th>bits_observed</th><th>brent_16</th><th>brent_256</th><th>compile_seconds</"
      "th><th>peak_bytes</th></tr>\n";
  for (const GrowthSeries& series : all) {
    for (const GrowthPoint& point : series.points) {
      html += fmt::format("<tr class=\"point\" data-series=\"{}\">{}{}{}{}",
                          markup_escaped(series_label(series, with_format)), cell(series.model),
                          cell(series.family), cell(series.schedule), cell(series.format));
      for (const std::string& value :
           {fmt::format("{}", point.length), fmt::format("{}", point.ands),
            fmt::format("{}", point.depth), fmt::format("{}", point.optimized_depth),
            optional_text(point.arithmetic_depth), optional_text(point.multiplicative_depth),
            fmt::format("{}", point.max_width), fmt::format("{}", point.precision_bits),
            point.bits_observed == 0 ? std::string("-") : fmt::format("{}", point.bits_observed),
            fmt::format("{}", point.brent_16), fmt::format("{}", point.brent_256),
            fmt::format("{:.3f}", point.compile_seconds), fmt::format("{}", point.peak_bytes)})
        html += number_cell(value);
      html += "</tr>\n";
    }
  }
  html += "</table>\n";

  const std::vector<LoweringComparison> comparisons = compare_lowerings(all);
  if (!comparisons.empty()) {
    html +=
        "<h2>Binary and residue lowerings</h2>\n<table id=\"lowerings\">\n<tr><th>model</th>"
        "<th>schedule</th><th>format</th><th>T</th><th>depth binary</th><th>depth rns</th>"
        "<th>binary/rns depth</th><th>ands binary</th><th>ands rns</th></tr>\n";
    for (const LoweringComparison& row : comparisons) {
      html += fmt::format("<tr class=\"lowering\">{}{}{}", cell(row.model), cell(row.schedule),
                          cell(row.format));
      for (const std::string& value :
           {fmt::format("{}", row.length), fmt::format("{}", row.binary_depth),
            fmt::format("{}", row.residue_depth), fmt::format("{:.2f}", row.depth_ratio()),
            fmt::format("{}", row.binary_ands), fmt::format("{}", row.residue_ands)})
        html += number_cell(value);
      html += "</tr>\n";
    }
    html += "</table>\n";
  }

  if (!context.notes.empty()) {
    html += "<h2>Notes</h2>\n<ul id=\"notes\">\n";
    for (const std::string& note : context.notes)
      html += "<li>" + markup_escaped(note) + "</li>\n";
    html += "</ul>\n";
  }

  html += fmt::format(
      "<h2>How classes are decided</h2>\n<p>From the doubling increments Δ = D(2T) − D(T): "
      "<code>constant</code> when all values lie within {0} of each other; <code>log</code> when "
      "the least-squares trend of Δ against log2 T rises by at most 6τ + ρ·|mean Δ| over the "
      "sampled range; <code>linear</code> when every Δ is positive and log2 Δ rises by 1 ± {1} "
      "per doubling; <code>log^2</code> when Δ grows linearly in log2 T (every residual within "
      "4τ + ρ/2 · rise); otherwise <code>other</code>; <code>unknown</code> with fewer than {2} "
      "increments. Here τ = {3} and ρ = {4}. An expectation marked ≤ is an upper bound: slower "
      "growth also matches. In parentheses, the column of the paper's Figure 1 whose bound the "
      "expectation stands for. <code>consistent</code> marks a nonlinear RNN's circuit that grows "
      "as expected of the schedule: it shows what this circuit costs, not that no shallower "
      "circuit exists — the paper's lower bounds are conditional (L or P not in NC) and rest on "
      "constructions solving complete problems (<code>rnncc prove</code>).</p>\n",
      detail::shortest_decimal(static_cast<double>(2 * context.tolerance.noise)),
      detail::shortest_decimal(static_cast<double>(context.tolerance.doubling_slope)),
      context.tolerance.minimum_increments,
      detail::shortest_decimal(static_cast<double>(context.tolerance.noise)),
      detail::shortest_decimal(static_cast<double>(context.tolerance.relative)));
  html += "</body>\n</html>\n";
  return html;
}

void write_growth_html(const std::filesystem::path& path, const std::vector<GrowthSeries>& all,
                       const ReportContext& context) {
  write_file_atomically(path, growth_html_text(all, context));
}

}  // namespace rnncc::report
