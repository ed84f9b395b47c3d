// Pattern files and random patterns, against hand-written files and the
// published splitmix64 sequence.
#include <doctest/doctest.h>

#include <string>

#include "rnncc/common/error.hpp"
#include "rnncc/eval/pattern_file.hpp"
#include "rnncc/eval/random_patterns.hpp"

using rnncc::eval::parse_patterns;
using rnncc::eval::PatternSet;

namespace {
std::string error_of(std::string_view text, std::uint32_t signals) {
  try {
    parse_patterns(text, signals, "p.txt");
  } catch (const rnncc::InputError& error) {
    return error.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("pattern lines are read one character per signal, signal 0 first") {
  const PatternSet patterns = parse_patterns("100\n011\r\n111", 3, "p.txt");
  REQUIRE(patterns.pattern_count() == 3);
  CHECK(patterns.bit(0, 0));
  CHECK(!patterns.bit(1, 0));
  CHECK(!patterns.bit(2, 0));
  CHECK(!patterns.bit(0, 1));
  CHECK(patterns.bit(1, 1));
  CHECK(patterns.bit(2, 1));
  CHECK(patterns.words(0)[0] == 0b101);
  CHECK(patterns.words(1)[0] == 0b110);
  CHECK(rnncc::eval::format_patterns(patterns) == "100\n011\n111\n");
  CHECK(rnncc::eval::format_pattern(patterns, 1) == "011");
  CHECK(parse_patterns("", 3, "p.txt").pattern_count() == 0);
  // Without inputs every (empty) line is a pattern.
  CHECK(parse_patterns("\n\n", 0, "p.txt").pattern_count() == 2);
}

TEST_CASE("200 patterns survive formatting and parsing") {
  const PatternSet patterns = rnncc::eval::random_patterns(37, 200, 4);
  CHECK(parse_patterns(rnncc::eval::format_patterns(patterns), 37, "x") == patterns);
}

TEST_CASE("malformed pattern lines give one line naming the file, line and fault") {
  CHECK(error_of("010\n01\n", 3) == "p.txt:2: expected 3 characters 0/1 (one per input), found 2");
  CHECK(error_of("0101\n", 3) == "p.txt:1: expected 3 characters 0/1 (one per input), found 4");
  CHECK(error_of("010\n0x0\n", 3) == "p.txt:2: column 2: expected 0 or 1, found 'x'");
  CHECK(error_of("010\n\n010\n", 3) ==
        "p.txt:2: expected 3 characters 0/1 (one per input), found 0");
  CHECK(error_of("0 1\n", 3) == "p.txt:1: column 2: expected 0 or 1, found byte 0x20");
  CHECK(error_of("01\t", 3) == "p.txt:1: column 3: expected 0 or 1, found byte 0x09");
  CHECK_THROWS_AS(rnncc::eval::read_pattern_file("/nonexistent/p.txt", 3), rnncc::InputError);
}

TEST_CASE("random patterns follow the published splitmix64 sequence") {
  // splitmix64 from state 0 outputs 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4,
  // 0x06c45d188009454f (the reference sequence of Vigna's splitmix64.c).
  const PatternSet patterns = rnncc::eval::random_patterns(2, 100, 0);
  CHECK(patterns.words(0)[0] == 0xe220a8397b1dcdafULL);
  CHECK(patterns.words(1)[0] == 0x6e789e6aa1b965f4ULL);
  // Only patterns 64..99 exist in the second word.
  CHECK(patterns.words(0)[1] == (0x06c45d188009454fULL & ((1ULL << 36) - 1)));
  // The first patterns do not depend on how many are asked for.
  const PatternSet more = rnncc::eval::random_patterns(2, 1000, 0);
  for (std::uint64_t p = 0; p < 100; ++p) {
    CHECK(more.bit(0, p) == patterns.bit(0, p));
    CHECK(more.bit(1, p) == patterns.bit(1, p));
  }
  CHECK(!(rnncc::eval::random_patterns(2, 100, 1) == patterns));
}
