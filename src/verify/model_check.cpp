#include "rnncc/verify/model_check.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rnncc/common/error.hpp"
#include "rnncc/eval/evaluator.hpp"
#include "rnncc/eval/model_patterns.hpp"
#include "rnncc/model/interpreter.hpp"

namespace rnncc::verify {

ModelCheck check_against_interpreter(const model::Model& model,
                                     const compile::CompiledModel& compiled, bool all_outputs,
                                     const std::vector<model::InputSequence>& sequences,
                                     unsigned threads, bool stop_at_first_mismatch) {
  if (sequences.empty()) {
    throw InputError(
        "no input sequences to check the circuit on: a check of nothing passes "
        "nothing");
  }
  const std::size_t output_words = compiled.lowered.outputs.size();
  std::size_t length = 0;
  for (const model::InputSequence& sequence : sequences)
    length = std::max(length, sequence.length());
  const std::size_t per_step = all_outputs ? output_words / length : output_words;
  // Pad shorter sequences (outputs after step t depend on steps 1..t only).
  std::vector<model::InputSequence> padded;
  const std::vector<model::InputSequence>* evaluated = &sequences;
  for (const model::InputSequence& sequence : sequences) {
    if (sequence.length() == length) continue;
    if (!all_outputs) {
      throw InputError(
          fmt::format("a sequence of {} steps cannot be checked on the outputs after "
                      "step {} only",
                      sequence.length(), length));
    }
    if (padded.empty()) padded = sequences;
  }
  if (!padded.empty()) {
    for (model::InputSequence& sequence : padded) {
      if (model.input.is_tokens()) {
        sequence.tokens.resize(length, sequence.tokens.front());
      } else {
        sequence.vectors.resize(length, sequence.vectors.front());
      }
    }
    evaluated = &padded;
  }
  const eval::PatternSet inputs =
      eval::encode_input_sequences(model, compiled.lowered.inputs, *evaluated);
  eval::EvaluationOptions evaluation;
  evaluation.threads = threads;
  const eval::PatternSet outputs =
      eval::evaluate(compiled.lowered.aig, inputs, eval::ParallelMode::patterns, evaluation);
  ModelCheck check;
  for (std::uint64_t pattern = 0; pattern < sequences.size(); ++pattern) {
    ++check.sequences;
    const std::vector<mpq_class> actual =
        eval::decode_output_words(model.format, compiled.lowered.outputs, outputs, pattern);
    const std::vector<mpq_class> expected =
        model::reference_output_words(model, sequences[pattern], all_outputs, &check.observation);
    const std::size_t compared =
        all_outputs ? sequences[pattern].length() * per_step : output_words;
    for (std::size_t i = 0; i < compared; ++i) {
      ++check.compared;
      if (actual[i] == expected[i]) continue;
      ++check.differing;
      check.largest_drift = std::max<mpq_class>(check.largest_drift, abs(actual[i] - expected[i]));
      if (!check.first_mismatch) {
        check.first_mismatch = OutputMismatch{pattern, i, expected[i], actual[i]};
        if (stop_at_first_mismatch) return check;
      }
    }
  }
  return check;
}

}  // namespace rnncc::verify
