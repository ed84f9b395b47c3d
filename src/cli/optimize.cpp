// `rnncc optimize IN -o OUT [--abc SCRIPT] [--check]`: a circuit optimised
// by ABC run as a subprocess, checked equivalent to the original, with the
// original's names.
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "option_conventions.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/abc_optimizer.hpp"
#include "rnncc/io/file_types.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/verify/equivalence.hpp"
#include "standard_streams.hpp"

namespace rnncc::cli {

namespace {

struct OptimizeOptions {
  std::string input_path;
  std::string output_path;
  std::optional<std::string> output_format;
  std::string script{io::default_abc_script};
  std::uint64_t random_patterns = 4096;
  bool sat_check = false;
};

void run_optimize(const OptimizeOptions& options) {
  const io::CircuitKind boolean = io::CircuitKind::boolean;
  const io::CircuitFileType& input_type =
      io::circuit_file_type(options.input_path, io::CircuitFileUse::reading(boolean));
  const io::CircuitFileType& output_type = output_circuit_type(
      options.output_path, options.output_format, io::CircuitFileUse::writing(boolean));
  const std::optional<std::filesystem::path> abc = io::find_abc();
  if (!abc) {
    throw InputError(
        "optimize: ABC was not found (install the Debian package berkeley-abc, or set "
        "RNNCC_ABC to its path)");
  }
  const logic::Aig original = input_type.read_boolean(options.input_path);
  const io::AbcOptimization optimized = io::optimize_with_abc(original, options.script, *abc);

  // ABC is trusted no more than any other tool: its result is simulated
  // against the original, and proved equal by SAT when asked.
  verify::EquivalenceOptions check;
  check.random_patterns = options.random_patterns;
  check.first_name = options.input_path;
  check.second_name = "ABC's result";
  std::string checked_by;
  if (options.sat_check) {
    const verify::EquivalenceResult result =
        verify::check_equivalence(original, optimized.circuit, check);
    if (!result.equivalent) {
      throw InputError(fmt::format("optimize: ABC's result differs from {} at output {} ({})",
                                   options.input_path, result.differing_output,
                                   verify::name_of(result.method)));
    }
    checked_by = "proved equivalent";
  } else {
    const std::optional<verify::EquivalenceResult> difference =
        verify::simulation_difference(original, optimized.circuit, check);
    if (difference) {
      throw InputError(
          fmt::format("optimize: ABC's result differs from {} at output {} on a random pattern",
                      options.input_path, difference->differing_output));
    }
    checked_by = fmt::format("equal on {} random patterns", options.random_patterns);
  }
  output_type.write_boolean(optimized.circuit, options.output_path);
  info("{}: {} ANDs, depth {} -> {} ANDs, depth {} (ABC '{}', {:.2f} s; {})", options.output_path,
       original.and_count(), original.depth(), optimized.circuit.and_count(),
       optimized.circuit.depth(), options.script, optimized.seconds, checked_by);
}

}  // namespace

void register_optimize(CLI::App& app) {
  auto options = std::make_shared<OptimizeOptions>();
  CLI::App* command = app.add_subcommand(
      "optimize",
      "Optimise a circuit with ABC (a subprocess), check the result against the original and "
      "write it with the original's names");
  const std::string reading =
      io::accepted_extensions_help(io::CircuitFileUse::reading(io::CircuitKind::boolean));
  const std::string writing =
      io::accepted_extensions_help(io::CircuitFileUse::writing(io::CircuitKind::boolean));
  command
      ->add_option("input", options->input_path,
                   "Circuit file: " + reading + "; - for standard input")
      ->required();
  command
      ->add_option("-o,--output", options->output_path,
                   "Optimised circuit: " + writing + "; - for standard output")
      ->required();
  add_output_format_option(command, options->output_format,
                           io::CircuitFileUse::writing(io::CircuitKind::boolean));
  command->add_option("--abc", options->script, "ABC commands, ';'-separated")
      ->capture_default_str();
  command
      ->add_option("--random", options->random_patterns,
                   "Random patterns the result is simulated on against the original")
      ->capture_default_str()
      ->check(between(1, std::uint64_t{1} << 30));
  command->add_flag("--check", options->sat_check,
                    "Also prove the result equivalent by SAT (CaDiCaL)");
  command->callback([options] { run_optimize(*options); });
}

}  // namespace rnncc::cli
