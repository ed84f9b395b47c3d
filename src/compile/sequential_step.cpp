#include "rnncc/compile/sequential_step.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <string>

#include "rnncc/arith/circuit_lowering.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/compile/symbol_names.hpp"
#include "rnncc/model/step.hpp"
#include "step_inputs.hpp"

namespace rnncc::compile {

namespace {

/// `name` without the step that symbol_names.hpp puts after '@' ("x@1[0]"
/// becomes "x[0]", "accept@1" becomes "accept").
std::string without_step(const std::string& name) {
  const std::size_t at = name.find('@');
  if (at == std::string::npos) return name;
  const std::size_t end = name.find('[', at);
  return name.substr(0, at) + (end == std::string::npos ? "" : name.substr(end));
}

}  // namespace

logic::SequentialAig build_sequential_step(const model::Model& model,
                                           const CompileOptions& options) {
  if (!arith::is_finite(model.format)) {
    throw InputError(fmt::format(
        "{}: a sequential circuit needs a finite number format (in {} the state's values widen "
        "with every step, so no fixed set of latches holds them); pass --format, e.g. fixed:16.8",
        model.name, arith::to_string(model.format)));
  }
  arith::Circuit circuit(model.format);
  model::CircuitDomain domain(circuit);
  const auto inputs = create_step_inputs(model, circuit, 1, 1);
  const std::size_t step_input_words = circuit.input_count();
  std::vector<arith::NodeId> state;
  for (std::size_t i = 0; i < model.state_value_count(); ++i)
    state.push_back(circuit.create_input(fmt::format("state[{}]", i)));
  const std::vector<arith::NodeId> next = model::step(domain, model, state, inputs.front());
  const model::ReadoutValue<model::CircuitDomain> value = model::readout(domain, model, next);
  if (model.readout == model::ReadoutKind::accept) {
    circuit.create_output(value.accept, accept_name(1));
  } else {
    for (std::size_t i = 0; i < value.numbers.size(); ++i)
      circuit.create_output(value.numbers[i], output_value_name(1, i));
  }
  const std::size_t readout_words = circuit.output_count();
  for (std::size_t i = 0; i < next.size(); ++i)
    circuit.create_output(next[i], fmt::format("state_next[{}]", i));

  arith::LoweredCircuit lowered = arith::lower(circuit, options.arithmetic, nullptr,
                                               arith::ExactLowering::binary, options.narrowing);
  // The initial state's bits, as the state words store it (the step's own
  // inputs take 0 here; only the state's patterns are used).
  std::vector<mpq_class> values(circuit.input_count(), 0);
  std::copy(model.initial_state.begin(), model.initial_state.end(),
            values.begin() + static_cast<std::ptrdiff_t>(step_input_words));
  const std::vector<mpz_class> patterns = arith::encode_inputs(circuit, lowered, values);

  logic::SequentialAig sequential;
  for (std::size_t w = step_input_words; w < lowered.inputs.size(); ++w) {
    const std::size_t width = lowered.inputs[w].value.bits.size();
    if (lowered.outputs[readout_words + w - step_input_words].value.bits.size() != width) {
      throw std::logic_error("a state word and its next value differ in width");
    }
    for (std::size_t bit = 0; bit < width; ++bit) {
      sequential.latch_initial.push_back(mpz_tstbit(patterns[w].get_mpz_t(), bit) != 0
                                             ? logic::LatchInitial::one
                                             : logic::LatchInitial::zero);
    }
  }
  sequential.aig = std::move(lowered.aig);
  logic::Aig& aig = sequential.aig;
  for (std::uint32_t i = 0; i < aig.input_count(); ++i)
    aig.set_input_name(i, without_step(aig.input_name(i)));
  for (std::uint32_t i = 0; i < aig.output_count(); ++i)
    aig.set_output_name(i, without_step(aig.output_name(i)));
  aig.comments().push_back(fmt::format(
      "rnncc sequential step of {} ({}, {}): inputs are one step's, latches hold the state "
      "(initial values: the model's initial state), outputs are the readout after the step",
      model.name, model.family->name, arith::to_string(model.format)));
  return sequential;
}

}  // namespace rnncc::compile
