// One step's input in a numeric domain, and the input-dependent parameters
// (features) it selects or computes.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <type_traits>
#include <vector>

#include "rnncc/model/domain.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::model {

/// The input x_t: for token inputs the bits of the symbol's code (least
/// significant first), for vector inputs the values.
template <class Domain>
struct StepInput {
  std::vector<typename Domain::Boolean> token_bits;
  std::vector<typename Domain::Number> values;
};

/// The symbol whose row the code in `bits` (least significant first)
/// selects: the code itself, or the last symbol for codes at or beyond
/// `symbol_count`.
inline std::size_t symbol_of_code(const std::vector<bool>& bits, std::size_t symbol_count) {
  std::size_t code = 0;
  for (std::size_t bit = 0; bit < bits.size(); ++bit)
    if (bits[bit]) code |= std::size_t{1} << bit;
  return code < symbol_count ? code : symbol_count - 1;
}

/// The row `row` of a per-symbol table selected by the code in `bits`: a
/// balanced tree of selects, least significant bit at the leaves. Codes at
/// or beyond the alphabet's size select the last symbol.
template <class Domain>
typename Domain::Number select_by_token(Domain& domain,
                                        const std::vector<typename Domain::Boolean>& bits,
                                        const std::vector<std::vector<mpq_class>>& per_symbol,
                                        std::size_t row) {
  if constexpr (std::is_same_v<typename Domain::Boolean, bool>) {
    // Known bits (the reference interpreter): the code picks the row the
    // tree would, without building the tree's 2^bits leaves.
    return domain.constant(per_symbol[symbol_of_code(bits, per_symbol.size())][row]);
  }
  const std::size_t code_count = std::size_t{1} << bits.size();
  std::vector<typename Domain::Number> level;
  level.reserve(code_count);
  for (std::size_t code = 0; code < code_count; ++code) {
    const std::size_t symbol = code < per_symbol.size() ? code : per_symbol.size() - 1;
    level.push_back(domain.constant(per_symbol[symbol][row]));
  }
  for (std::size_t bit = 0; bit < bits.size(); ++bit) {
    std::vector<typename Domain::Number> next;
    next.reserve(level.size() / 2);
    for (std::size_t i = 0; i < level.size(); i += 2) {
      next.push_back(domain.select(bits[bit], level[i + 1], level[i]));
    }
    level = std::move(next);
  }
  return level.front();
}

/// The Boolean version of select_by_token for a per-symbol table of flags.
template <class Domain>
typename Domain::Boolean select_flag_by_token(Domain& domain,
                                              const std::vector<typename Domain::Boolean>& bits,
                                              const std::vector<bool>& per_symbol) {
  if constexpr (std::is_same_v<typename Domain::Boolean, bool>) {
    return domain.boolean_constant(per_symbol[symbol_of_code(bits, per_symbol.size())]);
  }
  const std::size_t code_count = std::size_t{1} << bits.size();
  std::vector<typename Domain::Boolean> level;
  level.reserve(code_count);
  for (std::size_t code = 0; code < code_count; ++code) {
    const std::size_t symbol = code < per_symbol.size() ? code : per_symbol.size() - 1;
    level.push_back(domain.boolean_constant(per_symbol[symbol]));
  }
  for (std::size_t bit = 0; bit < bits.size(); ++bit) {
    std::vector<typename Domain::Boolean> next;
    next.reserve(level.size() / 2);
    for (std::size_t i = 0; i < level.size(); i += 2) {
      next.push_back(domain.select_boolean(bits[bit], level[i + 1], level[i]));
    }
    level = std::move(next);
  }
  return level.front();
}

/// p(x_t) for the feature `feature`: the symbol's row for token inputs;
/// weight · x + bias for vector inputs (each row a balanced sum of the
/// products, then + bias).
template <class Domain>
std::vector<typename Domain::Number> evaluate_feature(Domain& domain, const Feature& feature,
                                                      const StepInput<Domain>& input) {
  std::vector<typename Domain::Number> result;
  result.reserve(feature.rows);
  for (std::size_t row = 0; row < feature.rows; ++row) {
    if (!feature.per_symbol.empty()) {
      result.push_back(select_by_token(domain, input.token_bits, feature.per_symbol, row));
      continue;
    }
    std::vector<typename Domain::Number> products;
    products.reserve(input.values.size());
    for (std::size_t column = 0; column < input.values.size(); ++column) {
      products.push_back(
          domain.multiply(domain.constant(feature.weight[row][column]), input.values[column]));
    }
    result.push_back(
        domain.add(balanced_sum(domain, std::move(products)), domain.constant(feature.bias[row])));
  }
  return result;
}

/// matrix · vector with constant coefficients: each row a balanced sum.
template <class Domain>
std::vector<typename Domain::Number> multiply_constant_matrix(
    Domain& domain, const Matrix& matrix, const std::vector<typename Domain::Number>& vector) {
  std::vector<typename Domain::Number> result;
  result.reserve(matrix.rows);
  for (std::size_t row = 0; row < matrix.rows; ++row) {
    std::vector<typename Domain::Number> products;
    products.reserve(matrix.columns);
    for (std::size_t column = 0; column < matrix.columns; ++column) {
      products.push_back(domain.multiply(domain.constant(matrix.at(row, column)), vector[column]));
    }
    result.push_back(balanced_sum(domain, std::move(products)));
  }
  return result;
}

}  // namespace rnncc::model
