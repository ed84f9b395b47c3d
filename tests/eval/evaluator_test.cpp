// The evaluator against the one-node-at-a-time simulator of tests/support,
// on random AIGs, adders and multipliers, with every mode, thread count and
// block width; and the live-value property of its plans.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "eval_circuits.hpp"
#include "io/random_aig.hpp"
#include "rnncc/common/error.hpp"
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

constexpr ParallelMode both_modes[] = {ParallelMode::patterns, ParallelMode::levels};

/// Checks every mode, thread count 1-3 and block width (automatic and
/// 1..64 words) against the simple simulator; returns the failures.
std::string check_all_ways(const Aig& aig, const PatternSet& inputs, const std::string& name) {
  const PatternSet expected = simple_outputs(aig, inputs);
  std::string failures;
  for (ParallelMode mode : both_modes) {
    Evaluator evaluator(aig, mode);
    for (unsigned threads = 1; threads <= 3; ++threads) {
      for (unsigned width : {0U, 1U, 2U, 4U, 8U, 16U, 32U, 64U}) {
        PatternSet outputs = evaluator.evaluate(inputs, EvaluationOptions{threads, width});
        if (!(outputs == expected)) {
          failures += fmt::format("{}: mode {} threads {} width {} differs\n", name,
                                  rnncc::eval::name_of(mode), threads, width);
        }
      }
    }
  }
  return failures;
}

}  // namespace

TEST_CASE("random AIGs: every mode, thread count and block width equals the simple simulator") {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const Aig aig = random_aig(8 + seed % 5, 200 + 150 * seed, seed, seed % 2 == 0);
    for (std::uint64_t patterns : {1ULL, 63ULL, 64ULL, 65ULL, 1000ULL, 4096ULL}) {
      const PatternSet inputs =
          rnncc::eval::random_patterns(aig.input_count(), patterns, seed * 7 + patterns);
      const std::string failures =
          check_all_ways(aig, inputs, fmt::format("seed {} patterns {}", seed, patterns));
      CHECK_MESSAGE(failures.empty(), failures);
    }
  }
}

TEST_CASE("adders and multipliers of every architecture equal the simple simulator") {
  using rnncc::word::MultiplierArchitecture;
  using rnncc::word::PrefixArchitecture;
  for (PrefixArchitecture architecture :
       {PrefixArchitecture::ripple, PrefixArchitecture::sklansky, PrefixArchitecture::brent_kung,
        PrefixArchitecture::kogge_stone, PrefixArchitecture::ladner_fischer}) {
    const Aig aig = adder_circuit(32, architecture);
    const PatternSet inputs = rnncc::eval::random_patterns(aig.input_count(), 3000, 11);
    const std::string failures =
        check_all_ways(aig, inputs, fmt::format("adder {}", rnncc::word::name_of(architecture)));
    CHECK_MESSAGE(failures.empty(), failures);
  }
  for (MultiplierArchitecture multiplier :
       {MultiplierArchitecture::array, MultiplierArchitecture::wallace,
        MultiplierArchitecture::dadda}) {
    const Aig aig = multiplier_circuit(12, multiplier, PrefixArchitecture::kogge_stone);
    const PatternSet inputs = rnncc::eval::random_patterns(aig.input_count(), 2000, 5);
    const std::string failures =
        check_all_ways(aig, inputs, fmt::format("multiplier {}", rnncc::word::name_of(multiplier)));
    CHECK_MESSAGE(failures.empty(), failures);
  }
}

TEST_CASE("an adder's outputs are the sums of its operands (hand-checked values)") {
  const Aig aig = adder_circuit(8, rnncc::word::PrefixArchitecture::sklansky);
  // Patterns: (a, b) = (0, 0), (255, 1), (100, 27), (200, 100).
  const std::uint32_t pairs[][2] = {{0, 0}, {255, 1}, {100, 27}, {200, 100}};
  PatternSet inputs(16, 4);
  for (std::uint64_t p = 0; p < 4; ++p)
    for (std::uint32_t bit = 0; bit < 8; ++bit) {
      inputs.set_bit(bit, p, (pairs[p][0] >> bit) & 1U);
      inputs.set_bit(8 + bit, p, (pairs[p][1] >> bit) & 1U);
    }
  const std::uint32_t sums[] = {0, 256, 127, 300};
  for (ParallelMode mode : both_modes) {
    const PatternSet outputs = rnncc::eval::evaluate(aig, inputs, mode, EvaluationOptions{2, 0});
    for (std::uint64_t p = 0; p < 4; ++p) {
      std::uint32_t sum = 0;
      for (std::uint32_t bit = 0; bit < 9; ++bit)
        sum |= std::uint32_t{outputs.bit(bit, p)} << bit;
      CHECK(sum == sums[p]);
    }
  }
}

TEST_CASE("constant outputs, inputs as outputs, unused inputs and no patterns") {
  Aig aig;
  const Literal x = aig.create_input("x");
  aig.create_input("unused");
  const Literal y = aig.create_input("y");
  aig.create_output(rnncc::logic::true_literal);
  aig.create_output(rnncc::logic::false_literal);
  aig.create_output(!x);
  aig.create_output(y);
  aig.create_output(aig.create_and(x, !y));
  aig.create_output(aig.create_and(x, !y));
  const PatternSet inputs = rnncc::eval::random_patterns(3, 130, 3);
  const std::string failures = check_all_ways(aig, inputs, "small");
  CHECK_MESSAGE(failures.empty(), failures);
  for (ParallelMode mode : both_modes) {
    const PatternSet outputs = rnncc::eval::evaluate(aig, inputs, mode);
    for (std::uint64_t p = 0; p < 130; ++p) {
      CHECK(outputs.bit(0, p));
      CHECK(!outputs.bit(1, p));
      CHECK(outputs.bit(2, p) == !inputs.bit(0, p));
      CHECK(outputs.bit(4, p) == (inputs.bit(0, p) && !inputs.bit(2, p)));
    }
    // Bits past the last pattern stay zero even for constant-true outputs.
    CHECK(outputs.words(0).back() == (std::uint64_t{1} << 2) - 1);
    CHECK(rnncc::eval::evaluate(aig, PatternSet(3, 0), mode).pattern_count() == 0);
  }
}

TEST_CASE("a circuit without inputs or ANDs") {
  Aig aig;
  aig.create_output(rnncc::logic::true_literal);
  const PatternSet outputs =
      rnncc::eval::evaluate(aig, PatternSet(0, 70), ParallelMode::levels, EvaluationOptions{2, 1});
  for (std::uint64_t p = 0; p < 70; ++p)
    CHECK(outputs.bit(0, p));
}

TEST_CASE("value slots follow the live set, not the node count") {
  // A chain x_{k+1} = x_k AND in_{k mod 4}, 100,000 ANDs long, with an
  // output every 1,000 links: at any time 4 inputs, the newest link and
  // the links computed in the current and previous segment that are
  // outputs are live, so a handful of slots suffice; the level order
  // (one AND per level) needs the same.
  Aig aig;
  Literal inputs[4];
  for (Literal& input : inputs)
    input = aig.create_input();
  Literal link = inputs[0];
  for (int k = 0; k < 100'000; ++k) {
    link = aig.create_and(link ^ (k % 3 == 0), inputs[(k + 1) % 4]);
    if (k % 1000 == 999) aig.create_output(link);
  }
  for (ParallelMode mode : both_modes) {
    Evaluator evaluator(aig, mode);
    CHECK(evaluator.plan().work() == 100'000);
    CHECK(evaluator.plan().span() == 100'000);
    // 1 constant + 4 inputs + newest link + (in index order) the previous
    // link and one pending output copy.
    CHECK(evaluator.plan().slot_count() <= 8);
    const PatternSet inputs_patterns = rnncc::eval::random_patterns(4, 256, 9);
    CHECK(evaluator.evaluate(inputs_patterns, EvaluationOptions{2, 0}) ==
          simple_outputs(aig, inputs_patterns));
  }
}

TEST_CASE("ANDs no output depends on are not evaluated") {
  Aig aig;
  const Literal a = aig.create_input();
  const Literal b = aig.create_input();
  const Literal c = aig.create_input();
  const Literal used = aig.create_and(a, b);
  aig.create_and(b, c);                      // dangling
  aig.create_and(aig.create_and(a, c), !b);  // dangling, two ANDs
  aig.create_output(!used);
  for (ParallelMode mode : both_modes) {
    Evaluator evaluator(aig, mode);
    CHECK(evaluator.plan().work() == 1);
    CHECK(evaluator.plan().span() == 1);
    CHECK(evaluator.plan().input_slots()[2] == rnncc::eval::EvaluationPlan::no_slot);
  }
}

TEST_CASE("bad arguments are refused with InputError") {
  const Aig aig = adder_circuit(4, rnncc::word::PrefixArchitecture::ripple);
  Evaluator evaluator(aig, ParallelMode::patterns);
  CHECK_THROWS_AS(evaluator.evaluate(PatternSet(7, 10)), rnncc::InputError);
  CHECK_THROWS_AS(evaluator.evaluate(PatternSet(8, 10), EvaluationOptions{0, 0}),
                  rnncc::InputError);
  CHECK_THROWS_AS(evaluator.evaluate(PatternSet(8, 10), EvaluationOptions{1, 3}),
                  rnncc::InputError);
  CHECK_THROWS_AS(rnncc::eval::parse_parallel_mode("nodes"), rnncc::InputError);
}
