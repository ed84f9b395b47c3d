#include <doctest/doctest.h>

#include <random>
#include <sstream>

#include "rnncc/analysis/critical_path.hpp"
#include "rnncc/analysis/graphviz.hpp"
#include "rnncc/analysis/level_profile.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/logic/aig.hpp"

using namespace rnncc;
using logic::Literal;

namespace {
logic::Aig random_aig(unsigned seed, int inputs, int ands) {
  logic::Aig aig;
  std::mt19937_64 random(seed);
  std::vector<Literal> literals;
  for (int i = 0; i < inputs; ++i)
    literals.push_back(aig.create_input());
  while (static_cast<int>(aig.and_count()) < ands) {
    Literal a = literals[random() % literals.size()] ^ static_cast<bool>(random() & 1);
    Literal b = literals[random() % literals.size()] ^ static_cast<bool>(random() & 1);
    Literal c = aig.create_and(a, b);
    if (!c.is_constant()) literals.push_back(c);
  }
  for (int i = 0; i < 8; ++i)
    aig.create_output(literals[literals.size() - 1 - i]);
  return aig;
}
}  // namespace

TEST_CASE("Boost's DAG relaxation recomputes the levels the Aig stored at creation") {
  for (unsigned seed = 1; seed <= 5; ++seed) {
    logic::Aig aig = random_aig(seed, 16, 5000);
    std::vector<std::uint32_t> levels = analysis::longest_path_levels(aig);
    for (logic::NodeIndex node = 0; node < aig.node_count(); ++node) {
      REQUIRE(levels[node] == aig.level(node));
    }
  }
}

TEST_CASE("the critical path is a chain of fan-in edges with depth-many ANDs") {
  logic::Aig aig = random_aig(11, 12, 3000);
  std::vector<logic::NodeIndex> path = analysis::critical_path(aig);
  REQUIRE(!path.empty());
  CHECK(!aig.is_and(path.front()));
  std::uint32_t and_nodes = 0;
  for (std::size_t i = 1; i < path.size(); ++i) {
    REQUIRE(aig.is_and(path[i]));
    ++and_nodes;
    bool is_fanin =
        aig.fanin0(path[i]).node() == path[i - 1] || aig.fanin1(path[i]).node() == path[i - 1];
    REQUIRE(is_fanin);
  }
  CHECK(and_nodes == aig.depth());
}

TEST_CASE("critical path of a hand-built circuit") {
  logic::Aig aig;
  Literal a = aig.create_input("a");
  Literal b = aig.create_input("b");
  Literal c = aig.create_input("c");
  Literal ab = aig.create_and(a, b);      // level 1
  Literal abc = aig.create_and(ab, !c);   // level 2
  Literal out = aig.create_and(!abc, a);  // level 3
  aig.create_output(out);
  aig.create_output(ab);
  std::vector<logic::NodeIndex> path = analysis::critical_path(aig);
  REQUIRE(path.size() == 4);
  CHECK(path[1] == ab.node());
  CHECK(path[2] == abc.node());
  CHECK(path[3] == out.node());
}

TEST_CASE("level profile of a hand-built circuit and its Brent times") {
  logic::Aig aig;
  std::vector<Literal> x;
  for (int i = 0; i < 8; ++i)
    x.push_back(aig.create_input());
  // A balanced AND tree over 8 inputs: widths 4, 2, 1.
  std::vector<Literal> layer = x;
  while (layer.size() > 1) {
    std::vector<Literal> next;
    for (std::size_t i = 0; i < layer.size(); i += 2)
      next.push_back(aig.create_and(layer[i], layer[i + 1]));
    layer = next;
  }
  aig.create_output(layer[0]);
  analysis::LevelProfile profile = analysis::level_profile(aig);
  REQUIRE(profile.width == std::vector<std::uint64_t>{0, 4, 2, 1});
  CHECK(profile.max_width() == 4);
  CHECK(profile.brent_time(1) == 7);
  CHECK(profile.brent_time(2) == 2 + 1 + 1);
  CHECK(profile.brent_time(1000) == 3);
}

TEST_CASE(
    "DOT export names inputs and outputs, dashes complemented edges, refuses large circuits") {
  logic::Aig aig;
  Literal a = aig.create_input("alpha");
  Literal b = aig.create_input("beta");
  aig.create_output(!aig.create_and(a, !b), "gamma");
  std::ostringstream dot;
  analysis::write_dot(aig, dot);
  std::string text = dot.str();
  CHECK(text.find("digraph") != std::string::npos);
  CHECK(text.find("alpha") != std::string::npos);
  CHECK(text.find("gamma") != std::string::npos);
  CHECK(text.find("style=dashed") != std::string::npos);

  logic::Aig big = random_aig(3, 10, static_cast<int>(analysis::max_dot_nodes));
  std::ostringstream sink;
  CHECK_THROWS_AS(analysis::write_dot(big, sink), LimitError);
}
