// The outside tools the format tests run (Yosys, Icarus Verilog, Graphviz),
// as CMake found them. Tests never install them: tools/setup.sh does.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace rnncc::test {

/// The path CMake found for `tool` ("yosys", "iverilog", "vvp" or "dot"),
/// quoted for the shell. Throws std::runtime_error naming the tool and
/// tools/setup.sh when CMake did not find it.
std::string outside_tool(std::string_view tool);

/// `text` quoted for the POSIX shell.
std::string shell_quoted(std::string_view text);

/// The bytes of the file at `path` (empty when it cannot be read).
std::string file_text(const std::filesystem::path& path);

}  // namespace rnncc::test
