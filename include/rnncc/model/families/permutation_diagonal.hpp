// pd: S_t = P(x_t) D(x_t) S_{t-1} + b(x_t), the permutation-diagonal linear
// RNN: (A h)_i = a_i · h_{σ(i)} with a permutation σ chosen per symbol
// (the paper's Thm 7 and Thm 8: PD LRNNs are deterministic weighted
// automata); a defaults to 1 and b to 0. To track a group element g the
// state moves by σ = g⁻¹ (docs/model-spec.md works the S5 example).
#pragma once

#include <fmt/format.h>

#include <optional>
#include <string_view>

#include "rnncc/model/families/family_base.hpp"

namespace rnncc::model {

/// The map (A h)_i = a_i · h_{σ(i)} + b_i with σ chosen per symbol
/// (`permutations[symbol][i]`) and the features `diagonal` (a) and
/// `offset` (b): the permutation part as one-hot rows selected by the token.
template <class Domain>
AffineMap<Domain> permutation_diagonal_map(
    Domain& domain, const Model& model, const StepInput<Domain>& input,
    const std::vector<std::vector<std::size_t>>& permutations, const Feature& diagonal,
    const Feature& offset) {
  const std::size_t d = model.state_size;
  AffineMap<Domain> map;
  map.rows = d;
  map.columns = model.state_columns;
  map.structure = MapStructure::permutation_diagonal;
  map.diagonal = evaluate_feature(domain, diagonal, input);
  map.offset = evaluate_feature(domain, offset, input);
  for (std::size_t i = 0; i < d; ++i) {
    for (std::size_t k = 0; k < d; ++k) {
      std::vector<bool> flags;
      for (const std::vector<std::size_t>& permutation : permutations)
        flags.push_back(permutation[i] == k);
      map.one_hot.push_back(select_flag_by_token(domain, input.token_bits, flags));
    }
  }
  return map;
}

/// A per-symbol matrix feature whose every row has at most one non-zero
/// entry, restated as (A h)_i = a_i · h_{σ(i)}.
struct MonomialTables {
  /// σ per symbol and row: the column of the row's non-zero entry (the row
  /// itself for a zero row).
  std::vector<std::vector<std::size_t>> columns;
  /// a per symbol and row: the non-zero entry, or 0.
  Feature diagonal;
};

/// The tables of `matrix` (per-symbol rows of d × d entries, row-major)
/// when every row of every symbol's matrix has at most one non-zero entry;
/// std::nullopt otherwise (or for a feature of vector inputs).
inline std::optional<MonomialTables> monomial_tables(const Feature& matrix, std::size_t d) {
  if (matrix.per_symbol.empty()) return std::nullopt;
  MonomialTables tables;
  tables.diagonal.rows = d;
  for (const std::vector<mpq_class>& entries : matrix.per_symbol) {
    std::vector<std::size_t> columns(d);
    std::vector<mpq_class> values(d, mpq_class(0));
    for (std::size_t i = 0; i < d; ++i) {
      columns[i] = i;
      bool seen = false;
      for (std::size_t k = 0; k < d; ++k) {
        if (entries[i * d + k] == 0) continue;
        if (seen) return std::nullopt;
        seen = true;
        columns[i] = k;
        values[i] = entries[i * d + k];
      }
    }
    tables.columns.push_back(std::move(columns));
    tables.diagonal.per_symbol.push_back(std::move(values));
  }
  return tables;
}

struct PermutationDiagonal : LinearFamilyBase<PermutationDiagonal> {
  static constexpr FamilyDescriptor descriptor{
      .name = "pd",
      .equation = "(S_t)_i = a_i(x_t) (S_{t-1})_{σ_x(i)} + b_i(x_t)",
      .linear = true,
      .paper_class = PaperClass::nc1,
      .state_shape = StateShape::vector,
      .state_layout = "S (d values)",
      .token_inputs_only = true,
  };

  struct Parameters final : FamilyParameters {
    /// σ_symbol(i) for each symbol and row.
    std::vector<std::vector<std::size_t>> permutations;
  };

  /// permutation [|alphabet|, d] (integers), and the features a and b.
  static std::vector<TensorSpecification> tensors(const Model& model) {
    std::vector<TensorSpecification> specifications;
    specifications.push_back({"permutation",
                              {model.input.alphabet.size(), model.state_size},
                              true,
                              false,
                              false,
                              true,
                              "",
                              0,
                              TensorRole::plain});
    add_feature_tensors(specifications, model, "a", {model.state_size});
    add_feature_tensors(specifications, model, "b", {model.state_size});
    // An automaton's defaults: a = 1 (a pure permutation), b = 0.
    for (TensorSpecification& specification : specifications) {
      if (specification.feature.empty()) continue;
      specification.required = false;
      specification.random_when_optional = true;
      specification.default_value = specification.feature == "a" ? 1 : 0;
    }
    return specifications;
  }

  static void build(TensorSource& tensors, Model& model) {
    auto parameters = std::make_shared<Parameters>();
    const std::size_t d = model.state_size;
    const std::vector<mpq_class> entries = tensors.values("permutation");
    for (std::size_t symbol = 0; symbol < model.input.alphabet.size(); ++symbol) {
      std::vector<std::size_t> permutation;
      std::vector<bool> seen(d, false);
      for (std::size_t i = 0; i < d; ++i) {
        const mpq_class& entry = entries[symbol * d + i];
        if (entry.get_den() != 1 || entry < 0 || entry >= static_cast<long>(d) ||
            seen[entry.get_num().get_ui()]) {
          tensors.fail(
              "permutation",
              fmt::format("'permutation' row {} (symbol '{}') is not a permutation of 0..{}",
                          symbol, model.input.alphabet[symbol], d - 1));
        }
        seen[entry.get_num().get_ui()] = true;
        permutation.push_back(entry.get_num().get_ui());
      }
      parameters->permutations.push_back(std::move(permutation));
    }
    model.parameters = std::move(parameters);
  }

  template <class Domain>
  static AffineMap<Domain> transition(Domain& domain, const Model& model,
                                      const StepInput<Domain>& input) {
    return permutation_diagonal_map(domain, model, input,
                                    model.parameters_as<Parameters>().permutations,
                                    model.feature("a"), model.feature("b"));
  }
};

}  // namespace rnncc::model
