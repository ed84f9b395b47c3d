// The analytic depth CSV and terminal report, against text written out by
// hand for two small series.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "rnncc/report/analytic_table.hpp"
#include "rnncc/report/growth_csv.hpp"
#include "support/abc.hpp"

using namespace rnncc::report;

namespace {

/// "a, b" · scan · mod:8 with depth 3k + 2 at T = 2^k (k = 4..7), expected
/// ≤ log; relu · sequential · mod:8 with depth 5T, expected ≤ log (a
/// mismatch on purpose) — and no expectation for a third, empty-named one.
std::vector<AnalyticSeries> two_series() {
  std::vector<AnalyticSeries> all(2);
  all[0].description.model = "a, b";
  all[0].description.family = "diagonal";
  all[0].description.schedule = "scan";
  all[0].description.format = "mod:8";
  all[0].description.expected.depth = {GrowthClass::log, true, "combine levels"};
  all[1].description.model = "relu";
  all[1].description.family = "relu-rnn";
  all[1].description.schedule = "sequential";
  all[1].description.format = "mod:8";
  all[1].description.expected.depth = {GrowthClass::log, true, "on purpose"};
  for (std::uint64_t k = 4; k <= 7; ++k) {
    all[0].depths.emplace_back(std::uint64_t{1} << k, 3 * k + 2);
    all[1].depths.emplace_back(std::uint64_t{1} << k, 5 * (std::uint64_t{1} << k));
  }
  return all;
}

}  // namespace

TEST_CASE("analytic CSV: a header, one row per series and length, names quoted as RFC 4180") {
  const std::string expected =
      "model,family,schedule,format,T,depth\n"
      "\"a, b\",diagonal,scan,mod:8,16,14\n"
      "\"a, b\",diagonal,scan,mod:8,32,17\n"
      "\"a, b\",diagonal,scan,mod:8,64,20\n"
      "\"a, b\",diagonal,scan,mod:8,128,23\n"
      "relu,relu-rnn,sequential,mod:8,16,80\n"
      "relu,relu-rnn,sequential,mod:8,32,160\n"
      "relu,relu-rnn,sequential,mod:8,64,320\n"
      "relu,relu-rnn,sequential,mod:8,128,640\n";
  CHECK(analytic_csv_text(two_series()) == expected);
  rnncc::test::TemporaryDirectory directory;
  write_analytic_csv(directory / "analytic.csv", two_series());
  std::ifstream file(directory / "analytic.csv", std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  CHECK(text.str() == expected);
}

TEST_CASE("analytic report: aligned rows, then each series' class against its expectation") {
  std::vector<AnalyticSeries> all = two_series();
  all.push_back(all[0]);
  all[2].description.model = "plain";
  all[2].description.expected.depth = {};
  const std::string text = render_analytic_report(all, {"one", "two"}, false);
  std::istringstream lines(text);
  std::string line;
  std::getline(lines, line);
  // model column of width 5 ("a, b", "relu", "plain" are no wider), T and
  // depth right-aligned in 20 characters.
  CHECK(line == "model  schedule    format                     T      depth (analytic)");
  std::getline(lines, line);
  CHECK(line == std::string(5 + 10 + 6 + 48, '-'));
  std::getline(lines, line);
  CHECK(line == "a, b   scan        mod:8                     16                    14");
  CHECK(text.find("a, b · scan · mod:8: depth is log (expected <= log): match\n") !=
        std::string::npos);
  CHECK(text.find("relu · sequential · mod:8: depth is linear (expected <= log): mismatch\n") !=
        std::string::npos);
  CHECK(text.find("plain · scan · mod:8: depth is log (expected -): no expectation\n") !=
        std::string::npos);
  CHECK(text.ends_with(": no expectation\nnote: one\nnote: two\n"));
}
