// The fixed:W.F format: W-bit two's complement integers k standing for
// k · 2^-F, with a rounding and an overflow rule; and its lowering: W-bit
// arithmetic rescaled, rounded and overflowed by the format's rules, and
// the transcendental activations as lookup tables.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "big_integer.hpp"
#include "evenly_spaced_members.hpp"
#include "finite_format_lowering.hpp"
#include "format_kind.hpp"
#include "format_text.hpp"
#include "rnncc/arith/nonlinear_table.hpp"
#include "rnncc/word/adder.hpp"
#include "rnncc/word/multiplier.hpp"
#include "rnncc/word/rescale.hpp"
#include "rnncc/word/resize.hpp"
#include "tabulated_activations.hpp"

namespace rnncc::arith::detail {
namespace {

using word::BitVector;
using word::Signedness;

// --- the format ------------------------------------------------------------

Format parse_fixed(std::string_view text, std::string_view arguments) {
  std::vector<std::string_view> parts = split(arguments, ':');
  std::vector<std::string_view> sizes = split(parts[0], '.');
  if (sizes.size() != 2) {
    refuse_format(text, "expected fixed:W.F with W the width and F the fractional bits");
  }
  std::optional<mpz_class> width = parse_decimal(sizes[0]);
  std::optional<mpz_class> fraction = parse_decimal(sizes[1]);
  if (!width || !fraction) {
    refuse_format(text, "expected fixed:W.F with W and F decimal numbers of bits");
  }
  if (*width < 1 || *width > max_format_width) {
    refuse_format(text, fmt::format("expected fixed:W.F with 1 <= W <= {}", max_format_width));
  }
  if (*fraction > *width) {
    refuse_format(text,
                  fmt::format("the fraction F = {} exceeds the width W = {}; expected 0 <= F <= W",
                              fraction->get_str(), width->get_str()));
  }
  FixedFormat format{width->get_ui(), fraction->get_ui()};
  bool rounding_seen = false;
  bool overflow_seen = false;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::string_view rule = parts[i];
    if (rule == "floor" || rule == "nearest-even") {
      if (rounding_seen) refuse_format(text, "the rounding rule is given twice");
      rounding_seen = true;
      format.rounding = rule == "floor" ? word::Rounding::floor : word::Rounding::nearest_even;
    } else if (rule == "wrap" || rule == "saturate") {
      if (overflow_seen) refuse_format(text, "the overflow rule is given twice");
      overflow_seen = true;
      format.overflow = rule == "wrap" ? word::Overflow::wrap : word::Overflow::saturate;
    } else {
      refuse_format(
          text,
          fmt::format("unknown rule '{}'; expected floor, nearest-even, wrap or saturate", rule));
    }
  }
  return format;
}

std::string print_fixed(const Format& format) {
  const auto& fixed = std::get<FixedFormat>(format);
  return fmt::format("fixed:{}.{}:{}:{}", fixed.width, fixed.fraction,
                     fixed.rounding == word::Rounding::floor ? "floor" : "nearest-even",
                     fixed.overflow == word::Overflow::wrap ? "wrap" : "saturate");
}

std::optional<std::size_t> fixed_width(const Format& format) {
  return std::get<FixedFormat>(format).width;
}

/// -2^(W-1) .. 2^(W-1)-1 over 2^F.
MemberGrid fixed_members(const Format& format) {
  const auto& fixed = std::get<FixedFormat>(format);
  mpz_class half = power_of_two(fixed.width - 1);
  return {-half, half - 1, power_of_two(fixed.fraction)};
}

// --- its lowering ------------------------------------------------------------

class FixedLowering final : public FiniteFormatLowering {
 public:
  FixedLowering(logic::Aig& aig, const Format& format, word::ArithmeticArchitecture architecture)
      : FiniteFormatLowering(aig, format, architecture), fixed_(std::get<FixedFormat>(format)) {}

  /// Wrapping: W bits. Saturating: one bit wider, then saturated to W bits.
  LoweredValue add(const LoweredValue& a, const LoweredValue& b) override {
    check_operand(a);
    check_operand(b);
    const word::PrefixArchitecture adder = architecture().adder;
    if (fixed_.overflow == word::Overflow::wrap) {
      return value_of(word::add(aig(), a.bits, b.bits, adder));
    }
    BitVector sum = word::add(aig(), word::sign_extend(a.bits, fixed_.width + 1),
                              word::sign_extend(b.bits, fixed_.width + 1), adder);
    return value_of(word::saturate(aig(), sum, fixed_.width, Signedness::signed_));
  }

  LoweredValue subtract(const LoweredValue& a, const LoweredValue& b) override {
    check_operand(a);
    check_operand(b);
    const word::PrefixArchitecture adder = architecture().adder;
    if (fixed_.overflow == word::Overflow::wrap) {
      return value_of(word::subtract(aig(), a.bits, b.bits, adder));
    }
    BitVector difference = word::subtract(aig(), word::sign_extend(a.bits, fixed_.width + 1),
                                          word::sign_extend(b.bits, fixed_.width + 1), adder);
    return value_of(word::saturate(aig(), difference, fixed_.width, Signedness::signed_));
  }

  LoweredValue negate(const LoweredValue& a) override {
    check_operand(a);
    const word::PrefixArchitecture adder = architecture().adder;
    if (fixed_.overflow == word::Overflow::wrap) {
      return value_of(word::negate(aig(), a.bits, adder));
    }
    BitVector negated = word::negate(aig(), word::sign_extend(a.bits, fixed_.width + 1), adder);
    return value_of(word::saturate(aig(), negated, fixed_.width, Signedness::signed_));
  }

  /// The full 2W-bit product rescaled by 2^-F.
  LoweredValue multiply(const LoweredValue& a, const LoweredValue& b) override {
    check_operand(a);
    check_operand(b);
    BitVector product = word::multiply(aig(), a.bits, b.bits, Signedness::signed_, 2 * fixed_.width,
                                       architecture());
    return value_of(word::rescale(aig(), product, fixed_.fraction, fixed_.rounding, fixed_.overflow,
                                  fixed_.width, Signedness::signed_, architecture().adder));
  }

  LoweredValue scale_by_power_of_two(const LoweredValue& a, long exponent) override {
    check_operand(a);
    const std::size_t width = fixed_.width;
    if (exponent >= 0) {
      // Beyond a shift of W every non-zero value overflows the same way.
      std::size_t shift = std::min(static_cast<std::size_t>(exponent), width);
      BitVector shifted = word::shift_left(word::sign_extend(a.bits, width + shift), shift);
      if (fixed_.overflow == word::Overflow::wrap) {
        return value_of(word::truncate(shifted, width));
      }
      return value_of(word::saturate(aig(), shifted, width, Signedness::signed_));
    }
    // Beyond a shift of W+1 every value rounds the same way.
    std::size_t shift = std::min(static_cast<std::size_t>(-(exponent + 1)) + 1, width + 1);
    return value_of(word::rescale(aig(), a.bits, shift, fixed_.rounding, fixed_.overflow, width,
                                  Signedness::signed_, architecture().adder));
  }

 protected:
  /// The correctly rounded table of build_activation_table (W <= 16).
  LoweredValue apply_transcendental(Activation activation, const LoweredValue& a) override {
    check_operand(a);
    return value_of(tables_.lookup(aig(), activation, a.bits,
                                   [&] { return build_activation_table(fixed_, activation); }));
  }

 private:
  FixedFormat fixed_;
  TabulatedActivations tables_;
};

}  // namespace

constinit const FormatKind fixed_format_kind{
    .keyword = "fixed",
    .syntax = "fixed:W.F[:floor|:nearest-even][:wrap|:saturate]",
    .takes_arguments = true,
    .is_ring = false,
    .is_finite = true,
    .parse = parse_fixed,
    .print = print_fixed,
    .width_in_bits = fixed_width,
    .members = evenly_spaced_members<fixed_members>,
    .make_lowering = make_lowering_unit<FixedLowering>,
};

}  // namespace rnncc::arith::detail
