#include "rnncc/word/residue_conversion.hpp"

#include <algorithm>
#include <stdexcept>

#include "rnncc/word/adder.hpp"
#include "rnncc/word/modular.hpp"
#include "rnncc/word/multiplier.hpp"
#include "rnncc/word/prefix.hpp"
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

std::size_t ceil_log2(std::size_t n) {
  std::size_t k = 0;
  while ((std::size_t{1} << k) < n)
    ++k;
  return k;
}

mpz_class non_negative_remainder(const mpz_class& value, const mpz_class& modulus) {
  mpz_class remainder;
  mpz_fdiv_r(remainder.get_mpz_t(), value.get_mpz_t(), modulus.get_mpz_t());
  return remainder;
}

/// Puts `bit` into every column c + shift with bit c of the non-negative
/// constant `weight` set, below columns.size().
void add_weighted_bit(BitColumns& columns, Literal bit, const mpz_class& weight,
                      std::size_t shift) {
  const std::size_t weight_bits = bit_length(weight);
  for (std::size_t c = 0; c < weight_bits && c + shift < columns.size(); ++c) {
    if (mpz_tstbit(weight.get_mpz_t(), c) != 0) columns[c + shift].push_back(bit);
  }
}

/// The columns' value modulo 2^columns.size(): a carry-save tree to two rows
/// and one prefix adder.
BitVector sum_columns(Aig& aig, BitColumns columns, const ArithmeticArchitecture& architecture) {
  TwoRows rows = reduce_to_two_rows(aig, std::move(columns), architecture.multiplier);
  return add(aig, rows.first, rows.second, architecture.adder);
}

BitVector fit_unsigned(const BitVector& x, std::size_t width) {
  return x.size() >= width ? truncate(x, width) : zero_extend(x, width);
}

}  // namespace

BitVector residue_of(Aig& aig, const BitVector& x, Signedness signedness, const mpz_class& modulus,
                     const ArithmeticArchitecture& architecture) {
  if (modulus < 3 || mpz_even_p(modulus.get_mpz_t()) != 0) {
    throw std::invalid_argument("residue_of: the modulus must be odd and at least 3");
  }
  const std::size_t result_width = residue_width(modulus);
  const std::size_t n = x.size();
  std::vector<mpz_class> weights(n);
  mpz_class largest_sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    weights[i] = non_negative_remainder(power_of_two(i), modulus);
    if (signedness == Signedness::signed_ && i + 1 == n) {
      weights[i] = non_negative_remainder(mpz_class(-weights[i]), modulus);
    }
    largest_sum += weights[i];
  }
  if (largest_sum == 0) return constant(result_width, 0);
  BitColumns columns(bit_length(largest_sum));
  for (std::size_t i = 0; i < n; ++i)
    add_weighted_bit(columns, x[i], weights[i], 0);
  const BitVector sum = sum_columns(aig, std::move(columns), architecture);
  if (largest_sum < modulus) return fit_unsigned(sum, result_width);
  if (largest_sum < 2 * modulus) {
    return truncate(conditional_subtract(aig, sum, modulus, architecture.adder), result_width);
  }
  if (largest_sum < modulus * modulus) {
    return reduce_below_square(aig, sum, modulus, architecture);
  }
  return residue_of(aig, sum, Signedness::unsigned_, modulus, architecture);
}

Residues residues_of(Aig& aig, const BitVector& x, Signedness signedness, const ResidueBasis& basis,
                     const ArithmeticArchitecture& architecture) {
  Residues residues;
  residues.reserve(basis.moduli.size());
  for (const mpz_class& modulus : basis.moduli)
    residues.push_back(residue_of(aig, x, signedness, modulus, architecture));
  return residues;
}

Residues constant_residues(const mpz_class& value, const ResidueBasis& basis) {
  Residues residues;
  residues.reserve(basis.moduli.size());
  for (const mpz_class& modulus : basis.moduli) {
    residues.push_back(constant(residue_width(modulus), non_negative_remainder(value, modulus)));
  }
  return residues;
}

BitVector reconstruct(Aig& aig, const Residues& residues, const ResidueBasis& basis,
                      std::size_t width, const ArithmeticArchitecture& architecture) {
  const std::size_t k = basis.moduli.size();
  if (residues.size() != k) throw std::invalid_argument("reconstruct: one residue per modulus");
  if (width == 0) return {};
  // y_j = r_j · (M_j^-1 mod p_j) mod p_j.
  Residues scaled(k);
  std::vector<mpz_class> cofactors(k);  // M_j = M / p_j
  for (std::size_t j = 0; j < k; ++j) {
    const mpz_class& modulus = basis.moduli[j];
    cofactors[j] = basis.product / modulus;
    mpz_class inverse;
    mpz_invert(inverse.get_mpz_t(), mpz_class(cofactors[j] % modulus).get_mpz_t(),
               modulus.get_mpz_t());
    scaled[j] = inverse == 1
                    ? residues[j]
                    : modular_multiply(aig, residues[j], constant(residue_width(modulus), inverse),
                                       modulus, architecture);
  }
  // N = ⌊(Σ y_j ⌈2^t / p_j⌉ + 2^(t-2)) / 2^t⌋, the integer nearest Σ y_j / p_j.
  const std::size_t t = basis.modulus_bits + ceil_log2(k) + 3;
  const std::size_t quotient_bits = bit_length(mpz_class(static_cast<unsigned long>(k)));
  BitColumns fraction_columns(t + quotient_bits + 1);
  for (std::size_t j = 0; j < k; ++j) {
    mpz_class fraction;
    mpz_cdiv_q(fraction.get_mpz_t(), power_of_two(t).get_mpz_t(), basis.moduli[j].get_mpz_t());
    for (std::size_t i = 0; i < scaled[j].size(); ++i)
      add_weighted_bit(fraction_columns, scaled[j][i], fraction, i);
  }
  fraction_columns[t - 2].push_back(logic::true_literal);
  const BitVector fraction_sum = sum_columns(aig, std::move(fraction_columns), architecture);
  const BitVector quotient(fraction_sum.begin() + static_cast<std::ptrdiff_t>(t),
                           fraction_sum.end());
  // x = Σ y_j M_j - N·M modulo 2^width.
  const mpz_class word_modulus = power_of_two(width);
  BitColumns columns(width);
  for (std::size_t j = 0; j < k; ++j) {
    const mpz_class weight = non_negative_remainder(cofactors[j], word_modulus);
    for (std::size_t i = 0; i < scaled[j].size(); ++i)
      add_weighted_bit(columns, scaled[j][i], weight, i);
  }
  const mpz_class negative_product =
      non_negative_remainder(mpz_class(-basis.product), word_modulus);
  for (std::size_t i = 0; i < quotient.size(); ++i)
    add_weighted_bit(columns, quotient[i], negative_product, i);
  return sum_columns(aig, std::move(columns), architecture);
}

Literal is_zero(Aig& aig, const Residues& residues) {
  std::vector<Literal> zero_bits;
  for (const BitVector& residue : residues) {
    for (Literal bit : residue)
      zero_bits.push_back(!bit);
  }
  if (zero_bits.empty()) return logic::true_literal;
  return balanced_reduce(std::move(zero_bits), [&aig](Literal later, Literal earlier) {
    return aig.create_and(later, earlier);
  });
}

}  // namespace rnncc::word
