#include "rnncc/word/lookup.hpp"

#include <stdexcept>

namespace rnncc::word {

using logic::Aig;
using logic::Literal;

namespace {

/// select ? if_true : if_false, built with an uncomplemented `if_false` so
/// that a cofactor and its complement share one multiplexer.
Literal shared_mux(Aig& aig, Literal select, Literal if_true, Literal if_false) {
  if (if_true == if_false) return if_true;
  if (if_false.is_complemented()) return !aig.create_mux(select, !if_true, !if_false);
  return aig.create_mux(select, if_true, if_false);
}

}  // namespace

BitVector lookup(Aig& aig, const BitVector& index, const std::vector<mpz_class>& table,
                 std::size_t output_width) {
  if (index.size() >= 8 * sizeof(std::size_t) || table.size() != (std::size_t{1} << index.size())) {
    throw std::invalid_argument("lookup: the table must have 2^(index width) entries");
  }
  BitVector result(output_width);
  std::vector<Literal> cofactors(table.size());
  for (std::size_t bit = 0; bit < output_width; ++bit) {
    // Leaves: the bit of every entry (two's complement for negatives). Each
    // round selects on the next index bit and halves the cofactors; equal
    // cofactors become equal literals, which structural hashing shares
    // across rounds and output bits.
    for (std::size_t entry = 0; entry < table.size(); ++entry) {
      cofactors[entry] = logic::constant_literal(mpz_tstbit(table[entry].get_mpz_t(), bit) != 0);
    }
    std::size_t count = table.size();
    for (std::size_t level = 0; level < index.size(); ++level) {
      count /= 2;
      for (std::size_t j = 0; j < count; ++j) {
        cofactors[j] = shared_mux(aig, index[level], cofactors[2 * j + 1], cofactors[2 * j]);
      }
    }
    result[bit] = cofactors[0];
  }
  return result;
}

}  // namespace rnncc::word
