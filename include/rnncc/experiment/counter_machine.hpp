// Counter machines (the paper's Lemma 2 and 3): a finite control with
// integer counters, reading one symbol per step; each transition tests
// which counters are zero and adds -1, 0 or +1 to each. The text format
// (docs/constructions.md):
//   counters S I
//   alphabet s i > j , t
//   start begin
//   accept t zero S
//   begin s -> begin S+
//   j_skip j I!=0 -> j_skip S+ I-
// A transition names the state, the symbol, zero tests (C=0 or C!=0) on
// any counters, then `->`, the next state and the updates (C+ or C-).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rnncc::experiment::constructions {

/// A deterministic counter machine.
struct CounterMachine {
  std::vector<std::string> counters;
  std::vector<std::string> alphabet;
  std::vector<std::string> states;  ///< in order of first mention; states[start] starts
  std::size_t start = 0;
  std::vector<std::size_t> accepting_states;
  std::vector<std::size_t> zero_at_acceptance;  ///< counters that must be 0 to accept

  struct Transition {
    std::size_t state = 0, symbol = 0, next = 0;
    /// Per counter: -1 no test, 0 tests "= 0", 1 tests "!= 0".
    std::vector<int> test;
    /// Per counter: -1, 0 or +1.
    std::vector<int> update;
  };
  std::vector<Transition> transitions;

  /// The transition from `state` on `symbol` when the counters' zero
  /// pattern is `zero` (zero[j]: counter j is 0), or nullptr (the machine
  /// rejects: it has no move).
  const Transition* transition(std::size_t state, std::size_t symbol,
                               const std::vector<bool>& zero) const;

  /// Runs the machine on `symbols` (indices into the alphabet): accepts iff
  /// every step has a move and it ends in an accepting state with the
  /// listed counters at 0. The independent check of the MLP RNN built
  /// from it.
  bool accepts(const std::vector<std::size_t>& symbols) const;
};

/// Parses the text format; InputError naming `source` and the line for a
/// malformed line, an unknown counter, symbol or state, or two
/// transitions that can both apply (the machine must be deterministic).
CounterMachine parse_counter_machine(std::string_view text, std::string_view source);

/// The machine of the paper's Lemma 2 for sorted deterministic graph
/// connectivity, reading the `rnncc task connectivity` encoding: counter S
/// holds the node reached minus the symbols of the current block, I counts
/// an edge's source; accept iff the node reached is t.
std::string_view connectivity_machine_text();

/// The one-layer MLP RNN of the paper's Lemma 3 simulating `machine`, as
/// a model file: state [one-hot control; c⁺; c⁻] (counter c = c⁺ − c⁻,
/// at most one of them non-zero); three ReLU layers compute the zero tests
/// zero(c) = relu(1 − c⁺ − c⁻), one gate per (state, symbol, zero pattern)
/// with a move, and the next control state and counters. Counters stay
/// O(n): log precision. `comment` opens the file.
std::string counter_machine_model(const CounterMachine& machine, std::string_view format,
                                  std::string_view comment);

}  // namespace rnncc::experiment::constructions
