// Cross-checks with ABC (berkeley-abc) as the outside reference: files ABC
// writes are read with ABC's counts, files we write are read by ABC with
// ours, and ABC's &cec judges equivalence of files we write.
#include <doctest/doctest.h>

#include <fstream>

#include <fmt/format.h>

#include "random_aig.hpp"
#include "rnncc/io/aiger.hpp"
#include "rnncc/io/file_types.hpp"
#include "support/abc.hpp"

using rnncc::logic::Aig;
using rnncc::logic::Literal;
using rnncc::test::abc_equivalent;
using rnncc::test::abc_statistics;
using rnncc::test::AbcStatistics;
using rnncc::test::run_abc;
using rnncc::test::TemporaryDirectory;

namespace {

/// Checks that ABC's `&ps` of `file` reports the counts and depth of `aig`.
void check_abc_agrees(const Aig& aig, const std::filesystem::path& file) {
  AbcStatistics abc = abc_statistics(file);
  CAPTURE(file.string());
  CHECK(abc.inputs == aig.input_count());
  CHECK(abc.outputs == aig.output_count());
  CHECK(abc.ands == aig.and_count());
  CHECK(abc.levels == aig.depth());
}

/// W-bit ripple-carry adder with carry = majority(a, b, carry).
Aig ripple_adder_with_majority(unsigned width) {
  Aig aig;
  std::vector<Literal> a;
  std::vector<Literal> b;
  for (unsigned i = 0; i < width; ++i)
    a.push_back(aig.create_input(fmt::format("a{}", i)));
  for (unsigned i = 0; i < width; ++i)
    b.push_back(aig.create_input(fmt::format("b{}", i)));
  Literal carry = rnncc::logic::false_literal;
  for (unsigned i = 0; i < width; ++i) {
    aig.create_output(aig.create_xor(aig.create_xor(a[i], b[i]), carry), fmt::format("s{}", i));
    carry = aig.create_majority(a[i], b[i], carry);
  }
  aig.create_output(carry, "carry");
  return aig;
}

/// The same adder with carry = (a ^ b) ? carry : a, inputs interleaved.
Aig ripple_adder_with_mux(unsigned width, bool wrong_last_carry = false) {
  Aig aig;
  std::vector<Literal> a(width);
  std::vector<Literal> b(width);
  // Inputs must keep the order a0.., b0..: create them first, but build
  // the logic in a different order from the other adder.
  for (unsigned i = 0; i < width; ++i)
    a[i] = aig.create_input();
  for (unsigned i = 0; i < width; ++i)
    b[i] = aig.create_input();
  Literal carry = rnncc::logic::false_literal;
  std::vector<Literal> sums;
  for (unsigned i = 0; i < width; ++i) {
    Literal propagate = aig.create_xor(b[i], a[i]);
    sums.push_back(!aig.create_xor(!carry, propagate));
    carry = aig.create_mux(propagate, carry, a[i]);
  }
  for (Literal sum : sums)
    aig.create_output(sum);
  aig.create_output(wrong_last_carry ? aig.create_or(carry, a[0]) : carry);
  return aig;
}

}  // namespace

TEST_CASE("ABC is available for the cross-checks") {
  REQUIRE(rnncc::test::abc_available());
}

TEST_CASE("files written by ABC are read with ABC's AND count and levels") {
  TemporaryDirectory directory;
  // ABC generates adders and multipliers, strashes them and writes binary
  // AIGER with write_aiger (classic, with names) and &w (new, extensions).
  std::string commands;
  for (int width : {8, 16, 32, 64}) {
    commands += fmt::format(
        "gen -a -N {0} add{0}.blif; read add{0}.blif; strash; write_aiger -s add{0}.aig; &get; "
        "&w gia_add{0}.aig; ",
        width);
  }
  for (int width : {8, 16, 32}) {
    commands += fmt::format(
        "gen -m -N {0} mul{0}.blif; read mul{0}.blif; strash; write_aiger mul{0}.aig; ", width);
  }
  run_abc(commands, directory.path());
  for (const char* name : {"add8.aig", "add16.aig", "add32.aig", "add64.aig", "gia_add8.aig",
                           "gia_add64.aig", "mul8.aig", "mul16.aig", "mul32.aig"}) {
    CAPTURE(name);
    Aig aig = rnncc::io::read_aiger_file(directory / name);
    check_abc_agrees(aig, directory / name);
    CHECK(aig.and_count() > 0);
  }
  // ABC's adder names its inputs a0.. b0.. and outputs s0..; with -s they
  // are in the symbol table.
  Aig named = rnncc::io::read_aiger_file(directory / "add8.aig");
  CHECK(named.input_name(0) == "a0");
  CHECK(named.input_name(15) == "b7");
  CHECK(named.output_name(0) == "s0");
}

TEST_CASE("files we write are read by ABC with our AND count and levels") {
  TemporaryDirectory directory;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    Aig aig = rnncc::test::random_aig(3 + seed, 3000 * seed, seed, seed % 2 == 0);
    auto path = directory / fmt::format("random{}.aig", seed);
    rnncc::io::write_boolean_circuit_file(aig, path);
    check_abc_agrees(aig, path);
  }
  // Deep: a chain of 300,000 levels (ABC's & commands handle it).
  Aig chain;
  Literal x = chain.create_input();
  Literal y = chain.create_input();
  Literal node = chain.create_and(x, y);
  for (int k = 0; k < 299999; ++k)
    node = chain.create_and(!node, k % 2 ? x : y);
  chain.create_output(node);
  rnncc::io::write_boolean_circuit_file(chain, directory / "chain.aig");
  check_abc_agrees(chain, directory / "chain.aig");
  CHECK(chain.depth() == 300000);
}

TEST_CASE("ABC's &cec on files we write: equivalent and modified circuits") {
  TemporaryDirectory directory;
  const unsigned width = 32;
  rnncc::io::write_boolean_circuit_file(ripple_adder_with_majority(width),
                                        directory / "majority.aig");
  rnncc::io::write_boolean_circuit_file(ripple_adder_with_mux(width), directory / "mux.aig");
  rnncc::io::write_boolean_circuit_file(ripple_adder_with_mux(width, true),
                                        directory / "wrong.aig");
  CHECK(abc_equivalent(directory / "majority.aig", directory / "mux.aig"));
  CHECK_FALSE(abc_equivalent(directory / "majority.aig", directory / "wrong.aig"));

  // Through ASCII: write aag, read it back, write aig (ABC reads no aag).
  rnncc::io::write_boolean_circuit_file(ripple_adder_with_mux(width), directory / "mux.aag");
  rnncc::io::write_boolean_circuit_file(rnncc::io::read_aiger_file(directory / "mux.aag"),
                                        directory / "via_ascii.aig");
  CHECK(abc_equivalent(directory / "majority.aig", directory / "via_ascii.aig"));

  // A modified copy of our binary file: the first output literal (line 2)
  // complemented by editing its last digit's parity.
  std::ifstream in(directory / "majority.aig", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t line_end = bytes.find('\n', bytes.find('\n') + 1);
  REQUIRE(line_end != std::string::npos);
  bytes[line_end - 1] = static_cast<char>(bytes[line_end - 1] ^ 1);  // '0'<->'1', '2'<->'3', ...
  {
    std::ofstream out(directory / "flipped.aig", std::ios::binary);
    out << bytes;
  }
  CHECK_FALSE(abc_equivalent(directory / "majority.aig", directory / "flipped.aig"));
  // And we read the edited file as a circuit whose first output is negated.
  Aig flipped = rnncc::io::read_aiger_file(directory / "flipped.aig");
  Aig original = rnncc::io::read_aiger_file(directory / "majority.aig");
  CHECK(flipped.output(0) == !original.output(0));
}
