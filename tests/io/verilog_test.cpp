// Structural Verilog: identifiers escaped as documented; Yosys synthesises
// the module back into an AIG equivalent to the circuit (rnncc's SAT
// check, ports matched by name), and Icarus Verilog simulates it on random
// patterns to the outputs rnncc's evaluator gives.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "random_aig.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/eval/evaluator.hpp"
#include "rnncc/eval/random_patterns.hpp"
#include "rnncc/io/aiger.hpp"
#include "rnncc/io/file_types.hpp"
#include "rnncc/io/verilog.hpp"
#include "rnncc/verify/equivalence.hpp"
#include "support/abc.hpp"
#include "support/command.hpp"
#include "support/outside_tools.hpp"

using rnncc::logic::Aig;

namespace {

/// A random circuit with names of the forms rnncc gives, a keyword, a
/// simple identifier and unnamed ports.
Aig verilog_test_circuit(std::uint64_t seed) {
  Aig aig = rnncc::test::random_aig(5, 250, seed, false);
  for (std::uint32_t i = 0; i < aig.input_count(); ++i) {
    if (i == 0)
      aig.set_input_name(i, "input");
    else if (i == 1)
      aig.set_input_name(i, "plain_name");
    else if (i % 4 != 3)
      aig.set_input_name(i, fmt::format("x@{}[0][{}]", i / 3 + 1, i % 3));
  }
  for (std::uint32_t i = 0; i < aig.output_count(); ++i) {
    if (i % 3 != 2) aig.set_output_name(i, fmt::format("y@{}[{}][0]", i / 2 + 1, i % 2));
  }
  return aig;
}

/// The names a Verilog reader sees for the ports: the circuit's, or the
/// placeholders for unnamed ones.
Aig with_placeholder_names(const Aig& aig) {
  Aig copy =
      rnncc::io::read_aiger(rnncc::io::write_aiger(aig, rnncc::io::AigerFormat::ascii), "copy");
  for (std::uint32_t i = 0; i < copy.input_count(); ++i) {
    if (copy.input_name(i).empty()) copy.set_input_name(i, fmt::format("_i{}", i));
  }
  for (std::uint32_t i = 0; i < copy.output_count(); ++i) {
    if (copy.output_name(i).empty()) copy.set_output_name(i, fmt::format("_o{}", i));
  }
  return copy;
}

}  // namespace

TEST_CASE("Verilog identifiers: simple ones as they are, everything else escaped") {
  using rnncc::io::verilog_identifier;
  CHECK(verilog_identifier("a_b$1") == "a_b$1");
  CHECK(verilog_identifier("_x") == "_x");
  CHECK(verilog_identifier("y@3[0]") == "\\y@3[0] ");
  CHECK(verilog_identifier("s[2]") == "\\s[2] ");
  CHECK(verilog_identifier("1st") == "\\1st ");
  CHECK(verilog_identifier("$x") == "\\$x ");
  CHECK(verilog_identifier("wire") == "\\wire ");
  CHECK(verilog_identifier("xor") == "\\xor ");

  Aig aig;
  aig.create_output(aig.create_input("a b"), "y");
  CHECK_THROWS_WITH_AS(rnncc::io::write_verilog(aig, "m", "x.v"),
                       "x.v: the name 'a b' of input 0 cannot be a Verilog name",
                       rnncc::InputError);
  CHECK_THROWS_WITH_AS(rnncc::io::write_verilog(aig, "module", "x.v"),
                       "x.v: the module name 'module' is no simple Verilog identifier",
                       rnncc::InputError);
}

TEST_CASE("a small circuit's Verilog, as derived by hand") {
  Aig aig;
  const auto a = aig.create_input("a");
  const auto b = aig.create_input("b[0]");
  aig.create_input();
  aig.create_output(!aig.create_and(a, !b), "y");
  aig.create_output(rnncc::logic::true_literal);
  aig.comments() = {"two outputs", ""};
  CHECK(rnncc::io::write_verilog(aig, "gates", "gates.v") ==
        "// two outputs\n"
        "//\n"
        "module gates(\n"
        "    a,\n"
        "    \\b[0] ,\n"
        "    _i2,\n"
        "    y,\n"
        "    _o1);\n"
        "  input a;\n"
        "  input \\b[0] ;\n"
        "  input _i2;\n"
        "  output y;\n"
        "  output _o1;\n"
        "  wire _n4;\n"
        "  assign _n4 = a & ~\\b[0] ;\n"
        "  assign y = ~_n4;\n"
        "  assign _o1 = 1'b1;\n"
        "endmodule\n");
}

TEST_CASE("Yosys synthesises rnncc's Verilog into an equivalent circuit with the same port names") {
  rnncc::test::TemporaryDirectory directory;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    CAPTURE(seed);
    const Aig original = verilog_test_circuit(seed);
    rnncc::io::write_boolean_circuit_file(original, directory / "top.v");
    const auto result = rnncc::test::run_command(fmt::format(
        "cd {} && {} -q -p {}", rnncc::test::shell_quoted(directory.path().string()),
        rnncc::test::outside_tool("yosys"),
        rnncc::test::shell_quoted("read_verilog top.v; synth -top top; aigmap; write_aiger -ascii "
                                  "-symbols yosys.aag")));
    REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
    const Aig synthesised = rnncc::io::read_boolean_circuit_file(directory / "yosys.aag");
    rnncc::verify::EquivalenceOptions options;
    const auto verdict =
        rnncc::verify::check_equivalence(with_placeholder_names(original), synthesised, options);
    CHECK(verdict.equivalent);
  }
}

TEST_CASE("Icarus Verilog simulates rnncc's Verilog to the outputs of rnncc's evaluator") {
  rnncc::test::TemporaryDirectory directory;
  const Aig original = verilog_test_circuit(7);
  rnncc::io::write_boolean_circuit_file(original, directory / "dut.v");
  const std::uint32_t inputs = original.input_count();
  const std::uint32_t outputs = original.output_count();
  const std::uint64_t patterns = 200;
  const rnncc::eval::PatternSet input_patterns = rnncc::eval::random_patterns(inputs, patterns, 11);
  const rnncc::eval::PatternSet expected =
      rnncc::eval::evaluate(original, input_patterns, rnncc::eval::ParallelMode::patterns);

  // The testbench connects the ports by position, sets each pattern and
  // prints the outputs, output 0 first.
  std::string bench = fmt::format("module bench;\n  reg [{}:0] in;\n  wire [{}:0] out;\n  dut d(",
                                  inputs - 1, outputs - 1);
  for (std::uint32_t i = 0; i < inputs; ++i)
    bench += fmt::format("in[{}], ", i);
  for (std::uint32_t i = 0; i < outputs; ++i)
    bench += fmt::format("out[{}]{}", i, i + 1 < outputs ? ", " : ");\n  initial begin\n");
  for (std::uint64_t p = 0; p < patterns; ++p) {
    for (std::uint32_t i = 0; i < inputs; ++i)
      bench += fmt::format("    in[{}] = 1'b{};\n", i, input_patterns.bit(i, p) ? 1 : 0);
    bench += "    #1;\n    $write(\"p \");\n";
    for (std::uint32_t i = 0; i < outputs; ++i)
      bench += fmt::format("    $write(\"%b\", out[{}]);\n", i);
    bench += "    $write(\"\\n\");\n";
  }
  bench += "  end\nendmodule\n";
  std::ofstream(directory / "bench.v") << bench;

  const std::string compiled = (directory / "bench.vvp").string();
  const auto compile = rnncc::test::run_command(fmt::format(
      "{} -o {} {} {}", rnncc::test::outside_tool("iverilog"), rnncc::test::shell_quoted(compiled),
      rnncc::test::shell_quoted((directory / "dut.v").string()),
      rnncc::test::shell_quoted((directory / "bench.v").string())));
  REQUIRE_MESSAGE(compile.exit_status == 0, (compile.standard_error + compile.standard_output));
  const auto run = rnncc::test::run_command(fmt::format(
      "{} -n {}", rnncc::test::outside_tool("vvp"), rnncc::test::shell_quoted(compiled)));
  REQUIRE_MESSAGE(run.exit_status == 0, run.standard_error);

  std::istringstream lines(run.standard_output);
  std::string line;
  std::uint64_t pattern = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("p ", 0) != 0) continue;
    REQUIRE(pattern < patterns);
    const std::string bits = line.substr(2);
    REQUIRE(bits.size() == outputs);
    for (std::uint32_t i = 0; i < outputs; ++i) {
      CAPTURE(pattern);
      CAPTURE(i);
      CHECK((bits[i] == '1') == expected.bit(i, pattern));
    }
    ++pattern;
  }
  CHECK(pattern == patterns);
}
