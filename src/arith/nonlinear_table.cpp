#include "rnncc/arith/nonlinear_table.hpp"

#include <fmt/format.h>
#include <mpfr.h>

#include <cstdint>
#include <stdexcept>
#include <string>

#include "big_integer.hpp"
#include "rnncc/arith/reference.hpp"
#include "rnncc/error.hpp"

namespace rnncc::arith {
namespace {

using detail::power_of_two;

/// An MPFR number that frees itself.
class Real {
 public:
  explicit Real(mpfr_prec_t precision) { mpfr_init2(value_, precision); }
  ~Real() { mpfr_clear(value_); }
  Real(const Real&) = delete;
  Real& operator=(const Real&) = delete;
  mpfr_ptr get() { return value_; }

 private:
  mpfr_t value_;
};

/// Sets `result` to activation(x) rounded in direction `direction` (MPFR_RNDD
/// gives a lower bound of the true value, MPFR_RNDU an upper bound). x is
/// exact at this precision. Compositions round each step so that the bound
/// stays on the same side: sigmoid is decreasing in e^-x, softplus
/// increasing in e^x.
void bound_activation(mpfr_ptr result, Activation activation, mpfr_srcptr x, mpfr_rnd_t direction) {
  mpfr_rnd_t opposite = direction == MPFR_RNDD ? MPFR_RNDU : MPFR_RNDD;
  switch (activation) {
    case Activation::tanh:
      mpfr_tanh(result, x, direction);
      return;
    case Activation::exp:
      mpfr_exp(result, x, direction);
      return;
    case Activation::sigmoid:
      mpfr_neg(result, x, MPFR_RNDN);  // exact
      mpfr_exp(result, result, opposite);
      mpfr_add_ui(result, result, 1, opposite);
      mpfr_ui_div(result, 1, result, direction);
      return;
    case Activation::softplus:
      mpfr_exp(result, x, direction);
      mpfr_log1p(result, result, direction);
      return;
    default:
      throw std::logic_error("bound_activation: not a transcendental activation");
  }
}

/// The grid integer a real rounds to under `rounding`.
mpz_class round_real(mpfr_srcptr value, word::Rounding rounding) {
  mpz_class integer;
  mpfr_get_z(integer.get_mpz_t(), value,
             rounding == word::Rounding::floor ? MPFR_RNDD : MPFR_RNDN);  // RNDN: ties to even
  return integer;
}

/// The stored integer k of activation(k_x · 2^-F), correctly rounded and
/// saturated (see evaluate_activation).
mpz_class transcendental_integer(const FixedFormat& format, Activation activation,
                                 const mpz_class& input_integer) {
  const mpz_class half = power_of_two(format.width - 1);
  const mpz_class lowest = -half;
  const mpz_class highest = half - 1;
  constexpr mpfr_prec_t largest_precision = mpfr_prec_t{1} << 20;
  for (mpfr_prec_t precision = 64 + static_cast<mpfr_prec_t>(format.width);
       precision <= largest_precision; precision *= 2) {
    Real x(precision);
    Real lower(precision);
    Real upper(precision);
    mpfr_set_z(x.get(), input_integer.get_mpz_t(), MPFR_RNDN);   // exact: width < precision
    mpfr_div_2ui(x.get(), x.get(), format.fraction, MPFR_RNDN);  // exact
    bound_activation(lower.get(), activation, x.get(), MPFR_RNDD);
    bound_activation(upper.get(), activation, x.get(), MPFR_RNDU);
    mpfr_mul_2ui(lower.get(), lower.get(), format.fraction, MPFR_RNDN);  // exact
    mpfr_mul_2ui(upper.get(), upper.get(), format.fraction, MPFR_RNDN);
    // Beyond an extreme the value saturates; rounding is monotone, so a
    // bound past an extreme settles the result.
    if (mpfr_cmp_z(lower.get(), highest.get_mpz_t()) > 0) return highest;
    if (mpfr_cmp_z(upper.get(), lowest.get_mpz_t()) < 0) return lowest;
    mpz_class rounded_lower = round_real(lower.get(), format.rounding);
    mpz_class rounded_upper = round_real(upper.get(), format.rounding);
    if (rounded_lower == rounded_upper) {
      if (rounded_lower < lowest) return lowest;
      if (rounded_lower > highest) return highest;
      return rounded_lower;
    }
  }
  throw std::logic_error("evaluate_activation: the rounding did not settle within 2^20 bits");
}

}  // namespace

mpq_class evaluate_activation(const FixedFormat& format, Activation activation,
                              const mpq_class& x) {
  if (is_piecewise_linear(activation)) return reference::apply(format, activation, x);
  mpz_class scale = power_of_two(format.fraction);
  mpq_class scaled = x * scale;
  if (scaled.get_den() != 1 || !is_member(format, x)) {
    throw std::invalid_argument(fmt::format("evaluate_activation: {} is not a member of {}",
                                            x.get_str(), to_string(format)));
  }
  mpq_class result(transcendental_integer(format, activation, scaled.get_num()), scale);
  result.canonicalize();
  return result;
}

std::vector<mpz_class> build_activation_table(const FixedFormat& format, Activation activation) {
  if (format.width > max_table_input_width) {
    std::string entries = fmt::format("2^{}", format.width);
    if (format.width < 64) entries += fmt::format(" = {}", std::uint64_t{1} << format.width);
    throw LimitError(fmt::format(
        "a table of {} over {} needs {} entries; tables are built for fixed formats of at most "
        "{} bits ({} entries)",
        name_of(activation), to_string(format), entries, max_table_input_width,
        std::size_t{1} << max_table_input_width));
  }
  const std::size_t entry_count = std::size_t{1} << format.width;
  std::vector<mpz_class> table;
  table.reserve(entry_count);
  for (std::size_t pattern = 0; pattern < entry_count; ++pattern) {
    mpq_class input = decode(format, mpz_class(static_cast<unsigned long>(pattern)));
    table.push_back(encode(format, evaluate_activation(format, activation, input)));
  }
  return table;
}

}  // namespace rnncc::arith
