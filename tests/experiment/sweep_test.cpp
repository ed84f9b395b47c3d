// The sweep on small models at short lengths: measured depths against the
// analytic (max,+) depths of compile::ModelDepth, the family defaults,
// combinations skipped and series stopped with their notes, and progress.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "rnncc/arith/format.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/compile/model_depth.hpp"
#include "rnncc/experiment/sweep.hpp"
#include "support/model_check.hpp"

using namespace rnncc;
using experiment::SeriesPlan;

namespace {

std::string model_path(const std::string& name) {
  return std::string(RNNCC_SOURCE_DIR) + "/circuits/models/" + name + ".toml";
}

SeriesPlan plan(const std::string& name, const std::string& format,
                std::optional<std::string> schedule, std::vector<std::uint64_t> lengths) {
  std::optional<compile::Schedule> parsed;
  if (schedule) parsed = compile::parse_schedule(*schedule);
  return {model_path(name), arith::parse_format(format), parsed, std::move(lengths)};
}

/// Every call, as one line each.
class Recorder : public experiment::SweepObserver {
 public:
  void measuring(const std::string& label, std::uint64_t length) override {
    calls.push_back(label + " T=" + std::to_string(length));
  }
  void series_finished(const std::string& label, std::size_t lengths, double) override {
    calls.push_back(label + ": " + std::to_string(lengths) + " lengths");
  }
  void series_skipped(const std::string& label) override { calls.push_back(label + ": skipped"); }
  std::vector<std::string> calls;
};

bool has_note(const std::vector<std::string>& notes, const std::string& start,
              const std::string& part) {
  for (const std::string& note : notes)
    if (note.rfind(start, 0) == 0 && note.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("parity under scan: measured depths equal the analytic ones, sizes the compiled ones") {
  const std::vector<std::uint64_t> lengths{1, 2, 4, 8, 16};
  Recorder recorder;
  const experiment::GrowthSweep sweep =
      experiment::run_growth_sweep({plan("diagonal", "mod:8", "scan", lengths)}, {}, recorder);
  REQUIRE(sweep.series.size() == 1);
  const report::GrowthSeries& series = sweep.series[0];
  CHECK(series.model == "diagonal");
  CHECK(series.family == "diagonal");
  CHECK(series.schedule == "scan");
  CHECK(series.format == "mod:8");
  CHECK(series.expected.depth.growth == report::GrowthClass::log);
  CHECK(series.expected.depth.upper_bound);
  CHECK(series.expected.size.growth == report::GrowthClass::linear);
  CHECK(sweep.notes.empty());
  CHECK(sweep.peak_memory_note.rfind("peak_bytes: ", 0) == 0);

  const model::Model model = test::load_example_model("diagonal", "mod:8");
  compile::CompileOptions options;
  options.schedule = compile::parse_schedule("scan");
  const compile::ModelDepth analytic(model, options);
  REQUIRE(series.points.size() == lengths.size());
  for (std::size_t i = 0; i < lengths.size(); ++i) {
    CAPTURE(lengths[i]);
    const report::GrowthPoint& point = series.points[i];
    CHECK(point.length == lengths[i]);
    CHECK(point.depth == analytic.depth(lengths[i]));
    CHECK(point.precision_bits == 8);
    options.length = lengths[i];
    CHECK(point.ands == compile::compile(model, options).lowered.aig.and_count());
  }
  CHECK(recorder.calls ==
        std::vector<std::string>{"diagonal · scan · mod:8 T=1", "diagonal · scan · mod:8 T=2",
                                 "diagonal · scan · mod:8 T=4", "diagonal · scan · mod:8 T=8",
                                 "diagonal · scan · mod:8 T=16",
                                 "diagonal · scan · mod:8: 5 lengths"});

  // The analytic sweep of the same plan gives the same depths.
  const experiment::AnalyticSweep depths =
      experiment::run_analytic_sweep({plan("diagonal", "mod:8", "scan", lengths)}, {}, recorder);
  REQUIRE(depths.series.size() == 1);
  REQUIRE(depths.series[0].depths.size() == lengths.size());
  for (std::size_t i = 0; i < lengths.size(); ++i) {
    CHECK(depths.series[0].depths[i].first == lengths[i]);
    CHECK(depths.series[0].depths[i].second == series.points[i].depth);
  }
  CHECK(depths.series[0].description.expected.depth.growth == report::GrowthClass::log);
}

TEST_CASE("family defaults, and a combination that does not apply is skipped with a note") {
  Recorder recorder;
  const experiment::GrowthSweep sweep = experiment::run_growth_sweep(
      {plan("relu_rnn", "mod:4", std::nullopt, {1, 2}), plan("relu_rnn", "mod:4", "scan", {1, 2}),
       plan("diagonal", "fixed:8.4", "scan", {1, 2})},
      {}, recorder);
  REQUIRE(sweep.series.size() == 2);
  CHECK(sweep.series[0].schedule == "sequential");
  CHECK(sweep.series[1].schedule == "table");
  CHECK_FALSE(sweep.series[1].points[0].arithmetic_depth.has_value());
  REQUIRE(sweep.notes.size() == 2);
  CHECK(sweep.notes[0].rfind("skipped relu_rnn · scan · mod:4: ", 0) == 0);
  CHECK(sweep.notes[1].rfind("skipped diagonal · scan · fixed:8.4:nearest-even:saturate: ", 0) ==
        0);
  CHECK(sweep.notes[1].find("reassociate") != std::string::npos);
  CHECK(recorder.calls.back() == "diagonal · scan · fixed:8.4:nearest-even:saturate: skipped");

  // Reassociating lets the fixed-point scan run.
  experiment::SweepOptions reassociate;
  reassociate.reassociate = true;
  const experiment::GrowthSweep reassociated = experiment::run_growth_sweep(
      {plan("diagonal", "fixed:8.4", "scan", {1, 2})}, reassociate, recorder);
  CHECK(reassociated.series.size() == 1);
  CHECK(reassociated.notes.empty());
}

TEST_CASE("a series stops with a note at a length the compiler refuses") {
  Recorder recorder;
  const std::uint64_t too_long = compile::max_length + 1;
  const experiment::GrowthSweep sweep = experiment::run_growth_sweep(
      {plan("diagonal", "mod:8", "sequential", {1, 2, too_long, too_long * 2})}, {}, recorder);
  REQUIRE(sweep.series.size() == 1);
  CHECK(sweep.series[0].points.size() == 2);
  REQUIRE(sweep.notes.size() == 1);
  CHECK(sweep.notes[0].rfind("diagonal · sequential · mod:8 stopped before T = 16777217: ", 0) ==
        0);
  CHECK(recorder.calls.back() == "diagonal · sequential · mod:8: 2 lengths");

  // Analytic: a scan skips a length that is not a power of two, and a
  // format whose widths grow is skipped altogether.
  const experiment::AnalyticSweep analytic = experiment::run_analytic_sweep(
      {plan("diagonal", "mod:8", "scan", {2, 3, 4}), plan("diagonal", "exact", "sequential", {2})},
      {}, recorder);
  REQUIRE(analytic.series.size() == 1);
  CHECK(analytic.series[0].depths.size() == 2);
  CHECK(has_note(analytic.notes, "diagonal · scan · mod:8 skips T = 3: ", ""));
  CHECK(has_note(analytic.notes, "skipped diagonal · sequential · exact: ", ""));
}

TEST_CASE("a plan without lengths is a programming error") {
  experiment::SweepObserver quiet;
  CHECK_THROWS_AS(experiment::run_growth_sweep({plan("diagonal", "mod:8", "scan", {})}, {}, quiet),
                  std::invalid_argument);
}
