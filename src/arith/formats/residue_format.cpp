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
#include "rnncc/word/modular.hpp"

namespace rnncc::arith::detail {
namespace {

using word::BitVector;

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

class ResidueLowering final : public FiniteFormatLowering {
 public:
  ResidueLowering(logic::Aig& aig, const Format& format, word::ArithmeticArchitecture architecture)
      : FiniteFormatLowering(aig, format, architecture),
        modulus_(std::get<ResidueFormat>(format).modulus) {}

  /// With a carry out, then P subtracted once if the sum reaches it.
  LoweredValue add(const LoweredValue& a, const LoweredValue& b) override {
    check_operand(a);
    check_operand(b);
    return value_of(word::modular_add(aig(), a.bits, b.bits, modulus_, architecture().adder));
  }

  LoweredValue subtract(const LoweredValue& a, const LoweredValue& b) override {
    check_operand(a);
    check_operand(b);
    return value_of(word::modular_subtract(aig(), a.bits, b.bits, modulus_, architecture().adder));
  }

  LoweredValue negate(const LoweredValue& a) override {
    check_operand(a);
    // P - a for a != 0 lies in 1 .. P-1, so it is exact modulo 2^n.
    return value_of(word::modular_negate(aig(), a.bits, modulus_, architecture().adder));
  }

  /// The full product, reduced by Barrett reduction.
  LoweredValue multiply(const LoweredValue& a, const LoweredValue& b) override {
    check_operand(a);
    check_operand(b);
    return value_of(word::modular_multiply(aig(), a.bits, b.bits, modulus_, architecture()));
  }

  /// A multiplication by the constant 2^exponent (mod P).
  LoweredValue scale_by_power_of_two(const LoweredValue& a, long exponent) override {
    mpq_class factor = reference::scale_by_power_of_two(format(), 1, exponent);
    return multiply(a, constant(factor));
  }

 private:
  mpz_class modulus_;
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
