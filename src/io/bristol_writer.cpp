// Bristol fashion writer: XOR recognition, wires for both polarities made
// on demand, output wires numbered last.
#include <charconv>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "rnncc/common/atomic_file.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/bristol.hpp"
#include "rnncc/logic/cleanup.hpp"

namespace rnncc::io {

namespace {

using logic::Aig;
using logic::Literal;
using logic::NodeIndex;

/// The widths of the description lines starting with `keyword` (their
/// fourth field), when every such line has one and they add up to `count`.
std::optional<std::vector<std::uint64_t>> described_groups(const Aig& aig, std::string_view keyword,
                                                           std::uint64_t count) {
  std::vector<std::uint64_t> groups;
  std::uint64_t total = 0;
  for (const std::string& line : aig.comments()) {
    std::vector<std::string_view> fields;
    std::string_view rest = line;
    while (!rest.empty()) {
      const std::size_t start = rest.find_first_not_of(' ');
      if (start == std::string_view::npos) break;
      rest.remove_prefix(start);
      const std::size_t end = std::min(rest.find(' '), rest.size());
      fields.push_back(rest.substr(0, end));
      rest.remove_prefix(end);
    }
    if (fields.empty() || fields[0] != keyword) continue;
    if (fields.size() < 4) return std::nullopt;
    std::uint64_t bits = 0;
    const auto [end, error] =
        std::from_chars(fields[3].data(), fields[3].data() + fields[3].size(), bits);
    if (error != std::errc() || end != fields[3].data() + fields[3].size() || bits == 0) {
      return std::nullopt;
    }
    groups.push_back(bits);
    total += bits;
  }
  if (groups.empty() || total != count) return std::nullopt;
  return groups;
}

/// BASE and k of a name `BASE[k]`, if it has that form.
std::optional<std::pair<std::string_view, std::uint64_t>> indexed_name(std::string_view name) {
  if (name.size() < 3 || name.back() != ']') return std::nullopt;
  const std::size_t open = name.rfind('[');
  if (open == std::string_view::npos || open + 2 > name.size() - 1) return std::nullopt;
  std::uint64_t index = 0;
  const char* first = name.data() + open + 1;
  const char* last = name.data() + name.size() - 1;
  const auto [end, error] = std::from_chars(first, last, index);
  if (error != std::errc() || end != last) return std::nullopt;
  return std::pair{name.substr(0, open), index};
}

template <typename NameOf>
std::vector<std::uint64_t> named_groups(std::uint32_t count, NameOf name_of) {
  std::vector<std::uint64_t> groups;
  // The previous port's BASE and k, when its name had that form.
  bool previous_indexed = false;
  std::string_view previous_base;
  std::uint64_t previous_index = 0;
  for (std::uint32_t i = 0; i < count; ++i) {
    const auto current = indexed_name(name_of(i));
    if (current && previous_indexed && current->first == previous_base &&
        current->second == previous_index + 1) {
      ++groups.back();
    } else {
      groups.push_back(1);
    }
    previous_indexed = current.has_value();
    if (current) {
      previous_base = current->first;
      previous_index = current->second;
    }
  }
  return groups;
}

/// One gate; a negative wire is output `-1 - wire`, numbered at the end.
struct Gate {
  enum class Kind { and_gate, xor_gate, inv_gate } kind;
  std::int64_t first = 0;
  std::int64_t second = 0;
  std::int64_t result = 0;
};

class BristolBuilder {
 public:
  BristolBuilder(const Aig& aig, std::string_view destination)
      : aig_(aig),
        destination_(destination),
        wire_of_literal_(2 * std::size_t{aig.node_count()}, std::nullopt),
        output_written_(aig.output_count(), false) {
    for (std::uint32_t i = 0; i < aig.input_count(); ++i)
      wire_of_literal_[Literal::of(aig.input_node(i)).code] = i;
    next_wire_ = aig.input_count();
    for (std::uint32_t i = 0; i < aig.output_count(); ++i)
      pending_outputs_[aig.output(i).code].push_back(i);
  }

  void build(BristolGateCounts& counts) {
    // First the XORs, then which gates are needed: an XOR reads its
    // operands, not its two inner ANDs, which are written only when
    // something else reads them.
    const std::vector<bool> live = logic::output_cone(aig_);
    std::unordered_map<NodeIndex, std::pair<Literal, Literal>> xor_of_node;
    for (NodeIndex node = 1; node < aig_.node_count(); ++node) {
      if (!aig_.is_and(node) || !live[node]) continue;
      if (const auto operands = xor_operands(node)) xor_of_node.emplace(node, *operands);
    }
    std::vector<bool> needed(aig_.node_count(), false);
    for (std::uint32_t i = 0; i < aig_.output_count(); ++i)
      needed[aig_.output(i).node()] = true;
    for (NodeIndex node = aig_.node_count(); node-- > 1;) {
      if (!needed[node] || !aig_.is_and(node)) continue;
      const auto found = xor_of_node.find(node);
      const bool is_xor = found != xor_of_node.end();
      needed[(is_xor ? found->second.first : aig_.fanin0(node)).node()] = true;
      needed[(is_xor ? found->second.second : aig_.fanin1(node)).node()] = true;
    }
    for (NodeIndex node = 1; node < aig_.node_count(); ++node) {
      if (!aig_.is_and(node) || !needed[node]) continue;
      const auto found = xor_of_node.find(node);
      if (found != xor_of_node.end()) {
        ++counts.recognised_xors;
        // node = u1 XOR u2 = (x XOR y) XOR (the parity of their inversions),
        // with x and y the nodes of u1 and u2.
        const auto [u1, u2] = found->second;
        const bool inverted = u1.is_complemented() != u2.is_complemented();
        const std::int64_t first = wire(u1.regular());
        const std::int64_t second = wire(u2.regular());
        emit(Gate::Kind::xor_gate, first, second, new_wire(Literal::of(node, inverted)));
        continue;
      }
      const std::int64_t first = wire(aig_.fanin0(node));
      const std::int64_t second = wire(aig_.fanin1(node));
      emit(Gate::Kind::and_gate, first, second, new_wire(Literal::of(node)));
    }
    // Outputs not yet written: an INV of the other polarity.
    for (std::uint32_t i = 0; i < aig_.output_count(); ++i) {
      if (output_written_[i]) continue;
      const Literal literal = aig_.output(i);
      emit(Gate::Kind::inv_gate, wire(!literal), 0, -1 - std::int64_t{i});
      output_written_[i] = true;
    }
    for (const Gate& gate : gates_) {
      if (gate.kind == Gate::Kind::and_gate) ++counts.and_gates;
      if (gate.kind == Gate::Kind::xor_gate) ++counts.xor_gates;
      if (gate.kind == Gate::Kind::inv_gate) ++counts.inv_gates;
    }
  }

  std::string text() const {
    const std::int64_t wires = next_wire_ + aig_.output_count();
    auto number = [&](std::int64_t wire) { return wire >= 0 ? wire : next_wire_ + (-1 - wire); };
    std::string text = fmt::format("{} {}\n", gates_.size(), wires);
    auto put_groups = [&](const std::vector<std::uint64_t>& groups) {
      text += std::to_string(groups.size());
      for (std::uint64_t bits : groups)
        text += fmt::format(" {}", bits);
      text += '\n';
    };
    put_groups(bristol_input_groups(aig_));
    put_groups(bristol_output_groups(aig_));
    text += '\n';
    for (const Gate& gate : gates_) {
      switch (gate.kind) {
        case Gate::Kind::and_gate:
          text += fmt::format("2 1 {} {} {} AND\n", number(gate.first), number(gate.second),
                              number(gate.result));
          break;
        case Gate::Kind::xor_gate:
          text += fmt::format("2 1 {} {} {} XOR\n", number(gate.first), number(gate.second),
                              number(gate.result));
          break;
        case Gate::Kind::inv_gate:
          text += fmt::format("1 1 {} {} INV\n", number(gate.first), number(gate.result));
          break;
      }
    }
    return text;
  }

 private:
  /// The operands of `node` when it is an XOR of them as three ANDs:
  /// node = !p & !q with p = u1 & u2 and q = !u1 & !u2.
  std::optional<std::pair<Literal, Literal>> xor_operands(NodeIndex node) const {
    const Literal a = aig_.fanin0(node);
    const Literal b = aig_.fanin1(node);
    if (!a.is_complemented() || !b.is_complemented()) return std::nullopt;
    const NodeIndex p = a.node();
    const NodeIndex q = b.node();
    if (!aig_.is_and(p) || !aig_.is_and(q)) {
      return std::nullopt;
    }
    const Literal u1 = aig_.fanin0(p);
    const Literal u2 = aig_.fanin1(p);
    const Literal v1 = aig_.fanin0(q);
    const Literal v2 = aig_.fanin1(q);
    const bool complementary = (v1 == !u1 && v2 == !u2) || (v1 == !u2 && v2 == !u1);
    if (!complementary) return std::nullopt;
    return std::pair{u1, u2};
  }

  /// A wire for a new value `literal`: the next output waiting for it, or
  /// a new internal wire.
  std::int64_t new_wire(Literal literal) {
    std::int64_t wire = 0;
    const auto waiting = pending_outputs_.find(literal.code);
    if (waiting != pending_outputs_.end() && !waiting->second.empty()) {
      const std::uint32_t output = waiting->second.front();
      waiting->second.erase(waiting->second.begin());
      output_written_[output] = true;
      wire = -1 - std::int64_t{output};
    } else {
      wire = next_wire_++;
    }
    wire_of_literal_[literal.code] = wire;
    return wire;
  }

  /// The wire holding `literal`, made with an INV (or, for a constant, an
  /// XOR of input wire 0 with itself) when only the other polarity exists.
  std::int64_t wire(Literal literal) {
    if (wire_of_literal_[literal.code]) return *wire_of_literal_[literal.code];
    if (literal.is_constant() && !wire_of_literal_[logic::false_literal.code]) {
      if (aig_.input_count() == 0) {
        throw InputError(
            fmt::format("{}: a Bristol fashion circuit makes its constants from input "
                        "wire 0, and this circuit has no input",
                        destination_));
      }
      const std::int64_t zero = new_wire(logic::false_literal);
      emit(Gate::Kind::xor_gate, 0, 0, zero);
      if (literal == logic::false_literal) return zero;
    }
    const std::int64_t other = wire(!literal);
    const std::int64_t result = new_wire(literal);
    emit(Gate::Kind::inv_gate, other, 0, result);
    return result;
  }

  void emit(Gate::Kind kind, std::int64_t first, std::int64_t second, std::int64_t result) {
    gates_.push_back(Gate{kind, first, second, result});
  }

  const Aig& aig_;
  std::string_view destination_;
  std::vector<std::optional<std::int64_t>> wire_of_literal_;
  std::int64_t next_wire_ = 0;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> pending_outputs_;
  std::vector<bool> output_written_;
  std::vector<Gate> gates_;
};

}  // namespace

std::vector<std::uint64_t> bristol_input_groups(const Aig& aig) {
  if (auto groups = described_groups(aig, "rnncc-input", aig.input_count())) return *groups;
  return named_groups(aig.input_count(),
                      [&](std::uint32_t i) -> std::string_view { return aig.input_name(i); });
}

std::vector<std::uint64_t> bristol_output_groups(const Aig& aig) {
  if (auto groups = described_groups(aig, "rnncc-output", aig.output_count())) return *groups;
  return named_groups(aig.output_count(),
                      [&](std::uint32_t i) -> std::string_view { return aig.output_name(i); });
}

std::string write_bristol(const Aig& aig, std::string_view destination, BristolGateCounts* counts) {
  BristolBuilder builder(aig, destination);
  BristolGateCounts local;
  builder.build(counts != nullptr ? *counts : local);
  return builder.text();
}

void write_bristol_file(const Aig& aig, const std::filesystem::path& path) {
  write_file_atomically(path, write_bristol(aig, path.string()));
}

}  // namespace rnncc::io
