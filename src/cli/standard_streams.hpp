// File arguments that name standard input or output as "-": which circuit
// type goes to standard output, what may not go to a terminal, and that
// standard input is read by one argument only.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "rnncc/io/file_types.hpp"

namespace rnncc::cli {

/// Adds `--output-format NAME` to `command`: the output file's type by its
/// extension without the dot (aag, aig, blif, ...), instead of the output
/// path's extension; needed for another type than ASCII AIGER on standard
/// output. `use` says which types to list in the help.
void add_output_format_option(CLI::App* command, std::optional<std::string>& format,
                              io::CircuitFileUse use);

/// The type to write `path` as: `format`'s (see add_output_format_option)
/// when given, else the type of `path` (io::circuit_file_type: by extension,
/// ASCII AIGER for "-"). Throws InputError as those lookups do, and when a
/// binary type would go to standard output while it is a terminal.
const io::CircuitFileType& output_circuit_type(const std::string& path,
                                               const std::optional<std::string>& format,
                                               io::CircuitFileUse use);

/// Throws InputError when more than one of `paths` is "-": standard input
/// can be read by one argument only. `names` names each path's argument
/// for the message (the same order).
void read_standard_input_once(const std::vector<std::string>& paths,
                              const std::vector<std::string>& names);

}  // namespace rnncc::cli
