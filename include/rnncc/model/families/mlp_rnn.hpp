// mlp-rnn: h_t = a multi-layer ReLU network of [h_{t-1}; x_t] (the paper's
// MLP RNN, Thm 1 and Thm 2).
#pragma once

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "rnncc/arith/reference.hpp"
#include "rnncc/model/families/family_base.hpp"

namespace rnncc::model {

struct MlpRnn : FamilyBase<MlpRnn> {
  static constexpr std::array<std::string_view, 1> setting_keys{"hidden"};
  static constexpr FamilyDescriptor descriptor{
      .name = "mlp-rnn",
      .equation = "h_t = relu(W_L ... relu(W_1 [h_{t-1}; x_t] + b_1) ... + b_L)",
      .linear = false,
      .paper_class = PaperClass::nonlinear,
      .state_shape = StateShape::vector,
      .state_layout = "h (d values)",
      .settings = setting_keys,
  };

  /// One ReLU layer: y = relu(W · in + b).
  struct DenseLayer {
    Matrix weight;
    std::vector<mpq_class> bias;
  };

  struct Parameters final : FamilyParameters {
    std::vector<std::size_t> hidden;  ///< widths of the hidden layers (`hidden`)
    std::vector<DenseLayer> layers;   ///< the first reads [h; x], the last has d outputs
    Feature input;                    ///< token inputs: x as a one-hot vector over the alphabet
  };

  /// `hidden = [widths...]`: the hidden layers between [h; x] and h.
  static void read_settings(const SettingsSource& settings, Model& model) {
    auto parameters = std::make_shared<Parameters>();
    parameters->hidden = settings.sizes("hidden", 1, 4096).value_or(std::vector<std::size_t>{});
    model.parameters = std::move(parameters);
  }

  /// mlp.L.weight [out, in] and the optional mlp.L.bias [out] per layer.
  static std::vector<TensorSpecification> tensors(const Model& model) {
    const Parameters& parameters = model.parameters_as<Parameters>();
    std::vector<TensorSpecification> specifications;
    std::size_t width = model.state_size + input_width(model);
    for (std::size_t layer = 0; layer <= parameters.hidden.size(); ++layer) {
      const std::size_t out =
          layer < parameters.hidden.size() ? parameters.hidden[layer] : model.state_size;
      add_plain_tensor(specifications, fmt::format("mlp.{}.weight", layer), {out, width}, true);
      add_plain_tensor(specifications, fmt::format("mlp.{}.bias", layer), {out}, false);
      width = out;
    }
    return specifications;
  }

  static void build(TensorSource& tensors, Model& model) {
    auto parameters = std::make_shared<Parameters>(model.parameters_as<Parameters>());
    std::size_t width = model.state_size + input_width(model);
    for (std::size_t layer = 0; layer <= parameters->hidden.size(); ++layer) {
      const std::size_t out =
          layer < parameters->hidden.size() ? parameters->hidden[layer] : model.state_size;
      DenseLayer dense;
      dense.weight = Matrix{out, width, tensors.values(fmt::format("mlp.{}.weight", layer))};
      dense.bias = tensors.values(fmt::format("mlp.{}.bias", layer));
      parameters->layers.push_back(std::move(dense));
      width = out;
    }
    if (model.input.is_tokens()) {
      // The token enters as a one-hot vector over the alphabet.
      const std::size_t symbols = model.input.alphabet.size();
      parameters->input.rows = symbols;
      const mpq_class one = arith::reference::represent(model.format, 1);
      for (std::size_t symbol = 0; symbol < symbols; ++symbol) {
        std::vector<mpq_class> row(symbols, mpq_class(0));
        row[symbol] = one;
        parameters->input.per_symbol.push_back(std::move(row));
      }
    }
    model.parameters = std::move(parameters);
  }

  template <class Domain>
  static std::vector<typename Domain::Number> step(
      Domain& domain, const Model& model, const std::vector<typename Domain::Number>& state,
      const StepInput<Domain>& input) {
    using Number = typename Domain::Number;
    const Parameters& parameters = model.parameters_as<Parameters>();
    std::vector<Number> layer_input = state;
    const std::vector<Number> x = parameters.input.rows > 0
                                      ? evaluate_feature(domain, parameters.input, input)
                                      : input.values;
    layer_input.insert(layer_input.end(), x.begin(), x.end());
    for (const DenseLayer& layer : parameters.layers) {
      std::vector<Number> output = multiply_constant_matrix(domain, layer.weight, layer_input);
      for (std::size_t i = 0; i < output.size(); ++i) {
        output[i] = domain.apply(arith::Activation::relu,
                                 domain.add(output[i], domain.constant(layer.bias[i])));
      }
      layer_input = std::move(output);
    }
    return layer_input;
  }

 private:
  /// Width of x as the network reads it: the alphabet's size (one-hot) or
  /// the vector dimension.
  static std::size_t input_width(const Model& model) {
    return model.input.is_tokens() ? model.input.alphabet.size() : model.input.dimension;
  }
};

}  // namespace rnncc::model
