// Multipliers: partial products, a reduction tree, and a final prefix adder.
#pragma once

#include <cstddef>

#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::word {

/// The product a·b reduced modulo 2^result_width, operands read as
/// `signedness` (a and b may differ in width). result_width = a.size() +
/// b.size() gives the full product; fewer bits give the truncated product,
/// building only the partial products those bits need.
BitVector multiply(logic::Aig& aig, const BitVector& a, const BitVector& b, Signedness signedness,
                   std::size_t result_width, ArithmeticArchitecture architecture);

}  // namespace rnncc::word
