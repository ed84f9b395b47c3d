#include "rnncc/compile/symbol_names.hpp"

#include <fmt/format.h>

namespace rnncc::compile {

std::string token_bit_name(std::size_t step, std::size_t bit) {
  return fmt::format("token@{}[{}]", step, bit);
}
std::string input_value_name(std::size_t step, std::size_t index) {
  return fmt::format("x@{}[{}]", step, index);
}
std::string output_value_name(std::size_t step, std::size_t index) {
  return fmt::format("y@{}[{}]", step, index);
}
std::string accept_name(std::size_t step) {
  return fmt::format("accept@{}", step);
}

}  // namespace rnncc::compile
