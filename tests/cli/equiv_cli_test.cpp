// `rnncc equiv` as a user runs it, against ABC's &cec verdicts and ABC's
// simulation of the printed counterexample.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "rnncc/io/aiger.hpp"
#include "rnncc/io/file_types.hpp"
#include "support/abc.hpp"
#include "support/command.hpp"

using rnncc::test::run_abc;
using rnncc::test::run_rnncc;
using rnncc::test::TemporaryDirectory;

namespace {

std::string quoted(const std::filesystem::path& path) {
  return fmt::format("'{}'", path.string());
}

std::filesystem::path generate(const TemporaryDirectory& directory, const std::string& arguments,
                               const std::string& name) {
  const auto file = directory / name;
  const auto made = run_rnncc("gen " + arguments + " -o " + quoted(file));
  REQUIRE_MESSAGE(made.exit_status == 0, made.standard_error);
  return file;
}

/// The AIGER text of `file` (ASCII) with the first AND line's first fan-in
/// complemented: a circuit that differs in one gate.
std::filesystem::path with_first_and_changed(const std::filesystem::path& file,
                                             const std::filesystem::path& target) {
  std::ifstream in(file);
  std::string header;
  std::getline(in, header);
  std::istringstream fields(header.substr(4));
  unsigned m, i, l, o, a;
  fields >> m >> i >> l >> o >> a;
  std::ofstream out(target);
  out << header << "\n";
  std::string line;
  for (unsigned k = 0; std::getline(in, line); ++k) {
    if (k == i + o) {  // the first AND line: lhs rhs0 rhs1
      std::istringstream and_fields(line);
      unsigned lhs, rhs0, rhs1;
      and_fields >> lhs >> rhs0 >> rhs1;
      line = fmt::format("{} {} {}", lhs, rhs0 ^ 1U, rhs1);
    }
    out << line << "\n";
  }
  return target;
}

std::string abc_simulate_one(const std::filesystem::path& circuit, const std::string& bits,
                             std::size_t outputs) {
  const auto pattern_file = circuit.parent_path() / "cex.txt";
  std::ofstream(pattern_file) << bits << "\n";
  std::istringstream lines(
      run_abc("read " + circuit.string() + "; strash; sim -m -v -A " + pattern_file.string(),
              circuit.parent_path()));
  std::string line;
  while (std::getline(lines, line))
    if (line.size() == outputs && line.find_first_not_of("01") == std::string::npos) return line;
  return "";
}

}  // namespace

TEST_CASE("equiv: adders of different architectures are equivalent (exit 0), as &cec says") {
  TemporaryDirectory directory;
  const auto ripple = generate(directory, "adder --bits 16 --arch ripple", "r.aig");
  const auto kogge = generate(directory, "adder --bits 16 --arch kogge-stone", "k.aig");
  const auto result = run_rnncc("equiv " + quoted(ripple) + " " + quoted(kogge));
  CHECK(result.exit_status == 0);
  CHECK(result.standard_output == "equivalent\n");
  CHECK(rnncc::test::abc_equivalent(ripple, kogge));
  const auto json = run_rnncc("equiv --json " + quoted(ripple) + " " + quoted(kogge));
  CHECK(json.exit_status == 0);
  CHECK(nlohmann::json::parse(json.standard_output)["equivalent"] == true);
}

TEST_CASE("equiv: one changed gate gives exit 1 and a counterexample ABC confirms") {
  TemporaryDirectory directory;
  const auto adder_text = generate(directory, "adder --bits 12 --arch sklansky", "s.aag");
  with_first_and_changed(adder_text, directory / "changed.aag");
  // Debian's ABC reads binary AIGER only: convert both files.
  const auto adder = directory / "s.aig";
  const auto changed = directory / "changed.aig";
  rnncc::io::write_boolean_circuit_file(rnncc::io::read_aiger_file(adder_text), adder);
  rnncc::io::write_boolean_circuit_file(rnncc::io::read_aiger_file(directory / "changed.aag"),
                                        changed);
  CHECK(!rnncc::test::abc_equivalent(adder, changed));
  for (const std::string random : {"4096", "0"}) {
    const auto result =
        run_rnncc("equiv --random " + random + " " + quoted(adder) + " " + quoted(changed));
    CHECK(result.exit_status == 1);
    std::smatch match;
    const std::regex expected(
        "not equivalent\ninputs ([01]{24})\noutput ([0-9]+) \\(sum\\[[0-9]+\\]\\): .* gives "
        "([01]), .* gives ([01])\n");
    REQUIRE_MESSAGE(std::regex_match(result.standard_output, match, expected),
                    result.standard_output);
    const std::string bits = match[1].str();
    const std::size_t output = std::stoul(match[2].str());
    const std::string first = abc_simulate_one(adder, bits, 13);
    const std::string second = abc_simulate_one(changed, bits, 13);
    REQUIRE(first.size() == 13);
    REQUIRE(second.size() == 13);
    CHECK(first[output] == match[3].str()[0]);
    CHECK(second[output] == match[4].str()[0]);
    // The reported output is the first that differs.
    CHECK(first.substr(0, output) == second.substr(0, output));
  }
}

TEST_CASE("equiv: multipliers of different architectures, as &cec says") {
  TemporaryDirectory directory;
  const auto dadda = generate(directory, "multiplier --bits 6 --arch dadda", "d.aig");
  const auto array = generate(directory, "multiplier --bits 6 --arch array", "a.aig");
  const auto result = run_rnncc("equiv --json " + quoted(dadda) + " " + quoted(array));
  CHECK(result.exit_status == 0);
  const auto json = nlohmann::json::parse(result.standard_output);
  CHECK(json["equivalent"] == true);
  CHECK(json["method"] == "sat");
  CHECK(rnncc::test::abc_equivalent(dadda, array));
}

TEST_CASE("equiv: mismatched interfaces and unreadable files give exit status 2") {
  TemporaryDirectory directory;
  const auto eight = generate(directory, "adder --bits 8", "8.aig");
  const auto nine = generate(directory, "adder --bits 9", "9.aig");
  const auto result = run_rnncc("equiv " + quoted(eight) + " " + quoted(nine));
  CHECK(result.exit_status == 2);
  CHECK(result.standard_error ==
        "rnncc: " + eight.string() + " has 16 inputs but " + nine.string() + " has 18\n");
  CHECK(run_rnncc("equiv " + quoted(eight) + " " + quoted(directory / "none.aig")).exit_status ==
        2);
}
