#include "rnncc/word/rescale.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "rnncc/common/error.hpp"
#include "rnncc/word/adder.hpp"
#include "rnncc/word/bit_cells.hpp"
#include "rnncc/word/compare.hpp"
#include "rnncc/word/prefix.hpp"
#include "rnncc/word/resize.hpp"

namespace rnncc::word {

using logic::Aig;
using logic::Literal;

namespace {

Literal or_of(Aig& aig, std::vector<Literal> bits) {
  if (bits.empty()) return logic::false_literal;
  return balanced_reduce(std::move(bits), [&aig](Literal later, Literal earlier) {
    return aig.create_or(later, earlier);
  });
}

Literal and_of(Aig& aig, std::vector<Literal> bits) {
  if (bits.empty()) return logic::true_literal;
  return balanced_reduce(std::move(bits), [&aig](Literal later, Literal earlier) {
    return aig.create_and(later, earlier);
  });
}

}  // namespace

BitVector rescale(Aig& aig, const BitVector& x, std::size_t shift, Rounding rounding,
                  Overflow overflow, std::size_t result_width, Signedness signedness,
                  PrefixArchitecture architecture) {
  // Widen so that at least one bit is left above the shifted-out ones.
  const BitVector wide = extend(x, std::max(x.size(), shift + 1), signedness);
  const BitVector quotient(wide.begin() + static_cast<std::ptrdiff_t>(shift), wide.end());  // floor
  Literal round_up = logic::false_literal;
  if (rounding == Rounding::nearest_even && shift > 0) {
    // Round up iff the dropped part exceeds one half, or equals it and the
    // quotient is odd (ties to even).
    const Literal half = wide[shift - 1];
    const Literal below_half =
        or_of(aig, BitVector(wide.begin(), wide.begin() + static_cast<std::ptrdiff_t>(shift - 1)));
    round_up = aig.create_and(half, aig.create_or(below_half, quotient[0]));
  }
  auto increment = [&](const BitVector& value) {
    if (round_up == logic::false_literal) return value;
    return add(aig, value, BitVector(value.size(), logic::false_literal), architecture, round_up);
  };
  if (overflow == Overflow::wrap) {
    // Modulo 2^result_width the increment commutes with narrowing: only the
    // kept bits are built.
    return increment(result_width <= quotient.size() ? truncate(quotient, result_width)
                                                     : extend(quotient, result_width, signedness));
  }
  // One more bit holds the rounded quotient exactly before clamping.
  return saturate(aig, increment(extend(quotient, quotient.size() + 1, signedness)), result_width,
                  signedness);
}

BitVector saturate(Aig& aig, const BitVector& x, std::size_t result_width, Signedness signedness) {
  const std::size_t width = x.size();
  if (result_width >= width) return extend(x, result_width, signedness);
  if (result_width == 0) return {};
  BitVector result(result_width);
  if (signedness == Signedness::unsigned_) {
    const Literal too_large =
        or_of(aig, BitVector(x.begin() + static_cast<std::ptrdiff_t>(result_width), x.end()));
    for (std::size_t k = 0; k < result_width; ++k)
      result[k] = aig.create_or(x[k], too_large);
    return result;
  }
  // Signed: it fits iff bits result_width-1 ... width-1 all equal the sign;
  // otherwise the result is the extreme of the sign's side.
  const Literal sign = x.back();
  std::vector<Literal> agrees;
  for (std::size_t k = result_width - 1; k + 1 < width; ++k) {
    agrees.push_back(!exclusive_or(aig, x[k], sign));
  }
  const Literal fits = and_of(aig, std::move(agrees));
  for (std::size_t k = 0; k + 1 < result_width; ++k)
    result[k] = aig.create_mux(fits, x[k], !sign);
  result[result_width - 1] = sign;
  return result;
}

BitVector relu(Aig& aig, const BitVector& x) {
  BitVector result(x.size());
  if (x.empty()) return result;
  const Literal negative = x.back();
  for (std::size_t k = 0; k < x.size(); ++k)
    result[k] = aig.create_and(x[k], !negative);
  return result;
}

BitVector clip(Aig& aig, const BitVector& x, const mpz_class& low, const mpz_class& high,
               PrefixArchitecture architecture) {
  const std::size_t width = x.size();
  mpz_class smallest = 0;
  mpz_class largest = -1;
  if (width > 0) {
    mpz_ui_pow_ui(largest.get_mpz_t(), 2, width - 1);
    smallest = -largest;
    largest -= 1;
  }
  if (low > high || low < smallest || high > largest) {
    throw InputError(
        fmt::format("clip: bounds [{}, {}] must satisfy low <= high within the {}-bit "
                    "signed range [{}, {}]",
                    low.get_str(), high.get_str(), width, smallest.get_str(), largest.get_str()));
  }
  const BitVector low_bits = constant(width, low);
  const BitVector high_bits = constant(width, high);
  const Literal below = less_than(aig, x, low_bits, Signedness::signed_, architecture);
  const Literal above = less_than(aig, high_bits, x, Signedness::signed_, architecture);
  return mux(aig, below, low_bits, mux(aig, above, high_bits, x));
}

}  // namespace rnncc::word
