// The mod:W format: the ring Z/2^W, its members the signed representatives
// stored in W bits two's complement, and its lowering: W-bit arithmetic
// that wraps.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <variant>

#include "big_integer.hpp"
#include "evenly_spaced_members.hpp"
#include "finite_format_lowering.hpp"
#include "format_kind.hpp"
#include "format_text.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/word/adder.hpp"
#include "rnncc/word/multiplier.hpp"
#include "rnncc/word/resize.hpp"

namespace rnncc::arith::detail {
namespace {

// --- the format ------------------------------------------------------------

Format parse_mod(std::string_view text, std::string_view argument) {
  std::optional<mpz_class> width = parse_decimal(argument);
  if (!width) refuse_format(text, "expected mod:W with W a decimal number of bits");
  if (*width < 1 || *width > max_format_width) {
    refuse_format(text, fmt::format("expected mod:W with 1 <= W <= {}", max_format_width));
  }
  return ModFormat{width->get_ui()};
}

std::string print_mod(const Format& format) {
  return fmt::format("mod:{}", std::get<ModFormat>(format).width);
}

std::optional<std::size_t> mod_width(const Format& format) {
  return std::get<ModFormat>(format).width;
}

/// -2^(W-1) .. 2^(W-1)-1.
MemberGrid mod_members(const Format& format) {
  mpz_class half = power_of_two(std::get<ModFormat>(format).width - 1);
  return {-half, half - 1, 1};
}

// --- its lowering ------------------------------------------------------------

class ModLowering final : public FiniteFormatLowering {
 public:
  using FiniteFormatLowering::FiniteFormatLowering;

  LoweredValue add(const LoweredValue& a, const LoweredValue& b) override {
    check_operand(a);
    check_operand(b);
    return value_of(word::add(aig(), a.bits, b.bits, architecture().adder));
  }

  LoweredValue subtract(const LoweredValue& a, const LoweredValue& b) override {
    check_operand(a);
    check_operand(b);
    return value_of(word::subtract(aig(), a.bits, b.bits, architecture().adder));
  }

  LoweredValue negate(const LoweredValue& a) override {
    check_operand(a);
    return value_of(word::negate(aig(), a.bits, architecture().adder));
  }

  /// The product truncated to W bits.
  LoweredValue multiply(const LoweredValue& a, const LoweredValue& b) override {
    check_operand(a);
    check_operand(b);
    return value_of(
        word::multiply(aig(), a.bits, b.bits, word::Signedness::signed_, width(), architecture()));
  }

  LoweredValue scale_by_power_of_two(const LoweredValue& a, long exponent) override {
    check_operand(a);
    if (exponent < 0) {
      throw InputError(fmt::format("{} cannot scale by 2^{}: 2 has no inverse modulo 2^{}",
                                   to_string(format()), exponent, width()));
    }
    if (static_cast<std::size_t>(exponent) >= width()) {
      return value_of(word::constant(width(), 0));
    }
    return value_of(word::shift_left(a.bits, static_cast<std::size_t>(exponent)));
  }
};

}  // namespace

constinit const FormatKind mod_format_kind{
    .keyword = "mod",
    .syntax = "mod:W",
    .takes_arguments = true,
    .is_ring = true,
    .is_finite = true,
    .parse = parse_mod,
    .print = print_mod,
    .width_in_bits = mod_width,
    .members = evenly_spaced_members<mod_members>,
    .make_lowering = make_lowering_unit<ModLowering>,
};

}  // namespace rnncc::arith::detail
