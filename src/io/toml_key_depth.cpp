#include "toml_key_depth.hpp"

#include <fmt/format.h>

#include "rnncc/common/error.hpp"

namespace rnncc::io {

void check_dotted_key_depth(std::string_view text, const std::string& source,
                            std::size_t max_parts) {
  // Dots are counted per segment, a stretch of text between two of
  // '=', ',', '{', '[' and a line break (outside strings): a dotted key is
  // one segment, a value such as 1.5 another.
  std::size_t line = 1;
  std::size_t dots = 0;
  std::size_t position = 0;
  auto starts_with = [&](std::string_view delimiter) {
    return text.substr(position, delimiter.size()) == delimiter;
  };
  while (position < text.size()) {
    const char character = text[position];
    if (character == '"' || character == '\'') {
      // A string: skip to its end, counting the line breaks a multi-line
      // string holds; a basic string's backslash escapes the next byte.
      const std::string_view multi_line = character == '"' ? "\"\"\"" : "'''";
      const bool long_string = starts_with(multi_line);
      position += long_string ? 3 : 1;
      while (position < text.size()) {
        if (long_string ? starts_with(multi_line) : text[position] == character) break;
        if (!long_string && text[position] == '\n') break;  // unterminated: the parser says so
        if (character == '"' && text[position] == '\\') ++position;
        if (position < text.size() && text[position] == '\n') ++line;
        ++position;
      }
      position += long_string ? 3 : 1;
      continue;
    }
    if (character == '#') {
      while (position < text.size() && text[position] != '\n')
        ++position;
      continue;
    }
    if (character == '.' && ++dots >= max_parts) {
      throw InputError(
          fmt::format("{}:{}: a dotted key of more than {} parts", source, line, max_parts));
    }
    if (character == '\n') ++line;
    if (character == '\n' || character == '=' || character == ',' || character == '{' ||
        character == '[') {
      dots = 0;
    }
    ++position;
  }
}

}  // namespace rnncc::io
