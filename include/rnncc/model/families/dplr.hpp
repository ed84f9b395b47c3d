// dplr: S_t = (diag(a(x_t)) − u(x_t) w(x_t)ᵀ) S_{t-1} + b(x_t), the
// diagonal-plus-low-rank (rank one) linear RNN.
#pragma once

#include <string_view>

#include "rnncc/model/families/family_base.hpp"

namespace rnncc::model {

struct Dplr : LinearFamilyBase<Dplr> {
  static constexpr FamilyDescriptor descriptor{
      .name = "dplr",
      .equation = "S_t = (diag(a(x_t)) - u(x_t) w(x_t)^T) S_{t-1} + b(x_t)",
      .linear = true,
      .paper_class = PaperClass::pnc1,
      .state_shape = StateShape::vector,
      .state_layout = "S (d values)",
  };

  static std::vector<TensorSpecification> tensors(const Model& model) {
    std::vector<TensorSpecification> specifications;
    for (const char* name : {"a", "u", "w", "b"})
      add_feature_tensors(specifications, model, name, {model.state_size});
    return specifications;
  }

  template <class Domain>
  static AffineMap<Domain> transition(Domain& domain, const Model& model,
                                      const StepInput<Domain>& input) {
    AffineMap<Domain> map;
    map.rows = model.state_size;
    map.columns = model.state_columns;
    map.structure = MapStructure::low_rank_update;
    map.diagonal = feature_at(domain, model, "a", input);
    map.left = feature_at(domain, model, "u", input);
    map.right = feature_at(domain, model, "w", input);
    map.offset = feature_at(domain, model, "b", input);
    return map;
  }
};

}  // namespace rnncc::model
