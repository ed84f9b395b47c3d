#include "rnncc/eval/random_patterns.hpp"

namespace rnncc::eval {

namespace {

/// Steele, Lea and Flood's splitmix64 (the seeding generator of Java's
/// SplittableRandom), written from its published definition.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

}  // namespace

PatternSet random_patterns(std::uint32_t signal_count, std::uint64_t pattern_count,
                           std::uint64_t seed) {
  PatternSet patterns(signal_count, pattern_count);
  SplitMix64 generator(seed);
  for (std::uint64_t word = 0; word < patterns.word_count(); ++word)
    for (std::uint32_t signal = 0; signal < signal_count; ++signal)
      patterns.words(signal)[word] = generator.next();
  patterns.clear_unused_bits();
  return patterns;
}

}  // namespace rnncc::eval
