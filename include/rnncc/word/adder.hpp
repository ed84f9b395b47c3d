// Adders and subtractors on bit-vectors, built on the one prefix engine.
#pragma once

#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::word {

/// (a + b + carry_in) mod 2^W, W = a.size() = b.size(); the carries are the
/// prefix of (generate, propagate) pairs under `architecture`.
BitVector add(logic::Aig& aig, const BitVector& a, const BitVector& b,
              PrefixArchitecture architecture, logic::Literal carry_in = logic::false_literal);

/// a + b + carry_in as an unsigned W+1-bit result (bit W is the carry out).
BitVector add_with_carry_out(logic::Aig& aig, const BitVector& a, const BitVector& b,
                             PrefixArchitecture architecture,
                             logic::Literal carry_in = logic::false_literal);

/// (a - b) mod 2^W.
BitVector subtract(logic::Aig& aig, const BitVector& a, const BitVector& b,
                   PrefixArchitecture architecture);

/// (-a) mod 2^W.
BitVector negate(logic::Aig& aig, const BitVector& a, PrefixArchitecture architecture);

}  // namespace rnncc::word
