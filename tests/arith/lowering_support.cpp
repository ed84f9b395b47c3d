#include "lowering_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "rnncc/arith/reference.hpp"
#include "rnncc/logic/aig.hpp"
#include "support/simulate.hpp"

namespace rnncc::test {

using arith::Format;
using arith::FormatLowering;
using arith::LoweredValue;
using word::MultiplierArchitecture;
using word::PrefixArchitecture;

std::vector<word::ArithmeticArchitecture> architectures_under_test() {
  return {{PrefixArchitecture::ripple, MultiplierArchitecture::array},
          {PrefixArchitecture::sklansky, MultiplierArchitecture::wallace},
          {PrefixArchitecture::brent_kung, MultiplierArchitecture::dadda},
          {PrefixArchitecture::kogge_stone, MultiplierArchitecture::wallace},
          {PrefixArchitecture::ladner_fischer, MultiplierArchitecture::array}};
}

namespace {

/// The unsigned pattern of `bits` in pattern `p` of a simulation.
mpz_class read_pattern(const std::vector<std::uint64_t>& node_words, const word::BitVector& bits,
                       unsigned p) {
  mpz_class pattern = 0;
  for (std::size_t i = 0; i < bits.size(); ++i) {
    if (((literal_word(node_words, bits[i]) >> p) & 1U) != 0) {
      mpz_setbit(pattern.get_mpz_t(), i);
    }
  }
  return pattern;
}

std::string describe(const std::vector<mpq_class>& operands) {
  std::string text;
  for (const mpq_class& operand : operands)
    text += (text.empty() ? "" : ", ") + operand.get_str();
  return text;
}

}  // namespace

std::size_t check_operations(const Format& format,
                             const std::vector<OperationUnderTest>& operations,
                             const std::vector<std::vector<mpq_class>>& operand_tuples,
                             const std::vector<arith::ExactDomain>& domains,
                             std::vector<word::ArithmeticArchitecture> architectures) {
  REQUIRE_FALSE(operand_tuples.empty());
  const std::size_t arity = operand_tuples.front().size();
  if (architectures.empty()) architectures = architectures_under_test();

  logic::Aig aig;
  std::vector<FormatLowering> lowerings;
  for (const auto& architecture : architectures)
    lowerings.emplace_back(aig, format, architecture);

  // Shared inputs, one bit-vector per operand.
  std::vector<word::BitVector> input_bits;
  std::vector<LoweredValue> inputs;
  for (std::size_t slot = 0; slot < arity; ++slot) {
    std::optional<arith::ExactDomain> domain;
    if (!domains.empty()) domain = domains.at(slot);
    word::BitVector bits;
    for (std::size_t i = 0; i < lowerings[0].input_width(domain); ++i) {
      bits.push_back(aig.create_input());
    }
    input_bits.push_back(bits);
    inputs.push_back(lowerings[0].input(bits, domain));
  }

  // results[architecture][operation]
  std::vector<std::vector<LoweredResult>> results(architectures.size());
  for (std::size_t a = 0; a < architectures.size(); ++a) {
    for (std::size_t o = 0; o < operations.size(); ++o) {
      results[a].push_back(operations[o].lower(lowerings[a], inputs));
      const LoweredValue& first = results[0][o].value;
      const LoweredValue& this_one = results[a].back().value;
      // Widths and intervals come from the format, never from the architecture.
      REQUIRE(this_one.bits.size() == first.bits.size());
      REQUIRE(this_one.low == first.low);
      REQUIRE(this_one.high == first.high);
      REQUIRE(this_one.denominator == first.denominator);
    }
  }

  std::size_t comparisons = 0;
  std::size_t mismatches = 0;
  for (std::size_t start = 0; start < operand_tuples.size(); start += 64) {
    const std::size_t count = std::min<std::size_t>(64, operand_tuples.size() - start);
    std::vector<std::uint64_t> input_words(aig.input_count(), 0);
    for (std::size_t p = 0; p < count; ++p) {
      for (std::size_t slot = 0; slot < arity; ++slot) {
        mpz_class pattern = lowerings[0].encode(inputs[slot], operand_tuples[start + p][slot]);
        for (std::size_t i = 0; i < input_bits[slot].size(); ++i) {
          if (mpz_tstbit(pattern.get_mpz_t(), i) != 0) {
            input_words[aig.input_position(input_bits[slot][i].node())] |= std::uint64_t{1} << p;
          }
        }
      }
    }
    const std::vector<std::uint64_t> node_words = simulate_nodes(aig, input_words);
    for (std::size_t p = 0; p < count; ++p) {
      const std::vector<mpq_class>& operands = operand_tuples[start + p];
      for (std::size_t o = 0; o < operations.size(); ++o) {
        const mpq_class expected = operations[o].reference(format, operands);
        const mpz_class expected_pattern = results[0][o].is_predicate
                                               ? mpz_class(expected.get_num())
                                               : lowerings[0].encode(results[0][o].value, expected);
        for (std::size_t a = 0; a < architectures.size(); ++a) {
          const mpz_class actual =
              read_pattern(node_words, results[a][o].value.bits, static_cast<unsigned>(p));
          ++comparisons;
          if (actual != expected_pattern) {
            ++mismatches;
            if (mismatches <= 5) {
              std::string actual_text = "pattern " + actual.get_str();
              if (!results[a][o].is_predicate) {
                try {
                  actual_text = lowerings[a].decode(results[a][o].value, actual).get_str();
                } catch (const std::exception&) {
                  // not a member: keep the raw pattern
                }
              }
              FAIL_CHECK(to_string(format) << " " << operations[o].name << "(" << describe(operands)
                                           << ") under " << name_of(architectures[a].adder) << "/"
                                           << name_of(architectures[a].multiplier) << ": circuit "
                                           << actual_text << ", reference " << expected.get_str());
            }
          }
        }
      }
    }
  }
  CHECK_MESSAGE(mismatches == 0, to_string(format) << ": " << mismatches << " mismatches");
  return comparisons;
}

std::vector<mpq_class> all_members(const Format& format) {
  std::vector<mpq_class> members;
  const long patterns = 1L << *arith::width_in_bits(format);
  for (long pattern = 0; pattern < patterns; ++pattern) {
    if (const auto* residue = std::get_if<arith::ResidueFormat>(&format)) {
      if (pattern >= residue->modulus) continue;
    }
    members.push_back(arith::decode(format, pattern));
  }
  std::sort(members.begin(), members.end());
  return members;
}

std::vector<mpq_class> edge_members(const Format& format) {
  const arith::RepresentableRange range = arith::representable_range(format);
  const mpq_class step = arith::resolution(format);
  std::vector<mpq_class> candidates = {0,
                                       step,
                                       -step,
                                       2 * step,
                                       1,
                                       -1,
                                       mpq_class(1, 2),
                                       mpq_class(-1, 2),
                                       mpq_class(3, 2),
                                       mpq_class(-3, 2),
                                       range.lowest,
                                       range.highest,
                                       range.lowest + step,
                                       range.highest - step,
                                       range.highest / 2,
                                       range.lowest / 2};
  // Around √highest, where a product starts to overflow.
  mpz_class root;
  mpz_class highest_integer = mpq_class(range.highest / step).get_num();
  if (highest_integer > 0) {
    mpz_class scaled = highest_integer * mpq_class(1 / step).get_num();
    mpz_sqrt(root.get_mpz_t(), scaled.get_mpz_t());
    for (long delta = -1; delta <= 1; ++delta) {
      mpq_class value = (root + delta) * step;
      candidates.push_back(value);
      candidates.push_back(-value);
    }
  }
  std::set<mpq_class> members;
  for (const mpq_class& candidate : candidates) {
    mpq_class canonical = candidate;
    canonical.canonicalize();
    if (arith::is_member(format, canonical)) members.insert(canonical);
  }
  return {members.begin(), members.end()};
}

mpq_class draw_member(const Format& format, const std::vector<mpq_class>& edges,
                      gmp_randclass& random, std::mt19937_64& generator) {
  if (generator() % 4 == 0) return edges[generator() % edges.size()];
  const arith::RepresentableRange range = arith::representable_range(format);
  const mpq_class step = arith::resolution(format);
  mpz_class count = mpq_class((range.highest - range.lowest) / step).get_num() + 1;
  mpq_class value = range.lowest + mpq_class(random.get_z_range(count)) * step;
  value.canonicalize();
  return value;
}

}  // namespace rnncc::test
