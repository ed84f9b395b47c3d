// The longest input-to-output path of an Aig, found by Boost.Graph.
#pragma once

#include <vector>

#include "rnncc/logic/aig.hpp"

namespace rnncc::analysis {

/// Nodes of a longest path (counted in AND nodes) from an input or the
/// constant to the deepest output, in path order. Its AND count equals
/// aig.depth(). Uses Boost's DAG longest-path relaxation (no recursion);
/// empty when the Aig has no outputs.
std::vector<logic::NodeIndex> critical_path(const logic::Aig& aig);

/// Node levels recomputed by Boost's topological sort and DAG relaxation,
/// independently of the levels the Aig stores at creation.
std::vector<std::uint32_t> longest_path_levels(const logic::Aig& aig);

}  // namespace rnncc::analysis
