// elman: h_t = f(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh) with f one of tanh,
// relu, hardtanh, sign, in stacked layers (torch.nn.RNN).
#pragma once

#include <array>
#include <string_view>

#include "rnncc/common/error.hpp"
#include "rnncc/model/families/stacked_recurrence.hpp"

namespace rnncc::model {

struct Elman : StackedRecurrence<Elman> {
  static constexpr std::array<std::string_view, 2> setting_keys{"layers", "activation"};
  static constexpr FamilyDescriptor descriptor{
      .name = "elman",
      .equation =
          "h_t = f(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh), f = tanh, relu, hardtanh or sign",
      .linear = false,
      .paper_class = PaperClass::nonlinear,
      .state_shape = StateShape::vector,
      .state_layout = "h of each layer (d values per layer)",
      .settings = setting_keys,
  };
  static constexpr std::size_t gates = 1;
  static constexpr bool has_cell_state = false;

  struct Parameters final : StackedParameters {
    arith::Activation activation = arith::Activation::tanh;
  };

  /// `activation = "tanh" | "relu" | "hardtanh" | "sign"` (default tanh).
  static void read_cell_settings(const SettingsSource& settings, Parameters& parameters) {
    const std::optional<std::string> name = settings.text("activation");
    if (!name) return;
    try {
      parameters.activation = arith::parse_activation(*name);
    } catch (const InputError& error) {
      settings.fail("activation", error.what());
    }
    if (parameters.activation != arith::Activation::tanh &&
        parameters.activation != arith::Activation::relu &&
        parameters.activation != arith::Activation::hardtanh &&
        parameters.activation != arith::Activation::sign) {
      settings.fail("activation", "elman's activation must be tanh, relu, hardtanh or sign");
    }
  }

  static std::optional<std::string> transcendental_functions(const Model& model) {
    const arith::Activation activation = model.parameters_as<Parameters>().activation;
    if (arith::is_piecewise_linear(activation)) return std::nullopt;
    return std::string(arith::name_of(activation));
  }

  template <class Domain>
  static LayerState<Domain> update(Domain& domain, const Parameters& parameters,
                                   const std::vector<typename Domain::Number>& from_input,
                                   const std::vector<typename Domain::Number>& from_state,
                                   const std::vector<typename Domain::Number>& h,
                                   const std::vector<typename Domain::Number>&) {
    LayerState<Domain> next;
    for (std::size_t i = 0; i < h.size(); ++i) {
      next.h.push_back(
          domain.apply(parameters.activation, domain.add(from_input[i], from_state[i])));
    }
    return next;
  }
};

}  // namespace rnncc::model
