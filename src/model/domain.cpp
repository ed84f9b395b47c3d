#include "rnncc/model/domain.hpp"

#include "rnncc/arith/reference.hpp"

namespace rnncc::model {

mpq_class ReferenceDomain::add(const mpq_class& a, const mpq_class& b) {
  return arith::reference::add(format_, a, b);
}
mpq_class ReferenceDomain::subtract(const mpq_class& a, const mpq_class& b) {
  return arith::reference::subtract(format_, a, b);
}
mpq_class ReferenceDomain::negate(const mpq_class& a) {
  return arith::reference::negate(format_, a);
}
mpq_class ReferenceDomain::multiply(const mpq_class& a, const mpq_class& b) {
  return arith::reference::multiply(format_, a, b);
}
mpq_class ReferenceDomain::apply(arith::Activation activation, const mpq_class& a) {
  return arith::reference::apply(format_, activation, a);
}
bool ReferenceDomain::less_than(const mpq_class& a, const mpq_class& b) {
  return arith::reference::less_than(format_, a, b);
}

}  // namespace rnncc::model
