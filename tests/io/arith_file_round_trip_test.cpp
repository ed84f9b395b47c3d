// `.arith` files: hand-written files read with known values and depths, and
// circuits written and read back with the same counts, depths and values.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <gmpxx.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/arith/circuit_evaluation.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/arith_file.hpp"

namespace {

using rnncc::arith::Activation;
using rnncc::arith::Circuit;
using rnncc::arith::ExactDomain;
using rnncc::arith::ExplicitTable;
using rnncc::arith::NodeId;
using rnncc::arith::OperationKind;
using rnncc::arith::parse_format;

/// A random admissible value of input i: a member of a finite format
/// (drawn as k · resolution in its range) or k / denominator in the domain.
mpq_class random_input(const Circuit& circuit, std::uint32_t i, gmp_randclass& random) {
  if (const auto& domain = circuit.input_domain(i)) {
    mpz_class k = domain->low + random.get_z_range(mpz_class(domain->high - domain->low + 1));
    mpq_class value(k, domain->denominator);
    value.canonicalize();
    return value;
  }
  const auto range = rnncc::arith::representable_range(circuit.format());
  const mpq_class step = rnncc::arith::resolution(circuit.format());
  mpq_class steps = (range.highest - range.lowest) / step;
  mpq_class value = range.lowest + mpq_class(random.get_z_range(steps.get_num() + 1)) * step;
  return value;
}

/// Same statistics and the same outputs on `trials` random input vectors.
void check_same_circuit(const Circuit& original, const Circuit& read, int trials) {
  const auto expected = original.statistics();
  const auto actual = read.statistics();
  CHECK(actual.operation_counts == expected.operation_counts);
  CHECK(actual.node_count == expected.node_count);
  CHECK(actual.input_count == expected.input_count);
  CHECK(actual.output_count == expected.output_count);
  CHECK(actual.arithmetic_depth == expected.arithmetic_depth);
  CHECK(actual.multiplicative_depth == expected.multiplicative_depth);
  CHECK(read.format() == original.format());
  REQUIRE(read.input_count() == original.input_count());
  for (std::uint32_t i = 0; i < original.input_count(); ++i) {
    CHECK(read.input_name(i) == original.input_name(i));
  }
  for (std::uint32_t i = 0; i < original.output_count(); ++i) {
    CHECK(read.output_name(i) == original.output_name(i));
  }
  gmp_randclass random(gmp_randinit_default);
  random.seed(99);
  for (int trial = 0; trial < trials; ++trial) {
    std::vector<mpq_class> inputs;
    for (std::uint32_t i = 0; i < original.input_count(); ++i) {
      inputs.push_back(random_input(original, i, random));
    }
    CHECK(rnncc::arith::evaluate(read, inputs) == rnncc::arith::evaluate(original, inputs));
  }
}

/// A circuit using every kind of node, parameter and value type.
Circuit every_kind(const std::string& format, bool exact) {
  Circuit circuit(parse_format(format));
  auto domain = [exact](long low, long high, long denominator) {
    return exact ? std::optional<ExactDomain>(ExactDomain{low, high, denominator}) : std::nullopt;
  };
  NodeId a = circuit.create_input("a", domain(-20, 20, 4));
  NodeId b = circuit.create_input("b[3]", domain(-5, 9, 1));
  NodeId c = circuit.create_input("c.x", domain(0, 3, 1));
  const bool fixed = std::holds_alternative<rnncc::arith::FixedFormat>(circuit.format());
  const bool divides = exact || fixed;
  ExplicitTable table{"steps", {}, 1};
  table.entries.emplace(0, 2);
  table.entries.emplace(1, 3);
  table.entries.emplace(2, 0);
  if (exact) table.entries.emplace(mpq_class(1, 2), mpq_class(-7, 3));
  auto table_id = circuit.add_table(table);
  NodeId sum = circuit.create_add(a, b);
  NodeId product = circuit.create_multiply(sum, circuit.create_negate(c));
  NodeId scaled = circuit.create_rescale(product, divides ? 2 : -2);
  NodeId less = circuit.create_less_than(scaled, b);
  NodeId equal = circuit.create_equal(a, c);
  NodeId both = circuit.create_select(less, equal, circuit.create_boolean_constant(false));
  NodeId chosen = circuit.create_select(both, scaled, circuit.create_subtract(a, c));
  NodeId rectified = circuit.create_relu(chosen);
  const bool residues = std::holds_alternative<rnncc::arith::ResidueFormat>(circuit.format());
  NodeId clipped = circuit.create_clip(chosen, residues ? 1 : -2, 3);
  NodeId looked_up = circuit.create_lookup(table_id, c);
  NodeId signed_value = circuit.create_lookup(Activation::sign, clipped);
  NodeId constant = circuit.create_constant(exact ? mpq_class(-22, 7) : mpq_class(5));
  circuit.create_output(circuit.create_add(rectified, constant), "y");
  circuit.create_output(both, "flag");
  circuit.create_output(looked_up, "table");
  circuit.create_output(signed_value, "sign");
  circuit.create_output(circuit.create_boolean_constant(true), "always");
  if (fixed) circuit.create_output(circuit.create_lookup(Activation::tanh, a), "tanh");
  return circuit;
}

}  // namespace

TEST_CASE("a hand-written file: Horner's rule with known value and depths") {
  const std::string text =
      "# Horner evaluation of 3x^2 - 2x + 1/2 in Q\n"
      "rnncc-arith 1 exact\n"
      "n0 = input x [-8, 7]\n"
      "n1 = const 3\n"
      "n2 = mul n1 n0\n"
      "n3 = const -2\n"
      "n4 = add n2 n3\n"
      "n5 = mul n4 n0\n"
      "n6 = const 1/2\n"
      "n7 = add n5 n6\n"
      "output y n7\n";
  Circuit circuit = rnncc::io::parse_arith(text, "horner.arith");
  CHECK(circuit.arithmetic_depth() == 4);
  // 3 · x scales by a constant; (3x - 2) · x multiplies two variables.
  CHECK(circuit.multiplicative_depth() == 1);
  CHECK(circuit.operation_count(OperationKind::multiply) == 2);
  CHECK(circuit.operation_count(OperationKind::add) == 2);
  CHECK(circuit.operation_count(OperationKind::constant) == 3);
  for (int x = -8; x <= 7; ++x) {
    CAPTURE(x);
    mpq_class expected = mpq_class(3 * x * x - 2 * x) + mpq_class(1, 2);
    CHECK(rnncc::arith::evaluate(circuit, {mpq_class(x)}) == std::vector<mpq_class>{expected});
  }
}

TEST_CASE("reading accepts comments, blank lines, CRLF, decimals, any node names and spacing") {
  const std::string text =
      "\n"
      "   # leading comment\r\n"
      "rnncc-arith 1 fixed:8.4:floor:wrap   # the format\r\n"
      "\n"
      "table half default 0 1:1/2 2:1 -1:-0.5\n"
      "x = input left\n"
      "y_2 = input right\t# tabs too\n"
      "k = const 0.75\n"
      "s = add x   k\n"
      "t = lookup half y_2\n"
      "u = lookup hardtanh s\n"
      "flag = lt s t\n"
      "v = select flag t u\n"
      "output out v\n";
  Circuit circuit = rnncc::io::parse_arith(text, "loose.arith");
  REQUIRE(circuit.input_count() == 2);
  CHECK(circuit.input_name(1) == "right");
  for (int left = -128; left < 128; left += 7) {
    for (int right : {-1, 0, 1, 2, 3}) {
      mpq_class l(left, 16);
      l.canonicalize();
      // s = l + 3/4 wrapped into [-8, 8); t = half(right); u = clamp(s, -1, 1)
      mpq_class s = l + mpq_class(3, 4);
      if (s >= 8) s -= 16;
      mpq_class t = right == 1    ? mpq_class(1, 2)
                    : right == 2  ? mpq_class(1)
                    : right == -1 ? mpq_class(-1, 2)
                                  : mpq_class(0);
      mpq_class u = std::min(std::max(s, mpq_class(-1)), mpq_class(1));
      mpq_class expected = s < t ? t : u;
      CAPTURE(left);
      CAPTURE(right);
      CHECK(rnncc::arith::evaluate(circuit, {l, mpq_class(right)}) ==
            std::vector<mpq_class>{expected});
    }
  }
}

TEST_CASE("exact domains with denominators and spacing variants") {
  for (const char* domain : {"[-6, 6] / 4", "[-6,6]/4", "[ -6 , 6 ] /4"}) {
    CAPTURE(domain);
    Circuit circuit = rnncc::io::parse_arith(
        fmt::format("rnncc-arith 1 exact\nn0 = input x {}\noutput y n0\n", domain), "d.arith");
    const auto& parsed = circuit.input_domain(0);
    REQUIRE(parsed.has_value());
    CHECK(parsed->low == -6);
    CHECK(parsed->high == 6);
    CHECK(parsed->denominator == 4);
  }
}

TEST_CASE("duplicate lines are merged on reading, never changing the function") {
  const std::string text =
      "rnncc-arith 1 mod:8\n"
      "a = input a\n"
      "b = input b\n"
      "s1 = add a b\n"
      "s2 = add b a\n"
      "z = const 0\n"
      "s3 = add s1 z\n"
      "p = mul s2 s3\n"
      "output p p\n";
  Circuit circuit = rnncc::io::parse_arith(text, "merge.arith");
  CHECK(circuit.node_count() == 5);  // a, b, a+b, 0, (a+b)^2
  for (int a = -128; a < 128; a += 17) {
    for (int b = -128; b < 128; b += 13) {
      long square = (a + b) * (a + b);
      long wrapped = ((square % 256) + 256 + 128) % 256 - 128;
      CHECK(rnncc::arith::evaluate(circuit, {a, b}) == std::vector<mpq_class>{wrapped});
    }
  }
}

TEST_CASE("write then read gives the same counts, depths and values in every format") {
  for (const auto& [format, exact] :
       std::vector<std::pair<std::string, bool>>{{"exact", true},
                                                 {"mod:8", false},
                                                 {"modp:13", false},
                                                 {"fixed:10.4:floor:wrap", false},
                                                 {"fixed:12.6:nearest-even:saturate", false}}) {
    CAPTURE(format);
    Circuit original = every_kind(format, exact);
    const std::string text = rnncc::io::format_arith(original);
    Circuit read = rnncc::io::parse_arith(text, "round-trip.arith");
    check_same_circuit(original, read, 200);
    // Writing what was read gives the same text: nodes keep their numbers.
    CHECK(rnncc::io::format_arith(read) == text);
  }
}

TEST_CASE("files are written atomically and read back") {
  const std::filesystem::path directory =
      std::filesystem::temp_directory_path() /
      fmt::format("rnncc-arith-test-{}", std::random_device{}());
  std::filesystem::create_directories(directory);
  const std::filesystem::path path = directory / "circuit.arith";
  Circuit original = every_kind("fixed:10.4", false);
  rnncc::io::write_arith_file(original, path);
  Circuit read = rnncc::io::read_arith_file(path);
  check_same_circuit(original, read, 50);
  // Only the file itself is in the directory: no temporary left behind.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(directory)) {
    ++entries;
  }
  CHECK(entries == 1);
  // A write into a missing directory fails and creates nothing.
  CHECK_THROWS_AS(rnncc::io::write_arith_file(original, directory / "missing" / "x.arith"),
                  rnncc::InputError);
  CHECK_THROWS_WITH_AS(rnncc::io::read_arith_file(directory / "absent.arith"),
                       doctest::Contains("absent.arith"), rnncc::InputError);
  std::filesystem::remove_all(directory);
}

TEST_CASE("a sequential unroll of 200,000 steps round-trips through text") {
  Circuit original(parse_format("mod:12"));
  NodeId a = original.create_input("a");
  NodeId x = original.create_input("x");
  NodeId state = x;
  for (int t = 0; t < 200000; ++t) {
    state = original.create_relu(original.create_add(original.create_multiply(state, a), x));
  }
  original.create_output(state, "h");
  Circuit read = rnncc::io::parse_arith(rnncc::io::format_arith(original), "deep.arith");
  CHECK(read.arithmetic_depth() == 400000);
  CHECK(read.multiplicative_depth() == 200000);
  check_same_circuit(original, read, 2);
}

TEST_CASE("node names n<k> with large or padded k, and other names, resolve alike") {
  const std::string text =
      "rnncc-arith 1 mod:8\n"
      "n5000000 = input a\n"
      "n007 = input b\n"
      "n7 = const 3\n"
      "n99999999999 = mul n5000000 n7\n"
      "weird_Name = sub n99999999999 n007\n"
      "output y weird_Name\n";
  Circuit circuit = rnncc::io::parse_arith(text, "names.arith");
  for (int a = -128; a < 128; a += 11) {
    for (int b = -128; b < 128; b += 23) {
      long value = 3 * a - b;
      long wrapped = ((value % 256) + 256 + 128) % 256 - 128;
      CHECK(rnncc::arith::evaluate(circuit, {a, b}) == std::vector<mpq_class>{wrapped});
    }
  }
  CHECK_THROWS_WITH_AS(rnncc::io::parse_arith(text + "n007 = const 1\n", "names.arith"),
                       doctest::Contains("names.arith:8: expected a new node name"),
                       rnncc::InputError);
  CHECK_THROWS_WITH_AS(rnncc::io::parse_arith(text + "n5000000 = const 1\n", "names.arith"),
                       doctest::Contains("already defined on line 2"), rnncc::InputError);
  CHECK_THROWS_WITH_AS(rnncc::io::parse_arith(text + "z = neg n70\n", "names.arith"),
                       doctest::Contains("'n70'"), rnncc::InputError);
}
