// The gen and stats commands, run as a user runs them, checked against ABC
// and against hand-derived expectations.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/abc.hpp"
#include "support/command.hpp"

using rnncc::test::run_abc;
using rnncc::test::run_rnncc;
using rnncc::test::TemporaryDirectory;

namespace {
nlohmann::json stats_json(const std::filesystem::path& file) {
  auto result = run_rnncc("stats --json '" + file.string() + "'");
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  return nlohmann::json::parse(result.standard_output);
}
}  // namespace

TEST_CASE("--version names the program and exits 0") {
  auto result = run_rnncc("--version");
  CHECK(result.exit_status == 0);
  CHECK(result.standard_output.rfind("rnncc ", 0) == 0);
}

TEST_CASE("stats on ABC's own 256-bit multiplier prints 521472 ANDs and depth 2037") {
  TemporaryDirectory directory;
  run_abc("gen -m -N 256 m.blif; read m.blif; strash; write_aiger m.aig", directory.path());
  REQUIRE(std::filesystem::exists(directory / "m.aig"));
  nlohmann::json stats = stats_json(directory / "m.aig");
  CHECK(stats["ands"] == 521472);
  CHECK(stats["depth"] == 2037);
  CHECK(stats["inputs"] == 512);
  CHECK(stats["outputs"] == 512);
  auto text = run_rnncc("stats '" + (directory / "m.aig").string() + "'");
  CHECK(text.exit_status == 0);
  CHECK(text.standard_output.find("521472") != std::string::npos);
}

TEST_CASE("gen writes circuits whose stats agree with ABC's &ps, for every architecture") {
  TemporaryDirectory directory;
  for (std::string arch : {"ripple", "sklansky", "brent-kung", "kogge-stone", "ladner-fischer"}) {
    auto file = directory / ("adder-" + arch + ".aig");
    auto made = run_rnncc("gen adder --bits 24 --arch " + arch + " -o '" + file.string() + "'");
    REQUIRE_MESSAGE(made.exit_status == 0, made.standard_error);
    nlohmann::json stats = stats_json(file);
    auto abc = rnncc::test::abc_statistics(file);
    CHECK(stats["ands"] == abc.ands);
    CHECK(stats["depth"] == abc.levels);
    CHECK(stats["inputs"] == 48);
    CHECK(stats["outputs"] == 25);
  }
  for (std::string arch : {"array", "wallace", "dadda"}) {
    auto file = directory / ("multiplier-" + arch + ".aig");
    auto made = run_rnncc("gen multiplier --signed --bits 12 --arch " + arch + " -o '" +
                          file.string() + "'");
    REQUIRE_MESSAGE(made.exit_status == 0, made.standard_error);
    nlohmann::json stats = stats_json(file);
    auto abc = rnncc::test::abc_statistics(file);
    CHECK(stats["ands"] == abc.ands);
    CHECK(stats["depth"] == abc.levels);
    CHECK(stats["outputs"] == 24);
  }
}

TEST_CASE("a ripple-carry adder's depth grows linearly, a Kogge-Stone adder's logarithmically") {
  TemporaryDirectory directory;
  auto depth_of = [&](const std::string& arch, int bits) {
    auto file = directory / (arch + std::to_string(bits) + ".aag");
    auto made = run_rnncc("gen adder --bits " + std::to_string(bits) + " --arch " + arch + " -o '" +
                          file.string() + "'");
    REQUIRE_MESSAGE(made.exit_status == 0, made.standard_error);
    return stats_json(file)["depth"].get<int>();
  };
  // Linear growth: D(64) - D(32) = 2 (D(32) - D(16)) > 0.
  const int ripple16 = depth_of("ripple", 16), ripple32 = depth_of("ripple", 32),
            ripple64 = depth_of("ripple", 64);
  CHECK(ripple32 > ripple16);
  CHECK(ripple64 - ripple32 == 2 * (ripple32 - ripple16));
  // Doubling the width adds a fixed number of levels to Kogge-Stone (one prefix level).
  const int ks16 = depth_of("kogge-stone", 16), ks32 = depth_of("kogge-stone", 32),
            ks64 = depth_of("kogge-stone", 64);
  CHECK(ks64 - ks32 == ks32 - ks16);
  CHECK(ks64 - ks32 == 2);  // one more prefix level: two AND levels of the (g, p) cell
}

TEST_CASE("stats --critical-path lists a path with depth-many ANDs") {
  TemporaryDirectory directory;
  auto file = directory / "a.aig";
  REQUIRE(run_rnncc("gen adder --bits 8 --arch ripple -o '" + file.string() + "'").exit_status ==
          0);
  auto result = run_rnncc("stats --json --critical-path '" + file.string() + "'");
  REQUIRE(result.exit_status == 0);
  auto stats = nlohmann::json::parse(result.standard_output);
  CHECK(stats["critical_path"].size() == stats["depth"].get<std::size_t>() + 1);
}

TEST_CASE("bad input: one line, exit status 2, no output file left behind") {
  TemporaryDirectory directory;
  SUBCASE("missing file") {
    auto result = run_rnncc("stats '" + (directory / "absent.aig").string() + "'");
    CHECK(result.exit_status == 2);
    CHECK(result.standard_error.find("absent.aig") != std::string::npos);
  }
  SUBCASE("malformed file names the line") {
    auto file = directory / "bad.aag";
    std::ofstream(file) << "aag 3 2 0 1 1\n2\n4\n6\n6 2 9\n";
    auto result = run_rnncc("stats '" + file.string() + "'");
    CHECK(result.exit_status == 2);
    CHECK(result.standard_error.find("bad.aag:5") != std::string::npos);
    CHECK(std::count(result.standard_error.begin(), result.standard_error.end(), '\n') == 1);
  }
  SUBCASE("unknown architecture, bad extension, impossible width") {
    auto out = directory / "x.aig";
    CHECK(run_rnncc("gen adder --bits 8 --arch carry-save -o '" + out.string() + "'").exit_status ==
          2);
    CHECK(run_rnncc("gen adder --bits 0 -o '" + out.string() + "'").exit_status == 2);
    CHECK(run_rnncc("gen adder --bits 8 -o '" + (directory / "x.txt").string() + "'").exit_status ==
          2);
    CHECK(run_rnncc("gen divider --bits 8 -o '" + out.string() + "'").exit_status == 2);
    CHECK(!std::filesystem::exists(out));
    CHECK(std::distance(std::filesystem::directory_iterator(directory.path()),
                        std::filesystem::directory_iterator()) == 0);
  }
  SUBCASE("unwritable destination leaves nothing") {
    auto result =
        run_rnncc("gen adder --bits 8 -o '" + (directory / "no-such-dir" / "a.aig").string() + "'");
    CHECK(result.exit_status == 2);
    CHECK(result.standard_error.find("no-such-dir") != std::string::npos);
  }
}

TEST_CASE("stats on a .arith file: operation counts and depths derived by hand") {
  TemporaryDirectory directory;
  auto file = directory / "horner.arith";
  // Horner's rule for 3x^3 - 2x^2 + x + 5 over Z/2^8: three multiplies and
  // three adds alternate on the path, so arithmetic depth 6; the first
  // multiply scales by the constant 3, so the multiplicative depth is 2.
  std::ofstream(file) << "rnncc-arith 1 mod:8\n"
                         "n0 = input x\n"
                         "n1 = const 3\n"
                         "n2 = mul n1 n0\n"
                         "n3 = const -2\n"
                         "n4 = add n2 n3\n"
                         "n5 = mul n4 n0\n"
                         "n6 = const 1\n"
                         "n7 = add n5 n6\n"
                         "n8 = mul n7 n0\n"
                         "n9 = const 5\n"
                         "n10 = add n8 n9\n"
                         "output y n10\n";
  nlohmann::json stats = stats_json(file);
  CHECK(stats["arith_depth"] == 6);
  CHECK(stats["mult_depth"] == 2);
  CHECK(stats["ops"]["mul"] == 3);
  CHECK(stats["ops"]["add"] == 3);
  CHECK(stats["ops"]["const"] == 4);
  CHECK(stats["ops"]["input"] == 1);
  CHECK(stats["inputs"] == 8);
  CHECK(stats["outputs"] == 8);
  CHECK(stats["ands"].get<int>() > 0);
  CHECK(stats["format"] == "mod:8");

  std::ofstream(directory / "cycle.arith") << "rnncc-arith 1 mod:8\nn0 = add n1 n1\nn1 = input x\n";
  auto bad = run_rnncc("stats '" + (directory / "cycle.arith").string() + "'");
  CHECK(bad.exit_status == 2);
  CHECK(bad.standard_error.find("cycle.arith:2") != std::string::npos);
}
