// `rnncc score MODEL --tasks FILE.jsonl`: a model's accuracy on problem
// instances, by the interpreter or by compiled circuits (or both, checked
// against each other).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "json_text.hpp"
#include "model_flags.hpp"
#include "option_conventions.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/experiment/circuit_cache.hpp"
#include "rnncc/experiment/score.hpp"
#include "rnncc/io/instance_file.hpp"
#include "standard_streams.hpp"

namespace rnncc::cli {

namespace {

struct ScoreCommandOptions {
  ModelFlags model;
  std::string tasks_path;
  std::string engine = "interpreter";
  unsigned threads = 1;
  std::optional<std::string> cache_path;
  bool no_cache = false;
  bool json = false;
};

nlohmann::ordered_json report_json(const experiment::ScoreReport& report) {
  nlohmann::ordered_json json;
  json["instances"] = report.instances;
  json["correct"] = report.correct;
  json["accuracy"] = report.accuracy();
  nlohmann::ordered_json lengths = nlohmann::ordered_json::array();
  for (const experiment::LengthScore& length : report.by_length) {
    lengths.push_back({{"length", length.length},
                       {"instances", length.instances},
                       {"correct", length.correct},
                       {"accuracy", static_cast<double>(length.correct) /
                                        static_cast<double>(length.instances)}});
  }
  json["by_length"] = lengths;
  nlohmann::ordered_json failures = nlohmann::ordered_json::array();
  for (const experiment::ScoreFailure& failure : report.failures) {
    failures.push_back({{"line", failure.line},
                        {"length", failure.length},
                        {"expected", failure.expected},
                        {"answered", failure.answered}});
  }
  json["failures"] = failures;
  if (report.decision) {
    json["confusion"] = {{"true_positives", report.true_positives},
                         {"false_positives", report.false_positives},
                         {"true_negatives", report.true_negatives},
                         {"false_negatives", report.false_negatives}};
  }
  if (report.observation) {
    json["bits_observed"] = report.observation->widest_bits;
    json["wraps"] = report.observation->wraps;
    json["saturations"] = report.observation->saturations;
  }
  if (report.circuit) {
    json["circuit"] = {{"length", report.circuit->length},
                       {"all_outputs", report.circuit->all_outputs},
                       {"from_cache", report.circuit->from_cache},
                       {"ands", report.circuit->ands},
                       {"depth", report.circuit->depth},
                       {"compile_seconds", report.circuit->compile_seconds}};
  }
  json["evaluation_seconds"] = report.evaluation_seconds;
  return json;
}

void print_report(const model::Model& model, const experiment::ScoreReport& report,
                  const std::string& tasks_path) {
  fmt::print("{} on {}: {} instances, {} correct, accuracy {:.4f}\n", model.name, tasks_path,
             report.instances, report.correct, report.accuracy());
  if (report.by_length.size() > 1) {
    // At most ten groups of consecutive lengths (all of them in --json).
    const std::size_t groups = std::min<std::size_t>(10, report.by_length.size());
    fmt::print("  by length:");
    for (std::size_t group = 0; group < groups; ++group) {
      const std::size_t begin = group * report.by_length.size() / groups;
      const std::size_t end = (group + 1) * report.by_length.size() / groups;
      std::size_t correct = 0, instances = 0;
      for (std::size_t i = begin; i < end; ++i) {
        correct += report.by_length[i].correct;
        instances += report.by_length[i].instances;
      }
      const std::size_t first = report.by_length[begin].length;
      const std::size_t last = report.by_length[end - 1].length;
      fmt::print(" {}: {}/{}",
                 first == last ? fmt::format("{}", first) : fmt::format("{}-{}", first, last),
                 correct, instances);
    }
    fmt::print("\n");
  }
  if (report.decision) {
    fmt::print(
        "  confusion: {} true positives, {} false positives, {} true negatives, {} false "
        "negatives\n",
        report.true_positives, report.false_positives, report.true_negatives,
        report.false_negatives);
  }
  for (const experiment::ScoreFailure& failure : report.failures) {
    fmt::print("  failure {}:{} (length {}): expected {}, answered {}\n", tasks_path, failure.line,
               failure.length, failure.expected, failure.answered);
  }
  if (report.observation) {
    fmt::print("  widest value observed: {} bits", report.observation->widest_bits);
    if (report.observation->wraps > 0) {
      fmt::print("; {} results wrapped around (first at step {})", report.observation->wraps,
                 *report.observation->first_wrap_step);
    }
    if (report.observation->saturations > 0) {
      fmt::print("; {} results saturated (first at step {})", report.observation->saturations,
                 *report.observation->first_saturation_step);
    }
    fmt::print("\n");
  }
  if (report.circuit) {
    fmt::print("  circuit: T={}{}, {} ANDs, depth {}, {} in {:.2f} s\n", report.circuit->length,
               report.circuit->all_outputs ? " (outputs after every step)" : "",
               report.circuit->ands, report.circuit->depth,
               report.circuit->from_cache ? "read from the cache" : "compiled",
               report.circuit->compile_seconds);
  }
}

void run_score(const ScoreCommandOptions& options) {
  read_standard_input_once({options.model.model_path, options.tasks_path},
                           {"the model", "--tasks"});
  const model::Model model = read_model(options.model);
  experiment::ScoreOptions score_options;
  score_options.engine = experiment::parse_score_engine(options.engine);
  ModelFlags flags = options.model;
  flags.length = 1;
  score_options.compile = compile_options(flags);
  score_options.threads = options.threads;
  if (!options.no_cache) {
    score_options.cache_directory = options.cache_path
                                        ? std::optional<std::filesystem::path>(*options.cache_path)
                                        : experiment::default_cache_directory();
  }
  if (score_options.engine != experiment::ScoreEngine::interpreter) {
    compile::CompileOptions check = score_options.compile;
    compile::check_options(model, check);
  }
  const std::vector<io::Instance> instances =
      io::read_instance_file(options.tasks_path, options.threads);
  if (instances.empty()) {
    throw InputError(fmt::format("{}: no instances to score", options.tasks_path));
  }
  const experiment::ScoreReport report = with_heartbeat(
      "score", fmt::format("scoring {} instances", instances.size()),
      [&] { return experiment::score(model, instances, options.tasks_path, score_options); });
  if (options.json) {
    fmt::print("{}\n", json_text(report_json(report)));
  } else {
    print_report(model, report, options.tasks_path);
  }
}

}  // namespace

void register_score(CLI::App& app) {
  auto options = std::make_shared<ScoreCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "score", "A model's accuracy on problem instances (rnncc task), by interpreter or circuit");
  add_model_flags(command, options->model, "last", false);
  command->add_option("--tasks", options->tasks_path, "Instance file (.jsonl), - for stdin")
      ->required();
  command
      ->add_option("--engine", options->engine,
                   "interpreter, circuit (one circuit, 64 instances per word) or both")
      ->capture_default_str();
  command->add_option("--threads", options->threads, "Threads")
      ->capture_default_str()
      ->check(between(1, 1024));
  command->add_option("--cache", options->cache_path,
                      "Directory of compiled circuits (default $XDG_CACHE_HOME/rnncc or "
                      "~/.cache/rnncc)");
  command->add_flag("--no-cache", options->no_cache, "Compile every time, keep nothing");
  command->add_flag("--json", options->json,
                    "Print JSON: instances, correct, accuracy, by_length, failures, ...");
  command->callback([options] { run_score(*options); });
}

}  // namespace rnncc::cli
