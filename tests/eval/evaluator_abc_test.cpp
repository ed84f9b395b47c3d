// The evaluator against ABC's simulator (`sim -A`) on random AIGs, adders
// and multipliers: the same output lines for the same pattern file, with
// every mode and thread count.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "abc_simulation.hpp"
#include "eval_circuits.hpp"
#include "io/random_aig.hpp"
#include "rnncc/common/atomic_file.hpp"
#include "rnncc/eval/evaluator.hpp"
#include "rnncc/eval/pattern_file.hpp"
#include "rnncc/eval/random_patterns.hpp"
#include "rnncc/io/aiger.hpp"
#include "rnncc/io/file_types.hpp"

using rnncc::eval::EvaluationOptions;
using rnncc::eval::ParallelMode;
using rnncc::logic::Aig;
using namespace rnncc::test;

namespace {

/// Writes `aig` and 1,000 random patterns, simulates with ABC and with
/// rnncc in both modes on 1-3 threads; returns the disagreements.
std::string compare_with_abc(const Aig& aig, const std::string& name, std::uint64_t seed) {
  TemporaryDirectory directory;
  const auto circuit = directory / "c.aig";
  const auto patterns_file = directory / "p.txt";
  rnncc::io::write_boolean_circuit_file(aig, circuit);
  const auto inputs = rnncc::eval::random_patterns(aig.input_count(), 1000, seed);
  rnncc::write_file_atomically(patterns_file, rnncc::eval::format_patterns(inputs));
  const std::string expected = abc_simulation_lines(circuit, patterns_file, aig.output_count());
  if (expected.empty()) return name + ": ABC printed no output lines\n";
  // The file as read back, as a user's circuit would be.
  const Aig read_back = rnncc::io::read_aiger_file(circuit);
  std::string failures;
  for (ParallelMode mode : {ParallelMode::patterns, ParallelMode::levels}) {
    rnncc::eval::Evaluator evaluator(read_back, mode);
    for (unsigned threads = 1; threads <= 3; ++threads) {
      const auto outputs = evaluator.evaluate(inputs, EvaluationOptions{threads, 0});
      if (rnncc::eval::format_patterns(outputs) != expected)
        failures += fmt::format("{}: {} mode, {} threads differ from ABC\n", name,
                                rnncc::eval::name_of(mode), threads);
    }
  }
  return failures;
}

}  // namespace

TEST_CASE("random AIGs: the same output lines as ABC's sim -A") {
  REQUIRE(abc_available());
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const Aig aig = random_aig(10, 300 * seed, seed, true);
    const std::string failures = compare_with_abc(aig, fmt::format("random seed {}", seed), seed);
    CHECK_MESSAGE(failures.empty(), failures);
  }
}

TEST_CASE("adders and multipliers: the same output lines as ABC's sim -A") {
  REQUIRE(abc_available());
  using rnncc::word::MultiplierArchitecture;
  using rnncc::word::PrefixArchitecture;
  for (PrefixArchitecture adder : {PrefixArchitecture::ripple, PrefixArchitecture::kogge_stone,
                                   PrefixArchitecture::brent_kung}) {
    const std::string failures = compare_with_abc(
        adder_circuit(24, adder), fmt::format("adder {}", rnncc::word::name_of(adder)), 3);
    CHECK_MESSAGE(failures.empty(), failures);
  }
  for (MultiplierArchitecture multiplier :
       {MultiplierArchitecture::array, MultiplierArchitecture::dadda}) {
    const std::string failures =
        compare_with_abc(multiplier_circuit(10, multiplier, PrefixArchitecture::sklansky),
                         fmt::format("multiplier {}", rnncc::word::name_of(multiplier)), 4);
    CHECK_MESSAGE(failures.empty(), failures);
  }
}
