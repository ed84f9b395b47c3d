// A model's input sequence: tokens of its alphabet or vectors of values,
// read from the command line or a file, and random sequences for testing.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/model/model.hpp"

namespace rnncc::model {

/// x_1 .. x_T: symbol indices (token inputs) or value vectors (vector
/// inputs, each a member of the format, or admissible in exact).
struct InputSequence {
  std::vector<std::size_t> tokens;
  std::vector<std::vector<mpq_class>> vectors;

  std::size_t length() const { return tokens.empty() ? vectors.size() : tokens.size(); }
};

/// The UTF-8 characters (code points) of `text`, each as its bytes.
std::vector<std::string> utf8_characters(std::string_view text);

/// The tokens of `text`: one symbol per character when every symbol of the
/// alphabet is one character, else symbols separated by white space.
/// Throws InputError naming the position of a symbol outside the alphabet.
InputSequence parse_tokens(const Model& model, std::string_view text);

/// Parses the text of an input file: for token inputs the tokens as
/// parse_tokens reads them; for vector inputs one step per line, `dimension`
/// numbers separated by spaces or commas (integers, decimals, or fractions
/// p/q), each converted into the format by its rounding (InputError when it
/// does not fit, or, in exact, is outside the input range). `#` starts a
/// comment. Errors are one line starting with `source_name` and naming the
/// line (vectors) or character (tokens).
InputSequence parse_input_text(const Model& model, std::string_view text,
                               std::string_view source_name);

/// Reads the input file at `path` and parses it as parse_input_text does
/// (errors name the path).
InputSequence read_input_file(const Model& model, const std::filesystem::path& path);

/// A reproducible random sequence of `length` inputs (splitmix64 from
/// `seed`): uniform symbols, or uniform members of the format (exact: of
/// the input range).
InputSequence random_input_sequence(const Model& model, std::size_t length, std::uint64_t seed);

/// Every input sequence of `length` steps in lexicographic order when there
/// are at most `limit` of them (token inputs, or vector inputs with few
/// members); std::nullopt otherwise.
std::optional<std::vector<InputSequence>> all_input_sequences(const Model& model,
                                                              std::size_t length,
                                                              std::size_t limit);

/// The member of `format` that stands for `value` (rounded in fixed
/// formats), or std::nullopt when `value` is outside the format's range by
/// more than half a resolution step, or cannot be represented (e.g. an
/// even denominator in mod:W).
std::optional<mpq_class> fit_into_format(const arith::Format& format, const mpq_class& value);

}  // namespace rnncc::model
