#include "rnncc/experiment/score.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "rnncc/arith/format_lowering.hpp"
#include "rnncc/common/enum_names.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/eval/evaluator.hpp"
#include "rnncc/eval/model_patterns.hpp"
#include "rnncc/experiment/circuit_cache.hpp"
#include "rnncc/model/interpreter.hpp"

namespace rnncc::experiment {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string quoted_symbols(const std::vector<std::string>& alphabet) {
  constexpr std::size_t shown = 8;
  std::vector<std::string> listed;
  for (std::size_t i = 0; i < alphabet.size() && i < shown; ++i)
    listed.push_back("'" + alphabet[i] + "'");
  std::string text = fmt::format("{}", fmt::join(listed, ", "));
  if (alphabet.size() > shown) text += fmt::format(", ... ({} symbols)", alphabet.size());
  return text;
}

/// Runs `body(begin, end)` over [0, count) on `threads` threads.
template <class Body>
void in_parallel(std::size_t count, unsigned threads, Body body) {
  if (threads <= 1 || count < 2) {
    body(std::size_t{0}, count);
    return;
  }
  tbb::task_arena arena(static_cast<int>(threads));
  arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, count),
        [&](const tbb::blocked_range<std::size_t>& range) { body(range.begin(), range.end()); });
  });
}

}  // namespace

namespace {

constexpr EnumNames<ScoreEngine, 3> engine_names{{
    {ScoreEngine::interpreter, "interpreter"},
    {ScoreEngine::circuit, "circuit"},
    {ScoreEngine::both, "both"},
}};
static_assert(names_are_distinct(engine_names));

}  // namespace

std::string_view name_of(ScoreEngine engine) {
  return name_in(engine_names, engine);
}

ScoreEngine parse_score_engine(std::string_view text) {
  if (const std::optional<ScoreEngine> engine = parse_in(engine_names, text)) return *engine;
  throw InputError(fmt::format("--engine: '{}' is not an engine (expected {})", text,
                               list_names(engine_names, ", ", " or ")));
}

std::string to_string(const Answer& answer, bool decision) {
  if (decision) return answer.accept ? "1" : "0";
  std::vector<std::string> numbers;
  for (const mpq_class& number : answer.numbers)
    numbers.push_back(number.get_str());
  return numbers.size() == 1 ? numbers.front() : fmt::format("[{}]", fmt::join(numbers, ", "));
}

std::vector<model::InputSequence> model_inputs(const model::Model& model,
                                               const std::vector<io::Instance>& instances,
                                               std::string_view source, unsigned threads) {
  std::unordered_map<std::string, std::size_t> symbols;
  for (std::size_t i = 0; i < model.input.alphabet.size(); ++i)
    symbols.emplace(model.input.alphabet[i], i);
  const bool decision = model.readout == model::ReadoutKind::accept;
  const std::size_t readout_size =
      decision ? 1
               : (model.readout == model::ReadoutKind::linear ? model.readout_weights.rows
                                                              : model.readout_source_size());
  std::vector<model::InputSequence> sequences(instances.size());
  auto convert = [&](const io::Instance& instance) {
    auto fail = [&](const std::string& message) {
      throw InputError(fmt::format("{}:{}: {}", source, instance.line, message));
    };
    model::InputSequence sequence;
    if (model.input.is_tokens()) {
      if (instance.has_vectors()) {
        fail(fmt::format("\"vectors\", but model {} reads tokens of its alphabet", model.name));
      }
      sequence.tokens.reserve(instance.tokens.size());
      for (const std::string& symbol : instance.tokens) {
        auto found = symbols.find(symbol);
        if (found == symbols.end()) {
          fail(fmt::format("symbol '{}' is not in the alphabet of model {} ({})", symbol,
                           model.name, quoted_symbols(model.input.alphabet)));
        }
        sequence.tokens.push_back(found->second);
      }
    } else {
      if (!instance.has_vectors()) {
        fail(fmt::format("\"tokens\", but model {} reads vectors of {} values", model.name,
                         model.input.dimension));
      }
      for (std::size_t t = 0; t < instance.vectors.size(); ++t) {
        const std::vector<mpq_class>& values = instance.vectors[t];
        if (values.size() != model.input.dimension) {
          fail(fmt::format("step {} has {} values; model {} reads {} per step", t + 1,
                           values.size(), model.name, model.input.dimension));
        }
        std::vector<mpq_class> members;
        for (const mpq_class& value : values) {
          std::optional<mpq_class> member = model::fit_into_format(model.format, value);
          if (member && std::holds_alternative<arith::ExactFormat>(model.format)) {
            const arith::ExactDomain& domain = model.input.exact_domain;
            const mpq_class scaled = value * domain.denominator;
            if (scaled.get_den() != 1 || scaled.get_num() < domain.low ||
                scaled.get_num() > domain.high) {
              member.reset();
            }
          }
          if (!member) {
            fail(fmt::format("step {}: {} is not an input value of model {} ({})", t + 1,
                             value.get_str(), model.name, arith::to_string(model.format)));
          }
          members.push_back(*member);
        }
        sequence.vectors.push_back(std::move(members));
      }
    }
    if (decision) {
      if (instance.label.size() != 1 ||
          (instance.label.front() != 0 && instance.label.front() != 1)) {
        fail(fmt::format("model {} accepts or rejects: the label must be 0 or 1", model.name));
      }
    } else if (instance.label.size() != readout_size) {
      fail(fmt::format("the label has {} value{}; model {} reads out {}", instance.label.size(),
                       instance.label.size() == 1 ? "" : "s", model.name, readout_size));
    }
    return sequence;
  };
  // On several threads, the first bad instance in file order is reported.
  std::mutex first_error_lock;
  std::optional<std::pair<std::size_t, std::string>> first_error;
  in_parallel(instances.size(), threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      try {
        sequences[i] = convert(instances[i]);
      } catch (const InputError& error) {
        std::lock_guard<std::mutex> hold(first_error_lock);
        if (!first_error || first_error->first > i) first_error.emplace(i, error.what());
        return;
      }
    }
  });
  if (first_error) throw InputError(first_error->second);
  return sequences;
}

std::vector<Answer> interpreter_answers(const model::Model& model,
                                        const std::vector<model::InputSequence>& sequences,
                                        unsigned threads, model::ValueObservation* observation) {
  std::vector<Answer> answers(sequences.size());
  std::mutex merge;
  in_parallel(sequences.size(), threads, [&](std::size_t begin, std::size_t end) {
    model::ValueObservation local;
    for (std::size_t i = begin; i < end; ++i) {
      const std::vector<model::StepOutput> outputs =
          model::run_reference(model, sequences[i], observation != nullptr ? &local : nullptr);
      answers[i].accept = outputs.back().accept;
      answers[i].numbers = outputs.back().numbers;
    }
    if (observation != nullptr) {
      std::lock_guard<std::mutex> lock(merge);
      observation->merge(local);
    }
  });
  return answers;
}

ScoringCircuit scoring_circuit(const model::Model& model,
                               const std::vector<model::InputSequence>& sequences,
                               const ScoreOptions& options) {
  std::size_t longest = 0;
  bool several_lengths = false;
  for (const model::InputSequence& sequence : sequences) {
    several_lengths = several_lengths || (longest != 0 && sequence.length() != longest);
    longest = std::max(longest, sequence.length());
  }
  compile::CompileOptions compile_options = options.compile;
  compile_options.length = longest;
  compile_options.all_outputs = several_lengths;
  ScoringCircuit result{compile_with_cache(model, compile_options, options.cache_directory), {}};
  CircuitUsed& used = result.used;
  used.length = longest;
  used.all_outputs = several_lengths;
  used.from_cache = result.circuit.from_cache;
  used.ands = result.circuit.lowered.aig.and_count();
  used.depth = result.circuit.lowered.aig.depth();
  used.compile_seconds = result.circuit.compile_seconds;
  return result;
}

std::vector<Answer> answers_from_circuit(const model::Model& model, const ScoringCircuit& scoring,
                                         const std::vector<model::InputSequence>& sequences,
                                         unsigned threads) {
  const CachedCircuit& circuit = scoring.circuit;
  const std::size_t longest = scoring.used.length;
  const bool several_lengths = scoring.used.all_outputs;

  // A shorter sequence is padded with the first symbol (or the first
  // admissible vector): outputs after step t depend on steps 1..t only.
  std::vector<model::InputSequence> padded;
  const std::vector<model::InputSequence>* evaluated = &sequences;
  if (several_lengths) {
    padded = sequences;
    std::vector<mpq_class> filler;
    if (!model.input.is_tokens()) {
      for (const model::InputSequence& sequence : sequences)
        if (!sequence.vectors.empty()) filler = sequence.vectors.front();
    }
    for (model::InputSequence& sequence : padded) {
      if (model.input.is_tokens()) {
        sequence.tokens.resize(longest, 0);
      } else {
        sequence.vectors.resize(longest, filler);
      }
    }
    evaluated = &padded;
  }
  const eval::PatternSet inputs =
      eval::encode_input_sequences(model, circuit.lowered.inputs, *evaluated, threads);
  eval::EvaluationOptions evaluation;
  evaluation.threads = std::max(1U, threads);
  const eval::PatternSet outputs =
      eval::evaluate(circuit.lowered.aig, inputs, eval::ParallelMode::patterns, evaluation);

  // The output words after step t are the t-th group of `per_step` words
  // (all outputs), or all words (the last step only).
  const std::vector<arith::LoweredWord>& words = circuit.lowered.outputs;
  const std::size_t per_step = several_lengths ? words.size() / longest : words.size();
  std::vector<std::uint32_t> first_signal(words.size() + 1, 0);
  for (std::size_t i = 0; i < words.size(); ++i)
    first_signal[i + 1] = first_signal[i] + static_cast<std::uint32_t>(words[i].value.bits.size());
  std::vector<Answer> answers(sequences.size());
  const bool decision = model.readout == model::ReadoutKind::accept;
  in_parallel(sequences.size(), threads, [&](std::size_t begin, std::size_t end) {
    logic::Aig scratch;
    arith::FormatLowering codec(scratch, model.format, word::ArithmeticArchitecture{});
    for (std::size_t i = begin; i < end; ++i) {
      const std::size_t step = sequences[i].length();
      const std::size_t first_word = several_lengths ? (step - 1) * per_step : 0;
      for (std::size_t w = first_word; w < first_word + per_step; ++w) {
        mpz_class bits = 0;
        for (std::uint32_t signal = first_signal[w], bit = 0; signal < first_signal[w + 1];
             ++signal, ++bit) {
          if (outputs.bit(signal, i)) mpz_setbit(bits.get_mpz_t(), bit);
        }
        if (decision) {
          answers[i].accept = bits != 0;
        } else {
          answers[i].numbers.push_back(words[w].is_boolean ? mpq_class(bits)
                                                           : codec.decode(words[w].value, bits));
        }
      }
    }
  });
  return answers;
}

std::vector<Answer> circuit_answers(const model::Model& model,
                                    const std::vector<model::InputSequence>& sequences,
                                    const ScoreOptions& options, CircuitUsed& used) {
  if (sequences.empty()) return {};
  const ScoringCircuit scoring = scoring_circuit(model, sequences, options);
  used = scoring.used;
  return answers_from_circuit(model, scoring, sequences, options.threads);
}

ScoreReport score(const model::Model& model, const std::vector<io::Instance>& instances,
                  std::string_view source, const ScoreOptions& options) {
  const std::vector<model::InputSequence> sequences =
      model_inputs(model, instances, source, options.threads);
  ScoreReport report;
  report.decision = model.readout == model::ReadoutKind::accept;
  report.instances = instances.size();
  std::vector<Answer> answers;
  if (options.engine != ScoreEngine::circuit) {
    const Clock::time_point start = Clock::now();
    report.observation.emplace();
    answers = interpreter_answers(model, sequences, options.threads, &*report.observation);
    report.evaluation_seconds += seconds_since(start);
  }
  if (options.engine != ScoreEngine::interpreter) {
    CircuitUsed used;
    const Clock::time_point start = Clock::now();
    std::vector<Answer> from_circuit = circuit_answers(model, sequences, options, used);
    report.evaluation_seconds += seconds_since(start) - used.compile_seconds;
    report.circuit = used;
    if (options.engine == ScoreEngine::both) {
      for (std::size_t i = 0; i < answers.size(); ++i) {
        if (answers[i] != from_circuit[i]) {
          throw std::runtime_error(fmt::format(
              "{}:{}: the circuit answers {} where the interpreter answers {} (a bug in rnncc: "
              "please report it with this instance)",
              source, instances[i].line, to_string(from_circuit[i], report.decision),
              to_string(answers[i], report.decision)));
        }
      }
    } else {
      answers = std::move(from_circuit);
    }
  }

  std::map<std::size_t, LengthScore> lengths;
  for (std::size_t i = 0; i < instances.size(); ++i) {
    const io::Instance& instance = instances[i];
    bool right = false;
    if (report.decision) {
      const bool label = instance.label.front() != 0;
      right = answers[i].accept == label;
      (answers[i].accept ? (label ? report.true_positives : report.false_positives)
                         : (label ? report.false_negatives : report.true_negatives))++;
    } else {
      right = answers[i].numbers == instance.label;
    }
    LengthScore& length = lengths[instance.length()];
    length.length = instance.length();
    ++length.instances;
    if (right) {
      ++report.correct;
      ++length.correct;
    } else if (report.failures.size() < options.failures_listed) {
      Answer expected;
      expected.accept = instance.label.front() != 0;
      expected.numbers = instance.label;
      report.failures.push_back({instance.line, instance.length(),
                                 to_string(expected, report.decision),
                                 to_string(answers[i], report.decision)});
    }
  }
  for (const auto& [length, counts] : lengths)
    report.by_length.push_back(counts);
  return report;
}

}  // namespace rnncc::experiment
