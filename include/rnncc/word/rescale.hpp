// Fixed-point rescaling, saturation, relu and clip.
#pragma once

#include <gmpxx.h>
#include <cstddef>

#include "rnncc/logic/aig.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::word {

enum class Rounding { floor, nearest_even };
enum class Overflow { wrap, saturate };

/// x · 2^-shift (x read as `signedness`), rounded by `rounding`, into
/// `result_width` bits of the same signedness; values outside the result
/// range wrap modulo 2^result_width or saturate to its extremes.
BitVector rescale(logic::Aig& aig, const BitVector& x, std::size_t shift, Rounding rounding,
                  Overflow overflow, std::size_t result_width, Signedness signedness,
                  PrefixArchitecture architecture);

/// x narrowed (or widened) to `result_width` bits, clamped to the range of
/// that width when it does not fit.
BitVector saturate(logic::Aig& aig, const BitVector& x, std::size_t result_width,
                   Signedness signedness);

/// max(x, 0) for a signed x (same width).
BitVector relu(logic::Aig& aig, const BitVector& x);

/// min(max(x, low), high) for signed x and constants low <= high that fit x's width.
BitVector clip(logic::Aig& aig, const BitVector& x, const mpz_class& low, const mpz_class& high,
               PrefixArchitecture architecture);

}  // namespace rnncc::word
