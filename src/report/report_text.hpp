// Text helpers shared by the report writers (not installed).
#pragma once

#include <string>
#include <string_view>

#include "rnncc/report/growth_fit.hpp"

namespace rnncc::report::detail {

/// Shortest decimal text that reads back as exactly `value`.
std::string shortest_decimal(double value);

/// `text` with & < > " ' replaced by XML/HTML entities.
std::string markup_escaped(std::string_view text);

/// "a + b·x" with 4 significant digits, x named by the fit's basis.
std::string fit_formula(const GrowthFit& fit);

/// Number of terminal columns `text` takes (UTF-8 code points).
std::size_t display_width(std::string_view text);

}  // namespace rnncc::report::detail
