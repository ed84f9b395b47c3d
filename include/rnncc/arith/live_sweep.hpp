// One pass over the nodes of a circuit that the outputs depend on, holding
// each node's value only while some later node still reads it.
#pragma once

#include <cstddef>
#include <vector>

#include "rnncc/arith/circuit.hpp"

namespace rnncc::arith {

/// What a live sweep needs to know in advance.
struct LiveSweepPlan {
  std::vector<bool> reachable;      ///< nodes some output depends on
  std::vector<NodeId> last_reader;  ///< the last node reading each node (see below)
};

/// last_reader[n] is the last reachable node, in creation order, that has n
/// as an operand; outputs are never released (their entry is the largest
/// NodeId), and nodes nobody reads have 0.
LiveSweepPlan plan_live_sweep(const Circuit& circuit);

/// Calls `visit(node)` for every node the outputs depend on, in creation
/// order; after each visit calls `release(operand)` for every operand whose
/// last reader was that node, so memory holds only the live values.
template <class Visit, class Release>
void sweep_live_nodes(const Circuit& circuit, Visit visit, Release release) {
  const LiveSweepPlan plan = plan_live_sweep(circuit);
  for (NodeId node = 0; node < circuit.node_count(); ++node) {
    if (!plan.reachable[node]) continue;
    visit(node);
    for (std::size_t i = 0; i < operand_count(circuit.kind(node)); ++i) {
      NodeId operand = circuit.operand(node, i);
      if (plan.last_reader[operand] == node) release(operand);
    }
  }
}

}  // namespace rnncc::arith
