// Work, span, parallelism and Brent's bound reported for circuits whose
// measures are known by construction.
#include <doctest/doctest.h>

#include <vector>

#include "eval_circuits.hpp"
#include "rnncc/eval/parallel_report.hpp"
#include "rnncc/eval/random_patterns.hpp"

using rnncc::eval::Evaluator;
using rnncc::eval::ParallelMode;
using rnncc::logic::Aig;
using rnncc::logic::Literal;

TEST_CASE("a balanced AND tree of 256 inputs: work 255, span 8, Brent steps W/P + D") {
  Aig aig;
  std::vector<Literal> layer;
  for (int i = 0; i < 256; ++i)
    layer.push_back(aig.create_input());
  while (layer.size() > 1) {
    std::vector<Literal> next;
    for (std::size_t i = 0; i < layer.size(); i += 2)
      next.push_back(aig.create_and(layer[i], layer[i + 1]));
    layer = next;
  }
  aig.create_output(layer[0]);
  for (ParallelMode mode : {ParallelMode::patterns, ParallelMode::levels}) {
    Evaluator evaluator(aig, mode);
    const auto inputs = rnncc::eval::random_patterns(256, 640, 1);
    const auto timed = rnncc::eval::evaluate_timed(evaluator, inputs, {2, 3}, 0, 2);
    const auto& report = timed.report;
    CHECK(report.work == 255);
    CHECK(report.span == 8);
    CHECK(report.parallelism == doctest::Approx(255.0 / 8));
    CHECK(report.patterns == 640);
    REQUIRE(report.timings.size() == 2);
    CHECK(report.timings[0].threads == 2);
    CHECK(report.timings[0].brent_bound_steps == doctest::Approx(255.0 / 2 + 8));
    CHECK(report.timings[1].brent_bound_steps == doctest::Approx(255.0 / 3 + 8));
    CHECK(report.timings[1].seconds > 0);
    CHECK(report.timings[1].speedup > 0);
    // The output is 1 exactly when all 256 inputs are.
    CHECK(timed.outputs == rnncc::test::simple_outputs(aig, inputs));
  }
}
