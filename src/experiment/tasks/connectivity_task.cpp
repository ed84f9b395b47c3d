// connectivity: sorted deterministic graph connectivity (L-complete; the
// paper's Prop 2). Nodes 1..n, each with at most one out-edge, to a larger
// node; a source s and a target t that is a sink. The word: `s` repeated s
// times; for each edge (i, j) by increasing i: `i` repeated i times, `>`,
// `j` repeated j times, `,`; then `t` repeated t times. Label 1 iff t is
// reachable from s. The released generator of the paper put every interior
// node in one bucket; this one draws every node's edge independently.
#include <nlohmann/json.hpp>

#include "task_support.hpp"

namespace rnncc::experiment::tasks {

namespace {

/// A graph: successor[v] is v's out-edge target, 0 when v is a sink
/// (nodes 1..n; index 0 unused).
struct Graph {
  std::size_t nodes = 0;
  std::vector<std::size_t> successor;

  std::size_t end_of_path(std::size_t from) const {
    while (successor[from] != 0)
      from = successor[from];
    return from;
  }
  bool has_in_edge(std::size_t node) const {
    for (std::size_t v = 1; v <= nodes; ++v)
      if (successor[v] == node) return true;
    return false;
  }
};

class ConnectivityTask final : public Task {
 public:
  std::string name() const override { return "connectivity"; }
  bool decision() const override { return true; }
  std::string_view size_meaning() const override { return "the number of nodes"; }

  std::vector<io::Instance> generate(const TaskRequest& request) const override {
    check_size(*this, request, 2, 4096);
    SplitMix64 random(request.seed);
    const std::vector<bool> labels = planned_labels(request, random);
    std::vector<io::Instance> instances;
    while (instances.size() < request.count) {
      const std::size_t i = instances.size();
      const Graph graph = random_graph(request.size, random);
      const std::size_t source = 1 + random.below(graph.nodes);
      const std::size_t reached = graph.end_of_path(source);
      bool positive = request.balanced ? labels[i] : random.below(2) == 0;
      std::size_t target = reached;
      if (!positive) {
        // Another sink; one with an in-edge when there is one, so that "t
        // has an in-edge" does not give the label away.
        std::vector<std::size_t> others, others_entered;
        for (std::size_t v = 1; v <= graph.nodes; ++v) {
          if (graph.successor[v] != 0 || v == reached) continue;
          others.push_back(v);
          if (graph.has_in_edge(v)) others_entered.push_back(v);
        }
        if (others.empty()) {
          if (request.balanced) continue;  // draw another graph
          positive = true;
        } else {
          const std::vector<std::size_t>& pool = others_entered.empty() ? others : others_entered;
          target = pool[random.below(pool.size())];
        }
      }
      instances.push_back(make_instance(graph, source, positive ? reached : target));
    }
    return instances;
  }

  std::vector<Shortcut> shortcuts(const std::vector<io::Instance>& instances) const override {
    std::vector<Shortcut> result = Task::shortcuts(instances);
    result.push_back({"s has an out-edge and t an in-edge",
                      accuracy_of(instances, [](const io::Instance& instance) {
                        const nlohmann::json meta = nlohmann::json::parse(instance.meta);
                        bool source_leaves = false, target_entered = false;
                        for (const auto& edge : meta["edges"]) {
                          source_leaves = source_leaves || edge[0] == meta["source"];
                          target_entered = target_entered || edge[1] == meta["target"];
                        }
                        return source_leaves && target_entered;
                      })});
    return result;
  }

 private:
  /// Each node but the last gets an out-edge with probability 3/4, to a
  /// uniformly chosen larger node.
  static Graph random_graph(std::size_t nodes, SplitMix64& random) {
    Graph graph;
    graph.nodes = nodes;
    graph.successor.assign(nodes + 1, 0);
    for (std::size_t v = 1; v < nodes; ++v) {
      if (random.below(4) != 0) graph.successor[v] = v + 1 + random.below(nodes - v);
    }
    return graph;
  }

  static io::Instance make_instance(const Graph& graph, std::size_t source, std::size_t target) {
    std::string word(source, 's');
    nlohmann::ordered_json edges = nlohmann::ordered_json::array();
    for (std::size_t v = 1; v <= graph.nodes; ++v) {
      const std::size_t next = graph.successor[v];
      if (next == 0) continue;
      word += std::string(v, 'i') + '>' + std::string(next, 'j') + ',';
      edges.push_back({v, next});
    }
    word += std::string(target, 't');
    nlohmann::ordered_json meta;
    meta["nodes"] = graph.nodes;
    meta["edges"] = edges;
    meta["source"] = source;
    meta["target"] = target;
    return token_instance(word, {graph.end_of_path(source) == target ? 1 : 0}, meta.dump());
  }
};

}  // namespace

std::unique_ptr<Task> make_connectivity_task() {
  return std::make_unique<ConnectivityTask>();
}

}  // namespace rnncc::experiment::tasks
