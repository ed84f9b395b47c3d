// deltanet and gated-deltanet: S_t = α_t (I − β_t k_t k_tᵀ) S_{t-1} +
// β_t k_t v_tᵀ on a key × value matrix state (α = 1 for deltanet; β up to
// 2 gives the negative eigenvalues parity needs). The paper's DeltaNet.
#pragma once

#include <string_view>

#include "rnncc/arith/reference.hpp"
#include "rnncc/model/families/family_base.hpp"

namespace rnncc::model {

/// The delta rule, gated (features k, v, beta, alpha) or not (k, v, beta).
template <bool gated>
struct DeltaRule : LinearFamilyBase<DeltaRule<gated>> {
  static constexpr FamilyDescriptor descriptor{
      .name = gated ? "gated-deltanet" : "deltanet",
      .equation = gated ? "S_t = alpha_t (I - beta_t k_t k_t^T) S_{t-1} + beta_t k_t v_t^T"
                        : "S_t = (I - beta_t k_t k_t^T) S_{t-1} + beta_t k_t v_t^T",
      .linear = true,
      .paper_class = PaperClass::pnc1,
      .state_shape = StateShape::matrix,
      .state_layout = "S (key × value, row-major)",
  };

  static std::vector<TensorSpecification> tensors(const Model& model) {
    std::vector<TensorSpecification> specifications;
    add_feature_tensors(specifications, model, "k", {model.state_size});
    add_feature_tensors(specifications, model, "v", {model.state_columns});
    add_feature_tensors(specifications, model, "beta", {});
    if (gated) add_feature_tensors(specifications, model, "alpha", {});
    return specifications;
  }

  /// A = α (I − β k kᵀ) as diag(α) − (α β k) kᵀ, b = β k vᵀ.
  template <class Domain>
  static AffineMap<Domain> transition(Domain& domain, const Model& model,
                                      const StepInput<Domain>& input) {
    using Number = typename Domain::Number;
    const std::size_t d = model.state_size;
    const std::vector<Number> key = feature_at(domain, model, "k", input);
    const std::vector<Number> value = feature_at(domain, model, "v", input);
    const Number beta = feature_at(domain, model, "beta", input).front();
    std::vector<Number> scaled_key;
    for (const Number& entry : key)
      scaled_key.push_back(domain.multiply(beta, entry));
    AffineMap<Domain> map;
    map.rows = d;
    map.columns = model.state_columns;
    map.structure = MapStructure::low_rank_update;
    map.right = key;
    map.offset = outer_product(domain, scaled_key, value);
    if (!gated) {
      map.diagonal.assign(d, domain.constant(arith::reference::represent(domain.format(), 1)));
      map.left = scaled_key;
    } else {
      const Number alpha = feature_at(domain, model, "alpha", input).front();
      map.diagonal.assign(d, alpha);
      for (const Number& entry : scaled_key)
        map.left.push_back(domain.multiply(alpha, entry));
    }
    return map;
  }
};

using DeltaNet = DeltaRule<false>;
using GatedDeltaNet = DeltaRule<true>;

}  // namespace rnncc::model
