// Running a sequential circuit (latches) for several steps on input patterns.
#pragma once

#include <cstddef>

#include "rnncc/eval/evaluator.hpp"
#include "rnncc/eval/pattern_set.hpp"
#include "rnncc/logic/sequential_aig.hpp"

namespace rnncc::eval {

/// The outputs of `circuit` run for `steps` >= 1 steps from its latches'
/// initial values, independently for each pattern. `inputs` holds steps × I
/// signals (I = circuit.primary_input_count()): signal t·I + i is primary
/// input i at step t + 1, so one pattern lists step 1's inputs, then step
/// 2's, and so on. The result holds steps × O signals likewise (signal t·O +
/// o is primary output o at step t + 1). A circuit without latches is
/// evaluated once per step. Throws InputError when `inputs` does not have
/// steps × I signals, or when a latch has no initial value (AIGER's
/// uninitialised latch) to start from.
PatternSet simulate_steps(const logic::SequentialAig& circuit, const PatternSet& inputs,
                          std::size_t steps, const EvaluationOptions& options = {});

}  // namespace rnncc::eval
