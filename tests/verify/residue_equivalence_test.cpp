// The residue lowering of the exact format against the binary lowering and
// the reference interpreter: rns scans proven equal to binary sequential
// circuits by rnncc's SAT miter (what `rnncc equiv` runs) up to T = 8, and
// rns circuits equal to the interpreter's exact GMP values on random inputs
// (what `rnncc verify` runs) up to T = 1024. The lengths 1 and 2 of every example are proved in
// tests/compile/residue_lowering_test.cpp.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "rnncc/compile/compiler.hpp"
#include "rnncc/model/input_sequence.hpp"
#include "rnncc/verify/equivalence.hpp"
#include "rnncc/verify/model_check.hpp"
#include "support/model_check.hpp"

namespace {

using namespace rnncc;

using test::options_for;

/// The example in exact; the iterated-product model's inputs widened to the
/// full range of their two bits, [-2, 1], so that every input pattern is
/// admissible (the miter compares the circuits on every pattern, and
/// outside the domain the lowerings need not agree).
model::Model exact_example(const std::string& name) {
  model::Model model = test::load_example_model(name, "exact");
  if (name == "imm") model.input.exact_domain.low = -2;
  return model;
}

/// Proves the rns scan of each example equivalent to its binary sequential
/// circuit at T = 3 ... `longest` (CHECKs decided and equivalent).
void prove_scans(const std::vector<std::pair<std::string, std::size_t>>& examples) {
  verify::EquivalenceOptions options;
  options.random_patterns = 256;
  for (const auto& [name, longest] : examples) {
    const model::Model model = exact_example(name);
    for (std::size_t length = 3; length <= longest; ++length) {
      CAPTURE(name);
      CAPTURE(length);
      const compile::CompiledModel binary =
          compile::compile(model, options_for("sequential", length, arith::ExactLowering::binary));
      const compile::CompiledModel residue =
          compile::compile(model, options_for("scan", length, arith::ExactLowering::residue));
      const verify::EquivalenceResult result =
          verify::check_equivalence(binary.lowered.aig, residue.lowered.aig, options);
      CHECK(result.decided);
      CHECK(result.equivalent);
    }
  }
}

}  // namespace

// Each example from T = 3 to the longest length whose miters fit the suite:
// 8 where they take seconds at most (on a loaded two-core machine, release
// build); otherwise the last length before the miter of the next one took
// 25 s or more: dplr 6 (T = 7 over 40 s), gated_deltanet 6 (7: 25 s),
// rwkv7 5 (6: 39 s), network 3 (4: over 40 s). The iterated-product model
// stops at 2 (T = 3 is over 40 s in every pairing of schedules tried).
TEST_CASE(
    "rns scan ≡ binary sequential by SAT: diagonal, pd, deltanet, dense, wfa to 8, network to 3") {
  prove_scans(
      {{"diagonal", 8}, {"pd", 8}, {"deltanet", 8}, {"dense", 8}, {"wfa", 8}, {"network", 3}});
}

TEST_CASE("rns scan ≡ binary sequential by SAT: dplr and gated_deltanet to T = 6, rwkv7 to 5") {
  prove_scans({{"dplr", 6}, {"gated_deltanet", 6}, {"rwkv7", 5}});
}

TEST_CASE("rns scan ≡ binary sequential by SAT up to T = 8: s5_pd and s5_wfa") {
  prove_scans({{"s5_pd", 8}, {"s5_wfa", 8}});
}

namespace {

/// Compiles `name` in exact with the rns lowering under `schedule` at
/// `length` (outputs after the last step) and compares the circuit with the
/// reference interpreter on `count` random input sequences, as `rnncc
/// verify` does.
void check_random_runs(const std::string& name, std::string_view schedule, std::size_t length,
                       std::size_t count) {
  CAPTURE(name);
  CAPTURE(schedule);
  CAPTURE(length);
  const model::Model model = exact_example(name);
  const compile::CompiledModel residue =
      compile::compile(model, options_for(schedule, length, arith::ExactLowering::residue));
  std::vector<model::InputSequence> sequences;
  for (std::size_t i = 0; i < count; ++i)
    sequences.push_back(model::random_input_sequence(model, length, 1000 * length + i));
  const verify::ModelCheck check =
      verify::check_against_interpreter(model, residue, false, sequences, 1, true);
  CHECK_FALSE(check.first_mismatch.has_value());
  CHECK(check.sequences == count);
  CHECK(check.compared == count * residue.lowered.outputs.size());
}

}  // namespace

TEST_CASE("rns circuits equal the interpreter's exact values on random inputs up to T = 1024") {
  // Models whose values stay narrow (k = 1 ... 3 residues at T = 1024):
  // both schedules at every doubling up to 1024.
  for (const char* name : {"diagonal", "wfa"})
    for (const char* schedule : {"sequential", "scan"})
      for (std::size_t length = 16; length <= 1024; length *= 4)
        check_random_runs(name, schedule, length, 8);
  check_random_runs("s5_wfa", "scan", 1024, 2);
}

TEST_CASE("rns scans of pd and deltanet equal the interpreter's exact values up to T = 256, 128") {
  // Their widths grow linearly in T, so the rns scan grows about fourfold
  // per doubling of T: pd has 9.5 million ANDs at T = 256 (a few seconds
  // here), deltanet 11 million at 128; fewer sequences at the longer ones.
  for (std::size_t length = 16; length <= 256; length *= 2)
    check_random_runs("pd", "scan", length, length >= 128 ? 2 : 8);
  for (std::size_t length = 16; length <= 128; length *= 2)
    check_random_runs("deltanet", "scan", length, length >= 64 ? 2 : 8);
}
