#include <doctest/doctest.h>

#include <random>

#include "rnncc/logic/cleanup.hpp"
#include "support/simulate.hpp"

using rnncc::logic::Aig;
using rnncc::logic::Literal;

TEST_CASE("remove_dangling keeps exactly the output cones, the function and the depth") {
  Aig aig;
  Literal a = aig.create_input("a");
  Literal b = aig.create_input("b");
  Literal c = aig.create_input("c");
  Literal used = aig.create_and(a, !b);
  aig.create_and(b, c);                      // dangling
  aig.create_and(aig.create_and(a, c), !b);  // two dangling
  Literal out = aig.create_and(used, c);
  aig.create_output(!out, "y");
  aig.comments().push_back("note");
  CHECK(aig.and_count() == 5);
  CHECK(rnncc::logic::reachable_and_count(aig) == 2);

  Aig clean = rnncc::logic::remove_dangling(aig);
  CHECK(clean.and_count() == 2);
  CHECK(clean.input_count() == 3);
  CHECK(clean.input_name(2) == "c");
  CHECK(clean.output_name(0) == "y");
  CHECK(clean.comments() == aig.comments());
  CHECK(clean.depth() == aig.depth());
  std::vector<std::uint64_t> inputs = {0b10101010, 0b11001100, 0b11110000};
  CHECK(rnncc::test::simulate_outputs(clean, inputs) == rnncc::test::simulate_outputs(aig, inputs));
}

TEST_CASE("remove_dangling on random circuits preserves outputs on random patterns") {
  std::mt19937_64 random(5);
  Aig aig;
  std::vector<Literal> literals;
  for (int i = 0; i < 20; ++i)
    literals.push_back(aig.create_input());
  for (int i = 0; i < 5000; ++i) {
    Literal x = literals[random() % literals.size()] ^ static_cast<bool>(random() & 1);
    Literal y = literals[random() % literals.size()] ^ static_cast<bool>(random() & 1);
    literals.push_back(aig.create_and(x, y));
  }
  for (int i = 0; i < 10; ++i)
    aig.create_output(literals[random() % literals.size()]);
  Aig clean = rnncc::logic::remove_dangling(aig);
  CHECK(clean.and_count() == rnncc::logic::reachable_and_count(aig));
  CHECK(clean.and_count() < aig.and_count());
  std::vector<std::uint64_t> inputs(20);
  for (auto& word : inputs)
    word = random();
  CHECK(rnncc::test::simulate_outputs(clean, inputs) == rnncc::test::simulate_outputs(aig, inputs));
  CHECK(clean.depth() == aig.depth());
}
