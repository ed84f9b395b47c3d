// The weights each family expects: names, shapes and roles, as listed in
// docs/model-spec.md.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "rnncc/model/model.hpp"

namespace rnncc::model {

/// How a tensor enters a feature (model.hpp's Feature).
enum class TensorRole {
  plain,       ///< a constant parameter (matrix, vector, initial state, readout)
  per_symbol,  ///< feature table [|alphabet|, rows...]
  weight,      ///< feature weight [rows..., columns]; for token inputs the columns are the symbols
  bias,        ///< feature bias [rows...]
};

/// One expected tensor.
struct TensorSpecification {
  std::string name;
  std::vector<std::size_t> shape;
  bool required = true;
  bool random_when_optional = false;  ///< optional, but drawn from [random] when present
  bool any_shape_with_count = false;  ///< any shape with the same element count is accepted
  bool integer_valued = false;        ///< kept as integers, not converted into the format
  std::string feature;                ///< the feature it belongs to (empty for plain tensors)
  std::size_t feature_rows = 0;       ///< the feature's row count
  TensorRole role = TensorRole::plain;
};

/// The tensors a model with these settings (family, sizes, input kind,
/// layers, hidden widths, parameterization, readout) expects, in the order
/// docs/model-spec.md lists them.
std::vector<TensorSpecification> tensor_specifications(const Model& model);

}  // namespace rnncc::model
