// Narrowing preserves the function: every example model under
// circuits/models, compiled at T = 1 .. 3 in every ring format (mod, modp,
// fixed with each overflow rule), sequential and scan, gives a narrowed
// circuit that the SAT miter proves equivalent to the circuit lowered at
// full width.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/verify/equivalence.hpp"

namespace compile = rnncc::compile;

namespace {

std::vector<std::filesystem::path> example_models() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(RNNCC_SOURCE_DIR) / "circuits" / "models")) {
    if (entry.path().extension() == ".toml") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

/// Compiles every example model in `format_spelling` both ways and proves
/// the two circuits equivalent; returns how many circuits were compared.
int check_format(const std::string& format_spelling) {
  const rnncc::arith::Format format = rnncc::arith::parse_format(format_spelling);
  int compared = 0;
  for (const std::filesystem::path& path : example_models()) {
    rnncc::model::Model model;
    try {
      model = rnncc::io::read_model_file(path, format);
    } catch (const rnncc::InputError&) {
      continue;  // e.g. a transcendental activation outside fixed formats
    }
    for (const char* schedule : {"sequential", "scan"}) {
      for (std::size_t length = 1; length <= 3; ++length) {
        compile::CompileOptions options;
        options.length = length;
        options.schedule = compile::parse_schedule(schedule);
        options.reassociate = true;
        compile::CompiledModel narrowed;
        try {
          narrowed = compile::compile(model, options);
        } catch (const rnncc::InputError&) {
          continue;  // no scan for this family
        }
        options.narrowing = rnncc::arith::Narrowing::off;
        const compile::CompiledModel full = compile::compile(model, options);
        rnncc::verify::EquivalenceOptions equivalence;
        equivalence.random_patterns = 256;
        const rnncc::verify::EquivalenceResult result =
            rnncc::verify::check_equivalence(full.lowered.aig, narrowed.lowered.aig, equivalence);
        INFO(path.filename().string(), " ", format_spelling, " ", schedule, " T=", length, ": ",
             full.lowered.aig.and_count(), " ANDs at full width, ",
             narrowed.lowered.aig.and_count(), " narrowed");
        CHECK(result.decided);
        CHECK(result.equivalent);
        // Narrowing never makes a circuit larger.
        CHECK(narrowed.lowered.aig.and_count() <= full.lowered.aig.and_count());
        ++compared;
      }
    }
  }
  return compared;
}

}  // namespace

TEST_CASE("narrowing is proved equivalent on every example model in mod:8") {
  CHECK(check_format("mod:8") > 40);
}

TEST_CASE("narrowing is proved equivalent on every example model in modp:13") {
  CHECK(check_format("modp:13") > 40);
}

TEST_CASE("narrowing is proved equivalent on every example model in fixed:8.4 (saturating)") {
  CHECK(check_format("fixed:8.4") > 40);
}

TEST_CASE("narrowing is proved equivalent on every example model in fixed:6.2 (wrapping)") {
  CHECK(check_format("fixed:6.2:floor:wrap") > 40);
}
