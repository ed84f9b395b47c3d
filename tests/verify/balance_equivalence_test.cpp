// logic::balance proved function-preserving by the SAT miter on circuits too
// wide for exhaustive simulation: random circuits of 40 inputs and every
// example model compiled at a small length (with ABC's &cec as a second
// referee where it is installed).
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/io/aiger.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/logic/balance.hpp"
#include "rnncc/logic/cleanup.hpp"
#include "rnncc/model/registry.hpp"
#include "rnncc/verify/equivalence.hpp"
#include "support/abc.hpp"

using rnncc::logic::Aig;
using rnncc::logic::Literal;

namespace {

/// A random circuit of chains of ANDs and XORs over `inputs` inputs.
Aig random_chains(std::uint64_t seed, std::uint32_t inputs, std::uint32_t steps) {
  std::mt19937_64 random(seed);
  Aig aig;
  std::vector<Literal> literals;
  for (std::uint32_t i = 0; i < inputs; ++i)
    literals.push_back(aig.create_input(fmt::format("x{}", i)));
  auto pick = [&] {
    return literals[random() % literals.size()] ^ static_cast<bool>(random() & 1);
  };
  for (std::uint32_t step = 0; step < steps; ++step) {
    Literal chain = pick();
    const bool exclusive = random() % 2 == 0;
    for (std::uint64_t k = 1 + random() % 8; k > 0; --k)
      chain = exclusive ? aig.create_xor(chain, pick()) : aig.create_or(chain, pick());
    literals.push_back(random() % 4 == 0 ? aig.create_mux(pick(), chain, pick()) : chain);
  }
  for (std::uint32_t i = 0; i < 8; ++i)
    aig.create_output(literals[literals.size() - 1 - i], fmt::format("y{}", i));
  return aig;
}

/// Checks balance(built) against `built`: no output deeper, no AND added,
/// and equivalent by the SAT miter. Returns false when SAT was left
/// undecided by `conflict_limit` conflicts per output pair (no difference
/// found either); a limit, unlike a timeout, gives the same answer on a
/// loaded machine.
bool check_balanced(const Aig& built, const std::string& what, std::uint64_t conflict_limit = 0) {
  CAPTURE(what);
  const Aig balanced = rnncc::logic::balance(built);
  CHECK(balanced.depth() <= built.depth());
  for (std::uint32_t i = 0; i < built.output_count(); ++i)
    CHECK(balanced.level(balanced.output(i)) <= built.level(built.output(i)));
  CHECK(balanced.and_count() <= rnncc::logic::reachable_and_count(built));
  rnncc::verify::EquivalenceOptions options;
  options.conflict_limit = conflict_limit;
  const rnncc::verify::EquivalenceResult result =
      rnncc::verify::check_equivalence(built, balanced, options);
  CHECK((result.equivalent || !result.decided));
  return result.decided;
}

/// The model compiled at T = 1 in the first of mod:4, fixed:6.2 and its own
/// format that it accepts (narrow words keep the multiplier miters easy).
rnncc::compile::CompiledModel compile_narrow(const std::filesystem::path& path,
                                             const std::string& schedule, std::string& format) {
  for (const std::string candidate : {"mod:4", "fixed:6.2", ""}) {
    try {
      const rnncc::model::Model model =
          candidate.empty()
              ? rnncc::io::read_model_file(path)
              : rnncc::io::read_model_file(path, rnncc::arith::parse_format(candidate));
      rnncc::compile::CompileOptions options;
      options.length = 1;
      options.schedule = rnncc::compile::parse_schedule(schedule);
      options.reassociate = true;
      format = candidate.empty() ? "own" : candidate;
      return rnncc::compile::compile(model, options);
    } catch (const rnncc::InputError&) {
      if (candidate.empty()) throw;
    }
  }
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("balance: random circuits of 40 inputs stay equivalent by the SAT miter") {
  for (std::uint64_t seed = 1; seed <= 25; ++seed)
    check_balanced(random_chains(seed, 40, 60 + static_cast<std::uint32_t>(seed % 200)),
                   fmt::format("seed {}", seed));
}

TEST_CASE("balance: ABC's &cec agrees that balanced random circuits are equivalent") {
  if (!rnncc::test::abc_available()) return;
  const rnncc::test::TemporaryDirectory directory;
  const auto binary = rnncc::io::AigerFormat::binary;
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const Aig built = random_chains(seed, 40, 300);
    rnncc::io::write_aiger_file(built, directory / "built.aig", binary);
    rnncc::io::write_aiger_file(rnncc::logic::balance(built), directory / "balanced.aig", binary);
    CHECK(rnncc::test::abc_equivalent(directory / "built.aig", directory / "balanced.aig"));
  }
}

TEST_CASE("balance: every example model at T = 1 stays equivalent and no deeper") {
  const std::filesystem::path models = std::filesystem::path(RNNCC_SOURCE_DIR) / "circuits/models";
  std::vector<std::filesystem::path> paths;
  // The benchmark models (deltanet_kv4, lstm_h8) are larger copies of the
  // deltanet and lstm families, checked here through their small models.
  for (const auto& entry : std::filesystem::directory_iterator(models)) {
    const std::string stem = entry.path().stem().string();
    if (entry.path().extension() != ".toml" || stem == "deltanet_kv4" || stem == "lstm_h8")
      continue;
    paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  REQUIRE(paths.size() >= 19);
  int checked = 0;
  int undecided = 0;
  for (const std::filesystem::path& path : paths) {
    for (const std::string schedule : {"sequential", "scan"}) {
      std::string format;
      std::optional<rnncc::compile::CompiledModel> compiled;
      try {
        compiled.emplace(compile_narrow(path, schedule, format));
      } catch (const rnncc::InputError&) {
        REQUIRE(schedule == std::string("scan"));  // every model has a sequential circuit
        continue;
      }
      ++checked;
      if (!check_balanced(compiled->lowered.aig,
                          fmt::format("{} {} {} T=1", path.filename().string(), schedule, format),
                          200000)) {
        MESSAGE("undecided: ", path.filename().string(), " ", schedule);
        ++undecided;
      }
    }
  }
  CHECK(checked >= 30);
  // At most one miter (a fixed-point multiplier's) may outlast the limit;
  // simulation found no difference in it either.
  CHECK(undecided <= 1);
}
