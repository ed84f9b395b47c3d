// (max, +) depth matrices against longest paths found by enumeration and
// against the materialised depth of chained step circuits.
#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <random>

#include "rnncc/analysis/chained_depth.hpp"
#include "rnncc/analysis/longest_paths.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/logic/aig.hpp"

using namespace rnncc;
using analysis::MaxPlusMatrix;
using logic::Literal;

namespace {

/// A random step circuit: `state` state inputs, `fresh` fresh inputs,
/// `ands` ANDs over them, `state` state outputs on distinct non-constant
/// nodes among the last ones created (so chaining cannot merge or
/// simplify them).
struct StepCircuit {
  logic::Aig aig;
  std::vector<Literal> state_inputs, fresh_inputs, state_outputs;
};

StepCircuit random_step(unsigned seed, int state, int fresh, int ands) {
  StepCircuit step;
  std::mt19937_64 random(seed);
  std::vector<Literal> literals;
  for (int i = 0; i < state; ++i)
    literals.push_back(step.state_inputs.emplace_back(step.aig.create_input()));
  for (int i = 0; i < fresh; ++i)
    literals.push_back(step.fresh_inputs.emplace_back(step.aig.create_input()));
  while (static_cast<int>(step.aig.and_count()) < ands) {
    // Prefer recent literals so that the circuit is deep rather than wide.
    auto pick = [&] {
      std::size_t window = std::min<std::size_t>(literals.size(), 12);
      std::size_t index =
          random() % 3 == 0 ? random() % literals.size() : literals.size() - 1 - random() % window;
      return literals[index] ^ static_cast<bool>(random() & 1);
    };
    Literal a = pick(), b = pick();
    Literal c = step.aig.create_and(a, b);
    if (!c.is_constant() && c.node() >= static_cast<logic::NodeIndex>(state + fresh + 1))
      literals.push_back(c);
  }
  // Distinct nodes: walk back from the newest.
  std::vector<bool> used(step.aig.node_count(), false);
  for (std::size_t i = literals.size();
       i-- > 0 && static_cast<int>(step.state_outputs.size()) < state;) {
    if (used[literals[i].node()] || !step.aig.is_and(literals[i].node())) continue;
    used[literals[i].node()] = true;
    step.state_outputs.push_back(literals[i]);
  }
  REQUIRE(static_cast<int>(step.state_outputs.size()) == state);
  return step;
}

/// Appends `copies` copies of `step` to `chained`, state-out -> state-in,
/// starting from `state`, which becomes the final state.
void append_copies(logic::Aig& chained, const StepCircuit& step, int copies,
                   std::vector<Literal>& state) {
  for (int t = 0; t < copies; ++t) {
    std::vector<Literal> map(step.aig.node_count(), logic::false_literal);
    for (std::size_t i = 0; i < step.state_inputs.size(); ++i)
      map[step.state_inputs[i].node()] = state[i];
    for (Literal fresh : step.fresh_inputs)
      map[fresh.node()] = chained.create_input();
    for (logic::NodeIndex node = 1; node < step.aig.node_count(); ++node) {
      if (!step.aig.is_and(node)) continue;
      Literal a = step.aig.fanin0(node), b = step.aig.fanin1(node);
      map[node] = chained.create_and(map[a.node()] ^ a.is_complemented(),
                                     map[b.node()] ^ b.is_complemented());
    }
    for (std::size_t i = 0; i < state.size(); ++i)
      state[i] = map[step.state_outputs[i].node()] ^ step.state_outputs[i].is_complemented();
  }
}

/// Builds `copies` copies of the step into one Aig, state-out -> state-in,
/// with the final state as outputs; returns it.
logic::Aig chain(const StepCircuit& step, int copies) {
  logic::Aig chained;
  std::vector<Literal> state;
  for (std::size_t i = 0; i < step.state_inputs.size(); ++i)
    state.push_back(chained.create_input());
  append_copies(chained, step, copies, state);
  for (Literal literal : state)
    chained.create_output(literal);
  return chained;
}

/// Longest path from node `from` to node `to` by enumerating every path
/// backwards from `to` (exponential; small circuits only). -1 when none.
long long enumerated_longest_path(const logic::Aig& aig, logic::NodeIndex from,
                                  logic::NodeIndex to) {
  std::function<long long(logic::NodeIndex)> walk = [&](logic::NodeIndex node) -> long long {
    if (node == from) return 0;
    if (!aig.is_and(node)) return -1;
    long long best = -1;
    for (Literal fanin : {aig.fanin0(node), aig.fanin1(node)}) {
      long long below = walk(fanin.node());
      if (below >= 0) best = std::max(best, below + 1);
    }
    return best;
  };
  return walk(to);
}

MaxPlusMatrix random_matrix(std::mt19937_64& random, std::size_t rows, std::size_t columns) {
  MaxPlusMatrix matrix(rows, columns);
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t j = 0; j < columns; ++j)
      if (random() % 3 != 0) matrix.at(i, j) = static_cast<MaxPlusMatrix::Entry>(random() % 20);
  return matrix;
}

}  // namespace

TEST_CASE("longest paths between any nodes equal the paths found by enumeration") {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    StepCircuit step = random_step(seed, 4, 2, 40);
    // Sources: every input and every fifth AND; targets: the state outputs,
    // an input (length 0 from itself) and every seventh AND.
    std::vector<Literal> sources = step.state_inputs;
    sources.insert(sources.end(), step.fresh_inputs.begin(), step.fresh_inputs.end());
    std::vector<Literal> targets = step.state_outputs;
    targets.push_back(step.state_inputs[0]);
    for (logic::NodeIndex node = 1; node < step.aig.node_count(); ++node) {
      if (!step.aig.is_and(node)) continue;
      if (node % 5 == 0) sources.push_back(Literal::of(node, node % 2 == 0));
      if (node % 7 == 0) targets.push_back(Literal::of(node, false));
    }
    const analysis::LongestPaths paths(step.aig);
    MaxPlusMatrix matrix = paths.matrix(sources, targets);
    std::vector<MaxPlusMatrix::Entry> any = paths.from_any(sources, targets);
    for (std::size_t j = 0; j < targets.size(); ++j) {
      long long longest_from_any = -1;
      for (std::size_t i = 0; i < sources.size(); ++i) {
        long long expected =
            enumerated_longest_path(step.aig, sources[i].node(), targets[j].node());
        longest_from_any = std::max(longest_from_any, expected);
        INFO("seed " << seed << " source " << i << " target " << j);
        if (expected < 0) {
          CHECK(matrix.at(i, j) == MaxPlusMatrix::no_path);
        } else {
          CHECK(matrix.at(i, j) == expected);
        }
      }
      INFO("seed " << seed << " target " << j);
      if (longest_from_any < 0) {
        CHECK(any[j] == MaxPlusMatrix::no_path);
      } else {
        CHECK(any[j] == longest_from_any);
      }
    }
  }
}

TEST_CASE("the constant has no paths") {
  StepCircuit step = random_step(3, 2, 1, 10);
  std::vector<Literal> from = {logic::false_literal, step.state_inputs[0]};
  std::vector<Literal> to = {logic::true_literal, step.state_outputs[0]};
  const MaxPlusMatrix matrix = analysis::LongestPaths(step.aig).matrix(from, to);
  CHECK(matrix.at(0, 0) == MaxPlusMatrix::no_path);
  CHECK(matrix.at(0, 1) == MaxPlusMatrix::no_path);
  CHECK(matrix.at(1, 0) == MaxPlusMatrix::no_path);
}

TEST_CASE("power by repeated squaring equals composing one step at a time") {
  std::mt19937_64 random(7);
  for (int trial = 0; trial < 10; ++trial) {
    MaxPlusMatrix step = random_matrix(random, 5, 5);
    MaxPlusMatrix one_by_one = MaxPlusMatrix::identity(5);
    for (std::uint64_t count = 0; count <= 70; ++count) {
      REQUIRE(analysis::power(step, count) == one_by_one);
      one_by_one = analysis::compose(one_by_one, step);
    }
  }
}

TEST_CASE("compose follows the definition — compose_all equals left-to-right composition") {
  std::mt19937_64 random(11);
  MaxPlusMatrix a = random_matrix(random, 3, 4), b = random_matrix(random, 4, 2);
  MaxPlusMatrix product = analysis::compose(a, b);
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t k = 0; k < 2; ++k) {
      MaxPlusMatrix::Entry best = MaxPlusMatrix::no_path;
      for (std::size_t j = 0; j < 4; ++j)
        if (a.at(i, j) != MaxPlusMatrix::no_path && b.at(j, k) != MaxPlusMatrix::no_path)
          best = std::max(best, a.at(i, j) + b.at(j, k));
      CHECK(product.at(i, k) == best);
    }
  }
  std::vector<MaxPlusMatrix> sequence;
  for (int i = 0; i < 13; ++i)
    sequence.push_back(random_matrix(random, 4, 4));
  MaxPlusMatrix left_to_right = sequence[0];
  for (std::size_t i = 1; i < sequence.size(); ++i)
    left_to_right = analysis::compose(left_to_right, sequence[i]);
  CHECK(analysis::compose_all(sequence) == left_to_right);
  CHECK_THROWS_AS(analysis::compose(a, a), std::invalid_argument);
  std::vector<MaxPlusMatrix::Entry> arrival = {0, 5, MaxPlusMatrix::no_path};
  std::vector<MaxPlusMatrix::Entry> pushed = analysis::propagate(arrival, a);
  for (std::size_t j = 0; j < 4; ++j) {
    MaxPlusMatrix::Entry best = MaxPlusMatrix::no_path;
    if (a.at(0, j) != MaxPlusMatrix::no_path) best = std::max(best, a.at(0, j));
    if (a.at(1, j) != MaxPlusMatrix::no_path) best = std::max(best, 5 + a.at(1, j));
    CHECK(pushed[j] == best);
  }
}

TEST_CASE("analytic depth equals the depth of T materialised copies, T = 1 … 64") {
  for (unsigned seed = 1; seed <= 8; ++seed) {
    StepCircuit step =
        random_step(seed, 2 + seed % 5, 1 + seed % 3, 30 + 5 * static_cast<int>(seed));
    analysis::StepDepth summary =
        analysis::step_depth(step.aig, step.state_inputs, step.fresh_inputs, step.state_outputs);
    for (int copies = 1; copies <= 64; ++copies) {
      logic::Aig chained = chain(step, copies);
      INFO("seed " << seed << ", T = " << copies);
      // Every copy was built unchanged (nothing merged or simplified), so
      // the materialised depth is the reference for the analytic one.
      REQUIRE(chained.and_count() == static_cast<std::uint32_t>(copies) * step.aig.and_count());
      CHECK(analysis::chained_depth(summary, static_cast<std::uint64_t>(copies)) ==
            chained.depth());
    }
  }
}

TEST_CASE("a materialised prefix of different first steps, then the analytic steady steps") {
  for (unsigned seed = 1; seed <= 5; ++seed) {
    const int state_bits = 3 + static_cast<int>(seed % 3);
    StepCircuit first = random_step(200 + seed, state_bits, 2, 40);
    StepCircuit steady = random_step(300 + seed, state_bits, 1, 35);
    analysis::StepDepth summary = analysis::step_depth(steady.aig, steady.state_inputs,
                                                       steady.fresh_inputs, steady.state_outputs);
    for (int prefix = 0; prefix <= 3; ++prefix) {
      // The prefix alone: the levels of its state outputs are the arrivals.
      logic::Aig head;
      std::vector<Literal> head_state;
      for (int i = 0; i < state_bits; ++i)
        head_state.push_back(head.create_input());
      append_copies(head, first, prefix, head_state);
      std::vector<MaxPlusMatrix::Entry> arrival;
      for (Literal literal : head_state)
        arrival.push_back(head.level(literal));
      for (int copies = 0; copies <= 40; copies += 5) {
        logic::Aig whole;
        std::vector<Literal> state;
        for (int i = 0; i < state_bits; ++i)
          state.push_back(whole.create_input());
        append_copies(whole, first, prefix, state);
        append_copies(whole, steady, copies, state);
        for (Literal literal : state)
          whole.create_output(literal);
        INFO("seed " << seed << ", prefix " << prefix << ", steady copies " << copies);
        REQUIRE(whole.and_count() ==
                static_cast<std::uint32_t>(prefix) * first.aig.and_count() +
                    static_cast<std::uint32_t>(copies) * steady.aig.and_count());
        CHECK(analysis::chained_depth(summary, static_cast<std::uint64_t>(copies), arrival) ==
              whole.depth());
      }
    }
  }
}

TEST_CASE("a hand-built step: depth 3T + 1 (T even) or 3T + 2 (T odd), up to T = 2^40") {
  // State bits s0, s1; fresh x, y. Paths: s0 -> out0 is 2 ANDs, s1 -> out0
  // is 1, s0 -> out1 is 5, s1 -> out1 none. The best walk over T steps
  // takes s0->s0 once when T is even, then alternates s0->s1 (5), s1->s0 (1),
  // ending on s0->s1: 3T + 1 for even T, 3T + 2 for odd T.
  StepCircuit step;
  logic::Aig& aig = step.aig;
  Literal s0 = aig.create_input(), s1 = aig.create_input();
  Literal x = aig.create_input(), y = aig.create_input();
  step.state_inputs = {s0, s1};
  step.fresh_inputs = {x, y};
  Literal a1 = aig.create_and(s0, x);
  Literal out0 = aig.create_and(a1, s1);
  Literal chain_literal = a1;
  for (int i = 0; i < 4; ++i)
    chain_literal = aig.create_and(chain_literal, i % 2 == 0 ? y : !x);
  step.state_outputs = {out0, chain_literal};
  analysis::StepDepth summary =
      analysis::step_depth(aig, step.state_inputs, step.fresh_inputs, step.state_outputs);
  CHECK(summary.state.at(0, 0) == 2);
  CHECK(summary.state.at(1, 0) == 1);
  CHECK(summary.state.at(0, 1) == 5);
  CHECK(summary.state.at(1, 1) == MaxPlusMatrix::no_path);
  CHECK(summary.fresh[0] == 2);
  CHECK(summary.fresh[1] == 5);
  auto formula = [](std::uint64_t t) { return 3 * t + (t % 2 == 0 ? 1 : 2); };
  for (int copies = 1; copies <= 64; ++copies) {
    logic::Aig chained = chain(step, copies);
    REQUIRE(chained.and_count() == static_cast<std::uint32_t>(copies) * aig.and_count());
    CHECK(chained.depth() == formula(static_cast<std::uint64_t>(copies)));
  }
  const auto start = std::chrono::steady_clock::now();
  const std::uint64_t big = std::uint64_t{1} << 40;
  CHECK(analysis::chained_depth(summary, big) == formula(big));
  CHECK(analysis::chained_depth(summary, big + 1) == formula(big + 1));
  CHECK(analysis::chained_depth(summary, big - 1) == formula(big - 1));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  CHECK(analysis::chained_depth(summary, 0) == 0);
}

TEST_CASE("balanced-tree depth equals the depth of a materialised tree of combines") {
  for (unsigned seed = 1; seed <= 6; ++seed) {
    const int bits = 2 + static_cast<int>(seed % 4);
    // A combine circuit over operand bits L (first `bits` inputs) and R.
    StepCircuit combine = random_step(100 + seed, 2 * bits, 0, 25 + 4 * static_cast<int>(seed));
    std::vector<Literal> left(combine.state_inputs.begin(), combine.state_inputs.begin() + bits);
    std::vector<Literal> right(combine.state_inputs.begin() + bits, combine.state_inputs.end());
    std::vector<Literal> outputs(combine.state_outputs.begin(),
                                 combine.state_outputs.begin() + bits);
    analysis::CombineDepth summary = analysis::combine_depth(combine.aig, left, right, outputs);
    // Leaf bit i is an AND chain of i fresh inputs: it arrives at level i - 1 (0 for i <= 1).
    std::vector<MaxPlusMatrix::Entry> leaf_arrival;
    for (int i = 0; i < bits; ++i)
      leaf_arrival.push_back(std::max(0, i - 1));
    for (std::uint32_t levels = 0; levels <= 6; ++levels) {
      logic::Aig tree;
      std::vector<std::vector<Literal>> layer;
      for (int leaf = 0; leaf < (1 << levels); ++leaf) {
        std::vector<Literal> value;
        for (int i = 0; i < bits; ++i) {
          Literal bit = tree.create_input();
          for (int j = 1; j < i; ++j)
            bit = tree.create_and(bit, tree.create_input());
          value.push_back(bit);
        }
        layer.push_back(value);
      }
      while (layer.size() > 1) {
        std::vector<std::vector<Literal>> next;
        for (std::size_t p = 0; p < layer.size(); p += 2) {
          std::vector<Literal> map(combine.aig.node_count(), logic::false_literal);
          for (int i = 0; i < bits; ++i) {
            map[left[i].node()] = layer[p][i];
            map[right[i].node()] = layer[p + 1][i];
          }
          for (logic::NodeIndex node = 1; node < combine.aig.node_count(); ++node) {
            if (!combine.aig.is_and(node)) continue;
            Literal a = combine.aig.fanin0(node), b = combine.aig.fanin1(node);
            map[node] = tree.create_and(map[a.node()] ^ a.is_complemented(),
                                        map[b.node()] ^ b.is_complemented());
          }
          std::vector<Literal> value;
          for (Literal output : outputs)
            value.push_back(map[output.node()] ^ output.is_complemented());
          next.push_back(value);
        }
        layer = std::move(next);
      }
      for (Literal bit : layer.front())
        tree.create_output(bit);
      INFO("seed " << seed << ", levels " << levels);
      std::uint32_t leaf_ands = 0;
      for (int i = 2; i < bits; ++i)
        leaf_ands += static_cast<std::uint32_t>(i - 1);
      REQUIRE(tree.and_count() ==
              (1U << levels) * leaf_ands + ((1U << levels) - 1) * combine.aig.and_count());
      CHECK(analysis::balanced_tree_depth(summary, leaf_arrival, levels) == tree.depth());
    }
  }
}

TEST_CASE("lengths beyond 2^63 are refused, not wrapped") {
  MaxPlusMatrix step(1, 1);
  step.at(0, 0) = std::int64_t{1} << 40;
  CHECK_THROWS_AS(analysis::power(step, std::uint64_t{1} << 30), LimitError);
}
