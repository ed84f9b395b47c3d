// `.arith` files: word-level arithmetic circuits as readable text, one node
// per line (documented in docs/arith-format.md).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "rnncc/arith/circuit.hpp"

namespace rnncc::io {

/// The `.arith` text of `circuit`: a statistics comment, the header
/// `rnncc-arith 1 FORMAT`, the explicit tables, one line per node named
/// `n<id>` in node order, and one line per output. parse_arith reads it back
/// into a circuit with the same nodes, values and depths.
std::string format_arith(const arith::Circuit& circuit);

/// Writes format_arith(circuit) to `path` atomically (a temporary file
/// beside `path`, renamed over it when complete). Throws InputError naming
/// the path on failure, leaving `path` untouched.
void write_arith_file(const arith::Circuit& circuit, const std::filesystem::path& path);

/// Parses `.arith` text. Malformed input throws InputError with one line
/// `SOURCE:LINE: expected ...` (SOURCE is `source_name`, LINE counts from 1)
/// naming the first offending line: bad or missing header, unknown
/// operation, wrong operand count, reference to a node not defined on an
/// earlier line, duplicate node/input/output/table name, bad number, value
/// the format cannot hold, Boolean where a number is needed (or the reverse),
/// missing or misplaced input domain.
arith::Circuit parse_arith(std::string_view text, std::string_view source_name);

/// Reads and parses the file at `path` (errors name the path). Throws
/// InputError if the file cannot be read.
arith::Circuit read_arith_file(const std::filesystem::path& path);

}  // namespace rnncc::io
