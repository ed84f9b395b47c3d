// An aligned plain-text table with optional ANSI colour (not installed).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rnncc::report::detail {

/// A cell: its text and the ANSI SGR parameters to colour it with ("" = none).
struct TextCell {
  std::string text;
  std::string colour;
};

/// Columns padded to their widest cell, two spaces apart; numbers are
/// right-aligned where `right_aligned[column]`.
struct TextTable {
  std::vector<std::string> headers;
  std::vector<bool> right_aligned;
  std::vector<std::vector<TextCell>> rows;

  /// The table as lines ending in "\n"; colour codes only when `colour`.
  /// The header is bold when `colour`, otherwise underlined by dashes.
  std::string render(bool colour) const;
};

}  // namespace rnncc::report::detail
