// The two numeric domains every family's step is instantiated with: exact
// values (the reference interpreter) and nodes of an arithmetic circuit
// (the compiler). Both offer the same operations with the same meaning, so
// one step definition serves both (docs/design.md, principle 1).
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "rnncc/arith/activation.hpp"
#include "rnncc/arith/circuit.hpp"
#include "rnncc/arith/format.hpp"

namespace rnncc::model {

/// What the values of a run actually were: the widest one (the precision
/// observed, as opposed to the bound a circuit's widths give) and how often
/// a result left the format's range.
struct ValueObservation {
  /// The most bits any value took (arith::reference::stored_bits).
  std::size_t widest_bits = 0;
  /// Results that wrapped around (mod, fixed with wrap) or saturated
  /// (fixed with saturate), and the first step (from 1) where each happened.
  std::uint64_t wraps = 0;
  std::optional<std::size_t> first_wrap_step;
  std::uint64_t saturations = 0;
  std::optional<std::size_t> first_saturation_step;

  /// Adds `other`'s observations (the earlier first steps are kept).
  void merge(const ValueObservation& other);
};

/// Members of a number format, computed with reference:: semantics.
class ReferenceDomain {
 public:
  using Number = mpq_class;
  using Boolean = bool;

  explicit ReferenceDomain(arith::Format format) : format_(std::move(format)) {}
  const arith::Format& format() const { return format_; }

  /// Records every value and overflow into `observation` (null: none),
  /// attributing them to `step`.
  void observe(ValueObservation* observation) { observation_ = observation; }
  void set_step(std::size_t step) { step_ = step; }
  /// Records `value` as taken (when observing).
  void note_value(const mpq_class& value);

  /// `value`, which must already be a member of the format.
  Number constant(const mpq_class& value) {
    note_value(value);
    return value;
  }
  Boolean boolean_constant(bool value) { return value; }
  Number add(const Number& a, const Number& b);
  Number subtract(const Number& a, const Number& b);
  Number negate(const Number& a);
  Number multiply(const Number& a, const Number& b);
  Number apply(arith::Activation activation, const Number& a);
  Boolean less_than(const Number& a, const Number& b);
  Number select(Boolean condition, const Number& if_true, const Number& if_false) {
    return condition ? if_true : if_false;
  }
  Boolean select_boolean(Boolean condition, Boolean if_true, Boolean if_false) {
    return condition ? if_true : if_false;
  }

 private:
  /// The member `result` of an operation whose exact value was `exact`.
  Number observed(const mpq_class& exact, Number result);

  arith::Format format_;
  ValueObservation* observation_ = nullptr;
  std::size_t step_ = 0;
};

/// Nodes of an arithmetic circuit: every operation creates (or finds) the
/// node computing it. Booleans are Boolean nodes of the same circuit.
class CircuitDomain {
 public:
  using Number = arith::NodeId;
  using Boolean = arith::NodeId;

  explicit CircuitDomain(arith::Circuit& circuit) : circuit_(circuit) {}
  const arith::Format& format() const { return circuit_.format(); }
  arith::Circuit& circuit() { return circuit_; }

  Number constant(const mpq_class& value) { return circuit_.create_constant(value); }
  Boolean boolean_constant(bool value) { return circuit_.create_boolean_constant(value); }
  Number add(Number a, Number b) { return circuit_.create_add(a, b); }
  Number subtract(Number a, Number b) { return circuit_.create_subtract(a, b); }
  Number negate(Number a) { return circuit_.create_negate(a); }
  Number multiply(Number a, Number b) { return circuit_.create_multiply(a, b); }
  Number apply(arith::Activation activation, Number a) {
    return circuit_.create_lookup(activation, a);
  }
  Boolean less_than(Number a, Number b) { return circuit_.create_less_than(a, b); }
  Number select(Boolean condition, Number if_true, Number if_false) {
    return circuit_.create_select(condition, if_true, if_false);
  }
  Boolean select_boolean(Boolean condition, Boolean if_true, Boolean if_false) {
    return circuit_.create_select(condition, if_true, if_false);
  }

 private:
  arith::Circuit& circuit_;
};

/// The balanced pairwise sum of `terms` (0 for none): terms are added in
/// adjacent pairs, level by level, so the depth is ⌈log2 n⌉ and, in
/// rounding formats, the order of additions is fixed by this definition.
template <class Domain>
typename Domain::Number balanced_sum(Domain& domain, std::vector<typename Domain::Number> terms) {
  if (terms.empty()) return domain.constant(0);
  while (terms.size() > 1) {
    std::vector<typename Domain::Number> next;
    next.reserve((terms.size() + 1) / 2);
    for (std::size_t i = 0; i + 1 < terms.size(); i += 2) {
      next.push_back(domain.add(terms[i], terms[i + 1]));
    }
    if (terms.size() % 2 == 1) next.push_back(terms.back());
    terms = std::move(next);
  }
  return terms.front();
}

/// Σ_i a[i] · b[i] as a balanced sum of the products.
template <class Domain>
typename Domain::Number dot(Domain& domain, const std::vector<typename Domain::Number>& a,
                            const std::vector<typename Domain::Number>& b) {
  std::vector<typename Domain::Number> products;
  products.reserve(a.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    products.push_back(domain.multiply(a[i], b[i]));
  return balanced_sum(domain, std::move(products));
}

/// The domain's constants for `values`.
template <class Domain>
std::vector<typename Domain::Number> constants(Domain& domain,
                                               const std::vector<mpq_class>& values) {
  std::vector<typename Domain::Number> result;
  result.reserve(values.size());
  for (const mpq_class& value : values)
    result.push_back(domain.constant(value));
  return result;
}

}  // namespace rnncc::model
