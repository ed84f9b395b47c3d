// The interval and denominator every exact operation gives its result: the
// rules of the exact lowering, stated once for the residue lowering and for
// the pass that finds how large its reconstructed values can be.
#pragma once

#include <gmpxx.h>
#include <optional>
#include <utility>
#include <vector>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/arith/format_lowering.hpp"

namespace rnncc::arith::detail {

/// Integers low .. high standing for integer / denominator.
struct ExactInterval {
  mpz_class low;
  mpz_class high;
  mpz_class denominator = 1;
};

/// The same numbers with numerator and denominator times `multiplier` > 0.
ExactInterval scaled_interval(const ExactInterval& a, const mpz_class& multiplier);
/// The least common denominator of a and b.
mpz_class common_denominator_of(const ExactInterval& a, const ExactInterval& b);
/// a + b, a - b, -a, a · b as the exact lowering bounds them (a and b over
/// their least common denominator for + and -).
ExactInterval sum_interval(const ExactInterval& a, const ExactInterval& b);
ExactInterval difference_interval(const ExactInterval& a, const ExactInterval& b);
ExactInterval negation_interval(const ExactInterval& a);
ExactInterval product_interval(const ExactInterval& a, const ExactInterval& b);
/// a · 2^exponent: a negative exponent multiplies the denominator; a
/// positive one first cancels factors of two of the denominator. `shift`
/// receives the power of two the numerator is multiplied by.
ExactInterval power_of_two_interval(const ExactInterval& a, long exponent, std::size_t* shift);
/// The union of a and b over their least common denominator.
ExactInterval union_interval(const ExactInterval& a, const ExactInterval& b);
/// max(a, 0).
ExactInterval relu_interval(const ExactInterval& a);
/// sign(a) in {-1, 0, 1}.
ExactInterval sign_interval(const ExactInterval& a);

/// The largest magnitude of any numerator the residue lowering of `circuit`
/// reconstructs to binary: every output (and its shape, when given), the
/// difference of every comparison, the operand of every relu, sign and
/// clip (against each bound). Throws InputError for what the residue
/// lowering does not lower (explicit lookup tables).
mpz_class reconstructed_magnitude_bound(
    const Circuit& circuit, const std::vector<std::optional<LoweredValue>>* output_shapes);

}  // namespace rnncc::arith::detail
