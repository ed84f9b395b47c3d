// The reference interpreter: a model's recurrence run step by step on exact
// values with its format's semantics.
#pragma once

#include <gmpxx.h>
#include <vector>

#include "rnncc/model/domain.hpp"
#include "rnncc/model/input_sequence.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::model {

/// The output after one step: the readout numbers, or for acceptance the
/// verdict (and no numbers).
struct StepOutput {
  std::vector<mpq_class> numbers;
  bool accept = false;
};

/// Runs the model's step (step.hpp, on ReferenceDomain) over `inputs`
/// from the initial state; returns the output after every step. With an
/// `observation`, records every value the run takes (the initial state and
/// the inputs included) and every overflow.
std::vector<StepOutput> run_reference(const Model& model, const InputSequence& inputs,
                                      ValueObservation* observation = nullptr);

/// The outputs of run_reference in the order a compiled circuit's output
/// words have them: after the last step only, or after every step
/// (`all_steps`); numbers in order, acceptance as 0 or 1.
std::vector<mpq_class> reference_output_words(const Model& model, const InputSequence& inputs,
                                              bool all_steps,
                                              ValueObservation* observation = nullptr);

}  // namespace rnncc::model
