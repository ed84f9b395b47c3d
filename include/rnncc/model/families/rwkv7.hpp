// rwkv7: S_t = (diag(w_t) − λ_t κ_t (a_t ⊙ κ_t)ᵀ) S_{t-1} + k_t v_tᵀ on a
// key × value matrix state (the paper's RWKV-7).
#pragma once

#include <string_view>

#include "rnncc/model/families/family_base.hpp"

namespace rnncc::model {

struct Rwkv7 : LinearFamilyBase<Rwkv7> {
  static constexpr FamilyDescriptor descriptor{
      .name = "rwkv7",
      .equation = "S_t = (diag(w_t) - lambda_t kappa_t (a_t * kappa_t)^T) S_{t-1} + k_t v_t^T",
      .linear = true,
      .paper_class = PaperClass::pnc1,
      .state_shape = StateShape::matrix,
      .state_layout = "S (key × value, row-major)",
  };

  static std::vector<TensorSpecification> tensors(const Model& model) {
    std::vector<TensorSpecification> specifications;
    for (const char* name : {"w", "kappa", "a", "k"})
      add_feature_tensors(specifications, model, name, {model.state_size});
    add_feature_tensors(specifications, model, "v", {model.state_columns});
    add_feature_tensors(specifications, model, "lambda", {});
    return specifications;
  }

  template <class Domain>
  static AffineMap<Domain> transition(Domain& domain, const Model& model,
                                      const StepInput<Domain>& input) {
    using Number = typename Domain::Number;
    const std::vector<Number> kappa = feature_at(domain, model, "kappa", input);
    const std::vector<Number> gate = feature_at(domain, model, "a", input);
    const Number lambda = feature_at(domain, model, "lambda", input).front();
    AffineMap<Domain> map;
    map.rows = model.state_size;
    map.columns = model.state_columns;
    map.structure = MapStructure::low_rank_update;
    map.diagonal = feature_at(domain, model, "w", input);
    for (std::size_t i = 0; i < model.state_size; ++i) {
      map.left.push_back(domain.multiply(lambda, kappa[i]));
      map.right.push_back(domain.multiply(gate[i], kappa[i]));
    }
    map.offset = outer_product(domain, feature_at(domain, model, "k", input),
                               feature_at(domain, model, "v", input));
    return map;
  }
};

}  // namespace rnncc::model
