// The names of a compiled model's inputs and outputs (docs/model-spec.md,
// "Circuit names"): TENSOR@STEP[INDEX], and in the AIG TENSOR@STEP[INDEX][BIT].
#pragma once

#include <cstddef>
#include <string>

namespace rnncc::compile {

/// Bit `bit` of the token code read at step `step` (1-based): "token@3[0]".
std::string token_bit_name(std::size_t step, std::size_t bit);
/// Value `index` of the input vector at step `step`: "x@3[1]".
std::string input_value_name(std::size_t step, std::size_t index);
/// Output value `index` after step `step`: "y@3[1]".
std::string output_value_name(std::size_t step, std::size_t index);
/// The acceptance bit after step `step`: "accept@3".
std::string accept_name(std::size_t step);

}  // namespace rnncc::compile
