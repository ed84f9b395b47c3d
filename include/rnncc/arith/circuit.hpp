// The word-level arithmetic circuit: a DAG of operations on numbers of one
// number format, with its arithmetic and multiplicative depth.
#pragma once

#include <gmpxx.h>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rnncc/arith/activation.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/arith/format_lowering.hpp"

namespace rnncc::arith {

/// Index of a node in a Circuit, in creation order (a topological order).
using NodeId = std::uint32_t;

/// Index of a lookup table registered in a Circuit.
using TableId = std::uint32_t;

/// What a node computes. Every node yields a number of the circuit's format
/// except less_than and equal, which yield a Boolean.
enum class OperationKind : std::uint8_t {
  input,      ///< a named primary input
  constant,   ///< a member of the format (or a Boolean constant)
  add,        ///< a + b
  subtract,   ///< a - b
  negate,     ///< -a
  multiply,   ///< a · b
  rescale,    ///< a · 2^-shift
  less_than,  ///< a < b (Boolean)
  equal,      ///< a == b (Boolean)
  select,     ///< condition ? a : b
  relu,       ///< max(a, 0)
  clip,       ///< min(max(a, low), high) with constant bounds
  lookup,     ///< table(a): an activation or an explicit table
};

inline constexpr std::size_t operation_kind_count = 13;

/// The spelling used in `.arith` files and statistics: "input", "const",
/// "add", "sub", "neg", "mul", "rescale", "lt", "eq", "select", "relu",
/// "clip", "lookup".
std::string_view name_of(OperationKind kind);

/// The kind spelled `name` (see name_of), or std::nullopt.
std::optional<OperationKind> parse_operation_kind(std::string_view name);

/// Number of node operands of a kind (select: 3; add, subtract, multiply,
/// less_than, equal: 2; negate, rescale, relu, clip, lookup: 1; input and
/// constant: 0). Bounds, shifts and tables are parameters, not operands.
std::size_t operand_count(OperationKind kind);

/// True for add, subtract, negate and multiply: the ring operations, which
/// always add 1 to the arithmetic depth. A select adds 1 when its two
/// values are not both constants (see Circuit). Every other kind passes
/// the largest depth of its operands through unchanged (inputs and
/// constants have depth 0).
bool counts_in_arithmetic_depth(OperationKind kind);

/// An explicitly listed function: `entries` maps arguments to results and
/// every argument not listed gives `default_result`.
struct ExplicitTable {
  std::string name;
  std::map<mpq_class, mpq_class> entries;
  mpq_class default_result;

  /// The result for `argument`.
  const mpq_class& operator()(const mpq_class& argument) const;
};

/// A lookup table of a circuit: a named activation (e.g. tanh, evaluated by
/// reference::apply and lowered by FormatLowering::apply) or an explicit table.
struct LookupTable {
  std::optional<Activation> activation;  ///< set for activations
  ExplicitTable explicit_table;          ///< used when `activation` is empty

  /// The activation's name or the explicit table's name.
  std::string_view name() const;
};

/// Operation counts and depths of a circuit: what `rnncc stats` reports.
struct CircuitStatistics {
  std::array<std::uint64_t, operation_kind_count> operation_counts{};  ///< by OperationKind
  std::uint64_t node_count = 0;
  std::uint64_t input_count = 0;
  std::uint64_t output_count = 0;
  std::uint32_t arithmetic_depth = 0;      ///< largest over the outputs
  std::uint32_t multiplicative_depth = 0;  ///< largest over the outputs

  std::uint64_t count(OperationKind kind) const {
    return operation_counts[static_cast<std::size_t>(kind)];
  }
};

/// A word-level arithmetic circuit over one number format.
///
/// Nodes are numbered in creation order; operands always precede their
/// users, so the numbering is a topological order and no cycle can exist.
/// Each node's depths are fixed when it is created:
/// - arithmetic depth: the largest number of add, subtract, negate,
///   multiply and data-carrying select nodes on a path from an input or
///   constant to the node, counting the node itself (other kinds count 0).
///   A select between two values that are not both constants counts one
///   level: in the paper's arithmetic model it is a product with a
///   one-hot input (a token-driven selection), c·a + (1 − c)·b; a select
///   between two constants is a table of the input and counts 0;
/// - multiplicative depth: the same count restricted to multiply nodes
///   whose operands are both non-constant. A product with a constant
///   scales (a weight, −1) and does not count; it counts in the arithmetic
///   depth. Rescale counts 0 in both: it moves the binary point.
///
/// Creation is exact: a node whose operands are all constants becomes the
/// constant reference:: computes; `select` on a constant condition or
/// between equal operands becomes that operand; a + 0, 0 + a, a - 0, a · 1,
/// 1 · a and rescale by 2^0 become a; a · 0 and 0 · a become 0 (each equal
/// to the reference result for every member a). Identical nodes (same kind,
/// operands and parameters; operands of add, multiply and equal in either
/// order) are created once. Invalid requests (unknown operand, wrong value
/// type) throw std::invalid_argument; values the format cannot hold throw
/// InputError.
class Circuit {
 public:
  explicit Circuit(Format format);

  const Format& format() const { return format_; }

  /// A new input called `name` (unique among inputs, non-empty, without
  /// white space). `exact` circuits need the admissible values as `domain`;
  /// finite formats take every member and refuse a domain.
  NodeId create_input(std::string name, std::optional<ExactDomain> domain = std::nullopt);
  /// A new Boolean input called `name` (one bit, 0 or 1; any format).
  NodeId create_boolean_input(std::string name);
  /// The constant `value`, which must be a member of the format (InputError
  /// otherwise; use reference::represent to round a rational into it).
  NodeId create_constant(const mpq_class& value);
  /// The Boolean constant `value`.
  NodeId create_boolean_constant(bool value);

  NodeId create_add(NodeId a, NodeId b);
  NodeId create_subtract(NodeId a, NodeId b);
  NodeId create_negate(NodeId a);
  NodeId create_multiply(NodeId a, NodeId b);
  /// a · 2^-shift (a negative shift multiplies by 2^|shift|). Throws
  /// InputError when the format cannot divide by 2 (mod:W, modp with even P).
  NodeId create_rescale(NodeId a, long shift);
  NodeId create_less_than(NodeId a, NodeId b);
  NodeId create_equal(NodeId a, NodeId b);
  /// `condition` (Boolean) ? if_true : if_false, both of one value type.
  NodeId create_select(NodeId condition, NodeId if_true, NodeId if_false);
  NodeId create_relu(NodeId a);
  /// min(max(a, low), high); low and high must be members of the format.
  NodeId create_clip(NodeId a, const mpq_class& low, const mpq_class& high);
  /// activation(a). relu becomes a relu node; transcendental activations
  /// need a fixed format (InputError otherwise).
  NodeId create_lookup(Activation activation, NodeId a);
  /// table(a) for an explicit table registered with add_table.
  NodeId create_lookup(TableId table, NodeId a);

  /// Registers an explicit table; its name must be unique among tables and
  /// differ from every activation name, its arguments and results must be
  /// members of the format (InputError otherwise).
  TableId add_table(ExplicitTable table);

  /// Registers `node` as the next output, called `name` (unique among
  /// outputs, non-empty, without white space).
  void create_output(NodeId node, std::string name);

  // --- nodes ------------------------------------------------------------------
  std::uint32_t node_count() const { return static_cast<std::uint32_t>(nodes_.size()); }
  OperationKind kind(NodeId node) const { return nodes_[node].kind; }
  /// True for nodes yielding a Boolean (less_than, equal, Boolean constants,
  /// select between Booleans).
  bool is_boolean(NodeId node) const { return nodes_[node].is_boolean; }
  /// The i-th operand (i < operand_count(kind(node))).
  NodeId operand(NodeId node, std::size_t i) const { return nodes_[node].operands[i]; }
  std::uint32_t arithmetic_depth(NodeId node) const { return nodes_[node].arithmetic_depth; }
  std::uint32_t multiplicative_depth(NodeId node) const {
    return nodes_[node].multiplicative_depth;
  }

  /// Value of a constant node (a Boolean constant gives 0 or 1).
  const mpq_class& constant_value(NodeId node) const;
  /// Shift of a rescale node (the node computes a · 2^-shift).
  long rescale_shift(NodeId node) const;
  /// Bounds (low, high) of a clip node.
  const std::pair<mpq_class, mpq_class>& clip_bounds(NodeId node) const;
  /// Table of a lookup node.
  TableId lookup_table(NodeId node) const;
  /// Position among the inputs of an input node.
  std::uint32_t input_position(NodeId node) const;

  // --- inputs, outputs, tables ------------------------------------------------
  std::uint32_t input_count() const { return static_cast<std::uint32_t>(inputs_.size()); }
  NodeId input_node(std::uint32_t i) const { return inputs_[i].node; }
  const std::string& input_name(std::uint32_t i) const { return inputs_[i].name; }
  /// The declared domain (exact circuits only).
  const std::optional<ExactDomain>& input_domain(std::uint32_t i) const {
    return inputs_[i].domain;
  }

  std::uint32_t output_count() const { return static_cast<std::uint32_t>(outputs_.size()); }
  NodeId output_node(std::uint32_t i) const { return outputs_[i].node; }
  const std::string& output_name(std::uint32_t i) const { return outputs_[i].name; }

  std::uint32_t table_count() const { return static_cast<std::uint32_t>(tables_.size()); }
  const LookupTable& table(TableId table) const { return tables_[table]; }
  /// The id of the table called `name` (an activation or an explicit table),
  /// registering an activation's table on first use; std::nullopt if none.
  std::optional<TableId> find_table(std::string_view name);

  // --- measures ---------------------------------------------------------------
  /// Largest arithmetic depth of any output (0 without outputs).
  std::uint32_t arithmetic_depth() const;
  /// Largest multiplicative depth of any output (0 without outputs).
  std::uint32_t multiplicative_depth() const;
  /// Number of nodes of `kind` in the circuit (all created nodes).
  std::uint64_t operation_count(OperationKind kind) const {
    return operation_counts_[static_cast<std::size_t>(kind)];
  }
  /// Counts and depths together.
  CircuitStatistics statistics() const;

  /// For each node, whether some output depends on it (one backward pass).
  std::vector<bool> reachable_from_outputs() const;

 private:
  struct Node {
    std::array<NodeId, 3> operands{};
    std::uint32_t parameter = 0;  // input position, constant, shift, bounds or table index
    std::uint32_t arithmetic_depth = 0;
    std::uint32_t multiplicative_depth = 0;
    OperationKind kind = OperationKind::constant;
    bool is_boolean = false;
  };
  /// Hash of a node's kind, operands and parameter (what makes it identical).
  static std::uint64_t structural_hash(OperationKind kind, const std::array<NodeId, 3>& operands,
                                       std::uint32_t parameter);
  /// Grows the open-addressing table of hashed nodes and reinserts them.
  void grow_hash_table();
  struct Input {
    NodeId node;
    std::string name;
    std::optional<ExactDomain> domain;
  };
  struct Output {
    NodeId node;
    std::string name;
  };

  NodeId create_node(OperationKind kind, std::array<NodeId, 3> operands, std::uint32_t parameter,
                     bool is_boolean);
  void check_number(NodeId node, std::string_view role) const;
  void check_boolean(NodeId node, std::string_view role) const;
  bool is_number_constant(NodeId node, int value) const;
  bool all_constant(std::initializer_list<NodeId> operands) const;
  TableId table_of(Activation activation);

  Format format_;
  std::vector<Node> nodes_;
  std::vector<Input> inputs_;
  std::vector<Output> outputs_;
  std::vector<mpq_class> constants_;
  std::map<mpq_class, NodeId> number_constants_;
  std::array<std::optional<NodeId>, 2> boolean_constants_;
  std::vector<std::pair<mpq_class, mpq_class>> clip_bounds_;
  std::map<std::pair<mpq_class, mpq_class>, std::uint32_t> clip_bounds_index_;
  std::vector<LookupTable> tables_;
  std::unordered_map<std::string, TableId> table_index_;
  std::unordered_map<std::string, std::uint32_t> input_index_;
  std::unordered_map<std::string, std::uint32_t> output_index_;
  // Open addressing with linear probing: node ids (all ones when empty) of
  // every hashed node, at most half full.
  std::vector<NodeId> hash_slots_;
  std::size_t hashed_node_count_ = 0;
  std::array<std::uint64_t, operation_kind_count> operation_counts_{};
};

}  // namespace rnncc::arith
