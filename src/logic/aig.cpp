#include "rnncc/logic/aig.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "rnncc/common/error.hpp"
#include "structural_hash_table.hpp"

namespace rnncc::logic {

Aig::Aig() : hash_table_(std::make_unique<StructuralHashTable>()) {
  append_node(0, 0, 0);  // node 0: constant false
}
Aig::~Aig() = default;
Aig::Aig(Aig&&) noexcept = default;
Aig& Aig::operator=(Aig&&) noexcept = default;

void Aig::reserve(std::size_t additional_nodes) {
  const std::uint64_t wanted = std::uint64_t{node_count()} + additional_nodes;
  if (wanted > max_node_count) {
    throw LimitError(fmt::format("circuit would need {} nodes; an Aig holds at most {}", wanted,
                                 max_node_count));
  }
  nodes_.reserve(wanted);
  if (hash_table_stale_) {
    hash_table_->release();  // the reservation below rebuilds it from the nodes
    hash_table_stale_ = false;
  }
  hash_table_->reserve(additional_nodes + and_count(), wanted, nodes_);
}

NodeIndex Aig::append_node(std::uint32_t fanin0, std::uint32_t fanin1, std::uint32_t level) {
  if (nodes_.size() >= max_node_count) {
    throw LimitError(fmt::format("circuit would need more than {} nodes", max_node_count));
  }
  nodes_.push_back(NodeRecord{fanin0, fanin1, level});
  return static_cast<NodeIndex>(nodes_.size() - 1);
}

void Aig::refuse_and_beyond_limit() const {
  if (and_count() < and_limit_) return;
  throw LimitError(
      fmt::format("circuit would need more than {} AND gates, the limit (raise it with --max-ands)",
                  and_limit_));
}

Literal Aig::create_input(std::string name) {
  NodeIndex node = append_node(NodeRecord::input_marker, input_count(), 0);
  inputs_.push_back(node);
  input_names_.push_back(std::move(name));
  return Literal::of(node);
}

Literal Aig::create_and(Literal a, Literal b) {
  if (a.code > b.code) std::swap(a, b);
  if (a == false_literal) return false_literal;
  if (a == true_literal) return b;
  if (a == b) return a;
  if (a == !b) return false_literal;
  if (hash_table_stale_) {
    hash_table_->rebuild_for(and_count() + 1, 2 * (std::uint64_t{node_count()} + 1), nodes_);
    hash_table_stale_ = false;
  }
  if (hash_table_->needs_growth(node_count())) hash_table_->grow(node_count(), nodes_);
  const std::uint64_t hash_value = StructuralHashTable::hash(a.code, b.code);
  NodeIndex existing = hash_table_->find(a.code, b.code, hash_value, nodes_);
  if (existing != 0) return Literal::of(existing);
  std::uint32_t level = 1 + std::max(nodes_[a.node()].level, nodes_[b.node()].level);
  refuse_and_beyond_limit();
  NodeIndex node = append_node(a.code, b.code, level);
  hash_table_->insert(node, hash_value, nodes_);
  return Literal::of(node);
}

Literal Aig::append_unique_and(Literal a, Literal b) {
  if (a.code > b.code) std::swap(a, b);
  std::uint32_t level = 1 + std::max(nodes_[a.node()].level, nodes_[b.node()].level);
  refuse_and_beyond_limit();
  hash_table_stale_ = true;
  return Literal::of(append_node(a.code, b.code, level));
}

std::vector<NodeIndex> Aig::remove_dangling_in_place() {
  release_hash_table();
  std::vector<NodeIndex> new_index(node_count(), 0);
  // Mark the output cones (new_index = 1 for kept nodes), one backward sweep.
  for (Literal output : outputs_)
    new_index[output.node()] = 1;
  for (NodeIndex input : inputs_)
    new_index[input] = 1;
  new_index[0] = 1;
  for (NodeIndex node = node_count(); node-- > 1;) {
    if (new_index[node] == 0 || !is_and(node)) continue;
    new_index[fanin0(node).node()] = 1;
    new_index[fanin1(node).node()] = 1;
  }
  auto map = [&](std::uint32_t code) { return (new_index[code >> 1] << 1) | (code & 1U); };
  NodeIndex next = 0;
  for (NodeIndex node = 0; node < node_count(); ++node) {
    if (new_index[node] == 0) continue;
    NodeRecord record = nodes_[node];
    if (node != 0 && !record.is_input()) {
      record.fanin0 = map(record.fanin0);
      record.fanin1 = map(record.fanin1);
    }
    new_index[node] = next;
    nodes_.set(next++, record);
  }
  nodes_.truncate(next);
  for (NodeIndex& input : inputs_)
    input = new_index[input];
  for (Literal& output : outputs_)
    output = Literal{map(output.code)};
  return new_index;
}

void Aig::release_hash_table() {
  hash_table_->release();
  hash_table_stale_ = true;
}

Literal Aig::create_xor(Literal a, Literal b) {
  // a ^ b = !( !(a & !b) & !(!a & b) )
  return !create_and(!create_and(a, !b), !create_and(!a, b));
}

Literal Aig::create_mux(Literal select, Literal if_true, Literal if_false) {
  if (if_true == if_false) return if_true;
  return !create_and(!create_and(select, if_true), !create_and(!select, if_false));
}

Literal Aig::create_majority(Literal a, Literal b, Literal c) {
  // (a & b) | (c & (a | b))
  return create_or(create_and(a, b), create_and(c, create_or(a, b)));
}

void Aig::create_output(Literal literal, std::string name) {
  outputs_.push_back(literal);
  output_names_.push_back(std::move(name));
}

std::uint32_t Aig::depth() const {
  std::uint32_t result = 0;
  for (Literal output : outputs_)
    result = std::max(result, level(output));
  return result;
}

std::size_t Aig::memory_bytes() const {
  return nodes_.memory_bytes() + hash_table_->memory_bytes();
}

}  // namespace rnncc::logic
