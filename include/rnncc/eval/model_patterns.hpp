// Model-level inputs and outputs of a compiled circuit as bit patterns:
// input sequences encoded onto the AIG's input bits, output bits decoded
// back into numbers of the model's format.
#pragma once

#include <gmpxx.h>
#include <vector>

#include "rnncc/arith/circuit_lowering.hpp"
#include "rnncc/eval/pattern_set.hpp"
#include "rnncc/model/input_sequence.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::eval {

/// The value of every input word of a compiled circuit for `inputs` (T
/// steps), in the circuit's input order: token bits as 0/1, vector values.
std::vector<mpq_class> input_word_values(const model::Model& model,
                                         const model::InputSequence& inputs);

/// One pattern per sequence: each input word's value encoded in its bits
/// (`input_words`: a lowered circuit's input words, in order). Token
/// sequences are encoded on `threads` threads, 64 sequences per task.
eval::PatternSet encode_input_sequences(const model::Model& model,
                                        const std::vector<arith::LoweredWord>& input_words,
                                        const std::vector<model::InputSequence>& sequences,
                                        unsigned threads = 1);

/// The output words' values in pattern `pattern` of `outputs` (Booleans as
/// 0 or 1), in output order.
std::vector<mpq_class> decode_output_words(const arith::Format& format,
                                           const std::vector<arith::LoweredWord>& output_words,
                                           const eval::PatternSet& outputs, std::uint64_t pattern);

}  // namespace rnncc::eval
