// Claim files and their case kinds: bad files are refused with file:line
// before anything runs; every verdict path (PASS, FAIL, FAIL as expected,
// PASS where FAIL was expected, a stated counterexample not confirmed);
// a construction with one weight changed makes its claim FAIL; the exact
// kinds agree with references derived by hand or by brute force.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fstream>
#include <set>
#include <string>

#include "rnncc/common/error.hpp"
#include "rnncc/experiment/claims.hpp"
#include "rnncc/experiment/construction.hpp"
#include "support/abc.hpp"

using namespace rnncc;

namespace {

/// Writes `text` to DIRECTORY/NAME and returns the path.
std::filesystem::path write_file(const std::filesystem::path& directory, const std::string& name,
                                 const std::string& text) {
  std::ofstream(directory / name, std::ios::binary) << text;
  return directory / name;
}

report::ClaimResult run_claim(const std::filesystem::path& path) {
  experiment::ProveObserver quiet;
  return experiment::read_claim_file(path).run({}, quiet);
}

std::string header(const std::string& extra = "") {
  return "title = \"t\"\nstatement = \"s\"\nsource = \"Lemma 0\"\n" + extra;
}

std::string refusal(const std::filesystem::path& path) {
  try {
    experiment::read_claim_file(path);
  } catch (const InputError& error) {
    return error.what();
  }
  return "(accepted)";
}

std::string source_path(const std::string& relative) {
  return std::string(RNNCC_SOURCE_DIR) + "/" + relative;
}

}  // namespace

TEST_CASE("bad claim files are refused with one line naming the file and line") {
  test::TemporaryDirectory directory;
  struct Bad {
    std::string text;
    std::string line;     // ":N:" expected in the message
    std::string message;  // a part of the message
  };
  const Bad bad[] = {
      {header("[[case]]\nkind = \"fraction-sum\"\nnumerator = \"a\"\ndenominator = \"b\"\n"
              "colour = 1\n"),
       ":8:", "unknown key 'colour'"},
      {header("[[case]]\nkind = \"telepathy\"\n"), ":5:", "unknown case kind 'telepathy'"},
      {"statement = \"s\"\nsource = \"x\"\n[[case]]\nkind = \"fraction-sum\"\n", ":",
       "missing key 'title'"},
      {header("column = \"NC2\"\n[[case]]\nkind = \"fraction-sum\"\n"),
       ":4:", "'column' must be one of TC0, NC1, PNC1, L, P"},
      {header("[[case]]\nkind = \"growth\"\nmodel = \"nowhere.toml\"\nschedule = \"scan\"\n"
              "lengths = \"16..256\"\ndepth = \"log\"\n"),
       ":6:", "names no file"},
      {header("[[case]]\nkind = \"growth\"\nconstruction = \"s5\"\nschedule = \"scan\"\n"
              "lengths = \"16..256\"\ndepth = \"fast\"\n"),
       ":9:", "must be a growth class"},
      {header("[[case]]\nkind = \"accuracy\"\nconstruction = \"s5\"\n"
              "parameters = { family = \"lstm\" }\ntask = \"s5\"\nsizes = [4]\naccuracy = 1.0\n"),
       ":6:", "family"},
      {header("[[case]]\nkind = \"accuracy\"\nconstruction = \"s5\"\ntask = \"s6\"\nsizes = "
              "[4]\naccuracy = 1.0\n"),
       ":7:", "unknown task"},
      {header("[[case]]\nkind = \"fraction-sum\"\nnumerator = \"a*/d\"\ndenominator = \"b\"\n"),
       ":6:", "sum of products"},
      {header("[[case]]\nkind = \"fraction-sum\"\nnumerator = \"a\"\ndenominator = \"b\"\n"
              "expected_verdict = \"maybe\"\n"),
       ":8:", "PASS"},
      {header("[[case]]\nkind = \"equivalence\"\nconstruction = \"s5\"\nlengths = [1]\n"
              "lowering = \"ternary\"\n"),
       ":8:", "rns"},
      {header() + "[[case]\n", ":4:", ""},
      {header(), ":", "missing [[case]]"},
  };
  std::size_t index = 0;
  for (const Bad& entry : bad) {
    CAPTURE(entry.text);
    const std::filesystem::path path =
        write_file(directory.path(), fmt::format("bad{}.toml", index++), entry.text);
    const std::string message = refusal(path);
    CHECK(message.rfind(path.string() + entry.line, 0) == 0);
    CHECK(message.find(entry.message) != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
  }
}

TEST_CASE("every verdict path: PASS, FAIL, FAIL as expected, PASS against an expected FAIL") {
  test::TemporaryDirectory directory;
  const std::string printed =
      "kind = \"fraction-sum\"\nnumerator = \"a*d + b*c\"\n"
      "denominator = \"b*c\"\nrange = 3\n";
  const std::string corrected =
      "kind = \"fraction-sum\"\nnumerator = \"a*d + b*c\"\n"
      "denominator = \"b*d\"\nrange = 3\n";
  const std::filesystem::path path = write_file(
      directory.path(), "paths.toml",
      header() + "[[case]]\nname = \"pass\"\n" + corrected + "[[case]]\nname = \"fail\"\n" +
          printed + "[[case]]\nname = \"expected fail\"\n" + printed +
          "counterexample = [1, 1, 1, 2]\nexpected_verdict = \"FAIL\"\n" +
          "[[case]]\nname = \"unexpected pass\"\n" + corrected +
          "expected_verdict = \"FAIL\"\n[[case]]\nname = \"wrong counterexample\"\n" + printed +
          "counterexample = [1, 1, 1, 1]\nexpected_verdict = \"FAIL\"\n");
  const report::ClaimResult result = run_claim(path);
  REQUIRE(result.cases.size() == 5);
  const report::CaseResult& pass = result.cases[0];
  CHECK(pass.holds);
  CHECK(pass.as_expected());
  CHECK(report::verdict_text(pass) == "PASS");
  // 1/1 + 1/2 = 3/2, the printed rule gives (1·2 + 1·1)/(1·1) = 3.
  const report::CaseResult& fail = result.cases[1];
  CHECK_FALSE(fail.holds);
  CHECK_FALSE(fail.as_expected());
  CHECK(report::verdict_text(fail) == "FAIL");
  const report::CaseResult& expected_fail = result.cases[2];
  CHECK_FALSE(expected_fail.holds);
  CHECK(expected_fail.as_expected());
  CHECK(report::verdict_text(expected_fail) == "FAIL (expected)");
  bool confirmed = false;
  for (const std::string& line : expected_fail.evidence)
    confirmed = confirmed || (line.find("stated counterexample confirmed") != std::string::npos &&
                              line.find("a/b + c/d = 3/2") != std::string::npos &&
                              line.find("3/1 = 3") != std::string::npos);
  CHECK(confirmed);
  const report::CaseResult& unexpected_pass = result.cases[3];
  CHECK(unexpected_pass.holds);
  CHECK_FALSE(unexpected_pass.as_expected());
  CHECK(report::verdict_text(unexpected_pass) == "PASS (expected FAIL)");
  // 1/1 + 1/1 = 2 and the printed rule gives (1 + 1)/1 = 2: not a counterexample.
  const report::CaseResult& wrong = result.cases[4];
  CHECK_FALSE(wrong.holds);
  CHECK_FALSE(wrong.stated_counterexample_found);
  CHECK_FALSE(wrong.as_expected());
  CHECK_FALSE(result.as_expected());
}

TEST_CASE("the printed fraction rule is wrong exactly where bc differs from bd (up to the sum)") {
  // By hand: (ad + bc)/(bc) = a/b + c/d = (ad + bc)/(bd) iff ad + bc = 0 or b·c = b·d, i.e.
  // iff ad + bc = 0 or c = d. Count those tuples in the range independently.
  test::TemporaryDirectory directory;
  const long range = 3;
  std::size_t total = 0, right = 0;
  for (long a = -range; a <= range; ++a)
    for (long b = 1; b <= range; ++b)
      for (long c = -range; c <= range; ++c)
        for (long d = 1; d <= range; ++d) {
          ++total;
          // c = 0 makes the printed denominator 0: always wrong.
          if (c != 0 && (a * d + b * c == 0 || c == d)) ++right;
        }
  const report::ClaimResult result = run_claim(
      write_file(directory.path(), "count.toml",
                 header() + "[[case]]\nkind = \"fraction-sum\"\nnumerator = \"a*d + b*c\"\n"
                            "denominator = \"b*c\"\nrange = 3\n"));
  CHECK(result.cases[0].measured == fmt::format("wrong on {} of {} tuples", total - right, total));
}

TEST_CASE("matrix orders over Q: exactly 1, 2, 3, 4, 6 in dimension 2, each found by brute force") {
  // Independent witnesses: every 2×2 integer matrix with entries in [-2, 2]
  // and the orders up to 24 among them.
  std::set<int> found;
  for (int a = -2; a <= 2; ++a)
    for (int b = -2; b <= 2; ++b)
      for (int c = -2; c <= 2; ++c)
        for (int d = -2; d <= 2; ++d) {
          long p = a, q = b, r = c, s = d;  // the power, starting at A^1
          for (int order = 1; order <= 24; ++order) {
            if (p == 1 && q == 0 && r == 0 && s == 1) {
              found.insert(order);
              break;
            }
            const long np = p * a + q * c, nq = p * b + q * d, nr = r * a + s * c,
                       ns = r * b + s * d;
            p = np, q = nq, r = nr, s = ns;
            if (std::abs(p) > 1000000) break;
          }
        }
  CHECK(found == std::set<int>{1, 2, 3, 4, 6});

  test::TemporaryDirectory directory;
  std::string text = header();
  for (int order = 1; order <= 24; ++order)
    text += fmt::format("[[case]]\nkind = \"matrix-order\"\ndimension = 2\norder = {}\n", order);
  // Dimension 4: Euler's φ(n) ≤ 4 (or a sum of two orders' φ) — by hand,
  // orders 5, 8, 10, 12 exist (φ = 4) and 7, 9 (φ = 6) do not.
  for (int order : {5, 8, 10, 12, 7, 9})
    text += fmt::format("[[case]]\nkind = \"matrix-order\"\ndimension = 4\norder = {}\n", order);
  text += "[[case]]\nkind = \"matrix-order\"\ndimension = 2\norder = 1404\n";
  const report::ClaimResult result = run_claim(write_file(directory.path(), "orders.toml", text));
  REQUIRE(result.cases.size() == 31);
  for (int order = 1; order <= 24; ++order) {
    CAPTURE(order);
    CHECK(result.cases[order - 1].holds == (found.count(order) == 1));
  }
  for (std::size_t i = 0; i < 6; ++i)
    CHECK(result.cases[24 + i].holds == (i < 4));
  const report::CaseResult& router = result.cases[30];
  CHECK_FALSE(router.holds);
  bool degree = false, orders = false;
  for (const std::string& line : router.evidence) {
    // φ(1404) = φ(4)·φ(27)·φ(13) = 2·18·12 = 432.
    degree = degree || line.find("deg Φ_1404 = 432") != std::string::npos;
    orders = orders || line.find("rational matrix has: 1, 2, 3, 4, 6 ") != std::string::npos;
  }
  CHECK(degree);
  CHECK(orders);
}

TEST_CASE("a construction with one weight changed makes its claim FAIL") {
  test::TemporaryDirectory directory;
  experiment::ConstructionRequest request;
  std::string model = experiment::make_construction("s5")->build(request);
  write_file(directory.path(), "s5.toml", model);
  // The initial state (0, 1, 2, 3, 4) is the identity; swapping its first
  // two entries makes the identity product score Σ (j − 2)·h_j = 9, not
  // 10: the readout rejects every identity word (half the instances).
  const std::string initial = "initial = [0, 1, 2, 3, 4]";
  REQUIRE(model.find(initial) != std::string::npos);
  model.replace(model.find(initial), initial.size(), "initial = [1, 0, 2, 3, 4]");
  write_file(directory.path(), "s5_mutated.toml", model);
  const std::string claim_case =
      "[[case]]\nkind = \"accuracy\"\ntask = \"s5\"\nsizes = [8, 16]\n"
      "count = 16\nengine = \"both\"\naccuracy = 1.0\n";
  const report::ClaimResult original = run_claim(write_file(
      directory.path(), "original.toml", header() + claim_case + "model = \"s5.toml\"\n"));
  CHECK(original.cases[0].holds);
  CHECK(original.cases[0].measured == "accuracy 1.000 (32/32)");
  const report::ClaimResult mutated = run_claim(write_file(
      directory.path(), "mutated.toml", header() + claim_case + "model = \"s5_mutated.toml\"\n"));
  CHECK_FALSE(mutated.cases[0].holds);
  CHECK_FALSE(mutated.as_expected());
  // Balanced instances: every identity word (half of them) is rejected.
  CHECK(mutated.cases[0].measured != "accuracy 1.000 (32/32)");
  bool counterexample = false;
  for (const std::string& line : mutated.cases[0].evidence)
    counterexample =
        counterexample || (line.rfind("counterexample: s5 n = 8", 0) == 0 &&
                           line.find("expected 1, the model answers 0") != std::string::npos);
  CHECK(counterexample);
}

TEST_CASE("written instances: Lemma 2's machine without a sink target answers no") {
  test::TemporaryDirectory directory;
  // s = 1, edges (1, 2), (2, 3); t = 2 is reachable but not a sink; t = 3 is a sink.
  const report::ClaimResult result = run_claim(write_file(
      directory.path(), "lemma2.toml",
      header() +
          "[[case]]\nkind = \"accuracy\"\nconstruction = \"connectivity\"\n"
          "instances = [{ tokens = \"s i>jj, ii>jjj, tt\", label = 1 }]\naccuracy = 1.0\n"
          "[[case]]\nkind = \"accuracy\"\nconstruction = \"connectivity\"\n"
          "instances = [{ tokens = \"s i>jj, ii>jjj, ttt\", label = 1 }]\naccuracy = 1.0\n"));
  CHECK_FALSE(result.cases[0].holds);
  CHECK(result.cases[0].measured == "accuracy 0.000 (0/1)");
  REQUIRE(!result.cases[0].evidence.empty());
  CHECK(result.cases[0].evidence.back() ==
        "counterexample: instance: input si>jj,ii>jjj,tt expected 1, the model answers 0");
  CHECK(result.cases[1].holds);
}

TEST_CASE("growth cases judge measured classes; a refused schedule; scan ≡ sequential") {
  test::TemporaryDirectory directory;
  const std::string model = "model = \"" + source_path("circuits/models/diagonal.toml") + "\"\n";
  const report::ClaimResult result = run_claim(write_file(
      directory.path(), "growth.toml",
      header() + "[[case]]\nkind = \"growth\"\n" + model +
          "format = \"mod:8\"\nschedule = \"scan\"\nlengths = \"16..128\"\ndepth = \"<= log\"\n"
          "[[case]]\nkind = \"growth\"\n" +
          model +
          "format = \"mod:8\"\nschedule = \"scan\"\nlengths = \"16..128\"\ndepth = \"linear\"\n"
          "[[case]]\nkind = \"growth\"\n" +
          model +
          "format = \"mod:8\"\nschedule = \"sequential\"\nlengths = \"16..128\"\n"
          "depth = \"linear\"\n"
          "[[case]]\nkind = \"growth\"\nconstruction = \"connectivity\"\nschedule = \"scan\"\n"
          "lengths = [16]\nrefused = true\n"
          "[[case]]\nkind = \"growth\"\n" +
          model +
          "format = \"mod:8\"\nschedule = \"scan\"\nlengths = [16]\nrefused = true\n"
          "[[case]]\nkind = \"equivalence\"\n" +
          model +
          "format = \"mod:4\"\nschedules = [\"scan\", \"chunked:2\"]\nlengths = [1, 2, 3]\n"));
  REQUIRE(result.cases.size() == 6);
  CHECK(result.cases[0].holds);
  CHECK(result.cases[0].measured == "depth log");
  REQUIRE(result.cases[0].series);
  CHECK(result.cases[0].series->points.size() == 4);
  CHECK_FALSE(result.cases[1].holds);  // a log series is not linear
  CHECK(result.cases[2].holds);
  CHECK(result.cases[3].holds);
  CHECK(result.cases[3].measured == "refused");
  CHECK_FALSE(result.cases[4].holds);  // the diagonal scan compiles
  CHECK(result.cases[5].holds);
  CHECK(result.cases[5].evidence.size() == 6);  // 3 lengths × 2 schedules
}

TEST_CASE("cases in residues: the rns scan against the binary sequential circuit, an rns series") {
  test::TemporaryDirectory directory;
  const std::string model = "model = \"" + source_path("circuits/models/pd.toml") + "\"\n";
  const report::ClaimResult result = run_claim(write_file(
      directory.path(), "rns.toml",
      header() + "[[case]]\nkind = \"equivalence\"\n" + model +
          "format = \"exact\"\nschedules = [\"scan\", \"sequential\"]\nlengths = [1, 2]\n"
          "lowering = \"rns\"\n"
          "[[case]]\nkind = \"growth\"\n" +
          model +
          "format = \"exact\"\nschedule = \"scan\"\nlengths = [2, 4, 8, 16]\n"
          "arith_depth = \"<= log\"\nlowering = \"rns\"\n"));
  REQUIRE(result.cases.size() == 2);
  CHECK(result.cases[0].holds);
  CHECK(result.cases[0].subject.find("in residues") != std::string::npos);
  CHECK(result.cases[0].evidence.size() == 4);  // 2 lengths × 2 schedules
  CHECK(result.cases[1].holds);
  REQUIRE(result.cases[1].series);
  CHECK(result.cases[1].series->format.find("rns") != std::string::npos);
}
