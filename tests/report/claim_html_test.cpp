// The prove report: the terminal table and JSON say PASS/FAIL per case and
// count the verdicts that differ from the claim files; the HTML page,
// rendered by headless Chromium, holds the Figure 1 table with a link per
// case, a plot per column with growth cases, and every claim's section.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string_view>

#include "rnncc/report/claim_html.hpp"
#include "rnncc/report/claim_text.hpp"
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

/// A log-depth series: depth 10 + 5·log2 T at T = 16 … 256.
GrowthSeries log_series() {
  GrowthSeries series{"pd", "pd", "scan", "mod:16", {}, {}};
  series.expected.depth = {GrowthClass::log, true, "scan"};
  for (std::uint64_t length = 16; length <= 256; length *= 2) {
    GrowthPoint point;
    point.length = length;
    point.depth = 10 + 5 * static_cast<std::uint32_t>(std::log2(static_cast<double>(length)));
    series.points.push_back(point);
  }
  return series;
}

std::vector<ClaimResult> sample_claims() {
  ClaimResult nc1{
      "thm7", "proofs/thm7.toml", "PD is in NC1", "statement <&>", "Theorem 7", "NC1", {"pd"}, "",
      {}};
  CaseResult growth;
  growth.name = "pd scan";
  growth.kind = "growth";
  growth.measured = "depth log";
  growth.expected = "depth ≤ log";
  growth.holds = true;
  growth.role = FigureRole::upper_bound;
  growth.summary = "depth log, +5 per doubling";
  growth.series = log_series();
  CaseResult accuracy;
  accuracy.name = "s5 solved";
  accuracy.kind = "accuracy";
  accuracy.measured = "accuracy 1.000 (160/160)";
  accuracy.expected = "accuracy ≥ 1";
  accuracy.holds = true;
  accuracy.role = FigureRole::lower_bound;
  accuracy.summary = "s5: accuracy 1.000 (n ≤ 256)";
  accuracy.evidence = {"n = 16: 32/32 correct"};
  nc1.cases = {growth, accuracy};

  ClaimResult error{"prop4",
                    "proofs/prop4.toml",
                    "fractions",
                    "a/b + c/d = (ad + bc)/bc",
                    "Appendix F, Proposition 4",
                    "PNC1",
                    {},
                    "the denominator is bd",
                    {}};
  CaseResult printed;
  printed.name = "printed";
  printed.kind = "fraction-sum";
  printed.measured = "wrong on 10 of 20 tuples";
  printed.expected = "holds on every tuple";
  printed.holds = false;
  printed.should_hold = false;
  printed.role = FigureRole::known_error;
  printed.evidence = {"stated counterexample confirmed: a = 1, b = 1, c = 1, d = 2"};
  CaseResult wrong = printed;
  wrong.name = "unexpected";
  wrong.holds = true;
  error.cases = {printed, wrong};
  return {nc1, error};
}

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

TEST_CASE("the claim table gives each verdict and counts those differing from the claim files") {
  const std::vector<ClaimResult> claims = sample_claims();
  const std::string text = render_claim_table(claims, false);
  CHECK(text.find("thm7 — PD is in NC1 (Theorem 7, NC1)") != std::string::npos);
  CHECK(count(text, " PASS\n") == 2);
  CHECK(text.find("FAIL (expected)") != std::string::npos);
  CHECK(text.find("PASS (expected FAIL)") != std::string::npos);
  CHECK(text.find("      stated counterexample confirmed: a = 1") != std::string::npos);
  CHECK(text.find("2 claims, 4 cases: 3 PASS, 1 FAIL as the claim files expect") !=
        std::string::npos);
  CHECK(text.find("1 verdict differing from the claim files") != std::string::npos);
  CHECK(unexpected_verdicts(claims) == 1);

  const nlohmann::json json = nlohmann::json::parse(claims_json_text(claims, "rnncc prove"));
  CHECK(json["unexpected_verdicts"] == 1);
  CHECK(json["claims"][1]["cases"][0]["verdict"] == "FAIL (expected)");
  CHECK(json["claims"][1]["cases"][0]["as_expected"] == true);
  CHECK(json["claims"][0]["cases"][1]["role"] == "lower bound");
}

TEST_CASE("headless Chromium renders Figure 1, the column plots and every claim") {
  const std::vector<ClaimResult> claims = sample_claims();
  const std::string html = claims_html_text(claims, "rnncc prove");
  for (const char* forbidden : {"<script", "<link", "src=", "url(", "@import", "href=\"http"})
    CHECK_MESSAGE(html.find(forbidden) == std::string::npos, forbidden);
  CHECK(html.find("Why Are Linear RNNs More Parallelizable?") != std::string::npos);
  CHECK(html.find("W. Merrill, H. Jiang, Y. Li, A. Lin, A. Sabharwal") != std::string::npos);
  CHECK(html.find("arXiv:2603.03612") != std::string::npos);

  rnncc::test::TemporaryDirectory directory;
  write_claims_html(directory / "prove.html", claims, "rnncc prove");
  const std::string dom = rendered_dom(directory / "prove.html", directory / "profile");
  CHECK(count(dom, "<table id=\"figure1\"") == 1);
  for (std::string_view column : figure_columns)
    CHECK(dom.find("<th class=\"" + std::string(column) + "\">") != std::string::npos);
  // One link per case, each to its claim's section.
  CHECK(count(dom, "class=\"claim-link\" href=\"#claim-thm7\"") == 2);
  CHECK(count(dom, "class=\"claim-link\" href=\"#claim-prop4\"") == 2);
  CHECK(count(dom, "<section class=\"claim\" id=\"claim-thm7\"") == 1);
  CHECK(count(dom, "<section class=\"claim\" id=\"claim-prop4\"") == 1);
  CHECK(count(dom, "<tr class=\"case pass\"") == 2);
  CHECK(count(dom, "<tr class=\"case fail\"") == 1);
  CHECK(count(dom, "<tr class=\"case unexpected\"") == 1);
  CHECK(dom.find("statement &lt;&amp;&gt;") != std::string::npos);
  // The NC1 plot: 5 measured points, the fitted curve, 4 increments.
  CHECK(count(dom, "<svg class=\"column-plot\" data-column=\"NC1\"") == 1);
  CHECK(count(dom, "<svg class=\"column-plot\"") == 1);
  CHECK(count(dom, "<circle class=\"measured\"") == 5);
  CHECK(count(dom, "<polyline class=\"theory\"") == 1);
  CHECK(count(dom, "<polyline class=\"increment\"") == 1);
  // Text in the plots is at least 12 px.
  CHECK(dom.find("font-size=\"9\"") == std::string::npos);
  CHECK(dom.find("font-size=\"13\"") != std::string::npos);
}
