#include "rnncc/word/bit_vector.hpp"

#include <string>

#include "rnncc/common/enum_names.hpp"
#include "rnncc/common/error.hpp"

namespace rnncc::word {

namespace {

constexpr EnumNames<PrefixArchitecture, 5> prefix_names{{
    {PrefixArchitecture::ripple, "ripple"},
    {PrefixArchitecture::sklansky, "sklansky"},
    {PrefixArchitecture::brent_kung, "brent-kung"},
    {PrefixArchitecture::kogge_stone, "kogge-stone"},
    {PrefixArchitecture::ladner_fischer, "ladner-fischer"},
}};
static_assert(names_are_distinct(prefix_names));

constexpr EnumNames<MultiplierArchitecture, 3> multiplier_names{{
    {MultiplierArchitecture::array, "array"},
    {MultiplierArchitecture::wallace, "wallace"},
    {MultiplierArchitecture::dadda, "dadda"},
}};
static_assert(names_are_distinct(multiplier_names));

template <class Enum, std::size_t count>
Enum parse_name(const EnumNames<Enum, count>& names, std::string_view name, std::string_view what) {
  if (std::optional<Enum> value = parse_in(names, name)) return *value;
  throw InputError("unknown " + std::string(what) + " '" + std::string(name) +
                   "'; expected one of: " + list_names(names));
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
