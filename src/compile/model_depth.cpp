#include "rnncc/compile/model_depth.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>

#include "rnncc/analysis/chained_depth.hpp"
#include "rnncc/analysis/longest_paths.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/compile/step_circuit.hpp"
#include "rnncc/model/registry.hpp"

namespace rnncc::compile {

namespace {

using analysis::MaxPlusMatrix;
using logic::Literal;
using Entry = MaxPlusMatrix::Entry;
using Bits = std::vector<Literal>;

constexpr std::size_t longest_sequential_window = 512;
constexpr std::size_t deepest_scan_window = 10;

/// Which bits are constant, and their values: -1 for a variable bit.
std::vector<int> shape_of(const Bits& bits) {
  std::vector<int> shape;
  shape.reserve(bits.size());
  for (Literal bit : bits) {
    shape.push_back(bit.is_constant() ? (bit == logic::constant_literal(true) ? 1 : 0) : -1);
  }
  return shape;
}

Bits variable_bits(const Bits& bits) {
  Bits result;
  for (Literal bit : bits) {
    if (!bit.is_constant()) result.push_back(bit);
  }
  return result;
}

std::vector<Entry> levels_of(const logic::Aig& aig, const Bits& bits) {
  std::vector<Entry> levels;
  levels.reserve(bits.size());
  for (Literal bit : bits)
    levels.push_back(aig.level(bit));
  return levels;
}

std::uint64_t largest_level(const logic::Aig& aig, const Bits& bits) {
  std::uint64_t result = 0;
  for (Literal bit : bits)
    result = std::max<std::uint64_t>(result, aig.level(bit));
  return result;
}

/// The depth of outputs whose bits arrive at `arrival` through `readout`
/// (at least 0: constant outputs have level 0).
std::uint64_t output_depth(const std::vector<Entry>& arrival, const MaxPlusMatrix& readout) {
  Entry result = 0;
  for (Entry entry : analysis::propagate(arrival, readout))
    result = std::max(result, entry);
  return static_cast<std::uint64_t>(result);
}

}  // namespace

ModelDepth::ModelDepth(const model::Model& model, const CompileOptions& options) {
  if (!arith::is_finite(model.format)) {
    throw InputError(fmt::format(
        "{}: --analytic needs a fixed-width format; in {} the value widths grow with T, so no "
        "step repeats (use --format mod:W, modp:P or fixed:W.F)",
        model.name, arith::to_string(model.format)));
  }
  if (options.all_outputs) {
    throw InputError("--analytic covers circuits with the outputs after the last step only");
  }
  const ScheduleKind kind = options.schedule.kind;
  if (kind != ScheduleKind::sequential && kind != ScheduleKind::scan) {
    throw InputError(fmt::format("{}: --analytic covers the sequential and scan schedules, not {}",
                                 model.name, to_string(options.schedule)));
  }
  CompileOptions checked = options;
  checked.length = 1;
  check_options(model, checked);
  if (kind == ScheduleKind::scan && model::is_network(*model.family)) {
    throw InputError(fmt::format(
        "{}: --analytic covers the scan of a single recurrence; a network scans each sublayer "
        "in turn (drop --analytic to measure it)",
        model.name));
  }
  scan_ = kind == ScheduleKind::scan;

  if (!scan_) {
    for (std::size_t steps = 16; steps <= longest_sequential_window; steps *= 2) {
      const SequentialWindow window = build_sequential_window(model, options, steps);
      const logic::Aig& aig = window.lowered.aig;
      const analysis::LongestPaths paths(aig);
      materialised_.assign(1, 0);
      for (std::size_t k = 1; k <= steps; ++k)
        materialised_.push_back(largest_level(aig, window.outputs[k]));
      std::vector<std::vector<int>> shapes;
      for (const Bits& state : window.state)
        shapes.push_back(shape_of(state));
      struct StepMatrices {
        analysis::StepDepth step;
        MaxPlusMatrix readout;
        bool operator==(const StepMatrices& other) const {
          return step.state == other.step.state && step.fresh == other.step.fresh &&
                 readout == other.readout;
        }
      };
      auto matrices = [&](std::size_t k) {
        const Bits before = variable_bits(window.state[k - 1]);
        const Bits after = variable_bits(window.state[k]);
        StepMatrices result;
        result.step.state = paths.matrix(before, after);
        result.step.fresh = paths.from_any(window.inputs[k], after);
        result.readout = paths.matrix(after, window.outputs[k]);
        return result;
      };
      std::optional<StepMatrices> previous;
      for (std::size_t k = 2; k + 2 <= steps; ++k) {
        if (shapes[k - 2] != shapes[k - 1] || shapes[k - 1] != shapes[k]) {
          previous.reset();
          continue;
        }
        if (!previous) previous = matrices(k - 1);
        StepMatrices current = matrices(k);
        const bool repeats = current == *previous;
        previous = current;
        if (!repeats) continue;
        steady_ = k;
        arrival_ = levels_of(aig, variable_bits(window.state[k]));
        arrival_.push_back(0);  // the source of later steps' inputs
        step_ = analysis::chained_step_matrix(current.step);
        squares_.clear();
        readout_ = current.readout;
        bool agrees = true;
        for (std::size_t length = k + 1; length <= steps && agrees; ++length)
          agrees = sequential_depth(length) == materialised_[length];
        if (agrees) return;
      }
    }
    throw LimitError(fmt::format(
        "{}: the sequential steps did not settle into a repeating step within {} steps, so "
        "--analytic cannot extrapolate them",
        model.name, longest_sequential_window));
  }

  for (std::size_t levels = 5; levels <= deepest_scan_window; ++levels) {
    const ScanWindow window = build_scan_window(model, options, levels);
    const logic::Aig& aig = window.lowered.aig;
    const analysis::LongestPaths paths(aig);
    materialised_.clear();
    for (std::size_t l = 0; l <= levels; ++l)
      materialised_.push_back(largest_level(aig, window.outputs[l]));
    std::vector<std::vector<int>> shapes;
    for (const Bits& map : window.first)
      shapes.push_back(shape_of(map));
    struct CombineMatrices {
      MaxPlusMatrix earlier, later, readout;
      bool operator==(const CombineMatrices&) const = default;
    };
    auto matrices = [&](std::size_t l) {
      const Bits after = variable_bits(window.first[l]);
      CombineMatrices result;
      result.earlier = paths.matrix(variable_bits(window.first[l - 1]), after);
      result.later = paths.matrix(variable_bits(window.second[l - 1]), after);
      result.readout = paths.matrix(after, window.outputs[l]);
      return result;
    };
    std::map<std::size_t, CombineMatrices> computed;
    auto matrices_at = [&](std::size_t l) -> const CombineMatrices& {
      auto found = computed.find(l);
      if (found == computed.end()) found = computed.emplace(l, matrices(l)).first;
      return found->second;
    };
    for (std::size_t l = 2; l + 2 <= levels; ++l) {
      if (shapes[l - 2] != shapes[l - 1] || shapes[l - 1] != shapes[l]) continue;
      if (shape_of(window.second[l - 1]) != shapes[l - 1] ||
          shape_of(window.second[l - 2]) != shapes[l - 2] ||
          levels_of(aig, window.second[l - 1]) != levels_of(aig, window.first[l - 1])) {
        continue;
      }
      const CombineMatrices& current = matrices_at(l);
      if (!(current == matrices_at(l - 1))) continue;
      steady_ = l;
      arrival_ = levels_of(aig, variable_bits(window.first[l]));
      earlier_ = current.earlier;
      later_ = current.later;
      readout_ = current.readout;
      bool agrees = true;
      for (std::size_t level = l + 1; level <= levels && agrees; ++level)
        agrees = scan_depth(static_cast<std::uint32_t>(level)) == materialised_[level];
      if (agrees) return;
    }
  }
  throw LimitError(fmt::format(
      "{}: the scan's combines did not settle into a repeating combine within 2^{} steps, so "
      "--analytic cannot extrapolate them",
      model.name, deepest_scan_window));
}

std::uint64_t ModelDepth::depth(std::uint64_t length) const {
  if (length < 1 || length > (std::uint64_t{1} << 62)) {
    throw InputError(fmt::format("--analytic: T must be in [1, 2^62], not {}", length));
  }
  if (!scan_) return sequential_depth(length);
  if ((length & (length - 1)) != 0) {
    throw InputError(fmt::format(
        "--analytic covers scans over a power-of-two number of steps (a balanced tree), not T = "
        "{}",
        length));
  }
  std::uint32_t levels = 0;
  while ((std::uint64_t{1} << levels) < length)
    ++levels;
  return scan_depth(levels);
}

std::uint64_t ModelDepth::sequential_depth(std::uint64_t length) const {
  if (length <= steady_) return materialised_[length];
  // arrival · step^n by the binary digits of n, with the squares step^(2^i)
  // kept between calls (powers of one matrix commute).
  std::vector<Entry> after = arrival_;
  const std::uint64_t steps = length - steady_;
  for (std::size_t bit = 0; (steps >> bit) != 0; ++bit) {
    if (squares_.empty()) squares_.push_back(step_);
    while (squares_.size() <= bit)
      squares_.push_back(analysis::compose(squares_.back(), squares_.back()));
    if (((steps >> bit) & 1) != 0) after = analysis::propagate(after, squares_[bit]);
  }
  return output_depth(std::vector<Entry>(after.begin(), after.end() - 1), readout_);
}

std::uint64_t ModelDepth::scan_depth(std::uint32_t levels) const {
  if (levels <= steady_) return materialised_[levels];
  std::vector<Entry> arrival = arrival_;
  for (std::uint32_t level = static_cast<std::uint32_t>(steady_); level < levels; ++level) {
    const std::vector<Entry> from_earlier = analysis::propagate(arrival, earlier_);
    const std::vector<Entry> from_later = analysis::propagate(arrival, later_);
    for (std::size_t j = 0; j < arrival.size(); ++j)
      arrival[j] = std::max(from_earlier[j], from_later[j]);
  }
  return output_depth(arrival, readout_);
}

}  // namespace rnncc::compile
