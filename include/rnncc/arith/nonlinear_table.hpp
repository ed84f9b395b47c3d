// Correctly rounded values of transcendental activations in fixed formats,
// computed with MPFR, and their tables over all inputs of a format.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <vector>

#include "rnncc/arith/activation.hpp"
#include "rnncc/arith/format.hpp"

namespace rnncc::arith {

/// Widest fixed format whose tables are built: 2^16 entries.
inline constexpr std::size_t max_table_input_width = 16;

/// activation(x) for a member x of `format`, rounded to the format's grid
/// 2^-F by its rounding rule as if computed exactly (MPFR enclosures refined
/// until both ends round alike), then clamped to the format's range —
/// tables saturate whatever the format's overflow rule, because a wrapped
/// residue of a transcendental value means nothing. Piecewise-linear
/// activations are accepted too and give reference::apply's result.
mpq_class evaluate_activation(const FixedFormat& format, Activation activation, const mpq_class& x);

/// The table of `activation` over all 2^W inputs of `format`:
/// entry[pattern] = encode(format, evaluate_activation(format, activation,
/// decode(format, pattern))) — input and output both as W-bit patterns, the
/// shape word::lookup takes. Throws LimitError naming the number of entries
/// needed when W > max_table_input_width.
std::vector<mpz_class> build_activation_table(const FixedFormat& format, Activation activation);

}  // namespace rnncc::arith
