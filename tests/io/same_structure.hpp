// Structural comparison of a circuit read back from a file with the circuit
// that was written: the same inputs and outputs with the same names, and a
// one-to-one map between the nodes some output depends on that keeps every
// node's operation, parameters and operands. The map is built by walking
// the original in topological order and finding each node's image among the
// read circuit's nodes, so numbering and operand order may differ; the
// comparison uses only the circuits' accessors, never a file format.
#pragma once

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/logic/aig.hpp"

namespace rnncc::test {

/// Checks that `read` is `original` up to renumbering of its nodes and the
/// order of each AND's fan-ins (ANDs no output depends on are ignored), with
/// the same input and output names and comment lines.
inline void check_same_boolean_structure(const logic::Aig& original, const logic::Aig& read) {
  REQUIRE(read.input_count() == original.input_count());
  REQUIRE(read.output_count() == original.output_count());
  for (std::uint32_t i = 0; i < original.input_count(); ++i)
    CHECK(read.input_name(i) == original.input_name(i));
  for (std::uint32_t i = 0; i < original.output_count(); ++i)
    CHECK(read.output_name(i) == original.output_name(i));
  CHECK(read.comments() == original.comments());

  auto live_nodes = [](const logic::Aig& aig) {
    std::vector<bool> live(aig.node_count(), false);
    for (std::uint32_t i = 0; i < aig.output_count(); ++i)
      live[aig.output(i).node()] = true;
    for (logic::NodeIndex node = aig.node_count(); node-- > 1;) {
      if (live[node] && aig.is_and(node)) {
        live[aig.fanin0(node).node()] = true;
        live[aig.fanin1(node).node()] = true;
      }
    }
    return live;
  };
  const std::vector<bool> original_live = live_nodes(original);
  const std::vector<bool> read_live = live_nodes(read);

  // The read circuit's live ANDs by their fan-in pair (smaller code first).
  auto fanin_pair = [](logic::Literal a, logic::Literal b) {
    return std::pair{std::min(a.code, b.code), std::max(a.code, b.code)};
  };
  std::map<std::pair<std::uint32_t, std::uint32_t>, logic::NodeIndex> read_ands;
  std::size_t read_live_ands = 0;
  for (logic::NodeIndex node = 1; node < read.node_count(); ++node) {
    if (!read.is_and(node) || !read_live[node]) continue;
    ++read_live_ands;
    read_ands.emplace(fanin_pair(read.fanin0(node), read.fanin1(node)), node);
  }

  std::vector<logic::NodeIndex> image(original.node_count(), 0);
  for (std::uint32_t i = 0; i < original.input_count(); ++i)
    image[original.input_node(i)] = read.input_node(i);
  auto literal_image = [&](logic::Literal literal) {
    return logic::Literal::of(image[literal.node()], literal.is_complemented());
  };
  std::size_t original_live_ands = 0;
  std::set<logic::NodeIndex> images_used;
  for (logic::NodeIndex node = 1; node < original.node_count(); ++node) {
    if (!original.is_and(node) || !original_live[node]) continue;
    ++original_live_ands;
    const auto found = read_ands.find(
        fanin_pair(literal_image(original.fanin0(node)), literal_image(original.fanin1(node))));
    REQUIRE_MESSAGE(found != read_ands.end(), fmt::format("no image of AND node {}", node));
    image[node] = found->second;
    images_used.insert(found->second);
  }
  CHECK(original_live_ands == read_live_ands);
  CHECK(images_used.size() == original_live_ands);
  for (std::uint32_t i = 0; i < original.output_count(); ++i)
    CHECK(read.output(i) == literal_image(original.output(i)));
}

namespace structure_detail {

/// A node's operation and parameters with its operands given by `operand`:
/// equal texts for nodes that compute the same from the same operands.
template <typename OperandName>
std::string node_text(const arith::Circuit& circuit, arith::NodeId node, OperandName operand) {
  const arith::OperationKind kind = circuit.kind(node);
  std::string text = fmt::format("{}{}", arith::name_of(kind), circuit.is_boolean(node) ? "?" : "");
  std::vector<std::uint32_t> operands;
  for (std::size_t i = 0; i < arith::operand_count(kind); ++i)
    operands.push_back(operand(circuit.operand(node, i)));
  const bool commutative = kind == arith::OperationKind::add ||
                           kind == arith::OperationKind::multiply ||
                           kind == arith::OperationKind::equal;
  if (commutative) std::sort(operands.begin(), operands.end());
  for (std::uint32_t id : operands)
    text += fmt::format(" #{}", id);
  switch (kind) {
    case arith::OperationKind::input:
      text += fmt::format(" {}", circuit.input_position(node));
      break;
    case arith::OperationKind::constant:
      text += fmt::format(" {}", circuit.constant_value(node).get_str());
      break;
    case arith::OperationKind::rescale:
      text += fmt::format(" {}", circuit.rescale_shift(node));
      break;
    case arith::OperationKind::clip:
      text += fmt::format(" {} {}", circuit.clip_bounds(node).first.get_str(),
                          circuit.clip_bounds(node).second.get_str());
      break;
    case arith::OperationKind::lookup: {
      const arith::LookupTable& table = circuit.table(circuit.lookup_table(node));
      text += fmt::format(" {}", table.name());
      if (!table.activation) {
        text += fmt::format(" default {}", table.explicit_table.default_result.get_str());
        for (const auto& [argument, result] : table.explicit_table.entries)
          text += fmt::format(" {}:{}", argument.get_str(), result.get_str());
      }
      break;
    }
    default:
      break;
  }
  return text;
}

inline std::vector<bool> live_nodes(const arith::Circuit& circuit) {
  std::vector<bool> live(circuit.node_count(), false);
  for (std::uint32_t i = 0; i < circuit.output_count(); ++i)
    live[circuit.output_node(i)] = true;
  for (arith::NodeId node = circuit.node_count(); node-- > 0;) {
    if (!live[node]) continue;
    for (std::size_t i = 0; i < arith::operand_count(circuit.kind(node)); ++i)
      live[circuit.operand(node, i)] = true;
  }
  return live;
}

}  // namespace structure_detail

/// Checks that `read` is `original` up to renumbering of its nodes and the
/// order of commutative operands (nodes no output depends on are ignored):
/// the same format, input names and domains, output names, and every node
/// with the same operation, constant, shift, bounds or table.
inline void check_same_word_level_structure(const arith::Circuit& original,
                                            const arith::Circuit& read) {
  CHECK(read.format() == original.format());
  REQUIRE(read.input_count() == original.input_count());
  REQUIRE(read.output_count() == original.output_count());
  for (std::uint32_t i = 0; i < original.input_count(); ++i) {
    CHECK(read.input_name(i) == original.input_name(i));
    REQUIRE(read.input_domain(i).has_value() == original.input_domain(i).has_value());
    if (original.input_domain(i)) {
      CHECK(read.input_domain(i)->low == original.input_domain(i)->low);
      CHECK(read.input_domain(i)->high == original.input_domain(i)->high);
      CHECK(read.input_domain(i)->denominator == original.input_domain(i)->denominator);
    }
  }
  for (std::uint32_t i = 0; i < original.output_count(); ++i)
    CHECK(read.output_name(i) == original.output_name(i));

  const std::vector<bool> original_live = structure_detail::live_nodes(original);
  const std::vector<bool> read_live = structure_detail::live_nodes(read);
  std::map<std::string, arith::NodeId> read_nodes;
  std::size_t read_live_count = 0;
  for (arith::NodeId node = 0; node < read.node_count(); ++node) {
    if (!read_live[node]) continue;
    ++read_live_count;
    read_nodes.emplace(structure_detail::node_text(read, node, [](arith::NodeId id) { return id; }),
                       node);
  }
  std::vector<arith::NodeId> image(original.node_count(), 0);
  std::size_t original_live_count = 0;
  std::set<arith::NodeId> images_used;
  for (arith::NodeId node = 0; node < original.node_count(); ++node) {
    if (!original_live[node]) continue;
    ++original_live_count;
    const std::string text =
        structure_detail::node_text(original, node, [&](arith::NodeId id) { return image[id]; });
    const auto found = read_nodes.find(text);
    REQUIRE_MESSAGE(found != read_nodes.end(), fmt::format("no image of node {}: {}", node, text));
    image[node] = found->second;
    images_used.insert(found->second);
  }
  CHECK(original_live_count == read_live_count);
  CHECK(images_used.size() == original_live_count);
  for (std::uint32_t i = 0; i < original.output_count(); ++i)
    CHECK(read.output_node(i) == image[original.output_node(i)]);
}

}  // namespace rnncc::test
