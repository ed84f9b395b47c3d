// The residue lowering of the exact format computes the binary lowering's
// function: proven equal by rnncc's SAT miter (CaDiCaL) for the linear
// examples at short lengths, and equal to the reference interpreter (exact
// GMP arithmetic) on random inputs at longer ones.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/verify/equivalence.hpp"
#include "support/model_check.hpp"

namespace {

using namespace rnncc;

using test::options_for;

/// The linear examples, each in exact.
const std::vector<std::string> linear_examples{
    "diagonal", "pd",  "dplr", "deltanet", "gated_deltanet", "rwkv7",
    "dense",    "wfa", "imm",  "s5_pd",    "s5_wfa",         "network"};

}  // namespace

TEST_CASE("residue and binary lowerings: the same input and output words, a basis reported") {
  const model::Model model = test::load_example_model("deltanet", "exact");
  const compile::CompiledModel binary =
      compile::compile(model, options_for("scan", 8, arith::ExactLowering::binary));
  const compile::CompiledModel residue =
      compile::compile(model, options_for("scan", 8, arith::ExactLowering::residue));
  REQUIRE(residue.lowered.residue_basis.has_value());
  CHECK_FALSE(binary.lowered.residue_basis.has_value());
  REQUIRE(binary.lowered.aig.input_count() == residue.lowered.aig.input_count());
  REQUIRE(binary.lowered.aig.output_count() == residue.lowered.aig.output_count());
  for (std::uint32_t i = 0; i < binary.lowered.aig.input_count(); ++i)
    CHECK(binary.lowered.aig.input_name(i) == residue.lowered.aig.input_name(i));
  for (std::uint32_t i = 0; i < binary.lowered.aig.output_count(); ++i)
    CHECK(binary.lowered.aig.output_name(i) == residue.lowered.aig.output_name(i));
  CHECK(binary.lowered.widest_value_bits == residue.lowered.widest_value_bits);
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

TEST_CASE("residue lowering ≡ binary lowering for every linear example in exact (SAT)") {
  verify::EquivalenceOptions options;
  options.random_patterns = 256;
  // Every example at T = 1 and 2, both schedules; the scans at T = 3 ... 8
  // in tests/verify/residue_equivalence_test.cpp.
  for (const std::string& name : linear_examples) {
    const model::Model model = exact_example(name);
    for (std::size_t length : {1, 2}) {
      const compile::CompiledModel binary =
          compile::compile(model, options_for("sequential", length, arith::ExactLowering::binary));
      for (const char* schedule : {"sequential", "scan"}) {
        CAPTURE(name);
        CAPTURE(length);
        CAPTURE(schedule);
        const compile::CompiledModel residue =
            compile::compile(model, options_for(schedule, length, arith::ExactLowering::residue));
        const verify::EquivalenceResult result =
            verify::check_equivalence(binary.lowered.aig, residue.lowered.aig, options);
        CHECK(result.decided);
        CHECK(result.equivalent);
      }
    }
  }
}

TEST_CASE("residue lowering equals the reference interpreter on random inputs, T = 16 ... 64") {
  // Lengths as long as keep each circuit near a million ANDs or below.
  const std::vector<std::pair<std::string, std::size_t>> cases{
      {"pd", 64}, {"diagonal", 64}, {"wfa", 64}, {"deltanet", 32}, {"rwkv7", 16}, {"imm", 16}};
  for (const auto& [name, length] : cases) {
    const model::Model model = exact_example(name);
    for (const char* schedule : {"sequential", "scan"}) {
      CAPTURE(name);
      CAPTURE(schedule);
      CHECK(test::check_against_reference(
                model, options_for(schedule, length, arith::ExactLowering::residue), 8, 19) == "");
    }
  }
}

TEST_CASE("residue lowering: refused outside exact and for the table schedule") {
  const model::Model modular = test::load_example_model("pd", "mod:8");
  CHECK_THROWS_AS(
      compile::check_options(modular, options_for("scan", 4, arith::ExactLowering::residue)),
      InputError);
  const model::Model exact = test::load_example_model("pd", "exact");
  CHECK_THROWS_AS(
      compile::check_options(exact, options_for("table", 4, arith::ExactLowering::residue)),
      InputError);
  CHECK_THROWS_AS(arith::parse_exact_lowering("crt"), InputError);
  CHECK(arith::parse_exact_lowering("rns") == arith::ExactLowering::residue);
  CHECK(arith::parse_exact_lowering("binary") == arith::ExactLowering::binary);
}
