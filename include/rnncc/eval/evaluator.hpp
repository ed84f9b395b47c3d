// Bit-parallel, multi-threaded evaluation of an AIG on input patterns.
#pragma once

#include <cstdint>
#include <string_view>

#include "rnncc/eval/evaluation_plan.hpp"
#include "rnncc/eval/pattern_set.hpp"
#include "rnncc/logic/aig.hpp"

namespace rnncc::eval {

/// How threads share an evaluation.
enum class ParallelMode {
  patterns,  ///< blocks of patterns are split across threads (index-order plan)
  levels,    ///< one block at a time; each level's ANDs split across threads,
             ///< a barrier between levels (level-order plan)
};

/// "patterns" or "levels".
std::string_view name_of(ParallelMode mode);
/// Parses "patterns" or "levels"; throws InputError naming both otherwise.
ParallelMode parse_parallel_mode(std::string_view name);

struct EvaluationOptions {
  /// Threads of the oneTBB arena (>= 1; 1 runs on the calling thread only).
  unsigned threads = 1;
  /// 64-pattern words per block: 1, 2, 4, 8, 16, 32 or 64; 0 lets
  /// Evaluator::block_words_for choose.
  unsigned block_words = 0;
};

/// An AIG compiled for evaluation (see EvaluationPlan); holds no reference
/// to the AIG. Evaluation with any thread count gives the same outputs.
class Evaluator {
 public:
  Evaluator(const logic::Aig& aig, ParallelMode mode);

  /// The outputs under each input pattern: output o in pattern p is the
  /// value of the AIG's output o when input i has the value
  /// inputs.bit(i, p). Throws InputError when inputs.signal_count() is not
  /// the AIG's input count or options are out of range.
  PatternSet evaluate(const PatternSet& inputs, const EvaluationOptions& options = {}) const;

  /// The block width used when options.block_words is 0: the largest
  /// power of two <= 32 words whose live values fit in a per-thread cache
  /// budget (512 KiB for patterns, 1 MiB for levels), and — in patterns
  /// mode — that still gives every thread a block.
  unsigned block_words_for(std::uint64_t pattern_count, unsigned threads) const;

  ParallelMode mode() const { return mode_; }
  const EvaluationPlan& plan() const { return plan_; }

 private:
  ParallelMode mode_;
  EvaluationPlan plan_;
};

/// Evaluator(aig, mode).evaluate(inputs, options) in one call.
PatternSet evaluate(const logic::Aig& aig, const PatternSet& inputs, ParallelMode mode,
                    const EvaluationOptions& options = {});

}  // namespace rnncc::eval
