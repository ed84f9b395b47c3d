// Exact AIG depth of T chained step circuits (or of a balanced scan tree)
// without building them: the step's (max, +) depth matrix raised to the T-th
// power (or the combine's matrix applied log2 T times).
//
// Exactness holds when the materialised chain builds every copy unchanged.
// The Aig simplifies x&x, x&!x and constants when a chain is built; if state
// outputs are constants or share a node, the built chain can be shallower
// than the analytic value (which counts the step as extracted).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "rnncc/analysis/max_plus_matrix.hpp"
#include "rnncc/logic/aig.hpp"

namespace rnncc::analysis {

/// The depth summary of one step S_t = step(S_{t−1}, x_t).
struct StepDepth {
  /// state(i, j): longest path from state-in bit i to state-out bit j.
  MaxPlusMatrix state;
  /// fresh[j]: longest path from any of the step's own inputs x_t to
  /// state-out bit j (no_path when none).
  std::vector<MaxPlusMatrix::Entry> fresh;
};

/// The summary of the step circuit in `aig`: `state_inputs[i]` is replaced
/// by `state_outputs[i]` of the previous step (same count), `fresh_inputs`
/// are new per step.
StepDepth step_depth(const logic::Aig& aig, std::span<const logic::Literal> state_inputs,
                     std::span<const logic::Literal> fresh_inputs,
                     std::span<const logic::Literal> state_outputs);

/// The (s+1) × (s+1) matrix of one step acting on (state bits, source),
/// where the extra "source" coordinate stands for the fresh inputs of later
/// steps: [[state, no_path], [fresh, 0]].
MaxPlusMatrix chained_step_matrix(const StepDepth& step);

/// Depth of `steps` chained copies whose outputs are the final state bits
/// and whose inputs are the initial state bits and every step's fresh
/// inputs (all at level 0): max over state bits of the longest path, at
/// least 0. O(s³ · log2 steps); steps up to 2^64 − 1 (LimitError on
/// overflow of a length).
std::uint64_t chained_depth(const StepDepth& step, std::uint64_t steps);

/// The same when the initial state bits arrive at `initial_arrival` (one per
/// state bit; no_path for a bit no input reaches) instead of level 0: for
/// example the levels of the state outputs of a materialised prefix of
/// first steps, whose constants make them differ from the steady step.
/// The result is at least the largest initial arrival (`steps` = 0 gives it).
std::uint64_t chained_depth(const StepDepth& step, std::uint64_t steps,
                            std::span<const MaxPlusMatrix::Entry> initial_arrival);

/// The depth summary of a combine circuit out = combine(left, right) used at
/// every inner node of a scan tree.
struct CombineDepth {
  /// left(i, j) / right(i, j): longest path from bit i of the left / right
  /// operand to output bit j.
  MaxPlusMatrix left, right;
};

/// The summary of the combine circuit in `aig` (operands and output have the
/// same number of bits; operands may be any nodes, inputs or internal).
CombineDepth combine_depth(const logic::Aig& aig, std::span<const logic::Literal> left_inputs,
                           std::span<const logic::Literal> right_inputs,
                           std::span<const logic::Literal> outputs);

/// Depth of a perfect balanced tree over 2^levels leaves whose bits arrive
/// at `leaf_arrival` (for example the depth of computing (A_t, b_t) from
/// x_t; MaxPlusMatrix::no_path for a bit without inputs), each inner node a
/// copy of the combine circuit: both operands of a level arrive alike, so
/// arrival_{l+1} = arrival_l ⊗ max(left, right). Max over the root's bits,
/// at least 0; O(levels · s²). Trees of other shapes (T not a power of two)
/// are not covered.
std::uint64_t balanced_tree_depth(const CombineDepth& combine,
                                  std::span<const MaxPlusMatrix::Entry> leaf_arrival,
                                  std::uint32_t levels);

}  // namespace rnncc::analysis
