#include "rnncc/arith/reference.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "big_integer.hpp"
#include "rnncc/arith/nonlinear_table.hpp"
#include "rnncc/common/error.hpp"

namespace rnncc::arith::reference {
namespace {

using detail::floor_divide;
using detail::non_negative_remainder;
using detail::power_of_two;

mpq_class integer_value(const mpz_class& integer) {
  return mpq_class(integer);
}

/// numerator · denominator^-1 modulo `modulus` in 0 .. modulus-1, or an
/// InputError when the denominator has no inverse.
mpz_class ring_image(const Format& format, const mpq_class& value, const mpz_class& modulus) {
  mpz_class inverse;
  if (mpz_invert(inverse.get_mpz_t(), value.get_den_mpz_t(), modulus.get_mpz_t()) == 0) {
    throw InputError(fmt::format(
        "{} has no image in the ring {}: its denominator {} has no inverse modulo {}",
        value.get_str(), to_string(format), value.get_den().get_str(), modulus.get_str()));
  }
  return non_negative_remainder(mpz_class(value.get_num() * inverse), modulus);
}

/// value rounded to an integer by `rounding`.
mpz_class round_to_integer(const mpq_class& value, word::Rounding rounding) {
  mpz_class below = floor_divide(value.get_num(), value.get_den());
  if (rounding == word::Rounding::floor) return below;
  mpq_class excess = value - below;
  int against_half = cmp(excess, mpq_class(1, 2));
  if (against_half > 0 || (against_half == 0 && mpz_odd_p(below.get_mpz_t()) != 0)) {
    return below + 1;
  }
  return below;
}

mpq_class represent_fixed(const FixedFormat& format, const mpq_class& value) {
  mpz_class scale = power_of_two(format.fraction);
  mpz_class integer = round_to_integer(value * scale, format.rounding);
  mpz_class half = power_of_two(format.width - 1);
  if (integer < -half || integer >= half) {
    if (format.overflow == word::Overflow::saturate) {
      integer = integer < 0 ? mpz_class(-half) : mpz_class(half - 1);
    } else {
      integer = non_negative_remainder(mpz_class(integer + half), mpz_class(2 * half)) - half;
    }
  }
  mpq_class result(integer, scale);
  result.canonicalize();
  return result;
}

}  // namespace

mpq_class represent(const Format& format, const mpq_class& value) {
  return std::visit(
      [&](const auto& f) -> mpq_class {
        using F = std::decay_t<decltype(f)>;
        if constexpr (std::is_same_v<F, ExactFormat>) {
          return value;
        } else if constexpr (std::is_same_v<F, ModFormat>) {
          mpz_class modulus = power_of_two(f.width);
          mpz_class residue = ring_image(format, value, modulus);
          if (residue >= modulus / 2) residue -= modulus;
          return integer_value(residue);
        } else if constexpr (std::is_same_v<F, ResidueFormat>) {
          return integer_value(ring_image(format, value, f.modulus));
        } else {
          return represent_fixed(f, value);
        }
      },
      format);
}

mpq_class add(const Format& format, const mpq_class& a, const mpq_class& b) {
  return represent(format, a + b);
}

mpq_class subtract(const Format& format, const mpq_class& a, const mpq_class& b) {
  return represent(format, a - b);
}

mpq_class negate(const Format& format, const mpq_class& a) {
  return represent(format, -a);
}

mpq_class multiply(const Format& format, const mpq_class& a, const mpq_class& b) {
  return represent(format, a * b);
}

mpq_class scale_by_power_of_two(const Format& format, const mpq_class& a, long exponent) {
  // In Z/2^W (and Z/P for even P) halving is not a function of the ring
  // element, whatever the representative: refuse it even when a is even.
  const auto* residue = std::get_if<ResidueFormat>(&format);
  if (exponent < 0 && (std::holds_alternative<ModFormat>(format) ||
                       (residue != nullptr && mpz_even_p(residue->modulus.get_mpz_t()) != 0))) {
    throw InputError(fmt::format("{} cannot scale by 2^{}: 2 has no inverse in this ring",
                                 to_string(format), exponent));
  }
  mpq_class scaled = a;
  if (exponent >= 0) {
    mpq_mul_2exp(scaled.get_mpq_t(), a.get_mpq_t(), static_cast<unsigned long>(exponent));
  } else {
    mpq_div_2exp(scaled.get_mpq_t(), a.get_mpq_t(), static_cast<unsigned long>(-exponent));
  }
  return represent(format, scaled);
}

bool less_than(const Format&, const mpq_class& a, const mpq_class& b) {
  return a < b;
}

bool equal(const Format&, const mpq_class& a, const mpq_class& b) {
  return a == b;
}

mpq_class select(bool condition, const mpq_class& if_true, const mpq_class& if_false) {
  return condition ? if_true : if_false;
}

mpq_class relu(const Format& format, const mpq_class& a) {
  mpq_class zero = represent(format, 0);
  return less_than(format, a, zero) ? zero : a;
}

mpq_class clip(const Format& format, const mpq_class& a, const mpq_class& low,
               const mpq_class& high) {
  const mpq_class low_member = represent(format, low);
  const mpq_class high_member = represent(format, high);
  mpq_class at_least_low = less_than(format, a, low_member) ? low_member : a;
  return less_than(format, high_member, at_least_low) ? high_member : at_least_low;
}

mpq_class hardtanh(const Format& format, const mpq_class& a) {
  return clip(format, a, represent(format, -1), represent(format, 1));
}

mpq_class sign(const Format& format, const mpq_class& a) {
  mpq_class zero = represent(format, 0);
  if (less_than(format, a, zero)) return represent(format, -1);
  if (equal(format, a, zero)) return zero;
  return represent(format, 1);
}

mpq_class apply(const Format& format, Activation activation, const mpq_class& a) {
  switch (activation) {
    case Activation::relu:
      return relu(format, a);
    case Activation::hardtanh:
      return hardtanh(format, a);
    case Activation::sign:
      return sign(format, a);
    default:
      break;
  }
  if (const auto* fixed = std::get_if<FixedFormat>(&format)) {
    return evaluate_activation(*fixed, activation, a);
  }
  throw InputError(fmt::format(
      "{} has no exact value in the number format {}; it exists as a correctly rounded table in "
      "fixed formats: use e.g. fixed:16.8",
      name_of(activation), to_string(format)));
}

Overflow overflow_of(const Format& format, const mpq_class& exact_result) {
  if (const auto* mod = std::get_if<ModFormat>(&format)) {
    const mpz_class half = power_of_two(mod->width - 1);
    const mpz_class integer = floor_divide(exact_result.get_num(), exact_result.get_den());
    return integer < -half || integer >= half ? Overflow::wraps : Overflow::none;
  }
  if (const auto* fixed = std::get_if<FixedFormat>(&format)) {
    const mpz_class integer =
        round_to_integer(exact_result * power_of_two(fixed->fraction), fixed->rounding);
    const mpz_class half = power_of_two(fixed->width - 1);
    if (integer >= -half && integer < half) return Overflow::none;
    return fixed->overflow == word::Overflow::saturate ? Overflow::saturates : Overflow::wraps;
  }
  return Overflow::none;
}

std::size_t stored_bits(const Format& format, const mpq_class& value) {
  auto signed_bits = [](const mpz_class& integer) -> std::size_t {
    // The smallest w with -2^(w-1) <= integer <= 2^(w-1) - 1.
    const mpz_class magnitude = integer < 0 ? mpz_class(-integer - 1) : integer;
    return magnitude == 0 ? 1 : mpz_sizeinbase(magnitude.get_mpz_t(), 2) + 1;
  };
  if (std::holds_alternative<ResidueFormat>(format)) {
    return value == 0 ? 1 : mpz_sizeinbase(value.get_num_mpz_t(), 2);
  }
  if (const auto* fixed = std::get_if<FixedFormat>(&format)) {
    const mpq_class scaled = value * power_of_two(fixed->fraction);
    return signed_bits(scaled.get_num());
  }
  std::size_t bits = signed_bits(value.get_num());
  if (value.get_den() != 1) bits += mpz_sizeinbase(value.get_den_mpz_t(), 2);
  return bits;
}

}  // namespace rnncc::arith::reference
