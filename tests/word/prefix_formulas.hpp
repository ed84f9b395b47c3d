// Hand-derived depth and size formulas of the prefix networks (see
// prefix.hpp), shared by the prefix-engine and adder tests.
#pragma once

#include <algorithm>
#include <cstddef>

#include "rnncc/word/bit_vector.hpp"

namespace rnncc::test::prefix_formulas {

using word::PrefixArchitecture;

/// Operator depth and number of operator calls.
struct Measured {
  std::size_t depth = 0;
  std::size_t calls = 0;
};

inline std::size_t ceil_log2(std::size_t n) {
  std::size_t k = 0;
  while ((std::size_t{1} << k) < n)
    ++k;
  return k;
}
inline std::size_t floor_log2(std::size_t n) {
  std::size_t k = 0;
  while ((std::size_t{2} << k) <= n)
    ++k;
  return k;
}
/// Number of binary digits of x (0 for x = 0).
inline std::size_t bit_length(std::size_t x) {
  return x == 0 ? 0 : floor_log2(x) + 1;
}
inline std::size_t popcount(std::size_t x) {
  std::size_t count = 0;
  for (; x != 0; x >>= 1)
    count += x & 1U;
  return count;
}

// Sklansky's row l updates the positions whose bit l is one: in every full
// block of 2^(l+1) positions 2^l of them, plus the part of the last partial
// block above its lower half.
inline std::size_t sklansky_size(std::size_t n) {
  std::size_t size = 0;
  for (std::size_t l = 0; l < ceil_log2(n); ++l) {
    const std::size_t block = std::size_t{2} << l;
    const std::size_t half = std::size_t{1} << l;
    size += (n / block) * half + (n % block > half ? n % block - half : 0);
  }
  return size;
}

// The formulas documented in prefix.hpp, derived by hand:
// - ripple: a chain.
// - Sklansky: position i is updated in the rows of its one bits, each time
//   from a pivot as deep as the row, so depth(i) = bit_length(i).
// - Kogge–Stone: row l (distance 2^l) updates every position i >= 2^l.
// - Brent–Kung: the up-sweep makes n - popcount(n) calls (Legendre), the
//   down-sweep one call for every position i >= 1 with i+1 not a power of
//   two. A position with i+1 = x has depth ⌊log2 x⌋ + popcount(x) - 1 (its
//   leading range of 2^⌊log2 x⌋ then one call per further one bit); the
//   maximum over x <= n is at x = 2^L - 1 or at the x in [2^L, n] with most
//   one bits.
// - Ladner–Fischer: one row of pairs, Sklansky on the m = ⌊n/2⌋ odd
//   positions (depth 1 + bit_length(j) for odd position 2j+1), and one call
//   for each even position 2j >= 2 (depth 2 + bit_length(j - 1)).
inline Measured expected_inclusive(std::size_t n, PrefixArchitecture architecture) {
  const std::size_t K = ceil_log2(n);
  const std::size_t L = floor_log2(n);
  switch (architecture) {
    case PrefixArchitecture::ripple:
      return {n - 1, n - 1};
    case PrefixArchitecture::sklansky:
      return {K, sklansky_size(n)};
    case PrefixArchitecture::kogge_stone:
      return {K, n * K - (std::size_t{1} << K) + 1};
    case PrefixArchitecture::brent_kung: {
      const std::size_t depth =
          n == 1 ? 0 : std::max(2 * L - 2, L + floor_log2(n - (std::size_t{1} << L) + 1));
      return {depth, 2 * n - 1 - popcount(n) - L};
    }
    case PrefixArchitecture::ladner_fischer: {
      const std::size_t m = n / 2;
      std::size_t depth = n == 1 ? 0 : 1 + ceil_log2(m);
      if (n >= 3) depth = std::max(depth, 2 + bit_length((n - 1) / 2 - 1));
      return {depth, n - 1 + sklansky_size(m)};
    }
  }
  return {};
}

// Depth of output n-1 alone (see expected_inclusive for the per-position
// depths): Brent–Kung x = n, Ladner–Fischer's odd or even position n-1.
inline std::size_t expected_last_depth(std::size_t n, PrefixArchitecture architecture) {
  switch (architecture) {
    case PrefixArchitecture::ripple:
      return n - 1;
    case PrefixArchitecture::sklansky:
    case PrefixArchitecture::kogge_stone:
      return ceil_log2(n);
    case PrefixArchitecture::brent_kung:
      return floor_log2(n) + popcount(n) - 1;
    case PrefixArchitecture::ladner_fischer:
      if (n == 1) return 0;
      return n % 2 == 0 ? 1 + bit_length(n / 2 - 1) : 2 + bit_length((n - 1) / 2 - 1);
  }
  return 0;
}

}  // namespace rnncc::test::prefix_formulas
