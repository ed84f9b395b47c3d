// `rnncc compile MODEL --length T -o FILE`: a model unrolled into a circuit
// file; `rnncc compile MODEL --sequential -o FILE`: one step with latches.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "console.hpp"
#include "error_context.hpp"
#include "model_flags.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/resource_usage.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/compile/sequential_step.hpp"
#include "rnncc/experiment/circuit_optimization.hpp"
#include "rnncc/io/file_types.hpp"
#include "rnncc/io/model_file.hpp"
#include "standard_streams.hpp"

namespace rnncc::cli {

namespace {

struct CompileCommandOptions {
  ModelFlags model;
  std::string output_path;
  std::optional<std::string> output_format;
  bool sequential = false;  // one step with latches instead of T unrolled steps
  std::string optimize = "balance";
  experiment::OptimizationRequest optimization;
  const CLI::Option* optimize_option = nullptr;
  const CLI::Option* length_option = nullptr;
  // Options that --sequential refuses when they are given.
  std::vector<const CLI::Option*> not_sequential;
};

/// Progress lines on a terminal only, overwritten in place.
void progress(const std::string& stage) {
  progress_in_place(stage);
}

/// Replaces `circuit` by its optimised form (--optimize); returns what the
/// summary says about it ("" without optimisation).
std::string optimize(logic::Aig& circuit, const CompileCommandOptions& options) {
  if (options.optimization.optimization == experiment::Optimization::none) return "";
  const std::uint32_t built_ands = circuit.and_count();
  const std::uint32_t built_depth = circuit.depth();
  progress(fmt::format("optimising ({})", options.optimize));
  experiment::OptimizedCircuit optimized =
      experiment::optimize_circuit(std::move(circuit), options.optimization);
  circuit = std::move(optimized.circuit);
  return fmt::format(" (as built {} ANDs, depth {}; --optimize {}, {})", built_ands, built_depth,
                     options.optimize, optimized.checked_by);
}

/// `--sequential`: one step of the sequential schedule with latches.
void run_compile_sequential(const CompileCommandOptions& options) {
  for (const CLI::Option* option : options.not_sequential) {
    if (option->count() > 0) {
      throw InputError(fmt::format(
          "--sequential writes one step of the sequential schedule with latches; {} does not "
          "apply to it",
          option->get_name()));
    }
  }
  const auto start = std::chrono::steady_clock::now();
  const std::filesystem::path output(options.output_path);
  const io::CircuitFileType& output_type =
      output_circuit_type(options.output_path, options.output_format,
                          io::CircuitFileUse::writing(io::CircuitKind::boolean));
  const model::Model model = read_model(options.model);
  compile::CompileOptions compile_options = cli::compile_options(options.model);
  compile_options.length = 1;
  progress("compiling one step");
  logic::SequentialAig circuit = naming_source(options.model.model_path, [&] {
    return compile::build_sequential_step(model, compile_options);
  });
  // The latches are inputs and outputs of the combinational part, which is
  // optimised (and checked) like any combinational circuit.
  const std::string optimized = optimize(circuit.aig, options);
  progress("writing " + options.output_path);
  io::write_sequential_circuit_file(circuit, output, output_type);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress("");
  info(
      "{}: {} one sequential step, {}: {} inputs, {} latches, {} outputs, {} ANDs, depth {}{}, "
      "{:.2f} s, peak memory {:.1f} MiB",
      options.output_path, one_line(model.name), arith::to_string(model.format),
      circuit.primary_input_count(), circuit.latch_count(), circuit.primary_output_count(),
      circuit.aig.and_count(), circuit.aig.depth(), optimized, seconds,
      static_cast<double>(peak_resident_bytes()) / (1024.0 * 1024.0));
}

void run_compile(CompileCommandOptions& options) {
  options.optimization.optimization = experiment::parse_optimization(options.optimize);
  experiment::require_optimizer(options.optimization);
  if (options.sequential) {
    run_compile_sequential(options);
    return;
  }
  if (options.length_option->count() == 0) {
    throw InputError("compile: --length T is required (or --sequential for one step with latches)");
  }
  const auto start = std::chrono::steady_clock::now();
  const std::filesystem::path output(options.output_path);
  const io::CircuitFileType& output_type = output_circuit_type(
      options.output_path, options.output_format, io::CircuitFileUse::writing());
  const model::Model model = read_model(options.model);
  const compile::CompileOptions compile_options = cli::compile_options(options.model);
  compile::check_options(model, compile_options);

  std::string summary;
  if (output_type.kind == io::CircuitKind::word_level) {
    if (options.optimize_option->count() > 0 &&
        options.optimization.optimization != experiment::Optimization::none) {
      throw InputError("--optimize applies to Boolean circuits, not to word-level files");
    }
    if (compile_options.schedule.kind == compile::ScheduleKind::table) {
      throw InputError(fmt::format(
          "the table schedule builds a Boolean circuit only: write {}",
          io::accepted_extensions(io::CircuitFileUse::writing(io::CircuitKind::boolean))));
    }
    progress("building the arithmetic circuit");
    std::string composition;
    arith::Circuit circuit =
        compile::build_arithmetic_circuit(model, compile_options, &composition);
    progress("writing " + options.output_path);
    output_type.write_word_level(circuit, output);
    summary =
        fmt::format("{} nodes, arithmetic depth {}, multiplicative depth {}", circuit.node_count(),
                    circuit.arithmetic_depth(), circuit.multiplicative_depth());
    if (!composition.empty()) summary += ", composed " + composition;
  } else {
    progress("compiling");
    compile::CompiledModel compiled = naming_source(
        options.model.model_path, [&] { return compile::compile(model, compile_options); });
    const std::string optimized = optimize(compiled.lowered.aig, options);
    progress("writing " + options.output_path);
    output_type.write_boolean(compiled.lowered.aig, output);
    summary = fmt::format("{} ANDs, depth {}{}", compiled.lowered.aig.and_count(),
                          compiled.lowered.aig.depth(), optimized);
    if (compiled.arithmetic) {
      summary += fmt::format(", arithmetic depth {} (multiplicative {})",
                             compiled.arithmetic->arithmetic_depth(),
                             compiled.arithmetic->multiplicative_depth());
    } else {
      summary += ", arithmetic depth n/a (table)";
    }
    summary += fmt::format(", widest value {} bits", compiled.lowered.widest_value_bits);
    if (compiled.lowered.residue_basis) {
      summary += fmt::format(", residues modulo k = {} primes of b = {} bits",
                             compiled.lowered.residue_basis->moduli.size(),
                             compiled.lowered.residue_basis->modulus_bits);
    }
    if (!compiled.composition.empty()) summary += ", composed " + compiled.composition;
    for (const std::string& note : compiled.notes)
      summary += "; " + note;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress("");
  info("{}: {} T={} {} {}: {}, {:.2f} s, peak memory {:.1f} MiB", options.output_path,
       one_line(model.name), options.model.length, options.model.schedule,
       arith::to_string(model.format), summary, seconds,
       static_cast<double>(peak_resident_bytes()) / (1024.0 * 1024.0));
}

}  // namespace

void register_compile(CLI::App& app) {
  auto options = std::make_shared<CompileCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "compile", "Unroll a model over T steps into a circuit file (" +
                     io::accepted_extensions(io::CircuitFileUse::writing()) + ")");
  add_model_flags(command, options->model, "last");
  command
      ->add_option("-o,--output", options->output_path,
                   "Output file: " + io::accepted_extensions_help(io::CircuitFileUse::writing()) +
                       "; for ABC write .aig (ABC reads binary AIGER, not .aag); - for standard "
                       "output")
      ->required();
  add_output_format_option(command, options->output_format, io::CircuitFileUse::writing());
  // --length is required unless --sequential (checked in run_compile).
  CLI::Option* length = command->get_option("--length");
  length->required(false);
  options->length_option = length;
  options->not_sequential = {length, command->get_option("--schedule"),
                             command->get_option("--outputs"), command->get_option("--prefix"),
                             command->get_option("--reassociate")};
  command->add_flag("--sequential", options->sequential,
                    "Write one step of the sequential schedule as an AIGER circuit with latches "
                    "(.aag or .aig): the latches hold the state, starting at the model's initial "
                    "state; no --length");
  options->optimize_option =
      command
          ->add_option("--optimize", options->optimize,
                       "After lowering: none, balance (rebuild AND and XOR trees shallowest "
                       "first, never deeper, never larger) or abc (balance, then the ABC "
                       "script); the result is checked against the circuit as built")
          ->capture_default_str();
  command
      ->add_option("--abc-script", options->optimization.abc_script,
                   "ABC commands for --optimize abc, ';'-separated (& commands stay fast on "
                   "deep circuits)")
      ->capture_default_str();
  command->add_flag("--check", options->optimization.sat_check,
                    fmt::format("Prove the optimised circuit equivalent by SAT whatever its size "
                                "(without it: circuits up to {} ANDs; larger ones are simulated)",
                                experiment::sat_check_and_threshold));
  command->callback([options] { run_compile(*options); });
}

}  // namespace rnncc::cli
