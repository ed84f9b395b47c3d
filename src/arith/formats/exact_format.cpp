// The exact format: the rationals Q, and its lowering. Integers and dyadic
// rationals are lowered directly, other rationals as (numerator, constant
// denominator) pairs; each value's width follows from its exact interval,
// so nothing overflows.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "big_integer.hpp"
#include "format_kind.hpp"
#include "format_lowering_unit.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/word/adder.hpp"
#include "rnncc/word/compare.hpp"
#include "rnncc/word/multiplier.hpp"
#include "rnncc/word/rescale.hpp"
#include "rnncc/word/resize.hpp"

namespace rnncc::arith::detail {
namespace {

using logic::Literal;
using word::BitVector;
using word::Signedness;

// --- the format ------------------------------------------------------------

Format parse_exact(std::string_view, std::string_view) {
  return ExactFormat{};
}

std::string print_exact(const Format&) {
  return "exact";
}

/// Exact widths follow the computation: no width belongs to the format.
std::optional<std::size_t> exact_width(const Format&) {
  return std::nullopt;
}

[[noreturn]] void refuse_finite_question() {
  throw std::invalid_argument("the exact format has no finite range");
}

// --- its lowering ------------------------------------------------------------

std::size_t checked_exact_width(const mpz_class& low, const mpz_class& high) {
  std::size_t width = signed_width(low, high);
  if (width > max_exact_width) {
    throw LimitError(
        fmt::format("an exact value would need {} bits; exact values are limited to {} bits", width,
                    max_exact_width));
  }
  return width;
}

mpz_class clamp(const mpz_class& value, const mpz_class& low, const mpz_class& high) {
  if (value < low) return low;
  if (value > high) return high;
  return value;
}

mpz_class least_common_multiple(const mpz_class& a, const mpz_class& b) {
  mpz_class result;
  mpz_lcm(result.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
  return result;
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

/// Both operands over their least common denominator.
std::pair<LoweredValue, LoweredValue> common_denominator(
    logic::Aig& aig, const LoweredValue& a, const LoweredValue& b,
    const word::ArithmeticArchitecture& architecture) {
  mpz_class denominator = least_common_multiple(a.denominator, b.denominator);
  return {scale_exact_numerator(aig, a, denominator / a.denominator, architecture),
          scale_exact_numerator(aig, b, denominator / b.denominator, architecture)};
}

/// Both operands at one denominator and one width, wide enough to hold both
/// exactly.
std::pair<BitVector, BitVector> comparable_bits(logic::Aig& aig, const LoweredValue& a,
                                                const LoweredValue& b,
                                                const word::ArithmeticArchitecture& architecture) {
  auto [left, right] = common_denominator(aig, a, b, architecture);
  std::size_t width = std::max(left.bits.size(), right.bits.size());
  return {word::sign_extend(left.bits, width), word::sign_extend(right.bits, width)};
}

/// A value is two's complement bits holding, at every admissible input, an
/// integer of its interval [low, high] at the smallest signed width of the
/// interval, over a constant denominator.
class ExactLowering final : public FormatLoweringUnit {
 public:
  using FormatLoweringUnit::FormatLoweringUnit;

  std::size_t input_width(const std::optional<ExactDomain>& domain) const override {
    if (!domain) throw std::invalid_argument("an exact input needs its domain");
    return checked_exact_width(domain->low, domain->high);
  }

  LoweredValue input(BitVector bits, const std::optional<ExactDomain>& domain) const override {
    check_input_width(bits, domain);
    if (domain->low > domain->high || domain->denominator <= 0) {
      throw std::invalid_argument("an exact domain needs low <= high and a positive denominator");
    }
    return LoweredValue{std::move(bits), domain->low, domain->high, domain->denominator};
  }

  LoweredValue constant(const mpq_class& value) const override {
    const mpz_class& numerator = value.get_num();
    return LoweredValue{word::constant(checked_exact_width(numerator, numerator), numerator),
                        numerator, numerator, value.get_den()};
  }

  LoweredValue add(const LoweredValue& a, const LoweredValue& b) override {
    auto [left, right] = common_denominator(aig(), a, b, architecture());
    mpz_class low = left.low + right.low;
    mpz_class high = left.high + right.high;
    std::size_t width = checked_exact_width(low, high);
    BitVector sum = word::add(aig(), resize_signed(left.bits, width),
                              resize_signed(right.bits, width), architecture().adder);
    return LoweredValue{std::move(sum), low, high, left.denominator};
  }

  LoweredValue subtract(const LoweredValue& a, const LoweredValue& b) override {
    auto [left, right] = common_denominator(aig(), a, b, architecture());
    mpz_class low = left.low - right.high;
    mpz_class high = left.high - right.low;
    std::size_t width = checked_exact_width(low, high);
    BitVector difference = word::subtract(aig(), resize_signed(left.bits, width),
                                          resize_signed(right.bits, width), architecture().adder);
    return LoweredValue{std::move(difference), low, high, left.denominator};
  }

  LoweredValue negate(const LoweredValue& a) override {
    mpz_class low = -a.high;
    mpz_class high = -a.low;
    std::size_t width = checked_exact_width(low, high);
    return LoweredValue{word::negate(aig(), resize_signed(a.bits, width), architecture().adder),
                        low, high, a.denominator};
  }

  LoweredValue multiply(const LoweredValue& a, const LoweredValue& b) override {
    mpz_class corners[4] = {a.low * b.low, a.low * b.high, a.high * b.low, a.high * b.high};
    mpz_class low = *std::min_element(std::begin(corners), std::end(corners));
    mpz_class high = *std::max_element(std::begin(corners), std::end(corners));
    std::size_t width = checked_exact_width(low, high);
    // The product fits `width` bits, so it is the product modulo 2^width, for
    // which operands may be truncated to `width` bits.
    BitVector left = a.bits.size() > width ? word::truncate(a.bits, width) : a.bits;
    BitVector right = b.bits.size() > width ? word::truncate(b.bits, width) : b.bits;
    BitVector product =
        word::multiply(aig(), left, right, Signedness::signed_, width, architecture());
    return LoweredValue{std::move(product), low, high, a.denominator * b.denominator};
  }

  LoweredValue scale_by_power_of_two(const LoweredValue& a, long exponent) override {
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
        scale_exact_numerator(aig(), cancelled, power_of_two(remaining), architecture());
    shifted.denominator = denominator;
    return shifted;
  }

  Literal less_than(const LoweredValue& a, const LoweredValue& b) override {
    auto [left, right] = comparable_bits(aig(), a, b, architecture());
    return word::less_than(aig(), left, right, Signedness::signed_, architecture().adder);
  }

  Literal equal(const LoweredValue& a, const LoweredValue& b) override {
    auto [left, right] = comparable_bits(aig(), a, b, architecture());
    return word::equal(aig(), left, right);
  }

  LoweredValue select(Literal condition, const LoweredValue& if_true,
                      const LoweredValue& if_false) override {
    auto [left, right] = common_denominator(aig(), if_true, if_false, architecture());
    mpz_class low = std::min(left.low, right.low);
    mpz_class high = std::max(left.high, right.high);
    std::size_t width = checked_exact_width(low, high);
    BitVector bits = word::mux(aig(), condition, word::sign_extend(left.bits, width),
                               word::sign_extend(right.bits, width));
    return LoweredValue{std::move(bits), low, high, left.denominator};
  }

  LoweredValue relu(const LoweredValue& a) override {
    if (a.low >= 0) return a;
    if (a.high <= 0) return LoweredValue{word::constant(1, 0), 0, 0, a.denominator};
    BitVector bits = word::relu(aig(), a.bits);
    return LoweredValue{word::truncate(bits, signed_width(0, a.high)), 0, a.high, a.denominator};
  }

  LoweredValue clip(const LoweredValue& a, const mpq_class& low, const mpq_class& high) override {
    mpz_class denominator =
        least_common_multiple(a.denominator, least_common_multiple(low.get_den(), high.get_den()));
    LoweredValue scaled =
        scale_exact_numerator(aig(), a, denominator / a.denominator, architecture());
    mpz_class low_integer = mpq_class(low * denominator).get_num();
    mpz_class high_integer = mpq_class(high * denominator).get_num();
    if (low_integer > high_integer) return constant(high);
    mpz_class result_low = clamp(scaled.low, low_integer, high_integer);
    mpz_class result_high = clamp(scaled.high, low_integer, high_integer);
    std::size_t width = std::max(scaled.bits.size(), signed_width(low_integer, high_integer));
    BitVector clipped = word::clip(aig(), word::sign_extend(scaled.bits, width), low_integer,
                                   high_integer, architecture().adder);
    return LoweredValue{word::truncate(clipped, signed_width(result_low, result_high)), result_low,
                        result_high, denominator};
  }

  LoweredValue sign(const LoweredValue& a) override {
    const BitVector zero = word::constant(a.bits.size(), 0);
    Literal is_zero = word::equal(aig(), a.bits, zero);
    Literal is_negative = a.bits.back();
    // Two bits: -1 = 11, 0 = 00, 1 = 01; then the width the interval needs.
    mpz_class low = sgn(a.low);
    mpz_class high = sgn(a.high);
    BitVector bits{!is_zero, is_negative};
    return LoweredValue{word::truncate(bits, signed_width(low, high)), low, high, 1};
  }

  std::optional<LoweredValue> conform(const LoweredValue& value,
                                      const LoweredValue& shape) override {
    LoweredValue scaled = value;
    if (shape.denominator % value.denominator == 0) {
      scaled = scale_exact_numerator(aig(), value, shape.denominator / value.denominator,
                                     architecture());
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
    return LoweredValue{resize_signed(scaled.bits, width), shape.low, shape.high,
                        shape.denominator};
  }

  mpq_class decode(const LoweredValue& value, const mpz_class& pattern) const override {
    mpz_class integer = pattern;
    if (value.bits.size() > 0 && mpz_tstbit(pattern.get_mpz_t(), value.bits.size() - 1) != 0) {
      integer -= power_of_two(value.bits.size());
    }
    mpq_class result(integer, value.denominator);
    result.canonicalize();
    return result;
  }

  mpz_class encode(const LoweredValue& value, const mpq_class& number) const override {
    mpq_class scaled = number * value.denominator;
    if (scaled.get_den() != 1 || scaled.get_num() < value.low || scaled.get_num() > value.high) {
      throw InputError(fmt::format(
          "{} is not an admissible value of this exact value ({} .. {} / {})", number.get_str(),
          value.low.get_str(), value.high.get_str(), value.denominator.get_str()));
    }
    return non_negative_remainder(scaled.get_num(), power_of_two(value.bits.size()));
  }
};

}  // namespace

constinit const FormatKind exact_format_kind{
    .keyword = "exact",
    .syntax = "exact",
    .takes_arguments = false,
    .is_ring = true,
    .is_finite = false,
    .parse = parse_exact,
    .print = print_exact,
    .width_in_bits = exact_width,
    .members = {
        .representable_range = [](const Format&) -> RepresentableRange {
          refuse_finite_question();
        },
        .resolution = [](const Format&) -> mpq_class { refuse_finite_question(); },
        .is_member = [](const Format&, const mpq_class&) { return true; },
        .encode = [](const Format&, const mpq_class&) -> mpz_class { refuse_finite_question(); },
        .decode = [](const Format&, const mpz_class&) -> mpq_class { refuse_finite_question(); },
    },
    .make_lowering = make_lowering_unit<ExactLowering>,
};

}  // namespace rnncc::arith::detail
