// The RWKV-7 constructions (`wfa FILE`, `imm`): the networks compute the
// automaton's weight and the iterated product's corner exactly, against
// weights and products computed here with GMP from the automaton and the
// matrices themselves (exhaustively over short words, on random longer
// ones), by the interpreter and by compiled circuits; malformed automata
// are refused with their line; the imm network's values grow linearly.
#include <doctest/doctest.h>

#include <gmpxx.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/common/random.hpp"
#include "rnncc/experiment/construction.hpp"
#include "rnncc/experiment/observed_precision.hpp"
#include "rnncc/experiment/score.hpp"
#include "rnncc/experiment/task.hpp"
#include "rnncc/io/model_file.hpp"
#include "support/abc.hpp"

using namespace rnncc;
using experiment::ScoreEngine;

namespace {

using Matrix = std::vector<std::vector<mpq_class>>;

/// An automaton as the test knows it, and its text for the construction.
struct Automaton {
  std::vector<std::string> symbols;
  std::vector<Matrix> matrices;
  std::vector<mpq_class> initial, final_weights;

  std::string text() const {
    std::string result =
        "# written by the test\nstates " + std::to_string(initial.size()) + "\nalphabet";
    for (const std::string& symbol : symbols)
      result += " " + symbol;
    auto row = [](const std::vector<mpq_class>& values) {
      std::string line;
      for (const mpq_class& value : values) {
        line += ' ';
        line += value.get_str();
      }
      line += '\n';
      return line;
    };
    result += "\ninitial" + row(initial) + "final" + row(final_weights);
    for (std::size_t s = 0; s < symbols.size(); ++s) {
      result += "matrix " + symbols[s] + "   # the matrix of " + symbols[s] + "\n";
      for (const auto& values : matrices[s])
        result += row(values);
    }
    return result;
  }

  /// initialᵀ M_{w_1} ··· M_{w_T} final, row vector times matrices.
  mpq_class weight(const std::vector<std::size_t>& word) const {
    std::vector<mpq_class> row = initial;
    for (std::size_t s : word) {
      std::vector<mpq_class> next(row.size(), mpq_class(0));
      for (std::size_t i = 0; i < row.size(); ++i)
        for (std::size_t j = 0; j < row.size(); ++j)
          next[j] += row[i] * matrices[s][i][j];
      row = next;
    }
    mpq_class total = 0;
    for (std::size_t i = 0; i < row.size(); ++i)
      total += row[i] * final_weights[i];
    return total;
  }
};

Automaton two_state_automaton() {
  // a adds 1, b subtracts 2, c halves: f(w) = Σ over a/b of ±(1/2)^(c's after).
  return {{"a", "b", "c"},
          {{{1, 1}, {0, 1}}, {{1, -2}, {0, 1}}, {{mpq_class(1, 2), 0}, {0, mpq_class(1, 2)}}},
          {1, 0},
          {0, 1}};
}

Automaton three_state_automaton() {
  return {{"x", "y"},
          {{{0, 1, 2}, {-1, mpq_class(1, 2), 0}, {1, 0, 1}},
           {{1, 0, -1}, {2, -1, 0}, {0, 3, mpq_class(1, 5)}}},
          {1, -1, 2},
          {mpq_class(1, 3), 0, -2}};
}

/// The model `rnncc construct NAME [FILE] --param ...` writes, read back.
model::Model constructed(const std::string& name, std::map<std::string, std::string> parameters,
                         const std::optional<std::string>& file_text = std::nullopt) {
  test::TemporaryDirectory directory;
  experiment::ConstructionRequest request;
  request.parameters = std::move(parameters);
  if (file_text) {
    std::ofstream(directory / "automaton.wfa") << *file_text;
    request.input_file = directory / "automaton.wfa";
  }
  const std::string text = experiment::make_construction(name)->build(request);
  std::ofstream(directory / "model.toml") << text;
  return io::read_model_file(directory / "model.toml");
}

io::Instance instance_of(const Automaton& automaton, const std::vector<std::size_t>& word,
                         bool accept) {
  io::Instance instance;
  for (std::size_t s : word)
    instance.tokens.push_back(automaton.symbols[s]);
  const mpq_class weight = automaton.weight(word);
  instance.label = {accept ? mpq_class(weight > 0 ? 1 : 0) : weight};
  return instance;
}

/// Every word of length 1..max_length, then `random_count` random words of
/// each length in `random_lengths`.
std::vector<io::Instance> automaton_instances(const Automaton& automaton, std::size_t max_length,
                                              const std::vector<std::size_t>& random_lengths,
                                              std::size_t random_count, bool accept) {
  std::vector<io::Instance> instances;
  std::vector<std::vector<std::size_t>> words{{}};
  for (std::size_t length = 1; length <= max_length; ++length) {
    std::vector<std::vector<std::size_t>> longer;
    for (const auto& word : words)
      for (std::size_t s = 0; s < automaton.symbols.size(); ++s) {
        longer.push_back(word);
        longer.back().push_back(s);
        instances.push_back(instance_of(automaton, longer.back(), accept));
      }
    words = std::move(longer);
  }
  SplitMix64 random(7);
  for (std::size_t length : random_lengths)
    for (std::size_t i = 0; i < random_count; ++i) {
      std::vector<std::size_t> word;
      for (std::size_t t = 0; t < length; ++t)
        word.push_back(random.below(automaton.symbols.size()));
      instances.push_back(instance_of(automaton, word, accept));
    }
  return instances;
}

experiment::ScoreReport score_with(const model::Model& model,
                                   const std::vector<io::Instance>& instances, ScoreEngine engine) {
  experiment::ScoreOptions options;
  options.engine = engine;
  options.threads = 2;
  return experiment::score(model, instances, "instances.jsonl", options);
}

std::string construct_error(const std::string& name, const std::string& file_text) {
  try {
    constructed(name, {}, file_text);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the RWKV-7 network of a weighted automaton outputs its weight on every short word") {
  for (const Automaton& automaton : {two_state_automaton(), three_state_automaton()}) {
    CAPTURE(automaton.text());
    const model::Model model = constructed("wfa", {}, automaton.text());
    const auto instances = automaton_instances(automaton, 4, {7, 13}, 3, false);
    const experiment::ScoreReport report = score_with(model, instances, ScoreEngine::interpreter);
    CHECK(report.instances == instances.size());
    CHECK(report.correct == instances.size());
  }
}

TEST_CASE("the accepting RWKV-7 automaton network accepts iff the weight is positive") {
  const Automaton automaton = three_state_automaton();
  const model::Model model = constructed("wfa", {{"readout", "accept"}}, automaton.text());
  const auto instances = automaton_instances(automaton, 5, {12}, 4, true);
  const experiment::ScoreReport report = score_with(model, instances, ScoreEngine::interpreter);
  CHECK(report.correct == instances.size());
  CHECK(report.true_positives > 0);
  CHECK(report.true_negatives > 0);
}

TEST_CASE("compiled circuits of the automaton network agree with the automaton") {
  const Automaton automaton = two_state_automaton();
  const model::Model model = constructed("wfa", {}, automaton.text());
  const auto instances = automaton_instances(automaton, 4, {}, 0, false);
  const experiment::ScoreReport report = score_with(model, instances, ScoreEngine::both);
  CHECK(report.correct == instances.size());
  REQUIRE(report.circuit.has_value());
  CHECK(report.circuit->length == 4);
}

TEST_CASE("one changed embedding weight makes the automaton network wrong") {
  const Automaton automaton = two_state_automaton();
  test::TemporaryDirectory directory;
  std::ofstream(directory / "a.wfa") << automaton.text();
  experiment::ConstructionRequest request;
  request.input_file = directory / "a.wfa";
  std::string text = experiment::make_construction("wfa")->build(request);
  const auto instances = automaton_instances(automaton, 3, {9}, 3, false);
  std::ofstream(directory / "right.toml") << text;
  const model::Model right = io::read_model_file(directory / "right.toml");
  CHECK(score_with(right, instances, ScoreEngine::interpreter).correct == instances.size());
  // The one-hot entry of 'a' in the embedding becomes 2: the buffered 'a'
  // then counts twice in the lookup's sums.
  const std::string embedding = "embedding = [[1";
  const std::size_t at = text.find(embedding);
  REQUIRE(at != std::string::npos);
  text[at + embedding.size() - 1] = '2';
  std::ofstream(directory / "wrong.toml") << text;
  const model::Model wrong = io::read_model_file(directory / "wrong.toml");
  CHECK(score_with(wrong, instances, ScoreEngine::interpreter).correct < instances.size());
}

TEST_CASE("malformed automata are refused with the file, the line and what was expected") {
  const std::string header = "states 2\nalphabet a b\ninitial 1 0\nfinal 0 1\n";
  const std::string a = "matrix a\n1 0\n0 1\n";
  const std::string b = "matrix b\n0 1\n1 0\n";
  CHECK(construct_error("wfa", header + a + b).empty());
  const std::vector<std::pair<std::string, std::string>> cases = {
      {header + a + "matrix b\n0 1\n1\n", ":10: expected 2 numbers for row 2 of matrix b, found 1"},
      {header + a + "matrix c\n", ":8: 'c' is not in the alphabet (a b)"},
      {header + a, ":8: expected 'matrix b' (every symbol needs a matrix)"},
      {header + a + "matrix b\n0 x\n", ":9: 'x' is not a number"},
      {"states 0\n", ":1: expected 'states N' with N an integer in [1, 12]"},
      {"alphabet a\ninitial 1\n", ":2: expected 'states N' before the initial vector"},
      {header + "# fine\n\nfinal 1 1\n", ":7: 'final' given twice"},
      {header + a + b + "bogus 1\n", ":11: unknown line 'bogus'"},
      {header + a + "matrix b\n0 1\n", ":10: the file ends inside matrix b: expected 2 rows"},
  };
  for (const auto& [text, expected] : cases) {
    CAPTURE(text);
    const std::string message = construct_error("wfa", text);
    CHECK(message.find("automaton.wfa" + expected) != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
  }
}

TEST_CASE("the imm-symbols tasks spell the imm tasks' matrices and keep their labels") {
  for (const auto& [symbols, vectors] : std::vector<std::pair<std::string, std::string>>{
           {"imm-symbols", "imm"}, {"imm-sign-symbols", "imm-sign"}}) {
    const auto spelled = experiment::make_task(symbols)->generate({5, 20, 9, true});
    const auto plain = experiment::make_task(vectors)->generate({5, 20, 9, true});
    REQUIRE(spelled.size() == plain.size());
    for (std::size_t i = 0; i < spelled.size(); ++i) {
      REQUIRE(spelled[i].tokens.size() == 45);
      for (std::size_t t = 0; t < 45; ++t) {
        const mpq_class& entry = plain[i].vectors[t / 9][t % 9];
        CHECK(spelled[i].tokens[t] == (entry < 0 ? "-" : entry > 0 ? "+" : "0"));
      }
      CHECK(spelled[i].label == plain[i].label);
    }
  }
}

namespace {

/// P[0][0] of the product of the matrices a word of -0+ spells, by GMP.
mpz_class corner_of(const std::vector<std::string>& tokens) {
  std::array<mpz_class, 9> product{1, 0, 0, 0, 1, 0, 0, 0, 1};
  for (std::size_t start = 0; start + 9 <= tokens.size(); start += 9) {
    std::array<mpz_class, 9> next{};
    for (std::size_t i = 0; i < 3; ++i)
      for (std::size_t j = 0; j < 3; ++j)
        for (std::size_t k = 0; k < 3; ++k) {
          const std::string& symbol = tokens[start + 3 * k + j];
          const int entry = symbol == "+" ? 1 : symbol == "-" ? -1 : 0;
          next[3 * i + j] += product[3 * i + k] * entry;
        }
    product = next;
  }
  return product[0];
}

}  // namespace

TEST_CASE("the RWKV-7 imm network computes P[0][0] and its sign exactly up to n = 32") {
  for (const std::string readout : {"sign", "value"}) {
    CAPTURE(readout);
    const model::Model model = constructed("imm", {{"readout", readout}});
    const std::string task = readout == "value" ? "imm-symbols" : "imm-sign-symbols";
    std::vector<io::Instance> instances;
    for (std::size_t size : {1, 2, 3, 5, 32}) {
      const auto some =
          experiment::make_task(task)->generate({size, size == 32 ? 2U : 6U, 40 + size, true});
      instances.insert(instances.end(), some.begin(), some.end());
    }
    for (const io::Instance& instance : instances) {
      const mpz_class corner = corner_of(instance.tokens);
      CHECK(instance.label.front() ==
            (readout == "value" ? mpq_class(corner) : mpq_class(corner > 0 ? 1 : 0)));
    }
    const experiment::ScoreReport report = score_with(model, instances, ScoreEngine::interpreter);
    CHECK(report.correct == instances.size());
  }
}

TEST_CASE("compiled circuits of the imm network agree with the products") {
  const model::Model model = constructed("imm", {{"readout", "value"}});
  const auto instances = experiment::make_task("imm-symbols")->generate({2, 8, 5, true});
  const experiment::ScoreReport report = score_with(model, instances, ScoreEngine::both);
  CHECK(report.correct == instances.size());
}

TEST_CASE("the imm network's widest value grows linearly in the number of matrices") {
  // Each doubling of n adds more bits than the one before (a logarithmic
  // growth adds a constant number), and no value exceeds what the
  // products allow: entries of a product of n matrices over {-1, 0, 1} are
  // at most 3^(n-1) in magnitude, under 1.6 n bits, plus the router's few.
  const model::Model model = constructed("imm", {{"readout", "value"}});
  std::vector<std::size_t> bits;
  for (std::size_t matrices : {16, 32, 64}) {
    const auto observed = experiment::observe_random_runs(model, 9 * matrices, 2, 3);
    CAPTURE(matrices);
    CAPTURE(observed.widest_bits);
    bits.push_back(observed.widest_bits);
    CHECK(observed.widest_bits <= 8 * matrices / 5 + 12);
  }
  CHECK(bits[2] - bits[1] > bits[1] - bits[0]);
  CHECK(bits[1] > bits[0]);
}
