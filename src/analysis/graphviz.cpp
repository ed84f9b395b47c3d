#include "rnncc/analysis/graphviz.hpp"

#include <boost/graph/adjacency_list.hpp>
// GCC 12 reports a false -Wmaybe-uninitialized inside Boost's edge iterator
// (a boost::optional it inlines into write_graphviz); the code is Boost's.
// Clang has no such warning (and would warn about the unknown name).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <fmt/format.h>
#include <boost/graph/graphviz.hpp>
#include <string>
#include <utility>
#include <vector>

#include "rnncc/common/error.hpp"

namespace rnncc::analysis {

namespace {

struct DotEdge {
  bool complemented = false;
};
// Vertices 0 .. node_count-1 are the Aig's nodes, then one per output.
using DotGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, DotEdge>;

std::string escaped(const std::string& text) {
  std::string result;
  for (char c : text) {
    if (c == '"' || c == '\\') result += '\\';
    result += c;
  }
  return result;
}

}  // namespace

void write_dot(const logic::Aig& aig, std::ostream& out) {
  const std::uint64_t vertex_count = std::uint64_t{aig.node_count()} + aig.output_count();
  if (vertex_count > max_dot_nodes) {
    throw LimitError(fmt::format("a DOT drawing would need {} vertices; at most {} are drawn",
                                 vertex_count, max_dot_nodes));
  }
  DotGraph graph(vertex_count);
  for (logic::NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (!aig.is_and(node)) continue;
    for (logic::Literal fanin : {aig.fanin0(node), aig.fanin1(node)}) {
      boost::add_edge(fanin.node(), node, DotEdge{fanin.is_complemented()}, graph);
    }
  }
  for (std::uint32_t i = 0; i < aig.output_count(); ++i) {
    logic::Literal output = aig.output(i);
    boost::add_edge(output.node(), aig.node_count() + i, DotEdge{output.is_complemented()}, graph);
  }
  auto vertex_writer = [&](std::ostream& stream, std::size_t vertex) {
    if (vertex >= aig.node_count()) {
      auto i = static_cast<std::uint32_t>(vertex - aig.node_count());
      std::string name = aig.output_name(i).empty() ? fmt::format("o{}", i) : aig.output_name(i);
      stream << fmt::format("[shape=invtriangle,label=\"{}\"]", escaped(name));
    } else if (vertex == 0) {
      stream << "[shape=box,label=\"0\"]";
    } else if (aig.is_input(static_cast<logic::NodeIndex>(vertex))) {
      auto node = static_cast<logic::NodeIndex>(vertex);
      std::uint32_t position = aig.input_position(node);
      std::string name = aig.input_name(position).empty() ? fmt::format("i{}", position)
                                                          : aig.input_name(position);
      stream << fmt::format("[shape=box,label=\"{}\"]", escaped(name));
    } else {
      auto node = static_cast<logic::NodeIndex>(vertex);
      stream << fmt::format("[shape=circle,label=\"{}\\nL{}\"]", node, aig.level(node));
    }
  };
  auto edge_writer = [&](std::ostream& stream, const DotGraph::edge_descriptor& edge) {
    if (graph[edge].complemented) stream << "[style=dashed]";
  };
  auto graph_writer = [](std::ostream& stream) { stream << "rankdir=BT;\n"; };
  boost::write_graphviz(out, graph, vertex_writer, edge_writer, graph_writer);
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace rnncc::analysis
