// Model compilation end to end (read the model, build the arithmetic
// circuit, lower it, drop dangling ANDs): AND nodes per second and peak bytes
// per AND node, for the two models of the performance targets —
// DeltaNet (key and value 4) in mod:16 under scan and an LSTM (hidden 8) in
// fixed:16.8 under sequential. Run one benchmark per process
// (--benchmark_filter) so that the peak resident size is its own.
#include <benchmark/benchmark.h>

#include <string>

#include "rnncc/common/resource_usage.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/io/model_file.hpp"

namespace {

void compile_model(benchmark::State& state, const std::string& name, const char* schedule,
                   rnncc::word::ArithmeticArchitecture arithmetic = {}) {
  const std::string path = std::string(RNNCC_SOURCE_DIR) + "/circuits/models/" + name + ".toml";
  std::uint64_t ands = 0;
  std::uint64_t depth = 0;
  const std::uint64_t resident_before = rnncc::current_resident_bytes();
  for (auto _ : state) {
    const rnncc::model::Model model = rnncc::io::read_model_file(path);
    rnncc::compile::CompileOptions options;
    options.length = static_cast<std::size_t>(state.range(0));
    options.schedule = rnncc::compile::parse_schedule(schedule);
    options.arithmetic = arithmetic;
    const rnncc::compile::CompiledModel compiled = rnncc::compile::compile(model, options);
    ands = compiled.lowered.aig.and_count();
    depth = compiled.lowered.aig.depth();
    benchmark::DoNotOptimize(ands);
  }
  const double peak = static_cast<double>(rnncc::peak_resident_bytes() - resident_before);
  state.counters["ands"] = static_cast<double>(ands);
  state.counters["depth"] = static_cast<double>(depth);
  state.counters["ands_per_second"] =
      benchmark::Counter(static_cast<double>(ands), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["peak_bytes_per_and"] = peak / static_cast<double>(ands);
}

void deltanet_scan(benchmark::State& state) {
  compile_model(state, "deltanet_kv4", "scan");
}
void lstm_sequential(benchmark::State& state) {
  compile_model(state, "lstm_h8", "sequential");
}
// The same LSTM with ripple-carry adders (Wallace multipliers kept): about
// 200,000 ANDs per step instead of 305,000, so that T = 4096 fits in this
// machine's memory. A sequential schedule's depth is the recurrence's
// anyway.
void lstm_sequential_ripple(benchmark::State& state) {
  compile_model(
      state, "lstm_h8", "sequential",
      {rnncc::word::PrefixArchitecture::ripple, rnncc::word::MultiplierArchitecture::wallace});
}

}  // namespace

BENCHMARK(deltanet_scan)->Arg(256)->Arg(1024)->Arg(4096)->Unit(benchmark::kSecond)->Iterations(1);
// T = 3072 is the longest LSTM with default adders whose circuit (about
// 9.4 x 10^8 ANDs, 18 GB) fits a 24 GB machine; T = 4096 needs about 24 GB.
BENCHMARK(lstm_sequential)
    ->Arg(256)
    ->Arg(1024)
    ->Arg(3072)
    ->Arg(4096)
    ->Unit(benchmark::kSecond)
    ->Iterations(1);
BENCHMARK(lstm_sequential_ripple)
    ->Arg(256)
    ->Arg(1024)
    ->Arg(4096)
    ->Unit(benchmark::kSecond)
    ->Iterations(1);
BENCHMARK_MAIN();
