// The members of the mod, modp and fixed kinds: evenly spaced numbers, the
// integers lowest .. highest over one denominator, stored as w-bit patterns
// (w = width_in_bits) in two's complement when some are negative, as plain
// numbers otherwise.
#pragma once

#include <gmpxx.h>

#include "format_kind.hpp"
#include "rnncc/arith/format.hpp"

namespace rnncc::arith::detail {

/// The members lowest / denominator, (lowest + 1) / denominator, ...,
/// highest / denominator (lowest <= highest, denominator > 0).
struct MemberGrid {
  mpz_class lowest;
  mpz_class highest;
  mpz_class denominator;
};

/// The members of a finite format as a grid (lowest and highest over the
/// format's resolution); throws std::invalid_argument for exact.
MemberGrid member_grid(const Format& format);

/// [lowest, highest] / denominator, in lowest terms.
RepresentableRange grid_range(const MemberGrid& grid);

/// 1 / denominator.
mpq_class grid_resolution(const MemberGrid& grid);

/// True iff value · denominator is an integer in [lowest, highest].
bool grid_contains(const MemberGrid& grid, const mpq_class& value);

/// The pattern storing the member `value` of `format`, whose members are
/// `grid`; throws InputError naming the format when `value` is not one.
mpz_class grid_encode(const Format& format, const MemberGrid& grid, const mpq_class& value);

/// The member of `format` (members `grid`) stored by `pattern`; throws
/// std::invalid_argument when the pattern does not fit width_in_bits(format)
/// bits, InputError when it stores no member.
mpq_class grid_decode(const Format& format, const MemberGrid& grid, const mpz_class& pattern);

/// The member functions of a kind whose formats have the members
/// grid_of(format).
template <MemberGrid (*grid_of)(const Format&)>
inline constexpr MemberFunctions evenly_spaced_members{
    [](const Format& format) { return grid_range(grid_of(format)); },
    [](const Format& format) { return grid_resolution(grid_of(format)); },
    [](const Format& format, const mpq_class& value) {
      return grid_contains(grid_of(format), value);
    },
    [](const Format& format, const mpq_class& value) {
      return grid_encode(format, grid_of(format), value);
    },
    [](const Format& format, const mpz_class& pattern) {
      return grid_decode(format, grid_of(format), pattern);
    },
};

}  // namespace rnncc::arith::detail
