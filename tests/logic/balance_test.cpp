#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <utility>
#include <vector>

#include "rnncc/logic/balance.hpp"
#include "rnncc/logic/cleanup.hpp"
#include "support/simulate.hpp"

using rnncc::logic::Aig;
using rnncc::logic::Literal;

namespace {

/// Every one of the 2^n input patterns (n <= 12), 64 per word: bit p of word
/// w of input i is bit i of pattern 64 w + p.
std::vector<std::vector<std::uint64_t>> exhaustive_patterns(std::uint32_t inputs) {
  const std::uint64_t patterns = std::uint64_t{1} << inputs;
  const std::uint64_t words = (patterns + 63) / 64;
  std::vector<std::vector<std::uint64_t>> blocks(words, std::vector<std::uint64_t>(inputs, 0));
  for (std::uint64_t pattern = 0; pattern < patterns; ++pattern) {
    for (std::uint32_t i = 0; i < inputs; ++i) {
      if (((pattern >> i) & 1U) != 0) blocks[pattern / 64][i] |= std::uint64_t{1} << (pattern % 64);
    }
  }
  return blocks;
}

/// True when both circuits give the same outputs on every input pattern.
bool same_function_exhaustively(const Aig& first, const Aig& second) {
  for (const std::vector<std::uint64_t>& block : exhaustive_patterns(first.input_count())) {
    if (rnncc::test::simulate_outputs(first, block) != rnncc::test::simulate_outputs(second, block))
      return false;
  }
  return true;
}

/// A random circuit mixing the structures balance() looks for: long AND
/// chains, XOR chains, multiplexers, and random ANDs with shared fan-outs
/// and complemented edges.
Aig random_circuit(std::uint64_t seed, std::uint32_t inputs, std::uint32_t steps) {
  std::mt19937_64 random(seed);
  Aig aig;
  std::vector<Literal> literals;
  for (std::uint32_t i = 0; i < inputs; ++i)
    literals.push_back(aig.create_input(fmt::format("x{}", i)));
  auto pick = [&] {
    // Favour recent nodes, so chains form.
    const std::size_t recent = std::min<std::size_t>(literals.size(), 6);
    const std::size_t index =
        (random() % 3 == 0) ? literals.size() - 1 - random() % recent : random() % literals.size();
    return literals[index] ^ static_cast<bool>(random() & 1);
  };
  for (std::uint32_t step = 0; step < steps; ++step) {
    switch (random() % 4) {
      case 0:
        literals.push_back(aig.create_and(pick(), pick()));
        break;
      case 1:
        literals.push_back(aig.create_xor(pick(), pick()));
        break;
      case 2:
        literals.push_back(aig.create_mux(pick(), pick(), pick()));
        break;
      default: {
        Literal chain = pick();
        for (std::uint64_t k = 1 + random() % 6; k > 0; --k)
          chain = aig.create_and(chain, pick());
        literals.push_back(chain);
      }
    }
  }
  for (std::uint32_t i = 0; i < 1 + seed % 4; ++i)
    aig.create_output(pick(), fmt::format("y{}", i));
  aig.create_output(literals.back(), "last");
  aig.comments().push_back("random circuit");
  return aig;
}

}  // namespace

TEST_CASE("balance: a chain of 15 ANDs over 16 inputs becomes a tree of depth 4") {
  Aig aig;
  Literal chain = aig.create_input("x0");
  for (int i = 1; i < 16; ++i)
    chain = aig.create_and(chain, aig.create_input(fmt::format("x{}", i)));
  aig.create_output(chain, "all");
  REQUIRE(aig.depth() == 15);
  const Aig balanced = rnncc::logic::balance(aig);
  CHECK(balanced.depth() == 4);  // ceil(log2 16)
  CHECK(balanced.and_count() == 15);
  CHECK(same_function_exhaustively(aig, balanced));
  CHECK(balanced.output_name(0) == "all");
  CHECK(balanced.input_name(15) == "x15");
}

TEST_CASE("balance: a 16-input XOR chain becomes a parity tree of depth 8") {
  Aig aig;
  Literal parity = aig.create_input("x0");
  for (int i = 1; i < 16; ++i)
    parity = aig.create_xor(parity, aig.create_input(fmt::format("x{}", i)));
  aig.create_output(parity, "odd");
  aig.create_output(!parity, "even");
  REQUIRE(aig.depth() == 30);
  rnncc::logic::BalanceStatistics statistics;
  const Aig balanced = rnncc::logic::balance(aig, &statistics);
  CHECK(balanced.depth() == 8);  // 4 levels of XOR gates, 2 AND levels each
  CHECK(balanced.and_count() == 45);
  CHECK(statistics.xor_trees == 1);
  CHECK(same_function_exhaustively(aig, balanced));
}

TEST_CASE("balance: leaves arriving late are combined last") {
  // (((d & a) & b) & c) with d sixteen levels deep: the best tree waits for
  // d only once, at depth 17.
  Aig aig;
  Literal a = aig.create_input();
  Literal b = aig.create_input();
  Literal c = aig.create_input();
  Literal d = aig.create_input();
  for (int i = 0; i < 8; ++i)  // multiplexers are not rebuilt: d arrives at level 16
    d = aig.create_mux(aig.create_input(), d, aig.create_input());
  Literal chain = aig.create_and(aig.create_and(aig.create_and(d, a), b), c);
  aig.create_output(chain);
  REQUIRE(aig.depth() == 19);
  const Aig balanced = rnncc::logic::balance(aig);
  CHECK(balanced.depth() == 17);
  CHECK(same_function_exhaustively(aig, balanced));
}

TEST_CASE("balance: repeated and complementary leaves fold") {
  Aig aig;
  Literal a = aig.create_input();
  Literal b = aig.create_input();
  Literal c = aig.create_input();
  Literal d = aig.create_input();
  // a & (b & (d & !a)) is false; a ^ (b ^ (a ^ c)) is b ^ c.
  aig.create_output(aig.create_and(a, aig.create_and(b, aig.create_and(d, !a))));
  aig.create_output(aig.create_xor(a, aig.create_xor(b, aig.create_xor(a, c))));
  const Aig balanced = rnncc::logic::balance(aig);
  CHECK(balanced.output(0) == rnncc::logic::false_literal);
  CHECK(balanced.and_count() == 3);  // one XOR
  CHECK(same_function_exhaustively(aig, balanced));
}

TEST_CASE("balance: shared nodes stay shared and dangling logic goes") {
  Aig aig;
  Literal a = aig.create_input();
  Literal b = aig.create_input();
  Literal c = aig.create_input();
  Literal shared = aig.create_and(a, b);
  aig.create_and(b, c);  // dangling
  aig.create_output(aig.create_and(shared, c));
  aig.create_output(aig.create_and(shared, !c));
  const Aig balanced = rnncc::logic::balance(aig);
  CHECK(balanced.and_count() == 3);
  CHECK(same_function_exhaustively(aig, balanced));
}

TEST_CASE(
    "balance: on 400 random circuits the function holds, no output deepens, no AND is added") {
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    CAPTURE(seed);
    const std::uint32_t inputs = 2 + static_cast<std::uint32_t>(seed % 11);  // 2..12
    const Aig aig = random_circuit(seed, inputs, 20 + static_cast<std::uint32_t>(seed % 150));
    rnncc::logic::BalanceStatistics statistics;
    const Aig balanced = rnncc::logic::balance(aig, &statistics);
    REQUIRE(balanced.input_count() == aig.input_count());
    REQUIRE(balanced.output_count() == aig.output_count());
    for (std::uint32_t i = 0; i < aig.output_count(); ++i) {
      CHECK(balanced.level(balanced.output(i)) <= aig.level(aig.output(i)));
      CHECK(balanced.output_name(i) == aig.output_name(i));
    }
    CHECK(balanced.depth() <= aig.depth());
    CHECK(balanced.and_count() <= rnncc::logic::reachable_and_count(aig));
    CHECK(rnncc::logic::reachable_and_count(balanced) == balanced.and_count());
    CHECK(balanced.comments() == aig.comments());
    CHECK(statistics.kept_as_built == 0);
    CHECK(same_function_exhaustively(aig, balanced));
  }
}

TEST_CASE("balance: balancing again never deepens") {
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    const Aig once = rnncc::logic::balance(random_circuit(seed, 10, 200));
    const Aig twice = rnncc::logic::balance(once);
    CHECK(twice.depth() <= once.depth());
    CHECK(twice.and_count() <= once.and_count());
  }
}

namespace {

/// True when no two AND nodes of `aig` have the same fan-ins (what
/// structural hashing promises), checked with an ordered set.
bool structurally_hashed(const Aig& aig) {
  std::set<std::pair<std::uint32_t, std::uint32_t>> fanins;
  for (rnncc::logic::NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (!aig.is_and(node)) continue;
    if (!fanins.emplace(aig.fanin0(node).code, aig.fanin1(node).code).second) return false;
  }
  return true;
}

/// A random circuit whose trees overlap: several AND and XOR chains over
/// the same few leaves in different orders (so balanced trees meet each
/// other and the ANDs already there), single ANDs of pairs of those
/// leaves, and now and then a repeated or complementary leaf (so trees
/// fold to constants or to a leaf).
Aig overlapping_trees(std::uint64_t seed, std::uint32_t inputs, std::uint32_t steps) {
  std::mt19937_64 random(seed);
  Aig aig;
  std::vector<Literal> literals;
  for (std::uint32_t i = 0; i < inputs; ++i)
    literals.push_back(aig.create_input(fmt::format("x{}", i)));
  std::vector<Literal> pool;  // leaves the chains share
  for (std::uint32_t step = 0; step < steps; ++step) {
    if (pool.empty() || random() % 8 == 0) {
      pool.clear();
      for (std::uint64_t k = 3 + random() % 4; k > 0; --k)
        pool.push_back(literals[random() % literals.size()] ^ static_cast<bool>(random() & 1));
    }
    std::vector<Literal> order = pool;
    std::shuffle(order.begin(), order.end(), random);
    if (random() % 6 == 0) order.push_back(order.front() ^ static_cast<bool>(random() & 1));
    const bool exclusive = random() % 3 == 0;
    Literal chain = order.front();
    for (std::size_t i = 1; i < order.size(); ++i)
      chain = exclusive ? aig.create_xor(chain, order[i]) : aig.create_and(chain, order[i]);
    literals.push_back(chain);
    if (random() % 2 == 0) literals.push_back(aig.create_and(order[0], order[1]));
  }
  for (std::uint32_t i = 0; i < 6; ++i)
    aig.create_output(
        literals[literals.size() - 1 - random() % std::min<std::size_t>(literals.size(), 12)],
        fmt::format("y{}", i));
  return aig;
}

}  // namespace

TEST_CASE("balance: overlapping trees stay hashed, never deeper, never larger, same function") {
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    CAPTURE(seed);
    const std::uint32_t inputs = 3 + static_cast<std::uint32_t>(seed % 10);  // 3..12
    const Aig aig = overlapping_trees(seed, inputs, 10 + static_cast<std::uint32_t>(seed % 60));
    const Aig balanced = rnncc::logic::balance(aig);
    REQUIRE(balanced.output_count() == aig.output_count());
    for (std::uint32_t i = 0; i < aig.output_count(); ++i)
      CHECK(balanced.level(balanced.output(i)) <= aig.level(aig.output(i)));
    CHECK(balanced.and_count() <= rnncc::logic::reachable_and_count(aig));
    CHECK(rnncc::logic::reachable_and_count(balanced) == balanced.and_count());
    CHECK(structurally_hashed(balanced));
    CHECK(same_function_exhaustively(aig, balanced));
  }
}

TEST_CASE("balance: random circuits come out structurally hashed") {
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    CAPTURE(seed);
    const Aig balanced = rnncc::logic::balance(random_circuit(seed, 8, 40 + seed % 100));
    CHECK(structurally_hashed(balanced));
  }
}

TEST_CASE("balance: a circuit with nothing to balance is copied node for node") {
  // A balanced AND tree over 8 inputs, an XOR of two of them, and a
  // multiplexer: no tree gets shallower or smaller.
  Aig aig;
  std::vector<Literal> inputs;
  for (int i = 0; i < 8; ++i)
    inputs.push_back(aig.create_input(fmt::format("x{}", i)));
  std::vector<Literal> level = inputs;
  while (level.size() > 1) {
    std::vector<Literal> next;
    for (std::size_t i = 0; i + 1 < level.size(); i += 2)
      next.push_back(aig.create_and(level[i], level[i + 1]));
    level = next;
  }
  aig.create_output(level.front(), "all");
  aig.create_output(aig.create_xor(inputs[0], inputs[5]), "odd");
  aig.create_output(aig.create_mux(inputs[1], inputs[2], !inputs[3]), "pick");
  rnncc::logic::BalanceStatistics statistics;
  const Aig balanced = rnncc::logic::balance(aig, &statistics);
  CHECK(statistics.and_trees == 0);
  CHECK(statistics.xor_trees == 0);
  REQUIRE(balanced.node_count() == aig.node_count());
  for (rnncc::logic::NodeIndex node = 1; node < aig.node_count(); ++node) {
    CHECK(balanced.is_and(node) == aig.is_and(node));
    if (!aig.is_and(node)) continue;
    CHECK(balanced.fanin0(node) == aig.fanin0(node));
    CHECK(balanced.fanin1(node) == aig.fanin1(node));
  }
  for (std::uint32_t i = 0; i < aig.output_count(); ++i)
    CHECK(balanced.output(i) == aig.output(i));
}

TEST_CASE("balance: a balanced tree equal to a later AND of the original is shared, users too") {
  // t = ((a & c) & b) & d balances to (a & b) & (c & d), which the
  // original also builds later as s = (a & b) & (c & d). Both feed an AND
  // with w: after balancing, t & w and s & w are the same AND and must
  // come out as one node.
  Aig aig;
  const Literal a = aig.create_input("a");
  const Literal b = aig.create_input("b");
  const Literal c = aig.create_input("c");
  const Literal d = aig.create_input("d");
  const Literal w = aig.create_input("w");
  const Literal t = aig.create_and(aig.create_and(aig.create_and(a, c), b), d);
  const Literal tw = aig.create_and(t, w);
  const Literal ab = aig.create_and(a, b);
  const Literal cd = aig.create_and(c, d);
  const Literal s = aig.create_and(ab, cd);
  const Literal sw = aig.create_and(s, w);
  aig.create_output(tw, "tw");
  aig.create_output(sw, "sw");
  aig.create_output(t, "t");  // used twice, so t is a tree's root, not inside t & w
  aig.create_output(s, "s");
  rnncc::logic::BalanceStatistics statistics;
  const Aig balanced = rnncc::logic::balance(aig, &statistics);
  CHECK(statistics.and_trees == 1);
  CHECK(structurally_hashed(balanced));
  CHECK(balanced.output(2) == balanced.output(3));  // t and s: one node
  CHECK(balanced.output(0) == balanced.output(1));  // t & w and s & w: one node
  CHECK(balanced.and_count() == 4);                 // a & b, c & d, s, s & w
  CHECK(balanced.depth() == 3);
  CHECK(same_function_exhaustively(aig, balanced));
}
