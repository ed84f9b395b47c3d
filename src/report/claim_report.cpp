#include "rnncc/report/claim_report.hpp"

#include <algorithm>

#include "rnncc/common/enum_names.hpp"

namespace rnncc::report {

namespace {

constexpr EnumNames<FigureRole, 5> role_names{{
    {FigureRole::upper_bound, "upper bound"},
    {FigureRole::lower_bound, "lower bound"},
    {FigureRole::equivalence, "equivalence"},
    {FigureRole::known_error, "known error"},
    {FigureRole::evidence, "evidence"},
}};
static_assert(names_are_distinct(role_names));

}  // namespace

std::string_view to_string(FigureRole role) {
  return name_in(role_names, role);
}

std::string verdict_text(const CaseResult& result) {
  std::string text = result.holds ? "PASS" : "FAIL";
  if (!result.holds && !result.should_hold) text += " (expected)";
  if (result.holds && !result.should_hold) text += " (expected FAIL)";
  if (!result.stated_counterexample_found) text += " (without the stated counterexample)";
  return text;
}

bool ClaimResult::as_expected() const {
  return std::all_of(cases.begin(), cases.end(),
                     [](const CaseResult& result) { return result.as_expected(); });
}

}  // namespace rnncc::report
