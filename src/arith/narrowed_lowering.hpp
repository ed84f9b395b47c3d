// Lowering of a finite-format circuit's words at the widths their value
// facts (value_facts.hpp) allow: each number word is carried in the bits
// its interval needs (two's complement for mod and fixed, unsigned for
// modp), with the bits its facts fix as constants, and widened to the
// format's width only where an operation without a narrow circuit, or an
// output, needs it.
#pragma once

#include <optional>
#include <vector>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/arith/format_lowering.hpp"
#include "rnncc/arith/value_facts.hpp"

namespace rnncc::arith::detail {

/// The narrow circuits of one finite format's operations, built with a
/// FormatLowering of that format. A narrow value holds its stored integer
/// in needed_width(format, facts) bits, with `low`, `high` the facts'
/// interval and the format's denominator.
class NarrowedLowering {
 public:
  /// `lowering` must lower a finite format and outlive this object;
  /// `architecture` is the adders and multipliers it was built with.
  NarrowedLowering(FormatLowering& lowering, word::ArithmeticArchitecture architecture);

  /// `value` (a lowered value of the format at its full width, or a narrow
  /// one) in the bits `facts` need, every bit the facts fix a constant; the
  /// caller promises the facts hold for every value `value` takes. A
  /// constant word needs no gates.
  LoweredValue narrow(const LoweredValue& value, const ValueFacts& facts) const;

  /// A narrow value at the format's full width (sign- or zero-extended).
  LoweredValue widen(const LoweredValue& value) const;

  /// The narrow result of the number-valued or comparison node `node`,
  /// given the narrow values and the facts of every node before it;
  /// std::nullopt when the operation has no narrow circuit here (the caller
  /// then lowers it at full width and narrows the result).
  std::optional<LoweredValue> lower(const Circuit& circuit, NodeId node,
                                    const std::vector<std::optional<LoweredValue>>& values,
                                    const std::vector<ValueFacts>& facts);

 private:
  /// `bits` brought to `width` bits: sign-extended or truncated for signed
  /// formats, zero-extended or truncated for modp.
  word::BitVector resize(const word::BitVector& bits, std::size_t width) const;
  LoweredValue value_of(word::BitVector bits, const ValueFacts& facts) const;

  std::optional<LoweredValue> add_or_subtract(bool subtract, const LoweredValue& a,
                                              const ValueFacts& a_facts, const LoweredValue& b,
                                              const ValueFacts& b_facts,
                                              const ValueFacts& result_facts);
  std::optional<LoweredValue> negate(const LoweredValue& a, const ValueFacts& a_facts,
                                     const ValueFacts& result_facts);
  /// a · b by the general narrow multiplier (no case analysis).
  std::optional<LoweredValue> multiply_words(const LoweredValue& a, const ValueFacts& a_facts,
                                             const LoweredValue& b, const ValueFacts& b_facts,
                                             const ValueFacts& result_facts);
  /// a · b, where `selector` takes one of two values: a multiplexer between
  /// a times each of them (0: zero; 1: a; -1: a negated; otherwise a
  /// product with a constant).
  LoweredValue multiply_by_two_values(const LoweredValue& a, const ValueFacts& a_facts,
                                      const LoweredValue& selector,
                                      const ValueFacts& selector_facts,
                                      const ValueFacts& result_facts);
  /// a times the stored integer `factor` (a constant), narrow.
  LoweredValue multiply_by_constant(const LoweredValue& a, const ValueFacts& a_facts,
                                    const mpz_class& factor);
  std::optional<LoweredValue> rescale(const LoweredValue& a, const ValueFacts& a_facts, long shift,
                                      const ValueFacts& result_facts);

  FormatLowering& lowering_;
  word::ArithmeticArchitecture architecture_;
  std::size_t width_;
  mpz_class lowest_;
  mpz_class highest_;
  mpz_class denominator_;
  std::size_t fraction_bits_ = 0;
  bool is_residue_;
  bool wraps_;  ///< mod, or fixed with the wrap rule
};

}  // namespace rnncc::arith::detail
