// Copying one AIG into another, with its inputs replaced by given literals.
#pragma once

#include <vector>

#include "rnncc/logic/aig.hpp"

namespace rnncc::logic {

/// Builds a copy of `source`'s AND nodes in `target` (structurally hashed
/// there, so shared logic merges), with source input i replaced by
/// `inputs[i]`, and returns the target literal of each source output in
/// order. Only nodes some output depends on are copied. Throws
/// std::invalid_argument unless inputs.size() == source.input_count().
std::vector<Literal> instantiate(Aig& target, const Aig& source,
                                 const std::vector<Literal>& inputs);

}  // namespace rnncc::logic
