#include "rnncc/arith/circuit_lowering.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "exact_intervals.hpp"
#include "narrowed_lowering.hpp"
#include "rnncc/arith/circuit_evaluation.hpp"
#include "rnncc/arith/live_sweep.hpp"
#include "rnncc/arith/nonlinear_table.hpp"
#include "rnncc/arith/value_facts.hpp"
#include "rnncc/common/assert.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/logic/cleanup.hpp"
#include "rnncc/word/lookup.hpp"
#include "rnncc/word/resize.hpp"

namespace rnncc::arith {

namespace {

using logic::Literal;

/// 2^exponent.
mpz_class power_of_two(std::size_t exponent) {
  mpz_class result;
  mpz_ui_pow_ui(result.get_mpz_t(), 2, exponent);
  return result;
}

/// value mod modulus in 0 .. modulus-1.
mpz_class non_negative_remainder(const mpz_class& value, const mpz_class& modulus) {
  mpz_class remainder;
  mpz_fdiv_r(remainder.get_mpz_t(), value.get_mpz_t(), modulus.get_mpz_t());
  return remainder;
}

void check_table_width(std::size_t width, std::string_view table_name) {
  if (width > max_table_input_width) {
    throw LimitError(fmt::format(
        "lookup table '{}' on a {}-bit value would need 2^{} entries; tables take at most {} "
        "input bits",
        table_name, width, width, max_table_input_width));
  }
}

/// An explicit table on a value of a finite format: one entry per pattern,
/// input and output in the format's encoding.
LoweredValue lower_finite_table(logic::Aig& aig, const Format& format, const ExplicitTable& table,
                                const LoweredValue& operand) {
  const std::size_t width = operand.bits.size();
  check_table_width(width, table.name);
  const std::optional<mpz_class> modulus =
      std::holds_alternative<ResidueFormat>(format)
          ? std::optional<mpz_class>(std::get<ResidueFormat>(format).modulus)
          : std::nullopt;
  const std::size_t pattern_count = std::size_t{1} << width;
  std::vector<mpz_class> entries(pattern_count);
  for (std::size_t pattern = 0; pattern < pattern_count; ++pattern) {
    mpz_class pattern_value(static_cast<unsigned long>(pattern));
    if (modulus && pattern_value >= *modulus) continue;  // never stored: entry 0
    entries[pattern] = encode(format, table(decode(format, pattern_value)));
  }
  return LoweredValue{word::lookup(aig, operand.bits, entries, width), operand.low, operand.high,
                      operand.denominator};
}

/// An explicit table on an exact value: one entry per admissible integer k
/// of the operand (standing for k / denominator); the result's denominator
/// is the least common multiple of the results' denominators.
LoweredValue lower_exact_table(logic::Aig& aig, const ExplicitTable& table,
                               const LoweredValue& operand) {
  const std::size_t width = operand.bits.size();
  check_table_width(width, table.name);
  const std::size_t pattern_count = std::size_t{1} << width;
  const mpz_class pattern_modulus = power_of_two(width);
  std::vector<std::optional<mpq_class>> results(pattern_count);
  mpz_class denominator = 1;
  for (std::size_t pattern = 0; pattern < pattern_count; ++pattern) {
    mpz_class integer(static_cast<unsigned long>(pattern));
    if (width > 0 && pattern >= (std::size_t{1} << (width - 1))) integer -= pattern_modulus;
    if (integer < operand.low || integer > operand.high) continue;  // not admissible
    mpq_class argument(integer, operand.denominator);
    argument.canonicalize();
    results[pattern] = table(argument);
    mpz_lcm(denominator.get_mpz_t(), denominator.get_mpz_t(),
            results[pattern]->get_den().get_mpz_t());
  }
  std::optional<mpz_class> low;
  std::optional<mpz_class> high;
  std::vector<mpz_class> numerators(pattern_count);
  for (std::size_t pattern = 0; pattern < pattern_count; ++pattern) {
    if (!results[pattern]) continue;
    mpq_class scaled = *results[pattern] * denominator;
    numerators[pattern] = scaled.get_num();
    if (!low || numerators[pattern] < *low) low = numerators[pattern];
    if (!high || numerators[pattern] > *high) high = numerators[pattern];
  }
  RNNCC_ASSERT(low.has_value());  // an exact value has an admissible integer
  const std::size_t result_width = signed_width(*low, *high);
  if (result_width > max_exact_width) {
    throw LimitError(
        fmt::format("lookup table '{}' would give a {}-bit exact value", table.name, result_width));
  }
  const mpz_class result_modulus = power_of_two(result_width);
  for (mpz_class& numerator : numerators)
    numerator = non_negative_remainder(numerator, result_modulus);
  return LoweredValue{word::lookup(aig, operand.bits, numerators, result_width), *low, *high,
                      denominator};
}

LoweredValue boolean_word(Literal literal) {
  return LoweredValue{word::BitVector{literal}, 0, 1, 1};
}

/// The lowered value of `node` given the lowered values of its operands
/// (operand(i): the i-th operand's lowered value).
template <class Operand>
LoweredValue lower_node(const Circuit& circuit, NodeId node, FormatLowering& lowering,
                        const Operand& operand, const std::vector<LoweredWord>& inputs) {
  switch (circuit.kind(node)) {
    case OperationKind::input:
      return inputs[circuit.input_position(node)].value;
    case OperationKind::constant:
      if (circuit.is_boolean(node)) {
        return boolean_word(logic::constant_literal(circuit.constant_value(node) != 0));
      }
      return lowering.constant(circuit.constant_value(node));
    case OperationKind::add:
      return lowering.add(operand(0), operand(1));
    case OperationKind::subtract:
      return lowering.subtract(operand(0), operand(1));
    case OperationKind::negate:
      return lowering.negate(operand(0));
    case OperationKind::multiply:
      return lowering.multiply(operand(0), operand(1));
    case OperationKind::rescale:
      return lowering.scale_by_power_of_two(operand(0), -circuit.rescale_shift(node));
    case OperationKind::less_than:
      return boolean_word(lowering.less_than(operand(0), operand(1)));
    case OperationKind::equal:
      return boolean_word(lowering.equal(operand(0), operand(1)));
    case OperationKind::select:
      if (circuit.is_boolean(node)) {
        return boolean_word(
            lowering.aig().create_mux(operand(0).bits[0], operand(1).bits[0], operand(2).bits[0]));
      }
      return lowering.select(operand(0).bits[0], operand(1), operand(2));
    case OperationKind::relu:
      return lowering.relu(operand(0));
    case OperationKind::clip: {
      const auto& [low, high] = circuit.clip_bounds(node);
      return lowering.clip(operand(0), low, high);
    }
    case OperationKind::lookup: {
      const LookupTable& table = circuit.table(circuit.lookup_table(node));
      if (table.activation) return lowering.apply(*table.activation, operand(0));
      if (is_finite(circuit.format())) {
        return lower_finite_table(lowering.aig(), circuit.format(), table.explicit_table,
                                  operand(0));
      }
      return lower_exact_table(lowering.aig(), table.explicit_table, operand(0));
    }
  }
  RNNCC_UNREACHABLE("an operation kind the switch does not list");
}

/// The narrow value of `node` (narrowed_lowering.hpp) given the narrow
/// values of the nodes before it: by its narrow circuit when it has one,
/// otherwise by the format's circuit on widened operands, then narrowed.
LoweredValue lower_narrowed_node(const Circuit& circuit, NodeId node, FormatLowering& lowering,
                                 detail::NarrowedLowering& narrowed,
                                 const std::vector<ValueFacts>& facts,
                                 const std::vector<std::optional<LoweredValue>>& values,
                                 const std::vector<LoweredWord>& inputs) {
  const ValueFacts& node_facts = facts[node];
  const bool is_boolean = circuit.is_boolean(node);
  if (node_facts.is_constant()) {
    return is_boolean ? boolean_word(logic::constant_literal(node_facts.low == 1))
                      : narrowed.narrow(LoweredValue{}, node_facts);
  }
  std::optional<LoweredValue> value = narrowed.lower(circuit, node, values, facts);
  if (!value) {
    value = lower_node(
        circuit, node, lowering,
        [&](std::size_t i) {
          const NodeId operand = circuit.operand(node, i);
          return circuit.is_boolean(operand) ? *values[operand] : narrowed.widen(*values[operand]);
        },
        inputs);
  }
  return is_boolean ? std::move(*value) : narrowed.narrow(*value, node_facts);
}

}  // namespace

void remove_dangling_ands(LoweredCircuit& lowered) {
  if (logic::reachable_and_count(lowered.aig) == lowered.aig.and_count()) return;
  const std::vector<logic::NodeIndex> new_index = lowered.aig.remove_dangling_in_place();
  for (LoweredWord& input : lowered.inputs) {
    for (Literal& bit : input.value.bits) {
      if (!bit.is_constant()) bit = Literal::of(new_index[bit.node()], bit.is_complemented());
    }
  }
  std::uint32_t output_position = 0;
  for (LoweredWord& output : lowered.outputs) {
    for (Literal& bit : output.value.bits)
      bit = lowered.aig.output(output_position++);
  }
}

std::string_view name_of(ExactLowering lowering) {
  return lowering == ExactLowering::residue ? "rns" : "binary";
}

ExactLowering parse_exact_lowering(std::string_view name) {
  if (name == "binary") return ExactLowering::binary;
  if (name == "rns") return ExactLowering::residue;
  throw InputError(fmt::format("--lowering must be binary or rns, not '{}'", name));
}

namespace {

/// The lowering of `circuit`'s format, in residues when asked (choosing the
/// basis, recorded in `lowered`).
FormatLowering make_lowering(const Circuit& circuit, word::ArithmeticArchitecture architecture,
                             const std::vector<std::optional<LoweredValue>>* output_shapes,
                             ExactLowering exact_lowering, LoweredCircuit& lowered) {
  if (exact_lowering == ExactLowering::binary) {
    return FormatLowering(lowered.aig, circuit.format(), architecture);
  }
  if (!std::holds_alternative<ExactFormat>(circuit.format())) {
    throw InputError(fmt::format("--lowering rns applies to the exact format, not {}",
                                 to_string(circuit.format())));
  }
  lowered.residue_basis =
      word::choose_residue_basis(detail::reconstructed_magnitude_bound(circuit, output_shapes));
  return FormatLowering(lowered.aig, *lowered.residue_basis, architecture);
}

}  // namespace

LoweredCircuit lower(const Circuit& circuit, word::ArithmeticArchitecture architecture,
                     const std::vector<std::optional<LoweredValue>>* output_shapes,
                     ExactLowering exact_lowering, Narrowing narrowing) {
  LoweredCircuit result;
  FormatLowering lowering =
      make_lowering(circuit, architecture, output_shapes, exact_lowering, result);
  const bool in_residues = result.residue_basis.has_value();

  for (std::uint32_t i = 0; i < circuit.input_count(); ++i) {
    const std::optional<ExactDomain>& domain = circuit.input_domain(i);
    if (circuit.is_boolean(circuit.input_node(i))) {
      Literal bit = result.aig.create_input(fmt::format("{}[0]", circuit.input_name(i)));
      result.inputs.push_back(LoweredWord{circuit.input_name(i), true, boolean_word(bit)});
      continue;
    }
    const std::size_t width = lowering.input_width(domain);
    word::BitVector bits;
    bits.reserve(width);
    for (std::size_t bit = 0; bit < width; ++bit) {
      bits.push_back(result.aig.create_input(fmt::format("{}[{}]", circuit.input_name(i), bit)));
    }
    if (in_residues) {  // the word stays binary; its residues are built below
      result.inputs.push_back(LoweredWord{
          circuit.input_name(i), false,
          LoweredValue{std::move(bits), domain->low, domain->high, domain->denominator}});
      continue;
    }
    result.inputs.push_back(
        LoweredWord{circuit.input_name(i), false, lowering.input(std::move(bits), domain)});
  }
  // In residues the nodes read each input's residues, the AIG keeps its bits.
  std::vector<LoweredWord> residue_inputs;
  if (in_residues) {
    residue_inputs = result.inputs;
    for (std::uint32_t i = 0; i < circuit.input_count(); ++i) {
      if (residue_inputs[i].is_boolean) continue;
      residue_inputs[i].value =
          lowering.input(residue_inputs[i].value.bits, circuit.input_domain(i));
    }
  }
  const std::vector<LoweredWord>& node_inputs = in_residues ? residue_inputs : result.inputs;

  // Finite formats narrow their words by the value facts; exact values
  // already take the widths of their intervals.
  std::vector<ValueFacts> facts;
  std::optional<detail::NarrowedLowering> narrowed;
  if (narrowing == Narrowing::on && is_finite(circuit.format())) {
    facts = analyse_values(circuit);
    narrowed.emplace(lowering, architecture);
  }
  std::vector<std::optional<LoweredValue>> values(circuit.node_count());
  sweep_live_nodes(
      circuit,
      [&](NodeId node) {
        if (narrowed) {
          values[node] =
              lower_narrowed_node(circuit, node, lowering, *narrowed, facts, values, node_inputs);
        } else {
          values[node] = lower_node(
              circuit, node, lowering,
              [&](std::size_t i) -> const LoweredValue& {
                return *values[circuit.operand(node, i)];
              },
              node_inputs);
        }
        if (!circuit.is_boolean(node)) {
          // A narrowed word still stands for a word of the format's width.
          const std::size_t bits = in_residues ? signed_width(values[node]->low, values[node]->high)
                                   : narrowed  ? *width_in_bits(circuit.format())
                                               : values[node]->bits.size();
          result.widest_value_bits = std::max(result.widest_value_bits, bits);
        }
      },
      [&](NodeId operand) { values[operand].reset(); });

  for (std::uint32_t i = 0; i < circuit.output_count(); ++i) {
    NodeId node = circuit.output_node(i);
    LoweredValue value = *values[node];
    if (output_shapes != nullptr && (*output_shapes)[i] && !circuit.is_boolean(node)) {
      if (std::optional<LoweredValue> conformed = lowering.conform(value, *(*output_shapes)[i]))
        value = std::move(*conformed);
    }
    if (in_residues && !circuit.is_boolean(node)) value = lowering.as_binary(value);
    if (narrowed && !circuit.is_boolean(node)) value = narrowed->widen(value);
    for (std::size_t bit = 0; bit < value.bits.size(); ++bit) {
      result.aig.create_output(value.bits[bit], fmt::format("{}[{}]", circuit.output_name(i), bit));
    }
    result.outputs.push_back(LoweredWord{circuit.output_name(i), circuit.is_boolean(node), value});
  }
  remove_dangling_ands(result);
  return result;
}

std::vector<mpz_class> encode_inputs(const Circuit& circuit, const LoweredCircuit& lowered,
                                     const std::vector<mpq_class>& values) {
  check_input_values(circuit, values);
  logic::Aig scratch;
  FormatLowering codec(scratch, circuit.format(), word::ArithmeticArchitecture{});
  std::vector<mpz_class> patterns;
  patterns.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const LoweredWord& input = lowered.inputs.at(i);
    patterns.push_back(input.is_boolean ? mpz_class(values[i].get_num())
                                        : codec.encode(input.value, values[i]));
  }
  return patterns;
}

std::vector<mpq_class> decode_outputs(const Circuit& circuit, const LoweredCircuit& lowered,
                                      const std::vector<mpz_class>& patterns) {
  if (patterns.size() != lowered.outputs.size()) {
    throw std::invalid_argument(fmt::format("{} output patterns given for {} outputs",
                                            patterns.size(), lowered.outputs.size()));
  }
  logic::Aig scratch;
  FormatLowering codec(scratch, circuit.format(), word::ArithmeticArchitecture{});
  std::vector<mpq_class> values;
  values.reserve(patterns.size());
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    const LoweredWord& output = lowered.outputs[i];
    values.push_back(output.is_boolean ? mpq_class(patterns[i])
                                       : codec.decode(output.value, patterns[i]));
  }
  return values;
}

}  // namespace rnncc::arith
