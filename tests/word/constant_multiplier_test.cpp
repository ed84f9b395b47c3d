// Multiplication by a constant (built from the constant's signed digits)
// against exact integer products, exhaustively for small widths.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "rnncc/word/multiplier.hpp"
#include "rnncc/word/resize.hpp"
#include "support/simulate.hpp"

namespace {

using namespace rnncc;

/// The value of `bits` under input pattern words (bit p of each word).
std::int64_t read_word(const std::vector<std::uint64_t>& nodes, const word::BitVector& bits,
                       std::size_t pattern, bool is_signed) {
  std::int64_t value = 0;
  for (std::size_t i = 0; i < bits.size(); ++i) {
    if ((test::literal_word(nodes, bits[i]) >> pattern) & 1U) value |= std::int64_t{1} << i;
  }
  if (is_signed && !bits.empty() && ((value >> (bits.size() - 1)) & 1))
    value -= std::int64_t{1} << bits.size();
  return value;
}

}  // namespace

TEST_CASE(
    "x times a constant equals the integer product modulo 2^result for every x and constant") {
  for (bool is_signed : {false, true}) {
    const word::Signedness signedness =
        is_signed ? word::Signedness::signed_ : word::Signedness::unsigned_;
    for (std::size_t width : {1, 3, 5, 6}) {
      for (std::size_t constant_width : {1, 4, 6}) {
        for (std::size_t result_width : {width + constant_width, width, std::size_t{3}}) {
          for (std::int64_t c = 0; c < (std::int64_t{1} << constant_width); ++c) {
            logic::Aig aig;
            word::BitVector x;
            for (std::size_t i = 0; i < width; ++i)
              x.push_back(aig.create_input());
            const word::BitVector constant = word::constant(constant_width, c);
            const word::BitVector product = word::multiply(
                aig, constant, x, signedness, result_width, word::ArithmeticArchitecture{});
            REQUIRE(product.size() == result_width);
            // Every x at once: pattern p holds x = p.
            std::vector<std::uint64_t> inputs(width, 0);
            for (std::size_t p = 0; p < (std::size_t{1} << width); ++p)
              for (std::size_t i = 0; i < width; ++i)
                if ((p >> i) & 1U) inputs[i] |= std::uint64_t{1} << p;
            const std::vector<std::uint64_t> nodes = test::simulate_nodes(aig, inputs);
            std::int64_t constant_value = c;
            if (is_signed && ((c >> (constant_width - 1)) & 1))
              constant_value -= std::int64_t{1} << constant_width;
            for (std::size_t p = 0; p < (std::size_t{1} << width); ++p) {
              std::int64_t x_value = static_cast<std::int64_t>(p);
              if (is_signed && ((p >> (width - 1)) & 1U)) x_value -= std::int64_t{1} << width;
              const std::int64_t modulus = std::int64_t{1} << result_width;
              const std::int64_t expected =
                  ((x_value * constant_value) % modulus + modulus) % modulus;
              const std::int64_t actual = read_word(nodes, product, p, false);
              CAPTURE(width);
              CAPTURE(constant_width);
              CAPTURE(result_width);
              CAPTURE(constant_value);
              CAPTURE(x_value);
              REQUIRE(actual == expected);
            }
          }
        }
      }
    }
  }
}

TEST_CASE("a negative constant costs its signed digits, not its ones") {
  logic::Aig aig;
  word::BitVector x;
  for (int i = 0; i < 16; ++i)
    x.push_back(aig.create_input());
  // -12 = 0xFFF4 has 13 ones but two signed digits (-16 + 4).
  word::multiply(aig, x, word::constant(16, 0xFFF4), word::Signedness::signed_, 16,
                 word::ArithmeticArchitecture{});
  CHECK(aig.and_count() < 200);
}
