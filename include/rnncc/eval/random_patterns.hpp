// Reproducible random input patterns.
#pragma once

#include <cstdint>

#include "rnncc/eval/pattern_set.hpp"

namespace rnncc::eval {

/// `pattern_count` random patterns of `signal_count` signals from the
/// splitmix64 generator (state += 0x9e3779b97f4a7c15; output = the state
/// mixed by z ^= z >> 30, z *= 0xbf58476d1ce4e5b9, z ^= z >> 27,
/// z *= 0x94d049bb133111eb, z ^= z >> 31) started at state `seed`. Outputs
/// are consumed word by word: for word w = 0, 1, ... and signal s = 0, 1,
/// ..., the next output gives patterns 64w .. 64w+63 of signal s (bit k is
/// pattern 64w+k). So the patterns are the same on every machine, and the
/// first N patterns do not depend on how many are asked for.
PatternSet random_patterns(std::uint32_t signal_count, std::uint64_t pattern_count,
                           std::uint64_t seed);

}  // namespace rnncc::eval
