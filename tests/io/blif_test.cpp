// BLIF: hand-written netlists of the kinds ABC and Yosys write read as the
// functions derived by hand; malformed ones are refused with one line; and
// circuits written by rnncc come back from ABC's and Yosys's BLIF round
// trips equivalent (rnncc's SAT check) with their names.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "random_aig.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/blif.hpp"
#include "rnncc/io/file_types.hpp"
#include "rnncc/verify/equivalence.hpp"
#include "support/abc.hpp"
#include "support/command.hpp"
#include "support/outside_tools.hpp"
#include "support/simulate.hpp"

using rnncc::InputError;
using rnncc::logic::Aig;

namespace {

/// Every input pattern (at most 6 inputs) in one word per input: bit p of
/// input i is bit i of p.
std::vector<std::uint64_t> all_patterns(std::uint32_t input_count) {
  std::vector<std::uint64_t> words(input_count, 0);
  for (std::uint32_t p = 0; p < 64; ++p) {
    for (std::uint32_t i = 0; i < input_count; ++i) {
      if ((p >> i) & 1U) words[i] |= std::uint64_t{1} << p;
    }
  }
  return words;
}

/// The truth table of output `output` over the first 2^inputs patterns.
std::uint64_t truth_table(const Aig& aig, std::uint32_t output) {
  const std::uint64_t word =
      rnncc::test::simulate_outputs(aig, all_patterns(aig.input_count()))[output];
  const std::uint32_t patterns = 1U << aig.input_count();
  return patterns >= 64 ? word : word & ((std::uint64_t{1} << patterns) - 1);
}

/// Truth table over inputs a (bit 0 of the pattern), b, c of a function.
template <typename Function>
std::uint64_t table_of(std::uint32_t input_count, Function function) {
  std::uint64_t table = 0;
  for (std::uint32_t p = 0; p < (1U << input_count); ++p) {
    if (function((p >> 0) & 1U, (p >> 1) & 1U, (p >> 2) & 1U)) table |= std::uint64_t{1} << p;
  }
  return table;
}

/// Equivalence with outputs and inputs matched by name (rnncc's SAT check).
bool equivalent(const Aig& first, const Aig& second) {
  rnncc::verify::EquivalenceOptions options;
  return rnncc::verify::check_equivalence(first, second, options).equivalent;
}

/// A random circuit whose ports all have names, of the forms rnncc gives.
Aig named_random_circuit(std::uint64_t seed) {
  Aig aig = rnncc::test::random_aig(4, 300, seed, false);
  for (std::uint32_t i = 0; i < aig.input_count(); ++i)
    aig.set_input_name(i, fmt::format("x@{}[0][{}]", i / 3 + 1, i % 3));
  for (std::uint32_t i = 0; i < aig.output_count(); ++i)
    aig.set_output_name(i, fmt::format("y@{}[{}][0]", i / 2 + 1, i % 2));
  return aig;
}

void check_same_names(const Aig& original, const Aig& read) {
  REQUIRE(read.input_count() == original.input_count());
  REQUIRE(read.output_count() == original.output_count());
  for (std::uint32_t i = 0; i < original.input_count(); ++i)
    CHECK(read.input_name(i) == original.input_name(i));
  for (std::uint32_t i = 0; i < original.output_count(); ++i)
    CHECK(read.output_name(i) == original.output_name(i));
}

}  // namespace

TEST_CASE("BLIF covers as ABC and Yosys write them read as their functions") {
  // A Yosys-style netlist: constant nets, a multiplexer cover with don't
  // cares, an off-set cover, a cover defined before the nets it reads, a
  // continued line and comments.
  const std::string text =
      "# first comment\n"
      "#\n"
      "#second\n"
      ".model top\n"
      ".inputs a b \\\n"
      "  c\n"
      ".outputs mux nand3 zero one majority copy  # trailing comment\n"
      ".names $false\n"
      ".names $true\n"
      "1\n"
      ".names t majority\n"
      "1 1\n"
      ".names a b c t\n"
      "11- 1\n"
      "1-1 1\n"
      "-11 1\n"
      ".names c a b mux\n"
      "11- 1\n"
      "0-1 1\n"
      ".names a b c nand3\n"
      "111 0\n"
      ".names $false zero\n"
      "1 1\n"
      ".names $true one\n"
      "1 1\n"
      ".names b copy\n"
      "0 0\n"
      ".end\n";
  const Aig aig = rnncc::io::read_blif(text, "yosys.blif");
  REQUIRE(aig.input_count() == 3);
  REQUIRE(aig.output_count() == 6);
  CHECK(aig.input_name(2) == "c");
  CHECK(aig.output_name(4) == "majority");
  CHECK(aig.comments() == std::vector<std::string>{"first comment", "", "second"});
  CHECK(truth_table(aig, 0) == table_of(3, [](bool a, bool b, bool c) { return c ? a : b; }));
  CHECK(truth_table(aig, 1) == table_of(3, [](bool a, bool b, bool c) { return !(a && b && c); }));
  CHECK(truth_table(aig, 2) == 0);
  CHECK(truth_table(aig, 3) == 0xff);
  CHECK(truth_table(aig, 4) ==
        table_of(3, [](bool a, bool b, bool c) { return (a && b) || (a && c) || (b && c); }));
  CHECK(truth_table(aig, 5) == table_of(3, [](bool, bool b, bool) { return b; }));
}

TEST_CASE("BLIF placeholders of unnamed ports read back as no name, at their own position only") {
  const Aig aig = rnncc::io::read_blif(
      ".model m\n.inputs _i0 _i0x _i1\n.outputs _o1 _o0 _o2\n.names _i0 _i1 _o1\n11 1\n"
      ".names _i0 _o0\n1 1\n.names _i1 _o2\n0 1\n.end\n",
      "p");
  CHECK(aig.input_name(0).empty());
  CHECK(aig.input_name(1) == "_i0x");
  CHECK(aig.input_name(2) == "_i1");
  CHECK(aig.output_name(0) == "_o1");
  CHECK(aig.output_name(1) == "_o0");
  CHECK(aig.output_name(2).empty());
}

TEST_CASE("malformed BLIF is refused with the line and what was expected") {
  struct Case {
    std::string text;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"", "m.blif:1: expected a .model"},
      {".inputs a\n", "m.blif:1: expected .model before .inputs"},
      {".model m\n.model n\n", "m.blif:2: expected one model per file, found a second .model"},
      {".model m\n.inputs a\n.outputs y\n.latch a y 0\n.end\n",
       "m.blif:4: expected a combinational netlist, found .latch (rnncc reads no latches from "
       "BLIF)"},
      {".model m\n.subckt and2 A=a B=b Y=y\n",
       "m.blif:2: expected .inputs, .outputs, .names or .end, found .subckt (rnncc reads "
       "combinational BLIF without subcircuits or library gates)"},
      {".model m\n.inputs a b\n.outputs y\n.names a b y\n1 1\n",
       "m.blif:5: expected 2 characters of 0, 1 or - for the nets the cover reads, found '1'"},
      {".model m\n.inputs a b\n.outputs y\n.names a b y\n1x 1\n",
       "m.blif:5: expected 2 characters of 0, 1 or - for the nets the cover reads, found '1x'"},
      {".model m\n.inputs a b\n.outputs y\n.names a b y\n11 2\n",
       "m.blif:5: expected the cube's output value 0 or 1, found '2'"},
      {".model m\n.inputs a b\n.outputs y\n.names a b y\n11 1\n00 0\n",
       "m.blif:6: expected every cube of the cover of 'y' with output value 1 (a cover is an "
       "on-set or an off-set)"},
      {".model m\n.inputs a\n.outputs y\n.names a y\n1 1\n.names a y\n0 1\n",
       "m.blif:6: expected one driver per net, found a second one of 'y' (first driven on line "
       "4)"},
      {".model m\n.inputs a\n.outputs a\n.names a\n1\n",
       "m.blif:4: expected one driver per net, found a second one of 'a' (an input)"},
      {".model m\n.inputs a\n.outputs y\n.names b y\n1 1\n",
       "m.blif:4: expected nets driven by an input or a cover, found 'b' which nothing drives"},
      {".model m\n.inputs a\n.outputs y z\n.names a y\n1 1\n.end\n",
       "m.blif:3: expected nets driven by an input or a cover, found 'z' which nothing drives"},
      {".model m\n.inputs a\n.outputs y\n.names a z y\n11 1\n.names y z\n1 1\n",
       "m.blif:6: expected an acyclic netlist, found a combinational cycle through 'y'"},
      {".model m\n.inputs a a\n", "m.blif:2: expected each input once, found 'a' again"},
      {".model m\n.inputs a\n.outputs a\n.end\n",
       "m.blif:3: expected each port name once, found 'a' again as an output (every output of an "
       "rnncc circuit is its own net)"},
      {".model m\n.inputs a\n.outputs y y\n.names a y\n1 1\n",
       "m.blif:3: expected each port name once, found 'y' again as an output (every output of an "
       "rnncc circuit is its own net)"},
      {".model m\n.inputs a=b\n",
       "m.blif:2: expected a port name of bytes above the space, without #, \\ or = and not "
       "starting with ., found 'a=b'"},
      {".model m\n.inputs a\n.outputs .y\n",
       "m.blif:3: expected a port name of bytes above the space, without #, \\ or = and not "
       "starting with ., found '.y'"},
      {std::string(".model m\n.inputs a\x01") + "b\n",
       "m.blif:2: expected a port name of bytes above the space, without #, \\ or = and not "
       "starting with ., found 'a\\x01b'"},
      {".model m\n.end\n.model n\n",
       "m.blif:3: expected nothing after .end (one model), found .model"},
      {".model m\n11 1\n",
       "m.blif:2: expected a dot command (.model, .inputs, .outputs, .names or .end), found '11'"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK_THROWS_WITH_AS(rnncc::io::read_blif(c.text, "m.blif"), c.message.c_str(), InputError);
  }
}

TEST_CASE("BLIF writing refuses names a net cannot hold and ports sharing a name") {
  Aig aig;
  const auto a = aig.create_input("a b");
  aig.create_output(a, "y");
  CHECK_THROWS_WITH_AS(rnncc::io::write_blif(aig, "m", "x.blif"),
                       "x.blif: the name 'a b' of input 0 cannot be a BLIF name", InputError);
  aig.set_input_name(0, "y");
  CHECK_THROWS_WITH_AS(rnncc::io::write_blif(aig, "m", "x.blif"),
                       "x.blif: input 0 and output 0 are both named 'y', which a BLIF netlist "
                       "cannot hold (one net per name)",
                       InputError);
  // A port named like an internal net moves the internal nets aside.
  aig.set_input_name(0, "_n2");
  aig.set_output_name(0, "");
  const auto b = aig.create_input("b");
  aig.create_output(aig.create_and(a, !b), "");
  const std::string text = rnncc::io::write_blif(aig, "m", "x.blif");
  CHECK(text.find(".names _n2 b __n3\n10 1\n") != std::string::npos);
  const Aig read = rnncc::io::read_blif(text, "x.blif");
  CHECK(read.output_name(0).empty());
  CHECK(equivalent(aig, read));
}

TEST_CASE("ABC's BLIF round trip of a circuit rnncc writes is equivalent and keeps the names") {
  rnncc::test::TemporaryDirectory directory;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    CAPTURE(seed);
    const Aig original = named_random_circuit(seed);
    rnncc::io::write_boolean_circuit_file(original, directory / "rnncc.blif");
    rnncc::test::run_abc("read_blif rnncc.blif; write_blif abc.blif", directory.path());
    const Aig read = rnncc::io::read_boolean_circuit_file(directory / "abc.blif");
    check_same_names(original, read);
    CHECK(equivalent(original, read));
    // ABC's own structural hashing of the file: the same function too.
    rnncc::test::run_abc("read_blif rnncc.blif; strash; write_blif abc_strash.blif",
                         directory.path());
    CHECK(
        equivalent(original, rnncc::io::read_boolean_circuit_file(directory / "abc_strash.blif")));
  }
}

TEST_CASE("Yosys's BLIF round trip of a circuit rnncc writes is equivalent and keeps the names") {
  rnncc::test::TemporaryDirectory directory;
  for (std::uint64_t seed = 4; seed <= 5; ++seed) {
    CAPTURE(seed);
    const Aig original = named_random_circuit(seed);
    rnncc::io::write_boolean_circuit_file(original, directory / "rnncc.blif");
    const auto result = rnncc::test::run_command(
        fmt::format("{} -q -p {}", rnncc::test::outside_tool("yosys"),
                    rnncc::test::shell_quoted(fmt::format("read_blif {}; write_blif {}",
                                                          (directory / "rnncc.blif").string(),
                                                          (directory / "yosys.blif").string()))));
    REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
    const Aig read = rnncc::io::read_boolean_circuit_file(directory / "yosys.blif");
    check_same_names(original, read);
    CHECK(equivalent(original, read));
  }
}

TEST_CASE("a UTF-8 port name read from BLIF is written back and read again unchanged") {
  const Aig read = rnncc::io::read_blif(
      ".model m\n.inputs \xc3\xa9t\xc3\xa9 b\n.outputs y\xe2\x82\x81\n.names \xc3\xa9t\xc3\xa9 b "
      "y\xe2\x82\x81\n11 1\n.end\n",
      "m.blif");
  CHECK(read.input_name(0) == "\xc3\xa9t\xc3\xa9");
  CHECK(read.output_name(0) == "y\xe2\x82\x81");
  const Aig again = rnncc::io::read_blif(rnncc::io::write_blif(read, "m", "x.blif"), "x.blif");
  CHECK(again.input_name(0) == read.input_name(0));
  CHECK(again.output_name(0) == read.output_name(0));
  CHECK(again.and_count() == 1);
}

TEST_CASE("a carriage return inside a BLIF comment ends the comment line, so it can be written") {
  const Aig read = rnncc::io::read_blif(
      "# one\rtwo\r\n.model m\n.inputs a\n.outputs y\n"
      ".names a y\n1 1\n.end\n",
      "m.blif");
  CHECK(read.comments() == std::vector<std::string>{"one", "two"});
  const Aig again = rnncc::io::read_blif(rnncc::io::write_blif(read, "m", "x.blif"), "x.blif");
  CHECK(again.comments() == read.comments());
}
