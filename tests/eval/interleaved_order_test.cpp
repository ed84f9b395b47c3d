// The interleaved step order of patterns mode: outputs equal the
// one-node-at-a-time simulator of tests/support on circuits where the
// interleaving moves steps the most, for pattern counts that are not
// multiples of the block width; independent chains are woven together;
// and an AND read by one AND only is fused into its reader, in pairs.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "eval_circuits.hpp"
#include "io/random_aig.hpp"
#include "rnncc/eval/evaluator.hpp"
#include "rnncc/eval/random_patterns.hpp"

using rnncc::eval::EvaluationOptions;
using rnncc::eval::Evaluator;
using rnncc::eval::ParallelMode;
using rnncc::eval::PatternSet;
using rnncc::logic::Aig;
using rnncc::logic::Literal;
using namespace rnncc::test;

namespace {

constexpr std::uint64_t pattern_counts[] = {1, 63, 64, 65, 511, 1025, 4097};

/// Patterns mode with 1 and 2 threads and block widths automatic, 8, 16
/// and 32 words against the simple simulator; returns the failures.
std::string check_patterns_mode(const Aig& aig, const std::string& name, std::uint64_t seed) {
  const Evaluator evaluator(aig, ParallelMode::patterns);
  std::string failures;
  for (std::uint64_t patterns : pattern_counts) {
    const PatternSet inputs =
        rnncc::eval::random_patterns(aig.input_count(), patterns, seed + patterns);
    const PatternSet expected = simple_outputs(aig, inputs);
    for (unsigned threads : {1U, 2U}) {
      for (unsigned width : {0U, 8U, 16U, 32U, 64U}) {
        if (!(evaluator.evaluate(inputs, EvaluationOptions{threads, width}) == expected)) {
          failures += fmt::format("{}: {} patterns, threads {}, width {} differ\n", name, patterns,
                                  threads, width);
        }
      }
    }
  }
  return failures;
}

/// `count` independent chains of `length` ANDs over four inputs, built one
/// chain after the other (so index order runs each chain to its end before
/// the next starts); the end of every chain is an output.
Aig separate_chains(int count, int length) {
  Aig aig;
  Literal inputs[4];
  for (Literal& input : inputs)
    input = aig.create_input();
  for (int chain = 0; chain < count; ++chain) {
    Literal link = aig.create_and(inputs[chain % 4], !inputs[(chain + 1) % 4]);
    for (int k = 1; k < length; ++k)
      link = aig.create_and(!link, inputs[(chain + k) % 4] ^ (k % 2 == 0));
    aig.create_output(link);
  }
  return aig;
}

}  // namespace

TEST_CASE("patterns mode: random AIGs, odd pattern counts, every block width") {
  for (std::uint64_t seed = 21; seed <= 26; ++seed) {
    const Aig aig = random_aig(10 + seed % 7, 400 + 300 * (seed - 20), seed, false);
    const std::string failures = check_patterns_mode(aig, fmt::format("seed {}", seed), seed);
    CHECK_MESSAGE(failures.empty(), failures);
  }
}

TEST_CASE("patterns mode: an array multiplier of ripple rows and separate chains") {
  // Index order follows one carry chain (or one chain) at a time, so the
  // interleaving draws its steps from later rows.
  const Aig multiplier = multiplier_circuit(16, rnncc::word::MultiplierArchitecture::array,
                                            rnncc::word::PrefixArchitecture::ripple);
  std::string failures = check_patterns_mode(multiplier, "array multiplier", 3);
  failures += check_patterns_mode(separate_chains(3, 500), "three chains", 4);
  CHECK_MESSAGE(failures.empty(), failures);
}

TEST_CASE("two chains built one after the other are woven together") {
  // Hand-derived: with two chains, each step can come from the chain the
  // previous step did not extend, so no step reads the value its
  // predecessor has just written, until one chain is done.
  const Aig aig = separate_chains(2, 1000);
  const Evaluator evaluator(aig, ParallelMode::patterns);
  const auto& steps = evaluator.plan().steps();
  REQUIRE(steps.size() == 2000);
  int reads_previous = 0;
  for (std::size_t i = 1; i < steps.size(); ++i) {
    const std::uint32_t previous = steps[i - 1].result;
    if (steps[i].fanin0 / 2 == previous || steps[i].fanin1 / 2 == previous) ++reads_previous;
  }
  // At most the last few steps of the longer-lasting chain read their
  // predecessor.
  CHECK(reads_previous <= 2);
  // Two chains alive at once need only a few more slots than one.
  CHECK(evaluator.plan().slot_count() <= 10);
}

TEST_CASE("an AND read by one AND only is fused into its reader, in pairs") {
  using rnncc::eval::EvaluationPlan;
  // Hand-derived: in one chain of 1000 ANDs, link k is read by link k + 1
  // only (the last is an output); pairs are taken in order, (0, 1), (2, 3),
  // ..., and a reader is not itself held, so 500 links are held.
  {
    const Evaluator evaluator(separate_chains(1, 1000), ParallelMode::patterns);
    const auto& steps = evaluator.plan().steps();
    CHECK(evaluator.plan().held_steps() == 500);
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const bool held = steps[i].result == EvaluationPlan::held_result;
      const bool reads_held = steps[i].fanin0 / 2 == EvaluationPlan::held_slot;
      CHECK(reads_held == (i > 0 && steps[i - 1].result == EvaluationPlan::held_result));
      CHECK(steps[i].fanin1 / 2 != EvaluationPlan::held_slot);
      if (held) CHECK(i + 1 < steps.size());
    }
  }
  // The same chain with every link also an output: no AND has a single
  // reader, so none is held.
  {
    Aig aig = separate_chains(1, 1000);
    for (Literal link = aig.output(0); aig.is_and(link.node());) {
      aig.create_output(link);
      const Literal fanin0 = aig.fanin0(link.node());
      link = aig.is_and(fanin0.node()) ? fanin0 : aig.fanin1(link.node());
    }
    const Evaluator evaluator(aig, ParallelMode::patterns);
    CHECK(evaluator.plan().held_steps() == 0);
    const PatternSet inputs = rnncc::eval::random_patterns(aig.input_count(), 1000, 5);
    CHECK(evaluator.evaluate(inputs, EvaluationOptions{1, 0}) == simple_outputs(aig, inputs));
  }
  // Levels mode holds nothing: a pair spans two levels.
  CHECK(Evaluator(separate_chains(1, 1000), ParallelMode::levels).plan().held_steps() == 0);
}
