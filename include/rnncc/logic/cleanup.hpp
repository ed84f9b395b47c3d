// Removing nodes that no output depends on.
#pragma once

#include <vector>

#include "rnncc/logic/aig.hpp"

namespace rnncc::logic {

/// A copy of `aig` holding only the AND nodes in the transitive fan-in of
/// its outputs (what ABC's `&r` and `cleanup` keep), with every input (in
/// order), every output, all names and comments. Levels are unchanged for
/// the kept nodes, so the depth is the same. Runs without recursion.
Aig remove_dangling(const Aig& aig);

/// Marks, by node index, the nodes in the transitive fan-in of the outputs
/// (the output nodes included). One sweep from the last node down, no
/// recursion.
std::vector<bool> output_cone(const Aig& aig);

/// Number of AND nodes in the transitive fan-in of the outputs.
std::uint32_t reachable_and_count(const Aig& aig);

}  // namespace rnncc::logic
