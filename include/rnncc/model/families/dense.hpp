// dense: S_t = A(x_t) S_{t-1} + b(x_t) with an unstructured d × d matrix.
#pragma once

#include <string_view>

#include "rnncc/model/families/family_base.hpp"

namespace rnncc::model {

struct Dense : LinearFamilyBase<Dense> {
  static constexpr FamilyDescriptor descriptor{
      .name = "dense",
      .equation = "S_t = A(x_t) S_{t-1} + b(x_t)",
      .linear = true,
      .paper_class = PaperClass::pnc1,
      .state_shape = StateShape::vector,
      .state_layout = "S (d values)",
  };

  static std::vector<TensorSpecification> tensors(const Model& model) {
    std::vector<TensorSpecification> specifications;
    add_feature_tensors(specifications, model, "A", {model.state_size, model.state_size});
    add_feature_tensors(specifications, model, "b", {model.state_size});
    return specifications;
  }

  /// The map of the features A (row-major d × d) and b.
  template <class Domain>
  static AffineMap<Domain> transition(Domain& domain, const Model& model,
                                      const StepInput<Domain>& input) {
    AffineMap<Domain> map;
    map.rows = model.state_size;
    map.columns = model.state_columns;
    map.structure = MapStructure::dense;
    map.matrix = feature_at(domain, model, "A", input);
    map.offset = feature_at(domain, model, "b", input);
    return map;
  }
};

}  // namespace rnncc::model
