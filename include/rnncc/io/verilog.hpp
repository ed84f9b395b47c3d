// Structural Verilog (IEEE 1364-2005) of a Boolean circuit: one module of
// continuous assignments of ANDs and inverters.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "rnncc/logic/aig.hpp"

namespace rnncc::io {

/// `name` as a Verilog identifier: itself when it is a simple identifier
/// (a letter or `_`, then letters, digits, `_` and `$`) and no keyword;
/// otherwise an escaped identifier, `\` + name + one space (`y@3[0]` becomes
/// `\y@3[0] `, a one-bit port whose name is exactly the circuit's name).
/// The name must be non-empty printable ASCII without white space.
std::string verilog_identifier(std::string_view name);

/// The Verilog text of `aig` as one module `module_name` with one scalar
/// port per input and output, in the circuit's order, named after the
/// circuit (verilog_identifier; an unnamed input or output at position k as
/// `_i<k>` / `_o<k>`), one `wire` and one `assign w = a & ~b;` per AND some
/// output depends on (nets `_n<node>`, more leading underscores when a port
/// name has that form), and one `assign` per output (`1'b0` / `1'b1` for
/// the constants). Comment lines go before the module as `// LINE`. Throws
/// InputError naming `destination` when a name cannot be an identifier or
/// two ports share a name.
std::string write_verilog(const logic::Aig& aig, std::string_view module_name,
                          std::string_view destination);

/// Writes write_verilog's text to `path` atomically, the module named after
/// the file's stem (or `circuit` when the stem is no simple identifier).
void write_verilog_file(const logic::Aig& aig, const std::filesystem::path& path);

}  // namespace rnncc::io
