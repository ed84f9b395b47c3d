#include "rnncc/compile/compiler.hpp"

#include <fmt/format.h>

#include "rnncc/compile/circuit_description.hpp"
#include "rnncc/compile/symbol_names.hpp"
#include "rnncc/error.hpp"
#include "rnncc/model/families.hpp"
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
  if ((kind == ScheduleKind::scan || kind == ScheduleKind::chunked) &&
      !model::is_linear(model.family)) {
    throw InputError(fmt::format(
        "{}: schedule {} needs an associative composition of steps, and family {} has none "
        "(its step h_t = f(h_{{t-1}}, x_t) is nonlinear); use --schedule table for a parallel "
        "schedule of a small state, or sequential",
        model.name, to_string(options.schedule), model::name_of(model.family)));
  }
  if ((kind == ScheduleKind::scan || kind == ScheduleKind::chunked) &&
      !arith::is_ring(model.format) && !options.reassociate) {
    throw InputError(fmt::format(
        "{}: a {} in {} reassociates rounding, so it computes a different function from the "
        "sequential recurrence; pass --reassociate to build it anyway",
        model.name, to_string(options.schedule), arith::to_string(model.format)));
  }
  if (kind == ScheduleKind::table) check_table_schedule(model);
}

arith::Circuit build_arithmetic_circuit(const model::Model& model, const CompileOptions& options,
                                        std::string* composition) {
  arith::Circuit circuit(model.format);
  CircuitDomain domain(circuit);
  const std::size_t length = options.length;
  const std::vector<model::StepInput<CircuitDomain>> inputs =
      create_step_inputs(model, circuit, 1, length);
  const State initial = model::constants(domain, model.initial_state);

  auto emit = [&](std::size_t step, const State& state) {
    model::ReadoutValue<CircuitDomain> value = model::readout(domain, model, state);
    if (model.readout == model::ReadoutKind::accept) {
      circuit.create_output(value.accept, accept_name(step));
      return;
    }
    for (std::size_t i = 0; i < value.numbers.size(); ++i) {
      circuit.create_output(value.numbers[i], output_value_name(step, i));
    }
  };
  auto combine = [&](const Map& later, const Map& earlier) {
    return model::compose(domain, later, earlier);
  };
  auto note_structure = [&](const Map& map) {
    if (composition != nullptr) *composition = std::string(model::name_of(map.structure));
  };

  switch (options.schedule.kind) {
    case ScheduleKind::sequential: {
      State state = initial;
      for (std::size_t t = 0; t < length; ++t) {
        state = model::step(domain, model, state, inputs[t]);
        if (options.all_outputs || t + 1 == length) emit(t + 1, state);
      }
      break;
    }
    case ScheduleKind::scan: {
      std::vector<Map> maps;
      maps.reserve(length);
      for (std::size_t t = 0; t < length; ++t) {
        maps.push_back(model::linear_transition(domain, model, inputs[t]));
      }
      if (options.all_outputs) {
        std::vector<Map> prefixes =
            word::inclusive_prefix(std::move(maps), combine, options.prefix);
        note_structure(prefixes.back());
        for (std::size_t t = 0; t < length; ++t) {
          emit(t + 1, model::apply_map(domain, prefixes[t], initial));
        }
      } else {
        Map total = word::balanced_reduce(std::move(maps), combine);
        note_structure(total);
        emit(length, model::apply_map(domain, total, initial));
      }
      break;
    }
    case ScheduleKind::chunked: {
      // Chunk maps composed step by step inside each chunk; a scan across
      // chunks gives each chunk's starting state; steps inside a chunk run
      // sequentially from it.
      const std::size_t chunk = options.schedule.chunk;
      const std::size_t chunk_count = (length + chunk - 1) / chunk;
      std::vector<Map> maps;
      maps.reserve(length);
      for (std::size_t t = 0; t < length; ++t) {
        maps.push_back(model::linear_transition(domain, model, inputs[t]));
      }
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
        if (options.all_outputs) {
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
      for (std::size_t j = options.all_outputs ? 0 : chunk_count - 1; j < chunk_count; ++j) {
        State state = starts[j];
        for (std::size_t t = j * chunk; t < std::min(length, (j + 1) * chunk); ++t) {
          state = model::apply_map(domain, maps[t], state);
          if (options.all_outputs || t + 1 == length) emit(t + 1, state);
        }
      }
      break;
    }
    case ScheduleKind::table:
      throw std::logic_error("the table schedule has no arithmetic circuit");
  }
  return circuit;
}

CompiledModel compile(const model::Model& model, const CompileOptions& options) {
  check_options(model, options);
  CompiledModel compiled;
  if (options.schedule.kind == ScheduleKind::table) {
    compiled.lowered = build_table_schedule(model, options);
    describe_in_comments(model, options, compiled.lowered);
    return compiled;
  }
  compiled.arithmetic.emplace(build_arithmetic_circuit(model, options, &compiled.composition));
  compiled.lowered = arith::lower(*compiled.arithmetic, options.arithmetic);
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
