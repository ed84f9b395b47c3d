#include "rnncc/analysis/longest_paths.hpp"

#include <algorithm>
#include <functional>
#include <queue>

namespace rnncc::analysis {

using logic::Literal;
using Entry = LongestPaths::Entry;

LongestPaths::LongestPaths(const logic::Aig& aig)
    : fanouts_(aig), distance_(aig.node_count(), MaxPlusMatrix::no_path) {}

void LongestPaths::reset() const {
  for (logic::NodeIndex node : visited_)
    distance_[node] = MaxPlusMatrix::no_path;
  visited_.clear();
}

void LongestPaths::explore(std::span<const Literal> sources, logic::NodeIndex last) const {
  reset();
  std::priority_queue<logic::NodeIndex, std::vector<logic::NodeIndex>, std::greater<>> pending;
  for (Literal source : sources) {
    if (source.is_constant() || source.node() > last) continue;
    if (distance_[source.node()] == MaxPlusMatrix::no_path) {
      visited_.push_back(source.node());
      pending.push(source.node());
    }
    distance_[source.node()] = 0;
  }
  // Index order is topological: a node is popped after every reachable fan-in.
  while (!pending.empty()) {
    const logic::NodeIndex node = pending.top();
    pending.pop();
    const Entry through = distance_[node] + 1;
    for (logic::NodeIndex reader : fanouts_.readers(node)) {
      if (reader > last) break;  // readers are listed in increasing index order
      if (distance_[reader] == MaxPlusMatrix::no_path) {
        visited_.push_back(reader);
        pending.push(reader);
      }
      distance_[reader] = std::max(distance_[reader], through);
    }
  }
}

MaxPlusMatrix LongestPaths::matrix(std::span<const Literal> from,
                                   std::span<const Literal> to) const {
  MaxPlusMatrix result(from.size(), to.size());
  logic::NodeIndex last = 0;
  for (Literal literal : to)
    last = std::max(last, literal.node());
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (from[i].is_constant()) continue;
    explore(from.subspan(i, 1), last);
    for (std::size_t j = 0; j < to.size(); ++j) {
      if (!to[j].is_constant()) result.at(i, j) = distance_[to[j].node()];
    }
  }
  reset();
  return result;
}

std::vector<Entry> LongestPaths::from_any(std::span<const Literal> from,
                                          std::span<const Literal> to) const {
  logic::NodeIndex last = 0;
  for (Literal literal : to)
    last = std::max(last, literal.node());
  explore(from, last);
  std::vector<Entry> result(to.size(), MaxPlusMatrix::no_path);
  for (std::size_t j = 0; j < to.size(); ++j) {
    if (!to[j].is_constant()) result[j] = distance_[to[j].node()];
  }
  reset();
  return result;
}

}  // namespace rnncc::analysis
