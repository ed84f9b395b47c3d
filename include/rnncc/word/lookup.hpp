// Lookup of an arbitrary function given by its table of outputs.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <vector>

#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::word {

/// table[index] reduced modulo 2^output_width, with `index` read unsigned;
/// table.size() must be 2^index.size(). Built as a multiplexer tree per
/// output bit with shared cofactors: size O(output_width · 2^W).
BitVector lookup(logic::Aig& aig, const BitVector& index, const std::vector<mpz_class>& table,
                 std::size_t output_width);

}  // namespace rnncc::word
