// Growth classification on synthetic series of known growth.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <random>

#include "rnncc/common/error.hpp"
#include "rnncc/report/growth_class.hpp"

using namespace rnncc::report;

namespace {

/// D(2^k) = f(k) for k = first..last, rounded to integers, plus noise.
std::vector<Sample> series(const std::function<long double(int)>& f, int first, int last,
                           std::mt19937* random = nullptr, int noise = 0) {
  std::vector<Sample> samples;
  for (int k = first; k <= last; ++k) {
    long double value = std::round(f(k));
    if (random != nullptr) value += static_cast<int>((*random)() % (2 * noise + 1)) - noise;
    samples.push_back({std::uint64_t{1} << k, value});
  }
  return samples;
}

}  // namespace

TEST_CASE("noise-free series of known growth get their class") {
  CHECK(classify(series([](int k) { return 5.0L * k + 2; }, 4, 13)).growth == GrowthClass::log);
  CHECK(classify(series([](int k) { return 1.0L * k; }, 0, 12)).growth == GrowthClass::log);
  CHECK(classify(series([](int k) { return 1.0L * k * k; }, 4, 13)).growth ==
        GrowthClass::log_squared);
  CHECK(classify(series([](int k) { return 3.0L * k * k + 7 * k; }, 2, 14)).growth ==
        GrowthClass::log_squared);
  CHECK(classify(series([](int k) { return std::ldexp(1.0L, k); }, 4, 13)).growth ==
        GrowthClass::linear);
  CHECK(classify(series([](int k) { return 3 * std::ldexp(1.0L, k) + 20 * k; }, 4, 14)).growth ==
        GrowthClass::linear);
  CHECK(classify(series([](int) { return 42.0L; }, 4, 13)).growth == GrowthClass::constant);
}

TEST_CASE("log T · log log T is told from log T and from log² T when the growth is clear") {
  // D = a·k·log2 k: increments a·((k+1)·log2(k+1) − k·log2 k), which are
  // within a·0.09 of a·(log2 k + 1/ln 2) for k ≥ 4.
  const auto k_log_k = [](long double a) {
    return [a](int k) { return a * k * std::log2(static_cast<long double>(k)); };
  };
  CHECK(classify(series(k_log_k(20), 4, 13)).growth == GrowthClass::log_log_log);
  CHECK(classify(series(k_log_k(50), 2, 20)).growth == GrowthClass::log_log_log);
  // Plus a log-linear part: increments a·log2 k + const.
  CHECK(classify(series([](int k) { return 30.0L * k * std::log2(1.0L * k) + 200 * k + 7; }, 4, 14))
            .growth == GrowthClass::log_log_log);
  // Too small a coefficient for the range: the rise of the increments stays
  // within the tolerance of bounded increments.
  CHECK(classify(series(k_log_k(1), 4, 13)).growth == GrowthClass::log);
  // k² keeps its class: a line in log2 k fits its increments worse.
  CHECK(classify(series([](int k) { return 20.0L * k * k; }, 4, 13)).growth ==
        GrowthClass::log_squared);
  // Lengths below 2 leave log log T undefined: the rule does not apply.
  CHECK(classify(series(k_log_k(20), 0, 10)).growth != GrowthClass::log_log_log);
  CHECK(parse_growth_class("log·loglog") == GrowthClass::log_log_log);
  CHECK(parse_growth_class("log*loglog") == GrowthClass::log_log_log);
  CHECK(to_string(GrowthClass::log_log_log) == "log·loglog");
}

TEST_CASE("growth that is none of the four is 'other'") {
  // T^2: increments quadruple.
  CHECK(classify(series([](int k) { return std::ldexp(1.0L, 2 * k); }, 2, 12)).growth ==
        GrowthClass::other);
  // sqrt(T): increments grow by sqrt(2) per doubling.
  CHECK(
      classify(series([](int k) { return 100 * std::sqrt(std::ldexp(1.0L, k)); }, 4, 16)).growth ==
      GrowthClass::other);
  // log^3: increments grow quadratically in k.
  CHECK(classify(series([](int k) { return 1.0L * k * k * k; }, 4, 13)).growth ==
        GrowthClass::other);
  // decreasing
  CHECK(classify(series([](int k) { return 1000.0L - 10 * k; }, 4, 13)).growth ==
        GrowthClass::other);
}

TEST_CASE("small integer noise (each value off by up to 1) does not change the class") {
  std::mt19937 random(2026);
  for (int trial = 0; trial < 300; ++trial) {
    INFO("trial " << trial);
    REQUIRE(classify(series([](int k) { return 7.0L * k + 3; }, 4, 13, &random, 1)).growth ==
            GrowthClass::log);
    REQUIRE(classify(series([](int k) { return 2.0L * k; }, 4, 13, &random, 1)).growth ==
            GrowthClass::log);
    REQUIRE(classify(series([](int k) { return 1.0L * k * k; }, 4, 13, &random, 1)).growth ==
            GrowthClass::log_squared);
    REQUIRE(
        classify(series([](int k) { return 2.0L * k * k + 11 * k; }, 3, 14, &random, 1)).growth ==
        GrowthClass::log_squared);
    REQUIRE(classify(series([](int k) { return std::ldexp(1.0L, k); }, 4, 13, &random, 1)).growth ==
            GrowthClass::linear);
    REQUIRE(classify(series([](int) { return 40.0L; }, 4, 13, &random, 1)).growth ==
            GrowthClass::constant);
    REQUIRE(
        classify(series([](int k) { return 40.0L * k * std::log2(1.0L * k); }, 4, 13, &random, 1))
            .growth == GrowthClass::log_log_log);
  }
}

TEST_CASE("increments pair each length with its double, whatever the spacing") {
  std::vector<Sample> samples;
  for (std::uint64_t length : {16, 24, 32, 40, 48, 64, 96, 128, 192, 256})
    samples.push_back({length, 3 * std::log2(static_cast<long double>(length))});
  std::vector<DoublingIncrement> increments = doubling_increments(samples);
  // Pairs: (16,32) (24,48) (32,64) (48,96) (64,128) (96,192) (128,256); 40 has no 80.
  const std::uint64_t expected_lengths[] = {16, 24, 32, 48, 64, 96, 128};
  REQUIRE(increments.size() == 7);
  for (std::size_t i = 0; i < increments.size(); ++i) {
    CHECK(increments[i].log2_length ==
          doctest::Approx(std::log2(static_cast<double>(expected_lengths[i]))));
    CHECK(increments[i].increment == doctest::Approx(3.0));
  }
  CHECK(classify(samples).growth == GrowthClass::log);

  // Gaps are not bridged: 16, 64, 256 have no doubling pairs.
  std::vector<Sample> sparse = {{16, 4}, {64, 6}, {256, 8}, {1024, 10}};
  CHECK(doubling_increments(sparse).empty());
  CHECK(classify(sparse).growth == GrowthClass::unknown);
}

TEST_CASE("too few doublings give 'unknown'") {
  CHECK(classify(series([](int k) { return 1.0L * k; }, 4, 6)).growth == GrowthClass::unknown);
  CHECK(classify(series([](int k) { return 1.0L * k; }, 4, 7)).growth == GrowthClass::log);
  CHECK(classify(std::vector<Sample>{}).growth == GrowthClass::unknown);
}

TEST_CASE("samples with a zero or repeated length are refused") {
  CHECK_THROWS_AS(sorted_samples({{0, 1}, {2, 3}}, "test"), rnncc::InputError);
  CHECK_THROWS_AS(sorted_samples({{4, 1}, {2, 3}, {4, 1}}, "test"), rnncc::InputError);
  std::vector<Sample> sorted = sorted_samples({{8, 1}, {2, 3}, {4, 2}}, "test");
  CHECK(sorted[0].length == 2);
  CHECK(sorted[2].length == 8);
}

TEST_CASE("class names read back") {
  for (GrowthClass growth : {GrowthClass::constant, GrowthClass::log, GrowthClass::log_squared,
                             GrowthClass::linear, GrowthClass::other, GrowthClass::unknown})
    CHECK(parse_growth_class(to_string(growth)) == growth);
  CHECK(to_string(GrowthClass::log_squared) == "log^2");
  CHECK_FALSE(parse_growth_class("quadratic").has_value());
}
