// A recurrent model as rnncc compiles it: its family, sizes, number format,
// input kind, readout and parameters (all values already members of the
// format). Read from a TOML file by io/model_file.hpp; docs/model-spec.md
// documents every key; each family's own parameters are defined in its
// header under model/families/.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/arith/activation.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/arith/format_lowering.hpp"
#include "rnncc/model/family.hpp"

namespace rnncc::model {

/// An input-dependent parameter p(x) with `rows` entries. Token inputs give
/// one row of values per symbol (`per_symbol[symbol][row]`); vector inputs
/// give p(x) = weight · x + bias (`weight[row][column]`, `bias[row]`).
struct Feature {
  std::size_t rows = 0;
  std::vector<std::vector<mpq_class>> per_symbol;
  std::vector<std::vector<mpq_class>> weight;
  std::vector<mpq_class> bias;
};

/// A constant matrix, row-major.
struct Matrix {
  std::size_t rows = 0;
  std::size_t columns = 0;
  std::vector<mpq_class> values;

  const mpq_class& at(std::size_t row, std::size_t column) const {
    return values[row * columns + column];
  }
};

/// What the model reads at each step.
struct InputSpec {
  /// Token inputs: the alphabet's symbols (at least one); the circuit reads
  /// ⌈log2 |alphabet|⌉ bits per step (none for one symbol).
  std::vector<std::string> alphabet;
  /// Vector inputs: the number of values per step (0 for token inputs).
  std::size_t dimension = 0;
  /// Vector inputs in `exact`: the admissible values k / denominator for
  /// the integers k in [low, high].
  arith::ExactDomain exact_domain{-1, 1, 1};

  bool is_tokens() const { return dimension == 0; }
  /// Number of bits that encode one token (0 for vector inputs).
  std::size_t token_bits() const;
};

/// What the model outputs after each step, from its readout vector r(S)
/// (the state for linear families, the last layer's h otherwise).
enum class ReadoutKind {
  state,   ///< r(S) itself
  linear,  ///< O · r(S)
  accept,  ///< the Boolean o^T r(S) > 0
};

/// A model ready to be interpreted or compiled: what every family has in
/// common, and its family's own parameters.
struct Model {
  std::string name;  ///< the file's stem, or `name = ...`
  /// The family (one of registry.hpp's); never null in a model that was read.
  const FamilyDescriptor* family = nullptr;
  arith::Format format = arith::ExactFormat{};
  InputSpec input;

  /// Hidden size d (nonlinear families), state rows (linear families; the
  /// key dimension for matrix states); a network's stream width.
  std::size_t state_size = 0;
  /// State columns m of linear families (the value dimension of matrix
  /// states; 1 otherwise).
  std::size_t state_columns = 1;

  /// The initial state, row-major in the family's state layout.
  std::vector<mpq_class> initial_state;

  /// The input-dependent parameters p(x_t), by name (docs/model-spec.md).
  std::vector<std::pair<std::string, Feature>> features;
  /// The family's own parameters (its FamilyParameters subclass).
  std::shared_ptr<const FamilyParameters> parameters;

  // --- a head inside a network ------------------------------------------------
  bool is_head = false;
  /// A linear head outputs q_tᵀ S_{t-1} (true, the paper's head output) or
  /// q_tᵀ S_t (false), q_t = Q x_t + q being its feature `query`.
  bool query_reads_previous = true;

  // --- readout -------------------------------------------------------------
  ReadoutKind readout = ReadoutKind::state;
  Matrix readout_weights;  ///< linear: O; accept: o as a 1-row matrix
  /// linear: c in O · r + c; accept: c in o^T r + c > 0 (one per row;
  /// empty when the model has none).
  std::vector<mpq_class> readout_bias;

  /// The feature called `name` (std::logic_error if the model has none).
  const Feature& feature(std::string_view name) const;
  /// Number of values in the state (see initial_state).
  std::size_t state_value_count() const;
  /// Number of values in the readout vector r(S) (a network: its width).
  std::size_t readout_source_size() const;
  /// Number of values a head outputs: the state's columns for a linear
  /// head, the hidden size for a nonlinear one.
  std::size_t head_output_size() const;
  /// The family's parameters as its own type `Parameters`.
  template <class Parameters>
  const Parameters& parameters_as() const {
    return static_cast<const Parameters&>(*parameters);
  }
};

}  // namespace rnncc::model
