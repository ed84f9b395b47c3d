#include "rnncc/word/adder.hpp"

#include <stdexcept>

#include "carry_pair.hpp"
#include "rnncc/word/bit_cells.hpp"
#include "rnncc/word/prefix.hpp"

namespace rnncc::word {

using logic::Aig;
using logic::Literal;

namespace {

BitVector add_impl(Aig& aig, const BitVector& a, const BitVector& b,
                   PrefixArchitecture architecture, Literal carry_in, bool with_carry_out) {
  if (a.size() != b.size()) throw std::invalid_argument("add: operands differ in width");
  const std::size_t width = a.size();
  if (width == 0) return with_carry_out ? BitVector{carry_in} : BitVector{};

  // Per bit: generate a∧b, neither ¬a∧¬b, propagate a∨b = ¬neither and the
  // half sum a⊕b = ¬generate ∧ ¬neither: three ANDs, propagate is free.
  std::vector<Literal> half_sum(width);
  const std::size_t positions = with_carry_out ? width : width - 1;
  std::vector<CarryPair> items;
  items.reserve(positions);
  for (std::size_t i = 0; i < width; ++i) {
    const Literal generate = aig.create_and(a[i], b[i]);
    const Literal neither = aig.create_and(!a[i], !b[i]);
    half_sum[i] = aig.create_and(!generate, !neither);
    if (i < positions) items.push_back({generate, !neither, false});
  }
  if (positions > 0) {
    ground(aig, items.front(), carry_in);
  }
  // carries[i] = the carry out of bit i = the carry into bit i+1.
  std::vector<CarryPair> carries =
      inclusive_prefix(std::move(items), CombineCarries{&aig}, architecture);

  BitVector sum(width);
  sum[0] = exclusive_or(aig, half_sum[0], carry_in);
  for (std::size_t i = 1; i < width; ++i) {
    sum[i] = exclusive_or(aig, half_sum[i], carries[i - 1].generate);
  }
  if (with_carry_out) sum.push_back(carries[width - 1].generate);
  return sum;
}

BitVector complement(const BitVector& x) {
  BitVector result(x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    result[i] = !x[i];
  return result;
}

}  // namespace

BitVector add(Aig& aig, const BitVector& a, const BitVector& b, PrefixArchitecture architecture,
              Literal carry_in) {
  return add_impl(aig, a, b, architecture, carry_in, false);
}

BitVector add_with_carry_out(Aig& aig, const BitVector& a, const BitVector& b,
                             PrefixArchitecture architecture, Literal carry_in) {
  return add_impl(aig, a, b, architecture, carry_in, true);
}

BitVector subtract(Aig& aig, const BitVector& a, const BitVector& b,
                   PrefixArchitecture architecture) {
  return add_impl(aig, a, complement(b), architecture, logic::true_literal, false);
}

BitVector negate(Aig& aig, const BitVector& a, PrefixArchitecture architecture) {
  const BitVector zero(a.size(), logic::false_literal);
  return add_impl(aig, complement(a), zero, architecture, logic::true_literal, false);
}

}  // namespace rnncc::word
