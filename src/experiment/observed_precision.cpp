#include "rnncc/experiment/observed_precision.hpp"

#include "rnncc/model/input_sequence.hpp"
#include "rnncc/model/interpreter.hpp"

namespace rnncc::experiment {

model::ValueObservation observe_random_runs(const model::Model& model, std::size_t length,
                                            std::size_t sequences, std::uint64_t seed) {
  model::ValueObservation observation;
  for (std::size_t i = 0; i < sequences; ++i) {
    model::run_reference(model, model::random_input_sequence(model, length, seed + i),
                         &observation);
  }
  return observation;
}

}  // namespace rnncc::experiment
