// The netlist formats from the command line: circuits written by extension
// convert back and forth, and `rnncc dot` draws small circuits for
// Graphviz and refuses large ones with the count.
#include <doctest/doctest.h>

#include <string>

#include "support/abc.hpp"
#include "support/command.hpp"
#include "support/outside_tools.hpp"

using rnncc::test::run_command;
using rnncc::test::run_rnncc;
using rnncc::test::shell_quoted;
using rnncc::test::TemporaryDirectory;

namespace {

std::string quoted(const std::filesystem::path& path) {
  return shell_quoted(path.string());
}

}  // namespace

TEST_CASE("gen and compile write BLIF, Verilog, Bristol and DOT by extension; BLIF reads back") {
  TemporaryDirectory directory;
  for (const std::string extension : {".aag", ".blif", ".v", ".bristol", ".dot"}) {
    CAPTURE(extension);
    const auto result = run_rnncc("gen adder --bits 4 --arch ripple -o " +
                                  quoted(directory / ("adder" + extension)));
    CHECK_MESSAGE(result.exit_status == 0, result.standard_error);
  }
  const auto equivalent = run_rnncc("equiv " + quoted(directory / "adder.aag") + " " +
                                    quoted(directory / "adder.blif"));
  CHECK_MESSAGE(equivalent.exit_status == 0,
                (equivalent.standard_output + equivalent.standard_error));
  // BLIF to binary AIGER and back again, through the table.
  const auto model = std::string(RNNCC_SOURCE_DIR) + "/circuits/models/wfa.toml";
  REQUIRE(run_rnncc("compile " + shell_quoted(model) + " --length 3 -o " +
                    quoted(directory / "wfa.blif"))
              .exit_status == 0);
  REQUIRE(run_rnncc("compile " + shell_quoted(model) + " --length 3 -o " +
                    quoted(directory / "wfa.aig"))
              .exit_status == 0);
  CHECK(run_rnncc("equiv " + quoted(directory / "wfa.aig") + " " + quoted(directory / "wfa.blif"))
            .exit_status == 0);
  const auto stats = run_rnncc("stats --json " + quoted(directory / "wfa.blif"));
  CHECK(stats.exit_status == 0);
  const auto aig_stats = run_rnncc("stats --json " + quoted(directory / "wfa.aig"));
  CHECK(stats.standard_output == aig_stats.standard_output);
}

TEST_CASE("rnncc dot draws a circuit Graphviz renders, and refuses one above --max-nodes") {
  TemporaryDirectory directory;
  const auto adder = directory / "adder.aag";
  REQUIRE(run_rnncc("gen adder --bits 4 --arch ripple -o " + quoted(adder)).exit_status == 0);
  const auto drawn =
      run_rnncc("dot --levels " + quoted(adder) + " -o " + quoted(directory / "a.dot"));
  REQUIRE_MESSAGE(drawn.exit_status == 0, drawn.standard_error);
  const auto rendered =
      run_command(rnncc::test::outside_tool("dot") + " -Tsvg " + quoted(directory / "a.dot"));
  CHECK(rendered.exit_status == 0);
  CHECK(rendered.standard_output.find("<svg") != std::string::npos);
  // The same drawing on standard output.
  const auto printed = run_rnncc("dot --levels " + quoted(adder));
  CHECK(printed.exit_status == 0);
  CHECK(printed.standard_output == rnncc::test::file_text(directory / "a.dot"));

  const auto refused = run_rnncc("dot --max-nodes 5 " + quoted(adder));
  CHECK(refused.exit_status == 2);
  CHECK(refused.standard_error.find("the drawing would have ") != std::string::npos);
  CHECK(refused.standard_error.find("more than the 5 allowed (--max-nodes)") != std::string::npos);
  CHECK(refused.standard_output.empty());
}
