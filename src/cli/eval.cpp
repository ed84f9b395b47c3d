// `rnncc eval FILE (--patterns FILE | --random N [--seed S]) [--threads K,...]
// [--mode patterns|levels] [--summary] [--json] [--length T]`: a circuit's outputs on input
// patterns (a circuit with latches over T steps),
// with the timing and speed-up per thread count.
#include <fmt/format.h>

#include <bit>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "commands.hpp"
#include "error_context.hpp"
#include "json_text.hpp"
#include "option_conventions.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/compile/circuit_description.hpp"
#include "rnncc/eval/evaluator.hpp"
#include "rnncc/eval/model_patterns.hpp"
#include "rnncc/eval/parallel_report.hpp"
#include "rnncc/eval/pattern_file.hpp"
#include "rnncc/eval/random_patterns.hpp"
#include "rnncc/eval/sequential_simulation.hpp"
#include "rnncc/io/file_types.hpp"
#include "rnncc/model/input_sequence.hpp"
#include "standard_streams.hpp"

namespace rnncc::cli {

namespace {

struct EvalOptions {
  std::string circuit_path;
  std::string patterns_path;
  std::uint64_t random_count = 0;
  std::uint64_t seed = 1;
  std::vector<unsigned> threads{1};
  std::string mode = "patterns";
  unsigned block_words = 0;
  unsigned repetitions = 1;
  bool json = false;
  bool summary = false;                     // counts instead of one line per pattern
  bool report = false;                      // --threads given: print the timing report
  std::optional<std::string> tokens;        // model-level input: a token string
  std::optional<std::string> vectors_path;  // model-level input: a vector file
  std::size_t length = 0;                   // --length: steps of a sequential circuit
};

/// `--tokens` / `--vectors`: one model input encoded onto the input bits
/// by the circuit's own description (the comments rnncc compile writes),
/// the outputs decoded into numbers of the model's format.
void run_model_level(const EvalOptions& options, const logic::Aig& aig) {
  const compile::CircuitDescription description =
      compile::read_description(aig, options.circuit_path);
  const model::Model model = compile::input_model(description);
  const model::InputSequence sequence = options.tokens
                                            ? model::parse_tokens(model, *options.tokens)
                                            : model::read_input_file(model, *options.vectors_path);
  if (sequence.length() != description.length) {
    throw InputError(fmt::format("{}: the circuit reads {} steps, the input has {}",
                                 options.circuit_path, description.length, sequence.length()));
  }
  const std::size_t input_values = eval::input_word_values(model, sequence).size();
  if (input_values != description.inputs.size()) {
    throw InputError(fmt::format(
        "{}: the comments describe {} input words; a {}-step input of this model gives {}",
        options.circuit_path, description.inputs.size(), sequence.length(), input_values));
  }
  const eval::PatternSet inputs = naming_source(options.circuit_path, [&] {
    return eval::encode_input_sequences(model, description.inputs, {sequence});
  });
  eval::EvaluationOptions evaluation;
  evaluation.threads = options.threads.front();
  const eval::PatternSet outputs =
      eval::evaluate(aig, inputs, eval::parse_parallel_mode(options.mode), evaluation);
  const std::vector<mpq_class> values =
      eval::decode_output_words(description.format, description.outputs, outputs, 0);
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (options.json) {
      json[description.outputs[i].name] = values[i].get_str();
    } else {
      fmt::print("{} {}\n", description.outputs[i].name, values[i].get_str());
    }
  }
  if (options.json) fmt::print("{}\n", json_text(json));
}

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

/// `--summary`: the pattern count and, per output, how many patterns set
/// it — a few lines however many patterns, where printing every output
/// line would take longer than evaluating.
void print_summary(const eval::PatternSet& outputs) {
  fmt::print("patterns {}\nones", outputs.pattern_count());
  const std::uint64_t last_word_bits = outputs.pattern_count() % 64;
  const std::uint64_t last_mask =
      last_word_bits == 0 ? ~std::uint64_t{0} : (std::uint64_t{1} << last_word_bits) - 1;
  for (std::uint32_t signal = 0; signal < outputs.signal_count(); ++signal) {
    const std::span<const std::uint64_t> words = outputs.words(signal);
    std::uint64_t ones = 0;
    for (std::size_t w = 0; w < words.size(); ++w)
      ones += static_cast<std::uint64_t>(
          std::popcount(w + 1 == words.size() ? words[w] & last_mask : words[w]));
    fmt::print(" {}", ones);
  }
  fmt::print("\n");
}

/// `--length T`: the circuit run for T steps from its latches' initial
/// values; a pattern holds T steps' inputs, an output line T steps' outputs.
void run_steps(const EvalOptions& options, const logic::SequentialAig& circuit) {
  if (options.tokens || options.vectors_path) {
    throw InputError(fmt::format(
        "{}: --tokens and --vectors read circuits from rnncc compile --length T; give a "
        "sequential circuit --patterns FILE or --random N with --length",
        options.circuit_path));
  }
  const std::uint64_t signal_count = std::uint64_t{options.length} * circuit.primary_input_count();
  if (signal_count > 0xffffffffULL) {
    throw LimitError(fmt::format("{} steps of {} inputs need {} input signals, more than 2^32",
                                 options.length, circuit.primary_input_count(), signal_count));
  }
  const auto signals = static_cast<std::uint32_t>(signal_count);
  const eval::PatternSet inputs =
      options.patterns_path.empty()
          ? eval::random_patterns(signals, options.random_count, options.seed)
          : eval::read_pattern_file(options.patterns_path, signals);
  eval::EvaluationOptions evaluation;
  evaluation.threads = options.threads.front();
  const eval::PatternSet outputs = naming_source(options.circuit_path, [&] {
    return eval::simulate_steps(circuit, inputs, options.length, evaluation);
  });
  if (options.json) {
    nlohmann::ordered_json json;
    json["circuit"] = options.circuit_path;
    json["input_count"] = circuit.primary_input_count();
    json["latch_count"] = circuit.latch_count();
    json["output_count"] = circuit.primary_output_count();
    json["length"] = options.length;
    json["patterns"] = outputs.pattern_count();
    nlohmann::ordered_json lines = nlohmann::ordered_json::array();
    for (std::uint64_t p = 0; p < outputs.pattern_count(); ++p)
      lines.push_back(eval::format_pattern(outputs, p));
    json["outputs"] = lines;
    fmt::print("{}\n", json_text(json));
  } else if (options.summary) {
    print_summary(outputs);
  } else {
    fmt::print("{}", eval::format_patterns(outputs));
  }
}

void run_eval(const EvalOptions& options) {
  const int sources = (options.patterns_path.empty() ? 0 : 1) +
                      (options.random_count == 0 ? 0 : 1) + (options.tokens ? 1 : 0) +
                      (options.vectors_path ? 1 : 0);
  if (sources != 1) {
    throw InputError(
        "eval: give exactly one of --patterns FILE, --random N (N >= 1), --tokens STRING, "
        "--vectors FILE");
  }
  read_standard_input_once(
      {options.circuit_path, options.patterns_path, options.vectors_path.value_or("")},
      {"the circuit", "--patterns", "--vectors"});
  logic::SequentialAig circuit = io::read_sequential_circuit_file(options.circuit_path);
  if (options.length > 0) {
    run_steps(options, circuit);
    return;
  }
  if (circuit.latch_count() > 0) {
    throw InputError(fmt::format(
        "{}: the circuit has {} latches: give --length T to run it for T steps from their "
        "initial values",
        options.circuit_path, circuit.latch_count()));
  }
  const logic::Aig aig = std::move(circuit.aig);
  if (options.tokens || options.vectors_path) {
    run_model_level(options, aig);
    return;
  }
  const eval::PatternSet inputs =
      options.patterns_path.empty()
          ? eval::random_patterns(aig.input_count(), options.random_count, options.seed)
          : eval::read_pattern_file(options.patterns_path, aig.input_count());
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
    fmt::print("{}\n", json_text(json));
    return;
  }
  if (options.summary) {
    print_summary(timed.outputs);
  } else {
    fmt::print("{}", eval::format_patterns(timed.outputs));
  }
  if (options.report) print_report(timed.report);
}

}  // namespace

void register_eval(CLI::App& app) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* command = app.add_subcommand(
      "eval", "Evaluate a circuit on input patterns (one output line per pattern)");
  command
      ->add_option("file", options->circuit_path,
                   "Circuit file: " + io::accepted_extensions_help(
                                          io::CircuitFileUse::reading(io::CircuitKind::boolean)))
      ->required();
  CLI::Option* patterns = command->add_option(
      "--patterns", options->patterns_path,
      "Pattern file: one line per pattern, one 0/1 per input in input order; - for standard input");
  // The name before patterns files had one name in every command.
  command->add_option("--inputs", options->patterns_path)->group("");
  CLI::Option* random = command->add_option(
      "--random", options->random_count,
      "Evaluate N random patterns (splitmix64 from the seed, word by word, input by input)");
  patterns->excludes(random);
  command->add_option("--tokens", options->tokens,
                      "A model input as tokens, for circuits from rnncc compile: encoded by the "
                      "file's own description, outputs printed as numbers");
  command->add_option("--vectors", options->vectors_path,
                      "A model input as a vector file (one step per line; - for standard "
                      "input), likewise");
  command
      ->add_option("--length,-T", options->length,
                   "Run a circuit with latches (or any circuit) for T steps from the latches' "
                   "initial values: a pattern holds step 1's inputs, then step 2's, ... (T times "
                   "the inputs), an output line step 1's outputs, then step 2's, ...")
      ->check(between(1, std::uint64_t{1} << 32));
  command->add_option("--seed", options->seed, "Seed of the random patterns")
      ->capture_default_str();
  command
      ->add_option("--threads", options->threads,
                   "Thread counts to run and time, repeated or comma-separated (--threads 1,2,4); "
                   "prints a timing and speed-up report on stderr")
      ->check(between(1, 1024))
      ->delimiter(',')
      ->each([options](const std::string&) { options->report = true; });
  command
      ->add_option("--mode", options->mode,
                   "patterns: split pattern blocks across threads; "
                   "levels: split each level's ANDs")
      ->check(CLI::IsMember({"patterns", "levels"}))
      ->capture_default_str();
  command->add_option("--block-words", options->block_words,
                      "64-pattern words per block: 1, 2, 4, 8, 16, 32, 64 (default: automatic)");
  command
      ->add_option("--repeat", options->repetitions, "Time each thread count as the best of R runs")
      ->check(between(1, 1000000));
  command->add_flag("--summary", options->summary,
                    "Print the pattern count and each output's number of ones, not every line");
  command->add_flag("--json", options->json,
                    "Print JSON: work, span, parallelism, timings and the output lines");
  command->callback([options] { run_eval(*options); });
}

}  // namespace rnncc::cli
