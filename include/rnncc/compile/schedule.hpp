// How a recurrence is unrolled over time (docs/design.md, "Schedules").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rnncc::compile {

enum class ScheduleKind { sequential, scan, chunked, table };

/// A schedule; `chunk` is C for chunked:C.
struct Schedule {
  ScheduleKind kind = ScheduleKind::sequential;
  std::size_t chunk = 0;
  bool operator==(const Schedule&) const = default;
};

/// The kind's name: "sequential", "scan", "chunked" or "table".
std::string_view name_of(ScheduleKind kind);

/// Parses "sequential", "scan", "chunked:C" (C >= 1) or "table"; throws
/// InputError naming the accepted spellings.
Schedule parse_schedule(std::string_view text);

/// The spelling parse_schedule reads back.
std::string to_string(const Schedule& schedule);

}  // namespace rnncc::compile
