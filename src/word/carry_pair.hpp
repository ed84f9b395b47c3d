// The element an adder's carry network scans (internal to src/word).
#pragma once

#include "rnncc/logic/aig.hpp"

namespace rnncc::word {

/// The carry behaviour of a range of bit positions: it generates a carry,
/// or propagates the one entering it. A range that starts at bit 0 (with
/// the carry-in folded in) is `grounded`: its propagate is never needed, so
/// combining into it builds only the generate (the "grey cell").
struct CarryPair {
  logic::Literal generate;
  logic::Literal propagate;
  bool grounded = false;
};

/// The associative carry operator (G, P) ∘ (G', P') = (G ∨ P∧G', P∧P'):
/// two levels on the generate, one on the propagate.
struct CombineCarries {
  logic::Aig* aig;

  CarryPair operator()(const CarryPair& later, const CarryPair& earlier) const {
    CarryPair result;
    result.generate =
        aig->create_or(later.generate, aig->create_and(later.propagate, earlier.generate));
    result.grounded = earlier.grounded;
    result.propagate = earlier.grounded ? logic::false_literal
                                        : aig->create_and(later.propagate, earlier.propagate);
    return result;
  }
};

/// Makes `first` the grounded range of bit 0 with `carry_in` folded in.
/// Requires generate ⇒ propagate (propagate is a∨b), so that a constant
/// true carry-in makes the generate simply the propagate.
inline void ground(logic::Aig& aig, CarryPair& first, logic::Literal carry_in) {
  if (carry_in == logic::true_literal) {
    first.generate = first.propagate;
  } else {
    first.generate = aig.create_or(first.generate, aig.create_and(first.propagate, carry_in));
  }
  first.propagate = logic::false_literal;
  first.grounded = true;
}

}  // namespace rnncc::word
