// Rescaling by 2^-F with floor / nearest-even rounding and wrap / saturate
// overflow, saturation, relu and clip, against exact GMP arithmetic.
#include <doctest/doctest.h>

#include <fmt/format.h>
#include <algorithm>
#include <string>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/word/rescale.hpp"
#include "word_harness.hpp"

using rnncc::logic::Aig;
using rnncc::word::BitVector;
using rnncc::word::name_of;
using rnncc::word::Overflow;
using rnncc::word::PrefixArchitecture;
using rnncc::word::Rounding;
using rnncc::word::Signedness;
using namespace rnncc::test;

namespace {

using Values = std::vector<mpz_class>;

mpz_class clamp(const mpz_class& value, std::size_t width, Signedness signedness) {
  return std::clamp(value, smallest_value(width, signedness), largest_value(width, signedness));
}

/// value / 2^shift rounded: floor, or to nearest with ties to the even
/// neighbour. With value = q·2^shift + r, 0 <= r < 2^shift, compare 2r with
/// 2^shift.
mpz_class round_quotient(const mpz_class& value, std::size_t shift, Rounding rounding) {
  mpz_class below;
  mpz_fdiv_q_2exp(below.get_mpz_t(), value.get_mpz_t(), shift);
  if (rounding == Rounding::floor) return below;
  const mpz_class scale = power_of_two(shift);
  const mpz_class twice_remainder = 2 * (value - below * scale);
  if (twice_remainder > scale) return below + 1;
  if (twice_remainder < scale) return below;
  return mpz_odd_p(below.get_mpz_t()) ? mpz_class(below + 1) : below;
}

struct RescaleCase {
  std::size_t shift;
  std::size_t result_width;
};

std::string check_rescales(std::size_t width, Signedness signedness,
                           const std::vector<RescaleCase>& cases,
                           const std::vector<PrefixArchitecture>& architectures,
                           const OperandTuples& tuples) {
  Aig aig;
  const BitVector x = input_word(aig, width);
  std::vector<Probe> probes;
  for (PrefixArchitecture architecture : architectures) {
    int group = 0;  // the same reference in every architecture
    for (const RescaleCase& c : cases) {
      for (Rounding rounding : {Rounding::floor, Rounding::nearest_even}) {
        for (Overflow overflow : {Overflow::wrap, Overflow::saturate}) {
          const mpz_class low = smallest_value(c.result_width, signedness);
          const mpz_class high = largest_value(c.result_width, signedness);
          const std::string name =
              fmt::format("{} rescale shift {} -> {} bits, {}, {}", name_of(architecture), c.shift,
                          c.result_width, rounding == Rounding::floor ? "floor" : "nearest-even",
                          overflow == Overflow::wrap ? "wrap" : "saturate");
          probes.push_back({name,
                            rnncc::word::rescale(aig, x, c.shift, rounding, overflow,
                                                 c.result_width, signedness, architecture),
                            [c, rounding, overflow, low, high](const Values& v) {
                              const mpz_class rounded = round_quotient(v[0], c.shift, rounding);
                              return overflow == Overflow::wrap ? rounded
                                                                : std::clamp(rounded, low, high);
                            },
                            group++});
        }
      }
    }
  }
  return check_probes(aig, {x}, tuples, probes);
}

/// Ties (q + 1/2 for edge quotients q) and their neighbours, and the values
/// around the saturation boundaries of the result width, for every case.
OperandTuples special_values(std::size_t width, Signedness signedness,
                             const std::vector<RescaleCase>& cases) {
  OperandTuples tuples;
  auto add = [&](const mpz_class& v) {
    if (v >= smallest_value(width, signedness) && v <= largest_value(width, signedness)) {
      tuples.push_back({v});
    }
  };
  for (const RescaleCase& c : cases) {
    if (c.shift == 0) continue;
    const mpz_class scale = power_of_two(c.shift);
    const mpz_class half = power_of_two(c.shift - 1);
    std::vector<mpz_class> quotients = {0, 1, -1, 2, -2, 3, -3};
    for (const mpz_class& bound :
         {largest_value(c.result_width, signedness), smallest_value(c.result_width, signedness),
          largest_value(width - c.shift, signedness),
          smallest_value(width - c.shift, signedness)}) {
      for (int delta = -2; delta <= 2; ++delta)
        quotients.push_back(bound + delta);
    }
    for (const mpz_class& q : quotients) {
      for (const mpz_class& offset : {mpz_class(0), mpz_class(1), mpz_class(half - 1), half,
                                      mpz_class(half + 1), mpz_class(scale - 1)}) {
        add(q * scale + offset);
      }
    }
  }
  return tuples;
}

}  // namespace

TEST_CASE("rescale: every value for widths 1..8, every shift and rounding, every architecture") {
  const std::vector<PrefixArchitecture> architectures(all_prefix_architectures.begin(),
                                                      all_prefix_architectures.end());
  for (Signedness signedness : both_signednesses) {
    for (std::size_t width = 1; width <= 8; ++width) {
      std::vector<RescaleCase> cases;
      for (std::size_t shift :
           {std::size_t{0}, std::size_t{1}, std::size_t{2}, width - 1, width, width + 2}) {
        for (std::size_t result_width : {std::size_t{1}, std::size_t{3}, width, width + 2}) {
          cases.push_back({shift, result_width});
        }
        if (shift < width) cases.push_back({shift, width - shift});
      }
      CAPTURE(width);
      CHECK(check_rescales(width, signedness, cases, architectures,
                           all_singles(width, signedness)) == "");
    }
  }
}

TEST_CASE("rescale: ties, saturation boundaries and random values for widths 16, 32, 64, 128") {
  const std::vector<PrefixArchitecture> architectures(all_prefix_architectures.begin(),
                                                      all_prefix_architectures.end());
  for (Signedness signedness : both_signednesses) {
    for (std::size_t width : {16, 32, 64, 128}) {
      const std::vector<RescaleCase> cases = {
          {width / 2, width / 2}, {width / 4, width / 2}, {1, width - 1}, {width - 3, 5}};
      OperandTuples tuples = special_values(width, signedness, cases);
      const OperandTuples random = sampled_singles(width, signedness, 10'000, 11 * width);
      tuples.insert(tuples.end(), random.begin(), random.end());
      CAPTURE(width);
      CHECK(check_rescales(width, signedness, cases, architectures, tuples) == "");
    }
  }
}

TEST_CASE("saturate clamps to the range of the result width") {
  for (Signedness signedness : both_signednesses) {
    for (std::size_t width : {1, 2, 5, 8, 16, 64, 128}) {
      Aig aig;
      const BitVector x = input_word(aig, width);
      std::vector<Probe> probes;
      for (std::size_t result_width :
           {std::size_t{1}, std::size_t{2}, width / 2, width - 1, width, width + 3}) {
        if (result_width == 0) continue;
        probes.push_back({"saturate to " + std::to_string(result_width),
                          rnncc::word::saturate(aig, x, result_width, signedness),
                          [result_width, signedness](const Values& v) {
                            return clamp(v[0], result_width, signedness);
                          }});
      }
      const OperandTuples tuples = width <= 8 ? all_singles(width, signedness)
                                              : sampled_singles(width, signedness, 10'000, width);
      CAPTURE(width);
      CHECK(check_probes(aig, {x}, tuples, probes) == "");
    }
  }
}

TEST_CASE("relu and clip on signed words") {
  for (std::size_t width : {1, 2, 5, 8, 16, 64, 128}) {
    Aig aig;
    const BitVector x = input_word(aig, width);
    std::vector<Probe> probes = {{"relu", rnncc::word::relu(aig, x),
                                  [](const Values& v) { return v[0] > 0 ? v[0] : mpz_class(0); }}};
    const mpz_class low_end = smallest_value(width, Signedness::signed_);
    const mpz_class high_end = largest_value(width, Signedness::signed_);
    std::vector<std::pair<mpz_class, mpz_class>> bounds = {
        {low_end, high_end}, {low_end, low_end}, {high_end, high_end}, {0, 0}, {-1, 0}};
    if (width >= 4) bounds.push_back({-3, 5});
    if (width >= 16) bounds.push_back({-1000, 999});
    for (PrefixArchitecture architecture : all_prefix_architectures) {
      for (const auto& bound : bounds) {
        const auto& [low, high] = bound;
        if (low < low_end || high > high_end) continue;
        probes.push_back(
            {fmt::format("{} clip [{}, {}]", name_of(architecture), low.get_str(), high.get_str()),
             rnncc::word::clip(aig, x, low, high, architecture),
             [low, high](const Values& v) { return std::clamp(v[0], low, high); },
             static_cast<int>(&bound - bounds.data())});
      }
    }
    const OperandTuples tuples = width <= 8
                                     ? all_singles(width, Signedness::signed_)
                                     : sampled_singles(width, Signedness::signed_, 10'000, width);
    CAPTURE(width);
    CHECK(check_probes(aig, {x}, tuples, probes) == "");
  }
}

TEST_CASE("clip rejects bounds out of order or out of range with one line") {
  Aig aig;
  const BitVector x = input_word(aig, 4);
  CHECK_THROWS_AS(rnncc::word::clip(aig, x, 3, 2, PrefixArchitecture::sklansky), rnncc::InputError);
  CHECK_THROWS_AS(rnncc::word::clip(aig, x, -9, 2, PrefixArchitecture::sklansky),
                  rnncc::InputError);
  try {
    rnncc::word::clip(aig, x, 0, 8, PrefixArchitecture::sklansky);
    FAIL("no error");
  } catch (const rnncc::InputError& error) {
    const std::string message = error.what();
    CHECK(message.find('\n') == std::string::npos);
    CHECK(message.find("[-8, 7]") != std::string::npos);
  }
}
