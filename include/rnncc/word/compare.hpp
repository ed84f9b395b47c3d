// Comparisons of bit-vectors.
#pragma once

#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::word {

/// True iff a == b (equal widths), as a balanced AND tree of XNORs.
logic::Literal equal(logic::Aig& aig, const BitVector& a, const BitVector& b);

/// True iff a < b read as `signedness` (equal widths); the borrow of a - b
/// computed by the prefix engine under `architecture`.
logic::Literal less_than(logic::Aig& aig, const BitVector& a, const BitVector& b,
                         Signedness signedness, PrefixArchitecture architecture);

}  // namespace rnncc::word
