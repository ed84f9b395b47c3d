#include "rnncc/eval/evaluator.hpp"

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <optional>
#include <thread>
#include <vector>

#include "rnncc/common/enum_names.hpp"
#include "rnncc/common/error.hpp"

namespace rnncc::eval {

namespace {

/// Words of a slot computed at once: a result held in registers.
template <std::size_t W>
constexpr std::size_t chunk_words = W < 16 ? W : 16;

/// Runs steps [first, last) on a block of W words per slot. Inlined into
/// run_steps, so that it is compiled for each of run_steps' targets.
///
/// Word w of a result depends on word w of its fan-ins only, so a slot is
/// computed in chunks, each chunk's loads before its stores: a result may
/// overwrite the slot a fan-in has just released. The chunk goes through a
/// local array, which tells the compiler so and lets it vectorise. The
/// chunk loop is written out for both kinds of step on purpose: shared
/// through a lambda, g++ 12 spilled the chunk to the stack (2.3x slower).
template <std::size_t W>
[[gnu::always_inline]] inline void run_steps_of_width(const AndStep* first, const AndStep* last,
                                                      std::uint64_t* values) {
  constexpr std::size_t C = chunk_words<W>;
  for (; first != last; ++first) {
    const std::uint64_t* a = values + std::size_t{first->fanin0 >> 1} * W;
    const std::uint64_t* b = values + std::size_t{first->fanin1 >> 1} * W;
    const std::uint64_t mask_a = 0 - std::uint64_t{first->fanin0 & 1U};
    const std::uint64_t mask_b = 0 - std::uint64_t{first->fanin1 & 1U};
    std::uint64_t result[C];
    if (first->result != EvaluationPlan::held_result) {
      std::uint64_t* target = values + std::size_t{first->result} * W;
      for (std::size_t chunk = 0; chunk < W; chunk += C) {
        for (std::size_t w = 0; w < C; ++w)
          result[w] = (a[chunk + w] ^ mask_a) & (b[chunk + w] ^ mask_b);
        for (std::size_t w = 0; w < C; ++w)
          target[chunk + w] = result[w];
      }
      continue;
    }
    // A fused pair: the next step reads this value as its fanin0 from
    // registers (the plan never ends a range between the two).
    ++first;
    const std::uint64_t* c = values + std::size_t{first->fanin1 >> 1} * W;
    const std::uint64_t mask_held = 0 - std::uint64_t{first->fanin0 & 1U};
    const std::uint64_t mask_c = 0 - std::uint64_t{first->fanin1 & 1U};
    std::uint64_t* target = values + std::size_t{first->result} * W;
    for (std::size_t chunk = 0; chunk < W; chunk += C) {
      for (std::size_t w = 0; w < C; ++w) {
        const std::uint64_t held = (a[chunk + w] ^ mask_a) & (b[chunk + w] ^ mask_b);
        result[w] = (held ^ mask_held) & (c[chunk + w] ^ mask_c);
      }
      for (std::size_t w = 0; w < C; ++w)
        target[chunk + w] = result[w];
    }
  }
}

// On x86-64 the compiler builds run_steps three times, for AVX-512 (8
// words per instruction; a complement mask is broadcast from a general
// register and the xor and the and of a fan-in fuse into one ternary-logic
// instruction), for AVX2 (4 words) and for the baseline (SSE2, 2 words),
// and the loader picks one for the processor it runs on. All three compute
// the same bits.
#if defined(__x86_64__) && defined(__GNUC__)
#define RNNCC_EVAL_TARGET_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define RNNCC_EVAL_TARGET_CLONES
#endif

RNNCC_EVAL_TARGET_CLONES
void run_steps(const AndStep* first, const AndStep* last, std::uint64_t* values, unsigned width) {
  switch (width) {
    case 1:
      return run_steps_of_width<1>(first, last, values);
    case 2:
      return run_steps_of_width<2>(first, last, values);
    case 4:
      return run_steps_of_width<4>(first, last, values);
    case 8:
      return run_steps_of_width<8>(first, last, values);
    case 16:
      return run_steps_of_width<16>(first, last, values);
    case 32:
      return run_steps_of_width<32>(first, last, values);
    default:
      return run_steps_of_width<64>(first, last, values);
  }
}

/// The value slots of one block, each slot starting on a 64-byte line (so
/// that a slot of 8 or more words spans whole cache lines).
class ValueSlots {
 public:
  explicit ValueSlots(std::size_t words) : storage_(words + line_words - 1) {}
  std::uint64_t* data() {
    const std::size_t misalignment =
        (reinterpret_cast<std::uintptr_t>(storage_.data()) / sizeof(std::uint64_t)) % line_words;
    return storage_.data() + (line_words - misalignment) % line_words;
  }

 private:
  static constexpr std::size_t line_words = 64 / sizeof(std::uint64_t);
  std::vector<std::uint64_t> storage_;
};

/// One block: words [first_word, first_word + used_words) of every signal,
/// held in `width` words per slot (used_words <= width).
struct Block {
  std::uint64_t first_word;
  unsigned used_words;
  unsigned width;
};

void load_inputs(const EvaluationPlan& plan, const PatternSet& inputs, const Block& block,
                 std::uint64_t* values) {
  std::fill_n(values + EvaluationPlan::constant_slot * block.width, block.width, 0);
  for (std::uint32_t input = 0; input < plan.input_count(); ++input) {
    const std::uint32_t slot = plan.input_slots()[input];
    if (slot == EvaluationPlan::no_slot) continue;
    std::uint64_t* target = values + std::size_t{slot} * block.width;
    const std::uint64_t* source = inputs.words(input).data() + block.first_word;
    std::copy_n(source, block.used_words, target);
    std::fill(target + block.used_words, target + block.width, 0);
  }
}

void run_copies(const EvaluationPlan& plan, const PlanSegment& segment, const Block& block,
                const std::uint64_t* values, PatternSet& outputs) {
  for (std::uint64_t c = segment.first_copy; c < segment.end_copy; ++c) {
    const OutputCopy& copy = plan.copies()[c];
    const std::uint64_t* source = values + std::size_t{copy.source >> 1} * block.width;
    const std::uint64_t mask = 0 - std::uint64_t{copy.source & 1U};
    std::uint64_t* target = outputs.words(copy.output).data() + block.first_word;
    for (unsigned w = 0; w < block.used_words; ++w)
      target[w] = source[w] ^ mask;
  }
}

/// Segments [first_segment, end_segment) of one block, in order: each
/// segment's output copies (when `with_copies`), then its steps, within
/// steps [first_step, end_step). Segments follow one another, so the steps
/// between two segments that copy outputs run in one call.
void run_segments(const EvaluationPlan& plan, std::uint32_t first_segment,
                  std::uint32_t end_segment, bool with_copies, std::uint64_t first_step,
                  std::uint64_t end_step, const Block& block, std::uint64_t* values,
                  PatternSet& outputs) {
  const AndStep* steps = plan.steps().data();
  std::uint64_t steps_run = first_step;
  for (std::uint32_t s = first_segment; with_copies && s < end_segment; ++s) {
    const PlanSegment& segment = plan.segments()[s];
    if (segment.first_copy == segment.end_copy) continue;
    const std::uint64_t copy_point = std::max(segment.first_step, first_step);
    run_steps(steps + steps_run, steps + copy_point, values, block.width);
    steps_run = copy_point;
    run_copies(plan, segment, block, values, outputs);
  }
  run_steps(steps + steps_run, steps + end_step, values, block.width);
}

/// Every segment of one block on the calling thread.
void run_block_serially(const EvaluationPlan& plan, const PatternSet& inputs, const Block& block,
                        std::uint64_t* values, PatternSet& outputs) {
  load_inputs(plan, inputs, block, values);
  run_segments(plan, 0, static_cast<std::uint32_t>(plan.segments().size()), true, 0,
               plan.steps().size(), block, values, outputs);
}

Block block_at(std::uint64_t index, unsigned width, std::uint64_t word_count) {
  const std::uint64_t first_word = index * width;
  return Block{first_word,
               static_cast<unsigned>(std::min<std::uint64_t>(width, word_count - first_word)),
               width};
}

void evaluate_pattern_blocks(const EvaluationPlan& plan, const PatternSet& inputs, unsigned width,
                             unsigned threads, PatternSet& outputs) {
  const std::uint64_t block_count = (inputs.word_count() + width - 1) / width;
  const std::size_t value_words = std::size_t{plan.slot_count()} * width;
  if (threads == 1 || block_count == 1) {
    ValueSlots values(value_words);
    for (std::uint64_t b = 0; b < block_count; ++b)
      run_block_serially(plan, inputs, block_at(b, width, inputs.word_count()), values.data(),
                         outputs);
    return;
  }
  // Threads take blocks one at a time from a shared counter, so a thread
  // the system deschedules holds up at most the block it is on. The calling
  // thread starts at once; a helper task no thread has started by the time
  // the blocks are taken is run (and finds nothing to do) by the calling
  // thread's wait, instead of being waited for.
  std::atomic<std::uint64_t> next_block{0};
  auto work = [&] {
    std::optional<ValueSlots> values;
    for (;;) {
      const std::uint64_t b = next_block.fetch_add(1, std::memory_order_relaxed);
      if (b >= block_count) return;
      if (!values) values.emplace(value_words);
      run_block_serially(plan, inputs, block_at(b, width, inputs.word_count()), values->data(),
                         outputs);
    }
  };
  tbb::task_arena arena(static_cast<int>(threads));
  arena.execute([&] {
    tbb::task_group helpers;
    for (unsigned t = 1; t < threads; ++t)
      helpers.run(work);
    work();
    helpers.wait();
  });
}

/// Work for one thread in levels mode: a part of one wide segment's steps
/// (the first part also does the segment's output copies), or a run of
/// narrow segments, each with its copies and all its steps, in order.
struct LevelChunk {
  std::uint32_t first_segment;
  std::uint32_t end_segment;
  bool does_copies;
  std::uint64_t first_step;
  std::uint64_t end_step;
  /// Chunks done before this one may start: those of earlier segments.
  std::uint64_t wait_for;
};

/// Fewest word-ANDs worth a chunk of its own (about the cost of handing a
/// chunk to another thread).
constexpr std::uint64_t min_chunk_word_ands = 64;

/// Levels mode, for one block: threads claim chunks in order from a shared
/// counter and start a chunk only when every chunk of the earlier segments
/// is done (the barrier between levels). Consecutive narrow segments (too
/// few word-ANDs to split) form one chunk, so a thread runs them without a
/// barrier between them: a long recurrence of narrow levels does not pay
/// one hand-over per level. A thread that is late only leaves more chunks
/// to the others, so the scheme finishes even when the arena runs fewer
/// threads than asked.
class LevelRunner {
 public:
  LevelRunner(const EvaluationPlan& plan, unsigned width, unsigned threads)
      : plan_(plan), threads_(threads) {
    bool last_is_narrow = false;
    for (std::uint32_t s = 0; s < plan.segments().size(); ++s) {
      const PlanSegment& segment = plan.segments()[s];
      const std::uint64_t steps = segment.end_step - segment.first_step;
      const std::uint64_t parts =
          std::clamp<std::uint64_t>(steps * width / min_chunk_word_ands, 1, threads);
      if (parts == 1 && last_is_narrow) {
        chunks_.back().end_segment = s + 1;
        chunks_.back().end_step = segment.end_step;
        continue;
      }
      const std::uint64_t wait_for = chunks_.size();
      for (std::uint64_t part = 0; part < parts; ++part) {
        chunks_.push_back(LevelChunk{s, s + 1, part == 0, segment.first_step + steps * part / parts,
                                     segment.first_step + steps * (part + 1) / parts, wait_for});
      }
      last_is_narrow = parts == 1;
    }
  }

  void run(tbb::task_arena& arena, const PatternSet& inputs, const Block& block,
           std::uint64_t* values, PatternSet& outputs) {
    load_inputs(plan_, inputs, block, values);
    next_chunk_.store(0);
    done_chunks_.store(0);
    // The calling thread works at once; a helper task that no thread has
    // started by the time the chunks are taken is run (and finds nothing
    // to do) by the calling thread's wait, instead of being waited for.
    arena.execute([&] {
      tbb::task_group helpers;
      for (unsigned t = 1; t < threads_; ++t)
        helpers.run([&] { work(block, values, outputs); });
      work(block, values, outputs);
      helpers.wait();
    });
  }

 private:
  void work(const Block& block, std::uint64_t* values, PatternSet& outputs) {
    for (;;) {
      const std::uint64_t c = next_chunk_.fetch_add(1, std::memory_order_relaxed);
      if (c >= chunks_.size()) return;
      const LevelChunk& chunk = chunks_[c];
      for (unsigned spins = 0; done_chunks_.load(std::memory_order_acquire) < chunk.wait_for;
           ++spins) {
        if (spins > 256) std::this_thread::yield();
      }
      run_segments(plan_, chunk.first_segment, chunk.end_segment, chunk.does_copies,
                   chunk.first_step, chunk.end_step, block, values, outputs);
      done_chunks_.fetch_add(1, std::memory_order_acq_rel);
    }
  }

  const EvaluationPlan& plan_;
  unsigned threads_;
  std::vector<LevelChunk> chunks_;
  alignas(64) std::atomic<std::uint64_t> next_chunk_{0};
  alignas(64) std::atomic<std::uint64_t> done_chunks_{0};
};

void evaluate_levels(const EvaluationPlan& plan, const PatternSet& inputs, unsigned width,
                     unsigned threads, PatternSet& outputs) {
  const std::uint64_t block_count = (inputs.word_count() + width - 1) / width;
  ValueSlots values(std::size_t{plan.slot_count()} * width);
  if (threads == 1) {
    for (std::uint64_t b = 0; b < block_count; ++b)
      run_block_serially(plan, inputs, block_at(b, width, inputs.word_count()), values.data(),
                         outputs);
    return;
  }
  LevelRunner runner(plan, width, threads);
  tbb::task_arena arena(static_cast<int>(threads));
  for (std::uint64_t b = 0; b < block_count; ++b)
    runner.run(arena, inputs, block_at(b, width, inputs.word_count()), values.data(), outputs);
}

constexpr EnumNames<ParallelMode, 2> mode_names{{
    {ParallelMode::patterns, "patterns"},
    {ParallelMode::levels, "levels"},
}};
static_assert(names_are_distinct(mode_names));

bool is_supported_width(unsigned width) {
  return width == 1 || width == 2 || width == 4 || width == 8 || width == 16 || width == 32 ||
         width == 64;
}

}  // namespace

std::string_view name_of(ParallelMode mode) {
  return name_in(mode_names, mode);
}

ParallelMode parse_parallel_mode(std::string_view name) {
  if (std::optional<ParallelMode> mode = parse_in(mode_names, name)) return *mode;
  throw InputError(
      fmt::format("unknown mode '{}': expected {}", name, list_names(mode_names, ", ", " or ")));
}

Evaluator::Evaluator(const logic::Aig& aig, ParallelMode mode)
    : mode_(mode),
      plan_(aig, mode == ParallelMode::patterns ? EvaluationOrder::index : EvaluationOrder::level) {
}

unsigned Evaluator::block_words_for(std::uint64_t pattern_count, unsigned threads) const {
  const std::uint64_t word_count = std::max<std::uint64_t>(1, (pattern_count + 63) / 64);
  // 32 words: a step's decoding (its slots and complements) is paid once
  // per 2,048 patterns; on the 256-bit multiplier 32 words run 25-30%
  // faster than 16, and 64 no faster than 32. The live values should stay
  // in the core's own cache (half of a 1 MiB L2 in patterns mode, where
  // each thread has its own block).
  const bool patterns = mode_ == ParallelMode::patterns;
  const std::uint64_t cache_bytes = patterns ? 512 * 1024 : 1024 * 1024;
  const std::uint64_t words_per_thread =
      patterns ? std::max<std::uint64_t>(1, word_count / threads) : word_count;
  unsigned width = 32;
  while (width > 1 &&
         (std::uint64_t{plan_.slot_count()} * width * 8 > cache_bytes || width > words_per_thread))
    width /= 2;
  return width;
}

PatternSet Evaluator::evaluate(const PatternSet& inputs, const EvaluationOptions& options) const {
  if (inputs.signal_count() != plan_.input_count()) {
    throw InputError(fmt::format("patterns have {} signals but the circuit has {} inputs",
                                 inputs.signal_count(), plan_.input_count()));
  }
  if (options.threads < 1) throw InputError("thread count must be at least 1");
  if (options.block_words != 0 && !is_supported_width(options.block_words)) {
    throw InputError(fmt::format("block width {} words: expected 1, 2, 4, 8, 16, 32 or 64",
                                 options.block_words));
  }
  PatternSet outputs(plan_.output_count(), inputs.pattern_count());
  if (inputs.pattern_count() == 0) return outputs;
  const unsigned width = options.block_words != 0
                             ? options.block_words
                             : block_words_for(inputs.pattern_count(), options.threads);
  // oneTBB gives an arena no more threads than the hardware has unless the
  // process-wide limit is raised; raise it for the arena's lifetime.
  std::optional<tbb::global_control> parallelism;
  if (options.threads > 1) {
    parallelism.emplace(
        tbb::global_control::max_allowed_parallelism,
        std::max<std::size_t>(options.threads,
                              static_cast<std::size_t>(tbb::this_task_arena::max_concurrency())));
  }
  if (mode_ == ParallelMode::patterns) {
    evaluate_pattern_blocks(plan_, inputs, width, options.threads, outputs);
  } else {
    evaluate_levels(plan_, inputs, width, options.threads, outputs);
  }
  outputs.clear_unused_bits();
  return outputs;
}

PatternSet evaluate(const logic::Aig& aig, const PatternSet& inputs, ParallelMode mode,
                    const EvaluationOptions& options) {
  return Evaluator(aig, mode).evaluate(inputs, options);
}

}  // namespace rnncc::eval
