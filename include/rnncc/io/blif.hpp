// BLIF (Berkeley Logic Interchange Format) netlists of combinational
// circuits: `.model`, `.inputs`, `.outputs` and `.names` covers.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "rnncc/logic/aig.hpp"

namespace rnncc::io {

/// The BLIF text of `aig` as one model named `model_name`: each comment line
/// as `# LINE` before `.model`; `.inputs` and `.outputs` with the circuit's
/// names (an unnamed input or output at position k as `_i<k>` / `_o<k>`);
/// one two-input `.names` cover per AND some output depends on (its
/// inverted fan-ins as 0 in the cube), on nets `_n<node>` (more leading
/// underscores when a port name has that form); each output as a one-input
/// cover (`1 1` or `0 1`) of its node's net, the constant as the net of
/// node 0 with an empty cover. Throws InputError naming `destination` when
/// a name cannot be a BLIF net (empty after the placeholders, white space,
/// `#`, `\`, `=`, control bytes or a leading `.`) or two ports share a name.
std::string write_blif(const logic::Aig& aig, std::string_view model_name,
                       std::string_view destination);

/// Writes write_blif's text to `path` atomically, the model named after the
/// file's stem (or `circuit` when the stem cannot be a BLIF name).
void write_blif_file(const logic::Aig& aig, const std::filesystem::path& path);

/// Parses one combinational BLIF model: `.model`, `.inputs`, `.outputs`,
/// `.names` with any single-output cover (cubes of 0, 1 and -, all with the
/// same output value: an on-set, or with 0 an off-set), in any order, and
/// `.end`. `\` at the end of a line continues it; `#` starts a comment, and
/// the full-line comments before `.model` become the circuit's comment
/// lines (one space after `#` removed). Inputs and outputs keep the file's
/// order and names (`_i<k>` / `_o<k>` at position k read as no name). Each
/// cover is built with Aig::create_and, so it is structurally hashed.
/// Malformed input throws InputError with one line `SOURCE:LINE: expected
/// ...`: unknown or sequential constructs (`.latch`, `.subckt`, `.gate`, a
/// second model), a cube of the wrong width or with other characters, mixed
/// output values, a net defined twice or never, an input that a cover
/// drives, an output that is not a net, a combinational cycle, a port name
/// write_blif could not write (a byte at or below the space, DEL, `#`, `\`,
/// `=`, or a leading `.`), and
/// an output named like an input or another output (every port of an rnncc
/// circuit is its own net).
logic::Aig read_blif(std::string_view contents, std::string_view source_name);

/// Reads and parses the file at `path` (within the file size limit).
logic::Aig read_blif_file(const std::filesystem::path& path);

}  // namespace rnncc::io
