// What the lowering units of the finite formats (mod, modp, fixed) share.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <optional>

#include "format_lowering_unit.hpp"

namespace rnncc::arith::detail {

/// A finite format's lowering, as far as it follows from the format's bit
/// layout alone: every value is width_in_bits bits, read as two's complement
/// when the format has negative members and as an unsigned number
/// otherwise, and carries the format's whole integer range and denominator.
/// Inputs, constants, comparisons, selection, relu, clip, sign, decode and
/// encode are lowered here; a unit adds its format's arithmetic. Operations
/// throw std::invalid_argument for an operand of another width.
class FiniteFormatLowering : public FormatLoweringUnit {
 public:
  FiniteFormatLowering(logic::Aig& aig, Format format, word::ArithmeticArchitecture architecture);

  std::size_t input_width(const std::optional<ExactDomain>& domain) const override;
  LoweredValue input(word::BitVector bits, const std::optional<ExactDomain>& domain) const override;
  LoweredValue constant(const mpq_class& value) const override;

  logic::Literal less_than(const LoweredValue& a, const LoweredValue& b) override;
  logic::Literal equal(const LoweredValue& a, const LoweredValue& b) override;
  LoweredValue select(logic::Literal condition, const LoweredValue& if_true,
                      const LoweredValue& if_false) override;

  LoweredValue relu(const LoweredValue& a) override;
  LoweredValue clip(const LoweredValue& a, const mpq_class& low, const mpq_class& high) override;
  LoweredValue sign(const LoweredValue& a) override;

  mpq_class decode(const LoweredValue& value, const mpz_class& pattern) const override;
  mpz_class encode(const LoweredValue& value, const mpq_class& number) const override;

 protected:
  /// Bits of every value.
  std::size_t width() const { return width_; }
  /// How the bits are read: signed iff the format has negative members.
  word::Signedness signedness() const { return signedness_; }
  /// The value an operation returns: `bits` with the format's integer
  /// range and denominator.
  LoweredValue value_of(word::BitVector bits) const;
  /// Throws std::invalid_argument unless `value` has width() bits.
  void check_operand(const LoweredValue& value) const;
  /// The integer that stores `member` (member · denominator).
  mpz_class stored_integer(const mpq_class& member) const;

 private:
  std::size_t width_;
  /// The members are lowest_ / denominator_ .. highest_ / denominator_.
  mpz_class lowest_;
  mpz_class highest_;
  mpz_class denominator_;
  word::Signedness signedness_;
};

}  // namespace rnncc::arith::detail
