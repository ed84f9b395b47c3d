// `rnncc eval` as a user runs it: output lines against ABC's `sim -A` and
// hand-computed sums, the documented random generator, the timing report,
// and one-line errors (exit status 2) for malformed pattern files.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "support/abc.hpp"
#include "support/command.hpp"

using rnncc::test::run_abc;
using rnncc::test::run_rnncc;
using rnncc::test::TemporaryDirectory;

namespace {

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string quoted(const std::filesystem::path& path) {
  return fmt::format("'{}'", path.string());
}

/// A gen'd adder file of `bits` bits (inputs a[0..], b[0..]).
std::filesystem::path make_adder(const TemporaryDirectory& directory, int bits,
                                 const std::string& name) {
  const auto file = directory / name;
  const auto made =
      run_rnncc(fmt::format("gen adder --bits {} --arch kogge-stone -o {}", bits, quoted(file)));
  REQUIRE_MESSAGE(made.exit_status == 0, made.standard_error);
  return file;
}

/// Patterns written by the test's own splitmix64 (the generator eval
/// documents), word by word and input by input.
std::string splitmix_pattern_lines(std::uint32_t inputs, std::uint64_t count, std::uint64_t seed) {
  std::uint64_t state = seed;
  auto next = [&state] {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  std::vector<std::string> lines(count, std::string(inputs, '0'));
  for (std::uint64_t word = 0; word * 64 < count; ++word)
    for (std::uint32_t input = 0; input < inputs; ++input) {
      const std::uint64_t bits = next();
      for (std::uint64_t p = word * 64; p < count && p < word * 64 + 64; ++p)
        if ((bits >> (p % 64)) & 1) lines[p][input] = '1';
    }
  std::string text;
  for (const auto& line : lines)
    text += line + "\n";
  return text;
}

std::string abc_output_lines(const std::filesystem::path& circuit,
                             const std::filesystem::path& patterns, std::size_t outputs) {
  std::istringstream lines(
      run_abc("read " + circuit.string() + "; strash; sim -m -v -A " + patterns.string(),
              circuit.parent_path()));
  std::string line, kept;
  while (std::getline(lines, line))
    if (line.size() == outputs && line.find_first_not_of("01") == std::string::npos)
      kept += line + "\n";
  return kept;
}

}  // namespace

TEST_CASE("eval --patterns: a 4-bit adder's sums, least significant bit first") {
  TemporaryDirectory directory;
  const auto adder = make_adder(directory, 4, "add4.aag");
  // a = 3, b = 5 -> 8; a = 15, b = 15 -> 30; a = 0, b = 0 -> 0.
  write_text(directory / "p.txt", "11001010\n11111111\n00000000\n");
  const auto result =
      run_rnncc("eval " + quoted(adder) + " --patterns " + quoted(directory / "p.txt"));
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  CHECK(result.standard_output == "00010\n01111\n00000\n");
  CHECK(result.standard_error.empty());
}

TEST_CASE("eval agrees with ABC's sim -A on a multiplier, in both modes and on 1-3 threads") {
  TemporaryDirectory directory;
  const auto file = directory / "m.aig";
  const auto made = run_rnncc("gen multiplier --bits 8 --arch dadda -o " + quoted(file));
  REQUIRE_MESSAGE(made.exit_status == 0, made.standard_error);
  write_text(directory / "p.txt", splitmix_pattern_lines(16, 700, 99));
  const std::string expected = abc_output_lines(file, directory / "p.txt", 16);
  REQUIRE(!expected.empty());
  for (const std::string mode : {"patterns", "levels"}) {
    const auto result = run_rnncc("eval " + quoted(file) + " --patterns " +
                                  quoted(directory / "p.txt") + " --threads 1,2,3 --mode " + mode);
    REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
    CHECK(result.standard_output == expected);
    // The report: work and span lines and one row per thread count.
    CHECK(result.standard_error.find("work ") != std::string::npos);
    CHECK(result.standard_error.find("span ") != std::string::npos);
  }
}

TEST_CASE("eval --random N --seed S evaluates the documented splitmix64 patterns") {
  TemporaryDirectory directory;
  const auto adder = make_adder(directory, 16, "add16.aig");
  write_text(directory / "p.txt", splitmix_pattern_lines(32, 300, 12345));
  const auto from_file =
      run_rnncc("eval " + quoted(adder) + " --patterns " + quoted(directory / "p.txt"));
  const auto random = run_rnncc("eval " + quoted(adder) + " --random 300 --seed 12345");
  REQUIRE_MESSAGE(random.exit_status == 0, random.standard_error);
  CHECK(random.standard_output == from_file.standard_output);
  CHECK(random.standard_output == abc_output_lines(adder, directory / "p.txt", 17));
}

TEST_CASE("eval --json: work and span as ABC counts them, one timing per thread count") {
  TemporaryDirectory directory;
  const auto adder = make_adder(directory, 32, "add32.aig");
  const auto abc = rnncc::test::abc_statistics(adder);
  const auto result =
      run_rnncc("eval " + quoted(adder) + " --random 1000 --threads 1,2 --mode levels --json");
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  const auto json = nlohmann::json::parse(result.standard_output);
  CHECK(json["work"] == abc.ands);
  CHECK(json["span"] == abc.levels);
  CHECK(json["parallelism"].get<double>() ==
        doctest::Approx(static_cast<double>(abc.ands) / static_cast<double>(abc.levels)));
  CHECK(json["mode"] == "levels");
  REQUIRE(json["timings"].size() == 2);
  CHECK(json["timings"][1]["threads"] == 2);
  CHECK(json["timings"][1]["brent_bound_steps"].get<double>() ==
        doctest::Approx(abc.ands / 2.0 + abc.levels));
  CHECK(json["outputs"].size() == 1000);
  CHECK(json["outputs"][0].get<std::string>().size() == 33);
}

TEST_CASE("malformed pattern files and bad options: one line, exit status 2") {
  TemporaryDirectory directory;
  const auto adder = make_adder(directory, 2, "add2.aag");
  struct Case {
    std::string contents;
    std::string expected_error;
  };
  const Case cases[] = {
      {"0101\n010\n", "p.txt:2: expected 4 characters 0/1 (one per input), found 3"},
      {"0101\n01010\n", "p.txt:2: expected 4 characters 0/1 (one per input), found 5"},
      {"0101\n0101\n01a1\n", "p.txt:3: column 3: expected 0 or 1, found 'a'"},
      {"0 1 0 1\n", "p.txt:1: column 2: expected 0 or 1, found byte 0x20"},
  };
  for (const Case& c : cases) {
    write_text(directory / "p.txt", c.contents);
    const auto result =
        run_rnncc("eval " + quoted(adder) + " --patterns " + quoted(directory / "p.txt"));
    CHECK(result.exit_status == 2);
    CHECK(result.standard_output.empty());
    CHECK(result.standard_error == "rnncc: " + (directory / c.expected_error).string() + "\n");
  }
  const auto missing =
      run_rnncc("eval " + quoted(adder) + " --patterns " + quoted(directory / "no"));
  CHECK(missing.exit_status == 2);
  const auto neither = run_rnncc("eval " + quoted(adder));
  CHECK(neither.exit_status == 2);
  CHECK(neither.standard_error ==
        "rnncc: eval: give exactly one of --patterns FILE, --random N (N >= 1), --tokens STRING, "
        "--vectors FILE\n");
  const auto both =
      run_rnncc("eval " + quoted(adder) + " --random 5 --patterns " + quoted(directory / "p.txt"));
  CHECK(both.exit_status == 2);
  const auto bad_mode = run_rnncc("eval " + quoted(adder) + " --random 5 --mode nodes");
  CHECK(bad_mode.exit_status == 2);
  const auto bad_width = run_rnncc("eval " + quoted(adder) + " --random 5 --block-words 3");
  CHECK(bad_width.exit_status == 2);
  CHECK(bad_width.standard_error ==
        "rnncc: block width 3 words: expected 1, 2, 4, 8, 16, 32 or 64\n");
}

TEST_CASE("eval --summary: each output's count of ones over every 4-bit sum") {
  TemporaryDirectory directory;
  const auto adder = make_adder(directory, 4, "add4.aag");
  // Every (a, b), a's bits then b's, least significant first.
  std::string lines;
  std::vector<std::uint64_t> expected_ones(5, 0);
  for (unsigned a = 0; a < 16; ++a) {
    for (unsigned b = 0; b < 16; ++b) {
      for (unsigned bit = 0; bit < 4; ++bit)
        lines += ((a >> bit) & 1U) != 0 ? '1' : '0';
      for (unsigned bit = 0; bit < 4; ++bit)
        lines += ((b >> bit) & 1U) != 0 ? '1' : '0';
      lines += '\n';
      for (unsigned bit = 0; bit < 5; ++bit)
        expected_ones[bit] += ((a + b) >> bit) & 1U;
    }
  }
  const auto patterns = directory / "all.txt";
  write_text(patterns, lines);
  const auto result =
      run_rnncc(fmt::format("eval {} --patterns {} --summary", quoted(adder), quoted(patterns)));
  REQUIRE_MESSAGE(result.exit_status == 0, result.standard_error);
  CHECK(result.standard_output == fmt::format("patterns 256\nones {} {} {} {} {}\n",
                                              expected_ones[0], expected_ones[1], expected_ones[2],
                                              expected_ones[3], expected_ones[4]));
}
