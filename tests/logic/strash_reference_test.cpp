// Structural hashing against an independent reference: a std::unordered_map
// from normalised fan-in pairs to the literal first made for them, on random
// creation sequences that cross the hash table's growth points, its slot
// widths (node indices beyond 2^20 and 2^24), the recent-node index's
// flushes, the split into region tables, and rebuilds after
// release_hash_table, append_unique_and and remove_dangling_in_place.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rnncc/logic/aig.hpp"

using rnncc::logic::Aig;
using rnncc::logic::Literal;
using rnncc::logic::NodeIndex;

namespace {

std::uint64_t pair_key(Literal a, Literal b) {
  if (a.code > b.code) std::swap(a, b);
  return (std::uint64_t{a.code} << 32) | b.code;
}

/// Drives an Aig and the reference side by side and checks every creation.
class StrashChecker {
 public:
  /// With `recent_bias`, seven fan-ins in eight come from the newest 4,096
  /// literals, as in circuits built from words (most ANDs read fresh
  /// values), else every literal is equally likely.
  explicit StrashChecker(std::uint64_t seed, int input_count = 256, bool recent_bias = false)
      : random_(seed), recent_bias_(recent_bias) {
    for (int i = 0; i < input_count; ++i)
      literals_.push_back(aig_.create_input());
  }

  Aig& aig() { return aig_; }

  /// A random literal among the inputs and ANDs made so far.
  Literal random_literal() {
    const std::size_t count = literals_.size();
    std::size_t index = random_() % count;
    if (recent_bias_ && count > 4096 && random_() % 8 != 0) index = count - 1 - random_() % 4096;
    return literals_[index] ^ static_cast<bool>(random_() & 1);
  }

  /// One creation: a fresh random pair, or (with probability 1/4) a pair made
  /// before, in either operand order. Returns false when the check failed.
  bool step() {
    Literal a, b;
    if (!made_pairs_.empty() && random_() % 4 == 0) {
      std::tie(a, b) = made_pairs_[random_() % made_pairs_.size()];
      if (random_() & 1) std::swap(a, b);
    } else {
      do {
        a = random_literal();
        b = random_literal();
      } while (a.node() == b.node());  // keep the trivial simplifications out
    }
    const std::uint32_t ands_before = aig_.and_count();
    const std::uint32_t nodes_before = aig_.node_count();
    const Literal made = aig_.create_and(a, b);
    const auto [place, is_new] = reference_.try_emplace(pair_key(a, b), made);
    if (!is_new) {
      // Known pair: the same literal, no new node.
      if (made != place->second || aig_.and_count() != ands_before) return false;
      return true;
    }
    // Unknown pair: a new, uncomplemented node whose fan-ins are the pair.
    if (made.is_complemented() || made.node() != nodes_before ||
        aig_.and_count() != ands_before + 1) {
      return false;
    }
    const Literal low = a.code < b.code ? a : b, high = a.code < b.code ? b : a;
    if (aig_.fanin0(made.node()) != low || aig_.fanin1(made.node()) != high) return false;
    literals_.push_back(made);
    made_pairs_.emplace_back(a, b);
    return true;
  }

  /// Runs steps until the Aig has `node_count` nodes; returns the number of
  /// failed checks.
  int run_until(std::uint32_t node_count) {
    int failures = 0;
    while (aig_.node_count() < node_count)
      failures += step() ? 0 : 1;
    return failures;
  }

  /// Appends `count` ANDs of fresh pairs without hashing (append_unique_and),
  /// recording them in the reference.
  void append_unique(int count) {
    for (int i = 0; i < count; ++i) {
      Literal a, b;
      do {
        a = random_literal();
        b = random_literal();
      } while (a.node() == b.node() || reference_.count(pair_key(a, b)) != 0);
      const Literal made = aig_.append_unique_and(a, b);
      reference_.emplace(pair_key(a, b), made);
      literals_.push_back(made);
      made_pairs_.emplace_back(a, b);
    }
  }

  /// Keeps a random sample of the literals as outputs, removes the other
  /// dangling ANDs in place and maps the reference to the new node indices.
  void remove_dangling() {
    for (int i = 0; i < 2000; ++i)
      aig_.create_output(
          literals_[aig_.input_count() + random_() % (literals_.size() - aig_.input_count())]);
    const std::vector<NodeIndex> new_index = aig_.remove_dangling_in_place();
    auto map = [&](Literal literal) -> std::pair<bool, Literal> {
      if (literal.node() != 0 && new_index[literal.node()] == 0) return {false, literal};
      return {true, Literal::of(new_index[literal.node()]) ^ literal.is_complemented()};
    };
    std::unordered_map<std::uint64_t, Literal> kept;
    std::vector<std::pair<Literal, Literal>> kept_pairs;
    for (const auto& [a, b] : made_pairs_) {
      const auto made = map(reference_.at(pair_key(a, b)));
      const auto new_a = map(a), new_b = map(b);
      if (!made.first) continue;  // the AND itself was removed
      REQUIRE(new_a.first);       // a kept AND keeps its fan-ins
      REQUIRE(new_b.first);
      kept.emplace(pair_key(new_a.second, new_b.second), made.second);
      kept_pairs.emplace_back(new_a.second, new_b.second);
    }
    reference_ = std::move(kept);
    made_pairs_ = std::move(kept_pairs);
    literals_.clear();
    for (NodeIndex node = 1; node < aig_.node_count(); ++node)
      literals_.push_back(Literal::of(node));
  }

  std::size_t reference_size() const { return reference_.size(); }

 private:
  Aig aig_;
  std::mt19937_64 random_;
  bool recent_bias_;
  std::vector<Literal> literals_;
  std::vector<std::pair<Literal, Literal>> made_pairs_;
  std::unordered_map<std::uint64_t, Literal> reference_;
};

}  // namespace

TEST_CASE("structural hashing agrees with a reference map while growing past 2^20 nodes") {
  StrashChecker checker(20261129);
  // Growth from the smallest table through every doubling, recent-index
  // flushes, and index widths of 20 bits and more.
  CHECK(checker.run_until(300'000) == 0);
  checker.aig().release_hash_table();
  CHECK(checker.run_until(400'000) == 0);
  checker.append_unique(50'000);  // the table goes stale, then is rebuilt
  CHECK(checker.run_until(600'000) == 0);
  checker.remove_dangling();
  const std::uint32_t after_removal = checker.aig().node_count();
  CHECK(after_removal < 600'000);
  CHECK(checker.run_until(after_removal + 100'000) == 0);
  checker.append_unique(1000);
  CHECK(checker.run_until((1U << 20) + 200'000) == 0);
  CHECK(checker.aig().and_count() == checker.reference_size());
}

TEST_CASE("structural hashing agrees with a reference map after the table splits into regions") {
  // Beyond 2^21 nodes a growing circuit's table splits, at its next growth,
  // into one table per 2^20 node indices (by the newer fan-in): here at
  // 3,565,415 nodes, and after the rebuild at 4,395,305 (with either
  // fan-in mix; checked with a print). Both fan-in mixes fill and resize
  // region tables and look up ANDs in old regions (every eighth fan-in, or
  // all, uniformly old); then the table goes stale, is rebuilt as one table
  // and splits again as it grows.
  for (const bool recent_bias : {true, false}) {
    CAPTURE(recent_bias);
    StrashChecker checker(20261130, 256, recent_bias);
    CHECK(checker.run_until((1U << 22) + 200'000) == 0);
    checker.append_unique(1000);
    CHECK(checker.run_until((1U << 22) + 800'000) == 0);
    CHECK(checker.aig().and_count() == checker.reference_size());
  }
}

TEST_CASE("structural hashing agrees with a reference map in reserved tables of every slot width") {
  // Reserving for 3 * 10^6 nodes gives 28-bit slots (22-bit indices) from the
  // start, reserving beyond 2^24 nodes 32-bit slots; neither reservation
  // touches the memory it maps until nodes arrive.
  for (const std::size_t reserved : {std::size_t{3'000'000}, (std::size_t{1} << 24) + 1000}) {
    CAPTURE(reserved);
    StrashChecker checker(reserved);
    checker.aig().reserve(reserved);
    CHECK(checker.run_until(200'000) == 0);
    checker.aig().release_hash_table();
    CHECK(checker.run_until(300'000) == 0);
    CHECK(checker.aig().and_count() == checker.reference_size());
  }
}
