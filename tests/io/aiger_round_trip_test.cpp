// Writing then reading gives the same circuit: the same function on random
// patterns (simple reference simulator), counts, depth, names and comments.
#include <doctest/doctest.h>

#include <random>
#include <sstream>
#include <utility>

#include <fmt/format.h>

#include "random_aig.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/aiger.hpp"
#include "support/abc.hpp"
#include "support/simulate.hpp"

using rnncc::io::AigerFormat;
using rnncc::logic::Aig;
using rnncc::logic::Literal;

namespace {

/// Checks that `read` computes what `original` computes on 64 * rounds
/// random patterns, with equal counts, levels, names and comments.
void check_same_circuit(const Aig& original, const Aig& read, std::uint64_t seed) {
  REQUIRE(read.input_count() == original.input_count());
  REQUIRE(read.output_count() == original.output_count());
  CHECK(read.and_count() == original.and_count());
  CHECK(read.depth() == original.depth());
  for (std::uint32_t i = 0; i < original.input_count(); ++i) {
    CHECK(read.input_name(i) == original.input_name(i));
  }
  for (std::uint32_t i = 0; i < original.output_count(); ++i) {
    CHECK(read.output_name(i) == original.output_name(i));
    CHECK(read.level(read.output(i)) == original.level(original.output(i)));
  }
  CHECK(read.comments() == original.comments());
  std::mt19937_64 random(seed);
  for (int round = 0; round < 8; ++round) {
    std::vector<std::uint64_t> inputs(original.input_count());
    for (auto& word : inputs)
      word = random();
    CHECK(rnncc::test::simulate_outputs(read, inputs) ==
          rnncc::test::simulate_outputs(original, inputs));
  }
}

}  // namespace

TEST_CASE("round trip through ASCII and binary AIGER keeps the circuit") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    Aig original = rnncc::test::random_aig(1 + seed % 7, 50 * seed, seed, seed % 2 == 0);
    for (AigerFormat format : {AigerFormat::ascii, AigerFormat::binary}) {
      CAPTURE(seed);
      CAPTURE(format == AigerFormat::binary);
      std::string bytes = rnncc::io::write_aiger(original, format);
      Aig read = rnncc::io::read_aiger(bytes, "round-trip");
      check_same_circuit(original, read, seed);
      // Writing what was read gives the same bytes (canonical numbering).
      CHECK(rnncc::io::write_aiger(read, format) == bytes);
      std::ostringstream stream;
      rnncc::io::write_aiger(original, format, stream);
      CHECK(stream.str() == bytes);
    }
  }
}

TEST_CASE("a large circuit crosses the writer's block boundaries") {
  Aig original = rnncc::test::random_aig(64, 400000, 99, true);
  for (AigerFormat format : {AigerFormat::ascii, AigerFormat::binary}) {
    std::string bytes = rnncc::io::write_aiger(original, format);
    CHECK(bytes.size() > (std::size_t{1} << 20));
    check_same_circuit(original, rnncc::io::read_aiger(bytes, "large"), 99);
  }
}

TEST_CASE("a chain a million levels deep, listed backwards in ASCII, reads without recursion") {
  // a_1 = x & y; a_k = !a_{k-1} & (k odd ? x : y): variables 3.. in order
  // of k, lines written from k = n down to 1. Hand-derived function: with
  // x = y = 1 the chain alternates a_1 = 1, a_2 = 0, a_3 = 1, ...; if x or y
  // is 0, a_1 = 0 and a_k = (k odd ? x : y) for k >= 2 until a zero is hit.
  const std::uint32_t n = 1000000;
  std::string text = fmt::format("aag {} 2 0 1 {}\n2\n4\n{}\n", n + 2, n, 2 * (n + 2));
  for (std::uint32_t k = n; k >= 2; --k) {
    text += fmt::format("{} {} {}\n", 2 * (k + 2), 2 * (k + 1) + 1, k % 2 == 1 ? 2 : 4);
  }
  text += "6 2 4\n";
  Aig aig = rnncc::io::read_aiger(text, "chain.aag");
  CHECK(aig.and_count() == n);
  CHECK(aig.depth() == n);
  // Reference by direct recurrence for the four input patterns.
  std::vector<std::uint64_t> inputs = {0b1010, 0b1100};  // pattern p: x = bit 0, y = bit 1
  std::uint64_t expected = 0;
  for (unsigned p = 0; p < 4; ++p) {
    bool x = p & 1U;
    bool y = p & 2U;
    bool a = x && y;
    for (std::uint32_t k = 2; k <= n; ++k)
      a = !a && (k % 2 == 1 ? x : y);
    if (a) expected |= 1U << p;
  }
  CHECK((rnncc::test::simulate_outputs(aig, inputs)[0] & 0xf) == expected);
  // The binary round trip of the deep chain keeps its depth.
  Aig back = rnncc::io::read_aiger(rnncc::io::write_aiger(aig, AigerFormat::binary), "chain.aig");
  CHECK(back.depth() == n);
}

TEST_CASE("files: the format asked for, atomic replacement, errors name the path") {
  rnncc::test::TemporaryDirectory directory;
  Aig original = rnncc::test::random_aig(5, 300, 7, true);
  for (const auto& [name, format] : {std::pair{"circuit.aag", AigerFormat::ascii},
                                     std::pair{"circuit.aig", AigerFormat::binary}}) {
    auto path = directory / name;
    rnncc::io::write_aiger_file(original, path, format);
    Aig read = rnncc::io::read_aiger_file(path);
    check_same_circuit(original, read, 7);
  }
  // Bytes on disk are write_aiger's in the format asked for.
  Aig ascii = rnncc::io::read_aiger_file(directory / "circuit.aag");
  CHECK(rnncc::io::write_aiger(ascii, AigerFormat::ascii).substr(0, 3) == "aag");
  CHECK_THROWS_AS(rnncc::io::read_aiger_file(directory / "missing.aig"), rnncc::InputError);
  CHECK_THROWS_AS(
      rnncc::io::write_aiger_file(original, directory / "no" / "such.aig", AigerFormat::binary),
      rnncc::InputError);
  // A name that AIGER cannot hold: the old file stays, no temporary is left.
  Aig bad = rnncc::test::random_aig(2, 10, 3, false);
  bad.set_input_name(0, "two\nlines");
  CHECK_THROWS_WITH_AS(
      rnncc::io::write_aiger_file(bad, directory / "circuit.aig", AigerFormat::binary),
      ((directory / "circuit.aig").string() +
       ": the name of input 0 contains a newline, which an AIGER symbol cannot hold")
          .c_str(),
      rnncc::InputError);
  check_same_circuit(original, rnncc::io::read_aiger_file(directory / "circuit.aig"), 7);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(directory.path())) {
    ++files;
  }
  CHECK(files == 2);
}
