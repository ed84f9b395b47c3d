// rnncc prove from the command line: exit 0 when every verdict is the one
// its claim file expects (including the known errors' FAILs), 1 when one
// differs, 2 with one line file:line for a bad claim file; --json and
// --html write the reports.
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

std::string write_file(const std::filesystem::path& directory, const std::string& name,
                       const std::string& text) {
  std::ofstream(directory / name, std::ios::binary) << text;
  return (directory / name).string();
}

const std::string header =
    "title = \"fractions\"\nstatement = \"a/b + c/d\"\nsource = \"Appendix F\"\n";
const std::string printed_rule =
    "[[case]]\nkind = \"fraction-sum\"\nnumerator = \"a*d + b*c\"\ndenominator = \"b*c\"\n";

}  // namespace

TEST_CASE("rnncc prove: exit 0 when the verdicts are the expected ones, 1 otherwise") {
  TemporaryDirectory directory;
  const std::string expected = write_file(
      directory.path(), "expected.toml",
      header + printed_rule + "counterexample = [1, 1, 1, 2]\nexpected_verdict = \"FAIL\"\n");
  const auto ok =
      run_rnncc("prove " + expected + " --json-file " + (directory / "p.json").string() +
                " --html " + (directory / "p.html").string());
  INFO(ok.standard_error);
  CHECK(ok.exit_status == 0);
  CHECK(ok.standard_output.find("FAIL (expected)") != std::string::npos);
  CHECK(ok.standard_output.find("0 verdicts differing") != std::string::npos);
  std::ifstream json_file(directory / "p.json");
  const nlohmann::json json = nlohmann::json::parse(json_file);
  CHECK(json["unexpected_verdicts"] == 0);
  CHECK(std::filesystem::file_size(directory / "p.html") > 1000);

  const std::string wrong = write_file(directory.path(), "wrong.toml", header + printed_rule);
  const auto failed = run_rnncc("prove " + wrong);
  CHECK(failed.exit_status == 1);
  CHECK(failed.standard_output.find("1 verdict differing") != std::string::npos);
}

TEST_CASE("rnncc prove: a bad claim file is one line naming file and line, exit 2, nothing run") {
  TemporaryDirectory directory;
  const std::string good = write_file(directory.path(), "good.toml", header + printed_rule);
  const std::string bad =
      write_file(directory.path(), "bad.toml", header + printed_rule + "range = \"x\"\n");
  const auto result = run_rnncc("prove " + good + " " + bad);
  CHECK(result.exit_status == 2);
  CHECK(result.standard_error ==
        "rnncc: " + bad + ":8: case 1: 'range' must be an integer in [1, 50]\n");
  CHECK(result.standard_output.empty());
}
