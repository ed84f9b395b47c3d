// The paper's expectations (docs: experiment/expectations.hpp), hand-derived
// from its theorems, for typed series keys.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>

#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/compile/schedule.hpp"
#include "rnncc/experiment/expectations.hpp"
#include "rnncc/model/registry.hpp"

using namespace rnncc::report;
using rnncc::arith::parse_format;
using rnncc::compile::parse_schedule;
using rnncc::experiment::expected_class;
using rnncc::experiment::SeriesKey;
namespace model = rnncc::model;

namespace {

const char* const fixed_formats[] = {"mod:16", "modp:65521", "fixed:16.8", "fixed:12.4:floor:wrap"};

/// A series of a linear family (diagonal) when `linear`, else of a
/// nonlinear one (relu-rnn), under `schedule` in `format`.
SeriesKey key(bool linear, const std::string& schedule, const std::string& format) {
  return {"m", linear ? &model::Diagonal::descriptor : &model::ReluRnn::descriptor,
          parse_schedule(schedule), parse_format(format), linear};
}

Expectation expected(bool linear, const std::string& schedule, const std::string& format,
                     Measure measure) {
  return expected_class(key(linear, schedule, format), measure);
}

}  // namespace

TEST_CASE("linear families under scan: log arithmetic depth — Boolean depth log when fixed width") {
  {
    const bool family = true;  // a linear recurrence
    for (const char* schedule : {"scan", "chunked:16"}) {
      for (Measure measure : {Measure::arithmetic_depth, Measure::multiplicative_depth}) {
        Expectation expectation = expected(family, schedule, "exact", measure);
        CHECK(expectation.growth == GrowthClass::log);
        CHECK(expectation.upper_bound);
      }
      for (const char* format : fixed_formats) {
        Expectation depth = expected(family, schedule, format, Measure::depth);
        CHECK(depth.growth == GrowthClass::log);
        CHECK(depth.upper_bound);
        CHECK(expected(family, schedule, format, Measure::size).growth == GrowthClass::linear);
      }
      // exact: widths grow with T, Boolean depth up to log^2.
      Expectation exact_depth = expected(family, schedule, "exact", Measure::depth);
      CHECK(exact_depth.growth == GrowthClass::log_squared);
      CHECK(exact_depth.upper_bound);
      CHECK_FALSE(expected(family, schedule, "exact", Measure::size).growth.has_value());
    }
  }
}

TEST_CASE("sequential is linear for every family — nonlinear families have no scan") {
  {
    const bool family = false;  // a nonlinear recurrence
    Expectation scan = expected(family, "scan", "mod:8", Measure::depth);
    CHECK_FALSE(scan.growth.has_value());
    CHECK(scan.reason.find("does not apply") != std::string::npos);
    CHECK_FALSE(expected(family, "chunked:8", "mod:8", Measure::depth).growth);
  }
  for (const bool family : {false, true}) {
    for (Measure measure : all_measures) {
      Expectation expectation = expected(family, "sequential", "fixed:16.8", measure);
      CHECK(expectation.growth == GrowthClass::linear);
      // Products by a weight 1 fold away: multiplicative depth is only bounded.
      CHECK(expectation.upper_bound == (measure == Measure::multiplicative_depth));
    }
    CHECK(expected(family, "sequential", "exact", Measure::depth).growth == GrowthClass::linear);
  }
}

TEST_CASE("table: log Boolean depth, linear size, no word-level depth") {
  for (const bool family : {false, true}) {
    Expectation depth = expected(family, "table", "fixed:8.4", Measure::depth);
    CHECK(depth.growth == GrowthClass::log);
    CHECK(depth.upper_bound);
    CHECK(expected(family, "table", "fixed:8.4", Measure::size).growth == GrowthClass::linear);
    CHECK_FALSE(expected(family, "table", "fixed:8.4", Measure::arithmetic_depth).growth);
  }
}

TEST_CASE("a network of linear heads is judged as a linear recurrence, of nonlinear ones not") {
  // The network family is neither linear nor nonlinear by itself: the key
  // says whether its heads compose (model::supports_scan).
  SeriesKey network{"net", &model::Network::descriptor, parse_schedule("scan"),
                    parse_format("mod:16"), true};
  CHECK(expected_class(network, Measure::depth).growth == GrowthClass::log);
  network.composes_associatively = false;
  CHECK_FALSE(expected_class(network, Measure::depth).growth);
}

TEST_CASE("reasons name the schedule, its assumption and the format") {
  CHECK(expected(false, "chunked:8", "mod:8", Measure::depth).reason ==
        "chunked does not apply to a nonlinear recurrence");
  CHECK(expected(true, "chunked:8", "mod:8", Measure::depth).reason ==
        "chunked (fixed C, T >> C): log2 T combine levels, each of fixed Boolean depth; the "
        "paper's bound is TC0 (constant depth with unbounded fan-in threshold gates), which "
        "bounded fan-in AND levels show as log");
  CHECK(expected(true, "scan", "mod:8", Measure::arithmetic_depth).reason ==
        "scan: balanced tree of log2 T affine combines (Thm 3)");
  CHECK(expected(true, "sequential", "exact", Measure::size).reason ==
        "size in format 'exact' depends on value bounds that grow with T");
  CHECK(expected(false, "sequential", "mod:8", Measure::depth).reason ==
        "sequential: each step waits for the previous state (Prop 1); this is the cost of the "
        "circuit this schedule builds, not a lower bound: that a nonlinear RNN has no shallow "
        "circuit is conditional (L or P not in NC) and rests on constructions solving complete "
        "problems (rnncc prove)");
  CHECK(expected(true, "sequential", "mod:8", Measure::depth).reason ==
        "sequential: each step waits for the previous state (Prop 1)");
}

TEST_CASE("each expectation names its Figure 1 column; TC0, NC1 and PNC1 differ") {
  // By the paper's Figure 1: diagonal TC0, PD NC1, DeltaNet and RWKV-7 PNC1,
  // nonlinear RNNs L (log precision) or P (poly precision).
  const std::pair<const model::FamilyDescriptor*, std::string> families[] = {
      {&model::Diagonal::descriptor, "TC0"},   {&model::PermutationDiagonal::descriptor, "NC1"},
      {&model::DeltaNet::descriptor, "PNC1"},  {&model::Rwkv7::descriptor, "PNC1"},
      {&model::ReluRnn::descriptor, "L or P"}, {&model::Lstm::descriptor, "L or P"},
  };
  std::set<std::string> depth_reasons;
  for (const auto& [family, column] : families) {
    const bool linear = family->linear;
    const SeriesKey scan_key{"m", family, parse_schedule(linear ? "scan" : "sequential"),
                             parse_format("mod:16"), linear};
    const Expectation depth = expected_class(scan_key, Measure::depth);
    CHECK(depth.column == column);
    if (linear) depth_reasons.insert(depth.reason);
  }
  // TC0, NC1, PNC1: three different sentences for the same "<= log".
  CHECK(depth_reasons.size() == 3);
}

TEST_CASE("a nonlinear recurrence's sequential or table circuit is consistent, never a match") {
  for (const char* schedule : {"sequential", "table"}) {
    const Expectation depth = expected(false, schedule, "mod:8", Measure::depth);
    CHECK(depth.circuit_only);
    CHECK(judge(depth, schedule == std::string("table") ? GrowthClass::log : GrowthClass::linear) ==
          Verdict::consistent);
    // A linear family under the same schedule is judged as before.
    const Expectation linear_depth = expected(true, schedule, "mod:8", Measure::depth);
    CHECK_FALSE(linear_depth.circuit_only);
    CHECK(judge(linear_depth,
                schedule == std::string("table") ? GrowthClass::log : GrowthClass::linear) ==
          Verdict::match);
  }
}

TEST_CASE("exactly one rule applies to every schedule, composition, width and measure") {
  // Typed keys leave no unknown schedule or format (their parsers refuse
  // them), so the table must be total.
  CHECK_THROWS_AS(parse_schedule("zigzag"), rnncc::InputError);
  CHECK_THROWS_AS(parse_format("decimal:8"), rnncc::InputError);
  for (const char* schedule : {"sequential", "scan", "chunked:4", "table"}) {
    for (const char* format : {"exact", "mod:8", "modp:7", "fixed:8.4"}) {
      for (const bool linear : {false, true}) {
        for (Measure measure : all_measures) {
          CAPTURE(schedule);
          CAPTURE(format);
          CAPTURE(linear);
          CAPTURE(to_string(measure));
          int applying = 0;
          for (const auto& rule : rnncc::experiment::expectation_rules())
            applying += rnncc::experiment::applies(rule, key(linear, schedule, format), measure);
          CHECK(applying == 1);
          CHECK_FALSE(expected(linear, schedule, format, measure).reason.empty());
        }
      }
    }
  }
}
