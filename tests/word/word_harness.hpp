// Test support for word-level circuits: operand sets (exhaustive, edge cases,
// random), bit-parallel simulation of word outputs on the simple reference
// simulator, and comparison against exact GMP reference values.
#pragma once

#include <gmpxx.h>
#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::test {

inline constexpr std::array<word::PrefixArchitecture, 5> all_prefix_architectures{
    word::PrefixArchitecture::ripple, word::PrefixArchitecture::sklansky,
    word::PrefixArchitecture::brent_kung, word::PrefixArchitecture::kogge_stone,
    word::PrefixArchitecture::ladner_fischer};

inline constexpr std::array<word::MultiplierArchitecture, 3> all_multiplier_architectures{
    word::MultiplierArchitecture::array, word::MultiplierArchitecture::wallace,
    word::MultiplierArchitecture::dadda};

inline constexpr std::array<word::Signedness, 2> both_signednesses{word::Signedness::unsigned_,
                                                                   word::Signedness::signed_};

/// A fresh word of `width` primary inputs.
word::BitVector input_word(logic::Aig& aig, std::size_t width);

/// 2^exponent.
mpz_class power_of_two(std::size_t exponent);
/// Smallest and largest value of a `width`-bit word read as `signedness`.
mpz_class smallest_value(std::size_t width, word::Signedness signedness);
mpz_class largest_value(std::size_t width, word::Signedness signedness);
/// value mod 2^width, in [0, 2^width).
mpz_class wrap_unsigned(const mpz_class& value, std::size_t width);

/// Every value of the width, in order.
std::vector<mpz_class> all_values(std::size_t width, word::Signedness signedness);
/// 0, ±1, ±2, the extremes and their neighbours, powers of two and their
/// neighbours: every one within range, without repeats.
std::vector<mpz_class> edge_values(std::size_t width, word::Signedness signedness);

/// Operand tuples: tuples[case][operand].
using OperandTuples = std::vector<std::vector<mpz_class>>;

/// Every pair (a, b) of the two widths.
OperandTuples all_pairs(std::size_t width_a, std::size_t width_b, word::Signedness signedness);
/// All pairs of edge values, each edge value against random values, then
/// `random_count` uniformly random pairs (fixed seed).
OperandTuples sampled_pairs(std::size_t width, word::Signedness signedness,
                            std::size_t random_count, unsigned long seed);
/// Single operands: every value, or the edge values then `random_count`
/// random ones.
OperandTuples all_singles(std::size_t width, word::Signedness signedness);
OperandTuples sampled_singles(std::size_t width, word::Signedness signedness,
                              std::size_t random_count, unsigned long seed);

/// A word output to check: its bits and the exact value it must hold
/// (compared modulo 2^bits.size()).
struct Probe {
  std::string name;
  word::BitVector bits;
  std::function<mpz_class(const std::vector<mpz_class>&)> reference;
  /// Probes with the same group >= 0 have the same reference function
  /// (e.g. one operation in several architectures); it is evaluated once.
  int reference_group = -1;
};

/// Simulates the AIG 64 cases at a time with operand word o holding
/// tuples[case][o] (two's complement), and compares every probe with its
/// reference. The first block is simulated by test::simulate_nodes and by a
/// flat copy of the same loop, which must agree and then runs the rest. Returns "" when all agree,
/// else the first disagreement and the number of disagreements.
std::string check_probes(const logic::Aig& aig, const std::vector<word::BitVector>& operands,
                         const OperandTuples& tuples, const std::vector<Probe>& probes);

}  // namespace rnncc::test
