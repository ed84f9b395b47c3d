// relu-rnn: h_t = max(A h_{t-1} + B x_t + c, 0) (the paper's ReLU RNN).
#pragma once

#include <array>
#include <string_view>

#include "rnncc/model/families/family_base.hpp"

namespace rnncc::model {

struct ReluRnn : FamilyBase<ReluRnn> {
  static constexpr FamilyDescriptor descriptor{
      .name = "relu-rnn",
      .equation = "h_t = max(A h_{t-1} + B x_t + c, 0)",
      .linear = false,
      .paper_class = PaperClass::nonlinear,
      .state_shape = StateShape::vector,
      .state_layout = "h (d values)",
  };

  struct Parameters final : FamilyParameters {
    Matrix transition;  ///< A [d × d]
  };

  /// A [d, d] and the feature u (B x + c).
  static std::vector<TensorSpecification> tensors(const Model& model) {
    std::vector<TensorSpecification> specifications;
    add_plain_tensor(specifications, "A", {model.state_size, model.state_size}, true);
    add_feature_tensors(specifications, model, "u", {model.state_size});
    return specifications;
  }

  static void build(TensorSource& tensors, Model& model) {
    auto parameters = std::make_shared<Parameters>();
    parameters->transition = Matrix{model.state_size, model.state_size, tensors.values("A")};
    model.parameters = std::move(parameters);
  }

  template <class Domain>
  static std::vector<typename Domain::Number> step(
      Domain& domain, const Model& model, const std::vector<typename Domain::Number>& state,
      const StepInput<Domain>& input) {
    const Parameters& parameters = model.parameters_as<Parameters>();
    const std::vector<typename Domain::Number> drive = feature_at(domain, model, "u", input);
    std::vector<typename Domain::Number> next =
        multiply_constant_matrix(domain, parameters.transition, state);
    for (std::size_t i = 0; i < next.size(); ++i)
      next[i] = domain.add(next[i], drive[i]);
    for (typename Domain::Number& value : next)
      value = domain.apply(arith::Activation::relu, value);
    return next;
  }
};

}  // namespace rnncc::model
