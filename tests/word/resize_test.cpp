// Constants, multiplexers, extension, truncation and constant shifts
// against GMP arithmetic on the values the bits stand for.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rnncc/word/resize.hpp"
#include "word_harness.hpp"

using rnncc::logic::Aig;
using rnncc::word::BitVector;
using rnncc::word::Signedness;
using namespace rnncc::test;

namespace {

using Values = std::vector<mpz_class>;

mpz_class floor_divide_by_power_of_two(const mpz_class& value, std::size_t exponent) {
  mpz_class quotient;
  mpz_fdiv_q_2exp(quotient.get_mpz_t(), value.get_mpz_t(), exponent);
  return quotient;
}

/// Every resize operation on one operand x of `width` bits read as `signedness`.
std::string check_resizes(std::size_t width, Signedness signedness, const OperandTuples& tuples) {
  Aig aig;
  const BitVector x = input_word(aig, width);
  std::vector<Probe> probes;
  for (std::size_t wider : {width, width + 1, width + 5}) {
    probes.push_back({"sign_extend to " + std::to_string(wider), rnncc::word::sign_extend(x, wider),
                      [width](const Values& v) {
                        // the bits read as signed
                        mpz_class raw = wrap_unsigned(v[0], width);
                        if (raw > largest_value(width, Signedness::signed_)) {
                          raw -= power_of_two(width);
                        }
                        return raw;
                      }});
    probes.push_back({"zero_extend to " + std::to_string(wider), rnncc::word::zero_extend(x, wider),
                      [width](const Values& v) { return wrap_unsigned(v[0], width); }});
    probes.push_back({"extend to " + std::to_string(wider),
                      rnncc::word::extend(x, wider, signedness),
                      [](const Values& v) { return v[0]; }});
  }
  for (std::size_t narrower : {std::size_t{0}, width / 2, width}) {
    probes.push_back({"truncate to " + std::to_string(narrower), rnncc::word::truncate(x, narrower),
                      [](const Values& v) { return v[0]; }});
  }
  for (std::size_t amount :
       {std::size_t{0}, std::size_t{1}, width / 2, width - 1, width, width + 3}) {
    probes.push_back(
        {"shift_left by " + std::to_string(amount), rnncc::word::shift_left(x, amount),
         [amount](const Values& v) { return mpz_class(v[0] * power_of_two(amount)); }});
    probes.push_back({"shift_right by " + std::to_string(amount),
                      rnncc::word::shift_right(x, amount, signedness), [amount](const Values& v) {
                        return floor_divide_by_power_of_two(v[0], amount);
                      }});
  }
  return check_probes(aig, {x}, tuples, probes);
}

}  // namespace

TEST_CASE("extension, truncation and shifts: every value for widths 1..8") {
  for (Signedness signedness : both_signednesses) {
    for (std::size_t width = 1; width <= 8; ++width) {
      CAPTURE(width);
      CHECK(check_resizes(width, signedness, all_singles(width, signedness)) == "");
    }
  }
}

TEST_CASE("extension, truncation and shifts: 10,000 values for widths 16, 32, 64, 128") {
  for (Signedness signedness : both_signednesses) {
    for (std::size_t width : {16, 32, 64, 128}) {
      CAPTURE(width);
      CHECK(check_resizes(width, signedness, sampled_singles(width, signedness, 10'000, width)) ==
            "");
    }
  }
}

TEST_CASE("constants hold value mod 2^width, negative values in two's complement") {
  Aig aig;
  std::vector<Probe> probes;
  const std::vector<mpz_class> values = {
      0, 1, -1, 5, -5, 255, 256, -256, power_of_two(100) + 3, -power_of_two(70) - 1};
  for (const mpz_class& value : values) {
    for (std::size_t width : {1, 3, 8, 9, 64, 65, 130}) {
      probes.push_back({"constant " + value.get_str() + " in " + std::to_string(width),
                        rnncc::word::constant(width, value),
                        [value](const Values&) { return value; }});
    }
  }
  CHECK(check_probes(aig, {}, OperandTuples{{}}, probes) == "");
  CHECK(aig.and_count() == 0);
}

TEST_CASE("mux picks the first word when the select is true, for all 5-bit operands") {
  Aig aig;
  const BitVector select = input_word(aig, 1);
  const BitVector a = input_word(aig, 5);
  const BitVector b = input_word(aig, 5);
  std::vector<Probe> probes = {{"mux", rnncc::word::mux(aig, select[0], a, b),
                                [](const Values& v) { return v[0] == 1 ? v[1] : v[2]; }}};
  OperandTuples tuples;
  for (int s = 0; s < 2; ++s) {
    for (const auto& pair : all_pairs(5, 5, Signedness::unsigned_)) {
      tuples.push_back({mpz_class(s), pair[0], pair[1]});
    }
  }
  CHECK(check_probes(aig, {select, a, b}, tuples, probes) == "");
}
