// Multipliers of every reduction and final-adder architecture against GMP,
// and the shape of their reduction (stage counts, depth growth).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rnncc/common/error.hpp"
#include "rnncc/word/adder.hpp"
#include "rnncc/word/multiplier.hpp"
#include "word_harness.hpp"

using rnncc::logic::Aig;
using rnncc::word::ArithmeticArchitecture;
using rnncc::word::BitVector;
using rnncc::word::MultiplierArchitecture;
using rnncc::word::name_of;
using rnncc::word::PrefixArchitecture;
using rnncc::word::Signedness;
using namespace rnncc::test;

namespace {

using Values = std::vector<mpz_class>;

std::string signedness_name(Signedness signedness) {
  return signedness == Signedness::signed_ ? "signed" : "unsigned";
}

/// Multipliers of widths m x n with every final adder and each of
/// `result_widths`, reduced by `multiplier`, checked on `tuples`.
std::string check_multipliers(std::size_t m, std::size_t n, Signedness signedness,
                              MultiplierArchitecture multiplier,
                              const std::vector<std::size_t>& result_widths,
                              const OperandTuples& tuples) {
  Aig aig;
  const BitVector a = input_word(aig, m);
  const BitVector b = input_word(aig, n);
  std::vector<Probe> probes;
  for (PrefixArchitecture adder : all_prefix_architectures) {
    for (std::size_t result_width : result_widths) {
      const std::string name =
          fmt::format("{} {}x{} {} + {} -> {} bits", signedness_name(signedness), m, n,
                      name_of(multiplier), name_of(adder), result_width);
      probes.push_back({name,
                        rnncc::word::multiply(aig, a, b, signedness, result_width,
                                              ArithmeticArchitecture{adder, multiplier}),
                        [](const Values& v) { return mpz_class(v[0] * v[1]); }, 0});
    }
  }
  return check_probes(aig, {a, b}, tuples, probes);
}

}  // namespace

TEST_CASE("multipliers: all operand pairs for widths up to 8, every architecture") {
  for (Signedness signedness : both_signednesses) {
    for (std::size_t width = 1; width <= 8; ++width) {
      const OperandTuples tuples = all_pairs(width, width, signedness);
      for (MultiplierArchitecture multiplier : all_multiplier_architectures) {
        CAPTURE(width);
        CHECK(check_multipliers(width, width, signedness, multiplier,
                                {2 * width, width, width + width / 2, 2 * width + 3},
                                tuples) == "");
      }
    }
    // Operands of different widths.
    for (auto [m, n] :
         {std::pair<std::size_t, std::size_t>{1, 8}, {8, 1}, {3, 7}, {7, 2}, {5, 6}}) {
      const OperandTuples tuples = all_pairs(m, n, signedness);
      for (MultiplierArchitecture multiplier : all_multiplier_architectures) {
        CAPTURE(m);
        CAPTURE(n);
        CHECK(check_multipliers(m, n, signedness, multiplier, {m + n, std::max(m, n), 1}, tuples) ==
              "");
      }
    }
  }
}

TEST_CASE("multipliers: 10,000 edge and random operand pairs for widths 16, 32, 64, 128") {
  for (std::size_t width : {16, 32, 64, 128}) {
    for (Signedness signedness : both_signednesses) {
      const OperandTuples tuples = sampled_pairs(width, signedness, 10'000, 3 * width + 1);
      for (MultiplierArchitecture multiplier : all_multiplier_architectures) {
        CAPTURE(width);
        CHECK(check_multipliers(width, width, signedness, multiplier, {2 * width, width}, tuples) ==
              "");
      }
    }
  }
}

namespace {

struct ReductionShape {
  std::size_t stages = 0;
  std::size_t rows_depth = 0;  // deepest bit of the two rows
  std::size_t depth = 0;       // deepest product bit after a Kogge–Stone final adder
};

ReductionShape unsigned_square_shape(std::size_t width, MultiplierArchitecture multiplier) {
  Aig aig;
  const BitVector a = input_word(aig, width);
  const BitVector b = input_word(aig, width);
  auto columns = rnncc::word::partial_products(aig, a, b, Signedness::unsigned_, 2 * width);
  auto rows = rnncc::word::reduce_to_two_rows(aig, std::move(columns), multiplier);
  ReductionShape shape;
  shape.stages = rows.stage_count;
  for (const BitVector* row : {&rows.first, &rows.second}) {
    for (auto bit : *row)
      shape.rows_depth = std::max<std::size_t>(shape.rows_depth, aig.level(bit));
  }
  for (auto bit : rnncc::word::add(aig, rows.first, rows.second, PrefixArchitecture::kogge_stone)) {
    shape.depth = std::max<std::size_t>(shape.depth, aig.level(bit));
  }
  return shape;
}

/// The least s with d_s >= height in Dadda's sequence d_0 = 2,
/// d_{j+1} = ⌊3 d_j / 2⌋ (2, 3, 4, 6, 9, 13, 19, 28, 42, 63, 94, 141, 211, ...).
std::size_t dadda_stage_count(std::size_t height) {
  std::size_t stages = 0;
  for (std::size_t d = 2; d < height; d = d * 3 / 2)
    ++stages;
  return stages;
}

// Kogge–Stone adder depth on 2W = 2^(k+1) bits, from adder_test.cpp: 2(k+1) + 2.
std::size_t kogge_stone_depth(std::size_t bits) {
  std::size_t k = 0;
  while ((std::size_t{2} << k) <= bits)
    ++k;
  return 2 * k + 2;
}

/// Wallace's stage count from column heights alone: a stage leaves in
/// column c one sum per three bits, one per remaining pair (half adder) or
/// the remaining single bit, plus one carry per full or half adder of
/// column c-1; it repeats while some column has more than two bits.
std::size_t wallace_height_model_stage_count(std::size_t width) {
  std::vector<std::size_t> heights(2 * width, 0);
  for (std::size_t c = 0; c < 2 * width - 1; ++c)
    heights[c] = std::min(c + 1, 2 * width - 1 - c);
  std::size_t stages = 0;
  while (*std::max_element(heights.begin(), heights.end()) > 2) {
    std::vector<std::size_t> next(heights.size(), 0);
    for (std::size_t c = 0; c < heights.size(); ++c) {
      const std::size_t adders = heights[c] / 3 + (heights[c] % 3 == 2 ? 1 : 0);
      next[c] += heights[c] / 3 + (heights[c] % 3 == 0 ? 0 : 1);
      if (c + 1 < heights.size()) next[c + 1] += adders;
    }
    heights = next;
    ++stages;
  }
  return stages;
}

}  // namespace

TEST_CASE("the Dadda sequence used as the reference is the textbook one") {
  const std::vector<std::size_t> textbook = {2, 3, 4, 6, 9, 13, 19, 28, 42, 63, 94, 141, 211};
  for (std::size_t s = 0; s < textbook.size(); ++s) {
    CHECK(dadda_stage_count(textbook[s]) == s);
    CHECK(dadda_stage_count(textbook[s] + 1) == s + 1);
  }
}

// Dadda's sequence bounds the stages for any matrix of height h; Dadda's
// reduction meets it exactly. On the triangular partial-product matrix the
// greedy Wallace stages can end one stage earlier (W = 20 and 29 here: the
// tallest column is d_j + 1 and its neighbours are shorter), so Wallace is
// checked against its own height recurrence and against the sequence's bound.
TEST_CASE("reduction stages: Dadda follows the Dadda sequence, Wallace its height model") {
  // A W x W unsigned product has columns of height up to W.
  for (std::size_t width = 2; width <= 70; ++width) {
    CAPTURE(width);
    const std::size_t wallace =
        unsigned_square_shape(width, MultiplierArchitecture::wallace).stages;
    CHECK(wallace == wallace_height_model_stage_count(width));
    CHECK(wallace <= dadda_stage_count(width));
    CHECK(wallace + 1 >= dadda_stage_count(width));
    CHECK(unsigned_square_shape(width, MultiplierArchitecture::dadda).stages ==
          dadda_stage_count(width));
    CHECK(unsigned_square_shape(width, MultiplierArchitecture::array).stages == width - 2);
  }
  for (std::size_t width : {94, 95, 141, 142}) {
    CAPTURE(width);
    CHECK(unsigned_square_shape(width, MultiplierArchitecture::wallace).stages ==
          wallace_height_model_stage_count(width));
    CHECK(unsigned_square_shape(width, MultiplierArchitecture::dadda).stages ==
          dadda_stage_count(width));
  }
}

// Depth of a full adder (bit_cells.hpp) over inputs at level L, with the
// latest at the fast input c: sum L+4 when a or b is at L (two XORs), carry
// L+4 (x at L+2, x∧c at L+3, then the OR). In the carry-save array every
// stage feeds the previous stage's sum and carry (both at the deepest level)
// and a new partial product (level 1) into a full adder in the critical
// column, so each of the W-2 stages adds exactly 4 levels: 1 + 4(W-2).
TEST_CASE("array multiplier: rows at depth 4W - 7, total depth grows linearly in W") {
  std::vector<std::size_t> depths;
  for (std::size_t width = 4; width <= 256; width *= 2) {
    CAPTURE(width);
    const ReductionShape shape = unsigned_square_shape(width, MultiplierArchitecture::array);
    CHECK(shape.rows_depth == 4 * width - 7);
    CHECK(shape.depth <= shape.rows_depth + kogge_stone_depth(2 * width));
    depths.push_back(shape.depth);
  }
  // Linear growth: the increments D(2W) - D(W) double (up to the final adder's
  // logarithmic share).
  for (std::size_t k = 1; k + 1 < depths.size(); ++k) {
    const double ratio = static_cast<double>(depths[k + 1] - depths[k]) /
                         static_cast<double>(depths[k] - depths[k - 1]);
    CAPTURE(k);
    CHECK(ratio > 1.8);
    CHECK(ratio < 2.2);
  }
}

// Every stage adds at most 4 levels (see the array test), so the rows are at
// most 1 + 4·stages deep, and the final adder adds at most its own depth:
// with stages = O(log W) (checked above) the depth is O(log W).
TEST_CASE("Wallace and Dadda multipliers: depth O(log W), increments bounded") {
  for (MultiplierArchitecture multiplier :
       {MultiplierArchitecture::wallace, MultiplierArchitecture::dadda}) {
    std::vector<std::size_t> depths;
    for (std::size_t width = 4; width <= 256; width *= 2) {
      CAPTURE(name_of(multiplier));
      CAPTURE(width);
      const ReductionShape shape = unsigned_square_shape(width, multiplier);
      CHECK(shape.rows_depth <= 1 + 4 * shape.stages);
      CHECK(shape.rows_depth >= 1 + 2 * shape.stages);
      CHECK(shape.depth <= shape.rows_depth + kogge_stone_depth(2 * width));
      depths.push_back(shape.depth);
    }
    // Logarithmic growth: D(2W) - D(W) stays bounded (at most 2 stages of
    // 4 levels and 2 adder levels per doubling).
    for (std::size_t k = 0; k + 1 < depths.size(); ++k) {
      CHECK(depths[k + 1] - depths[k] <= 10);
    }
  }
}

TEST_CASE("truncated products build only the partial products of the kept columns") {
  for (Signedness signedness : both_signednesses) {
    for (std::size_t width : {1, 2, 5, 8, 16, 33}) {
      for (std::size_t result_width = 1; result_width <= 2 * width; ++result_width) {
        Aig aig;
        const BitVector a = input_word(aig, width);
        const BitVector b = input_word(aig, width);
        const auto columns = rnncc::word::partial_products(aig, a, b, signedness, result_width);
        // Column c of a W x W product holds the pairs i + j = c, i, j < W.
        std::size_t expected_products = 0;
        for (std::size_t c = 0; c < result_width; ++c) {
          expected_products += std::min(c + 1, 2 * width - 1 - c);
        }
        std::size_t variable_bits = 0;
        for (const auto& column : columns) {
          for (auto bit : column)
            variable_bits += bit.is_constant() ? 0 : 1;
        }
        CAPTURE(width);
        CAPTURE(result_width);
        CHECK(columns.size() == result_width);
        CHECK(aig.and_count() == expected_products);
        CHECK(variable_bits == expected_products);
      }
    }
  }
}

TEST_CASE("partial products counted against enumeration, and a huge multiplication refused") {
  for (std::size_t a = 0; a <= 6; ++a)
    for (std::size_t b = 0; b <= 6; ++b)
      for (std::size_t result = 0; result <= a + b + 1; ++result) {
        std::uint64_t enumerated = 0;
        for (std::size_t i = 0; i < a; ++i)
          for (std::size_t j = 0; j < b; ++j)
            if (i + j < result) ++enumerated;
        CHECK(rnncc::word::partial_product_count(a, b, result) == enumerated);
      }
  // A 65,536-bit multiplication would need billions of ANDs: refused at
  // once, naming the estimate and the limit, with nothing built.
  Aig aig;
  BitVector a, b;
  for (int i = 0; i < 65536; ++i) {
    a.push_back(aig.create_input());
    b.push_back(aig.create_input());
  }
  std::string message;
  try {
    (void)rnncc::word::multiply(aig, a, b, Signedness::unsigned_, 65536, ArithmeticArchitecture{});
  } catch (const rnncc::LimitError& error) {
    message = error.what();
  }
  CHECK(message.find("65536-by-65536-bit multiplication") != std::string::npos);
  CHECK(message.find("--max-ands") != std::string::npos);
  CHECK(aig.and_count() == 0);
}
