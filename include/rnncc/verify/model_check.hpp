// A compiled model's circuit against the reference interpreter, on given
// input sequences.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "rnncc/compile/compiler.hpp"
#include "rnncc/model/domain.hpp"
#include "rnncc/model/input_sequence.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::verify {

/// An output word on which circuit and interpreter disagree.
struct OutputMismatch {
  std::size_t sequence = 0;  ///< index into the sequences checked
  std::size_t output = 0;    ///< index of the output word, in the circuit's order
  mpq_class expected;        ///< the interpreter's value
  mpq_class actual;          ///< the circuit's value
};

/// What comparing every output word of every sequence found.
struct ModelCheck {
  std::uint64_t sequences = 0;  ///< input sequences evaluated
  std::uint64_t compared = 0;   ///< output words compared
  std::uint64_t differing = 0;  ///< output words that differ
  mpq_class largest_drift = 0;  ///< the largest |circuit − interpreter|
  std::optional<OutputMismatch> first_mismatch;
  /// The interpreter's widest value and overflows over every sequence.
  model::ValueObservation observation;
};

/// Evaluates `compiled` (whose outputs follow `all_outputs`: after every
/// step, or after the last) on every sequence of `sequences`, bit-parallel
/// on `threads` threads, and compares each output word with the
/// interpreter's value. Sequences have the compiled length T, or — with
/// `all_outputs` — at most T: a shorter one is padded (with its first
/// token or vector) and compared on its own steps only. Stops at the first
/// mismatch when `stop_at_first_mismatch`; otherwise counts every
/// difference (the drift of a reassociated scan in a rounding format).
/// Throws InputError when `sequences` is empty (zero checks pass nothing)
/// or a sequence is longer than the circuit.
ModelCheck check_against_interpreter(const model::Model& model,
                                     const compile::CompiledModel& compiled, bool all_outputs,
                                     const std::vector<model::InputSequence>& sequences,
                                     unsigned threads, bool stop_at_first_mismatch);

}  // namespace rnncc::verify
