#include "rnncc/word/compare.hpp"

#include <stdexcept>

#include "carry_pair.hpp"
#include "rnncc/word/bit_cells.hpp"
#include "rnncc/word/prefix.hpp"

namespace rnncc::word {

using logic::Aig;
using logic::Literal;

Literal equal(Aig& aig, const BitVector& a, const BitVector& b) {
  if (a.size() != b.size()) throw std::invalid_argument("equal: operands differ in width");
  if (a.empty()) return logic::true_literal;
  std::vector<Literal> same(a.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    same[i] = !exclusive_or(aig, a[i], b[i]);
  return balanced_reduce(std::move(same), [&aig](Literal later, Literal earlier) {
    return aig.create_and(later, earlier);
  });
}

Literal less_than(Aig& aig, const BitVector& a, const BitVector& b, Signedness signedness,
                  PrefixArchitecture architecture) {
  if (a.size() != b.size()) throw std::invalid_argument("less_than: operands differ in width");
  const std::size_t width = a.size();
  if (width == 0) return logic::false_literal;
  // a < b iff a + ¬b + 1 has no carry out. Signed operands compare as
  // unsigned ones after flipping both sign bits (adding 2^(W-1) to each).
  std::vector<CarryPair> items(width);
  for (std::size_t i = 0; i < width; ++i) {
    const bool flip = signedness == Signedness::signed_ && i + 1 == width;
    const Literal x = a[i] ^ flip;
    const Literal y = !b[i] ^ flip;
    // Bit 0 with the carry-in 1 generates iff x ∨ y: its x∧y is not needed.
    const Literal generate = i == 0 ? logic::false_literal : aig.create_and(x, y);
    items[i] = {generate, aig.create_or(x, y), false};
  }
  ground(aig, items.front(), logic::true_literal);
  const CarryPair carry_out = prefix_last(std::move(items), CombineCarries{&aig}, architecture);
  return !carry_out.generate;
}

}  // namespace rnncc::word
