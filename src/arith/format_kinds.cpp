// The table of number format kinds.
#include <array>
#include <string>
#include <variant>

#include "format_kind.hpp"

namespace rnncc::arith::detail {
namespace {

/// One row per alternative of Format, in the alternatives' order: a format's
/// kind is the row at its index.
constinit const std::array<const FormatKind*, 4> kinds = {
    &exact_format_kind,
    &mod_format_kind,
    &residue_format_kind,
    &fixed_format_kind,
};
static_assert(kinds.size() == std::variant_size_v<Format>,
              "every alternative of Format needs its row in the table of kinds");

std::string list_of_syntaxes() {
  std::string list;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (i > 0) list += i + 1 == kinds.size() ? " or " : ", ";
    list += kinds[i]->syntax;
  }
  return list;
}

}  // namespace

std::span<const FormatKind* const> format_kinds() {
  return kinds;
}

const FormatKind& kind_of(const Format& format) {
  return *kinds[format.index()];
}

const FormatKind* find_kind(std::string_view keyword) {
  for (const FormatKind* kind : kinds) {
    if (kind->keyword == keyword) return kind;
  }
  return nullptr;
}

std::string_view accepted_formats() {
  static const std::string list = list_of_syntaxes();
  return list;
}

}  // namespace rnncc::arith::detail
