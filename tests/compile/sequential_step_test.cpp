// One sequential step with latches, unrolled here T times (latches wired
// from each copy's next state to the following copy, starting at their
// initial values), is proven equivalent to compile()'s sequential circuit of
// length T by rnncc's SAT miter, for several families, formats and T.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/compile/sequential_step.hpp"
#include "rnncc/logic/instantiate.hpp"
#include "rnncc/verify/equivalence.hpp"
#include "support/model_check.hpp"

namespace {

using namespace rnncc;
using logic::Literal;

/// `name` with "@STEP" before its first '[' ("x[0][3]" -> "x@2[0][3]"): the
/// unrolled circuit's name of a step port.
std::string at_step(const std::string& name, std::size_t step) {
  const std::size_t bracket = name.find('[');
  return name.substr(0, bracket) + "@" + std::to_string(step) +
         (bracket == std::string::npos ? "" : name.substr(bracket));
}

/// `step` copied `length` times into one combinational AIG: copy t reads
/// its own inputs (named for step t) and the state copy t - 1 left (the
/// latches' initial values for t = 1); the outputs of the last copy, or of
/// every copy, become the AIG's outputs.
logic::Aig unroll(const logic::SequentialAig& step, std::size_t length, bool all_outputs) {
  logic::Aig unrolled;
  std::vector<Literal> state;
  for (logic::LatchInitial initial : step.latch_initial) {
    REQUIRE(initial != logic::LatchInitial::undefined);
    state.push_back(logic::constant_literal(initial == logic::LatchInitial::one));
  }
  for (std::size_t t = 1; t <= length; ++t) {
    std::vector<Literal> sources;
    for (std::uint32_t i = 0; i < step.primary_input_count(); ++i)
      sources.push_back(unrolled.create_input(at_step(step.aig.input_name(i), t)));
    sources.insert(sources.end(), state.begin(), state.end());
    const std::vector<Literal> outputs = logic::instantiate(unrolled, step.aig, sources);
    const std::uint32_t output_count = step.primary_output_count();
    if (all_outputs || t == length) {
      for (std::uint32_t o = 0; o < output_count; ++o)
        unrolled.create_output(outputs[o], at_step(step.aig.output_name(o), t));
    }
    state.assign(outputs.begin() + output_count, outputs.end());
  }
  return unrolled;
}

}  // namespace

TEST_CASE("T copies of the sequential step are the compiled circuit of length T (SAT)") {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"diagonal", "mod:4"}, {"wfa", "modp:5"},        {"dense", "mod:3"},
      {"network", "mod:3"},  {"elman", "fixed:6.3"},   {"relu_rnn", "fixed:6.2"},
      {"pd", "mod:4"},       {"mlp_rnn", "fixed:6.3"}, {"deltanet", "fixed:6.3"}};
  verify::EquivalenceOptions options;
  options.random_patterns = 256;
  for (const auto& [name, format] : cases) {
    const model::Model model = test::load_example_model(name, format);
    compile::CompileOptions compile_options;
    const logic::SequentialAig step = compile::build_sequential_step(model, compile_options);
    CHECK(step.latch_count() > 0);
    for (std::size_t length : {1, 2, 3, 5}) {
      for (bool all : {false, true}) {
        CAPTURE(name);
        CAPTURE(format);
        CAPTURE(length);
        CAPTURE(all);
        compile_options.length = length;
        compile_options.all_outputs = all;
        const compile::CompiledModel compiled = compile::compile(model, compile_options);
        const verify::EquivalenceResult result =
            verify::check_equivalence(compiled.lowered.aig, unroll(step, length, all), options);
        CHECK(result.decided);
        CHECK(result.equivalent);
      }
    }
  }
}

TEST_CASE("the step's latches start at the model's initial state") {
  // The parity model's one state value in mod:4: 4 latches, least
  // significant bit first, two's complement (5 = 0101, -3 = 1101).
  using logic::LatchInitial;
  constexpr LatchInitial o = LatchInitial::zero;
  constexpr LatchInitial l = LatchInitial::one;
  model::Model model = test::load_example_model("diagonal", "mod:4");
  REQUIRE(model.initial_state.size() == 1);
  for (const auto& [value, bits] :
       {std::pair{5, std::vector{l, o, l, o}}, std::pair{-3, std::vector{l, o, l, l}}}) {
    CAPTURE(value);
    model.initial_state[0] = value;
    const logic::SequentialAig step = compile::build_sequential_step(model, {});
    CHECK(step.latch_initial == bits);
    CHECK(step.aig.input_name(step.primary_input_count()) == "state[0][0]");
  }
}

TEST_CASE("a sequential step needs a finite format") {
  const model::Model model = test::load_example_model("diagonal", "exact");
  CHECK_THROWS_AS(compile::build_sequential_step(model, {}), InputError);
}
