// Number formats: what set of numbers a circuit computes in, and how a
// member of that set is laid out in bits.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "rnncc/word/rescale.hpp"

namespace rnncc::arith {

/// `exact`: the rationals Q. Integers and dyadic rationals are lowered
/// directly, other rationals as (numerator, constant denominator) pairs;
/// bit-widths follow from exact bounds, so nothing ever overflows.
struct ExactFormat {
  bool operator==(const ExactFormat&) const = default;
};

/// `mod:W`: the ring Z/2^W. Its members are the signed (two's complement)
/// representatives -2^(W-1) .. 2^(W-1)-1; results wrap modulo 2^W.
struct ModFormat {
  std::size_t width = 0;
  bool operator==(const ModFormat&) const = default;
};

/// `modp:P`: the ring Z/P (P >= 2, not necessarily prime). Its members are
/// the canonical representatives 0 .. P-1, stored unsigned in ⌈log2 P⌉ bits.
struct ResidueFormat {
  mpz_class modulus;
  bool operator==(const ResidueFormat& other) const { return modulus == other.modulus; }
};

/// `fixed:W.F[:floor|:nearest-even][:wrap|:saturate]`: two's complement
/// integers k of W bits standing for k · 2^-F (1 <= W, 0 <= F <= W).
/// Defaults: nearest-even rounding and saturating overflow.
struct FixedFormat {
  std::size_t width = 0;
  std::size_t fraction = 0;
  word::Rounding rounding = word::Rounding::nearest_even;
  word::Overflow overflow = word::Overflow::saturate;
  bool operator==(const FixedFormat&) const = default;
};

/// One number format. (`float:E.M` is planned and not yet part of it.)
using Format = std::variant<ExactFormat, ModFormat, ResidueFormat, FixedFormat>;

/// Largest W accepted in `mod:W` and `fixed:W.F`, and largest ⌈log2 P⌉ for
/// `modp:P`.
inline constexpr std::size_t max_format_width = 65536;

/// Parses "exact", "mod:W", "modp:P", "fixed:W.F[:floor|:nearest-even][:wrap|:saturate]"
/// (decimal numbers; the two optional rules in either order, each at most
/// once). Throws InputError with one line naming the text and what was
/// expected, e.g. for "fixed:8.9" (F > W), "mod:0", "modp:1", "mod:abc".
Format parse_format(std::string_view text);

/// The canonical spelling, which parse_format reads back to an equal format.
/// Fixed formats always spell out both rules: "fixed:16.8:nearest-even:saturate".
std::string to_string(const Format& format);

/// True for exact, mod and modp (their + and × are associative and
/// distributive, so reassociating a computation does not change its result);
/// false for fixed, which rounds and overflows.
bool is_ring(const Format& format);

/// True for every format except exact.
bool is_finite(const Format& format);

/// Bits of one value: W for mod:W and fixed:W.F, ⌈log2 P⌉ for modp:P;
/// std::nullopt for exact (its widths depend on the computation).
std::optional<std::size_t> width_in_bits(const Format& format);

/// The smallest and largest member of a finite format.
struct RepresentableRange {
  mpq_class lowest;
  mpq_class highest;
};

/// The range of a finite format: mod:W [-2^(W-1), 2^(W-1)-1], modp:P [0, P-1],
/// fixed:W.F [-2^(W-1), 2^(W-1)-1] · 2^-F. Throws std::invalid_argument for exact.
RepresentableRange representable_range(const Format& format);

/// The distance between neighbouring members: 2^-F for fixed:W.F, 1 for mod
/// and modp. Throws std::invalid_argument for exact.
mpq_class resolution(const Format& format);

/// True iff `value` is a member of the format's set (exact: every rational;
/// the others: the members described above).
bool is_member(const Format& format, const mpq_class& value);

/// The bit pattern (an unsigned integer below 2^width_in_bits) that stores
/// the member `value` of a finite format: two's complement for mod and
/// fixed (of value·2^F), the plain number for modp. Throws InputError if
/// `value` is not a member; std::invalid_argument for exact.
mpz_class encode(const Format& format, const mpq_class& value);

/// The member stored by the bit pattern `pattern` (0 <= pattern <
/// 2^width_in_bits) of a finite format; inverse of encode. For modp,
/// patterns P .. 2^bits-1 are not produced by any lowered operation and
/// throw InputError. Throws std::invalid_argument for exact.
mpq_class decode(const Format& format, const mpz_class& pattern);

}  // namespace rnncc::arith
