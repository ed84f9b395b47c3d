// Multi-stack machines and the MLP RNN of the paper's Thm 1 built from
// them: the machine's simulator against hand-derived runs and an
// independent definition of its language; the MLP against the simulator
// after every step of random words; the shipped cvp machine against the
// task's labels (accuracy 1 by both engines); the precision growing by a
// fixed number of bits per push; the paper's base-2 encoding answering a
// cvp instance wrongly where the machine and the base-4 encoding are right.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <string>

#include "rnncc/common/error.hpp"
#include "rnncc/common/file_text.hpp"
#include "rnncc/experiment/construction.hpp"
#include "rnncc/experiment/score.hpp"
#include "rnncc/experiment/stack_machine.hpp"
#include "rnncc/experiment/task.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/model/interpreter.hpp"
#include "support/abc.hpp"

using namespace rnncc;
using experiment::ScoreEngine;
using experiment::constructions::parse_stack_machine;
using experiment::constructions::StackMachine;

namespace {

/// w c reverse(w) c over {a, b}: one stack.
constexpr std::string_view palindrome_machine =
    "# w c reverse(w) c\n"
    "stacks s\n"
    "alphabet a b c\n"
    "start push\n"
    "accept done\n"
    "push a -> push s+0\n"
    "push b -> push s+1   # pushes\n"
    "push c -> pop\n"
    "pop a s=0 -> pop s-\n"
    "pop b s=1 -> pop s-\n"
    "pop c s=empty -> done\n";

/// A machine that rarely gets stuck: every symbol moves on whatever the
/// tops are, with every kind of test and operation on two stacks.
constexpr std::string_view wandering_machine =
    "stacks a b\n"
    "alphabet p q r\n"
    "start X\n"
    "accept X\n"
    "X p -> X a+0 b+1\n"
    "X q a=0 -> Y a-\n"
    "X q a=1 -> X a- b+0\n"
    "X q a=empty -> Y b+1\n"
    "X r b=0 -> X b- a+1\n"
    "X r b=1 a=1 -> Y b- a-\n"
    "X r b=1 a=0 -> X b- a+0\n"
    "X r b=1 a=empty -> Y b-\n"
    "X r b=empty -> X a+1\n"
    "Y p a=empty -> X b+0\n"
    "Y p a=0 -> Y a+1\n"
    "Y p a=1 -> X a- b+0\n"
    "Y q b=empty a=empty -> X\n"
    "Y q b=empty a=1 -> Y a-\n"
    "Y q b=empty a=0 -> X a+1\n"
    "Y q b=0 -> Y b- a+0\n"
    "Y q b=1 -> X b+1 a+0\n"
    "Y r -> Y b+0\n";

std::vector<io::Instance> generate(const std::string& task, std::size_t size, std::size_t count,
                                   std::uint64_t seed) {
  return experiment::make_task(task)->generate(experiment::TaskRequest{size, count, seed, true});
}

/// The model `rnncc construct stack-machine FILE --param ...` writes, read back.
model::Model constructed(std::string_view machine_text,
                         std::map<std::string, std::string> parameters = {}) {
  test::TemporaryDirectory directory;
  experiment::ConstructionRequest request;
  request.parameters = std::move(parameters);
  std::ofstream(directory / "machine.stack") << machine_text;
  request.input_file = directory / "machine.stack";
  const std::string text = experiment::make_construction("stack-machine")->build(request);
  std::ofstream(directory / "model.toml") << text;
  return io::read_model_file(directory / "model.toml");
}

std::string cvp_machine_text() {
  return read_file_text(std::filesystem::path(RNNCC_SOURCE_DIR) / "circuits/machines/cvp.stack",
                        1 << 20, "the cvp machine");
}

std::vector<std::size_t> symbols_of(const StackMachine& machine,
                                    const std::vector<std::string>& tokens) {
  std::vector<std::size_t> symbols;
  for (const std::string& token : tokens) {
    const auto found = std::find(machine.alphabet.begin(), machine.alphabet.end(), token);
    REQUIRE(found != machine.alphabet.end());
    symbols.push_back(static_cast<std::size_t>(found - machine.alphabet.begin()));
  }
  return symbols;
}

experiment::ScoreReport score_with(const model::Model& model,
                                   const std::vector<io::Instance>& instances, ScoreEngine engine) {
  experiment::ScoreOptions options;
  options.engine = engine;
  options.threads = 2;
  return experiment::score(model, instances, "instances.jsonl", options);
}

}  // namespace

TEST_CASE("the stack machine simulator follows hand-derived runs") {
  const StackMachine machine = parse_stack_machine(palindrome_machine, "palindrome");
  REQUIRE(machine.states == std::vector<std::string>{"push", "done", "pop"});
  // a b: two pushes, 0 then 1, the stack bottom first.
  StackMachine::Run run = machine.run({0, 1});
  CHECK(run.final_state == 0u);
  CHECK(run.stacks == std::vector<std::vector<bool>>{{false, true}});
  CHECK(run.deepest == 2);
  // a b c b a c: popped back to empty, then accepted.
  run = machine.run({0, 1, 2, 1, 0, 2});
  CHECK(run.final_state == 1u);
  CHECK(run.stacks == std::vector<std::vector<bool>>{{}});
  CHECK(machine.accepts({0, 1, 2, 1, 0, 2}));
  // a b c a: the top is 1 (b), `a` needs 0: no move.
  run = machine.run({0, 1, 2, 0});
  CHECK_FALSE(run.final_state);
  CHECK_FALSE(machine.accepts({0, 1, 2, 0, 1, 2}));
  CHECK_FALSE(machine.accepts({0, 2}));  // a c: not back to empty
}

TEST_CASE("the palindrome MLP RNN accepts exactly w c reverse(w) c, every word up to length 7") {
  const StackMachine machine = parse_stack_machine(palindrome_machine, "palindrome");
  const model::Model model = constructed(palindrome_machine);
  std::vector<io::Instance> words;
  std::size_t accepted = 0;
  for (std::size_t length = 1; length <= 7; ++length) {
    std::size_t count = 1;
    for (std::size_t i = 0; i < length; ++i)
      count *= 3;
    for (std::size_t code = 0; code < count; ++code) {
      std::string word;
      for (std::size_t i = 0, rest = code; i < length; ++i, rest /= 3)
        word += "abc"[rest % 3];
      // In the language, checked on the text, not by a machine.
      const std::size_t half = (length - 2) / 2;
      std::string first = word.substr(0, half);
      std::string reversed(first.rbegin(), first.rend());
      const bool in_language = length % 2 == 0 && first.find('c') == std::string::npos &&
                               word == first + "c" + reversed + "c";
      io::Instance instance;
      for (char c : word)
        instance.tokens.emplace_back(1, c);
      CHECK(machine.accepts(symbols_of(machine, instance.tokens)) == in_language);
      instance.label = {in_language ? 1 : 0};
      accepted += in_language ? 1 : 0;
      words.push_back(instance);
    }
  }
  CHECK(accepted == 1 + 2 + 4);  // |w| = 0, 1, 2
  const auto report = score_with(model, words, ScoreEngine::interpreter);
  CHECK(report.correct == words.size());
}

TEST_CASE("the MLP RNN of a two-stack machine agrees with the machine after every step") {
  const StackMachine machine = parse_stack_machine(wandering_machine, "wandering");
  for (const char* encoding : {"base4"}) {
    const model::Model model = constructed(wandering_machine, {{"encoding", encoding}});
    std::mt19937_64 random(11);
    std::size_t accepted = 0, stuck = 0, deepest = 0;
    for (int trial = 0; trial < 60; ++trial) {
      model::InputSequence inputs;
      const std::size_t length = 1 + random() % 40;
      for (std::size_t i = 0; i < length; ++i)
        inputs.tokens.push_back(random() % 3);
      const auto outputs = model::run_reference(model, inputs);
      REQUIRE(outputs.size() == length);
      for (std::size_t t = 1; t <= length; ++t) {
        const std::vector<std::size_t> prefix(inputs.tokens.begin(),
                                              inputs.tokens.begin() + static_cast<long>(t));
        CAPTURE(trial);
        CAPTURE(t);
        const bool expected = machine.accepts(prefix);
        CHECK(outputs[t - 1].accept == expected);
        accepted += expected ? 1 : 0;
      }
      const auto run = machine.run(inputs.tokens);
      stuck += run.final_state ? 0 : 1;
      deepest = std::max(deepest, run.deepest);
    }
    // The runs exercise acceptance both ways and deep stacks.
    CHECK(accepted > 100);
    CHECK(stuck < 60);
    CHECK(deepest >= 8);
  }
}

TEST_CASE("the shipped cvp machine decides the task's labels") {
  const StackMachine machine = parse_stack_machine(cvp_machine_text(), "cvp.stack");
  for (std::size_t gates : {3, 4, 8, 30, 100}) {
    for (const io::Instance& instance : generate("cvp", gates, 40, gates)) {
      CHECK(machine.accepts(symbols_of(machine, instance.tokens)) == (instance.label.front() != 0));
    }
  }
}

TEST_CASE("the cvp MLP RNN scores accuracy 1: interpreter at 3 to 40 gates, circuits at 3") {
  const model::Model model = constructed(cvp_machine_text());
  for (std::size_t gates : {3, 10, 40}) {
    CAPTURE(gates);
    const auto report =
        score_with(model, generate("cvp", gates, 20, 5 + gates), ScoreEngine::interpreter);
    CHECK(report.correct == report.instances);
    CHECK(report.true_positives > 0);
    CHECK(report.true_negatives > 0);
  }
  // Circuits: words of 3 gates are at most 9 symbols; exact widths grow
  // two bits per step, so longer words make circuits of many millions of
  // ANDs.
  const std::vector<io::Instance> small = generate("cvp", 3, 16, 9);
  const auto report = score_with(model, small, ScoreEngine::both);
  CHECK(report.correct == small.size());
}

TEST_CASE("observed precision grows by four bits per push") {
  // One stack; `u` pushes a 1. After k pushes the base-4 stack is
  // 1 − 4^−k = (4^k − 1)/4^k: a numerator of 2k + 1 signed bits over a
  // denominator of 2k + 1 bits, 4k + 2 bits, and no value of the run is
  // wider than a fixed number of bits more.
  constexpr std::string_view pusher = "stacks s\nalphabet u\nstart Q\naccept Q\nQ u -> Q s+1\n";
  const model::Model model = constructed(pusher);
  std::map<std::size_t, std::size_t> widest;
  for (std::size_t pushes : {4, 8, 16, 32, 64}) {
    io::Instance instance;
    instance.tokens.assign(pushes, "u");
    instance.label = {1};
    const auto report = score_with(model, {instance}, ScoreEngine::interpreter);
    REQUIRE(report.observation);
    widest[pushes] = report.observation->widest_bits;
    CHECK(widest[pushes] >= 4 * pushes + 2);
    CHECK(widest[pushes] <= 4 * pushes + 8);
  }
  // Exactly linear: doubling the pushes from k adds 4k bits.
  CHECK(widest[8] - widest[4] == 16);
  CHECK(widest[64] - widest[32] == 128);
}

TEST_CASE("the base-2 encoding misreads a cvp instance the machine and base 4 answer right") {
  // Gates 1, 1, 0, then OR(gate 1, gate 2) = 1: the word 1 1 0 x | . | +.
  // After 1 1 0 the base-2 stack a is 0 + (1 + (1 + 1/2)/2)/2 = 7/8, within
  // the ramp's width 1/3 below 1: "top is 0" reads 1 − (3·7/8 − 2) = 3/8.
  io::Instance instance;
  for (const char* symbol : {"1", "1", "0", "x", "|", ".", "|", "+"})
    instance.tokens.emplace_back(symbol);
  instance.label = {1};
  const StackMachine machine = parse_stack_machine(cvp_machine_text(), "cvp.stack");
  CHECK(machine.accepts(symbols_of(machine, instance.tokens)));
  const auto base4 = score_with(constructed(cvp_machine_text()), {instance}, ScoreEngine::both);
  CHECK(base4.correct == 1);
  const auto base2 = score_with(constructed(cvp_machine_text(), {{"encoding", "base2"}}),
                                {instance}, ScoreEngine::interpreter);
  CHECK(base2.correct == 0);
}

TEST_CASE("malformed stack machines are refused with file:line and what was expected") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"stacks a\nalphabet x\nstart Q\naccept Q\nQ x a=2 -> Q\n", "m.stack:5: expected a top test"},
      {"stacks a\nalphabet x\nstart Q\naccept Q\nQ x -> Q a-\n", "m.stack:5: 'a-' pops"},
      {"stacks a\nalphabet x\nstart Q\naccept Q\nQ x -> Q b+0\n", "m.stack:5: unknown stack 'b'"},
      {"stacks a\nalphabet x\nstart Q\naccept Q\nQ y -> Q\n", "m.stack:5: symbol 'y'"},
      {"stacks a\nalphabet x\nstart Q\naccept Q\nQ x -> Q a+0 a+1\n",
       "m.stack:5: stack 'a' has two"},
      {"stacks a\nalphabet x\nstart Q\naccept Q\nQ x a=0 -> Q\n# two\nQ x -> Q\n",
       "m.stack:7: this move and the one on line 5"},
      {"alphabet x\nQ x -> Q\n", "m.stack:2: expected 'stacks"},
      {"stacks a\nalphabet x\nQ x -> Q\n", "m.stack: a machine needs"},
      {"stacks a=b\n", "m.stack:1: a stack name"},
  };
  for (const auto& [text, expected] : cases) {
    CAPTURE(text);
    try {
      parse_stack_machine(text, "m.stack");
      FAIL("accepted a malformed machine");
    } catch (const InputError& error) {
      const std::string message = error.what();
      CHECK(message.find(expected) != std::string::npos);
      CHECK(message.find('\n') == std::string::npos);
    }
  }
}
