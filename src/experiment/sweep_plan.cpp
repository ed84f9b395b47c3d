#include "rnncc/experiment/sweep_plan.hpp"

#include <algorithm>

#include "rnncc/experiment/default_set.hpp"
#include "rnncc/experiment/lengths.hpp"
#include "rnncc/model/registry.hpp"

namespace rnncc::experiment {

std::vector<SeriesPlan> plan_series(const SweepRequest& request) {
  // The given lengths, or powers of two up to `longest` (2^40 when analytic).
  auto lengths_up_to = [&](std::uint64_t longest) {
    if (request.lengths) return *request.lengths;
    return powers_of_two(default_shortest_length,
                         request.analytic ? analytic_default_longest_length : longest);
  };
  std::vector<SeriesPlan> plans;
  if (request.models.empty()) {
    const std::filesystem::path directory = default_model_directory();
    for (const DefaultSeries& series : default_set()) {
      if (!request.schedules.empty() &&
          std::find(request.schedules.begin(), request.schedules.end(), series.schedule) ==
              request.schedules.end()) {
        continue;
      }
      const arith::Format format =
          request.format ? *request.format : arith::parse_format(series.format);
      plans.push_back(
          {directory / series.model, format, series.schedule, lengths_up_to(series.longest)});
    }
    return plans;
  }
  for (const std::filesystem::path& path : request.models) {
    if (request.schedules.empty()) {
      plans.push_back({path, request.format, std::nullopt, lengths_up_to(default_longest_length)});
      continue;
    }
    for (const compile::Schedule& schedule : request.schedules)
      plans.push_back({path, request.format, schedule, lengths_up_to(default_longest_length)});
  }
  return plans;
}

std::vector<compile::Schedule> schedules_for(const SeriesPlan& plan, const model::Model& model) {
  using compile::ScheduleKind;
  if (plan.schedule) return {*plan.schedule};
  if (model::supports_scan(model)) return {{ScheduleKind::scan}};
  return {{ScheduleKind::sequential}, {ScheduleKind::table}};
}

}  // namespace rnncc::experiment
