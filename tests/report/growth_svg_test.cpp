// The SVG plot: well-formed markup, one line per series in each panel, the
// lines ordered as the data.
#include <doctest/doctest.h>

#include <regex>
#include <sstream>

#include "rnncc/report/growth_svg.hpp"
#include "sample_series.hpp"

using namespace rnncc::report;

namespace {

/// Checks that tags nest and close, attributes are quoted, and text holds
/// no raw '<' or unescaped '&'. Returns the first problem, or "".
std::string markup_problem(const std::string& text) {
  std::vector<std::string> open;
  std::size_t i = 0;
  static const std::regex entity("^&(amp|lt|gt|quot|#39);");
  while (i < text.size()) {
    if (text[i] == '&') {
      std::string rest = text.substr(i, 8);
      if (!std::regex_search(rest, entity)) return "bare & at " + std::to_string(i);
      ++i;
      continue;
    }
    if (text[i] != '<') {
      ++i;
      continue;
    }
    if (text.compare(i, 2, "<?") == 0) {
      std::size_t end = text.find("?>", i);
      if (end == std::string::npos) return "unterminated declaration";
      i = end + 2;
      continue;
    }
    // Find the tag's end, skipping quoted attribute values.
    std::size_t j = i + 1;
    char quote = 0;
    for (; j < text.size(); ++j) {
      if (quote != 0) {
        if (text[j] == quote) quote = 0;
        if (text[j] == '<') return "'<' inside an attribute at " + std::to_string(j);
      } else if (text[j] == '"' || text[j] == '\'') {
        quote = text[j];
      } else if (text[j] == '<') {
        return "'<' inside a tag at " + std::to_string(j);
      } else if (text[j] == '>') {
        break;
      }
    }
    if (j == text.size()) return "unterminated tag at " + std::to_string(i);
    std::string tag = text.substr(i + 1, j - i - 1);
    if (tag.front() == '/') {
      std::string name = tag.substr(1);
      if (open.empty() || open.back() != name) return "unexpected </" + name + ">";
      open.pop_back();
    } else if (tag.back() != '/') {
      open.push_back(tag.substr(0, tag.find_first_of(" \n\t")));
    }
    i = j + 1;
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  return "";
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t found = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++found;
  return found;
}

/// The points="x,y x,y" of the polyline with class `css_class` and label `label`.
std::vector<std::pair<double, double>> polyline_points(const std::string& svg,
                                                       const std::string& css_class,
                                                       const std::string& label) {
  std::size_t at = svg.find("class=\"" + css_class + "\" data-series=\"" + label + "\"");
  REQUIRE(at != std::string::npos);
  std::size_t start = svg.find("points=\"", at) + 8;
  std::string list = svg.substr(start, svg.find('"', start) - start);
  std::vector<std::pair<double, double>> points;
  std::istringstream stream(list);
  for (std::string pair; stream >> pair;) {
    std::size_t comma = pair.find(',');
    points.emplace_back(std::stod(pair.substr(0, comma)), std::stod(pair.substr(comma + 1)));
  }
  return points;
}

}  // namespace

TEST_CASE("the markup checker itself rejects broken markup") {
  CHECK(markup_problem("<svg><g></g></svg>").empty());
  CHECK_FALSE(markup_problem("<svg><g></svg>").empty());
  CHECK_FALSE(markup_problem("<svg><text>a < b</text></svg>").empty());
  CHECK_FALSE(markup_problem("<svg><text>a & b</text></svg>").empty());
  CHECK(markup_problem("<svg><text a=\"x\">a &amp; b</text><line/></svg>").empty());
}

TEST_CASE("the SVG is well-formed with one depth line and one size line per series") {
  const std::vector<GrowthSeries> all = rnncc::test::sample_series();
  const std::string svg = growth_svg_text(all);
  CHECK(markup_problem(svg) == "");
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(count(svg, "<polyline class=\"depth-line\"") == all.size());
  CHECK(count(svg, "<polyline class=\"size-line\"") == all.size());
  CHECK(count(svg, "<g class=\"legend-entry\">") == all.size() + 1);  // + the dotted line's key
  // Depths span 38 … 40963 (more than a factor 100): a log-depth panel too.
  CHECK(count(svg, "<polyline class=\"depth-log-line\"") == all.size());
  // The optimised depth, dotted, in both depth panels.
  CHECK(count(svg, "<polyline class=\"depth-opt-line\"") == all.size());
  CHECK(count(svg, "<polyline class=\"depth-log-opt-line\"") == all.size());
  // Markers: two depth panels with two lines each, and the size panel.
  CHECK(count(svg, "<circle ") == 5 * 4 * 7);
  CHECK(svg.find("gru&lt;&amp;&gt; · table") != std::string::npos);
  // No external references of any kind.
  CHECK(svg.find("href") == std::string::npos);
  CHECK(count(svg, "http") == 1);  // the namespace name only

  // Depth line of the lstm series: T grows to the right, depth grows upward.
  auto depth = polyline_points(svg, "depth-line", "lstm-small · sequential");
  REQUIRE(depth.size() == 7);
  for (std::size_t i = 1; i < depth.size(); ++i) {
    CHECK(depth[i].first > depth[i - 1].first);
    CHECK(depth[i].second < depth[i - 1].second);
  }
  // Log2 axis: equal spacing for equal ratios of T.
  CHECK(depth[2].first - depth[1].first ==
        doctest::Approx(depth[1].first - depth[0].first).epsilon(0.01));
  // Size panel on log-log axes: ands = 5000 T is a straight line.
  auto size = polyline_points(svg, "size-line", "lstm-small · sequential");
  REQUIRE(size.size() == 7);
  const double first_step = size[1].second - size[0].second;
  for (std::size_t i = 2; i < size.size(); ++i)
    CHECK(size[i].second - size[i - 1].second == doctest::Approx(first_step).epsilon(0.02));
}

TEST_CASE("depths within a factor 100 get no log-depth panel") {
  std::vector<GrowthSeries> all = rnncc::test::sample_series();
  all.erase(all.begin() + 1);  // the lstm series, the only deep one
  const std::string svg = growth_svg_text(all);
  CHECK(markup_problem(svg) == "");
  CHECK(count(svg, "<polyline class=\"depth-line\"") == all.size());
  CHECK(count(svg, "depth-log") == 0);
  CHECK(count(svg, "<circle ") == 3 * 3 * 7);  // depth, opt_depth, size
}

TEST_CASE("labels name the format when the series differ in it — empty input says so") {
  std::vector<GrowthSeries> all = rnncc::test::sample_series();
  all[1].format = "exact";
  const std::string svg = growth_svg_text(all);
  CHECK(markup_problem(svg) == "");
  CHECK(svg.find("data-series=\"lstm-small · sequential · exact\"") != std::string::npos);
  const std::string empty = growth_svg_text({});
  CHECK(markup_problem(empty) == "");
  CHECK(empty.find("no data") != std::string::npos);
}
