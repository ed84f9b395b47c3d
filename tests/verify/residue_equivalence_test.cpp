// The residue lowering of the exact format against the binary lowering:
// rns scans proven equal to binary sequential circuits by rnncc's SAT miter
// (what `rnncc equiv` runs) up to T = 8. The lengths 1 and 2 of every
// example are proved in tests/compile/residue_lowering_test.cpp.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "rnncc/compile/compiler.hpp"
#include "rnncc/verify/equivalence.hpp"
#include "support/model_check.hpp"

namespace {

using namespace rnncc;

compile::CompileOptions options_for(std::string_view schedule, std::size_t length,
                                    arith::ExactLowering lowering) {
  compile::CompileOptions options;
  options.schedule = compile::parse_schedule(schedule);
  options.length = length;
  options.exact_lowering = lowering;
  return options;
}

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
TEST_CASE("rns scan ≡ binary sequential by SAT up to T = 8: diagonal, pd, deltanet, dense, wfa") {
  prove_scans(
      {{"diagonal", 8}, {"pd", 8}, {"deltanet", 8}, {"dense", 8}, {"wfa", 8}, {"network", 3}});
}

TEST_CASE("rns scan ≡ binary sequential by SAT: dplr, gated_deltanet and rwkv7 at T = 3 ... 5, 6") {
  prove_scans({{"dplr", 6}, {"gated_deltanet", 6}, {"rwkv7", 5}});
}

TEST_CASE("rns scan ≡ binary sequential by SAT up to T = 8: s5_pd and s5_wfa") {
  prove_scans({{"s5_pd", 8}, {"s5_wfa", 8}});
}

