// Table lookup against the table itself, and the sharing of cofactors.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "rnncc/word/lookup.hpp"
#include "word_harness.hpp"

using rnncc::logic::Aig;
using rnncc::word::BitVector;
using rnncc::word::Signedness;
using namespace rnncc::test;

namespace {

using Values = std::vector<mpz_class>;

/// Random entries in [-2^(bits+2), 2^(bits+2)): negative ones and ones
/// wider than the output check the reduction modulo 2^output_width.
std::vector<mpz_class> random_table(std::size_t index_width, std::size_t bits, unsigned long seed) {
  gmp_randclass random(gmp_randinit_mt);
  random.seed(seed);
  std::vector<mpz_class> table(std::size_t{1} << index_width);
  for (auto& entry : table)
    entry = mpz_class(random.get_z_bits(bits + 3)) - power_of_two(bits + 2);
  return table;
}

std::string check_lookup(std::size_t index_width, const std::vector<mpz_class>& table,
                         std::size_t output_width) {
  Aig aig;
  const BitVector index = input_word(aig, index_width);
  std::vector<Probe> probes = {{"lookup", rnncc::word::lookup(aig, index, table, output_width),
                                [&table](const Values& v) { return table[v[0].get_ui()]; }}};
  return check_probes(aig, {index}, all_singles(index_width, Signedness::unsigned_), probes);
}

}  // namespace

TEST_CASE("lookup returns the table entry modulo 2^output_width for every index, widths 0..10") {
  for (std::size_t index_width = 0; index_width <= 10; ++index_width) {
    for (std::size_t output_width : {1, 5, 8, 13}) {
      CAPTURE(index_width);
      CAPTURE(output_width);
      CHECK(check_lookup(index_width,
                         random_table(index_width, output_width, 31 * index_width + output_width),
                         output_width) == "");
    }
  }
}

TEST_CASE("lookup of a smooth 12-bit function (integer square root) for every index") {
  std::vector<mpz_class> table(4096);
  for (std::size_t i = 0; i < table.size(); ++i)
    table[i] = sqrt(mpz_class(i));
  CHECK(check_lookup(12, table, 6) == "");
}

TEST_CASE("shared cofactors: identity, complement and constant tables need no AND") {
  for (std::size_t width = 1; width <= 8; ++width) {
    Aig aig;
    const BitVector index = input_word(aig, width);
    std::vector<mpz_class> identity(std::size_t{1} << width);
    std::vector<mpz_class> complement(identity.size());
    std::vector<mpz_class> constant(identity.size(), 37);
    for (std::size_t i = 0; i < identity.size(); ++i) {
      identity[i] = i;
      complement[i] = identity.size() - 1 - i;  // every bit inverted
    }
    const BitVector same = rnncc::word::lookup(aig, index, identity, width);
    const BitVector inverted = rnncc::word::lookup(aig, index, complement, width);
    const BitVector fixed = rnncc::word::lookup(aig, index, constant, 6);
    CAPTURE(width);
    CHECK(aig.and_count() == 0);
    for (std::size_t k = 0; k < width; ++k) {
      CHECK(same[k] == index[k]);
      CHECK(inverted[k] == !index[k]);
    }
    CHECK(fixed == BitVector{rnncc::logic::true_literal, rnncc::logic::false_literal,
                             rnncc::logic::true_literal, rnncc::logic::false_literal,
                             rnncc::logic::false_literal, rnncc::logic::true_literal});
  }
}

TEST_CASE("lookup size stays within 3 ANDs per multiplexer of the tree: O(output_width * 2^W)") {
  for (std::size_t width = 1; width <= 10; ++width) {
    Aig aig;
    const BitVector index = input_word(aig, width);
    rnncc::word::lookup(aig, index, random_table(width, 8, width), 8);
    CAPTURE(width);
    CHECK(aig.and_count() <= 3 * 8 * ((std::size_t{1} << width) - 1));
  }
}

TEST_CASE("lookup rejects a table whose size is not 2^W") {
  Aig aig;
  const BitVector index = input_word(aig, 3);
  CHECK_THROWS_AS(rnncc::word::lookup(aig, index, std::vector<mpz_class>(7), 4),
                  std::invalid_argument);
}
