// network: the paper's multi-layer architecture (docs/model-spec.md
// "Networks"). The embedding x^0_t of the input feeds a stack of sublayers:
// a heads sublayer x ↦ x + O · ⟨y_1, ..., y_h⟩, each head a model of a
// family that reads vectors, or a feed-forward sublayer x ↦ x + W ·
// relu(U x + u) + w. The readout reads the top sublayer's x_t.
#pragma once

#include <fmt/format.h>

#include <string_view>

#include "rnncc/model/families/family_base.hpp"
#include "rnncc/model/step_declaration.hpp"

namespace rnncc::model {

/// The two kinds of sublayer of a network (the paper's Defs 7 and 8).
enum class SublayerKind {
  heads,        ///< x ↦ x + O · ⟨y_1, ..., y_h⟩, the heads reading x
  feedforward,  ///< x ↦ x + W · relu(U x + u) + w
};

/// One sublayer. A linear head outputs q_tᵀ S (Model::query_reads_previous
/// says which S), a nonlinear head its (last layer's) h_t.
struct Sublayer {
  SublayerKind kind = SublayerKind::heads;
  std::vector<Model> heads;          ///< heads: in order; their outputs are concatenated
  Matrix output;                     ///< heads: O [width × Σ head outputs]
  std::size_t hidden = 0;            ///< feedforward: the width of relu(U x + u)
  Matrix up;                         ///< feedforward: U [hidden × width]
  std::vector<mpq_class> up_bias;    ///< feedforward: u [hidden]
  Matrix down;                       ///< feedforward: W [width × hidden]
  std::vector<mpq_class> down_bias;  ///< feedforward: w [width]
};

struct Network : FamilyBase<Network> {
  static constexpr FamilyDescriptor descriptor{
      .name = "network",
      .equation =
          "x^0_t = embedding(x_t); each sublayer x <- x + heads(x) or x + W relu(U x + u) + w",
      .linear = false,
      .paper_class = PaperClass::composite,
      .state_shape = StateShape::stream,
      .state_layout = "each head's state in order, then the top sublayer's x_t (width values)",
  };

  /// The stream's width is the model's state_size; the sublayers and their
  /// heads are read by the model file reader before the tensors.
  struct Parameters final : FamilyParameters {
    Feature embedding;  ///< x^0_t: a token's row, or E x + e
    std::vector<Sublayer> sublayers;
  };

  /// The embedding feature, then per sublayer: output [width, Σ head
  /// outputs], or up.weight, up.bias, down.weight, down.bias.
  static std::vector<TensorSpecification> tensors(const Model& model) {
    const Parameters& parameters = model.parameters_as<Parameters>();
    const std::size_t width = model.state_size;
    std::vector<TensorSpecification> specifications;
    add_feature_tensors(specifications, model, "embedding", {width});
    for (std::size_t index = 0; index < parameters.sublayers.size(); ++index) {
      const Sublayer& sublayer = parameters.sublayers[index];
      const std::string prefix = fmt::format("sublayer.{}.", index);
      if (sublayer.kind == SublayerKind::heads) {
        add_plain_tensor(specifications, prefix + "output", {width, head_outputs(sublayer)}, true);
      } else {
        add_plain_tensor(specifications, prefix + "up.weight", {sublayer.hidden, width}, true);
        add_plain_tensor(specifications, prefix + "up.bias", {sublayer.hidden}, false);
        add_plain_tensor(specifications, prefix + "down.weight", {width, sublayer.hidden}, true);
        add_plain_tensor(specifications, prefix + "down.bias", {width}, false);
      }
    }
    return specifications;
  }

  static void build(TensorSource& tensors, Model& model) {
    auto parameters = std::make_shared<Parameters>(model.parameters_as<Parameters>());
    const std::size_t width = model.state_size;
    parameters->embedding = model.feature("embedding");
    model.features.clear();
    for (std::size_t index = 0; index < parameters->sublayers.size(); ++index) {
      Sublayer& sublayer = parameters->sublayers[index];
      const std::string prefix = fmt::format("sublayer.{}.", index);
      if (sublayer.kind == SublayerKind::heads) {
        sublayer.output = Matrix{width, head_outputs(sublayer), tensors.values(prefix + "output")};
      } else {
        sublayer.up = Matrix{sublayer.hidden, width, tensors.values(prefix + "up.weight")};
        sublayer.up_bias = tensors.values(prefix + "up.bias");
        sublayer.down = Matrix{width, sublayer.hidden, tensors.values(prefix + "down.weight")};
        sublayer.down_bias = tensors.values(prefix + "down.bias");
      }
    }
    std::vector<mpq_class> initial;
    for (const Sublayer& sublayer : parameters->sublayers)
      for (const Model& head : sublayer.heads)
        initial.insert(initial.end(), head.initial_state.begin(), head.initial_state.end());
    model.parameters = std::move(parameters);
    initial.resize(state_value_count(model), mpq_class(0));
    model.initial_state = std::move(initial);
  }

  /// Every head's state values, then the width of the stream.
  static std::size_t state_value_count(const Model& model) {
    std::size_t count = model.state_size;
    for (const Sublayer& sublayer : model.parameters_as<Parameters>().sublayers)
      for (const Model& head : sublayer.heads)
        count += head.state_value_count();
    return count;
  }
  static std::size_t readout_begin(const Model& model) {
    return state_value_count(model) - model.state_size;
  }
  static std::size_t readout_size(const Model& model) { return model.state_size; }

  /// One step, sublayer after sublayer: every head steps on the stream
  /// value it reads; the new state is every head's state followed by the
  /// top sublayer's x_t.
  template <class Domain>
  static std::vector<typename Domain::Number> step(
      Domain& domain, const Model& model, const std::vector<typename Domain::Number>& state,
      const StepInput<Domain>& input) {
    using Number = typename Domain::Number;
    std::vector<Number> stream = embed(domain, model, input);
    std::vector<Number> next;
    std::size_t offset = 0;
    for (const Sublayer& sublayer : model.parameters_as<Parameters>().sublayers) {
      if (sublayer.kind == SublayerKind::feedforward) {
        stream = feedforward(domain, sublayer, stream);
        continue;
      }
      const StepInput<Domain> head_input{{}, stream};
      std::vector<Number> outputs;
      for (const Model& head : sublayer.heads) {
        const std::size_t count = head.state_value_count();
        const std::vector<Number> previous(
            state.begin() + static_cast<std::ptrdiff_t>(offset),
            state.begin() + static_cast<std::ptrdiff_t>(offset + count));
        std::vector<Number> current = model::step(domain, head, previous, head_input);
        std::vector<Number> output = head_output(domain, head, head_input, previous, current);
        outputs.insert(outputs.end(), output.begin(), output.end());
        next.insert(next.end(), current.begin(), current.end());
        offset += count;
      }
      stream = add_head_outputs(domain, sublayer, stream, outputs);
    }
    next.insert(next.end(), stream.begin(), stream.end());
    return next;
  }

  /// x^0_t: the network's embedding of the input.
  template <class Domain>
  static std::vector<typename Domain::Number> embed(Domain& domain, const Model& network,
                                                    const StepInput<Domain>& input) {
    return evaluate_feature(domain, network.parameters_as<Parameters>().embedding, input);
  }

  /// A head's output at a step, from its state before (`previous`) and
  /// after (`current`) reading the stream value in `input`: q_tᵀ S for a
  /// linear head (y_j = Σ_i q_i S_ij, S the previous or current state as
  /// the head says), the last layer's h_t for a nonlinear one.
  template <class Domain>
  static std::vector<typename Domain::Number> head_output(
      Domain& domain, const Model& head, const StepInput<Domain>& input,
      const std::vector<typename Domain::Number>& previous,
      const std::vector<typename Domain::Number>& current) {
    using Number = typename Domain::Number;
    if (!head.family->linear) return readout_source<Domain>(head, current);
    const std::vector<Number> query = evaluate_feature(domain, head.feature("query"), input);
    const std::vector<Number>& state = head.query_reads_previous ? previous : current;
    const std::size_t m = head.state_columns;
    std::vector<Number> output;
    for (std::size_t j = 0; j < m; ++j) {
      std::vector<Number> column;
      for (std::size_t i = 0; i < head.state_size; ++i)
        column.push_back(state[i * m + j]);
      output.push_back(dot(domain, query, column));
    }
    return output;
  }

  /// A heads sublayer's residual update x + O · ⟨y_1, ..., y_h⟩ from the
  /// concatenated head outputs.
  template <class Domain>
  static std::vector<typename Domain::Number> add_head_outputs(
      Domain& domain, const Sublayer& sublayer, const std::vector<typename Domain::Number>& stream,
      const std::vector<typename Domain::Number>& head_outputs) {
    std::vector<typename Domain::Number> mixed =
        multiply_constant_matrix(domain, sublayer.output, head_outputs);
    for (std::size_t i = 0; i < mixed.size(); ++i)
      mixed[i] = domain.add(stream[i], mixed[i]);
    return mixed;
  }

  /// A feed-forward sublayer: x + W · relu(U x + u) + w.
  template <class Domain>
  static std::vector<typename Domain::Number> feedforward(
      Domain& domain, const Sublayer& sublayer,
      const std::vector<typename Domain::Number>& stream) {
    std::vector<typename Domain::Number> hidden =
        multiply_constant_matrix(domain, sublayer.up, stream);
    for (std::size_t i = 0; i < hidden.size(); ++i) {
      hidden[i] = domain.apply(arith::Activation::relu,
                               domain.add(hidden[i], domain.constant(sublayer.up_bias[i])));
    }
    std::vector<typename Domain::Number> result =
        multiply_constant_matrix(domain, sublayer.down, hidden);
    for (std::size_t i = 0; i < result.size(); ++i) {
      result[i] =
          domain.add(stream[i], domain.add(result[i], domain.constant(sublayer.down_bias[i])));
    }
    return result;
  }

 private:
  /// Σ over the sublayer's heads of the values each outputs.
  static std::size_t head_outputs(const Sublayer& sublayer) {
    std::size_t outputs = 0;
    for (const Model& head : sublayer.heads)
      outputs += head.head_output_size();
    return outputs;
  }
};

}  // namespace rnncc::model
