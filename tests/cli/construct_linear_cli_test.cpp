// rnncc construct parity, transvection and dwfa from the command line:
// listed in --help, their models score 1 or print the hand-computed values,
// compiled circuits agree with the interpreter, and a malformed automaton
// is refused with one line naming the file and line.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "support/abc.hpp"
#include "support/command.hpp"

using rnncc::test::run_rnncc;
using rnncc::test::TemporaryDirectory;

namespace {

std::string quoted(const std::filesystem::path& path) {
  return fmt::format("'{}'", path.string());
}

std::filesystem::path shipped_automaton() {
  return std::filesystem::path(RNNCC_SOURCE_DIR) / "circuits/automata/mod3_signed.dwfa";
}

/// The values `rnncc run MODEL --tokens WORD --last` prints after the step
/// number.
std::string last_step_values(const std::filesystem::path& model, const std::string& word) {
  const auto result = run_rnncc(fmt::format("run {} --tokens {} --last", quoted(model), word));
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  const std::string line = result.standard_output.substr(0, result.standard_output.find('\n'));
  return line.substr(line.find(' ') + 1);
}

/// The values `rnncc eval CIRCUIT --tokens WORD` prints, space-separated.
std::string circuit_values(const std::filesystem::path& circuit, const std::string& word) {
  const auto result = run_rnncc(fmt::format("eval {} --tokens {}", quoted(circuit), word));
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  std::istringstream lines(result.standard_output);
  std::string line, values;
  while (std::getline(lines, line)) {
    if (!values.empty()) values += ' ';
    values.append(line, line.find(' ') + 1);
  }
  return values;
}

}  // namespace

TEST_CASE("construct --help lists parity, transvection and dwfa with their results") {
  const auto result = run_rnncc("construct --help");
  REQUIRE(result.exit_status == 0);
  for (const char* line : {"parity ", "transvection ", "Lemma 10", "dwfa ", "Thm 8"})
    CHECK_MESSAGE(result.standard_output.find(line) != std::string::npos, line);
}

TEST_CASE("construct parity: both families score 1 on parity instances of length 256 in mod:8") {
  TemporaryDirectory directory;
  const auto tasks = directory / "parity.jsonl";
  auto result =
      run_rnncc(fmt::format("task parity --size 256 --count 32 --seed 5 -o {}", quoted(tasks)));
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  for (const std::string family : {"diagonal", "deltanet"}) {
    CAPTURE(family);
    const auto model = directory / (family + ".toml");
    result = run_rnncc(fmt::format("construct parity --param family={} --param format=mod:8 -o {}",
                                   family, quoted(model)));
    REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
    result = run_rnncc(fmt::format("score {} --tasks {} --engine both --no-cache --json",
                                   quoted(model), quoted(tasks)));
    REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
    const auto json = nlohmann::json::parse(result.standard_output);
    CHECK(json["correct"] == 32);
  }
}

TEST_CASE("construct transvection: abc composes to the transvection, by run and by eval") {
  TemporaryDirectory directory;
  const auto model = directory / "t.toml";
  auto result = run_rnncc(fmt::format("construct transvection -o {}", quoted(model)));
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  // s = 0, d = 1: row 1 receives row 0, I + e_1 e_0^T.
  CHECK(last_step_values(model, "abc") == "1 0 0 1 1 0 0 0 1");
  CHECK(last_step_values(model, "cba") == "1 1 0 0 1 0 0 0 1");
  const auto circuit = directory / "t.aag";
  result = run_rnncc(fmt::format("compile {} --length 3 -o {}", quoted(model), quoted(circuit)));
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  for (const std::string word : {"abc", "cba", "bac", "aab"})
    CHECK(circuit_values(circuit, word) == last_step_values(model, word));
}

TEST_CASE("construct dwfa: the shipped automaton's values by run and by compile + eval") {
  TemporaryDirectory directory;
  const auto model = directory / "m.toml";
  auto result = run_rnncc(fmt::format("construct dwfa {} --param readout=value -o {}",
                                      quoted(shipped_automaton()), quoted(model)));
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  // f = (−1)^(#b) when 3 divides #a, else 0; counted by hand.
  CHECK(last_step_values(model, "aaab") == "-1");
  CHECK(last_step_values(model, "abab") == "0");
  CHECK(last_step_values(model, "babbaab") == "1");
  const auto circuit = directory / "m.aag";
  result = run_rnncc(
      fmt::format("compile {} --length 7 --schedule scan -o {}", quoted(model), quoted(circuit)));
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  CHECK(result.standard_error.find("permutation-diagonal") != std::string::npos);
  for (const std::string word : {"aaabbab", "babbaab", "aaaaaaa", "bbbbbbb", "abababa"})
    CHECK(circuit_values(circuit, word) == last_step_values(model, word));
}

TEST_CASE("construct dwfa: a malformed automaton, exit 2 and one line naming file:line") {
  TemporaryDirectory directory;
  const auto automaton = directory / "bad.dwfa";
  std::ofstream(automaton) << "states p q\nalphabet x\ninitial p\np x -> q 1/0\n";
  const auto output = directory / "out.toml";
  const auto result =
      run_rnncc(fmt::format("construct dwfa {} -o {}", quoted(automaton), quoted(output)));
  CHECK(result.exit_status == 2);
  CHECK(std::count(result.standard_error.begin(), result.standard_error.end(), '\n') == 1);
  CHECK(result.standard_error.find(automaton.string() + ":4:") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(output));
}
