// The HTML report, rendered by headless Chromium: the dumped DOM must hold
// every table row, the verdicts and the inline plot.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string_view>

#include "rnncc/report/growth_html.hpp"
#include "sample_series.hpp"
#include "support/abc.hpp"
#include "support/command.hpp"

using namespace rnncc::report;

namespace {

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t found = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++found;
  return found;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

/// The DOM Chromium builds from `file` (headless, no sandbox: tests run as root).
std::string rendered_dom(const std::filesystem::path& file, const std::filesystem::path& profile) {
  const std::string_view chromium = RNNCC_CHROMIUM_EXECUTABLE;
  if (chromium.empty())
    FAIL("chromium was not found when the tests were configured: run tools/setup.sh");
  rnncc::test::CommandResult result = rnncc::test::run_command(
      "'" + std::string(chromium) + "' --headless --no-sandbox --disable-gpu --user-data-dir='" +
      profile.string() + "' --dump-dom 'file://" + file.string() + "'");
  INFO("chromium stderr: " << result.standard_error);
  REQUIRE(result.exit_status == 0);
  return result.standard_output;
}

}  // namespace

TEST_CASE("the HTML report is self-contained: no scripts, links or external resources") {
  const std::string html = growth_html_text(rnncc::test::sample_series());
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  for (const char* forbidden : {"<script", "<link", "src=", "href=", "url(", "@import"})
    CHECK_MESSAGE(html.find(forbidden) == std::string::npos, forbidden);
  CHECK(count(html, "http") == 1);  // the SVG namespace name only
}

TEST_CASE("headless Chromium renders every table row, the verdicts and the plot") {
  const std::vector<GrowthSeries> all = rnncc::test::sample_series();
  rnncc::test::TemporaryDirectory directory;
  ReportContext context;
  context.title = "growth of four models";
  context.command = "rnncc growth circuits/models/*.toml";
  context.notes = {"scan of lstm-small skipped: lstm is nonlinear"};
  write_growth_html(directory / "report.html", all, context);
  CHECK(read_text(directory / "report.html") == growth_html_text(all, context));

  const std::string dom = rendered_dom(directory / "report.html", directory / "profile");
  CHECK(dom.find("<title>growth of four models</title>") != std::string::npos);
  CHECK(count(dom, "<tr class=\"point\"") == 4 * 7);
  for (const GrowthSeries& series : all) {
    for (const GrowthPoint& point : series.points) {
      // Each point's row holds the exact integers.
      std::string ands_cell = "<td class=\"number\">" + std::to_string(point.ands) + "</td>";
      std::string depth_cell = "<td class=\"number\">" + std::to_string(point.depth) + "</td>";
      CHECK(dom.find(ands_cell) != std::string::npos);
      CHECK(dom.find(depth_cell) != std::string::npos);
    }
  }
  CHECK(dom.find("<td>gru&lt;&amp;&gt;</td>") != std::string::npos);
  // Verdicts: 18 series × measure rows, three mismatches (relu-odd's depth,
  // opt_depth and arith_depth).
  CHECK(count(dom, "<tr class=\"verdict ") == 18);
  CHECK(count(dom, "<tr class=\"verdict mismatch\"") == 3);
  CHECK(dom.find("3 mismatches between measured and expected growth") != std::string::npos);
  // The plot, inline, with one line per series in each panel and a legend.
  CHECK(count(dom, "<svg") == 1);
  CHECK(count(dom, "<polyline class=\"depth-line\"") == all.size());
  CHECK(count(dom, "<polyline class=\"depth-opt-line\"") == all.size());
  CHECK(count(dom, "<polyline class=\"size-line\"") == all.size());
  CHECK(count(dom, "<g class=\"legend-entry\">") == all.size() + 1);  // + the dotted line's key
  CHECK(dom.find("scan of lstm-small skipped") != std::string::npos);
  CHECK(dom.find("rnncc growth circuits/models/*.toml") != std::string::npos);
}
