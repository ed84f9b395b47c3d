// One step of any family, its affine map (linear families) and its
// readout, written once for every numeric domain (domain.hpp): the
// reference interpreter runs them on exact values, the compiler on circuit
// nodes. Each family's own step is in its header under families/.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <vector>

#include "rnncc/model/affine_map.hpp"
#include "rnncc/model/model.hpp"
#include "rnncc/model/registry.hpp"
#include "rnncc/model/step_declaration.hpp"
#include "rnncc/model/step_input.hpp"

namespace rnncc::model {

template <class Domain>
std::vector<typename Domain::Number> step(Domain& domain, const Model& model,
                                          const std::vector<typename Domain::Number>& state,
                                          const StepInput<Domain>& input) {
  return visit_family(*model.family,
                      [&]<class Family>() { return Family::step(domain, model, state, input); });
}

/// The affine map (A_t, b_t) of a linear family at input x_t (see
/// docs/model-spec.md for each family's equations); std::logic_error for
/// a nonlinear family.
template <class Domain>
AffineMap<Domain> linear_transition(Domain& domain, const Model& model,
                                    const StepInput<Domain>& input) {
  AffineMap<Domain> map = visit_family(*model.family, [&]<class Family>() -> AffineMap<Domain> {
    if constexpr (requires { Family::transition(domain, model, input); }) {
      return Family::transition(domain, model, input);
    } else {
      throw std::logic_error("linear_transition called for a nonlinear family");
    }
  });
  if (map.offset.size() != model.state_size * model.state_columns)
    throw std::logic_error("affine map offset of the wrong size");
  return map;
}

template <class Domain>
std::vector<typename Domain::Number> readout_source(
    const Model& model, const std::vector<typename Domain::Number>& state) {
  const std::size_t begin =
      visit_family(*model.family, [&]<class Family>() { return Family::readout_begin(model); });
  const std::size_t size = model.readout_source_size();
  return std::vector<typename Domain::Number>(
      state.begin() + static_cast<std::ptrdiff_t>(begin),
      state.begin() + static_cast<std::ptrdiff_t>(begin + size));
}

/// The readout's value after a step: the numbers of the readout (state or
/// linear), or for acceptance the single Boolean o^T r(S) > 0 in `accept`.
template <class Domain>
struct ReadoutValue {
  std::vector<typename Domain::Number> numbers;
  typename Domain::Boolean accept{};
};

/// The readout of a readout vector r (readout_source): r itself, O · r, or
/// for acceptance o^T r > 0.
template <class Domain>
ReadoutValue<Domain> readout_of_source(Domain& domain, const Model& model,
                                       std::vector<typename Domain::Number> source) {
  using Number = typename Domain::Number;
  ReadoutValue<Domain> value;
  switch (model.readout) {
    case ReadoutKind::state:
      value.numbers = std::move(source);
      break;
    case ReadoutKind::linear:
      value.numbers = multiply_constant_matrix(domain, model.readout_weights, source);
      for (std::size_t i = 0; i < model.readout_bias.size(); ++i) {
        if (model.readout_bias[i] != 0) {
          value.numbers[i] = domain.add(value.numbers[i], domain.constant(model.readout_bias[i]));
        }
      }
      break;
    case ReadoutKind::accept: {
      Number score = multiply_constant_matrix(domain, model.readout_weights, source).front();
      if (!model.readout_bias.empty() && model.readout_bias.front() != 0) {
        score = domain.add(score, domain.constant(model.readout_bias.front()));
      }
      value.accept = domain.less_than(domain.constant(0), score);
      break;
    }
  }
  return value;
}

/// The readout of state S (readout_of_source of readout_source(S)).
template <class Domain>
ReadoutValue<Domain> readout(Domain& domain, const Model& model,
                             const std::vector<typename Domain::Number>& state) {
  return readout_of_source(domain, model, readout_source<Domain>(model, state));
}

}  // namespace rnncc::model
