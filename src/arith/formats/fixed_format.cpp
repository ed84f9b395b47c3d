// The fixed:W.F format: W-bit two's complement integers k standing for
// k · 2^-F, with a rounding and an overflow rule.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "big_integer.hpp"
#include "evenly_spaced_members.hpp"
#include "format_kind.hpp"
#include "format_text.hpp"

namespace rnncc::arith::detail {
namespace {

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
};

}  // namespace rnncc::arith::detail
