#include "rnncc/word/residue_basis.hpp"

#include <cstdint>
#include <stdexcept>

namespace rnncc::word {

namespace {

std::size_t bit_length(const mpz_class& value) {
  return value == 0 ? 0 : mpz_sizeinbase(value.get_mpz_t(), 2);
}

/// Trial division; the candidates are below 2^40.
bool is_prime(std::uint64_t n) {
  if (n < 2) return false;
  if (n % 2 == 0) return n == 2;
  for (std::uint64_t divisor = 3; divisor * divisor <= n; divisor += 2) {
    if (n % divisor == 0) return false;
  }
  return true;
}

}  // namespace

ResidueBasis choose_residue_basis(const mpz_class& magnitude_bound) {
  if (magnitude_bound < 0) throw std::invalid_argument("a magnitude bound is not negative");
  const mpz_class needed = 4 * magnitude_bound;  // M must exceed this
  const std::size_t range_bits = bit_length(mpz_class(needed + 1));
  std::size_t bits = std::max<std::size_t>(3, bit_length(mpz_class(range_bits)) + 1);
  for (;; ++bits) {
    if (bits > 40) throw std::invalid_argument("residue basis: no moduli below 2^40 suffice");
    ResidueBasis basis;
    basis.modulus_bits = bits;
    basis.product = 1;
    const std::uint64_t lowest = std::uint64_t{1} << (bits - 1);
    for (std::uint64_t candidate = (std::uint64_t{1} << bits) - 1;
         candidate > lowest && (basis.product <= needed || basis.moduli.empty()); candidate -= 2) {
      if (!is_prime(candidate)) continue;
      const mpz_class prime(static_cast<unsigned long>(candidate));
      basis.moduli.push_back(prime);
      basis.product *= prime;
    }
    if (basis.product > needed) return basis;
  }
}

}  // namespace rnncc::word
