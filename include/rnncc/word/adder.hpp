// Adders and subtractors on bit-vectors, built on the one prefix engine.
#pragma once

#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::word {

/// (a + b + carry_in) mod 2^W, W = a.size() = b.size(); the carries are the
/// prefix of (generate, propagate) pairs under `architecture`, scanned over
/// the W-1 positions whose carries are used. Per bit: generate a∧b,
/// propagate a∨b and half sum a⊕b in 3 ANDs; carry operator (G ∨ P∧G',
/// P∧P'), generate only when the range reaches bit 0 (grey cell); sum XOR.
/// With carry_in = 0: size 8W - 7 + 3(S(W-1) - W + 2), S = the prefix
/// network's operator count (prefix.hpp); AIG depth for W = 2^k >= 8:
/// ripple 2W - 1, Sklansky 2k + 3, Kogge–Stone 2k + 2, Brent–Kung 4k - 1,
/// Ladner–Fischer 2k + 5 (derived in tests/word/adder_test.cpp).
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
