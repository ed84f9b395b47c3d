// Building blocks of the RWKV-7 networks the constructions write (`wfa`,
// `imm`): affine features of the residual stream, RWKV-7 heads and
// feed-forward sublayers as model-file text, and the cyclic position head.
//
// Conventions of rnncc's rwkv7 family (docs/model-spec.md): the state S is
// key × value and moves by S_t = (diag(w) − (λκ)(a ⊙ κ)ᵀ) S_{t−1} + k vᵀ,
// i.e. each column of S is multiplied on the left; a head outputs q_tᵀ S.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "rnncc/io/model_writer.hpp"

namespace rnncc::experiment::constructions {

/// An affine feature of the residual stream x (width columns):
/// p(x) = weight · x + bias, with `rows` values (rows = 0 for a scalar
/// feature, which has one value and is written with shape []).
struct AffineFeature {
  AffineFeature(std::size_t rows, std::size_t width);
  /// Adds `value` to weight[row][column].
  void add(std::size_t row, std::size_t column, const mpq_class& value);
  /// Adds `value` to bias[row].
  void add_bias(std::size_t row, const mpq_class& value);
  /// Sets every bias to `value`.
  void fill_bias(const mpq_class& value);

  std::size_t rows;  ///< 0 for a scalar
  std::size_t width;
  std::vector<mpq_class> weight;  ///< max(rows, 1) × width, row-major
  std::vector<mpq_class> bias;    ///< max(rows, 1)
};

/// One rwkv7 head reading the residual stream (key × value state).
struct Rwkv7Head {
  Rwkv7Head(std::size_t key, std::size_t value, std::size_t width);

  std::size_t key;
  std::size_t value;
  AffineFeature w, kappa, a, k, v, lambda, query;
  std::vector<mpq_class> initial;  ///< S_0, key × value, row-major (zero by default)
  std::string comment;             ///< written above the head
};

/// A heads sublayer: its heads and O (width × total head outputs).
struct HeadsSublayer {
  std::vector<Rwkv7Head> heads;
  std::vector<mpq_class> output;  ///< row-major, width × Σ value
  std::string comment;
};

/// A feed-forward sublayer x ← x + W relu(U x + u).
struct FeedForwardSublayer {
  std::size_t hidden = 0;
  std::vector<mpq_class> up_weight;    ///< hidden × width
  std::vector<mpq_class> up_bias;      ///< hidden
  std::vector<mpq_class> down_weight;  ///< width × hidden
  std::string comment;
};

/// Writes `[[sublayer]]` for a heads sublayer of a network of `width`.
void write_heads_sublayer(io::ModelFileWriter& file, const HeadsSublayer& sublayer,
                          std::size_t width);
/// Writes `[[sublayer]]` for a feed-forward sublayer of a network of `width`.
void write_feedforward_sublayer(io::ModelFileWriter& file, const FeedForwardSublayer& sublayer,
                                std::size_t width);

/// The cyclic position head: an rwkv7 head of key and value `period` whose
/// output after step t is the one-hot vector of c_t mod `period`, where c_t
/// counts the steps so far, or, given `indicator` (a residual index holding
/// 0 or 1), the steps at which that entry was 1.
///
/// Its transition is A = diag(d) − 1 cᵀ with distinct integers d_i and c
/// chosen (Lagrange interpolation) so that det(xI − A) = x^period − 1: A has
/// the period-th roots of unity as distinct eigenvalues, so A^period = I,
/// and for a vector r whose Krylov rows rᵀA^s (s < period) form an
/// invertible K, the start S_0 = K⁻¹ makes rᵀ A^c S_0 = e_{c mod period}.
/// With an indicator s, the step is I + s (A − I), still DPLR and linear in
/// s. Values stay bounded: the head needs constant precision.
Rwkv7Head cyclic_position_head(std::size_t period, std::size_t width,
                               std::optional<std::size_t> indicator);

}  // namespace rnncc::experiment::constructions
