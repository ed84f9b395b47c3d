#include "table_schedule.hpp"

#include <fmt/format.h>

#include <cmath>

#include "rnncc/arith/format_lowering.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/compile/symbol_names.hpp"
#include "rnncc/logic/instantiate.hpp"
#include "rnncc/model/step.hpp"
#include "rnncc/word/prefix.hpp"
#include "step_inputs.hpp"

namespace rnncc::compile {

namespace {

using logic::Literal;
/// A transition table: for each state code, the next code's bits.
using Table = std::vector<std::vector<Literal>>;

std::size_t state_bits(const model::Model& model) {
  return model.state_value_count() * *arith::width_in_bits(model.format);
}

/// The state values stored in `code` (value j in bits j·W .. j·W+W-1);
/// patterns no value has (modp codes >= P) read as 0.
std::vector<mpq_class> decode_state(const model::Model& model, std::size_t code) {
  const std::size_t width = *arith::width_in_bits(model.format);
  std::vector<mpq_class> values;
  for (std::size_t j = 0; j < model.state_value_count(); ++j) {
    const mpz_class pattern(
        static_cast<unsigned long>((code >> (j * width)) & ((std::size_t{1} << width) - 1)));
    const auto* residue = std::get_if<arith::ResidueFormat>(&model.format);
    values.push_back(residue != nullptr && pattern >= residue->modulus
                         ? mpq_class(0)
                         : arith::decode(model.format, pattern));
  }
  return values;
}

/// entries[index]: a multiplexer tree on the bits of `index`.
std::vector<Literal> select_entry(logic::Aig& aig, const std::vector<Literal>& index,
                                  const Table& entries) {
  std::vector<std::vector<Literal>> level = entries;
  for (const Literal& bit : index) {
    std::vector<std::vector<Literal>> next;
    next.reserve(level.size() / 2);
    for (std::size_t i = 0; i + 1 < level.size(); i += 2) {
      std::vector<Literal> chosen;
      chosen.reserve(level[i].size());
      for (std::size_t b = 0; b < level[i].size(); ++b) {
        chosen.push_back(aig.create_mux(bit, level[i + 1][b], level[i][b]));
      }
      next.push_back(std::move(chosen));
    }
    level = std::move(next);
  }
  return level.front();
}

/// The lowered step template: one step's inputs, and for every state code
/// the next state's bits.
arith::LoweredCircuit step_template(const model::Model& model, const CompileOptions& options) {
  arith::Circuit circuit(model.format);
  model::CircuitDomain domain(circuit);
  const auto inputs = create_step_inputs(model, circuit, 1, 1);
  const std::size_t codes = std::size_t{1} << state_bits(model);
  for (std::size_t code = 0; code < codes; ++code) {
    const std::vector<arith::NodeId> state = model::constants(domain, decode_state(model, code));
    const std::vector<arith::NodeId> next = model::step(domain, model, state, inputs.front());
    for (std::size_t j = 0; j < next.size(); ++j) {
      circuit.create_output(next[j], fmt::format("next{}.{}", code, j));
    }
  }
  return arith::lower(circuit, options.arithmetic, nullptr, arith::ExactLowering::binary,
                      options.narrowing);
}

/// The lowered readout template: state values in, readout out.
arith::LoweredCircuit readout_template(const model::Model& model, const CompileOptions& options) {
  arith::Circuit circuit(model.format);
  model::CircuitDomain domain(circuit);
  std::vector<arith::NodeId> state;
  for (std::size_t j = 0; j < model.state_value_count(); ++j) {
    state.push_back(circuit.create_input(fmt::format("s{}", j)));
  }
  model::ReadoutValue<model::CircuitDomain> value = model::readout(domain, model, state);
  if (model.readout == model::ReadoutKind::accept) {
    circuit.create_output(value.accept, "accept");
  } else {
    for (std::size_t i = 0; i < value.numbers.size(); ++i) {
      circuit.create_output(value.numbers[i], fmt::format("r{}", i));
    }
  }
  return arith::lower(circuit, options.arithmetic, nullptr, arith::ExactLowering::binary,
                      options.narrowing);
}

}  // namespace

void check_table_schedule(const model::Model& model) {
  if (!arith::is_finite(model.format)) {
    throw InputError(fmt::format(
        "{}: the table schedule needs a finite format (its tables list every state), not {}",
        model.name, arith::to_string(model.format)));
  }
  const std::size_t bits = state_bits(model);
  if (bits > max_table_state_bits) {
    const long double entries = std::pow(2.0L, static_cast<long double>(bits));
    throw LimitError(fmt::format(
        "{}: the table schedule would need tables of 2^{} entries of {} bits ({:.3g} bytes per "
        "step); its state ({} values of {} bits) may take at most {} bits",
        model.name, bits, bits, entries * static_cast<long double>(bits) / 8.0L,
        model.state_value_count(), *arith::width_in_bits(model.format), max_table_state_bits));
  }
}

arith::LoweredCircuit build_table_schedule(const model::Model& model,
                                           const CompileOptions& options) {
  check_table_schedule(model);
  const std::size_t bits = state_bits(model);
  const std::size_t codes = std::size_t{1} << bits;
  const std::size_t width = *arith::width_in_bits(model.format);
  const std::size_t length = options.length;
  // Each composition builds codes · bits · (codes - 1) multiplexers (3 ANDs each).
  const long double compositions =
      options.all_outputs
          ? static_cast<long double>(length) * std::log2(static_cast<long double>(length) + 1)
          : static_cast<long double>(length);
  const long double estimate = compositions * codes * bits * (codes - 1) * 3.0L;
  if (estimate > static_cast<long double>(logic::Aig::max_node_count)) {
    throw LimitError(fmt::format(
        "{}: the table schedule for T = {} would build about {:.3g} AND nodes; an AIG holds at "
        "most {}",
        model.name, length, estimate, logic::Aig::max_node_count));
  }

  const arith::LoweredCircuit step = step_template(model, options);
  const arith::LoweredCircuit read = readout_template(model, options);

  arith::LoweredCircuit result;
  logic::Aig& aig = result.aig;
  arith::FormatLowering lowering(aig, model.format, options.arithmetic);
  std::vector<Table> tables;
  tables.reserve(length);
  for (std::size_t t = 1; t <= length; ++t) {
    std::vector<Literal> input_bits;
    auto add_word = [&](const std::string& name, std::size_t word_width, bool boolean) {
      word::BitVector bits_of_word;
      for (std::size_t bit = 0; bit < word_width; ++bit) {
        bits_of_word.push_back(aig.create_input(fmt::format("{}[{}]", name, bit)));
      }
      input_bits.insert(input_bits.end(), bits_of_word.begin(), bits_of_word.end());
      arith::LoweredValue value =
          boolean ? arith::LoweredValue{bits_of_word, 0, 1, 1} : lowering.input(bits_of_word);
      result.inputs.push_back(arith::LoweredWord{name, boolean, std::move(value)});
    };
    if (model.input.is_tokens()) {
      for (std::size_t bit = 0; bit < model.input.token_bits(); ++bit)
        add_word(token_bit_name(t, bit), 1, true);
    } else {
      for (std::size_t i = 0; i < model.input.dimension; ++i)
        add_word(input_value_name(t, i), width, false);
    }
    const std::vector<Literal> next = logic::instantiate(aig, step.aig, input_bits);
    Table table(codes);
    for (std::size_t code = 0; code < codes; ++code) {
      table[code].assign(next.begin() + static_cast<std::ptrdiff_t>(code * bits),
                         next.begin() + static_cast<std::ptrdiff_t>((code + 1) * bits));
    }
    tables.push_back(std::move(table));
  }

  auto combine = [&](const Table& later, const Table& earlier) {
    Table composed(codes);
    for (std::size_t code = 0; code < codes; ++code)
      composed[code] = select_entry(aig, earlier[code], later);
    return composed;
  };
  std::size_t initial_code = 0;
  for (std::size_t j = 0; j < model.state_value_count(); ++j) {
    initial_code |= arith::encode(model.format, model.initial_state[j]).get_ui() << (j * width);
  }
  auto emit = [&](std::size_t t, const std::vector<Literal>& state) {
    const std::vector<Literal> outputs = logic::instantiate(aig, read.aig, state);
    std::size_t position = 0;
    for (std::size_t i = 0; i < read.outputs.size(); ++i) {
      arith::LoweredWord word = read.outputs[i];
      word.name =
          model.readout == model::ReadoutKind::accept ? accept_name(t) : output_value_name(t, i);
      for (Literal& bit : word.value.bits)
        bit = outputs[position++];
      for (std::size_t b = 0; b < word.value.bits.size(); ++b) {
        aig.create_output(word.value.bits[b], fmt::format("{}[{}]", word.name, b));
      }
      result.outputs.push_back(std::move(word));
    }
  };
  if (options.all_outputs) {
    std::vector<Table> prefixes =
        word::inclusive_prefix(std::move(tables), combine, options.prefix);
    for (std::size_t t = 0; t < length; ++t)
      emit(t + 1, prefixes[t][initial_code]);
  } else {
    Table total = word::balanced_reduce(std::move(tables), combine);
    emit(length, total[initial_code]);
  }
  result.widest_value_bits = width;
  arith::remove_dangling_ands(result);
  return result;
}

}  // namespace rnncc::compile
