// `rnncc eval FILE (--inputs FILE | --random N [--seed S]) [--threads K...]
// [--mode patterns|levels] [--json]`: a circuit's outputs on input patterns,
// with the timing and speed-up per thread count.
#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "commands.hpp"
#include "rnncc/error.hpp"
#include "rnncc/eval/evaluator.hpp"
#include "rnncc/eval/parallel_report.hpp"
#include "rnncc/eval/pattern_file.hpp"
#include "rnncc/eval/random_patterns.hpp"
#include "rnncc/io/aiger.hpp"

namespace rnncc::cli {

namespace {

struct EvalOptions {
  std::string circuit_path;
  std::string inputs_path;
  std::uint64_t random_count = 0;
  std::uint64_t seed = 1;
  std::vector<unsigned> threads{1};
  std::string mode = "patterns";
  unsigned block_words = 0;
  unsigned repetitions = 1;
  bool json = false;
  bool report = false;  // --threads given: print the timing report
};

void print_report(const eval::ParallelismReport& report) {
  fmt::print(stderr, "mode {}, {} patterns, {} words per block, {} value slots per block\n",
             eval::name_of(report.mode), report.patterns, report.block_words, report.value_slots);
  fmt::print(stderr, "work {} ANDs, span {} levels, parallelism {:.1f}\n", report.work, report.span,
             report.parallelism);
  fmt::print(stderr, "{:>7} {:>12} {:>9} {:>16} {:>16}\n", "threads", "seconds", "speed-up",
             "Brent W/P+D", "Brent seconds");
  for (const eval::ThreadTiming& timing : report.timings) {
    fmt::print(stderr, "{:>7} {:>12.6f} {:>9.2f} {:>16.0f} {:>16.6f}\n", timing.threads,
               timing.seconds, timing.speedup, timing.brent_bound_steps,
               timing.brent_bound_seconds);
  }
}

nlohmann::ordered_json report_json(const eval::ParallelismReport& report) {
  nlohmann::ordered_json json;
  json["mode"] = std::string(eval::name_of(report.mode));
  json["patterns"] = report.patterns;
  json["work"] = report.work;
  json["span"] = report.span;
  json["parallelism"] = report.parallelism;
  json["block_words"] = report.block_words;
  json["value_slots"] = report.value_slots;
  nlohmann::ordered_json timings = nlohmann::ordered_json::array();
  for (const eval::ThreadTiming& timing : report.timings) {
    timings.push_back({{"threads", timing.threads},
                       {"seconds", timing.seconds},
                       {"speedup", timing.speedup},
                       {"brent_bound_steps", timing.brent_bound_steps},
                       {"brent_bound_seconds", timing.brent_bound_seconds}});
  }
  json["timings"] = timings;
  return json;
}

void run_eval(const EvalOptions& options) {
  if (options.inputs_path.empty() == (options.random_count == 0)) {
    throw InputError("eval: give either --inputs FILE or --random N (N >= 1)");
  }
  const logic::Aig aig = io::read_aiger_file(options.circuit_path);
  const eval::PatternSet inputs =
      options.inputs_path.empty()
          ? eval::random_patterns(aig.input_count(), options.random_count, options.seed)
          : eval::read_pattern_file(options.inputs_path, aig.input_count());
  const eval::Evaluator evaluator(aig, eval::parse_parallel_mode(options.mode));
  const eval::TimedEvaluation timed = eval::evaluate_timed(
      evaluator, inputs, options.threads, options.block_words, options.repetitions);
  if (options.json) {
    nlohmann::ordered_json json;
    json["circuit"] = options.circuit_path;
    json["input_count"] = aig.input_count();
    json["output_count"] = aig.output_count();
    json.update(report_json(timed.report));
    nlohmann::ordered_json lines = nlohmann::ordered_json::array();
    for (std::uint64_t p = 0; p < timed.outputs.pattern_count(); ++p)
      lines.push_back(eval::format_pattern(timed.outputs, p));
    json["outputs"] = lines;
    fmt::print("{}\n", json.dump(2));
    return;
  }
  fmt::print("{}", eval::format_patterns(timed.outputs));
  if (options.report) print_report(timed.report);
}

}  // namespace

void register_eval(CLI::App& app) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* command = app.add_subcommand(
      "eval", "Evaluate a circuit on input patterns (one output line per pattern)");
  command->add_option("file", options->circuit_path, "Circuit file: .aag or .aig")->required();
  CLI::Option* inputs =
      command->add_option("--inputs", options->inputs_path,
                          "Pattern file: one line per pattern, one 0/1 per input in input order");
  CLI::Option* random = command->add_option(
      "--random", options->random_count,
      "Evaluate N random patterns (splitmix64 from the seed, word by word, input by input)");
  inputs->excludes(random);
  command->add_option("--seed", options->seed, "Seed of the random patterns")
      ->capture_default_str();
  command
      ->add_option("--threads", options->threads,
                   "Thread counts to run and time; prints a timing and speed-up report on stderr")
      ->check(CLI::PositiveNumber)
      ->expected(1, 64)
      ->each([options](const std::string&) { options->report = true; });
  command
      ->add_option("--mode", options->mode,
                   "patterns: split pattern blocks across threads; "
                   "levels: split each level's ANDs")
      ->check(CLI::IsMember({"patterns", "levels"}))
      ->capture_default_str();
  command->add_option("--block-words", options->block_words,
                      "64-pattern words per block: 1, 2, 4, 8, 16, 32 (default: automatic)");
  command
      ->add_option("--repeat", options->repetitions, "Time each thread count as the best of R runs")
      ->check(CLI::PositiveNumber);
  command->add_flag("--json", options->json,
                    "Print JSON: work, span, parallelism, timings and the output lines");
  command->callback([options] { run_eval(*options); });
}

}  // namespace rnncc::cli
