#include "word_harness.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cstdint>

#include "support/simulate.hpp"

namespace rnncc::test {

using word::Signedness;

word::BitVector input_word(logic::Aig& aig, std::size_t width) {
  word::BitVector bits(width);
  for (auto& bit : bits)
    bit = aig.create_input();
  return bits;
}

mpz_class power_of_two(std::size_t exponent) {
  mpz_class result;
  mpz_ui_pow_ui(result.get_mpz_t(), 2, exponent);
  return result;
}

mpz_class smallest_value(std::size_t width, Signedness signedness) {
  if (signedness == Signedness::unsigned_ || width == 0) return 0;
  return -power_of_two(width - 1);
}

mpz_class largest_value(std::size_t width, Signedness signedness) {
  if (width == 0) return 0;
  if (signedness == Signedness::unsigned_) return power_of_two(width) - 1;
  return power_of_two(width - 1) - 1;
}

mpz_class wrap_unsigned(const mpz_class& value, std::size_t width) {
  mpz_class result;
  mpz_fdiv_r_2exp(result.get_mpz_t(), value.get_mpz_t(), width);
  return result;
}

std::vector<mpz_class> all_values(std::size_t width, Signedness signedness) {
  std::vector<mpz_class> values;
  for (mpz_class v = smallest_value(width, signedness); v <= largest_value(width, signedness);
       ++v) {
    values.push_back(v);
  }
  return values;
}

std::vector<mpz_class> edge_values(std::size_t width, Signedness signedness) {
  const mpz_class low = smallest_value(width, signedness);
  const mpz_class high = largest_value(width, signedness);
  std::vector<mpz_class> candidates = {0,   1,       -1,      2,    -2,       3,       -3,
                                       low, low + 1, low + 2, high, high - 1, high - 2};
  for (std::size_t k = 1; k + 1 < width; k += std::max<std::size_t>(1, width / 8)) {
    const mpz_class power = power_of_two(k);
    const std::vector<mpz_class> near_power = {power,  power - 1,  power + 1,
                                               -power, -power + 1, -power - 1};
    candidates.insert(candidates.end(), near_power.begin(), near_power.end());
  }
  std::vector<mpz_class> values;
  for (const mpz_class& v : candidates) {
    if (v < low || v > high) continue;
    if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
  }
  return values;
}

namespace {

mpz_class random_value(gmp_randclass& random, std::size_t width, Signedness signedness) {
  mpz_class raw = random.get_z_bits(width);
  if (signedness == Signedness::signed_ && width > 0 && mpz_tstbit(raw.get_mpz_t(), width - 1)) {
    raw -= power_of_two(width);
  }
  return raw;
}

}  // namespace

OperandTuples all_pairs(std::size_t width_a, std::size_t width_b, Signedness signedness) {
  OperandTuples tuples;
  const auto values_a = all_values(width_a, signedness);
  const auto values_b = all_values(width_b, signedness);
  tuples.reserve(values_a.size() * values_b.size());
  for (const auto& a : values_a) {
    for (const auto& b : values_b)
      tuples.push_back({a, b});
  }
  return tuples;
}

OperandTuples sampled_pairs(std::size_t width, Signedness signedness, std::size_t random_count,
                            unsigned long seed) {
  gmp_randclass random(gmp_randinit_mt);
  random.seed(seed);
  OperandTuples tuples;
  const auto edges = edge_values(width, signedness);
  for (const auto& a : edges) {
    for (const auto& b : edges)
      tuples.push_back({a, b});
  }
  for (const auto& edge : edges) {
    tuples.push_back({edge, random_value(random, width, signedness)});
    tuples.push_back({random_value(random, width, signedness), edge});
  }
  for (std::size_t i = 0; i < random_count; ++i) {
    tuples.push_back(
        {random_value(random, width, signedness), random_value(random, width, signedness)});
  }
  return tuples;
}

OperandTuples all_singles(std::size_t width, Signedness signedness) {
  OperandTuples tuples;
  for (auto& v : all_values(width, signedness))
    tuples.push_back({v});
  return tuples;
}

OperandTuples sampled_singles(std::size_t width, Signedness signedness, std::size_t random_count,
                              unsigned long seed) {
  gmp_randclass random(gmp_randinit_mt);
  random.seed(seed);
  OperandTuples tuples;
  for (auto& v : edge_values(width, signedness))
    tuples.push_back({v});
  for (std::size_t i = 0; i < random_count; ++i) {
    tuples.push_back({random_value(random, width, signedness)});
  }
  return tuples;
}

namespace {

/// The AIG copied into flat fan-in arrays once, so that simulating many
/// 64-pattern blocks does not go through the Aig's accessors for every node
/// (which dominates in unoptimised sanitizer builds). Same semantics as
/// simulate_nodes, which check_probes compares it with on the first block.
class FlatSimulator {
 public:
  explicit FlatSimulator(const logic::Aig& aig)
      : fanin0_(aig.node_count()), fanin1_(aig.node_count()) {
    for (logic::NodeIndex node = 1; node < aig.node_count(); ++node) {
      if (aig.is_input(node)) {
        fanin0_[node] = input_marker;
        fanin1_[node] = aig.input_position(node);
      } else {
        fanin0_[node] = aig.fanin0(node).code;
        fanin1_[node] = aig.fanin1(node).code;
      }
    }
  }

  void simulate(const std::vector<std::uint64_t>& input_words,
                std::vector<std::uint64_t>& node_words) const {
    node_words.assign(fanin0_.size(), 0);
    const std::uint32_t* fanin0 = fanin0_.data();
    const std::uint32_t* fanin1 = fanin1_.data();
    std::uint64_t* words = node_words.data();
    for (std::size_t node = 1; node < fanin0_.size(); ++node) {
      if (fanin0[node] == input_marker) {
        words[node] = input_words[fanin1[node]];
        continue;
      }
      const std::uint64_t left = words[fanin0[node] >> 1] ^ (0 - std::uint64_t{fanin0[node] & 1U});
      const std::uint64_t right = words[fanin1[node] >> 1] ^ (0 - std::uint64_t{fanin1[node] & 1U});
      words[node] = left & right;
    }
  }

 private:
  static constexpr std::uint32_t input_marker = 0xffffffffU;
  std::vector<std::uint32_t> fanin0_;
  std::vector<std::uint32_t> fanin1_;
};

}  // namespace

std::string check_probes(const logic::Aig& aig, const std::vector<word::BitVector>& operands,
                         const OperandTuples& tuples, const std::vector<Probe>& probes) {
  std::size_t mismatches = 0;
  std::string first;
  std::vector<std::uint64_t> input_words(aig.input_count(), 0);
  const FlatSimulator flat(aig);
  std::vector<std::uint64_t> node_words;
  mpz_class raw;
  mpz_class expected;
  std::size_t group_count = 0;
  for (const Probe& probe : probes) {
    group_count = std::max(group_count, static_cast<std::size_t>(probe.reference_group + 1));
  }
  for (std::size_t block = 0; block < tuples.size(); block += 64) {
    const std::size_t cases = std::min<std::size_t>(64, tuples.size() - block);
    std::fill(input_words.begin(), input_words.end(), 0);
    for (std::size_t o = 0; o < operands.size(); ++o) {
      for (std::size_t k = 0; k < operands[o].size(); ++k) {
        const logic::Literal bit = operands[o][k];
        std::uint64_t word = 0;
        for (std::size_t p = 0; p < cases; ++p) {
          if (mpz_tstbit(tuples[block + p][o].get_mpz_t(), k)) word |= std::uint64_t{1} << p;
        }
        input_words[aig.input_position(bit.node())] = bit.is_complemented() ? ~word : word;
      }
    }
    flat.simulate(input_words, node_words);
    if (block == 0 && node_words != simulate_nodes(aig, input_words)) {
      return "the flat simulator disagrees with simulate_nodes";
    }
    // Reference values of this block, computed once per sharing group.
    std::vector<std::vector<mpz_class>> group_values(group_count);
    for (const Probe& probe : probes) {
      std::vector<mpz_class> own_values;
      std::vector<mpz_class>& values =
          probe.reference_group >= 0 ? group_values[probe.reference_group] : own_values;
      if (values.empty()) {
        for (std::size_t p = 0; p < cases; ++p)
          values.push_back(probe.reference(tuples[block + p]));
      }
      std::vector<std::uint64_t> bit_words(probe.bits.size());
      for (std::size_t k = 0; k < probe.bits.size(); ++k) {
        bit_words[k] = literal_word(node_words, probe.bits[k]);
      }
      std::vector<std::uint64_t> limbs((probe.bits.size() + 63) / 64);
      for (std::size_t p = 0; p < cases; ++p) {
        std::fill(limbs.begin(), limbs.end(), 0);
        for (std::size_t k = 0; k < probe.bits.size(); ++k) {
          limbs[k / 64] |= ((bit_words[k] >> p) & 1U) << (k % 64);
        }
        mpz_import(raw.get_mpz_t(), limbs.size(), -1, sizeof(std::uint64_t), 0, 0, limbs.data());
        const std::vector<mpz_class>& tuple = tuples[block + p];
        mpz_fdiv_r_2exp(expected.get_mpz_t(), values[p].get_mpz_t(), probe.bits.size());
        if (raw == expected) continue;
        if (mismatches++ == 0) {
          std::string inputs;
          for (const auto& v : tuple)
            inputs += (inputs.empty() ? "" : ", ") + v.get_str();
          first = fmt::format("{}: operands ({}) expected bits {} got {}", probe.name, inputs,
                              expected.get_str(16), raw.get_str(16));
        }
      }
    }
  }
  if (mismatches == 0) return "";
  return fmt::format("{} ({} mismatches)", first, mismatches);
}

}  // namespace rnncc::test
