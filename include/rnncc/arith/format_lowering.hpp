// Lowering of every operation of every number format onto word-level
// bit-vector operations in an AIG. Each operation's circuit computes exactly
// what reference.hpp defines, for every admissible operand. Each format
// kind's circuits are built by its own lowering unit (src/arith/formats/),
// chosen once when a FormatLowering is constructed.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <memory>
#include <optional>

#include "rnncc/arith/activation.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"
#include "rnncc/word/residue_basis.hpp"

namespace rnncc::arith {

namespace detail {
class FormatLoweringUnit;
}  // namespace detail

/// The admissible values of an `exact` input: the integers low .. high
/// divided by the positive `denominator` (low <= high). A denominator 2^f
/// makes a dyadic input with f fractional bits.
struct ExactDomain {
  mpz_class low;
  mpz_class high;
  mpz_class denominator = 1;
};

/// A value in a lowered circuit: an integer stored in `bits`, standing for
/// integer / denominator.
/// - exact: `bits` is two's complement, and for every admissible input of
///   the circuit the integer lies in [low, high]; bits.size() is the
///   smallest signed width holding that interval (signed_width), so widths
///   grow with the computation. The denominator is a constant (the circuit
///   has no division), 2^f for dyadic values.
/// - mod:W: W bits two's complement, [low, high] = [-2^(W-1), 2^(W-1)-1],
///   denominator 1.
/// - modp:P: ⌈log2 P⌉ bits read unsigned, always in [0, P-1], denominator 1.
/// - fixed:W.F: W bits two's complement, [low, high] = [-2^(W-1),
///   2^(W-1)-1], denominator 2^F.
struct LoweredValue {
  word::BitVector bits;
  mpz_class low;
  mpz_class high;
  mpz_class denominator = 1;
};

/// The smallest w >= 1 with -2^(w-1) <= low and high <= 2^(w-1)-1.
std::size_t signed_width(const mpz_class& low, const mpz_class& high);

/// Largest bit-width an exact value may take; wider throws LimitError.
inline constexpr std::size_t max_exact_width = std::size_t{1} << 20;

/// Builds the circuits of one format's operations into an AIG, with the
/// given adder and multiplier architectures. Operands must come from the
/// same format (any FormatLowering of it, e.g. one per architecture on one
/// AIG). Every result equals reference::<operation> on the decoded operands
/// (exact: whenever the operands lie in their intervals). Finite formats
/// throw std::invalid_argument for an operand of the wrong width.
class FormatLowering {
 public:
  FormatLowering(logic::Aig& aig, Format format, word::ArithmeticArchitecture architecture);
  /// The exact format in residues modulo `basis`: a value's bits are its
  /// numerator's residues (k words of basis.modulus_bits bits), its
  /// interval and denominator those the binary lowering gives it; inputs
  /// arrive in two's complement, as_binary reconstructs, decode and encode
  /// read what as_binary gives. The caller promises |numerator| <= M/4 for
  /// every value compared, tested for its sign, or passed to as_binary.
  FormatLowering(logic::Aig& aig, const word::ResidueBasis& basis,
                 word::ArithmeticArchitecture architecture);
  /// Movable, not copyable: it owns the lowering unit and its caches.
  FormatLowering(FormatLowering&&) noexcept;
  FormatLowering& operator=(FormatLowering&&) noexcept;
  ~FormatLowering();

  const Format& format() const;
  logic::Aig& aig();

  /// Number of bits an input takes: width_in_bits for finite formats; for
  /// exact, signed_width(domain->low, domain->high) (`domain` required).
  std::size_t input_width(const std::optional<ExactDomain>& domain = std::nullopt) const;

  /// The value held by `bits`, which the caller has created (input_width of
  /// them, e.g. named primary inputs). For exact, `domain` is required and
  /// is a promise about the admissible inputs; for modp the caller promises
  /// the pattern is below P. Throws std::invalid_argument on a width mismatch.
  LoweredValue input(word::BitVector bits,
                     const std::optional<ExactDomain>& domain = std::nullopt) const;

  /// reference::represent(format, value) as constant literals (exact: the
  /// numerator of `value` in its signed width over its denominator).
  LoweredValue constant(const mpq_class& value) const;

  /// a + b. mod wraps; modp adds with a carry out and subtracts P once if
  /// needed; fixed adds one bit wider and saturates (or wraps). exact brings
  /// both to the least common denominator (constant multiplies, shifts for
  /// powers of two) and adds at the width of [low_a + low_b, high_a + high_b].
  LoweredValue add(const LoweredValue& a, const LoweredValue& b);
  /// a - b, as add; modp adds P back when a < b (the adder's borrow);
  /// exact interval [low_a - high_b, high_a - low_b].
  LoweredValue subtract(const LoweredValue& a, const LoweredValue& b);
  /// -a; modp: P - a, or 0 for a = 0; exact interval [-high, -low].
  LoweredValue negate(const LoweredValue& a);
  /// a · b. mod: the product truncated to W bits; modp: the full product
  /// reduced by Barrett reduction (two multipliers by constants, then at
  /// most two conditional subtractions of P: logarithmic depth); fixed: the
  /// full 2W-bit product rescaled by 2^-F with the format's rounding and
  /// overflow; exact: the product of the numerators at the width of the
  /// interval spanned by the four corner products, over d_a · d_b.
  LoweredValue multiply(const LoweredValue& a, const LoweredValue& b);
  /// a · 2^exponent as reference::scale_by_power_of_two (throws the same
  /// InputError for mod with a negative exponent, or modp with an even P).
  /// exact cancels factors of two of the denominator first, then shifts.
  LoweredValue scale_by_power_of_two(const LoweredValue& a, long exponent);

  /// a < b under the format's order (signed for mod, fixed and exact,
  /// unsigned for modp); one comparator.
  logic::Literal less_than(const LoweredValue& a, const LoweredValue& b);
  /// a == b.
  logic::Literal equal(const LoweredValue& a, const LoweredValue& b);
  /// condition ? if_true : if_false; exact: over the common denominator, at
  /// the width of the union of the two intervals.
  LoweredValue select(logic::Literal condition, const LoweredValue& if_true,
                      const LoweredValue& if_false);

  /// max(a, 0) (the identity in modp; exact narrows to [max(low,0), max(high,0)]).
  LoweredValue relu(const LoweredValue& a);
  /// min(max(a, low), high); low and high are rationals, each first
  /// represent()ed in the format; the constant high when low > high.
  LoweredValue clip(const LoweredValue& a, const mpq_class& low, const mpq_class& high);
  /// clip(a, -1, 1).
  LoweredValue hardtanh(const LoweredValue& a);
  /// represent(-1), 0 or represent(1) by the sign of a (exact: 2 bits or fewer).
  LoweredValue sign(const LoweredValue& a);
  /// Piecewise-linear activations by comparators and multiplexers;
  /// transcendental ones (fixed formats only, W <= 16) by word::lookup of
  /// build_activation_table, built once per activation and reused.
  LoweredValue apply(Activation activation, const LoweredValue& a);

  /// Exact only: `value` restated in the representation of `shape` (its
  /// interval and denominator; its bits are ignored), when every number
  /// `value` can hold at the caller's admissible inputs is known to fit
  /// there. The numerator is multiplied by shape.denominator / denominator
  /// when that is an integer, shifted right when the inverse ratio is a
  /// power of two (dropping bits that are zero for such numbers), then
  /// sign-extended or truncated to the shape's width. std::nullopt when
  /// the denominators relate in neither way.
  std::optional<LoweredValue> conform(const LoweredValue& value, const LoweredValue& shape);

  /// `value` in two's complement at the width of its interval (exact in
  /// residues: Chinese-remainder reconstruction); every other lowering
  /// already stores values that way and returns `value`.
  LoweredValue as_binary(const LoweredValue& value);

  /// The number stored in `value` when its bits hold the unsigned pattern
  /// `pattern` (0 <= pattern < 2^bits.size()).
  mpq_class decode(const LoweredValue& value, const mpz_class& pattern) const;
  /// The pattern of `value`'s bits that stores the number `number`; throws
  /// InputError when `number` is not representable there (exact: when
  /// number·denominator is not an integer in [low, high]).
  mpz_class encode(const LoweredValue& value, const mpq_class& number) const;

 private:
  /// The lowering unit of the format's kind, which every operation is
  /// forwarded to.
  std::unique_ptr<detail::FormatLoweringUnit> unit_;
};

}  // namespace rnncc::arith
