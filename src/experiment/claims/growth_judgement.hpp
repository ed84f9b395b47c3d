// Growth expectations as claim files write them ("log", "<= log",
// "linear", "constant") and the judgement of measured samples against
// them, with the evidence in words: the class, the per-doubling increment
// and the fitted constant.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "case_kind.hpp"
#include "rnncc/report/expectation.hpp"
#include "rnncc/report/growth_class.hpp"
#include "rnncc/report/measure.hpp"

namespace rnncc::experiment::claims {

/// The expectation under `key`: a growth class name, optionally after
/// "<=" (an upper bound). Throws InputError (file:line) naming the classes.
std::optional<report::Expectation> expected_growth(const CaseTable& table, std::string_view key);

/// "≤ log" or "linear".
std::string expectation_text(const report::Expectation& expected);

/// The measured growth of `samples` against `expected`.
struct GrowthJudgement {
  report::GrowthClass measured = report::GrowthClass::unknown;
  bool holds = false;
  /// "log: +16.1 per doubling (16..1024), fit 16.13·log2 T + 22.0 (R² 1.000)".
  std::string evidence;
  /// "log, +16.1 per doubling".
  std::string summary;
};

/// Classifies `samples` (sorted, no duplicates) with `tolerance` and
/// judges: holds when report::judge says match.
GrowthJudgement judge_growth(std::span<const report::Sample> samples,
                             const report::Expectation& expected,
                             const report::ClassificationTolerance& tolerance = {});

}  // namespace rnncc::experiment::claims
