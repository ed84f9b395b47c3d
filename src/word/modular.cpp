#include "rnncc/word/modular.hpp"

#include <algorithm>
#include <cstddef>

#include "rnncc/word/adder.hpp"
#include "rnncc/word/compare.hpp"
#include "rnncc/word/multiplier.hpp"
#include "rnncc/word/resize.hpp"

namespace rnncc::word {

using logic::Aig;
using logic::Literal;

namespace {

mpz_class power_of_two(std::size_t exponent) {
  mpz_class result;
  mpz_ui_pow_ui(result.get_mpz_t(), 2, exponent);
  return result;
}

std::size_t bit_length(const mpz_class& value) {
  return value == 0 ? 0 : mpz_sizeinbase(value.get_mpz_t(), 2);
}

BitVector invert(const BitVector& x) {
  BitVector result;
  result.reserve(x.size());
  for (Literal bit : x)
    result.push_back(!bit);
  return result;
}

}  // namespace

std::size_t residue_width(const mpz_class& modulus) {
  return bit_length(mpz_class(modulus - 1));
}

BitVector conditional_subtract(Aig& aig, const BitVector& x, const mpz_class& threshold,
                               PrefixArchitecture architecture) {
  const std::size_t width = x.size();
  const mpz_class modulus = power_of_two(width);
  if (threshold >= modulus) return x;
  BitVector complement = constant(width, mpz_class(modulus - 1 - threshold));
  BitVector sum = add_with_carry_out(aig, x, complement, architecture, logic::true_literal);
  Literal at_least = sum[width];
  return mux(aig, at_least, truncate(sum, width), x);
}

BitVector reduce_below_square(Aig& aig, const BitVector& x, const mpz_class& modulus,
                              const ArithmeticArchitecture& architecture) {
  const std::size_t result_width = residue_width(modulus);
  if (mpz_popcount(modulus.get_mpz_t()) == 1) {  // P = 2^n: keep the low n bits
    return truncate(x, std::min(result_width, x.size()));
  }
  const std::size_t k = bit_length(modulus);
  mpz_class mu;
  mpz_fdiv_q(mu.get_mpz_t(), power_of_two(2 * k).get_mpz_t(), modulus.get_mpz_t());
  const BitVector high_input(x.begin() + static_cast<std::ptrdiff_t>(k - 1), x.end());
  const BitVector mu_bits = constant(bit_length(mu), mu);
  const BitVector scaled = multiply(aig, high_input, mu_bits, Signedness::unsigned_,
                                    high_input.size() + mu_bits.size(), architecture);
  const BitVector quotient(scaled.begin() + static_cast<std::ptrdiff_t>(k + 1), scaled.end());
  const std::size_t working_width = k + 2;
  const BitVector quotient_times_modulus = multiply(
      aig, quotient, constant(k, modulus), Signedness::unsigned_, working_width, architecture);
  BitVector remainder =
      subtract(aig, zero_extend(truncate(x, std::min(x.size(), working_width)), working_width),
               quotient_times_modulus, architecture.adder);
  remainder = conditional_subtract(aig, remainder, modulus, architecture.adder);
  remainder = conditional_subtract(aig, remainder, modulus, architecture.adder);
  return truncate(remainder, result_width);
}

BitVector modular_add(Aig& aig, const BitVector& a, const BitVector& b, const mpz_class& modulus,
                      PrefixArchitecture architecture) {
  BitVector sum = add_with_carry_out(aig, a, b, architecture);
  BitVector reduced = conditional_subtract(aig, sum, modulus, architecture);
  return truncate(reduced, a.size());
}

BitVector modular_subtract(Aig& aig, const BitVector& a, const BitVector& b,
                           const mpz_class& modulus, PrefixArchitecture architecture) {
  const std::size_t width = a.size();
  BitVector difference = add_with_carry_out(aig, a, invert(b), architecture, logic::true_literal);
  Literal no_borrow = difference[width];
  difference = truncate(difference, width);
  mpz_class modulus_pattern;
  mpz_fdiv_r(modulus_pattern.get_mpz_t(), modulus.get_mpz_t(), power_of_two(width).get_mpz_t());
  BitVector corrected = add(aig, difference, constant(width, modulus_pattern), architecture);
  return mux(aig, no_borrow, difference, corrected);
}

BitVector modular_negate(Aig& aig, const BitVector& a, const mpz_class& modulus,
                         PrefixArchitecture architecture) {
  const std::size_t width = a.size();
  mpz_class modulus_pattern;
  mpz_fdiv_r(modulus_pattern.get_mpz_t(), modulus.get_mpz_t(), power_of_two(width).get_mpz_t());
  BitVector difference = subtract(aig, constant(width, modulus_pattern), a, architecture);
  BitVector zero = constant(width, 0);
  Literal is_zero = equal(aig, a, zero);
  return mux(aig, is_zero, zero, difference);
}

BitVector modular_multiply(Aig& aig, const BitVector& a, const BitVector& b,
                           const mpz_class& modulus, const ArithmeticArchitecture& architecture) {
  BitVector product = multiply(aig, a, b, Signedness::unsigned_, a.size() + b.size(), architecture);
  return reduce_below_square(aig, product, modulus, architecture);
}

}  // namespace rnncc::word
