// Exact numbers written as text in model and input files.
#pragma once

#include <gmpxx.h>
#include <optional>
#include <string_view>

namespace rnncc::model {

/// The exact value of a decimal integer ("-12"), decimal fraction
/// ("0.25", "-1.5") or fraction ("1/3", "-2/6"), all in base 10 (leading
/// zeros are decimal, not octal); std::nullopt for anything else, a zero
/// denominator included.
std::optional<mpq_class> parse_rational(std::string_view text);

}  // namespace rnncc::model
