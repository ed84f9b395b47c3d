#include "rnncc/arith/format.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <vector>

#include "big_integer.hpp"
#include "rnncc/common/error.hpp"

namespace rnncc::arith {
namespace {

using detail::bit_length;
using detail::power_of_two;

constexpr std::string_view accepted_formats =
    "exact, mod:W, modp:P or fixed:W.F[:floor|:nearest-even][:wrap|:saturate]";

[[noreturn]] void refuse(std::string_view text, std::string_view reason) {
  throw InputError(fmt::format("number format '{}': {}", text, reason));
}

/// A non-empty string of decimal digits as a number; nullopt otherwise.
std::optional<mpz_class> parse_decimal(std::string_view digits) {
  if (digits.empty() || digits.size() > 100000) return std::nullopt;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return mpz_class(std::string(digits), 10);
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

/// ⌈log2 P⌉ = the number of bits of P-1.
std::size_t residue_width(const mpz_class& modulus) {
  return bit_length(mpz_class(modulus - 1));
}

ModFormat parse_mod(std::string_view text, std::string_view argument) {
  std::optional<mpz_class> width = parse_decimal(argument);
  if (!width) refuse(text, "expected mod:W with W a decimal number of bits");
  if (*width < 1 || *width > max_format_width) {
    refuse(text, fmt::format("expected mod:W with 1 <= W <= {}", max_format_width));
  }
  return ModFormat{width->get_ui()};
}

ResidueFormat parse_modp(std::string_view text, std::string_view argument) {
  std::optional<mpz_class> modulus = parse_decimal(argument);
  if (!modulus) refuse(text, "expected modp:P with P a decimal modulus");
  if (*modulus < 2) refuse(text, "expected modp:P with P >= 2 (Z/1 has a single element)");
  if (residue_width(*modulus) > max_format_width) {
    refuse(text, fmt::format("expected modp:P with P <= 2^{}", max_format_width));
  }
  return ResidueFormat{*modulus};
}

FixedFormat parse_fixed(std::string_view text, std::string_view arguments) {
  std::vector<std::string_view> parts = split(arguments, ':');
  std::vector<std::string_view> sizes = split(parts[0], '.');
  if (sizes.size() != 2) {
    refuse(text, "expected fixed:W.F with W the width and F the fractional bits");
  }
  std::optional<mpz_class> width = parse_decimal(sizes[0]);
  std::optional<mpz_class> fraction = parse_decimal(sizes[1]);
  if (!width || !fraction) {
    refuse(text, "expected fixed:W.F with W and F decimal numbers of bits");
  }
  if (*width < 1 || *width > max_format_width) {
    refuse(text, fmt::format("expected fixed:W.F with 1 <= W <= {}", max_format_width));
  }
  if (*fraction > *width) {
    refuse(text, fmt::format("the fraction F = {} exceeds the width W = {}; expected 0 <= F <= W",
                             fraction->get_str(), width->get_str()));
  }
  FixedFormat format{width->get_ui(), fraction->get_ui()};
  bool rounding_seen = false;
  bool overflow_seen = false;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::string_view rule = parts[i];
    if (rule == "floor" || rule == "nearest-even") {
      if (rounding_seen) refuse(text, "the rounding rule is given twice");
      rounding_seen = true;
      format.rounding = rule == "floor" ? word::Rounding::floor : word::Rounding::nearest_even;
    } else if (rule == "wrap" || rule == "saturate") {
      if (overflow_seen) refuse(text, "the overflow rule is given twice");
      overflow_seen = true;
      format.overflow = rule == "wrap" ? word::Overflow::wrap : word::Overflow::saturate;
    } else {
      refuse(text, fmt::format("unknown rule '{}'; expected floor, nearest-even, wrap or saturate",
                               rule));
    }
  }
  return format;
}

/// The members of a finite format as integers (the stored integer k of a
/// fixed format, the value itself otherwise) and its denominator.
struct IntegerRange {
  mpz_class lowest;
  mpz_class highest;
  mpz_class denominator;
};

IntegerRange integer_range(const Format& format) {
  return std::visit(
      [](const auto& f) -> IntegerRange {
        using F = std::decay_t<decltype(f)>;
        if constexpr (std::is_same_v<F, ExactFormat>) {
          throw std::invalid_argument("the exact format has no finite range");
        } else if constexpr (std::is_same_v<F, ModFormat>) {
          mpz_class half = power_of_two(f.width - 1);
          return {-half, half - 1, 1};
        } else if constexpr (std::is_same_v<F, ResidueFormat>) {
          return {0, f.modulus - 1, 1};
        } else {
          mpz_class half = power_of_two(f.width - 1);
          return {-half, half - 1, power_of_two(f.fraction)};
        }
      },
      format);
}

}  // namespace

Format parse_format(std::string_view text) {
  if (text == "exact") return ExactFormat{};
  std::size_t colon = text.find(':');
  std::string_view kind = text.substr(0, colon);
  std::string_view arguments = colon == std::string_view::npos ? "" : text.substr(colon + 1);
  if (colon != std::string_view::npos) {
    if (kind == "mod") return parse_mod(text, arguments);
    if (kind == "modp") return parse_modp(text, arguments);
    if (kind == "fixed") return parse_fixed(text, arguments);
  }
  if (kind == "float")
    refuse(text, fmt::format("float formats are not supported yet; expected {}", accepted_formats));
  refuse(text, fmt::format("expected {}", accepted_formats));
}

std::string to_string(const Format& format) {
  return std::visit(
      [](const auto& f) -> std::string {
        using F = std::decay_t<decltype(f)>;
        if constexpr (std::is_same_v<F, ExactFormat>) {
          return "exact";
        } else if constexpr (std::is_same_v<F, ModFormat>) {
          return fmt::format("mod:{}", f.width);
        } else if constexpr (std::is_same_v<F, ResidueFormat>) {
          return fmt::format("modp:{}", f.modulus.get_str());
        } else {
          return fmt::format("fixed:{}.{}:{}:{}", f.width, f.fraction,
                             f.rounding == word::Rounding::floor ? "floor" : "nearest-even",
                             f.overflow == word::Overflow::wrap ? "wrap" : "saturate");
        }
      },
      format);
}

bool is_ring(const Format& format) {
  return !std::holds_alternative<FixedFormat>(format);
}

bool is_finite(const Format& format) {
  return !std::holds_alternative<ExactFormat>(format);
}

std::optional<std::size_t> width_in_bits(const Format& format) {
  return std::visit(
      [](const auto& f) -> std::optional<std::size_t> {
        using F = std::decay_t<decltype(f)>;
        if constexpr (std::is_same_v<F, ExactFormat>) {
          return std::nullopt;
        } else if constexpr (std::is_same_v<F, ResidueFormat>) {
          return residue_width(f.modulus);
        } else {
          return f.width;
        }
      },
      format);
}

RepresentableRange representable_range(const Format& format) {
  IntegerRange range = integer_range(format);
  mpq_class lowest(range.lowest, range.denominator);
  mpq_class highest(range.highest, range.denominator);
  lowest.canonicalize();
  highest.canonicalize();
  return {lowest, highest};
}

mpq_class resolution(const Format& format) {
  mpq_class step(1, integer_range(format).denominator);
  step.canonicalize();
  return step;
}

bool is_member(const Format& format, const mpq_class& value) {
  if (!is_finite(format)) return true;
  IntegerRange range = integer_range(format);
  mpq_class scaled = value * range.denominator;
  if (scaled.get_den() != 1) return false;
  return range.lowest <= scaled.get_num() && scaled.get_num() <= range.highest;
}

mpz_class encode(const Format& format, const mpq_class& value) {
  IntegerRange range = integer_range(format);
  if (!is_member(format, value)) {
    throw InputError(fmt::format("{} is not a member of the number format {}", value.get_str(),
                                 to_string(format)));
  }
  mpz_class integer = mpq_class(value * range.denominator).get_num();
  if (integer < 0) integer += power_of_two(*width_in_bits(format));
  return integer;
}

mpq_class decode(const Format& format, const mpz_class& pattern) {
  IntegerRange range = integer_range(format);
  std::size_t width = *width_in_bits(format);
  mpz_class modulus = power_of_two(width);
  if (pattern < 0 || pattern >= modulus) {
    throw std::invalid_argument(
        fmt::format("bit pattern {} does not fit {} bits", pattern.get_str(), width));
  }
  mpz_class integer = pattern;
  if (range.lowest < 0 && integer > range.highest) integer -= modulus;
  if (integer > range.highest) {
    throw InputError(
        fmt::format("bit pattern {} stores no member of {}", pattern.get_str(), to_string(format)));
  }
  mpq_class value(integer, range.denominator);
  value.canonicalize();
  return value;
}

}  // namespace rnncc::arith
