#include "rnncc/arith/value_facts.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>
#include <variant>

#include "big_integer.hpp"
#include "evenly_spaced_members.hpp"
#include "rnncc/arith/format_lowering.hpp"
#include "rnncc/arith/reference.hpp"
#include "rnncc/common/assert.hpp"

namespace rnncc::arith {

namespace {

using detail::bit_length;

/// What the analysis needs to know about a finite format.
struct Layout {
  std::size_t width = 0;
  mpz_class lowest;       ///< smallest stored integer
  mpz_class highest;      ///< largest stored integer
  mpz_class denominator;  ///< member = stored / denominator
  bool is_residue = false;
  bool saturates = false;  ///< fixed with the saturate rule
};

Layout layout_of(const Format& format) {
  RNNCC_ASSERT(is_finite(format));
  Layout layout;
  layout.width = *width_in_bits(format);
  detail::MemberGrid grid = detail::member_grid(format);
  layout.lowest = std::move(grid.lowest);
  layout.highest = std::move(grid.highest);
  layout.denominator = std::move(grid.denominator);
  layout.is_residue = std::holds_alternative<ResidueFormat>(format);
  if (const auto* fixed = std::get_if<FixedFormat>(&format)) {
    layout.saturates = fixed->overflow == word::Overflow::saturate;
  }
  return layout;
}

mpq_class member_of(const Layout& layout, const mpz_class& stored) {
  mpq_class member(stored, layout.denominator);
  member.canonicalize();
  return member;
}

mpz_class stored_of(const Layout& layout, const mpq_class& member) {
  mpq_class scaled = member * layout.denominator;
  RNNCC_ASSERT(scaled.get_den() == 1);
  return scaled.get_num();
}

/// Number of trailing zero bits of `stored` in two's complement, at most
/// `width` (0 has `width`).
std::size_t trailing_zeros(const mpz_class& stored, std::size_t width) {
  if (stored == 0) return width;
  return std::min<std::size_t>(mpz_scan1(stored.get_mpz_t(), 0), width);
}

/// Makes the facts canonical: the listed values sorted and distinct, or
/// listed from a small interval; the interval and the known low bits
/// tightened from the list.
ValueFacts finish(const Layout& layout, ValueFacts facts) {
  facts.trailing_zero_bits = std::min(facts.trailing_zero_bits, layout.width);
  if (facts.low < layout.lowest) facts.low = layout.lowest;
  if (facts.high > layout.highest) facts.high = layout.highest;
  std::sort(facts.values.begin(), facts.values.end());
  facts.values.erase(std::unique(facts.values.begin(), facts.values.end()), facts.values.end());
  if (facts.values.size() > max_listed_values) facts.values.clear();
  if (facts.values.empty() && facts.high - facts.low < mpz_class(max_listed_values)) {
    const mpz_class step = detail::power_of_two(facts.trailing_zero_bits);
    for (mpz_class value = facts.low; value <= facts.high; ++value) {
      if (detail::non_negative_remainder(value, step) == 0) facts.values.push_back(value);
    }
  }
  if (!facts.values.empty()) {
    facts.low = facts.values.front();
    facts.high = facts.values.back();
    std::size_t zeros = layout.width;
    for (const mpz_class& value : facts.values)
      zeros = std::min(zeros, trailing_zeros(value, layout.width));
    facts.trailing_zero_bits = std::max(facts.trailing_zero_bits, zeros);
  }
  return facts;
}

ValueFacts any_member(const Layout& layout) {
  ValueFacts facts;
  facts.low = layout.lowest;
  facts.high = layout.highest;
  return facts;
}

/// The stored interval of the format's image of the exact results
/// [exact_low, exact_high] of a function monotone in its operands, and
/// whether an overflow (or a modular reduction) may have happened.
std::pair<ValueFacts, bool> fit(const Format& format, const Layout& layout,
                                const mpq_class& exact_low, const mpq_class& exact_high) {
  ValueFacts facts;
  if (layout.is_residue) {
    // modp: exact results here are integers; inside 0 .. P-1 nothing reduces.
    if (exact_low >= 0 && exact_high <= mpq_class(layout.highest)) {
      facts.low = exact_low.get_num();
      facts.high = exact_high.get_num();
      return {facts, false};
    }
    return {any_member(layout), true};
  }
  const bool overflows = reference::overflow_of(format, exact_low) != reference::Overflow::none ||
                         reference::overflow_of(format, exact_high) != reference::Overflow::none;
  if (!overflows || layout.saturates) {
    // Rounding, then saturating, is monotone.
    facts.low = stored_of(layout, reference::represent(format, exact_low));
    facts.high = stored_of(layout, reference::represent(format, exact_high));
    return {facts, overflows};
  }
  return {any_member(layout), true};
}

/// Lists the results of `operation` on every pair of listed operand values
/// (nothing when either operand lists none).
void list_results(const Layout& layout, const ValueFacts& a, const ValueFacts& b,
                  const std::function<mpq_class(const mpq_class&, const mpq_class&)>& operation,
                  ValueFacts& result) {
  if (a.values.empty() || b.values.empty()) return;
  std::vector<mpz_class> values;
  for (const mpz_class& x : a.values) {
    for (const mpz_class& y : b.values)
      values.push_back(stored_of(layout, operation(member_of(layout, x), member_of(layout, y))));
  }
  result.values = std::move(values);
}

void list_results(const Layout& layout, const ValueFacts& a,
                  const std::function<mpq_class(const mpq_class&)>& operation, ValueFacts& result) {
  if (a.values.empty()) return;
  std::vector<mpz_class> values;
  for (const mpz_class& x : a.values)
    values.push_back(stored_of(layout, operation(member_of(layout, x))));
  result.values = std::move(values);
}

/// The interval of a function monotone non-decreasing in `a`: its values
/// at the ends.
ValueFacts monotone_image(const Layout& layout, const ValueFacts& a,
                          const std::function<mpq_class(const mpq_class&)>& function) {
  ValueFacts facts;
  facts.low = stored_of(layout, function(member_of(layout, a.low)));
  facts.high = stored_of(layout, function(member_of(layout, a.high)));
  return facts;
}

ValueFacts boolean_facts(bool can_be_false, bool can_be_true) {
  ValueFacts facts;
  facts.low = can_be_false ? 0 : 1;
  facts.high = can_be_true ? 1 : 0;
  if (can_be_false) facts.values.push_back(0);
  if (can_be_true) facts.values.push_back(1);
  return facts;
}

bool lists_shared_value(const ValueFacts& a, const ValueFacts& b) {
  for (const mpz_class& x : a.values) {
    if (std::binary_search(b.values.begin(), b.values.end(), x)) return true;
  }
  return false;
}

}  // namespace

ValueFacts facts_of_any_member(const Format& format) {
  const Layout layout = layout_of(format);
  return finish(layout, any_member(layout));
}

ValueFacts facts_of_any_boolean() {
  return boolean_facts(true, true);
}

ValueFacts facts_of_constant(const Format& format, const mpz_class& stored) {
  ValueFacts facts;
  facts.low = stored;
  facts.high = stored;
  facts.values.push_back(stored);
  return finish(layout_of(format), std::move(facts));
}

ValueFacts facts_of_boolean_constant(bool value) {
  return boolean_facts(!value, value);
}

ValueFacts add_facts(const Format& format, const ValueFacts& a, const ValueFacts& b) {
  const Layout layout = layout_of(format);
  auto [facts, overflows] = fit(format, layout, member_of(layout, a.low) + member_of(layout, b.low),
                                member_of(layout, a.high) + member_of(layout, b.high));
  if (!overflows || (!layout.is_residue && !layout.saturates)) {
    facts.trailing_zero_bits = std::min(a.trailing_zero_bits, b.trailing_zero_bits);
  }
  list_results(
      layout, a, b,
      [&](const mpq_class& x, const mpq_class& y) { return reference::add(format, x, y); }, facts);
  return finish(layout, std::move(facts));
}

ValueFacts subtract_facts(const Format& format, const ValueFacts& a, const ValueFacts& b) {
  const Layout layout = layout_of(format);
  auto [facts, overflows] =
      fit(format, layout, member_of(layout, a.low) - member_of(layout, b.high),
          member_of(layout, a.high) - member_of(layout, b.low));
  if (!overflows || (!layout.is_residue && !layout.saturates)) {
    facts.trailing_zero_bits = std::min(a.trailing_zero_bits, b.trailing_zero_bits);
  }
  list_results(
      layout, a, b,
      [&](const mpq_class& x, const mpq_class& y) { return reference::subtract(format, x, y); },
      facts);
  return finish(layout, std::move(facts));
}

ValueFacts negate_facts(const Format& format, const ValueFacts& a) {
  const Layout layout = layout_of(format);
  ValueFacts facts;
  if (layout.is_residue) {
    // P - a for a != 0: 0 stays 0, so only an interval without 0 maps whole.
    if (a.high == 0) {
      facts = a;
    } else if (a.low > 0) {
      facts.low = layout.highest + 1 - a.high;
      facts.high = layout.highest + 1 - a.low;
    } else {
      facts = any_member(layout);
    }
  } else {
    bool overflows = false;
    std::tie(facts, overflows) =
        fit(format, layout, -member_of(layout, a.high), -member_of(layout, a.low));
    if (!overflows || !layout.saturates) facts.trailing_zero_bits = a.trailing_zero_bits;
  }
  list_results(
      layout, a, [&](const mpq_class& x) { return reference::negate(format, x); }, facts);
  return finish(layout, std::move(facts));
}

ValueFacts multiply_facts(const Format& format, const ValueFacts& a, const ValueFacts& b) {
  const Layout layout = layout_of(format);
  const mpq_class corners[] = {
      member_of(layout, a.low) * member_of(layout, b.low),
      member_of(layout, a.low) * member_of(layout, b.high),
      member_of(layout, a.high) * member_of(layout, b.low),
      member_of(layout, a.high) * member_of(layout, b.high),
  };
  auto [facts, overflows] =
      fit(format, layout, *std::min_element(std::begin(corners), std::end(corners)),
          *std::max_element(std::begin(corners), std::end(corners)));
  // The stored product is the product of the stored integers divided by
  // the denominator 2^F (F = 0 outside fixed), rounded.
  const std::size_t fraction = bit_length(layout.denominator) - 1;
  const std::size_t product_zeros = a.trailing_zero_bits + b.trailing_zero_bits;
  if (product_zeros >= fraction && (!overflows || (!layout.is_residue && !layout.saturates))) {
    facts.trailing_zero_bits = product_zeros - fraction;
  }
  list_results(
      layout, a, b,
      [&](const mpq_class& x, const mpq_class& y) { return reference::multiply(format, x, y); },
      facts);
  return finish(layout, std::move(facts));
}

ValueFacts rescale_facts(const Format& format, const ValueFacts& a, long shift) {
  const Layout layout = layout_of(format);
  const auto scale = [&](const mpq_class& x) {
    return reference::scale_by_power_of_two(format, x, -shift);
  };
  ValueFacts facts;
  if (layout.is_residue) {
    // A product with the constant 2^-shift modulo P.
    return multiply_facts(format, a, facts_of_constant(format, stored_of(layout, scale(1))));
  }
  mpq_class factor = 1;
  if (shift < 0) {
    mpq_class power(detail::power_of_two(static_cast<std::size_t>(-shift)));
    factor = power;
  } else {
    factor = mpq_class(1, detail::power_of_two(static_cast<std::size_t>(shift)));
  }
  bool overflows = false;
  std::tie(facts, overflows) =
      fit(format, layout, member_of(layout, a.low) * factor, member_of(layout, a.high) * factor);
  if (!overflows || !layout.saturates) {
    if (shift <= 0) {
      facts.trailing_zero_bits = a.trailing_zero_bits + static_cast<std::size_t>(-shift);
    } else if (a.trailing_zero_bits >= static_cast<std::size_t>(shift)) {
      facts.trailing_zero_bits = a.trailing_zero_bits - static_cast<std::size_t>(shift);
    }
  }
  list_results(layout, a, scale, facts);
  return finish(layout, std::move(facts));
}

ValueFacts less_than_facts(const Format&, const ValueFacts& a, const ValueFacts& b) {
  // Stored integers are ordered as the format orders its members.
  if (a.high < b.low) return boolean_facts(false, true);
  if (a.low >= b.high) return boolean_facts(true, false);
  return facts_of_any_boolean();
}

ValueFacts equal_facts(const Format&, const ValueFacts& a, const ValueFacts& b) {
  if (a.high < b.low || b.high < a.low) return boolean_facts(true, false);
  if (a.is_constant() && b.is_constant()) return boolean_facts(false, true);
  if (!a.values.empty() && !b.values.empty() && !lists_shared_value(a, b)) {
    return boolean_facts(true, false);
  }
  return facts_of_any_boolean();
}

ValueFacts select_facts(const ValueFacts& condition, const ValueFacts& if_true,
                        const ValueFacts& if_false) {
  if (condition.low == 1) return if_true;
  if (condition.high == 0) return if_false;
  ValueFacts facts;
  facts.low = std::min(if_true.low, if_false.low);
  facts.high = std::max(if_true.high, if_false.high);
  facts.trailing_zero_bits = std::min(if_true.trailing_zero_bits, if_false.trailing_zero_bits);
  if (!if_true.values.empty() && !if_false.values.empty()) {
    std::set_union(if_true.values.begin(), if_true.values.end(), if_false.values.begin(),
                   if_false.values.end(), std::back_inserter(facts.values));
    if (facts.values.size() > max_listed_values) facts.values.clear();
  }
  return facts;
}

ValueFacts relu_facts(const Format& format, const ValueFacts& a) {
  const Layout layout = layout_of(format);
  const auto relu = [&](const mpq_class& x) { return reference::relu(format, x); };
  ValueFacts facts = monotone_image(layout, a, relu);
  facts.trailing_zero_bits = a.trailing_zero_bits;  // a or 0
  list_results(layout, a, relu, facts);
  return finish(layout, std::move(facts));
}

ValueFacts clip_facts(const Format& format, const ValueFacts& a, const mpq_class& low,
                      const mpq_class& high) {
  const Layout layout = layout_of(format);
  const auto clip = [&](const mpq_class& x) { return reference::clip(format, x, low, high); };
  ValueFacts facts = monotone_image(layout, a, clip);
  // The result is a, or one of the represented bounds.
  facts.trailing_zero_bits = std::min(
      {a.trailing_zero_bits,
       trailing_zeros(stored_of(layout, reference::represent(format, low)), layout.width),
       trailing_zeros(stored_of(layout, reference::represent(format, high)), layout.width)});
  list_results(layout, a, clip, facts);
  return finish(layout, std::move(facts));
}

ValueFacts lookup_facts(const Format& format, const LookupTable& table, const ValueFacts& a) {
  const Layout layout = layout_of(format);
  ValueFacts facts;
  if (table.activation) {
    // Every activation is monotone non-decreasing under the format's order.
    const Activation activation = *table.activation;
    const auto apply = [&](const mpq_class& x) { return reference::apply(format, activation, x); };
    facts = monotone_image(layout, a, apply);
    list_results(layout, a, apply, facts);
    return finish(layout, std::move(facts));
  }
  const ExplicitTable& explicit_table = table.explicit_table;
  if (!a.values.empty()) {
    list_results(
        layout, a, [&](const mpq_class& x) { return explicit_table(x); }, facts);
    facts.low = facts.values.front();
    facts.high = facts.values.front();
    for (const mpz_class& value : facts.values) {
      facts.low = std::min(facts.low, value);
      facts.high = std::max(facts.high, value);
    }
    return finish(layout, std::move(facts));
  }
  // Every listed entry whose argument a may take, and the default.
  facts.low = facts.high = stored_of(layout, explicit_table.default_result);
  const mpq_class low = member_of(layout, a.low);
  const mpq_class high = member_of(layout, a.high);
  for (const auto& [argument, result] : explicit_table.entries) {
    if (argument < low || argument > high) continue;
    const mpz_class stored = stored_of(layout, result);
    facts.low = std::min(facts.low, stored);
    facts.high = std::max(facts.high, stored);
  }
  return finish(layout, std::move(facts));
}

std::vector<ValueFacts> analyse_values(const Circuit& circuit) {
  const Format& format = circuit.format();
  const Layout layout = layout_of(format);
  std::vector<ValueFacts> facts;
  facts.reserve(circuit.node_count());
  for (NodeId node = 0; node < circuit.node_count(); ++node) {
    const auto operand = [&](std::size_t i) -> const ValueFacts& {
      return facts[circuit.operand(node, i)];
    };
    switch (circuit.kind(node)) {
      case OperationKind::input:
        facts.push_back(circuit.is_boolean(node) ? facts_of_any_boolean()
                                                 : finish(layout, any_member(layout)));
        break;
      case OperationKind::constant:
        facts.push_back(
            circuit.is_boolean(node)
                ? facts_of_boolean_constant(circuit.constant_value(node) != 0)
                : facts_of_constant(format, stored_of(layout, circuit.constant_value(node))));
        break;
      case OperationKind::add:
        facts.push_back(add_facts(format, operand(0), operand(1)));
        break;
      case OperationKind::subtract:
        facts.push_back(subtract_facts(format, operand(0), operand(1)));
        break;
      case OperationKind::negate:
        facts.push_back(negate_facts(format, operand(0)));
        break;
      case OperationKind::multiply:
        facts.push_back(multiply_facts(format, operand(0), operand(1)));
        break;
      case OperationKind::rescale:
        facts.push_back(rescale_facts(format, operand(0), circuit.rescale_shift(node)));
        break;
      case OperationKind::less_than:
        facts.push_back(less_than_facts(format, operand(0), operand(1)));
        break;
      case OperationKind::equal:
        facts.push_back(equal_facts(format, operand(0), operand(1)));
        break;
      case OperationKind::select:
        facts.push_back(select_facts(operand(0), operand(1), operand(2)));
        break;
      case OperationKind::relu:
        facts.push_back(relu_facts(format, operand(0)));
        break;
      case OperationKind::clip: {
        const auto& [low, high] = circuit.clip_bounds(node);
        facts.push_back(clip_facts(format, operand(0), low, high));
        break;
      }
      case OperationKind::lookup:
        facts.push_back(
            lookup_facts(format, circuit.table(circuit.lookup_table(node)), operand(0)));
        break;
    }
  }
  return facts;
}

std::size_t needed_width(const Format& format, const ValueFacts& facts) {
  if (std::holds_alternative<ResidueFormat>(format)) {
    return std::max<std::size_t>(1, bit_length(facts.high));
  }
  return signed_width(facts.low, facts.high);
}

}  // namespace rnncc::arith
