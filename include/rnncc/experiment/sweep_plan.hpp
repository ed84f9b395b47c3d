// Which series a growth experiment measures: the default set or the named
// models, in which schedules and formats, at which lengths.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "rnncc/arith/format.hpp"
#include "rnncc/compile/schedule.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::experiment {

/// One model × format × schedule to measure, with its lengths.
struct SeriesPlan {
  std::filesystem::path model_path;
  /// Replaces the format the model file declares; empty: the file's own.
  std::optional<arith::Format> format;
  /// Empty: the family's defaults (default_schedules).
  std::optional<compile::Schedule> schedule;
  /// Increasing, not empty.
  std::vector<std::uint64_t> lengths;
};

/// What to measure, as `rnncc growth`'s flags say it.
struct SweepRequest {
  /// Model files; empty: the default set (default_set.hpp).
  std::vector<std::filesystem::path> models;
  /// Empty: powers of two from default_shortest_length to the default
  /// longest (lengths.hpp; a default-set entry's own longest).
  std::optional<std::vector<std::uint64_t>> lengths;
  /// Empty: each model's family defaults; for the default set, only its
  /// entries under one of these schedules.
  std::vector<compile::Schedule> schedules;
  /// Replaces every model's format (the default set's too).
  std::optional<arith::Format> format;
  /// Analytic depths: the default lengths go up to 2^40.
  bool analytic = false;
};

/// The plans of `request`: for the default set one per entry (filtered by
/// the schedules), its models under default_model_directory() (whose
/// lookup may throw InputError); for named models one per model ×
/// schedule, or one per model with the family defaults. Reads no model.
std::vector<SeriesPlan> plan_series(const SweepRequest& request);

/// The schedules a plan stands for: its own, or for the family defaults
/// scan when the model supports it (model::supports_scan), else
/// sequential and table.
std::vector<compile::Schedule> schedules_for(const SeriesPlan& plan, const model::Model& model);

}  // namespace rnncc::experiment
