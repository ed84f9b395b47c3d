// In-place removal of dangling ANDs against the simple simulator and
// against hand-counted cones; hashing resumes correctly afterwards.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <random>

#include "rnncc/logic/cleanup.hpp"
#include "support/simulate.hpp"

using rnncc::logic::Aig;
using rnncc::logic::Literal;

TEST_CASE("remove_dangling_in_place keeps the outputs' function, levels and input names") {
  std::mt19937_64 random(5);
  for (int trial = 0; trial < 20; ++trial) {
    Aig aig;
    std::vector<Literal> pool;
    for (int i = 0; i < 12; ++i)
      pool.push_back(aig.create_input(fmt::format("i{}", i)));
    for (int i = 0; i < 400; ++i) {
      Literal a = pool[random() % pool.size()] ^ (random() % 2 == 0);
      Literal b = pool[random() % pool.size()] ^ (random() % 2 == 0);
      pool.push_back(aig.create_and(a, b));
    }
    for (int o = 0; o < 5; ++o)
      aig.create_output(pool[pool.size() - 1 - random() % 200] ^ (o % 2 == 0),
                        fmt::format("o{}", o));
    std::vector<std::uint64_t> inputs(aig.input_count());
    for (auto& word : inputs)
      word = random();
    const std::vector<std::uint64_t> before = rnncc::test::simulate_outputs(aig, inputs);
    std::vector<std::uint32_t> levels;
    for (std::uint32_t o = 0; o < aig.output_count(); ++o)
      levels.push_back(aig.level(aig.output(o)));
    const std::uint32_t reachable = rnncc::logic::reachable_and_count(aig);
    const std::uint32_t input_node = aig.input_node(7);
    const std::vector<rnncc::logic::NodeIndex> new_index = aig.remove_dangling_in_place();
    CHECK(aig.and_count() == reachable);
    CHECK(rnncc::logic::reachable_and_count(aig) == reachable);
    CHECK(new_index[input_node] == aig.input_node(7));
    CHECK(aig.input_name(7) == "i7");
    CHECK(rnncc::test::simulate_outputs(aig, inputs) == before);
    for (std::uint32_t o = 0; o < aig.output_count(); ++o)
      CHECK(aig.level(aig.output(o)) == levels[o]);
    // Hashing resumes: an AND of two existing fan-ins is found, not duplicated.
    const std::uint32_t node = aig.output(0).node();
    if (aig.is_and(node)) {
      const std::uint32_t count = aig.and_count();
      CHECK(aig.create_and(aig.fanin0(node), aig.fanin1(node)).node() == node);
      CHECK(aig.and_count() == count);
    }
  }
}
