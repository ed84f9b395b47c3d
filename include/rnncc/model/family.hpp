// What every model family declares about itself, and the two interfaces
// through which a model file's reader hands a family its settings and its
// weights. Each family is one header under model/families/; registry.hpp
// lists them.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rnncc::model {

/// The column of the paper's Figure 1 (docs/paper.md) a family belongs to.
enum class PaperClass {
  tc0,        ///< diagonal and time-invariant linear RNNs
  nc1,        ///< permutation-diagonal linear RNNs
  pnc1,       ///< diagonal-plus-low-rank and general linear RNNs over Q
  nonlinear,  ///< nonlinear RNNs: L with log precision, P with poly precision
  composite,  ///< a network: the class of its heads
};

/// How a model file gives the state's size.
enum class StateShape {
  vector,  ///< `state = d`: d values per layer
  matrix,  ///< `key = d`, `value = m`: a d × m matrix
  stream,  ///< `width = d`: a network's residual stream
};

/// A family's constant facts, read by the model file reader, the compiler's
/// checks, the growth report's expectations and the error messages.
struct FamilyDescriptor {
  std::string_view name;      ///< the spelling in model files, e.g. "relu-rnn"
  std::string_view equation;  ///< the step in one line, for listings
  /// The step is an affine map of the state whose coefficients depend on
  /// the input only, S_t = A(x_t) S_{t-1} + b(x_t): a scan applies.
  bool linear = false;
  PaperClass paper_class = PaperClass::nonlinear;
  StateShape state_shape = StateShape::vector;
  /// How the state vector is laid out, for listings and docs.
  std::string_view state_layout = {};
  /// Its parameters are chosen per symbol: token inputs only, and never a
  /// head of a network (heads read the network's vectors).
  bool token_inputs_only = false;
  /// The model-file keys of this family beyond the common ones.
  std::span<const std::string_view> settings = {};
  /// The initial state must be given (otherwise it defaults to zeros).
  bool initial_state_required = false;
  /// The readout weights' tensor name, and whether it is a single row
  /// (otherwise a linear readout takes any number of rows).
  std::string_view readout_tensor = "readout";
  bool single_readout_row = false;
  /// The readout when the file has no [readout] table: the state itself,
  /// or a linear readout.
  bool linear_readout_by_default = false;
};

/// The parameters only one family has (its weights in the model's format,
/// and its settings). Each family derives its own; a Model holds them
/// behind this base.
struct FamilyParameters {
  virtual ~FamilyParameters() = default;
};

/// A family's settings as the model file gives them (the keys listed in
/// FamilyDescriptor::settings). Every accessor returns std::nullopt for an
/// absent key and throws InputError naming the file and line for a value
/// of the wrong kind or outside its range.
class SettingsSource {
 public:
  virtual ~SettingsSource() = default;
  /// A string value.
  virtual std::optional<std::string> text(std::string_view key) const = 0;
  /// An integer in [minimum, maximum].
  virtual std::optional<std::size_t> size(std::string_view key, std::size_t minimum,
                                          std::size_t maximum) const = 0;
  /// An array of integers, each in [minimum, maximum].
  virtual std::optional<std::vector<std::size_t>> sizes(std::string_view key, std::size_t minimum,
                                                        std::size_t maximum) const = 0;
  /// Throws InputError: `message` about the value of `key`, at its line.
  [[noreturn]] virtual void fail(std::string_view key, const std::string& message) const = 0;
};

/// A model's weights as the model file gives them, each tensor named and
/// shaped as the family's tensor specifications say (tensor_specification.hpp).
class TensorSource {
 public:
  virtual ~TensorSource() = default;
  /// The elements of tensor `name` in row-major order, converted into the
  /// model's format (integer-valued tensors as given).
  virtual std::vector<mpq_class> values(std::string_view name) = 0;
  /// Throws InputError: `message` about tensor `name`, naming where it came from.
  [[noreturn]] virtual void fail(std::string_view name, const std::string& message) = 0;
};

}  // namespace rnncc::model
