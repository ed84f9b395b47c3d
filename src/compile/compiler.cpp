#include "rnncc/compile/compiler.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "rnncc/common/error.hpp"
#include "rnncc/compile/circuit_description.hpp"
#include "rnncc/compile/symbol_names.hpp"
#include "rnncc/model/step.hpp"
#include "rnncc/word/prefix.hpp"
#include "step_inputs.hpp"
#include "table_schedule.hpp"

namespace rnncc::compile {

namespace {

using model::CircuitDomain;
using Map = model::AffineMap<CircuitDomain>;
using State = std::vector<arith::NodeId>;

}  // namespace

void check_options(const model::Model& model, const CompileOptions& options) {
  if (options.length < 1 || options.length > max_length) {
    throw InputError(
        fmt::format("--length must be in [1, {}], not {}", max_length, options.length));
  }
  const ScheduleKind kind = options.schedule.kind;
  const bool parallel = kind == ScheduleKind::scan || kind == ScheduleKind::chunked;
  if (parallel && !model::supports_scan(model)) {
    const std::string what =
        model::is_network(*model.family)
            ? "scans each sublayer's heads, and this network has a nonlinear head"
            : fmt::format("needs an associative composition of steps, and family {} has none",
                          model.family->name);
    throw InputError(fmt::format(
        "{}: schedule {} {} (its step h_t = f(h_{{t-1}}, x_t) is nonlinear); use --schedule "
        "table for a parallel schedule of a small state, or sequential",
        model.name, to_string(options.schedule), what));
  }
  if (parallel && !arith::is_ring(model.format) && !options.reassociate) {
    throw InputError(fmt::format(
        "{}: a {} in {} reassociates rounding, so it computes a different function from the "
        "sequential recurrence; pass --reassociate to build it anyway",
        model.name, to_string(options.schedule), arith::to_string(model.format)));
  }
  if (options.exact_lowering == arith::ExactLowering::residue &&
      (!std::holds_alternative<arith::ExactFormat>(model.format) || kind == ScheduleKind::table)) {
    throw InputError(fmt::format(
        "{}: --lowering rns carries exact numbers in residues; it needs the exact format and an "
        "arithmetic schedule, not {} with schedule {}",
        model.name, arith::to_string(model.format), to_string(options.schedule)));
  }
  if (kind == ScheduleKind::table) check_table_schedule(model);
}

namespace {

/// The states after each step (every_step) or after the last one, under a
/// sequential, scan or chunked schedule (scan and chunked for linear
/// families only). Records the representation a scan composed in.
std::vector<State> schedule_states(CircuitDomain& domain, const model::Model& model,
                                   const std::vector<model::StepInput<CircuitDomain>>& inputs,
                                   const State& initial, const CompileOptions& options,
                                   bool every_step, std::string* composition) {
  const std::size_t length = inputs.size();
  std::vector<State> states;
  auto combine = [&](const Map& later, const Map& earlier) {
    return model::compose(domain, later, earlier);
  };
  auto note_structure = [&](const Map& map) {
    if (composition != nullptr) *composition = std::string(model::name_of(map.structure));
  };
  auto transitions = [&]() {
    std::vector<Map> maps;
    maps.reserve(length);
    for (std::size_t t = 0; t < length; ++t)
      maps.push_back(model::linear_transition(domain, model, inputs[t]));
    return maps;
  };

  switch (options.schedule.kind) {
    case ScheduleKind::sequential: {
      State state = initial;
      for (std::size_t t = 0; t < length; ++t) {
        state = model::step(domain, model, state, inputs[t]);
        if (every_step || t + 1 == length) states.push_back(state);
      }
      break;
    }
    case ScheduleKind::scan: {
      std::vector<Map> maps = transitions();
      if (every_step) {
        std::vector<Map> prefixes =
            word::inclusive_prefix(std::move(maps), combine, options.prefix);
        note_structure(prefixes.back());
        for (std::size_t t = 0; t < length; ++t)
          states.push_back(model::apply_map(domain, prefixes[t], initial));
      } else {
        Map total = word::balanced_reduce(std::move(maps), combine);
        note_structure(total);
        states.push_back(model::apply_map(domain, total, initial));
      }
      break;
    }
    case ScheduleKind::chunked: {
      // Chunk maps composed step by step inside each chunk; a scan across
      // chunks gives each chunk's starting state; steps inside a chunk run
      // sequentially from it.
      const std::size_t chunk = options.schedule.chunk;
      const std::size_t chunk_count = (length + chunk - 1) / chunk;
      std::vector<Map> maps = transitions();
      const std::size_t needed_chunks = chunk_count - 1;  // the last chunk's map is never used
      std::vector<Map> chunk_maps;
      for (std::size_t j = 0; j < needed_chunks; ++j) {
        Map accumulated = maps[j * chunk];
        for (std::size_t t = j * chunk + 1; t < std::min(length, (j + 1) * chunk); ++t) {
          accumulated = combine(maps[t], accumulated);
        }
        chunk_maps.push_back(std::move(accumulated));
      }
      std::vector<State> starts(chunk_count, initial);
      if (!chunk_maps.empty()) {
        if (every_step) {
          std::vector<Map> prefixes =
              word::inclusive_prefix(std::move(chunk_maps), combine, options.prefix);
          note_structure(prefixes.back());
          for (std::size_t j = 1; j < chunk_count; ++j) {
            starts[j] = model::apply_map(domain, prefixes[j - 1], initial);
          }
        } else {
          Map total = word::balanced_reduce(std::move(chunk_maps), combine);
          note_structure(total);
          starts[chunk_count - 1] = model::apply_map(domain, total, initial);
        }
      }
      for (std::size_t j = every_step ? 0 : chunk_count - 1; j < chunk_count; ++j) {
        State state = starts[j];
        for (std::size_t t = j * chunk; t < std::min(length, (j + 1) * chunk); ++t) {
          state = model::apply_map(domain, maps[t], state);
          if (every_step || t + 1 == length) states.push_back(state);
        }
      }
      break;
    }
    case ScheduleKind::table:
      throw std::logic_error("the table schedule has no arithmetic circuit");
  }
  return states;
}

/// A network under a scan or chunked schedule, sublayer after sublayer:
/// each head's states for every step come from its own scan over the
/// stream below it. Returns the top sublayer's x_t for every step.
std::vector<State> network_streams(CircuitDomain& domain, const model::Model& network,
                                   const std::vector<model::StepInput<CircuitDomain>>& inputs,
                                   const CompileOptions& options, std::string* composition) {
  const std::size_t length = inputs.size();
  std::vector<State> streams;
  streams.reserve(length);
  for (std::size_t t = 0; t < length; ++t)
    streams.push_back(model::Network::embed(domain, network, inputs[t]));
  std::vector<std::string> compositions;
  std::size_t offset = 0;
  for (const model::Sublayer& sublayer :
       network.parameters_as<model::Network::Parameters>().sublayers) {
    if (sublayer.kind == model::SublayerKind::feedforward) {
      for (State& stream : streams)
        stream = model::Network::feedforward(domain, sublayer, stream);
      continue;
    }
    std::vector<model::StepInput<CircuitDomain>> head_inputs;
    head_inputs.reserve(length);
    for (const State& stream : streams)
      head_inputs.push_back({{}, stream});
    std::vector<State> outputs(length);
    for (const model::Model& head : sublayer.heads) {
      const std::size_t count = head.state_value_count();
      const State initial = model::constants(
          domain, std::vector<mpq_class>(
                      network.initial_state.begin() + static_cast<std::ptrdiff_t>(offset),
                      network.initial_state.begin() + static_cast<std::ptrdiff_t>(offset + count)));
      offset += count;
      std::string structure;
      const std::vector<State> states =
          schedule_states(domain, head, head_inputs, initial, options, true, &structure);
      if (std::find(compositions.begin(), compositions.end(), structure) == compositions.end())
        compositions.push_back(structure);
      for (std::size_t t = 0; t < length; ++t) {
        const State output = model::Network::head_output(
            domain, head, head_inputs[t], t == 0 ? initial : states[t - 1], states[t]);
        outputs[t].insert(outputs[t].end(), output.begin(), output.end());
      }
    }
    for (std::size_t t = 0; t < length; ++t)
      streams[t] = model::Network::add_head_outputs(domain, sublayer, streams[t], outputs[t]);
  }
  if (composition != nullptr) *composition = fmt::format("{}", fmt::join(compositions, " and "));
  return streams;
}

}  // namespace

arith::Circuit build_arithmetic_circuit(const model::Model& model, const CompileOptions& options,
                                        std::string* composition) {
  arith::Circuit circuit(model.format);
  CircuitDomain domain(circuit);
  const std::size_t length = options.length;
  const std::vector<model::StepInput<CircuitDomain>> inputs =
      create_step_inputs(model, circuit, 1, length);

  auto emit = [&](std::size_t step, model::ReadoutValue<CircuitDomain> value) {
    if (model.readout == model::ReadoutKind::accept) {
      circuit.create_output(value.accept, accept_name(step));
      return;
    }
    for (std::size_t i = 0; i < value.numbers.size(); ++i) {
      circuit.create_output(value.numbers[i], output_value_name(step, i));
    }
  };

  if (model::is_network(*model.family) && options.schedule.kind != ScheduleKind::sequential) {
    const std::vector<State> streams = network_streams(domain, model, inputs, options, composition);
    for (std::size_t t = options.all_outputs ? 0 : length - 1; t < length; ++t)
      emit(t + 1, model::readout_of_source(domain, model, streams[t]));
    return circuit;
  }
  const std::vector<State> states =
      schedule_states(domain, model, inputs, model::constants(domain, model.initial_state), options,
                      options.all_outputs, composition);
  const std::size_t first_step = options.all_outputs ? 1 : length;
  for (std::size_t k = 0; k < states.size(); ++k)
    emit(first_step + k, model::readout(domain, model, states[k]));
  return circuit;
}

namespace {

/// Lowers an exact circuit with every output in the representation the
/// sequential schedule gives it (its interval and denominator, sound for
/// every schedule since all compute one function), so that circuits of
/// different schedules have the same output words bit for bit.
void conform_to_sequential(const model::Model& model, const CompileOptions& options,
                           CompiledModel& compiled) {
  CompileOptions sequential = options;
  sequential.schedule = Schedule{};
  // Intervals do not depend on the adders and multipliers: the cheapest do.
  const word::ArithmeticArchitecture cheapest{word::PrefixArchitecture::ripple,
                                              word::MultiplierArchitecture::array};
  std::vector<std::optional<arith::LoweredValue>> shapes;
  {
    arith::LoweredCircuit reference =
        arith::lower(build_arithmetic_circuit(model, sequential), cheapest);
    for (arith::LoweredWord& word : reference.outputs) {
      word.value.bits.clear();
      shapes.emplace_back(std::move(word.value));
    }
  }
  compiled.lowered = arith::lower(*compiled.arithmetic, options.arithmetic, &shapes,
                                  options.exact_lowering, options.narrowing);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    const arith::LoweredWord& word = compiled.lowered.outputs[i];
    if (!word.is_boolean && word.value.denominator != shapes[i]->denominator) ++kept;
  }
  if (kept > 0) {
    compiled.notes.push_back(fmt::format(
        "{} of {} exact outputs keep this schedule's own denominator (it does not relate to the "
        "sequential one by an integer factor or a power of two), so their widths may differ from "
        "the sequential circuit's",
        kept, shapes.size()));
  }
}

}  // namespace

CompiledModel compile(const model::Model& model, const CompileOptions& options) {
  check_options(model, options);
  CompiledModel compiled;
  if (options.schedule.kind == ScheduleKind::table) {
    compiled.lowered = build_table_schedule(model, options);
    describe_in_comments(model, options, compiled.lowered);
    return compiled;
  }
  std::string composition;
  arith::Circuit arithmetic = build_arithmetic_circuit(model, options, &composition);
  return lower_arithmetic_circuit(model, options, std::move(arithmetic), std::move(composition));
}

CompiledModel lower_arithmetic_circuit(const model::Model& model, const CompileOptions& options,
                                       arith::Circuit arithmetic, std::string composition) {
  CompiledModel compiled;
  compiled.arithmetic.emplace(std::move(arithmetic));
  compiled.composition = std::move(composition);
  if (std::holds_alternative<arith::ExactFormat>(model.format) &&
      options.schedule.kind != ScheduleKind::sequential) {
    conform_to_sequential(model, options, compiled);
  } else {
    compiled.lowered = arith::lower(*compiled.arithmetic, options.arithmetic, nullptr,
                                    options.exact_lowering, options.narrowing);
  }
  describe_in_comments(model, options, compiled.lowered);
  if (options.reassociate && !arith::is_ring(model.format) &&
      options.schedule.kind != ScheduleKind::sequential) {
    compiled.notes.push_back(fmt::format(
        "reassociated: this {} rounds in a different order from the sequential recurrence, so "
        "its outputs may differ from it (rnncc verify reports the drift)",
        to_string(options.schedule)));
  }
  return compiled;
}

}  // namespace rnncc::compile
