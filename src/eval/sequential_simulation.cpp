#include "rnncc/eval/sequential_simulation.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rnncc/common/error.hpp"

namespace rnncc::eval {

PatternSet simulate_steps(const logic::SequentialAig& circuit, const PatternSet& inputs,
                          std::size_t steps, const EvaluationOptions& options) {
  const std::uint32_t input_count = circuit.primary_input_count();
  const std::uint32_t output_count = circuit.primary_output_count();
  const std::uint32_t latch_count = circuit.latch_count();
  if (steps < 1 || inputs.signal_count() != steps * input_count) {
    throw InputError(fmt::format(
        "{} steps of a circuit with {} inputs take {} input signals per pattern, found {}", steps,
        input_count, steps * input_count, inputs.signal_count()));
  }
  for (std::uint32_t k = 0; k < latch_count; ++k) {
    if (circuit.latch_initial[k] == logic::LatchInitial::undefined) {
      throw InputError(fmt::format(
          "latch {} ({}) has no initial value: a simulation needs 0 or 1 for every latch", k,
          circuit.aig.input_name(input_count + k).empty()
              ? "unnamed"
              : circuit.aig.input_name(input_count + k)));
    }
  }
  const std::uint64_t pattern_count = inputs.pattern_count();
  PatternSet step_inputs(circuit.aig.input_count(), pattern_count);
  for (std::uint32_t k = 0; k < latch_count; ++k) {
    if (circuit.latch_initial[k] == logic::LatchInitial::one) {
      std::ranges::fill(step_inputs.words(input_count + k), ~std::uint64_t{0});
    }
  }
  step_inputs.clear_unused_bits();
  PatternSet outputs(static_cast<std::uint32_t>(steps * output_count), pattern_count);
  const Evaluator evaluator(circuit.aig, ParallelMode::patterns);
  for (std::size_t t = 0; t < steps; ++t) {
    for (std::uint32_t i = 0; i < input_count; ++i) {
      std::ranges::copy(inputs.words(static_cast<std::uint32_t>(t * input_count + i)),
                        step_inputs.words(i).begin());
    }
    const PatternSet step_outputs = evaluator.evaluate(step_inputs, options);
    for (std::uint32_t o = 0; o < output_count; ++o) {
      std::ranges::copy(step_outputs.words(o),
                        outputs.words(static_cast<std::uint32_t>(t * output_count + o)).begin());
    }
    for (std::uint32_t k = 0; k < latch_count; ++k) {
      std::ranges::copy(step_outputs.words(output_count + k),
                        step_inputs.words(input_count + k).begin());
    }
  }
  return outputs;
}

}  // namespace rnncc::eval
