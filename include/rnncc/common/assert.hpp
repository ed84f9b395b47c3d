// Checks of internal invariants: conditions the code itself guarantees, on
// paths too hot to pay for a check in a release build. Input from a user is
// never checked this way; it gets an InputError (rnncc/common/error.hpp).
#pragma once

#include <cstdio>
#include <cstdlib>

namespace rnncc::detail {

/// Prints "FILE:LINE: internal invariant failed: WHAT" to standard error and
/// aborts. Never returns.
[[noreturn]] inline void invariant_failed(const char* what, const char* file, int line) noexcept {
  std::fprintf(stderr, "%s:%d: internal invariant failed: %s\n", file, line, what);
  std::abort();
}

}  // namespace rnncc::detail

/// RNNCC_ASSERT(condition): in a debug build (NDEBUG not defined) evaluates
/// `condition` and, if it is false, reports the file, the line and the
/// condition's text and aborts. In a release build it compiles to nothing:
/// `condition` is not evaluated, so it must have no effect the code needs.
#ifdef NDEBUG
#define RNNCC_ASSERT(condition) static_cast<void>(sizeof(!(condition)))
#else
#define RNNCC_ASSERT(condition)       \
  ((condition) ? static_cast<void>(0) \
               : ::rnncc::detail::invariant_failed(#condition, __FILE__, __LINE__))
#endif

/// RNNCC_UNREACHABLE("what"): a line the code never reaches, such as the end
/// of a function after a switch over every enumerator. Reports the file, the
/// line and `what` and aborts, in every build (it costs nothing where it is
/// not reached, and a function ending in it needs no dummy return value).
#define RNNCC_UNREACHABLE(what) ::rnncc::detail::invariant_failed(what, __FILE__, __LINE__)
