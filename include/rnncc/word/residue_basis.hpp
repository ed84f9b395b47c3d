// The moduli of a residue number system: k distinct primes of b bits each,
// chosen once per circuit so that their product exceeds the signed range
// of every value the circuit carries in residues.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <vector>

namespace rnncc::word {

/// k distinct odd primes p_1 > ... > p_k, each of exactly `modulus_bits`
/// bits (2^(b-1) < p < 2^b), and their product M.
struct ResidueBasis {
  std::vector<mpz_class> moduli;
  std::size_t modulus_bits = 0;
  mpz_class product;
};

/// The basis for integers of magnitude at most `magnitude_bound` (>= 0):
/// the largest primes of b bits, as few as make M > 4 · magnitude_bound
/// (reconstruct() needs the quarter), at least one. b starts at bitlength(W) + 1 for
/// W = bitlength(4 · magnitude_bound + 1), at least 3, so that b = O(log W)
/// and k ≈ W / (b - 1); it grows by one while the b-bit primes do not
/// suffice. The same bound always gives the same basis.
ResidueBasis choose_residue_basis(const mpz_class& magnitude_bound);

}  // namespace rnncc::word
