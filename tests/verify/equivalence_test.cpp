// Equivalence checking against ABC's &cec and the simple simulator: adders
// and multipliers of different architectures (equivalent), copies that
// differ in one gate (counterexamples checked by simulation), random AIGs,
// and the matching of inputs and outputs by name and by position.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <random>

#include "eval/eval_circuits.hpp"
#include "io/random_aig.hpp"
#include "mutation.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/file_types.hpp"
#include "rnncc/verify/equivalence.hpp"
#include "support/abc.hpp"
#include "support/simulate.hpp"

using rnncc::logic::Aig;
using rnncc::logic::Literal;
using rnncc::verify::check_equivalence;
using rnncc::verify::EquivalenceMethod;
using rnncc::verify::EquivalenceOptions;
using rnncc::verify::EquivalenceResult;
using rnncc::word::MultiplierArchitecture;
using rnncc::word::PrefixArchitecture;
using namespace rnncc::test;

namespace {

/// ABC's &cec verdict on the two circuits (inputs and outputs by position).
bool abc_says_equivalent(const Aig& first, const Aig& second) {
  TemporaryDirectory directory;
  rnncc::io::write_boolean_circuit_file(first, directory / "a.aig");
  rnncc::io::write_boolean_circuit_file(second, directory / "b.aig");
  return abc_equivalent(directory / "a.aig", directory / "b.aig");
}

/// Checks with the simple simulator that the counterexample gives the
/// reported different values at the reported output (positions matched).
std::string check_counterexample(const Aig& first, const Aig& second,
                                 const EquivalenceResult& result) {
  std::vector<std::uint64_t> inputs;
  for (bool bit : result.counterexample)
    inputs.push_back(bit ? 1 : 0);
  if (inputs.size() != first.input_count()) return "counterexample has the wrong length";
  const auto first_outputs = simulate_outputs(first, inputs);
  const auto second_outputs = simulate_outputs(second, inputs);
  const std::uint32_t o = result.differing_output;
  const bool first_value = first_outputs.at(o) & 1;
  const bool second_value = second_outputs.at(result.second_differing_output) & 1;
  if (first_value == second_value) return fmt::format("output {} does not differ", o);
  if (first_value != result.first_value || second_value != result.second_value)
    return "reported values are wrong";
  // No earlier output differs (the reported one is the first).
  for (std::uint32_t earlier = 0; earlier < o; ++earlier)
    if ((first_outputs[earlier] & 1) != (second_outputs[earlier] & 1))
      return fmt::format("output {} differs before the reported {}", earlier, o);
  return "";
}

EquivalenceOptions sat_only() {
  EquivalenceOptions options;
  options.random_patterns = 0;
  return options;
}

}  // namespace

TEST_CASE("x AND y against x OR y: a counterexample with exactly one input set") {
  Aig first, second;
  Literal a = first.create_input(), b = first.create_input();
  first.create_output(first.create_and(a, b));
  a = second.create_input(), b = second.create_input();
  second.create_output(second.create_or(a, b));
  for (const EquivalenceOptions& options : {EquivalenceOptions{}, sat_only()}) {
    const EquivalenceResult result = check_equivalence(first, second, options);
    CHECK(!result.equivalent);
    REQUIRE(result.counterexample.size() == 2);
    CHECK(result.counterexample[0] != result.counterexample[1]);
    CHECK(!result.first_value);
    CHECK(result.second_value);
  }
}

TEST_CASE("adders of different architectures are equivalent, as ABC's &cec says") {
  REQUIRE(abc_available());
  const PrefixArchitecture architectures[] = {
      PrefixArchitecture::ripple, PrefixArchitecture::sklansky, PrefixArchitecture::brent_kung,
      PrefixArchitecture::kogge_stone, PrefixArchitecture::ladner_fischer};
  for (std::size_t width : {8, 32}) {
    for (std::size_t i = 0; i + 1 < std::size(architectures); ++i) {
      const Aig first = adder_circuit(width, architectures[i]);
      const Aig second = adder_circuit(width, architectures[i + 1]);
      const EquivalenceResult result = check_equivalence(first, second, sat_only());
      CHECK_MESSAGE(result.equivalent, width, " bits, ", i);
      CHECK(result.method == EquivalenceMethod::sat);
      CHECK(abc_says_equivalent(first, second));
    }
  }
}

TEST_CASE("multipliers of different architectures are equivalent, as ABC's &cec says") {
  REQUIRE(abc_available());
  const Aig array =
      multiplier_circuit(6, MultiplierArchitecture::array, PrefixArchitecture::ripple);
  const Aig wallace =
      multiplier_circuit(6, MultiplierArchitecture::wallace, PrefixArchitecture::kogge_stone);
  const Aig dadda =
      multiplier_circuit(6, MultiplierArchitecture::dadda, PrefixArchitecture::sklansky);
  CHECK(check_equivalence(array, wallace).equivalent);
  CHECK(check_equivalence(wallace, dadda, sat_only()).equivalent);
  CHECK(abc_says_equivalent(array, wallace));
  CHECK(abc_says_equivalent(wallace, dadda));
}

TEST_CASE("identical circuits are decided by structure alone") {
  const Aig first = adder_circuit(16, PrefixArchitecture::sklansky);
  const Aig second = adder_circuit(16, PrefixArchitecture::sklansky);
  const EquivalenceResult result = check_equivalence(first, second);
  CHECK(result.equivalent);
  CHECK(result.method == EquivalenceMethod::structure);
}

TEST_CASE("one changed gate: our verdict is ABC's, and every counterexample distinguishes") {
  REQUIRE(abc_available());
  std::mt19937_64 random(17);
  std::vector<std::pair<std::string, Aig>> circuits;
  circuits.emplace_back("adder", adder_circuit(16, PrefixArchitecture::brent_kung));
  circuits.emplace_back("multiplier", multiplier_circuit(5, MultiplierArchitecture::wallace,
                                                         PrefixArchitecture::kogge_stone));
  for (std::uint64_t seed = 1; seed <= 3; ++seed)
    circuits.emplace_back(fmt::format("random {}", seed), random_aig(12, 400, seed, false));
  int differing = 0;
  for (const auto& [name, circuit] : circuits) {
    const auto ands = ands_in_output_cones(circuit);
    REQUIRE(!ands.empty());
    for (int trial = 0; trial < 4; ++trial) {
      const auto changed = ands[random() % ands.size()];
      const Aig mutant = with_one_gate_changed(circuit, changed);
      const bool abc_verdict = abc_says_equivalent(circuit, mutant);
      for (const EquivalenceOptions& options : {EquivalenceOptions{}, sat_only()}) {
        const EquivalenceResult result = check_equivalence(circuit, mutant, options);
        CHECK_MESSAGE(result.equivalent == abc_verdict, name, " node ", changed);
        if (!result.equivalent) {
          ++differing;
          const std::string problem = check_counterexample(circuit, mutant, result);
          CHECK_MESSAGE(problem.empty(), name, " node ", changed, ": ", problem);
        }
      }
    }
  }
  CHECK(differing > 10);  // most single-gate changes are observable
}

TEST_CASE("a difference on one input pattern in 2^20 is found by SAT, not simulation") {
  // first: AND of 20 inputs; second: constant false. Random simulation of
  // 4,096 patterns all but surely misses the one distinguishing pattern.
  Aig first, second;
  Literal all = rnncc::logic::true_literal;
  for (int i = 0; i < 20; ++i)
    all = first.create_and(all, first.create_input());
  first.create_output(all);
  for (int i = 0; i < 20; ++i)
    second.create_input();
  second.create_output(rnncc::logic::false_literal);
  const EquivalenceResult result = check_equivalence(first, second);
  CHECK(!result.equivalent);
  CHECK(result.method == EquivalenceMethod::sat);
  CHECK(result.counterexample == std::vector<bool>(20, true));
}

TEST_CASE("inputs and outputs are matched by name when all are named") {
  // The second adder creates b before a and lists the sum bits backwards.
  const Aig first = adder_circuit(8, PrefixArchitecture::ripple);
  Aig second;
  rnncc::word::BitVector a(8), b(8);
  for (int i = 0; i < 8; ++i)
    b[i] = second.create_input(fmt::format("b{}", i));
  for (int i = 0; i < 8; ++i)
    a[i] = second.create_input(fmt::format("a{}", i));
  const auto sum = rnncc::word::add_with_carry_out(second, a, b, PrefixArchitecture::kogge_stone);
  for (int i = 8; i >= 0; --i)
    second.create_output(sum[i], fmt::format("s{}", i));
  CHECK(check_equivalence(first, second).equivalent);
  CHECK(check_equivalence(first, second, sat_only()).equivalent);
  // Without names the same circuits are compared by position: different.
  Aig unnamed = with_one_gate_changed(second, 0);
  for (std::uint32_t i = 0; i < unnamed.input_count(); ++i)
    unnamed.set_input_name(i, "");
  for (std::uint32_t o = 0; o < unnamed.output_count(); ++o)
    unnamed.set_output_name(o, "");
  CHECK(!check_equivalence(first, unnamed).equivalent);
}

TEST_CASE("mismatched interfaces are refused with InputError naming the circuits") {
  const Aig first = adder_circuit(8, PrefixArchitecture::ripple);
  const Aig narrower = adder_circuit(7, PrefixArchitecture::ripple);
  EquivalenceOptions options;
  options.first_name = "A.aig";
  options.second_name = "B.aig";
  try {
    check_equivalence(first, narrower, options);
    FAIL("no error");
  } catch (const rnncc::InputError& error) {
    CHECK(std::string(error.what()) == "A.aig has 16 inputs but B.aig has 14");
  }
  Aig renamed = with_one_gate_changed(first, 0);
  renamed.set_input_name(3, "c3");
  try {
    check_equivalence(first, renamed, options);
    FAIL("no error");
  } catch (const rnncc::InputError& error) {
    CHECK(std::string(error.what()) == "A.aig: input 'a3' has no input of that name in B.aig");
  }
  Aig duplicated = with_one_gate_changed(first, 0);
  duplicated.set_output_name(2, "s1");
  CHECK_THROWS_AS(check_equivalence(first, duplicated, options), rnncc::InputError);
}

TEST_CASE("SAT limits leave hard output pairs undecided, never a wrong verdict") {
  // 10-bit multipliers of two architectures: equivalent (as the 6-bit case
  // above shows against ABC), but their middle product bits take CaDiCaL
  // many conflicts.
  const Aig array =
      multiplier_circuit(10, MultiplierArchitecture::array, PrefixArchitecture::ripple);
  const Aig wallace =
      multiplier_circuit(10, MultiplierArchitecture::wallace, PrefixArchitecture::kogge_stone);
  EquivalenceOptions limited = sat_only();
  limited.conflict_limit = 1;
  std::vector<std::uint32_t> reported;
  limited.progress = [&](const rnncc::verify::OutputPairProgress& pair) {
    CHECK(pair.output_count == array.output_count());
    reported.push_back(pair.output);
  };
  const EquivalenceResult result = check_equivalence(array, wallace, limited);
  CHECK(!result.decided);
  CHECK(!result.equivalent);
  REQUIRE(!result.undecided_outputs.empty());
  // Progress came once per SAT pair, in output order, and covers the
  // undecided ones.
  CHECK(std::is_sorted(reported.begin(), reported.end()));
  for (std::uint32_t output : result.undecided_outputs)
    CHECK(std::find(reported.begin(), reported.end(), output) != reported.end());

  // A deadline already past leaves every pair that needs SAT undecided.
  EquivalenceOptions timed = sat_only();
  timed.timeout_seconds = 1e-9;
  const EquivalenceResult late = check_equivalence(array, wallace, timed);
  CHECK(!late.decided);
  CHECK(late.undecided_outputs.size() >= result.undecided_outputs.size());

  // A limit does not hide a real difference: x AND y against x OR y is
  // still told apart by SAT within the limit.
  Aig conjunction;
  Aig disjunction;
  {
    const Literal x = conjunction.create_input();
    const Literal y = conjunction.create_input();
    conjunction.create_output(conjunction.create_and(x, y));
    const Literal u = disjunction.create_input();
    const Literal v = disjunction.create_input();
    disjunction.create_output(disjunction.create_or(u, v));
  }
  EquivalenceOptions small_limit = sat_only();
  small_limit.conflict_limit = 1000;
  small_limit.timeout_seconds = 60;
  const EquivalenceResult different = check_equivalence(conjunction, disjunction, small_limit);
  CHECK(different.decided);
  CHECK(!different.equivalent);
  CHECK(check_counterexample(conjunction, disjunction, different) == "");
}
