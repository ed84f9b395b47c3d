#include <fmt/format.h>

#include "rnncc/common/atomic_file.hpp"
#include "rnncc/io/arith_file.hpp"

namespace rnncc::io {

namespace {

using arith::Circuit;
using arith::NodeId;
using arith::OperationKind;

constexpr std::size_t flush_threshold = std::size_t{1} << 20;

/// Appends the text of `circuit` to `text`, calling `flush(text)` whenever
/// it grows beyond flush_threshold (flush empties it).
template <class Flush>
void emit_arith(const Circuit& circuit, std::string& text, Flush&& flush) {
  const arith::CircuitStatistics statistics = circuit.statistics();
  fmt::format_to(
      std::back_inserter(text),
      "# {} nodes, {} inputs, {} outputs, arithmetic depth {}, multiplicative depth {}\n",
      statistics.node_count, statistics.input_count, statistics.output_count,
      statistics.arithmetic_depth, statistics.multiplicative_depth);
  fmt::format_to(std::back_inserter(text), "rnncc-arith 1 {}\n",
                 arith::to_string(circuit.format()));
  for (arith::TableId id = 0; id < circuit.table_count(); ++id) {
    const arith::LookupTable& table = circuit.table(id);
    if (table.activation) continue;
    const arith::ExplicitTable& explicit_table = table.explicit_table;
    fmt::format_to(std::back_inserter(text), "table {} default {}", explicit_table.name,
                   explicit_table.default_result.get_str());
    for (const auto& [argument, result] : explicit_table.entries) {
      fmt::format_to(std::back_inserter(text), " {}:{}", argument.get_str(), result.get_str());
      if (text.size() > flush_threshold) flush(text);
    }
    text += '\n';
  }
  for (NodeId node = 0; node < circuit.node_count(); ++node) {
    const OperationKind kind = circuit.kind(node);
    fmt::format_to(std::back_inserter(text), "n{} = {}", node, arith::name_of(kind));
    switch (kind) {
      case OperationKind::input: {
        const std::uint32_t position = circuit.input_position(node);
        fmt::format_to(std::back_inserter(text), " {}", circuit.input_name(position));
        if (circuit.is_boolean(node)) text += " bool";
        if (const auto& domain = circuit.input_domain(position)) {
          fmt::format_to(std::back_inserter(text), " [{}, {}]", domain->low.get_str(),
                         domain->high.get_str());
          if (domain->denominator != 1) {
            fmt::format_to(std::back_inserter(text), " / {}", domain->denominator.get_str());
          }
        }
        break;
      }
      case OperationKind::constant:
        if (circuit.is_boolean(node)) {
          text += circuit.constant_value(node) != 0 ? " true" : " false";
        } else {
          fmt::format_to(std::back_inserter(text), " {}", circuit.constant_value(node).get_str());
        }
        break;
      case OperationKind::lookup:
        fmt::format_to(std::back_inserter(text), " {} n{}",
                       circuit.table(circuit.lookup_table(node)).name(), circuit.operand(node, 0));
        break;
      default:
        for (std::size_t i = 0; i < arith::operand_count(kind); ++i) {
          fmt::format_to(std::back_inserter(text), " n{}", circuit.operand(node, i));
        }
        if (kind == OperationKind::rescale) {
          fmt::format_to(std::back_inserter(text), " {}", circuit.rescale_shift(node));
        } else if (kind == OperationKind::clip) {
          const auto& [low, high] = circuit.clip_bounds(node);
          fmt::format_to(std::back_inserter(text), " {} {}", low.get_str(), high.get_str());
        }
        break;
    }
    text += '\n';
    if (text.size() > flush_threshold) flush(text);
  }
  for (std::uint32_t i = 0; i < circuit.output_count(); ++i) {
    fmt::format_to(std::back_inserter(text), "output {} n{}\n", circuit.output_name(i),
                   circuit.output_node(i));
    if (text.size() > flush_threshold) flush(text);
  }
}

}  // namespace

std::string format_arith(const Circuit& circuit) {
  std::string text;
  emit_arith(circuit, text, [](std::string&) {});
  return text;
}

void write_arith_file(const Circuit& circuit, const std::filesystem::path& path) {
  AtomicFile file(path);
  std::string text;
  emit_arith(circuit, text, [&file](std::string& pending) {
    file.write(pending);
    pending.clear();
  });
  file.write(text);
  file.commit();
}

}  // namespace rnncc::io
