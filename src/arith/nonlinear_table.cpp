#include "rnncc/arith/nonlinear_table.hpp"

#include <fmt/format.h>
#include <mpfr.h>

#include <cstdint>
#include <stdexcept>
#include <string>

#include "big_integer.hpp"
#include "rnncc/arith/reference.hpp"
#include "rnncc/common/assert.hpp"
#include "rnncc/common/error.hpp"

namespace rnncc::arith {
namespace {

using detail::power_of_two;

/// An MPFR number that frees itself.
class Real {
 public:
  Real() { mpfr_init2(value_, MPFR_PREC_MIN); }
  ~Real() { mpfr_clear(value_); }
  Real(const Real&) = delete;
  Real& operator=(const Real&) = delete;
  mpfr_ptr get() { return value_; }
  /// Sets the precision (the value becomes NaN).
  void set_precision(mpfr_prec_t precision) {
    if (mpfr_get_prec(value_) != precision) mpfr_set_prec(value_, precision);
  }

 private:
  mpfr_t value_;
};

/// Sets `result` to activation(x) rounded in direction `direction` (MPFR_RNDD
/// gives a lower bound of the true value, MPFR_RNDU an upper bound) and
/// returns true when the result is exact. x is exact at this precision.
/// Compositions round each step so that the bound stays on the same side:
/// sigmoid is decreasing in e^-x, softplus increasing in e^x.
bool bound_activation(mpfr_ptr result, Activation activation, mpfr_srcptr x, mpfr_rnd_t direction) {
  mpfr_rnd_t opposite = direction == MPFR_RNDD ? MPFR_RNDU : MPFR_RNDD;
  switch (activation) {
    case Activation::tanh:
      return mpfr_tanh(result, x, direction) == 0;
    case Activation::exp:
      return mpfr_exp(result, x, direction) == 0;
    case Activation::sigmoid: {
      mpfr_neg(result, x, MPFR_RNDN);  // exact
      bool exact = mpfr_exp(result, result, opposite) == 0;
      exact = mpfr_add_ui(result, result, 1, opposite) == 0 && exact;
      return mpfr_ui_div(result, 1, result, direction) == 0 && exact;
    }
    case Activation::softplus: {
      bool exact = mpfr_exp(result, x, direction) == 0;
      return mpfr_log1p(result, result, direction) == 0 && exact;
    }
    default:
      RNNCC_UNREACHABLE("bound_activation called with a piecewise-linear activation");
  }
}

/// MPFR numbers reused from one evaluation to the next.
struct Workspace {
  Real x;
  Real lower;
  Real upper;
  mpz_class rounded_lower;
  mpz_class rounded_upper;
};

/// The grid integer a real rounds to under `rounding`.
void round_real(mpz_class& integer, mpfr_srcptr value, word::Rounding rounding) {
  mpfr_get_z(integer.get_mpz_t(), value,
             rounding == word::Rounding::floor ? MPFR_RNDD : MPFR_RNDN);  // RNDN: ties to even
}

/// The stored integer k of activation(k_x · 2^-F), correctly rounded and
/// saturated (see evaluate_activation): the true value lies between a
/// lower and an upper MPFR bound; when both round to the same grid point,
/// so does the true value (rounding is monotone), else the precision doubles.
mpz_class transcendental_integer(const FixedFormat& format, Activation activation,
                                 const mpz_class& input_integer, Workspace& workspace) {
  const mpz_class half = power_of_two(format.width - 1);
  const mpz_class lowest = -half;
  const mpz_class highest = half - 1;
  constexpr mpfr_prec_t largest_precision = mpfr_prec_t{1} << 20;
  for (mpfr_prec_t precision = 64 + static_cast<mpfr_prec_t>(format.width);
       precision <= largest_precision; precision *= 2) {
    mpfr_ptr x = workspace.x.get();
    mpfr_ptr lower = workspace.lower.get();
    mpfr_ptr upper = workspace.upper.get();
    workspace.x.set_precision(precision);
    workspace.lower.set_precision(precision);
    workspace.upper.set_precision(precision);
    mpfr_set_z(x, input_integer.get_mpz_t(), MPFR_RNDN);  // exact: width < precision
    mpfr_div_2ui(x, x, format.fraction, MPFR_RNDN);       // exact
    bool exact = bound_activation(lower, activation, x, MPFR_RNDD);
    if (exact) {
      mpfr_set(upper, lower, MPFR_RNDN);
    } else if (activation == Activation::tanh || activation == Activation::exp) {
      // A correctly rounded single operation is within one ulp.
      mpfr_set(upper, lower, MPFR_RNDN);
      mpfr_nextabove(upper);
    } else {
      bound_activation(upper, activation, x, MPFR_RNDU);
    }
    mpfr_mul_2ui(lower, lower, format.fraction, MPFR_RNDN);  // exact
    mpfr_mul_2ui(upper, upper, format.fraction, MPFR_RNDN);
    // Beyond an extreme the value saturates; rounding is monotone, so a
    // bound past an extreme settles the result.
    if (mpfr_cmp_z(lower, highest.get_mpz_t()) > 0) return highest;
    if (mpfr_cmp_z(upper, lowest.get_mpz_t()) < 0) return lowest;
    round_real(workspace.rounded_lower, lower, format.rounding);
    round_real(workspace.rounded_upper, upper, format.rounding);
    if (workspace.rounded_lower == workspace.rounded_upper) {
      if (workspace.rounded_lower < lowest) return lowest;
      if (workspace.rounded_lower > highest) return highest;
      return workspace.rounded_lower;
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
  Workspace workspace;
  mpq_class result(transcendental_integer(format, activation, scaled.get_num(), workspace), scale);
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
  if (is_piecewise_linear(activation)) {
    for (std::size_t pattern = 0; pattern < entry_count; ++pattern) {
      mpq_class input = decode(format, mpz_class(static_cast<unsigned long>(pattern)));
      table.push_back(encode(format, evaluate_activation(format, activation, input)));
    }
    return table;
  }
  // Stored integers directly: pattern p holds k = p (or p - 2^W when the sign
  // bit is set); the entry is the output's pattern likewise.
  Workspace workspace;
  const long half = 1L << (format.width - 1);
  for (std::size_t pattern = 0; pattern < entry_count; ++pattern) {
    long input = static_cast<long>(pattern) >= half ? static_cast<long>(pattern) - 2 * half
                                                    : static_cast<long>(pattern);
    mpz_class output = transcendental_integer(format, activation, input, workspace);
    if (output < 0) output += 2 * half;
    table.push_back(output);
  }
  return table;
}

}  // namespace rnncc::arith
