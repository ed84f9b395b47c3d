#include "rnncc/model/domain.hpp"

#include <algorithm>

#include "rnncc/arith/reference.hpp"

namespace rnncc::model {

void ValueObservation::merge(const ValueObservation& other) {
  widest_bits = std::max(widest_bits, other.widest_bits);
  wraps += other.wraps;
  saturations += other.saturations;
  auto earliest = [](std::optional<std::size_t>& mine, const std::optional<std::size_t>& theirs) {
    if (theirs && (!mine || *theirs < *mine)) mine = theirs;
  };
  earliest(first_wrap_step, other.first_wrap_step);
  earliest(first_saturation_step, other.first_saturation_step);
}

void ReferenceDomain::note_value(const mpq_class& value) {
  if (observation_ == nullptr) return;
  observation_->widest_bits =
      std::max(observation_->widest_bits, arith::reference::stored_bits(format_, value));
}

mpq_class ReferenceDomain::observed(const mpq_class& exact, mpq_class result) {
  if (observation_ == nullptr) return result;
  note_value(result);
  switch (arith::reference::overflow_of(format_, exact)) {
    case arith::reference::Overflow::none:
      break;
    case arith::reference::Overflow::wraps:
      ++observation_->wraps;
      if (!observation_->first_wrap_step) observation_->first_wrap_step = step_;
      break;
    case arith::reference::Overflow::saturates:
      ++observation_->saturations;
      if (!observation_->first_saturation_step) observation_->first_saturation_step = step_;
      break;
  }
  return result;
}

// Adding 0 to a member, or multiplying a member by 0 or 1, gives the member
// (or 0) in every format without rounding or overflow: answered without
// the exact arithmetic (weight matrices are mostly zeros).

mpq_class ReferenceDomain::add(const mpq_class& a, const mpq_class& b) {
  if (sgn(b) == 0) return a;
  if (sgn(a) == 0) return b;
  mpq_class result = arith::reference::add(format_, a, b);
  return observation_ == nullptr ? result : observed(a + b, std::move(result));
}
mpq_class ReferenceDomain::subtract(const mpq_class& a, const mpq_class& b) {
  mpq_class result = arith::reference::subtract(format_, a, b);
  return observation_ == nullptr ? result : observed(a - b, std::move(result));
}
mpq_class ReferenceDomain::negate(const mpq_class& a) {
  mpq_class result = arith::reference::negate(format_, a);
  return observation_ == nullptr ? result : observed(-a, std::move(result));
}
mpq_class ReferenceDomain::multiply(const mpq_class& a, const mpq_class& b) {
  if (sgn(a) == 0 || sgn(b) == 0) {
    note_value(mpq_class(0));
    return 0;
  }
  if (a == 1) return b;
  if (b == 1) return a;
  mpq_class result = arith::reference::multiply(format_, a, b);
  return observation_ == nullptr ? result : observed(a * b, std::move(result));
}
mpq_class ReferenceDomain::apply(arith::Activation activation, const mpq_class& a) {
  mpq_class result = arith::reference::apply(format_, activation, a);
  note_value(result);
  return result;
}
bool ReferenceDomain::less_than(const mpq_class& a, const mpq_class& b) {
  return arith::reference::less_than(format_, a, b);
}

}  // namespace rnncc::model
