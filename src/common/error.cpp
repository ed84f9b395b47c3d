#include "rnncc/common/error.hpp"

namespace rnncc {

std::string one_line(const std::string& message) {
  if (message.find_first_of("\n\r") == std::string::npos) return message;
  std::string result;
  result.reserve(message.size() + 8);
  for (char character : message) {
    if (character == '\n') {
      result += "\\n";
    } else if (character == '\r') {
      result += "\\r";
    } else {
      result += character;
    }
  }
  return result;
}

}  // namespace rnncc
