#include "support/circuit_difference.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace rnncc::fuzz {

namespace {

/// Nodes some output of `aig` depends on.
std::vector<bool> live_nodes(const logic::Aig& aig) {
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
}

std::vector<bool> live_nodes(const arith::Circuit& circuit) {
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

/// A node's operation, type and parameters with its operands named by
/// `operand`: equal texts for nodes that compute the same from the same
/// operands.
template <typename OperandName>
std::string node_text(const arith::Circuit& circuit, arith::NodeId node, OperandName operand) {
  const arith::OperationKind kind = circuit.kind(node);
  std::string text = fmt::format("{}{}", arith::name_of(kind), circuit.is_boolean(node) ? "?" : "");
  std::vector<std::uint32_t> operands;
  for (std::size_t i = 0; i < arith::operand_count(kind); ++i)
    operands.push_back(operand(circuit.operand(node, i)));
  if (kind == arith::OperationKind::add || kind == arith::OperationKind::multiply ||
      kind == arith::OperationKind::equal) {
    std::sort(operands.begin(), operands.end());
  }
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

}  // namespace

std::optional<std::string> boolean_difference(const logic::Aig& original, const logic::Aig& read) {
  if (read.input_count() != original.input_count() ||
      read.output_count() != original.output_count()) {
    return fmt::format("{} inputs and {} outputs became {} and {}", original.input_count(),
                       original.output_count(), read.input_count(), read.output_count());
  }
  for (std::uint32_t i = 0; i < original.input_count(); ++i) {
    if (read.input_name(i) != original.input_name(i)) {
      return fmt::format("input {} named '{}' became '{}'", i, original.input_name(i),
                         read.input_name(i));
    }
  }
  for (std::uint32_t i = 0; i < original.output_count(); ++i) {
    if (read.output_name(i) != original.output_name(i)) {
      return fmt::format("output {} named '{}' became '{}'", i, original.output_name(i),
                         read.output_name(i));
    }
  }
  if (read.comments() != original.comments()) {
    return fmt::format("{} comment lines became {} different ones", original.comments().size(),
                       read.comments().size());
  }
  const std::vector<bool> original_live = live_nodes(original);
  const std::vector<bool> read_live = live_nodes(read);
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
    if (found == read_ands.end()) return fmt::format("AND node {} has no image", node);
    image[node] = found->second;
    images_used.insert(found->second);
  }
  if (original_live_ands != read_live_ands || images_used.size() != original_live_ands) {
    return fmt::format("{} live ANDs became {} ({} distinct images)", original_live_ands,
                       read_live_ands, images_used.size());
  }
  for (std::uint32_t i = 0; i < original.output_count(); ++i) {
    if (read.output(i) != literal_image(original.output(i))) {
      return fmt::format("output {} drives a different literal", i);
    }
  }
  return std::nullopt;
}

std::optional<std::string> word_level_difference(const arith::Circuit& original,
                                                 const arith::Circuit& read) {
  if (read.format() != original.format()) {
    return fmt::format("format {} became {}", arith::to_string(original.format()),
                       arith::to_string(read.format()));
  }
  if (read.input_count() != original.input_count() ||
      read.output_count() != original.output_count()) {
    return fmt::format("{} inputs and {} outputs became {} and {}", original.input_count(),
                       original.output_count(), read.input_count(), read.output_count());
  }
  for (std::uint32_t i = 0; i < original.input_count(); ++i) {
    if (read.input_name(i) != original.input_name(i)) {
      return fmt::format("input {} named '{}' became '{}'", i, original.input_name(i),
                         read.input_name(i));
    }
    const auto& before = original.input_domain(i);
    const auto& after = read.input_domain(i);
    if (before.has_value() != after.has_value() ||
        (before && (before->low != after->low || before->high != after->high ||
                    before->denominator != after->denominator))) {
      return fmt::format("the domain of input {} changed", i);
    }
  }
  for (std::uint32_t i = 0; i < original.output_count(); ++i) {
    if (read.output_name(i) != original.output_name(i)) {
      return fmt::format("output {} named '{}' became '{}'", i, original.output_name(i),
                         read.output_name(i));
    }
  }
  const std::vector<bool> original_live = live_nodes(original);
  const std::vector<bool> read_live = live_nodes(read);
  std::map<std::string, arith::NodeId> read_nodes;
  std::size_t read_live_count = 0;
  for (arith::NodeId node = 0; node < read.node_count(); ++node) {
    if (!read_live[node]) continue;
    ++read_live_count;
    read_nodes.emplace(node_text(read, node, [](arith::NodeId id) { return id; }), node);
  }
  std::vector<arith::NodeId> image(original.node_count(), 0);
  std::size_t original_live_count = 0;
  std::set<arith::NodeId> images_used;
  for (arith::NodeId node = 0; node < original.node_count(); ++node) {
    if (!original_live[node]) continue;
    ++original_live_count;
    const std::string text = node_text(original, node, [&](arith::NodeId id) { return image[id]; });
    const auto found = read_nodes.find(text);
    if (found == read_nodes.end()) return fmt::format("node {} ({}) has no image", node, text);
    image[node] = found->second;
    images_used.insert(found->second);
  }
  if (original_live_count != read_live_count || images_used.size() != original_live_count) {
    return fmt::format("{} live nodes became {} ({} distinct images)", original_live_count,
                       read_live_count, images_used.size());
  }
  for (std::uint32_t i = 0; i < original.output_count(); ++i) {
    if (read.output_node(i) != image[original.output_node(i)]) {
      return fmt::format("output {} reads a different node", i);
    }
  }
  return std::nullopt;
}

}  // namespace rnncc::fuzz
