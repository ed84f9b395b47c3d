#include "rnncc/arith/circuit_evaluation.hpp"

#include <fmt/format.h>

#include <optional>

#include "rnncc/arith/live_sweep.hpp"
#include "rnncc/arith/reference.hpp"
#include "rnncc/common/assert.hpp"
#include "rnncc/common/error.hpp"

namespace rnncc::arith {

namespace {

mpq_class boolean_value(bool value) {
  return mpq_class(value ? 1 : 0);
}

const mpq_class& value_of(const mpq_class& value) {
  return value;
}

const mpq_class& value_of(const std::optional<mpq_class>& value) {
  return *value;
}

/// The value of `node` given the values of its operands in `values`.
template <class Values>
mpq_class evaluate_node(const Circuit& circuit, NodeId node, const Values& values,
                        const std::vector<mpq_class>& input_values) {
  const Format& format = circuit.format();
  auto operand = [&](std::size_t i) -> const mpq_class& {
    return value_of(values[circuit.operand(node, i)]);
  };
  switch (circuit.kind(node)) {
    case OperationKind::input:
      return input_values[circuit.input_position(node)];
    case OperationKind::constant:
      return circuit.constant_value(node);
    case OperationKind::add:
      return reference::add(format, operand(0), operand(1));
    case OperationKind::subtract:
      return reference::subtract(format, operand(0), operand(1));
    case OperationKind::negate:
      return reference::negate(format, operand(0));
    case OperationKind::multiply:
      return reference::multiply(format, operand(0), operand(1));
    case OperationKind::rescale:
      return reference::scale_by_power_of_two(format, operand(0), -circuit.rescale_shift(node));
    case OperationKind::less_than:
      return boolean_value(reference::less_than(format, operand(0), operand(1)));
    case OperationKind::equal:
      return boolean_value(reference::equal(format, operand(0), operand(1)));
    case OperationKind::select:
      return reference::select(operand(0) != 0, operand(1), operand(2));
    case OperationKind::relu:
      return reference::relu(format, operand(0));
    case OperationKind::clip: {
      const auto& [low, high] = circuit.clip_bounds(node);
      return reference::clip(format, operand(0), low, high);
    }
    case OperationKind::lookup: {
      const LookupTable& table = circuit.table(circuit.lookup_table(node));
      if (table.activation) return reference::apply(format, *table.activation, operand(0));
      return table.explicit_table(operand(0));
    }
  }
  RNNCC_UNREACHABLE("an operation kind the switch does not list");
}

}  // namespace

void check_input_values(const Circuit& circuit, const std::vector<mpq_class>& values) {
  if (values.size() != circuit.input_count()) {
    throw InputError(fmt::format("the circuit has {} inputs, but {} values were given",
                                 circuit.input_count(), values.size()));
  }
  for (std::uint32_t i = 0; i < circuit.input_count(); ++i) {
    const mpq_class& value = values[i];
    const std::optional<ExactDomain>& domain = circuit.input_domain(i);
    if (circuit.is_boolean(circuit.input_node(i))) {
      if (value != 0 && value != 1) {
        throw InputError(fmt::format("input '{}': {} is not a Boolean (0 or 1)",
                                     circuit.input_name(i), value.get_str()));
      }
    } else if (domain) {
      mpq_class scaled = value * domain->denominator;
      if (scaled.get_den() != 1 || scaled.get_num() < domain->low ||
          scaled.get_num() > domain->high) {
        throw InputError(fmt::format("input '{}': {} is not k / {} for an integer k in [{}, {}]",
                                     circuit.input_name(i), value.get_str(),
                                     domain->denominator.get_str(), domain->low.get_str(),
                                     domain->high.get_str()));
      }
    } else if (!is_member(circuit.format(), value)) {
      throw InputError(fmt::format("input '{}': {} is not a member of format {}",
                                   circuit.input_name(i), value.get_str(),
                                   to_string(circuit.format())));
    }
  }
}

std::vector<mpq_class> evaluate_nodes(const Circuit& circuit,
                                      const std::vector<mpq_class>& values) {
  check_input_values(circuit, values);
  std::vector<mpq_class> node_values;
  node_values.reserve(circuit.node_count());
  for (NodeId node = 0; node < circuit.node_count(); ++node) {
    node_values.push_back(evaluate_node(circuit, node, node_values, values));
  }
  return node_values;
}

std::vector<mpq_class> evaluate(const Circuit& circuit, const std::vector<mpq_class>& values) {
  check_input_values(circuit, values);
  std::vector<std::optional<mpq_class>> node_values(circuit.node_count());
  sweep_live_nodes(
      circuit,
      [&](NodeId node) { node_values[node] = evaluate_node(circuit, node, node_values, values); },
      [&](NodeId operand) { node_values[operand].reset(); });
  std::vector<mpq_class> outputs;
  outputs.reserve(circuit.output_count());
  for (std::uint32_t i = 0; i < circuit.output_count(); ++i) {
    outputs.push_back(*node_values[circuit.output_node(i)]);
  }
  return outputs;
}

}  // namespace rnncc::arith
