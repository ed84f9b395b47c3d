// Adders, subtractors and negation of every prefix architecture against
// GMP, and their AIG depth and size against hand-derived formulas.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "prefix_formulas.hpp"
#include "rnncc/word/adder.hpp"
#include "word_harness.hpp"

using rnncc::logic::Aig;
using rnncc::word::BitVector;
using rnncc::word::name_of;
using rnncc::word::PrefixArchitecture;
using rnncc::word::Signedness;
using namespace rnncc::test;

namespace {

using Values = std::vector<mpz_class>;

/// Builds every adder operation of every architecture on operands a, b
/// (width W) and a one-bit carry-in c, and checks them on `tuples` (a, b, c).
std::string check_adders(std::size_t width, const OperandTuples& tuples) {
  Aig aig;
  const BitVector a = input_word(aig, width);
  const BitVector b = input_word(aig, width);
  const BitVector c = input_word(aig, 1);
  // Operands as unsigned numbers, whatever sign the tuple gave them.
  auto u = [width](const mpz_class& v) { return wrap_unsigned(v, width); };
  std::vector<Probe> probes;
  for (PrefixArchitecture architecture : all_prefix_architectures) {
    const std::string name(name_of(architecture));
    probes.push_back({name + " add", rnncc::word::add(aig, a, b, architecture),
                      [](const Values& v) { return mpz_class(v[0] + v[1]); }, 0});
    probes.push_back({name + " add with carry-in", rnncc::word::add(aig, a, b, architecture, c[0]),
                      [](const Values& v) { return mpz_class(v[0] + v[1] + v[2]); }, 1});
    probes.push_back({name + " add_with_carry_out",
                      rnncc::word::add_with_carry_out(aig, a, b, architecture, c[0]),
                      [u](const Values& v) { return mpz_class(u(v[0]) + u(v[1]) + v[2]); }, 2});
    probes.push_back({name + " subtract", rnncc::word::subtract(aig, a, b, architecture),
                      [](const Values& v) { return mpz_class(v[0] - v[1]); }, 3});
    probes.push_back({name + " negate", rnncc::word::negate(aig, a, architecture),
                      [](const Values& v) { return mpz_class(-v[0]); }, 4});
  }
  return check_probes(aig, {a, b, c}, tuples, probes);
}

OperandTuples with_carry_in(OperandTuples pairs, bool both_values) {
  OperandTuples tuples;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    for (int carry = 0; carry < 2; ++carry) {
      if (!both_values && carry != static_cast<int>(i % 2)) continue;
      tuples.push_back({pairs[i][0], pairs[i][1], mpz_class(carry)});
    }
  }
  return tuples;
}

std::size_t word_depth(const Aig& aig, const BitVector& bits) {
  std::size_t depth = 0;
  for (auto bit : bits)
    depth = std::max<std::size_t>(depth, aig.level(bit));
  return depth;
}

// AIG depth of add() for W = 2^k, k >= 3, derived by hand.
//
// Cells: bit i has generate g = a∧b and neither = ¬a∧¬b (level 1), propagate
// t = ¬neither (free) and half sum x = ¬g∧¬neither (level 2). The carry
// operator (G, P)∘(G', P') = (G ∨ P∧G', P∧P') puts the later G one level
// below the new G (into the OR) but the earlier G' two levels (AND, then
// OR), and P one level per operator. Sum bit i = x_i ⊕ G[i-1:0] costs two
// levels after the later of the two. add() scans the W-1 positions 0..W-2;
// the deepest sum bit is W-1, reading position W-2 = 2^k - 2.
//
// Writing γ for the level of G and d for the operator depth: when every
// operator on the way has the earlier operand at least as deep as the
// later one, γ = 1 + 2d (by induction: γ' = max(γ+1, π+2, γ'+2) with
// π = 1 + d). This holds in ripple (later operand a leaf), Sklansky (the
// pivot of row l has depth l, the updated position at most l-1),
// Brent–Kung (equal depths in the up-sweep, a deeper complete prefix in
// the down-sweep) and Ladner–Fischer (pairs equal, then Sklansky, then a
// leaf with a deeper neighbour). So depth = 2 + 1 + 2·D(position W-2):
//   ripple:          D = W-2            -> 2W - 1
//   Sklansky:        D = k              -> 2k + 3
//   Brent–Kung:      D = ⌊log2(2^k-1)⌋ + popcount(2^k-1) - 1 = 2k-2 -> 4k - 1
//   Ladner–Fischer:  D = 2 + bitlength(2^(k-1) - 2) = k + 1        -> 2k + 5
// Kogge–Stone breaks the condition: position 2^k - 2 last combines a full
// block of 2^(k-1) positions (γ = 1 + 2(k-1)) with the prefix of position
// 2^(k-1) - 2, which is the same situation one size down. So
// f(k) = max(1 + 2(k-1) + 1, (1 + (k-1)) + 2, f(k-1) + 2) with f(2) = 4
// (for W = 4: position 2 combines with leaf 0 last: max(3+1, 2+2, 1+2));
// hence f(k) = 2k and the depth is 2 + 2k. The carry out (position 2^k - 1,
// a full balanced block, γ = 1 + 2·D(2^k)) is never deeper, so
// add_with_carry_out has the same depth.
std::size_t expected_adder_depth(std::size_t width, PrefixArchitecture architecture) {
  const std::size_t k = prefix_formulas::floor_log2(width);
  switch (architecture) {
    case PrefixArchitecture::ripple:
      return 2 * width - 1;
    case PrefixArchitecture::sklansky:
      return 2 * k + 3;
    case PrefixArchitecture::kogge_stone:
      return 2 * k + 2;
    case PrefixArchitecture::brent_kung:
      return 4 * k - 1;
    case PrefixArchitecture::ladner_fischer:
      return 2 * k + 5;
  }
  return 0;
}

}  // namespace

TEST_CASE("adders: all operand pairs and carry-ins for widths 1..8, every architecture") {
  for (std::size_t width = 1; width <= 8; ++width) {
    CAPTURE(width);
    CHECK(check_adders(width,
                       with_carry_in(all_pairs(width, width, Signedness::unsigned_), true)) == "");
  }
}

TEST_CASE("adders: 10,000 edge and random operand pairs for widths 16, 32, 64, 128") {
  for (std::size_t width : {16, 32, 64, 128}) {
    for (Signedness signedness : both_signednesses) {
      CAPTURE(width);
      const OperandTuples tuples =
          with_carry_in(sampled_pairs(width, signedness, 10'000, width), false);
      CHECK(tuples.size() > 10'000);  // 10,000 random pairs plus the edge cases
      CHECK(check_adders(width, tuples) == "");
    }
  }
}

TEST_CASE("adder AIG depth equals the hand-derived formula for W = 8 ... 256") {
  for (PrefixArchitecture architecture : all_prefix_architectures) {
    for (std::size_t width = 8; width <= 256; width *= 2) {
      CAPTURE(name_of(architecture));
      CAPTURE(width);
      Aig aig;
      const BitVector a = input_word(aig, width);
      const BitVector b = input_word(aig, width);
      const std::size_t expected = expected_adder_depth(width, architecture);
      CHECK(word_depth(aig, rnncc::word::add(aig, a, b, architecture)) == expected);
      CHECK(word_depth(aig, rnncc::word::add_with_carry_out(aig, a, b, architecture)) == expected);
      CHECK(word_depth(aig, rnncc::word::subtract(aig, a, b, architecture)) == expected);
    }
  }
}

// Size of add() (carry-in 0): per bit three ANDs (g, neither, x); per sum
// bit 1..W-1 an XOR of three ANDs; the prefix network on n = W-1 positions
// makes S(n) operator calls, of which n-1 make a position grounded (grey
// cell: generate only, two ANDs) and the rest are black cells (three ANDs).
// Total 3W + 3(W-1) + 2(W-2) + 3(S(W-1) - (W-2)) = 8W - 7 + 3(S(W-1) - W + 2).
TEST_CASE("adder AND count equals the cell count of the prefix network, W = 2 ... 130") {
  for (PrefixArchitecture architecture : all_prefix_architectures) {
    for (std::size_t width = 2; width <= 130; ++width) {
      CAPTURE(name_of(architecture));
      CAPTURE(width);
      Aig aig;
      const BitVector a = input_word(aig, width);
      const BitVector b = input_word(aig, width);
      rnncc::word::add(aig, a, b, architecture);
      const std::size_t calls = prefix_formulas::expected_inclusive(width - 1, architecture).calls;
      CHECK(aig.and_count() == 8 * width - 7 + 3 * (calls - (width - 2)));
    }
  }
}
