// Declarations of the family-dispatched operations (defined in step.hpp),
// for the families that use other models: a network steps its heads.
#pragma once

#include <vector>

#include "rnncc/model/model.hpp"
#include "rnncc/model/step_input.hpp"

namespace rnncc::model {

/// S_t from S_{t-1} and x_t, by the model's family (step.hpp).
template <class Domain>
std::vector<typename Domain::Number> step(Domain& domain, const Model& model,
                                          const std::vector<typename Domain::Number>& state,
                                          const StepInput<Domain>& input);

/// The readout vector r(S) of state S (step.hpp).
template <class Domain>
std::vector<typename Domain::Number> readout_source(
    const Model& model, const std::vector<typename Domain::Number>& state);

}  // namespace rnncc::model
