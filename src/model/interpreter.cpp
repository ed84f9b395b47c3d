#include "rnncc/model/interpreter.hpp"

#include "rnncc/model/step.hpp"

namespace rnncc::model {

std::vector<StepOutput> run_reference(const Model& model, const InputSequence& inputs,
                                      ValueObservation* observation) {
  ReferenceDomain domain(model.format);
  domain.observe(observation);
  std::vector<mpq_class> state = model.initial_state;
  for (const mpq_class& value : state)
    domain.note_value(value);
  std::vector<StepOutput> outputs;
  outputs.reserve(inputs.length());
  for (std::size_t t = 0; t < inputs.length(); ++t) {
    domain.set_step(t + 1);
    StepInput<ReferenceDomain> input;
    if (model.input.is_tokens()) {
      for (std::size_t bit = 0; bit < model.input.token_bits(); ++bit) {
        input.token_bits.push_back(((inputs.tokens[t] >> bit) & 1U) != 0);
      }
    } else {
      input.values = inputs.vectors[t];
      for (const mpq_class& value : input.values)
        domain.note_value(value);
    }
    state = step(domain, model, state, input);
    ReadoutValue<ReferenceDomain> value = readout(domain, model, state);
    outputs.push_back(StepOutput{std::move(value.numbers), value.accept});
  }
  return outputs;
}

std::vector<mpq_class> reference_output_words(const Model& model, const InputSequence& inputs,
                                              bool all_steps, ValueObservation* observation) {
  const std::vector<StepOutput> outputs = run_reference(model, inputs, observation);
  std::vector<mpq_class> words;
  for (std::size_t t = 0; t < outputs.size(); ++t) {
    if (!all_steps && t + 1 != outputs.size()) continue;
    if (model.readout == ReadoutKind::accept) {
      words.emplace_back(outputs[t].accept ? 1 : 0);
    } else {
      words.insert(words.end(), outputs[t].numbers.begin(), outputs[t].numbers.end());
    }
  }
  return words;
}

}  // namespace rnncc::model
