// dense: S_t = A(x_t) S_{t-1} + b(x_t) with an unstructured d × d matrix.
// A token model whose every matrix row has at most one non-zero entry is
// recognised as permutation-diagonal, (A h)_i = a_i h_{σ(i)}, and composes
// as one in a scan (the structure is detected, not declared).
#pragma once

#include <optional>
#include <string_view>

#include "rnncc/model/families/family_base.hpp"
#include "rnncc/model/families/permutation_diagonal.hpp"

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

  struct Parameters final : FamilyParameters {
    /// A's structure when it is permutation-diagonal for every symbol.
    std::optional<MonomialTables> monomial;
  };

  static std::vector<TensorSpecification> tensors(const Model& model) {
    std::vector<TensorSpecification> specifications;
    add_feature_tensors(specifications, model, "A", {model.state_size, model.state_size});
    add_feature_tensors(specifications, model, "b", {model.state_size});
    return specifications;
  }

  static void build(TensorSource&, Model& model) { detect_structure(model); }

  /// Sets the parameters' monomial tables when every symbol's A has at most
  /// one non-zero entry per row.
  static void detect_structure(Model& model) {
    auto parameters = std::make_shared<Parameters>();
    parameters->monomial = monomial_tables(model.feature("A"), model.state_size);
    model.parameters = std::move(parameters);
  }

  /// The map of the features A (row-major d × d) and b, permutation-
  /// diagonal when A was recognised as such.
  template <class Domain>
  static AffineMap<Domain> transition(Domain& domain, const Model& model,
                                      const StepInput<Domain>& input) {
    const Parameters& parameters = model.parameters_as<Parameters>();
    if (parameters.monomial) {
      return permutation_diagonal_map(domain, model, input, parameters.monomial->columns,
                                      parameters.monomial->diagonal, model.feature("b"));
    }
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
