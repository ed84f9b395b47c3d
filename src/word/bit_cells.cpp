#include "rnncc/word/bit_cells.hpp"

namespace rnncc::word {

using logic::Aig;
using logic::Literal;

Literal exclusive_or(Aig& aig, Literal a, Literal b) {
  return aig.create_and(!aig.create_and(a, b), !aig.create_and(!a, !b));
}

SumAndCarry half_add(Aig& aig, Literal a, Literal b) {
  return {exclusive_or(aig, a, b), aig.create_and(a, b)};
}

SumAndCarry full_add(Aig& aig, Literal a, Literal b, Literal c, bool want_carry) {
  const Literal both = aig.create_and(a, b);
  const Literal partial = exclusive_or(aig, a, b);
  const Literal partial_and_c = aig.create_and(partial, c);
  const Literal sum = aig.create_and(!partial_and_c, !aig.create_and(!partial, !c));
  const Literal carry = want_carry ? aig.create_or(both, partial_and_c) : logic::false_literal;
  return {sum, carry};
}

}  // namespace rnncc::word
