// The finite control of a machine as ReLU layers, shared by the counter
// machine (the paper's Lemma 3) and the stack machine (Thm 1)
// constructions. Both build a three-layer MLP whose state starts with the
// one-hot control state and whose input is the one-hot symbol:
//   layer 0 copies the control state and the symbol (and reads the
//           machine's storage: counters' zero tests, stacks' tops);
//   layer 1 has one gate per move, relu(condition - (literals - 1)), which
//           is 1 exactly when the move's state, symbol and storage tests
//           all hold (each literal is 0 or 1);
//   layer 2 sends each gate to its move's next control state.
// What the storage holds and how it is updated is the caller's part.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <utility>
#include <vector>

#include "rnncc/io/model_writer.hpp"

namespace rnncc::experiment::constructions {

/// Σ weight · (layer-0 output `unit`) + constant.
struct LinearForm {
  std::vector<std::pair<std::size_t, mpq_class>> terms;
  mpq_class constant = 0;
};

/// When a move applies: its control state and symbol, and storage tests
/// (literals, each a linear form over layer 0's outputs that is 0 or 1 on
/// every well-formed storage).
struct MoveCondition {
  std::size_t state = 0;
  std::size_t symbol = 0;
  std::vector<LinearForm> literals;
};

/// Where the control lives in the layers: `states` control states at
/// positions 0.. of the model state, `symbols` input symbols read after
/// the model state (columns `state_width`..), copied to layer 0's outputs
/// 0..states-1 and states..states+symbols-1.
class FiniteControlLayers {
 public:
  FiniteControlLayers(std::size_t states, std::size_t symbols, std::size_t state_width)
      : states_(states), symbols_(symbols), state_width_(state_width) {}

  /// Layer 0's output holding control state `state`'s copy.
  std::size_t state_unit(std::size_t state) const { return state; }
  /// Layer 0's output holding symbol `symbol`'s copy.
  std::size_t symbol_unit(std::size_t symbol) const { return states_ + symbol; }
  /// The layer-0 outputs the control takes (the storage's come after).
  std::size_t copied_units() const { return states_ + symbols_; }

  /// Writes the copies of the control state and the symbol into layer 0.
  void copy_control_and_symbol(io::TensorText& first_weight) const;

  /// Adds scale · (condition − number of its conditions) to row `row` of
  /// (weight, bias), where the conditions are the state, the symbol and
  /// the literals: 0 when the move applies, at most −scale otherwise.
  /// The gate of a move is this with scale 1 plus a bias of 1.
  void add_condition(io::TensorText& weight, io::TensorText& bias, std::size_t row,
                     const MoveCondition& condition, const mpq_class& scale) const;

  /// Writes the gate of a move (1 iff it applies, else 0) into row `row`
  /// of layer 1.
  void write_gate(io::TensorText& weight, io::TensorText& bias, std::size_t row,
                  const MoveCondition& condition) const;

  /// Sends layer 1's gate output `gate_unit` to control state `next` in
  /// the last layer.
  void route_gate(io::TensorText& last_weight, std::size_t gate_unit, std::size_t next) const;

 private:
  std::size_t states_, symbols_, state_width_;
};

}  // namespace rnncc::experiment::constructions
