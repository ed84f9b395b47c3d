// The torch-style stacked recurrences (elman, gru, lstm): L layers, layer l
// reading x_t (l = 0) or layer l-1's new h, each with input weights
// W_ih x + b_ih and recurrent weights W_hh h + b_hh, named as in PyTorch's
// state_dict (weight_ih_l0, ...). A cell type says how many gate blocks a
// layer has and how its new (h, c) follow from the two products.
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <vector>

#include "rnncc/model/families/family_base.hpp"

namespace rnncc::model {

/// One layer's weights: W_ih x + b_ih (a feature; per symbol for token
/// inputs in the first layer), W_hh [gates·d × d] and b_hh.
struct RecurrentLayer {
  Feature input;
  Matrix recurrent;
  std::vector<mpq_class> recurrent_bias;
};

/// The parameters every stacked recurrence has; Cell::Parameters derives
/// from it when the cell has settings of its own.
struct StackedParameters : FamilyParameters {
  std::size_t layer_count = 1;  ///< `layers`
  std::vector<RecurrentLayer> layers;
};

/// The new h and c of one layer.
template <class Domain>
struct LayerState {
  std::vector<typename Domain::Number> h, c;
};

/// A stacked recurrence of `Cell` layers. Cell provides `gates` (blocks of
/// d rows in W_ih and W_hh), `has_cell_state` (lstm's c), Parameters (a
/// StackedParameters), read_cell_settings(settings, parameters) and
///   update(domain, parameters, from_input, from_state, h, c) -> LayerState
/// giving a layer's new h (and c) from W_ih x + b_ih, W_hh h + b_hh and
/// the layer's previous h (and c).
template <class Cell>
struct StackedRecurrence : FamilyBase<Cell> {
  /// `layers = L` (default 1); the cell reads its own keys.
  static void read_settings(const SettingsSource& settings, Model& model) {
    auto parameters = std::make_shared<typename Cell::Parameters>();
    parameters->layer_count = settings.size("layers", 1, std::size_t{1} << 20).value_or(1);
    Cell::read_cell_settings(settings, *parameters);
    model.parameters = std::move(parameters);
  }

  /// Per layer: weight_ih_lL, weight_hh_lL, and the optional biases.
  static std::vector<TensorSpecification> tensors(const Model& model) {
    const std::size_t d = model.state_size;
    const std::size_t rows = Cell::gates * d;
    const std::size_t inputs =
        model.input.is_tokens() ? model.input.alphabet.size() : model.input.dimension;
    std::vector<TensorSpecification> specifications;
    for (std::size_t layer = 0; layer < layer_count(model); ++layer) {
      const std::string feature = fmt::format("input_l{}", layer);
      specifications.push_back({fmt::format("weight_ih_l{}", layer),
                                {rows, layer == 0 ? inputs : d},
                                true,
                                false,
                                false,
                                false,
                                feature,
                                rows,
                                TensorRole::weight,
                                layer == 0 && model.input.is_tokens()});
      add_plain_tensor(specifications, fmt::format("weight_hh_l{}", layer), {rows, d}, true);
      specifications.push_back({fmt::format("bias_ih_l{}", layer),
                                {rows},
                                false,
                                true,
                                false,
                                false,
                                feature,
                                rows,
                                TensorRole::bias});
      add_plain_tensor(specifications, fmt::format("bias_hh_l{}", layer), {rows}, false);
    }
    return specifications;
  }

  static void build(TensorSource& tensors, Model& model) {
    using Parameters = typename Cell::Parameters;
    auto parameters = std::make_shared<Parameters>(model.parameters_as<Parameters>());
    const std::size_t rows = Cell::gates * model.state_size;
    parameters->layers.clear();
    for (std::size_t layer = 0; layer < parameters->layer_count; ++layer) {
      RecurrentLayer recurrent;
      recurrent.input = model.feature(fmt::format("input_l{}", layer));
      recurrent.recurrent =
          Matrix{rows, model.state_size, tensors.values(fmt::format("weight_hh_l{}", layer))};
      recurrent.recurrent_bias = tensors.values(fmt::format("bias_hh_l{}", layer));
      parameters->layers.push_back(std::move(recurrent));
    }
    model.parameters = std::move(parameters);
  }

  /// Per layer h (d values), then c for cells with a cell state.
  static std::size_t state_value_count(const Model& model) {
    return values_per_layer(model) * layer_count(model);
  }
  /// The last layer's h.
  static std::size_t readout_begin(const Model& model) {
    return (layer_count(model) - 1) * values_per_layer(model);
  }
  static std::size_t readout_size(const Model& model) { return model.state_size; }

  template <class Domain>
  static std::vector<typename Domain::Number> step(
      Domain& domain, const Model& model, const std::vector<typename Domain::Number>& state,
      const StepInput<Domain>& input) {
    using Number = typename Domain::Number;
    const auto& parameters = model.parameters_as<typename Cell::Parameters>();
    const std::size_t d = model.state_size;
    const std::size_t per_layer = values_per_layer(model);
    std::vector<Number> next;
    std::vector<Number> below;
    for (std::size_t layer = 0; layer < parameters.layers.size(); ++layer) {
      const RecurrentLayer& weights = parameters.layers[layer];
      const auto begin = state.begin() + static_cast<std::ptrdiff_t>(layer * per_layer);
      const std::vector<Number> h(begin, begin + static_cast<std::ptrdiff_t>(d));
      std::vector<Number> c;
      if (Cell::has_cell_state) {
        c.assign(begin + static_cast<std::ptrdiff_t>(d),
                 begin + static_cast<std::ptrdiff_t>(2 * d));
      }
      const std::vector<Number> from_input =
          layer == 0 ? evaluate_feature(domain, weights.input, input)
                     : evaluate_feature(domain, weights.input, StepInput<Domain>{{}, below});
      std::vector<Number> from_state = multiply_constant_matrix(domain, weights.recurrent, h);
      for (std::size_t i = 0; i < from_state.size(); ++i) {
        from_state[i] = domain.add(from_state[i], domain.constant(weights.recurrent_bias[i]));
      }
      LayerState<Domain> updated = Cell::update(domain, parameters, from_input, from_state, h, c);
      next.insert(next.end(), updated.h.begin(), updated.h.end());
      next.insert(next.end(), updated.c.begin(), updated.c.end());
      below = std::move(updated.h);
    }
    return next;
  }

 private:
  static std::size_t layer_count(const Model& model) {
    return model.parameters_as<StackedParameters>().layer_count;
  }
  static std::size_t values_per_layer(const Model& model) {
    return Cell::has_cell_state ? 2 * model.state_size : model.state_size;
  }
};

}  // namespace rnncc::model
