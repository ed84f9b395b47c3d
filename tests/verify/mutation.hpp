// Copies of an AIG that differ in one gate, for the equivalence tests.
#pragma once

#include <cstdint>
#include <vector>

#include "rnncc/logic/aig.hpp"

namespace rnncc::test {

/// A copy of `aig` (same inputs, names and outputs) in which the AND node
/// `changed` reads its first fan-in complemented.
inline logic::Aig with_one_gate_changed(const logic::Aig& aig, logic::NodeIndex changed) {
  logic::Aig copy;
  std::vector<logic::Literal> literal_of(aig.node_count(), logic::false_literal);
  auto mapped = [&](logic::Literal literal) {
    return literal_of[literal.node()] ^ literal.is_complemented();
  };
  for (logic::NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (aig.is_input(node)) {
      literal_of[node] = copy.create_input(aig.input_name(aig.input_position(node)));
    } else {
      literal_of[node] =
          copy.create_and(mapped(aig.fanin0(node)) ^ (node == changed), mapped(aig.fanin1(node)));
    }
  }
  for (std::uint32_t o = 0; o < aig.output_count(); ++o)
    copy.create_output(mapped(aig.output(o)), aig.output_name(o));
  return copy;
}

/// AND nodes some output depends on, in index order.
inline std::vector<logic::NodeIndex> ands_in_output_cones(const logic::Aig& aig) {
  std::vector<bool> needed(aig.node_count(), false);
  for (std::uint32_t o = 0; o < aig.output_count(); ++o)
    needed[aig.output(o).node()] = true;
  std::vector<logic::NodeIndex> result;
  for (logic::NodeIndex node = aig.node_count(); node-- > 1;) {
    if (!needed[node] || !aig.is_and(node)) continue;
    needed[aig.fanin0(node).node()] = true;
    needed[aig.fanin1(node).node()] = true;
    result.push_back(node);
  }
  return {result.rbegin(), result.rend()};
}

}  // namespace rnncc::test
