// The value analysis against exhaustive enumeration: for every operation in
// small mod, modp and fixed formats and many operand facts (intervals,
// listed values, known low zero bits), every result the reference
// semantics give for operand values the facts allow lies in the result's
// interval, in its listed values when it lists some, and has its known
// low bits zero.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "rnncc/arith/circuit.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/arith/reference.hpp"
#include "rnncc/arith/value_facts.hpp"

using rnncc::arith::Activation;
using rnncc::arith::Format;
using rnncc::arith::LookupTable;
using rnncc::arith::ValueFacts;
namespace arith = rnncc::arith;
namespace reference = rnncc::arith::reference;

namespace {

/// Stored integers of the members of `format`, lowest first.
std::vector<mpz_class> stored_members(const Format& format) {
  const arith::RepresentableRange range = arith::representable_range(format);
  const mpq_class step = arith::resolution(format);
  std::vector<mpz_class> members;
  for (mpq_class value = range.lowest; value <= range.highest; value += step) {
    mpq_class stored = value / step;
    members.push_back(stored.get_num());
  }
  return members;
}

mpq_class member_of(const Format& format, const mpz_class& stored) {
  mpq_class member = mpq_class(stored) * arith::resolution(format);
  member.canonicalize();
  return member;
}

mpz_class stored_of(const Format& format, const mpq_class& member) {
  mpq_class stored = member / arith::resolution(format);
  REQUIRE(stored.get_den() == 1);
  return stored.get_num();
}

bool low_bits_zero(const mpz_class& stored, std::size_t bits) {
  for (std::size_t bit = 0; bit < bits; ++bit) {
    if (mpz_tstbit(stored.get_mpz_t(), bit) != 0) return false;
  }
  return true;
}

/// "" when `stored` is allowed by `facts`, else what is wrong.
std::string violation(const ValueFacts& facts, const mpz_class& stored) {
  if (stored < facts.low || stored > facts.high) {
    return fmt::format("{} outside [{}, {}]", stored.get_str(), facts.low.get_str(),
                       facts.high.get_str());
  }
  if (!facts.values.empty() &&
      !std::binary_search(facts.values.begin(), facts.values.end(), stored)) {
    return fmt::format("{} not among the {} listed values", stored.get_str(), facts.values.size());
  }
  if (!low_bits_zero(stored, facts.trailing_zero_bits)) {
    return fmt::format("{} has a one among its {} low bits said zero", stored.get_str(),
                       facts.trailing_zero_bits);
  }
  return "";
}

/// Random operand facts of `format` and every stored integer they allow.
struct Operand {
  ValueFacts facts;
  std::vector<mpz_class> allowed;
};

Operand random_operand(const Format& format, std::mt19937_64& random) {
  const std::vector<mpz_class> members = stored_members(format);
  std::uniform_int_distribution<std::size_t> pick(0, members.size() - 1);
  for (;;) {
    std::size_t first = pick(random);
    std::size_t second = pick(random);
    if (first > second) std::swap(first, second);
    Operand operand;
    operand.facts.low = members[first];
    operand.facts.high = members[second];
    operand.facts.trailing_zero_bits = random() % 3;
    const mpz_class step = mpz_class(1) << operand.facts.trailing_zero_bits;
    for (std::size_t i = first; i <= second; ++i) {
      if (mpz_class(members[i] % step) == 0) operand.allowed.push_back(members[i]);
    }
    if (operand.allowed.empty()) continue;
    if (random() % 2 == 0 && operand.allowed.size() <= arith::max_listed_values) {
      // List a random non-empty subset.
      std::vector<mpz_class> listed;
      for (const mpz_class& value : operand.allowed) {
        if (random() % 2 == 0) listed.push_back(value);
      }
      if (listed.empty()) listed.push_back(operand.allowed.front());
      operand.allowed = listed;
      operand.facts.values = listed;
    }
    // The interval and low bits as the facts' promise, tightened to what is
    // allowed (any tighter interval is still a valid operand).
    operand.facts.low = operand.allowed.front();
    operand.facts.high = operand.allowed.back();
    return operand;
  }
}

Operand boolean_operand(std::mt19937_64& random) {
  Operand operand;
  switch (random() % 3) {
    case 0:
      operand.facts = arith::facts_of_boolean_constant(false);
      break;
    case 1:
      operand.facts = arith::facts_of_boolean_constant(true);
      break;
    default:
      operand.facts = arith::facts_of_any_boolean();
  }
  operand.allowed = operand.facts.values;
  return operand;
}

const std::vector<std::string> small_formats = {
    "mod:1",
    "mod:3",
    "mod:5",
    "modp:2",
    "modp:7",
    "modp:37",
    "fixed:4.2",
    "fixed:5.2:floor:wrap",
    "fixed:5.3:nearest-even:wrap",
    "fixed:5.1:floor:saturate",
    "fixed:4.0",
};

constexpr int trials_per_format = 300;

using UnaryFacts = std::function<ValueFacts(const Format&, const ValueFacts&)>;
using UnaryReference = std::function<mpq_class(const Format&, const mpq_class&)>;
using BinaryFacts = std::function<ValueFacts(const Format&, const ValueFacts&, const ValueFacts&)>;
using BinaryReference = std::function<mpq_class(const Format&, const mpq_class&, const mpq_class&)>;

void check_unary(const std::string& name, const UnaryFacts& facts_of,
                 const UnaryReference& reference_of, bool fixed_only = false) {
  std::mt19937_64 random(7);
  for (const std::string& spelling : small_formats) {
    const Format format = arith::parse_format(spelling);
    if (fixed_only && !std::holds_alternative<arith::FixedFormat>(format)) continue;
    for (int trial = 0; trial < trials_per_format; ++trial) {
      const Operand a = random_operand(format, random);
      const ValueFacts result = facts_of(format, a.facts);
      for (const mpz_class& x : a.allowed) {
        const mpz_class stored = stored_of(format, reference_of(format, member_of(format, x)));
        const std::string problem = violation(result, stored);
        INFO(name, " in ", spelling, " of ", x.get_str());
        CHECK(problem == "");
      }
    }
  }
}

void check_binary(const std::string& name, const BinaryFacts& facts_of,
                  const BinaryReference& reference_of) {
  std::mt19937_64 random(11);
  for (const std::string& spelling : small_formats) {
    const Format format = arith::parse_format(spelling);
    for (int trial = 0; trial < trials_per_format; ++trial) {
      const Operand a = random_operand(format, random);
      const Operand b = random_operand(format, random);
      const ValueFacts result = facts_of(format, a.facts, b.facts);
      for (const mpz_class& x : a.allowed) {
        for (const mpz_class& y : b.allowed) {
          const mpq_class value = reference_of(format, member_of(format, x), member_of(format, y));
          const std::string problem = violation(result, stored_of(format, value));
          INFO(name, " in ", spelling, " of ", x.get_str(), " and ", y.get_str());
          CHECK(problem == "");
        }
      }
    }
  }
}

}  // namespace

TEST_CASE("value facts of the ring operations hold for every allowed operand") {
  check_binary("add", arith::add_facts, reference::add);
  check_binary("subtract", arith::subtract_facts, reference::subtract);
  check_binary("multiply", arith::multiply_facts, reference::multiply);
  check_unary("negate", arith::negate_facts, reference::negate);
}

TEST_CASE("value facts of rescaling hold for every allowed operand") {
  for (long shift : {-3L, -1L, 1L, 2L, 6L}) {
    std::mt19937_64 random(static_cast<std::uint64_t>(shift + 20));
    for (const std::string& spelling : small_formats) {
      const Format format = arith::parse_format(spelling);
      // mod cannot divide by 2, nor modp with an even modulus.
      const bool divides = std::holds_alternative<arith::FixedFormat>(format) ||
                           (std::holds_alternative<arith::ResidueFormat>(format) &&
                            std::get<arith::ResidueFormat>(format).modulus % 2 != 0);
      if (shift > 0 && !divides) continue;
      for (int trial = 0; trial < trials_per_format; ++trial) {
        const Operand a = random_operand(format, random);
        const ValueFacts result = arith::rescale_facts(format, a.facts, shift);
        for (const mpz_class& x : a.allowed) {
          const mpq_class value =
              reference::scale_by_power_of_two(format, member_of(format, x), -shift);
          INFO("rescale by 2^-", shift, " in ", spelling, " of ", x.get_str());
          CHECK(violation(result, stored_of(format, value)) == "");
        }
      }
    }
  }
}

TEST_CASE("value facts of comparisons and selection hold for every allowed operand") {
  std::mt19937_64 random(5);
  for (const std::string& spelling : small_formats) {
    const Format format = arith::parse_format(spelling);
    for (int trial = 0; trial < trials_per_format; ++trial) {
      const Operand a = random_operand(format, random);
      const Operand b = random_operand(format, random);
      const Operand condition = boolean_operand(random);
      const ValueFacts less = arith::less_than_facts(format, a.facts, b.facts);
      const ValueFacts equal = arith::equal_facts(format, a.facts, b.facts);
      const ValueFacts selected = arith::select_facts(condition.facts, a.facts, b.facts);
      for (const mpz_class& x : a.allowed) {
        for (const mpz_class& y : b.allowed) {
          const mpq_class vx = member_of(format, x);
          const mpq_class vy = member_of(format, y);
          INFO(spelling, ": ", x.get_str(), " and ", y.get_str());
          CHECK(violation(less, reference::less_than(format, vx, vy) ? 1 : 0) == "");
          CHECK(violation(equal, reference::equal(format, vx, vy) ? 1 : 0) == "");
          for (const mpz_class& c : condition.allowed) {
            CHECK(violation(selected, stored_of(format, reference::select(c == 1, vx, vy))) == "");
          }
        }
      }
    }
  }
}

TEST_CASE("value facts of relu, clip and the activations hold for every allowed operand") {
  check_unary("relu", arith::relu_facts, reference::relu);
  // Fractional bounds only where the format has fractions (a circuit's
  // bounds are members of its format).
  for (const auto& [low, high] : std::vector<std::pair<mpq_class, mpq_class>>{
           {-1, 1}, {0, 3}, {1, -2}, {2, 5}, {0, mpq_class(3, 4)}, {mpq_class(-1, 2), -2}}) {
    const bool fractional = low.get_den() != 1 || high.get_den() != 1;
    check_unary(
        "clip",
        [&](const Format& format, const ValueFacts& a) {
          return arith::clip_facts(format, a, low, high);
        },
        [&](const Format& format, const mpq_class& a) {
          return reference::clip(format, a, low, high);
        },
        fractional);
  }
  for (Activation activation :
       {Activation::relu, Activation::hardtanh, Activation::sign, Activation::tanh,
        Activation::sigmoid, Activation::exp, Activation::softplus}) {
    LookupTable table;
    table.activation = activation;
    const bool fixed_only = activation != Activation::relu && activation != Activation::hardtanh &&
                            activation != Activation::sign;
    std::mt19937_64 random(3);
    for (const std::string& spelling : small_formats) {
      const Format format = arith::parse_format(spelling);
      if (fixed_only && !std::holds_alternative<arith::FixedFormat>(format)) continue;
      for (int trial = 0; trial < trials_per_format; ++trial) {
        const Operand a = random_operand(format, random);
        const ValueFacts result = arith::lookup_facts(format, table, a.facts);
        for (const mpz_class& x : a.allowed) {
          const mpq_class value = reference::apply(format, activation, member_of(format, x));
          INFO(table.name(), " in ", spelling, " of ", x.get_str());
          CHECK(violation(result, stored_of(format, value)) == "");
        }
      }
    }
  }
}

TEST_CASE("value facts of explicit tables hold for every allowed operand") {
  const std::string table_name(1, 't');
  std::mt19937_64 random(9);
  for (const std::string& spelling : small_formats) {
    const Format format = arith::parse_format(spelling);
    const std::vector<mpz_class> members = stored_members(format);
    for (int trial = 0; trial < trials_per_format; ++trial) {
      LookupTable table;
      table.explicit_table.name = table_name;
      table.explicit_table.default_result = member_of(format, members[random() % members.size()]);
      for (int entry = 0; entry < 4; ++entry) {
        table.explicit_table.entries[member_of(format, members[random() % members.size()])] =
            member_of(format, members[random() % members.size()]);
      }
      const Operand a = random_operand(format, random);
      const ValueFacts result = arith::lookup_facts(format, table, a.facts);
      for (const mpz_class& x : a.allowed) {
        INFO("table in ", spelling, " of ", x.get_str());
        CHECK(violation(result, stored_of(format, table.explicit_table(member_of(format, x)))) ==
              "");
      }
    }
  }
}

TEST_CASE("value facts find the two values of a product of signs and fold constants") {
  // Hand-derived: a product of two words in {-1, 1} is in {-1, 1} in every
  // ring format; 3 · 5 is the constant 15 in mod:8.
  const Format mod = arith::parse_format("mod:16");
  ValueFacts sign =
      arith::select_facts(arith::facts_of_any_boolean(), arith::facts_of_constant(mod, -1),
                          arith::facts_of_constant(mod, 1));
  const ValueFacts product = arith::multiply_facts(mod, sign, sign);
  CHECK(product.values == std::vector<mpz_class>{-1, 1});
  CHECK(arith::needed_width(mod, product) == 2);
  const Format residue = arith::parse_format("modp:13");
  sign = arith::select_facts(arith::facts_of_any_boolean(), arith::facts_of_constant(residue, 12),
                             arith::facts_of_constant(residue, 1));
  CHECK(arith::multiply_facts(residue, sign, sign).values == std::vector<mpz_class>{1, 12});
  const Format byte = arith::parse_format("mod:8");
  const ValueFacts fifteen = arith::multiply_facts(byte, arith::facts_of_constant(byte, 3),
                                                   arith::facts_of_constant(byte, 5));
  CHECK(fifteen.is_constant());
  CHECK(fifteen.low == 15);
  // A full-range input needs the format's width; 0 needs one bit.
  CHECK(arith::needed_width(mod, arith::facts_of_any_member(mod)) == 16);
  CHECK(arith::needed_width(mod, arith::facts_of_constant(mod, 0)) == 1);
  CHECK(arith::needed_width(residue, arith::facts_of_any_member(residue)) == 4);
}
