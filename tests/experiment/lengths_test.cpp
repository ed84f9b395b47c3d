// The --lengths syntax on hand-written inputs: ranges of doublings, lists,
// 2^K, and the refusals with the text they name.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/experiment/lengths.hpp"

using rnncc::InputError;
using rnncc::experiment::parse_lengths;
using rnncc::experiment::powers_of_two;
using Lengths = std::vector<std::uint64_t>;

namespace {

constexpr std::uint64_t longest = std::uint64_t{1} << 24;

/// The message parse_lengths throws for `text`, or "" when it accepts it.
std::string refusal(const std::string& text, std::uint64_t limit = longest) {
  try {
    parse_lengths(text, limit);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a range doubles from its first length while at most its last") {
  CHECK(parse_lengths("16..128", longest) == Lengths{16, 32, 64, 128});
  CHECK(parse_lengths("16..100", longest) == Lengths{16, 32, 64});
  CHECK(parse_lengths("3..24", longest) == Lengths{3, 6, 12, 24});
  CHECK(parse_lengths("5..5", longest) == Lengths{5});
  CHECK(parse_lengths("2^4..2^6", longest) == Lengths{16, 32, 64});
  CHECK(parse_lengths("1..2^24", longest).size() == 25);
}

TEST_CASE("a list is sorted and loses repeats, and 2^K is accepted anywhere") {
  CHECK(parse_lengths("5,3,5,2^3", longest) == Lengths{3, 5, 8});
  CHECK(parse_lengths("2^0", longest) == Lengths{1});
  CHECK(parse_lengths("7", longest) == Lengths{7});
  const std::uint64_t far = std::uint64_t{1} << 62;
  CHECK(parse_lengths("1,2^62", far) == Lengths{1, far});
}

TEST_CASE("refusals name the text and what was expected") {
  CHECK(refusal("0..16") ==
        "--lengths: '0' is not a length (expected a positive integer or 2^K, at most 16777216)");
  CHECK(refusal("64..16") == "--lengths 64..16: the range must not be empty");
  CHECK(refusal("16,x").find("'x' is not a length") != std::string::npos);
  CHECK(refusal("16,").find("'' is not a length") != std::string::npos);
  CHECK(refusal("").find("'' is not a length") != std::string::npos);
  CHECK(refusal("..16").find("'' is not a length") != std::string::npos);
  CHECK(refusal("2^").find("'2^' is not a length") != std::string::npos);
  CHECK(refusal("2^64", ~std::uint64_t{0}).find("'2^64'") != std::string::npos);
  CHECK(refusal("2^100").find("'2^100'") != std::string::npos);
  CHECK(refusal("2^25").find("at most 16777216") != std::string::npos);  // 2^25 > 2^24
  CHECK(refusal("16777217").find("'16777217'") != std::string::npos);
  CHECK(refusal("99999999999999999999", ~std::uint64_t{0}).find("is not a length") !=
        std::string::npos);  // 20 digits: more than 64 bits
  CHECK(refusal("-4").find("'-4'") != std::string::npos);
  CHECK(refusal("16..32..64").find("'32..64'") != std::string::npos);
}

TEST_CASE("powers of two stop at the last length without overflowing") {
  CHECK(powers_of_two(16, 4096) == Lengths{16, 32, 64, 128, 256, 512, 1024, 2048, 4096});
  CHECK(powers_of_two(16, 15).empty());
  const std::uint64_t top = std::uint64_t{1} << 63;
  const Lengths near_the_top = powers_of_two(top / 2, ~std::uint64_t{0});
  CHECK(near_the_top == Lengths{top / 2, top});
}
