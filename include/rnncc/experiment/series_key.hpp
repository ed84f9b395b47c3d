// What identifies one growth series: a model, its family, the schedule and
// the number format, as values (nothing is re-read from display text).
#pragma once

#include <string>

#include "rnncc/arith/format.hpp"
#include "rnncc/compile/schedule.hpp"
#include "rnncc/model/family.hpp"
#include "rnncc/model/model.hpp"
#include "rnncc/report/growth_series.hpp"

namespace rnncc::experiment {

/// One model × schedule × format.
struct SeriesKey {
  std::string model;                                ///< the model's name
  const model::FamilyDescriptor* family = nullptr;  ///< never null in a planned key
  compile::Schedule schedule;
  arith::Format format;
  /// The recurrence composes associatively (model::supports_scan: a linear
  /// family, or a network whose heads are all linear), which is what the
  /// parallel schedules' expectations assume. A network's family cannot
  /// say this by itself: it depends on its heads.
  bool composes_associatively = false;
};

/// The key of `model` (compiled in its own format) under `schedule`.
SeriesKey series_key(const model::Model& model, const compile::Schedule& schedule);

/// An empty growth series for `key`: its display names (model, family
/// name, schedule and format as their parsers read them back) and the
/// paper's expectation for every measure (expectations.hpp); no points.
report::GrowthSeries describe_series(const SeriesKey& key);

}  // namespace rnncc::experiment
