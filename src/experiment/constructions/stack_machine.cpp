#include "rnncc/experiment/stack_machine.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <utility>

#include "machine_text.hpp"
#include "rnncc/common/error.hpp"

namespace rnncc::experiment::constructions {

namespace {

bool plain_name(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

const StackMachine::Transition* StackMachine::transition(std::size_t state, std::size_t symbol,
                                                         const std::vector<Top>& tops) const {
  for (const Transition& candidate : transitions) {
    if (candidate.state != state || candidate.symbol != symbol) continue;
    bool applies = true;
    for (std::size_t j = 0; j < stacks.size(); ++j)
      applies = applies && (!candidate.test[j] || *candidate.test[j] == tops[j]);
    if (applies) return &candidate;
  }
  return nullptr;
}

StackMachine::Run StackMachine::run(const std::vector<std::size_t>& symbols) const {
  Run result;
  result.stacks.assign(stacks.size(), {});
  std::size_t state = start;
  for (std::size_t symbol : symbols) {
    std::vector<Top> tops;
    for (const std::vector<bool>& stack : result.stacks)
      tops.push_back(stack.empty() ? Top::empty : stack.back() ? Top::one : Top::zero);
    const Transition* move = transition(state, symbol, tops);
    if (move == nullptr) return result;
    state = move->next;
    for (std::size_t j = 0; j < stacks.size(); ++j) {
      std::vector<bool>& stack = result.stacks[j];
      switch (move->operation[j]) {
        case Operation::keep:
          break;
        case Operation::push_zero:
          stack.push_back(false);
          break;
        case Operation::push_one:
          stack.push_back(true);
          break;
        case Operation::pop:
          stack.pop_back();  // the move tested the top: the stack is not empty
          break;
      }
      result.deepest = std::max(result.deepest, stack.size());
    }
  }
  result.final_state = state;
  return result;
}

bool StackMachine::accepts(const std::vector<std::size_t>& symbols) const {
  const Run result = run(symbols);
  return result.final_state && std::find(accepting_states.begin(), accepting_states.end(),
                                         *result.final_state) != accepting_states.end();
}

StackMachine parse_stack_machine(std::string_view text, std::string_view source) {
  StackMachine machine;
  bool have_stacks = false, have_alphabet = false, have_start = false, have_accept = false;
  std::vector<std::pair<std::size_t, StackMachine::Transition>> transitions;  // (line, move)
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
    if (head == "stacks" || head == "alphabet") {
      std::vector<std::string> names(words.begin() + 1, words.end());
      std::vector<std::string> sorted = names;
      std::sort(sorted.begin(), sorted.end());
      if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
        fail(fmt::format("'{}' lists a name twice", head));
      }
      if (names.empty() || (head == "stacks" ? have_stacks : have_alphabet)) {
        fail(fmt::format("'{}' needs one or more names, once", head));
      }
      if (head == "stacks") {
        for (const std::string& name : names)
          if (!plain_name(name))
            fail(fmt::format("a stack name is letters, digits and _, not '{}'", name));
        machine.stacks = names;
        have_stacks = true;
      } else {
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
    if (!have_stacks || !have_alphabet) {
      fail("expected 'stacks ...' and 'alphabet ...' before states and transitions");
    }
    if (head == "accept") {
      if (have_accept || words.size() < 2) fail("expected 'accept STATE...', once");
      for (std::size_t i = 1; i < words.size(); ++i)
        machine.accepting_states.push_back(state_index(words[i]));
      have_accept = true;
      continue;
    }
    auto stack_of = [&](const std::string& name) {
      const std::size_t index = index_in(machine.stacks, name);
      if (index == machine.stacks.size()) {
        fail(fmt::format("unknown stack '{}' (the stacks are: {})", name,
                         fmt::format("{}", fmt::join(machine.stacks, " "))));
      }
      return index;
    };
    // STATE SYMBOL [TESTS] -> NEXT [OPERATIONS]
    const auto arrow = std::find(words.begin(), words.end(), "->");
    if (words.size() < 4 || arrow == words.end() || arrow - words.begin() < 2 ||
        arrow + 1 == words.end()) {
      fail(
          "expected a transition 'STATE SYMBOL [S=0|S=1|S=empty ...] -> NEXT "
          "[S+0|S+1|S- ...]'");
    }
    StackMachine::Transition move;
    move.state = state_index(words[0]);
    move.symbol = index_in(machine.alphabet, words[1]);
    if (move.symbol == machine.alphabet.size()) {
      fail(fmt::format("symbol '{}' is not in the alphabet", words[1]));
    }
    move.test.assign(machine.stacks.size(), std::nullopt);
    move.operation.assign(machine.stacks.size(), StackMachine::Operation::keep);
    for (auto word = words.begin() + 2; word != arrow; ++word) {
      const std::size_t equals = word->find('=');
      const std::string top = equals == std::string::npos ? "" : word->substr(equals + 1);
      if (equals == std::string::npos || (top != "0" && top != "1" && top != "empty")) {
        fail(fmt::format("expected a top test S=0, S=1 or S=empty, found '{}'", *word));
      }
      const std::size_t stack = stack_of(word->substr(0, equals));
      if (move.test[stack]) fail(fmt::format("stack '{}' tested twice", machine.stacks[stack]));
      move.test[stack] = top == "0"   ? StackMachine::Top::zero
                         : top == "1" ? StackMachine::Top::one
                                      : StackMachine::Top::empty;
    }
    move.next = state_index(*(arrow + 1));
    for (auto word = arrow + 2; word != words.end(); ++word) {
      StackMachine::Operation operation = StackMachine::Operation::keep;
      std::string name;
      if (word->size() >= 2 && word->back() == '-') {
        operation = StackMachine::Operation::pop;
        name = word->substr(0, word->size() - 1);
      } else if (word->size() >= 3 && word->ends_with("+0")) {
        operation = StackMachine::Operation::push_zero;
        name = word->substr(0, word->size() - 2);
      } else if (word->size() >= 3 && word->ends_with("+1")) {
        operation = StackMachine::Operation::push_one;
        name = word->substr(0, word->size() - 2);
      } else {
        fail(fmt::format("expected an operation S+0, S+1 or S-, found '{}'", *word));
      }
      const std::size_t stack = stack_of(name);
      if (move.operation[stack] != StackMachine::Operation::keep) {
        fail(fmt::format("stack '{}' has two operations (one per move)", name));
      }
      if (operation == StackMachine::Operation::pop &&
          (!move.test[stack] || *move.test[stack] == StackMachine::Top::empty)) {
        fail(fmt::format("'{}' pops: the move must test that the top is {}=0 or {}=1", *word, name,
                         name));
      }
      move.operation[stack] = operation;
    }
    // Deterministic: two moves from the same state on the same symbol must
    // require different tops of some stack.
    for (const auto& [other_line, other] : transitions) {
      if (other.state != move.state || other.symbol != move.symbol) continue;
      bool exclusive = false;
      for (std::size_t j = 0; j < machine.stacks.size(); ++j)
        exclusive = exclusive || (other.test[j] && move.test[j] && *other.test[j] != *move.test[j]);
      if (!exclusive) {
        fail(
            fmt::format("this move and the one on line {} can both apply (a machine must be "
                        "deterministic: test a stack's top in different ways)",
                        other_line));
      }
    }
    transitions.emplace_back(line_number, move);
  }
  if (!have_stacks || !have_alphabet || !have_start || !have_accept) {
    throw InputError(
        fmt::format("{}: a machine needs 'stacks', 'alphabet', 'start' and 'accept'", source));
  }
  for (auto& [line, move] : transitions)
    machine.transitions.push_back(std::move(move));
  return machine;
}

}  // namespace rnncc::experiment::constructions
