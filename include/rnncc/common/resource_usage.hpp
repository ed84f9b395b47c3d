// What the running process has used: time and memory, for reports.
#pragma once

#include <cstdint>

namespace rnncc {

/// The peak resident set size of this process so far in bytes (VmHWM of
/// /proc/self/status), or 0 where that is not available.
std::uint64_t peak_resident_bytes();

/// The current resident set size in bytes (VmRSS), or 0.
std::uint64_t current_resident_bytes();

/// Returns freed heap memory to the system, then resets the peak resident
/// set size (VmHWM) to the current one, so that peak_resident_bytes() after
/// a piece of work is that work's peak. False where Linux refuses (the peak
/// is then the process's peak so far).
bool reset_peak_resident_bytes();

}  // namespace rnncc
