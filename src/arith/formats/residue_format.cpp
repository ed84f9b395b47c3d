// The modp:P format: the ring Z/P, its members the canonical
// representatives 0 .. P-1 stored unsigned in ⌈log2 P⌉ bits, and its
// lowering: arithmetic on n = ⌈log2 P⌉ bits reduced modulo P after every
// operation.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <variant>

#include "big_integer.hpp"
#include "evenly_spaced_members.hpp"
#include "finite_format_lowering.hpp"
#include "format_kind.hpp"
#include "format_text.hpp"
#include "rnncc/arith/reference.hpp"
#include "rnncc/word/adder.hpp"
#include "rnncc/word/compare.hpp"
#include "rnncc/word/multiplier.hpp"
#include "rnncc/word/resize.hpp"

namespace rnncc::arith::detail {
namespace {

using logic::Literal;
using word::BitVector;
using word::Signedness;

// --- the format ------------------------------------------------------------

/// ⌈log2 P⌉ = the number of bits of P-1.
std::size_t residue_width(const mpz_class& modulus) {
  return bit_length(mpz_class(modulus - 1));
}

Format parse_residue(std::string_view text, std::string_view argument) {
  std::optional<mpz_class> modulus = parse_decimal(argument);
  if (!modulus) refuse_format(text, "expected modp:P with P a decimal modulus");
  if (*modulus < 2) {
    refuse_format(text, "expected modp:P with P >= 2 (Z/1 has a single element)");
  }
  if (residue_width(*modulus) > max_format_width) {
    refuse_format(text, fmt::format("expected modp:P with P <= 2^{}", max_format_width));
  }
  return ResidueFormat{*modulus};
}

std::string print_residue(const Format& format) {
  return fmt::format("modp:{}", std::get<ResidueFormat>(format).modulus.get_str());
}

std::optional<std::size_t> width_of_residue(const Format& format) {
  return residue_width(std::get<ResidueFormat>(format).modulus);
}

/// 0 .. P-1.
MemberGrid residue_members(const Format& format) {
  return {0, std::get<ResidueFormat>(format).modulus - 1, 1};
}

// --- its lowering ------------------------------------------------------------

BitVector invert(const BitVector& x) {
  BitVector result;
  result.reserve(x.size());
  for (Literal bit : x)
    result.push_back(!bit);
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
  const mpz_class mu = floor_divide(power_of_two(2 * k), modulus);
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

class ResidueLowering final : public FiniteFormatLowering {
 public:
  ResidueLowering(logic::Aig& aig, const Format& format, word::ArithmeticArchitecture architecture)
      : FiniteFormatLowering(aig, format, architecture),
        modulus_(std::get<ResidueFormat>(format).modulus),
        modulus_pattern_(non_negative_remainder(modulus_, power_of_two(width()))) {}

  /// With a carry out, then P subtracted once if the sum reaches it.
  LoweredValue add(const LoweredValue& a, const LoweredValue& b) override {
    check_operand(a);
    check_operand(b);
    const word::PrefixArchitecture adder = architecture().adder;
    BitVector sum = word::add_with_carry_out(aig(), a.bits, b.bits, adder);
    BitVector reduced = conditional_subtract(aig(), sum, modulus_, adder);
    return value_of(word::truncate(reduced, width()));
  }

  LoweredValue subtract(const LoweredValue& a, const LoweredValue& b) override {
    check_operand(a);
    check_operand(b);
    const word::PrefixArchitecture adder = architecture().adder;
    // a + ~b + 1 = a - b + 2^n: its carry says a >= b; otherwise add P.
    BitVector difference =
        word::add_with_carry_out(aig(), a.bits, invert(b.bits), adder, logic::true_literal);
    Literal no_borrow = difference[width()];
    difference = word::truncate(difference, width());
    BitVector corrected =
        word::add(aig(), difference, word::constant(width(), modulus_pattern_), adder);
    return value_of(word::mux(aig(), no_borrow, difference, corrected));
  }

  LoweredValue negate(const LoweredValue& a) override {
    check_operand(a);
    // P - a for a != 0 lies in 1 .. P-1, so it is exact modulo 2^n.
    BitVector modulus_bits = word::constant(width(), modulus_pattern_);
    BitVector difference = word::subtract(aig(), modulus_bits, a.bits, architecture().adder);
    BitVector zero = word::constant(width(), 0);
    Literal is_zero = word::equal(aig(), a.bits, zero);
    return value_of(word::mux(aig(), is_zero, zero, difference));
  }

  /// The full product, reduced by Barrett reduction.
  LoweredValue multiply(const LoweredValue& a, const LoweredValue& b) override {
    check_operand(a);
    check_operand(b);
    BitVector product =
        word::multiply(aig(), a.bits, b.bits, Signedness::unsigned_, 2 * width(), architecture());
    BitVector remainder = barrett_reduce(aig(), product, modulus_, architecture());
    return value_of(resize_signed(remainder, width()));
  }

  /// A multiplication by the constant 2^exponent (mod P).
  LoweredValue scale_by_power_of_two(const LoweredValue& a, long exponent) override {
    mpq_class factor = reference::scale_by_power_of_two(format(), 1, exponent);
    return multiply(a, constant(factor));
  }

 private:
  mpz_class modulus_;
  /// P modulo 2^n, the n-bit pattern that adding P adds.
  mpz_class modulus_pattern_;
};

}  // namespace

constinit const FormatKind residue_format_kind{
    .keyword = "modp",
    .syntax = "modp:P",
    .takes_arguments = true,
    .is_ring = true,
    .is_finite = true,
    .parse = parse_residue,
    .print = print_residue,
    .width_in_bits = width_of_residue,
    .members = evenly_spaced_members<residue_members>,
    .make_lowering = make_lowering_unit<ResidueLowering>,
};

}  // namespace rnncc::arith::detail
