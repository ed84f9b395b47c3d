#include "rnncc/verify/model_check.hpp"

#include <algorithm>

#include "rnncc/eval/evaluator.hpp"
#include "rnncc/eval/model_patterns.hpp"
#include "rnncc/model/interpreter.hpp"

namespace rnncc::verify {

ModelCheck check_against_interpreter(const model::Model& model,
                                     const compile::CompiledModel& compiled, bool all_outputs,
                                     const std::vector<model::InputSequence>& sequences,
                                     unsigned threads, bool stop_at_first_mismatch) {
  const eval::PatternSet inputs =
      eval::encode_input_sequences(model, compiled.lowered.inputs, sequences);
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
        model::reference_output_words(model, sequences[pattern], all_outputs);
    for (std::size_t i = 0; i < expected.size(); ++i) {
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
