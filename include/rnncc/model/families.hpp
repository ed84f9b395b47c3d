// Each family's step, written once and generic over the numeric domain
// (domain.hpp): the reference interpreter runs it on exact values, the
// compiler on circuit nodes.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <vector>

#include "rnncc/arith/reference.hpp"
#include "rnncc/model/affine_map.hpp"
#include "rnncc/model/model.hpp"
#include "rnncc/model/step_input.hpp"

namespace rnncc::model {

/// The affine map (A_t, b_t) of a linear family at input x_t (see
/// docs/model-spec.md for each family's equations).
template <class Domain>
AffineMap<Domain> linear_transition(Domain& domain, const Model& model,
                                    const StepInput<Domain>& input) {
  using Number = typename Domain::Number;
  AffineMap<Domain> map;
  map.rows = model.state_size;
  map.columns = model.state_columns;
  const std::size_t d = model.state_size;
  const std::size_t m = model.state_columns;
  auto feature = [&](std::string_view name) {
    return evaluate_feature(domain, model.feature(name), input);
  };
  auto outer = [&](const std::vector<Number>& column, const std::vector<Number>& row) {
    std::vector<Number> product;
    for (std::size_t i = 0; i < column.size(); ++i)
      for (std::size_t j = 0; j < row.size(); ++j)
        product.push_back(domain.multiply(column[i], row[j]));
    return product;
  };
  switch (model.family) {
    case Family::diagonal: {
      map.structure = MapStructure::diagonal;
      if (!model.mamba) {
        map.diagonal = feature("a");
        map.offset = feature("b");
        break;
      }
      std::vector<Number> step = feature("delta");
      std::vector<Number> drive = feature("b");
      for (std::size_t i = 0; i < d; ++i) {
        Number width = domain.apply(arith::Activation::softplus, step[i]);
        map.diagonal.push_back(domain.apply(
            arith::Activation::exp, domain.multiply(width, domain.constant(model.decay[i]))));
        map.offset.push_back(domain.multiply(width, drive[i]));
      }
      break;
    }
    case Family::pd: {
      map.structure = MapStructure::permutation_diagonal;
      map.diagonal = feature("a");
      map.offset = feature("b");
      for (std::size_t i = 0; i < d; ++i) {
        for (std::size_t k = 0; k < d; ++k) {
          std::vector<bool> flags;
          for (const auto& permutation : model.permutations)
            flags.push_back(permutation[i] == k);
          map.one_hot.push_back(select_flag_by_token(domain, input.token_bits, flags));
        }
      }
      break;
    }
    case Family::dplr:
      map.structure = MapStructure::low_rank_update;
      map.diagonal = feature("a");
      map.left = feature("u");
      map.right = feature("w");
      map.offset = feature("b");
      break;
    case Family::dense:
    case Family::wfa:
      map.structure = MapStructure::dense;
      map.matrix = feature("A");
      map.offset = feature("b");
      break;
    case Family::deltanet:
    case Family::gated_deltanet: {
      // A = α (I − β k kᵀ) (α = 1 for deltanet), b = β k vᵀ.
      std::vector<Number> key = feature("k");
      std::vector<Number> value = feature("v");
      Number beta = feature("beta").front();
      std::vector<Number> scaled_key;
      for (const Number& entry : key)
        scaled_key.push_back(domain.multiply(beta, entry));
      map.structure = MapStructure::low_rank_update;
      map.right = key;
      map.offset = outer(scaled_key, value);
      if (model.family == Family::deltanet) {
        map.diagonal.assign(d, domain.constant(arith::reference::represent(domain.format(), 1)));
        map.left = scaled_key;
      } else {
        Number alpha = feature("alpha").front();
        map.diagonal.assign(d, alpha);
        for (const Number& entry : scaled_key)
          map.left.push_back(domain.multiply(alpha, entry));
      }
      break;
    }
    case Family::rwkv7: {
      // A = diag(w) − λ κ (a ⊙ κ)ᵀ, b = k vᵀ.
      std::vector<Number> kappa = feature("kappa");
      std::vector<Number> gate = feature("a");
      Number lambda = feature("lambda").front();
      map.structure = MapStructure::low_rank_update;
      map.diagonal = feature("w");
      for (std::size_t i = 0; i < d; ++i) {
        map.left.push_back(domain.multiply(lambda, kappa[i]));
        map.right.push_back(domain.multiply(gate[i], kappa[i]));
      }
      map.offset = outer(feature("k"), feature("v"));
      break;
    }
    default:
      throw std::logic_error("linear_transition called for a nonlinear family");
  }
  if (map.offset.size() != d * m) throw std::logic_error("affine map offset of the wrong size");
  return map;
}

/// One step of a nonlinear family: the state after reading x_t.
template <class Domain>
std::vector<typename Domain::Number> nonlinear_step(
    Domain& domain, const Model& model, const std::vector<typename Domain::Number>& state,
    const StepInput<Domain>& input) {
  using Number = typename Domain::Number;
  using arith::Activation;
  const std::size_t d = model.state_size;
  auto add_vectors = [&](const std::vector<Number>& a, const std::vector<Number>& b) {
    std::vector<Number> sum;
    for (std::size_t i = 0; i < a.size(); ++i)
      sum.push_back(domain.add(a[i], b[i]));
    return sum;
  };
  auto slice = [](const std::vector<Number>& values, std::size_t begin, std::size_t count) {
    return std::vector<Number>(values.begin() + static_cast<std::ptrdiff_t>(begin),
                               values.begin() + static_cast<std::ptrdiff_t>(begin + count));
  };
  switch (model.family) {
    case Family::relu_rnn: {
      std::vector<Number> next =
          add_vectors(multiply_constant_matrix(domain, model.transition, state),
                      evaluate_feature(domain, model.drive, input));
      for (Number& value : next)
        value = domain.apply(Activation::relu, value);
      return next;
    }
    case Family::mlp_rnn: {
      std::vector<Number> layer_input = state;
      std::vector<Number> x = model.mlp_input.rows > 0
                                  ? evaluate_feature(domain, model.mlp_input, input)
                                  : input.values;
      layer_input.insert(layer_input.end(), x.begin(), x.end());
      for (const DenseLayer& layer : model.mlp_layers) {
        std::vector<Number> output = multiply_constant_matrix(domain, layer.weight, layer_input);
        for (std::size_t i = 0; i < output.size(); ++i) {
          output[i] =
              domain.apply(Activation::relu, domain.add(output[i], domain.constant(layer.bias[i])));
        }
        layer_input = std::move(output);
      }
      return layer_input;
    }
    case Family::elman:
    case Family::gru:
    case Family::lstm:
      break;
    default:
      throw std::logic_error("nonlinear_step called for a linear family");
  }
  // Stacked torch-style layers: layer l reads x (l = 0) or layer l-1's new h.
  const bool is_lstm = model.family == Family::lstm;
  const std::size_t per_layer = is_lstm ? 2 * d : d;
  std::vector<Number> next;
  std::vector<Number> below;
  for (std::size_t layer = 0; layer < model.recurrent_layers.size(); ++layer) {
    const RecurrentLayer& weights = model.recurrent_layers[layer];
    const std::vector<Number> h = slice(state, layer * per_layer, d);
    std::vector<Number> from_input =
        layer == 0 ? evaluate_feature(domain, weights.input, input)
                   : evaluate_feature(domain, weights.input, StepInput<Domain>{{}, below});
    std::vector<Number> from_state = multiply_constant_matrix(domain, weights.recurrent, h);
    for (std::size_t i = 0; i < from_state.size(); ++i) {
      from_state[i] = domain.add(from_state[i], domain.constant(weights.recurrent_bias[i]));
    }
    std::vector<Number> h_next;
    std::vector<Number> c_next;
    if (model.family == Family::elman) {
      for (std::size_t i = 0; i < d; ++i) {
        h_next.push_back(domain.apply(model.activation, domain.add(from_input[i], from_state[i])));
      }
    } else if (model.family == Family::gru) {
      // r, z, n as in torch.nn.GRU; h' = (1 − z) ⊙ n + z ⊙ h.
      const Number one = domain.constant(arith::reference::represent(domain.format(), 1));
      for (std::size_t i = 0; i < d; ++i) {
        Number reset = domain.apply(Activation::sigmoid, domain.add(from_input[i], from_state[i]));
        Number update =
            domain.apply(Activation::sigmoid, domain.add(from_input[d + i], from_state[d + i]));
        Number candidate = domain.apply(
            Activation::tanh,
            domain.add(from_input[2 * d + i], domain.multiply(reset, from_state[2 * d + i])));
        h_next.push_back(domain.add(domain.multiply(domain.subtract(one, update), candidate),
                                    domain.multiply(update, h[i])));
      }
    } else {
      // i, f, g, o as in torch.nn.LSTM; c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c').
      const std::vector<Number> c = slice(state, layer * per_layer + d, d);
      for (std::size_t i = 0; i < d; ++i) {
        auto gate = [&](std::size_t index, Activation activation) {
          return domain.apply(activation,
                              domain.add(from_input[index * d + i], from_state[index * d + i]));
        };
        Number input_gate = gate(0, Activation::sigmoid);
        Number forget_gate = gate(1, Activation::sigmoid);
        Number cell_candidate = gate(2, Activation::tanh);
        Number output_gate = gate(3, Activation::sigmoid);
        Number cell = domain.add(domain.multiply(forget_gate, c[i]),
                                 domain.multiply(input_gate, cell_candidate));
        c_next.push_back(cell);
        h_next.push_back(domain.multiply(output_gate, domain.apply(Activation::tanh, cell)));
      }
    }
    next.insert(next.end(), h_next.begin(), h_next.end());
    next.insert(next.end(), c_next.begin(), c_next.end());
    below = std::move(h_next);
  }
  return next;
}

template <class Domain>
std::vector<typename Domain::Number> network_step(Domain& domain, const Model& model,
                                                  const std::vector<typename Domain::Number>& state,
                                                  const StepInput<Domain>& input);

/// One step of any family: S_t from S_{t-1} and x_t (linear families apply
/// their affine map).
template <class Domain>
std::vector<typename Domain::Number> step(Domain& domain, const Model& model,
                                          const std::vector<typename Domain::Number>& state,
                                          const StepInput<Domain>& input) {
  if (model.family == Family::network) return network_step(domain, model, state, input);
  if (is_linear(model.family)) {
    return apply_map(domain, linear_transition(domain, model, input), state);
  }
  return nonlinear_step(domain, model, state, input);
}

/// The readout vector r(S) of state S: the whole state for linear families,
/// relu-rnn and mlp-rnn, the last layer's h for stacked ones, the top
/// sublayer's x for a network.
template <class Domain>
std::vector<typename Domain::Number> readout_source(
    const Model& model, const std::vector<typename Domain::Number>& state) {
  std::size_t begin = 0;
  if (model.family == Family::network) {
    begin = state.size() - model.width;
  } else if (!is_linear(model.family) && model.family != Family::relu_rnn &&
             model.family != Family::mlp_rnn) {
    const std::size_t per_layer =
        model.family == Family::lstm ? 2 * model.state_size : model.state_size;
    begin = (model.layer_count() - 1) * per_layer;
  }
  const std::size_t size = model.readout_source_size();
  return std::vector<typename Domain::Number>(
      state.begin() + static_cast<std::ptrdiff_t>(begin),
      state.begin() + static_cast<std::ptrdiff_t>(begin + size));
}

// --- networks (PAPER.md "Layers"; docs/model-spec.md "Networks") ------------------

/// x^0_t: the network's embedding of the input.
template <class Domain>
std::vector<typename Domain::Number> embed(Domain& domain, const Model& network,
                                           const StepInput<Domain>& input) {
  return evaluate_feature(domain, network.embedding, input);
}

/// A head's output at a step, from its state before (`previous`) and after
/// (`current`) reading the stream value in `input`: q_tᵀ S for a linear
/// head (y_j = Σ_i q_i S_ij, S the previous or current state as the head
/// says), the last layer's h_t for a nonlinear one.
template <class Domain>
std::vector<typename Domain::Number> head_output(
    Domain& domain, const Model& head, const StepInput<Domain>& input,
    const std::vector<typename Domain::Number>& previous,
    const std::vector<typename Domain::Number>& current) {
  using Number = typename Domain::Number;
  if (!is_linear(head.family)) return readout_source<Domain>(head, current);
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
std::vector<typename Domain::Number> add_head_outputs(
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
std::vector<typename Domain::Number> feedforward(
    Domain& domain, const Sublayer& sublayer, const std::vector<typename Domain::Number>& stream) {
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

/// One step of a network, sublayer after sublayer: every head steps on the
/// stream value it reads, and the new state is every head's state followed
/// by the top sublayer's x_t (what the readout reads).
template <class Domain>
std::vector<typename Domain::Number> network_step(Domain& domain, const Model& model,
                                                  const std::vector<typename Domain::Number>& state,
                                                  const StepInput<Domain>& input) {
  using Number = typename Domain::Number;
  std::vector<Number> stream = embed(domain, model, input);
  std::vector<Number> next;
  std::size_t offset = 0;
  for (const Sublayer& sublayer : model.sublayers) {
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
      std::vector<Number> current = step(domain, head, previous, head_input);
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

/// The readout's value after a step: the numbers of the readout (state or
/// linear), or for acceptance the single Boolean o^T r(S) > 0 in `accept`.
template <class Domain>
struct ReadoutValue {
  std::vector<typename Domain::Number> numbers;
  typename Domain::Boolean accept{};
};

/// The readout of a readout vector r (readout_source): r itself, O · r, or
/// for acceptance o^T r > 0.
template <class Domain>
ReadoutValue<Domain> readout_of_source(Domain& domain, const Model& model,
                                       std::vector<typename Domain::Number> source) {
  using Number = typename Domain::Number;
  ReadoutValue<Domain> value;
  switch (model.readout) {
    case ReadoutKind::state:
      value.numbers = std::move(source);
      break;
    case ReadoutKind::linear:
      value.numbers = multiply_constant_matrix(domain, model.readout_weights, source);
      break;
    case ReadoutKind::accept: {
      Number score = multiply_constant_matrix(domain, model.readout_weights, source).front();
      value.accept = domain.less_than(domain.constant(0), score);
      break;
    }
  }
  return value;
}

/// The readout of state S (readout_of_source of readout_source(S)).
template <class Domain>
ReadoutValue<Domain> readout(Domain& domain, const Model& model,
                             const std::vector<typename Domain::Number>& state) {
  return readout_of_source(domain, model, readout_source<Domain>(model, state));
}

}  // namespace rnncc::model
