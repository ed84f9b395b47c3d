// Least-squares fits against hand-derived coefficients.
#include <doctest/doctest.h>

#include <cmath>

#include "rnncc/report/growth_fit.hpp"

using namespace rnncc::report;

namespace {
const GrowthFit& fit_of(const std::vector<GrowthFit>& fits, FitBasis basis) {
  for (const GrowthFit& fit : fits)
    if (fit.basis == basis) return fit;
  FAIL("no fit for basis " << to_string(basis));
  return fits.front();
}
}  // namespace

TEST_CASE("D = 3 + 2·log2 T exactly: slope 2, intercept 3, R² 1") {
  std::vector<Sample> samples;
  for (int k = 0; k <= 10; ++k)
    samples.push_back({std::uint64_t{1} << k, 3.0L + 2.0L * k});
  std::vector<GrowthFit> fits = growth_fits(samples);
  REQUIRE(fits.size() == 4);
  const GrowthFit& log_fit = fit_of(fits, FitBasis::log_length);
  CHECK(static_cast<double>(log_fit.line.slope) == doctest::Approx(2.0).epsilon(1e-15));
  CHECK(static_cast<double>(log_fit.line.intercept) == doctest::Approx(3.0).epsilon(1e-15));
  CHECK(static_cast<double>(log_fit.line.r_squared) == doctest::Approx(1.0).epsilon(1e-15));
  CHECK(fit_of(fits, FitBasis::length).line.r_squared < 0.9L);
}

TEST_CASE("D = 5·log2 T·log2 log2 T + 1 exactly: the log·loglog fit is exact") {
  std::vector<Sample> samples;
  // T = 2^k for k = 2, 4, 8, 16: log2 log2 T = 1, 2, 3, 4, so D = 11, 41, 121, 321.
  for (int k : {2, 4, 8, 16})
    samples.push_back({std::uint64_t{1} << k, 1.0L + 5.0L * k * std::log2(1.0L * k)});
  CHECK(samples[2].value == 121.0L);
  const std::vector<GrowthFit> fits = growth_fits(samples);
  const GrowthFit& fit = fit_of(fits, FitBasis::log_length_log_log);
  CHECK(static_cast<double>(fit.line.slope) == doctest::Approx(5.0).epsilon(1e-12));
  CHECK(static_cast<double>(fit.line.intercept) == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(static_cast<double>(fit.line.r_squared) == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(fit_of(fits, FitBasis::log_length).line.r_squared < 0.995L);
}

TEST_CASE("three points T = 1, 2, 4 with D = 0, 1, 3: coefficients derived by hand") {
  std::vector<Sample> samples = {{1, 0}, {2, 1}, {4, 3}};
  std::vector<GrowthFit> fits = growth_fits(samples);
  // Against log2 T (x = 0, 1, 2): slope 3/2, intercept -1/6, SS_res 1/6, SS_tot 14/3.
  const LineFit& log_fit = fit_of(fits, FitBasis::log_length).line;
  CHECK(static_cast<double>(log_fit.slope) == doctest::Approx(1.5).epsilon(1e-15));
  CHECK(static_cast<double>(log_fit.intercept) == doctest::Approx(-1.0 / 6).epsilon(1e-15));
  CHECK(static_cast<double>(log_fit.r_squared) == doctest::Approx(27.0 / 28).epsilon(1e-15));
  // Against (log2 T)^2 (x = 0, 1, 4): slope 19/26, intercept 3/26, SS_res 1/26.
  const LineFit& squared_fit = fit_of(fits, FitBasis::log_length_squared).line;
  CHECK(static_cast<double>(squared_fit.slope) == doctest::Approx(19.0 / 26).epsilon(1e-15));
  CHECK(static_cast<double>(squared_fit.intercept) == doctest::Approx(3.0 / 26).epsilon(1e-15));
  CHECK(static_cast<double>(squared_fit.r_squared) == doctest::Approx(361.0 / 364).epsilon(1e-15));
  // Against T: D = T - 1 exactly.
  const LineFit& length_fit = fit_of(fits, FitBasis::length).line;
  CHECK(static_cast<double>(length_fit.slope) == doctest::Approx(1.0).epsilon(1e-15));
  CHECK(static_cast<double>(length_fit.intercept) == doctest::Approx(-1.0).epsilon(1e-15));
  CHECK(static_cast<double>(length_fit.r_squared) == doctest::Approx(1.0).epsilon(1e-15));
}

TEST_CASE("large lengths keep their precision: D = 5·T + 7 up to T = 2^40") {
  std::vector<Sample> samples;
  for (int k = 30; k <= 40; ++k) {
    std::uint64_t length = std::uint64_t{1} << k;
    samples.push_back({length, 5.0L * static_cast<long double>(length) + 7});
  }
  const std::vector<GrowthFit> fits = growth_fits(samples);
  const LineFit& fit = fit_of(fits, FitBasis::length).line;
  CHECK(static_cast<double>(fit.slope) == doctest::Approx(5.0).epsilon(1e-12));
  CHECK(static_cast<double>(fit.intercept) == doctest::Approx(7.0).epsilon(1e-6));
}

TEST_CASE("a constant series fits exactly with slope 0 — one length gives no fit") {
  std::vector<Sample> constant = {{2, 9}, {4, 9}, {8, 9}};
  const std::vector<GrowthFit> fits = growth_fits(constant);
  const LineFit& fit = fit_of(fits, FitBasis::log_length).line;
  CHECK(fit.slope == 0);
  CHECK(fit.intercept == 9);
  CHECK(fit.r_squared == 1);
  CHECK(growth_fits(std::vector<Sample>{{4, 1}}).empty());
  CHECK_FALSE(fit_line(std::vector<long double>{1, 1}, std::vector<long double>{2, 3}));
}
