// Longest paths, in AND nodes, between any nodes of one AIG, as (max, +)
// matrices: the one engine behind analytic depths and step summaries.
#pragma once

#include <span>
#include <vector>

#include "rnncc/analysis/fanout_view.hpp"
#include "rnncc/analysis/max_plus_matrix.hpp"
#include "rnncc/logic/aig.hpp"

namespace rnncc::analysis {

/// Longest paths from chosen nodes (inputs or internal nodes) to chosen
/// nodes. Holds the AIG's fan-out view; each query visits only the nodes
/// reachable from its sources up to the last target (in index order, which
/// is topological), so a query on a small cone of a large circuit is cheap.
/// No recursion. Queries reuse scratch space: not for concurrent use.
class LongestPaths {
 public:
  using Entry = MaxPlusMatrix::Entry;

  /// Builds the fan-out view of `aig`, which must outlive this object.
  explicit LongestPaths(const logic::Aig& aig);

  /// entry(i, j) = the longest path from the node of `from[i]` to the node
  /// of `to[j]` (0 for the same node, no_path when `to[j]` does not depend
  /// on it; constant literals have no paths; complements are ignored).
  MaxPlusMatrix matrix(std::span<const logic::Literal> from,
                       std::span<const logic::Literal> to) const;

  /// result[j] = the longest path from any node of `from` to the node of
  /// `to[j]` (no_path when none).
  std::vector<Entry> from_any(std::span<const logic::Literal> from,
                              std::span<const logic::Literal> to) const;

 private:
  /// Longest paths from `sources` to every node up to `last`, left in
  /// distance_ (visited_ lists the nodes set).
  void explore(std::span<const logic::Literal> sources, logic::NodeIndex last) const;
  void reset() const;

  FanoutView fanouts_;
  mutable std::vector<Entry> distance_;
  mutable std::vector<logic::NodeIndex> visited_;
};

}  // namespace rnncc::analysis
