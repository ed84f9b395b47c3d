#include "text_table.hpp"

#include <algorithm>

#include "report_text.hpp"

namespace rnncc::report::detail {

std::string TextTable::render(bool colour) const {
  const std::size_t columns = headers.size();
  std::vector<std::size_t> widths(columns, 0);
  for (std::size_t c = 0; c < columns; ++c)
    widths[c] = display_width(headers[c]);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < columns && c < row.size(); ++c)
      widths[c] = std::max(widths[c], display_width(row[c].text));

  auto line = [&](const std::vector<TextCell>& cells) {
    std::string text;
    for (std::size_t c = 0; c < columns; ++c) {
      const TextCell empty;
      const TextCell& cell = c < cells.size() ? cells[c] : empty;
      const std::string padding(widths[c] - display_width(cell.text), ' ');
      const bool right = c < right_aligned.size() && right_aligned[c];
      std::string body = cell.text;
      if (colour && !cell.colour.empty()) body = "\x1b[" + cell.colour + "m" + body + "\x1b[0m";
      if (c > 0) text += "  ";
      if (right) {
        text += padding + body;
      } else {
        text += body;
        if (c + 1 < columns) text += padding;
      }
    }
    while (!text.empty() && text.back() == ' ')
      text.pop_back();
    return text + "\n";
  };

  std::vector<TextCell> header_cells;
  for (const std::string& header : headers)
    header_cells.push_back({header, colour ? "1" : ""});
  std::string text = line(header_cells);
  if (!colour) {
    std::vector<TextCell> rule;
    for (std::size_t c = 0; c < columns; ++c)
      rule.push_back({std::string(widths[c], '-'), ""});
    text += line(rule);
  }
  for (const auto& row : rows)
    text += line(row);
  return text;
}

}  // namespace rnncc::report::detail
