// A growth row measured from hand-built circuits with known level widths
// and word-level depths.
#include <doctest/doctest.h>

#include "rnncc/arith/format.hpp"
#include "rnncc/report/growth_point.hpp"

using namespace rnncc;
using logic::Literal;

TEST_CASE("a row from an AIG of level widths 20, 10, 5 and a word circuit (a·b + c)·a") {
  logic::Aig aig;
  std::vector<Literal> layer;
  for (int i = 0; i < 40; ++i)
    layer.push_back(aig.create_input());
  while (layer.size() > 5) {  // 40 inputs -> 20 -> 10 -> 5 ANDs of disjoint pairs
    std::vector<Literal> next;
    for (std::size_t i = 0; i < layer.size(); i += 2)
      next.push_back(aig.create_and(layer[i], !layer[i + 1]));
    layer = next;
  }
  for (Literal literal : layer)
    aig.create_output(literal);

  arith::Circuit words(arith::parse_format("mod:8"));
  arith::NodeId a = words.create_input("a"), b = words.create_input("b");
  arith::NodeId c = words.create_input("c");
  words.create_output(words.create_multiply(words.create_add(words.create_multiply(a, b), c), a),
                      "y");

  report::GrowthPoint point = report::measure_growth_point(64, aig, &words, 8, 0.25, 12345);
  CHECK(point.length == 64);
  CHECK(point.ands == 35);
  CHECK(point.depth == 3);
  CHECK(point.max_width == 20);
  CHECK(point.brent_16 == 2 + 1 + 1);  // ceil(20/16) + ceil(10/16) + ceil(5/16)
  CHECK(point.brent_256 == 3);
  REQUIRE(point.arithmetic_depth.has_value());
  CHECK(*point.arithmetic_depth == 3);      // ×, +, ×
  CHECK(*point.multiplicative_depth == 2);  // ×, ×
  CHECK(point.precision_bits == 8);
  CHECK(point.compile_seconds == 0.25);
  CHECK(point.peak_bytes == 12345);

  report::GrowthPoint table = report::measure_growth_point(64, aig, nullptr, 8, 0, 0);
  CHECK_FALSE(table.arithmetic_depth.has_value());
  CHECK_FALSE(table.multiplicative_depth.has_value());
}
