// The word-level DAG: depths of hand-derived circuits, operation counts,
// exact folding and structural hashing, and circuits millions of nodes deep.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/common/error.hpp"

namespace {

using rnncc::arith::Activation;
using rnncc::arith::Circuit;
using rnncc::arith::ExactDomain;
using rnncc::arith::ExplicitTable;
using rnncc::arith::ModFormat;
using rnncc::arith::NodeId;
using rnncc::arith::OperationKind;
using rnncc::arith::parse_format;

/// ⌈log2 n⌉ for n >= 1, by counting doublings.
std::uint32_t ceil_log2(std::uint32_t n) {
  std::uint32_t result = 0;
  for (std::uint64_t power = 1; power < n; power *= 2)
    ++result;
  return result;
}

/// p(x) = c_n x^n + ... + c_0 by Horner's rule with coefficients 2, 3, 4, ...
/// (never 0 or 1, so nothing folds): n multiplies and n adds in a chain.
Circuit horner(std::uint32_t degree) {
  Circuit circuit(parse_format("exact"));
  NodeId x = circuit.create_input("x", ExactDomain{-3, 3, 1});
  NodeId accumulator = circuit.create_constant(2);
  for (std::uint32_t i = 0; i < degree; ++i) {
    accumulator = circuit.create_multiply(accumulator, x);
    accumulator = circuit.create_add(accumulator, circuit.create_constant(3 + i));
  }
  circuit.create_output(accumulator, "p");
  return circuit;
}

/// The product of n inputs as a balanced tree: rounds that pair neighbours.
Circuit product_tree(std::uint32_t n) {
  Circuit circuit(parse_format("mod:16"));
  std::vector<NodeId> level;
  for (std::uint32_t i = 0; i < n; ++i)
    level.push_back(circuit.create_input(fmt::format("x{}", i)));
  while (level.size() > 1) {
    std::vector<NodeId> next;
    for (std::size_t i = 0; i + 1 < level.size(); i += 2) {
      next.push_back(circuit.create_multiply(level[i], level[i + 1]));
    }
    if (level.size() % 2 == 1) next.push_back(level.back());
    level = next;
  }
  circuit.create_output(level.front(), "product");
  return circuit;
}

}  // namespace

TEST_CASE("Horner's rule of degree n has arithmetic depth 2n and multiplicative depth n - 1") {
  // The first product, 2 · x, scales by a constant: an arithmetic level,
  // not a multiplicative one; each later product multiplies two variables.
  for (std::uint32_t degree : {1U, 2U, 5U, 17U, 100U}) {
    CAPTURE(degree);
    Circuit circuit = horner(degree);
    CHECK(circuit.arithmetic_depth() == 2 * degree);
    CHECK(circuit.multiplicative_depth() == degree - 1);
    CHECK(circuit.operation_count(OperationKind::multiply) == degree);
    CHECK(circuit.operation_count(OperationKind::add) == degree);
    CHECK(circuit.operation_count(OperationKind::constant) == degree + 1);
    CHECK(circuit.operation_count(OperationKind::input) == 1);
  }
}

TEST_CASE("a balanced product tree of n leaves has multiplicative depth ceil(log2 n)") {
  for (std::uint32_t n : {1U, 2U, 3U, 4U, 5U, 7U, 8U, 9U, 31U, 32U, 33U, 1000U}) {
    CAPTURE(n);
    Circuit circuit = product_tree(n);
    CHECK(circuit.multiplicative_depth() == ceil_log2(n));
    CHECK(circuit.arithmetic_depth() == ceil_log2(n));
    CHECK(circuit.operation_count(OperationKind::multiply) == n - 1);
    auto statistics = circuit.statistics();
    CHECK(statistics.count(OperationKind::multiply) == n - 1);
    CHECK(statistics.input_count == n);
    CHECK(statistics.output_count == 1);
    CHECK(statistics.node_count == 2 * n - 1);
  }
}

TEST_CASE("non-ring operations pass the depth of their operands through") {
  Circuit circuit(parse_format("fixed:8.4"));
  NodeId a = circuit.create_input("a");
  NodeId b = circuit.create_input("b");
  NodeId product = circuit.create_multiply(a, b);                      // depth 1, × 1
  NodeId scaled = circuit.create_rescale(product, 2);                  // 1, 1
  NodeId sum = circuit.create_add(scaled, a);                          // 2, 1
  NodeId negated = circuit.create_negate(sum);                         // 3, 1
  NodeId less = circuit.create_less_than(negated, b);                  // 3, 1
  NodeId chosen = circuit.create_select(less, negated, a);             // 4, 1: selects variables
  NodeId rectified = circuit.create_relu(chosen);                      // 4, 1
  NodeId clipped = circuit.create_clip(rectified, -1, 1);              // 4, 1
  NodeId squashed = circuit.create_lookup(Activation::tanh, clipped);  // 4, 1
  NodeId difference = circuit.create_subtract(squashed, b);            // 5, 1
  NodeId same = circuit.create_equal(difference, a);                   // 5, 1
  CHECK(circuit.arithmetic_depth(scaled) == 1);
  CHECK(circuit.multiplicative_depth(scaled) == 1);
  CHECK(circuit.arithmetic_depth(negated) == 3);
  CHECK(circuit.arithmetic_depth(less) == 3);
  for (NodeId node : {chosen, rectified, clipped, squashed}) {
    CHECK(circuit.arithmetic_depth(node) == 4);
    CHECK(circuit.multiplicative_depth(node) == 1);
  }
  CHECK(circuit.arithmetic_depth(difference) == 5);
  CHECK(circuit.arithmetic_depth(same) == 5);
  CHECK(circuit.is_boolean(less));
  CHECK(circuit.is_boolean(same));
  CHECK_FALSE(circuit.is_boolean(chosen));
  // Depths of the circuit are those of its outputs only.
  CHECK(circuit.arithmetic_depth() == 0);
  circuit.create_output(scaled, "scaled");
  CHECK(circuit.arithmetic_depth() == 1);
  circuit.create_output(same, "same");
  CHECK(circuit.arithmetic_depth() == 5);
  CHECK(circuit.multiplicative_depth() == 1);
  for (OperationKind kind :
       {OperationKind::multiply, OperationKind::rescale, OperationKind::add, OperationKind::negate,
        OperationKind::less_than, OperationKind::select, OperationKind::relu, OperationKind::clip,
        OperationKind::lookup, OperationKind::subtract, OperationKind::equal}) {
    CHECK(circuit.operation_count(kind) == 1);
  }
  CHECK(circuit.operation_count(OperationKind::input) == 2);
  // A select between two constants is a table of its condition: no level.
  NodeId table =
      circuit.create_select(less, circuit.create_constant(1), circuit.create_constant(2));
  CHECK(circuit.arithmetic_depth(table) == 3);
}

TEST_CASE("a multiplication by a constant counts in the arithmetic depth only") {
  Circuit circuit(parse_format("mod:8"));
  NodeId x = circuit.create_input("x");
  NodeId three = circuit.create_constant(3);
  NodeId node = x;
  for (int i = 0; i < 4; ++i)
    node = circuit.create_multiply(three, node);
  circuit.create_output(node, "y");
  CHECK(circuit.multiplicative_depth() == 0);
  CHECK(circuit.arithmetic_depth() == 4);
  NodeId square = circuit.create_multiply(node, node);
  CHECK(circuit.multiplicative_depth(square) == 1);
  CHECK(circuit.arithmetic_depth(square) == 5);
}

TEST_CASE("identical nodes are created once, commutative operands in either order") {
  Circuit circuit(parse_format("mod:8"));
  NodeId a = circuit.create_input("a");
  NodeId b = circuit.create_input("b");
  CHECK(circuit.create_add(a, b) == circuit.create_add(b, a));
  CHECK(circuit.create_multiply(a, b) == circuit.create_multiply(b, a));
  CHECK(circuit.create_equal(a, b) == circuit.create_equal(b, a));
  CHECK(circuit.create_subtract(a, b) != circuit.create_subtract(b, a));
  CHECK(circuit.create_less_than(a, b) != circuit.create_less_than(b, a));
  CHECK(circuit.create_clip(a, -2, 5) == circuit.create_clip(a, -2, 5));
  CHECK(circuit.create_clip(a, -2, 5) != circuit.create_clip(a, -2, 6));
  CHECK(circuit.create_constant(7) == circuit.create_constant(7));
  CHECK(circuit.create_lookup(Activation::sign, a) == circuit.create_lookup(Activation::sign, a));
  // a+b, a·b, a==b, a-b, b-a, a<b, b<a, two clips, 7, 6 and 5 (bounds are
  // parameters), sign: 2 inputs + 10 nodes + 1 constant.
  CHECK(circuit.node_count() == 2 + 10 + 1);
  CHECK(circuit.operation_count(OperationKind::add) == 1);
  CHECK(circuit.operation_count(OperationKind::clip) == 2);
}

TEST_CASE("constant operands fold to the format's reference result") {
  SUBCASE("mod:8 wraps") {
    Circuit circuit(parse_format("mod:8"));
    NodeId sum = circuit.create_add(circuit.create_constant(100), circuit.create_constant(100));
    REQUIRE(circuit.kind(sum) == OperationKind::constant);
    CHECK(circuit.constant_value(sum) == 200 - 256);
    NodeId product =
        circuit.create_multiply(circuit.create_constant(-128), circuit.create_constant(-1));
    CHECK(circuit.constant_value(product) == -128);
  }
  SUBCASE("fixed:8.4 saturates and rounds") {
    Circuit circuit(parse_format("fixed:8.4:nearest-even:saturate"));
    NodeId sum = circuit.create_add(circuit.create_constant(7), circuit.create_constant(2));
    CHECK(circuit.constant_value(sum) == mpq_class(127, 16));
    // (1/16)·(1/2) = 1/32, a tie between 0 and 1/16: nearest-even gives 0.
    NodeId product = circuit.create_multiply(circuit.create_constant(mpq_class(1, 16)),
                                             circuit.create_constant(mpq_class(1, 2)));
    CHECK(circuit.constant_value(product) == 0);
    NodeId half = circuit.create_rescale(circuit.create_constant(mpq_class(3, 16)), 1);
    CHECK(circuit.constant_value(half) == mpq_class(1, 8));  // 3/32 -> 2/32 (even)
  }
  SUBCASE("comparisons fold to Boolean constants and select picks") {
    Circuit circuit(parse_format("exact"));
    NodeId x = circuit.create_input("x", ExactDomain{0, 9, 1});
    NodeId y = circuit.create_input("y", ExactDomain{0, 9, 1});
    NodeId less = circuit.create_less_than(circuit.create_constant(1), circuit.create_constant(2));
    REQUIRE(circuit.kind(less) == OperationKind::constant);
    CHECK(circuit.is_boolean(less));
    CHECK(circuit.constant_value(less) == 1);
    CHECK(circuit.create_select(less, x, y) == x);
    NodeId not_equal = circuit.create_equal(circuit.create_constant(1), circuit.create_constant(2));
    CHECK(circuit.create_select(not_equal, x, y) == y);
    NodeId condition = circuit.create_less_than(x, y);
    CHECK(circuit.create_select(condition, y, y) == y);
  }
  SUBCASE("neutral and absorbing constants") {
    Circuit circuit(parse_format("modp:7"));
    NodeId x = circuit.create_input("x");
    NodeId zero = circuit.create_constant(0);
    NodeId one = circuit.create_constant(1);
    CHECK(circuit.create_add(x, zero) == x);
    CHECK(circuit.create_add(zero, x) == x);
    CHECK(circuit.create_subtract(x, zero) == x);
    CHECK(circuit.create_multiply(one, x) == x);
    CHECK(circuit.create_multiply(x, one) == x);
    CHECK(circuit.create_multiply(x, zero) == zero);
    CHECK(circuit.create_rescale(x, 0) == x);
    CHECK(circuit.create_subtract(zero, x) != x);  // 0 - x is a node
    CHECK(circuit.node_count() == 4);
  }
  SUBCASE("activations and explicit tables on constants") {
    Circuit circuit(parse_format("mod:8"));
    ExplicitTable square{"square", {{2, 4}, {-3, 9}}, -1};
    auto table = circuit.add_table(square);
    CHECK(circuit.constant_value(circuit.create_lookup(table, circuit.create_constant(-3))) == 9);
    CHECK(circuit.constant_value(circuit.create_lookup(table, circuit.create_constant(5))) == -1);
    CHECK(circuit.constant_value(
              circuit.create_lookup(Activation::sign, circuit.create_constant(-5))) == -1);
    CHECK(circuit.constant_value(circuit.create_relu(circuit.create_constant(-5))) == 0);
    CHECK(circuit.constant_value(circuit.create_clip(circuit.create_constant(50), -4, 4)) == 4);
  }
}

TEST_CASE("invalid requests are refused") {
  Circuit mod(parse_format("mod:8"));
  NodeId x = mod.create_input("x");
  NodeId less = mod.create_less_than(x, x);
  CHECK_THROWS_AS(mod.create_input("x"), std::invalid_argument);
  CHECK_THROWS_AS(mod.create_input("y", ExactDomain{0, 1, 1}), std::invalid_argument);
  CHECK_THROWS_AS(mod.create_input(""), std::invalid_argument);
  CHECK_THROWS_AS(mod.create_constant(mpq_class(3, 4)), rnncc::InputError);
  CHECK_THROWS_AS(mod.create_constant(128), rnncc::InputError);
  CHECK_THROWS_AS(mod.create_rescale(x, 1), rnncc::InputError);  // 2 has no inverse mod 2^8
  CHECK_NOTHROW(mod.create_rescale(x, -1));
  CHECK_THROWS_AS(mod.create_add(x, less), std::invalid_argument);
  CHECK_THROWS_AS(mod.create_add(x, 99), std::invalid_argument);
  CHECK_THROWS_AS(mod.create_select(x, x, x), std::invalid_argument);
  CHECK_THROWS_AS(mod.create_select(less, x, less), std::invalid_argument);
  CHECK_THROWS_AS(mod.create_lookup(Activation::tanh, x), rnncc::InputError);
  CHECK_THROWS_AS(mod.create_clip(x, 0, 300), rnncc::InputError);
  CHECK_THROWS_AS(mod.add_table(ExplicitTable{"tanh", {}, 0}), std::invalid_argument);
  CHECK_THROWS_AS(mod.add_table(ExplicitTable{"t", {{1, 1000}}, 0}), rnncc::InputError);
  mod.create_output(x, "y");
  CHECK_THROWS_AS(mod.create_output(x, "y"), std::invalid_argument);

  Circuit exact(parse_format("exact"));
  CHECK_THROWS_AS(exact.create_input("x"), std::invalid_argument);
  CHECK_THROWS_AS(exact.create_input("x", ExactDomain{1, 0, 1}), rnncc::InputError);
  CHECK_NOTHROW(exact.create_rescale(exact.create_input("z", ExactDomain{0, 1, 1}), 3));

  Circuit odd(parse_format("modp:11"));
  CHECK_NOTHROW(odd.create_rescale(odd.create_input("x"), 2));  // 2 is invertible mod 11
}

TEST_CASE("reachability marks exactly the cone of the outputs") {
  Circuit circuit(parse_format("mod:8"));
  NodeId a = circuit.create_input("a");
  NodeId b = circuit.create_input("b");
  NodeId c = circuit.create_input("c");
  NodeId used = circuit.create_add(a, b);
  NodeId unused = circuit.create_multiply(b, c);
  circuit.create_output(used, "y");
  std::vector<bool> reachable = circuit.reachable_from_outputs();
  CHECK(reachable[a]);
  CHECK(reachable[b]);
  CHECK(reachable[used]);
  CHECK_FALSE(reachable[c]);
  CHECK_FALSE(reachable[unused]);
}

TEST_CASE("a chain of a million nodes: depths and reachability without recursion") {
  Circuit circuit(parse_format("mod:16"));
  NodeId a = circuit.create_input("a");
  NodeId x = circuit.create_input("x");
  NodeId state = x;
  const std::uint32_t steps = 500000;
  for (std::uint32_t t = 0; t < steps; ++t) {
    state = circuit.create_add(circuit.create_multiply(state, a), x);
  }
  circuit.create_output(state, "h");
  CHECK(circuit.node_count() == 2 + 2 * steps);
  CHECK(circuit.arithmetic_depth() == 2 * steps);
  CHECK(circuit.multiplicative_depth() == steps);
  std::vector<bool> reachable = circuit.reachable_from_outputs();
  CHECK(static_cast<std::uint32_t>(std::count(reachable.begin(), reachable.end(), true)) ==
        circuit.node_count());
}
