#include "option_conventions.hpp"

#include <fmt/format.h>

#include <charconv>
#include <string>

namespace rnncc::cli {

namespace {

/// `value` without the white space around it.
std::string trimmed(const std::string& value) {
  const std::size_t first = value.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return value.substr(first, value.find_last_not_of(" \t") - first + 1);
}

/// Refuses a negative number for every unsigned option before CLI11
/// converts it (strtoull would wrap -1 to 2^64 - 1), naming it as given.
void refuse_negative_unsigned(CLI::Option& option) {
  if (option.get_type_name() != "UINT") return;
  option.check(CLI::Validator(
      [](std::string& value) -> std::string {
        if (trimmed(value).starts_with('-')) return "expected a non-negative integer, not " + value;
        return {};
      },
      "", "non-negative"));
}

}  // namespace

CLI::Validator between(std::uint64_t low, std::uint64_t high) {
  return CLI::Validator(
      [low, high](std::string& value) -> std::string {
        const std::string number = trimmed(value);
        std::uint64_t parsed = 0;
        const char* first = number.data();
        const char* last = number.data() + number.size();
        const auto [end, error] = std::from_chars(first, last, parsed);
        if (number.empty() || error != std::errc() || end != last || parsed < low ||
            parsed > high) {
          return fmt::format("must be between {} and {}, not {}", low, high, value);
        }
        return {};
      },
      fmt::format("{}..{}", low, high), "between");
}

CLI::Validator zero_or_more() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const std::string number = trimmed(value);
        double parsed = 0;
        const auto [end, error] =
            std::from_chars(number.data(), number.data() + number.size(), parsed);
        if (number.empty() || error != std::errc() || end != number.data() + number.size() ||
            !(parsed >= 0)) {
          return "must be a number of 0 or more, not " + value;
        }
        return {};
      },
      "0 or more", "zero or more");
}

void apply_option_conventions(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    refuse_negative_unsigned(*option);
    // A vector option would otherwise take every argument up to the next
    // option, positional arguments included.
    if (!option->get_positional()) option->allow_extra_args(false);
  }
  for (CLI::App* command : app.get_subcommands({})) {
    apply_option_conventions(*command);
  }
}

}  // namespace rnncc::cli
