// Small helpers on GMP integers shared by the arith sources.
#pragma once

#include <gmpxx.h>
#include <cstddef>

namespace rnncc::arith::detail {

/// 2^exponent.
inline mpz_class power_of_two(std::size_t exponent) {
  mpz_class result;
  mpz_ui_pow_ui(result.get_mpz_t(), 2, exponent);
  return result;
}

/// Number of bits of |value| (0 for 0).
inline std::size_t bit_length(const mpz_class& value) {
  return value == 0 ? 0 : mpz_sizeinbase(value.get_mpz_t(), 2);
}

/// ⌊numerator / denominator⌋ for a positive denominator.
inline mpz_class floor_divide(const mpz_class& numerator, const mpz_class& denominator) {
  mpz_class quotient;
  mpz_fdiv_q(quotient.get_mpz_t(), numerator.get_mpz_t(), denominator.get_mpz_t());
  return quotient;
}

/// value mod modulus in 0 .. modulus-1 for a positive modulus.
inline mpz_class non_negative_remainder(const mpz_class& value, const mpz_class& modulus) {
  mpz_class remainder;
  mpz_fdiv_r(remainder.get_mpz_t(), value.get_mpz_t(), modulus.get_mpz_t());
  return remainder;
}

}  // namespace rnncc::arith::detail
