#include "exact_intervals.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "big_integer.hpp"
#include "rnncc/common/assert.hpp"
#include "rnncc/common/error.hpp"

namespace rnncc::arith::detail {

namespace {

mpz_class least_common_multiple(const mpz_class& a, const mpz_class& b) {
  mpz_class result;
  mpz_lcm(result.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
  return result;
}

mpz_class magnitude(const ExactInterval& a) {
  return std::max(mpz_class(abs(a.low)), mpz_class(abs(a.high)));
}

std::pair<ExactInterval, ExactInterval> over_common_denominator(const ExactInterval& a,
                                                                const ExactInterval& b) {
  const mpz_class denominator = common_denominator_of(a, b);
  return {scaled_interval(a, denominator / a.denominator),
          scaled_interval(b, denominator / b.denominator)};
}

}  // namespace

ExactInterval scaled_interval(const ExactInterval& a, const mpz_class& multiplier) {
  return {a.low * multiplier, a.high * multiplier, a.denominator * multiplier};
}

mpz_class common_denominator_of(const ExactInterval& a, const ExactInterval& b) {
  return least_common_multiple(a.denominator, b.denominator);
}

ExactInterval sum_interval(const ExactInterval& a, const ExactInterval& b) {
  auto [left, right] = over_common_denominator(a, b);
  return {left.low + right.low, left.high + right.high, left.denominator};
}

ExactInterval difference_interval(const ExactInterval& a, const ExactInterval& b) {
  auto [left, right] = over_common_denominator(a, b);
  return {left.low - right.high, left.high - right.low, left.denominator};
}

ExactInterval negation_interval(const ExactInterval& a) {
  return {-a.high, -a.low, a.denominator};
}

ExactInterval product_interval(const ExactInterval& a, const ExactInterval& b) {
  const mpz_class corners[4] = {a.low * b.low, a.low * b.high, a.high * b.low, a.high * b.high};
  return {*std::min_element(std::begin(corners), std::end(corners)),
          *std::max_element(std::begin(corners), std::end(corners)), a.denominator * b.denominator};
}

ExactInterval power_of_two_interval(const ExactInterval& a, long exponent, std::size_t* shift) {
  *shift = 0;
  if (exponent < 0) {
    return {a.low, a.high, a.denominator * power_of_two(static_cast<std::size_t>(-exponent))};
  }
  std::size_t remaining = static_cast<std::size_t>(exponent);
  mpz_class denominator = a.denominator;
  while (remaining > 0 && mpz_even_p(denominator.get_mpz_t()) != 0) {
    denominator /= 2;
    --remaining;
  }
  *shift = remaining;
  const mpz_class factor = power_of_two(remaining);
  return {a.low * factor, a.high * factor, denominator};
}

ExactInterval union_interval(const ExactInterval& a, const ExactInterval& b) {
  auto [left, right] = over_common_denominator(a, b);
  return {std::min(left.low, right.low), std::max(left.high, right.high), left.denominator};
}

ExactInterval relu_interval(const ExactInterval& a) {
  if (a.low >= 0) return a;
  if (a.high <= 0) return {0, 0, a.denominator};
  return {0, a.high, a.denominator};
}

ExactInterval sign_interval(const ExactInterval& a) {
  return {sgn(a.low), sgn(a.high), 1};
}

mpz_class reconstructed_magnitude_bound(
    const Circuit& circuit, const std::vector<std::optional<LoweredValue>>* output_shapes) {
  const std::vector<bool> reachable = circuit.reachable_from_outputs();
  std::vector<ExactInterval> intervals(circuit.node_count());
  mpz_class bound = 0;
  auto note = [&bound](const ExactInterval& interval) {
    bound = std::max(bound, magnitude(interval));
  };
  for (NodeId node = 0; node < circuit.node_count(); ++node) {
    if (!reachable[node] || circuit.is_boolean(node)) {
      if (reachable[node] && (circuit.kind(node) == OperationKind::less_than ||
                              circuit.kind(node) == OperationKind::equal)) {
        note(difference_interval(intervals[circuit.operand(node, 0)],
                                 intervals[circuit.operand(node, 1)]));
      }
      continue;
    }
    auto operand = [&](std::size_t i) -> const ExactInterval& {
      return intervals[circuit.operand(node, i)];
    };
    ExactInterval& result = intervals[node];
    switch (circuit.kind(node)) {
      case OperationKind::input: {
        const ExactDomain& domain = *circuit.input_domain(circuit.input_position(node));
        result = {domain.low, domain.high, domain.denominator};
        break;
      }
      case OperationKind::constant: {
        const mpq_class& value = circuit.constant_value(node);
        result = {value.get_num(), value.get_num(), value.get_den()};
        break;
      }
      case OperationKind::add:
        result = sum_interval(operand(0), operand(1));
        break;
      case OperationKind::subtract:
        result = difference_interval(operand(0), operand(1));
        break;
      case OperationKind::negate:
        result = negation_interval(operand(0));
        break;
      case OperationKind::multiply:
        result = product_interval(operand(0), operand(1));
        break;
      case OperationKind::rescale: {
        std::size_t shift = 0;
        result = power_of_two_interval(operand(0), -circuit.rescale_shift(node), &shift);
        break;
      }
      case OperationKind::select:
        result = union_interval(operand(1), operand(2));
        break;
      case OperationKind::relu:
        note(operand(0));
        result = relu_interval(operand(0));
        break;
      case OperationKind::clip: {
        const auto& [low, high] = circuit.clip_bounds(node);
        const ExactInterval low_constant{low.get_num(), low.get_num(), low.get_den()};
        const ExactInterval high_constant{high.get_num(), high.get_num(), high.get_den()};
        note(difference_interval(operand(0), low_constant));
        note(difference_interval(high_constant, operand(0)));
        result = union_interval(union_interval(operand(0), low_constant), high_constant);
        break;
      }
      case OperationKind::lookup: {
        const LookupTable& table = circuit.table(circuit.lookup_table(node));
        if (!table.activation ||
            (*table.activation != Activation::relu && *table.activation != Activation::hardtanh &&
             *table.activation != Activation::sign)) {
          throw InputError(fmt::format(
              "the residue lowering lowers + - x, comparisons, select and the piecewise-linear "
              "activations; lookup table '{}' needs --lowering binary",
              table.name()));
        }
        note(difference_interval(operand(0), ExactInterval{-1, -1, 1}));
        note(difference_interval(ExactInterval{1, 1, 1}, operand(0)));
        note(operand(0));
        if (*table.activation == Activation::sign) {
          result = sign_interval(operand(0));
        } else if (*table.activation == Activation::relu) {
          result = relu_interval(operand(0));
        } else {
          result = union_interval(union_interval(operand(0), ExactInterval{-1, -1, 1}),
                                  ExactInterval{1, 1, 1});
        }
        break;
      }
      case OperationKind::less_than:
      case OperationKind::equal:
        RNNCC_UNREACHABLE("a comparison is Boolean");
    }
  }
  for (std::uint32_t i = 0; i < circuit.output_count(); ++i) {
    const NodeId node = circuit.output_node(i);
    if (circuit.is_boolean(node)) continue;
    note(intervals[node]);
    if (output_shapes != nullptr && (*output_shapes)[i]) {
      const LoweredValue& shape = *(*output_shapes)[i];
      note(ExactInterval{shape.low, shape.high, shape.denominator});
    }
  }
  return bound;
}

}  // namespace rnncc::arith::detail
