// Conversions between two's complement bit-vectors and residues modulo the
// primes of a ResidueBasis: binary to residues by a carry-save sum of the
// bits' weights, residues to binary by Chinese remaindering with a
// quotient estimated from truncated fractions.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <vector>

#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"
#include "rnncc/word/residue_basis.hpp"

namespace rnncc::word {

/// One residue word per modulus of a basis, each residue_width(p) bits.
using Residues = std::vector<BitVector>;

/// x mod P (residue_width(P) bits) for a word x read as `signedness` and an
/// odd modulus P >= 3: each bit i carries the constant weight 2^i mod P
/// (the sign bit of a signed word -2^(n-1) mod P), the weights' one bits
/// are summed in columns by a Wallace carry-save tree and one prefix adder,
/// and the sum S <= Σ weights < n·P is reduced: nothing when the largest
/// sum is below P, one conditional subtraction below 2P, Barrett reduction
/// below P^2, and otherwise the same conversion applied to S. Depth with
/// n < P: the carry-save tree of height at most n, an adder of
/// bitlength(Σ weights) bits, then the reduction of b = bitlength(P) bits:
/// O(log n) + O(log b).
BitVector residue_of(logic::Aig& aig, const BitVector& x, Signedness signedness,
                     const mpz_class& modulus, const ArithmeticArchitecture& architecture);

/// residue_of for every modulus of `basis`.
Residues residues_of(logic::Aig& aig, const BitVector& x, Signedness signedness,
                     const ResidueBasis& basis, const ArithmeticArchitecture& architecture);

/// The constant `value` mod p for every modulus p of `basis`, as constant literals.
Residues constant_residues(const mpz_class& value, const ResidueBasis& basis);

/// The integer x with residues `residues` under `basis`, as `width` bits of
/// two's complement, for every x with |x| <= M/4 (M = basis.product) that
/// fits `width` bits. Chinese remaindering: with M_j = M/p_j and
/// y_j = r_j · (M_j^-1 mod p_j) mod p_j (one modular multiplier by a
/// constant per residue), Σ y_j M_j = x + N·M for the integer N nearest to
/// F = Σ y_j / p_j (F is within 1/4 of N since |x| <= M/4). N is estimated
/// from the truncated fractions a_j = ⌈2^t / p_j⌉, t = b + ⌈log2 k⌉ + 3,
/// as ⌊(Σ y_j a_j + 2^(t-2)) / 2^t⌋: the estimate exceeds F by less than
/// k·2^b / 2^t <= 1/8, so the floor is N. Then x = Σ y_j (M_j mod 2^width)
/// - N·M modulo 2^width, one carry-save tree over the k·b bits y_j and the
/// bits of N, and one prefix adder. Depth: O(log b) for the y_j, then a
/// carry-save tree of height k·b + 1 and an adder of t + bitlength(k) + 1
/// bits for N, then the last carry-save tree and a width-bit adder:
/// O(log b) + O(log(k·b)) + O(log width).
BitVector reconstruct(logic::Aig& aig, const Residues& residues, const ResidueBasis& basis,
                      std::size_t width, const ArithmeticArchitecture& architecture);

/// True iff every residue is zero, i.e. x ≡ 0 mod M: a balanced AND tree
/// over the k·b bits, depth ⌈log2(k·b)⌉.
logic::Literal is_zero(logic::Aig& aig, const Residues& residues);

}  // namespace rnncc::word
