// DOT writer: nodes by kind, ranks for inputs, levels and outputs.
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rnncc/common/atomic_file.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/dot.hpp"
#include "rnncc/logic/cleanup.hpp"

namespace rnncc::io {

namespace {

using logic::Aig;
using logic::Literal;
using logic::NodeIndex;

/// `text` as a DOT quoted string.
std::string dot_string(std::string_view text) {
  std::string result = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') result += '\\';
    result += c;
  }
  return result + '"';
}

/// Whether an output or a live AND reads the constant.
bool constant_used(const Aig& aig, const std::vector<bool>& live) {
  for (std::uint32_t i = 0; i < aig.output_count(); ++i) {
    if (aig.output(i).is_constant()) return true;
  }
  for (NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (aig.is_and(node) && live[node] &&
        (aig.fanin0(node).is_constant() || aig.fanin1(node).is_constant())) {
      return true;
    }
  }
  return false;
}

std::string node_id(NodeIndex node) {
  return fmt::format("n{}", node);
}

std::string edge_style(Literal literal) {
  return literal.is_complemented() ? " [style=dashed, arrowhead=odot]" : "";
}

}  // namespace

std::uint64_t dot_node_count(const Aig& aig) {
  const std::vector<bool> live = logic::output_cone(aig);
  std::uint64_t count = std::uint64_t{aig.input_count()} + aig.output_count();
  for (NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (aig.is_and(node) && live[node]) ++count;
  }
  return count + (constant_used(aig, live) ? 1 : 0);
}

std::string write_dot(const Aig& aig, const DotOptions& options, std::string_view destination) {
  const std::uint64_t nodes = dot_node_count(aig);
  if (nodes > options.max_nodes) {
    throw LimitError(
        fmt::format("{}: the drawing would have {} nodes, more than the {} allowed "
                    "(--max-nodes)",
                    destination, nodes, options.max_nodes));
  }
  const std::vector<bool> live = logic::output_cone(aig);
  std::string text = "digraph circuit {\n  rankdir=TB;\n  node [fontsize=10];\n";
  if (constant_used(aig, live)) text += "  n0 [label=\"0\", shape=box, style=rounded];\n";
  text += "  { rank=source;";
  for (std::uint32_t i = 0; i < aig.input_count(); ++i) {
    const std::string& name = aig.input_name(i);
    text += fmt::format(" {} [label={}, shape=box];", node_id(aig.input_node(i)),
                        dot_string(name.empty() ? fmt::format("i{}", i) : name));
  }
  text += " }\n";
  std::map<std::uint32_t, std::vector<NodeIndex>> ands_by_level;
  for (NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (!aig.is_and(node) || !live[node]) continue;
    text += fmt::format("  {} [label=\"\", shape=circle, width=0.2];\n", node_id(node));
    ands_by_level[aig.level(node)].push_back(node);
  }
  if (options.level_ranks) {
    for (const auto& [level, level_nodes] : ands_by_level) {
      text += "  { rank=same;";
      for (NodeIndex node : level_nodes)
        text += fmt::format(" {};", node_id(node));
      text += fmt::format(" }}  // level {}\n", level);
    }
  }
  text += "  { rank=sink;";
  for (std::uint32_t i = 0; i < aig.output_count(); ++i) {
    const std::string& name = aig.output_name(i);
    text += fmt::format(" o{} [label={}, shape=invtriangle];", i,
                        dot_string(name.empty() ? fmt::format("o{}", i) : name));
  }
  text += " }\n";
  for (NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (!aig.is_and(node) || !live[node]) continue;
    for (const Literal fanin : {aig.fanin0(node), aig.fanin1(node)}) {
      text +=
          fmt::format("  {} -> {}{};\n", node_id(fanin.node()), node_id(node), edge_style(fanin));
    }
  }
  for (std::uint32_t i = 0; i < aig.output_count(); ++i) {
    const Literal literal = aig.output(i);
    text += fmt::format("  {} -> o{}{};\n", node_id(literal.node()), i, edge_style(literal));
  }
  text += "}\n";
  return text;
}

void write_dot_file(const Aig& aig, const std::filesystem::path& path, const DotOptions& options) {
  write_file_atomically(path, write_dot(aig, options, path.string()));
}

void write_dot_file(const Aig& aig, const std::filesystem::path& path) {
  write_dot_file(aig, path, DotOptions{});
}

}  // namespace rnncc::io
