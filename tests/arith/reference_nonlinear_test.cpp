// Correctly rounded activation tables (MPFR), checked against hand values,
// symmetry laws, monotonicity, and long double wherever long double's
// answer is unambiguous.
#include <doctest/doctest.h>

#include "support/rational.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "rnncc/arith/format.hpp"
#include "rnncc/arith/nonlinear_table.hpp"
#include "rnncc/arith/reference.hpp"
#include "rnncc/common/error.hpp"

using namespace rnncc::arith;
using rnncc::LimitError;
using rnncc::word::Overflow;
using rnncc::word::Rounding;

namespace {

using rnncc::test::q;

FixedFormat fixed(const char* text) {
  return std::get<FixedFormat>(parse_format(text));
}

long double long_double_activation(Activation activation, long double x) {
  switch (activation) {
    case Activation::tanh:
      return std::tanh(x);
    case Activation::sigmoid:
      return 1.0L / (1.0L + std::exp(-x));
    case Activation::exp:
      return std::exp(x);
    case Activation::softplus:
      return std::log1p(std::exp(x));
    default:
      return 0;
  }
}

/// Table values read back as stored integers k (value k·2^-F), in input order
/// from the lowest member to the highest.
std::vector<long> table_in_input_order(const FixedFormat& format, Activation activation) {
  std::vector<mpz_class> table = build_activation_table(format, activation);
  std::vector<long> values;
  const long half = 1L << (format.width - 1);
  for (long k = -half; k < half; ++k) {
    long pattern = k < 0 ? k + 2 * half : k;
    long stored = table.at(static_cast<std::size_t>(pattern)).get_si();
    values.push_back(stored >= half ? stored - 2 * half : stored);
  }
  return values;
}

}  // namespace

TEST_CASE("activation values at 0 and 1 by hand in fixed:16.8") {
  FixedFormat even = fixed("fixed:16.8");
  FixedFormat floor = fixed("fixed:16.8:floor");
  CHECK(evaluate_activation(even, Activation::tanh, 0) == 0);
  CHECK(evaluate_activation(even, Activation::sigmoid, 0) == q(1, 2));
  CHECK(evaluate_activation(even, Activation::exp, 0) == 1);
  // ln 2 · 256 = 177.44...
  CHECK(evaluate_activation(even, Activation::softplus, 0) == q(177, 256));
  // tanh(1)·256 = 194.97, e·256 = 695.88, sigmoid(1)·256 = 187.15, softplus(1)·256 = 336.19.
  CHECK(evaluate_activation(even, Activation::tanh, 1) == q(195, 256));
  CHECK(evaluate_activation(floor, Activation::tanh, 1) == q(194, 256));
  CHECK(evaluate_activation(even, Activation::exp, 1) == q(696, 256));
  CHECK(evaluate_activation(floor, Activation::exp, 1) == q(695, 256));
  CHECK(evaluate_activation(even, Activation::sigmoid, 1) == q(187, 256));
  CHECK(evaluate_activation(even, Activation::softplus, 1) == q(336, 256));
  // tanh(-1)·256 = -194.97: floor -195, nearest -195.
  CHECK(evaluate_activation(floor, Activation::tanh, -1) == q(-195, 256));
  CHECK(evaluate_activation(even, Activation::tanh, -1) == q(-195, 256));
  // e^-1·256 = 94.18.
  CHECK(evaluate_activation(even, Activation::exp, -1) == q(94, 256));
}

TEST_CASE("an exact tie rounds to even: sigmoid(0) = 1/2 in fixed:8.0") {
  CHECK(evaluate_activation(fixed("fixed:8.0"), Activation::sigmoid, 0) == 0);
  CHECK(evaluate_activation(fixed("fixed:8.0:floor"), Activation::sigmoid, 0) == 0);
  CHECK(evaluate_activation(fixed("fixed:8.1"), Activation::sigmoid, 0) == q(1, 2));
}

TEST_CASE("tables saturate at the format's extremes, whatever its overflow rule") {
  // fixed:8.4 holds [-8, 127/16]; e^7 is far above.
  CHECK(evaluate_activation(fixed("fixed:8.4"), Activation::exp, 7) == q(127, 16));
  CHECK(evaluate_activation(fixed("fixed:8.4:wrap"), Activation::exp, 7) == q(127, 16));
  CHECK(evaluate_activation(fixed("fixed:16.0"), Activation::exp, 32767) == 32767);
  // fixed:4.3 holds [-1, 7/8]: tanh(0.875)·8 = 5.67 -> 6; tanh(-1)·8 = -6.09 -> -6.
  CHECK(evaluate_activation(fixed("fixed:4.3"), Activation::tanh, q(7, 8)) == q(6, 8));
  CHECK(evaluate_activation(fixed("fixed:4.3"), Activation::tanh, -1) == q(-6, 8));
  // softplus(-8) = 0.000335 in fixed:8.4 rounds to 0; softplus(127/16) ≈ 7.94 -> 127/16.
  CHECK(evaluate_activation(fixed("fixed:8.4"), Activation::softplus, -8) == 0);
  CHECK(evaluate_activation(fixed("fixed:8.4"), Activation::softplus, q(127, 16)) == q(127, 16));
}

TEST_CASE("piecewise-linear activations in tables follow the reference") {
  FixedFormat format = fixed("fixed:6.2");
  for (Activation activation : {Activation::relu, Activation::hardtanh, Activation::sign}) {
    std::vector<mpz_class> table = build_activation_table(format, activation);
    for (long pattern = 0; pattern < 64; ++pattern) {
      mpq_class x = decode(format, pattern);
      CHECK(decode(format, table[static_cast<std::size_t>(pattern)]) ==
            reference::apply(format, activation, x));
    }
  }
}

TEST_CASE("tables are monotone, and tanh and sigmoid keep their symmetries") {
  for (const char* text : {"fixed:10.6", "fixed:10.6:floor", "fixed:9.0", "fixed:8.8"}) {
    FixedFormat format = fixed(text);
    std::string name = text;
    CAPTURE(name);
    for (Activation activation :
         {Activation::tanh, Activation::sigmoid, Activation::exp, Activation::softplus}) {
      std::vector<long> values = table_in_input_order(format, activation);
      for (std::size_t i = 1; i < values.size(); ++i)
        CHECK(values[i - 1] <= values[i]);
    }
    if (format.rounding != Rounding::nearest_even) continue;
    // Nearest rounding is symmetric (no ties away from 0): tanh(-x) = -tanh(x)
    // and sigmoid(x) + sigmoid(-x) = 1, where the format holds the values.
    const long half = 1L << (format.width - 1);
    const long one = 1L << format.fraction;
    std::vector<long> tanh_values = table_in_input_order(format, Activation::tanh);
    std::vector<long> sigmoid_values = table_in_input_order(format, Activation::sigmoid);
    for (long k = 1; k < half; ++k) {
      std::size_t positive = static_cast<std::size_t>(half + k);
      std::size_t negative = static_cast<std::size_t>(half - k);
      if (one < half) CHECK(tanh_values[positive] == -tanh_values[negative]);
      if (one < half) CHECK(sigmoid_values[positive] + sigmoid_values[negative] == one);
    }
  }
}

TEST_CASE("tables agree with long double wherever its rounding is unambiguous") {
  for (const char* text : {"fixed:12.8", "fixed:12.8:floor", "fixed:12.3", "fixed:12.11:floor"}) {
    FixedFormat format = fixed(text);
    std::string name = text;
    CAPTURE(name);
    const long half = 1L << (format.width - 1);
    const long double scale = std::ldexp(1.0L, static_cast<int>(format.fraction));
    for (Activation activation :
         {Activation::tanh, Activation::sigmoid, Activation::exp, Activation::softplus}) {
      CAPTURE(name_of(activation));
      std::vector<long> values = table_in_input_order(format, activation);
      long compared = 0;
      for (long k = -half; k < half; ++k) {
        long double y = long_double_activation(activation, k / scale) * scale;
        if (y >= half + 1 || y <= -half - 1) {  // far outside the range: saturated
          CHECK(values[static_cast<std::size_t>(k + half)] == (y > 0 ? half - 1 : -half));
          ++compared;
          continue;
        }
        // The distance to the nearest rounding boundary: integers for floor,
        // half-integers for nearest.
        long double boundary_offset = format.rounding == Rounding::floor ? 0.0L : 0.5L;
        long double distance = std::fabs(y - boundary_offset - std::nearbyint(y - boundary_offset));
        if (distance < 1e-9L * std::fmax(1.0L, std::fabs(y))) continue;
        long double rounded =
            format.rounding == Rounding::floor ? std::floor(y) : std::floor(y + 0.5L);
        long expected = rounded > half - 1 ? half - 1 : (rounded < -half ? -half : (long)rounded);
        CHECK(values[static_cast<std::size_t>(k + half)] == expected);
        ++compared;
      }
      CHECK(compared > 4000);
    }
  }
}

TEST_CASE("tables wider than 16 bits are refused, naming the size needed") {
  CHECK(build_activation_table(fixed("fixed:16.8"), Activation::tanh).size() == 65536);
  try {
    build_activation_table(fixed("fixed:17.8"), Activation::tanh);
    FAIL("a 17-bit table was built");
  } catch (const LimitError& error) {
    std::string message = error.what();
    CHECK(message.find("2^17") != std::string::npos);
    CHECK(message.find("131072") != std::string::npos);
  }
}
