// Permutations of 0..4 for tests of the S5 task and model, computed here
// independently of the generator (which enumerates with
// std::next_permutation).
#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace rnncc::test {

/// The k-th permutation of 0..4 in lexicographic order (0 <= k < 120), by
/// the factorial number system.
inline std::array<int, 5> kth_permutation(int k) {
  std::vector<int> pool = {0, 1, 2, 3, 4};
  std::array<int, 5> result{};
  int factorial = 24;
  for (int position = 0; position < 5; ++position) {
    const int index = k / factorial;
    k %= factorial;
    result[static_cast<std::size_t>(position)] = pool[static_cast<std::size_t>(index)];
    pool.erase(pool.begin() + index);
    if (position < 4) factorial /= 4 - position;
  }
  return result;
}

}  // namespace rnncc::test
