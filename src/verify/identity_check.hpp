// Word-level identities decided by SAT (internal to src/verify): pairs of
// words of one arithmetic circuit over symbolic inputs, claimed equal for
// every input on which a precondition holds.
#pragma once

#include <gmpxx.h>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/verify/induction.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::verify {

/// Two words (numbers or Booleans) claimed equal; `name` says which.
struct IdentityPair {
  std::string name;
  arith::NodeId left;
  arith::NodeId right;
};

/// What deciding the pairs found, in the terms of an InductionCheck.
struct IdentityOutcome {
  InductionVerdict verdict = InductionVerdict::holds;
  std::uint64_t bit_pairs = 0;  ///< bit pairs that structural hashing did not merge
  std::uint64_t and_nodes = 0;
  std::uint64_t variables = 0;
  std::uint64_t clauses = 0;
  std::string counterexample;
  std::vector<std::pair<std::string, mpq_class>> counterexample_inputs;
  std::string differing_word;
  mpq_class left_value;
  mpq_class right_value;
};

/// Lowers `circuit` (a finite ring format; its inputs all symbolic) under
/// `architecture` and decides with CaDiCaL, bit by bit, whether some input
/// makes `precondition` (a Boolean node) true and the two words of a pair
/// differ. In modp:P the number inputs are also constrained to their
/// members 0 .. P-1. On a difference the counterexample names every input's
/// value and the differing pair's two values (evaluated on the word-level
/// circuit with the format's exact semantics). Adds outputs to `circuit`.
/// With a conflict limit or timeout (0: none) a pair may stay undecided.
IdentityOutcome decide_identities(arith::Circuit& circuit, arith::NodeId precondition,
                                  const std::vector<IdentityPair>& pairs,
                                  word::ArithmeticArchitecture architecture,
                                  std::uint64_t conflict_limit, double timeout_seconds);

}  // namespace rnncc::verify
