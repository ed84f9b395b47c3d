#include "rnncc/experiment/lengths.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "rnncc/common/error.hpp"

namespace rnncc::experiment {

namespace {

bool all_digits(std::string_view text) {
  return text.find_first_not_of("0123456789") == std::string_view::npos;
}

/// One length: decimal digits or 2^K, in [1, longest].
std::uint64_t parse_length(std::string_view text, std::uint64_t longest) {
  auto fail = [&] {
    return InputError(fmt::format(
        "--lengths: '{}' is not a length (expected a positive integer or 2^K, at most {})", text,
        longest));
  };
  std::uint64_t value = 0;
  if (text.size() > 2 && text.substr(0, 2) == "2^") {
    const std::string_view exponent = text.substr(2);
    if (exponent.size() > 2 || !all_digits(exponent)) throw fail();
    const unsigned long power = std::stoul(std::string(exponent));
    if (power > 63) throw fail();
    value = std::uint64_t{1} << power;
  } else {
    // 19 digits always fit in 64 bits.
    if (text.empty() || text.size() > 19 || !all_digits(text)) throw fail();
    value = std::stoull(std::string(text));
  }
  if (value < 1 || value > longest) throw fail();
  return value;
}

}  // namespace

std::vector<std::uint64_t> parse_lengths(std::string_view text, std::uint64_t longest) {
  std::vector<std::uint64_t> lengths;
  const std::size_t range = text.find("..");
  if (range != std::string_view::npos) {
    const std::uint64_t first = parse_length(text.substr(0, range), longest);
    const std::uint64_t last = parse_length(text.substr(range + 2), longest);
    if (first > last) {
      throw InputError(fmt::format("--lengths {}: the range must not be empty", text));
    }
    lengths = powers_of_two(first, last);
  } else {
    std::size_t begin = 0;
    while (true) {
      const std::size_t comma = text.find(',', begin);
      const std::size_t end = comma == std::string_view::npos ? text.size() : comma;
      lengths.push_back(parse_length(text.substr(begin, end - begin), longest));
      if (comma == std::string_view::npos) break;
      begin = comma + 1;
    }
  }
  std::sort(lengths.begin(), lengths.end());
  lengths.erase(std::unique(lengths.begin(), lengths.end()), lengths.end());
  return lengths;
}

std::vector<std::uint64_t> powers_of_two(std::uint64_t first, std::uint64_t last) {
  std::vector<std::uint64_t> lengths;
  for (std::uint64_t length = first; length <= last; length *= 2) {
    lengths.push_back(length);
    if (length > last / 2) break;  // doubling would pass `last` (or overflow)
  }
  return lengths;
}

}  // namespace rnncc::experiment
