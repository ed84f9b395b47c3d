// Growth series with hand-chosen values for the report writer tests.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "rnncc/report/growth_series.hpp"

namespace rnncc::test {

/// Four series over T = 16 … 1024 (k = log2 T = 4 … 10):
///  0. diagonal · scan, depth 12k + 5, arith 2k + 1, mult k, ands 900T + 3 — log, matches;
///     its model name holds a comma and a quote (CSV quoting).
///  1. lstm · sequential, depth 40T + 3, arith 3T, mult T, ands 5000T — linear, matches.
///  2. gru · table, depth 9k + 2, no word depths, ands 70000T — log, matches;
///     its model name holds < & > (markup escaping).
///  3. relu-rnn · sequential, depth 30k, arith 3k — log where linear is expected: two
///     mismatches; mult k — within its bound (≤ linear), matches; ands 100T — linear.
/// compile_seconds are values without a short exact decimal (0.1·i + 0.2).
/// The expectations are the paper's for each schedule in a fixed-width
/// format, written out by hand: scan ≤ log for the depths and linear size;
/// sequential linear (multiplicative depth ≤ linear); table ≤ log depth, no
/// word depths, linear size.
inline std::vector<report::GrowthSeries> sample_series() {
  using report::Expectation;
  using report::GrowthClass;
  const Expectation at_most_log{GrowthClass::log, true, "log2 T combine levels"};
  const Expectation linear{GrowthClass::linear, false, "each step waits for the previous one"};
  const Expectation at_most_linear{GrowthClass::linear, true, "products by 1 fold away"};
  const Expectation linear_size{GrowthClass::linear, false, "T copies of a fixed-width step"};
  const Expectation none{std::nullopt, false, "table: no word-level circuit"};
  const report::MeasureExpectations scan{at_most_log, at_most_log, at_most_log, linear_size, {}};
  const report::MeasureExpectations sequential{linear, linear, at_most_linear, linear_size, {}};
  const report::MeasureExpectations table{at_most_log, none, none, linear_size, {}};
  std::vector<report::GrowthSeries> all = {
      {"diag, \"small\"", "diagonal", "scan", "mod:16", scan, {}},
      {"lstm-small", "lstm", "sequential", "mod:16", sequential, {}},
      {"gru<&>", "gru", "table", "mod:16", table, {}},
      {"relu-odd", "relu-rnn", "sequential", "mod:16", sequential, {}},
  };
  for (std::uint32_t k = 4; k <= 10; ++k) {
    const std::uint64_t length = std::uint64_t{1} << k;
    const double seconds = 0.1 * k + 0.2;
    const std::uint64_t peak = (std::uint64_t{3} << 30) + k;
    all[0].points.push_back({length, 900 * length + 3, 12 * k + 5, 2 * k + 1, k, 450 * length, 16,
                             900 * length / 16, 900 * length / 256 + k, seconds, peak, 3 + k});
    all[1].points.push_back({length, 5000 * length, static_cast<std::uint32_t>(40 * length + 3),
                             static_cast<std::uint32_t>(3 * length),
                             static_cast<std::uint32_t>(length), 300, 16, 40 * length + 300,
                             40 * length + 3, seconds * 2, peak * 2});
    all[2].points.push_back({length, 70000 * length, 9 * k + 2, std::nullopt, std::nullopt,
                             4000 * length, 8, 70000 * length / 16, 70000 * length / 256, seconds,
                             peak});
    all[3].points.push_back(
        {length, 100 * length, 30 * k, 3 * k, k, 50, 16, 7 * length, 30 * k, seconds, peak});
  }
  // Optimised depths a little below the depths, expected alike.
  for (report::GrowthSeries& series : all) {
    series.expected.optimized_depth = series.expected.depth;
    for (report::GrowthPoint& point : series.points)
      point.optimized_depth = point.depth - point.depth / 4;
  }
  return all;
}

}  // namespace rnncc::test
