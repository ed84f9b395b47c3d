// Number formats: parsing, canonical names, ranges and bit layouts, checked
// against hand-derived values and exhaustive enumeration.
#include <doctest/doctest.h>

#include "support/rational.hpp"

#include <set>
#include <string>

#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"

using namespace rnncc::arith;
using rnncc::InputError;
using rnncc::word::Overflow;
using rnncc::word::Rounding;

namespace {

/// The message of the InputError that parsing `text` throws ("" if none).
std::string refusal_of(const std::string& text) {
  try {
    parse_format(text);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

using rnncc::test::q;

}  // namespace

TEST_CASE("parse_format reads every format with the documented defaults") {
  CHECK(std::holds_alternative<ExactFormat>(parse_format("exact")));
  CHECK(parse_format("mod:8") == Format{ModFormat{8}});
  CHECK(parse_format("mod:1") == Format{ModFormat{1}});
  CHECK(parse_format("modp:251") == Format{ResidueFormat{251}});
  CHECK(parse_format("modp:340282366920938463463374607431768211507") ==
        Format{ResidueFormat{mpz_class("340282366920938463463374607431768211507")}});
  FixedFormat fixed = std::get<FixedFormat>(parse_format("fixed:16.8"));
  CHECK(fixed.width == 16);
  CHECK(fixed.fraction == 8);
  CHECK(fixed.rounding == Rounding::nearest_even);
  CHECK(fixed.overflow == Overflow::saturate);
  CHECK(parse_format("fixed:8.3:floor:wrap") ==
        Format{FixedFormat{8, 3, Rounding::floor, Overflow::wrap}});
  CHECK(parse_format("fixed:8.3:wrap:floor") ==
        Format{FixedFormat{8, 3, Rounding::floor, Overflow::wrap}});
  CHECK(parse_format("fixed:8.3:wrap") ==
        Format{FixedFormat{8, 3, Rounding::nearest_even, Overflow::wrap}});
  CHECK(parse_format("fixed:8.8") == Format{FixedFormat{8, 8}});
  CHECK(parse_format("fixed:1.0") == Format{FixedFormat{1, 0}});
}

TEST_CASE("parse_format refuses malformed formats with one line naming the reason") {
  std::string message = refusal_of("fixed:8.9");
  CHECK(message.find("fixed:8.9") != std::string::npos);
  CHECK(message.find("exceeds the width") != std::string::npos);
  CHECK(refusal_of("mod:0").find("1 <= W") != std::string::npos);
  CHECK(refusal_of("modp:1").find("P >= 2") != std::string::npos);
  CHECK(refusal_of("modp:0").find("P >= 2") != std::string::npos);
  CHECK(refusal_of("mod:abc").find("decimal") != std::string::npos);
  CHECK(refusal_of("mod:-3").find("decimal") != std::string::npos);
  CHECK(refusal_of("mod:8x").find("decimal") != std::string::npos);
  CHECK(refusal_of("mod:").find("decimal") != std::string::npos);
  CHECK(refusal_of("mod:65537").find("65536") != std::string::npos);
  CHECK(refusal_of("fixed:8").find("fixed:W.F") != std::string::npos);
  CHECK(refusal_of("fixed:8.3.1").find("fixed:W.F") != std::string::npos);
  CHECK(refusal_of("fixed:0.0").find("1 <= W") != std::string::npos);
  CHECK(refusal_of("fixed:8.3:floor:floor").find("twice") != std::string::npos);
  CHECK(refusal_of("fixed:8.3:wrap:saturate").find("twice") != std::string::npos);
  CHECK(refusal_of("fixed:8.3:round").find("unknown rule 'round'") != std::string::npos);
  CHECK(refusal_of("fixed:8.3:").find("unknown rule") != std::string::npos);
  CHECK(refusal_of("float:8.23").find("not supported yet") != std::string::npos);
  CHECK(refusal_of("").find("expected exact, mod:W") != std::string::npos);
  CHECK(refusal_of("Exact").find("expected exact, mod:W") != std::string::npos);
  CHECK(refusal_of("mod 8").find("expected exact, mod:W") != std::string::npos);
  for (const char* text : {"fixed:8.9", "mod:0", "modp:1", "mod:abc", "", "fixed:8.3:round"}) {
    CHECK(refusal_of(text).find('\n') == std::string::npos);
  }
}

TEST_CASE("to_string gives the canonical spelling, which parses back to the same format") {
  CHECK(to_string(parse_format("exact")) == "exact");
  CHECK(to_string(parse_format("mod:32")) == "mod:32");
  CHECK(to_string(parse_format("modp:65521")) == "modp:65521");
  CHECK(to_string(parse_format("fixed:16.8")) == "fixed:16.8:nearest-even:saturate");
  CHECK(to_string(parse_format("fixed:8.3:wrap:floor")) == "fixed:8.3:floor:wrap");
  for (const char* text : {"exact", "mod:1", "mod:128", "modp:2", "modp:1000003", "fixed:16.8",
                           "fixed:4.4:floor", "fixed:32.0:wrap", "fixed:9.2:floor:wrap"}) {
    Format format = parse_format(text);
    CHECK(parse_format(to_string(format)) == format);
  }
}

TEST_CASE("ring and finiteness classification") {
  CHECK(is_ring(parse_format("exact")));
  CHECK(is_ring(parse_format("mod:8")));
  CHECK(is_ring(parse_format("modp:7")));
  CHECK_FALSE(is_ring(parse_format("fixed:8.4")));
  CHECK_FALSE(is_finite(parse_format("exact")));
  CHECK(is_finite(parse_format("modp:7")));
}

TEST_CASE("width_in_bits: W, or the ceiling of log2 P") {
  CHECK_FALSE(width_in_bits(parse_format("exact")).has_value());
  CHECK(width_in_bits(parse_format("mod:13")) == 13);
  CHECK(width_in_bits(parse_format("fixed:16.8")) == 16);
  // ⌈log2 P⌉ by hand.
  CHECK(width_in_bits(parse_format("modp:2")) == 1);
  CHECK(width_in_bits(parse_format("modp:3")) == 2);
  CHECK(width_in_bits(parse_format("modp:4")) == 2);
  CHECK(width_in_bits(parse_format("modp:5")) == 3);
  CHECK(width_in_bits(parse_format("modp:256")) == 8);
  CHECK(width_in_bits(parse_format("modp:257")) == 9);
  CHECK(width_in_bits(parse_format("modp:4294967291")) == 32);
}

TEST_CASE("representable ranges and resolution, by hand") {
  RepresentableRange fixed = representable_range(parse_format("fixed:8.3"));
  CHECK(fixed.lowest == q(-16));
  CHECK(fixed.highest == q(127, 8));
  RepresentableRange tiny = representable_range(parse_format("fixed:4.4"));
  CHECK(tiny.lowest == q(-1, 2));
  CHECK(tiny.highest == q(7, 16));
  RepresentableRange mod = representable_range(parse_format("mod:8"));
  CHECK(mod.lowest == q(-128));
  CHECK(mod.highest == q(127));
  RepresentableRange residue = representable_range(parse_format("modp:7"));
  CHECK(residue.lowest == q(0));
  CHECK(residue.highest == q(6));
  CHECK(resolution(parse_format("fixed:8.3")) == q(1, 8));
  CHECK(resolution(parse_format("mod:8")) == q(1));
  CHECK_THROWS_AS(representable_range(parse_format("exact")), std::invalid_argument);
}

TEST_CASE("membership") {
  Format fixed = parse_format("fixed:8.3");
  CHECK(is_member(fixed, q(3, 8)));
  CHECK_FALSE(is_member(fixed, q(1, 16)));
  CHECK_FALSE(is_member(fixed, q(16)));
  CHECK(is_member(fixed, q(-16)));
  CHECK(is_member(parse_format("exact"), q(1, 3)));
  CHECK_FALSE(is_member(parse_format("mod:8"), q(128)));
  CHECK(is_member(parse_format("mod:8"), q(-128)));
  CHECK_FALSE(is_member(parse_format("modp:7"), q(-1)));
  CHECK_FALSE(is_member(parse_format("modp:7"), q(7)));
}

TEST_CASE("encode and decode: hand-derived patterns") {
  Format fixed = parse_format("fixed:8.3");
  CHECK(encode(fixed, q(-1, 8)) == 255);
  CHECK(encode(fixed, q(3, 2)) == 12);
  CHECK(encode(fixed, q(-16)) == 128);
  CHECK(decode(fixed, 127) == q(127, 8));
  CHECK(decode(fixed, 129) == q(-127, 8));
  CHECK(decode(parse_format("mod:8"), 255) == q(-1));
  CHECK(encode(parse_format("mod:8"), q(-128)) == 128);
  CHECK(decode(parse_format("modp:5"), 4) == q(4));
  CHECK_THROWS_AS(decode(parse_format("modp:5"), 5), InputError);
  CHECK_THROWS_AS(encode(fixed, q(1, 16)), InputError);
  CHECK_THROWS_AS(encode(parse_format("modp:5"), q(-1)), InputError);
  CHECK_THROWS_AS(decode(fixed, 256), std::invalid_argument);
}

TEST_CASE("encode and decode are inverse bijections on every small format") {
  for (const char* text : {"mod:1", "mod:5", "modp:2", "modp:11", "modp:16", "fixed:1.0",
                           "fixed:1.1", "fixed:5.0", "fixed:5.2", "fixed:5.5"}) {
    Format format = parse_format(text);
    const long patterns = 1L << *width_in_bits(format);
    const RepresentableRange range = representable_range(format);
    std::set<mpq_class> seen;
    for (long pattern = 0; pattern < patterns; ++pattern) {
      if (std::holds_alternative<ResidueFormat>(format) &&
          pattern >= std::get<ResidueFormat>(format).modulus) {
        CHECK_THROWS_AS(decode(format, pattern), InputError);
        continue;
      }
      mpq_class value = decode(format, pattern);
      CHECK(is_member(format, value));
      CHECK(range.lowest <= value);
      CHECK(value <= range.highest);
      CHECK(encode(format, value) == pattern);
      seen.insert(value);
    }
    // The members are exactly lowest, lowest + step, ..., highest.
    mpq_class count = (range.highest - range.lowest) / resolution(format) + 1;
    CHECK(mpq_class(static_cast<long>(seen.size())) == count);
  }
}
