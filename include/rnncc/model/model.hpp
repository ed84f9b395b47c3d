// A recurrent model as rnncc compiles it: its family, sizes, number format,
// input kind, readout and parameters (all values already members of the
// format). Read from a TOML file by model_file.hpp; docs/model-spec.md
// documents every key.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/arith/activation.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/arith/format_lowering.hpp"

namespace rnncc::model {

/// The model families of PAPER.md. The first five are nonlinear, the next
/// eight linear (S_t = A_t S_{t-1} + b_t); `network` stacks heads of the
/// others.
enum class Family {
  relu_rnn,
  mlp_rnn,
  elman,
  gru,
  lstm,
  diagonal,
  pd,
  dplr,
  deltanet,
  gated_deltanet,
  rwkv7,
  dense,
  wfa,
  network,  ///< a stack of sublayers of heads and feed-forward networks (PAPER.md "Layers")
};

/// The spelling in model files: "relu-rnn", "mlp-rnn", "elman", "gru",
/// "lstm", "diagonal", "pd", "dplr", "deltanet", "gated-deltanet", "rwkv7",
/// "dense", "wfa", "network".
std::string_view name_of(Family family);

/// The family spelled `name`, or std::nullopt.
std::optional<Family> parse_family(std::string_view name);

/// True for the linear families: their step is an affine map of the state
/// whose coefficients depend on the input only, so a scan applies. False
/// for `network` (see supports_scan).
bool is_linear(Family family);

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

/// One layer of a stacked torch-style recurrence (elman, gru, lstm): input
/// weights [gates·d × inputs] and biases, recurrent weights [gates·d × d].
struct RecurrentLayer {
  Feature input;     ///< W_ih x + b_ih (token inputs: per symbol, first layer only)
  Matrix recurrent;  ///< W_hh
  std::vector<mpq_class> recurrent_bias;  ///< b_hh
};

/// One ReLU layer of an mlp-rnn: y = relu(W · in + b).
struct DenseLayer {
  Matrix weight;
  std::vector<mpq_class> bias;
};

struct Model;

/// The two kinds of sublayer of a network (PAPER.md Defs 7 and 8).
enum class SublayerKind {
  heads,        ///< x ↦ x + O · ⟨y_1, ..., y_h⟩, the heads reading x
  feedforward,  ///< x ↦ x + W · relu(U x + u) + w
};

/// One sublayer of a network. Heads are models of the other families with
/// vector inputs of the network's width; a linear head outputs q_tᵀ S
/// (model.hpp's Model::query_reads_previous says which S), a nonlinear
/// head its (last layer's) h_t.
struct Sublayer {
  SublayerKind kind = SublayerKind::heads;
  std::vector<Model> heads;          ///< heads: in order; their outputs are concatenated
  Matrix output;                     ///< heads: O [width × Σ head outputs]
  Matrix up;                         ///< feedforward: U [hidden × width]
  std::vector<mpq_class> up_bias;    ///< feedforward: u [hidden]
  Matrix down;                       ///< feedforward: W [width × hidden]
  std::vector<mpq_class> down_bias;  ///< feedforward: w [width]
};

/// A model ready to be interpreted or compiled.
struct Model {
  std::string name;  ///< the file's stem, or `name = ...`
  Family family = Family::diagonal;
  arith::Format format = arith::ExactFormat{};
  InputSpec input;

  /// Hidden size d (nonlinear families), state rows (linear families; the
  /// key dimension for deltanet, gated-deltanet and rwkv7).
  std::size_t state_size = 0;
  /// State columns m of linear families (the value dimension for deltanet,
  /// gated-deltanet and rwkv7; 1 otherwise).
  std::size_t state_columns = 1;

  /// The initial state, row-major (nonlinear: per layer h, then c for lstm;
  /// network: each head's state in order, then the top sublayer's x).
  std::vector<mpq_class> initial_state;

  // --- nonlinear families -----------------------------------------------------
  arith::Activation activation = arith::Activation::tanh;  ///< elman
  std::vector<RecurrentLayer> recurrent_layers;            ///< elman, gru, lstm
  Matrix transition;                                       ///< relu-rnn: A
  Feature drive;                                           ///< relu-rnn: B x + c
  std::vector<DenseLayer> mlp_layers;                      ///< mlp-rnn, the first reads [h; x]
  Feature mlp_input;  ///< mlp-rnn: the x part (identity or table)

  // --- linear families: features named as in docs/model-spec.md -----------------
  /// diagonal `a`, `b`; pd `a`, `b`; dplr `a`, `u`, `w`, `b`; dense `A`,
  /// `b`; deltanet `k`, `v`, `beta`; gated-deltanet also `alpha`; rwkv7 `w`,
  /// `kappa`, `a`, `k`, `v`, `lambda`; Mamba-style diagonal `delta`, `b`;
  /// wfa `A` (each symbol's M transposed: h_t = M_symbolᵀ h_{t-1}) and `b` = 0.
  std::vector<std::pair<std::string, Feature>> features;
  /// pd: σ_symbol(i) for each symbol and row: (A h)_i = a_i · h_{σ(i)}.
  std::vector<std::vector<std::size_t>> permutations;
  /// Mamba-style diagonal: a = exp(softplus(delta(x)) · decay), b scaled by
  /// softplus(delta(x)).
  bool mamba = false;
  std::vector<mpq_class> decay;

  // --- networks -------------------------------------------------------------
  /// The width d of the residual stream x.
  std::size_t width = 0;
  /// x^0_t: the embedding of the input (a token's row, or E x + e).
  Feature embedding;
  std::vector<Sublayer> sublayers;

  // --- a head inside a network ------------------------------------------------
  bool is_head = false;
  /// A linear head outputs q_tᵀ S_{t-1} (true, PAPER.md / the paper's §2.4)
  /// or q_tᵀ S_t (false), q_t = Q x_t + q being its feature `query`.
  bool query_reads_previous = true;

  // --- readout -------------------------------------------------------------
  ReadoutKind readout = ReadoutKind::state;
  Matrix readout_weights;  ///< linear: O; accept: o as a 1-row matrix

  /// The feature called `name` (std::logic_error if the family has none).
  const Feature& feature(std::string_view name) const;
  /// Number of layers of a stacked recurrence (1 for other families).
  std::size_t layer_count() const;
  /// Number of values in the state (see initial_state).
  std::size_t state_value_count() const;
  /// Number of values in the readout vector r(S): for a network the width.
  std::size_t readout_source_size() const;
  /// Number of values a head outputs: the state's columns for a linear
  /// head, the hidden size for a nonlinear one.
  std::size_t head_output_size() const;
};

/// True when a scan applies: a linear family, or a network all of whose
/// heads are linear (each sublayer is then scanned in turn).
bool supports_scan(const Model& model);

}  // namespace rnncc::model
