#include "step_inputs.hpp"

#include "rnncc/compile/symbol_names.hpp"

namespace rnncc::compile {

std::vector<model::StepInput<model::CircuitDomain>> create_step_inputs(const model::Model& model,
                                                                       arith::Circuit& circuit,
                                                                       std::size_t first_step,
                                                                       std::size_t count) {
  std::vector<model::StepInput<model::CircuitDomain>> inputs(count);
  for (std::size_t t = 0; t < count; ++t) {
    const std::size_t step = first_step + t;
    if (model.input.is_tokens()) {
      for (std::size_t bit = 0; bit < model.input.token_bits(); ++bit) {
        inputs[t].token_bits.push_back(circuit.create_boolean_input(token_bit_name(step, bit)));
      }
    } else {
      for (std::size_t i = 0; i < model.input.dimension; ++i) {
        std::optional<arith::ExactDomain> domain;
        if (!arith::is_finite(model.format)) domain = model.input.exact_domain;
        inputs[t].values.push_back(circuit.create_input(input_value_name(step, i), domain));
      }
    }
  }
  return inputs;
}

}  // namespace rnncc::compile
