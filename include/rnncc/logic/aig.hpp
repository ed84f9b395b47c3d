// The Boolean circuit store: an and-inverter graph with structural hashing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "rnncc/common/size_limits.hpp"
#include "rnncc/logic/literal.hpp"
#include "rnncc/logic/node_store.hpp"

namespace rnncc::logic {

class StructuralHashTable;

/// An and-inverter graph. Node 0 is constant false; every other node is a
/// primary input or a two-input AND. Nodes are numbered in creation order,
/// which is a topological order. Every AND is structurally hashed and
/// simplified (x&0, x&1, x&x, x&!x) when created, and its level (1 + the
/// larger fan-in level; inputs are level 0, inverters are free) is stored.
class Aig {
 public:
  Aig();
  ~Aig();
  Aig(Aig&&) noexcept;
  Aig& operator=(Aig&&) noexcept;
  Aig(const Aig&) = delete;
  Aig& operator=(const Aig&) = delete;

  /// Makes room for `additional_nodes` more nodes (inputs and ANDs) so that
  /// building them does not reallocate (throws LimitError, before
  /// allocating, if the circuit would exceed the largest node count).
  void reserve(std::size_t additional_nodes);

  /// A new primary input; `name` may be empty.
  Literal create_input(std::string name = {});
  /// The AND of `a` and `b`: an existing node when one with the same fan-ins
  /// exists, a constant or an operand when the AND simplifies.
  Literal create_and(Literal a, Literal b);
  /// Registers `literal` as the next primary output; `name` may be empty.
  void create_output(Literal literal, std::string name = {});

  Literal create_or(Literal a, Literal b) { return !create_and(!a, !b); }
  /// XOR as three ANDs (two levels).
  Literal create_xor(Literal a, Literal b);
  Literal create_xnor(Literal a, Literal b) { return !create_xor(a, b); }
  /// `select ? if_true : if_false` as three ANDs (two levels).
  Literal create_mux(Literal select, Literal if_true, Literal if_false);
  /// Majority of three (the carry of a full adder).
  Literal create_majority(Literal a, Literal b, Literal c);

  /// Number of nodes including the constant.
  std::uint32_t node_count() const { return static_cast<std::uint32_t>(nodes_.size()); }
  std::uint32_t input_count() const { return static_cast<std::uint32_t>(inputs_.size()); }
  std::uint32_t and_count() const { return node_count() - input_count() - 1; }
  std::uint32_t output_count() const { return static_cast<std::uint32_t>(outputs_.size()); }

  bool is_constant(NodeIndex node) const { return node == 0; }
  bool is_input(NodeIndex node) const { return node != 0 && nodes_[node].is_input(); }
  bool is_and(NodeIndex node) const { return node != 0 && !nodes_[node].is_input(); }
  /// Fan-ins of an AND node, fanin0 <= fanin1.
  Literal fanin0(NodeIndex node) const { return Literal{nodes_[node].fanin0}; }
  Literal fanin1(NodeIndex node) const { return Literal{nodes_[node].fanin1}; }
  /// Level of a node: 0 for inputs and the constant, 1 + max fan-in level for ANDs.
  std::uint32_t level(NodeIndex node) const { return nodes_[node].level; }
  std::uint32_t level(Literal literal) const { return nodes_[literal.node()].level; }

  /// The i-th primary input's node, in creation order.
  NodeIndex input_node(std::uint32_t i) const { return inputs_[i]; }
  const std::string& input_name(std::uint32_t i) const { return input_names_[i]; }
  /// Position of an input node among the inputs (undefined for other nodes).
  std::uint32_t input_position(NodeIndex node) const { return nodes_[node].fanin1; }
  Literal output(std::uint32_t i) const { return outputs_[i]; }
  const std::string& output_name(std::uint32_t i) const { return output_names_[i]; }
  void set_input_name(std::uint32_t i, std::string name) { input_names_[i] = std::move(name); }
  void set_output_name(std::uint32_t i, std::string name) { output_names_[i] = std::move(name); }

  /// Free text carried into the AIGER comment section.
  std::vector<std::string>& comments() { return comments_; }
  const std::vector<std::string>& comments() const { return comments_; }

  /// Largest level of any output (0 without outputs).
  std::uint32_t depth() const;
  /// Appends the AND of `a` and `b` without looking for an equal node. The
  /// caller promises that no AND with these fan-ins exists and that none of
  /// create_and's simplifications applies (a and b distinct, not
  /// complementary, not constant) — true when copying part of a structurally
  /// hashed AIG. The hash table catches up at the next create_and.
  Literal append_unique_and(Literal a, Literal b);
  /// Removes, in place, every AND node no output depends on, keeping the
  /// order of the others (inputs and outputs stay as they are, levels do
  /// not change). Returns the new index of every old node that was kept
  /// (and 0 for removed ones). Needs 4 bytes per node besides the nodes
  /// themselves (the hash table is freed first and rebuilt on demand).
  std::vector<NodeIndex> remove_dangling_in_place();
  /// Frees the structural hash table (e.g. before copying a finished
  /// circuit); it is rebuilt at the next create_and.
  void release_hash_table();
  /// Bytes held by node storage and the hash table, including unused capacity.
  std::size_t memory_bytes() const;

  /// Largest number of nodes (including the constant) an Aig can hold. An
  /// AND beyond size_limits().max_and_count (as it was when the Aig was
  /// created) is a LimitError too.
  static constexpr std::uint64_t max_node_count = (std::uint64_t{1} << 31) - 1;

 private:
  /// Throws LimitError when the Aig already holds and_limit_ ANDs.
  void refuse_and_beyond_limit() const;
  NodeIndex append_node(std::uint32_t fanin0, std::uint32_t fanin1, std::uint32_t level);

  NodeStore nodes_;
  std::vector<NodeIndex> inputs_;
  std::vector<std::string> input_names_;
  std::vector<Literal> outputs_;
  std::vector<std::string> output_names_;
  std::vector<std::string> comments_;
  std::unique_ptr<StructuralHashTable> hash_table_;
  bool hash_table_stale_ = false;  // nodes appended without hashing
  /// Most AND nodes this Aig may hold (size_limits() when it was created).
  std::uint64_t and_limit_ = size_limits().max_and_count;
};

}  // namespace rnncc::logic
