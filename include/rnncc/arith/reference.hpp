// Exact semantics of every operation in every number format, on GMP values.
// This is the reference the lowered circuits are checked against. Operands
// must be members of the format (see is_member); results always are.
#pragma once

#include <gmpxx.h>

#include "rnncc/arith/activation.hpp"
#include "rnncc/arith/format.hpp"

namespace rnncc::arith::reference {

/// The member of `format` that stands for the rational `value`:
/// - exact: `value` itself.
/// - mod:W: the ring image of `value` in Z/2^W, i.e. for value = a/b in
///   lowest terms with b odd, a·b^-1 mod 2^W, read as its signed
///   representative. An even denominator (b has no inverse modulo 2^W)
///   throws InputError naming the value.
/// - modp:P: likewise a·b^-1 mod P in 0 .. P-1; a denominator sharing a
///   factor with P throws InputError.
/// - fixed:W.F: value·2^F rounded to an integer k by the format's rounding
///   (floor: the largest k <= value·2^F; nearest-even: the nearest integer,
///   ties to the even one), then k outside [-2^(W-1), 2^(W-1)-1] wraps
///   modulo 2^W or saturates to the nearer extreme; the result is k·2^-F.
mpq_class represent(const Format& format, const mpq_class& value);

/// a + b, a - b, -a and a·b: the exact result, then represent(). In fixed
/// formats + and - never round (only overflow applies); × forms the exact
/// product and rounds once, then overflows — the same as a full-width
/// multiply followed by a rescale by 2^-F.
mpq_class add(const Format& format, const mpq_class& a, const mpq_class& b);
mpq_class subtract(const Format& format, const mpq_class& a, const mpq_class& b);
mpq_class negate(const Format& format, const mpq_class& a);
mpq_class multiply(const Format& format, const mpq_class& a, const mpq_class& b);

/// a · 2^exponent, then represent() (exponent of either sign). In mod:W a
/// negative exponent throws InputError (2 has no inverse modulo 2^W); in
/// modp:P it does when P is even.
mpq_class scale_by_power_of_two(const Format& format, const mpq_class& a, long exponent);

/// a < b and a == b on the members as rationals. Since the members of mod:W
/// are its signed representatives, mod compares the signed two's-complement
/// readings; modp compares the canonical representatives 0 .. P-1 (so in
/// modp, -1 ≡ P-1 is the largest value).
bool less_than(const Format& format, const mpq_class& a, const mpq_class& b);
bool equal(const Format& format, const mpq_class& a, const mpq_class& b);

/// `condition ? if_true : if_false`.
mpq_class select(bool condition, const mpq_class& if_true, const mpq_class& if_false);

/// max(a, 0) under the format's order (the identity in modp).
mpq_class relu(const Format& format, const mpq_class& a);

/// min(max(a, low), high) under the format's order, with low and high first
/// represent()ed in the format (members stay as they are); when low > high
/// this is high (e.g. hardtanh in modp:P, P > 2, where -1 is P-1).
mpq_class clip(const Format& format, const mpq_class& a, const mpq_class& low,
               const mpq_class& high);

/// clip(a, represent(-1), represent(1)): in formats that cannot hold ±1
/// (e.g. fixed:8.7) the bounds are whatever represent() makes of them.
mpq_class hardtanh(const Format& format, const mpq_class& a);

/// represent(-1), represent(0) or represent(1) for a < 0, a == 0, a > 0
/// under the format's order.
mpq_class sign(const Format& format, const mpq_class& a);

/// How an exact result leaves the format's range before it is made a
/// member: it stays inside (`none`), wraps around (mod:W, and fixed formats
/// with the wrap rule), or saturates (fixed formats with the saturate
/// rule). exact has no range; modp reduces by definition, which is not an
/// overflow.
enum class Overflow { none, wraps, saturates };

/// The overflow of `exact_result` (for fixed formats after rounding to
/// the format's resolution), as represent() would meet it.
Overflow overflow_of(const Format& format, const mpq_class& exact_result);

/// The bits the member `value` takes: for mod and fixed the two's-
/// complement width of its stored integer (value · 2^F), for modp the
/// binary width of its residue, for exact the two's-complement width of
/// its numerator plus the binary width of its denominator when that is
/// not 1 (the length of writing p/q in binary).
std::size_t stored_bits(const Format& format, const mpq_class& value);

/// The activation applied to `a`. relu, hardtanh and sign work in every
/// format. tanh, sigmoid, exp and softplus exist only in fixed formats,
/// where the result is the correctly rounded value (rounding per the
/// format, saturating at its extremes whatever its overflow rule; see
/// nonlinear_table.hpp); in other formats they throw InputError naming a
/// fixed format to use instead.
mpq_class apply(const Format& format, Activation activation, const mpq_class& a);

}  // namespace rnncc::arith::reference
