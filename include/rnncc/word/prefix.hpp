// The one parallel-prefix engine: adders scan (generate, propagate) pairs
// with it, the model compiler scans affine maps over time with it.
#pragma once

#include <cstddef>
#include <vector>

#include "rnncc/word/bit_vector.hpp"

namespace rnncc::word {

/// Inclusive prefix of `items` under an associative, not necessarily
/// commutative `combine(later, earlier)` (the element covering higher
/// positions is the first argument): result[i] = items[i] ∘ ... ∘ items[0].
/// Every call combines two adjacent, disjoint ranges, so the operator needs
/// no idempotence. Works for every n = items.size() >= 0; no recursion.
///
/// Exact operator depth D(n) (longest chain of calls from an item to an
/// output) and size S(n) (number of calls), with K = ⌈log2 n⌉,
/// L = ⌊log2 n⌋, bitlength(x) = ⌈log2(x+1)⌉ and popcount(n) the number of
/// one bits of n; "2^k:" gives the textbook closed form for n = 2^k.
///   ripple:       D = n-1;  S = n-1.
///   Sklansky:     D = K;    S = Σ_{l<K} #{i < n : bit l of i is 1}.
///                 2^k: S = (n/2)k.
///   Kogge–Stone:  D = K;    S = nK - 2^K + 1.
///                 2^k: S = nk - n + 1.
///   Brent–Kung:   D = max(2L - 2, L + ⌊log2(n - 2^L + 1)⌋) for n >= 2;
///                 S = 2n - 1 - popcount(n) - L.
///                 2^k: D = 2k - 2 (k >= 2), S = 2n - 2 - k. The textbook's
///                 2k - 1 counts drawn rows; the first down-sweep call runs
///                 in the row of the last up-sweep call, so the longest
///                 chain is one shorter.
///   Ladner–Fischer (the k = 1 network of Ladner and Fischer): combine the
///                 pairs (2j+1, 2j), run Sklansky on the m = ⌊n/2⌋ odd
///                 positions, then fix each even position from its left
///                 neighbour.
///                 D = max(1 + ⌈log2 m⌉, 2 + bitlength(⌊(n-1)/2⌋ - 1)) for n >= 3;
///                 S = n - 1 + S_Sklansky(m).
///                 2^k: D = k + 1 (k >= 3), S = n - 1 + (n/4)(k-1).
template <class Element, class Combine>
std::vector<Element> inclusive_prefix(std::vector<Element> items, Combine combine,
                                      PrefixArchitecture architecture);

/// items[n-1] ∘ ... ∘ items[0], built as the cone of the last output of
/// `architecture`'s network only: n-1 calls, at that output's depth: n-1
/// for ripple; K for Sklansky and Kogge–Stone; ⌊log2 n⌋ + popcount(n) - 1
/// for Brent–Kung; for Ladner–Fischer 1 + bitlength(n/2 - 1) when n is even,
/// 2 + bitlength((n-1)/2 - 1) when n >= 3 is odd (all equal K for n = 2^k).
/// `items` must not be empty.
template <class Element, class Combine>
Element prefix_last(std::vector<Element> items, Combine combine, PrefixArchitecture architecture);

/// items[n-1] ∘ ... ∘ items[0] as a balanced tree of adjacent pairs: depth
/// ⌈log2 n⌉, n-1 calls. `items` must not be empty.
template <class Element, class Combine>
Element balanced_reduce(std::vector<Element> items, Combine combine);

/// Calls visit(target, source) for every step of `architecture`'s network
/// on n positions, in an order that respects dependencies; a step means
/// items[target] = combine(items[target], items[source]) with source <
/// target. The steps are the ones counted by the formulas above.
template <class Visit>
void for_each_prefix_step(std::size_t n, PrefixArchitecture architecture, Visit visit);

}  // namespace rnncc::word

#include "rnncc/word/prefix_impl.hpp"
