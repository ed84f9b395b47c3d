// Running circuits with latches over several steps: hand-derived sequences
// of small circuits, and compiled models' one-step circuits run T steps
// against their circuits unrolled by compile() on the same random patterns.
#include <doctest/doctest.h>

#include <string>

#include "rnncc/common/error.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/compile/sequential_step.hpp"
#include "rnncc/eval/evaluator.hpp"
#include "rnncc/eval/random_patterns.hpp"
#include "rnncc/eval/sequential_simulation.hpp"
#include "rnncc/io/aiger.hpp"
#include "support/model_check.hpp"

namespace {

using namespace rnncc;

}  // namespace

TEST_CASE("the toggle flip-flop alternates from its initial value") {
  // The AIGER description's toggle: latch initially 0, next = its complement,
  // outputs the latch and its complement (step t outputs t - 1's state).
  const logic::SequentialAig toggle = io::read_sequential_aiger("aag 1 0 1 2 0\n2 3\n2\n3\n", "t");
  const eval::PatternSet outputs = eval::simulate_steps(toggle, eval::PatternSet(0, 3), 4);
  REQUIRE(outputs.signal_count() == 8);
  for (std::uint64_t pattern = 0; pattern < 3; ++pattern) {
    for (std::uint32_t t = 0; t < 4; ++t) {
      CHECK(outputs.bit(2 * t, pattern) == (t % 2 == 1));
      CHECK(outputs.bit(2 * t + 1, pattern) == (t % 2 == 0));
    }
  }
}

TEST_CASE("a latch with initial value 1 remembers whether every input so far was 1") {
  // q initially 1, next q = q ∧ x, output q ∧ x: 1 after step t iff x_1..x_t all 1.
  const logic::SequentialAig all_ones =
      io::read_sequential_aiger("aag 3 1 1 1 1\n2\n4 6 1\n6\n6 4 2\n", "a");
  eval::PatternSet inputs(3, 8);  // pattern p: x_t = bit t - 1 of p
  for (std::uint64_t p = 0; p < 8; ++p)
    for (std::uint32_t t = 0; t < 3; ++t)
      inputs.set_bit(t, p, ((p >> t) & 1U) != 0);
  const eval::PatternSet outputs = eval::simulate_steps(all_ones, inputs, 3);
  for (std::uint64_t p = 0; p < 8; ++p) {
    for (std::uint32_t t = 0; t < 3; ++t) {
      const std::uint64_t mask = (std::uint64_t{2} << t) - 1;
      CHECK(outputs.bit(t, p) == ((p & mask) == mask));
    }
  }
}

TEST_CASE("uninitialised latches and wrong input counts are refused") {
  const logic::SequentialAig free_latch =
      io::read_sequential_aiger("aag 1 0 1 1 0\n2 3 2\n2\nl0 q\n", "u");
  CHECK_THROWS_AS(eval::simulate_steps(free_latch, eval::PatternSet(0, 1), 2), InputError);
  const logic::SequentialAig all_ones =
      io::read_sequential_aiger("aag 3 1 1 1 1\n2\n4 6 1\n6\n6 4 2\n", "a");
  CHECK_THROWS_AS(eval::simulate_steps(all_ones, eval::PatternSet(2, 1), 3), InputError);
}

TEST_CASE("a compiled step run T steps agrees with the unrolled circuit on random patterns") {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"diagonal", "mod:4"}, {"elman", "fixed:6.3"}, {"wfa", "modp:5"}, {"network", "mod:3"}};
  for (const auto& [name, format] : cases) {
    const model::Model model = test::load_example_model(name, format);
    const logic::SequentialAig step = compile::build_sequential_step(model, {});
    for (std::size_t length : {1, 4, 7}) {
      CAPTURE(name);
      CAPTURE(length);
      compile::CompileOptions options;
      options.length = length;
      options.all_outputs = true;
      const logic::Aig unrolled = compile::compile(model, options).lowered.aig;
      REQUIRE(unrolled.input_count() == length * step.primary_input_count());
      REQUIRE(unrolled.output_count() == length * step.primary_output_count());
      const eval::PatternSet inputs = eval::random_patterns(unrolled.input_count(), 300, 7);
      CHECK(eval::simulate_steps(step, inputs, length) ==
            eval::evaluate(unrolled, inputs, eval::ParallelMode::patterns));
    }
  }
}
