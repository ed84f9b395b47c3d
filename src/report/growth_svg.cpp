#include "rnncc/report/growth_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "report_text.hpp"
#include "rnncc/common/atomic_file.hpp"

namespace rnncc::report {

namespace {

constexpr double panel_width = 500, panel_height = 340;
constexpr double margin_left = 70, margin_right = 20, margin_top = 40, margin_bottom = 50;
constexpr double panel_gap = 40, legend_row = 20;
constexpr std::array<std::string_view, 10> palette = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
                                                      "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                                                      "#bcbd22", "#17becf"};

/// A linear map from [low, high] onto [start, end] (pixels).
struct Axis {
  double low, high, start, end;
  double operator()(double value) const {
    return start + (value - low) / (high - low) * (end - start);
  }
};

/// A round tick step (1, 2 or 5 times a power of ten, at least 1) giving
/// about five ticks up to `largest`.
double tick_step(double largest) {
  double raw = std::max(largest / 5, 1.0);
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double factor : {1.0, 2.0, 5.0, 10.0})
    if (factor * magnitude >= raw) return factor * magnitude;
  return 10 * magnitude;
}

/// "16", "4096", or 2 with a superscript exponent for larger powers.
std::string power_of_two_label(int exponent) {
  if (exponent >= 0 && exponent <= 12) return fmt::format("{}", std::uint64_t{1} << exponent);
  return fmt::format("2<tspan dy=\"-6\" font-size=\"9\">{}</tspan>", exponent);
}

std::string text_element(double x, double y, std::string_view anchor, std::string_view body,
                         std::string_view extra = "") {
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\"{}>{}</text>\n", x, y,
                     anchor, extra, body);
}

struct Panel {
  double left, top;  // pixel origin of the plotting area
  Axis x, y;
};

std::string frame(const Panel& panel, std::string_view title, std::string_view y_title) {
  std::string svg;
  svg += fmt::format(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"none\" "
      "stroke=\"#444\"/>\n",
      panel.left, panel.top, panel_width, panel_height);
  svg += text_element(panel.left + panel_width / 2, panel.top - 14, "middle", title,
                      " font-weight=\"bold\"");
  svg += text_element(panel.left + panel_width / 2, panel.top + panel_height + 38, "middle",
                      "sequence length T (log2 axis)");
  svg += fmt::format(
      "<text x=\"{0:.1f}\" y=\"{1:.1f}\" text-anchor=\"middle\" "
      "transform=\"rotate(-90 {0:.1f} {1:.1f})\">{2}</text>\n",
      panel.left - 52, panel.top + panel_height / 2, y_title);
  return svg;
}

std::string x_ticks(const Panel& panel, int first, int last) {
  std::string svg;
  const int step = std::max(1, (last - first + 9) / 10);
  for (int k = first; k <= last; k += step) {
    double x = panel.x(k);
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#ddd\"/>\n", x,
        panel.top, panel.top + panel_height);
    svg += text_element(x, panel.top + panel_height + 16, "middle", power_of_two_label(k));
  }
  return svg;
}

std::string y_tick(const Panel& panel, double value, std::string_view label) {
  double y = panel.y(value);
  return fmt::format(
             "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" "
             "stroke=\"#ddd\"/>\n",
             panel.left, y, panel.left + panel_width) +
         text_element(panel.left - 6, y + 4, "end", label);
}

double log2_length(const GrowthPoint& point) {
  return std::log2(static_cast<double>(std::max<std::uint64_t>(point.length, 1)));
}

/// What a panel plots: the measure, its axis scale and its CSS class.
struct PanelKind {
  std::string_view css_class, title, y_title, quantity;
  bool logarithmic;
  std::uint64_t (*value)(const GrowthPoint&);
  /// A second value drawn dotted in the series' colour (the optimised
  /// depth beside the depth as built), or null.
  std::uint64_t (*second_value)(const GrowthPoint&) = nullptr;
  std::string_view second_quantity = {};
};

std::uint64_t depth_of(const GrowthPoint& point) {
  return point.depth;
}
std::uint64_t optimized_depth_of(const GrowthPoint& point) {
  return point.optimized_depth;
}
std::uint64_t ands_of(const GrowthPoint& point) {
  return point.ands;
}

const PanelKind depth_kind{"depth", "Boolean depth", "depth (AND levels)", "depth",
                           false,   depth_of,        optimized_depth_of,   "opt_depth"};
const PanelKind depth_log_kind{"depth-log",
                               "Boolean depth, log axis",
                               "depth (AND levels, log axis)",
                               "depth",
                               true,
                               depth_of,
                               optimized_depth_of,
                               "opt_depth"};
const PanelKind size_kind{"size", "Size", "AND nodes (log axis)", "ANDs", true, ands_of};

/// The plotted y of a value: itself, or log10 of it (values below 1 at 1).
double plotted(const PanelKind& kind, std::uint64_t value) {
  return kind.logarithmic ? std::log10(static_cast<double>(std::max<std::uint64_t>(value, 1)))
                          : static_cast<double>(value);
}

/// The polyline of `value` over `series`, with a marker per point; `second`
/// draws it dotted and thinner (the optimised depth).
std::string series_line(const Panel& panel, const PanelKind& kind, const GrowthSeries& series,
                        std::string_view label, std::size_t index, bool second = false) {
  const std::string_view colour = palette[index % palette.size()];
  std::uint64_t (*value)(const GrowthPoint&) = second ? kind.second_value : kind.value;
  const std::string_view quantity = second ? kind.second_quantity : kind.quantity;
  const std::string dash = second                    ? " stroke-dasharray=\"2 3\""
                           : index >= palette.size() ? " stroke-dasharray=\"6 3\""
                                                     : std::string();
  std::string points, markers;
  std::vector<const GrowthPoint*> sorted;
  for (const GrowthPoint& point : series.points)
    sorted.push_back(&point);
  std::sort(sorted.begin(), sorted.end(),
            [](const GrowthPoint* a, const GrowthPoint* b) { return a->length < b->length; });
  for (const GrowthPoint* point : sorted) {
    double x = panel.x(log2_length(*point));
    double y = panel.y(plotted(kind, value(*point)));
    if (!points.empty()) points += ' ';
    points += fmt::format("{:.1f},{:.1f}", x, y);
    markers += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\" fill=\"{}\"><title>{}: T={}, {}={}</title>"
        "</circle>\n",
        x, y, colour, label, point->length, quantity, value(*point));
  }
  return fmt::format(
             "<polyline class=\"{}-{}\" data-series=\"{}\" fill=\"none\" stroke=\"{}\" "
             "stroke-width=\"{}\"{} points=\"{}\"/>\n",
             kind.css_class, second ? "opt-line" : "line", label, colour, second ? 1.5 : 2, dash,
             points) +
         markers;
}

/// One panel at horizontal offset `left`: frame, ticks, one line per series.
std::string panel_svg(const PanelKind& kind, const std::vector<GrowthSeries>& all, bool with_format,
                      double left, int first, int last) {
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (const GrowthSeries& series : all)
    for (const GrowthPoint& point : series.points) {
      low = std::min(low, plotted(kind, kind.value(point)));
      high = std::max(high, plotted(kind, kind.value(point)));
      if (kind.second_value != nullptr) {
        low = std::min(low, plotted(kind, kind.second_value(point)));
        high = std::max(high, plotted(kind, kind.second_value(point)));
      }
    }
  const double x_low = first == last ? first - 1 : first, x_high = first == last ? last + 1 : last;
  const Axis x{x_low, x_high, left, left + panel_width};
  std::string ticks;
  Axis y{};
  if (kind.logarithmic) {
    int decade_low = static_cast<int>(std::floor(low));
    int decade_high = static_cast<int>(std::ceil(high));
    if (decade_low == decade_high) ++decade_high;
    y = Axis{static_cast<double>(decade_low), static_cast<double>(decade_high),
             margin_top + panel_height, margin_top};
    const Panel panel{left, margin_top, x, y};
    const int decade_step = std::max(1, (decade_high - decade_low + 7) / 8);
    for (int decade = decade_low; decade <= decade_high; decade += decade_step)
      ticks += y_tick(panel, decade,
                      decade <= 3
                          ? fmt::format("{:.0f}", std::pow(10.0, decade))
                          : fmt::format("10<tspan dy=\"-6\" font-size=\"9\">{}</tspan>", decade));
  } else {
    const double step = tick_step(std::max(high, 1.0));
    const double top = std::ceil(std::max(high, 1.0) / step) * step;
    y = Axis{0, top, margin_top + panel_height, margin_top};
    const Panel panel{left, margin_top, x, y};
    for (double value = 0; value <= top + step / 2; value += step)
      ticks += y_tick(panel, value, fmt::format("{:.0f}", value));
  }
  const Panel panel{left, margin_top, x, y};
  std::string svg = fmt::format("<g class=\"{}-panel\">\n", kind.css_class);
  svg += frame(panel, kind.title, kind.y_title);
  svg += x_ticks(panel, first, last);
  svg += ticks;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::string label = detail::markup_escaped(series_label(all[i], with_format));
    svg += series_line(panel, kind, all[i], label, i);
    if (kind.second_value != nullptr) svg += series_line(panel, kind, all[i], label, i, true);
  }
  return svg + "</g>\n";
}

}  // namespace

std::string growth_svg_text(const std::vector<GrowthSeries>& all) {
  const bool with_format = formats_differ(all);
  double k_low = std::numeric_limits<double>::infinity(), k_high = -k_low;
  std::uint64_t depth_low = std::numeric_limits<std::uint64_t>::max(), depth_high = 0;
  std::size_t point_count = 0;
  for (const GrowthSeries& series : all) {
    for (const GrowthPoint& point : series.points) {
      ++point_count;
      k_low = std::min(k_low, log2_length(point));
      k_high = std::max(k_high, log2_length(point));
      depth_low = std::min<std::uint64_t>(
          depth_low, std::max<std::uint32_t>(std::min(point.depth, point.optimized_depth), 1));
      depth_high = std::max<std::uint64_t>(depth_high, point.depth);
    }
  }
  // When depths span more than two decades, the log-depth panel keeps the
  // shallow (log-depth) series readable beside the deep (linear) ones.
  std::vector<const PanelKind*> kinds = {&depth_kind};
  if (point_count > 0 && depth_high > 100 * depth_low) kinds.push_back(&depth_log_kind);
  kinds.push_back(&size_kind);
  const double panel_span = margin_left + panel_width + margin_right + panel_gap;
  // One row per series and one saying what the dotted lines are.
  const double legend_height =
      legend_row * static_cast<double>(std::max<std::size_t>(all.size(), 1) + 1);
  const double width = panel_span * static_cast<double>(kinds.size()) - panel_gap;
  const double height = margin_top + panel_height + margin_bottom + 20 + legend_height;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"growth-plot\" width=\"{0:.0f}\" "
      "height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" font-family=\"sans-serif\" "
      "font-size=\"12\">\n",
      width, height);
  svg += fmt::format("<rect width=\"{:.0f}\" height=\"{:.0f}\" fill=\"white\"/>\n", width, height);
  if (point_count == 0) {
    svg += text_element(width / 2, height / 2, "middle", "no data");
    return svg + "</svg>\n";
  }
  const int first = static_cast<int>(std::floor(k_low));
  const int last = static_cast<int>(std::ceil(k_high));
  for (std::size_t p = 0; p < kinds.size(); ++p)
    svg += panel_svg(*kinds[p], all, with_format, margin_left + panel_span * static_cast<double>(p),
                     first, last);

  svg += "<g class=\"legend\">\n";
  const double legend_top = margin_top + panel_height + margin_bottom + 20;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const double y = legend_top + legend_row * static_cast<double>(i);
    const std::string dash = i >= palette.size() ? " stroke-dasharray=\"6 3\"" : std::string();
    svg += fmt::format(
        "<g class=\"legend-entry\"><line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" "
        "y2=\"{1:.1f}\" stroke=\"{3}\" stroke-width=\"2\"{4}/>{5}</g>\n",
        margin_left, y, margin_left + 30, palette[i % palette.size()], dash,
        text_element(margin_left + 38, y + 4, "start",
                     detail::markup_escaped(series_label(all[i], with_format))));
  }
  const double key_y = legend_top + legend_row * static_cast<double>(all.size());
  svg += fmt::format(
      "<g class=\"legend-entry\"><line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" "
      "y2=\"{1:.1f}\" stroke=\"#444\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>{3}</g>\n",
      margin_left, key_y, margin_left + 30,
      text_element(margin_left + 38, key_y + 4, "start",
                   "dotted: opt_depth, the depth after optimisation (solid: as built)"));
  svg += "</g>\n</svg>\n";
  return svg;
}

std::string growth_svg_document(const std::vector<GrowthSeries>& all) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + growth_svg_text(all);
}

void write_growth_svg(const std::filesystem::path& path, const std::vector<GrowthSeries>& all) {
  write_file_atomically(path, growth_svg_document(all));
}

}  // namespace rnncc::report
