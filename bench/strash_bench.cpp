// Structural hashing throughput and memory: AND nodes created per second and
// bytes per node, on a random AIG of 10^7 ANDs, a 256-bit Wallace
// multiplier built from scratch, a thousand AIGs of 100 ANDs each, and a
// re-strash of an AIGER file (ABC's own 256-bit multiplier, path in
// RNNCC_BENCH_MULTIPLIER; tools/bench.sh makes it).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <random>
#include <vector>

#include "rnncc/io/aiger.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/word/multiplier.hpp"

namespace {

using rnncc::logic::Aig;
using rnncc::logic::Literal;

constexpr int random_and_count = 10'000'000;
constexpr int random_input_count = 1'000;

// Random fan-in choices, drawn once so that the timed loop only builds.
const std::vector<std::uint64_t>& random_choices() {
  static const std::vector<std::uint64_t> choices = [] {
    std::mt19937_64 random(2026);
    std::vector<std::uint64_t> values(2 * std::size_t{random_and_count});
    for (auto& value : values)
      value = random();
    return values;
  }();
  return choices;
}

void build_random_aig(benchmark::State& state, bool reserve) {
  const auto& choices = random_choices();
  double bytes_per_node = 0;
  std::uint64_t ands = 0;
  for (auto _ : state) {
    Aig aig;
    if (reserve) aig.reserve(random_input_count + random_and_count);
    std::vector<Literal> literals;
    literals.reserve(random_input_count + random_and_count);
    for (int i = 0; i < random_input_count; ++i)
      literals.push_back(aig.create_input());
    for (int i = 0; i < random_and_count; ++i) {
      std::uint64_t first = choices[2 * i], second = choices[2 * i + 1];
      Literal a = literals[first % literals.size()] ^ static_cast<bool>(first >> 63);
      Literal b = literals[second % literals.size()] ^ static_cast<bool>(second >> 63);
      literals.push_back(aig.create_and(a, b));
    }
    ands = aig.and_count();
    bytes_per_node = static_cast<double>(aig.memory_bytes()) / aig.node_count();
    benchmark::DoNotOptimize(aig.depth());
  }
  state.counters["ands"] = static_cast<double>(ands);
  state.counters["ands_per_second"] = benchmark::Counter(
      static_cast<double>(ands) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["bytes_per_node"] = bytes_per_node;
}

void BM_RandomAigReserved(benchmark::State& state) {
  build_random_aig(state, true);
}
void BM_RandomAigGrowing(benchmark::State& state) {
  build_random_aig(state, false);
}

void BM_WallaceMultiplier256(benchmark::State& state) {
  std::uint64_t ands = 0;
  double bytes_per_node = 0;
  for (auto _ : state) {
    Aig aig;
    rnncc::word::BitVector a, b;
    for (int i = 0; i < 256; ++i)
      a.push_back(aig.create_input());
    for (int i = 0; i < 256; ++i)
      b.push_back(aig.create_input());
    auto product = rnncc::word::multiply(aig, a, b, rnncc::word::Signedness::unsigned_, 512,
                                         {rnncc::word::PrefixArchitecture::kogge_stone,
                                          rnncc::word::MultiplierArchitecture::wallace});
    for (Literal bit : product)
      aig.create_output(bit);
    ands = aig.and_count();
    bytes_per_node = static_cast<double>(aig.memory_bytes()) / aig.node_count();
  }
  state.counters["ands"] = static_cast<double>(ands);
  state.counters["ands_per_second"] = benchmark::Counter(
      static_cast<double>(ands) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["bytes_per_node"] = bytes_per_node;
}

// Many small circuits, as readers, tests and per-operation lowerings make
// them: the fixed cost of an Aig (its hash table) dominates here.
void BM_SmallAigs(benchmark::State& state) {
  constexpr int circuit_count = 1'000, input_count = 8, and_count = 100;
  const auto& choices = random_choices();
  for (auto _ : state) {
    for (int circuit = 0; circuit < circuit_count; ++circuit) {
      Aig aig;
      std::vector<Literal> literals;
      for (int i = 0; i < input_count; ++i)
        literals.push_back(aig.create_input());
      for (int i = 0; i < and_count; ++i) {
        const std::size_t choice =
            2 * (std::size_t{static_cast<unsigned>(circuit)} * and_count + i);
        const std::uint64_t first = choices[choice], second = choices[choice + 1];
        Literal a = literals[first % literals.size()] ^ static_cast<bool>(first >> 63);
        Literal b = literals[second % literals.size()] ^ static_cast<bool>(second >> 63);
        literals.push_back(aig.create_and(a, b));
      }
      aig.create_output(literals.back());
      benchmark::DoNotOptimize(aig.depth());
    }
  }
  state.counters["aigs_per_second"] = benchmark::Counter(
      static_cast<double>(circuit_count) * state.iterations(), benchmark::Counter::kIsRate);
}

// Rebuilds every AND of a circuit into a fresh Aig, as ABC's `&st` does.
void BM_RestrashAbcMultiplier(benchmark::State& state) {
  const char* path = std::getenv("RNNCC_BENCH_MULTIPLIER");
  if (path == nullptr) {
    state.SkipWithError("set RNNCC_BENCH_MULTIPLIER to an AIGER file (tools/bench.sh does)");
    return;
  }
  const Aig source = rnncc::io::read_aiger_file(path);
  std::uint64_t ands = 0;
  for (auto _ : state) {
    Aig copy;
    copy.reserve(source.and_count());
    std::vector<Literal> map(source.node_count());
    for (std::uint32_t i = 0; i < source.input_count(); ++i)
      map[source.input_node(i)] = copy.create_input();
    for (rnncc::logic::NodeIndex node = 1; node < source.node_count(); ++node) {
      if (!source.is_and(node)) continue;
      Literal f0 = source.fanin0(node), f1 = source.fanin1(node);
      map[node] = copy.create_and(map[f0.node()] ^ f0.is_complemented(),
                                  map[f1.node()] ^ f1.is_complemented());
    }
    ands = copy.and_count();
    benchmark::DoNotOptimize(copy.depth());
  }
  state.counters["ands"] = static_cast<double>(ands);
  state.counters["ands_per_second"] = benchmark::Counter(
      static_cast<double>(ands) * state.iterations(), benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(BM_RandomAigReserved)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_RandomAigGrowing)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_WallaceMultiplier256)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_SmallAigs)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_RestrashAbcMultiplier)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK_MAIN();
