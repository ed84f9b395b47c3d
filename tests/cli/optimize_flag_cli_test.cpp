// `--optimize none|balance|abc` on compile and growth: the balanced parity
// circuit has the depth derived by hand, every choice stays equivalent to
// the circuit as lowered (ABC's cec as the referee), growth reports depth
// and opt_depth, and a missing ABC is one line, exit 2.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/abc.hpp"
#include "support/command.hpp"

using rnncc::test::run_command;
using rnncc::test::run_rnncc;
using rnncc::test::TemporaryDirectory;

namespace {

std::string example_model(const std::string& name) {
  return fmt::format("'{}/circuits/models/{}.toml'", RNNCC_SOURCE_DIR, name);
}

nlohmann::json stats_of(const std::filesystem::path& circuit) {
  const auto result = run_rnncc("stats '" + circuit.string() + "' --json");
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  return nlohmann::json::parse(result.standard_output);
}

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> cells;
  std::stringstream stream(line);
  std::string cell;
  while (std::getline(stream, cell, separator))
    cells.push_back(cell);
  return cells;
}

}  // namespace

TEST_CASE("compile --optimize: the parity chain of 16 steps balances to depth 8, equivalent") {
  TemporaryDirectory directory;
  // The diagonal parity model in exact arithmetic under sequential is a
  // chain of 15 XORs of the 16 token bits (2 AND levels each, depth 30); a
  // balanced parity tree has 4 XOR levels: depth 8.
  const auto none = directory / "none.aig";
  const auto balanced = directory / "balanced.aig";
  auto result = run_rnncc(fmt::format("compile {} --length 16 --optimize none -o '{}'",
                                      example_model("diagonal"), none.string()));
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  result = run_rnncc(
      fmt::format("compile {} --length 16 -o '{}'", example_model("diagonal"), balanced.string()));
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  CHECK(result.standard_error.find("as built 45 ANDs, depth 30; --optimize balance, proved "
                                   "equivalent") != std::string::npos);
  const nlohmann::json before = stats_of(none);
  const nlohmann::json after = stats_of(balanced);
  CHECK(before["depth"] == 30);
  CHECK(after["depth"] == 8);
  CHECK(after["ands"] == 45);
  CHECK(after["inputs"] == before["inputs"]);
  if (rnncc::test::abc_available()) CHECK(rnncc::test::abc_equivalent(none, balanced));
  // The names survive: eval decodes the tokens as on the original.
  const std::string tokens = "0110100111010001";
  CHECK(run_rnncc("eval '" + balanced.string() + "' --tokens " + tokens).standard_output ==
        run_rnncc("eval '" + none.string() + "' --tokens " + tokens).standard_output);
}

TEST_CASE("compile --optimize abc runs ABC after balancing; without ABC it is refused") {
  TemporaryDirectory directory;
  const auto circuit = directory / "abc.aig";
  const std::string arguments = fmt::format(
      "compile {} --length 8 --format mod:4 --schedule scan --optimize abc --check "
      "-o '{}'",
      example_model("diagonal"), circuit.string());
  if (rnncc::test::abc_available()) {
    const auto result = run_rnncc(arguments);
    REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
    CHECK(result.standard_error.find("--optimize abc, proved equivalent") != std::string::npos);
  }
  std::filesystem::remove(circuit);
  const auto missing = run_command("RNNCC_ABC=/nonexistent/abc '" +
                                   std::string(RNNCC_CLI_EXECUTABLE) + "' " + arguments);
  CHECK(missing.exit_status == 2);
  CHECK(std::count(missing.standard_error.begin(), missing.standard_error.end(), '\n') == 1);
  CHECK(missing.standard_error.find("ABC was not found") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(circuit));
  const auto unknown = run_rnncc(fmt::format("compile {} --length 8 --optimize fast -o '{}'",
                                             example_model("diagonal"), circuit.string()));
  CHECK(unknown.exit_status == 2);
  CHECK(unknown.standard_error.find("none, balance or abc") != std::string::npos);
}

TEST_CASE("growth reports depth and opt_depth, opt_depth never above depth") {
  TemporaryDirectory directory;
  const auto csv = directory / "growth.csv";
  const auto json = directory / "growth.json";
  const auto result = run_rnncc(
      fmt::format("growth {} --lengths 4..32 --schedule sequential --csv '{}' --json-file '{}'",
                  example_model("diagonal"), csv.string(), json.string()));
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  CHECK(result.standard_output.find("opt_depth") != std::string::npos);
  std::ifstream csv_file(csv);
  std::string line;
  std::getline(csv_file, line);
  const std::vector<std::string> header = split(line, ',');
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  REQUIRE(column("opt_depth") < header.size());
  int rows = 0;
  while (std::getline(csv_file, line)) {
    const std::vector<std::string> cells = split(line, ',');
    const long length = std::stol(cells[column("T")]);
    const long depth = std::stol(cells[column("depth")]);
    const long optimized = std::stol(cells[column("opt_depth")]);
    // The exact parity chain: 2 levels per step as built, a balanced
    // parity tree of T leaves after balancing (2 log2 T).
    CHECK(depth == 2 * (length - 1));
    CHECK(optimized == 2 * static_cast<long>(std::log2(length)));
    ++rows;
  }
  CHECK(rows == 4);
  std::ifstream json_file(json);
  const nlohmann::json report = nlohmann::json::parse(json_file);
  bool classified = false;
  for (const auto& series : report["series"]) {
    for (const auto& analysis : series["analysis"]) {
      if (analysis["measure"] == "opt_depth") {
        classified = true;
        CHECK(analysis["class"] == "log");
      }
    }
  }
  CHECK(classified);
}
