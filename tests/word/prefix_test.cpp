// The prefix engine on non-commutative operators against sequential folds,
// and its operator depth and size against hand-derived formulas.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "prefix_formulas.hpp"
#include "rnncc/word/prefix.hpp"
#include "word_harness.hpp"

using rnncc::test::all_prefix_architectures;
using rnncc::word::balanced_reduce;
using rnncc::word::inclusive_prefix;
using rnncc::word::name_of;
using rnncc::word::prefix_last;
using rnncc::word::PrefixArchitecture;
using namespace rnncc::test::prefix_formulas;

namespace {

std::vector<std::string> labelled_items(std::size_t n) {
  std::vector<std::string> items;
  for (std::size_t i = 0; i < n; ++i) {
    std::string label(1, '<');
    label.append(std::to_string(i));
    label.push_back('>');
    items.push_back(label);
  }
  return items;
}

// Concatenation is associative and not commutative: "later + earlier" puts
// the items in the order a correct prefix must, any reordering, loss or
// repetition shows in the string.
std::string concatenate(const std::string& later, const std::string& earlier) {
  return later + earlier;
}

/// The sequential fold: expected[i] = items[i] ... items[0].
std::vector<std::string> sequential_fold(const std::vector<std::string>& items) {
  std::vector<std::string> expected;
  std::string accumulated;
  for (const auto& item : items) {
    accumulated = item + accumulated;
    expected.push_back(accumulated);
  }
  return expected;
}

// Affine maps x -> A x + b on Z/2^64 with 2x2 A, composed as in the scan
// over time: (A2, b2) ∘ (A1, b1) = (A2 A1, A2 b1 + b2).
struct AffineMap {
  std::array<std::uint64_t, 4> matrix;  // row-major
  std::array<std::uint64_t, 2> offset;
};

std::array<std::uint64_t, 2> apply_map(const AffineMap& map,
                                       const std::array<std::uint64_t, 2>& x) {
  return {map.matrix[0] * x[0] + map.matrix[1] * x[1] + map.offset[0],
          map.matrix[2] * x[0] + map.matrix[3] * x[1] + map.offset[1]};
}

AffineMap compose(const AffineMap& later, const AffineMap& earlier) {
  const auto& a = later.matrix;
  const auto& b = earlier.matrix;
  AffineMap result;
  result.matrix = {a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
                   a[2] * b[1] + a[3] * b[3]};
  result.offset = apply_map(AffineMap{later.matrix, later.offset}, earlier.offset);
  return result;
}

// An element that knows how deep it is in the network.
struct Counted {
  std::size_t depth = 0;
};

Measured measure_inclusive(std::size_t n, PrefixArchitecture architecture) {
  Measured measured;
  auto combine = [&measured](const Counted& later, const Counted& earlier) {
    ++measured.calls;
    return Counted{1 + std::max(later.depth, earlier.depth)};
  };
  for (const Counted& output : inclusive_prefix(std::vector<Counted>(n), combine, architecture)) {
    measured.depth = std::max(measured.depth, output.depth);
  }
  return measured;
}

// The textbook closed forms for n = 2^k.
Measured textbook_power_of_two(std::size_t k, PrefixArchitecture architecture) {
  const std::size_t n = std::size_t{1} << k;
  switch (architecture) {
    case PrefixArchitecture::ripple:
      return {n - 1, n - 1};
    case PrefixArchitecture::sklansky:
      return {k, n / 2 * k};
    case PrefixArchitecture::kogge_stone:
      return {k, n * k - n + 1};
    case PrefixArchitecture::brent_kung:
      return {k >= 2 ? 2 * k - 2 : k, 2 * n - 2 - k};
    case PrefixArchitecture::ladner_fischer:
      return {k >= 3 ? k + 1 : k, n - 1 + n / 4 * (k >= 1 ? k - 1 : 0)};
  }
  return {};
}

}  // namespace

TEST_CASE("inclusive_prefix of string concatenation equals the sequential fold, n = 1..70") {
  for (PrefixArchitecture architecture : all_prefix_architectures) {
    for (std::size_t n = 1; n <= 70; ++n) {
      CAPTURE(name_of(architecture));
      CAPTURE(n);
      const auto items = labelled_items(n);
      const auto expected = sequential_fold(items);
      CHECK(inclusive_prefix(items, concatenate, architecture) == expected);
      CHECK(prefix_last(items, concatenate, architecture) == expected.back());
      CHECK(balanced_reduce(items, concatenate) == expected.back());
    }
  }
}

TEST_CASE("inclusive_prefix of affine maps equals applying the maps one after another") {
  std::vector<AffineMap> maps;
  std::uint64_t state = 0x9e3779b97f4a7c15ULL;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 11;
  };
  for (std::size_t t = 0; t < 70; ++t) {
    maps.push_back({{next(), next(), next(), next()}, {next(), next()}});
  }
  const std::array<std::uint64_t, 2> start{12345, 67890};
  for (PrefixArchitecture architecture : all_prefix_architectures) {
    CAPTURE(name_of(architecture));
    const auto prefixes = inclusive_prefix(maps, compose, architecture);
    std::array<std::uint64_t, 2> state_vector = start;
    for (std::size_t t = 0; t < maps.size(); ++t) {
      state_vector = apply_map(maps[t], state_vector);
      CHECK(apply_map(prefixes[t], start) == state_vector);
    }
  }
}

TEST_CASE("operator depth and count match the formulas for every n = 1..300") {
  for (PrefixArchitecture architecture : all_prefix_architectures) {
    for (std::size_t n = 1; n <= 300; ++n) {
      CAPTURE(name_of(architecture));
      CAPTURE(n);
      const Measured measured = measure_inclusive(n, architecture);
      const Measured expected = expected_inclusive(n, architecture);
      CHECK(measured.depth == expected.depth);
      CHECK(measured.calls == expected.calls);
    }
  }
}

TEST_CASE("operator depth and count match the textbook closed forms for n = 2^k") {
  for (PrefixArchitecture architecture : all_prefix_architectures) {
    for (std::size_t k = 0; k <= 12; ++k) {
      CAPTURE(name_of(architecture));
      CAPTURE(k);
      const Measured measured = measure_inclusive(std::size_t{1} << k, architecture);
      const Measured expected = textbook_power_of_two(k, architecture);
      CHECK(measured.depth == expected.depth);
      CHECK(measured.calls == expected.calls);
    }
  }
}

TEST_CASE("prefix_last and balanced_reduce make n-1 calls at the depth of the last output") {
  for (std::size_t n = 1; n <= 130; ++n) {
    std::size_t calls = 0;
    auto combine = [&calls](const Counted& later, const Counted& earlier) {
      ++calls;
      return Counted{1 + std::max(later.depth, earlier.depth)};
    };
    const std::vector<Counted> items(n);
    CHECK(balanced_reduce(items, combine).depth == ceil_log2(n));
    CHECK(calls == n - 1);
    for (PrefixArchitecture architecture : all_prefix_architectures) {
      CAPTURE(name_of(architecture));
      CAPTURE(n);
      calls = 0;
      const std::size_t depth = prefix_last(items, combine, architecture).depth;
      CHECK(calls == n - 1);
      CHECK(depth == expected_last_depth(n, architecture));
    }
  }
}
