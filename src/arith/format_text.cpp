#include "format_text.hpp"

#include <fmt/format.h>

#include <string>

#include "rnncc/common/error.hpp"

namespace rnncc::arith::detail {

void refuse_format(std::string_view text, std::string_view reason) {
  throw InputError(fmt::format("number format '{}': {}", text, reason));
}

std::optional<mpz_class> parse_decimal(std::string_view digits) {
  if (digits.empty() || digits.size() > 100000) return std::nullopt;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return mpz_class(std::string(digits), 10);
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace rnncc::arith::detail
