// Circuit files on the command line: every command takes the extensions of
// the table of file types, refuses the rest with one line listing what it
// takes, and lists them in its --help.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/abc.hpp"
#include "support/command.hpp"

using rnncc::test::run_rnncc;
using rnncc::test::TemporaryDirectory;

namespace {

std::string quoted(const std::filesystem::path& path) {
  return fmt::format("'{}'", path.string());
}

std::string model(const std::string& name) {
  return std::string(RNNCC_SOURCE_DIR) + "/circuits/models/" + name + ".toml";
}

/// The one-line refusal rnncc prints for `message`, with exit status 2.
void check_refused(const rnncc::test::CommandResult& result, const std::string& message) {
  CHECK(result.exit_status == 2);
  CHECK(result.standard_error == "rnncc: " + message + "\n");
}

const std::string any_readable_circuit =
    "expected a circuit file ending in .aag, .aig, .blif or .arith";
const std::string any_writable_circuit =
    "expected a circuit file ending in .aag, .aig, .blif, .v, .bristol, .dot or .arith";
const std::string boolean_readable =
    "expected a Boolean circuit file ending in .aag, .aig or .blif";
const std::string boolean_writable =
    "expected a Boolean circuit file ending in .aag, .aig, .blif, .v, .bristol or .dot";
const std::string boolean_circuit = boolean_readable + " (.arith holds a word-level circuit)";

}  // namespace

TEST_CASE("circuit files are read by extension: unknown ones and word-level ones are refused") {
  TemporaryDirectory directory;
  const auto adder = directory / "adder.aag";
  REQUIRE(run_rnncc("gen adder --bits 4 -o " + quoted(adder)).exit_status == 0);
  const auto word_level = directory / "identity.arith";
  std::ofstream(word_level) << "rnncc-arith 1 mod:8\nn0 = input x\noutput y n0\n";
  REQUIRE(run_rnncc("stats " + quoted(word_level)).exit_status == 0);

  // The same AIGER bytes under an extension the table does not know.
  const auto renamed = directory / "adder.txt";
  std::filesystem::copy_file(adder, renamed);
  check_refused(run_rnncc("stats " + quoted(renamed)),
                renamed.string() + ": " + any_readable_circuit);
  check_refused(run_rnncc("eval --random 1 " + quoted(renamed)),
                renamed.string() + ": " + boolean_readable);

  // eval and equiv need Boolean circuits.
  check_refused(run_rnncc("eval --random 1 " + quoted(word_level)),
                word_level.string() + ": " + boolean_circuit);
  check_refused(run_rnncc("equiv " + quoted(adder) + " " + quoted(word_level)),
                word_level.string() + ": " + boolean_circuit);
  check_refused(run_rnncc("equiv " + quoted(word_level) + " " + quoted(adder)),
                word_level.string() + ": " + boolean_circuit);

  // AIGER is read as its header says, whatever its AIGER extension.
  const auto binary_as_ascii = directory / "binary.aag";
  REQUIRE(run_rnncc("gen adder --bits 4 -o " + quoted(directory / "binary.aig")).exit_status == 0);
  std::filesystem::copy_file(directory / "binary.aig", binary_as_ascii);
  CHECK(run_rnncc("equiv " + quoted(adder) + " " + quoted(binary_as_ascii)).exit_status == 0);
}

TEST_CASE("circuit files are written by extension, and nothing is left when refused") {
  TemporaryDirectory directory;
  const auto text = directory / "x.txt";
  const auto word_level = directory / "x.arith";
  check_refused(
      run_rnncc("gen adder --bits 4 -o " + quoted(word_level)),
      word_level.string() + ": " + boolean_writable + " (.arith holds a word-level circuit)");
  check_refused(run_rnncc("gen adder --bits 4 -o " + quoted(text)),
                text.string() + ": " + boolean_writable);
  check_refused(run_rnncc("compile " + model("diagonal") + " --length 2 -o " + quoted(text)),
                text.string() + ": " + any_writable_circuit);
  check_refused(run_rnncc("compile " + model("relu_rnn") +
                          " --format mod:4 --length 4 --schedule table -o " + quoted(word_level)),
                "the table schedule builds a Boolean circuit only: write .aag, .aig, .blif, .v, "
                ".bristol or .dot");
  CHECK(std::filesystem::is_empty(directory.path()));
}

TEST_CASE("--help lists the extensions each command takes") {
  const auto contains = [](const std::string& command, const std::string& text) {
    const auto result = run_rnncc(command + " --help");
    CHECK(result.exit_status == 0);
    CHECK_MESSAGE(result.standard_output.find(text) != std::string::npos, result.standard_output);
  };
  const std::string boolean_readable =
      ".aag (ASCII AIGER), .aig (binary AIGER) or .blif (BLIF netlist)";
  const std::string boolean_writable =
      ".aag (ASCII AIGER), .aig (binary AIGER), .blif (BLIF netlist), .v (structural Verilog), "
      ".bristol (Bristol fashion) or .dot (Graphviz drawing)";
  contains("stats",
           ".aag (ASCII AIGER), .aig (binary AIGER), .blif (BLIF netlist) or .arith (word-level "
           "arithmetic circuit)");
  contains("compile",
           ".bristol (Bristol fashion), .dot (Graphviz drawing) or .arith (word-level arithmetic "
           "circuit)");
  contains("eval", boolean_readable);
  contains("equiv", boolean_readable);
  contains("gen", boolean_writable);
  contains("dot", boolean_readable);
}
