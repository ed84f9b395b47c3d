// What the paper predicts for one measure of a series, and the verdict
// comparing a measured growth class with it. The predictions themselves are
// made above this stage (experiment/expectations.hpp); a report only judges.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rnncc/report/growth_class.hpp"

namespace rnncc::report {

/// What the paper predicts, and why.
struct Expectation {
  /// Empty when there is no prediction (see `reason`).
  std::optional<GrowthClass> growth;
  /// The prediction is an upper bound (slower growth also matches).
  bool upper_bound = false;
  /// One sentence: the argument, or why there is no prediction.
  std::string reason;
  /// The column of the paper's Figure 1 whose bound the expectation stands
  /// for ("TC0", "NC1", "PNC1", "L or P"); empty when none.
  std::string column = {};
  /// The expectation describes only the circuit this schedule builds and
  /// says nothing about the class: a nonlinear recurrence unrolled
  /// sequentially (or tabulated) has the depth expected of that circuit,
  /// but no measurement shows that a shallower circuit does not exist.
  bool circuit_only = false;
};

/// How a measured class compares with the expectation.
enum class Verdict {
  match,
  consistent,  ///< as expected of a circuit_only expectation: no lower bound shown
  mismatch,
  no_expectation,  ///< the paper predicts nothing here
  undetermined,    ///< the measured class is `unknown` (too few lengths)
};

/// "match", "consistent", "mismatch", "no expectation" or "undetermined".
std::string_view to_string(Verdict verdict);

/// The verdict for `measured` against `expected`: no_expectation without a
/// prediction; undetermined when `measured` is unknown; match when equal,
/// or, for an upper bound, when `measured` is lower in the order
/// constant < log < log^2 < linear (`other` is above every class) —
/// consistent instead of match when the expectation is circuit_only;
/// mismatch otherwise.
Verdict judge(const Expectation& expected, GrowthClass measured);

}  // namespace rnncc::report
