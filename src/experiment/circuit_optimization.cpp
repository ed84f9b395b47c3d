#include "rnncc/experiment/circuit_optimization.hpp"

#include <fmt/format.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <utility>

#include "rnncc/common/assert.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/logic/balance.hpp"
#include "rnncc/verify/equivalence.hpp"

namespace rnncc::experiment {

std::string_view name_of(Optimization optimization) {
  switch (optimization) {
    case Optimization::none:
      return "none";
    case Optimization::balance:
      return "balance";
    case Optimization::abc:
      return "abc";
  }
  RNNCC_UNREACHABLE("an Optimization enumerator");
}

Optimization parse_optimization(std::string_view text) {
  for (Optimization optimization : {Optimization::none, Optimization::balance, Optimization::abc}) {
    if (text == name_of(optimization)) return optimization;
  }
  throw InputError(
      fmt::format("--optimize: expected none, balance or abc, not '{}'", std::string(text)));
}

namespace {

const char* const abc_missing =
    "--optimize abc: ABC was not found (install the Debian package berkeley-abc, or set "
    "RNNCC_ABC to its path)";

}  // namespace

void require_optimizer(const OptimizationRequest& request) {
  if (request.optimization == Optimization::abc && !io::find_abc()) throw InputError(abc_missing);
}

OptimizedCircuit optimize_circuit(logic::Aig built, const OptimizationRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  if (request.optimization == Optimization::none) {
    return OptimizedCircuit{std::move(built), "not optimised", 0};
  }
  logic::Aig optimized = logic::balance(built);
  if (request.optimization == Optimization::abc) {
    const std::optional<std::filesystem::path> abc = io::find_abc();
    if (!abc) throw InputError(abc_missing);
    optimized = io::optimize_with_abc(optimized, request.abc_script, *abc).circuit;
  }
  // The optimiser is trusted no more than any other tool: simulation
  // always, SAT on small circuits or when asked.
  verify::EquivalenceOptions check;
  check.random_patterns = request.random_patterns;
  check.first_name = "the circuit as built";
  check.second_name = fmt::format("the circuit after --optimize {}", name_of(request.optimization));
  std::string checked_by;
  if (request.sat_check || built.and_count() <= sat_check_and_threshold) {
    const verify::EquivalenceResult result = verify::check_equivalence(built, optimized, check);
    if (!result.decided || !result.equivalent) {
      throw std::runtime_error(
          fmt::format("{} {} the circuit as built at output {} ({})", check.second_name,
                      result.decided ? "differs from" : "could not be proved equal to",
                      result.differing_output, verify::name_of(result.method)));
    }
    checked_by = "proved equivalent";
  } else {
    const std::optional<verify::EquivalenceResult> difference =
        verify::simulation_difference(built, optimized, check);
    if (difference) {
      throw std::runtime_error(fmt::format("{} differs from the circuit as built at output {}",
                                           check.second_name, difference->differing_output));
    }
    checked_by = fmt::format("equal on {} random patterns", request.random_patterns);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return OptimizedCircuit{std::move(optimized), std::move(checked_by), seconds};
}

}  // namespace rnncc::experiment
