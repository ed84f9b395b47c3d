#include "rnncc/arith/format_lowering.hpp"

#include <algorithm>
#include <utility>

#include "big_integer.hpp"
#include "format_kind.hpp"
#include "format_lowering_unit.hpp"
#include "residue_number_lowering.hpp"

namespace rnncc::arith {

using detail::bit_length;
using logic::Literal;
using word::BitVector;

std::size_t signed_width(const mpz_class& low, const mpz_class& high) {
  std::size_t width = 1;
  if (high > 0) width = std::max(width, bit_length(high) + 1);
  if (low < 0) width = std::max(width, bit_length(mpz_class(-low - 1)) + 1);
  return width;
}

FormatLowering::FormatLowering(logic::Aig& aig, Format format,
                               word::ArithmeticArchitecture architecture)
    : unit_(detail::kind_of(format).make_lowering(aig, format, architecture)) {}

FormatLowering::FormatLowering(logic::Aig& aig, const word::ResidueBasis& basis,
                               word::ArithmeticArchitecture architecture)
    : unit_(detail::make_residue_number_lowering(aig, basis, architecture)) {}

FormatLowering::FormatLowering(FormatLowering&&) noexcept = default;
FormatLowering& FormatLowering::operator=(FormatLowering&&) noexcept = default;
FormatLowering::~FormatLowering() = default;

const Format& FormatLowering::format() const {
  return unit_->format();
}

logic::Aig& FormatLowering::aig() {
  return unit_->aig();
}

std::size_t FormatLowering::input_width(const std::optional<ExactDomain>& domain) const {
  return unit_->input_width(domain);
}

LoweredValue FormatLowering::input(BitVector bits, const std::optional<ExactDomain>& domain) const {
  return unit_->input(std::move(bits), domain);
}

LoweredValue FormatLowering::constant(const mpq_class& value) const {
  return unit_->constant(value);
}

LoweredValue FormatLowering::add(const LoweredValue& a, const LoweredValue& b) {
  return unit_->add(a, b);
}

LoweredValue FormatLowering::subtract(const LoweredValue& a, const LoweredValue& b) {
  return unit_->subtract(a, b);
}

LoweredValue FormatLowering::negate(const LoweredValue& a) {
  return unit_->negate(a);
}

LoweredValue FormatLowering::multiply(const LoweredValue& a, const LoweredValue& b) {
  return unit_->multiply(a, b);
}

LoweredValue FormatLowering::scale_by_power_of_two(const LoweredValue& a, long exponent) {
  return unit_->scale_by_power_of_two(a, exponent);
}

Literal FormatLowering::less_than(const LoweredValue& a, const LoweredValue& b) {
  return unit_->less_than(a, b);
}

Literal FormatLowering::equal(const LoweredValue& a, const LoweredValue& b) {
  return unit_->equal(a, b);
}

LoweredValue FormatLowering::select(Literal condition, const LoweredValue& if_true,
                                    const LoweredValue& if_false) {
  return unit_->select(condition, if_true, if_false);
}

LoweredValue FormatLowering::relu(const LoweredValue& a) {
  return unit_->relu(a);
}

LoweredValue FormatLowering::clip(const LoweredValue& a, const mpq_class& low,
                                  const mpq_class& high) {
  return unit_->clip(a, low, high);
}

LoweredValue FormatLowering::hardtanh(const LoweredValue& a) {
  return unit_->hardtanh(a);
}

LoweredValue FormatLowering::sign(const LoweredValue& a) {
  return unit_->sign(a);
}

LoweredValue FormatLowering::apply(Activation activation, const LoweredValue& a) {
  return unit_->apply(activation, a);
}

std::optional<LoweredValue> FormatLowering::conform(const LoweredValue& value,
                                                    const LoweredValue& shape) {
  return unit_->conform(value, shape);
}

LoweredValue FormatLowering::as_binary(const LoweredValue& value) {
  return unit_->as_binary(value);
}

mpq_class FormatLowering::decode(const LoweredValue& value, const mpz_class& pattern) const {
  return unit_->decode(value, pattern);
}

mpz_class FormatLowering::encode(const LoweredValue& value, const mpq_class& number) const {
  return unit_->encode(value, number);
}

}  // namespace rnncc::arith
