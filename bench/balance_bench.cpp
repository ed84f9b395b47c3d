// Depth balancing (logic::balance) against the compile that built the
// circuit: for the two compile-benchmark models at lengths giving about
// 10^7 ANDs, the seconds to compile once and the seconds to balance, and
// their ratio (the target: balancing costs at most 30 % of the compile).
// Also the AND count and depth before and after, and the ratio of processor
// seconds (the same ratio, less disturbed by other load on the machine).
#include <benchmark/benchmark.h>

#include <chrono>
#include <ctime>
#include <string>

#include "rnncc/compile/compiler.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/logic/balance.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Processor seconds of this (single-threaded) process since `start`,
/// which other processes on a loaded machine do not inflate.
double processor_seconds_since(std::clock_t start) {
  return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

void balance_model(benchmark::State& state, const std::string& name, const char* schedule) {
  const std::string path = std::string(RNNCC_SOURCE_DIR) + "/circuits/models/" + name + ".toml";
  const auto compile_start = std::chrono::steady_clock::now();
  const std::clock_t compile_processor_start = std::clock();
  const rnncc::model::Model model = rnncc::io::read_model_file(path);
  rnncc::compile::CompileOptions options;
  options.length = static_cast<std::size_t>(state.range(0));
  options.schedule = rnncc::compile::parse_schedule(schedule);
  const rnncc::compile::CompiledModel compiled = rnncc::compile::compile(model, options);
  const double compile_seconds = seconds_since(compile_start);
  const double compile_processor_seconds = processor_seconds_since(compile_processor_start);
  const rnncc::logic::Aig& built = compiled.lowered.aig;
  std::uint64_t balanced_ands = 0;
  std::uint64_t balanced_depth = 0;
  double balance_seconds = 0;
  double balance_processor_seconds = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t processor_start = std::clock();
    const rnncc::logic::Aig balanced = rnncc::logic::balance(built);
    balance_seconds = seconds_since(start);
    balance_processor_seconds = processor_seconds_since(processor_start);
    balanced_ands = balanced.and_count();
    balanced_depth = balanced.depth();
    benchmark::DoNotOptimize(balanced_ands);
  }
  state.counters["ands"] = static_cast<double>(built.and_count());
  state.counters["depth"] = static_cast<double>(built.depth());
  state.counters["balanced_ands"] = static_cast<double>(balanced_ands);
  state.counters["balanced_depth"] = static_cast<double>(balanced_depth);
  state.counters["compile_seconds"] = compile_seconds;
  state.counters["balance_seconds"] = balance_seconds;
  state.counters["balance_over_compile"] = balance_seconds / compile_seconds;
  state.counters["processor_ratio"] = balance_processor_seconds / compile_processor_seconds;
  state.counters["ands_per_second"] = static_cast<double>(built.and_count()) / balance_seconds;
}

void deltanet_scan(benchmark::State& state) {
  balance_model(state, "deltanet_kv4", "scan");
}
void lstm_sequential(benchmark::State& state) {
  balance_model(state, "lstm_h8", "sequential");
}

}  // namespace

// About 10^7 ANDs each (the LSTM at T = 32 now lowers to about 5 M).
BENCHMARK(deltanet_scan)->Arg(64)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(lstm_sequential)->Arg(64)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK_MAIN();
