#include "rnncc/compile/schedule.hpp"

#include <fmt/format.h>

#include <charconv>
#include <optional>

#include "rnncc/common/enum_names.hpp"
#include "rnncc/common/error.hpp"

namespace rnncc::compile {

namespace {

constexpr EnumNames<ScheduleKind, 4> kind_names{{
    {ScheduleKind::sequential, "sequential"},
    {ScheduleKind::scan, "scan"},
    {ScheduleKind::chunked, "chunked"},
    {ScheduleKind::table, "table"},
}};
static_assert(names_are_distinct(kind_names));

/// The kind that takes an argument, spelled "chunked:C".
constexpr ScheduleKind kind_with_argument = ScheduleKind::chunked;

/// "sequential, scan, chunked:C with C >= 1, or table".
std::string accepted_spellings() {
  std::string list;
  for (std::size_t i = 0; i < kind_names.size(); ++i) {
    if (i > 0) list += i + 1 == kind_names.size() ? ", or " : ", ";
    list += kind_names[i].name;
    if (kind_names[i].value == kind_with_argument) list += ":C with C >= 1";
  }
  return list;
}

}  // namespace

std::string_view name_of(ScheduleKind kind) {
  return name_in(kind_names, kind);
}

Schedule parse_schedule(std::string_view text) {
  if (std::optional<ScheduleKind> kind = parse_in(kind_names, text)) {
    if (*kind != kind_with_argument) return {*kind, 0};
  }
  const std::string chunked = fmt::format("{}:", name_of(kind_with_argument));
  if (text.substr(0, chunked.size()) == chunked) {
    std::string_view digits = text.substr(chunked.size());
    std::size_t chunk = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), chunk);
    if (error == std::errc() && end == digits.data() + digits.size() && chunk >= 1) {
      return {kind_with_argument, chunk};
    }
  }
  throw InputError(fmt::format("unknown schedule '{}' (expected {})", text, accepted_spellings()));
}

std::string to_string(const Schedule& schedule) {
  if (schedule.kind == kind_with_argument) {
    return fmt::format("{}:{}", name_of(schedule.kind), schedule.chunk);
  }
  return std::string(name_of(schedule.kind));
}

}  // namespace rnncc::compile
