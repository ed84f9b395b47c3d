// The mod:W format: the ring Z/2^W, its members the signed representatives
// stored in W bits two's complement.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <variant>

#include "big_integer.hpp"
#include "evenly_spaced_members.hpp"
#include "format_kind.hpp"
#include "format_text.hpp"

namespace rnncc::arith::detail {
namespace {

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
};

}  // namespace rnncc::arith::detail
