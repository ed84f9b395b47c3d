// lstm: torch.nn.LSTM with gates i, f, g, o in that order:
// c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c'), in stacked layers.
#pragma once

#include <array>
#include <string_view>

#include "rnncc/model/families/stacked_recurrence.hpp"

namespace rnncc::model {

struct Lstm : StackedRecurrence<Lstm> {
  static constexpr std::array<std::string_view, 1> setting_keys{"layers"};
  static constexpr FamilyDescriptor descriptor{
      .name = "lstm",
      .equation =
          "c_t = f * c_{t-1} + i * g, h_t = o * tanh(c_t) (torch.nn.LSTM, gates i, f, g, o)",
      .linear = false,
      .paper_class = PaperClass::nonlinear,
      .state_shape = StateShape::vector,
      .state_layout = "h then c of each layer (2d values per layer)",
      .settings = setting_keys,
  };
  static constexpr std::size_t gates = 4;
  static constexpr bool has_cell_state = true;

  struct Parameters final : StackedParameters {};

  static void read_cell_settings(const SettingsSource&, Parameters&) {}

  static std::optional<std::string> transcendental_functions(const Model&) {
    return "sigmoid and tanh";
  }

  template <class Domain>
  static LayerState<Domain> update(Domain& domain, const Parameters&,
                                   const std::vector<typename Domain::Number>& from_input,
                                   const std::vector<typename Domain::Number>& from_state,
                                   const std::vector<typename Domain::Number>& h,
                                   const std::vector<typename Domain::Number>& c) {
    using arith::Activation;
    using Number = typename Domain::Number;
    const std::size_t d = h.size();
    LayerState<Domain> next;
    for (std::size_t i = 0; i < d; ++i) {
      auto gate = [&](std::size_t index, Activation activation) {
        return domain.apply(activation,
                            domain.add(from_input[index * d + i], from_state[index * d + i]));
      };
      Number input_gate = gate(0, Activation::sigmoid);
      Number forget_gate = gate(1, Activation::sigmoid);
      Number cell_candidate = gate(2, Activation::tanh);
      Number output_gate = gate(3, Activation::sigmoid);
      Number cell = domain.add(domain.multiply(forget_gate, c[i]),
                               domain.multiply(input_gate, cell_candidate));
      next.c.push_back(cell);
      next.h.push_back(domain.multiply(output_gate, domain.apply(Activation::tanh, cell)));
    }
    return next;
  }
};

}  // namespace rnncc::model
