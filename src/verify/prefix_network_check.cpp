#include "rnncc/verify/prefix_network_check.hpp"

#include <fmt/format.h>

#include <chrono>

#include "rnncc/word/prefix.hpp"

namespace rnncc::verify {

StepRange combine_ranges(const StepRange& later, const StepRange& earlier) {
  const bool adjacent = later.first == earlier.last + 1;
  return {earlier.first, later.last, later.contiguous && earlier.contiguous && adjacent};
}

std::vector<StepRange> step_leaves(std::size_t n) {
  std::vector<StepRange> leaves;
  leaves.reserve(n);
  for (std::size_t t = 0; t < n; ++t)
    leaves.push_back({t, t, true});
  return leaves;
}

namespace {

/// "steps a .. b" (1-based, as the model's steps are numbered), or "a
/// combine of ranges that are not adjacent".
std::string describe(const StepRange& range) {
  if (!range.contiguous) return "a combine of two ranges that are not adjacent in order";
  return fmt::format("steps {} .. {}", range.first + 1, range.last + 1);
}

bool covers_prefix(const StepRange& range, std::size_t last) {
  return range.contiguous && range.first == 0 && range.last == last;
}

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

std::optional<std::string> inclusive_prefix_defect(const std::vector<StepRange>& outputs) {
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (!covers_prefix(outputs[i], i)) {
      return fmt::format("output {} of {} composes {}, not steps 1 .. {}", i + 1, outputs.size(),
                         describe(outputs[i]), i + 1);
    }
  }
  return std::nullopt;
}

PrefixNetworkCheck check_inclusive_prefix(word::PrefixArchitecture architecture,
                                          std::size_t largest_length) {
  const Clock::time_point start = Clock::now();
  PrefixNetworkCheck check;
  check.network = fmt::format("{} (every output)", word::name_of(architecture));
  check.largest_length = largest_length;
  for (std::size_t n = 1; n <= largest_length && !check.defect; ++n) {
    auto combine = [&](const StepRange& later, const StepRange& earlier) {
      ++check.combines;
      return combine_ranges(later, earlier);
    };
    const std::vector<StepRange> outputs =
        word::inclusive_prefix(step_leaves(n), combine, architecture);
    if (std::optional<std::string> defect = inclusive_prefix_defect(outputs))
      check.defect = fmt::format("T = {}: {}", n, *defect);
  }
  check.seconds = seconds_since(start);
  return check;
}

PrefixNetworkCheck check_balanced_reduce(std::size_t largest_length) {
  const Clock::time_point start = Clock::now();
  PrefixNetworkCheck check;
  check.network = "balanced tree (last output)";
  check.largest_length = largest_length;
  for (std::size_t n = 1; n <= largest_length && !check.defect; ++n) {
    auto combine = [&](const StepRange& later, const StepRange& earlier) {
      ++check.combines;
      return combine_ranges(later, earlier);
    };
    const StepRange total = word::balanced_reduce(step_leaves(n), combine);
    if (!covers_prefix(total, n - 1)) {
      check.defect = fmt::format("T = {}: the last output composes {}, not steps 1 .. {}", n,
                                 describe(total), n);
    }
  }
  check.seconds = seconds_since(start);
  return check;
}

}  // namespace rnncc::verify
