// The precision a model actually needs: the widest value its reference
// interpreter meets on random inputs (the paper's Definition 10, observed
// rather than bounded).
#pragma once

#include <cstddef>
#include <cstdint>

#include "rnncc/model/domain.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::experiment {

/// What the interpreter observes over `sequences` random input sequences of
/// `length` steps (splitmix64 from `seed`, model::random_input_sequence):
/// the widest value in bits (arith::reference::stored_bits) and the
/// overflows.
model::ValueObservation observe_random_runs(const model::Model& model, std::size_t length,
                                            std::size_t sequences, std::uint64_t seed);

}  // namespace rnncc::experiment
