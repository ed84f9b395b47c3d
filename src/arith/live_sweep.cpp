#include "rnncc/arith/live_sweep.hpp"

#include <limits>

namespace rnncc::arith {

LiveSweepPlan plan_live_sweep(const Circuit& circuit) {
  LiveSweepPlan plan;
  plan.reachable = circuit.reachable_from_outputs();
  plan.last_reader.assign(circuit.node_count(), 0);
  for (NodeId node = 0; node < circuit.node_count(); ++node) {
    if (!plan.reachable[node]) continue;
    for (std::size_t i = 0; i < operand_count(circuit.kind(node)); ++i) {
      plan.last_reader[circuit.operand(node, i)] = node;
    }
  }
  for (std::uint32_t i = 0; i < circuit.output_count(); ++i) {
    plan.last_reader[circuit.output_node(i)] = std::numeric_limits<NodeId>::max();
  }
  return plan;
}

}  // namespace rnncc::arith
