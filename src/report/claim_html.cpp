#include "rnncc/report/claim_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "report_text.hpp"
#include "rnncc/common/atomic_file.hpp"
#include "rnncc/report/growth_class.hpp"
#include "rnncc/report/growth_fit.hpp"

namespace rnncc::report {

namespace {

using detail::markup_escaped;

constexpr std::string_view style = R"(
body { font-family: sans-serif; font-size: 15px; margin: 2em; color: #222; max-width: 1400px; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 2em; } h3 { font-size: 1.1em; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 14px; }
th, td { border: 1px solid #bbb; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
table#figure1 td { width: 18%; }
td.column.TC0, th.TC0 { border-top: 4px solid #1f77b4; }
td.column.NC1, th.NC1 { border-top: 4px solid #2ca02c; }
td.column.PNC1, th.PNC1 { border-top: 4px solid #9467bd; }
td.column.L, th.L { border-top: 4px solid #ff7f0e; }
td.column.P, th.P { border-top: 4px solid #d62728; }
.pass { color: #1a7f1a; font-weight: bold; }
.fail { color: #8a5a00; font-weight: bold; }
.unexpected { color: #c01010; font-weight: bold; }
tr.case.unexpected { background: #fff0f0; }
ul.items { margin: 0; padding-left: 1.1em; }
td.evidence { font-size: 13px; color: #444; }
code { background: #f4f4f4; padding: 1px 4px; }
p.note { background: #f7f7f2; border-left: 4px solid #bbb; padding: 0.5em 1em; }
svg { max-width: 100%; height: auto; }
)";

struct ColumnFacts {
  std::string_view name;
  std::string_view colour;
  std::string_view sentence;
};

constexpr ColumnFacts columns[] = {
    {"TC0", "#1f77b4",
     "Constant-depth circuits of unbounded fan-in AND, OR and majority gates; the paper places "
     "diagonal and time-invariant linear RNNs (S4, Mamba) here."},
    {"NC1", "#2ca02c",
     "Log-depth circuits of bounded fan-in gates, where the S5 word problem is complete "
     "(Barrington); permutation-diagonal linear RNNs lie here (Thm 7) and solve it."},
    {"PNC1", "#9467bd",
     "Languages decided by the sign of a log-depth arithmetic circuit over Q (Boolean depth "
     "log n · log* n); every linear RNN lies here (Thm 3), and DeltaNet and RWKV-7 solve its "
     "complete problem, the sign of an iterated 3×3 product (Thm 5)."},
    {"L", "#ff7f0e",
     "Logarithmic space, where sorted deterministic graph connectivity is complete; a one-layer "
     "log-precision nonlinear RNN solves it (Thm 2)."},
    {"P", "#d62728",
     "Polynomial time, where circuit value is complete; a one-layer poly-precision nonlinear RNN "
     "simulates multi-stack machines and so solves it (Thm 1, Cor 2)."},
};

std::string_view colour_of(std::string_view column) {
  for (const ColumnFacts& facts : columns)
    if (facts.name == column) return facts.colour;
  return "#555";
}

std::string anchor(const ClaimResult& claim) {
  std::string id = "claim-";
  for (char symbol : claim.id)
    id += std::isalnum(static_cast<unsigned char>(symbol)) ? symbol : '-';
  return id;
}

std::string verdict_class(const CaseResult& result) {
  if (!result.as_expected()) return "unexpected";
  return result.holds ? "pass" : "fail";
}

std::string verdict_span(const CaseResult& result) {
  return fmt::format("<span class=\"{}\">{}</span>", verdict_class(result),
                     markup_escaped(verdict_text(result)));
}

/// The <li> items of one Figure 1 cell: the cases of `role` in claims of
/// `column`.
std::string cell_items(const std::vector<ClaimResult>& claims, std::string_view column,
                       FigureRole role) {
  std::string items;
  for (const ClaimResult& claim : claims) {
    if (claim.column != column) continue;
    for (const CaseResult& result : claim.cases) {
      if (result.role != role) continue;
      items +=
          fmt::format("<li><a class=\"claim-link\" href=\"#{}\">{}</a> ({}): {} {}</li>\n",
                      anchor(claim), markup_escaped(result.name), markup_escaped(claim.source),
                      markup_escaped(result.summary.empty() ? result.measured : result.summary),
                      verdict_span(result));
    }
  }
  return items.empty() ? "—" : "<ul class=\"items\">\n" + items + "</ul>";
}

/// A linear map of [low, high] onto [start, end].
struct Axis {
  double low, high, start, end;
  double operator()(double value) const {
    if (high <= low) return (start + end) / 2;
    return start + (value - low) / (high - low) * (end - start);
  }
};

FitBasis basis_of(const Expectation& expected) {
  if (expected.growth == GrowthClass::linear) return FitBasis::length;
  if (expected.growth == GrowthClass::log_squared) return FitBasis::log_length_squared;
  if (expected.growth == GrowthClass::log_log_log) return FitBasis::log_length_log_log;
  return FitBasis::log_length;
}

double regressor(FitBasis basis, double length) {
  const double k = std::log2(length);
  switch (basis) {
    case FitBasis::length:
      return length;
    case FitBasis::log_length_squared:
      return k * k;
    case FitBasis::log_length_log_log:
      return k >= 1 ? k * std::log2(k) : 0;
    case FitBasis::log_length:
      return k;
  }
  return k;
}

std::string text_at(double x, double y, std::string_view anchor_side, std::string_view body,
                    std::string_view extra = "") {
  return fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" font-size=\"13\"{}>{}</text>\n", x, y,
      anchor_side, extra, body);
}

/// One panel: frame, axes with ticks (x: log2 T), title.
std::string panel_frame(double left, double top, double width, double height, const Axis& x,
                        const Axis& y, std::string_view title, std::string_view y_title) {
  std::string svg = fmt::format(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"none\" "
      "stroke=\"#444\"/>\n",
      left, top, width, height);
  svg +=
      text_at(left + width / 2, top - 10, "middle", markup_escaped(title), " font-weight=\"bold\"");
  for (int k = static_cast<int>(std::ceil(x.low)); k <= static_cast<int>(std::floor(x.high)); ++k) {
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" "
        "stroke=\"#ddd\"/>\n",
        x(k), top, top + height);
    svg += text_at(x(k), top + height + 16, "middle",
                   k <= 20 ? fmt::format("{}", std::uint64_t{1} << k) : fmt::format("2^{}", k));
  }
  svg += text_at(left + width / 2, top + height + 34, "middle", "T (log2 axis)");
  for (int i = 0; i <= 4; ++i) {
    const double value = y.low + (y.high - y.low) * i / 4;
    svg += text_at(left - 6, y(value) + 4, "end", fmt::format("{:.4g}", value));
  }
  svg += fmt::format(
      "<text x=\"{0:.1f}\" y=\"{1:.1f}\" text-anchor=\"middle\" font-size=\"13\" "
      "transform=\"rotate(-90 {0:.1f} {1:.1f})\">{2}</text>\n",
      left - 52, top + height / 2, markup_escaped(y_title));
  return svg;
}

/// The plot of one column's growth cases: Boolean depth against T with the
/// fitted curve of the expected class, and the per-doubling increments.
std::string column_plot(const std::vector<ClaimResult>& claims, const ColumnFacts& column) {
  std::vector<std::pair<std::string, const GrowthSeries*>> series;
  for (const ClaimResult& claim : claims)
    if (claim.column == column.name)
      for (const CaseResult& result : claim.cases)
        if (result.series && result.series->points.size() >= 2)
          series.emplace_back(result.name, &*result.series);
  if (series.empty()) return "";
  double k_low = 1e9, k_high = -1e9, depth_high = 0, increment_low = 0, increment_high = 0;
  for (const auto& [name, one] : series) {
    for (const GrowthPoint& point : one->points) {
      k_low = std::min(k_low, std::log2(static_cast<double>(point.length)));
      k_high = std::max(k_high, std::log2(static_cast<double>(point.length)));
      depth_high = std::max(depth_high, static_cast<double>(point.depth));
    }
    for (const DoublingIncrement& increment :
         doubling_increments(measure_samples(*one, Measure::depth))) {
      increment_high = std::max(increment_high, static_cast<double>(increment.increment));
      increment_low = std::min(increment_low, static_cast<double>(increment.increment));
    }
  }
  const double width = 560, height = 240, left = 80, top = 40, gap = 90;
  const double total_height = top + 2 * height + gap + 60 + 20 * static_cast<double>(series.size());
  std::string svg = fmt::format(
      "<svg class=\"column-plot\" data-column=\"{0}\" xmlns=\"http://www.w3.org/2000/svg\" "
      "width=\"{1:.0f}\" height=\"{2:.0f}\" viewBox=\"0 0 {1:.0f} {2:.0f}\" "
      "font-family=\"sans-serif\">\n",
      column.name, left + width + 30, total_height);
  const Axis x{k_low, k_high, left, left + width};
  const Axis depth_axis{0, depth_high * 1.05 + 1, top + height, top};
  const Axis increment_axis{std::min(0.0, increment_low), increment_high * 1.1 + 1,
                            top + 2 * height + gap, top + height + gap};
  svg += panel_frame(
      left, top, width, height, x, depth_axis,
      fmt::format("{}: Boolean depth (points) and the expected class's fit (dashed)", column.name),
      "AND levels");
  svg += panel_frame(left, top + height + gap, width, height, x, increment_axis,
                     "per-doubling increment D(2T) − D(T)", "AND levels");
  const std::string_view markers[] = {"circle", "square", "diamond"};
  std::size_t index = 0;
  for (const auto& [name, one] : series) {
    const std::string_view marker = markers[index % 3];
    const std::vector<Sample> samples = measure_samples(*one, Measure::depth);
    for (const Sample& sample : samples) {
      const double px = x(std::log2(static_cast<double>(sample.length)));
      const double py = depth_axis(static_cast<double>(sample.value));
      const std::string title =
          fmt::format("<title>{} T = {}: depth {}</title>", markup_escaped(name), sample.length,
                      static_cast<double>(sample.value));
      if (marker == "circle") {
        svg += fmt::format(
            "<circle class=\"measured\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" "
            "fill=\"{}\">{}</circle>\n",
            px, py, column.colour, title);
      } else if (marker == "square") {
        svg += fmt::format(
            "<rect class=\"measured\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"8\" "
            "height=\"8\" fill=\"{}\">{}</rect>\n",
            px - 4, py - 4, column.colour, title);
      } else {
        svg += fmt::format(
            "<polygon class=\"measured\" points=\"{:.1f},{:.1f} {:.1f},{:.1f} "
            "{:.1f},{:.1f} {:.1f},{:.1f}\" fill=\"{}\">{}</polygon>\n",
            px, py - 5, px + 5, py, px, py + 5, px - 5, py, column.colour, title);
      }
    }
    // The curve of the expected class, fitted to the points.
    const FitBasis basis = basis_of(one->expected.depth);
    for (const GrowthFit& fit : growth_fits(samples)) {
      if (fit.basis != basis) continue;
      std::string points;
      for (int step = 0; step <= 60; ++step) {
        const double k = k_low + (k_high - k_low) * step / 60;
        const double value = static_cast<double>(fit.line.intercept) +
                             static_cast<double>(fit.line.slope) * regressor(basis, std::exp2(k));
        points += fmt::format("{:.1f},{:.1f} ", x(k), depth_axis(value));
      }
      svg += fmt::format(
          "<polyline class=\"theory\" points=\"{}\" fill=\"none\" stroke=\"{}\" "
          "stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>\n",
          points, column.colour);
    }
    std::string increments;
    for (const DoublingIncrement& increment : doubling_increments(samples)) {
      const double px = x(static_cast<double>(increment.log2_length));
      const double py = increment_axis(static_cast<double>(increment.increment));
      increments += fmt::format("{:.1f},{:.1f} ", px, py);
      svg += fmt::format(
          "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"><title>{} "
          "T = {:.0f}: +{}</title></circle>\n",
          px, py, column.colour, markup_escaped(name),
          std::exp2(static_cast<double>(increment.log2_length)),
          static_cast<double>(increment.increment));
    }
    if (!increments.empty()) {
      svg += fmt::format(
          "<polyline class=\"increment\" points=\"{}\" fill=\"none\" stroke=\"{}\" "
          "stroke-width=\"1.5\"/>\n",
          increments, column.colour);
    }
    svg += text_at(
        left, top + 2 * height + gap + 50 + 20 * static_cast<double>(index), "start",
        fmt::format("{} {}: {}", marker, markup_escaped(name),
                    markup_escaped(one->model + " · " + one->schedule + " · " + one->format)));
    ++index;
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace

std::string claims_html_text(const std::vector<ClaimResult>& claims, const std::string& command) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += fmt::format(
      "<title>rnncc prove: the paper's claims, checked</title>\n<style>{}</style>\n"
      "</head>\n<body>\n",
      style);
  html += "<h1>The paper's claims, checked by rnncc</h1>\n";
  html +=
      "<p>The paper: W. Merrill, H. Jiang, Y. Li, A. Lin, A. Sabharwal, <cite>Why Are Linear RNNs "
      "More Parallelizable?</cite>, arXiv:2603.03612. Each claim below states one of its results; "
      "<code>rnncc prove</code> runs the claim's cases and judges each against what the result "
      "implies.</p>\n";
  if (!command.empty())
    html += fmt::format("<p>Command: <code>{}</code></p>\n", markup_escaped(command));
  std::size_t cases = 0, passes = 0, expected_failures = 0, unexpected = 0;
  for (const ClaimResult& claim : claims) {
    for (const CaseResult& result : claim.cases) {
      ++cases;
      passes += result.holds ? 1 : 0;
      expected_failures += (!result.holds && !result.should_hold) ? 1 : 0;
      unexpected += result.as_expected() ? 0 : 1;
    }
  }
  html += fmt::format(
      "<p class=\"summary\">{} claims, {} cases: {} PASS, {} FAIL as expected (the paper's known "
      "errors), <span class=\"{}\">{} verdict{} differing from the claim files</span>.</p>\n",
      claims.size(), cases, passes, expected_failures, unexpected == 0 ? "pass" : "unexpected",
      unexpected, unexpected == 1 ? "" : "s");
  html +=
      "<p class=\"note\">What a measurement can and cannot show. A growth class is read from "
      "circuits compiled at finitely many lengths: it supports an asymptotic upper bound (this "
      "compilation reaches that depth over the measured range, with a steady increment per "
      "doubling of T), but it proves nothing beyond the range, and nothing about lower bounds: "
      "no measurement shows that a shallower circuit does not exist. The paper's lower bounds are "
      "conditional (for example L ⊄ NC1) and are supported here by constructions that solve "
      "complete problems, checked on generated instances of the listed sizes: evidence for those "
      "sizes, not a proof for all. Scan ≡ sequential is proven by SAT only at the lengths listed. "
      "Exact arithmetic facts (matrix orders, the sum of fractions) are decided, not "
      "sampled.</p>\n";

  // Figure 1.
  html += "<h2>Figure 1, claim by claim</h2>\n<table id=\"figure1\">\n<tr><th></th>";
  for (const ColumnFacts& column : columns)
    html += fmt::format("<th class=\"{0}\">{0}</th>", column.name);
  html += "</tr>\n<tr><th>the class</th>";
  for (const ColumnFacts& column : columns)
    html += fmt::format("<td class=\"column {}\">{}</td>", column.name,
                        markup_escaped(column.sentence));
  html += "</tr>\n<tr><th>families</th>";
  for (const ColumnFacts& column : columns) {
    std::set<std::string> families;
    for (const ClaimResult& claim : claims)
      if (claim.column == column.name)
        families.insert(claim.families.begin(), claim.families.end());
    std::string text;
    for (const std::string& family : families)
      text += (text.empty() ? "" : ", ") + markup_escaped(family);
    html += fmt::format("<td class=\"column {}\">{}</td>", column.name, text.empty() ? "—" : text);
  }
  html += "</tr>\n";
  const std::pair<FigureRole, std::string_view> rows[] = {
      {FigureRole::upper_bound, "upper bound: measured depth growth"},
      {FigureRole::equivalence, "scan ≡ sequential"},
      {FigureRole::lower_bound, "lower bound: complete problem solved"},
      {FigureRole::evidence, "other evidence"},
      {FigureRole::known_error, "the paper's known errors"},
  };
  for (const auto& [role, heading] : rows) {
    html += fmt::format("<tr><th>{}</th>", markup_escaped(heading));
    for (const ColumnFacts& column : columns)
      html += fmt::format("<td class=\"column {}\">{}</td>", column.name,
                          cell_items(claims, column.name, role));
    html += "</tr>\n";
  }
  html += "</table>\n";

  // Plots.
  std::string plots;
  for (const ColumnFacts& column : columns)
    plots += column_plot(claims, column);
  if (!plots.empty()) {
    html +=
        "<h2>Depth growth per class</h2>\n<p>Each plot shows one class's growth cases: the "
        "Boolean depth measured at each T (points), the curve of the class the claim expects "
        "fitted to them (dashed; a + b·log2 T for log, a + b·T for linear), and below the "
        "increment per doubling of T, which is bounded for log depth and doubles for linear "
        "depth.</p>\n<figure>\n" +
        plots + "</figure>\n";
  }

  // Claims.
  html += "<h2>Claims</h2>\n";
  for (const ClaimResult& claim : claims) {
    html += fmt::format("<section class=\"claim\" id=\"{}\">\n<h3>{} — {}</h3>\n", anchor(claim),
                        markup_escaped(claim.id), markup_escaped(claim.title));
    html += fmt::format("<p><b>{}</b>{}: {}</p>\n", markup_escaped(claim.source),
                        claim.column.empty() ? ""
                                             : fmt::format(" (column <span style=\"color:{}\">{}"
                                                           "</span>)",
                                                           colour_of(claim.column), claim.column),
                        markup_escaped(claim.statement));
    if (!claim.known_error.empty())
      html +=
          fmt::format("<p class=\"note\">Known error: {}</p>\n", markup_escaped(claim.known_error));
    html += fmt::format("<p>File: <code>{}</code></p>\n", markup_escaped(claim.path));
    html +=
        "<table class=\"cases\">\n<tr><th>case</th><th>checked</th><th>measured</th>"
        "<th>expected</th><th>verdict</th><th>evidence</th></tr>\n";
    for (const CaseResult& result : claim.cases) {
      std::string evidence;
      for (const std::string& line : result.evidence)
        evidence += markup_escaped(line) + "<br>";
      html += fmt::format(
          "<tr class=\"case {}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td "
          "class=\"evidence\">{}{:.1f} s</td></tr>\n",
          verdict_class(result), markup_escaped(result.name), markup_escaped(result.subject),
          markup_escaped(result.measured), markup_escaped(result.expected), verdict_span(result),
          evidence, result.seconds);
    }
    html += "</table>\n</section>\n";
  }
  html += "</body>\n</html>\n";
  return html;
}

void write_claims_html(const std::filesystem::path& path, const std::vector<ClaimResult>& claims,
                       const std::string& command) {
  write_file_atomically(path, claims_html_text(claims, command));
}

}  // namespace rnncc::report
