// Depth-oriented rebuilding of an AIG: AND trees and XOR (parity) trees
// rebuilt as balanced trees, never deeper and never larger.
#pragma once

#include <cstdint>

#include "rnncc/logic/aig.hpp"

namespace rnncc::logic {

/// What balance() did.
struct BalanceStatistics {
  std::uint32_t and_trees = 0;  ///< AND trees rebuilt (each maximal AND tree is one)
  std::uint32_t xor_trees = 0;  ///< XOR trees rebuilt (each maximal XOR tree is one)
  /// Regions whose balanced tree came out deeper than the original and were
  /// rebuilt as they were instead (never expected; kept as a guard).
  std::uint32_t kept_as_built = 0;
};

/// A copy of `aig` in which every maximal AND tree and every maximal XOR
/// tree is rebuilt as a balanced tree, with structural hashing, and only the
/// logic the outputs depend on is kept. Inputs (in order), outputs (in
/// order), all names and comments stay as they are.
///
/// An AND tree grows from an AND node down through fan-ins that are
/// uncomplemented AND nodes used by that AND alone; it stops at inputs,
/// complemented edges, nodes used more than once, and XOR gates. An XOR gate
/// is the three-AND pattern !(x & y) & !(!x & !y) = x ^ y whose two inner
/// ANDs are used by it alone; an XOR tree grows through XOR gates used only
/// by the gate above (in either polarity). Each tree's distinct leaves
/// (equal leaves merged, x & !x and x ^ x folded to constants) are combined
/// the two shallowest first, which gives the least depth possible for the
/// leaves' levels. Multiplexers (the same pattern with an unrelated second
/// fan-in) are left as the three ANDs they are, their data and select
/// cones balanced.
///
/// Promises, for every output: its level in the result is at most its
/// level in `aig`, so depth() never increases (a rebuilt region that would
/// come out deeper is rebuilt as it was — see BalanceStatistics). The
/// result has at most as many ANDs as `aig` has in the cone of its outputs:
/// a tree of g AND nodes has at most g + 1 leaves, rebuilt with at most g
/// ANDs; an XOR tree of g gates (3g ANDs) with at most g + 1 leaves is
/// rebuilt with at most 3g. Runs without recursion in time O(n log n) for
/// n nodes, with about 10 bytes per node besides the result.
Aig balance(const Aig& aig, BalanceStatistics* statistics = nullptr);

}  // namespace rnncc::logic
