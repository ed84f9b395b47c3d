// Scan ≡ sequential, proven: in ring formats the parallel schedules compute
// exactly the recurrence's function, so the AIGs of every schedule are
// equivalent. Decided by rnncc's SAT miter (CaDiCaL) and, once, by ABC's cec.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "rnncc/arith/format.hpp"
#include "rnncc/io/file_types.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/verify/equivalence.hpp"
#include "support/abc.hpp"
#include "support/model_check.hpp"

namespace {

using namespace rnncc;

model::Model load(const std::string& name,
                  const std::optional<std::string>& format = std::nullopt) {
  return test::load_example_model(name, format);
}

compile::CompiledModel compiled(const model::Model& model, std::string_view schedule,
                                std::size_t length, bool all) {
  compile::CompileOptions options;
  options.schedule = compile::parse_schedule(schedule);
  options.length = length;
  options.all_outputs = all;
  return compile::compile(model, options);
}

}  // namespace

TEST_CASE("scan and chunked circuits are equivalent to the sequential one (SAT miter)") {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"diagonal", "mod:4"},       {"pd", "mod:4"},    {"dplr", "mod:3"},  {"deltanet", "mod:4"},
      {"gated_deltanet", "mod:3"}, {"rwkv7", "mod:3"}, {"dense", "mod:4"}, {"wfa", "mod:3"},
      {"network", "mod:3"}};
  verify::EquivalenceOptions options;
  options.random_patterns = 0;  // decide by structure and SAT only
  for (const auto& [name, format] : cases) {
    const model::Model model = load(name, format);
    for (std::size_t length : {1, 2, 3, 5}) {
      for (bool all : {false, true}) {
        const compile::CompiledModel sequential = compiled(model, "sequential", length, all);
        for (const char* schedule : {"scan", "chunked:2"}) {
          CAPTURE(name);
          CAPTURE(length);
          CAPTURE(all);
          CAPTURE(schedule);
          const verify::EquivalenceResult result = verify::check_equivalence(
              sequential.lowered.aig, compiled(model, schedule, length, all).lowered.aig, options);
          CHECK(result.equivalent);
        }
      }
    }
  }
}

TEST_CASE("the miter tells apart schedules of different models") {
  // The same model with one per-symbol weight changed.
  const model::Model first = load("rwkv7", "mod:3");
  model::Model changed = first;
  // Flip one per-symbol weight of the first model.
  for (auto& [feature_name, feature] : changed.features) {
    if (feature_name == "w") feature.per_symbol[0][0] = feature.per_symbol[0][0] == 1 ? 2 : 1;
  }
  verify::EquivalenceOptions options;
  options.random_patterns = 0;
  const verify::EquivalenceResult result =
      verify::check_equivalence(compiled(first, "sequential", 3, false).lowered.aig,
                                compiled(changed, "scan", 3, false).lowered.aig, options);
  CHECK_FALSE(result.equivalent);
  CHECK(result.method == verify::EquivalenceMethod::sat);
}

TEST_CASE("ABC's cec agrees: a DeltaNet scan is equivalent to its sequential circuit") {
  test::TemporaryDirectory directory;
  const model::Model model = load("deltanet", "mod:4");
  io::write_boolean_circuit_file(compiled(model, "sequential", 4, true).lowered.aig,
                                 directory / "sequential.aig");
  io::write_boolean_circuit_file(compiled(model, "scan", 4, true).lowered.aig,
                                 directory / "scan.aig");
  CHECK(test::abc_equivalent(directory / "sequential.aig", directory / "scan.aig"));
  model::Model changed = model;
  for (auto& [feature_name, feature] : changed.features) {
    if (feature_name == "beta") feature.per_symbol[1][0] = 3;
  }
  io::write_boolean_circuit_file(compiled(changed, "scan", 4, true).lowered.aig,
                                 directory / "changed.aig");
  CHECK_FALSE(test::abc_equivalent(directory / "sequential.aig", directory / "changed.aig"));
}

TEST_CASE("in exact, every schedule has the sequential circuit's output words, so they match") {
  // Each schedule's own bounds would give other widths (deltanet, T = 5,
  // all outputs: 142 sequential, 130 scan, 136 chunked:2 output bits); the
  // outputs take the sequential representation instead.
  verify::EquivalenceOptions options;
  options.random_patterns = 0;
  // (Models and lengths where the schedules' own widths differ.)
  for (const char* name : {"deltanet", "dplr", "rwkv7", "gated_deltanet"}) {
    const model::Model model = load(name, "exact");
    for (std::size_t length : {4, 5}) {
      const compile::CompiledModel sequential = compiled(model, "sequential", length, true);
      for (const char* schedule : {"scan", "chunked:2"}) {
        CAPTURE(name);
        CAPTURE(length);
        CAPTURE(schedule);
        const compile::CompiledModel other = compiled(model, schedule, length, true);
        CHECK(other.notes.empty());
        REQUIRE(other.lowered.outputs.size() == sequential.lowered.outputs.size());
        for (std::size_t i = 0; i < other.lowered.outputs.size(); ++i) {
          CHECK(other.lowered.outputs[i].value.bits.size() ==
                sequential.lowered.outputs[i].value.bits.size());
          CHECK(other.lowered.outputs[i].value.denominator ==
                sequential.lowered.outputs[i].value.denominator);
        }
        CHECK(verify::check_equivalence(sequential.lowered.aig, other.lowered.aig, options)
                  .equivalent);
      }
    }
  }
}
