#include "rnncc/arith/circuit.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "rnncc/arith/reference.hpp"
#include "rnncc/common/enum_names.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/hash.hpp"

namespace rnncc::arith {

namespace {

constexpr EnumNames<OperationKind, operation_kind_count> kind_names{{
    {OperationKind::input, "input"},
    {OperationKind::constant, "const"},
    {OperationKind::add, "add"},
    {OperationKind::subtract, "sub"},
    {OperationKind::negate, "neg"},
    {OperationKind::multiply, "mul"},
    {OperationKind::rescale, "rescale"},
    {OperationKind::less_than, "lt"},
    {OperationKind::equal, "eq"},
    {OperationKind::select, "select"},
    {OperationKind::relu, "relu"},
    {OperationKind::clip, "clip"},
    {OperationKind::lookup, "lookup"},
}};
static_assert(names_are_distinct(kind_names));
// name_of indexes the table by the enumerator's value.
static_assert([] {
  for (std::size_t i = 0; i < operation_kind_count; ++i) {
    if (static_cast<std::size_t>(kind_names[i].value) != i) return false;
  }
  return true;
}());

constexpr NodeId no_operand = std::numeric_limits<NodeId>::max();

/// Largest |shift| of a rescale node.
constexpr long max_rescale_shift = long{1} << 20;

bool is_valid_name(std::string_view name) {
  if (name.empty()) return false;
  return std::none_of(name.begin(), name.end(), [](char character) {
    return character == ' ' || character == '\t' || character == '\n' || character == '\r' ||
           character == '#';
  });
}

void check_name(std::string_view name, std::string_view what) {
  if (!is_valid_name(name)) {
    throw std::invalid_argument(
        fmt::format("{} name '{}' must be non-empty without white space or '#'", what, name));
  }
}

}  // namespace

std::string_view name_of(OperationKind kind) {
  return kind_names[static_cast<std::size_t>(kind)].name;
}

std::optional<OperationKind> parse_operation_kind(std::string_view name) {
  return parse_in(kind_names, name);
}

std::size_t operand_count(OperationKind kind) {
  switch (kind) {
    case OperationKind::input:
    case OperationKind::constant:
      return 0;
    case OperationKind::negate:
    case OperationKind::rescale:
    case OperationKind::relu:
    case OperationKind::clip:
    case OperationKind::lookup:
      return 1;
    case OperationKind::add:
    case OperationKind::subtract:
    case OperationKind::multiply:
    case OperationKind::less_than:
    case OperationKind::equal:
      return 2;
    case OperationKind::select:
      return 3;
  }
  return 0;
}

bool counts_in_arithmetic_depth(OperationKind kind) {
  return kind == OperationKind::add || kind == OperationKind::subtract ||
         kind == OperationKind::negate || kind == OperationKind::multiply;
}

const mpq_class& ExplicitTable::operator()(const mpq_class& argument) const {
  auto entry = entries.find(argument);
  return entry == entries.end() ? default_result : entry->second;
}

std::string_view LookupTable::name() const {
  return activation ? arith::name_of(*activation) : std::string_view(explicit_table.name);
}

std::uint64_t Circuit::structural_hash(OperationKind kind, const std::array<NodeId, 3>& operands,
                                       std::uint32_t parameter) {
  std::uint64_t hash = static_cast<std::uint64_t>(kind) + 1;
  for (std::uint64_t value : {std::uint64_t{operands[0]}, std::uint64_t{operands[1]},
                              std::uint64_t{operands[2]}, std::uint64_t{parameter}}) {
    hash = (hash + value) * 0x9e3779b97f4a7c15ULL;
    hash = (hash << 29) | (hash >> 35);
  }
  return mix_bits(hash);
}

void Circuit::grow_hash_table() {
  std::vector<NodeId> slots(std::max<std::size_t>(1024, hash_slots_.size() * 2), no_operand);
  const std::size_t mask = slots.size() - 1;
  for (NodeId id : hash_slots_) {
    if (id == no_operand) continue;
    const Node& node = nodes_[id];
    std::size_t slot = structural_hash(node.kind, node.operands, node.parameter) & mask;
    while (slots[slot] != no_operand)
      slot = (slot + 1) & mask;
    slots[slot] = id;
  }
  hash_slots_ = std::move(slots);
}

Circuit::Circuit(Format format) : format_(std::move(format)) {}

// --- creation -----------------------------------------------------------------

NodeId Circuit::create_node(OperationKind kind, std::array<NodeId, 3> operands,
                            std::uint32_t parameter, bool is_boolean) {
  // Inputs are never merged; every other kind is looked up first.
  const bool hashed = kind != OperationKind::input;
  std::size_t slot = 0;
  if (hashed) {
    if (2 * (hashed_node_count_ + 1) > hash_slots_.size()) grow_hash_table();
    const std::size_t mask = hash_slots_.size() - 1;
    slot = structural_hash(kind, operands, parameter) & mask;
    for (; hash_slots_[slot] != no_operand; slot = (slot + 1) & mask) {
      const Node& existing = nodes_[hash_slots_[slot]];
      if (existing.kind == kind && existing.operands == operands &&
          existing.parameter == parameter) {
        return hash_slots_[slot];
      }
    }
  }
  if (nodes_.size() >= no_operand) {
    throw LimitError(fmt::format("an arithmetic circuit holds at most {} nodes", no_operand));
  }
  Node node;
  node.kind = kind;
  node.operands = operands;
  node.parameter = parameter;
  node.is_boolean = is_boolean;
  for (std::size_t i = 0; i < operand_count(kind); ++i) {
    const Node& operand = nodes_[operands[i]];
    node.arithmetic_depth = std::max(node.arithmetic_depth, operand.arithmetic_depth);
    node.multiplicative_depth = std::max(node.multiplicative_depth, operand.multiplicative_depth);
  }
  auto is_constant = [&](std::size_t operand) {
    return nodes_[operands[operand]].kind == OperationKind::constant;
  };
  // A selection between values that are not both constants is a product
  // with a one-hot input in the paper's arithmetic model: one level. A
  // product with a constant is a scaling: an arithmetic level, not a
  // multiplicative one.
  if (counts_in_arithmetic_depth(kind) ||
      (kind == OperationKind::select && !(is_constant(1) && is_constant(2)))) {
    ++node.arithmetic_depth;
  }
  if (kind == OperationKind::multiply && !is_constant(0) && !is_constant(1)) {
    ++node.multiplicative_depth;
  }
  const auto id = static_cast<NodeId>(nodes_.size());
  nodes_.push_back(node);
  ++operation_counts_[static_cast<std::size_t>(kind)];
  if (hashed) {
    hash_slots_[slot] = id;
    ++hashed_node_count_;
  }
  return id;
}

void Circuit::check_number(NodeId node, std::string_view role) const {
  if (node >= nodes_.size()) {
    throw std::invalid_argument(fmt::format("{} n{} is not a node of the circuit", role, node));
  }
  if (nodes_[node].is_boolean) {
    throw std::invalid_argument(fmt::format("{} n{} is a Boolean, expected a number", role, node));
  }
}

void Circuit::check_boolean(NodeId node, std::string_view role) const {
  if (node >= nodes_.size()) {
    throw std::invalid_argument(fmt::format("{} n{} is not a node of the circuit", role, node));
  }
  if (!nodes_[node].is_boolean) {
    throw std::invalid_argument(fmt::format("{} n{} is a number, expected a Boolean", role, node));
  }
}

bool Circuit::is_number_constant(NodeId node, int value) const {
  const Node& data = nodes_[node];
  return data.kind == OperationKind::constant && !data.is_boolean &&
         constants_[data.parameter] == value;
}

bool Circuit::all_constant(std::initializer_list<NodeId> operands) const {
  return std::all_of(operands.begin(), operands.end(),
                     [this](NodeId node) { return nodes_[node].kind == OperationKind::constant; });
}

NodeId Circuit::create_input(std::string name, std::optional<ExactDomain> domain) {
  check_name(name, "input");
  if (input_index_.contains(name)) {
    throw std::invalid_argument(fmt::format("input name '{}' is already used", name));
  }
  if (is_finite(format_) && domain) {
    throw std::invalid_argument(
        fmt::format("input '{}': format {} takes every member as input and has no domain", name,
                    to_string(format_)));
  }
  if (!is_finite(format_)) {
    if (!domain) {
      throw std::invalid_argument(
          fmt::format("input '{}': exact circuits need a domain for every input", name));
    }
    if (domain->low > domain->high || domain->denominator <= 0) {
      throw InputError(fmt::format(
          "input '{}': domain [{}, {}] / {} needs low <= high and a positive denominator", name,
          domain->low.get_str(), domain->high.get_str(), domain->denominator.get_str()));
    }
  }
  const auto position = static_cast<std::uint32_t>(inputs_.size());
  NodeId node = create_node(OperationKind::input, {}, position, false);
  input_index_.emplace(name, position);
  inputs_.push_back(Input{node, std::move(name), std::move(domain)});
  return node;
}

NodeId Circuit::create_boolean_input(std::string name) {
  check_name(name, "input");
  if (input_index_.contains(name)) {
    throw std::invalid_argument(fmt::format("input name '{}' is already used", name));
  }
  const auto position = static_cast<std::uint32_t>(inputs_.size());
  NodeId node = create_node(OperationKind::input, {}, position, true);
  input_index_.emplace(name, position);
  inputs_.push_back(Input{node, std::move(name), std::nullopt});
  return node;
}

NodeId Circuit::create_constant(const mpq_class& value) {
  if (!is_member(format_, value)) {
    throw InputError(fmt::format("the constant {} is not a member of format {}", value.get_str(),
                                 to_string(format_)));
  }
  auto existing = number_constants_.find(value);
  if (existing != number_constants_.end()) return existing->second;
  const auto index = static_cast<std::uint32_t>(constants_.size());
  constants_.push_back(value);
  NodeId node = create_node(OperationKind::constant, {}, index, false);
  number_constants_.emplace(value, node);
  return node;
}

NodeId Circuit::create_boolean_constant(bool value) {
  std::optional<NodeId>& existing = boolean_constants_[value ? 1 : 0];
  if (existing) return *existing;
  const auto index = static_cast<std::uint32_t>(constants_.size());
  constants_.emplace_back(value ? 1 : 0);
  existing = create_node(OperationKind::constant, {}, index, true);
  return *existing;
}

NodeId Circuit::create_add(NodeId a, NodeId b) {
  check_number(a, "add operand");
  check_number(b, "add operand");
  if (all_constant({a, b})) {
    return create_constant(reference::add(format_, constant_value(a), constant_value(b)));
  }
  if (is_number_constant(b, 0)) return a;
  if (is_number_constant(a, 0)) return b;
  if (a > b) std::swap(a, b);
  return create_node(OperationKind::add, {a, b, no_operand}, 0, false);
}

NodeId Circuit::create_subtract(NodeId a, NodeId b) {
  check_number(a, "sub operand");
  check_number(b, "sub operand");
  if (all_constant({a, b})) {
    return create_constant(reference::subtract(format_, constant_value(a), constant_value(b)));
  }
  if (is_number_constant(b, 0)) return a;
  return create_node(OperationKind::subtract, {a, b, no_operand}, 0, false);
}

NodeId Circuit::create_negate(NodeId a) {
  check_number(a, "neg operand");
  if (all_constant({a})) return create_constant(reference::negate(format_, constant_value(a)));
  return create_node(OperationKind::negate, {a, no_operand, no_operand}, 0, false);
}

NodeId Circuit::create_multiply(NodeId a, NodeId b) {
  check_number(a, "mul operand");
  check_number(b, "mul operand");
  if (all_constant({a, b})) {
    return create_constant(reference::multiply(format_, constant_value(a), constant_value(b)));
  }
  if (is_number_constant(a, 0) || is_number_constant(b, 0)) return create_constant(0);
  if (is_number_constant(b, 1)) return a;
  if (is_number_constant(a, 1)) return b;
  if (a > b) std::swap(a, b);
  return create_node(OperationKind::multiply, {a, b, no_operand}, 0, false);
}

NodeId Circuit::create_rescale(NodeId a, long shift) {
  check_number(a, "rescale operand");
  if (shift > max_rescale_shift || shift < -max_rescale_shift) {
    throw InputError(
        fmt::format("rescale shift {} exceeds the limit of ±{}", shift, max_rescale_shift));
  }
  if (shift > 0) {
    // Throws InputError when 2 has no inverse in the format.
    reference::scale_by_power_of_two(format_, mpq_class(1), -shift);
  }
  if (all_constant({a})) {
    return create_constant(reference::scale_by_power_of_two(format_, constant_value(a), -shift));
  }
  if (shift == 0) return a;
  return create_node(OperationKind::rescale, {a, no_operand, no_operand},
                     static_cast<std::uint32_t>(static_cast<std::int32_t>(shift)), false);
}

NodeId Circuit::create_less_than(NodeId a, NodeId b) {
  check_number(a, "lt operand");
  check_number(b, "lt operand");
  if (all_constant({a, b})) {
    return create_boolean_constant(
        reference::less_than(format_, constant_value(a), constant_value(b)));
  }
  return create_node(OperationKind::less_than, {a, b, no_operand}, 0, true);
}

NodeId Circuit::create_equal(NodeId a, NodeId b) {
  check_number(a, "eq operand");
  check_number(b, "eq operand");
  if (all_constant({a, b})) {
    return create_boolean_constant(reference::equal(format_, constant_value(a), constant_value(b)));
  }
  if (a > b) std::swap(a, b);
  return create_node(OperationKind::equal, {a, b, no_operand}, 0, true);
}

NodeId Circuit::create_select(NodeId condition, NodeId if_true, NodeId if_false) {
  check_boolean(condition, "select condition");
  if (if_true >= nodes_.size() || if_false >= nodes_.size()) {
    throw std::invalid_argument("select operand is not a node of the circuit");
  }
  const bool is_boolean = nodes_[if_true].is_boolean;
  if (nodes_[if_false].is_boolean != is_boolean) {
    throw std::invalid_argument("select operands must both be numbers or both be Booleans");
  }
  if (nodes_[condition].kind == OperationKind::constant) {
    return constant_value(condition) != 0 ? if_true : if_false;
  }
  if (if_true == if_false) return if_true;
  return create_node(OperationKind::select, {condition, if_true, if_false}, 0, is_boolean);
}

NodeId Circuit::create_relu(NodeId a) {
  check_number(a, "relu operand");
  if (all_constant({a})) return create_constant(reference::relu(format_, constant_value(a)));
  return create_node(OperationKind::relu, {a, no_operand, no_operand}, 0, false);
}

NodeId Circuit::create_clip(NodeId a, const mpq_class& low, const mpq_class& high) {
  check_number(a, "clip operand");
  for (const mpq_class* bound : {&low, &high}) {
    if (!is_member(format_, *bound)) {
      throw InputError(fmt::format("the clip bound {} is not a member of format {}",
                                   bound->get_str(), to_string(format_)));
    }
  }
  if (all_constant({a})) {
    return create_constant(reference::clip(format_, constant_value(a), low, high));
  }
  auto bounds = std::make_pair(low, high);
  auto existing = clip_bounds_index_.find(bounds);
  std::uint32_t index = 0;
  if (existing != clip_bounds_index_.end()) {
    index = existing->second;
  } else {
    index = static_cast<std::uint32_t>(clip_bounds_.size());
    clip_bounds_.push_back(bounds);
    clip_bounds_index_.emplace(std::move(bounds), index);
  }
  return create_node(OperationKind::clip, {a, no_operand, no_operand}, index, false);
}

TableId Circuit::table_of(Activation activation) {
  auto existing = table_index_.find(std::string(arith::name_of(activation)));
  if (existing != table_index_.end()) return existing->second;
  const auto id = static_cast<TableId>(tables_.size());
  tables_.push_back(LookupTable{activation, {}});
  table_index_.emplace(std::string(arith::name_of(activation)), id);
  return id;
}

NodeId Circuit::create_lookup(Activation activation, NodeId a) {
  check_number(a, "lookup operand");
  if (activation == Activation::relu) return create_relu(a);
  if (!is_piecewise_linear(activation) && !std::holds_alternative<FixedFormat>(format_)) {
    throw InputError(fmt::format("the activation {} needs a fixed format, not {}",
                                 arith::name_of(activation), to_string(format_)));
  }
  if (all_constant({a})) {
    return create_constant(reference::apply(format_, activation, constant_value(a)));
  }
  return create_node(OperationKind::lookup, {a, no_operand, no_operand}, table_of(activation),
                     false);
}

NodeId Circuit::create_lookup(TableId table, NodeId a) {
  check_number(a, "lookup operand");
  if (table >= tables_.size()) {
    throw std::invalid_argument(fmt::format("table {} is not registered", table));
  }
  if (tables_[table].activation) return create_lookup(*tables_[table].activation, a);
  if (all_constant({a})) return create_constant(tables_[table].explicit_table(constant_value(a)));
  return create_node(OperationKind::lookup, {a, no_operand, no_operand}, table, false);
}

TableId Circuit::add_table(ExplicitTable table) {
  check_name(table.name, "table");
  for (std::size_t i = 0; i <= static_cast<std::size_t>(Activation::softplus); ++i) {
    if (table.name == arith::name_of(static_cast<Activation>(i))) {
      throw std::invalid_argument(
          fmt::format("table name '{}' is the name of an activation", table.name));
    }
  }
  if (table_index_.contains(table.name)) {
    throw std::invalid_argument(fmt::format("table name '{}' is already used", table.name));
  }
  auto check_member = [this, &table](const mpq_class& value) {
    if (!is_member(format_, value)) {
      throw InputError(fmt::format("table '{}': {} is not a member of format {}", table.name,
                                   value.get_str(), to_string(format_)));
    }
  };
  check_member(table.default_result);
  for (const auto& [argument, result] : table.entries) {
    check_member(argument);
    check_member(result);
  }
  const auto id = static_cast<TableId>(tables_.size());
  table_index_.emplace(table.name, id);
  tables_.push_back(LookupTable{std::nullopt, std::move(table)});
  return id;
}

std::optional<TableId> Circuit::find_table(std::string_view name) {
  auto existing = table_index_.find(std::string(name));
  if (existing != table_index_.end()) return existing->second;
  try {
    return table_of(parse_activation(name));
  } catch (const InputError&) {
    return std::nullopt;
  }
}

void Circuit::create_output(NodeId node, std::string name) {
  check_name(name, "output");
  if (node >= nodes_.size()) {
    throw std::invalid_argument(fmt::format("output '{}': n{} is not a node", name, node));
  }
  if (output_index_.contains(name)) {
    throw std::invalid_argument(fmt::format("output name '{}' is already used", name));
  }
  output_index_.emplace(name, static_cast<std::uint32_t>(outputs_.size()));
  outputs_.push_back(Output{node, std::move(name)});
}

// --- access -------------------------------------------------------------------

const mpq_class& Circuit::constant_value(NodeId node) const {
  if (nodes_[node].kind != OperationKind::constant) {
    throw std::invalid_argument(fmt::format("n{} is not a constant", node));
  }
  return constants_[nodes_[node].parameter];
}

long Circuit::rescale_shift(NodeId node) const {
  if (nodes_[node].kind != OperationKind::rescale) {
    throw std::invalid_argument(fmt::format("n{} is not a rescale node", node));
  }
  return static_cast<std::int32_t>(nodes_[node].parameter);
}

const std::pair<mpq_class, mpq_class>& Circuit::clip_bounds(NodeId node) const {
  if (nodes_[node].kind != OperationKind::clip) {
    throw std::invalid_argument(fmt::format("n{} is not a clip node", node));
  }
  return clip_bounds_[nodes_[node].parameter];
}

TableId Circuit::lookup_table(NodeId node) const {
  if (nodes_[node].kind != OperationKind::lookup) {
    throw std::invalid_argument(fmt::format("n{} is not a lookup node", node));
  }
  return nodes_[node].parameter;
}

std::uint32_t Circuit::input_position(NodeId node) const {
  if (nodes_[node].kind != OperationKind::input) {
    throw std::invalid_argument(fmt::format("n{} is not an input", node));
  }
  return nodes_[node].parameter;
}

// --- measures -----------------------------------------------------------------

std::uint32_t Circuit::arithmetic_depth() const {
  std::uint32_t depth = 0;
  for (const Output& output : outputs_) {
    depth = std::max(depth, nodes_[output.node].arithmetic_depth);
  }
  return depth;
}

std::uint32_t Circuit::multiplicative_depth() const {
  std::uint32_t depth = 0;
  for (const Output& output : outputs_) {
    depth = std::max(depth, nodes_[output.node].multiplicative_depth);
  }
  return depth;
}

CircuitStatistics Circuit::statistics() const {
  CircuitStatistics statistics;
  statistics.operation_counts = operation_counts_;
  statistics.node_count = nodes_.size();
  statistics.input_count = inputs_.size();
  statistics.output_count = outputs_.size();
  statistics.arithmetic_depth = arithmetic_depth();
  statistics.multiplicative_depth = multiplicative_depth();
  return statistics;
}

std::vector<bool> Circuit::reachable_from_outputs() const {
  std::vector<bool> reachable(nodes_.size(), false);
  for (const Output& output : outputs_)
    reachable[output.node] = true;
  for (std::size_t node = nodes_.size(); node-- > 0;) {
    if (!reachable[node]) continue;
    const Node& data = nodes_[node];
    for (std::size_t i = 0; i < operand_count(data.kind); ++i)
      reachable[data.operands[i]] = true;
  }
  return reachable;
}

}  // namespace rnncc::arith
