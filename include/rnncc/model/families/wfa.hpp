// wfa: a weighted finite automaton over Q, h_t = M_{x_t}ᵀ h_{t-1} with one
// matrix per symbol, initial vector h_0 and final vector (the paper's WFA,
// Thm 6). It steps as a dense linear RNN whose feature A is each symbol's
// transposed matrix and whose b is 0.
#pragma once

#include <string_view>

#include "rnncc/model/families/dense.hpp"

namespace rnncc::model {

struct Wfa : LinearFamilyBase<Wfa> {
  static constexpr FamilyDescriptor descriptor{
      .name = "wfa",
      .equation = "h_t = M_{x_t}^T h_{t-1}, output final^T h_t",
      .linear = true,
      .paper_class = PaperClass::pnc1,
      .state_shape = StateShape::vector,
      .state_layout = "h (d values)",
      .token_inputs_only = true,
      .initial_state_required = true,
      .readout_tensor = "final",
      .single_readout_row = true,
      .linear_readout_by_default = true,
  };

  /// M [|alphabet|, d, d]: row i, column k of symbol s's matrix is the
  /// weight of the transition i → k reading s.
  static std::vector<TensorSpecification> tensors(const Model& model) {
    std::vector<TensorSpecification> specifications;
    add_plain_tensor(specifications, "M",
                     {model.input.alphabet.size(), model.state_size, model.state_size}, true);
    return specifications;
  }

  static void build(TensorSource& tensors, Model& model) {
    const std::size_t d = model.state_size;
    const std::vector<mpq_class> matrices = tensors.values("M");
    Feature transposed;
    transposed.rows = d * d;
    for (std::size_t symbol = 0; symbol < model.input.alphabet.size(); ++symbol) {
      std::vector<mpq_class> row(d * d);
      for (std::size_t i = 0; i < d; ++i)
        for (std::size_t k = 0; k < d; ++k)
          row[i * d + k] = matrices[symbol * d * d + k * d + i];
      transposed.per_symbol.push_back(std::move(row));
    }
    Feature zero;
    zero.rows = d;
    zero.per_symbol.assign(model.input.alphabet.size(), std::vector<mpq_class>(d, mpq_class(0)));
    model.features = {{"A", std::move(transposed)}, {"b", std::move(zero)}};
    Dense::detect_structure(model);
  }

  template <class Domain>
  static AffineMap<Domain> transition(Domain& domain, const Model& model,
                                      const StepInput<Domain>& input) {
    return Dense::transition(domain, model, input);
  }
};

}  // namespace rnncc::model
