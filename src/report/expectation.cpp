#include "rnncc/report/expectation.hpp"

namespace rnncc::report {

namespace {

/// Position in constant < log < log^2 < linear; other and unknown rank above all.
int rank(GrowthClass growth) {
  switch (growth) {
    case GrowthClass::constant:
      return 0;
    case GrowthClass::log:
      return 1;
    case GrowthClass::log_squared:
      return 2;
    case GrowthClass::linear:
      return 3;
    default:
      return 4;
  }
}

}  // namespace

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::match:
      return "match";
    case Verdict::mismatch:
      return "mismatch";
    case Verdict::no_expectation:
      return "no expectation";
    case Verdict::undetermined:
      return "undetermined";
  }
  return "?";
}

Verdict judge(const Expectation& expected, GrowthClass measured) {
  if (!expected.growth) return Verdict::no_expectation;
  if (measured == GrowthClass::unknown) return Verdict::undetermined;
  if (measured == *expected.growth) return Verdict::match;
  if (expected.upper_bound && rank(measured) < rank(*expected.growth)) return Verdict::match;
  return Verdict::mismatch;
}

}  // namespace rnncc::report
