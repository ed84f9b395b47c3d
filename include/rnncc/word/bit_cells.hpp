// One-bit cells shared by the adders and multipliers: exclusive-or in the
// form that shares a∧b with the carry, half and full adders.
#pragma once

#include "rnncc/logic/aig.hpp"

namespace rnncc::word {

/// a ⊕ b as ¬(a∧b) ∧ ¬(¬a∧¬b): three ANDs, two levels; the node a∧b is the
/// one a half adder's carry uses, so structural hashing shares it.
logic::Literal exclusive_or(logic::Aig& aig, logic::Literal a, logic::Literal b);

struct SumAndCarry {
  logic::Literal sum;
  logic::Literal carry;
};

/// a + b as (a ⊕ b, a ∧ b): three ANDs.
SumAndCarry half_add(logic::Aig& aig, logic::Literal a, logic::Literal b);

/// a + b + c as (a ⊕ b ⊕ c, majority): seven ANDs. `c` passes through the
/// fewest levels (two to the sum, two to the carry), so callers give the
/// latest-arriving bit as `c`. With `want_carry` false the carry is not built
/// (its literal is then false).
SumAndCarry full_add(logic::Aig& aig, logic::Literal a, logic::Literal b, logic::Literal c,
                     bool want_carry = true);

}  // namespace rnncc::word
