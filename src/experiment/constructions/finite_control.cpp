#include "finite_control.hpp"

namespace rnncc::experiment::constructions {

namespace {

mpq_class& element(io::TensorText& tensor, std::size_t row, std::size_t column) {
  return tensor.values[row * tensor.shape[1] + column];
}

}  // namespace

void FiniteControlLayers::copy_control_and_symbol(io::TensorText& first_weight) const {
  for (std::size_t q = 0; q < states_; ++q)
    element(first_weight, state_unit(q), q) = 1;
  for (std::size_t s = 0; s < symbols_; ++s)
    element(first_weight, symbol_unit(s), state_width_ + s) = 1;
}

void FiniteControlLayers::add_condition(io::TensorText& weight, io::TensorText& bias,
                                        std::size_t row, const MoveCondition& condition,
                                        const mpq_class& scale) const {
  element(weight, row, state_unit(condition.state)) += scale;
  element(weight, row, symbol_unit(condition.symbol)) += scale;
  mpq_class constant = -static_cast<long>(2 + condition.literals.size());
  for (const LinearForm& literal : condition.literals) {
    for (const auto& [unit, coefficient] : literal.terms)
      element(weight, row, unit) += scale * coefficient;
    constant += literal.constant;
  }
  bias.values[row] += scale * constant;
}

void FiniteControlLayers::write_gate(io::TensorText& weight, io::TensorText& bias, std::size_t row,
                                     const MoveCondition& condition) const {
  add_condition(weight, bias, row, condition, 1);
  bias.values[row] += 1;
}

void FiniteControlLayers::route_gate(io::TensorText& last_weight, std::size_t gate_unit,
                                     std::size_t next) const {
  element(last_weight, next, gate_unit) += 1;
}

}  // namespace rnncc::experiment::constructions
