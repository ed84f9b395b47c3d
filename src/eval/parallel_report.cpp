#include "rnncc/eval/parallel_report.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "rnncc/common/error.hpp"

namespace rnncc::eval {

TimedEvaluation evaluate_timed(const Evaluator& evaluator, const PatternSet& inputs,
                               const std::vector<unsigned>& thread_counts, unsigned block_words,
                               unsigned repetitions) {
  if (thread_counts.empty()) throw InputError("no thread count given");
  if (std::find(thread_counts.begin(), thread_counts.end(), 0U) != thread_counts.end())
    throw InputError("thread count must be at least 1");
  const unsigned largest = *std::max_element(thread_counts.begin(), thread_counts.end());
  TimedEvaluation result;
  ParallelismReport& report = result.report;
  report.mode = evaluator.mode();
  report.work = evaluator.plan().work();
  report.span = evaluator.plan().span();
  report.parallelism =
      report.span == 0 ? 0.0 : static_cast<double>(report.work) / static_cast<double>(report.span);
  report.block_words =
      block_words != 0 ? block_words : evaluator.block_words_for(inputs.pattern_count(), largest);
  report.patterns = inputs.pattern_count();
  report.value_slots = evaluator.plan().slot_count();

  auto time_with = [&](unsigned threads, PatternSet& outputs) {
    double best = 0;
    for (unsigned r = 0; r < std::max(1U, repetitions); ++r) {
      const auto start = std::chrono::steady_clock::now();
      outputs = evaluator.evaluate(inputs, EvaluationOptions{threads, report.block_words});
      const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
      if (r == 0 || elapsed.count() < best) best = elapsed.count();
    }
    return best;
  };
  const bool one_thread_asked =
      std::find(thread_counts.begin(), thread_counts.end(), 1U) != thread_counts.end();
  double one_thread_seconds = 0;
  if (!one_thread_asked) one_thread_seconds = time_with(1, result.outputs);
  bool have_outputs = !one_thread_asked;
  for (unsigned threads : thread_counts) {
    PatternSet outputs;
    ThreadTiming timing;
    timing.threads = threads;
    timing.seconds = time_with(threads, outputs);
    if (threads == 1 && one_thread_seconds == 0) one_thread_seconds = timing.seconds;
    if (have_outputs && !(outputs == result.outputs))
      throw std::logic_error("evaluation with different thread counts gave different outputs");
    if (!have_outputs) result.outputs = std::move(outputs);
    have_outputs = true;
    report.timings.push_back(timing);
  }
  const double seconds_per_step =
      report.work == 0 ? 0.0 : one_thread_seconds / static_cast<double>(report.work);
  for (ThreadTiming& timing : report.timings) {
    timing.speedup = timing.seconds > 0 ? one_thread_seconds / timing.seconds : 0.0;
    timing.brent_bound_steps = static_cast<double>(report.work) / timing.threads + report.span;
    timing.brent_bound_seconds = timing.brent_bound_steps * seconds_per_step;
  }
  return result;
}

}  // namespace rnncc::eval
