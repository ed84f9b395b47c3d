// The growth sweep: every planned model × schedule × format compiled at
// each length and measured (or, analytically, its depth computed), with
// notes for what did not apply or stopped, and progress as it goes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "rnncc/arith/circuit_lowering.hpp"
#include "rnncc/experiment/circuit_optimization.hpp"
#include "rnncc/experiment/sweep_plan.hpp"
#include "rnncc/report/analytic_series.hpp"
#include "rnncc/report/growth_series.hpp"

namespace rnncc::experiment {

/// How the sweep compiles.
struct SweepOptions {
  /// Allow scans in fixed (rounding) formats (compile::CompileOptions).
  bool reassociate = false;
  /// Random input sequences the interpreter runs at each length to observe
  /// the widest value (GrowthPoint::bits_observed); 0 skips it.
  std::size_t observed_sequences = 4;
  /// How exact numbers are carried (compile::CompileOptions); with residues
  /// a series' format reads "exact/rns".
  arith::ExactLowering exact_lowering = arith::ExactLowering::binary;
  /// What gives each point's optimised depth (GrowthPoint::optimized_depth);
  /// each optimised circuit is checked against the one built.
  OptimizationRequest optimization;
};

/// Told of the sweep's progress; each series is named by its label
/// (report::series_label with the format). Does nothing by default.
class SweepObserver {
 public:
  virtual ~SweepObserver() = default;
  /// The series is about to be measured at T = `length`.
  virtual void measuring(const std::string& label, std::uint64_t length);
  /// A length of the series has been measured: series.points.back() is its
  /// point, complete (the series' expectations are not filled in yet).
  virtual void point_measured(const report::GrowthSeries& series);
  /// The series is done: `lengths` lengths measured in `seconds`.
  virtual void series_finished(const std::string& label, std::size_t lengths, double seconds);
  /// The series does not apply and was skipped (a note says why).
  virtual void series_skipped(const std::string& label);
};

/// The measured series of a sweep.
struct GrowthSweep {
  /// The series with at least one point, in plan order, their expectations
  /// filled in (expectations.hpp).
  std::vector<report::GrowthSeries> series;
  /// One sentence per combination skipped or series stopped, in order.
  std::vector<std::string> notes;
  /// What the peak_bytes measure means in this sweep (whether the peak
  /// could be reset before each compile).
  std::string peak_memory_note;
};

/// For each plan and each of its schedules (schedules_for): reads the model
/// (read once per path and format; an unreadable model throws InputError
/// out of the sweep), skips the combination with a note when
/// compile::check_options refuses it at the first length, else compiles
/// it at each length with the outputs after the last step, resetting the
/// peak resident size before each compile, and measures the circuit
/// (report::measure_growth_point), then optimises it as
/// options.optimization says for the optimised depth (optimize_circuit,
/// whose check failing throws out of the sweep). The first length that compile refuses
/// (InputError, or LimitError) stops the series with a note. Throws
/// std::invalid_argument for a plan without lengths.
GrowthSweep run_growth_sweep(const std::vector<SeriesPlan>& plans, const SweepOptions& options,
                             SweepObserver& observer);

/// The analytic series of a sweep.
struct AnalyticSweep {
  /// The series with at least one depth, in plan order, expectations filled in.
  std::vector<report::AnalyticSeries> series;
  /// One sentence per combination skipped, length skipped or series stopped.
  std::vector<std::string> notes;
};

/// As run_growth_sweep, but the depth at each length comes from
/// compile::ModelDepth (lengths up to 2^62). A combination it refuses is
/// skipped with a note; a length it refuses (a scan at a length that is
/// not a power of two) is skipped with a note; a LimitError stops the series
/// with a note.
AnalyticSweep run_analytic_sweep(const std::vector<SeriesPlan>& plans, const SweepOptions& options,
                                 SweepObserver& observer);

}  // namespace rnncc::experiment
