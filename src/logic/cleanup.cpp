#include "rnncc/logic/cleanup.hpp"

#include <vector>

namespace rnncc::logic {

// Nodes are in topological order, so one sweep from the last node down
// propagates the marks without recursion.
std::vector<bool> output_cone(const Aig& aig) {
  std::vector<bool> reachable(aig.node_count(), false);
  for (std::uint32_t i = 0; i < aig.output_count(); ++i)
    reachable[aig.output(i).node()] = true;
  for (NodeIndex node = aig.node_count(); node-- > 1;) {
    if (!reachable[node] || !aig.is_and(node)) continue;
    reachable[aig.fanin0(node).node()] = true;
    reachable[aig.fanin1(node).node()] = true;
  }
  return reachable;
}

std::uint32_t reachable_and_count(const Aig& aig) {
  std::vector<bool> reachable = output_cone(aig);
  std::uint32_t count = 0;
  for (NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (reachable[node] && aig.is_and(node)) ++count;
  }
  return count;
}

Aig remove_dangling(const Aig& aig) {
  std::vector<bool> reachable = output_cone(aig);
  Aig result;
  std::vector<Literal> image(aig.node_count(), false_literal);
  for (std::uint32_t i = 0; i < aig.input_count(); ++i) {
    image[aig.input_node(i)] = result.create_input(aig.input_name(i));
  }
  auto mapped = [&](Literal literal) { return image[literal.node()] ^ literal.is_complemented(); };
  for (NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (reachable[node] && aig.is_and(node)) {
      // A sub-DAG of a structurally hashed AIG needs no hashing: its ANDs
      // stay distinct and unsimplifiable under the injective renumbering.
      image[node] = result.append_unique_and(mapped(aig.fanin0(node)), mapped(aig.fanin1(node)));
    }
  }
  for (std::uint32_t i = 0; i < aig.output_count(); ++i) {
    result.create_output(mapped(aig.output(i)), aig.output_name(i));
  }
  result.comments() = aig.comments();
  return result;
}

}  // namespace rnncc::logic
