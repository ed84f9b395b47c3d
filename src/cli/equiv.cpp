// `rnncc equiv A B`: whether two circuits compute the same function; exit
// status 0 when they do, 1 with a counterexample when they do not, 3 when
// --timeout or --conflicts left some output pair undecided.
#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "json_text.hpp"
#include "option_conventions.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/file_types.hpp"
#include "rnncc/verify/equivalence.hpp"
#include "standard_streams.hpp"

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
  read_standard_input_once({options.first_path, options.second_path}, {"first", "second"});
  const io::CircuitFileUse use = io::CircuitFileUse::reading(io::CircuitKind::boolean);
  const io::CircuitFileType& first_type = io::circuit_file_type(options.first_path, use);
  const io::CircuitFileType& second_type = io::circuit_file_type(options.second_path, use);
  const logic::Aig first = first_type.read_boolean(options.first_path);
  const logic::Aig second = second_type.read_boolean(options.second_path);
  options.equivalence.first_name = options.first_path;
  options.equivalence.second_name = options.second_path;
  // Progress per output pair that needs SAT, on stderr once the check has
  // run for a second (a quick check prints nothing there).
  const auto start = std::chrono::steady_clock::now();
  options.equivalence.progress = [&](const verify::OutputPairProgress& pair) {
    if (std::chrono::steady_clock::now() - start < std::chrono::seconds(1)) return;
    static constexpr const char* verdicts[] = {"equal", "different", "undecided"};
    const std::string& name = first.output_name(pair.output);
    info("equiv: output {}/{}{}: {} ({:.2f} s)", pair.output + 1, pair.output_count,
         name.empty() ? std::string() : " (" + one_line(name) + ")", verdicts[pair.verdict],
         pair.seconds);
  };
  const verify::EquivalenceResult result =
      verify::check_equivalence(first, second, options.equivalence);
  std::string bits;
  for (bool bit : result.counterexample)
    bits += bit ? '1' : '0';
  if (options.json) {
    nlohmann::ordered_json json;
    json["equivalent"] = result.equivalent;
    json["decided"] = result.decided;
    json["method"] = std::string(verify::name_of(result.method));
    if (!result.decided) {
      nlohmann::ordered_json undecided = nlohmann::ordered_json::array();
      for (std::uint32_t output : result.undecided_outputs)
        undecided.push_back({{"output", output}, {"output_name", first.output_name(output)}});
      json["undecided_outputs"] = undecided;
    } else if (!result.equivalent) {
      json["counterexample"] = bits;
      json["output"] = result.differing_output;
      json["output_name"] = first.output_name(result.differing_output);
      json["second_output"] = result.second_differing_output;
      json["first_value"] = result.first_value ? 1 : 0;
      json["second_value"] = result.second_value ? 1 : 0;
    }
    fmt::print("{}\n", json_text(json));
  } else if (!result.decided) {
    fmt::print(
        "undecided: {} of {} outputs neither proved equal nor told apart within the "
        "limits\n",
        result.undecided_outputs.size(), first.output_count());
    for (std::uint32_t output : result.undecided_outputs) {
      const std::string& name = first.output_name(output);
      fmt::print("undecided output {}{}\n", output,
                 name.empty() ? std::string() : " (" + one_line(name) + ")");
    }
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
  if (!result.decided) throw Undecided{};
  if (!result.equivalent) throw CheckFailed{};
}

}  // namespace

void register_equiv(CLI::App& app) {
  auto options = std::make_shared<EquivOptions>();
  CLI::App* command = app.add_subcommand(
      "equiv",
      "Decide whether two circuits are equivalent (random simulation, then SAT with CaDiCaL); "
      "exit 0 if so, 1 with a counterexample if not, 3 if --timeout or --conflicts left output "
      "pairs undecided");
  const std::string circuit_files =
      "Circuit file: " +
      io::accepted_extensions_help(io::CircuitFileUse::reading(io::CircuitKind::boolean)) +
      "; - for standard input";
  command->add_option("first", options->first_path, circuit_files)->required();
  command->add_option("second", options->second_path, circuit_files)->required();
  command
      ->add_option("--random", options->equivalence.random_patterns,
                   "Random patterns simulated before SAT (0: SAT only)")
      ->capture_default_str();
  command->add_option("--seed", options->equivalence.seed, "Seed of the random patterns")
      ->capture_default_str();
  command->add_option("--threads", options->equivalence.threads, "Threads for the simulation")
      ->check(between(1, 1024));
  command
      ->add_option("--timeout", options->equivalence.timeout_seconds,
                   "Seconds after which output pairs still open are left undecided (exit 3)")
      ->check(zero_or_more());
  command->add_option("--conflicts", options->equivalence.conflict_limit,
                      "SAT conflicts per output pair before it is left undecided (exit 3)");
  command->add_flag("--json", options->json,
                    "Print JSON: equivalent, decided, method and (if not equivalent) "
                    "counterexample, output, values, or (if undecided) undecided_outputs");
  command->callback([options] { run_equiv(*options); });
}

}  // namespace rnncc::cli
