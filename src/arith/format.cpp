#include "rnncc/arith/format.hpp"

#include <fmt/format.h>

#include "format_kind.hpp"
#include "format_text.hpp"

namespace rnncc::arith {

using detail::accepted_formats;
using detail::kind_of;
using detail::refuse_format;

Format parse_format(std::string_view text) {
  const std::size_t colon = text.find(':');
  const bool has_arguments = colon != std::string_view::npos;
  const std::string_view keyword = text.substr(0, colon);
  const detail::FormatKind* kind = detail::find_kind(keyword);
  if (kind != nullptr && kind->takes_arguments == has_arguments) {
    return kind->parse(text, has_arguments ? text.substr(colon + 1) : std::string_view{});
  }
  // float:E.M is planned; until it is a kind, it is refused as such.
  if (keyword == "float") {
    refuse_format(
        text, fmt::format("float formats are not supported yet; expected {}", accepted_formats()));
  }
  refuse_format(text, fmt::format("expected {}", accepted_formats()));
}

std::string to_string(const Format& format) {
  return kind_of(format).print(format);
}

bool is_ring(const Format& format) {
  return kind_of(format).is_ring;
}

bool is_finite(const Format& format) {
  return kind_of(format).is_finite;
}

std::optional<std::size_t> width_in_bits(const Format& format) {
  return kind_of(format).width_in_bits(format);
}

RepresentableRange representable_range(const Format& format) {
  return kind_of(format).members.representable_range(format);
}

mpq_class resolution(const Format& format) {
  return kind_of(format).members.resolution(format);
}

bool is_member(const Format& format, const mpq_class& value) {
  return kind_of(format).members.is_member(format, value);
}

mpz_class encode(const Format& format, const mpq_class& value) {
  return kind_of(format).members.encode(format, value);
}

mpq_class decode(const Format& format, const mpz_class& pattern) {
  return kind_of(format).members.decode(format, pattern);
}

}  // namespace rnncc::arith
