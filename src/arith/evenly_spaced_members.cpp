#include "evenly_spaced_members.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <stdexcept>

#include "big_integer.hpp"
#include "rnncc/common/error.hpp"

namespace rnncc::arith::detail {

MemberGrid member_grid(const Format& format) {
  const RepresentableRange range = representable_range(format);
  const mpq_class step = resolution(format);
  return {mpq_class(range.lowest / step).get_num(), mpq_class(range.highest / step).get_num(),
          step.get_den()};
}

RepresentableRange grid_range(const MemberGrid& grid) {
  mpq_class lowest(grid.lowest, grid.denominator);
  mpq_class highest(grid.highest, grid.denominator);
  lowest.canonicalize();
  highest.canonicalize();
  return {lowest, highest};
}

mpq_class grid_resolution(const MemberGrid& grid) {
  mpq_class step(1, grid.denominator);
  step.canonicalize();
  return step;
}

bool grid_contains(const MemberGrid& grid, const mpq_class& value) {
  mpq_class scaled = value * grid.denominator;
  if (scaled.get_den() != 1) return false;
  return grid.lowest <= scaled.get_num() && scaled.get_num() <= grid.highest;
}

mpz_class grid_encode(const Format& format, const MemberGrid& grid, const mpq_class& value) {
  if (!grid_contains(grid, value)) {
    throw InputError(fmt::format("{} is not a member of the number format {}", value.get_str(),
                                 to_string(format)));
  }
  mpz_class integer = mpq_class(value * grid.denominator).get_num();
  if (integer < 0) integer += power_of_two(*width_in_bits(format));
  return integer;
}

mpq_class grid_decode(const Format& format, const MemberGrid& grid, const mpz_class& pattern) {
  const std::size_t width = *width_in_bits(format);
  mpz_class modulus = power_of_two(width);
  if (pattern < 0 || pattern >= modulus) {
    throw std::invalid_argument(
        fmt::format("bit pattern {} does not fit {} bits", pattern.get_str(), width));
  }
  mpz_class integer = pattern;
  if (grid.lowest < 0 && integer > grid.highest) integer -= modulus;
  if (integer > grid.highest) {
    throw InputError(
        fmt::format("bit pattern {} stores no member of {}", pattern.get_str(), to_string(format)));
  }
  mpq_class value(integer, grid.denominator);
  value.canonicalize();
  return value;
}

}  // namespace rnncc::arith::detail
