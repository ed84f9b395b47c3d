// Timing an evaluation at several thread counts, next to the circuit's
// work, span and Brent's bound.
#pragma once

#include <cstdint>
#include <vector>

#include "rnncc/eval/evaluator.hpp"
#include "rnncc/eval/pattern_set.hpp"

namespace rnncc::eval {

/// One thread count's measurement.
struct ThreadTiming {
  unsigned threads = 1;
  /// Wall-clock seconds of Evaluator::evaluate (best of the repetitions).
  double seconds = 0;
  /// Seconds with one thread divided by `seconds`.
  double speedup = 0;
  /// Brent's bound W/P + D, in AND steps (W = work, D = span, P = threads).
  double brent_bound_steps = 0;
  /// The bound in seconds: brent_bound_steps times the one-thread seconds
  /// per AND step (one-thread seconds / W).
  double brent_bound_seconds = 0;
};

struct ParallelismReport {
  ParallelMode mode = ParallelMode::patterns;
  std::uint64_t work = 0;         ///< AND nodes evaluated (those outputs depend on)
  std::uint32_t span = 0;         ///< depth in AND levels
  double parallelism = 0;         ///< work / span (0 when the span is 0)
  unsigned block_words = 0;       ///< 64-pattern words per block
  std::uint64_t patterns = 0;     ///< patterns evaluated
  std::uint32_t value_slots = 0;  ///< value slots per block (largest live set + 1)
  /// One entry per thread count asked, in the order asked.
  std::vector<ThreadTiming> timings;
};

/// The outputs and the timings of evaluating `inputs` with each of
/// `thread_counts` (one thread is also timed, first, when not asked, as the
/// base of the speed-ups), each the best of `repetitions` runs, all with
/// the same block width (`block_words`, 0 = chosen for the largest count).
/// Throws std::logic_error if two thread counts give different outputs,
/// InputError for a thread count of 0 or a bad width.
struct TimedEvaluation {
  PatternSet outputs;
  ParallelismReport report;
};
TimedEvaluation evaluate_timed(const Evaluator& evaluator, const PatternSet& inputs,
                               const std::vector<unsigned>& thread_counts, unsigned block_words = 0,
                               unsigned repetitions = 1);

}  // namespace rnncc::eval
