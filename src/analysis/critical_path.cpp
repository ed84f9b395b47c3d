#include "rnncc/analysis/critical_path.hpp"

#include <algorithm>
#include <boost/graph/dag_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <functional>
#include <limits>

#include "rnncc/analysis/graph_view.hpp"

namespace rnncc::analysis {

namespace {

struct LongestPaths {
  std::vector<std::int64_t> distance;
  std::vector<std::uint32_t> predecessor;
};

// Longest paths from the source vertex where entering an AND costs 1.
LongestPaths longest_paths(const logic::Aig& aig) {
  AigGraph graph = make_graph(aig);
  const std::size_t vertex_count = num_vertices(graph);
  LongestPaths paths;
  paths.distance.assign(vertex_count, std::numeric_limits<std::int64_t>::min());
  paths.predecessor.resize(vertex_count);
  for (std::uint32_t v = 0; v < vertex_count; ++v)
    paths.predecessor[v] = v;
  auto weight = boost::make_function_property_map<AigGraph::edge_descriptor, std::int64_t>(
      [&](const AigGraph::edge_descriptor& edge) -> std::int64_t {
        return aig.is_and(target(edge, graph)) ? 1 : 0;
      });
  boost::dag_shortest_paths(graph, source_vertex(aig),
                            boost::distance_map(paths.distance.data())
                                .predecessor_map(paths.predecessor.data())
                                .weight_map(weight)
                                .distance_compare(std::greater<std::int64_t>())
                                .distance_inf(std::numeric_limits<std::int64_t>::min())
                                .distance_zero(std::int64_t{0}));
  return paths;
}

}  // namespace

std::vector<std::uint32_t> longest_path_levels(const logic::Aig& aig) {
  LongestPaths paths = longest_paths(aig);
  return std::vector<std::uint32_t>(paths.distance.begin(),
                                    paths.distance.begin() + aig.node_count());
}

std::vector<logic::NodeIndex> critical_path(const logic::Aig& aig) {
  if (aig.output_count() == 0) return {};
  LongestPaths paths = longest_paths(aig);
  logic::NodeIndex deepest = aig.output(0).node();
  for (std::uint32_t i = 1; i < aig.output_count(); ++i) {
    logic::NodeIndex node = aig.output(i).node();
    if (paths.distance[node] > paths.distance[deepest]) deepest = node;
  }
  std::vector<logic::NodeIndex> path;
  const std::uint32_t source = source_vertex(aig);
  for (std::uint32_t v = deepest; v != source; v = paths.predecessor[v]) {
    path.push_back(v);
    if (paths.predecessor[v] == v) break;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace rnncc::analysis
