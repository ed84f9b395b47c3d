#include "rnncc/arith/activation.hpp"

#include <fmt/format.h>

#include <array>

#include "rnncc/common/error.hpp"

namespace rnncc::arith {
namespace {

constexpr std::array<Activation, 7> all_activations = {
    Activation::relu,    Activation::hardtanh, Activation::sign,    Activation::tanh,
    Activation::sigmoid, Activation::exp,      Activation::softplus};

}  // namespace

bool is_piecewise_linear(Activation activation) {
  return activation == Activation::relu || activation == Activation::hardtanh ||
         activation == Activation::sign;
}

std::string_view name_of(Activation activation) {
  switch (activation) {
    case Activation::relu:
      return "relu";
    case Activation::hardtanh:
      return "hardtanh";
    case Activation::sign:
      return "sign";
    case Activation::tanh:
      return "tanh";
    case Activation::sigmoid:
      return "sigmoid";
    case Activation::exp:
      return "exp";
    case Activation::softplus:
      return "softplus";
  }
  return "unknown";
}

Activation parse_activation(std::string_view name) {
  for (Activation activation : all_activations) {
    if (name_of(activation) == name) return activation;
  }
  throw InputError(fmt::format(
      "activation '{}': expected relu, hardtanh, sign, tanh, sigmoid, exp or softplus", name));
}

}  // namespace rnncc::arith
