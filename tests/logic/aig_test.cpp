#include <doctest/doctest.h>

#include <random>

#include "rnncc/common/error.hpp"
#include "rnncc/common/size_limits.hpp"
#include "rnncc/logic/aig.hpp"
#include "support/simulate.hpp"

using rnncc::logic::Aig;
using rnncc::logic::false_literal;
using rnncc::logic::Literal;
using rnncc::logic::true_literal;

TEST_CASE("trivial simplifications return constants or operands without new nodes") {
  Aig aig;
  Literal x = aig.create_input("x");
  CHECK(aig.create_and(x, false_literal) == false_literal);
  CHECK(aig.create_and(false_literal, x) == false_literal);
  CHECK(aig.create_and(x, true_literal) == x);
  CHECK(aig.create_and(true_literal, !x) == !x);
  CHECK(aig.create_and(x, x) == x);
  CHECK(aig.create_and(x, !x) == false_literal);
  CHECK(aig.and_count() == 0);
}

TEST_CASE("structural hashing finds the same AND regardless of operand order") {
  Aig aig;
  Literal a = aig.create_input();
  Literal b = aig.create_input();
  Literal ab = aig.create_and(a, b);
  CHECK(aig.create_and(b, a) == ab);
  CHECK(aig.create_and(!a, b) != ab);
  CHECK(aig.and_count() == 2);
  CHECK(aig.fanin0(ab.node()) <= aig.fanin1(ab.node()));
}

TEST_CASE("levels: inputs 0, AND one more than its deepest fan-in, inverters free") {
  Aig aig;
  Literal a = aig.create_input();
  Literal b = aig.create_input();
  Literal c = aig.create_input();
  Literal ab = aig.create_and(a, !b);
  Literal abc = aig.create_and(!ab, c);
  CHECK(aig.level(a) == 0);
  CHECK(aig.level(ab) == 1);
  CHECK(aig.level(abc) == 2);
  CHECK(aig.create_xor(a, b).node() != 0);
  CHECK(aig.level(aig.create_xor(a, b)) == 2);
  aig.create_output(!abc, "out");
  aig.create_output(a);
  CHECK(aig.depth() == 2);
  CHECK(aig.output_name(0) == "out");
}

TEST_CASE("a chain of 10^6 ANDs has depth 10^6 (levels are not bounded by small counters)") {
  Aig aig;
  Literal x = aig.create_input();
  for (int i = 0; i < 1'000'000; ++i)
    x = aig.create_and(aig.create_input(), !x);
  aig.create_output(x);
  CHECK(aig.depth() == 1'000'000);
}

TEST_CASE("xor, mux and majority compute their truth tables") {
  Aig aig;
  Literal a = aig.create_input();
  Literal b = aig.create_input();
  Literal c = aig.create_input();
  aig.create_output(aig.create_xor(a, b));
  aig.create_output(aig.create_mux(a, b, c));
  aig.create_output(aig.create_majority(a, b, c));
  // Patterns 0..7 enumerate (a, b, c) as bits 0, 1, 2 of the pattern index.
  std::vector<std::uint64_t> inputs = {0b10101010, 0b11001100, 0b11110000};
  auto out = rnncc::test::simulate_outputs(aig, inputs);
  for (unsigned p = 0; p < 8; ++p) {
    bool va = p & 1, vb = p & 2, vc = p & 4;
    CHECK(((out[0] >> p) & 1) == static_cast<unsigned>(va != vb));
    CHECK(((out[1] >> p) & 1) == static_cast<unsigned>(va ? vb : vc));
    CHECK(((out[2] >> p) & 1) == static_cast<unsigned>((va + vb + vc) >= 2));
  }
}

TEST_CASE("hashing stays exact across table growth: rebuilding a random AIG adds no node") {
  Aig aig;
  std::mt19937_64 random(7);
  std::vector<Literal> literals;
  for (int i = 0; i < 64; ++i)
    literals.push_back(aig.create_input());
  std::vector<std::pair<Literal, Literal>> made;
  for (int i = 0; i < 200'000; ++i) {
    Literal a = literals[random() % literals.size()] ^ static_cast<bool>(random() & 1);
    Literal b = literals[random() % literals.size()] ^ static_cast<bool>(random() & 1);
    literals.push_back(aig.create_and(a, b));
    made.emplace_back(a, b);
  }
  const auto before = aig.and_count();
  for (std::size_t i = 0; i < made.size(); ++i) {
    CHECK_EQ(aig.create_and(made[i].second, made[i].first), literals[64 + i]);
  }
  CHECK(aig.and_count() == before);
}

TEST_CASE("hashing stays exact when node indices pass 2^24 (slots widen from 3 to 4 bytes)") {
  Aig aig;
  constexpr std::uint32_t target = (1U << 24) + 5000;
  std::vector<Literal> literals;
  literals.reserve(target);
  for (int i = 0; i < 8; ++i)
    literals.push_back(aig.create_input());
  while (aig.node_count() < target) {
    std::size_t n = literals.size();
    literals.push_back(aig.create_and(literals[n - 1], !literals[n - 7]));
  }
  const auto before = aig.and_count();
  for (std::size_t n : {std::size_t{8}, std::size_t{9}, std::size_t{1} << 20, std::size_t{1} << 24,
                        literals.size() - 1}) {
    CHECK_EQ(aig.create_and(!literals[n - 7], literals[n - 1]), literals[n]);
  }
  CHECK(aig.and_count() == before);
  CHECK(aig.level(literals.back()) == literals.size() - 8);
}

TEST_CASE("an AND beyond the size limit is a LimitError, counted when the Aig is created") {
  rnncc::SizeLimits& limits = rnncc::size_limits();
  const rnncc::SizeLimits saved = limits;
  limits.max_and_count = 3;
  Aig aig;
  limits = saved;
  const Literal a = aig.create_input();
  const Literal b = aig.create_input();
  const Literal c = aig.create_input();
  const Literal ab = aig.create_and(a, b);
  const Literal bc = aig.create_and(b, c);
  const Literal ac = aig.create_and(a, c);
  CHECK(aig.and_count() == 3);
  CHECK(aig.create_and(b, a) == ab);  // found by hashing: no new AND
  CHECK_THROWS_AS(aig.create_and(ab, bc), rnncc::LimitError);
  CHECK_THROWS_AS(aig.create_and(ac, c), rnncc::LimitError);
  CHECK(aig.and_count() == 3);
}
