// The measures of one model compiled at increasing sequence lengths: the rows
// of a growth report.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rnncc/report/expectation.hpp"
#include "rnncc/report/measure.hpp"

namespace rnncc::report {

/// One compiled circuit's measures (one row of the growth table).
struct GrowthPoint {
  std::uint64_t length = 0;  ///< sequence length T
  std::uint64_t ands = 0;    ///< AND nodes
  std::uint32_t depth = 0;   ///< Boolean depth in AND levels, as lowered
  /// Word-level depths; absent for the table schedule.
  std::optional<std::uint32_t> arithmetic_depth, multiplicative_depth;
  std::uint64_t max_width = 0;       ///< largest level width
  std::uint64_t precision_bits = 0;  ///< widest value in bits, as the circuit's widths bound it
  /// Brent time T_P = sum over levels l of ceil(w_l / P), for P = 16 and 256.
  std::uint64_t brent_16 = 0, brent_256 = 0;
  double compile_seconds = 0;
  std::uint64_t peak_bytes = 0;
  /// The widest value the interpreter actually met on random inputs of
  /// this length (0 when not measured): the paper's precision, observed.
  std::uint64_t bits_observed = 0;
  /// Boolean depth after the sweep's optimisation (logic::balance by
  /// default), checked equivalent; equal to `depth` without optimisation.
  std::uint32_t optimized_depth = 0;
};

/// The paper's expectation for each measure of a series. The stage that
/// plans a series fills them in (experiment/expectations.hpp); left
/// default, a measure has no expectation.
struct MeasureExpectations {
  Expectation depth, arithmetic_depth, multiplicative_depth, size;
  Expectation optimized_depth;  ///< the same as depth's where the sweep sets it

  /// The expectation of `measure`.
  const Expectation& operator[](Measure measure) const;
  Expectation& operator[](Measure measure);
};

/// A series: one model × schedule × format over increasing lengths. The
/// names are display text (as the CSV and the tables print them).
struct GrowthSeries {
  std::string model, family, schedule, format;
  MeasureExpectations expected;
  std::vector<GrowthPoint> points;
};

/// "model · schedule" (plus " · format" when `with_format`): the label of a
/// series in legends and headings.
std::string series_label(const GrowthSeries& series, bool with_format);

/// True when the series of `all` differ in format, so labels must name it.
bool formats_differ(const std::vector<GrowthSeries>& all);

}  // namespace rnncc::report
