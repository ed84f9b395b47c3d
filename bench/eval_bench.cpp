// Evaluation throughput and memory:
//  - ABC's own 256-bit multiplier (path in RNNCC_BENCH_MULTIPLIER;
//    tools/bench.sh makes it and times ABC's `sim -F 1 -W 4096 -m` on it in
//    the same run) on 131,072 random patterns, patterns mode, 1 and 2
//    threads; and on one 64-pattern block, levels mode, 1 and 2 threads;
//  - a deep circuit built in memory (RNNCC_BENCH_DEEP_NODES nodes, default
//    10^8: a 32-bit state s <- (s + rotl(s, 5)) xor rotl(s, 11), iterated),
//    whose evaluation needs value slots for the live set only: the counters
//    give the node count, the slots, the value bytes, the plan's bytes and the
//    process's peak resident memory.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "rnncc/eval/evaluator.hpp"
#include "rnncc/eval/random_patterns.hpp"
#include "rnncc/io/aiger.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/word/adder.hpp"

namespace {

using rnncc::eval::EvaluationOptions;
using rnncc::eval::Evaluator;
using rnncc::eval::ParallelMode;
using rnncc::logic::Aig;

const Aig* abc_multiplier() {
  static const std::optional<Aig> aig = []() -> std::optional<Aig> {
    const char* path = std::getenv("RNNCC_BENCH_MULTIPLIER");
    if (path == nullptr) return std::nullopt;
    return rnncc::io::read_aiger_file(path);
  }();
  return aig ? &*aig : nullptr;
}

void set_counters(benchmark::State& state, const Evaluator& evaluator, std::uint64_t patterns,
                  unsigned block_words) {
  const double word_ands =
      static_cast<double>(evaluator.plan().work()) * static_cast<double>((patterns + 63) / 64);
  state.counters["ns_per_and_word"] =
      benchmark::Counter(word_ands * static_cast<double>(state.iterations()) / 1e9,
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["block_words"] = block_words;
  state.counters["value_slots"] = evaluator.plan().slot_count();
  state.counters["held_steps"] = static_cast<double>(evaluator.plan().held_steps());
}

void BM_MultiplierPatterns(benchmark::State& state) {
  const Aig* aig = abc_multiplier();
  if (aig == nullptr) {
    state.SkipWithError("set RNNCC_BENCH_MULTIPLIER to ABC's multiplier (tools/bench.sh does)");
    return;
  }
  const unsigned threads = static_cast<unsigned>(state.range(0));
  constexpr std::uint64_t patterns = 131'072;
  const Evaluator evaluator(*aig, ParallelMode::patterns);
  const auto inputs = rnncc::eval::random_patterns(aig->input_count(), patterns, 1);
  const unsigned block_words = evaluator.block_words_for(patterns, 2);
  for (auto _ : state) {
    auto outputs = evaluator.evaluate(inputs, EvaluationOptions{threads, block_words});
    benchmark::DoNotOptimize(outputs.words(0).data());
  }
  set_counters(state, evaluator, patterns, block_words);
}

void BM_MultiplierLevels(benchmark::State& state) {
  const Aig* aig = abc_multiplier();
  if (aig == nullptr) {
    state.SkipWithError("set RNNCC_BENCH_MULTIPLIER to ABC's multiplier (tools/bench.sh does)");
    return;
  }
  const unsigned threads = static_cast<unsigned>(state.range(0));
  const Evaluator evaluator(*aig, ParallelMode::levels);
  const auto inputs = rnncc::eval::random_patterns(aig->input_count(), 64, 1);
  for (auto _ : state) {
    auto outputs = evaluator.evaluate(inputs, EvaluationOptions{threads, 1});
    benchmark::DoNotOptimize(outputs.words(0).data());
  }
  set_counters(state, evaluator, 64, 1);
}

/// Peak resident memory of this process in bytes (VmHWM), 0 if unknown.
double peak_resident_bytes() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmHWM:") {
      double kilobytes = 0;
      status >> kilobytes;
      return kilobytes * 1024;
    }
    status.ignore(1 << 20, '\n');
  }
  return 0;
}

std::unique_ptr<Aig> deep_circuit(std::uint64_t node_target) {
  auto aig = std::make_unique<Aig>();
  aig->reserve(node_target + 1024);
  rnncc::word::BitVector state;
  for (int i = 0; i < 32; ++i)
    state.push_back(aig->create_input());
  auto rotated = [](const rnncc::word::BitVector& word, std::size_t by) {
    rnncc::word::BitVector result(word.size());
    for (std::size_t i = 0; i < word.size(); ++i)
      result[(i + by) % word.size()] = word[i];
    return result;
  };
  while (aig->node_count() + 1024 < node_target) {
    rnncc::word::BitVector sum = rnncc::word::add(*aig, state, rotated(state, 5),
                                                  rnncc::word::PrefixArchitecture::kogge_stone);
    const rnncc::word::BitVector mixed = rotated(state, 11);
    for (std::size_t i = 0; i < sum.size(); ++i)
      sum[i] = aig->create_xor(sum[i], mixed[i]);
    state = sum;
  }
  for (rnncc::logic::Literal bit : state)
    aig->create_output(bit);
  return aig;
}

void BM_DeepCircuitMemory(benchmark::State& state) {
  const char* requested = std::getenv("RNNCC_BENCH_DEEP_NODES");
  const std::uint64_t node_target =
      requested != nullptr ? std::strtoull(requested, nullptr, 10) : 100'000'000ULL;
  const std::unique_ptr<Aig> aig = deep_circuit(node_target);
  const double aig_bytes = static_cast<double>(aig->memory_bytes());
  const double nodes = aig->node_count();
  const auto inputs = rnncc::eval::random_patterns(aig->input_count(), 64 * 8, 1);
  const Evaluator evaluator(*aig, ParallelMode::patterns);
  for (auto _ : state) {
    auto outputs = evaluator.evaluate(inputs, EvaluationOptions{1, 8});
    benchmark::DoNotOptimize(outputs.words(0).data());
  }
  set_counters(state, evaluator, 64 * 8, 8);
  state.counters["nodes"] = nodes;
  state.counters["depth"] = evaluator.plan().span();
  state.counters["value_bytes"] = evaluator.plan().slot_count() * 8.0 * 8;
  state.counters["all_values_bytes"] = nodes * 8 * 8;
  state.counters["plan_bytes"] = static_cast<double>(evaluator.plan().memory_bytes());
  state.counters["aig_bytes"] = aig_bytes;
  state.counters["peak_rss_bytes"] = peak_resident_bytes();
}

}  // namespace

BENCHMARK(BM_MultiplierPatterns)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_MultiplierLevels)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_DeepCircuitMemory)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK_MAIN();
