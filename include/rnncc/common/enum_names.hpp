// Enumerators and the text that names them, as one table per enumeration:
// the name a value prints as, the value a name parses to, and the list of
// accepted names an error message shows all come from the same table.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rnncc {

/// One enumerator and its name.
template <class Enum>
struct EnumName {
  Enum value;
  std::string_view name;
};

/// Every enumerator of Enum with its name, in the order lists show them.
template <class Enum, std::size_t count>
using EnumNames = std::array<EnumName<Enum>, count>;

/// The name of `value` in `names`; "?" if the table does not list it.
template <class Enum, std::size_t count>
constexpr std::string_view name_in(const EnumNames<Enum, count>& names, Enum value) {
  for (const EnumName<Enum>& entry : names) {
    if (entry.value == value) return entry.name;
  }
  return "?";
}

/// The enumerator that `text` names in `names` (exact, case-sensitive
/// match), or nothing.
template <class Enum, std::size_t count>
constexpr std::optional<Enum> parse_in(const EnumNames<Enum, count>& names, std::string_view text) {
  for (const EnumName<Enum>& entry : names) {
    if (entry.name == text) return entry.value;
  }
  return std::nullopt;
}

/// The names in table order, joined by `separator`, the last two by
/// `last_separator`: list_names(names, ", ", " or ") gives "a, b or c".
template <class Enum, std::size_t count>
std::string list_names(const EnumNames<Enum, count>& names, std::string_view separator = ", ",
                       std::string_view last_separator = ", ") {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) list += i + 1 == count ? last_separator : separator;
    list += names[i].name;
  }
  return list;
}

/// True if every name in `names` is distinct and so is every value (for a
/// static_assert beside each table).
template <class Enum, std::size_t count>
constexpr bool names_are_distinct(const EnumNames<Enum, count>& names) {
  for (std::size_t i = 0; i < count; ++i) {
    for (std::size_t j = i + 1; j < count; ++j) {
      if (names[i].name == names[j].name || names[i].value == names[j].value) return false;
    }
  }
  return true;
}

}  // namespace rnncc
