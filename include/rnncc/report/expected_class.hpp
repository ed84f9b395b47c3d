// The growth class PAPER.md predicts for a family × schedule × format ×
// measure, and the verdict comparing it with the measured class.
//
// Expectations (C fixed for `chunked:C`; fixed-width formats are `mod`,
// `modp`, `fixed` and `float`; ≤ marks an upper bound):
//
// - sequential, any family: depth linear; arithmetic depth linear;
//   multiplicative depth ≤ linear; size linear in fixed-width formats.
// - scan or chunked:C, linear family: depth ≤ log in fixed-width formats,
//   ≤ log^2 in exact; arithmetic and multiplicative depth ≤ log; size
//   linear in fixed-width formats.
// - scan or chunked:C, nonlinear family: does not apply (no prediction).
// - table, any family: depth ≤ log; no word-level depths; size linear.
//
// `≤` marks an upper bound: a measured class at or below it in the order
// constant < log < log^2 < linear matches. Otherwise the measured class must
// equal the expected one. Under `sequential` the multiplicative depth is
// only bounded by linear: the arithmetic circuit folds a·1 into a, so a
// recurrence that multiplies its state only by a weight 1 (a counter) has no
// products on its critical path. Size in `exact` has no expectation (it depends on
// the value bounds, which grow with T).
//
// Why: under `scan` a linear family composes T affine maps in a balanced tree
// of log2 T combines (Thm 3: arithmetic depth O(log T)); with fixed widths each
// combine has a fixed Boolean depth. In `exact` the widths grow with T
// (linearly for iterated products), so every combine level costs O(log width)
// AND levels: O(log² T) overall. The paper's O(log T · log* T) (PNC1 via
// Chinese remaindering) needs a residue-number lowering that rnncc does not
// use. `chunked:C` runs C steps sequentially inside each chunk and scans
// across the T/C chunks: depth ≈ C·step + log2(T/C)·combine, `log` for fixed
// C once T ≫ C. `sequential` makes each step wait for the previous state
// (depth Θ(T), Prop 1); in `exact` the per-step depth also grows with the
// widths, which can lift the measured class to `other`. `table` composes
// 2^s-entry state tables by pointer jumping: depth O(s·log T), size
// O(T·s·2^s).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rnncc/report/growth_class.hpp"
#include "rnncc/report/measure.hpp"

namespace rnncc::report {

/// What the paper predicts, and why.
struct Expectation {
  /// Empty when there is no prediction (see `reason`).
  std::optional<GrowthClass> growth;
  /// The prediction is an upper bound (slower growth also matches).
  bool upper_bound = false;
  /// One sentence: the argument, or why there is no prediction.
  std::string reason;
};

/// The expectation for one measure of a recurrence (`linear`: its steps
/// compose associatively, as a linear family's or a network of linear heads
/// do) × schedule × format (see the table above). Unknown schedules or
/// formats give no prediction with a reason saying so; the schedule
/// `chunked:C` and formats `mod:W`, `modp:P`, `fixed:W.F...`, `float:E.M` are
/// recognised by their prefix.
Expectation expected_class(bool linear, std::string_view schedule, std::string_view format,
                           Measure measure);

/// How a measured class compares with the expectation.
enum class Verdict {
  match,
  mismatch,
  no_expectation,  ///< the paper predicts nothing here
  undetermined,    ///< the measured class is `unknown` (too few lengths)
};

/// "match", "mismatch", "no expectation" or "undetermined".
std::string_view to_string(Verdict verdict);

/// The verdict for `measured` against `expected` (rules above).
Verdict judge(const Expectation& expected, GrowthClass measured);

}  // namespace rnncc::report
