// `rnncc compile --sequential`, `stats` and `eval --length` as a user runs
// them: ABC's unrolling of the written step (`&frames -F T -i -a`) is
// equivalent to `rnncc compile --length T --outputs all`, T steps of eval
// print the unrolled circuit's lines, and bad requests get one line, exit 2.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "support/abc.hpp"
#include "support/command.hpp"

using rnncc::test::run_abc;
using rnncc::test::run_rnncc;
using rnncc::test::TemporaryDirectory;

namespace {

std::string quoted(const std::filesystem::path& path) {
  return fmt::format("'{}'", path.string());
}

std::string model_path(const std::string& name) {
  return quoted(std::filesystem::path(RNNCC_SOURCE_DIR) / "circuits" / "models" / (name + ".toml"));
}

/// Runs rnncc with `arguments` and requires exit status 0.
std::string succeed(const std::string& arguments) {
  const auto result = run_rnncc(arguments);
  INFO("rnncc ", arguments);
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  return result.standard_output;
}

/// Runs rnncc with `arguments`, requires exit status 2 with one line on
/// stderr containing `topic`.
void refused(const std::string& arguments, const std::string& topic) {
  const auto result = run_rnncc(arguments);
  INFO("rnncc ", arguments, "\nstderr: ", result.standard_error);
  CHECK(result.exit_status == 2);
  CHECK(result.standard_error.find(topic) != std::string::npos);
  CHECK(result.standard_error.find('\n') == result.standard_error.size() - 1);
}

}  // namespace

TEST_CASE("compile --sequential: stats counts the latches, eval --length runs the steps") {
  const TemporaryDirectory directory;
  const std::vector<std::pair<std::string, std::string>> cases{
      {"wfa", "modp:5"}, {"elman", "fixed:6.3"}, {"deltanet", "mod:4"}};
  for (const auto& [name, format] : cases) {
    CAPTURE(name);
    const auto step = directory / (name + "_step.aig");
    succeed(fmt::format("compile {} --format {} --sequential -o {}", model_path(name), format,
                        quoted(step)));
    const auto stats = nlohmann::json::parse(succeed(fmt::format("stats --json {}", quoted(step))));
    CHECK(stats.at("latches").get<int>() > 0);
    for (int length : {1, 3, 6}) {
      CAPTURE(length);
      const auto unrolled = directory / fmt::format("{}_{}.aig", name, length);
      succeed(fmt::format("compile {} --format {} --length {} --outputs all -o {}",
                          model_path(name), format, length, quoted(unrolled)));
      const auto unrolled_stats =
          nlohmann::json::parse(succeed(fmt::format("stats --json {}", quoted(unrolled))));
      CHECK(unrolled_stats.at("inputs").get<int>() == length * stats.at("inputs").get<int>());
      CHECK(unrolled_stats.at("outputs").get<int>() == length * stats.at("outputs").get<int>());
      CHECK(
          succeed(fmt::format("eval {} --length {} --random 200 --seed 5", quoted(step), length)) ==
          succeed(fmt::format("eval {} --random 200 --seed 5", quoted(unrolled))));
    }
  }
}

TEST_CASE("ABC's unrolling of the step is the compiled circuit of every step (rnncc equiv)") {
  const TemporaryDirectory directory;
  const std::vector<std::pair<std::string, std::string>> cases{
      {"diagonal", "mod:4"}, {"relu_rnn", "fixed:6.2"}, {"network", "mod:3"}};
  for (const auto& [name, format] : cases) {
    CAPTURE(name);
    const auto step = directory / (name + "_step.aig");
    succeed(fmt::format("compile {} --format {} --sequential -o {}", model_path(name), format,
                        quoted(step)));
    for (int length : {2, 4}) {
      CAPTURE(length);
      const auto unrolled = directory / fmt::format("{}_{}.aig", name, length);
      succeed(fmt::format("compile {} --format {} --length {} --outputs all -o {}",
                          model_path(name), format, length, quoted(unrolled)));
      const auto frames = directory / fmt::format("{}_frames_{}.aig", name, length);
      const std::string abc_output = run_abc(
          fmt::format("&r {}; &frames -F {} -i -a; &w {}", quoted(step), length, quoted(frames)),
          directory.path());
      INFO("ABC: ", abc_output);
      REQUIRE(std::filesystem::exists(frames));
      const auto result = run_rnncc(fmt::format("equiv {} {}", quoted(unrolled), quoted(frames)));
      INFO(result.standard_output, result.standard_error);
      CHECK(result.exit_status == 0);
    }
  }
}

TEST_CASE("sequential requests that cannot work get one line, exit 2") {
  const TemporaryDirectory directory;
  const std::string diagonal = model_path("diagonal");
  const auto step = directory / "step.aag";
  refused(fmt::format("compile {} --sequential -o {}", diagonal, quoted(step)), "finite");
  refused(fmt::format("compile {} --format mod:4 --sequential --length 3 -o {}", diagonal,
                      quoted(step)),
          "--length");
  refused(fmt::format("compile {} --format mod:4 --sequential --schedule scan -o {}", diagonal,
                      quoted(step)),
          "--schedule");
  refused(fmt::format("compile {} --format mod:4 --sequential -o {}", diagonal,
                      quoted(directory / "step.arith")),
          "step.arith");
  refused(fmt::format("compile {} --format mod:4 -o {}", diagonal, quoted(step)), "--length");
  CHECK(!std::filesystem::exists(step));
  succeed(fmt::format("compile {} --format mod:4 --sequential -o {}", diagonal, quoted(step)));
  refused(fmt::format("eval {} --random 4", quoted(step)), "--length");
  refused(fmt::format("equiv {} {}", quoted(step), quoted(step)), "latches are not supported");
  const auto bad = directory / "bad.aag";
  std::ofstream(bad) << "aag 1 0 1 0 0\n2 3 7\n";
  refused(fmt::format("stats {}", quoted(bad)), "bad.aag:2: expected the initial value of latch 0");
  refused(fmt::format("eval {} --length 2 --random 1", quoted(bad)), "bad.aag:2:");
}
