#include "rnncc/eval/pattern_set.hpp"

namespace rnncc::eval {

PatternSet::PatternSet(std::uint32_t signal_count, std::uint64_t pattern_count)
    : signal_count_(signal_count),
      pattern_count_(pattern_count),
      word_count_((pattern_count + 63) / 64),
      words_(signal_count * word_count_, 0) {}

void PatternSet::clear_unused_bits() {
  const unsigned used_bits = pattern_count_ % 64;
  if (used_bits == 0) return;
  const std::uint64_t mask = (std::uint64_t{1} << used_bits) - 1;
  for (std::uint32_t signal = 0; signal < signal_count_; ++signal)
    words(signal).back() &= mask;
}

}  // namespace rnncc::eval
