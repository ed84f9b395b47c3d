// Equality and signed/unsigned less-than of every prefix architecture
// against GMP comparisons.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rnncc/word/compare.hpp"
#include "word_harness.hpp"

using rnncc::logic::Aig;
using rnncc::word::BitVector;
using rnncc::word::name_of;
using rnncc::word::PrefixArchitecture;
using rnncc::word::Signedness;
using namespace rnncc::test;

namespace {

using Values = std::vector<mpz_class>;

std::string check_comparisons(std::size_t width, Signedness signedness,
                              const OperandTuples& tuples) {
  Aig aig;
  const BitVector a = input_word(aig, width);
  const BitVector b = input_word(aig, width);
  std::vector<Probe> probes;
  probes.push_back({"equal", {rnncc::word::equal(aig, a, b)}, [](const Values& v) {
                      return mpz_class(v[0] == v[1] ? 1 : 0);
                    }});
  for (PrefixArchitecture architecture : all_prefix_architectures) {
    probes.push_back({std::string(name_of(architecture)) + " less_than",
                      {rnncc::word::less_than(aig, a, b, signedness, architecture)},
                      [](const Values& v) { return mpz_class(v[0] < v[1] ? 1 : 0); },
                      0});
  }
  return check_probes(aig, {a, b}, tuples, probes);
}

}  // namespace

TEST_CASE("comparisons: all operand pairs for widths 1..8") {
  for (Signedness signedness : both_signednesses) {
    for (std::size_t width = 1; width <= 8; ++width) {
      CAPTURE(width);
      CHECK(check_comparisons(width, signedness, all_pairs(width, width, signedness)) == "");
    }
  }
}

TEST_CASE("comparisons: 10,000 edge and random operand pairs for widths 16, 32, 64, 128") {
  for (Signedness signedness : both_signednesses) {
    for (std::size_t width : {16, 32, 64, 128}) {
      CAPTURE(width);
      OperandTuples tuples = sampled_pairs(width, signedness, 10'000, 7 * width);
      // Equal operands are rare among random pairs: add each edge value and
      // neighbours with a single differing bit.
      for (const auto& v : edge_values(width, signedness)) {
        tuples.push_back({v, v});
        tuples.push_back({v, v ^ mpz_class(1)});
      }
      CHECK(check_comparisons(width, signedness, tuples) == "");
    }
  }
}

TEST_CASE("comparisons of zero-width words: equal, not less") {
  Aig aig;
  CHECK(rnncc::word::equal(aig, {}, {}) == rnncc::logic::true_literal);
  CHECK(rnncc::word::less_than(aig, {}, {}, Signedness::signed_, PrefixArchitecture::sklansky) ==
        rnncc::logic::false_literal);
}

// less_than builds only the cone of the carry out: for W = 2^k the log-depth
// networks' last output is a balanced tree of k rows of carry operators whose
// operands are equally deep, so its generate sits at 1 + 2k (leaf x∧y or
// x∨y at level 1, two levels per operator); ripple is a chain of W-1
// operators: 1 + 2(W-1). equal is a balanced AND tree over XNORs (two
// levels): 2 + k.
TEST_CASE("comparison depths for W = 8 ... 256") {
  for (std::size_t k = 3; k <= 8; ++k) {
    const std::size_t width = std::size_t{1} << k;
    for (Signedness signedness : both_signednesses) {
      Aig aig;
      const BitVector a = input_word(aig, width);
      const BitVector b = input_word(aig, width);
      CAPTURE(width);
      CHECK(aig.level(rnncc::word::equal(aig, a, b)) == 2 + k);
      for (PrefixArchitecture architecture : all_prefix_architectures) {
        CAPTURE(name_of(architecture));
        const std::size_t expected =
            architecture == PrefixArchitecture::ripple ? 2 * width - 1 : 1 + 2 * k;
        CHECK(aig.level(rnncc::word::less_than(aig, a, b, signedness, architecture)) == expected);
      }
    }
  }
}
