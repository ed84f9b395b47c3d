// The modp:P format: the ring Z/P, its members the canonical
// representatives 0 .. P-1 stored unsigned in ⌈log2 P⌉ bits.
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
};

}  // namespace rnncc::arith::detail
