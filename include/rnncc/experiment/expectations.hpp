// The growth class the paper predicts for one measure of a series, from a
// table of rules: schedule kind × format width kind × measure (and, for the
// parallel schedules, whether the recurrence composes associatively) →
// class, upper bound or exact, and the reason in one sentence.
//
// The expectations (C fixed for `chunked:C`; fixed-width formats are `mod`,
// `modp` and `fixed`, whose values wrap or round in a fixed number of bits;
// `exact` grows its widths with the values; ≤ marks an upper bound):
//
// - sequential, any family: depth linear; arithmetic depth linear;
//   multiplicative depth ≤ linear; size linear in fixed-width formats.
// - scan or chunked:C, a recurrence that composes associatively: depth
//   ≤ log in fixed-width formats, ≤ log^2 in exact; arithmetic and
//   multiplicative depth ≤ log; size linear in fixed-width formats.
// - scan or chunked:C, a recurrence that does not: no prediction (the
//   schedule does not apply).
// - table, any family: depth ≤ log; no word-level depths; size linear.
//
// Each expectation also names the family's column of the paper's Figure 1
// (TC0, NC1, PNC1, or L or P for nonlinear recurrences), so the reports
// tell the columns apart where their bounded fan-in depth is the same; and
// a nonlinear recurrence's expectations under sequential and table are
// marked circuit_only: they say what the circuit costs, never that the
// class needs it, and their verdict is `consistent`, not `match`.
//
// `≤` marks an upper bound: a measured class at or below it in the order
// constant < log < log^2 < linear matches (report::judge). Otherwise the
// measured class must equal the expected one. Under `sequential` the
// multiplicative depth is only bounded by linear: the arithmetic circuit
// folds a·1 into a, so a recurrence that multiplies its state only by a
// weight 1 (a counter) has no products on its critical path. Size in
// `exact` has no expectation (it depends on the value bounds, which grow
// with T).
//
// Why: under `scan` a recurrence that composes associatively (a linear
// family, or a network whose heads are all linear, scanned sublayer by
// sublayer) composes T affine maps in a balanced tree of log2 T combines
// (Thm 3: arithmetic depth O(log T)); with fixed widths each combine has a
// fixed Boolean depth. In `exact` the widths grow with T (linearly for
// iterated products), so every combine level costs O(log width) AND levels:
// O(log² T) overall. The paper's O(log T · log* T) (PNC1 via Chinese
// remaindering) needs a residue-number lowering that rnncc does not use.
// `chunked:C` runs C steps sequentially inside each chunk and scans across
// the T/C chunks: depth ≈ C·step + log2(T/C)·combine, `log` for fixed C
// once T ≫ C. `sequential` makes each step wait for the previous state
// (depth Θ(T), Prop 1); in `exact` the per-step depth also grows with the
// widths, which can lift the measured class to `other`. `table` composes
// 2^s-entry state tables by pointer jumping: depth O(s·log T), size
// O(T·s·2^s).
#pragma once

#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>

#include "rnncc/arith/format.hpp"
#include "rnncc/compile/schedule.hpp"
#include "rnncc/experiment/series_key.hpp"
#include "rnncc/report/expectation.hpp"
#include "rnncc/report/growth_class.hpp"
#include "rnncc/report/measure.hpp"

namespace rnncc::experiment {

/// How many bits a format's values take as T grows.
enum class WidthKind {
  fixed,    ///< a fixed width: mod and modp wrap, fixed rounds (arith::is_finite)
  growing,  ///< exact: widths follow the value bounds, which grow with T
};

/// The width kind of `format`.
WidthKind width_kind(const arith::Format& format);

/// Which recurrences a rule is about.
enum class Composition {
  any,
  associative,      ///< SeriesKey::composes_associatively
  not_associative,  ///< its opposite
};

/// A set of members of a small enum (at most 32 members), as bits.
template <class Enum>
class KindSet {
 public:
  constexpr KindSet(std::initializer_list<Enum> members) {
    for (Enum member : members)
      bits_ |= 1u << static_cast<unsigned>(member);
  }
  /// Every member.
  static constexpr KindSet every() { return KindSet(~0u); }
  constexpr bool contains(Enum member) const {
    return ((bits_ >> static_cast<unsigned>(member)) & 1u) != 0;
  }

 private:
  constexpr explicit KindSet(unsigned bits) : bits_(bits) {}
  unsigned bits_ = 0;
};

/// One rule: where it applies, and what it predicts there.
struct ExpectationRule {
  KindSet<compile::ScheduleKind> schedules;
  Composition composition = Composition::any;
  KindSet<WidthKind> widths;
  KindSet<report::Measure> measures;
  /// Empty: no prediction (the reason says why).
  std::optional<report::GrowthClass> growth;
  bool upper_bound = false;
  /// One sentence, with {schedule} standing for the schedule kind's name
  /// ("scan"), {schedule_as_argued} for the schedule under the argument's
  /// assumption ("scan", or "chunked (fixed C, T >> C)") and {format} for
  /// the format's spelling.
  std::string_view reason;
};

/// The rules, as the comment at the top of this header says. They do not
/// overlap: exactly one applies to every schedule kind × composition ×
/// width kind × measure.
std::span<const ExpectationRule> expectation_rules();

/// True when `rule` applies to `measure` of the series `key` (the optimised
/// depth follows the depth's rules).
bool applies(const ExpectationRule& rule, const SeriesKey& key, report::Measure measure);

/// The column of the paper's Figure 1 of the series' family: "TC0", "NC1",
/// "PNC1", or "L or P" for a nonlinear recurrence (a network's column is
/// PNC1 when it composes associatively, else "L or P").
std::string_view paper_column(const SeriesKey& key);

/// The paper's expectation for `measure` of the series `key`: the rule that
/// applies, with its reason filled in; with a prediction, also the
/// family's column (paper_column), a sentence on the column's own bound for
/// the Boolean depth of a parallel schedule in a fixed-width format, and,
/// for a nonlinear recurrence under sequential or table, circuit_only with
/// a sentence saying that the measure is no lower bound (report::judge
/// then says `consistent`, never `match`).
report::Expectation expected_class(const SeriesKey& key, report::Measure measure);

}  // namespace rnncc::experiment
