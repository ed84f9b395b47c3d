// The results of checking the paper's claims (`rnncc prove`): per claim
// file, its statement and one result per case, each with what was measured,
// what the claim expects, the verdict and the evidence. The checks
// themselves run above this stage (experiment/claims.hpp); a report only
// renders.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/report/growth_series.hpp"

namespace rnncc::report {

/// What a case contributes to the paper's Figure 1.
enum class FigureRole {
  upper_bound,  ///< depth growth: how parallel the class is at most
  lower_bound,  ///< a complete problem solved: what the class can do
  equivalence,  ///< the parallel circuit computes the recurrence's function
  known_error,  ///< a statement of the paper that does not hold as printed
  evidence,     ///< supporting measurements (neither bound)
};

/// "upper bound", "lower bound", "equivalence", "known error" or "evidence".
std::string_view to_string(FigureRole role);

/// The outcome of one case.
struct CaseResult {
  std::string name;     ///< the case's own name, from the claim file
  std::string kind;     ///< its kind ("accuracy", "growth", ...)
  std::string subject;  ///< what was checked: model or construction, task, schedule
  std::string measured;
  std::string expected;
  /// The measurement agrees with the expectation (PASS) or not (FAIL).
  bool holds = false;
  /// The claim file says the case should hold (false for the paper's known
  /// errors, which must FAIL with their counterexample).
  bool should_hold = true;
  /// False when the claim file names a counterexample this case must find
  /// and the run did not confirm it.
  bool stated_counterexample_found = true;
  /// Numbers, counterexample instances, refusal messages: one line each.
  std::vector<std::string> evidence;
  FigureRole role = FigureRole::evidence;
  /// One phrase for the Figure 1 cell (e.g. "depth log, +16.1 per doubling").
  std::string summary;
  /// Growth cases: the measured series, for plots.
  std::optional<GrowthSeries> series;
  double seconds = 0;

  /// The verdict is the one the claim file expects.
  /// The verdict is the one the claim file expects (and a counterexample
  /// it names was confirmed).
  bool as_expected() const { return holds == should_hold && stated_counterexample_found; }
};

/// "PASS" or "FAIL", with " (expected)" after a FAIL the claim file
/// expects, " (expected FAIL)" after a PASS it does not and " (without the
/// stated counterexample)" when a counterexample it names was not confirmed.
std::string verdict_text(const CaseResult& result);

/// The outcome of one claim file.
struct ClaimResult {
  std::string id;    ///< the file's stem: the anchor and the name in tables
  std::string path;  ///< as given on the command line
  std::string title;
  std::string statement;
  std::string source;  ///< the theorem, lemma or appendix it states
  /// "TC0", "NC1", "PNC1", "L" or "P"; empty when it supports no column.
  std::string column;
  std::vector<std::string> families;  ///< the model families it is about
  /// Not empty for a known error of the paper: what is wrong, in one sentence.
  std::string known_error;
  std::vector<CaseResult> cases;

  /// Every case's verdict is the expected one.
  bool as_expected() const;
};

/// The columns of the paper's Figure 1, left to right.
inline constexpr std::string_view figure_columns[] = {"TC0", "NC1", "PNC1", "L", "P"};

}  // namespace rnncc::report
