// Matrices over the (max, +) semiring: longest-path lengths between the
// input bits and output bits of circuits, composed associatively.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace rnncc::analysis {

/// entry(i, j) = length of the longest path from input bit i to output bit
/// j, or no_path. Composition is the (max, +) product, which is
/// associative, so T identical steps compose in O(log T) products.
class MaxPlusMatrix {
 public:
  using Entry = std::int64_t;
  /// −∞ of the semiring: no path.
  static constexpr Entry no_path = std::numeric_limits<Entry>::min();

  MaxPlusMatrix() = default;
  /// A rows × columns matrix of no_path.
  MaxPlusMatrix(std::size_t rows, std::size_t columns);
  /// The unit of composition: 0 on the diagonal, no_path elsewhere.
  static MaxPlusMatrix identity(std::size_t size);

  std::size_t rows() const { return rows_; }
  std::size_t columns() const { return columns_; }
  Entry at(std::size_t row, std::size_t column) const { return entries_[row * columns_ + column]; }
  Entry& at(std::size_t row, std::size_t column) { return entries_[row * columns_ + column]; }
  bool operator==(const MaxPlusMatrix&) const = default;

 private:
  std::size_t rows_ = 0, columns_ = 0;
  std::vector<Entry> entries_;
};

/// `first` then `second`: result(i, k) = max over j of first(i, j) +
/// second(j, k) (no_path absorbs). Throws std::invalid_argument when
/// first.columns() != second.rows(), LimitError when a length exceeds 2^63.
MaxPlusMatrix compose(const MaxPlusMatrix& first, const MaxPlusMatrix& second);

/// Entry-wise max of two matrices of the same shape: the paths of either.
MaxPlusMatrix elementwise_max(const MaxPlusMatrix& a, const MaxPlusMatrix& b);

/// `step` composed with itself `count` times (identity for 0) by repeated
/// squaring: at most 2·log2(count) products. `step` must be square.
MaxPlusMatrix power(const MaxPlusMatrix& step, std::uint64_t count);

/// sequence[0] then sequence[1] then …, composed as a balanced tree (the
/// same result as left to right, by associativity). Throws
/// std::invalid_argument for an empty sequence.
MaxPlusMatrix compose_all(std::span<const MaxPlusMatrix> sequence);

/// The row vector `arrival` (longest path ending at each input bit) pushed
/// through `matrix`: result[j] = max over i of arrival[i] + matrix(i, j).
std::vector<MaxPlusMatrix::Entry> propagate(std::span<const MaxPlusMatrix::Entry> arrival,
                                            const MaxPlusMatrix& matrix);

}  // namespace rnncc::analysis
