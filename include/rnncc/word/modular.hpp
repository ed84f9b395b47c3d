// Arithmetic modulo a constant P on unsigned bit-vectors holding residues
// 0 .. P-1: conditional subtraction, Barrett reduction, and the modular
// ring operations built from the prefix adders and tree multipliers. Every
// operation's depth depends on the width of P only, never on how large the
// numbers the residues stand for are.
#pragma once

#include <gmpxx.h>

#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::word {

/// ⌈log2 P⌉ = the number of bits of P-1: the width of a residue modulo P.
std::size_t residue_width(const mpz_class& modulus);

/// x >= threshold ? x - threshold : x for an unsigned x and a constant
/// threshold (x itself when threshold >= 2^x.size()): one adder with a
/// carry out gives the comparison and the difference, a multiplexer picks.
/// Depth: that adder's (x.size() bits) plus two levels for the multiplexer.
BitVector conditional_subtract(logic::Aig& aig, const BitVector& x, const mpz_class& threshold,
                               PrefixArchitecture architecture);

/// x mod P for an unsigned x < P^2 (Barrett reduction in base 2: with
/// 2^(k-1) <= P < 2^k and μ = ⌊4^k / P⌋, the estimate q = ⌊⌊x / 2^(k-1)⌋ ·
/// μ / 2^(k+1)⌋ is ⌊x/P⌋ - 2 .. ⌊x/P⌋, so x - q·P lies in [0, 3P) and two
/// conditional subtractions finish). For P = 2^n it keeps the low n bits.
/// Depth: two constant multipliers, one subtractor and two conditional
/// subtractions on k+2 bits: O(log k). Requires x.size() >= k - 1 unless P
/// is a power of two. Returns residue_width(P) bits.
BitVector reduce_below_square(logic::Aig& aig, const BitVector& x, const mpz_class& modulus,
                              const ArithmeticArchitecture& architecture);

/// (a + b) mod P for residues a, b of residue_width(P) bits: an adder with a
/// carry out, then P subtracted once if the sum reaches it.
BitVector modular_add(logic::Aig& aig, const BitVector& a, const BitVector& b,
                      const mpz_class& modulus, PrefixArchitecture architecture);

/// (a - b) mod P for residues a, b: a + ~b + 1, whose carry says a >= b;
/// otherwise P is added back.
BitVector modular_subtract(logic::Aig& aig, const BitVector& a, const BitVector& b,
                           const mpz_class& modulus, PrefixArchitecture architecture);

/// (-a) mod P for a residue a: P - a, or 0 for a = 0.
BitVector modular_negate(logic::Aig& aig, const BitVector& a, const mpz_class& modulus,
                         PrefixArchitecture architecture);

/// (a · b) mod P for residues a, b (either may be constant): the full
/// product, reduced by reduce_below_square.
BitVector modular_multiply(logic::Aig& aig, const BitVector& a, const BitVector& b,
                           const mpz_class& modulus, const ArithmeticArchitecture& architecture);

}  // namespace rnncc::word
