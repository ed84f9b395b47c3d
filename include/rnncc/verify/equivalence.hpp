// Combinational equivalence of two AIGs: random simulation, then SAT.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/logic/aig.hpp"

namespace rnncc::verify {

/// One output pair that went to SAT, as reported to the progress callback.
struct OutputPairProgress {
  std::uint32_t output = 0;        ///< index in the first circuit
  std::uint32_t output_count = 0;  ///< outputs of the first circuit
  enum Verdict { equal, different, undecided } verdict = undecided;
  double seconds = 0;  ///< this pair's SAT time
};

struct EquivalenceOptions {
  /// Random patterns simulated before SAT (splitmix64, see
  /// eval/random_patterns.hpp); 0 skips simulation.
  std::uint64_t random_patterns = 4096;
  std::uint64_t seed = 1;
  /// Threads for the simulation.
  unsigned threads = 1;
  /// Names of the circuits in error messages (e.g. their file paths).
  std::string first_name = "first circuit";
  std::string second_name = "second circuit";
  /// Limits of the SAT part (0: none). After `timeout_seconds` of the whole
  /// check, output pairs still open are left undecided; an output pair whose
  /// SAT call meets `conflict_limit` conflicts is left undecided, and the
  /// next pair is tried.
  double timeout_seconds = 0;
  std::uint64_t conflict_limit = 0;
  /// Called after each output pair that needed SAT, in output order.
  std::function<void(const OutputPairProgress&)> progress;
};

/// What decided the answer.
enum class EquivalenceMethod {
  structure,   ///< every output pair merged when both circuits were hashed into one
  simulation,  ///< a random pattern told the circuits apart
  sat,         ///< CaDiCaL proved every remaining output pair equal or found a difference
};

/// "structure", "simulation" or "sat".
std::string_view name_of(EquivalenceMethod method);

struct EquivalenceResult {
  /// False when some output pair was left undecided by the limits and no
  /// difference was found: then `equivalent` is false and
  /// `undecided_outputs` lists them (indices in the first circuit).
  bool decided = true;
  std::vector<std::uint32_t> undecided_outputs;
  bool equivalent = false;
  EquivalenceMethod method = EquivalenceMethod::structure;
  /// When not equivalent: an input pattern telling them apart, in the first
  /// circuit's input order, ...
  std::vector<bool> counterexample;
  /// ... the first output (index in the first circuit) that differs under it,
  /// the matched output's index in the second circuit ...
  std::uint32_t differing_output = 0;
  std::uint32_t second_differing_output = 0;
  /// ... and the two values.
  bool first_value = false;
  bool second_value = false;
};

/// Decides whether `first` and `second` compute the same function, with
/// inputs and outputs matched by verify::match_ports (throws its
/// InputError on a mismatch). First `random_patterns` random patterns are
/// simulated; when they show no difference, both circuits are hashed into
/// one AIG over shared inputs (identical logic merges), and each output pair
/// that did not merge is decided by CaDiCaL on a Tseitin encoding of the
/// two outputs' cones with a miter clause (a proved pair is added as a
/// lemma for the next pairs). A counterexample is re-simulated on the
/// original circuits before it is returned. With limits (timeout_seconds,
/// conflict_limit) the answer may be undecided: no difference found, some
/// pairs neither proved nor refuted.
EquivalenceResult check_equivalence(const logic::Aig& first, const logic::Aig& second,
                                    const EquivalenceOptions& options = {});

/// The simulation half of check_equivalence alone: a pattern among
/// `options.random_patterns` random ones under which a matched output pair
/// differs (method simulation), or std::nullopt when none does — which
/// suggests, but does not prove, equivalence.
std::optional<EquivalenceResult> simulation_difference(const logic::Aig& first,
                                                       const logic::Aig& second,
                                                       const EquivalenceOptions& options = {});

}  // namespace rnncc::verify
