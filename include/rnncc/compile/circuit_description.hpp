// What a compiled circuit file says about itself: the model, format,
// schedule and length it came from, the alphabet, and how each input and
// output word stores its value. Written into the AIGER comment section so
// that `rnncc eval --tokens` can encode model inputs onto bits and decode
// outputs into numbers without the model file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/arith/circuit_lowering.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/model/input_sequence.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::compile {

/// The description of a compiled model.
struct CircuitDescription {
  std::string model_name;
  std::string family;
  arith::Format format = arith::ExactFormat{};
  std::string schedule;
  std::size_t length = 0;
  bool all_outputs = false;
  std::vector<std::string> alphabet;       ///< empty for vector inputs
  std::vector<arith::LoweredWord> inputs;  ///< bits hold literals of the AIG
  std::vector<arith::LoweredWord> outputs;
};

/// Appends to `lowered.aig`'s comments the lines that describe it:
///   rnncc-model NAME FAMILY FORMAT SCHEDULE T last|all
///   rnncc-alphabet SYMBOL...                      (token inputs)
///   rnncc-input|rnncc-output NAME bool|number BITS LOW HIGH DENOMINATOR
/// (one line per word, in order). Names, the family and symbols are written
/// by escape_description_field, so none holds white space.
void describe_in_comments(const model::Model& model, const CompileOptions& options,
                          arith::LoweredCircuit& lowered);

/// `text` with each byte that would break a comment line or its fields
/// (white space, control bytes, DEL) and each '%' written as %HH (two
/// upper-case hexadecimal digits); other bytes as they are.
std::string escape_description_field(std::string_view text);

/// The text escape_description_field wrote `field` from; nullopt when a '%'
/// is not followed by two hexadecimal digits.
std::optional<std::string> unescape_description_field(std::string_view field);

/// Reads those lines back from `aig`'s comments; the words' bits are the
/// AIG's input literals (and output literals) in order. Throws InputError
/// naming `source` when the comments are missing or do not match the AIG,
/// and `source` and the comment line (counted from 1) when a line is
/// malformed (missing fields, a format parse_format refuses, a bound or
/// denominator that is not an integer, a denominator below 1, LOW > HIGH,
/// a T below 1, a bad escape, repeated symbols).
CircuitDescription read_description(const logic::Aig& aig, const std::string& source);

/// A model carrying only what parsing inputs needs (name, format, alphabet
/// or vector dimension and exact input range), rebuilt from a description.
model::Model input_model(const CircuitDescription& description);

}  // namespace rnncc::compile
