// Narrowing preserves the function: every example model under
// circuits/models, compiled at T = 1 .. 3 (T = 1 .. 2 in the saturating
// fixed format, whose multipliers with rounding are slow for SAT) in every
// ring format (mod, modp, fixed with each overflow and rounding rule),
// sequential and scan, gives a narrowed circuit that the SAT miter proves
// equivalent to the circuit lowered at full width.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
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

/// Above this many ANDs at T = 1 (full width) a model is checked at T = 1
/// only: proving wide multipliers equal is slow for SAT.
constexpr std::uint32_t longer_lengths_below_ands = 5000;

/// Compiles every example model in `format_spelling` both ways at T = 1 ..
/// `max_length` and proves the two circuits equivalent; returns how many
/// circuits were compared.
int check_format(const std::string& format_spelling, std::size_t max_length) {
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
      std::uint32_t ands_at_one = 0;
      for (std::size_t length = 1; length <= max_length; ++length) {
        if (length > 1 && ands_at_one > longer_lengths_below_ands) break;
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
        if (length == 1) ands_at_one = full.lowered.aig.and_count();
        rnncc::verify::EquivalenceOptions equivalence;
        equivalence.random_patterns = 256;
        const rnncc::verify::EquivalenceResult result =
            rnncc::verify::check_equivalence(full.lowered.aig, narrowed.lowered.aig, equivalence);
        INFO(path.filename().string(), " ", format_spelling, " ", std::string(schedule),
             " T=", length, ": ", full.lowered.aig.and_count(), " ANDs at full width, ",
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
  CHECK(check_format("mod:8", 3) > 40);
}

TEST_CASE("narrowing is proved equivalent on every example model in modp:13") {
  CHECK(check_format("modp:13", 3) > 40);
}

TEST_CASE("narrowing is proved equivalent on every example model in fixed:5.2 (saturating)") {
  CHECK(check_format("fixed:5.2:nearest-even:saturate", 2) > 40);
}

TEST_CASE("narrowing is proved equivalent on every example model in fixed:4.1 (wrapping)") {
  CHECK(check_format("fixed:4.1:floor:wrap", 3) > 40);
}
