// rnncc optimize: ABC as a subprocess. The result is smaller, equivalent by
// ABC's own `cec` and by rnncc equiv, keeps the names and the description
// (so eval --tokens still decodes it), and failures are one line, exit 2.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/abc.hpp"
#include "support/command.hpp"

using rnncc::test::run_command;
using rnncc::test::run_rnncc;
using rnncc::test::TemporaryDirectory;

namespace {

std::string example_model(const std::string& name) {
  return std::string(RNNCC_SOURCE_DIR) + "/circuits/models/" + name + ".toml";
}

nlohmann::json stats_of(const std::filesystem::path& circuit) {
  const auto result = run_rnncc("stats '" + circuit.string() + "' --json");
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  return nlohmann::json::parse(result.standard_output);
}

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("optimize: a compiled scan shrinks, stays equivalent and keeps its names") {
  TemporaryDirectory directory;
  const auto built = directory / "parity16.aig";
  const auto optimized = directory / "parity16_abc.aig";
  // At full width (16-bit words and multipliers for values in {-1, 1}),
  // which leaves ABC much to remove; narrowed, the circuit is already the
  // 15 XORs ABC finds.
  auto result = run_rnncc("compile '" + example_model("diagonal") +
                          "' --length 16 --format mod:16 --schedule scan --no-narrowing -o '" +
                          built.string() + "'");
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  result = run_rnncc("optimize '" + built.string() + "' -o '" + optimized.string() + "' --check");
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  CHECK(line_count(result.standard_error) == 1);
  CHECK(result.standard_error.find("proved equivalent") != std::string::npos);
  const nlohmann::json before = stats_of(built);
  const nlohmann::json after = stats_of(optimized);
  CHECK(after["inputs"] == before["inputs"]);
  CHECK(after["outputs"] == before["outputs"]);
  CHECK(after["ands"].get<long>() * 4 < before["ands"].get<long>());
  CHECK(after["depth"].get<long>() < before["depth"].get<long>());
  // An outside referee: ABC's own cec on the two files.
  CHECK(rnncc::test::abc_equivalent(built, optimized));
  // The description survives: eval decodes model inputs and outputs as on
  // the original, and as the interpreter computes them.
  const std::string tokens = "0110100111010001";
  const auto original_eval = run_rnncc("eval '" + built.string() + "' --tokens " + tokens);
  const auto optimized_eval = run_rnncc("eval '" + optimized.string() + "' --tokens " + tokens);
  REQUIRE_MESSAGE(optimized_eval.exit_status == 0, optimized_eval.standard_error);
  CHECK(optimized_eval.standard_output == original_eval.standard_output);
  // Eight ones: the parity model's state is (-1)^8 = 1 after the last step.
  CHECK(optimized_eval.standard_output == "y@16[0] 1\n");
}

TEST_CASE("optimize: a failing ABC script, a missing ABC and a word-level output are refused") {
  TemporaryDirectory directory;
  const auto adder = directory / "add8.aig";
  const auto output = directory / "out.aig";
  REQUIRE(run_rnncc("gen adder --bits 8 -o '" + adder.string() + "'").exit_status == 0);
  for (const std::string& arguments :
       {std::string("--abc '&no_such_command'"), std::string("--abc 'strash; &bogus -Z'")}) {
    CAPTURE(arguments);
    const auto result =
        run_rnncc("optimize '" + adder.string() + "' -o '" + output.string() + "' " + arguments);
    CHECK(result.exit_status == 2);
    CHECK(line_count(result.standard_error) == 1);
    CHECK(result.standard_error.find("ABC") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(output));
  }
  const auto missing =
      run_command("RNNCC_ABC=/nonexistent/abc '" + std::string(RNNCC_CLI_EXECUTABLE) +
                  "' optimize '" + adder.string() + "' -o '" + output.string() + "'");
  CHECK(missing.exit_status == 2);
  CHECK(missing.standard_error.find("ABC was not found") != std::string::npos);
  const auto word_level =
      run_rnncc("optimize '" + adder.string() + "' -o '" + (directory / "x.arith").string() + "'");
  CHECK(word_level.exit_status == 2);
  CHECK(line_count(word_level.standard_error) == 1);
}
