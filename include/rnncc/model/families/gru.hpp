// gru: torch.nn.GRU with gates r, z, n in that order:
// r = σ(·), z = σ(·), n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)),
// h' = (1 − z) ⊙ n + z ⊙ h, in stacked layers.
#pragma once

#include <array>
#include <string_view>

#include "rnncc/arith/reference.hpp"
#include "rnncc/model/families/stacked_recurrence.hpp"

namespace rnncc::model {

struct Gru : StackedRecurrence<Gru> {
  static constexpr std::array<std::string_view, 1> setting_keys{"layers"};
  static constexpr FamilyDescriptor descriptor{
      .name = "gru",
      .equation = "h_t = (1 - z) * n + z * h_{t-1} (torch.nn.GRU, gates r, z, n)",
      .linear = false,
      .paper_class = PaperClass::nonlinear,
      .state_shape = StateShape::vector,
      .state_layout = "h of each layer (d values per layer)",
      .settings = setting_keys,
  };
  static constexpr std::size_t gates = 3;
  static constexpr bool has_cell_state = false;

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
                                   const std::vector<typename Domain::Number>&) {
    using arith::Activation;
    using Number = typename Domain::Number;
    const std::size_t d = h.size();
    const Number one = domain.constant(arith::reference::represent(domain.format(), 1));
    LayerState<Domain> next;
    for (std::size_t i = 0; i < d; ++i) {
      Number reset = domain.apply(Activation::sigmoid, domain.add(from_input[i], from_state[i]));
      Number update =
          domain.apply(Activation::sigmoid, domain.add(from_input[d + i], from_state[d + i]));
      Number candidate = domain.apply(
          Activation::tanh,
          domain.add(from_input[2 * d + i], domain.multiply(reset, from_state[2 * d + i])));
      next.h.push_back(domain.add(domain.multiply(domain.subtract(one, update), candidate),
                                  domain.multiply(update, h[i])));
    }
    return next;
  }
};

}  // namespace rnncc::model
