// Random AIGs for the AIGER tests: inputs created between ANDs (so the
// writer must renumber), complemented edges, constant and repeated outputs,
// and every AND driving an output or another AND (so ABC, which drops
// dangling nodes, counts the same ANDs).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rnncc/logic/aig.hpp"

namespace rnncc::test {

inline logic::Aig random_aig(std::uint32_t initial_inputs, std::uint32_t and_attempts,
                             std::uint64_t seed, bool with_names) {
  std::mt19937_64 random(seed);
  logic::Aig aig;
  std::vector<logic::Literal> pool;
  for (std::uint32_t i = 0; i < initial_inputs; ++i) {
    pool.push_back(aig.create_input(with_names ? fmt::format("in{}", i) : std::string()));
  }
  for (std::uint32_t k = 0; k < and_attempts; ++k) {
    if (random() % 16 == 0) {
      pool.push_back(
          aig.create_input(with_names && random() % 2 ? fmt::format("late{}", k) : std::string()));
      continue;
    }
    // Prefer recent nodes so that the circuit gets deep.
    auto pick = [&] {
      std::size_t span = std::min<std::size_t>(pool.size(), 1 + random() % 64);
      logic::Literal literal = pool[pool.size() - 1 - random() % span];
      return literal ^ (random() % 2 == 0);
    };
    logic::Literal result = aig.create_and(pick(), pick());
    if (!result.is_constant()) pool.push_back(result.regular());
  }
  // Outputs: every AND without fan-out, plus a few extras.
  std::vector<bool> has_fanout(aig.node_count(), false);
  for (logic::NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (aig.is_and(node)) {
      has_fanout[aig.fanin0(node).node()] = true;
      has_fanout[aig.fanin1(node).node()] = true;
    }
  }
  std::uint32_t output_index = 0;
  auto add_output = [&](logic::Literal literal) {
    aig.create_output(literal, with_names && output_index % 3 != 0
                                   ? fmt::format("out{}", output_index)
                                   : std::string());
    ++output_index;
  };
  for (logic::NodeIndex node = 1; node < aig.node_count(); ++node) {
    if (aig.is_and(node) && !has_fanout[node]) add_output(logic::Literal::of(node, random() % 2));
  }
  add_output(logic::true_literal);
  add_output(logic::false_literal);
  add_output(!pool.front());
  if (aig.and_count() > 0) add_output(logic::Literal::of(aig.node_count() - 1));
  if (with_names) {
    aig.comments() = {"random circuit", "", fmt::format("seed {} with spaces", seed)};
  }
  return aig;
}

}  // namespace rnncc::test
