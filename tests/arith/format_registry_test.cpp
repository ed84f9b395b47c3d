// The registry of number format kinds (src/arith/format_kind.hpp): one kind
// per alternative of Format, each reading back its own canonical spelling,
// and unknown keywords refused with the list of accepted formats. Expected
// spellings and properties are written out by hand here.
#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "format_kind.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/arith/format_lowering.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/logic/aig.hpp"

using namespace rnncc::arith;
using rnncc::InputError;

namespace {

/// A spelling, the canonical spelling of the format it denotes, and what
/// that format is.
struct SpellingExample {
  std::string_view text;
  std::string_view canonical;
  Format format;
};

/// One kind as this test expects it, written out by hand.
struct ExpectedKind {
  std::string_view keyword;
  bool is_ring;
  bool is_finite;
  std::vector<SpellingExample> examples;
};

/// In the order of Format's alternatives.
std::vector<ExpectedKind> expected_kinds() {
  using rnncc::word::Overflow;
  using rnncc::word::Rounding;
  return {
      {"exact", true, false, {{"exact", "exact", ExactFormat{}}}},
      {"mod",
       true,
       true,
       {{"mod:1", "mod:1", ModFormat{1}},
        {"mod:32", "mod:32", ModFormat{32}},
        {"mod:65536", "mod:65536", ModFormat{65536}}}},
      {"modp",
       true,
       true,
       {{"modp:2", "modp:2", ResidueFormat{2}},
        {"modp:65521", "modp:65521", ResidueFormat{65521}},
        {"modp:340282366920938463463374607431768211507",
         "modp:340282366920938463463374607431768211507",
         ResidueFormat{mpz_class("340282366920938463463374607431768211507")}}}},
      {"fixed",
       false,
       true,
       {{"fixed:16.8", "fixed:16.8:nearest-even:saturate", FixedFormat{16, 8}},
        {"fixed:1.0:floor", "fixed:1.0:floor:saturate", FixedFormat{1, 0, Rounding::floor}},
        {"fixed:8.8:wrap", "fixed:8.8:nearest-even:wrap",
         FixedFormat{8, 8, Rounding::nearest_even, Overflow::wrap}},
        {"fixed:9.2:wrap:floor", "fixed:9.2:floor:wrap",
         FixedFormat{9, 2, Rounding::floor, Overflow::wrap}}}},
  };
}

constexpr std::string_view accepted_list =
    "exact, mod:W, modp:P or fixed:W.F[:floor|:nearest-even][:wrap|:saturate]";

/// The message of the InputError that parsing `text` throws ("" if none).
std::string refusal_of(std::string_view text) {
  try {
    parse_format(text);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the registry has one kind per alternative of Format, in the alternatives' order") {
  const std::vector<ExpectedKind> expected = expected_kinds();
  const auto kinds = detail::format_kinds();
  REQUIRE(kinds.size() == std::variant_size_v<Format>);
  REQUIRE(kinds.size() == expected.size());
  for (std::size_t index = 0; index < kinds.size(); ++index) {
    CAPTURE(index);
    CHECK(kinds[index]->keyword == expected[index].keyword);
    CHECK(detail::find_kind(expected[index].keyword) == kinds[index]);
    for (const SpellingExample& example : expected[index].examples) {
      CHECK(example.format.index() == index);
      CHECK(&detail::kind_of(example.format) == kinds[index]);
    }
  }
}

TEST_CASE("every kind parses its spellings and reads its canonical spelling back") {
  for (const ExpectedKind& kind : expected_kinds()) {
    for (const SpellingExample& example : kind.examples) {
      CAPTURE(example.text);
      const Format parsed = parse_format(example.text);
      CHECK(parsed == example.format);
      CHECK(to_string(parsed) == example.canonical);
      CHECK(parse_format(example.canonical) == example.format);
      CHECK(parse_format(to_string(example.format)) == example.format);
      CHECK(is_ring(parsed) == kind.is_ring);
      CHECK(is_finite(parsed) == kind.is_finite);
      CHECK(width_in_bits(parsed).has_value() == kind.is_finite);
    }
  }
}

TEST_CASE("every kind's lowering unit lowers its own format") {
  for (const ExpectedKind& kind : expected_kinds()) {
    for (const SpellingExample& example : kind.examples) {
      CAPTURE(example.text);
      rnncc::logic::Aig aig;
      FormatLowering lowering(aig, example.format, {});
      CHECK(lowering.format() == example.format);
      CHECK(&lowering.aig() == &aig);
    }
  }
}

TEST_CASE("unknown keywords are refused with the list of accepted formats") {
  CHECK(detail::accepted_formats() == accepted_list);
  const std::string expected_ending = "expected " + std::string(accepted_list);
  for (std::string_view text : {"", "int:8", "modq:7", "Mod:8", "EXACT", "fixed", "mod", "modp",
                                "exact:1", "exact:", ":8", "fixed 8.3", "float:8.23"}) {
    CAPTURE(text);
    const std::string message = refusal_of(text);
    CHECK(message.find("number format '" + std::string(text) + "'") == 0);
    CHECK(message.size() >= expected_ending.size());
    CHECK(message.compare(message.size() - expected_ending.size(), std::string::npos,
                          expected_ending) == 0);
    CHECK(message.find('\n') == std::string::npos);
  }
}
