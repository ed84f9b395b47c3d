// Multipliers: partial products, a reduction tree, and a final prefix adder.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::word {

/// The product a·b reduced modulo 2^result_width, operands read as
/// `signedness` (a and b may differ in width). result_width = a.size() +
/// b.size() gives the full product; fewer bits give the truncated product,
/// building only the partial products those bits need; more bits extend the
/// full product by `signedness`. Throws LimitError, before building
/// anything, when neither operand is constant and four ANDs per partial
/// product (an estimate somewhat below what the multiplier builds) would
/// take `aig` past size_limits().max_and_count.
BitVector multiply(logic::Aig& aig, const BitVector& a, const BitVector& b, Signedness signedness,
                   std::size_t result_width, ArithmeticArchitecture architecture);

/// The partial products a_j∧b_i with i + j < result_width of an
/// a_width-by-b_width multiplication: the ANDs multiply() builds first.
std::uint64_t partial_product_count(std::size_t a_width, std::size_t b_width,
                                    std::size_t result_width);

/// Bits grouped by weight: columns[c] holds bits of weight 2^c. The value is
/// the sum of all bits times their weights, modulo 2^columns.size().
using BitColumns = std::vector<std::vector<logic::Literal>>;

/// The partial-product bits of a·b in the low `result_width` columns (only
/// those bits are built): a_j∧b_i for unsigned; for signed, Baugh–Wooley:
/// the products with exactly one sign bit complemented plus the constant
/// 2^(m-1) + 2^(n-1) - 2^(m+n-1) (m, n the widths), as constant-true bits.
/// Requires result_width <= a.size() + b.size().
BitColumns partial_products(logic::Aig& aig, const BitVector& a, const BitVector& b,
                            Signedness signedness, std::size_t result_width);

/// Two words whose sum equals the columns' value modulo 2^columns.size(),
/// and the number of full/half-adder stages it took.
struct TwoRows {
  BitVector first;
  BitVector second;
  std::size_t stage_count = 0;
};

/// Reduces columns to two rows with full and half adders shaped as
///   array:   the k-th bits of the columns form row k; rows 2, 3, ... are
///            added one after another in carry-save form (h - 2 stages for
///            the largest column height h > 2: depth linear in h);
///   wallace: every stage puts a full adder on every three bits of a
///            column and a half adder on a remaining pair;
///   dadda:   stage targets d = 2, 3, 4, 6, 9, 13, ... (d' = ⌊3d/2⌋), used
///            from the largest d below h down to 2; each stage uses as few
///            adders as bring every column to the target.
/// Dadda takes exactly the least s with d_s >= h stages; Wallace at most
/// that many (one fewer on some triangular matrices, e.g. 20 x 20 and
/// 29 x 29 products). Each stage adds at most 4 AIG levels. Within a column
/// the earliest-arriving bits are compressed first. Carries out of the top
/// column are dropped (the value is modulo 2^columns.size()).
TwoRows reduce_to_two_rows(logic::Aig& aig, BitColumns columns,
                           MultiplierArchitecture architecture);

}  // namespace rnncc::word
