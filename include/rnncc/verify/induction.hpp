// Scan ≡ sequential for every T, by induction (docs/induction.md): instead
// of a miter on circuits unrolled over T steps, three kinds of checks whose
// cost does not depend on T, made on the very templates the compiler
// instantiates (the family's step and transition, model::compose,
// model::apply_map, the prefix engine):
//   step           apply(transition(x), h) = step(h, x) for symbolic h, x;
//   compose-apply  apply(compose(L, E), h) = apply(L, apply(E, h)) for
//                  symbolic maps L, E of every representation a scan
//                  reaches, and compose keeps maps well formed;
//   associativity  compose(C, compose(B, A)) = compose(compose(C, B), A);
//   prefix network every prefix network a scan is built with, for every T
//                  up to a bound, composes steps 1 .. t at output t.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rnncc/model/affine_map.hpp"
#include "rnncc/model/domain.hpp"
#include "rnncc/model/model.hpp"
#include "rnncc/verify/prefix_network_check.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::verify {

/// What one SAT check came to.
enum class InductionVerdict {
  holds,      ///< UNSAT: the identity holds for every symbolic input
  fails,      ///< a counterexample was found
  undecided,  ///< a limit stopped the solver first
};

/// "holds", "fails" or "undecided".
std::string_view name_of(InductionVerdict verdict);

/// One SAT check of the proof.
struct InductionCheck {
  std::string head;       ///< the network head it is about ("" for a single model)
  std::string name;       ///< "step", "compose-apply dense∘diagonal-plus-low-rank", ...
  std::string statement;  ///< the identity proved, in one line
  InductionVerdict verdict = InductionVerdict::holds;
  std::uint64_t word_pairs = 0;  ///< words claimed equal
  std::uint64_t bit_pairs = 0;   ///< their bits left to SAT after structural hashing
  std::uint64_t and_nodes = 0;   ///< AND nodes of the encoded cones
  std::uint64_t variables = 0;   ///< CaDiCaL's variables
  std::uint64_t clauses = 0;     ///< CaDiCaL's irredundant clauses
  double seconds = 0;            ///< building, lowering and solving, wall clock
  double cpu_seconds = 0;        ///< the same in processor time of this process
  /// When it fails: the differing word, its two values and every symbolic
  /// input's value, in one line ...
  std::string counterexample;
  /// ... and the same as values: every symbolic input (name, value; Booleans
  /// 0 or 1), the differing word's name and its value on each side.
  std::vector<std::pair<std::string, mpq_class>> counterexample_inputs;
  std::string differing_word;
  mpq_class left_value;
  mpq_class right_value;
};

/// The affine maps of the compiler's circuits.
using CircuitMap = model::AffineMap<model::CircuitDomain>;

/// compose(later, earlier) on circuit maps, as model::compose.
using CompositionRule =
    std::function<CircuitMap(model::CircuitDomain&, const CircuitMap&, const CircuitMap&)>;

struct InductionOptions {
  /// Adders and multipliers of the lowering (as compile's --adder, --multiplier).
  word::ArithmeticArchitecture arithmetic;
  /// Every prefix network is checked for every T in 1 .. largest_length.
  std::size_t largest_length = 1024;
  /// Limits of each SAT check (0: none); a check stopped by one is undecided.
  std::uint64_t conflict_limit = 0;
  double timeout_seconds = 0;
  /// The composition under proof. Empty: model::compose, the one the
  /// compiler's scans use. Tests put a wrong rule here to see the proof fail.
  CompositionRule composition;
  /// Called after each SAT check, in order (e.g. to print it at once).
  std::function<void(const InductionCheck&)> on_check;
};

/// The whole proof for one model.
struct InductionProof {
  std::string format;                  ///< the model's number format
  std::vector<InductionCheck> checks;  ///< the SAT checks, per head in order
  std::vector<PrefixNetworkCheck> networks;
  /// Every SAT check holds and no network has a defect.
  bool holds() const;
};

/// Why the induction does not apply to `model` (one line naming the model,
/// its family or format and the reason), or std::nullopt when it does: it
/// needs a linear family (or a network of linear heads) and a finite ring
/// format (mod:W, modp:P). Rounding formats (fixed) are excluded because
/// their + and × are not associative; exact because its words are sized
/// by bounds that grow with T.
std::optional<std::string> induction_exclusion(const model::Model& model);

/// Runs every check of the proof on `model` (the heads of a network one by
/// one). Throws InputError with induction_exclusion's reason when it does
/// not apply.
InductionProof prove_scan_by_induction(const model::Model& model,
                                       const InductionOptions& options = {});

}  // namespace rnncc::verify
