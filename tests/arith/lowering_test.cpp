// Format lowering against the reference semantics: every operation × every
// format × every adder architecture (and each multiplier architecture),
// exhaustively for widths <= 8 and on random operands with edge cases at
// 16, 32, 64 and 128 bits, by simulating the AIG (tests/support/simulate).
#include <doctest/doctest.h>

#include "support/rational.hpp"

#include <random>
#include <string>
#include <vector>

#include "lowering_support.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/arith/format_lowering.hpp"
#include "rnncc/arith/reference.hpp"
#include "rnncc/common/error.hpp"

using namespace rnncc::arith;
namespace ref = rnncc::arith::reference;
using rnncc::test::check_operations;
using rnncc::test::LoweredResult;
using rnncc::test::OperationUnderTest;
using Operands = std::vector<mpq_class>;
using Values = std::vector<LoweredValue>;

namespace {

using rnncc::test::q;

LoweredResult value_of(LoweredValue value) {
  return {std::move(value), false};
}
LoweredResult predicate_of(rnncc::logic::Literal literal) {
  return {LoweredValue{{literal}, 0, 1, 1}, true};
}
mpq_class truth(bool value) {
  return value ? 1 : 0;
}

/// Constants used by the operations with a constant operand, per format.
struct FormatConstants {
  mpq_class addend;
  mpq_class factor;
  mpq_class clip_low;
  mpq_class clip_high;
};

FormatConstants constants_for(const Format& format) {
  if (!is_finite(format)) return {q(13, 6), q(-5, 7), q(-7, 3), q(5, 2)};
  if (std::holds_alternative<FixedFormat>(format)) {
    // Members a quarter and two thirds of the way up the range.
    RepresentableRange range = representable_range(format);
    mpq_class step = resolution(format);
    mpz_class span = mpq_class((range.highest - range.lowest) / step).get_num();
    mpq_class low = range.lowest + mpq_class(mpz_class(span / 4)) * step;
    mpq_class high = range.lowest + mpq_class(mpz_class(2 * span / 3)) * step;
    low.canonicalize();
    high.canonicalize();
    return {q(13, 8), q(-5, 7), low, high};
  }
  RepresentableRange range = representable_range(format);
  mpz_class span = mpq_class(range.highest - range.lowest).get_num();
  mpq_class low = range.lowest + mpq_class(mpz_class(span / 4));
  mpq_class high = range.lowest + mpq_class(mpz_class(2 * span / 3));
  return {13, -5, low, high};
}

/// The binary operations; `with_composite` adds a chain of five operations.
std::vector<OperationUnderTest> binary_operations(bool with_composite = true) {
  std::vector<OperationUnderTest> operations;
  operations.push_back(
      {"add", [](FormatLowering& l, const Values& v) { return value_of(l.add(v[0], v[1])); },
       [](const Format& f, const Operands& x) { return ref::add(f, x[0], x[1]); }});
  operations.push_back(
      {"subtract",
       [](FormatLowering& l, const Values& v) { return value_of(l.subtract(v[0], v[1])); },
       [](const Format& f, const Operands& x) { return ref::subtract(f, x[0], x[1]); }});
  operations.push_back(
      {"multiply",
       [](FormatLowering& l, const Values& v) { return value_of(l.multiply(v[0], v[1])); },
       [](const Format& f, const Operands& x) { return ref::multiply(f, x[0], x[1]); }});
  operations.push_back(
      {"less_than",
       [](FormatLowering& l, const Values& v) { return predicate_of(l.less_than(v[0], v[1])); },
       [](const Format& f, const Operands& x) { return truth(ref::less_than(f, x[0], x[1])); }});
  operations.push_back(
      {"less_than reversed",
       [](FormatLowering& l, const Values& v) { return predicate_of(l.less_than(v[1], v[0])); },
       [](const Format& f, const Operands& x) { return truth(ref::less_than(f, x[1], x[0])); }});
  operations.push_back(
      {"equal",
       [](FormatLowering& l, const Values& v) { return predicate_of(l.equal(v[0], v[1])); },
       [](const Format& f, const Operands& x) { return truth(ref::equal(f, x[0], x[1])); }});
  operations.push_back({"select(a < b, a, b)",
                        [](FormatLowering& l, const Values& v) {
                          return value_of(l.select(l.less_than(v[0], v[1]), v[0], v[1]));
                        },
                        [](const Format& f, const Operands& x) {
                          return ref::select(ref::less_than(f, x[0], x[1]), x[0], x[1]);
                        }});
  operations.push_back(
      {"select(a == b, b, a - b)",
       [](FormatLowering& l, const Values& v) {
         return value_of(l.select(l.equal(v[0], v[1]), v[1], l.subtract(v[0], v[1])));
       },
       [](const Format& f, const Operands& x) {
         return ref::select(ref::equal(f, x[0], x[1]), x[1], ref::subtract(f, x[0], x[1]));
       }});
  if (!with_composite) return operations;
  operations.push_back(
      {"(a·b + c)·a - b",
       [](FormatLowering& l, const Values& v) {
         LoweredValue c = l.constant(constants_for(l.format()).addend);
         return value_of(l.subtract(l.multiply(l.add(l.multiply(v[0], v[1]), c), v[0]), v[1]));
       },
       [](const Format& f, const Operands& x) {
         mpq_class c = ref::represent(f, constants_for(f).addend);
         return ref::subtract(
             f, ref::multiply(f, ref::add(f, ref::multiply(f, x[0], x[1]), c), x[0]), x[1]);
       }});
  return operations;
}

/// Unary operations of `format`; `with_tables` adds the transcendental
/// activations (fixed formats only).
std::vector<OperationUnderTest> unary_operations(const Format& format, bool with_tables) {
  std::vector<OperationUnderTest> operations;
  operations.push_back({"negate",
                        [](FormatLowering& l, const Values& v) { return value_of(l.negate(v[0])); },
                        [](const Format& f, const Operands& x) { return ref::negate(f, x[0]); }});
  operations.push_back({"add constant",
                        [](FormatLowering& l, const Values& v) {
                          return value_of(
                              l.add(v[0], l.constant(constants_for(l.format()).addend)));
                        },
                        [](const Format& f, const Operands& x) {
                          return ref::add(f, x[0], ref::represent(f, constants_for(f).addend));
                        }});
  operations.push_back({"multiply by constant",
                        [](FormatLowering& l, const Values& v) {
                          return value_of(
                              l.multiply(l.constant(constants_for(l.format()).factor), v[0]));
                        },
                        [](const Format& f, const Operands& x) {
                          return ref::multiply(f, ref::represent(f, constants_for(f).factor), x[0]);
                        }});
  operations.push_back(
      {"square",
       [](FormatLowering& l, const Values& v) { return value_of(l.multiply(v[0], v[0])); },
       [](const Format& f, const Operands& x) { return ref::multiply(f, x[0], x[0]); }});
  operations.push_back({"clip",
                        [](FormatLowering& l, const Values& v) {
                          FormatConstants c = constants_for(l.format());
                          return value_of(l.clip(v[0], c.clip_low, c.clip_high));
                        },
                        [](const Format& f, const Operands& x) {
                          FormatConstants c = constants_for(f);
                          return ref::clip(f, x[0], ref::represent(f, c.clip_low),
                                           ref::represent(f, c.clip_high));
                        }});
  operations.push_back({"clip with crossed bounds",
                        [](FormatLowering& l, const Values& v) {
                          FormatConstants c = constants_for(l.format());
                          return value_of(l.clip(v[0], c.clip_high, c.clip_low));
                        },
                        [](const Format& f, const Operands& x) {
                          FormatConstants c = constants_for(f);
                          return ref::clip(f, x[0], ref::represent(f, c.clip_high),
                                           ref::represent(f, c.clip_low));
                        }});
  for (Activation activation : {Activation::relu, Activation::hardtanh, Activation::sign}) {
    operations.push_back({std::string(name_of(activation)),
                          [activation](FormatLowering& l, const Values& v) {
                            return value_of(l.apply(activation, v[0]));
                          },
                          [activation](const Format& f, const Operands& x) {
                            return ref::apply(f, activation, x[0]);
                          }});
  }
  // modp scales by multiplying with a constant ("multiply by constant"
  // covers that path), so one exponent of each sign suffices there.
  const auto* residue = std::get_if<ResidueFormat>(&format);
  std::vector<long> exponents = residue != nullptr ? std::vector<long>{3} : std::vector<long>{1, 3};
  bool halving = std::holds_alternative<FixedFormat>(format) ||
                 std::holds_alternative<ExactFormat>(format) ||
                 (residue != nullptr && mpz_odd_p(residue->modulus.get_mpz_t()) != 0);
  if (halving && residue != nullptr) exponents.push_back(-1);
  if (halving && residue == nullptr) exponents.insert(exponents.end(), {-1, -3});
  if (const auto* fixed = std::get_if<FixedFormat>(&format)) {
    exponents.push_back(static_cast<long>(fixed->width) + 2);
    exponents.push_back(-static_cast<long>(fixed->width) - 3);
  }
  if (std::holds_alternative<ModFormat>(format)) exponents.push_back(1000);
  if (std::holds_alternative<ExactFormat>(format)) exponents.push_back(70);
  for (long exponent : exponents) {
    operations.push_back({"scale by 2^" + std::to_string(exponent),
                          [exponent](FormatLowering& l, const Values& v) {
                            return value_of(l.scale_by_power_of_two(v[0], exponent));
                          },
                          [exponent](const Format& f, const Operands& x) {
                            return ref::scale_by_power_of_two(f, x[0], exponent);
                          }});
  }
  if (with_tables) {
    for (Activation activation :
         {Activation::tanh, Activation::sigmoid, Activation::exp, Activation::softplus}) {
      operations.push_back({std::string(name_of(activation)),
                            [activation](FormatLowering& l, const Values& v) {
                              return value_of(l.apply(activation, v[0]));
                            },
                            [activation](const Format& f, const Operands& x) {
                              return ref::apply(f, activation, x[0]);
                            }});
    }
  }
  return operations;
}

std::vector<Operands> all_pairs(const std::vector<mpq_class>& first,
                                const std::vector<mpq_class>& second) {
  std::vector<Operands> pairs;
  pairs.reserve(first.size() * second.size());
  for (const mpq_class& a : first) {
    for (const mpq_class& b : second)
      pairs.push_back({a, b});
  }
  return pairs;
}

std::vector<Operands> singles(const std::vector<mpq_class>& values) {
  std::vector<Operands> result;
  for (const mpq_class& value : values)
    result.push_back({value});
  return result;
}

std::vector<mpq_class> domain_values(const ExactDomain& domain) {
  std::vector<mpq_class> values;
  for (mpz_class n = domain.low; n <= domain.high; ++n) {
    mpq_class value(n, domain.denominator);
    value.canonicalize();
    values.push_back(value);
  }
  return values;
}

}  // namespace

TEST_CASE("lowering, exhaustive: all operand pairs and all operands of formats up to 8 bits") {
  const char* formats[] = {"mod:1",
                           "mod:3",
                           "mod:8",
                           "modp:2",
                           "modp:3",
                           "modp:5",
                           "modp:8",
                           "modp:129",
                           "modp:54",
                           "modp:139",
                           "modp:256",
                           "fixed:1.0",
                           "fixed:1.1:floor:wrap",
                           "fixed:3.1",
                           "fixed:3.1:floor",
                           "fixed:3.1:wrap",
                           "fixed:3.1:floor:wrap",
                           "fixed:4.4",
                           "fixed:5.2:wrap",
                           "fixed:6.3",
                           "fixed:6.3:floor",
                           "fixed:6.3:wrap",
                           "fixed:6.3:floor:wrap",
                           "fixed:8.3",
                           "fixed:8.3:floor:wrap",
                           "fixed:8.0:floor",
                           "fixed:8.8:wrap"};
  for (const char* text : formats) {
    Format format = parse_format(text);
    std::string name = text;
    CAPTURE(name);
    std::vector<mpq_class> members = rnncc::test::all_members(format);
    check_operations(format, binary_operations(), all_pairs(members, members));
    check_operations(format, unary_operations(format, std::holds_alternative<FixedFormat>(format)),
                     singles(members));
  }
}

TEST_CASE("lowering, exhaustive: exact values with dyadic and non-dyadic denominators") {
  const ExactDomain thirds{-100, 37, 3};
  const ExactDomain quarters{5, 200, 4};
  check_operations(ExactFormat{}, binary_operations(),
                   all_pairs(domain_values(thirds), domain_values(quarters)), {thirds, quarters});
  const ExactDomain small{-8, 7, 1};
  const ExactDomain positive{0, 5, 32};
  check_operations(ExactFormat{}, binary_operations(),
                   all_pairs(domain_values(small), domain_values(positive)), {small, positive});
  check_operations(ExactFormat{}, binary_operations(),
                   all_pairs(domain_values(positive), domain_values(small)), {positive, small});
  for (const ExactDomain& domain :
       {thirds, quarters, small, positive, ExactDomain{-1, 0, 1}, ExactDomain{-3, 3, 2}}) {
    check_operations(ExactFormat{}, unary_operations(ExactFormat{}, false),
                     singles(domain_values(domain)), {domain});
  }
}

TEST_CASE("lowering, random operands with edge cases at 16, 32, 64 and 128 bits") {
  std::mt19937_64 generator(20261129);
  gmp_randclass random(gmp_randinit_default);
  random.seed(7);
  for (std::size_t width : {16, 32, 64, 128}) {
    const mpz_class top = mpz_class(1) << width;
    std::vector<Format> formats = {
        ModFormat{width},
        ResidueFormat{top - 159},       // 2^W - 159, odd
        ResidueFormat{(top >> 1) + 2},  // 2^(W-1) + 2: even, just above a power of two
        FixedFormat{width, width / 2},  // nearest-even, saturate
        FixedFormat{width, width / 4, rnncc::word::Rounding::floor, rnncc::word::Overflow::wrap},
    };
    if (width <= 32) {
      formats.push_back(
          FixedFormat{width, 1, rnncc::word::Rounding::nearest_even, rnncc::word::Overflow::wrap});
    }
    for (const Format& format : formats) {
      CAPTURE(to_string(format));
      std::vector<mpq_class> edges = rnncc::test::edge_members(format);
      std::vector<Operands> pairs;
      std::vector<Operands> single_values;
      for (const mpq_class& a : edges) {
        for (const mpq_class& b : edges)
          pairs.push_back({a, b});
        single_values.push_back({a});
      }
      while (pairs.size() < 10000) {
        pairs.push_back({rnncc::test::draw_member(format, edges, random, generator),
                         rnncc::test::draw_member(format, edges, random, generator)});
      }
      while (single_values.size() < 10000) {
        single_values.push_back({rnncc::test::draw_member(format, edges, random, generator)});
      }
      // The composite chain is covered up to 64 bits; at 128 its circuits
      // would dominate the run time.
      check_operations(format, binary_operations(width <= 64), pairs);
      check_operations(format, unary_operations(format, false), single_values);
    }
  }
}

TEST_CASE("lowering, random exact values of 128 bits and dyadic fractions") {
  std::mt19937_64 generator(99);
  gmp_randclass random(gmp_randinit_default);
  random.seed(11);
  const mpz_class big = mpz_class(1) << 127;
  const ExactDomain integers{-big, big - 1, 1};
  const ExactDomain dyadic{-(mpz_class(1) << 60), mpz_class(1) << 63, mpz_class(1) << 64};
  auto draw = [&](const ExactDomain& domain) {
    mpz_class n;
    switch (generator() % 8) {
      case 0:
        n = domain.low;
        break;
      case 1:
        n = domain.high;
        break;
      case 2:
        n = 0;
        break;
      case 3:
        n = domain.denominator * (generator() % 2 == 0 ? 1 : -1);
        break;
      default:
        n = domain.low + random.get_z_range(domain.high - domain.low + 1);
    }
    if (n < domain.low || n > domain.high) n = domain.low;
    mpq_class value(n, domain.denominator);
    value.canonicalize();
    return value;
  };
  std::vector<Operands> pairs;
  std::vector<Operands> single_values;
  for (int i = 0; i < 10000; ++i) {
    pairs.push_back({draw(integers), draw(dyadic)});
    single_values.push_back({draw(integers)});
  }
  check_operations(ExactFormat{}, binary_operations(), pairs, {integers, dyadic});
  check_operations(ExactFormat{}, unary_operations(ExactFormat{}, false), single_values,
                   {integers});
}

TEST_CASE("exact widths follow the intervals exactly (hand-derived)") {
  rnncc::logic::Aig aig;
  FormatLowering lowering(aig, ExactFormat{}, {});
  auto input = [&](const ExactDomain& domain) {
    rnncc::word::BitVector bits;
    for (std::size_t i = 0; i < lowering.input_width(domain); ++i) {
      bits.push_back(aig.create_input());
    }
    return lowering.input(bits, domain);
  };
  LoweredValue thirds = input({-100, 37, 3});
  LoweredValue quarters = input({5, 200, 4});
  CHECK(thirds.bits.size() == 8);    // -100 needs 8 bits
  CHECK(quarters.bits.size() == 9);  // 200 needs 9 bits signed
  // Over the denominator 12: [-400, 148] + [15, 600] = [-385, 748]: 11 bits.
  LoweredValue sum = lowering.add(thirds, quarters);
  CHECK(sum.low == -385);
  CHECK(sum.high == 748);
  CHECK(sum.denominator == 12);
  CHECK(sum.bits.size() == 11);
  LoweredValue small = input({-8, 7, 1});
  LoweredValue product = lowering.multiply(small, small);  // [-56, 64]: 8 bits
  CHECK(product.low == -56);
  CHECK(product.high == 64);
  CHECK(product.bits.size() == 8);
  LoweredValue rectified = lowering.relu(input({-5, 9, 1}));  // [0, 9]: 5 bits
  CHECK(rectified.low == 0);
  CHECK(rectified.high == 9);
  CHECK(rectified.bits.size() == 5);
  LoweredValue signs = lowering.sign(input({-3, 0, 1}));  // [-1, 0]: 1 bit
  CHECK(signs.low == -1);
  CHECK(signs.high == 0);
  CHECK(signs.bits.size() == 1);
  // x/8 · 2^2 = x/2: the denominator absorbs the scaling, no bits are added.
  LoweredValue eighths = input({-20, 20, 8});
  LoweredValue scaled = lowering.scale_by_power_of_two(eighths, 2);
  CHECK(scaled.denominator == 2);
  CHECK(scaled.bits.size() == eighths.bits.size());
  // Widths grow with a repeated product: x^(2^k) over [-3, 3] needs about 2^k·log2(3) bits.
  LoweredValue power = input({-3, 3, 1});
  for (int k = 0; k < 4; ++k)
    power = lowering.multiply(power, power);
  CHECK(power.low == -mpz_class("43046721"));  // -3^16 by the corners (-3^8)·(3^8)
  CHECK(power.high == mpz_class("43046721"));
  CHECK(power.bits.size() == 27);  // 3^16 = 43046721 < 2^26
}

TEST_CASE("lowering refuses what the reference refuses") {
  rnncc::logic::Aig aig;
  rnncc::word::BitVector bits;
  for (int i = 0; i < 8; ++i)
    bits.push_back(aig.create_input());
  FormatLowering mod(aig, parse_format("mod:8"), {});
  CHECK_THROWS_AS(mod.scale_by_power_of_two(mod.input(bits), -1), rnncc::InputError);
  CHECK_THROWS_AS(mod.apply(Activation::tanh, mod.input(bits)), rnncc::InputError);
  FormatLowering even_residue(aig, parse_format("modp:200"), {});
  CHECK_THROWS_AS(even_residue.scale_by_power_of_two(even_residue.input(bits), -1),
                  rnncc::InputError);
  FormatLowering exact(aig, ExactFormat{}, {});
  CHECK_THROWS_AS(exact.apply(Activation::sigmoid, exact.input(bits, ExactDomain{-128, 127, 1})),
                  rnncc::InputError);
  rnncc::word::BitVector wide;
  for (int i = 0; i < 17; ++i)
    wide.push_back(aig.create_input());
  FormatLowering fixed(aig, parse_format("fixed:17.8"), {});
  CHECK_THROWS_AS(fixed.apply(Activation::tanh, fixed.input(wide)), rnncc::LimitError);
  CHECK_THROWS_AS(fixed.input(bits), std::invalid_argument);
}

TEST_CASE("lowering: 16-bit activation tables on random inputs with edge cases") {
  // A lookup has no adder or multiplier, so one architecture suffices here;
  // every architecture meets the tables exhaustively at <= 8 bits above.
  std::mt19937_64 generator(5);
  gmp_randclass random(gmp_randinit_default);
  random.seed(5);
  for (const char* text : {"fixed:16.12", "fixed:16.8:floor:wrap"}) {
    Format format = parse_format(text);
    std::string name = text;
    CAPTURE(name);
    std::vector<mpq_class> edges = rnncc::test::edge_members(format);
    std::vector<Operands> single_values;
    for (const mpq_class& a : edges)
      single_values.push_back({a});
    while (single_values.size() < 10000) {
      single_values.push_back({rnncc::test::draw_member(format, edges, random, generator)});
    }
    std::vector<OperationUnderTest> operations;
    for (Activation activation :
         {Activation::tanh, Activation::sigmoid, Activation::exp, Activation::softplus}) {
      operations.push_back({std::string(name_of(activation)),
                            [activation](FormatLowering& l, const Values& v) {
                              return value_of(l.apply(activation, v[0]));
                            },
                            [activation](const Format& f, const Operands& x) {
                              return ref::apply(f, activation, x[0]);
                            }});
    }
    check_operations(format, operations, single_values, {},
                     {{rnncc::word::PrefixArchitecture::kogge_stone,
                       rnncc::word::MultiplierArchitecture::wallace}});
  }
}

TEST_CASE("modp products keep logarithmic depth (Barrett), not a chain of n subtractions") {
  for (std::size_t width : {32, 64, 128}) {
    rnncc::logic::Aig aig;
    rnncc::word::BitVector a_bits, b_bits;
    for (std::size_t i = 0; i < width; ++i) {
      a_bits.push_back(aig.create_input());
      b_bits.push_back(aig.create_input());
    }
    const rnncc::word::ArithmeticArchitecture architecture{
        rnncc::word::PrefixArchitecture::kogge_stone, rnncc::word::MultiplierArchitecture::dadda};
    FormatLowering ring(aig, ModFormat{width}, architecture);
    FormatLowering residue(aig, ResidueFormat{(mpz_class(1) << width) - 159}, architecture);
    auto depth = [&](const LoweredValue& value) {
      std::uint32_t deepest = 0;
      for (rnncc::logic::Literal bit : value.bits)
        deepest = std::max(deepest, aig.level(bit));
      return deepest;
    };
    std::uint32_t plain = depth(ring.multiply(ring.input(a_bits), ring.input(b_bits)));
    std::uint32_t reduced = depth(residue.multiply(residue.input(a_bits), residue.input(b_bits)));
    CAPTURE(width);
    CAPTURE(plain);
    CAPTURE(reduced);
    // Three multipliers and a few adders in series: a small multiple of one
    // product's depth (here 134/37, 161/47, 189/56), where a chain of n
    // conditional subtractions would add n adder depths (about 14·n levels).
    CHECK(reduced <= 4 * plain);
  }
}

TEST_CASE("exact values conform to a wider, narrower or rescaled representation") {
  const ExactDomain small{-8, 7, 1};
  auto shape = [](long low, long high, long denominator) {
    return LoweredValue{{}, mpz_class(low), mpz_class(high), mpz_class(denominator)};
  };
  auto conformed = [](FormatLowering& lowering, const LoweredValue& value,
                      const LoweredValue& target) {
    std::optional<LoweredValue> result = lowering.conform(value, target);
    REQUIRE(result);
    CHECK(result->bits.size() == signed_width(target.low, target.high));
    CHECK(result->denominator == target.denominator);
    return LoweredResult{*result};
  };
  auto identity = [](const Format&, const std::vector<mpq_class>& values) { return values[0]; };
  const std::vector<OperationUnderTest> operations{
      {"wider interval",
       [&](FormatLowering& lowering, const std::vector<LoweredValue>& operands) {
         return conformed(lowering, operands[0], shape(-1000, 1000, 1));
       },
       identity},
      {"narrower interval (x + x - x truncated back to [-8, 7])",
       [&](FormatLowering& lowering, const std::vector<LoweredValue>& operands) {
         const LoweredValue wide =
             lowering.subtract(lowering.add(operands[0], operands[0]), operands[0]);
         REQUIRE(wide.bits.size() > 4);
         return conformed(lowering, wide, shape(-8, 7, 1));
       },
       identity},
      {"denominator 1 to 3",
       [&](FormatLowering& lowering, const std::vector<LoweredValue>& operands) {
         return conformed(lowering, operands[0], shape(-24, 21, 3));
       },
       identity},
      {"denominator 4 to 1 ((x + 1/4) - 1/4 shifted back)",
       [&](FormatLowering& lowering, const std::vector<LoweredValue>& operands) {
         const LoweredValue quarter = lowering.constant(mpq_class(1, 4));
         const LoweredValue scaled = lowering.subtract(lowering.add(operands[0], quarter), quarter);
         REQUIRE(scaled.denominator == 4);
         return conformed(lowering, scaled, shape(-8, 7, 1));
       },
       identity},
  };
  CHECK(check_operations(ExactFormat{}, operations, singles(domain_values(small)), {small}) > 0);

  rnncc::logic::Aig aig;
  FormatLowering exact(aig, ExactFormat{}, {});
  rnncc::word::BitVector bits;
  for (int bit = 0; bit < 4; ++bit)
    bits.push_back(aig.create_input());
  const LoweredValue thirds = exact.input(bits, ExactDomain{-8, 7, 3});
  CHECK_FALSE(exact.conform(thirds, shape(-8, 7, 2)));  // 3 and 2: neither divides the other
}
