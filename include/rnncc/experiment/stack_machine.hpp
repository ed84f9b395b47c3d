// Multi-stack machines (the paper's Thm 1): a finite control with stacks
// of bits, reading one symbol per step; each transition tests the top of
// any stacks (0, 1 or empty) and pushes 0 or 1 on, pops, or leaves each
// stack. The text format (docs/constructions.md):
//   stacks a b
//   alphabet 0 1 x
//   start S
//   accept T
//   S 0 -> S a+0
//   S x a=1 -> T a- b+1
// A transition names the state, the symbol, top tests (S=0, S=1 or
// S=empty) on any stacks, then `->`, the next state and the operations
// (S+0, S+1 push; S- pops, and needs a test of that stack's top).
// Every move reads one input symbol: a machine that needs several moves
// per symbol reads padding symbols for them (the paper's Cor 2).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rnncc::experiment::constructions {

/// A deterministic multi-stack machine over stacks of bits.
struct StackMachine {
  std::vector<std::string> stacks;
  std::vector<std::string> alphabet;
  std::vector<std::string> states;  ///< in order of first mention; states[start] starts
  std::size_t start = 0;
  std::vector<std::size_t> accepting_states;

  /// What a stack's top is: a bit, or nothing.
  enum class Top { zero, one, empty };
  /// One stack's part of a move.
  enum class Operation { keep, push_zero, push_one, pop };

  struct Transition {
    std::size_t state = 0, symbol = 0, next = 0;
    /// Per stack: the top it requires, or none (any top).
    std::vector<std::optional<Top>> test;
    /// Per stack.
    std::vector<Operation> operation;
  };
  std::vector<Transition> transitions;

  /// The transition from `state` on `symbol` when the stacks' tops are
  /// `tops`, or nullptr (the machine rejects: it has no move).
  const Transition* transition(std::size_t state, std::size_t symbol,
                               const std::vector<Top>& tops) const;

  /// A run: the control state after the last symbol (or none when some
  /// step had no move), the stacks (bottom first), and the most bits any
  /// stack held.
  struct Run {
    std::optional<std::size_t> final_state;
    std::vector<std::vector<bool>> stacks;
    std::size_t deepest = 0;
  };
  /// Runs the machine on `symbols` (indices into the alphabet).
  Run run(const std::vector<std::size_t>& symbols) const;

  /// Whether the run on `symbols` ends in an accepting state (every step
  /// having a move). The independent check of the MLP RNN built from it.
  bool accepts(const std::vector<std::size_t>& symbols) const;
};

/// Parses the text format; InputError naming `source` and the line for a
/// malformed line, an unknown stack, symbol or state, a pop without a test
/// of the popped top, or two transitions that can both apply (the machine
/// must be deterministic).
StackMachine parse_stack_machine(std::string_view text, std::string_view source);

/// How stacks are numbers.
enum class StackEncoding {
  /// E(empty) = 0, E(b·w) = (2b + 1 + E(w)) / 4: top-0 stacks lie in
  /// [1/4, 1/2), top-1 stacks in [3/4, 1), so a ReLU ramp of fixed width
  /// reads the top and the emptiness exactly.
  base4,
  /// The paper's App. A.1: empty = 1, push_v(s) = v + s/2, top = 1[s ≥ 1],
  /// read by a ReLU ramp of width 1/3 as the paper does. Stacks come
  /// arbitrarily close to 1 from both sides, so the ramp misreads deep
  /// stacks: kept to show that failure.
  base2,
};

/// The one-layer MLP RNN of the paper's Thm 1 simulating `machine`, as a
/// model file: state [one-hot control; one number per stack]; three ReLU
/// layers read the tops, select the move and compute the next control
/// state and stacks. `comment` opens the file.
std::string stack_machine_model(const StackMachine& machine, StackEncoding encoding,
                                std::string_view format, std::string_view comment);

}  // namespace rnncc::experiment::constructions
