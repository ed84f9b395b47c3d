#include "rnncc/analysis/chained_depth.hpp"

#include <algorithm>
#include <stdexcept>

#include "rnncc/analysis/longest_paths.hpp"

namespace rnncc::analysis {

using Entry = MaxPlusMatrix::Entry;

StepDepth step_depth(const logic::Aig& aig, std::span<const logic::Literal> state_inputs,
                     std::span<const logic::Literal> fresh_inputs,
                     std::span<const logic::Literal> state_outputs) {
  if (state_inputs.size() != state_outputs.size())
    throw std::invalid_argument("step_depth: state inputs and outputs differ in count");
  StepDepth step;
  const LongestPaths paths(aig);
  step.state = paths.matrix(state_inputs, state_outputs);
  step.fresh = paths.from_any(fresh_inputs, state_outputs);
  return step;
}

MaxPlusMatrix chained_step_matrix(const StepDepth& step) {
  const std::size_t state_bits = step.state.rows();
  if (step.state.columns() != state_bits || step.fresh.size() != state_bits)
    throw std::invalid_argument("chained_step_matrix: inconsistent step summary");
  MaxPlusMatrix matrix(state_bits + 1, state_bits + 1);
  for (std::size_t i = 0; i < state_bits; ++i)
    for (std::size_t j = 0; j < state_bits; ++j)
      matrix.at(i, j) = step.state.at(i, j);
  for (std::size_t j = 0; j < state_bits; ++j)
    matrix.at(state_bits, j) = step.fresh[j];
  matrix.at(state_bits, state_bits) = 0;
  return matrix;
}

std::uint64_t chained_depth(const StepDepth& step, std::uint64_t steps) {
  const std::vector<Entry> initial(step.state.rows(), 0);
  return chained_depth(step, steps, initial);
}

std::uint64_t chained_depth(const StepDepth& step, std::uint64_t steps,
                            std::span<const Entry> initial_arrival) {
  if (initial_arrival.size() != step.state.rows())
    throw std::invalid_argument("chained_depth: one initial arrival per state bit expected");
  const MaxPlusMatrix all_steps = power(chained_step_matrix(step), steps);
  std::vector<Entry> start(initial_arrival.begin(), initial_arrival.end());
  start.push_back(0);  // the source of every step's fresh inputs
  const std::vector<Entry> arrival = propagate(start, all_steps);
  Entry depth = 0;
  for (std::size_t j = 0; j + 1 < arrival.size(); ++j)
    depth = std::max(depth, arrival[j]);
  return static_cast<std::uint64_t>(depth);
}

CombineDepth combine_depth(const logic::Aig& aig, std::span<const logic::Literal> left_inputs,
                           std::span<const logic::Literal> right_inputs,
                           std::span<const logic::Literal> outputs) {
  if (left_inputs.size() != outputs.size() || right_inputs.size() != outputs.size())
    throw std::invalid_argument("combine_depth: operands and output differ in bit count");
  const LongestPaths paths(aig);
  return {paths.matrix(left_inputs, outputs), paths.matrix(right_inputs, outputs)};
}

std::uint64_t balanced_tree_depth(const CombineDepth& combine,
                                  std::span<const MaxPlusMatrix::Entry> leaf_arrival,
                                  std::uint32_t levels) {
  const MaxPlusMatrix either = elementwise_max(combine.left, combine.right);
  std::vector<Entry> arrival(leaf_arrival.begin(), leaf_arrival.end());
  for (std::uint32_t level = 0; level < levels; ++level)
    arrival = propagate(arrival, either);
  Entry depth = 0;
  for (Entry value : arrival)
    depth = std::max(depth, value);
  return static_cast<std::uint64_t>(depth);
}

}  // namespace rnncc::analysis
