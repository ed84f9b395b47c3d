// Scoring constructed models on generated tasks: the paper's constructions
// solve their problems (accuracy 1 by the interpreter and by circuits, and
// both engines agree answer by answer); a deliberately wrong construction
// scores exactly what an independent computation here predicts; counter
// machines and the MLP RNNs built from them agree; the circuit cache is
// used and survives a corrupt file.
#include <doctest/doctest.h>

#include <gmpxx.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>

#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/experiment/circuit_cache.hpp"
#include "rnncc/experiment/construction.hpp"
#include "rnncc/experiment/counter_machine.hpp"
#include "rnncc/experiment/observed_precision.hpp"
#include "rnncc/experiment/score.hpp"
#include "rnncc/experiment/task.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/model/interpreter.hpp"
#include "support/abc.hpp"
#include "support/permutations.hpp"

using namespace rnncc;
using experiment::ScoreEngine;
using rnncc::test::kth_permutation;

namespace {

std::vector<io::Instance> generate(const std::string& task, std::size_t size, std::size_t count,
                                   std::uint64_t seed, bool balanced = true) {
  return experiment::make_task(task)->generate(
      experiment::TaskRequest{size, count, seed, balanced});
}

/// The model `rnncc construct NAME --param ...` writes, read back.
model::Model constructed(const std::string& name, std::map<std::string, std::string> parameters,
                         const std::optional<std::string>& machine_text = std::nullopt) {
  test::TemporaryDirectory directory;
  experiment::ConstructionRequest request;
  request.parameters = std::move(parameters);
  if (machine_text) {
    std::ofstream(directory / "machine.txt") << *machine_text;
    request.input_file = directory / "machine.txt";
  }
  const std::string text = experiment::make_construction(name)->build(request);
  std::ofstream(directory / "model.toml") << text;
  return io::read_model_file(directory / "model.toml");
}

experiment::ScoreReport score_with(const model::Model& model,
                                   const std::vector<io::Instance>& instances, ScoreEngine engine,
                                   unsigned threads = 1) {
  experiment::ScoreOptions options;
  options.engine = engine;
  options.threads = threads;
  return experiment::score(model, instances, "instances.jsonl", options);
}

}  // namespace

TEST_CASE("the S5 construction decides the word problem: accuracy 1 by both engines") {
  for (const std::string family : {"pd", "wfa"}) {
    CAPTURE(family);
    const model::Model model = constructed("s5", {{"family", family}});
    std::vector<io::Instance> instances;
    for (std::size_t length : {1, 2, 7, 16, 64}) {
      const auto some = generate("s5", length, 24, 11 + length);
      instances.insert(instances.end(), some.begin(), some.end());
    }
    const experiment::ScoreReport report = score_with(model, instances, ScoreEngine::both, 2);
    CHECK(report.instances == instances.size());
    CHECK(report.correct == instances.size());
    CHECK(report.by_length.size() == 5);
    CHECK(report.false_negatives == 0);
    CHECK(report.false_positives == 0);
    CHECK(report.true_positives > 0);
    CHECK(report.true_negatives > 0);
    REQUIRE(report.circuit.has_value());
    CHECK(report.circuit->length == 64);
    CHECK(report.circuit->all_outputs);
  }
}

TEST_CASE("the reversed-direction S5 model is right exactly where the reversed product agrees") {
  const model::Model model = constructed("s5", {{"direction", "forward"}});
  const auto instances = generate("s5", 9, 200, 5);
  // Moving the state by p itself composes the word's permutations in the
  // other order: h_T = p_1 ∘ p_2 ∘ … ∘ p_T; it accepts iff that is the
  // identity.
  std::size_t expected_correct = 0;
  for (const io::Instance& instance : instances) {
    std::array<int, 5> state{0, 1, 2, 3, 4};
    for (const std::string& token : instance.tokens) {
      const std::array<int, 5> p = kth_permutation(std::stoi(token.substr(1)));
      std::array<int, 5> next{};
      for (std::size_t j = 0; j < 5; ++j)
        next[j] = state[static_cast<std::size_t>(p[j])];
      state = next;
    }
    const bool accepts = state == std::array<int, 5>{0, 1, 2, 3, 4};
    expected_correct += accepts == (instance.label.front() != 0) ? 1 : 0;
  }
  const auto report = score_with(model, instances, ScoreEngine::both);
  CHECK(report.correct == expected_correct);
  CHECK(report.correct < instances.size());  // the trap is caught
}

TEST_CASE("the S5 model needs at most 6 signed bits at every length") {
  // State values are 0..4 and the readout Σ (j − 2)·h_j − 9 lies in
  // [−19, 1]; with the products (j − 2)·h_j in [−8, 8] and partial sums
  // within [−19, 10], no value needs more than 6 bits (sign and 5 of
  // magnitude for 19), and the state itself 4.
  const model::Model model = constructed("s5", {{"family", "wfa"}});
  for (std::size_t length : {1, 3, 8, 32, 100}) {
    const model::ValueObservation observed = experiment::observe_random_runs(model, length, 8, 3);
    CAPTURE(length);
    CHECK(observed.widest_bits >= 4);
    CHECK(observed.widest_bits <= 6);
    CHECK(observed.wraps == 0);
  }
}

TEST_CASE("a wrap is observed at the step where the hand-computed sum leaves the format") {
  // mod:4 holds −8..7. The diagonal recurrence h' = h + 3 on every symbol
  // gives 3, 6, 9: the third step wraps (9 − 16 = −7).
  test::TemporaryDirectory directory;
  std::ofstream(directory / "m.toml") << "family = \"diagonal\"\nformat = \"mod:4\"\n"
                                         "state = 1\n[input]\nalphabet = \"x\"\n"
                                         "[weights]\na = [[1]]\nb = [[3]]\ninitial = [0]\n";
  const model::Model model = io::read_model_file(directory / "m.toml");
  model::InputSequence inputs;
  inputs.tokens.assign(5, 0);
  model::ValueObservation observation;
  const auto outputs = model::run_reference(model, inputs, &observation);
  REQUIRE(outputs.size() == 5);
  CHECK(observation.wraps >= 1);
  REQUIRE(observation.first_wrap_step.has_value());
  CHECK(*observation.first_wrap_step == 3);
  CHECK(observation.saturations == 0);
}

TEST_CASE("the dense iterated-matrix-product RNN computes P[0][0] and its sign exactly") {
  for (const std::string readout : {"value", "sign"}) {
    CAPTURE(readout);
    const model::Model model = constructed("imm-dense", {{"readout", readout}});
    const std::string task = readout == "value" ? "imm" : "imm-sign";
    std::vector<io::Instance> instances;
    for (std::size_t size : {1, 4, 12, 32}) {
      const auto some = generate(task, size, 16, 100 + size);
      instances.insert(instances.end(), some.begin(), some.end());
    }
    const auto report = score_with(model, instances, ScoreEngine::interpreter, 2);
    CHECK(report.correct == instances.size());
  }
  const model::Model model = constructed("imm-dense", {{"readout", "value"}});
  const auto report = score_with(model, generate("imm", 8, 64, 4), ScoreEngine::both);
  CHECK(report.correct == 64);
}

TEST_CASE("the Lemma 2 counter machine agrees with connectivity's reachability labels") {
  const auto machine = experiment::constructions::parse_counter_machine(
      experiment::constructions::connectivity_machine_text(), "lemma 2");
  for (std::size_t nodes : {2, 5, 12, 40}) {
    for (const io::Instance& instance : generate("connectivity", nodes, 30, nodes)) {
      std::vector<std::size_t> symbols;
      for (const std::string& token : instance.tokens) {
        const auto found = std::find(machine.alphabet.begin(), machine.alphabet.end(), token);
        REQUIRE(found != machine.alphabet.end());
        symbols.push_back(static_cast<std::size_t>(found - machine.alphabet.begin()));
      }
      CHECK(machine.accepts(symbols) == (instance.label.front() != 0));
    }
  }
}

TEST_CASE("the MLP RNN built from a counter machine accepts exactly what the machine accepts") {
  // a^n b^n with n ≥ 1, and every word over {a, b} up to length 9.
  const std::string text =
      "counters C\n"
      "alphabet a b\n"
      "start A\n"
      "accept B zero C\n"
      "A a -> A C+\n"
      "A b C!=0 -> B C-\n"
      "B b C!=0 -> B C-\n";
  const auto machine = experiment::constructions::parse_counter_machine(text, "anbn");
  const model::Model model = constructed("counter-machine", {}, text);
  std::vector<io::Instance> words;
  std::size_t accepted = 0;
  for (std::size_t length = 1; length <= 9; ++length) {
    for (std::size_t bits = 0; bits < (std::size_t{1} << length); ++bits) {
      io::Instance instance;
      std::vector<std::size_t> symbols;
      for (std::size_t k = 0; k < length; ++k) {
        symbols.push_back((bits >> k) & 1);
        instance.tokens.push_back(symbols.back() == 0 ? "a" : "b");
      }
      // a^n b^n, checked by counting, not by the machine.
      const std::size_t as =
          static_cast<std::size_t>(std::find(symbols.begin(), symbols.end(), 1) - symbols.begin());
      const bool in_language =
          2 * as == length && std::all_of(symbols.begin() + static_cast<long>(as), symbols.end(),
                                          [](std::size_t s) { return s == 1; });
      CHECK(machine.accepts(symbols) == in_language);
      instance.label = {in_language ? 1 : 0};
      accepted += in_language ? 1 : 0;
      words.push_back(instance);
    }
  }
  CHECK(accepted == 4);
  const auto report = score_with(model, words, ScoreEngine::both, 2);
  CHECK(report.correct == words.size());
}

TEST_CASE("a counter machine that is not deterministic is refused with its line") {
  const std::string text =
      "counters C\nalphabet a\nstart A\naccept A zero C\nA a -> A C+\nA a C!=0 -> A C-\n";
  try {
    experiment::constructions::parse_counter_machine(text, "two.txt");
    FAIL("accepted a machine with two moves from A on a");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()).find("two.txt:6") != std::string::npos);
  }
}

TEST_CASE("the connectivity MLP RNN decides small graphs, by both engines") {
  const model::Model model = constructed("connectivity", {});
  std::vector<io::Instance> instances;
  for (std::size_t nodes : {2, 4, 7}) {
    const auto some = generate("connectivity", nodes, 12, 7 * nodes);
    instances.insert(instances.end(), some.begin(), some.end());
  }
  const auto report = score_with(model, instances, ScoreEngine::both, 2);
  CHECK(report.correct == instances.size());
  CHECK(report.true_positives > 0);
  CHECK(report.true_negatives > 0);
  const auto larger =
      score_with(model, generate("connectivity", 40, 6, 1), ScoreEngine::interpreter);
  CHECK(larger.correct == 6);
}

TEST_CASE("the circuit cache is read back, and a corrupt entry is compiled again") {
  test::TemporaryDirectory directory;
  const model::Model model = constructed("s5", {});
  compile::CompileOptions options;
  options.length = 8;
  const auto first = experiment::compile_with_cache(model, options, directory.path());
  CHECK_FALSE(first.from_cache);
  const auto second = experiment::compile_with_cache(model, options, directory.path());
  CHECK(second.from_cache);
  CHECK(second.lowered.aig.and_count() == first.lowered.aig.and_count());
  // Same answers from the cached circuit.
  const auto instances = generate("s5", 8, 64, 9);
  experiment::ScoreOptions score_options;
  score_options.engine = ScoreEngine::circuit;
  score_options.cache_directory = directory.path();
  const auto report = experiment::score(model, instances, "i.jsonl", score_options);
  CHECK(report.correct == 64);
  REQUIRE(report.circuit.has_value());
  std::size_t entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(directory.path())) {
    ++entries;
    std::ofstream(entry.path(), std::ios::trunc) << "aig 1 2 3\ngarbage";
  }
  CHECK(entries >= 1);
  const auto third = experiment::compile_with_cache(model, options, directory.path());
  CHECK_FALSE(third.from_cache);
  CHECK(third.lowered.aig.and_count() == first.lowered.aig.and_count());
  CHECK(experiment::compile_with_cache(model, options, directory.path()).from_cache);
}

TEST_CASE("the circuit cache keeps binary and residue lowerings of one model apart") {
  test::TemporaryDirectory directory;
  const model::Model model =
      io::read_model_file(std::string(RNNCC_SOURCE_DIR) + "/circuits/models/diagonal.toml",
                          arith::parse_format("exact"));
  compile::CompileOptions options;
  options.length = 4;
  const auto binary = experiment::compile_with_cache(model, options, directory.path());
  options.exact_lowering = arith::ExactLowering::residue;
  const auto residues = experiment::compile_with_cache(model, options, directory.path());
  CHECK_FALSE(residues.from_cache);
  // The residue circuit converts every input word to k residues: larger.
  CHECK(residues.lowered.aig.and_count() > binary.lowered.aig.and_count());
  const auto again = experiment::compile_with_cache(model, options, directory.path());
  CHECK(again.from_cache);
  CHECK(again.lowered.aig.and_count() == residues.lowered.aig.and_count());
}
