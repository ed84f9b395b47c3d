#include "rnncc/experiment/sweep.hpp"

#include "rnncc/experiment/observed_precision.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <stdexcept>

#include "rnncc/common/error.hpp"
#include "rnncc/common/resource_usage.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/compile/model_depth.hpp"
#include "rnncc/experiment/series_key.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/report/growth_point.hpp"

namespace rnncc::experiment {

void SweepObserver::measuring(const std::string&, std::uint64_t) {}
void SweepObserver::point_measured(const report::GrowthSeries&) {}
void SweepObserver::series_finished(const std::string&, std::size_t, double) {}
void SweepObserver::series_skipped(const std::string&) {}

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// The models read so far, by path and format override.
class ModelCache {
 public:
  const model::Model& get(const std::filesystem::path& path,
                          const std::optional<arith::Format>& format) {
    const std::string key = path.string() + "\n" + (format ? arith::to_string(*format) : "");
    auto found = models_.find(key);
    if (found != models_.end()) return found->second;
    return models_.emplace(key, io::read_model_file(path, format)).first->second;
  }

 private:
  std::map<std::string, model::Model> models_;
};

/// One model × schedule of a plan, ready to be measured.
struct Combination {
  const model::Model& model;
  compile::CompileOptions options;
  report::GrowthSeries description;  ///< names and expectations, no points
  std::string label;
};

/// Calls `measure(combination, lengths)` for every model × schedule of `plans` that
/// compile::check_options accepts at the plan's first length; notes and
/// reports the others as skipped.
template <class MeasureSeries>
void for_each_combination(const std::vector<SeriesPlan>& plans, const SweepOptions& options,
                          std::vector<std::string>& notes, SweepObserver& observer,
                          MeasureSeries&& measure) {
  ModelCache models;
  for (const SeriesPlan& plan : plans) {
    if (plan.lengths.empty()) throw std::invalid_argument("a series plan without lengths");
    const model::Model& model = models.get(plan.model_path, plan.format);
    for (const compile::Schedule& schedule : schedules_for(plan, model)) {
      Combination combination{model, {}, describe_series(series_key(model, schedule)), ""};
      combination.options.schedule = schedule;
      combination.options.reassociate = options.reassociate;
      combination.options.exact_lowering = options.exact_lowering;
      if (options.exact_lowering == arith::ExactLowering::residue) {
        combination.description.format += "/rns";
      }
      combination.label = report::series_label(combination.description, true);
      try {
        combination.options.length =
            std::min<std::uint64_t>(plan.lengths.front(), compile::max_length);
        compile::check_options(model, combination.options);
      } catch (const InputError& error) {
        notes.push_back(fmt::format("skipped {}: {}", combination.label, error.what()));
        observer.series_skipped(combination.label);
        continue;
      }
      measure(combination, plan.lengths);
    }
  }
}

}  // namespace

GrowthSweep run_growth_sweep(const std::vector<SeriesPlan>& plans, const SweepOptions& options,
                             SweepObserver& observer) {
  GrowthSweep sweep;
  const bool peak_resets = reset_peak_resident_bytes();
  for_each_combination(
      plans, options, sweep.notes, observer,
      [&](Combination& combination, const std::vector<std::uint64_t>& lengths) {
        report::GrowthSeries series = combination.description;
        const Clock::time_point series_start = Clock::now();
        for (std::uint64_t length : lengths) {
          observer.measuring(combination.label, length);
          combination.options.length = length;
          try {
            compile::check_options(combination.model, combination.options);
            if (peak_resets) reset_peak_resident_bytes();
            const Clock::time_point start = Clock::now();
            compile::CompiledModel compiled =
                compile::compile(combination.model, combination.options);
            const double seconds = seconds_since(start);
            const std::uint64_t peak = peak_resident_bytes();
            report::GrowthPoint point = report::measure_growth_point(
                length, compiled.lowered.aig, compiled.arithmetic ? &*compiled.arithmetic : nullptr,
                compiled.lowered.widest_value_bits, seconds, peak);
            if (options.optimization.optimization != Optimization::none) {
              point.optimized_depth =
                  optimize_circuit(std::move(compiled.lowered.aig), options.optimization)
                      .circuit.depth();
            }
            if (options.observed_sequences > 0) {
              point.bits_observed =
                  observe_random_runs(combination.model, length, options.observed_sequences, 1)
                      .widest_bits;
            }
            series.points.push_back(point);
          } catch (const InputError& error) {
            sweep.notes.push_back(fmt::format("{} stopped before T = {}: {}", combination.label,
                                              length, error.what()));
            break;
          }
          // Outside the try: an observer's error is not the series stopping.
          observer.point_measured(series);
        }
        observer.series_finished(combination.label, series.points.size(),
                                 seconds_since(series_start));
        if (!series.points.empty()) sweep.series.push_back(std::move(series));
      });
  sweep.peak_memory_note =
      peak_resets ? "peak_bytes: the peak resident memory of the process during each compile "
                    "(its high-water mark is reset before each one)"
                  : "peak_bytes: the peak resident memory of the process so far (this system "
                    "refused to reset it, so it never decreases along a sweep)";
  return sweep;
}

AnalyticSweep run_analytic_sweep(const std::vector<SeriesPlan>& plans, const SweepOptions& options,
                                 SweepObserver& observer) {
  AnalyticSweep sweep;
  for_each_combination(
      plans, options, sweep.notes, observer,
      [&](Combination& combination, const std::vector<std::uint64_t>& lengths) {
        const Clock::time_point series_start = Clock::now();
        std::optional<compile::ModelDepth> depth;
        try {
          depth.emplace(combination.model, combination.options);
        } catch (const InputError& error) {
          sweep.notes.push_back(fmt::format("skipped {}: {}", combination.label, error.what()));
          observer.series_skipped(combination.label);
          return;
        }
        report::AnalyticSeries analytic{combination.description, {}};
        for (std::uint64_t length : lengths) {
          observer.measuring(combination.label, length);
          try {
            analytic.depths.emplace_back(length, depth->depth(length));
          } catch (const LimitError& error) {
            sweep.notes.push_back(fmt::format("{} stopped before T = {}: {}", combination.label,
                                              length, error.what()));
            break;
          } catch (const InputError& error) {
            sweep.notes.push_back(
                fmt::format("{} skips T = {}: {}", combination.label, length, error.what()));
          }
        }
        if (analytic.depths.empty()) return;
        observer.series_finished(combination.label, analytic.depths.size(),
                                 seconds_since(series_start));
        sweep.series.push_back(std::move(analytic));
      });
  return sweep;
}

}  // namespace rnncc::experiment
