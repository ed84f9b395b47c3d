// The paper's expectations (PAPER.md, issue 5) and the verdict rules.
#include <doctest/doctest.h>

#include "rnncc/report/expected_class.hpp"

using namespace rnncc::report;

namespace {
const char* const fixed_formats[] = {"mod:16", "modp:65521", "fixed:16.8", "fixed:12.4:floor:wrap"};
}  // namespace

TEST_CASE("linear families under scan: log arithmetic depth — Boolean depth log when fixed width") {
  {
    const bool family = true;  // a linear recurrence
    for (const char* schedule : {"scan", "chunked:16"}) {
      for (Measure measure : {Measure::arithmetic_depth, Measure::multiplicative_depth}) {
        Expectation expected = expected_class(family, schedule, "exact", measure);
        CHECK(expected.growth == GrowthClass::log);
        CHECK(expected.upper_bound);
      }
      for (const char* format : fixed_formats) {
        Expectation depth = expected_class(family, schedule, format, Measure::depth);
        CHECK(depth.growth == GrowthClass::log);
        CHECK(depth.upper_bound);
        CHECK(expected_class(family, schedule, format, Measure::size).growth ==
              GrowthClass::linear);
      }
      // exact: widths grow with T, Boolean depth up to log^2.
      Expectation exact_depth = expected_class(family, schedule, "exact", Measure::depth);
      CHECK(exact_depth.growth == GrowthClass::log_squared);
      CHECK(exact_depth.upper_bound);
      CHECK_FALSE(expected_class(family, schedule, "exact", Measure::size).growth.has_value());
    }
  }
}

TEST_CASE("sequential is linear for every family — nonlinear families have no scan") {
  {
    const bool family = false;  // a nonlinear recurrence
    Expectation scan = expected_class(family, "scan", "mod:8", Measure::depth);
    CHECK_FALSE(scan.growth.has_value());
    CHECK(scan.reason.find("does not apply") != std::string::npos);
    CHECK_FALSE(expected_class(family, "chunked:8", "mod:8", Measure::depth).growth);
  }
  for (const bool family : {false, true}) {
    for (Measure measure : all_measures) {
      Expectation expected = expected_class(family, "sequential", "fixed:16.8", measure);
      CHECK(expected.growth == GrowthClass::linear);
      // Products by a weight 1 fold away: multiplicative depth is only bounded.
      CHECK(expected.upper_bound == (measure == Measure::multiplicative_depth));
    }
    CHECK(expected_class(family, "sequential", "exact", Measure::depth).growth ==
          GrowthClass::linear);
  }
}

TEST_CASE("table: log Boolean depth, linear size, no word-level depth") {
  for (const bool family : {false, true}) {
    Expectation depth = expected_class(family, "table", "fixed:8.4", Measure::depth);
    CHECK(depth.growth == GrowthClass::log);
    CHECK(depth.upper_bound);
    CHECK(expected_class(family, "table", "fixed:8.4", Measure::size).growth ==
          GrowthClass::linear);
    CHECK_FALSE(expected_class(family, "table", "fixed:8.4", Measure::arithmetic_depth).growth);
  }
}

TEST_CASE("unknown names give no expectation and say why") {
  Expectation schedule = expected_class(true, "zigzag", "mod:8", Measure::depth);
  CHECK_FALSE(schedule.growth);
  CHECK(schedule.reason.find("zigzag") != std::string::npos);
  CHECK_FALSE(expected_class(true, "scan", "decimal:8", Measure::depth).growth);
}

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
}
