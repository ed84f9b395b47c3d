// `rnncc verify MODEL --length T --schedule S`: a compiled circuit against the
// reference interpreter, exhaustively when the inputs are few, else on
// random inputs.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "error_context.hpp"
#include "induction_report.hpp"
#include "model_flags.hpp"
#include "option_conventions.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/size_limits.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/experiment/score.hpp"
#include "rnncc/io/instance_file.hpp"
#include "rnncc/model/input_sequence.hpp"
#include "rnncc/verify/model_check.hpp"
#include "standard_streams.hpp"

namespace rnncc::cli {

namespace {

struct VerifyOptions {
  ModelFlags model;
  std::uint64_t random = 1000;
  std::uint64_t seed = 1;
  std::uint64_t exhaustive_limit = 4096;
  std::optional<std::string> tasks_path;
  unsigned threads = 1;
  bool induction = false;
  InductionFlags induction_flags;
};

std::string describe_input(const model::Model& model, const model::InputSequence& inputs) {
  std::string text;
  for (std::size_t t = 0; t < inputs.length(); ++t) {
    if (model.input.is_tokens()) {
      text += (t == 0 || model.input.alphabet[0].size() == 1 ? "" : " ") +
              model.input.alphabet[inputs.tokens[t]];
    } else {
      std::vector<std::string> values;
      for (const mpq_class& value : inputs.vectors[t])
        values.push_back(value.get_str());
      text += fmt::format("{}[{}]", t == 0 ? "" : " ", fmt::join(values, ", "));
    }
  }
  return text;
}

/// Refuses `count` random sequences of `length` steps before generating
/// them when holding them would pass the pattern limit (the interpreter
/// and the circuit then hold them all at once).
void check_random_sequence_bytes(const model::Model& model, std::uint64_t count,
                                 std::uint64_t length) {
  const std::uint64_t bytes_per_step =
      model.input.is_tokens()
          ? sizeof(std::size_t)
          : sizeof(std::vector<mpq_class>) + model.input.dimension * sizeof(mpq_class);
  const std::uint64_t bytes_per_sequence = sizeof(model::InputSequence) + length * bytes_per_step;
  const std::uint64_t limit = size_limits().max_pattern_bytes;
  if (count > limit / bytes_per_sequence) {
    throw LimitError(fmt::format(
        "verify: --random {} sequences of {} steps would hold {:.0f} bytes of inputs; the limit "
        "is {} (raise it with --max-pattern-bytes)",
        count, length, static_cast<long double>(count) * bytes_per_sequence, limit));
  }
}

/// The interpreter's overflows, as a sentence for the report ("" when none).
std::string overflow_note(const model::ValueObservation& observation) {
  std::string note;
  if (observation.wraps > 0) {
    note += fmt::format("; {} results wrapped around in the interpreter (first at step {})",
                        observation.wraps, *observation.first_wrap_step);
  }
  if (observation.saturations > 0) {
    note += fmt::format("; {} results saturated (first at step {})", observation.saturations,
                        *observation.first_saturation_step);
  }
  return note;
}

int run_verify(const VerifyOptions& options) {
  const InductionFlags& induction = options.induction_flags;
  if (induction.json || induction.conflict_limit != 0 || induction.timeout_seconds != 0) {
    throw InputError("verify: --json, --conflicts and --timeout apply with --induction only");
  }
  if (options.tasks_path.has_value() == (options.model.length != 0)) {
    throw InputError("verify: give exactly one of --length T and --tasks FILE");
  }
  read_standard_input_once({options.model.model_path, options.tasks_path.value_or("")},
                           {"the model", "--tasks"});
  const model::Model model = read_model(options.model);
  ModelFlags flags = options.model;
  std::vector<model::InputSequence> sequences;
  std::string origin;
  if (options.tasks_path) {
    const std::vector<io::Instance> instances = io::read_instance_file(*options.tasks_path);
    sequences = experiment::model_inputs(model, instances, *options.tasks_path);
    if (sequences.empty()) {
      throw InputError(fmt::format("{}: no instances to verify on", *options.tasks_path));
    }
    for (const model::InputSequence& sequence : sequences)
      flags.length = std::max(flags.length, sequence.length());
    flags.outputs = "all";  // each instance is compared on its own steps
    origin = fmt::format("from {}", *options.tasks_path);
  } else {
    std::optional<std::vector<model::InputSequence>> all =
        model::all_input_sequences(model, flags.length, options.exhaustive_limit);
    if (all) {
      sequences = std::move(*all);
      origin = "all of them";
    } else {
      check_random_sequence_bytes(model, options.random, flags.length);
      for (std::uint64_t i = 0; i < options.random; ++i)
        sequences.push_back(model::random_input_sequence(model, flags.length, options.seed + i));
      origin = "random";
    }
    if (sequences.empty()) {
      throw InputError(
          fmt::format("verify: no input sequence to compare ({} T={} has more than "
                      "--exhaustive-limit {} sequences and --random is 0); give --random N "
                      "with N >= 1",
                      one_line(model.name), flags.length, options.exhaustive_limit));
    }
  }
  const compile::CompileOptions compile_options = cli::compile_options(flags);
  const compile::CompiledModel compiled = with_heartbeat("verify", "compiling", [&] {
    return naming_source(options.model.model_path,
                         [&] { return compile::compile(model, compile_options); });
  });
  const bool drift_expected = flags.reassociate && !arith::is_ring(model.format) &&
                              compile_options.schedule.kind != compile::ScheduleKind::sequential;
  const verify::ModelCheck check =
      with_heartbeat("verify", fmt::format("comparing {} input sequences", sequences.size()), [&] {
        return verify::check_against_interpreter(model, compiled, compile_options.all_outputs,
                                                 sequences, options.threads, !drift_expected);
      });
  if (check.first_mismatch && !drift_expected) {
    const verify::OutputMismatch& mismatch = *check.first_mismatch;
    fmt::print(
        "MISMATCH {} T={} {} {}: input {}\n  output {} ({}): expected {}, circuit gives {}\n",
        one_line(model.name), flags.length, flags.schedule, arith::to_string(model.format),
        describe_input(model, sequences[mismatch.sequence]), mismatch.output,
        compiled.lowered.outputs[mismatch.output].name, mismatch.expected.get_str(),
        mismatch.actual.get_str());
    return check_failed;
  }
  fmt::print(
      "verified {} T={} {} {}: {} input sequences ({}), {} outputs compared with the "
      "reference interpreter",
      one_line(model.name), flags.length, flags.schedule, arith::to_string(model.format),
      sequences.size(), origin, check.compared);
  fmt::print("{}", overflow_note(check.observation));
  if (drift_expected) {
    fmt::print("; reassociated: {} differ, largest drift {} (= {:.3g})\n", check.differing,
               check.largest_drift.get_str(), check.largest_drift.get_d());
  } else {
    fmt::print(": all equal\n");
  }
  return success;
}

}  // namespace

void register_verify(CLI::App& app) {
  auto options = std::make_shared<VerifyOptions>();
  CLI::App* command = app.add_subcommand(
      "verify", "Compile a model and compare the circuit with the reference interpreter");
  add_model_flags(command, options->model, "all", false);
  command->add_option("--length,-T", options->model.length, "Sequence length T")
      ->check(between(1, compile::max_length));
  command
      ->add_option("--outputs", options->model.outputs,
                   "Outputs after the last step or after every step: last or all")
      ->capture_default_str();
  command->add_option(
      "--tasks", options->tasks_path,
      "Instance file (.jsonl; - for standard input): its input sequences instead of --length's");
  command
      ->add_option("--random", options->random,
                   "Random input sequences when there are too many to try them all")
      ->capture_default_str();
  command->add_option("--seed", options->seed, "Seed of the random sequences")
      ->capture_default_str();
  command
      ->add_option("--exhaustive-limit", options->exhaustive_limit,
                   "Try every input sequence when there are at most this many")
      ->capture_default_str();
  command->add_option("--threads", options->threads, "Evaluation threads")
      ->capture_default_str()
      ->check(between(1, 1024));
  command->add_flag("--induction", options->induction,
                    "Prove scan = sequential for every T by induction (step, composition and "
                    "prefix-network checks; --length bounds the prefix networks checked, default "
                    "1024) instead of comparing with the interpreter");
  command->add_flag("--json", options->induction_flags.json, "With --induction: print JSON");
  command->add_option("--conflicts", options->induction_flags.conflict_limit,
                      "With --induction: CaDiCaL conflicts per SAT check (0: no limit)");
  command->add_option("--timeout", options->induction_flags.timeout_seconds,
                      "With --induction: seconds per SAT check (0: no limit)");
  command->callback([options] {
    if (options->induction) {
      const int status = run_induction(options->model, options->induction_flags);
      if (status == check_failed) throw CheckFailed{};
      if (status == undecided) throw Undecided{};
      return;
    }
    const int status = run_verify(*options);
    if (status != success) throw CheckFailed{};
  });
}

}  // namespace rnncc::cli
