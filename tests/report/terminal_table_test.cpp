// The terminal tables: aligned columns, colour only when asked, and the same
// numbers as the series.
#include <doctest/doctest.h>

#include <sstream>

#include "rnncc/report/terminal_table.hpp"
#include "sample_series.hpp"

using namespace rnncc::report;

namespace {
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);)
    lines.push_back(line);
  return lines;
}
std::vector<std::string> words_of(const std::string& line) {
  std::vector<std::string> words;
  std::istringstream stream(line);
  for (std::string word; stream >> word;)
    words.push_back(word);
  return words;
}
}  // namespace

TEST_CASE("the measures table has one aligned row per point with the exact integers") {
  std::vector<GrowthSeries> all = rnncc::test::sample_series();
  all[0].model = "diag-small";  // one word, so that rows split at blanks
  all[2].model = "gru-tiny";
  const std::string text = render_terminal_table(all, false);
  CHECK(text.find('\x1b') == std::string::npos);
  std::vector<std::string> lines = lines_of(text);
  REQUIRE(lines.size() == 2 + 4 * 7);
  CHECK(words_of(lines[0])[3] == "T");
  // Right-aligned numeric columns end at the same offset as their header.
  const std::size_t t_end = lines[0].find(" T ") + 2;
  const std::size_t depth_end = lines[0].find("depth") + 5;
  std::size_t row = 2;
  for (const GrowthSeries& series : all) {
    for (const GrowthPoint& point : series.points) {
      const std::string& line = lines[row++];
      std::vector<std::string> words = words_of(line);
      REQUIRE(words.size() == 16);
      CHECK(words[0] == series.model);
      CHECK(words[1] == series.schedule);
      CHECK(words[2] == series.format);
      CHECK(std::stoull(words[3]) == point.length);
      CHECK(std::stoull(words[4]) == point.ands);
      CHECK(std::stoull(words[5]) == point.depth);
      CHECK(std::stoull(words[6]) == point.optimized_depth);
      CHECK(words[7] == (point.arithmetic_depth ? std::to_string(*point.arithmetic_depth) : "-"));
      CHECK(std::stoull(words[9]) == point.max_width);
      CHECK(std::stoull(words[10]) == point.precision_bits);
      CHECK(words[11] == (point.bits_observed == 0 ? "-" : std::to_string(point.bits_observed)));
      CHECK(std::stoull(words[12]) == point.brent_16);
      CHECK(std::stoull(words[13]) == point.brent_256);
      const std::string length_text = std::to_string(point.length);
      CHECK(line.substr(t_end - length_text.size(), length_text.size()) == length_text);
      CHECK(line[t_end] == ' ');
      const std::string depth_text = std::to_string(point.depth);
      CHECK(line.substr(depth_end - depth_text.size(), depth_text.size()) == depth_text);
    }
  }
}

TEST_CASE("colour codes appear only when asked for") {
  const std::vector<GrowthSeries> all = rnncc::test::sample_series();
  CHECK(render_terminal_table(all, true).find("\x1b[") != std::string::npos);
  const std::string plain = render_terminal_report(all, false);
  CHECK(plain.find('\x1b') == std::string::npos);
  const std::string coloured = render_terminal_report(all, true);
  CHECK(coloured.find("\x1b[1;31mmismatch\x1b[0m") != std::string::npos);
  CHECK(coloured.find("\x1b[32mmatch\x1b[0m") != std::string::npos);
}

TEST_CASE("the class table and the report print verdicts and mismatches plainly") {
  const std::vector<GrowthSeries> all = rnncc::test::sample_series();
  const std::string classes = render_terminal_classes(all, false);
  std::vector<std::string> lines = lines_of(classes);
  // series 0: depth, opt_depth, arith, mult, ands; 1: five; 2 (table):
  // depth, opt_depth, ands; 3: five.
  REQUIRE(lines.size() == 2 + 18);
  std::size_t mismatches = 0;
  for (const std::string& line : lines)
    if (line.find(" mismatch ") != std::string::npos) ++mismatches;
  CHECK(mismatches == 3);  // relu-odd: depth, opt_depth, arith_depth
  ReportContext context;
  context.notes = {"scan of lstm-small skipped: lstm is nonlinear"};
  const std::string report = render_terminal_report(all, false, context);
  CHECK(report.find("MISMATCH relu-odd · sequential depth: measured log") != std::string::npos);
  CHECK(report.find("note: scan of lstm-small skipped") != std::string::npos);
}
