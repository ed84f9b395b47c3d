// The binary and residue series of a model paired length by length, with
// hand-chosen depths.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "rnncc/report/lowering_comparison.hpp"

using rnncc::report::GrowthPoint;
using rnncc::report::GrowthSeries;

namespace {

GrowthSeries series(const std::string& model, const std::string& schedule,
                    const std::string& format,
                    const std::vector<std::pair<std::uint64_t, std::uint32_t>>& depths) {
  GrowthSeries made{model, "family", schedule, format, {}, {}};
  for (const auto& [length, depth] : depths) {
    GrowthPoint point;
    point.length = length;
    point.depth = depth;
    point.ands = 10 * depth;
    made.points.push_back(point);
  }
  return made;
}

}  // namespace

TEST_CASE("lowering comparison: pairs F with F/rns of the same model and schedule, per length") {
  const std::vector<GrowthSeries> all{
      series("pd", "scan", "exact", {{16, 75}, {32, 112}, {64, 158}}),
      series("pd", "sequential", "exact", {{16, 300}}),
      series("deltanet", "scan", "exact/rns", {{16, 465}}),  // no binary partner
      series("pd", "scan", "exact/rns", {{16, 300}, {64, 632}, {128, 700}}),
  };
  const auto comparisons = rnncc::report::compare_lowerings(all);
  REQUIRE(comparisons.size() == 2);  // T = 16 and 64: the lengths both measured
  CHECK(comparisons[0].model == "pd");
  CHECK(comparisons[0].schedule == "scan");
  CHECK(comparisons[0].format == "exact");
  CHECK(comparisons[0].length == 16);
  CHECK(comparisons[0].binary_depth == 75);
  CHECK(comparisons[0].residue_depth == 300);
  CHECK(comparisons[0].residue_ands == 3000);
  CHECK(comparisons[0].depth_ratio() == doctest::Approx(0.25));
  CHECK(comparisons[1].length == 64);
  CHECK(comparisons[1].depth_ratio() == doctest::Approx(0.25));
  const std::string table = rnncc::report::render_lowering_comparison(comparisons, false);
  CHECK(table.find("0.25") != std::string::npos);
  CHECK(table.find("632") != std::string::npos);
  CHECK(rnncc::report::render_lowering_comparison({}, false).empty());
  CHECK(rnncc::report::compare_lowerings({all[0], all[1]}).empty());
}
