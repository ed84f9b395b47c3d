// AIGER throughput: write and read a binary AIGER file of 10^7 random ANDs
// (MB/s and ANDs/s both ways, file bytes per AND), and read ABC's 256-bit
// multiplier (path in RNNCC_BENCH_MULTIPLIER; tools/bench.sh makes it).
// The 10^7-node file is left at RNNCC_BENCH_LARGE_AIG (default
// /tmp/rnncc-bench-large.aig) so that tools/bench.sh can time ABC on it.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "rnncc/io/aiger.hpp"
#include "rnncc/logic/aig.hpp"

namespace {

using rnncc::logic::Aig;
using rnncc::logic::Literal;

std::string large_file_path() {
  const char* path = std::getenv("RNNCC_BENCH_LARGE_AIG");
  return path != nullptr ? path : "/tmp/rnncc-bench-large.aig";
}

// 10^7 random ANDs over 1,000 inputs, every one of them written: each AND
// takes the previous AND and a uniformly random earlier literal, so no AND
// dangles (the writer drops dangling ones) and the last AND is the output.
const Aig& large_random_aig() {
  static const Aig aig = [] {
    constexpr int inputs = 1'000, ands = 10'000'000;
    Aig result;
    result.reserve(inputs + ands);
    std::mt19937_64 random(2026);
    std::vector<Literal> literals;
    for (int i = 0; i < inputs; ++i)
      literals.push_back(result.create_input());
    Literal previous = literals.back();
    while (result.and_count() < static_cast<std::uint32_t>(ands)) {
      std::uint64_t choice = random();
      Literal other = literals[choice % literals.size()] ^ static_cast<bool>(choice >> 63);
      Literal made = result.create_and(previous ^ static_cast<bool>(choice & 1), other);
      if (made.is_constant() || made.node() <= previous.node()) continue;
      literals.push_back(made);
      previous = made;
    }
    result.create_output(previous);
    return result;
  }();
  return aig;
}

void set_rates(benchmark::State& state, double bytes, double ands) {
  state.counters["MB_per_second"] =
      benchmark::Counter(bytes * state.iterations() / 1e6, benchmark::Counter::kIsRate);
  state.counters["ands_per_second"] =
      benchmark::Counter(ands * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["bytes_per_and"] = bytes / ands;
}

void BM_WriteBinaryLarge(benchmark::State& state) {
  const Aig& aig = large_random_aig();
  const std::string path = large_file_path();
  for (auto _ : state)
    rnncc::io::write_aiger_file(aig, path, rnncc::io::AigerFormat::binary);
  set_rates(state, static_cast<double>(std::filesystem::file_size(path)), aig.and_count());
}

void BM_ReadBinaryLarge(benchmark::State& state) {
  const std::string path = large_file_path();
  if (!std::filesystem::exists(path)) {
    rnncc::io::write_aiger_file(large_random_aig(), path, rnncc::io::AigerFormat::binary);
  }
  double ands = 0;
  for (auto _ : state) {
    Aig aig = rnncc::io::read_aiger_file(path);
    ands = aig.and_count();
    benchmark::DoNotOptimize(aig.depth());
  }
  set_rates(state, static_cast<double>(std::filesystem::file_size(path)), ands);
}

void BM_ReadAbcMultiplier(benchmark::State& state) {
  const char* path = std::getenv("RNNCC_BENCH_MULTIPLIER");
  if (path == nullptr) {
    state.SkipWithError("set RNNCC_BENCH_MULTIPLIER to an AIGER file (tools/bench.sh does)");
    return;
  }
  double ands = 0;
  for (auto _ : state) {
    Aig aig = rnncc::io::read_aiger_file(path);
    ands = aig.and_count();
  }
  set_rates(state, static_cast<double>(std::filesystem::file_size(path)), ands);
}

}  // namespace

BENCHMARK(BM_WriteBinaryLarge)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ReadBinaryLarge)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ReadAbcMultiplier)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK_MAIN();
