// Round-trip checks: a circuit a reader accepted is written, read back and
// compared with the original; any difference is a finding.
#pragma once

#include "rnncc/arith/circuit.hpp"
#include "rnncc/logic/aig.hpp"

namespace rnncc::fuzz {

/// Writes `aig` as ASCII and as binary AIGER, reads each back, and reports a
/// finding unless the circuit read is `aig` (boolean_difference) and writing
/// it again gives the same bytes.
void check_aiger_round_trip(const logic::Aig& aig);

/// Formats `circuit` as `.arith` text, parses it back, and reports a finding
/// unless the circuit parsed is `circuit` (word_level_difference) and
/// formatting it again gives the same text.
void check_arith_round_trip(const arith::Circuit& circuit);

}  // namespace rnncc::fuzz
