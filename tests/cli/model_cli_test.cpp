// rnncc run, compile and verify from the command line: outputs, files,
// exit statuses, and nothing written on bad input.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "rnncc/io/aiger.hpp"
#include "support/abc.hpp"
#include "support/command.hpp"

namespace {

std::string model(const std::string& name) {
  return std::string(RNNCC_SOURCE_DIR) + "/circuits/models/" + name + ".toml";
}

}  // namespace

TEST_CASE("rnncc run prints the exact output after each step") {
  const auto result = rnncc::test::run_rnncc("run " + model("dense") + " --tokens fgf");
  CHECK(result.exit_status == 0);
  // [1,0] -> f: [1,1] -> g: [1,1]+[1,0] = [2,1] -> f: [3,2]
  CHECK(result.standard_output == "1 1 1\n2 2 1\n3 3 2\n");
  const auto last = rnncc::test::run_rnncc("run " + model("wfa") + " --tokens abaab --last --json");
  CHECK(last.standard_output.find("\"outputs\": [\n      \"3\"") != std::string::npos);
  const auto bad = rnncc::test::run_rnncc("run " + model("dense") + " --tokens fxg");
  CHECK(bad.exit_status == 2);
  CHECK(bad.standard_error.find("character 2: 'x' is not in the alphabet") != std::string::npos);
}

TEST_CASE("rnncc compile writes AIGER and .arith files that ABC and rnncc read alike") {
  rnncc::test::TemporaryDirectory directory;
  const auto result = rnncc::test::run_rnncc("compile " + model("deltanet") +
                                             " --format mod:8 --length 8 --schedule scan -o " +
                                             (directory / "d.aig").string());
  REQUIRE(result.exit_status == 0);
  CHECK(result.standard_error.find("ANDs, depth") != std::string::npos);
  CHECK(result.standard_error.find("composed dense") != std::string::npos);
  const rnncc::logic::Aig aig = rnncc::io::read_aiger_file(directory / "d.aig");
  const rnncc::test::AbcStatistics abc = rnncc::test::abc_statistics(directory / "d.aig");
  CHECK(abc.ands == aig.and_count());
  CHECK(abc.levels == aig.depth());
  CHECK(aig.input_name(0) == "token@1[0][0]");
  CHECK(aig.output_name(0) == "y@8[0][0]");
  const auto arith =
      rnncc::test::run_rnncc("compile " + model("deltanet") + " --length 8 --schedule scan -o " +
                             (directory / "d.arith").string());
  REQUIRE(arith.exit_status == 0);
  const auto stats =
      rnncc::test::run_rnncc("stats " + (directory / "d.arith").string() + " --json");
  CHECK(stats.standard_output.find("\"arith_depth\"") != std::string::npos);
}

TEST_CASE("rnncc compile refuses bad requests with exit 2 and writes nothing") {
  rnncc::test::TemporaryDirectory directory;
  const std::string output = (directory / "x.aig").string();
  for (const std::string& arguments :
       {"compile " + model("relu_rnn") + " --length 4 --schedule scan -o " + output,
        "compile " + model("gru") + " --length 4 --format exact -o " + output,
        "compile " + model("diagonal") + " --length 4 --schedule table -o " + output,
        "compile " + model("diagonal") + " --length 4 --schedule chunked:0 -o " + output,
        "compile " + model("diagonal") + " --length 4 -o " + (directory / "x.txt").string(),
        "compile " + model("relu_rnn") + " --format mod:4 --length 4 --schedule table -o " +
            (directory / "x.arith").string(),
        "compile " + std::string(RNNCC_SOURCE_DIR) + "/README.md --length 4 -o " + output}) {
    CAPTURE(arguments);
    const auto result = rnncc::test::run_rnncc(arguments);
    CHECK(result.exit_status == 2);
    CHECK(result.standard_error.find('\n') == result.standard_error.size() - 1);  // one line
  }
  CHECK(std::filesystem::is_empty(directory.path()));
}

TEST_CASE("rnncc verify checks every input when they are few") {
  const auto result =
      rnncc::test::run_rnncc("verify " + model("pd") + " --length 4 --schedule scan");
  CHECK(result.exit_status == 0);
  CHECK(result.standard_output.find("81 input sequences (all of them)") != std::string::npos);
  CHECK(result.standard_output.find("all equal") != std::string::npos);
  const auto drift = rnncc::test::run_rnncc(
      "verify " + model("mamba") + " --length 4 --schedule scan --reassociate --random 50");
  CHECK(drift.exit_status == 0);
  CHECK(drift.standard_output.find("reassociated:") != std::string::npos);
  const auto refused =
      rnncc::test::run_rnncc("verify " + model("mamba") + " --length 4 --schedule scan");
  CHECK(refused.exit_status == 2);
}

TEST_CASE("a network compiles sublayer by sublayer under scan and verifies on every input") {
  const auto result = rnncc::test::run_rnncc("verify " + model("network") +
                                             " --length 5 --schedule scan --format mod:6");
  CHECK(result.exit_status == 0);
  CHECK(result.standard_output.find("32 input sequences (all of them)") != std::string::npos);
  CHECK(result.standard_output.find("all equal") != std::string::npos);
  const auto analytic = rnncc::test::run_rnncc("growth " + model("network") +
                                               " --lengths 16..32 --schedule scan --analytic");
  CHECK(analytic.exit_status == 2);
  CHECK(analytic.standard_error.find("a network scans each sublayer") != std::string::npos);
}

TEST_CASE("rnncc eval --tokens and --vectors decode a compiled model's outputs like rnncc run") {
  rnncc::test::TemporaryDirectory directory;
  const std::string circuit = (directory / "pd.aig").string();
  REQUIRE(rnncc::test::run_rnncc("compile " + model("pd") +
                                 " --length 6 --schedule scan --outputs all -o " + circuit)
              .exit_status == 0);
  const auto evaluated = rnncc::test::run_rnncc("eval " + circuit + " --tokens rsesre");
  REQUIRE(evaluated.exit_status == 0);
  const auto interpreted = rnncc::test::run_rnncc("run " + model("pd") + " --tokens rsesre");
  // run prints "t v0 v1 v2" per step; eval prints "y@t[i] v" per output word.
  std::string expected;
  std::istringstream lines(interpreted.standard_output);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string step, value;
    words >> step;
    for (int i = 0; words >> value; ++i)
      expected += "y@" + step + "[" + std::to_string(i) + "] " + value + "\n";
  }
  CHECK(evaluated.standard_output == expected);
  const std::string gru = (directory / "gru.aig").string();
  REQUIRE(rnncc::test::run_rnncc("compile " + model("gru") + " --length 2 -o " + gru).exit_status ==
          0);
  std::ofstream(directory / "inputs.txt") << "0.5 -1\n0.25 0.125\n";
  const auto vectors =
      rnncc::test::run_rnncc("eval " + gru + " --vectors " + (directory / "inputs.txt").string());
  const auto reference = rnncc::test::run_rnncc("run " + model("gru") + " --last --vectors " +
                                                (directory / "inputs.txt").string());
  REQUIRE(vectors.exit_status == 0);
  std::istringstream reference_words(reference.standard_output);
  std::string step, first, second;
  reference_words >> step >> first >> second;
  CHECK(vectors.standard_output == "y@2[0] " + first + "\ny@2[1] " + second + "\n");
  CHECK(rnncc::test::run_rnncc("eval " + circuit + " --tokens rsx").exit_status == 2);
  CHECK(rnncc::test::run_rnncc("eval " + circuit + " --tokens rse").exit_status ==
        2);  // 3 of 6 steps
}
