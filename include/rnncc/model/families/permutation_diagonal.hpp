// pd: S_t = P(x_t) D(x_t) S_{t-1} + b(x_t), the permutation-diagonal linear
// RNN: (A h)_i = a_i · h_{σ(i)} with a permutation σ chosen per symbol
// (the paper's Thm 7 and Thm 8: PD LRNNs are deterministic weighted automata).
#pragma once

#include <fmt/format.h>

#include <string_view>

#include "rnncc/model/families/family_base.hpp"

namespace rnncc::model {

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
    const Parameters& parameters = model.parameters_as<Parameters>();
    const std::size_t d = model.state_size;
    AffineMap<Domain> map;
    map.rows = d;
    map.columns = model.state_columns;
    map.structure = MapStructure::permutation_diagonal;
    map.diagonal = feature_at(domain, model, "a", input);
    map.offset = feature_at(domain, model, "b", input);
    for (std::size_t i = 0; i < d; ++i) {
      for (std::size_t k = 0; k < d; ++k) {
        std::vector<bool> flags;
        for (const std::vector<std::size_t>& permutation : parameters.permutations)
          flags.push_back(permutation[i] == k);
        map.one_hot.push_back(select_flag_by_token(domain, input.token_bits, flags));
      }
    }
    return map;
  }
};

}  // namespace rnncc::model
