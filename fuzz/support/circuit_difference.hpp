// Structural comparison of a circuit read back from a file with the circuit
// that was written, for the round-trip checks of the harnesses. The
// comparison uses only the circuits' accessors, never a file format.
#pragma once

#include <optional>
#include <string>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/logic/aig.hpp"

namespace rnncc::fuzz {

/// The first difference between `original` and `read` in inputs, outputs,
/// their names, comment lines, or the ANDs some output depends on (up to
/// renumbering and the order of each AND's fan-ins); nullopt when there is
/// none. ANDs no output depends on are ignored (the AIGER writer drops them).
std::optional<std::string> boolean_difference(const logic::Aig& original, const logic::Aig& read);

/// The first difference between `original` and `read` in format, inputs
/// (names, domains, Boolean or number), outputs (names) or the nodes some
/// output depends on (operation, operands, constants, shifts, bounds,
/// tables), up to renumbering and the order of commutative operands;
/// nullopt when there is none.
std::optional<std::string> word_level_difference(const arith::Circuit& original,
                                                 const arith::Circuit& read);

}  // namespace rnncc::fuzz
