#include "rnncc/compile/schedule.hpp"

#include <fmt/format.h>

#include <charconv>

#include "rnncc/common/error.hpp"

namespace rnncc::compile {

Schedule parse_schedule(std::string_view text) {
  if (text == "sequential") return {ScheduleKind::sequential, 0};
  if (text == "scan") return {ScheduleKind::scan, 0};
  if (text == "table") return {ScheduleKind::table, 0};
  constexpr std::string_view chunked = "chunked:";
  if (text.substr(0, chunked.size()) == chunked) {
    std::string_view digits = text.substr(chunked.size());
    std::size_t chunk = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), chunk);
    if (error == std::errc() && end == digits.data() + digits.size() && chunk >= 1) {
      return {ScheduleKind::chunked, chunk};
    }
  }
  throw InputError(fmt::format(
      "unknown schedule '{}' (expected sequential, scan, chunked:C with C >= 1, or table)", text));
}

std::string to_string(const Schedule& schedule) {
  switch (schedule.kind) {
    case ScheduleKind::sequential:
      return "sequential";
    case ScheduleKind::scan:
      return "scan";
    case ScheduleKind::chunked:
      return fmt::format("chunked:{}", schedule.chunk);
    case ScheduleKind::table:
      return "table";
  }
  return "unknown";
}

}  // namespace rnncc::compile
