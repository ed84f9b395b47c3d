// Constants, multiplexers, extension, truncation and constant shifts:
// operations that only rewire bits (or pick between words).
#pragma once

#include <gmpxx.h>
#include <cstddef>

#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::word {

/// `value` mod 2^width as constant literals (two's complement for negatives).
BitVector constant(std::size_t width, const mpz_class& value);

/// Bit-wise `select ? if_true : if_false` (equal widths).
BitVector mux(logic::Aig& aig, logic::Literal select, const BitVector& if_true,
              const BitVector& if_false);

/// Widens to `width` bits copying the top bit; `width` >= x.size().
BitVector sign_extend(const BitVector& x, std::size_t width);
/// Widens to `width` bits with zeros; `width` >= x.size().
BitVector zero_extend(const BitVector& x, std::size_t width);
/// Widens by `signedness`.
BitVector extend(const BitVector& x, std::size_t width, Signedness signedness);
/// The low `width` bits; `width` <= x.size().
BitVector truncate(const BitVector& x, std::size_t width);

/// x · 2^amount mod 2^W (same width, zeros shifted in).
BitVector shift_left(const BitVector& x, std::size_t amount);
/// ⌊x / 2^amount⌋ (same width): arithmetic for signed, logical for unsigned.
BitVector shift_right(const BitVector& x, std::size_t amount, Signedness signedness);

}  // namespace rnncc::word
