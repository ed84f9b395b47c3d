#include "report_text.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace rnncc::report::detail {

std::string shortest_decimal(double value) {
  if (!std::isfinite(value)) return std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc()) return fmt::format("{}", value);
  return std::string(buffer, end);
}

std::string markup_escaped(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string fit_formula(const GrowthFit& fit) {
  const double slope = static_cast<double>(fit.line.slope);
  return fmt::format("{:.4g} {} {:.4g}·{}", static_cast<double>(fit.line.intercept),
                     slope < 0 ? "-" : "+", std::fabs(slope), to_string(fit.basis));
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  return width;
}

}  // namespace rnncc::report::detail
