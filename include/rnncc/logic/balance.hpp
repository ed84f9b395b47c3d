// Depth-oriented rebuilding of an AIG: AND trees and XOR (parity) trees
// rebuilt as balanced trees, never deeper and never larger.
#pragma once

#include <cstdint>

#include "rnncc/logic/aig.hpp"

namespace rnncc::logic {

/// What balance() did.
struct BalanceStatistics {
  /// AND trees rebuilt balanced (each maximal AND tree that comes out
  /// shallower or smaller is one; the others are copied as they are).
  std::uint32_t and_trees = 0;
  std::uint32_t xor_trees = 0;  ///< XOR trees rebuilt balanced, likewise
  /// Regions whose balanced tree came out deeper than the original and were
  /// rebuilt as they were instead (never expected; kept as a guard).
  std::uint32_t kept_as_built = 0;
};

/// A copy of `aig` (structurally hashed, as every Aig) in which every
/// maximal AND tree and every maximal XOR tree that a balanced tree makes
/// shallower (over its leaves' new levels) or smaller is rebuilt as one,
/// and only the logic the outputs depend on is kept. The result is
/// structurally hashed too: a rebuilt node equal to one already made is
/// shared. Inputs (in order), outputs (in order), all names and comments
/// stay as they are.
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
/// come out deeper is copied as it was — see BalanceStatistics). The
/// result has at most as many ANDs as `aig` has in the cone of its outputs:
/// a tree of g AND nodes has at most g + 1 leaves, rebuilt with at most g
/// ANDs; an XOR tree of g gates (3g ANDs) with at most g + 1 leaves is
/// rebuilt with at most 3g; a tree copied has the ANDs it had. Runs without
/// recursion in time O(n log n) for n nodes, with about 9 bytes per node
/// and 4 per leaf of a tree of more than one gate besides the result.
/// Nodes copied unchanged are appended without a hash lookup (`aig` is
/// structurally hashed, as every Aig is, so copies cannot coincide); only
/// rebuilt nodes and the copies whose fan-ins a rebuilt tree could combine
/// go through a small table. When a copy or a rebuilt tree comes out as a
/// node that already stands for another node of the original (two
/// different trees over the same leaves balance alike), the ANDs over either
/// are looked up from then on (and those made over the earlier one are
/// found by a scan); should such scans grow long, or a tree fold to a
/// constant or a leaf, every later node is hashed in full.
Aig balance(const Aig& aig, BalanceStatistics* statistics = nullptr);

}  // namespace rnncc::logic
