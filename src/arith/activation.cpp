#include "rnncc/arith/activation.hpp"

#include <fmt/format.h>

#include <optional>

#include "rnncc/common/enum_names.hpp"
#include "rnncc/common/error.hpp"

namespace rnncc::arith {
namespace {

constexpr EnumNames<Activation, 7> activation_names{{
    {Activation::relu, "relu"},
    {Activation::hardtanh, "hardtanh"},
    {Activation::sign, "sign"},
    {Activation::tanh, "tanh"},
    {Activation::sigmoid, "sigmoid"},
    {Activation::exp, "exp"},
    {Activation::softplus, "softplus"},
}};
static_assert(names_are_distinct(activation_names));

}  // namespace

bool is_piecewise_linear(Activation activation) {
  return activation == Activation::relu || activation == Activation::hardtanh ||
         activation == Activation::sign;
}

std::string_view name_of(Activation activation) {
  return name_in(activation_names, activation);
}

Activation parse_activation(std::string_view name) {
  if (std::optional<Activation> activation = parse_in(activation_names, name)) return *activation;
  throw InputError(fmt::format("activation '{}': expected {}", name,
                               list_names(activation_names, ", ", " or ")));
}

}  // namespace rnncc::arith
