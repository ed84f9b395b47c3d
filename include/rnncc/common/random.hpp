// The one pseudo-random generator of rnncc: reproducible on every machine.
#pragma once

#include <cstdint>

namespace rnncc {

/// splitmix64 (Steele, Lea and Flood 2014): state += 0x9e3779b97f4a7c15,
/// then two xor-shift-multiply rounds. Same sequence on every platform.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

  /// The next 64-bit output.
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  /// A uniform integer in [0, range) by rejection sampling (range >= 1).
  std::uint64_t below(std::uint64_t range) {
    const std::uint64_t limit = (~std::uint64_t{0} / range) * range;
    std::uint64_t draw = next();
    while (draw >= limit)
      draw = next();
    return draw % range;
  }

 private:
  std::uint64_t state_;
};

}  // namespace rnncc
