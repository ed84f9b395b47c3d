// Scoring throughput: balanced S5 instances of length 64 (16,384 of them)
// scored by the shipped S5 model (circuits/models/s5_pd.toml)
//  - by its compiled circuit, after the circuit is built (compiling is
//    outside the timed loop), 64 instances per word, on 1 and 2 threads;
//  - by the reference interpreter, one instance at a time, 1 thread.
// items_per_second is instances per second. tools/bench.sh also times
// whole `rnncc score` processes on 1 and 2 threads.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "rnncc/experiment/score.hpp"
#include "rnncc/experiment/task.hpp"
#include "rnncc/io/model_file.hpp"

namespace {

using namespace rnncc;

struct Workload {
  model::Model model;
  std::vector<model::InputSequence> sequences;
  experiment::ScoringCircuit circuit;
};

const Workload& workload() {
  static const Workload loaded = [] {
    model::Model model =
        io::read_model_file(std::string(RNNCC_SOURCE_DIR) + "/circuits/models/s5_pd.toml");
    const std::vector<io::Instance> instances =
        experiment::make_task("s5")->generate(experiment::TaskRequest{64, 16'384, 1, true});
    std::vector<model::InputSequence> sequences =
        experiment::model_inputs(model, instances, "s5 instances");
    experiment::ScoringCircuit circuit =
        experiment::scoring_circuit(model, sequences, experiment::ScoreOptions{});
    return Workload{std::move(model), std::move(sequences), std::move(circuit)};
  }();
  return loaded;
}

void BM_ScoreS5Circuit(benchmark::State& state) {
  const Workload& work = workload();
  const unsigned threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        experiment::answers_from_circuit(work.model, work.circuit, work.sequences, threads));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(work.sequences.size()));
  state.counters["ands"] = static_cast<double>(work.circuit.used.ands);
}
BENCHMARK(BM_ScoreS5Circuit)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ScoreS5Interpreter(benchmark::State& state) {
  const Workload& work = workload();
  const std::vector<model::InputSequence> some(work.sequences.begin(),
                                               work.sequences.begin() + 1024);
  for (auto _ : state) {
    benchmark::DoNotOptimize(experiment::interpreter_answers(work.model, some, 1, nullptr));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(some.size()));
}
BENCHMARK(BM_ScoreS5Interpreter)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
