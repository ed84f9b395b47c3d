#include "rnncc/model/number_text.hpp"

#include <algorithm>
#include <string>

namespace rnncc::model {

namespace {

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<mpq_class> parse_rational(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  mpq_class value;
  if (const std::size_t slash = text.find('/'); slash != std::string_view::npos) {
    const std::string_view numerator = text.substr(0, slash);
    const std::string_view denominator = text.substr(slash + 1);
    if (!all_digits(numerator) || !all_digits(denominator)) return std::nullopt;
    mpz_class bottom(std::string(denominator), 10);
    if (bottom == 0) return std::nullopt;
    value = mpq_class(mpz_class(std::string(numerator), 10), bottom);
  } else if (const std::size_t point = text.find('.'); point != std::string_view::npos) {
    const std::string_view whole = text.substr(0, point);
    const std::string_view decimals = text.substr(point + 1);
    if ((!whole.empty() && !all_digits(whole)) || !all_digits(decimals)) return std::nullopt;
    mpz_class scale;
    mpz_ui_pow_ui(scale.get_mpz_t(), 10, decimals.size());
    value = mpq_class(mpz_class(std::string(whole) + std::string(decimals), 10), scale);
  } else {
    if (!all_digits(text)) return std::nullopt;
    value = mpq_class(mpz_class(std::string(text), 10));
  }
  value.canonicalize();
  return negative ? mpq_class(-value) : value;
}

}  // namespace rnncc::model
