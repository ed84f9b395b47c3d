#include "rnncc/word/bit_vector.hpp"

#include <array>
#include <string>
#include <utility>

#include "rnncc/common/error.hpp"

namespace rnncc::word {

namespace {

constexpr std::array<std::pair<PrefixArchitecture, std::string_view>, 5> prefix_names{{
    {PrefixArchitecture::ripple, "ripple"},
    {PrefixArchitecture::sklansky, "sklansky"},
    {PrefixArchitecture::brent_kung, "brent-kung"},
    {PrefixArchitecture::kogge_stone, "kogge-stone"},
    {PrefixArchitecture::ladner_fischer, "ladner-fischer"},
}};

constexpr std::array<std::pair<MultiplierArchitecture, std::string_view>, 3> multiplier_names{{
    {MultiplierArchitecture::array, "array"},
    {MultiplierArchitecture::wallace, "wallace"},
    {MultiplierArchitecture::dadda, "dadda"},
}};

template <class Enum, std::size_t count>
Enum parse_name(const std::array<std::pair<Enum, std::string_view>, count>& names,
                std::string_view name, std::string_view what) {
  for (const auto& [value, candidate] : names) {
    if (candidate == name) return value;
  }
  std::string accepted;
  for (const auto& [value, candidate] : names) {
    if (!accepted.empty()) accepted += ", ";
    accepted += candidate;
  }
  throw InputError("unknown " + std::string(what) + " '" + std::string(name) +
                   "'; expected one of: " + accepted);
}

template <class Enum, std::size_t count>
std::string_view name_in(const std::array<std::pair<Enum, std::string_view>, count>& names,
                         Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return "unknown";
}

}  // namespace

std::string_view name_of(PrefixArchitecture architecture) {
  return name_in(prefix_names, architecture);
}

std::string_view name_of(MultiplierArchitecture architecture) {
  return name_in(multiplier_names, architecture);
}

PrefixArchitecture parse_prefix_architecture(std::string_view name) {
  return parse_name(prefix_names, name, "prefix architecture");
}

MultiplierArchitecture parse_multiplier_architecture(std::string_view name) {
  return parse_name(multiplier_names, name, "multiplier architecture");
}

}  // namespace rnncc::word
