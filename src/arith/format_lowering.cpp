#include "rnncc/arith/format_lowering.hpp"

#include "rnncc/logic/instantiate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "big_integer.hpp"
#include "rnncc/arith/nonlinear_table.hpp"
#include "rnncc/arith/reference.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/word/adder.hpp"
#include "rnncc/word/compare.hpp"
#include "rnncc/word/lookup.hpp"
#include "rnncc/word/multiplier.hpp"
#include "rnncc/word/rescale.hpp"
#include "rnncc/word/resize.hpp"

namespace rnncc::arith {

using detail::bit_length;
using detail::power_of_two;
using logic::Literal;
using word::BitVector;
using word::Signedness;

std::size_t signed_width(const mpz_class& low, const mpz_class& high) {
  std::size_t width = 1;
  if (high > 0) width = std::max(width, bit_length(high) + 1);
  if (low < 0) width = std::max(width, bit_length(mpz_class(-low - 1)) + 1);
  return width;
}

namespace {

std::size_t checked_exact_width(const mpz_class& low, const mpz_class& high) {
  std::size_t width = signed_width(low, high);
  if (width > max_exact_width) {
    throw LimitError(
        fmt::format("an exact value would need {} bits; exact values are limited to {} bits", width,
                    max_exact_width));
  }
  return width;
}

/// `x` (two's complement) brought to `width` bits: sign-extended when
/// narrower, truncated when wider. Truncation keeps the value whenever it
/// fits `width`, and keeps it modulo 2^width always.
BitVector resize_signed(const BitVector& x, std::size_t width) {
  return x.size() >= width ? word::truncate(x, width) : word::sign_extend(x, width);
}

mpz_class clamp(const mpz_class& value, const mpz_class& low, const mpz_class& high) {
  if (value < low) return low;
  if (value > high) return high;
  return value;
}

int sign_of(const mpz_class& value) {
  return sgn(value);
}

/// The stored integer of a member of a finite format (value · denominator).
mpz_class stored_integer(const Format& format, const mpq_class& member) {
  mpq_class scaled = member / resolution(format);
  return scaled.get_num();
}

BitVector invert(const BitVector& x) {
  BitVector result;
  result.reserve(x.size());
  for (Literal bit : x)
    result.push_back(!bit);
  return result;
}

}  // namespace

FormatLowering::FormatLowering(logic::Aig& aig, Format format,
                               word::ArithmeticArchitecture architecture)
    : aig_(aig), format_(std::move(format)), architecture_(architecture) {}

// --- helpers shared by the operations ----------------------------------------

namespace {

/// The value a finite format's operation returns: its bits with the
/// format's integer range and denominator.
LoweredValue finite_value(const Format& format, BitVector bits) {
  RepresentableRange range = representable_range(format);
  mpq_class step = resolution(format);
  return LoweredValue{std::move(bits), mpq_class(range.lowest / step).get_num(),
                      mpq_class(range.highest / step).get_num(), step.get_den()};
}

void check_finite_operand(const Format& format, const LoweredValue& value) {
  if (value.bits.size() != *width_in_bits(format)) {
    throw std::invalid_argument(fmt::format("a value of {} bits is not a lowered value of {}",
                                            value.bits.size(), to_string(format)));
  }
}

/// The exact value `value` · multiplier / multiplier: same number, numerator
/// and denominator scaled by the positive constant `multiplier`.
LoweredValue scale_exact_numerator(logic::Aig& aig, const LoweredValue& value,
                                   const mpz_class& multiplier,
                                   const word::ArithmeticArchitecture& architecture) {
  if (multiplier == 1) return value;
  mpz_class low = value.low * multiplier;
  mpz_class high = value.high * multiplier;
  std::size_t width = checked_exact_width(low, high);
  BitVector bits;
  if (mpz_popcount(multiplier.get_mpz_t()) == 1) {
    std::size_t shift = bit_length(multiplier) - 1;
    bits = word::shift_left(resize_signed(value.bits, width), shift);
  } else {
    BitVector factor = word::constant(signed_width(multiplier, multiplier), multiplier);
    bits = word::multiply(aig, resize_signed(value.bits, width), factor, Signedness::signed_, width,
                          architecture);
  }
  return LoweredValue{std::move(bits), low, high, value.denominator * multiplier};
}

mpz_class least_common_multiple(const mpz_class& a, const mpz_class& b) {
  mpz_class result;
  mpz_lcm(result.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
  return result;
}

/// x >= threshold ? x - threshold : x, for an unsigned x of m bits and a
/// constant threshold; one adder gives both the comparison (its carry) and
/// the difference.
BitVector conditional_subtract(logic::Aig& aig, const BitVector& x, const mpz_class& threshold,
                               word::PrefixArchitecture architecture) {
  const std::size_t width = x.size();
  const mpz_class modulus = power_of_two(width);
  if (threshold >= modulus) return x;
  BitVector complement = word::constant(width, mpz_class(modulus - 1 - threshold));
  BitVector sum = word::add_with_carry_out(aig, x, complement, architecture, logic::true_literal);
  Literal at_least = sum[width];
  return word::mux(aig, at_least, word::truncate(sum, width), x);
}

/// x mod P for an unsigned x < P^2 (Barrett reduction, HAC 14.42, in base
/// 2 with the difference kept to k+2 bits): with 2^(k-1) <= P < 2^k and
/// μ = ⌊4^k / P⌋, the estimate q = ⌊⌊x / 2^(k-1)⌋ · μ / 2^(k+1)⌋ satisfies
/// ⌊x/P⌋ - 2 <= q <= ⌊x/P⌋, so x - q·P lies in [0, 3P) ⊂ [0, 2^(k+2)) and
/// two conditional subtractions of P finish. Depth: two multipliers and
/// three adders, logarithmic in k with tree multipliers and prefix adders.
/// Returns ⌈log2 P⌉ bits.
BitVector barrett_reduce(logic::Aig& aig, const BitVector& x, const mpz_class& modulus,
                         const word::ArithmeticArchitecture& architecture) {
  const std::size_t result_width = bit_length(mpz_class(modulus - 1));
  if (mpz_popcount(modulus.get_mpz_t()) == 1) {  // P = 2^n: keep the low n bits
    return word::truncate(x, result_width);
  }
  const std::size_t k = bit_length(modulus);
  const mpz_class mu = detail::floor_divide(power_of_two(2 * k), modulus);
  const BitVector high_input(x.begin() + static_cast<std::ptrdiff_t>(k - 1), x.end());
  const BitVector mu_bits = word::constant(bit_length(mu), mu);
  const BitVector scaled = word::multiply(aig, high_input, mu_bits, Signedness::unsigned_,
                                          high_input.size() + mu_bits.size(), architecture);
  const BitVector quotient(scaled.begin() + static_cast<std::ptrdiff_t>(k + 1), scaled.end());
  const std::size_t working_width = k + 2;
  const BitVector quotient_times_modulus =
      word::multiply(aig, quotient, word::constant(k, modulus), Signedness::unsigned_,
                     working_width, architecture);
  BitVector remainder = word::subtract(
      aig, word::zero_extend(word::truncate(x, std::min(x.size(), working_width)), working_width),
      quotient_times_modulus, architecture.adder);
  remainder = conditional_subtract(aig, remainder, modulus, architecture.adder);
  remainder = conditional_subtract(aig, remainder, modulus, architecture.adder);
  return word::truncate(remainder, result_width);
}

}  // namespace

std::size_t FormatLowering::input_width(const std::optional<ExactDomain>& domain) const {
  if (is_finite(format_)) return *width_in_bits(format_);
  if (!domain) throw std::invalid_argument("an exact input needs its domain");
  return checked_exact_width(domain->low, domain->high);
}

LoweredValue FormatLowering::input(BitVector bits, const std::optional<ExactDomain>& domain) const {
  if (bits.size() != input_width(domain)) {
    throw std::invalid_argument(fmt::format("an input of {} needs {} bits, got {}",
                                            to_string(format_), input_width(domain), bits.size()));
  }
  if (is_finite(format_)) return finite_value(format_, std::move(bits));
  if (domain->low > domain->high || domain->denominator <= 0) {
    throw std::invalid_argument("an exact domain needs low <= high and a positive denominator");
  }
  return LoweredValue{std::move(bits), domain->low, domain->high, domain->denominator};
}

LoweredValue FormatLowering::constant(const mpq_class& value) const {
  if (is_finite(format_)) {
    mpq_class member = reference::represent(format_, value);
    return finite_value(format_,
                        word::constant(*width_in_bits(format_), arith::encode(format_, member)));
  }
  const mpz_class& numerator = value.get_num();
  return LoweredValue{word::constant(checked_exact_width(numerator, numerator), numerator),
                      numerator, numerator, value.get_den()};
}

// --- + - × -------------------------------------------------------------------

namespace {

std::pair<LoweredValue, LoweredValue> common_denominator(
    logic::Aig& aig, const LoweredValue& a, const LoweredValue& b,
    const word::ArithmeticArchitecture& architecture) {
  mpz_class denominator = least_common_multiple(a.denominator, b.denominator);
  return {scale_exact_numerator(aig, a, denominator / a.denominator, architecture),
          scale_exact_numerator(aig, b, denominator / b.denominator, architecture)};
}

}  // namespace

LoweredValue FormatLowering::add(const LoweredValue& a, const LoweredValue& b) {
  const word::PrefixArchitecture adder = architecture_.adder;
  if (const auto* fixed = std::get_if<FixedFormat>(&format_)) {
    check_finite_operand(format_, a);
    check_finite_operand(format_, b);
    if (fixed->overflow == word::Overflow::wrap) {
      return finite_value(format_, word::add(aig_, a.bits, b.bits, adder));
    }
    BitVector sum = word::add(aig_, word::sign_extend(a.bits, fixed->width + 1),
                              word::sign_extend(b.bits, fixed->width + 1), adder);
    return finite_value(format_, word::saturate(aig_, sum, fixed->width, Signedness::signed_));
  }
  if (std::holds_alternative<ModFormat>(format_)) {
    check_finite_operand(format_, a);
    check_finite_operand(format_, b);
    return finite_value(format_, word::add(aig_, a.bits, b.bits, adder));
  }
  if (const auto* residue = std::get_if<ResidueFormat>(&format_)) {
    check_finite_operand(format_, a);
    check_finite_operand(format_, b);
    const std::size_t width = a.bits.size();
    BitVector sum = word::add_with_carry_out(aig_, a.bits, b.bits, adder);
    BitVector reduced = conditional_subtract(aig_, sum, residue->modulus, adder);
    return finite_value(format_, word::truncate(reduced, width));
  }
  auto [left, right] = common_denominator(aig_, a, b, architecture_);
  mpz_class low = left.low + right.low;
  mpz_class high = left.high + right.high;
  std::size_t width = checked_exact_width(low, high);
  BitVector sum =
      word::add(aig_, resize_signed(left.bits, width), resize_signed(right.bits, width), adder);
  return LoweredValue{std::move(sum), low, high, left.denominator};
}

LoweredValue FormatLowering::subtract(const LoweredValue& a, const LoweredValue& b) {
  const word::PrefixArchitecture adder = architecture_.adder;
  if (const auto* fixed = std::get_if<FixedFormat>(&format_)) {
    check_finite_operand(format_, a);
    check_finite_operand(format_, b);
    if (fixed->overflow == word::Overflow::wrap) {
      return finite_value(format_, word::subtract(aig_, a.bits, b.bits, adder));
    }
    BitVector difference = word::subtract(aig_, word::sign_extend(a.bits, fixed->width + 1),
                                          word::sign_extend(b.bits, fixed->width + 1), adder);
    return finite_value(format_,
                        word::saturate(aig_, difference, fixed->width, Signedness::signed_));
  }
  if (std::holds_alternative<ModFormat>(format_)) {
    check_finite_operand(format_, a);
    check_finite_operand(format_, b);
    return finite_value(format_, word::subtract(aig_, a.bits, b.bits, adder));
  }
  if (const auto* residue = std::get_if<ResidueFormat>(&format_)) {
    check_finite_operand(format_, a);
    check_finite_operand(format_, b);
    // a + ~b + 1 = a - b + 2^n: its carry says a >= b; otherwise add P.
    const std::size_t width = a.bits.size();
    BitVector difference =
        word::add_with_carry_out(aig_, a.bits, invert(b.bits), adder, logic::true_literal);
    Literal no_borrow = difference[width];
    difference = word::truncate(difference, width);
    BitVector corrected =
        word::add(aig_, difference,
                  word::constant(
                      width, detail::non_negative_remainder(residue->modulus, power_of_two(width))),
                  adder);
    return finite_value(format_, word::mux(aig_, no_borrow, difference, corrected));
  }
  auto [left, right] = common_denominator(aig_, a, b, architecture_);
  mpz_class low = left.low - right.high;
  mpz_class high = left.high - right.low;
  std::size_t width = checked_exact_width(low, high);
  BitVector difference = word::subtract(aig_, resize_signed(left.bits, width),
                                        resize_signed(right.bits, width), adder);
  return LoweredValue{std::move(difference), low, high, left.denominator};
}

LoweredValue FormatLowering::negate(const LoweredValue& a) {
  const word::PrefixArchitecture adder = architecture_.adder;
  if (const auto* fixed = std::get_if<FixedFormat>(&format_)) {
    check_finite_operand(format_, a);
    if (fixed->overflow == word::Overflow::wrap) {
      return finite_value(format_, word::negate(aig_, a.bits, adder));
    }
    BitVector negated = word::negate(aig_, word::sign_extend(a.bits, fixed->width + 1), adder);
    return finite_value(format_, word::saturate(aig_, negated, fixed->width, Signedness::signed_));
  }
  if (std::holds_alternative<ModFormat>(format_)) {
    check_finite_operand(format_, a);
    return finite_value(format_, word::negate(aig_, a.bits, adder));
  }
  if (const auto* residue = std::get_if<ResidueFormat>(&format_)) {
    check_finite_operand(format_, a);
    // P - a for a != 0 lies in 1 .. P-1, so it is exact modulo 2^n.
    const std::size_t width = a.bits.size();
    BitVector modulus_bits = word::constant(
        width, detail::non_negative_remainder(residue->modulus, power_of_two(width)));
    BitVector difference = word::subtract(aig_, modulus_bits, a.bits, adder);
    BitVector zero = word::constant(width, 0);
    Literal is_zero = word::equal(aig_, a.bits, zero);
    return finite_value(format_, word::mux(aig_, is_zero, zero, difference));
  }
  mpz_class low = -a.high;
  mpz_class high = -a.low;
  std::size_t width = checked_exact_width(low, high);
  return LoweredValue{word::negate(aig_, resize_signed(a.bits, width), adder), low, high,
                      a.denominator};
}

LoweredValue FormatLowering::multiply(const LoweredValue& a, const LoweredValue& b) {
  if (const auto* fixed = std::get_if<FixedFormat>(&format_)) {
    check_finite_operand(format_, a);
    check_finite_operand(format_, b);
    BitVector product =
        word::multiply(aig_, a.bits, b.bits, Signedness::signed_, 2 * fixed->width, architecture_);
    return finite_value(
        format_, word::rescale(aig_, product, fixed->fraction, fixed->rounding, fixed->overflow,
                               fixed->width, Signedness::signed_, architecture_.adder));
  }
  if (const auto* mod = std::get_if<ModFormat>(&format_)) {
    check_finite_operand(format_, a);
    check_finite_operand(format_, b);
    return finite_value(format_, word::multiply(aig_, a.bits, b.bits, Signedness::signed_,
                                                mod->width, architecture_));
  }
  if (const auto* residue = std::get_if<ResidueFormat>(&format_)) {
    check_finite_operand(format_, a);
    check_finite_operand(format_, b);
    const std::size_t width = a.bits.size();
    BitVector product =
        word::multiply(aig_, a.bits, b.bits, Signedness::unsigned_, 2 * width, architecture_);
    BitVector remainder = barrett_reduce(aig_, product, residue->modulus, architecture_);
    return finite_value(format_, resize_signed(remainder, width));
  }
  mpz_class corners[4] = {a.low * b.low, a.low * b.high, a.high * b.low, a.high * b.high};
  mpz_class low = *std::min_element(std::begin(corners), std::end(corners));
  mpz_class high = *std::max_element(std::begin(corners), std::end(corners));
  std::size_t width = checked_exact_width(low, high);
  // The product fits `width` bits, so it is the product modulo 2^width, for
  // which operands may be truncated to `width` bits.
  BitVector left = a.bits.size() > width ? word::truncate(a.bits, width) : a.bits;
  BitVector right = b.bits.size() > width ? word::truncate(b.bits, width) : b.bits;
  BitVector product = word::multiply(aig_, left, right, Signedness::signed_, width, architecture_);
  return LoweredValue{std::move(product), low, high, a.denominator * b.denominator};
}

LoweredValue FormatLowering::scale_by_power_of_two(const LoweredValue& a, long exponent) {
  if (const auto* fixed = std::get_if<FixedFormat>(&format_)) {
    check_finite_operand(format_, a);
    const std::size_t width = fixed->width;
    if (exponent >= 0) {
      // Beyond a shift of W every non-zero value overflows the same way.
      std::size_t shift = std::min(static_cast<std::size_t>(exponent), width);
      BitVector shifted = word::shift_left(word::sign_extend(a.bits, width + shift), shift);
      if (fixed->overflow == word::Overflow::wrap) {
        return finite_value(format_, word::truncate(shifted, width));
      }
      return finite_value(format_, word::saturate(aig_, shifted, width, Signedness::signed_));
    }
    // Beyond a shift of W+1 every value rounds the same way.
    std::size_t shift = std::min(static_cast<std::size_t>(-(exponent + 1)) + 1, width + 1);
    return finite_value(format_,
                        word::rescale(aig_, a.bits, shift, fixed->rounding, fixed->overflow, width,
                                      Signedness::signed_, architecture_.adder));
  }
  if (const auto* mod = std::get_if<ModFormat>(&format_)) {
    check_finite_operand(format_, a);
    if (exponent < 0) {
      throw InputError(fmt::format("{} cannot scale by 2^{}: 2 has no inverse modulo 2^{}",
                                   to_string(format_), exponent, mod->width));
    }
    if (static_cast<std::size_t>(exponent) >= mod->width) {
      return finite_value(format_, word::constant(mod->width, 0));
    }
    return finite_value(format_, word::shift_left(a.bits, static_cast<std::size_t>(exponent)));
  }
  if (std::holds_alternative<ResidueFormat>(format_)) {
    mpq_class factor = reference::scale_by_power_of_two(format_, 1, exponent);
    return multiply(a, constant(factor));
  }
  if (exponent < 0) {
    return LoweredValue{
        a.bits, a.low, a.high,
        a.denominator * power_of_two(static_cast<std::size_t>(-(exponent + 1)) + 1)};
  }
  // Cancel factors of two in the denominator first, then shift the rest.
  std::size_t remaining = static_cast<std::size_t>(exponent);
  mpz_class denominator = a.denominator;
  while (remaining > 0 && mpz_even_p(denominator.get_mpz_t()) != 0) {
    denominator /= 2;
    --remaining;
  }
  LoweredValue cancelled{a.bits, a.low, a.high, denominator};
  LoweredValue shifted =
      scale_exact_numerator(aig_, cancelled, power_of_two(remaining), architecture_);
  shifted.denominator = denominator;
  return shifted;
}

// --- comparisons and selection -------------------------------------------------

namespace {

/// Both exact operands at one denominator and one width, wide enough to
/// hold both exactly.
std::pair<BitVector, BitVector> comparable_bits(logic::Aig& aig, const LoweredValue& a,
                                                const LoweredValue& b,
                                                const word::ArithmeticArchitecture& architecture) {
  auto [left, right] = common_denominator(aig, a, b, architecture);
  std::size_t width = std::max(left.bits.size(), right.bits.size());
  return {word::sign_extend(left.bits, width), word::sign_extend(right.bits, width)};
}

}  // namespace

Literal FormatLowering::less_than(const LoweredValue& a, const LoweredValue& b) {
  if (!is_finite(format_)) {
    auto [left, right] = comparable_bits(aig_, a, b, architecture_);
    return word::less_than(aig_, left, right, Signedness::signed_, architecture_.adder);
  }
  check_finite_operand(format_, a);
  check_finite_operand(format_, b);
  Signedness signedness =
      std::holds_alternative<ResidueFormat>(format_) ? Signedness::unsigned_ : Signedness::signed_;
  return word::less_than(aig_, a.bits, b.bits, signedness, architecture_.adder);
}

Literal FormatLowering::equal(const LoweredValue& a, const LoweredValue& b) {
  if (!is_finite(format_)) {
    auto [left, right] = comparable_bits(aig_, a, b, architecture_);
    return word::equal(aig_, left, right);
  }
  check_finite_operand(format_, a);
  check_finite_operand(format_, b);
  return word::equal(aig_, a.bits, b.bits);
}

LoweredValue FormatLowering::select(Literal condition, const LoweredValue& if_true,
                                    const LoweredValue& if_false) {
  if (is_finite(format_)) {
    check_finite_operand(format_, if_true);
    check_finite_operand(format_, if_false);
    return finite_value(format_, word::mux(aig_, condition, if_true.bits, if_false.bits));
  }
  auto [left, right] = common_denominator(aig_, if_true, if_false, architecture_);
  mpz_class low = std::min(left.low, right.low);
  mpz_class high = std::max(left.high, right.high);
  std::size_t width = checked_exact_width(low, high);
  BitVector bits = word::mux(aig_, condition, word::sign_extend(left.bits, width),
                             word::sign_extend(right.bits, width));
  return LoweredValue{std::move(bits), low, high, left.denominator};
}

// --- piecewise-linear and tabulated activations ---------------------------------

LoweredValue FormatLowering::relu(const LoweredValue& a) {
  if (std::holds_alternative<ResidueFormat>(format_)) {
    check_finite_operand(format_, a);
    return a;
  }
  if (is_finite(format_)) {
    check_finite_operand(format_, a);
    return finite_value(format_, word::relu(aig_, a.bits));
  }
  if (a.low >= 0) return a;
  if (a.high <= 0) return LoweredValue{word::constant(1, 0), 0, 0, a.denominator};
  BitVector bits = word::relu(aig_, a.bits);
  return LoweredValue{word::truncate(bits, signed_width(0, a.high)), 0, a.high, a.denominator};
}

LoweredValue FormatLowering::clip(const LoweredValue& a, const mpq_class& low,
                                  const mpq_class& high) {
  if (is_finite(format_)) {
    check_finite_operand(format_, a);
    const std::size_t width = a.bits.size();
    mpz_class low_integer = stored_integer(format_, reference::represent(format_, low));
    mpz_class high_integer = stored_integer(format_, reference::represent(format_, high));
    if (low_integer > high_integer) {
      return finite_value(format_, word::constant(width, high_integer));
    }
    if (std::holds_alternative<ResidueFormat>(format_)) {
      // Unsigned values: clip as signed one bit wider.
      BitVector clipped = word::clip(aig_, word::zero_extend(a.bits, width + 1), low_integer,
                                     high_integer, architecture_.adder);
      return finite_value(format_, word::truncate(clipped, width));
    }
    return finite_value(format_,
                        word::clip(aig_, a.bits, low_integer, high_integer, architecture_.adder));
  }
  mpz_class denominator =
      least_common_multiple(a.denominator, least_common_multiple(low.get_den(), high.get_den()));
  LoweredValue scaled = scale_exact_numerator(aig_, a, denominator / a.denominator, architecture_);
  mpz_class low_integer = mpq_class(low * denominator).get_num();
  mpz_class high_integer = mpq_class(high * denominator).get_num();
  if (low_integer > high_integer) return constant(high);
  mpz_class result_low = clamp(scaled.low, low_integer, high_integer);
  mpz_class result_high = clamp(scaled.high, low_integer, high_integer);
  std::size_t width = std::max(scaled.bits.size(), signed_width(low_integer, high_integer));
  BitVector clipped = word::clip(aig_, word::sign_extend(scaled.bits, width), low_integer,
                                 high_integer, architecture_.adder);
  return LoweredValue{word::truncate(clipped, signed_width(result_low, result_high)), result_low,
                      result_high, denominator};
}

LoweredValue FormatLowering::hardtanh(const LoweredValue& a) {
  return clip(a, -1, 1);
}

LoweredValue FormatLowering::sign(const LoweredValue& a) {
  const BitVector zero = word::constant(a.bits.size(), 0);
  Literal is_zero = word::equal(aig_, a.bits, zero);
  if (std::holds_alternative<ResidueFormat>(format_)) {
    check_finite_operand(format_, a);
    return finite_value(format_, word::mux(aig_, is_zero, zero, constant(1).bits));
  }
  Literal is_negative = a.bits.back();
  if (is_finite(format_)) {
    check_finite_operand(format_, a);
    BitVector not_negative = word::mux(aig_, is_zero, zero, constant(1).bits);
    return finite_value(format_, word::mux(aig_, is_negative, constant(-1).bits, not_negative));
  }
  // Two bits: -1 = 11, 0 = 00, 1 = 01; then the width the interval needs.
  mpz_class low = sign_of(a.low);
  mpz_class high = sign_of(a.high);
  BitVector bits{!is_zero, is_negative};
  return LoweredValue{word::truncate(bits, signed_width(low, high)), low, high, 1};
}

LoweredValue FormatLowering::apply(Activation activation, const LoweredValue& a) {
  switch (activation) {
    case Activation::relu:
      return relu(a);
    case Activation::hardtanh:
      return hardtanh(a);
    case Activation::sign:
      return sign(a);
    default:
      break;
  }
  const auto* fixed = std::get_if<FixedFormat>(&format_);
  if (fixed == nullptr) {
    // The reference gives the error that names a format to use instead.
    reference::apply(format_, activation, 0);
    throw std::logic_error("reference::apply accepted a transcendental activation");
  }
  check_finite_operand(format_, a);
  // The table's lookup circuit is built once, on inputs of its own, and
  // copied for each use: building it means a strash lookup per entry and
  // bit (2^W · W), copying it one per gate it has.
  auto found = activation_circuits_.find(activation);
  if (found == activation_circuits_.end()) {
    auto circuit = std::make_shared<logic::Aig>();
    word::BitVector inputs;
    for (std::size_t bit = 0; bit < fixed->width; ++bit)
      inputs.push_back(circuit->create_input());
    const word::BitVector outputs =
        word::lookup(*circuit, inputs, build_activation_table(*fixed, activation), fixed->width);
    for (logic::Literal output : outputs)
      circuit->create_output(output);
    found = activation_circuits_.emplace(activation, std::move(circuit)).first;
  }
  std::vector<logic::Literal> inputs(a.bits.begin(), a.bits.end());
  std::vector<logic::Literal> outputs = logic::instantiate(aig_, *found->second, inputs);
  return finite_value(format_, word::BitVector(outputs.begin(), outputs.end()));
}

// --- reading and writing patterns ----------------------------------------------

std::optional<LoweredValue> FormatLowering::conform(const LoweredValue& value,
                                                    const LoweredValue& shape) {
  if (!std::holds_alternative<ExactFormat>(format_)) {
    throw std::logic_error("conform applies to exact values only");
  }
  LoweredValue scaled = value;
  if (shape.denominator % value.denominator == 0) {
    scaled =
        scale_exact_numerator(aig_, value, shape.denominator / value.denominator, architecture_);
  } else {
    const mpz_class ratio = value.denominator / shape.denominator;
    if (value.denominator % shape.denominator != 0 || mpz_popcount(ratio.get_mpz_t()) != 1) {
      return std::nullopt;
    }
    const std::size_t shift = bit_length(ratio) - 1;
    if (scaled.bits.size() <= shift) return std::nullopt;
    scaled.bits.erase(scaled.bits.begin(),
                      scaled.bits.begin() + static_cast<std::ptrdiff_t>(shift));
  }
  const std::size_t width = signed_width(shape.low, shape.high);
  return LoweredValue{resize_signed(scaled.bits, width), shape.low, shape.high, shape.denominator};
}

mpq_class FormatLowering::decode(const LoweredValue& value, const mpz_class& pattern) const {
  if (is_finite(format_)) return arith::decode(format_, pattern);
  mpz_class integer = pattern;
  if (value.bits.size() > 0 && mpz_tstbit(pattern.get_mpz_t(), value.bits.size() - 1) != 0) {
    integer -= power_of_two(value.bits.size());
  }
  mpq_class result(integer, value.denominator);
  result.canonicalize();
  return result;
}

mpz_class FormatLowering::encode(const LoweredValue& value, const mpq_class& number) const {
  if (is_finite(format_)) return arith::encode(format_, number);
  mpq_class scaled = number * value.denominator;
  if (scaled.get_den() != 1 || scaled.get_num() < value.low || scaled.get_num() > value.high) {
    throw InputError(fmt::format(
        "{} is not an admissible value of this exact value ({} .. {} / {})", number.get_str(),
        value.low.get_str(), value.high.get_str(), value.denominator.get_str()));
  }
  return detail::non_negative_remainder(scaled.get_num(), power_of_two(value.bits.size()));
}

}  // namespace rnncc::arith
