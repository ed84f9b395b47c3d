#include "rnncc/compile/step_circuit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "rnncc/compile/symbol_names.hpp"
#include "rnncc/model/step.hpp"
#include "step_inputs.hpp"

namespace rnncc::compile {

namespace {

using logic::Literal;
using model::CircuitDomain;
using Map = model::AffineMap<CircuitDomain>;

/// The words of a map, flattened in a fixed order.
std::vector<arith::NodeId> map_words(const Map& map) {
  std::vector<arith::NodeId> words;
  for (const auto* part :
       {&map.diagonal, &map.one_hot, &map.left, &map.right, &map.matrix, &map.offset}) {
    words.insert(words.end(), part->begin(), part->end());
  }
  return words;
}

/// Registers `words` as outputs called PREFIX[j]; returns their output positions.
std::vector<std::uint32_t> expose(arith::Circuit& circuit, const std::vector<arith::NodeId>& words,
                                  const std::string& prefix) {
  std::vector<std::uint32_t> positions;
  for (std::size_t j = 0; j < words.size(); ++j) {
    positions.push_back(circuit.output_count());
    circuit.create_output(words[j], fmt::format("{}[{}]", prefix, j));
  }
  return positions;
}

/// Emits the readout of `state` after step `step` as build_arithmetic_circuit does.
std::vector<std::uint32_t> emit_readout(CircuitDomain& domain, const model::Model& model,
                                        std::size_t step, const std::vector<arith::NodeId>& state) {
  arith::Circuit& circuit = domain.circuit();
  model::ReadoutValue<CircuitDomain> value = model::readout(domain, model, state);
  std::vector<std::uint32_t> positions;
  if (model.readout == model::ReadoutKind::accept) {
    positions.push_back(circuit.output_count());
    circuit.create_output(value.accept, accept_name(step));
    return positions;
  }
  for (std::size_t i = 0; i < value.numbers.size(); ++i) {
    positions.push_back(circuit.output_count());
    circuit.create_output(value.numbers[i], output_value_name(step, i));
  }
  return positions;
}

/// The bits of the lowered outputs at `positions`, concatenated.
std::vector<Literal> output_bits(const arith::LoweredCircuit& lowered,
                                 const std::vector<std::uint32_t>& positions) {
  std::vector<Literal> bits;
  for (std::uint32_t position : positions) {
    const auto& word = lowered.outputs[position].value.bits;
    bits.insert(bits.end(), word.begin(), word.end());
  }
  return bits;
}

void check_finite(const model::Model& model) {
  if (!arith::is_finite(model.format)) {
    throw std::invalid_argument("step windows need a finite format");
  }
}

}  // namespace

SequentialWindow build_sequential_window(const model::Model& model, const CompileOptions& options,
                                         std::size_t steps) {
  check_finite(model);
  arith::Circuit circuit(model.format);
  CircuitDomain domain(circuit);
  const auto inputs = create_step_inputs(model, circuit, 1, steps);
  std::vector<std::vector<arith::NodeId>> states{model::constants(domain, model.initial_state)};
  std::vector<std::vector<std::uint32_t>> readouts{{}};
  for (std::size_t t = 0; t < steps; ++t) {
    states.push_back(model::step(domain, model, states.back(), inputs[t]));
    readouts.push_back(emit_readout(domain, model, t + 1, states.back()));
  }
  std::vector<std::vector<std::uint32_t>> exposed;
  for (std::size_t k = 0; k <= steps; ++k)
    exposed.push_back(expose(circuit, states[k], fmt::format("state@{}", k)));

  SequentialWindow window;
  window.lowered = arith::lower(circuit, options.arithmetic, nullptr, arith::ExactLowering::binary,
                                options.narrowing);
  const std::size_t words_per_step = circuit.input_count() / steps;
  window.inputs.emplace_back();
  for (std::size_t k = 1; k <= steps; ++k) {
    std::vector<Literal> bits;
    for (std::size_t w = (k - 1) * words_per_step; w < k * words_per_step; ++w) {
      const auto& word = window.lowered.inputs[w].value.bits;
      bits.insert(bits.end(), word.begin(), word.end());
    }
    window.inputs.push_back(std::move(bits));
  }
  for (std::size_t k = 0; k <= steps; ++k) {
    window.state.push_back(output_bits(window.lowered, exposed[k]));
    window.outputs.push_back(output_bits(window.lowered, readouts[k]));
  }
  return window;
}

ScanWindow build_scan_window(const model::Model& model, const CompileOptions& options,
                             std::size_t levels) {
  check_finite(model);
  if (!model.family->linear) {
    throw std::invalid_argument("scan windows need a linear family");
  }
  arith::Circuit circuit(model.format);
  CircuitDomain domain(circuit);
  const std::size_t leaves = std::size_t{1} << levels;
  const auto inputs = create_step_inputs(model, circuit, 1, leaves);
  const std::vector<arith::NodeId> initial = model::constants(domain, model.initial_state);
  std::vector<Map> items;
  items.reserve(leaves);
  for (std::size_t t = 0; t < leaves; ++t)
    items.push_back(model::linear_transition(domain, model, inputs[t]));
  std::vector<Map> first{items[0]};
  std::vector<Map> second;
  while (items.size() > 1) {
    second.push_back(items[1]);
    std::vector<Map> next;
    for (std::size_t i = 0; i + 1 < items.size(); i += 2)
      next.push_back(model::compose(domain, items[i + 1], items[i]));
    items = std::move(next);
    first.push_back(items[0]);
  }
  std::vector<std::vector<std::uint32_t>> readouts;
  for (std::size_t l = 0; l <= levels; ++l) {
    readouts.push_back(emit_readout(domain, model, std::size_t{1} << l,
                                    model::apply_map(domain, first[l], initial)));
  }
  std::vector<std::vector<std::uint32_t>> exposed_first;
  std::vector<std::vector<std::uint32_t>> exposed_second;
  for (std::size_t l = 0; l <= levels; ++l)
    exposed_first.push_back(expose(circuit, map_words(first[l]), fmt::format("first@{}", l)));
  for (std::size_t l = 0; l < levels; ++l)
    exposed_second.push_back(expose(circuit, map_words(second[l]), fmt::format("second@{}", l)));

  ScanWindow window;
  window.lowered = arith::lower(circuit, options.arithmetic, nullptr, arith::ExactLowering::binary,
                                options.narrowing);
  for (std::size_t l = 0; l <= levels; ++l) {
    window.first.push_back(output_bits(window.lowered, exposed_first[l]));
    window.outputs.push_back(output_bits(window.lowered, readouts[l]));
  }
  for (std::size_t l = 0; l < levels; ++l)
    window.second.push_back(output_bits(window.lowered, exposed_second[l]));
  return window;
}

}  // namespace rnncc::compile
