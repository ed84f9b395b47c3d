// The analytic depth (compile/model_depth.hpp) against the depth of the
// circuits compile() materialises: every T in 1..64 and powers of two up to
// 2^12 (sequential), powers of two up to 2^10 or 2^12 (scan); then T = 2^40
// against the extrapolation of the compiled depths' own steady increments.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/compile/model_depth.hpp"
#include "rnncc/io/model_file.hpp"
#include "support/model_check.hpp"

namespace {

using namespace rnncc;

model::Model load(const std::string& name,
                  const std::optional<std::string>& format = std::nullopt) {
  return test::load_example_model(name, format);
}

compile::CompileOptions options_for(const std::string& schedule, std::size_t length = 1) {
  compile::CompileOptions options;
  options.schedule = compile::parse_schedule(schedule);
  options.length = length;
  return options;
}

/// compile()'s depth at T = `length`.
std::uint64_t compiled_depth(const model::Model& model, const std::string& schedule,
                             std::size_t length) {
  return compile::compile(model, options_for(schedule, length)).lowered.aig.depth();
}

std::vector<std::size_t> sequential_lengths(std::size_t longest) {
  std::vector<std::size_t> lengths;
  for (std::size_t length = 1; length <= 64; ++length)
    lengths.push_back(length);
  for (std::size_t length = 128; length <= longest; length *= 2)
    lengths.push_back(length);
  return lengths;
}

/// Checks every length, then T = 2^40 against d(L) + (2^40 − L)·c where c is
/// the per-step increment of the compiled depths between L/2 and L (L the
/// longest length), which must equal the one between L/4 and L/2.
void check_sequential(const std::string& name, const std::string& format, std::size_t longest) {
  CAPTURE(name);
  CAPTURE(format);
  const model::Model model = load(name, format);
  const compile::ModelDepth analytic(model, options_for("sequential"));
  std::vector<std::uint64_t> compiled(longest + 1, 0);
  for (std::size_t length : sequential_lengths(longest)) {
    CAPTURE(length);
    compiled[length] = compiled_depth(model, "sequential", length);
    CHECK(analytic.depth(length) == compiled[length]);
  }
  const std::uint64_t half = longest / 2;
  const std::uint64_t step = (compiled[longest] - compiled[half]) / half;
  REQUIRE(compiled[longest] - compiled[half] == step * half);
  REQUIRE(compiled[half] - compiled[half / 2] == step * (half / 2));
  const std::uint64_t far = std::uint64_t{1} << 40;
  CHECK(analytic.depth(far) == compiled[longest] + (far - longest) * step);
}

/// Checks T = 2^l for l = 0..levels, then T = 2^40 against the compiled
/// depths' per-level increment at the top of the range.
void check_scan(const std::string& name, const std::string& format, std::uint32_t levels) {
  CAPTURE(name);
  CAPTURE(format);
  const model::Model model = load(name, format);
  const compile::ModelDepth analytic(model, options_for("scan"));
  std::vector<std::uint64_t> compiled;
  for (std::uint32_t level = 0; level <= levels; ++level) {
    const std::size_t length = std::size_t{1} << level;
    CAPTURE(length);
    compiled.push_back(compiled_depth(model, "scan", length));
    CHECK(analytic.depth(length) == compiled.back());
  }
  const std::uint64_t increment = compiled[levels] - compiled[levels - 1];
  REQUIRE(compiled[levels - 1] - compiled[levels - 2] == increment);
  CHECK(analytic.depth(std::uint64_t{1} << 40) == compiled[levels] + (40 - levels) * increment);
}

}  // namespace

TEST_CASE("analytic sequential depth equals compile() for relu-rnn in mod:8 (first steps fold)") {
  // h_0 = 0 folds the first step to the drive alone: the compiled depths
  // start 0, 5, 14, so the steps before the steady one differ.
  const model::Model model = load("relu_rnn", "mod:8");
  CHECK(compiled_depth(model, "sequential", 2) - compiled_depth(model, "sequential", 1) !=
        compiled_depth(model, "sequential", 3) - compiled_depth(model, "sequential", 2));
  check_sequential("relu_rnn", "mod:8", 4096);
}

TEST_CASE("analytic sequential depth equals compile() for token-driven linear models") {
  check_sequential("diagonal", "mod:8", 4096);
  check_sequential("pd", "modp:7", 1024);
  check_sequential("deltanet", "mod:8", 1024);
}

TEST_CASE("analytic sequential depth equals compile() for an LSTM in fixed:8.4") {
  check_sequential("lstm", "fixed:8.4", 128);
}

TEST_CASE("analytic scan depth equals compile() for diagonal, pd, deltanet and rwkv7") {
  check_scan("diagonal", "mod:8", 12);
  check_scan("pd", "mod:8", 12);
  check_scan("deltanet", "mod:8", 11);
  check_scan("rwkv7", "mod:8", 10);
}

TEST_CASE("analytic depth refuses growing widths, other schedules and uneven scans") {
  CHECK_THROWS_AS(compile::ModelDepth(load("relu_rnn", "exact"), options_for("sequential")),
                  InputError);
  CHECK_THROWS_AS(compile::ModelDepth(load("relu_rnn", "mod:4"), options_for("table")), InputError);
  CHECK_THROWS_AS(compile::ModelDepth(load("relu_rnn", "mod:4"), options_for("scan")), InputError);
  const compile::ModelDepth scan(load("diagonal", "mod:8"), options_for("scan"));
  CHECK_THROWS_AS(scan.depth(3), InputError);
  CHECK_THROWS_AS(scan.depth(0), InputError);
}
