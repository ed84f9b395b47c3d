// Optimising a compiled circuit after lowering — rnncc's own balancing or
// ABC as a subprocess — and checking the result against the circuit as
// built.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "rnncc/io/abc_optimizer.hpp"
#include "rnncc/logic/aig.hpp"

namespace rnncc::experiment {

/// What runs on a circuit after it is built.
enum class Optimization {
  none,     ///< the circuit as lowered
  balance,  ///< logic::balance (AND and XOR trees rebuilt, never deeper)
  abc,      ///< logic::balance, then an ABC script
};

/// "none", "balance" or "abc".
std::string_view name_of(Optimization optimization);

/// The optimization named `text`; InputError naming --optimize otherwise.
Optimization parse_optimization(std::string_view text);

/// Circuits with at most this many ANDs (as built) are also proved
/// equivalent to their optimised form by SAT even without `sat_check`: a
/// miter of two balanced circuits this size is decided in well under a
/// second, while simulation alone only suggests equality.
inline constexpr std::uint64_t sat_check_and_threshold = 2000;

struct OptimizationRequest {
  Optimization optimization = Optimization::balance;
  std::string abc_script{io::default_abc_script};
  /// Prove equivalence by SAT whatever the circuit's size.
  bool sat_check = false;
  /// Random patterns simulated against the circuit as built (always).
  std::uint64_t random_patterns = 1024;
};

/// Throws InputError with one line when `request` needs ABC and it is not
/// installed (io::find_abc), so a command can refuse before any work.
void require_optimizer(const OptimizationRequest& request);

/// An optimised circuit and how it was checked.
struct OptimizedCircuit {
  logic::Aig circuit;
  /// "not optimised", "equal on N random patterns" or "proved equivalent".
  std::string checked_by;
  double seconds = 0;  ///< optimisation and check
};

/// `built` optimised as `request` says (names, comments, input and output
/// order kept), simulated against `built` on random patterns and, when
/// request.sat_check is set or `built` has at most sat_check_and_threshold
/// ANDs, proved equivalent by SAT. A difference (a bug in the optimiser) or
/// a SAT check left undecided throws std::runtime_error; a missing or
/// failing ABC throws InputError. With Optimization::none the circuit is
/// returned as it is, unchecked.
OptimizedCircuit optimize_circuit(logic::Aig built, const OptimizationRequest& request);

}  // namespace rnncc::experiment
