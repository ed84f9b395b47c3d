// Small AIGER files whose structure and bytes are derived by hand (the
// examples of the AIGER format description: and gate, or gate, half adder).
#include <doctest/doctest.h>

#include <string>

#include "rnncc/io/aiger.hpp"
#include "support/simulate.hpp"

using rnncc::io::AigerFormat;
using rnncc::io::read_aiger;
using rnncc::io::write_aiger;
using rnncc::logic::Aig;
using rnncc::logic::Literal;

namespace {

/// Input words enumerating all 2^n assignments of n <= 6 inputs: bit p of
/// input i is bit i of p.
std::vector<std::uint64_t> exhaustive_patterns(unsigned input_count) {
  std::vector<std::uint64_t> words(input_count, 0);
  for (unsigned pattern = 0; pattern < (1U << input_count); ++pattern) {
    for (unsigned i = 0; i < input_count; ++i) {
      if ((pattern >> i) & 1U) words[i] |= std::uint64_t{1} << pattern;
    }
  }
  return words;
}

/// The truth table of output `output` over all 2^n patterns (low 2^n bits).
std::uint64_t truth_table(const Aig& aig, unsigned output) {
  const unsigned n = aig.input_count();
  std::uint64_t mask = n == 6 ? ~std::uint64_t{0} : (std::uint64_t{1} << (1U << n)) - 1;
  return rnncc::test::simulate_outputs(aig, exhaustive_patterns(n)).at(output) & mask;
}

}  // namespace

// Truth tables over (x = input 0, y = input 1), pattern p = x + 2y:
// x&y = 0b1000, x|y = 0b1110, x^y = 0b0110.

TEST_CASE("reads the AIGER and gate") {
  Aig aig = read_aiger("aag 3 2 0 1 1\n2\n4\n6\n6 2 4\n", "and.aag");
  CHECK(aig.input_count() == 2);
  CHECK(aig.output_count() == 1);
  CHECK(aig.and_count() == 1);
  CHECK(aig.depth() == 1);
  CHECK(truth_table(aig, 0) == 0b1000);
  CHECK(aig.input_name(0).empty());
  CHECK(aig.comments().empty());
}

TEST_CASE("reads the AIGER or gate (complemented edges)") {
  Aig aig = read_aiger("aag 3 2 0 1 1\n2\n4\n7\n6 3 5\n", "or.aag");
  CHECK(aig.and_count() == 1);
  CHECK(aig.output(0).is_complemented());
  CHECK(truth_table(aig, 0) == 0b1110);
}

TEST_CASE("reads constant outputs and an empty circuit") {
  Aig aig = read_aiger("aag 0 0 0 2 0\n0\n1\n", "constants.aag");
  CHECK(aig.output(0) == rnncc::logic::false_literal);
  CHECK(aig.output(1) == rnncc::logic::true_literal);
  Aig empty = read_aiger("aag 0 0 0 0 0\n", "empty.aag");
  CHECK(empty.node_count() == 1);
}

TEST_CASE("reads the ASCII half adder with ANDs out of order, symbols and comments") {
  const std::string text =
      "aag 7 2 0 2 3\n2\n4\n6\n12\n6 13 15\n12 2 4\n14 3 5\n"
      "i0 x\ni1 y\no0 s\no1 c\nc\nhalf adder\n";
  Aig aig = read_aiger(text, "half_adder.aag");
  CHECK(aig.input_count() == 2);
  CHECK(aig.output_count() == 2);
  CHECK(aig.and_count() == 3);
  CHECK(aig.depth() == 2);
  CHECK(aig.level(aig.output(0)) == 2);
  CHECK(aig.level(aig.output(1)) == 1);
  CHECK(truth_table(aig, 0) == 0b0110);
  CHECK(truth_table(aig, 1) == 0b1000);
  CHECK(aig.input_name(0) == "x");
  CHECK(aig.input_name(1) == "y");
  CHECK(aig.output_name(0) == "s");
  CHECK(aig.output_name(1) == "c");
  REQUIRE(aig.comments().size() == 1);
  CHECK(aig.comments()[0] == "half adder");
}

namespace {

/// The half adder built as in the binary example of the AIGER description.
Aig half_adder() {
  Aig aig;
  Literal x = aig.create_input("x");
  Literal y = aig.create_input("y");
  Literal carry = aig.create_and(x, y);              // variable 3: 6 = 4 & 2
  Literal both_zero = aig.create_and(!x, !y);        // variable 4: 8 = 5 & 3
  Literal sum = aig.create_and(!carry, !both_zero);  // variable 5: 10 = 9 & 7
  aig.create_output(sum, "s");
  aig.create_output(carry, "c");
  aig.comments().push_back("half adder");
  return aig;
}

// Deltas (lhs - rhs0, rhs0 - rhs1): (6-4, 4-2) = (2, 2); (8-5, 5-3) = (3, 2);
// (10-9, 9-7) = (1, 2).
const std::string half_adder_binary = std::string("aig 5 2 0 2 3\n10\n6\n") +
                                      "\x02\x02\x03\x02\x01\x02" +
                                      "i0 x\ni1 y\no0 s\no1 c\nc\nhalf adder\n";

const std::string half_adder_ascii =
    "aag 5 2 0 2 3\n2\n4\n10\n6\n6 4 2\n8 5 3\n10 9 7\ni0 x\ni1 y\no0 s\no1 c\nc\nhalf adder\n";

}  // namespace

TEST_CASE("writes the half adder exactly as the AIGER description's binary example") {
  CHECK(write_aiger(half_adder(), AigerFormat::binary) == half_adder_binary);
  CHECK(write_aiger(half_adder(), AigerFormat::ascii) == half_adder_ascii);
}

TEST_CASE("reads the binary half adder") {
  Aig aig = read_aiger(half_adder_binary, "half_adder.aig");
  CHECK(aig.and_count() == 3);
  CHECK(aig.depth() == 2);
  CHECK(truth_table(aig, 0) == 0b0110);
  CHECK(truth_table(aig, 1) == 0b1000);
  CHECK(aig.output_name(1) == "c");
  CHECK(aig.comments() == std::vector<std::string>{"half adder"});
}

TEST_CASE("writer renumbers inputs created after ANDs before all ANDs") {
  Aig aig;
  Literal x = aig.create_input();
  Literal y = aig.create_input();
  Literal xy = aig.create_and(x, y);  // node 3, becomes variable 4
  Literal z = aig.create_input();     // node 4, becomes variable 3
  Literal out = aig.create_and(xy, !z);
  aig.create_output(out);
  CHECK(write_aiger(aig, AigerFormat::ascii) == "aag 5 3 0 1 2\n2\n4\n6\n10\n8 4 2\n10 8 7\n");
  // Binary deltas: (8-4, 4-2) = (4, 2); (10-8, 8-7) = (2, 1).
  CHECK(write_aiger(aig, AigerFormat::binary) ==
        std::string("aig 5 3 0 1 2\n10\n") + "\x04\x02\x02\x01");
}

TEST_CASE("ANDs no output depends on are not written") {
  Aig aig;
  Literal x = aig.create_input();
  Literal y = aig.create_input();
  aig.create_and(x, y);                          // node 3: dangling
  Literal kept = aig.create_and(!x, y);          // node 4: variable 3
  Literal unused_top = aig.create_and(kept, x);  // node 5: dangling
  (void)unused_top;
  aig.create_output(!kept);
  CHECK(aig.and_count() == 3);
  CHECK(write_aiger(aig, AigerFormat::ascii) == "aag 3 2 0 1 1\n2\n4\n7\n6 4 3\n");
  Aig inputs_only;
  inputs_only.create_input();
  inputs_only.create_output(rnncc::logic::true_literal);
  CHECK(write_aiger(inputs_only, AigerFormat::ascii) == "aag 1 1 0 1 0\n2\n1\n");
}

TEST_CASE("binary varints use 7 bits per byte, low bits first") {
  // 200 inputs; one AND of inputs 1 and 200: lhs 402, rhs0 400, rhs1 2.
  // delta0 = 2, delta1 = 398 = 0b11_0001110 -> bytes 0x8e 0x03.
  Aig aig;
  std::vector<Literal> inputs;
  for (int i = 0; i < 200; ++i)
    inputs.push_back(aig.create_input());
  aig.create_output(aig.create_and(inputs[0], inputs[199]));
  CHECK(write_aiger(aig, AigerFormat::binary) ==
        std::string("aig 201 200 0 1 1\n402\n") + "\x02\x8e\x03");
  Aig back = read_aiger(write_aiger(aig, AigerFormat::binary), "wide.aig");
  CHECK(back.fanin0(back.output(0).node()) == Literal::of(back.input_node(0)));
  CHECK(back.fanin1(back.output(0).node()) == Literal::of(back.input_node(199)));
}

TEST_CASE("duplicate and simplifiable ANDs in a file are merged by structural hashing") {
  // 6 = x&y, 8 = y&x (duplicate), 10 = x&x (simplifies to x), 12 = 6&!6 (0).
  Aig aig = read_aiger("aag 6 2 0 3 4\n2\n4\n8\n10\n12\n6 2 4\n8 4 2\n10 2 2\n12 6 7\n", "dup.aag");
  CHECK(aig.and_count() == 1);
  CHECK(aig.output(0) == Literal::of(3));
  CHECK(aig.output(1) == Literal::of(aig.input_node(0)));
  CHECK(aig.output(2) == rnncc::logic::false_literal);
}

TEST_CASE("M may exceed I + A in ASCII files: unused variables are allowed") {
  Aig aig = read_aiger("aag 1000000000 1 0 1 1\n2\n2000000000\n2000000000 3 2\n", "sparse.aag");
  CHECK(aig.and_count() == 0);  // !x & x simplifies
  CHECK(aig.output(0) == rnncc::logic::false_literal);
}

TEST_CASE("the comment section: lines after 'c', also when 'c' is not followed by a newline") {
  const std::string body = "aag 1 1 0 1 0\n2\n3\n";
  CHECK(read_aiger(body + "c\none\n\nthree", "c.aag").comments() ==
        std::vector<std::string>{"one", "", "three"});
  CHECK(read_aiger(body + "c", "c.aag").comments().empty());
  CHECK(read_aiger(body + "c\n", "c.aag").comments().empty());
  // ABC's &w puts binary extension data right after 'c'.
  CHECK(read_aiger(body + "cn\x01x\nmore\n", "c.aag").comments() ==
        std::vector<std::string>{"n\x01x", "more"});
  // Symbol-like text inside the comment section is comment text.
  CHECK(read_aiger(body + "c\ni0 x\n", "c.aag").input_name(0).empty());
}
