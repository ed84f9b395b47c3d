// Growth class of a measure D(T) from its doubling increments.
//
// The rule (all quantities in long double; τ = noise, ρ = relative,
// σ = doubling_slope from ClassificationTolerance):
//
//  1. Increments. For every sample length T whose double 2T is also sampled,
//     Δ(k) = D(2T) − D(T) at k = log2 T. Lengths need not be powers of two
//     nor consecutive: 16, 24, 32, 48, 64 give increments at k = 4, log2 24
//     and 5; a length without its double gives none (16, 40, 100 give none).
//     Gaps are not bridged: 16, 64, 256 give no increment.
//  2. `unknown` when there are fewer than `minimum_increments` increments.
//  3. `constant` when every sampled value lies within 2τ of every other one
//     (each value may be off by ±τ from a true constant).
//  4. `other` when some increment is below −2τ: the measure decreases.
//  5. Trend of the increments: the least-squares line Δ ≈ α + β·k over the
//     increments, and its rise G = β · (k_last − k_first) over the sampled
//     range. `log` when G ≤ 6τ + ρ·|mean Δ|: the increments are bounded
//     (a value noise of ±τ moves each increment by up to ±2τ, which tilts
//     the line by at most about 6τ over the range; ρ absorbs structural
//     jitter, such as an adder depth that steps at powers of two).
//  6. `linear` when every increment is positive and the least-squares slope
//     of log2 Δ against k is within σ of 1: the increments double per
//     doubling of T (D = a·T + lower-order terms; T·log T also lands here).
//  7. `log·loglog` when every k is at least 1, the least-squares line
//     Δ ≈ α' + β'·log2 k has β' > 0, fits every increment within
//     4τ + (ρ/2)·G' (G' = β'·(log2 k_last − log2 k_first)), and its sum of
//     squared residuals is at most half that of the line of step 5, which
//     itself exceeds 2τ² per increment (more than value noise explains): the
//     increments grow like log k, not like k (D = a·k·log2 k + b·k + c,
//     whose increments are a·(log2 k + 1/ln 2) + b to first order). Over
//     the lengths a computer can build (k ≤ 30, log2 k ≤ 5) the two lines
//     differ by little, so the rule asks for a clear preference and
//     otherwise goes on to step 8.
//  8. `log^2` when β > 0 and the line fits every increment within
//     4τ + (ρ/2)·G: the increments grow linearly in k (D = a·k² + b·k + c).
//  9. `other` otherwise (for example T², √T or log³ T over a long range).
//
// A constant series is its own class, `constant`, not `log`: the reports
// then say that the measure did not grow at all, and the verdicts accept it
// wherever `log` is an upper bound (see expectation.hpp).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/report/measure.hpp"

namespace rnncc::report {

/// How a measure grows with the sequence length T.
enum class GrowthClass {
  constant,     ///< does not change (within noise)
  log,          ///< bounded doubling increments: Θ(log T) or slower
  log_log_log,  ///< increments growing linearly in log log T: Θ(log T · log log T)
  log_squared,  ///< increments growing linearly in log T: Θ(log² T)
  linear,       ///< increments doubling with T: Θ(T)
  other,        ///< none of the above (decreasing, polynomial, polylog of higher degree)
  unknown,      ///< too few doublings to say
};

/// "constant", "log", "log·loglog", "log^2", "linear", "other" or "unknown".
std::string_view to_string(GrowthClass growth);

/// The class named by `text` (as printed by to_string; "log*loglog" is
/// accepted for "log·loglog"), or empty.
std::optional<GrowthClass> parse_growth_class(std::string_view text);

/// Tolerances of the classification rule (see the comment at the top).
struct ClassificationTolerance {
  long double noise = 1;              ///< τ: each value may be off by ±τ
  long double relative = 0.1L;        ///< ρ: relative slack for structural jitter
  long double doubling_slope = 0.25;  ///< σ: |slope of log2 Δ against k − 1| for `linear`
  std::size_t minimum_increments = 3;
};

/// D(2T) − D(T) at k = log2 T.
struct DoublingIncrement {
  long double log2_length = 0;
  long double increment = 0;
};

/// The increments of step 1, sorted by length. `samples` must be sorted by
/// length without duplicates (as measure_samples returns them).
std::vector<DoublingIncrement> doubling_increments(std::span<const Sample> samples);

/// The class and the evidence behind it.
struct Classification {
  GrowthClass growth = GrowthClass::unknown;
  std::vector<DoublingIncrement> increments;
  /// G of step 5 (0 with fewer than two increments).
  long double trend_rise = 0;
  /// Slope of log2 Δ against k (step 6), when every increment is positive.
  std::optional<long double> increment_doubling_slope;
  /// One sentence: which step decided and with which numbers.
  std::string reason;
};

/// Classifies the samples (sorted by length, no duplicates) by the rule above.
Classification classify(std::span<const Sample> samples,
                        const ClassificationTolerance& tolerance = {});

}  // namespace rnncc::report
