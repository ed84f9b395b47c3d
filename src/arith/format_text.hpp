// Pieces shared by the parsers of the number format kinds (formats/*.cpp).
#pragma once

#include <gmpxx.h>
#include <optional>
#include <string_view>
#include <vector>

namespace rnncc::arith::detail {

/// Throws InputError "number format 'TEXT': REASON".
[[noreturn]] void refuse_format(std::string_view text, std::string_view reason);

/// A non-empty string of at most 100000 decimal digits as a number;
/// std::nullopt for anything else (signs, spaces, other characters).
std::optional<mpz_class> parse_decimal(std::string_view digits);

/// `text` cut at every `separator`: n separators give n + 1 parts, empty
/// ones included.
std::vector<std::string_view> split(std::string_view text, char separator);

}  // namespace rnncc::arith::detail
