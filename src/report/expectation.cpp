#include "rnncc/report/expectation.hpp"

#include "rnncc/common/enum_names.hpp"

namespace rnncc::report {

namespace {

constexpr EnumNames<Verdict, 5> verdict_names{{
    {Verdict::match, "match"},
    {Verdict::consistent, "consistent"},
    {Verdict::mismatch, "mismatch"},
    {Verdict::no_expectation, "no expectation"},
    {Verdict::undetermined, "undetermined"},
}};
static_assert(names_are_distinct(verdict_names));

/// Position in constant < log < log·loglog < log^2 < linear; other and
/// unknown rank above all.
int rank(GrowthClass growth) {
  switch (growth) {
    case GrowthClass::constant:
      return 0;
    case GrowthClass::log:
      return 1;
    case GrowthClass::log_log_log:
      return 2;
    case GrowthClass::log_squared:
      return 3;
    case GrowthClass::linear:
      return 4;
    default:
      return 5;
  }
}

}  // namespace

std::string_view to_string(Verdict verdict) {
  return name_in(verdict_names, verdict);
}

Verdict judge(const Expectation& expected, GrowthClass measured) {
  if (!expected.growth) return Verdict::no_expectation;
  if (measured == GrowthClass::unknown) return Verdict::undetermined;
  const Verdict agrees = expected.circuit_only ? Verdict::consistent : Verdict::match;
  if (measured == *expected.growth) return agrees;
  if (expected.upper_bound && rank(measured) < rank(*expected.growth)) return agrees;
  return Verdict::mismatch;
}

}  // namespace rnncc::report
