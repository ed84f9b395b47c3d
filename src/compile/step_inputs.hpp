// Creating the named inputs of unrolled steps (shared by the schedules).
#pragma once

#include <cstddef>
#include <vector>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/model/domain.hpp"
#include "rnncc/model/model.hpp"
#include "rnncc/model/step_input.hpp"

namespace rnncc::compile {

/// Creates in `circuit` the inputs of steps first_step .. first_step +
/// count - 1 (1-based), in step order, named by symbol_names.hpp.
std::vector<model::StepInput<model::CircuitDomain>> create_step_inputs(const model::Model& model,
                                                                       arith::Circuit& circuit,
                                                                       std::size_t first_step,
                                                                       std::size_t count);

}  // namespace rnncc::compile
