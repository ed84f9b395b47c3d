#include "rnncc/experiment/series_key.hpp"

#include "rnncc/experiment/expectations.hpp"
#include "rnncc/model/registry.hpp"

namespace rnncc::experiment {

SeriesKey series_key(const model::Model& model, const compile::Schedule& schedule) {
  return {model.name, model.family, schedule, model.format, model::supports_scan(model)};
}

report::GrowthSeries describe_series(const SeriesKey& key) {
  report::GrowthSeries series;
  series.model = key.model;
  series.family = std::string(key.family->name);
  series.schedule = compile::to_string(key.schedule);
  series.format = arith::to_string(key.format);
  for (report::Measure measure : report::all_measures)
    series.expected[measure] = expected_class(key, measure);
  return series;
}

}  // namespace rnncc::experiment
