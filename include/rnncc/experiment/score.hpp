// Scoring a model on problem instances: its final readout against each
// label, by the reference interpreter or by compiled circuits evaluated
// bit-parallel (64 instances per word), or both checked against each other.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/compile/compiler.hpp"
#include "rnncc/experiment/circuit_cache.hpp"
#include "rnncc/io/instance_file.hpp"
#include "rnncc/model/domain.hpp"
#include "rnncc/model/input_sequence.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::experiment {

/// Who computes the model's answers.
enum class ScoreEngine {
  interpreter,  ///< the reference interpreter, instance by instance
  circuit,      ///< compiled circuits, 64 instances per word
  both,         ///< both, and every answer must agree
};

/// "interpreter", "circuit" or "both".
std::string_view name_of(ScoreEngine engine);
/// Parses those names; throws InputError naming them otherwise.
ScoreEngine parse_score_engine(std::string_view text);

struct ScoreOptions {
  ScoreEngine engine = ScoreEngine::interpreter;
  /// Schedule, architectures and reassociation of the circuits (the length
  /// and outputs are chosen per instance file).
  compile::CompileOptions compile;
  unsigned threads = 1;
  /// Where compiled circuits are kept between runs; none: not kept.
  std::optional<std::filesystem::path> cache_directory;
  /// How many failing instances the report lists.
  std::size_t failures_listed = 5;
};

/// What a model answers after the last step of an instance.
struct Answer {
  bool accept = false;             ///< an accepting model's verdict
  std::vector<mpq_class> numbers;  ///< otherwise its readout
  bool operator==(const Answer&) const = default;
};

/// The answer as text: "1"/"0" for a verdict, the numbers otherwise.
std::string to_string(const Answer& answer, bool decision);

/// An instance the model got wrong.
struct ScoreFailure {
  std::size_t line = 0;  ///< in the instance file
  std::size_t length = 0;
  std::string expected, answered;
};

/// Instances and correct answers of one length.
struct LengthScore {
  std::size_t length = 0;
  std::size_t instances = 0;
  std::size_t correct = 0;
};

/// How the circuit engine got its circuit.
struct CircuitUsed {
  std::size_t length = 0;    ///< T of the one circuit
  bool all_outputs = false;  ///< outputs after every step (instances of several lengths)
  bool from_cache = false;
  std::uint64_t ands = 0;
  std::uint32_t depth = 0;
  double compile_seconds = 0;
};

struct ScoreReport {
  bool decision = false;  ///< the model accepts or rejects; labels are 0/1
  std::size_t instances = 0;
  std::size_t correct = 0;
  std::vector<LengthScore> by_length;  ///< increasing length
  /// Decision models: predicted × label counts.
  std::size_t true_positives = 0, false_positives = 0, true_negatives = 0, false_negatives = 0;
  std::vector<ScoreFailure> failures;  ///< the first options.failures_listed
  /// Interpreter runs: the widest value and the overflows over all instances.
  std::optional<model::ValueObservation> observation;
  std::optional<CircuitUsed> circuit;
  double evaluation_seconds = 0;  ///< computing the answers (compiling excluded)

  double accuracy() const {
    return instances == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(instances);
  }
};

/// The model's input sequences for `instances`. Throws InputError naming
/// `source` and the instance's line: a symbol outside the alphabet, vector
/// inputs for a token model (or the reverse), a vector of the wrong
/// dimension or with a value the format cannot hold, a label that is not
/// 0/1 for an accepting model, or not one number per readout value (the
/// first such instance in file order, on `threads` threads too).
std::vector<model::InputSequence> model_inputs(const model::Model& model,
                                               const std::vector<io::Instance>& instances,
                                               std::string_view source, unsigned threads = 1);

/// Scores `model` on `instances` (read from `source`, for messages) with
/// the engine of `options`. With ScoreEngine::both a disagreement between
/// interpreter and circuit throws std::runtime_error naming the line: it
/// is a bug in rnncc, not a wrong model.
ScoreReport score(const model::Model& model, const std::vector<io::Instance>& instances,
                  std::string_view source, const ScoreOptions& options);

/// The answers of the reference interpreter, one per sequence (on
/// `threads` threads), recording values and overflows into `observation`.
std::vector<Answer> interpreter_answers(const model::Model& model,
                                        const std::vector<model::InputSequence>& sequences,
                                        unsigned threads, model::ValueObservation* observation);

/// The circuit the circuit engine uses for `sequences` (not empty): one
/// circuit of the longest length, with outputs after every step when the
/// lengths differ; compiled, or read from options.cache_directory.
struct ScoringCircuit {
  CachedCircuit circuit;
  CircuitUsed used;
};
ScoringCircuit scoring_circuit(const model::Model& model,
                               const std::vector<model::InputSequence>& sequences,
                               const ScoreOptions& options);

/// The answers `scoring` gives for `sequences` (those it was built for):
/// shorter sequences are padded and read the outputs after their own last
/// step; evaluated 64 sequences per word on `threads` threads.
std::vector<Answer> answers_from_circuit(const model::Model& model, const ScoringCircuit& scoring,
                                         const std::vector<model::InputSequence>& sequences,
                                         unsigned threads);

/// The answers of compiled circuits: one circuit of the longest length,
/// with outputs after every step when the lengths differ (each instance
/// reads the outputs after its own last step), evaluated 64 sequences per
/// word on `threads` threads. Records what circuit it used in `used`.
std::vector<Answer> circuit_answers(const model::Model& model,
                                    const std::vector<model::InputSequence>& sequences,
                                    const ScoreOptions& options, CircuitUsed& used);

}  // namespace rnncc::experiment
