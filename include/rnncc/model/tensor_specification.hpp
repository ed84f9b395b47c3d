// The weights a model expects: names, shapes and roles, as listed in
// docs/model-spec.md. Each family lists its own (families/*.hpp); the
// tensors every model has (initial state, readout, a head's query) are
// added here.
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
  /// A weight whose columns are the alphabet's symbols (x_t as a one-hot
  /// vector): the feature becomes a per-symbol table of W's columns plus b.
  bool columns_are_symbols = false;
  /// The value of every element of an optional tensor that is absent.
  long default_value = 0;
};

/// Appends the tensors of feature `name` with `dimensions` (empty for a
/// scalar): the table `name` [|alphabet|, dimensions...] for token inputs;
/// `name.weight` [dimensions..., inputs] and the optional `name.bias`
/// [dimensions...] for vector inputs.
void add_feature_tensors(std::vector<TensorSpecification>& specifications, const Model& model,
                         const std::string& name, const std::vector<std::size_t>& dimensions);

/// Appends the plain tensor `name` of `shape`: required, or optional (zeros
/// when absent, drawn from [random] when the file has one).
void add_plain_tensor(std::vector<TensorSpecification>& specifications, std::string name,
                      std::vector<std::size_t> shape, bool required);

/// The tensors a model with these settings (family, sizes, input kind,
/// family settings, readout) expects: the family's, then a linear head's
/// `query`, the initial state and the readout weights, in the order
/// docs/model-spec.md lists them.
std::vector<TensorSpecification> tensor_specifications(const Model& model);

}  // namespace rnncc::model
