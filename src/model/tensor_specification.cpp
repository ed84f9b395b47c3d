#include "rnncc/model/tensor_specification.hpp"

#include <fmt/format.h>

namespace rnncc::model {

namespace {

/// The tensors of feature `name` with dimensions `dimensions` (empty for a
/// scalar): a per-symbol table for token inputs, weight and bias for
/// vector inputs.
void add_feature(std::vector<TensorSpecification>& specifications, const Model& model,
                 const std::string& name, std::vector<std::size_t> dimensions) {
  std::size_t rows = 1;
  for (std::size_t extent : dimensions)
    rows *= extent;
  if (model.input.is_tokens()) {
    std::vector<std::size_t> shape{model.input.alphabet.size()};
    shape.insert(shape.end(), dimensions.begin(), dimensions.end());
    specifications.push_back(
        {name, shape, true, false, false, false, name, rows, TensorRole::per_symbol});
    return;
  }
  std::vector<std::size_t> weight_shape = dimensions;
  weight_shape.push_back(model.input.dimension);
  specifications.push_back(
      {name + ".weight", weight_shape, true, false, false, false, name, rows, TensorRole::weight});
  specifications.push_back(
      {name + ".bias", dimensions, false, true, false, false, name, rows, TensorRole::bias});
}

}  // namespace

std::vector<TensorSpecification> tensor_specifications(const Model& model) {
  std::vector<TensorSpecification> specifications;
  const std::size_t d = model.state_size;
  const std::size_t m = model.state_columns;
  const std::size_t inputs =
      model.input.is_tokens() ? model.input.alphabet.size() : model.input.dimension;
  auto plain = [&](std::string name, std::vector<std::size_t> shape, bool required) {
    specifications.push_back({std::move(name), std::move(shape), required, !required, false, false,
                              "", 0, TensorRole::plain});
  };
  switch (model.family) {
    case Family::relu_rnn:
      plain("A", {d, d}, true);
      add_feature(specifications, model, "u", {d});
      break;
    case Family::mlp_rnn: {
      std::size_t width = d + inputs;
      for (std::size_t layer = 0; layer <= model.mlp_layers.size(); ++layer) {
        const std::size_t out =
            layer < model.mlp_layers.size() ? model.mlp_layers[layer].weight.rows : d;
        plain(fmt::format("mlp.{}.weight", layer), {out, width}, true);
        plain(fmt::format("mlp.{}.bias", layer), {out}, false);
        width = out;
      }
      break;
    }
    case Family::elman:
    case Family::gru:
    case Family::lstm: {
      const std::size_t gates =
          model.family == Family::elman ? 1 : (model.family == Family::gru ? 3 : 4);
      for (std::size_t layer = 0; layer < model.layer_count(); ++layer) {
        const std::string feature = fmt::format("input_l{}", layer);
        const std::size_t columns = layer == 0 ? inputs : d;
        specifications.push_back({fmt::format("weight_ih_l{}", layer),
                                  {gates * d, columns},
                                  true,
                                  false,
                                  false,
                                  false,
                                  feature,
                                  gates * d,
                                  TensorRole::weight});
        plain(fmt::format("weight_hh_l{}", layer), {gates * d, d}, true);
        specifications.push_back({fmt::format("bias_ih_l{}", layer),
                                  {gates * d},
                                  false,
                                  true,
                                  false,
                                  false,
                                  feature,
                                  gates * d,
                                  TensorRole::bias});
        plain(fmt::format("bias_hh_l{}", layer), {gates * d}, false);
      }
      break;
    }
    case Family::diagonal:
      if (model.mamba) {
        plain("decay", {d}, true);
        add_feature(specifications, model, "delta", {d});
      } else {
        add_feature(specifications, model, "a", {d});
      }
      add_feature(specifications, model, "b", {d});
      break;
    case Family::pd:
      specifications.push_back({"permutation",
                                {model.input.alphabet.size(), d},
                                true,
                                false,
                                false,
                                true,
                                "",
                                0,
                                TensorRole::plain});
      add_feature(specifications, model, "a", {d});
      add_feature(specifications, model, "b", {d});
      break;
    case Family::dplr:
      for (const char* name : {"a", "u", "w", "b"})
        add_feature(specifications, model, name, {d});
      break;
    case Family::dense:
      add_feature(specifications, model, "A", {d, d});
      add_feature(specifications, model, "b", {d});
      break;
    case Family::deltanet:
    case Family::gated_deltanet:
      add_feature(specifications, model, "k", {d});
      add_feature(specifications, model, "v", {m});
      add_feature(specifications, model, "beta", {});
      if (model.family == Family::gated_deltanet) add_feature(specifications, model, "alpha", {});
      break;
    case Family::rwkv7:
      for (const char* name : {"w", "kappa", "a", "k"})
        add_feature(specifications, model, name, {d});
      add_feature(specifications, model, "v", {m});
      add_feature(specifications, model, "lambda", {});
      break;
    case Family::wfa:
      plain("M", {model.input.alphabet.size(), d, d}, true);
      break;
    case Family::network: {
      add_feature(specifications, model, "embedding", {model.width});
      for (std::size_t index = 0; index < model.sublayers.size(); ++index) {
        const Sublayer& sublayer = model.sublayers[index];
        const std::string prefix = fmt::format("sublayer.{}.", index);
        if (sublayer.kind == SublayerKind::heads) {
          std::size_t outputs = 0;
          for (const Model& head : sublayer.heads)
            outputs += head.head_output_size();
          plain(prefix + "output", {model.width, outputs}, true);
        } else {
          const std::size_t hidden = sublayer.up.rows;
          plain(prefix + "up.weight", {hidden, model.width}, true);
          plain(prefix + "up.bias", {hidden}, false);
          plain(prefix + "down.weight", {model.width, hidden}, true);
          plain(prefix + "down.bias", {model.width}, false);
        }
      }
      break;
    }
  }
  if (model.is_head && is_linear(model.family)) add_feature(specifications, model, "query", {d});
  TensorSpecification initial{"initial",
                              {model.state_value_count()},
                              model.family == Family::wfa,
                              false,
                              true,
                              false,
                              "",
                              0,
                              TensorRole::plain};
  if (model.family != Family::network) specifications.push_back(initial);  // heads have their own
  if (model.is_head) return specifications;
  const std::size_t source = model.readout_source_size();
  if (model.family == Family::wfa) {
    if (model.readout != ReadoutKind::state) plain("final", {source}, true);
  } else if (model.readout == ReadoutKind::linear) {
    // Any number of output rows: the shape's first extent is taken from the file.
    specifications.push_back(
        {"readout", {0, source}, true, false, false, false, "", 0, TensorRole::plain});
  } else if (model.readout == ReadoutKind::accept) {
    plain("readout", {source}, true);
  }
  return specifications;
}

}  // namespace rnncc::model
