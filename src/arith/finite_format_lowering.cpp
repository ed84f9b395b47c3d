#include "finite_format_lowering.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <utility>

#include "evenly_spaced_members.hpp"
#include "rnncc/arith/reference.hpp"
#include "rnncc/word/compare.hpp"
#include "rnncc/word/rescale.hpp"
#include "rnncc/word/resize.hpp"

namespace rnncc::arith::detail {

using logic::Literal;
using word::BitVector;

FiniteFormatLowering::FiniteFormatLowering(logic::Aig& aig, Format format,
                                           word::ArithmeticArchitecture architecture)
    : FormatLoweringUnit(aig, std::move(format), architecture) {
  const Format& own = this->format();
  width_ = *width_in_bits(own);
  MemberGrid grid = member_grid(own);
  lowest_ = std::move(grid.lowest);
  highest_ = std::move(grid.highest);
  denominator_ = std::move(grid.denominator);
  signedness_ = lowest_ < 0 ? word::Signedness::signed_ : word::Signedness::unsigned_;
}

LoweredValue FiniteFormatLowering::value_of(BitVector bits) const {
  return LoweredValue{std::move(bits), lowest_, highest_, denominator_};
}

void FiniteFormatLowering::check_operand(const LoweredValue& value) const {
  if (value.bits.size() != width_) {
    throw std::invalid_argument(fmt::format("a value of {} bits is not a lowered value of {}",
                                            value.bits.size(), to_string(format())));
  }
}

mpz_class FiniteFormatLowering::stored_integer(const mpq_class& member) const {
  mpq_class scaled = member * denominator_;
  return scaled.get_num();
}

std::size_t FiniteFormatLowering::input_width(const std::optional<ExactDomain>&) const {
  return width_;
}

LoweredValue FiniteFormatLowering::input(BitVector bits,
                                         const std::optional<ExactDomain>& domain) const {
  check_input_width(bits, domain);
  return value_of(std::move(bits));
}

LoweredValue FiniteFormatLowering::constant(const mpq_class& value) const {
  mpq_class member = reference::represent(format(), value);
  return value_of(word::constant(width_, arith::encode(format(), member)));
}

Literal FiniteFormatLowering::less_than(const LoweredValue& a, const LoweredValue& b) {
  check_operand(a);
  check_operand(b);
  return word::less_than(aig(), a.bits, b.bits, signedness_, architecture().adder);
}

Literal FiniteFormatLowering::equal(const LoweredValue& a, const LoweredValue& b) {
  check_operand(a);
  check_operand(b);
  return word::equal(aig(), a.bits, b.bits);
}

LoweredValue FiniteFormatLowering::select(Literal condition, const LoweredValue& if_true,
                                          const LoweredValue& if_false) {
  check_operand(if_true);
  check_operand(if_false);
  return value_of(word::mux(aig(), condition, if_true.bits, if_false.bits));
}

LoweredValue FiniteFormatLowering::relu(const LoweredValue& a) {
  check_operand(a);
  if (signedness_ == word::Signedness::unsigned_) return a;  // no negative members
  return value_of(word::relu(aig(), a.bits));
}

LoweredValue FiniteFormatLowering::clip(const LoweredValue& a, const mpq_class& low,
                                        const mpq_class& high) {
  check_operand(a);
  mpz_class low_integer = stored_integer(reference::represent(format(), low));
  mpz_class high_integer = stored_integer(reference::represent(format(), high));
  if (low_integer > high_integer) return value_of(word::constant(width_, high_integer));
  if (signedness_ == word::Signedness::unsigned_) {
    // Unsigned values: clip as signed one bit wider.
    BitVector clipped = word::clip(aig(), word::zero_extend(a.bits, width_ + 1), low_integer,
                                   high_integer, architecture().adder);
    return value_of(word::truncate(clipped, width_));
  }
  return value_of(word::clip(aig(), a.bits, low_integer, high_integer, architecture().adder));
}

LoweredValue FiniteFormatLowering::sign(const LoweredValue& a) {
  check_operand(a);
  const BitVector zero = word::constant(width_, 0);
  Literal is_zero = word::equal(aig(), a.bits, zero);
  BitVector not_negative = word::mux(aig(), is_zero, zero, constant(1).bits);
  if (signedness_ == word::Signedness::unsigned_) return value_of(std::move(not_negative));
  Literal is_negative = a.bits.back();
  return value_of(word::mux(aig(), is_negative, constant(-1).bits, not_negative));
}

mpq_class FiniteFormatLowering::decode(const LoweredValue&, const mpz_class& pattern) const {
  return arith::decode(format(), pattern);
}

mpz_class FiniteFormatLowering::encode(const LoweredValue&, const mpq_class& number) const {
  return arith::encode(format(), number);
}

}  // namespace rnncc::arith::detail
