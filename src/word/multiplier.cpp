#include "rnncc/word/multiplier.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "rnncc/common/error.hpp"
#include "rnncc/common/size_limits.hpp"
#include "rnncc/word/adder.hpp"
#include "rnncc/word/bit_cells.hpp"
#include "rnncc/word/resize.hpp"

namespace rnncc::word {

using logic::Aig;
using logic::Literal;

namespace {

/// Accumulates one stage's outputs; carries out of the top column vanish.
class StageOutput {
 public:
  explicit StageOutput(std::size_t width) : columns_(width) {}

  void add_full(Aig& aig, std::size_t column, Literal a, Literal b, Literal c) {
    const bool want_carry = column + 1 < columns_.size();
    SumAndCarry result = full_add(aig, a, b, c, want_carry);
    columns_[column].push_back(result.sum);
    if (want_carry) columns_[column + 1].push_back(result.carry);
  }
  void add_half(Aig& aig, std::size_t column, Literal a, Literal b) {
    SumAndCarry result = half_add(aig, a, b);
    columns_[column].push_back(result.sum);
    if (column + 1 < columns_.size()) columns_[column + 1].push_back(result.carry);
  }
  void pass(std::size_t column, Literal bit) { columns_[column].push_back(bit); }
  std::size_t height(std::size_t column) const { return columns_[column].size(); }
  BitColumns take() { return std::move(columns_); }

 private:
  BitColumns columns_;
};

std::size_t max_height(const BitColumns& columns) {
  std::size_t height = 0;
  for (const auto& column : columns)
    height = std::max(height, column.size());
  return height;
}

/// Earliest-arriving bits first, so adders take the bits that are ready and
/// the latest bit of each triple enters at the adder's fast input.
void sort_by_level(const Aig& aig, std::vector<Literal>& bits) {
  // Columns arrive nearly in level order, so an insertion sort (stable,
  // allocation-free) does it in about one pass. Beyond a budget of moves
  // a merge sort finishes; the insertion sort never reorders bits of equal
  // level, so the result is the same either way.
  const std::size_t move_budget = 8 * bits.size() + 64;
  std::size_t moves = 0;
  for (std::size_t i = 1; i < bits.size(); ++i) {
    const Literal bit = bits[i];
    const std::uint32_t level = aig.level(bit);
    std::size_t j = i;
    for (; j > 0 && aig.level(bits[j - 1]) > level; --j)
      bits[j] = bits[j - 1];
    bits[j] = bit;
    moves += i - j;
    if (moves > move_budget) {
      std::stable_sort(bits.begin(), bits.end(),
                       [&aig](Literal x, Literal y) { return aig.level(x) < aig.level(y); });
      return;
    }
  }
}

/// One Dadda stage to `target`, or a Wallace stage when `greedy` is set.
BitColumns reduction_stage(Aig& aig, BitColumns columns, std::size_t target, bool greedy) {
  StageOutput next(columns.size());
  for (std::size_t c = 0; c < columns.size(); ++c) {
    std::vector<Literal>& bits = columns[c];
    sort_by_level(aig, bits);
    std::size_t used = 0;
    if (greedy) {
      for (; bits.size() - used >= 3; used += 3) {
        next.add_full(aig, c, bits[used], bits[used + 1], bits[used + 2]);
      }
      if (bits.size() - used == 2) {
        next.add_half(aig, c, bits[used], bits[used + 1]);
        used += 2;
      }
    } else {
      // next already holds the carries that column c-1 sends in this stage.
      std::size_t height = bits.size() + next.height(c);
      while (height > target) {
        if (height - target >= 2 && bits.size() - used >= 3) {
          next.add_full(aig, c, bits[used], bits[used + 1], bits[used + 2]);
          used += 3;
          height -= 2;
        } else if (bits.size() - used >= 2) {
          next.add_half(aig, c, bits[used], bits[used + 1]);
          used += 2;
          height -= 1;
        } else {
          break;  // not reachable for Dadda's targets; later stages catch up
        }
      }
    }
    for (; used < bits.size(); ++used)
      next.pass(c, bits[used]);
  }
  return next.take();
}

/// Carry-save array: row k is the k-th bit of every column.
BitColumns array_reduction(Aig& aig, const BitColumns& columns, std::size_t& stage_count) {
  const std::size_t height = max_height(columns);
  BitColumns accumulated(columns.size());
  for (std::size_t c = 0; c < columns.size(); ++c) {
    for (std::size_t k = 0; k < 2 && k < columns[c].size(); ++k) {
      accumulated[c].push_back(columns[c][k]);
    }
  }
  for (std::size_t row = 2; row < height; ++row) {
    StageOutput next(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
      std::vector<Literal> bits = accumulated[c];
      if (row < columns[c].size()) bits.push_back(columns[c][row]);
      sort_by_level(aig, bits);
      if (bits.size() == 3) {
        next.add_full(aig, c, bits[0], bits[1], bits[2]);
      } else if (bits.size() == 2) {
        next.add_half(aig, c, bits[0], bits[1]);
      } else if (bits.size() == 1) {
        next.pass(c, bits[0]);
      }
    }
    accumulated = next.take();
    ++stage_count;
  }
  return accumulated;
}

}  // namespace

BitColumns partial_products(Aig& aig, const BitVector& a, const BitVector& b, Signedness signedness,
                            std::size_t result_width) {
  const std::size_t m = a.size();
  const std::size_t n = b.size();
  if (result_width > m + n) {
    throw std::invalid_argument("partial_products: result wider than the full product");
  }
  BitColumns columns(result_width);
  if (m == 0 || n == 0) return columns;
  const bool is_signed = signedness == Signedness::signed_;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < m && i + j < result_width; ++j) {
      Literal product = aig.create_and(a[j], b[i]);
      // Baugh–Wooley: a product of one sign bit and one other bit has
      // negative weight; it enters complemented, the constant corrects it.
      if (is_signed && ((j == m - 1) != (i == n - 1))) product = !product;
      columns[i + j].push_back(product);
    }
  }
  if (is_signed) {
    mpz_class correction = 0;
    mpz_class power;
    mpz_ui_pow_ui(power.get_mpz_t(), 2, m - 1);
    correction += power;
    mpz_ui_pow_ui(power.get_mpz_t(), 2, n - 1);
    correction += power;
    mpz_ui_pow_ui(power.get_mpz_t(), 2, m + n - 1);
    correction -= power;
    for (std::size_t c = 0; c < result_width; ++c) {
      if (mpz_tstbit(correction.get_mpz_t(), c) != 0) columns[c].push_back(logic::true_literal);
    }
  }
  return columns;
}

TwoRows reduce_to_two_rows(Aig& aig, BitColumns columns, MultiplierArchitecture architecture) {
  TwoRows rows;
  switch (architecture) {
    case MultiplierArchitecture::array:
      columns = array_reduction(aig, columns, rows.stage_count);
      break;
    case MultiplierArchitecture::wallace:
      while (max_height(columns) > 2) {
        columns = reduction_stage(aig, std::move(columns), 2, true);
        ++rows.stage_count;
      }
      break;
    case MultiplierArchitecture::dadda: {
      std::vector<std::size_t> targets;
      const std::size_t height = max_height(columns);
      for (std::size_t target = 2; target < height; target = target * 3 / 2) {
        targets.push_back(target);
      }
      for (auto target = targets.rbegin(); target != targets.rend(); ++target) {
        columns = reduction_stage(aig, std::move(columns), *target, false);
        ++rows.stage_count;
      }
      while (max_height(columns) > 2) {
        columns = reduction_stage(aig, std::move(columns), 2, false);
        ++rows.stage_count;
      }
      break;
    }
  }
  rows.first.assign(columns.size(), logic::false_literal);
  rows.second.assign(columns.size(), logic::false_literal);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].size() > 0) rows.first[c] = columns[c][0];
    if (columns[c].size() > 1) rows.second[c] = columns[c][1];
  }
  return rows;
}

namespace {

bool is_constant_word(const BitVector& word) {
  return std::all_of(word.begin(), word.end(), [](Literal bit) { return bit.is_constant(); });
}

/// Partial products of x · c modulo 2^width for a constant c (its bits in
/// `constant`), from the non-adjacent form of c mod 2^width: one row x·2^i
/// per digit +1, one row ~x·2^i plus the constant 2^i per digit -1 (since
/// -(x·2^i) = (~x)·2^i + 2^i modulo 2^width), so a negative or dense
/// constant costs about as many rows as its signed digits, not its ones.
BitColumns constant_partial_products(const BitVector& x, const BitVector& constant,
                                     Signedness signedness, std::size_t width) {
  // c mod 2^width as bits, extended by c's signedness.
  std::vector<int> bits(width + 1, 0);
  for (std::size_t i = 0; i < width; ++i) {
    const Literal bit = i < constant.size() ? constant[i]
                        : signedness == Signedness::signed_ && !constant.empty()
                            ? constant.back()
                            : logic::false_literal;
    bits[i] = bit == logic::true_literal ? 1 : 0;
  }
  // Non-adjacent form, least significant digit first.
  std::vector<int> digits(width + 1, 0);
  int carry = 0;
  for (std::size_t i = 0; i <= width; ++i) {
    const int value = bits[i] + carry;
    const int next = i + 1 <= width ? bits[i + 1] : 0;
    if (value == 1) {
      digits[i] = next == 1 ? -1 : 1;  // ...11 becomes (+1)(-1): carry one up
      carry = next == 1 ? 1 : 0;
    } else {
      digits[i] = 0;
      carry = value == 2 ? 1 : 0;
    }
  }
  const BitVector extended =
      width <= x.size() ? BitVector(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(width))
                        : extend(x, width, signedness);
  BitColumns columns(width);
  std::vector<bool> correction(width + 1, false);  // the constants 2^i, summed below
  for (std::size_t i = 0; i < width; ++i) {
    if (digits[i] == 0) continue;
    for (std::size_t j = i; j < width; ++j) {
      const Literal bit = extended[j - i];
      columns[j].push_back(digits[i] > 0 ? bit : !bit);
    }
    if (digits[i] < 0) {
      // Add 2^i to the correction (binary addition with carries).
      std::size_t position = i;
      while (position < width && correction[position])
        correction[position++] = false;
      if (position < width) correction[position] = true;
    }
  }
  for (std::size_t i = 0; i < width; ++i) {
    if (correction[i]) columns[i].push_back(logic::true_literal);
  }
  return columns;
}

}  // namespace

std::uint64_t partial_product_count(std::size_t a_width, std::size_t b_width,
                                    std::size_t result_width) {
  std::uint64_t count = 0;
  for (std::size_t i = 0; i < a_width && i < result_width; ++i)
    count += std::min(b_width, result_width - i);
  return count;
}

namespace {

/// Refuses, before building anything, a multiplication whose estimated
/// ANDs would take the circuit past the AND limit. The estimate is four
/// per partial product: each is an AND (a squaring's are shared in pairs by
/// structural hashing) and the reduction adds about one full adder of
/// several ANDs per partial product (a generated 10-bit array or Wallace
/// multiplier has 8.5 ANDs per partial product).
void refuse_beyond_and_limit(const Aig& aig, std::size_t a_width, std::size_t b_width,
                             std::size_t result_width) {
  const std::uint64_t products = partial_product_count(a_width, b_width, result_width);
  const std::uint64_t limit = size_limits().max_and_count;
  const std::uint64_t estimate = 4 * products;
  if (estimate <= limit && aig.and_count() <= limit - estimate) return;
  throw LimitError(fmt::format(
      "a {}-by-{}-bit multiplication ({} result bits) needs about {} AND gates on top of the "
      "circuit's {}; the limit is {} (raise it with --max-ands)",
      a_width, b_width, result_width, estimate, aig.and_count(), limit));
}

}  // namespace

BitVector multiply(Aig& aig, const BitVector& a, const BitVector& b, Signedness signedness,
                   std::size_t result_width, ArithmeticArchitecture architecture) {
  const std::size_t full_width = a.size() + b.size();
  const std::size_t built_width = std::min(result_width, full_width);
  if (!is_constant_word(a) && !is_constant_word(b)) {
    refuse_beyond_and_limit(aig, a.size(), b.size(), built_width);
  }
  BitColumns columns;
  if (built_width > 0 && (is_constant_word(a) || is_constant_word(b))) {
    const bool a_constant = is_constant_word(a);
    columns =
        constant_partial_products(a_constant ? b : a, a_constant ? a : b, signedness, built_width);
  } else {
    columns = partial_products(aig, a, b, signedness, built_width);
  }
  TwoRows rows = reduce_to_two_rows(aig, std::move(columns), architecture.multiplier);
  BitVector product = add(aig, rows.first, rows.second, architecture.adder);
  return extend(product, result_width, signedness);
}

}  // namespace rnncc::word
