#include "rnncc/common/printable.hpp"

#include <fmt/format.h>

namespace rnncc {

std::string printable(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (char character : text) {
    const auto byte = static_cast<unsigned char>(character);
    if (byte < 0x20 || byte == 0x7f || byte == '\\') {
      result += fmt::format("\\x{:02x}", byte);
    } else {
      result += character;
    }
  }
  return result;
}

}  // namespace rnncc
