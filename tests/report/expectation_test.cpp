// The verdict rules: a measured growth class against an expectation.
#include <doctest/doctest.h>

#include "rnncc/report/expectation.hpp"

using namespace rnncc::report;

TEST_CASE("verdicts: equality, upper bounds, and no judgement without both classes") {
  Expectation bound{GrowthClass::log, true, ""};
  Expectation exact{GrowthClass::linear, false, ""};
  CHECK(judge(bound, GrowthClass::log) == Verdict::match);
  CHECK(judge(bound, GrowthClass::constant) == Verdict::match);
  CHECK(judge(bound, GrowthClass::log_squared) == Verdict::mismatch);
  CHECK(judge(bound, GrowthClass::linear) == Verdict::mismatch);
  CHECK(judge(bound, GrowthClass::other) == Verdict::mismatch);
  CHECK(judge(exact, GrowthClass::linear) == Verdict::match);
  CHECK(judge(exact, GrowthClass::log) == Verdict::mismatch);
  CHECK(judge(exact, GrowthClass::other) == Verdict::mismatch);
  CHECK(judge(exact, GrowthClass::unknown) == Verdict::undetermined);
  CHECK(judge(Expectation{}, GrowthClass::log) == Verdict::no_expectation);
  CHECK(judge(Expectation{GrowthClass::log_squared, true, ""}, GrowthClass::log) == Verdict::match);
  // log T · log log T lies between log T and log² T.
  CHECK(judge(Expectation{GrowthClass::log_squared, true, ""}, GrowthClass::log_log_log) ==
        Verdict::match);
  CHECK(judge(bound, GrowthClass::log_log_log) == Verdict::mismatch);
  CHECK(judge(Expectation{GrowthClass::log_log_log, true, ""}, GrowthClass::log) == Verdict::match);
  CHECK(judge(Expectation{GrowthClass::log_log_log, true, ""}, GrowthClass::log_squared) ==
        Verdict::mismatch);
}

TEST_CASE("a circuit-only expectation is consistent where it would match, never a match") {
  Expectation circuit{GrowthClass::linear, false, "", "L or P", true};
  CHECK(judge(circuit, GrowthClass::linear) == Verdict::consistent);
  CHECK(judge(circuit, GrowthClass::log) == Verdict::mismatch);
  CHECK(judge(circuit, GrowthClass::unknown) == Verdict::undetermined);
  Expectation bound{GrowthClass::log, true, "", "L or P", true};
  CHECK(judge(bound, GrowthClass::constant) == Verdict::consistent);
  CHECK(to_string(Verdict::consistent) == "consistent");
}
