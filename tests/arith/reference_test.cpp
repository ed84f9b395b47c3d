// Reference semantics of every operation in every format, checked against
// hand-derived values, algebraic laws, and an independently written model
// of fixed-point rounding and overflow, exhaustively on small formats.
#include <doctest/doctest.h>

#include "support/rational.hpp"

#include <random>
#include <string>
#include <vector>

#include "rnncc/arith/format.hpp"
#include "rnncc/arith/reference.hpp"
#include "rnncc/common/error.hpp"

using namespace rnncc::arith;
namespace ref = rnncc::arith::reference;
using rnncc::InputError;
using rnncc::word::Overflow;
using rnncc::word::Rounding;

namespace {

using rnncc::test::q;

// --- an independent model of fixed:W.F (written without the library's helpers)

/// ⌊x⌋ via truncating division and a correction.
mpz_class model_floor(const mpq_class& x) {
  mpz_class truncated = x.get_num() / x.get_den();  // gmpxx '/' truncates toward zero
  if (mpq_class(truncated) > x) truncated -= 1;
  return truncated;
}

/// Nearest integer, ties to even: ⌊x + 1/2⌋, stepped back by one on an exact
/// tie that landed on an odd integer.
mpz_class model_nearest_even(const mpq_class& x) {
  mpq_class shifted = x + mpq_class(1, 2);
  mpz_class candidate = model_floor(shifted);
  bool tie = shifted.get_den() == 1;
  if (tie && candidate % 2 != 0) candidate -= 1;
  return candidate;
}

mpq_class model_fixed(unsigned width, unsigned fraction, Rounding rounding, Overflow overflow,
                      const mpq_class& exact) {
  mpz_class scale = 1;
  for (unsigned i = 0; i < fraction; ++i)
    scale *= 2;
  mpz_class span = 1;
  for (unsigned i = 0; i < width; ++i)
    span *= 2;
  mpz_class lowest = -span / 2;
  mpz_class highest = span / 2 - 1;
  mpq_class scaled = exact * scale;
  mpz_class k = rounding == Rounding::floor ? model_floor(scaled) : model_nearest_even(scaled);
  if (overflow == Overflow::saturate) {
    if (k < lowest) k = lowest;
    if (k > highest) k = highest;
  } else {
    while (k > highest)
      k -= span;
    while (k < lowest)
      k += span;
  }
  mpq_class result(k, scale);
  result.canonicalize();
  return result;
}

std::vector<mpq_class> all_members(unsigned width, unsigned fraction) {
  std::vector<mpq_class> members;
  long half = 1L << (width - 1);
  for (long k = -half; k < half; ++k)
    members.push_back(q(k, 1L << fraction));
  return members;
}

}  // namespace

TEST_CASE("fixed: hand-derived rounding, ties and overflow in fixed:4.1") {
  // fixed:4.1 holds -4, -3.5, ..., 3.5.
  Format even = parse_format("fixed:4.1");
  Format floor = parse_format("fixed:4.1:floor");
  Format wrap = parse_format("fixed:4.1:wrap");
  CHECK(ref::multiply(even, q(3, 2), q(3, 2)) == q(2));      // 2.25 -> 4.5 half-steps -> 4
  CHECK(ref::multiply(floor, q(3, 2), q(3, 2)) == q(2));     // 4.5 -> 4
  CHECK(ref::multiply(even, q(1, 2), q(1, 2)) == q(0));      // 0.5 half-steps, tie to 0
  CHECK(ref::multiply(even, q(3, 2), q(1, 2)) == q(1));      // 1.5 half-steps, tie to 2
  CHECK(ref::multiply(floor, q(3, 2), q(1, 2)) == q(1, 2));  // 1.5 -> 1
  CHECK(ref::multiply(even, q(-1, 2), q(1, 2)) == q(0));     // -0.5 ties to 0
  CHECK(ref::multiply(floor, q(-1, 2), q(1, 2)) == q(-1, 2));
  CHECK(ref::add(even, q(7, 2), q(1, 2)) == q(7, 2));  // saturates
  CHECK(ref::add(wrap, q(7, 2), q(1, 2)) == q(-4));    // wraps
  CHECK(ref::multiply(even, q(-4), q(-4)) == q(7, 2));
  CHECK(ref::multiply(wrap, q(-4), q(-4)) == q(0));  // 32 half-steps mod 16
  CHECK(ref::negate(even, q(-4)) == q(7, 2));
  CHECK(ref::negate(wrap, q(-4)) == q(-4));
  CHECK(ref::subtract(even, q(-4), q(1, 2)) == q(-4));
  CHECK(ref::represent(even, q(1, 3)) == q(1, 2));     // 2/3 half-steps -> 1
  CHECK(ref::represent(floor, q(-1, 3)) == q(-1, 2));  // -2/3 -> -1
  CHECK(ref::represent(even, q(100)) == q(7, 2));
  CHECK(ref::represent(wrap, q(5)) == q(-3));  // 10 half-steps - 16
}

TEST_CASE("fixed: scaling by powers of two rounds once") {
  Format even = parse_format("fixed:8.2");
  Format floor = parse_format("fixed:8.2:floor");
  CHECK(ref::scale_by_power_of_two(even, q(5, 4), -1) == q(1, 2));   // 2.5 quarters -> 2
  CHECK(ref::scale_by_power_of_two(floor, q(5, 4), -1) == q(1, 2));  // -> 2
  CHECK(ref::scale_by_power_of_two(even, q(7, 4), -1) == q(1));      // 3.5 quarters -> 4
  CHECK(ref::scale_by_power_of_two(floor, q(7, 4), -1) == q(3, 4));  // -> 3
  CHECK(ref::scale_by_power_of_two(even, q(3), 4) == q(127, 4));     // 48 saturates
  CHECK(ref::scale_by_power_of_two(even, q(-3, 4), 3) == q(-6));
}

TEST_CASE("mod:W: signed representatives, wrap-around and ring images of fractions") {
  Format mod = parse_format("mod:8");
  CHECK(ref::add(mod, q(100), q(100)) == q(-56));
  CHECK(ref::multiply(mod, q(16), q(16)) == q(0));
  CHECK(ref::multiply(mod, q(-128), q(-1)) == q(-128));
  CHECK(ref::negate(mod, q(-128)) == q(-128));
  CHECK(ref::subtract(mod, q(-128), q(1)) == q(127));
  CHECK(ref::represent(mod, q(255)) == q(-1));
  CHECK(ref::represent(mod, q(1, 3)) == q(-85));  // 3 · 171 = 513 ≡ 1, 171 - 256 = -85
  CHECK_THROWS_AS(ref::represent(mod, q(1, 2)), InputError);
  CHECK_THROWS_AS(ref::scale_by_power_of_two(mod, q(4), -1), InputError);
  CHECK(ref::scale_by_power_of_two(mod, q(3), 7) == q(-128));
  CHECK(ref::less_than(mod, ref::represent(mod, q(200)), q(0)));  // 200 reads as -56
  CHECK(ref::relu(mod, q(-56)) == q(0));
  CHECK(ref::sign(mod, q(-56)) == q(-1));
  CHECK(ref::hardtanh(mod, q(-56)) == q(-1));
  CHECK(ref::clip(mod, q(100), q(-5), q(7)) == q(7));
  // mod:1 holds {-1, 0}; 1 ≡ -1.
  Format bit = parse_format("mod:1");
  CHECK(ref::represent(bit, q(1)) == q(-1));
  CHECK(ref::add(bit, q(-1), q(-1)) == q(0));
}

TEST_CASE("modp:P: canonical representatives and inverses") {
  Format residue = parse_format("modp:7");
  CHECK(ref::add(residue, q(5), q(4)) == q(2));
  CHECK(ref::subtract(residue, q(3), q(5)) == q(5));
  CHECK(ref::multiply(residue, q(3), q(5)) == q(1));
  CHECK(ref::negate(residue, q(0)) == q(0));
  CHECK(ref::negate(residue, q(3)) == q(4));
  CHECK(ref::represent(residue, q(1, 3)) == q(5));
  CHECK(ref::represent(residue, q(-1)) == q(6));
  CHECK(ref::scale_by_power_of_two(residue, q(1), -1) == q(4));
  CHECK(ref::less_than(residue, q(1), ref::represent(residue, q(-1))));  // -1 is 6: the largest
  CHECK(ref::relu(residue, q(6)) == q(6));
  CHECK(ref::sign(residue, q(6)) == q(1));
  CHECK(ref::sign(residue, q(0)) == q(0));
  CHECK(ref::hardtanh(residue, q(0)) == q(1));  // bounds 6 > 1: the result is the upper bound
  Format six = parse_format("modp:6");
  CHECK_THROWS_AS(ref::represent(six, q(1, 3)), InputError);
  CHECK(ref::represent(six, q(1, 5)) == q(5));  // 5 · 5 = 25 ≡ 1
  CHECK_THROWS_AS(ref::scale_by_power_of_two(six, q(1), -1), InputError);
}

TEST_CASE("exact: the rationals, with piecewise-linear activations only") {
  Format exact = parse_format("exact");
  CHECK(ref::add(exact, q(1, 3), q(1, 6)) == q(1, 2));
  CHECK(ref::multiply(exact, q(-2, 3), q(9, 4)) == q(-3, 2));
  CHECK(ref::scale_by_power_of_two(exact, q(3), -5) == q(3, 32));
  CHECK(ref::relu(exact, q(-3, 7)) == q(0));
  CHECK(ref::hardtanh(exact, q(5, 2)) == q(1));
  CHECK(ref::hardtanh(exact, q(-1, 3)) == q(-1, 3));
  CHECK(ref::sign(exact, q(-1, 3)) == q(-1));
  CHECK(ref::apply(exact, Activation::relu, q(2, 3)) == q(2, 3));
  for (Activation activation :
       {Activation::tanh, Activation::sigmoid, Activation::exp, Activation::softplus}) {
    try {
      ref::apply(exact, activation, q(1));
      FAIL("a transcendental activation was accepted by exact");
    } catch (const InputError& error) {
      std::string message = error.what();
      CHECK(message.find(std::string(name_of(activation))) != std::string::npos);
      CHECK(message.find("fixed:") != std::string::npos);
    }
  }
  CHECK_THROWS_AS(ref::apply(parse_format("mod:8"), Activation::tanh, q(1)), InputError);
  CHECK_THROWS_AS(ref::apply(parse_format("modp:7"), Activation::sigmoid, q(1)), InputError);
}

TEST_CASE("fixed: hardtanh and sign use the format's own images of -1 and 1") {
  Format narrow = parse_format("fixed:8.7");  // range [-1, 127/128]
  CHECK(ref::hardtanh(narrow, q(-1)) == q(-1));
  CHECK(ref::sign(narrow, q(1, 4)) == q(127, 128));  // 1 saturates
  Format narrow_wrap = parse_format("fixed:8.7:wrap");
  CHECK(ref::sign(narrow_wrap, q(1, 4)) == q(-1));  // 1 wraps to -1
  Format wide = parse_format("fixed:8.4");
  CHECK(ref::hardtanh(wide, q(3)) == q(1));
  CHECK(ref::hardtanh(wide, q(-7, 16)) == q(-7, 16));
  CHECK(ref::relu(wide, q(-1, 16)) == q(0));
  CHECK(ref::clip(wide, q(1, 16), q(1, 4), q(1, 2)) == q(1, 4));
  // Bounds that are not members are represented first: 1/5 -> 3.2/16 -> 3/16.
  CHECK(ref::clip(wide, q(1, 16), q(1, 5), q(1, 2)) == q(3, 16));
  CHECK(ref::clip(wide, q(7), q(1, 5), q(201, 40)) == q(5));  // 5.025·16 = 80.4 -> 80
}

TEST_CASE("fixed: + - × and scaling agree with an independent model on every operand pair") {
  for (unsigned width = 1; width <= 5; ++width) {
    for (unsigned fraction = 0; fraction <= width; ++fraction) {
      for (Rounding rounding : {Rounding::floor, Rounding::nearest_even}) {
        for (Overflow overflow : {Overflow::wrap, Overflow::saturate}) {
          Format format = FixedFormat{width, fraction, rounding, overflow};
          CAPTURE(to_string(format));
          auto model = [&](const mpq_class& x) {
            return model_fixed(width, fraction, rounding, overflow, x);
          };
          std::vector<mpq_class> members = all_members(width, fraction);
          for (const mpq_class& a : members) {
            CHECK(ref::negate(format, a) == model(-a));
            for (long exponent = -7; exponent <= 7; ++exponent) {
              mpq_class power = exponent >= 0 ? q(1L << exponent) : q(1, 1L << -exponent);
              CHECK(ref::scale_by_power_of_two(format, a, exponent) == model(a * power));
            }
            for (const mpq_class& b : members) {
              CHECK(ref::add(format, a, b) == model(a + b));
              CHECK(ref::subtract(format, a, b) == model(a - b));
              CHECK(ref::multiply(format, a, b) == model(a * b));
              CHECK(ref::less_than(format, a, b) == (a < b));
            }
          }
        }
      }
    }
  }
}

TEST_CASE("mod and modp are rings: associativity and distributivity on random members") {
  std::mt19937_64 generator(12345);
  for (const char* text : {"mod:1", "mod:7", "mod:64", "mod:200", "modp:2", "modp:251",
                           "modp:65536", "modp:18446744073709551557"}) {
    Format format = parse_format(text);
    std::string name = text;
    CAPTURE(name);
    RepresentableRange range = representable_range(format);
    mpz_class span = mpq_class(range.highest - range.lowest + 1).get_num();
    gmp_randclass random(gmp_randinit_default);
    random.seed(generator());
    auto draw = [&] { return mpq_class(range.lowest + random.get_z_range(span)); };
    for (int trial = 0; trial < 300; ++trial) {
      mpq_class a = draw(), b = draw(), c = draw();
      CHECK(ref::add(format, ref::add(format, a, b), c) ==
            ref::add(format, a, ref::add(format, b, c)));
      CHECK(ref::multiply(format, ref::multiply(format, a, b), c) ==
            ref::multiply(format, a, ref::multiply(format, b, c)));
      CHECK(ref::multiply(format, a, ref::add(format, b, c)) ==
            ref::add(format, ref::multiply(format, a, b), ref::multiply(format, a, c)));
      CHECK(ref::add(format, a, ref::negate(format, a)) == 0);
      CHECK(ref::subtract(format, a, b) == ref::add(format, a, ref::negate(format, b)));
      CHECK(is_member(format, ref::multiply(format, a, b)));
    }
  }
}

TEST_CASE("fixed is not a ring: saturation breaks associativity (hand example)") {
  Format format = parse_format("fixed:4.1");
  // (3.5 + 0.5) + (-0.5) = 3.5 - 0.5 = 3, but 3.5 + (0.5 - 0.5) = 3.5.
  CHECK(ref::add(format, ref::add(format, q(7, 2), q(1, 2)), q(-1, 2)) == q(3));
  CHECK(ref::add(format, q(7, 2), ref::add(format, q(1, 2), q(-1, 2))) == q(7, 2));
}
