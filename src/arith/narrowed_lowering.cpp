#include "narrowed_lowering.hpp"

#include <algorithm>
#include <utility>
#include <variant>

#include "big_integer.hpp"
#include "evenly_spaced_members.hpp"
#include "format_lowering_unit.hpp"
#include "rnncc/arith/reference.hpp"
#include "rnncc/common/assert.hpp"
#include "rnncc/word/adder.hpp"
#include "rnncc/word/compare.hpp"
#include "rnncc/word/multiplier.hpp"
#include "rnncc/word/rescale.hpp"
#include "rnncc/word/resize.hpp"

namespace rnncc::arith::detail {

using logic::Literal;
using word::BitVector;

namespace {

/// `value` mod 2^width: the pattern that stores it in `width` bits.
mpz_class pattern_of(const mpz_class& value, std::size_t width) {
  return non_negative_remainder(value, power_of_two(width));
}

bool bit_of(const mpz_class& pattern, std::size_t bit) {
  return mpz_tstbit(pattern.get_mpz_t(), bit) != 0;
}

}  // namespace

NarrowedLowering::NarrowedLowering(FormatLowering& lowering,
                                   word::ArithmeticArchitecture architecture)
    : lowering_(lowering), architecture_(architecture) {
  const Format& format = lowering.format();
  RNNCC_ASSERT(is_finite(format));
  width_ = *width_in_bits(format);
  MemberGrid grid = member_grid(format);
  lowest_ = std::move(grid.lowest);
  highest_ = std::move(grid.highest);
  denominator_ = std::move(grid.denominator);
  fraction_bits_ = bit_length(denominator_) - 1;
  is_residue_ = std::holds_alternative<ResidueFormat>(format);
  const auto* fixed = std::get_if<FixedFormat>(&format);
  wraps_ = !is_residue_ && (fixed == nullptr || fixed->overflow == word::Overflow::wrap);
}

BitVector NarrowedLowering::resize(const BitVector& bits, std::size_t width) const {
  if (!is_residue_) return resize_signed(bits, width);
  return bits.size() >= width ? word::truncate(bits, width) : word::zero_extend(bits, width);
}

LoweredValue NarrowedLowering::value_of(BitVector bits, const ValueFacts& facts) const {
  return LoweredValue{std::move(bits), facts.low, facts.high, denominator_};
}

LoweredValue NarrowedLowering::narrow(const LoweredValue& value, const ValueFacts& facts) const {
  const std::size_t width = needed_width(lowering_.format(), facts);
  if (facts.is_constant()) return value_of(word::constant(width, facts.low), facts);
  BitVector bits = resize(value.bits, width);
  const std::size_t zeros = std::min(facts.trailing_zero_bits, width);
  for (std::size_t bit = 0; bit < zeros; ++bit)
    bits[bit] = logic::false_literal;
  if (!facts.values.empty()) {
    std::vector<mpz_class> patterns;
    patterns.reserve(facts.values.size());
    for (const mpz_class& value_taken : facts.values)
      patterns.push_back(pattern_of(value_taken, width));
    for (std::size_t bit = zeros; bit < width; ++bit) {
      const bool first = bit_of(patterns.front(), bit);
      const bool all_same = std::all_of(patterns.begin(), patterns.end(), [&](const mpz_class& p) {
        return bit_of(p, bit) == first;
      });
      if (all_same) bits[bit] = logic::constant_literal(first);
    }
  }
  return value_of(std::move(bits), facts);
}

LoweredValue NarrowedLowering::widen(const LoweredValue& value) const {
  return LoweredValue{resize(value.bits, width_), lowest_, highest_, denominator_};
}

std::optional<LoweredValue> NarrowedLowering::add_or_subtract(bool subtract, const LoweredValue& a,
                                                              const ValueFacts& a_facts,
                                                              const LoweredValue& b,
                                                              const ValueFacts& b_facts,
                                                              const ValueFacts& result_facts) {
  const mpz_class exact_low =
      subtract ? mpz_class(a_facts.low - b_facts.high) : mpz_class(a_facts.low + b_facts.low);
  const mpz_class exact_high =
      subtract ? mpz_class(a_facts.high - b_facts.low) : mpz_class(a_facts.high + b_facts.high);
  const bool stays_in_range = exact_low >= lowest_ && exact_high <= highest_;
  // Without reduction the result is the exact one; with wrap-around it is
  // the exact one modulo 2^W. Either way it is the exact one modulo 2^k for
  // k <= W, and it fits k bits: k-bit arithmetic on operands reduced
  // modulo 2^k gives it.
  if (!stays_in_range && !wraps_) return std::nullopt;
  const std::size_t width = needed_width(lowering_.format(), result_facts);
  const word::PrefixArchitecture adder = architecture_.adder;
  logic::Aig& aig = lowering_.aig();
  BitVector result = subtract
                         ? word::subtract(aig, resize(a.bits, width), resize(b.bits, width), adder)
                         : word::add(aig, resize(a.bits, width), resize(b.bits, width), adder);
  return value_of(std::move(result), result_facts);
}

std::optional<LoweredValue> NarrowedLowering::negate(const LoweredValue& a,
                                                     const ValueFacts& a_facts,
                                                     const ValueFacts& result_facts) {
  if (is_residue_) return std::nullopt;  // P - a: a reduction for every a but 0
  if (!wraps_ && (-a_facts.high < lowest_ || -a_facts.low > highest_)) return std::nullopt;
  const std::size_t width = needed_width(lowering_.format(), result_facts);
  return value_of(word::negate(lowering_.aig(), resize(a.bits, width), architecture_.adder),
                  result_facts);
}

std::optional<LoweredValue> NarrowedLowering::multiply_words(const LoweredValue& a,
                                                             const ValueFacts& a_facts,
                                                             const LoweredValue& b,
                                                             const ValueFacts& b_facts,
                                                             const ValueFacts& result_facts) {
  const std::size_t width = needed_width(lowering_.format(), result_facts);
  logic::Aig& aig = lowering_.aig();
  const word::ArithmeticArchitecture architecture = architecture_;
  if (is_residue_) {
    // Below P the product needs no reduction.
    if (a_facts.high * b_facts.high > highest_) return std::nullopt;
    return value_of(
        word::multiply(aig, a.bits, b.bits, word::Signedness::unsigned_, width, architecture),
        result_facts);
  }
  const mpz_class corners[] = {a_facts.low * b_facts.low, a_facts.low * b_facts.high,
                               a_facts.high * b_facts.low, a_facts.high * b_facts.high};
  const mpz_class product_low = *std::min_element(std::begin(corners), std::end(corners));
  const mpz_class product_high = *std::max_element(std::begin(corners), std::end(corners));
  if (!wraps_) {
    const mpz_class square = denominator_ * denominator_;
    for (const mpz_class& extreme : {product_low, product_high}) {
      if (reference::overflow_of(lowering_.format(), mpq_class(extreme, square)) !=
          reference::Overflow::none) {
        return std::nullopt;
      }
    }
  }
  // The stored result is the product of the stored integers rounded by
  // 2^-F; modulo 2^k it depends on the product modulo 2^(k+F) only.
  const std::size_t product_width = width + fraction_bits_;
  const std::size_t built_width = std::min(product_width, signed_width(product_low, product_high));
  // Truncated products (F = 0) take both operands at the result's width,
  // which the multiplier builds smallest; products rounded afterwards keep
  // narrower operands narrow.
  const auto operand = [&](const LoweredValue& x) {
    return resize(x.bits, fraction_bits_ == 0 ? built_width : std::min(x.bits.size(), built_width));
  };
  BitVector product = word::multiply(aig, operand(a), operand(b), word::Signedness::signed_,
                                     built_width, architecture);
  product = resize(product, product_width);
  if (fraction_bits_ == 0) return value_of(std::move(product), result_facts);
  const auto& fixed = std::get<FixedFormat>(lowering_.format());
  return value_of(word::rescale(aig, product, fraction_bits_, fixed.rounding, word::Overflow::wrap,
                                width, word::Signedness::signed_, architecture.adder),
                  result_facts);
}

LoweredValue NarrowedLowering::multiply_by_constant(const LoweredValue& a,
                                                    const ValueFacts& a_facts,
                                                    const mpz_class& factor) {
  const Format& format = lowering_.format();
  const ValueFacts factor_facts = facts_of_constant(format, factor);
  const ValueFacts product_facts = multiply_facts(format, a_facts, factor_facts);
  if (product_facts.is_constant() || factor == 0) return narrow(a, product_facts);
  const mpz_class one = denominator_;
  const mpz_class minus_one = is_residue_ ? highest_ : mpz_class(-denominator_);
  std::optional<LoweredValue> product;
  if (factor == one) {
    product = a;
  } else if (factor == minus_one) {
    product = negate(a, a_facts, product_facts);
    if (!product) product = lowering_.negate(widen(a));
  } else {
    const LoweredValue factor_value = narrow(a, factor_facts);  // constant bits
    product = multiply_words(a, a_facts, factor_value, factor_facts, product_facts);
    if (!product) product = lowering_.multiply(widen(a), widen(factor_value));
  }
  return narrow(*product, product_facts);
}

LoweredValue NarrowedLowering::multiply_by_two_values(const LoweredValue& a,
                                                      const ValueFacts& a_facts,
                                                      const LoweredValue& selector,
                                                      const ValueFacts& selector_facts,
                                                      const ValueFacts& result_facts) {
  RNNCC_ASSERT(selector_facts.values.size() == 2);
  const std::size_t selector_width = selector.bits.size();
  const mpz_class first = pattern_of(selector_facts.values[0], selector_width);
  const mpz_class second = pattern_of(selector_facts.values[1], selector_width);
  std::size_t bit = 0;
  while (bit_of(first, bit) == bit_of(second, bit))
    ++bit;
  RNNCC_ASSERT(bit < selector_width);
  // The selector holds its second value exactly when this bit reads as in
  // the second value's pattern.
  const Literal is_second = bit_of(second, bit) ? selector.bits[bit] : !selector.bits[bit];
  const std::size_t width = needed_width(lowering_.format(), result_facts);
  const BitVector times_first =
      resize(multiply_by_constant(a, a_facts, selector_facts.values[0]).bits, width);
  const BitVector times_second =
      resize(multiply_by_constant(a, a_facts, selector_facts.values[1]).bits, width);
  return value_of(word::mux(lowering_.aig(), is_second, times_second, times_first), result_facts);
}

std::optional<LoweredValue> NarrowedLowering::rescale(const LoweredValue& a,
                                                      const ValueFacts& a_facts, long shift,
                                                      const ValueFacts& result_facts) {
  const Format& format = lowering_.format();
  if (is_residue_) {
    // A product with the constant 2^-shift modulo P.
    const mpq_class factor = reference::scale_by_power_of_two(format, 1, -shift);
    return multiply_by_constant(a, a_facts, factor.get_num());
  }
  const std::size_t width = needed_width(format, result_facts);
  if (shift <= 0) {
    const std::size_t amount = static_cast<std::size_t>(-shift);
    if (!wraps_) {
      const mpz_class scale = power_of_two(amount);
      if (a_facts.low * scale < lowest_ || a_facts.high * scale > highest_) return std::nullopt;
    }
    return value_of(word::shift_left(resize(a.bits, width), std::min(amount, width)), result_facts);
  }
  // A right shift rounds the exact quotient, which never leaves the range.
  const auto& fixed = std::get<FixedFormat>(format);
  return value_of(
      word::rescale(lowering_.aig(), a.bits, static_cast<std::size_t>(shift), fixed.rounding,
                    word::Overflow::wrap, width, word::Signedness::signed_, architecture_.adder),
      result_facts);
}

std::optional<LoweredValue> NarrowedLowering::lower(
    const Circuit& circuit, NodeId node, const std::vector<std::optional<LoweredValue>>& values,
    const std::vector<ValueFacts>& facts) {
  const auto operand = [&](std::size_t i) -> const LoweredValue& {
    return *values[circuit.operand(node, i)];
  };
  const auto operand_facts = [&](std::size_t i) -> const ValueFacts& {
    return facts[circuit.operand(node, i)];
  };
  const ValueFacts& result_facts = facts[node];
  logic::Aig& aig = lowering_.aig();
  switch (circuit.kind(node)) {
    case OperationKind::add:
    case OperationKind::subtract:
      return add_or_subtract(circuit.kind(node) == OperationKind::subtract, operand(0),
                             operand_facts(0), operand(1), operand_facts(1), result_facts);
    case OperationKind::negate:
      return negate(operand(0), operand_facts(0), result_facts);
    case OperationKind::multiply: {
      // A product with a word of two cheap factors is a choice between two
      // products with constants: 0 (nothing), 1 (a wire), -1 (a negation),
      // or a power of two times either (a shift; not in modp). Two general
      // constants would take two multipliers where one does.
      const auto is_cheap_factor = [&](const mpz_class& factor) {
        if (factor == 0 || factor == denominator_) return true;
        if (is_residue_) return factor == highest_;
        const mpz_class magnitude = abs(factor);
        return magnitude >= denominator_ &&
               mpz_popcount(magnitude.get_mpz_t()) == 1;  // denominator_ is 2^F
      };
      const auto is_selector = [&](std::size_t i) {
        const ValueFacts& selector_facts = operand_facts(i);
        return selector_facts.values.size() == 2 && !operand_facts(1 - i).is_constant() &&
               is_cheap_factor(selector_facts.values[0]) &&
               is_cheap_factor(selector_facts.values[1]);
      };
      std::optional<std::size_t> selector;
      if (is_selector(1)) selector = 1;
      if (is_selector(0)) selector = 0;
      if (selector) {
        const std::size_t other = 1 - *selector;
        return multiply_by_two_values(operand(other), operand_facts(other), operand(*selector),
                                      operand_facts(*selector), result_facts);
      }
      return multiply_words(operand(0), operand_facts(0), operand(1), operand_facts(1),
                            result_facts);
    }
    case OperationKind::rescale:
      return rescale(operand(0), operand_facts(0), circuit.rescale_shift(node), result_facts);
    case OperationKind::less_than:
    case OperationKind::equal: {
      const std::size_t width = std::max(operand(0).bits.size(), operand(1).bits.size());
      const BitVector a = resize(operand(0).bits, width);
      const BitVector b = resize(operand(1).bits, width);
      const Literal result = circuit.kind(node) == OperationKind::equal
                                 ? word::equal(aig, a, b)
                                 : word::less_than(aig, a, b,
                                                   is_residue_ ? word::Signedness::unsigned_
                                                               : word::Signedness::signed_,
                                                   architecture_.adder);
      return LoweredValue{BitVector{result}, 0, 1, 1};
    }
    case OperationKind::select: {
      if (circuit.is_boolean(node)) return std::nullopt;
      const std::size_t width = needed_width(lowering_.format(), result_facts);
      return value_of(word::mux(aig, operand(0).bits[0], resize(operand(1).bits, width),
                                resize(operand(2).bits, width)),
                      result_facts);
    }
    case OperationKind::relu:
      if (is_residue_) return operand(0);  // the identity
      return value_of(word::relu(aig, operand(0).bits), result_facts);
    default:
      return std::nullopt;
  }
}

}  // namespace rnncc::arith::detail
