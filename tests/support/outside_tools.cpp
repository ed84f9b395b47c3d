#include "support/outside_tools.hpp"

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace rnncc::test {

std::string shell_quoted(std::string_view text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

std::string outside_tool(std::string_view tool) {
  std::string_view path;
  if (tool == "yosys") path = RNNCC_YOSYS_EXECUTABLE;
  if (tool == "iverilog") path = RNNCC_IVERILOG_EXECUTABLE;
  if (tool == "vvp") path = RNNCC_VVP_EXECUTABLE;
  if (tool == "dot") path = RNNCC_DOT_EXECUTABLE;
  if (path.empty()) {
    throw std::runtime_error(std::string(tool) +
                             " was not found by CMake (tools/setup.sh installs it)");
  }
  return shell_quoted(path);
}

std::string file_text(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

}  // namespace rnncc::test
