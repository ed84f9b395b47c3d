// The elementwise functions (activations) a model may apply to a value.
#pragma once

#include <string_view>

namespace rnncc::arith {

/// relu(x) = max(x, 0); hardtanh(x) = min(max(x, -1), 1); sign(x) ∈ {-1, 0, 1};
/// tanh; sigmoid(x) = 1/(1+e^-x); exp; softplus(x) = ln(1+e^x).
enum class Activation { relu, hardtanh, sign, tanh, sigmoid, exp, softplus };

/// True for relu, hardtanh and sign: exact in every format, lowered as
/// comparators and multiplexers. The others are transcendental: they exist
/// only in fixed formats, as tables of correctly rounded values.
bool is_piecewise_linear(Activation activation);

/// Canonical lower-case names: "relu", "hardtanh", "sign", "tanh",
/// "sigmoid", "exp", "softplus".
std::string_view name_of(Activation activation);

/// Parses a canonical name; throws InputError naming the accepted names.
Activation parse_activation(std::string_view name);

}  // namespace rnncc::arith
