#include "rnncc/experiment/counter_machine.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "construction_support.hpp"
#include "finite_control.hpp"
#include "machine_text.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/file_text.hpp"
#include "rnncc/model/families/mlp_rnn.hpp"

namespace rnncc::experiment::constructions {

namespace {

constexpr std::string_view lemma2_machine =
    R"(# The counter machine of the paper's Lemma 2 for sorted deterministic graph
# connectivity, reading `rnncc task connectivity` words:
#   s^s  (i^i > j^j ,)*  t^t
# S holds the node reached so far; each i-block subtracts the edge's source
# i from S and counts it in I. At '>' S = 0 iff the node reached is i: then
# the j-block adds j (the edge is followed; I returns to 0 on the way);
# otherwise it adds i back (while I is not 0). The t-block subtracts t:
# accept iff S = 0, i.e. the node reached is t. With t a sink (the task
# guarantees it) this is reachability; with any other t it is not (the
# paper's Lemma 2 as stated).
counters S I
alphabet s i > j , t
start begin
accept target zero S
begin s -> begin S+
begin i -> source S- I+
begin t -> target S-
source i -> source S- I+
source > S=0 -> follow
source > S!=0 -> skip
follow j I!=0 -> follow S+ I-
follow j I=0 -> follow S+
follow , -> between
skip j I!=0 -> skip S+ I-
skip j I=0 -> skip
skip , -> between
between i -> source S- I+
between t -> target S-
target t -> target S-
)";

}  // namespace

std::string_view connectivity_machine_text() {
  return lemma2_machine;
}

const CounterMachine::Transition* CounterMachine::transition(std::size_t state, std::size_t symbol,
                                                             const std::vector<bool>& zero) const {
  for (const Transition& candidate : transitions) {
    if (candidate.state != state || candidate.symbol != symbol) continue;
    bool applies = true;
    for (std::size_t j = 0; j < counters.size(); ++j) {
      if (candidate.test[j] == 0 && !zero[j]) applies = false;
      if (candidate.test[j] == 1 && zero[j]) applies = false;
    }
    if (applies) return &candidate;
  }
  return nullptr;
}

bool CounterMachine::accepts(const std::vector<std::size_t>& symbols) const {
  std::size_t state = start;
  std::vector<long> values(counters.size(), 0);
  for (std::size_t symbol : symbols) {
    std::vector<bool> zero;
    for (long value : values)
      zero.push_back(value == 0);
    const Transition* move = transition(state, symbol, zero);
    if (move == nullptr) return false;
    state = move->next;
    for (std::size_t j = 0; j < counters.size(); ++j)
      values[j] += move->update[j];
  }
  if (std::find(accepting_states.begin(), accepting_states.end(), state) ==
      accepting_states.end()) {
    return false;
  }
  for (std::size_t j : zero_at_acceptance)
    if (values[j] != 0) return false;
  return true;
}

CounterMachine parse_counter_machine(std::string_view text, std::string_view source) {
  CounterMachine machine;
  bool have_counters = false, have_alphabet = false, have_start = false, have_accept = false;
  std::vector<std::pair<std::size_t, CounterMachine::Transition>> transitions;  // (line, move)
  auto state_index = [&](const std::string& name) {
    const std::size_t index = index_in(machine.states, name);
    if (index == machine.states.size()) machine.states.push_back(name);
    return index;
  };
  for (const MachineLine& line : machine_lines(text)) {
    const std::size_t line_number = line.number;
    const std::vector<std::string>& words = line.words;
    auto fail = [&](const std::string& message) {
      throw InputError(fmt::format("{}:{}: {}", source, line_number, message));
    };
    const std::string& head = words.front();
    if (head == "counters" || head == "alphabet") {
      std::vector<std::string> names(words.begin() + 1, words.end());
      std::vector<std::string> sorted = names;
      std::sort(sorted.begin(), sorted.end());
      if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
        fail(fmt::format("'{}' lists a name twice", head));
      }
      if (head == "counters") {
        if (have_counters) fail("'counters' given twice");
        machine.counters = names;
        have_counters = true;
      } else {
        if (have_alphabet || names.empty()) fail("'alphabet' needs one or more symbols, once");
        machine.alphabet = names;
        have_alphabet = true;
      }
      continue;
    }
    if (head == "start") {
      if (have_start || words.size() != 2) fail("expected 'start STATE', once");
      machine.start = state_index(words[1]);
      have_start = true;
      continue;
    }
    if (!have_counters || !have_alphabet) {
      fail("expected 'counters ...' and 'alphabet ...' before states and transitions");
    }
    auto counter_of = [&](const std::string& name) {
      const std::size_t index = index_in(machine.counters, name);
      if (index == machine.counters.size()) {
        fail(fmt::format("unknown counter '{}' (the counters are: {})", name,
                         fmt::format("{}", fmt::join(machine.counters, " "))));
      }
      return index;
    };
    if (head == "accept") {
      if (have_accept) fail("'accept' given twice");
      std::size_t i = 1;
      for (; i < words.size() && words[i] != "zero"; ++i)
        machine.accepting_states.push_back(state_index(words[i]));
      if (machine.accepting_states.empty()) fail("expected 'accept STATE... [zero COUNTER...]'");
      for (++i; i < words.size(); ++i)
        machine.zero_at_acceptance.push_back(counter_of(words[i]));
      have_accept = true;
      continue;
    }
    // STATE SYMBOL [TESTS] -> NEXT [UPDATES]
    const auto arrow = std::find(words.begin(), words.end(), "->");
    if (words.size() < 4 || arrow == words.end() || arrow - words.begin() < 2 ||
        arrow + 1 == words.end()) {
      fail("expected a transition 'STATE SYMBOL [C=0|C!=0 ...] -> NEXT [C+|C- ...]'");
    }
    CounterMachine::Transition move;
    move.state = state_index(words[0]);
    move.symbol = index_in(machine.alphabet, words[1]);
    if (move.symbol == machine.alphabet.size()) {
      fail(fmt::format("symbol '{}' is not in the alphabet", words[1]));
    }
    move.test.assign(machine.counters.size(), -1);
    move.update.assign(machine.counters.size(), 0);
    for (auto word = words.begin() + 2; word != arrow; ++word) {
      const std::size_t equals = word->find('=');
      const bool nonzero = equals != std::string::npos && equals > 0 && (*word)[equals - 1] == '!';
      if (equals == std::string::npos || word->substr(equals) != "=0") {
        fail(fmt::format("expected a zero test C=0 or C!=0, found '{}'", *word));
      }
      const std::size_t counter = counter_of(word->substr(0, nonzero ? equals - 1 : equals));
      if (move.test[counter] != -1) fail(fmt::format("counter '{}' tested twice", *word));
      move.test[counter] = nonzero ? 1 : 0;
    }
    move.next = state_index(*(arrow + 1));
    for (auto word = arrow + 2; word != words.end(); ++word) {
      if (word->size() < 2 || (word->back() != '+' && word->back() != '-')) {
        fail(fmt::format("expected an update C+ or C-, found '{}'", *word));
      }
      const std::size_t counter = counter_of(word->substr(0, word->size() - 1));
      if (move.update[counter] != 0) fail(fmt::format("counter '{}' updated twice", *word));
      move.update[counter] = word->back() == '+' ? 1 : -1;
    }
    // Deterministic: two moves from the same state on the same symbol must
    // test some counter in opposite ways.
    for (const auto& [other_line, other] : transitions) {
      if (other.state != move.state || other.symbol != move.symbol) continue;
      bool exclusive = false;
      for (std::size_t j = 0; j < machine.counters.size(); ++j)
        exclusive = exclusive ||
                    (other.test[j] != -1 && move.test[j] != -1 && other.test[j] != move.test[j]);
      if (!exclusive) {
        fail(
            fmt::format("this move and the one on line {} can both apply (a machine must be "
                        "deterministic: test a counter in opposite ways)",
                        other_line));
      }
    }
    transitions.emplace_back(line_number, move);
  }
  if (!have_counters || !have_alphabet || !have_start || !have_accept) {
    throw InputError(
        fmt::format("{}: a machine needs 'counters', 'alphabet', 'start' and 'accept'", source));
  }
  for (auto& [line, move] : transitions)
    machine.transitions.push_back(std::move(move));
  return machine;
}

std::string counter_machine_model(const CounterMachine& machine, std::string_view format,
                                  std::string_view comment) {
  const std::size_t states = machine.states.size();
  const std::size_t symbols = machine.alphabet.size();
  const std::size_t k = machine.counters.size();
  const std::size_t gates = machine.transitions.size();
  const std::size_t d = states + 2 * k;  // [one-hot control; c+; c-]
  const std::size_t first_width = states + symbols + 3 * k;
  const std::size_t second_width = gates + 2 * k;
  auto plus = [&](std::size_t j) { return states + j; };
  auto minus = [&](std::size_t j) { return states + k + j; };

  // Layer 0, reading [h; x]: copies of q, x, c+, c-, then zero(c) =
  // relu(1 - c+ - c-).
  io::TensorText weight0 = zeros({first_width, d + symbols});
  io::TensorText bias0 = zeros({first_width});
  auto set = [](io::TensorText& tensor, std::size_t row, std::size_t column, long value) {
    tensor.values[row * tensor.shape[1] + column] = value;
  };
  const FiniteControlLayers control(states, symbols, d);
  control.copy_control_and_symbol(weight0);
  for (std::size_t j = 0; j < k; ++j) {
    const std::size_t copy_plus = states + symbols + j;
    const std::size_t copy_minus = states + symbols + k + j;
    const std::size_t zero = states + symbols + 2 * k + j;
    set(weight0, copy_plus, plus(j), 1);
    set(weight0, copy_minus, minus(j), 1);
    set(weight0, zero, plus(j), -1);
    set(weight0, zero, minus(j), -1);
    bias0.values[zero] = 1;
  }
  // Layer 1: one gate per move, 1 exactly when its state, symbol and zero
  // tests hold (relu(sum of the literals - (their count - 1))); c+ and c-
  // copied.
  io::TensorText weight1 = zeros({second_width, first_width});
  io::TensorText bias1 = zeros({second_width});
  for (std::size_t m = 0; m < gates; ++m) {
    const CounterMachine::Transition& move = machine.transitions[m];
    MoveCondition condition{move.state, move.symbol, {}};
    for (std::size_t j = 0; j < k; ++j) {
      if (move.test[j] == -1) continue;
      const std::size_t zero = states + symbols + 2 * k + j;
      // zero(c), or 1 - zero(c) for a test "!= 0".
      condition.literals.push_back(move.test[j] == 0 ? LinearForm{{{zero, 1}}, 0}
                                                     : LinearForm{{{zero, -1}}, 1});
    }
    control.write_gate(weight1, bias1, m, condition);
  }
  for (std::size_t j = 0; j < k; ++j) {
    set(weight1, gates + j, states + symbols + j, 1);
    set(weight1, gates + k + j, states + symbols + k + j, 1);
  }
  // Layer 2: the next control state (the gate of the move taken), and each
  // counter c + Δ split again into relu(c + Δ) and relu(-(c + Δ)).
  io::TensorText weight2 = zeros({d, second_width});
  io::TensorText bias2 = zeros({d});
  for (std::size_t m = 0; m < gates; ++m) {
    const CounterMachine::Transition& move = machine.transitions[m];
    control.route_gate(weight2, m, move.next);
    for (std::size_t j = 0; j < k; ++j) {
      set(weight2, plus(j), m, move.update[j]);
      set(weight2, minus(j), m, -move.update[j]);
    }
  }
  for (std::size_t j = 0; j < k; ++j) {
    set(weight2, plus(j), gates + j, 1);
    set(weight2, plus(j), gates + k + j, -1);
    set(weight2, minus(j), gates + j, -1);
    set(weight2, minus(j), gates + k + j, 1);
  }
  io::TensorText initial = zeros({d});
  initial.values[machine.start] = 1;
  io::TensorText readout = zeros({d});
  for (std::size_t q : machine.accepting_states)
    readout.values[q] = 1;
  for (std::size_t j : machine.zero_at_acceptance) {
    readout.values[plus(j)] = -1;
    readout.values[minus(j)] = -1;
  }

  io::ModelFileWriter file;
  file.comment(comment);
  file.comment(
      fmt::format("\nThe paper's Lemma 3: a one-layer MLP RNN simulating the machine. State\n"
                  "(d = {}): the one-hot control state ({}), then c+ and c- of each counter\n"
                  "({}), c = c+ - c- with at most one of them non-zero. Layer 0 computes the\n"
                  "exact zero tests zero(c) = relu(1 - c+ - c-); layer 1 one gate per move\n"
                  "({} moves), 1 iff its state, symbol and tests hold; layer 2 the next\n"
                  "control state and each counter c + delta split into relu(c + delta) and\n"
                  "relu(-c - delta). A missing move leaves the control state all zero: a\n"
                  "dead state that rejects. Accept iff o.h > 0: an accepting state, with\n"
                  "the listed counters at 0. Counters stay O(n): log precision.\n"
                  "Written by `rnncc construct`.",
                  d, fmt::join(machine.states, " "), fmt::join(machine.counters, " "), gates));
  file.text("family", model::MlpRnn::descriptor.name);
  file.text("format", format);
  file.integer("state", static_cast<long>(d));
  file.integers("hidden", {static_cast<long>(first_width), static_cast<long>(second_width)});
  file.table("input");
  file.texts("alphabet", machine.alphabet);
  file.table("readout");
  file.text("kind", "accept");
  file.table("weights");
  file.tensor("mlp.0.weight", weight0);
  file.tensor("mlp.0.bias", bias0);
  file.tensor("mlp.1.weight", weight1);
  file.tensor("mlp.1.bias", bias1);
  file.tensor("mlp.2.weight", weight2);
  file.tensor("mlp.2.bias", bias2);
  file.tensor("initial", initial);
  file.tensor("readout", readout);
  return file.contents();
}

namespace {

class CounterMachineConstruction final : public Construction {
 public:
  std::string name() const override { return "counter-machine"; }
  std::string summary() const override {
    return "any counter machine FILE as a one-layer MLP RNN (Lemma 3)";
  }
  bool reads_file() const override { return true; }
  std::vector<ConstructionParameter> parameters() const override {
    return {{"format", "mod:16", "the number format (it must hold every counter value)"}};
  }
  std::string build(const ConstructionRequest& request) const override {
    const std::string format = parameter_value(*this, request, "format");
    if (!request.input_file) {
      throw InputError("construction counter-machine reads a machine: give its FILE");
    }
    const std::string text = read_file_text(*request.input_file, 1 << 24, "a counter machine");
    const CounterMachine machine = parse_counter_machine(text, request.input_file->string());
    return counter_machine_model(machine, format,
                                 fmt::format("A counter machine ({}) as an MLP RNN.",
                                             request.input_file->filename().string()));
  }
};

class ConnectivityConstruction final : public Construction {
 public:
  std::string name() const override { return "connectivity"; }
  std::string summary() const override {
    return "sorted deterministic graph connectivity (L-complete) as an MLP RNN (Lemma 2, 3)";
  }
  std::vector<ConstructionParameter> parameters() const override {
    return {{"format", "mod:16", "the number format (it must hold the node count)"}};
  }
  std::string build(const ConstructionRequest& request) const override {
    const std::string format = parameter_value(*this, request, "format");
    const CounterMachine machine =
        parse_counter_machine(connectivity_machine_text(), "the Lemma 2 machine");
    std::string comment =
        "Sorted deterministic graph connectivity (L-complete: the paper's Prop 2\n"
        "and Thm 2) as a one-layer MLP RNN, reading `rnncc task connectivity`\n"
        "words. The machine (its text, for `rnncc construct counter-machine`):\n\n";
    comment += connectivity_machine_text();
    return counter_machine_model(machine, format, comment);
  }
};

}  // namespace

std::unique_ptr<Construction> make_counter_machine_construction() {
  return std::make_unique<CounterMachineConstruction>();
}

std::unique_ptr<Construction> make_connectivity_construction() {
  return std::make_unique<ConnectivityConstruction>();
}

}  // namespace rnncc::experiment::constructions
