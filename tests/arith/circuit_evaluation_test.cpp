// Exact evaluation of arithmetic circuits, checked against direct GMP
// computations written here (independent of reference.cpp).
#include <doctest/doctest.h>

#include <gmpxx.h>
#include <algorithm>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/arith/circuit_evaluation.hpp"
#include "rnncc/common/error.hpp"

namespace {

using rnncc::arith::Activation;
using rnncc::arith::Circuit;
using rnncc::arith::ExactDomain;
using rnncc::arith::ExplicitTable;
using rnncc::arith::NodeId;
using rnncc::arith::parse_format;

mpz_class floor_of(const mpq_class& value) {
  mpz_class result;
  mpz_fdiv_q(result.get_mpz_t(), value.get_num_mpz_t(), value.get_den_mpz_t());
  return result;
}

mpz_class modulo(const mpz_class& value, const mpz_class& modulus) {
  mpz_class result;
  mpz_fdiv_r(result.get_mpz_t(), value.get_mpz_t(), modulus.get_mpz_t());
  return result;
}

mpz_class power_of_two(unsigned exponent) {
  return mpz_class(1) << exponent;
}

/// Direct semantics of one format for the operations used below: an exact
/// result is mapped into the format by `into`; `order` gives the number that
/// comparisons, relu and clip compare.
struct DirectFormat {
  std::string spelling;
  std::function<mpq_class(const mpq_class&)> into;
};

DirectFormat direct_mod(unsigned width) {
  return {"mod:" + std::to_string(width), [width](const mpq_class& value) {
            const mpz_class half = power_of_two(width - 1);
            return mpq_class(modulo(value.get_num() + half, power_of_two(width)) - half);
          }};
}

DirectFormat direct_modp(unsigned long modulus) {
  return {"modp:" + std::to_string(modulus), [modulus](const mpq_class& value) {
            return mpq_class(modulo(value.get_num(), mpz_class(modulus)));
          }};
}

/// fixed:W.F: value·2^F rounded (floor or nearest-even), then wrapped or
/// saturated into W bits, divided by 2^F.
DirectFormat direct_fixed(unsigned width, unsigned fraction, bool nearest_even, bool saturate) {
  std::string spelling = "fixed:" + std::to_string(width) + "." + std::to_string(fraction) +
                         (nearest_even ? ":nearest-even" : ":floor") +
                         (saturate ? ":saturate" : ":wrap");
  return {spelling, [=](const mpq_class& value) {
            mpq_class scaled = value * mpq_class(power_of_two(fraction));
            mpz_class integer = floor_of(scaled);
            if (nearest_even) {
              mpq_class remainder = scaled - mpq_class(integer);
              if (remainder > mpq_class(1, 2) ||
                  (remainder == mpq_class(1, 2) && modulo(integer, 2) == 1)) {
                integer += 1;
              }
            }
            const mpz_class half = power_of_two(width - 1);
            if (saturate) {
              integer = std::clamp(integer, mpz_class(-half), mpz_class(half - 1));
            } else {
              integer = modulo(integer + half, power_of_two(width)) - half;
            }
            mpq_class result(integer, power_of_two(fraction));
            result.canonicalize();
            return result;
          }};
}

/// The circuit of most operations on inputs a and b, and its direct values.
struct MixedCircuit {
  Circuit circuit;
  std::function<std::vector<mpq_class>(const mpq_class&, const mpq_class&)> direct;
};

MixedCircuit mixed_circuit(const DirectFormat& format, const mpq_class& low, const mpq_class& high,
                           long shift) {
  Circuit circuit(parse_format(format.spelling));
  NodeId a = circuit.create_input("a");
  NodeId b = circuit.create_input("b");
  NodeId sum = circuit.create_add(a, b);
  NodeId difference = circuit.create_subtract(a, b);
  NodeId product = circuit.create_multiply(a, b);
  NodeId negated = circuit.create_negate(a);
  NodeId less = circuit.create_less_than(a, b);
  NodeId same = circuit.create_equal(sum, difference);
  NodeId chosen = circuit.create_select(less, product, negated);
  NodeId rectified = circuit.create_relu(difference);
  NodeId clipped = circuit.create_clip(sum, low, high);
  NodeId square = circuit.create_multiply(chosen, chosen);
  NodeId rescaled = circuit.create_rescale(square, shift);
  const std::vector<std::pair<NodeId, std::string>> outputs = {
      {sum, "sum"},         {difference, "difference"},
      {product, "product"}, {negated, "negated"},
      {less, "less"},       {same, "same"},
      {chosen, "chosen"},   {rectified, "rectified"},
      {clipped, "clipped"}, {rescaled, "rescaled"}};
  for (const auto& [node, name] : outputs)
    circuit.create_output(node, name);
  auto into = format.into;
  auto direct = [into, low, high, shift](const mpq_class& x, const mpq_class& y) {
    mpq_class s = into(x + y);
    mpq_class d = into(x - y);
    mpq_class p = into(x * y);
    mpq_class n = into(-x);
    bool is_less = x < y;
    mpq_class c = is_less ? p : n;
    mpq_class scale = shift >= 0 ? mpq_class(1, power_of_two(static_cast<unsigned>(shift)))
                                 : mpq_class(power_of_two(static_cast<unsigned>(-shift)));
    return std::vector<mpq_class>{s,
                                  d,
                                  p,
                                  n,
                                  mpq_class(is_less ? 1 : 0),
                                  mpq_class(s == d ? 1 : 0),
                                  c,
                                  std::max(d, mpq_class(0)),
                                  std::min(std::max(s, low), high),
                                  into(into(c * c) * scale)};
  };
  return {std::move(circuit), direct};
}

/// Every member of a small finite format: k · step for k in [first, last].
std::vector<mpq_class> members(long first, long last, const mpq_class& step) {
  std::vector<mpq_class> result;
  for (long k = first; k <= last; ++k)
    result.push_back(mpq_class(k) * step);
  return result;
}

/// Compares evaluate() with the direct values on (a, b), output by output;
/// returns whether all agree.
bool check_pair(MixedCircuit& mixed, const mpq_class& a, const mpq_class& b) {
  std::vector<mpq_class> expected = mixed.direct(a, b);
  std::vector<mpq_class> actual = rnncc::arith::evaluate(mixed.circuit, {a, b});
  if (actual == expected) return true;
  CAPTURE(a.get_str());
  CAPTURE(b.get_str());
  REQUIRE(actual.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(mixed.circuit.output_name(static_cast<std::uint32_t>(i)));
    CHECK(actual[i].get_str() == expected[i].get_str());
  }
  return false;
}

void check_all_pairs(MixedCircuit& mixed, const std::vector<mpq_class>& values) {
  std::size_t compared = 0;
  for (const mpq_class& a : values) {
    for (const mpq_class& b : values) {
      if (!check_pair(mixed, a, b)) return;
      ++compared;
    }
  }
  CHECK(compared == values.size() * values.size());
}

}  // namespace

TEST_CASE("evaluation of every operation agrees with direct computation, all operand pairs") {
  SUBCASE("mod:5") {
    MixedCircuit mixed = mixed_circuit(direct_mod(5), -3, 9, -2);
    check_all_pairs(mixed, members(-16, 15, 1));
  }
  SUBCASE("modp:11") {
    MixedCircuit mixed = mixed_circuit(direct_modp(11), 2, 8, -1);
    check_all_pairs(mixed, members(0, 10, 1));
  }
  SUBCASE("fixed:6.2 floor wrap") {
    MixedCircuit mixed = mixed_circuit(direct_fixed(6, 2, false, false), mpq_class(-5, 4), 3, 1);
    check_all_pairs(mixed, members(-32, 31, mpq_class(1, 4)));
  }
  SUBCASE("fixed:6.3 nearest-even saturate") {
    MixedCircuit mixed =
        mixed_circuit(direct_fixed(6, 3, true, true), mpq_class(-1, 2), mpq_class(3, 2), 2);
    check_all_pairs(mixed, members(-32, 31, mpq_class(1, 8)));
  }
}

TEST_CASE("evaluation on random operands of wide formats") {
  gmp_randclass random(gmp_randinit_default);
  random.seed(20261129);
  auto draw = [&random](unsigned bits) {
    return mpz_class(random.get_z_bits(bits) - (mpz_class(1) << (bits - 1)));
  };
  SUBCASE("mod:64") {
    MixedCircuit mixed = mixed_circuit(direct_mod(64), -1000, 1000, -3);
    for (int i = 0; i < 300; ++i) {
      mpq_class a(draw(64)), b(draw(64));
      if (!check_pair(mixed, a, b)) break;
    }
  }
  SUBCASE("fixed:32.16 nearest-even saturate") {
    MixedCircuit mixed = mixed_circuit(direct_fixed(32, 16, true, true), -3, 7, 5);
    for (int i = 0; i < 300; ++i) {
      // Small magnitudes too, so that products do not always saturate.
      unsigned bits = i % 2 == 0 ? 32 : 20;
      mpq_class a(draw(bits), mpz_class(1) << 16), b(draw(bits), mpz_class(1) << 16);
      a.canonicalize();
      b.canonicalize();
      if (!check_pair(mixed, a, b)) break;
    }
  }
}

TEST_CASE("exact evaluation of a polynomial with rational coefficients") {
  // p(x, y) = (1/3)x^3 - (5/7)x·y + 2^-3·y^2 + 11, computed directly.
  Circuit circuit(parse_format("exact"));
  NodeId x = circuit.create_input("x", ExactDomain{-100, 100, 8});
  NodeId y = circuit.create_input("y", ExactDomain{-7, 9, 1});
  NodeId cube = circuit.create_multiply(circuit.create_multiply(x, x), x);
  NodeId term1 = circuit.create_multiply(circuit.create_constant(mpq_class(1, 3)), cube);
  NodeId term2 = circuit.create_multiply(circuit.create_constant(mpq_class(5, 7)),
                                         circuit.create_multiply(x, y));
  NodeId term3 = circuit.create_rescale(circuit.create_multiply(y, y), 3);
  NodeId sum = circuit.create_add(circuit.create_subtract(term1, term2), term3);
  circuit.create_output(circuit.create_add(sum, circuit.create_constant(11)), "p");
  std::mt19937_64 generator(7);
  for (int i = 0; i < 500; ++i) {
    mpq_class xv(static_cast<long>(generator() % 201) - 100, 8);
    mpq_class yv(static_cast<long>(generator() % 17) - 7);
    xv.canonicalize();
    mpq_class expected =
        mpq_class(1, 3) * xv * xv * xv - mpq_class(5, 7) * xv * yv + yv * yv / 8 + 11;
    CHECK(rnncc::arith::evaluate(circuit, {xv, yv}) == std::vector<mpq_class>{expected});
  }
}

TEST_CASE("lookups: explicit tables and activations") {
  Circuit circuit(parse_format("mod:6"));
  NodeId x = circuit.create_input("x");
  // cube table on -3..3, default 7
  ExplicitTable cube{"cube", {}, 7};
  for (int k = -3; k <= 3; ++k)
    cube.entries.emplace(k, k * k * k);
  NodeId looked_up = circuit.create_lookup(circuit.add_table(cube), x);
  NodeId sign = circuit.create_lookup(Activation::sign, x);
  NodeId hardtanh = circuit.create_lookup(Activation::hardtanh, x);
  circuit.create_output(looked_up, "cube");
  circuit.create_output(sign, "sign");
  circuit.create_output(hardtanh, "hardtanh");
  for (int k = -32; k < 32; ++k) {
    CAPTURE(k);
    int expected_cube = (k >= -3 && k <= 3) ? k * k * k : 7;
    int expected_sign = (k > 0) - (k < 0);
    int expected_hardtanh = std::clamp(k, -1, 1);
    CHECK(rnncc::arith::evaluate(circuit, {mpq_class(k)}) ==
          std::vector<mpq_class>{expected_cube, expected_sign, expected_hardtanh});
  }
}

TEST_CASE("evaluate_nodes gives every node, and evaluate releases values but agrees") {
  Circuit circuit(parse_format("modp:101"));
  NodeId a = circuit.create_input("a");
  NodeId b = circuit.create_input("b");
  NodeId sum = circuit.create_add(a, b);
  NodeId unused = circuit.create_multiply(a, a);
  NodeId product = circuit.create_multiply(sum, sum);
  circuit.create_output(product, "y");
  circuit.create_output(sum, "s");
  std::vector<mpq_class> nodes = rnncc::arith::evaluate_nodes(circuit, {60, 70});
  CHECK(nodes[sum] == (60 + 70) % 101);
  CHECK(nodes[unused] == (60 * 60) % 101);
  CHECK(nodes[product] == (29 * 29) % 101);
  CHECK(rnncc::arith::evaluate(circuit, {60, 70}) == std::vector<mpq_class>{(29 * 29) % 101, 29});
}

TEST_CASE("inputs that are not admissible are refused with the input's name") {
  Circuit exact(parse_format("exact"));
  exact.create_input("x", ExactDomain{-4, 4, 2});
  CHECK_NOTHROW(rnncc::arith::evaluate(exact, {mpq_class(-2)}));
  CHECK_NOTHROW(rnncc::arith::evaluate(exact, {mpq_class(3, 2)}));
  CHECK_THROWS_WITH_AS(rnncc::arith::evaluate(exact, {mpq_class(5, 2)}),
                       doctest::Contains("input 'x'"), rnncc::InputError);
  CHECK_THROWS_AS(rnncc::arith::evaluate(exact, {mpq_class(1, 4)}), rnncc::InputError);
  CHECK_THROWS_AS(rnncc::arith::evaluate(exact, {}), rnncc::InputError);

  Circuit mod(parse_format("mod:4"));
  mod.create_input("y");
  CHECK_THROWS_WITH_AS(rnncc::arith::evaluate(mod, {mpq_class(8)}), doctest::Contains("input 'y'"),
                       rnncc::InputError);
  CHECK_NOTHROW(rnncc::arith::evaluate(mod, {mpq_class(-8)}));
}

TEST_CASE("evaluation of a chain of 400,000 nodes agrees with a direct loop") {
  Circuit circuit(parse_format("mod:16"));
  NodeId a = circuit.create_input("a");
  NodeId x = circuit.create_input("x");
  NodeId state = x;
  const int steps = 200000;
  for (int t = 0; t < steps; ++t)
    state = circuit.create_add(circuit.create_multiply(state, a), x);
  circuit.create_output(state, "h");
  long h = 1234;
  for (int t = 0; t < steps; ++t)
    h = ((h * -77 + 1234) % 65536 + 65536 + 32768) % 65536 - 32768;
  CHECK(rnncc::arith::evaluate(circuit, {-77, 1234}) == std::vector<mpq_class>{h});
}
