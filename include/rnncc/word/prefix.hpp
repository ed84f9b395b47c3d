// The one parallel-prefix engine: adders scan (generate, propagate) pairs
// with it, the model compiler scans affine maps over time with it.
#pragma once

#include <cstddef>
#include <vector>

#include "rnncc/word/bit_vector.hpp"

namespace rnncc::word {

/// Inclusive prefix of `items` under an associative `combine(later, earlier)`
/// (the element covering higher positions is the first argument): result[i]
/// = items[i] ∘ ... ∘ items[0]. The network shape is `architecture`; every
/// shape makes the same calls' worth of results but differs in depth and
/// number of `combine` calls exactly as the textbook network:
///   ripple: depth n-1, size n-1;  Sklansky: depth ⌈log2 n⌉, size (n/2)⌈log2 n⌉;
///   Kogge–Stone: depth ⌈log2 n⌉, size n⌈log2 n⌉ - n + 1;
///   Brent–Kung: depth 2⌈log2 n⌉ - 1 (n ≥ 2), size 2n - 2 - ⌈log2 n⌉;
///   Ladner–Fischer (k = 1): depth ⌈log2 n⌉ + 1, between Sklansky and Brent–Kung.
template <class Element, class Combine>
std::vector<Element> inclusive_prefix(std::vector<Element> items, Combine combine,
                                      PrefixArchitecture architecture);

/// items[n-1] ∘ ... ∘ items[0] as a balanced tree: depth ⌈log2 n⌉, n-1 calls.
/// `items` must not be empty.
template <class Element, class Combine>
Element balanced_reduce(std::vector<Element> items, Combine combine);

}  // namespace rnncc::word

#include "rnncc/word/prefix_impl.hpp"
