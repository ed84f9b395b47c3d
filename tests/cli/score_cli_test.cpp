// rnncc task, construct, score and verify --tasks from the command line:
// the shipped construction models are what `rnncc construct` writes, they
// score 1 on their tasks, and malformed instance files are refused with
// one line naming the file and line.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/abc.hpp"
#include "support/command.hpp"

using rnncc::test::run_rnncc;
using rnncc::test::TemporaryDirectory;

namespace {

std::string example_model(const std::string& name) {
  return std::string(RNNCC_SOURCE_DIR) + "/circuits/models/" + name + ".toml";
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("the shipped construction models are exactly what rnncc construct writes") {
  TemporaryDirectory directory;
  const std::vector<std::pair<std::string, std::string>> shipped = {
      {"s5_pd", "s5"},
      {"s5_wfa", "s5 --param family=wfa"},
      {"imm", "imm-dense"},
      {"connectivity", "connectivity"},
  };
  for (const auto& [model, arguments] : shipped) {
    CAPTURE(model);
    const auto output = directory / (model + ".toml");
    const auto result = run_rnncc("construct " + arguments + " -o '" + output.string() + "'");
    REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
    CHECK(read_text(output) == read_text(example_model(model)));
  }
}

TEST_CASE("score: the S5 model answers every generated instance, as JSON") {
  TemporaryDirectory directory;
  const auto tasks = directory / "s5.jsonl";
  auto result = run_rnncc("task s5 --size 20 --count 64 --seed 3 -o '" + tasks.string() + "'");
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  CHECK(line_count(read_text(tasks)) == 64);
  result = run_rnncc("score '" + example_model("s5_pd") + "' --tasks '" + tasks.string() +
                     "' --engine both --no-cache --json");
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  const auto json = nlohmann::json::parse(result.standard_output);
  CHECK(json["instances"] == 64);
  CHECK(json["correct"] == 64);
  CHECK(json["confusion"]["true_positives"].get<int>() == 32);
  CHECK(json["confusion"]["true_negatives"].get<int>() == 32);
}

TEST_CASE("verify --tasks: interpreter and circuit agree on the instances' inputs") {
  TemporaryDirectory directory;
  const auto tasks = directory / "imm.jsonl";
  auto result = run_rnncc("task imm --size 6 --count 40 --seed 2 -o '" + tasks.string() + "'");
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  result = run_rnncc("verify '" + example_model("imm") + "' --tasks '" + tasks.string() + "'");
  CHECK_MESSAGE(result.exit_status == 0, result.standard_error);
  CHECK(result.standard_output.find(": 40 input sequences (from ") != std::string::npos);
}

TEST_CASE("malformed instance files: exit 2, one line naming the file and line, nothing else") {
  TemporaryDirectory directory;
  const auto good = directory / "good.jsonl";
  REQUIRE(run_rnncc("task s5 --size 3 --count 2 --seed 1 -o '" + good.string() + "'").exit_status ==
          0);
  const std::string first_line = read_text(good).substr(0, read_text(good).find('\n') + 1);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"not json", first_line + "{\"tokens\": [\"p1\"], \"label\": \n"},
      {"unknown symbol", first_line + "{\"tokens\": [\"p1\", \"q9\"], \"label\": 0}\n"},
      {"label not 0/1", first_line + "{\"tokens\": [\"p1\"], \"label\": 2}\n"},
      {"no label", first_line + "{\"tokens\": [\"p1\"]}\n"},
  };
  for (const auto& [what, text] : cases) {
    CAPTURE(what);
    const auto bad = directory / "bad.jsonl";
    std::ofstream(bad, std::ios::trunc) << text;
    const auto result = run_rnncc("score '" + example_model("s5_pd") + "' --tasks '" +
                                  bad.string() + "' --no-cache");
    CHECK(result.exit_status == 2);
    CHECK(result.standard_output.empty());
    CHECK(line_count(result.standard_error) == 1);
    CHECK(result.standard_error.find(bad.string() + ":2") != std::string::npos);
  }
  const auto empty = directory / "empty.jsonl";
  std::ofstream(empty) << "";
  const auto result = run_rnncc("score '" + example_model("s5_pd") + "' --tasks '" +
                                empty.string() + "' --no-cache");
  CHECK(result.exit_status == 2);
  CHECK(line_count(result.standard_error) == 1);
}

TEST_CASE("construct and task refuse unknown names and parameters with exit 2, writing nothing") {
  TemporaryDirectory directory;
  const auto output = directory / "out.toml";
  for (const std::string& arguments :
       std::vector<std::string>{"construct no-such -o '" + output.string() + "'",
                                "construct s5 --param family=lstm -o '" + output.string() + "'",
                                "construct s5 --param colour=red -o '" + output.string() + "'",
                                "task no-such --size 3 -o '" + output.string() + "'",
                                "task s5 --size 0 -o '" + output.string() + "'"}) {
    CAPTURE(arguments);
    const auto result = run_rnncc(arguments);
    CHECK(result.exit_status == 2);
    CHECK(line_count(result.standard_error) == 1);
    CHECK_FALSE(std::filesystem::exists(output));
  }
}
