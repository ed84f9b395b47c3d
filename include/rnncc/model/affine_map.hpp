// Affine maps S ↦ A·S + b on a d × m state, kept in the cheapest closed
// representation of A (docs/design.md, principle 3): diagonal, permutation-
// diagonal, diagonal-plus-rank-one, or dense. Composition and application
// are written once, generic over the numeric domain.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "rnncc/model/domain.hpp"

namespace rnncc::model {

/// The representation of A.
enum class MapStructure {
  diagonal,              ///< (A h)_i = a_i h_i
  permutation_diagonal,  ///< (A h)_i = a_i h_{σ(i)}, σ as one-hot rows
  low_rank_update,       ///< A = diag(a) − u wᵀ (DPLR, rank one)
  dense,                 ///< A_ij
};

/// "diagonal", "permutation-diagonal", "diagonal-plus-low-rank", "dense".
std::string_view name_of(MapStructure structure);

/// S ↦ A·S + b with S and b of d rows and m columns (row-major).
template <class Domain>
struct AffineMap {
  using Number = typename Domain::Number;
  using Boolean = typename Domain::Boolean;

  MapStructure structure = MapStructure::diagonal;
  std::size_t rows = 0;             ///< d
  std::size_t columns = 1;          ///< m
  std::vector<Number> diagonal;     ///< a (all but dense)
  std::vector<Boolean> one_hot;     ///< permutation_diagonal: d × d, row i true at σ(i)
  std::vector<Number> left, right;  ///< low_rank_update: u, w
  std::vector<Number> matrix;       ///< dense: d × d row-major
  std::vector<Number> offset;       ///< b: d × m row-major
};

/// A's entry (i, k) as a number (0 where the structure has none).
template <class Domain>
typename Domain::Number map_entry(Domain& domain, const AffineMap<Domain>& map, std::size_t i,
                                  std::size_t k) {
  switch (map.structure) {
    case MapStructure::diagonal:
      return i == k ? map.diagonal[i] : domain.constant(0);
    case MapStructure::permutation_diagonal:
      return domain.select(map.one_hot[i * map.rows + k], map.diagonal[i], domain.constant(0));
    case MapStructure::low_rank_update: {
      auto update = domain.multiply(map.left[i], map.right[k]);
      return i == k ? domain.subtract(map.diagonal[i], update) : domain.negate(update);
    }
    case MapStructure::dense:
      return map.matrix[i * map.rows + k];
  }
  return domain.constant(0);
}

/// A·S for a d × m matrix S (row-major), using A's structure: d·m products
/// for diagonal and permutation-diagonal, 3·d·m for low-rank updates, d²·m
/// for dense.
template <class Domain>
std::vector<typename Domain::Number> apply_linear_part(
    Domain& domain, const AffineMap<Domain>& map,
    const std::vector<typename Domain::Number>& state) {
  using Number = typename Domain::Number;
  const std::size_t d = map.rows;
  const std::size_t m = map.columns;
  std::vector<Number> result(d * m, Number{});
  for (std::size_t column = 0; column < m; ++column) {
    auto entry = [&](std::size_t row) { return state[row * m + column]; };
    std::vector<Number> projection;
    if (map.structure == MapStructure::low_rank_update) {
      std::vector<Number> state_column;
      for (std::size_t row = 0; row < d; ++row)
        state_column.push_back(entry(row));
      projection.push_back(dot(domain, map.right, state_column));  // wᵀ S_column
    }
    for (std::size_t i = 0; i < d; ++i) {
      Number value{};
      switch (map.structure) {
        case MapStructure::diagonal:
          value = domain.multiply(map.diagonal[i], entry(i));
          break;
        case MapStructure::permutation_diagonal: {
          Number chosen = entry(d - 1);  // σ(i) is d-1 when no earlier column is chosen
          for (std::size_t k = d - 1; k-- > 0;) {
            chosen = domain.select(map.one_hot[i * d + k], entry(k), chosen);
          }
          value = domain.multiply(map.diagonal[i], chosen);
          break;
        }
        case MapStructure::low_rank_update:
          value = domain.subtract(domain.multiply(map.diagonal[i], entry(i)),
                                  domain.multiply(map.left[i], projection.front()));
          break;
        case MapStructure::dense: {
          std::vector<Number> row(map.matrix.begin() + static_cast<std::ptrdiff_t>(i * d),
                                  map.matrix.begin() + static_cast<std::ptrdiff_t>((i + 1) * d));
          std::vector<Number> state_column;
          for (std::size_t k = 0; k < d; ++k)
            state_column.push_back(entry(k));
          value = dot(domain, row, state_column);
          break;
        }
      }
      result[i * m + column] = value;
    }
  }
  return result;
}

/// A·S + b.
template <class Domain>
std::vector<typename Domain::Number> apply_map(Domain& domain, const AffineMap<Domain>& map,
                                               const std::vector<typename Domain::Number>& state) {
  std::vector<typename Domain::Number> result = apply_linear_part(domain, map, state);
  for (std::size_t i = 0; i < result.size(); ++i) {
    result[i] = domain.add(result[i], map.offset[i]);
  }
  return result;
}

/// later ∘ earlier = (A2·A1, A2·b1 + b2): applying the result equals
/// applying `earlier`, then `later`. Diagonal ∘ diagonal stays diagonal
/// (d products); diagonal and permutation-diagonal compose to
/// permutation-diagonal (a composition of the one-hot rows and d
/// products); anything with a low-rank update or dense part becomes dense.
template <class Domain>
AffineMap<Domain> compose(Domain& domain, const AffineMap<Domain>& later,
                          const AffineMap<Domain>& earlier) {
  using Number = typename Domain::Number;
  using Boolean = typename Domain::Boolean;
  const std::size_t d = later.rows;
  AffineMap<Domain> result;
  result.rows = d;
  result.columns = later.columns;
  std::vector<Number> carried = apply_linear_part(domain, later, earlier.offset);
  for (std::size_t i = 0; i < carried.size(); ++i) {
    result.offset.push_back(domain.add(carried[i], later.offset[i]));
  }
  const bool later_permutes = later.structure == MapStructure::permutation_diagonal;
  const bool earlier_permutes = earlier.structure == MapStructure::permutation_diagonal;
  const bool later_simple = later.structure == MapStructure::diagonal || later_permutes;
  const bool earlier_simple = earlier.structure == MapStructure::diagonal || earlier_permutes;
  if (later.structure == MapStructure::diagonal && earlier.structure == MapStructure::diagonal) {
    result.structure = MapStructure::diagonal;
    for (std::size_t i = 0; i < d; ++i) {
      result.diagonal.push_back(domain.multiply(later.diagonal[i], earlier.diagonal[i]));
    }
    return result;
  }
  if (later_simple && earlier_simple) {
    // (A2 A1 h)_i = a2_i · a1_{σ2(i)} · h_{σ1(σ2(i))}.
    auto is_edge = [&](const AffineMap<Domain>& map, std::size_t i, std::size_t k) -> Boolean {
      if (map.structure == MapStructure::permutation_diagonal) return map.one_hot[i * d + k];
      return domain.boolean_constant(i == k);
    };
    result.structure = MapStructure::permutation_diagonal;
    for (std::size_t i = 0; i < d; ++i) {
      Number chosen = earlier.diagonal[d - 1];
      for (std::size_t k = d - 1; k-- > 0;) {
        chosen = domain.select(is_edge(later, i, k), earlier.diagonal[k], chosen);
      }
      result.diagonal.push_back(domain.multiply(later.diagonal[i], chosen));
    }
    for (std::size_t i = 0; i < d; ++i) {
      for (std::size_t k = 0; k < d; ++k) {
        // σ1(σ2(i)) = k: some j with σ2(i) = j and σ1(j) = k.
        Boolean any = domain.boolean_constant(false);
        for (std::size_t j = 0; j < d; ++j) {
          Boolean both = domain.select_boolean(is_edge(later, i, j), is_edge(earlier, j, k),
                                               domain.boolean_constant(false));
          any = domain.select_boolean(both, domain.boolean_constant(true), any);
        }
        result.one_hot.push_back(any);
      }
    }
    return result;
  }
  result.structure = MapStructure::dense;
  std::vector<Number> later_dense;
  std::vector<Number> earlier_dense;
  for (std::size_t i = 0; i < d; ++i) {
    for (std::size_t k = 0; k < d; ++k) {
      later_dense.push_back(map_entry(domain, later, i, k));
      earlier_dense.push_back(map_entry(domain, earlier, i, k));
    }
  }
  for (std::size_t i = 0; i < d; ++i) {
    for (std::size_t k = 0; k < d; ++k) {
      std::vector<Number> row;
      std::vector<Number> column;
      for (std::size_t j = 0; j < d; ++j) {
        row.push_back(later_dense[i * d + j]);
        column.push_back(earlier_dense[j * d + k]);
      }
      result.matrix.push_back(dot(domain, row, column));
    }
  }
  return result;
}

}  // namespace rnncc::model
