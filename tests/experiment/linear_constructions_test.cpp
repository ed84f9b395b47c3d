// The linear constructions `parity`, `transvection` and `dwfa` against
// independent references written here: parity by counting, the paper's
// Lemma 10 by exact matrix products, automata by their own simulation
// over GMP rationals; by the interpreter and by compiled circuits.
#include <doctest/doctest.h>

#include <fmt/format.h>
#include <gmpxx.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/common/random.hpp"
#include "rnncc/experiment/construction.hpp"
#include "rnncc/experiment/observed_precision.hpp"
#include "rnncc/experiment/score.hpp"
#include "rnncc/experiment/task.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/model/interpreter.hpp"
#include "support/abc.hpp"

using namespace rnncc;
using experiment::ScoreEngine;

namespace {

using Matrix = std::vector<std::vector<mpq_class>>;

std::vector<io::Instance> generate(const std::string& task, std::size_t size, std::size_t count,
                                   std::uint64_t seed) {
  return experiment::make_task(task)->generate(experiment::TaskRequest{size, count, seed, true});
}

/// The text `rnncc construct NAME --param ...` writes (FILE holding
/// `input_text` when given).
std::string construction_text(const std::string& name,
                              std::map<std::string, std::string> parameters,
                              const std::optional<std::string>& input_text = std::nullopt,
                              const std::string& input_name = "automaton.dwfa") {
  test::TemporaryDirectory directory;
  experiment::ConstructionRequest request;
  request.parameters = std::move(parameters);
  if (input_text) {
    std::ofstream(directory / input_name) << *input_text;
    request.input_file = directory / input_name;
  }
  return experiment::make_construction(name)->build(request);
}

model::Model model_of(const std::string& text) {
  test::TemporaryDirectory directory;
  std::ofstream(directory / "model.toml") << text;
  return io::read_model_file(directory / "model.toml");
}

model::Model constructed(const std::string& name, std::map<std::string, std::string> parameters,
                         const std::optional<std::string>& input_text = std::nullopt) {
  return model_of(construction_text(name, std::move(parameters), input_text));
}

experiment::ScoreReport score_with(const model::Model& model,
                                   const std::vector<io::Instance>& instances, ScoreEngine engine) {
  experiment::ScoreOptions options;
  options.engine = engine;
  options.threads = 2;
  return experiment::score(model, instances, "instances.jsonl", options);
}

/// The outputs after every step, by the interpreter.
std::vector<model::StepOutput> run(const model::Model& model,
                                   const std::vector<std::size_t>& word) {
  model::InputSequence inputs;
  inputs.tokens = word;
  return model::run_reference(model, inputs);
}

Matrix identity(std::size_t n) {
  Matrix result(n, std::vector<mpq_class>(n, mpq_class(0)));
  for (std::size_t i = 0; i < n; ++i)
    result[i][i] = 1;
  return result;
}

Matrix product(const Matrix& left, const Matrix& right) {
  const std::size_t n = left.size();
  Matrix result(n, std::vector<mpq_class>(n, mpq_class(0)));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < n; ++k)
      for (std::size_t j = 0; j < n; ++j)
        result[i][j] += left[i][k] * right[k][j];
  return result;
}

/// H(β, k) = I − β k kᵀ.
Matrix householder(const mpq_class& beta, const std::vector<mpq_class>& k) {
  Matrix result = identity(k.size());
  for (std::size_t i = 0; i < k.size(); ++i)
    for (std::size_t j = 0; j < k.size(); ++j)
      result[i][j] -= beta * k[i] * k[j];
  return result;
}

/// I + e_row e_columnᵀ.
Matrix unit_transvection(std::size_t n, std::size_t row, std::size_t column) {
  Matrix result = identity(n);
  result[row][column] += 1;
  return result;
}

std::vector<mpq_class> flattened(const Matrix& matrix) {
  std::vector<mpq_class> values;
  for (const auto& row : matrix)
    values.insert(values.end(), row.begin(), row.end());
  return values;
}

/// Lemma 10's three factors for source s and destination d, in the
/// paper's order.
std::vector<Matrix> lemma10_factors(std::size_t n, std::size_t s, std::size_t d) {
  std::vector<mpq_class> u(n, 0), source(n, 0), w(n, 0);
  u[s] = 1;
  u[d] = 1;
  source[s] = 1;
  w[s] = 1;
  w[d] = 2;
  return {householder(2, u), householder(mpq_class(1, 2), source), householder(mpq_class(1, 3), w)};
}

}  // namespace

TEST_CASE("parity: both families decide the parity task exactly and in rings, by both engines") {
  const std::vector<std::map<std::string, std::string>> variants{
      {{"format", "exact"}},
      {{"format", "mod:4"}},
      {{"family", "deltanet"}, {"format", "exact"}},
      {{"family", "deltanet"}, {"format", "mod:8"}},
      {{"family", "deltanet"}, {"key", "oblique"}, {"format", "exact"}},
      {{"family", "deltanet"}, {"key", "oblique"}, {"format", "modp:7"}},
  };
  for (const auto& parameters : variants) {
    {
      CAPTURE(parameters.at("format"));
      CAPTURE(parameters.count("family"));
      CAPTURE(parameters.count("key"));
      const model::Model model = constructed("parity", parameters);
      std::vector<io::Instance> instances;
      for (std::size_t length : {1, 2, 3, 17, 64, 256}) {
        const auto some = generate("parity", length, 8, 40 + length);
        instances.insert(instances.end(), some.begin(), some.end());
      }
      // The labels, recounted here.
      for (const io::Instance& instance : instances) {
        std::size_t ones = 0;
        for (const std::string& token : instance.tokens)
          ones += token == "1" ? 1 : 0;
        REQUIRE(instance.label.front() == (ones % 2));
      }
      const auto report = score_with(model, instances, ScoreEngine::both);
      CHECK(report.correct == instances.size());
      CHECK(report.true_positives > 0);
      CHECK(report.true_negatives > 0);
      REQUIRE(report.circuit.has_value());
      CHECK(report.circuit->length == 256);
    }
  }
  // 3/5 is no member of mod:8: the oblique key is refused there.
  CHECK_THROWS_AS(
      constructed("parity", {{"family", "deltanet"}, {"key", "oblique"}, {"format", "mod:8"}}),
      InputError);
}

TEST_CASE("parity: the state stays as wide at length 512 as at length 4") {
  for (const std::string key : {"axis", "oblique"}) {
    CAPTURE(key);
    const model::Model model = constructed("parity", {{"family", "deltanet"}, {"key", key}});
    const std::size_t short_runs = experiment::observe_random_runs(model, 4, 16, 1).widest_bits;
    const std::size_t long_runs = experiment::observe_random_runs(model, 512, 16, 2).widest_bits;
    CHECK(short_runs > 0);
    CHECK(long_runs == short_runs);
  }
  // The diagonal state is the parity bit, checked step by step.
  const model::Model model = constructed("parity", {});
  CHECK(experiment::observe_random_runs(model, 512, 16, 2).widest_bits ==
        experiment::observe_random_runs(model, 4, 16, 1).widest_bits);
  const std::vector<std::size_t> word{1, 0, 1, 1, 0, 0, 1, 1, 1};
  const auto outputs = run(model, word);
  std::size_t ones = 0;
  for (std::size_t t = 0; t < word.size(); ++t) {
    ones += word[t];
    CHECK(outputs[t].accept == (ones % 2 == 1));
  }
}

TEST_CASE("parity: the DeltaNet with beta = 1 instead of 2 no longer flips parity") {
  std::string text = construction_text("parity", {{"family", "deltanet"}});
  const std::string beta = "beta = [0, 2]";
  REQUIRE(text.find(beta) != std::string::npos);
  text.replace(text.find(beta), beta.size(), "beta = [0, 1]");
  // β = 1 projects out k: S' = (I − kkᵀ)S + k, so kᵀS' = 1 after every '1'
  // whatever came before; the model accepts iff some 1 was read.
  const auto instances = generate("parity", 9, 200, 3);
  std::size_t expected_correct = 0;
  for (const io::Instance& instance : instances) {
    bool some_one = false;
    for (const std::string& token : instance.tokens)
      some_one = some_one || token == "1";
    expected_correct += some_one == (instance.label.front() != 0) ? 1 : 0;
  }
  const auto report = score_with(model_of(text), instances, ScoreEngine::interpreter);
  CHECK(report.correct == expected_correct);
  CHECK(report.correct < instances.size());
}

TEST_CASE("Lemma 10 holds as printed: H(2, u) H(1/2, e_s) H(1/3, w) = I + e_s e_d^T") {
  // The 2 × 2 restriction, entry by entry as the paper prints it.
  const std::vector<Matrix> two = lemma10_factors(2, 0, 1);
  CHECK(two[0] == Matrix{{-1, -2}, {-2, -1}});
  CHECK(two[1] == Matrix{{mpq_class(1, 2), 0}, {0, 1}});
  CHECK(two[2] ==
        Matrix{{mpq_class(2, 3), mpq_class(-2, 3)}, {mpq_class(-2, 3), mpq_class(-1, 3)}});
  CHECK(product(product(two[0], two[1]), two[2]) == Matrix{{1, 1}, {0, 1}});
  // In higher dimensions and every placement of s and d.
  for (std::size_t n : {2, 3, 5}) {
    for (std::size_t s = 0; s < n; ++s) {
      for (std::size_t d = 0; d < n; ++d) {
        if (s == d) continue;
        const std::vector<Matrix> h = lemma10_factors(n, s, d);
        CHECK(product(product(h[0], h[1]), h[2]) == unit_transvection(n, s, d));
        // The factors are symmetric, so the reversed product is the
        // transpose, I + e_d e_s^T; the other four orders are no
        // transvection at all.
        CHECK(product(product(h[2], h[1]), h[0]) == unit_transvection(n, d, s));
        for (const std::array<int, 3>& order :
             std::vector<std::array<int, 3>>{{0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}}) {
          const Matrix other = product(
              product(h[static_cast<std::size_t>(order[0])], h[static_cast<std::size_t>(order[1])]),
              h[static_cast<std::size_t>(order[2])]);
          CHECK(other != unit_transvection(n, s, d));
          CHECK(other != unit_transvection(n, d, s));
        }
      }
    }
  }
}

TEST_CASE("transvection: the model's composed step map is the unit transvection") {
  for (const std::array<std::size_t, 3>& placement : std::vector<std::array<std::size_t, 3>>{
           {2, 0, 1}, {2, 1, 0}, {3, 0, 1}, {4, 3, 1}, {6, 2, 5}}) {
    const std::size_t n = placement[0], s = placement[1], d = placement[2];
    CAPTURE(n);
    CAPTURE(s);
    CAPTURE(d);
    const model::Model model = constructed("transvection", {{"dimension", std::to_string(n)},
                                                            {"source", std::to_string(s)},
                                                            {"destination", std::to_string(d)}});
    // From S_0 = I the state is the composed map of the steps read.
    const auto abc = run(model, {0, 1, 2});
    REQUIRE(abc.size() == 3);
    CHECK(abc.back().numbers == flattened(unit_transvection(n, d, s)));
    const auto cba = run(model, {2, 1, 0});
    CHECK(cba.back().numbers == flattened(unit_transvection(n, s, d)));
    // Applied to a state: reading "abc" k times adds k times row s to row d.
    const auto repeated = run(model, {0, 1, 2, 0, 1, 2, 0, 1, 2});
    Matrix three = identity(n);
    three[d][s] = 3;
    CHECK(repeated.back().numbers == flattened(three));
    // Random words over {a, b, c}: rnncc's DeltaNet multiplies on the left,
    // S_t = H_t S_{t-1}; the factors here are the test's own.
    const std::vector<Matrix> h = lemma10_factors(n, s, d);
    SplitMix64 random(n * 100 + s * 10 + d);
    std::vector<io::Instance> instances;
    for (std::size_t count = 0; count < 12; ++count) {
      std::vector<std::size_t> word(1 + random.below(9));
      Matrix expected = identity(n);
      io::Instance instance;
      for (std::size_t& symbol : word) {
        symbol = random.below(3);
        expected = product(h[symbol], expected);
        instance.tokens.push_back(std::string(1, static_cast<char>('a' + symbol)));
      }
      CHECK(run(model, word).back().numbers == flattened(expected));
      instance.label = flattened(expected);
      instance.label_is_list = true;
      instances.push_back(instance);
    }
    const auto report = score_with(model, instances, ScoreEngine::both);
    CHECK(report.correct == instances.size());
  }
}

TEST_CASE("transvection refuses s = d, an index out of range, and a format without 1/2") {
  for (const auto& parameters :
       std::vector<std::map<std::string, std::string>>{{{"source", "1"}, {"destination", "1"}},
                                                       {{"dimension", "3"}, {"destination", "3"}},
                                                       {{"dimension", "1"}},
                                                       {{"dimension", "two"}}}) {
    CHECK_THROWS_AS(construction_text("transvection", parameters), InputError);
  }
  CHECK_THROWS_AS(constructed("transvection", {{"format", "mod:8"}}), InputError);
  // modp:7 holds 1/2 = 4 and 1/3 = 5.
  const model::Model ring = constructed("transvection", {{"format", "modp:7"}});
  CHECK(run(ring, {0, 1, 2}).back().numbers == flattened(unit_transvection(3, 1, 0)));
}

namespace {

/// A deterministic weighted automaton held by the test: next[symbol][state]
/// (nullopt: no move) and weight[symbol][state].
struct TestAutomaton {
  std::size_t states = 0, symbols = 0, start = 0;
  mpq_class start_weight = 1;
  std::vector<mpq_class> final_weights;
  std::vector<std::vector<std::optional<std::size_t>>> next;
  std::vector<std::vector<mpq_class>> weight;

  /// f(w), by following the moves.
  mpq_class value(const std::vector<std::size_t>& word) const {
    std::size_t state = start;
    mpq_class carried = start_weight;
    for (std::size_t symbol : word) {
      if (!next[symbol][state]) return 0;
      carried *= weight[symbol][state];
      state = *next[symbol][state];
    }
    return carried * final_weights[state];
  }

  std::string text() const {
    std::string result = "# written by the test\nstates";
    for (std::size_t q = 0; q < states; ++q)
      result += fmt::format(" q{}", q);
    result += "\nalphabet";
    for (std::size_t s = 0; s < symbols; ++s)
      result += fmt::format(" s{}", s);
    result += fmt::format("\ninitial q{} {}\n", start, start_weight.get_str());
    for (std::size_t q = 0; q < states; ++q)
      if (final_weights[q] != 0)
        result += fmt::format("final q{} {}\n", q, final_weights[q].get_str());
    for (std::size_t s = 0; s < symbols; ++s)
      for (std::size_t q = 0; q < states; ++q)
        if (next[s][q])
          result += fmt::format("q{} s{} -> q{} {}  # a move\n", q, s, *next[s][q],
                                weight[s][q].get_str());
    return result;
  }
};

/// A random automaton whose every symbol moves injectively (a permutation
/// with some moves left out or of weight 0) or, with `merging`, any map.
TestAutomaton random_automaton(SplitMix64& random, bool merging) {
  const std::vector<mpq_class> weights{-2, -1, mpq_class(-1, 2), 0, mpq_class(1, 3), 1, 1, 2, 3};
  TestAutomaton automaton;
  automaton.states = 1 + random.below(5);
  automaton.symbols = 1 + random.below(3);
  automaton.start = random.below(automaton.states);
  automaton.start_weight = weights[random.below(weights.size())];
  for (std::size_t q = 0; q < automaton.states; ++q)
    automaton.final_weights.push_back(weights[random.below(weights.size())]);
  for (std::size_t s = 0; s < automaton.symbols; ++s) {
    std::vector<std::size_t> targets(automaton.states);
    for (std::size_t q = 0; q < automaton.states; ++q)
      targets[q] = q;
    for (std::size_t q = automaton.states; q > 1; --q)
      std::swap(targets[q - 1], targets[random.below(q)]);
    std::vector<std::optional<std::size_t>> next;
    std::vector<mpq_class> weight;
    for (std::size_t q = 0; q < automaton.states; ++q) {
      const bool missing = random.below(6) == 0;
      next.push_back(missing ? std::nullopt
                             : std::optional<std::size_t>(merging ? random.below(automaton.states)
                                                                  : targets[q]));
      weight.push_back(weights[random.below(weights.size())]);
    }
    automaton.next.push_back(next);
    automaton.weight.push_back(weight);
  }
  return automaton;
}

std::vector<std::size_t> random_word(SplitMix64& random, std::size_t symbols, std::size_t length) {
  std::vector<std::size_t> word(length);
  for (std::size_t& symbol : word)
    symbol = random.below(symbols);
  return word;
}

io::Instance instance_of(const std::vector<std::size_t>& word, const mpq_class& label) {
  io::Instance instance;
  for (std::size_t symbol : word)
    instance.tokens.push_back(fmt::format("s{}", symbol));
  instance.label = {label};
  return instance;
}

std::string shipped_automaton() {
  std::ifstream file(std::string(RNNCC_SOURCE_DIR) + "/circuits/automata/mod3_signed.dwfa");
  return std::string(std::istreambuf_iterator<char>(file), {});
}

}  // namespace

TEST_CASE("dwfa: random automata, run as PD and as WFA models, equal their own simulation") {
  SplitMix64 random(2026);
  for (std::size_t trial = 0; trial < 40; ++trial) {
    CAPTURE(trial);
    const TestAutomaton automaton = random_automaton(random, false);
    CAPTURE(automaton.text());
    for (const std::string family : {"pd", "wfa"}) {
      CAPTURE(family);
      const model::Model values =
          constructed("dwfa", {{"family", family}, {"readout", "value"}}, automaton.text());
      const model::Model accepts = constructed("dwfa", {{"family", family}}, automaton.text());
      std::vector<io::Instance> instances;
      for (std::size_t count = 0; count < 6; ++count) {
        const std::vector<std::size_t> word =
            random_word(random, automaton.symbols, 1 + random.below(12));
        const auto outputs = run(values, word);
        const auto decisions = run(accepts, word);
        for (std::size_t t = 1; t <= word.size(); ++t) {
          const std::vector<std::size_t> prefix(word.begin(), word.begin() + static_cast<long>(t));
          const mpq_class expected = automaton.value(prefix);
          CHECK(outputs[t - 1].numbers == std::vector<mpq_class>{expected});
          CHECK(decisions[t - 1].accept == (expected > 0));
        }
        instances.push_back(instance_of(word, automaton.value(word) > 0 ? 1 : 0));
      }
      if (trial % 8 == 0) {
        const auto report = score_with(accepts, instances, ScoreEngine::both);
        CHECK(report.correct == instances.size());
      }
    }
  }
}

TEST_CASE("dwfa: a symbol merging two states is refused as PD, naming the line; WFA runs it") {
  const std::string text =
      "states p q r\nalphabet x y\ninitial p 2\nfinal r 1\n"
      "p x -> r 3\n"
      "q x -> q\n"
      "r x -> r -1   # merges p and r into r\n"
      "p y -> q\n";
  try {
    construction_text("dwfa", {}, text, "merge.dwfa");
    FAIL("a merging automaton was built as PD");
  } catch (const InputError& error) {
    const std::string message = error.what();
    CHECK(message.find("merge.dwfa:7:") != std::string::npos);
    CHECK(message.find("'p' and 'r' both move to 'r'") != std::string::npos);
  }
  const model::Model model = constructed("dwfa", {{"family", "wfa"}, {"readout", "value"}}, text);
  // x x y: p -x-> r (2·3 = 6) -x-> r (−6) -y-> dead (0).
  const auto outputs = run(model, {0, 0, 1});
  CHECK(outputs[0].numbers == std::vector<mpq_class>{6});
  CHECK(outputs[1].numbers == std::vector<mpq_class>{-6});
  CHECK(outputs[2].numbers == std::vector<mpq_class>{0});
  // The same automaton with the merging move of weight 0 is a PD model.
  std::string zero = text;
  zero.replace(zero.find("r x -> r -1"), 11, "r x -> r 0 ");
  const model::Model pd = constructed("dwfa", {{"readout", "value"}}, zero);
  CHECK(run(pd, {0, 0}).back().numbers == std::vector<mpq_class>{0});
  CHECK(run(pd, {0}).back().numbers == std::vector<mpq_class>{6});
}

TEST_CASE("dwfa: malformed automata are refused with the file and line") {
  const std::string head = "states a b\nalphabet x\ninitial a\n";
  const std::vector<std::pair<std::string, std::string>> cases{
      {head + "a x -> b\na x -> a\n", "bad.dwfa:5:"},          // two moves
      {head + "a z -> b\n", "bad.dwfa:4:"},                    // unknown symbol
      {head + "a x -> c\n", "bad.dwfa:4:"},                    // unknown state
      {head + "a x -> b two\n", "bad.dwfa:4:"},                // bad weight
      {head + "final a 1\nfinal a 2\n", "bad.dwfa:5:"},        // final twice
      {head + "a x b\n", "bad.dwfa:4:"},                       // no arrow
      {"alphabet x\ninitial a\n", "bad.dwfa:2:"},              // no states yet
      {"states a\nalphabet x\nfinal a 1\n", "bad.dwfa: an"},   // no initial
      {"states a a\nalphabet x\ninitial a\n", "bad.dwfa:1:"},  // a state twice
  };
  for (const auto& [text, where] : cases) {
    CAPTURE(text);
    try {
      construction_text("dwfa", {}, text, "bad.dwfa");
      FAIL("accepted a malformed automaton");
    } catch (const InputError& error) {
      const std::string message = error.what();
      CHECK(message.find(where) != std::string::npos);
      CHECK(message.find('\n') == std::string::npos);
    }
  }
}

TEST_CASE("dwfa: the shipped mod-3 signed counter accepts iff 3 | #a and #b is even") {
  const std::string text = shipped_automaton();
  REQUIRE_FALSE(text.empty());
  const model::Model values = constructed("dwfa", {{"readout", "value"}}, text);
  const model::Model accepts = constructed("dwfa", {}, text);
  std::vector<io::Instance> instances;
  auto reference = [](const std::vector<std::size_t>& word) {
    std::size_t as = 0, bs = 0;
    for (std::size_t symbol : word)
      (symbol == 0 ? as : bs) += 1;
    return as % 3 != 0 ? mpq_class(0) : mpq_class(bs % 2 == 0 ? 1 : -1);
  };
  for (std::size_t length = 1; length <= 8; ++length) {
    for (std::size_t bits = 0; bits < (std::size_t{1} << length); ++bits) {
      std::vector<std::size_t> word;
      io::Instance instance;
      for (std::size_t k = 0; k < length; ++k) {
        word.push_back((bits >> k) & 1);
        instance.tokens.push_back(word.back() == 0 ? "a" : "b");
      }
      CHECK(run(values, word).back().numbers == std::vector<mpq_class>{reference(word)});
      instance.label = {reference(word) > 0 ? 1 : 0};
      instances.push_back(instance);
    }
  }
  SplitMix64 random(9);
  for (std::size_t length : {64, 256, 300}) {
    for (std::size_t count = 0; count < 8; ++count) {
      const std::vector<std::size_t> word = random_word(random, 2, length);
      io::Instance instance;
      for (std::size_t symbol : word)
        instance.tokens.push_back(symbol == 0 ? "a" : "b");
      instance.label = {reference(word) > 0 ? 1 : 0};
      instances.push_back(instance);
    }
  }
  const auto report = score_with(accepts, instances, ScoreEngine::both);
  CHECK(report.correct == instances.size());
  CHECK(report.true_positives > 0);
  CHECK(report.true_negatives > 0);
  // Values stay within {−1, 0, 1}: as wide at 512 steps as at 4.
  CHECK(experiment::observe_random_runs(values, 512, 8, 1).widest_bits ==
        experiment::observe_random_runs(values, 4, 8, 1).widest_bits);
}
