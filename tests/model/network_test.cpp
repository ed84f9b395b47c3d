// Networks (docs/paper.md, "Definitions rnncc follows"): the interpreter against a hand-written
// exact evaluation of the paper's equations, and how bad network files are
// refused.
#include <doctest/doctest.h>

#include "rnncc/model/registry.hpp"

#include <string>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/model/interpreter.hpp"
#include "support/model_check.hpp"

namespace {

using namespace rnncc;
using Vector = std::vector<mpq_class>;

// Width 2, tokens a and b. Sublayer 0: a diagonal head (output q_tᵀ S_{t-1})
// and a DeltaNet head with key 2, value 1 (output q_tᵀ S_t); sublayer 1: a
// feed-forward network with 2 hidden units. Linear readout of 1 row.
const char* const network_text = R"(
family = "network"
format = "exact"
width = 2
[input]
alphabet = "ab"
[readout]
kind = "linear"
[weights]
embedding = [[1, 2], [-1, 1]]
readout = [[1, 2]]
[[sublayer]]
kind = "heads"
weights.output = [[1, 0], [1, -1]]
  [[sublayer.head]]
  family = "diagonal"
  state = 2
  [sublayer.head.weights]
  a.weight = [[1, 0], [0, -1]]
  a.bias = [0, 1]
  b.weight = [[0, 1], [1, 1]]
  b.bias = [1, 0]
  query.weight = [[1, 1], [0, 1]]
  initial = [1, -1]
  [[sublayer.head]]
  family = "deltanet"
  key = 2
  value = 1
  query = "current"
  [sublayer.head.weights]
  k.weight = [[1, 0], [0, 1]]
  v.weight = [[1, -1]]
  beta.weight = [0, 0]
  beta.bias = "1/2"
  query.weight = [[1, 0], [1, 1]]
[[sublayer]]
kind = "feedforward"
hidden = 2
[sublayer.weights]
up.weight = [[1, 1], [1, -1]]
up.bias = [0, -1]
down.weight = [[1, 0], [0, 2]]
down.bias = [0, 1]
)";

model::Model read_text(const std::string& text) {
  return test::read_model_text(text, "network.toml");
}

/// The network above evaluated directly from the paper's equations.
std::vector<mpq_class> hand_evaluation(const std::vector<std::size_t>& tokens) {
  Vector diagonal_state{1, -1};
  Vector delta_state{0, 0};  // S is 2 × 1
  std::vector<mpq_class> outputs;
  for (std::size_t token : tokens) {
    Vector x = token == 0 ? Vector{1, 2} : Vector{-1, 1};
    // Diagonal head: a = (x0, 1 - x1), b = (x1 + 1, x0 + x1), q = (x0 + x1, x1).
    const Vector previous = diagonal_state;
    diagonal_state = {x[0] * previous[0] + x[1] + 1, (1 - x[1]) * previous[1] + x[0] + x[1]};
    const mpq_class y_diagonal = (x[0] + x[1]) * previous[0] + x[1] * previous[1];
    // DeltaNet head: k = x, v = x0 - x1, β = 1/2; S ← (I − β k kᵀ) S + β k v.
    const mpq_class beta(1, 2);
    const mpq_class k_dot_s = x[0] * delta_state[0] + x[1] * delta_state[1];
    const mpq_class v = x[0] - x[1];
    delta_state = {delta_state[0] - beta * x[0] * k_dot_s + beta * x[0] * v,
                   delta_state[1] - beta * x[1] * k_dot_s + beta * x[1] * v};
    const mpq_class y_delta = x[0] * delta_state[0] + (x[0] + x[1]) * delta_state[1];
    // x += O · (y_diagonal, y_delta), O = [[1, 0], [1, -1]].
    x = {x[0] + y_diagonal, x[1] + y_diagonal - y_delta};
    // Feed-forward: x += W relu(U x + u) + w.
    auto relu = [](const mpq_class& value) { return value > 0 ? value : mpq_class(0); };
    const mpq_class hidden0 = relu(x[0] + x[1]);
    const mpq_class hidden1 = relu(x[0] - x[1] - 1);
    x = {x[0] + hidden0, x[1] + 2 * hidden1 + 1};
    outputs.push_back(x[0] + 2 * x[1]);
  }
  return outputs;
}

std::string error_of(const std::string& text) {
  try {
    read_text(text);
  } catch (const InputError& error) {
    const std::string message = error.what();
    CHECK(message.find('\n') == std::string::npos);
    CHECK(message.find("network.toml") != std::string::npos);
    return message;
  }
  return "(accepted)";
}

const std::string header =
    "family = \"network\"\nwidth = 2\nformat = \"mod:8\"\n[input]\nalphabet = \"ab\"\n"
    "[random]\nseed = 1\ndenominator = 1\n";

}  // namespace

TEST_CASE("a network's interpreter equals the paper's equations evaluated by hand") {
  const model::Model network = read_text(network_text);
  REQUIRE(model::is_network(*network.family));
  REQUIRE(network.parameters_as<model::Network::Parameters>().sublayers.size() == 2);
  CHECK(network.state_value_count() == 2 + 2 + 2);  // diagonal, deltanet, top x
  for (std::size_t length = 1; length <= 6; ++length) {
    for (std::size_t code = 0; code < (std::size_t{1} << length); ++code) {
      model::InputSequence inputs;
      for (std::size_t t = 0; t < length; ++t)
        inputs.tokens.push_back((code >> t) & 1);
      const std::vector<model::StepOutput> steps = model::run_reference(network, inputs);
      const std::vector<mpq_class> expected = hand_evaluation(inputs.tokens);
      REQUIRE(steps.size() == length);
      for (std::size_t t = 0; t < length; ++t) {
        CAPTURE(code);
        CAPTURE(t);
        REQUIRE(steps[t].numbers.size() == 1);
        CHECK(steps[t].numbers[0] == expected[t]);
      }
    }
  }
}

TEST_CASE("tensors of a head may be named in full at the top, and draws differ per head") {
  // The same diagonal head's weights, once under the head and once by full name.
  std::string text = network_text;
  const std::string local = "  a.weight = [[1, 0], [0, -1]]\n";
  text.replace(text.find(local), local.size(), "");
  text.replace(text.find("readout = [[1, 2]]"), 18,
               "readout = [[1, 2]]\n\"sublayer.0.head.0.a.weight\" = [[1, 0], [0, -1]]");
  const model::Model network = read_text(text);
  model::InputSequence inputs{{0, 1, 1, 0}, {}};
  const std::vector<mpq_class> expected = hand_evaluation(inputs.tokens);
  CHECK(model::run_reference(network, inputs).back().numbers[0] == expected.back());

  const model::Model drawn = read_text(header +
                                       "[[sublayer]]\nkind = \"heads\"\n"
                                       "[[sublayer.head]]\nfamily = \"diagonal\"\nstate = 2\n"
                                       "[[sublayer.head]]\nfamily = \"diagonal\"\nstate = 2\n");
  const auto& heads = drawn.parameters_as<model::Network::Parameters>().sublayers[0].heads;
  CHECK(heads[0].feature("a").weight != heads[1].feature("a").weight);
}

TEST_CASE("bad network files give one line naming the file and the problem") {
  const std::string heads = "[[sublayer]]\nkind = \"heads\"\n";
  const std::string diagonal = "[[sublayer.head]]\nfamily = \"diagonal\"\nstate = 2\n";
  CHECK(error_of(header).find("at least one [[sublayer]]") != std::string::npos);
  CHECK(error_of(header + "[[sublayer]]\nkind = \"attention\"\n")
            .find("unknown sublayer kind 'attention'") != std::string::npos);
  CHECK(error_of(header + "[[sublayer]]\nhidden = 2\n").find("needs kind") != std::string::npos);
  CHECK(error_of(header + heads).find("at least one [[sublayer.head]]") != std::string::npos);
  CHECK(error_of(header + heads + "[[sublayer.head]]\nfamily = \"pd\"\nstate = 2\n")
            .find("cannot be of family pd") != std::string::npos);
  CHECK(
      error_of(header + heads + "[[sublayer.head]]\nfamily = \"network\"\n").find("do not nest") !=
      std::string::npos);
  CHECK(error_of(header + heads + diagonal + "format = \"mod:4\"\n")
            .find("unknown key 'format' in head sublayer.0.head.0.") != std::string::npos);
  CHECK(error_of(header + heads +
                 "[[sublayer.head]]\nfamily = \"elman\"\nactivation = \"relu\"\nstate = 2\n"
                 "query = \"current\"\n")
            .find("'query' applies to linear heads") != std::string::npos);
  CHECK(error_of(header + heads + diagonal + "[weights]\n\"sublayer.0.head.3.a.weight\" = 1\n")
            .find("weight 'sublayer.0.head.3.a.weight' is not a parameter") != std::string::npos);
  CHECK(error_of(header + heads + diagonal + "[sublayer.weights]\noutput = [[1, 0]]\n")
            .find("'sublayer.0.output' has shape [1, 2], expected [2, 1]") != std::string::npos);
  CHECK(error_of(header + heads + diagonal + "[sublayer.head.weights]\nb.weight = [[1, 2]]\n")
            .find("'sublayer.0.head.0.b.weight' has shape [1, 2], expected [2, 2]") !=
        std::string::npos);
  CHECK(error_of(header + heads + diagonal + "[sublayer.head.weights]\na.bias = [300, 0]\n")
            .find("'sublayer.0.head.0.a.bias' element 0 = 300 does not fit in mod:8") !=
        std::string::npos);
  CHECK(error_of(header + heads + diagonal + "state = 3\n").find("network.toml:14:") !=
        std::string::npos);
  CHECK(error_of("family = \"diagonal\"\nstate = 2\nwidth = 3\n[input]\nalphabet = \"ab\"\n")
            .find("unknown key 'width'") != std::string::npos);
}
