// Lowering of arithmetic circuits to AIGs: the AIG, simulated bit by bit
// (tests/support/simulate.hpp), computes exactly what evaluate() computes,
// in every format, on exhaustive and random inputs.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <gmpxx.h>
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/arith/circuit_evaluation.hpp"
#include "rnncc/arith/circuit_lowering.hpp"
#include "rnncc/arith/reference.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/logic/cleanup.hpp"
#include "support/simulate.hpp"

namespace {

using rnncc::arith::Activation;
using rnncc::arith::Circuit;
using rnncc::arith::ExactDomain;
using rnncc::arith::ExplicitTable;
using rnncc::arith::LoweredCircuit;
using rnncc::arith::NodeId;
using rnncc::arith::parse_format;
using rnncc::word::ArithmeticArchitecture;
using rnncc::word::MultiplierArchitecture;
using rnncc::word::PrefixArchitecture;

using InputVector = std::vector<mpq_class>;

/// Output values of the lowered circuit for up to 64 input vectors, by
/// simulating its AIG: inputs encoded with encode_inputs, outputs decoded
/// with decode_outputs.
std::vector<std::vector<mpq_class>> simulate(const Circuit& circuit, const LoweredCircuit& lowered,
                                             const std::vector<InputVector>& vectors) {
  REQUIRE(vectors.size() <= 64);
  std::vector<std::uint64_t> input_words(lowered.aig.input_count(), 0);
  for (std::size_t pattern = 0; pattern < vectors.size(); ++pattern) {
    std::vector<mpz_class> encoded =
        rnncc::arith::encode_inputs(circuit, lowered, vectors[pattern]);
    std::size_t offset = 0;
    for (std::size_t i = 0; i < encoded.size(); ++i) {
      const std::size_t width = lowered.inputs[i].value.bits.size();
      for (std::size_t bit = 0; bit < width; ++bit) {
        if (mpz_tstbit(encoded[i].get_mpz_t(), bit) != 0) {
          input_words[offset + bit] |= std::uint64_t{1} << pattern;
        }
      }
      offset += width;
    }
    REQUIRE(offset == lowered.aig.input_count());
  }
  std::vector<std::uint64_t> output_words = rnncc::test::simulate_outputs(lowered.aig, input_words);
  std::vector<std::vector<mpq_class>> results;
  for (std::size_t pattern = 0; pattern < vectors.size(); ++pattern) {
    std::vector<mpz_class> output_patterns;
    std::size_t offset = 0;
    for (const auto& output : lowered.outputs) {
      mpz_class value = 0;
      for (std::size_t bit = 0; bit < output.value.bits.size(); ++bit) {
        if (((output_words[offset + bit] >> pattern) & 1U) != 0) {
          mpz_setbit(value.get_mpz_t(), bit);
        }
      }
      offset += output.value.bits.size();
      output_patterns.push_back(value);
    }
    REQUIRE(offset == lowered.aig.output_count());
    results.push_back(rnncc::arith::decode_outputs(circuit, lowered, output_patterns));
  }
  return results;
}

/// evaluate() on every vector.
std::vector<std::vector<mpq_class>> evaluate_all(const Circuit& circuit,
                                                 const std::vector<InputVector>& vectors) {
  std::vector<std::vector<mpq_class>> values;
  values.reserve(vectors.size());
  for (const InputVector& vector : vectors)
    values.push_back(rnncc::arith::evaluate(circuit, vector));
  return values;
}

/// Checks AIG simulation against `expected` (evaluate()'s values) on every
/// vector, 64 at a time; returns the number of vectors compared (stops at
/// the first mismatch).
std::size_t check_against_evaluation(const Circuit& circuit, const LoweredCircuit& lowered,
                                     const std::vector<InputVector>& vectors,
                                     const std::vector<std::vector<mpq_class>>& expected) {
  std::size_t compared = 0;
  for (std::size_t start = 0; start < vectors.size(); start += 64) {
    std::vector<InputVector> batch(
        vectors.begin() + static_cast<std::ptrdiff_t>(start),
        vectors.begin() + static_cast<std::ptrdiff_t>(std::min(vectors.size(), start + 64)));
    std::vector<std::vector<mpq_class>> simulated = simulate(circuit, lowered, batch);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const std::vector<mpq_class>& wanted = expected[start + i];
      if (simulated[i] != wanted) {
        std::string inputs;
        for (std::size_t j = 0; j < batch[i].size(); ++j) {
          inputs += fmt::format("{} = {}; ", circuit.input_name(static_cast<std::uint32_t>(j)),
                                batch[i][j].get_str());
        }
        CAPTURE(inputs);
        for (std::size_t j = 0; j < wanted.size(); ++j) {
          CAPTURE(circuit.output_name(static_cast<std::uint32_t>(j)));
          CHECK(simulated[i][j].get_str() == wanted[j].get_str());
        }
        return compared;
      }
      ++compared;
    }
  }
  return compared;
}

std::size_t check_against_evaluation(const Circuit& circuit, const LoweredCircuit& lowered,
                                     const std::vector<InputVector>& vectors) {
  return check_against_evaluation(circuit, lowered, vectors, evaluate_all(circuit, vectors));
}

/// Every operation on inputs a and b (domains for exact), including an
/// explicit table on a, and an activation when the format has it.
Circuit mixed_circuit(const std::string& format, const std::optional<ExactDomain>& domain_a,
                      const std::optional<ExactDomain>& domain_b, const mpq_class& low,
                      const mpq_class& high, long shift,
                      const std::optional<Activation>& activation, bool with_table = true) {
  Circuit circuit(parse_format(format));
  NodeId a = circuit.create_input("a", domain_a);
  NodeId b = circuit.create_input("b", domain_b);
  NodeId sum = circuit.create_add(a, b);
  NodeId difference = circuit.create_subtract(a, b);
  NodeId product = circuit.create_multiply(a, b);
  NodeId negated = circuit.create_negate(a);
  NodeId less = circuit.create_less_than(a, b);
  NodeId same = circuit.create_equal(sum, difference);
  NodeId chosen = circuit.create_select(less, product, negated);
  NodeId rectified = circuit.create_relu(difference);
  NodeId clipped = circuit.create_clip(sum, low, high);
  NodeId rescaled = circuit.create_rescale(circuit.create_multiply(chosen, chosen), shift);
  NodeId either = circuit.create_select(same, less, circuit.create_less_than(b, a));
  // An explicit table: -x for listed x, default `low`.
  ExplicitTable table{"negative", {}, low};
  for (const mpq_class& argument : {mpq_class(0), mpq_class(1), mpq_class(2), mpq_class(-1)}) {
    if (rnncc::arith::is_member(circuit.format(), argument)) {
      table.entries.emplace(argument, rnncc::arith::reference::negate(circuit.format(), argument));
    }
  }
  NodeId looked_up = with_table ? circuit.create_lookup(circuit.add_table(table), a) : a;
  circuit.create_output(sum, "sum");
  circuit.create_output(difference, "difference");
  circuit.create_output(product, "product");
  circuit.create_output(negated, "negated");
  circuit.create_output(less, "less");
  circuit.create_output(same, "same");
  circuit.create_output(chosen, "chosen");
  circuit.create_output(rectified, "rectified");
  circuit.create_output(clipped, "clipped");
  circuit.create_output(rescaled, "rescaled");
  circuit.create_output(either, "either");
  circuit.create_output(looked_up, "table");
  circuit.create_output(circuit.create_lookup(Activation::sign, b), "sign");
  if (activation) circuit.create_output(circuit.create_lookup(*activation, b), "activation");
  return circuit;
}

std::vector<ArithmeticArchitecture> architectures() {
  return {{PrefixArchitecture::ripple, MultiplierArchitecture::array},
          {PrefixArchitecture::kogge_stone, MultiplierArchitecture::wallace},
          {PrefixArchitecture::brent_kung, MultiplierArchitecture::dadda},
          {PrefixArchitecture::sklansky, MultiplierArchitecture::wallace},
          {PrefixArchitecture::ladner_fischer, MultiplierArchitecture::array}};
}

/// All pairs (a, b) with a·step_a in [low_a, high_a] etc.
std::vector<InputVector> all_pairs(long low_a, long high_a, const mpq_class& step_a, long low_b,
                                   long high_b, const mpq_class& step_b) {
  std::vector<InputVector> vectors;
  for (long a = low_a; a <= high_a; ++a) {
    for (long b = low_b; b <= high_b; ++b) {
      vectors.push_back({mpq_class(a) * step_a, mpq_class(b) * step_b});
    }
  }
  return vectors;
}

void check_every_architecture(const Circuit& circuit, const std::vector<InputVector>& vectors) {
  const std::vector<std::vector<mpq_class>> expected = evaluate_all(circuit, vectors);
  for (const ArithmeticArchitecture& architecture : architectures()) {
    CAPTURE(rnncc::word::name_of(architecture.adder));
    CAPTURE(rnncc::word::name_of(architecture.multiplier));
    LoweredCircuit lowered = rnncc::arith::lower(circuit, architecture);
    CHECK(rnncc::logic::reachable_and_count(lowered.aig) == lowered.aig.and_count());
    CHECK(check_against_evaluation(circuit, lowered, vectors, expected) == vectors.size());
  }
}

}  // namespace

TEST_CASE("lowering equals evaluation on all operand pairs of small formats") {
  SUBCASE("mod:4") {
    Circuit circuit = mixed_circuit("mod:4", {}, {}, -3, 5, -1, {});
    check_every_architecture(circuit, all_pairs(-8, 7, 1, -8, 7, 1));
  }
  SUBCASE("modp:7") {
    Circuit circuit = mixed_circuit("modp:7", {}, {}, 1, 5, 2, {});
    check_every_architecture(circuit, all_pairs(0, 6, 1, 0, 6, 1));
  }
  SUBCASE("modp:8") {
    Circuit circuit = mixed_circuit("modp:8", {}, {}, 1, 5, -2, {});
    check_every_architecture(circuit, all_pairs(0, 7, 1, 0, 7, 1));
  }
  SUBCASE("fixed:5.2 floor wrap, tanh") {
    Circuit circuit =
        mixed_circuit("fixed:5.2:floor:wrap", {}, {}, mpq_class(-3, 2), 2, 1, Activation::tanh);
    check_every_architecture(circuit,
                             all_pairs(-16, 15, mpq_class(1, 4), -16, 15, mpq_class(1, 4)));
  }
  SUBCASE("fixed:6.3 nearest-even saturate, sigmoid") {
    Circuit circuit = mixed_circuit("fixed:6.3:nearest-even:saturate", {}, {}, mpq_class(-1, 2),
                                    mpq_class(3, 4), 2, Activation::sigmoid);
    check_every_architecture(circuit,
                             all_pairs(-32, 31, mpq_class(1, 8), -32, 31, mpq_class(1, 8)));
  }
  SUBCASE("exact, integer and dyadic domains") {
    Circuit circuit = mixed_circuit("exact", ExactDomain{-5, 6, 1}, ExactDomain{-7, 3, 4},
                                    mpq_class(-1, 2), 3, 2, {});
    check_every_architecture(circuit, all_pairs(-5, 6, 1, -7, 3, mpq_class(1, 4)));
  }
  SUBCASE("exact, a non-dyadic domain") {
    Circuit circuit = mixed_circuit("exact", ExactDomain{-4, 4, 3}, ExactDomain{0, 5, 1},
                                    mpq_class(-1, 3), mpq_class(7, 5), -1, {});
    check_every_architecture(circuit, all_pairs(-4, 4, mpq_class(1, 3), 0, 5, 1));
  }
}

TEST_CASE("lowering equals evaluation on random operands of wide formats") {
  gmp_randclass random(gmp_randinit_default);
  random.seed(42);
  auto draw_signed = [&random](unsigned bits) {
    return mpz_class(random.get_z_bits(bits) - (mpz_class(1) << (bits - 1)));
  };
  const ArithmeticArchitecture architecture{PrefixArchitecture::kogge_stone,
                                            MultiplierArchitecture::dadda};
  SUBCASE("mod:16") {
    Circuit circuit = mixed_circuit("mod:16", {}, {}, -300, 3000, -3, {});
    std::vector<InputVector> vectors;
    for (int i = 0; i < 640; ++i)
      vectors.push_back({mpq_class(draw_signed(16)), mpq_class(draw_signed(16))});
    LoweredCircuit lowered = rnncc::arith::lower(circuit, architecture);
    CHECK(check_against_evaluation(circuit, lowered, vectors) == vectors.size());
  }
  SUBCASE("modp:1000003") {
    Circuit circuit = mixed_circuit("modp:1000003", {}, {}, 17, 900000, 5, {}, false);
    std::vector<InputVector> vectors;
    for (int i = 0; i < 640; ++i) {
      vectors.push_back(
          {mpq_class(random.get_z_range(1000003)), mpq_class(random.get_z_range(1000003))});
    }
    LoweredCircuit lowered = rnncc::arith::lower(circuit, architecture);
    CHECK(check_against_evaluation(circuit, lowered, vectors) == vectors.size());
  }
  SUBCASE("fixed:16.8 nearest-even saturate") {
    Circuit circuit = mixed_circuit("fixed:16.8", {}, {}, -2, mpq_class(33, 4), 3, {});
    std::vector<InputVector> vectors;
    for (int i = 0; i < 640; ++i) {
      unsigned bits = i % 2 == 0 ? 16 : 10;  // small values too: products that fit
      mpq_class a(draw_signed(bits), 256), b(draw_signed(bits), 256);
      a.canonicalize();
      b.canonicalize();
      vectors.push_back({a, b});
    }
    LoweredCircuit lowered = rnncc::arith::lower(circuit, architecture);
    CHECK(check_against_evaluation(circuit, lowered, vectors) == vectors.size());
  }
  SUBCASE("exact with 12-bit dyadic inputs") {
    Circuit circuit = mixed_circuit("exact", ExactDomain{-2048, 2047, 64},
                                    ExactDomain{-1000, 3000, 1}, -7, mpq_class(129, 2), 4, {});
    std::vector<InputVector> vectors;
    std::mt19937_64 generator(5);
    for (int i = 0; i < 640; ++i) {
      mpq_class a(static_cast<long>(generator() % 4096) - 2048, 64);
      a.canonicalize();
      vectors.push_back({a, mpq_class(static_cast<long>(generator() % 4001) - 1000)});
    }
    LoweredCircuit lowered = rnncc::arith::lower(circuit, architecture);
    CHECK(check_against_evaluation(circuit, lowered, vectors) == vectors.size());
  }
}

TEST_CASE("exact lowering of Horner's rule grows widths and stays exact") {
  // p(x) = ((2x + 3)x - 5)x + 7 with x in [-16, 15]: exhaustive.
  Circuit circuit(parse_format("exact"));
  NodeId x = circuit.create_input("x", ExactDomain{-16, 15, 1});
  NodeId accumulator = circuit.create_constant(2);
  for (int coefficient : {3, -5, 7}) {
    accumulator = circuit.create_add(circuit.create_multiply(accumulator, x),
                                     circuit.create_constant(coefficient));
  }
  circuit.create_output(accumulator, "p");
  LoweredCircuit lowered = rnncc::arith::lower(circuit, {});
  std::vector<InputVector> vectors;
  for (long value = -16; value <= 15; ++value)
    vectors.push_back({mpq_class(value)});
  std::vector<std::vector<mpq_class>> simulated = simulate(circuit, lowered, vectors);
  for (std::size_t i = 0; i < vectors.size(); ++i) {
    mpq_class value = vectors[i][0];
    CHECK(simulated[i][0] == ((2 * value + 3) * value - 5) * value + 7);
  }
}

TEST_CASE("AIG words are named name[bit], and unused nodes add no AND") {
  Circuit circuit(parse_format("mod:3"));
  NodeId a = circuit.create_input("a");
  NodeId b = circuit.create_input("b");
  NodeId sum = circuit.create_add(a, b);
  circuit.create_output(sum, "s");
  circuit.create_output(circuit.create_less_than(a, b), "less");
  LoweredCircuit lean = rnncc::arith::lower(circuit, {});
  circuit.create_multiply(circuit.create_multiply(a, b), sum);  // unused
  LoweredCircuit with_unused = rnncc::arith::lower(circuit, {});
  CHECK(with_unused.aig.and_count() == lean.aig.and_count());
  REQUIRE(lean.aig.input_count() == 6);
  CHECK(lean.aig.input_name(0) == "a[0]");
  CHECK(lean.aig.input_name(2) == "a[2]");
  CHECK(lean.aig.input_name(3) == "b[0]");
  REQUIRE(lean.aig.output_count() == 4);
  CHECK(lean.aig.output_name(0) == "s[0]");
  CHECK(lean.aig.output_name(2) == "s[2]");
  CHECK(lean.aig.output_name(3) == "less[0]");
  CHECK(lean.outputs[1].is_boolean);
  CHECK_FALSE(lean.outputs[0].is_boolean);
}

TEST_CASE("the widest value: the format's width, or the exact product's interval") {
  Circuit exact(parse_format("exact"));
  NodeId x = exact.create_input("x", ExactDomain{-8, 7, 1});
  NodeId y = exact.create_input("y", ExactDomain{-8, 7, 1});
  exact.create_output(exact.create_less_than(x, y), "less");
  CHECK(rnncc::arith::lower(exact, {}).widest_value_bits == 4);  // the inputs
  // x·y lies in [-56, 64]; 64 needs 8 signed bits.
  exact.create_output(exact.create_multiply(x, y), "product");
  CHECK(rnncc::arith::lower(exact, {}).widest_value_bits == 8);

  Circuit mod(parse_format("mod:16"));
  NodeId a = mod.create_input("a");
  mod.create_output(mod.create_multiply(a, a), "square");
  CHECK(rnncc::arith::lower(mod, {}).widest_value_bits == 16);
}

TEST_CASE("explicit tables on operands wider than 16 bits are refused with LimitError") {
  // Two results, so that the table is a function of its operand (a table
  // of one result is the constant it gives, and needs no table).
  Circuit circuit(parse_format("mod:17"));
  NodeId a = circuit.create_input("a");
  circuit.create_output(
      circuit.create_lookup(circuit.add_table(ExplicitTable{"t", {{0, 2}}, 1}), a), "y");
  CHECK_THROWS_AS(rnncc::arith::lower(circuit, {}), rnncc::LimitError);
  CHECK_THROWS_AS(rnncc::arith::lower(circuit, {}, nullptr, rnncc::arith::ExactLowering::binary,
                                      rnncc::arith::Narrowing::off),
                  rnncc::LimitError);
}

TEST_CASE("lowering a chain 200,000 operations deep") {
  Circuit circuit(parse_format("mod:3"));
  NodeId a = circuit.create_input("a");
  NodeId x = circuit.create_input("x");
  NodeId state = x;
  const int steps = 100000;
  for (int t = 0; t < steps; ++t)
    state = circuit.create_add(circuit.create_multiply(state, a), x);
  circuit.create_output(state, "h");
  LoweredCircuit lowered =
      rnncc::arith::lower(circuit, {PrefixArchitecture::ripple, MultiplierArchitecture::array});
  CHECK(lowered.aig.depth() >= static_cast<std::uint32_t>(steps));
  std::vector<InputVector> vectors;
  for (long av = -4; av <= 3; ++av) {
    for (long xv = -4; xv <= 3; ++xv)
      vectors.push_back({mpq_class(av), mpq_class(xv)});
  }
  std::vector<std::vector<mpq_class>> simulated = simulate(circuit, lowered, vectors);
  for (std::size_t i = 0; i < vectors.size(); ++i) {
    long av = vectors[i][0].get_num().get_si();
    long xv = vectors[i][1].get_num().get_si();
    long h = xv;
    for (int t = 0; t < steps; ++t)
      h = (((h * av + xv) % 8) + 8 + 4) % 8 - 4;
    CAPTURE(av);
    CAPTURE(xv);
    CHECK(simulated[i][0] == h);
  }
}
