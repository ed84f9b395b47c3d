// What a family inherits unless it says otherwise: no settings of its own,
// no tensors beyond its features, a state of d · m values all read out, and
// for linear families a step that applies the family's affine map.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "rnncc/model/affine_map.hpp"
#include "rnncc/model/family.hpp"
#include "rnncc/model/model.hpp"
#include "rnncc/model/step_input.hpp"
#include "rnncc/model/tensor_specification.hpp"

namespace rnncc::model {

/// The defaults of a family `Family` (CRTP: defaults call the family's own
/// versions of the other members).
template <class Family>
struct FamilyBase {
  /// Reads the family's own model-file keys (descriptor.settings) into
  /// model.parameters.
  static void read_settings(const SettingsSource&, Model&) {}
  /// The tensors the family needs beyond the common ones (initial state,
  /// readout, a head's query), in the order docs/model-spec.md lists them.
  static std::vector<TensorSpecification> tensors(const Model&) { return {}; }
  /// Fills model.parameters from the weights (the features are already
  /// built from their tensors).
  static void build(TensorSource&, Model&) {}
  /// The transcendental functions the model computes ("sigmoid and tanh"),
  /// which only fixed formats offer; std::nullopt when it needs none.
  static std::optional<std::string> transcendental_functions(const Model&) { return std::nullopt; }
  /// Number of values in the state.
  static std::size_t state_value_count(const Model& model) {
    return model.state_size * model.state_columns;
  }
  /// The readout vector r(S): the values [readout_begin, readout_begin + readout_size).
  static std::size_t readout_begin(const Model&) { return 0; }
  static std::size_t readout_size(const Model& model) { return Family::state_value_count(model); }
};

/// A linear family: its step applies the affine map Family::transition.
template <class Family>
struct LinearFamilyBase : FamilyBase<Family> {
  template <class Domain>
  static std::vector<typename Domain::Number> step(
      Domain& domain, const Model& model, const std::vector<typename Domain::Number>& state,
      const StepInput<Domain>& input) {
    return apply_map(domain, Family::transition(domain, model, input), state);
  }
};

/// The feature `name` of `model` evaluated at `input`.
template <class Domain>
std::vector<typename Domain::Number> feature_at(Domain& domain, const Model& model,
                                                std::string_view name,
                                                const StepInput<Domain>& input) {
  return evaluate_feature(domain, model.feature(name), input);
}

/// The outer product column · rowᵀ, row-major.
template <class Domain>
std::vector<typename Domain::Number> outer_product(
    Domain& domain, const std::vector<typename Domain::Number>& column,
    const std::vector<typename Domain::Number>& row) {
  std::vector<typename Domain::Number> product;
  product.reserve(column.size() * row.size());
  for (std::size_t i = 0; i < column.size(); ++i)
    for (std::size_t j = 0; j < row.size(); ++j)
      product.push_back(domain.multiply(column[i], row[j]));
  return product;
}

}  // namespace rnncc::model
