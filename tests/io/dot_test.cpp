// DOT drawings: Graphviz renders them, with one node per input, live AND,
// output (and the constant when used) and one edge per AND fan-in and per
// output, counted on the circuit here and in Graphviz's SVG.
#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "random_aig.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/dot.hpp"
#include "support/abc.hpp"
#include "support/command.hpp"
#include "support/outside_tools.hpp"

using rnncc::logic::Aig;

namespace {

std::uint64_t occurrences(const std::string& text, const std::string& pattern) {
  std::uint64_t count = 0;
  for (std::size_t at = text.find(pattern); at != std::string::npos;
       at = text.find(pattern, at + 1)) {
    ++count;
  }
  return count;
}

/// ANDs some output depends on, found by a walk from the outputs.
std::uint64_t live_and_count(const Aig& aig) {
  std::vector<bool> seen(aig.node_count(), false);
  std::vector<rnncc::logic::NodeIndex> stack;
  for (std::uint32_t i = 0; i < aig.output_count(); ++i)
    stack.push_back(aig.output(i).node());
  std::uint64_t count = 0;
  while (!stack.empty()) {
    const auto node = stack.back();
    stack.pop_back();
    if (seen[node] || !aig.is_and(node)) continue;
    seen[node] = true;
    ++count;
    stack.push_back(aig.fanin0(node).node());
    stack.push_back(aig.fanin1(node).node());
  }
  return count;
}

}  // namespace

TEST_CASE("Graphviz renders rnncc's drawings with the circuit's nodes and edges") {
  rnncc::test::TemporaryDirectory directory;
  for (const bool levels : {false, true}) {
    for (std::uint64_t seed = 1; seed <= 2; ++seed) {
      CAPTURE(levels);
      CAPTURE(seed);
      // random_aig's outputs include both constants, so the constant is drawn.
      const Aig aig = rnncc::test::random_aig(4, 60 * seed, seed, true);
      const std::uint64_t ands = live_and_count(aig);
      const std::uint64_t nodes = aig.input_count() + ands + aig.output_count() + 1;
      CHECK(rnncc::io::dot_node_count(aig) == nodes);
      rnncc::io::write_dot_file(aig, directory / "c.dot", {.level_ranks = levels});
      const auto result = rnncc::test::run_command(
          fmt::format("{} -Tsvg {} -o {}", rnncc::test::outside_tool("dot"),
                      rnncc::test::shell_quoted((directory / "c.dot").string()),
                      rnncc::test::shell_quoted((directory / "c.svg").string())));
      REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
      const std::string svg = rnncc::test::file_text(directory / "c.svg");
      REQUIRE(!svg.empty());
      CHECK(occurrences(svg, "class=\"node\"") == nodes);
      CHECK(occurrences(svg, "class=\"edge\"") == 2 * ands + aig.output_count());
      // Every output's name is a label.
      for (std::uint32_t i = 0; i < aig.output_count(); ++i) {
        const std::string& name = aig.output_name(i);
        CHECK(svg.find(">" + (name.empty() ? fmt::format("o{}", i) : name) + "<") !=
              std::string::npos);
      }
    }
  }
}

TEST_CASE("a drawing above the node limit is refused with the count") {
  const Aig aig = rnncc::test::random_aig(4, 100, 3, false);
  const std::uint64_t nodes = rnncc::io::dot_node_count(aig);
  CHECK_THROWS_WITH_AS(rnncc::io::write_dot(aig, {.max_nodes = nodes - 1}, "big.dot"),
                       fmt::format("big.dot: the drawing would have {} nodes, more than the {} "
                                   "allowed (--max-nodes)",
                                   nodes, nodes - 1)
                           .c_str(),
                       rnncc::LimitError);
  CHECK_NOTHROW(rnncc::io::write_dot(aig, {.max_nodes = nodes}, "big.dot"));
}
