// Bristol fashion: an independent reader and evaluator of the format,
// written here from the format's description, runs rnncc's files on random
// patterns and must agree with rnncc's evaluator; the AND gate count is
// derived by hand for two adders, and values are grouped per word.
#include <doctest/doctest.h>

#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "random_aig.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/eval/evaluator.hpp"
#include "rnncc/eval/random_patterns.hpp"
#include "rnncc/io/bristol.hpp"
#include "rnncc/word/adder.hpp"
#include "rnncc/word/resize.hpp"

using rnncc::logic::Aig;
using rnncc::logic::Literal;

namespace {

/// A Bristol fashion circuit as read from its text.
struct BristolCircuit {
  std::uint64_t wire_count = 0;
  std::vector<std::uint64_t> input_bits;   // per input value
  std::vector<std::uint64_t> output_bits;  // per output value
  struct Gate {
    std::string kind;
    std::vector<std::uint64_t> in;
    std::uint64_t out = 0;
  };
  std::vector<Gate> gates;
  std::uint64_t count(const std::string& kind) const {
    std::uint64_t n = 0;
    for (const Gate& gate : gates)
      n += gate.kind == kind ? 1 : 0;
    return n;
  }
};

/// Reads the format: "G W", "NIV n1..", "NOV m1..", then G gates
/// "IN OUT w.. w KIND". Checks the wire counts as it goes.
BristolCircuit parse_bristol(const std::string& text) {
  std::istringstream in(text);
  BristolCircuit circuit;
  std::uint64_t gate_count = 0;
  in >> gate_count >> circuit.wire_count;
  std::uint64_t values = 0;
  in >> values;
  circuit.input_bits.resize(values);
  for (auto& bits : circuit.input_bits)
    in >> bits;
  in >> values;
  circuit.output_bits.resize(values);
  for (auto& bits : circuit.output_bits)
    in >> bits;
  for (std::uint64_t g = 0; g < gate_count; ++g) {
    std::uint64_t arity = 0;
    std::uint64_t results = 0;
    in >> arity >> results;
    if (results != 1) throw std::runtime_error("a gate with other than one output");
    BristolCircuit::Gate gate;
    gate.in.resize(arity);
    for (auto& wire : gate.in)
      in >> wire;
    in >> gate.out >> gate.kind;
    const std::size_t expected_arity = gate.kind == "INV" ? 1 : 2;
    if (gate.in.size() != expected_arity) throw std::runtime_error("wrong arity for " + gate.kind);
    circuit.gates.push_back(gate);
  }
  if (!in) throw std::runtime_error("truncated Bristol circuit");
  std::string rest;
  if (in >> rest) throw std::runtime_error("text after the last gate: " + rest);
  return circuit;
}

/// Evaluates on one input assignment (bits in wire order). Every wire is
/// written once, before it is read; outputs are the last wires.
std::vector<bool> evaluate_bristol(const BristolCircuit& circuit, const std::vector<bool>& inputs) {
  std::vector<int> value(circuit.wire_count, -1);
  for (std::size_t i = 0; i < inputs.size(); ++i)
    value[i] = inputs[i];
  for (const auto& gate : circuit.gates) {
    for (std::uint64_t wire : gate.in) {
      if (value.at(wire) < 0)
        throw std::runtime_error(fmt::format("wire {} read before written", wire));
    }
    if (value.at(gate.out) >= 0)
      throw std::runtime_error(fmt::format("wire {} written twice", gate.out));
    if (gate.kind == "AND")
      value[gate.out] = value[gate.in[0]] & value[gate.in[1]];
    else if (gate.kind == "XOR")
      value[gate.out] = value[gate.in[0]] ^ value[gate.in[1]];
    else if (gate.kind == "INV")
      value[gate.out] = 1 - value[gate.in[0]];
    else
      throw std::runtime_error("unknown gate " + gate.kind);
  }
  std::uint64_t output_count = 0;
  for (std::uint64_t bits : circuit.output_bits)
    output_count += bits;
  std::vector<bool> outputs;
  for (std::uint64_t w = circuit.wire_count - output_count; w < circuit.wire_count; ++w) {
    if (value[w] < 0) throw std::runtime_error(fmt::format("output wire {} never written", w));
    outputs.push_back(value[w] == 1);
  }
  return outputs;
}

/// Checks the file against rnncc's evaluator on random patterns.
void check_against_evaluator(const Aig& aig, const std::string& text, std::uint64_t seed) {
  const BristolCircuit circuit = parse_bristol(text);
  std::uint64_t input_total = 0;
  for (std::uint64_t bits : circuit.input_bits)
    input_total += bits;
  REQUIRE(input_total == aig.input_count());
  const std::uint64_t patterns = 300;
  const auto inputs = rnncc::eval::random_patterns(aig.input_count(), patterns, seed);
  const auto expected = rnncc::eval::evaluate(aig, inputs, rnncc::eval::ParallelMode::patterns);
  for (std::uint64_t p = 0; p < patterns; ++p) {
    std::vector<bool> assignment;
    for (std::uint32_t i = 0; i < aig.input_count(); ++i)
      assignment.push_back(inputs.bit(i, p));
    const std::vector<bool> outputs = evaluate_bristol(circuit, assignment);
    REQUIRE(outputs.size() == aig.output_count());
    for (std::uint32_t o = 0; o < aig.output_count(); ++o) {
      CAPTURE(p);
      CAPTURE(o);
      CHECK(outputs[o] == expected.bit(o, p));
    }
  }
}

/// A W-bit ripple-carry adder: s0 = a0 ^ b0, c1 = a0 & b0, then per bit
/// s = (a ^ b) ^ c and c' = majority(a, b, c); outputs s[0..W-1], carry.
Aig ripple_adder(unsigned width) {
  Aig aig;
  std::vector<Literal> a;
  std::vector<Literal> b;
  for (unsigned i = 0; i < width; ++i)
    a.push_back(aig.create_input(fmt::format("a[{}]", i)));
  for (unsigned i = 0; i < width; ++i)
    b.push_back(aig.create_input(fmt::format("b[{}]", i)));
  std::vector<Literal> sum;
  sum.push_back(aig.create_xor(a[0], b[0]));
  Literal carry = aig.create_and(a[0], b[0]);
  for (unsigned i = 1; i < width; ++i) {
    sum.push_back(aig.create_xor(aig.create_xor(a[i], b[i]), carry));
    carry = aig.create_majority(a[i], b[i], carry);
  }
  for (unsigned i = 0; i < width; ++i)
    aig.create_output(sum[i], fmt::format("s[{}]", i));
  aig.create_output(carry, "carry");
  return aig;
}

}  // namespace

TEST_CASE("Bristol fashion of an adder: hand-derived AND count, value groups, and its sums") {
  for (unsigned width : {1U, 2U, 4U, 8U}) {
    CAPTURE(width);
    const Aig adder = ripple_adder(width);
    // By hand: bit 0 is one XOR (3 ANDs) and one AND; every further bit two
    // XORs (6 ANDs) and a majority (a&b) | (c & (a|b)), 4 ANDs, none shared.
    CHECK(adder.and_count() == 4 + 10 * (width - 1));
    rnncc::io::BristolGateCounts counts;
    const std::string text = rnncc::io::write_bristol(adder, "adder.bristol", &counts);
    CHECK(counts.recognised_xors == 1 + 2 * (width - 1));
    CHECK(counts.and_gates == 1 + 4 * (width - 1));
    CHECK(counts.and_gates == adder.and_count() - 3 * counts.recognised_xors);
    const BristolCircuit circuit = parse_bristol(text);
    CHECK(circuit.count("AND") == counts.and_gates);
    CHECK(circuit.count("XOR") == counts.xor_gates);
    CHECK(circuit.input_bits == std::vector<std::uint64_t>{width, width});
    // s[0..W-1] is one value; "carry" has no index: a value of its own.
    CHECK(circuit.output_bits == std::vector<std::uint64_t>{width, 1});
    check_against_evaluator(adder, text, width);
  }
}

TEST_CASE("Bristol fashion of rnncc's 2-bit ripple adder, whose XORs share halves with carries") {
  // rnncc's adder, as `rnncc gen adder --bits 2 --arch ripple` builds it:
  //   n5 = a0&b0, n6 = !a0&!b0, n7 = !n5&!n6 = a0^b0                (sum 0)
  //   n8 = a1&b1, n9 = !a1&!b1, n10 = !n8&!n9 = a1^b1
  //   n11 = n5&!n9, n12 = !n8&!n11 = !carry                        (sum 2 = !n12)
  //   n13 = !n5&!n10, n14 = n5&n10, n15 = !n13&!n14 = n5^n10        (sum 1)
  // Three XORs. n7 needs no n6 (read by nothing else) but n5 stays (the
  // carry reads it); n10 needs neither n8 nor n9 but both stay (the carry
  // reads them); n15 absorbs n13 and n14. AND gates: n5, n8, n9, n11, n12.
  Aig aig;
  rnncc::word::BitVector a;
  rnncc::word::BitVector b;
  for (int i = 0; i < 2; ++i)
    a.push_back(aig.create_input(fmt::format("a[{}]", i)));
  for (int i = 0; i < 2; ++i)
    b.push_back(aig.create_input(fmt::format("b[{}]", i)));
  const auto unsigned_ = rnncc::word::Signedness::unsigned_;
  const auto sum = rnncc::word::add(aig, rnncc::word::extend(a, 3, unsigned_),
                                    rnncc::word::extend(b, 3, unsigned_),
                                    rnncc::word::parse_prefix_architecture("ripple"));
  for (int i = 0; i < 3; ++i)
    aig.create_output(sum[i], fmt::format("sum[{}]", i));
  REQUIRE(aig.and_count() == 11);
  rnncc::io::BristolGateCounts counts;
  const std::string text = rnncc::io::write_bristol(aig, "ripple2.bristol", &counts);
  CHECK(counts.recognised_xors == 3);
  CHECK(counts.and_gates == 5);
  CHECK(counts.xor_gates == 3);
  CHECK(parse_bristol(text).output_bits == std::vector<std::uint64_t>{3});
  check_against_evaluator(aig, text, 2);
}

TEST_CASE("Bristol fashion recognises XNOR and XOR of inverted operands, shared halves kept") {
  Aig aig;
  const Literal x = aig.create_input("x");
  const Literal y = aig.create_input("y");
  const Literal z = aig.create_input("z");
  aig.create_output(aig.create_xnor(x, y), "xnor");
  aig.create_output(aig.create_xor(!y, z), "xor_inverted");
  // x&!z is also an output: that half of the third XOR stays an AND gate.
  const Literal half = aig.create_and(x, !z);
  aig.create_output(aig.create_xor(x, z), "shared");
  aig.create_output(half, "half");
  REQUIRE(aig.and_count() == 9);
  rnncc::io::BristolGateCounts counts;
  const std::string text = rnncc::io::write_bristol(aig, "x.bristol", &counts);
  CHECK(counts.recognised_xors == 3);
  CHECK(counts.and_gates == 1);
  check_against_evaluator(aig, text, 3);
}

TEST_CASE("Bristol fashion of random circuits agrees with rnncc's evaluator") {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    CAPTURE(seed);
    // Constant, repeated and inverted-input outputs included.
    const Aig aig = rnncc::test::random_aig(3 + seed, 150 * seed, seed, seed % 2 == 0);
    rnncc::io::BristolGateCounts counts;
    const std::string text = rnncc::io::write_bristol(aig, "r.bristol", &counts);
    check_against_evaluator(aig, text, seed);
    CHECK(counts.and_gates + counts.recognised_xors <= aig.and_count());
  }
}

TEST_CASE(
    "Bristol fashion groups by the circuit's description lines and refuses inputless constants") {
  Aig aig;
  for (int i = 0; i < 5; ++i)
    aig.create_input(fmt::format("v{}", i));
  aig.create_output(aig.create_and(Literal::of(1), Literal::of(2)), "y");
  aig.create_output(Literal::of(3), "z");
  aig.comments() = {"rnncc-model m elman exact sequential 1 last",
                    "rnncc-input x@1[0] number 2 -1 1 1", "rnncc-input x@1[1] number 3 0 7 1",
                    "rnncc-output y@1[0] number 2 0 3 1"};
  CHECK(rnncc::io::bristol_input_groups(aig) == std::vector<std::uint64_t>{2, 3});
  // The output lines add up to 2: they describe these two outputs.
  CHECK(rnncc::io::bristol_output_groups(aig) == std::vector<std::uint64_t>{2});
  aig.comments().pop_back();
  CHECK(rnncc::io::bristol_output_groups(aig) == std::vector<std::uint64_t>{1, 1});

  Aig constant;
  constant.create_output(rnncc::logic::true_literal, "one");
  CHECK_THROWS_WITH_AS(rnncc::io::write_bristol(constant, "c.bristol"),
                       "c.bristol: a Bristol fashion circuit makes its constants from input wire "
                       "0, and this circuit has no input",
                       rnncc::InputError);
}
