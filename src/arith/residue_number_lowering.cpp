#include "residue_number_lowering.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "big_integer.hpp"
#include "exact_intervals.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/word/modular.hpp"
#include "rnncc/word/residue_conversion.hpp"
#include "rnncc/word/resize.hpp"

namespace rnncc::arith::detail {
namespace {

using logic::Literal;
using word::BitVector;
using word::Residues;

ExactInterval interval_of(const LoweredValue& value) {
  return {value.low, value.high, value.denominator};
}

class ResidueNumberLowering final : public FormatLoweringUnit {
 public:
  ResidueNumberLowering(logic::Aig& aig, word::ResidueBasis basis,
                        word::ArithmeticArchitecture architecture)
      : FormatLoweringUnit(aig, ExactFormat{}, architecture),
        circuit_aig_(aig),
        basis_(std::move(basis)) {}

  std::size_t input_width(const std::optional<ExactDomain>& domain) const override {
    if (!domain) throw std::invalid_argument("an exact input needs its domain");
    return signed_width(domain->low, domain->high);
  }

  /// Two's complement bits converted to residues.
  LoweredValue input(BitVector bits, const std::optional<ExactDomain>& domain) const override {
    check_input_width(bits, domain);
    return value_of(
        word::residues_of(circuit_aig_, bits, word::Signedness::signed_, basis_, architecture()),
        {domain->low, domain->high, domain->denominator});
  }

  LoweredValue constant(const mpq_class& value) const override {
    const mpz_class& numerator = value.get_num();
    return value_of(word::constant_residues(numerator, basis_),
                    {numerator, numerator, value.get_den()});
  }

  LoweredValue add(const LoweredValue& a, const LoweredValue& b) override {
    auto [left, right] = over_common_denominator(a, b);
    Residues result(basis_.moduli.size());
    for (std::size_t j = 0; j < result.size(); ++j) {
      result[j] = word::modular_add(aig(), residue(left, j), residue(right, j), basis_.moduli[j],
                                    architecture().adder);
    }
    return value_of(std::move(result), sum_interval(interval_of(a), interval_of(b)));
  }

  LoweredValue subtract(const LoweredValue& a, const LoweredValue& b) override {
    return with_interval(difference_residues(a, b),
                         difference_interval(interval_of(a), interval_of(b)));
  }

  LoweredValue negate(const LoweredValue& a) override {
    Residues result(basis_.moduli.size());
    for (std::size_t j = 0; j < result.size(); ++j) {
      result[j] =
          word::modular_negate(aig(), residue(a, j), basis_.moduli[j], architecture().adder);
    }
    return value_of(std::move(result), negation_interval(interval_of(a)));
  }

  LoweredValue multiply(const LoweredValue& a, const LoweredValue& b) override {
    Residues result(basis_.moduli.size());
    for (std::size_t j = 0; j < result.size(); ++j) {
      result[j] = word::modular_multiply(aig(), residue(a, j), residue(b, j), basis_.moduli[j],
                                         architecture());
    }
    return value_of(std::move(result), product_interval(interval_of(a), interval_of(b)));
  }

  LoweredValue scale_by_power_of_two(const LoweredValue& a, long exponent) override {
    std::size_t shift = 0;
    const ExactInterval interval = power_of_two_interval(interval_of(a), exponent, &shift);
    return value_of(times_constant(a, power_of_two(shift)), interval);
  }

  /// The sign of the reconstructed difference.
  Literal less_than(const LoweredValue& a, const LoweredValue& b) override {
    const ExactInterval difference = difference_interval(interval_of(a), interval_of(b));
    if (difference.high < 0) return logic::true_literal;
    if (difference.low >= 0) return logic::false_literal;
    return is_negative(difference_residues(a, b), difference);
  }

  /// Every residue of the difference zero.
  Literal equal(const LoweredValue& a, const LoweredValue& b) override {
    const ExactInterval difference = difference_interval(interval_of(a), interval_of(b));
    check_reconstructible(difference);
    return word::is_zero(aig(), split(difference_residues(a, b)));
  }

  LoweredValue select(Literal condition, const LoweredValue& if_true,
                      const LoweredValue& if_false) override {
    auto [left, right] = over_common_denominator(if_true, if_false);
    return with_interval(word::mux(aig(), condition, left.bits, right.bits),
                         union_interval(interval_of(if_true), interval_of(if_false)));
  }

  LoweredValue relu(const LoweredValue& a) override {
    if (a.low >= 0) return a;
    const ExactInterval result = relu_interval(interval_of(a));
    const LoweredValue zero = with_interval(zero_bits(), {0, 0, a.denominator});
    if (a.high <= 0) return zero;
    const Literal negative = is_negative(a.bits, interval_of(a));
    return with_interval(word::mux(aig(), negative, zero.bits, a.bits), result);
  }

  LoweredValue clip(const LoweredValue& a, const mpq_class& low, const mpq_class& high) override {
    const LoweredValue low_value = constant(low);
    const LoweredValue high_value = constant(high);
    const mpz_class denominator =
        common_denominator_of(common_interval(a, low_value), interval_of(high_value));
    const LoweredValue scaled = times_denominator(a, denominator);
    const LoweredValue low_scaled = times_denominator(low_value, denominator);
    const LoweredValue high_scaled = times_denominator(high_value, denominator);
    if (low_scaled.low > high_scaled.low) return constant(high);
    const ExactInterval result{std::clamp(scaled.low, low_scaled.low, high_scaled.low),
                               std::clamp(scaled.high, low_scaled.low, high_scaled.low),
                               denominator};
    BitVector bits = scaled.bits;
    // x < low: low; then high < x: high (both tested on the original x).
    const Literal below = less_than(scaled, low_scaled);
    const Literal above = less_than(high_scaled, scaled);
    bits = word::mux(aig(), below, low_scaled.bits, bits);
    bits = word::mux(aig(), above, high_scaled.bits, bits);
    return with_interval(std::move(bits), result);
  }

  /// -1, 0 or 1 as constant residues picked by the sign and zero tests.
  LoweredValue sign(const LoweredValue& a) override {
    const ExactInterval result = sign_interval(interval_of(a));
    check_reconstructible(interval_of(a));
    const Literal zero = word::is_zero(aig(), split(a.bits));
    const Literal negative =
        a.low < 0 ? (a.high < 0 ? logic::true_literal : is_negative(a.bits, interval_of(a)))
                  : logic::false_literal;
    const BitVector minus_one = constant(-1).bits;
    const BitVector one = constant(1).bits;
    BitVector bits = word::mux(aig(), negative, minus_one, one);
    bits = word::mux(aig(), zero, zero_bits(), bits);
    return with_interval(std::move(bits), result);
  }

  /// Scaled by an integer factor, or divided exactly by a power of two
  /// (times its inverse modulo each odd prime).
  std::optional<LoweredValue> conform(const LoweredValue& value,
                                      const LoweredValue& shape) override {
    const ExactInterval target{shape.low, shape.high, shape.denominator};
    if (shape.denominator % value.denominator == 0) {
      return value_of(times_constant(value, shape.denominator / value.denominator), target);
    }
    const mpz_class ratio = value.denominator / shape.denominator;
    if (value.denominator % shape.denominator != 0 || mpz_popcount(ratio.get_mpz_t()) != 1) {
      return std::nullopt;
    }
    Residues result(basis_.moduli.size());
    for (std::size_t j = 0; j < result.size(); ++j) {
      mpz_class inverse;
      mpz_invert(inverse.get_mpz_t(), ratio.get_mpz_t(), basis_.moduli[j].get_mpz_t());
      result[j] = times_residue_constant(residue(value, j), inverse, j);
    }
    return value_of(std::move(result), target);
  }

  /// Chinese-remainder reconstruction at the width of the interval.
  LoweredValue as_binary(const LoweredValue& value) override {
    check_reconstructible(interval_of(value));
    const std::size_t width = signed_width(value.low, value.high);
    return LoweredValue{word::reconstruct(aig(), split(value.bits), basis_, width, architecture()),
                        value.low, value.high, value.denominator};
  }

  /// Of a value as_binary gave: two's complement over the denominator.
  mpq_class decode(const LoweredValue& value, const mpz_class& pattern) const override {
    mpz_class integer = pattern;
    if (!value.bits.empty() && mpz_tstbit(pattern.get_mpz_t(), value.bits.size() - 1) != 0) {
      integer -= power_of_two(value.bits.size());
    }
    mpq_class result(integer, value.denominator);
    result.canonicalize();
    return result;
  }

  mpz_class encode(const LoweredValue& value, const mpq_class& number) const override {
    const mpq_class scaled = number * value.denominator;
    if (scaled.get_den() != 1 || scaled.get_num() < value.low || scaled.get_num() > value.high) {
      throw InputError(fmt::format(
          "{} is not an admissible value of this exact value ({} .. {} / {})", number.get_str(),
          value.low.get_str(), value.high.get_str(), value.denominator.get_str()));
    }
    return non_negative_remainder(scaled.get_num(), power_of_two(value.bits.size()));
  }

 private:
  std::size_t residue_bits() const { return basis_.modulus_bits; }

  BitVector residue(const LoweredValue& value, std::size_t j) const {
    const auto begin = value.bits.begin() + static_cast<std::ptrdiff_t>(j * residue_bits());
    return BitVector(begin, begin + static_cast<std::ptrdiff_t>(residue_bits()));
  }

  Residues split(const BitVector& bits) const {
    Residues residues(basis_.moduli.size());
    for (std::size_t j = 0; j < residues.size(); ++j) {
      const auto begin = bits.begin() + static_cast<std::ptrdiff_t>(j * residue_bits());
      residues[j] = BitVector(begin, begin + static_cast<std::ptrdiff_t>(residue_bits()));
    }
    return residues;
  }

  static LoweredValue with_interval(BitVector bits, const ExactInterval& interval) {
    return LoweredValue{std::move(bits), interval.low, interval.high, interval.denominator};
  }

  static LoweredValue value_of(const Residues& residues, const ExactInterval& interval) {
    BitVector bits;
    for (const BitVector& residue : residues)
      bits.insert(bits.end(), residue.begin(), residue.end());
    return with_interval(std::move(bits), interval);
  }

  BitVector zero_bits() const {
    return BitVector(basis_.moduli.size() * residue_bits(), logic::false_literal);
  }

  /// residue · c mod p_j for a constant c.
  BitVector times_residue_constant(const BitVector& residue, const mpz_class& factor,
                                   std::size_t j) {
    const mpz_class& modulus = basis_.moduli[j];
    const mpz_class reduced = non_negative_remainder(factor, modulus);
    if (reduced == 1) return residue;
    if (reduced == 0) return word::constant(residue_bits(), 0);
    return word::modular_multiply(aig(), residue, word::constant(residue_bits(), reduced), modulus,
                                  architecture());
  }

  /// The residues of the numerator times the constant `factor`.
  Residues times_constant(const LoweredValue& value, const mpz_class& factor) {
    Residues result(basis_.moduli.size());
    for (std::size_t j = 0; j < result.size(); ++j)
      result[j] = times_residue_constant(residue(value, j), factor, j);
    return result;
  }

  /// `value` over the denominator `denominator` (a multiple of its own).
  LoweredValue times_denominator(const LoweredValue& value, const mpz_class& denominator) {
    const mpz_class factor = denominator / value.denominator;
    if (factor == 1) return value;
    return value_of(times_constant(value, factor), scaled_interval(interval_of(value), factor));
  }

  ExactInterval common_interval(const LoweredValue& a, const LoweredValue& b) const {
    return {0, 0, common_denominator_of(interval_of(a), interval_of(b))};
  }

  std::pair<LoweredValue, LoweredValue> over_common_denominator(const LoweredValue& a,
                                                                const LoweredValue& b) {
    const mpz_class denominator = common_denominator_of(interval_of(a), interval_of(b));
    return {times_denominator(a, denominator), times_denominator(b, denominator)};
  }

  BitVector difference_residues(const LoweredValue& a, const LoweredValue& b) {
    auto [left, right] = over_common_denominator(a, b);
    BitVector bits;
    for (std::size_t j = 0; j < basis_.moduli.size(); ++j) {
      const BitVector difference = word::modular_subtract(
          aig(), residue(left, j), residue(right, j), basis_.moduli[j], architecture().adder);
      bits.insert(bits.end(), difference.begin(), difference.end());
    }
    return bits;
  }

  void check_reconstructible(const ExactInterval& interval) const {
    const mpz_class magnitude =
        std::max(mpz_class(abs(interval.low)), mpz_class(abs(interval.high)));
    if (4 * magnitude > basis_.product) {
      throw std::logic_error(fmt::format(
          "residue lowering: a reconstructed value reaches {} bits, beyond the basis's {} bits",
          bit_length(magnitude), bit_length(basis_.product)));
    }
  }

  /// The top bit of the reconstruction of residues standing for an integer of `interval`.
  Literal is_negative(const BitVector& bits, const ExactInterval& interval) {
    check_reconstructible(interval);
    const std::size_t width = signed_width(interval.low, interval.high);
    return word::reconstruct(aig(), split(bits), basis_, width, architecture()).back();
  }

  /// The AIG again, for input(), which the interface declares const.
  logic::Aig& circuit_aig_;
  word::ResidueBasis basis_;
};

}  // namespace

std::unique_ptr<FormatLoweringUnit> make_residue_number_lowering(
    logic::Aig& aig, const word::ResidueBasis& basis, word::ArithmeticArchitecture architecture) {
  return std::make_unique<ResidueNumberLowering>(aig, basis, architecture);
}

}  // namespace rnncc::arith::detail
