#include "rnncc/analysis/max_plus_matrix.hpp"

#include <algorithm>
#include <stdexcept>

#include "rnncc/common/error.hpp"

namespace rnncc::analysis {

namespace {

using Entry = MaxPlusMatrix::Entry;

Entry add(Entry a, Entry b) {
  if (a == MaxPlusMatrix::no_path || b == MaxPlusMatrix::no_path) return MaxPlusMatrix::no_path;
  Entry sum = 0;
  if (__builtin_add_overflow(a, b, &sum) || sum == MaxPlusMatrix::no_path)
    throw LimitError("max-plus depth: a path length exceeds 2^63 - 1");
  return sum;
}

}  // namespace

MaxPlusMatrix::MaxPlusMatrix(std::size_t rows, std::size_t columns)
    : rows_(rows), columns_(columns), entries_(rows * columns, no_path) {}

MaxPlusMatrix MaxPlusMatrix::identity(std::size_t size) {
  MaxPlusMatrix matrix(size, size);
  for (std::size_t i = 0; i < size; ++i)
    matrix.at(i, i) = 0;
  return matrix;
}

MaxPlusMatrix compose(const MaxPlusMatrix& first, const MaxPlusMatrix& second) {
  if (first.columns() != second.rows())
    throw std::invalid_argument("max-plus compose: inner dimensions differ");
  MaxPlusMatrix result(first.rows(), second.columns());
  for (std::size_t i = 0; i < first.rows(); ++i) {
    for (std::size_t j = 0; j < first.columns(); ++j) {
      const Entry left = first.at(i, j);
      if (left == MaxPlusMatrix::no_path) continue;
      for (std::size_t k = 0; k < second.columns(); ++k) {
        const Entry right = second.at(j, k);
        if (right == MaxPlusMatrix::no_path) continue;
        Entry& target = result.at(i, k);
        target = std::max(target, add(left, right));
      }
    }
  }
  return result;
}

MaxPlusMatrix elementwise_max(const MaxPlusMatrix& a, const MaxPlusMatrix& b) {
  if (a.rows() != b.rows() || a.columns() != b.columns())
    throw std::invalid_argument("max-plus elementwise_max: shapes differ");
  MaxPlusMatrix result(a.rows(), a.columns());
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < a.columns(); ++j)
      result.at(i, j) = std::max(a.at(i, j), b.at(i, j));
  return result;
}

MaxPlusMatrix power(const MaxPlusMatrix& step, std::uint64_t count) {
  if (step.rows() != step.columns())
    throw std::invalid_argument("max-plus power: the matrix is not square");
  MaxPlusMatrix result = MaxPlusMatrix::identity(step.rows());
  MaxPlusMatrix square = step;
  while (count > 0) {
    if (count & 1U) result = compose(result, square);
    count >>= 1U;
    if (count > 0) square = compose(square, square);
  }
  return result;
}

MaxPlusMatrix compose_all(std::span<const MaxPlusMatrix> sequence) {
  if (sequence.empty()) throw std::invalid_argument("max-plus compose_all: empty sequence");
  std::vector<MaxPlusMatrix> level(sequence.begin(), sequence.end());
  while (level.size() > 1) {
    std::vector<MaxPlusMatrix> next;
    next.reserve((level.size() + 1) / 2);
    for (std::size_t i = 0; i + 1 < level.size(); i += 2)
      next.push_back(compose(level[i], level[i + 1]));
    if (level.size() % 2 == 1) next.push_back(std::move(level.back()));
    level = std::move(next);
  }
  return std::move(level.front());
}

std::vector<Entry> propagate(std::span<const Entry> arrival, const MaxPlusMatrix& matrix) {
  if (arrival.size() != matrix.rows())
    throw std::invalid_argument("max-plus propagate: vector length differs from rows");
  std::vector<Entry> result(matrix.columns(), MaxPlusMatrix::no_path);
  for (std::size_t i = 0; i < matrix.rows(); ++i) {
    if (arrival[i] == MaxPlusMatrix::no_path) continue;
    for (std::size_t j = 0; j < matrix.columns(); ++j)
      result[j] = std::max(result[j], add(arrival[i], matrix.at(i, j)));
  }
  return result;
}

}  // namespace rnncc::analysis
