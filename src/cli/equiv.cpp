// `rnncc equiv A B`: whether two circuits compute the same function; exit
// status 0 when they do, 1 with a counterexample when they do not.
#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.hpp"
#include "rnncc/io/file_types.hpp"
#include "rnncc/verify/equivalence.hpp"

namespace rnncc::cli {

namespace {

struct EquivOptions {
  std::string first_path;
  std::string second_path;
  verify::EquivalenceOptions equivalence;
  bool json = false;
};

void run_equiv(EquivOptions options) {
  // Both names are checked before either file is read.
  const io::CircuitFileUse use = io::CircuitFileUse::reading(io::CircuitKind::boolean);
  const io::CircuitFileType& first_type = io::circuit_file_type(options.first_path, use);
  const io::CircuitFileType& second_type = io::circuit_file_type(options.second_path, use);
  const logic::Aig first = first_type.read_boolean(options.first_path);
  const logic::Aig second = second_type.read_boolean(options.second_path);
  options.equivalence.first_name = options.first_path;
  options.equivalence.second_name = options.second_path;
  const verify::EquivalenceResult result =
      verify::check_equivalence(first, second, options.equivalence);
  std::string bits;
  for (bool bit : result.counterexample)
    bits += bit ? '1' : '0';
  if (options.json) {
    nlohmann::ordered_json json;
    json["equivalent"] = result.equivalent;
    json["method"] = std::string(verify::name_of(result.method));
    if (!result.equivalent) {
      json["counterexample"] = bits;
      json["output"] = result.differing_output;
      json["output_name"] = first.output_name(result.differing_output);
      json["second_output"] = result.second_differing_output;
      json["first_value"] = result.first_value ? 1 : 0;
      json["second_value"] = result.second_value ? 1 : 0;
    }
    fmt::print("{}\n", json.dump(2));
  } else if (result.equivalent) {
    fmt::print("equivalent\n");
  } else {
    const std::string& name = first.output_name(result.differing_output);
    fmt::print("not equivalent\n");
    fmt::print("inputs {}\n", bits);
    fmt::print("output {}{}: {} gives {}, {} gives {}\n", result.differing_output,
               name.empty() ? std::string() : " (" + name + ")", options.first_path,
               result.first_value ? 1 : 0, options.second_path, result.second_value ? 1 : 0);
  }
  if (!result.equivalent) throw CheckFailed{};
}

}  // namespace

void register_equiv(CLI::App& app) {
  auto options = std::make_shared<EquivOptions>();
  CLI::App* command = app.add_subcommand(
      "equiv",
      "Decide whether two circuits are equivalent (random simulation, then SAT with CaDiCaL); "
      "exit 0 if so, 1 with a counterexample if not");
  const std::string circuit_files =
      "Circuit file: " +
      io::accepted_extensions_help(io::CircuitFileUse::reading(io::CircuitKind::boolean));
  command->add_option("first", options->first_path, circuit_files)->required();
  command->add_option("second", options->second_path, circuit_files)->required();
  command
      ->add_option("--random", options->equivalence.random_patterns,
                   "Random patterns simulated before SAT (0: SAT only)")
      ->capture_default_str();
  command->add_option("--seed", options->equivalence.seed, "Seed of the random patterns")
      ->capture_default_str();
  command->add_option("--threads", options->equivalence.threads, "Threads for the simulation")
      ->check(CLI::PositiveNumber);
  command->add_flag("--json", options->json,
                    "Print JSON: equivalent, method and (if not) counterexample, output, values");
  command->callback([options] { run_equiv(*options); });
}

}  // namespace rnncc::cli
