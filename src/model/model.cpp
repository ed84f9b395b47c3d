#include "rnncc/model/model.hpp"

#include <array>
#include <bit>
#include <stdexcept>
#include <utility>

namespace rnncc::model {

namespace {

constexpr std::array<std::pair<Family, std::string_view>, 14> family_names{{
    {Family::relu_rnn, "relu-rnn"},
    {Family::mlp_rnn, "mlp-rnn"},
    {Family::elman, "elman"},
    {Family::gru, "gru"},
    {Family::lstm, "lstm"},
    {Family::diagonal, "diagonal"},
    {Family::pd, "pd"},
    {Family::dplr, "dplr"},
    {Family::deltanet, "deltanet"},
    {Family::gated_deltanet, "gated-deltanet"},
    {Family::rwkv7, "rwkv7"},
    {Family::dense, "dense"},
    {Family::wfa, "wfa"},
    {Family::network, "network"},
}};

}  // namespace

std::string_view name_of(Family family) {
  for (const auto& [candidate, name] : family_names)
    if (candidate == family) return name;
  throw std::logic_error("unknown family");
}

std::optional<Family> parse_family(std::string_view name) {
  for (const auto& [family, candidate] : family_names)
    if (candidate == name) return family;
  return std::nullopt;
}

bool is_linear(Family family) {
  switch (family) {
    case Family::relu_rnn:
    case Family::mlp_rnn:
    case Family::elman:
    case Family::gru:
    case Family::lstm:
    case Family::network:
      return false;
    default:
      return true;
  }
}

bool supports_scan(const Model& model) {
  if (model.family != Family::network) return is_linear(model.family);
  for (const Sublayer& sublayer : model.sublayers)
    for (const Model& head : sublayer.heads)
      if (!is_linear(head.family)) return false;
  return true;
}

std::size_t InputSpec::token_bits() const {
  if (!is_tokens() || alphabet.size() <= 1) return 0;
  return static_cast<std::size_t>(std::bit_width(alphabet.size() - 1));
}

const Feature& Model::feature(std::string_view name) const {
  for (const auto& [candidate, feature] : features)
    if (candidate == name) return feature;
  throw std::logic_error("model has no feature named " + std::string(name));
}

std::size_t Model::layer_count() const {
  return recurrent_layers.empty() ? 1 : recurrent_layers.size();
}

std::size_t Model::state_value_count() const {
  if (family == Family::network) {
    std::size_t count = width;
    for (const Sublayer& sublayer : sublayers)
      for (const Model& head : sublayer.heads)
        count += head.state_value_count();
    return count;
  }
  if (is_linear(family)) return state_size * state_columns;
  const std::size_t per_layer = family == Family::lstm ? 2 * state_size : state_size;
  return per_layer * layer_count();
}

std::size_t Model::readout_source_size() const {
  if (family == Family::network) return width;
  if (is_linear(family) || family == Family::relu_rnn || family == Family::mlp_rnn) {
    return state_value_count();
  }
  return state_size;
}

std::size_t Model::head_output_size() const {
  return is_linear(family) ? state_columns : state_size;
}

}  // namespace rnncc::model
