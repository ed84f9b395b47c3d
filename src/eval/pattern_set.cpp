#include "rnncc/eval/pattern_set.hpp"

#include <fmt/format.h>

#include "rnncc/common/error.hpp"
#include "rnncc/common/size_limits.hpp"

namespace rnncc::eval {

namespace {

/// ⌈pattern_count / 64⌉ words per signal, once the whole set is known to
/// fit the pattern limit (checked without overflow, before allocating).
std::uint64_t checked_word_count(std::uint32_t signal_count, std::uint64_t pattern_count) {
  const std::uint64_t word_count = pattern_count / 64 + (pattern_count % 64 != 0 ? 1 : 0);
  const std::uint64_t limit = size_limits().max_pattern_bytes;
  if (signal_count != 0 && word_count > limit / 8 / signal_count) {
    const long double bytes = static_cast<long double>(word_count) * signal_count * 8;
    throw LimitError(fmt::format(
        "{} patterns of {} signals would take {:.0f} bytes; the limit is {} (raise it with "
        "--max-pattern-bytes)",
        pattern_count, signal_count, bytes, limit));
  }
  return word_count;
}

}  // namespace

PatternSet::PatternSet(std::uint32_t signal_count, std::uint64_t pattern_count)
    : signal_count_(signal_count),
      pattern_count_(pattern_count),
      word_count_(checked_word_count(signal_count, pattern_count)),
      words_(signal_count * word_count_, 0) {}

void PatternSet::clear_unused_bits() {
  const unsigned used_bits = pattern_count_ % 64;
  if (used_bits == 0) return;
  const std::uint64_t mask = (std::uint64_t{1} << used_bits) - 1;
  for (std::uint32_t signal = 0; signal < signal_count_; ++signal)
    words(signal).back() &= mask;
}

}  // namespace rnncc::eval
