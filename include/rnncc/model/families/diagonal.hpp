// diagonal: S_t = diag(a(x_t)) S_{t-1} + b(x_t), the time-varying diagonal
// linear RNN; with parameterization = "mamba", a = exp(softplus(Δ(x_t)) ·
// decay) and b scaled by softplus(Δ(x_t)) (S4/Mamba-style).
#pragma once

#include <array>
#include <string_view>

#include "rnncc/model/families/family_base.hpp"

namespace rnncc::model {

struct Diagonal : LinearFamilyBase<Diagonal> {
  static constexpr std::array<std::string_view, 1> setting_keys{"parameterization"};
  static constexpr FamilyDescriptor descriptor{
      .name = "diagonal",
      .equation = "S_t = diag(a(x_t)) S_{t-1} + b(x_t)",
      .linear = true,
      .paper_class = PaperClass::tc0,
      .state_shape = StateShape::vector,
      .state_layout = "S (d values)",
      .settings = setting_keys,
  };

  struct Parameters final : FamilyParameters {
    bool mamba = false;            ///< parameterization = "mamba"
    std::vector<mpq_class> decay;  ///< mamba: the constant factor of exp's argument
  };

  /// `parameterization = "direct"` (features a and b) or `"mamba"`
  /// (features delta and b, constant decay).
  static void read_settings(const SettingsSource& settings, Model& model) {
    auto parameters = std::make_shared<Parameters>();
    if (const std::optional<std::string> kind = settings.text("parameterization")) {
      if (*kind != "direct" && *kind != "mamba") {
        settings.fail("parameterization", "'parameterization' is \"direct\" or \"mamba\"");
      }
      parameters->mamba = *kind == "mamba";
    }
    model.parameters = std::move(parameters);
  }

  static std::vector<TensorSpecification> tensors(const Model& model) {
    std::vector<TensorSpecification> specifications;
    const std::size_t d = model.state_size;
    if (model.parameters_as<Parameters>().mamba) {
      add_plain_tensor(specifications, "decay", {d}, true);
      add_feature_tensors(specifications, model, "delta", {d});
    } else {
      add_feature_tensors(specifications, model, "a", {d});
    }
    add_feature_tensors(specifications, model, "b", {d});
    return specifications;
  }

  static void build(TensorSource& tensors, Model& model) {
    auto parameters = std::make_shared<Parameters>(model.parameters_as<Parameters>());
    if (parameters->mamba) parameters->decay = tensors.values("decay");
    model.parameters = std::move(parameters);
  }

  static std::optional<std::string> transcendental_functions(const Model& model) {
    if (!model.parameters_as<Parameters>().mamba) return std::nullopt;
    return "exp and softplus";
  }

  template <class Domain>
  static AffineMap<Domain> transition(Domain& domain, const Model& model,
                                      const StepInput<Domain>& input) {
    const Parameters& parameters = model.parameters_as<Parameters>();
    AffineMap<Domain> map;
    map.rows = model.state_size;
    map.columns = model.state_columns;
    map.structure = MapStructure::diagonal;
    if (!parameters.mamba) {
      map.diagonal = feature_at(domain, model, "a", input);
      map.offset = feature_at(domain, model, "b", input);
      return map;
    }
    const std::vector<typename Domain::Number> step = feature_at(domain, model, "delta", input);
    const std::vector<typename Domain::Number> drive = feature_at(domain, model, "b", input);
    for (std::size_t i = 0; i < model.state_size; ++i) {
      typename Domain::Number width = domain.apply(arith::Activation::softplus, step[i]);
      map.diagonal.push_back(domain.apply(
          arith::Activation::exp, domain.multiply(width, domain.constant(parameters.decay[i]))));
      map.offset.push_back(domain.multiply(width, drive[i]));
    }
    return map;
  }
};

}  // namespace rnncc::model
