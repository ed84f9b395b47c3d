// The bit mixer every rnncc hash table uses.
#pragma once

#include <cstdint>

namespace rnncc {

/// MurmurHash3's 64-bit finaliser: a bijection on 64-bit words in which
/// every input bit affects every output bit, so both the high bits (used
/// to scale onto a table) and the low bits (used as masks) are well spread.
constexpr std::uint64_t mix_bits(std::uint64_t value) {
  value ^= value >> 33;
  value *= 0xff51afd7ed558ccdULL;
  value ^= value >> 33;
  value *= 0xc4ceb9fe1a85ec53ULL;
  value ^= value >> 33;
  return value;
}

}  // namespace rnncc
