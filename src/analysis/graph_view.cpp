#include "rnncc/analysis/graph_view.hpp"

#include <utility>
#include <vector>

namespace rnncc::analysis {

AigGraph make_graph(const logic::Aig& aig) {
  using Edge = std::pair<std::uint32_t, std::uint32_t>;
  std::vector<Edge> edges;
  edges.reserve(std::size_t{aig.and_count()} * 2 + aig.input_count() + 1);
  const std::uint32_t source = source_vertex(aig);
  edges.emplace_back(source, 0);
  for (logic::NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (aig.is_input(node)) {
      edges.emplace_back(source, node);
      continue;
    }
    logic::NodeIndex first = aig.fanin0(node).node();
    logic::NodeIndex second = aig.fanin1(node).node();
    edges.emplace_back(first, node);
    if (second != first) edges.emplace_back(second, node);
  }
  return AigGraph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(),
                  aig.node_count() + 1);
}

}  // namespace rnncc::analysis
