// The interface every number format's lowering implements: one unit per
// format kind (formats/*.cpp), chosen once by FormatLowering from the
// registry of kinds (format_kind.hpp), which forwards each operation to it.
// Each operation is documented on FormatLowering (format_lowering.hpp);
// a unit builds its format's circuits for it.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <memory>
#include <optional>

#include "rnncc/arith/activation.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/arith/format_lowering.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::arith::detail {

/// Builds the circuits of one format's operations into an AIG with the
/// given architectures; each operation promises what the FormatLowering
/// operation of the same name promises.
class FormatLoweringUnit {
 public:
  FormatLoweringUnit(logic::Aig& aig, Format format, word::ArithmeticArchitecture architecture);
  virtual ~FormatLoweringUnit();
  FormatLoweringUnit(const FormatLoweringUnit&) = delete;
  FormatLoweringUnit& operator=(const FormatLoweringUnit&) = delete;

  const Format& format() const { return format_; }
  logic::Aig& aig() { return aig_; }
  const word::ArithmeticArchitecture& architecture() const { return architecture_; }

  virtual std::size_t input_width(const std::optional<ExactDomain>& domain) const = 0;
  virtual LoweredValue input(word::BitVector bits,
                             const std::optional<ExactDomain>& domain) const = 0;
  virtual LoweredValue constant(const mpq_class& value) const = 0;

  virtual LoweredValue add(const LoweredValue& a, const LoweredValue& b) = 0;
  virtual LoweredValue subtract(const LoweredValue& a, const LoweredValue& b) = 0;
  virtual LoweredValue negate(const LoweredValue& a) = 0;
  virtual LoweredValue multiply(const LoweredValue& a, const LoweredValue& b) = 0;
  virtual LoweredValue scale_by_power_of_two(const LoweredValue& a, long exponent) = 0;

  virtual logic::Literal less_than(const LoweredValue& a, const LoweredValue& b) = 0;
  virtual logic::Literal equal(const LoweredValue& a, const LoweredValue& b) = 0;
  virtual LoweredValue select(logic::Literal condition, const LoweredValue& if_true,
                              const LoweredValue& if_false) = 0;

  virtual LoweredValue relu(const LoweredValue& a) = 0;
  virtual LoweredValue clip(const LoweredValue& a, const mpq_class& low, const mpq_class& high) = 0;
  /// clip(a, -1, 1) unless a unit knows better.
  virtual LoweredValue hardtanh(const LoweredValue& a);
  virtual LoweredValue sign(const LoweredValue& a) = 0;
  /// relu, hardtanh and sign by the operations above; the transcendental
  /// activations by apply_transcendental.
  virtual LoweredValue apply(Activation activation, const LoweredValue& a);

  /// Throws std::logic_error: only the exact unit conforms values.
  virtual std::optional<LoweredValue> conform(const LoweredValue& value, const LoweredValue& shape);

  /// `value` in two's complement at the width of its interval: the value
  /// itself for every unit that already stores numbers that way.
  virtual LoweredValue as_binary(const LoweredValue& value) { return value; }

  virtual mpq_class decode(const LoweredValue& value, const mpz_class& pattern) const = 0;
  virtual mpz_class encode(const LoweredValue& value, const mpq_class& number) const = 0;

 protected:
  /// A transcendental activation (tanh, sigmoid, exp, softplus) of `a`.
  /// Throws the InputError of reference::apply, which names a format that
  /// has it, unless a unit tabulates it.
  virtual LoweredValue apply_transcendental(Activation activation, const LoweredValue& a);

  /// Throws std::invalid_argument unless `bits` has input_width(domain) bits.
  void check_input_width(const word::BitVector& bits,
                         const std::optional<ExactDomain>& domain) const;

 private:
  logic::Aig& aig_;
  Format format_;
  word::ArithmeticArchitecture architecture_;
};

/// The factory a FormatKind names for its lowering unit `Unit`.
template <class Unit>
std::unique_ptr<FormatLoweringUnit> make_lowering_unit(logic::Aig& aig, const Format& format,
                                                       word::ArithmeticArchitecture architecture) {
  return std::make_unique<Unit>(aig, format, architecture);
}

/// `x` (two's complement) brought to `width` bits: sign-extended when
/// narrower, truncated when wider. Truncation keeps the value whenever it
/// fits `width`, and keeps it modulo 2^width always.
word::BitVector resize_signed(const word::BitVector& x, std::size_t width);

}  // namespace rnncc::arith::detail
