#include "rnncc/model/tensor_specification.hpp"

#include "rnncc/model/registry.hpp"

namespace rnncc::model {

void add_feature_tensors(std::vector<TensorSpecification>& specifications, const Model& model,
                         const std::string& name, const std::vector<std::size_t>& dimensions) {
  std::size_t rows = 1;
  for (std::size_t extent : dimensions)
    rows *= extent;
  if (model.input.is_tokens()) {
    std::vector<std::size_t> shape{model.input.alphabet.size()};
    shape.insert(shape.end(), dimensions.begin(), dimensions.end());
    specifications.push_back(
        {name, shape, true, false, false, false, name, rows, TensorRole::per_symbol});
    return;
  }
  std::vector<std::size_t> weight_shape = dimensions;
  weight_shape.push_back(model.input.dimension);
  specifications.push_back(
      {name + ".weight", weight_shape, true, false, false, false, name, rows, TensorRole::weight});
  specifications.push_back(
      {name + ".bias", dimensions, false, true, false, false, name, rows, TensorRole::bias});
}

void add_plain_tensor(std::vector<TensorSpecification>& specifications, std::string name,
                      std::vector<std::size_t> shape, bool required) {
  specifications.push_back({std::move(name), std::move(shape), required, !required, false, false,
                            "", 0, TensorRole::plain});
}

std::vector<TensorSpecification> tensor_specifications(const Model& model) {
  std::vector<TensorSpecification> specifications =
      visit_family(*model.family, [&]<class Family>() { return Family::tensors(model); });
  const FamilyDescriptor& family = *model.family;
  if (model.is_head && family.linear) {
    add_feature_tensors(specifications, model, "query", {model.state_size});
  }
  if (family.state_shape != StateShape::stream) {  // a network's heads have their own
    specifications.push_back({"initial",
                              {model.state_value_count()},
                              family.initial_state_required,
                              false,
                              true,
                              false,
                              "",
                              0,
                              TensorRole::plain});
  }
  if (model.is_head) return specifications;
  const std::size_t source = model.readout_source_size();
  const std::string readout_name(family.readout_tensor);
  if (family.single_readout_row) {
    if (model.readout != ReadoutKind::state) {
      add_plain_tensor(specifications, readout_name, {source}, true);
    }
  } else if (model.readout == ReadoutKind::linear) {
    // Any number of output rows: the shape's first extent is taken from the file.
    specifications.push_back(
        {readout_name, {0, source}, true, false, false, false, "", 0, TensorRole::plain});
  } else if (model.readout == ReadoutKind::accept) {
    add_plain_tensor(specifications, readout_name, {source}, true);
  }
  if (model.readout != ReadoutKind::state) {
    // Optional, one value per readout row, never drawn from [random].
    specifications.push_back(
        {"readout_bias", {0}, false, false, false, false, "", 0, TensorRole::plain});
  }
  return specifications;
}

}  // namespace rnncc::model
