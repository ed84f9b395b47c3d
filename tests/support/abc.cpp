#include "support/abc.hpp"

#include <cstdio>
#include <cstdlib>
#include <regex>
#include <stdexcept>
#include <string_view>

namespace rnncc::test {

namespace {

/// `text` quoted for the POSIX shell.
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

/// ABC splits commands at ';' and arguments at blanks: refuse paths it
/// would misread rather than run a different command.
std::string abc_path(const std::filesystem::path& path) {
  std::string text = std::filesystem::absolute(path).string();
  if (text.find_first_of(" \t;\"'") != std::string::npos) {
    throw std::runtime_error("path unusable in an ABC command: " + text);
  }
  return text;
}

std::string without_colour_codes(const std::string& text) {
  static const std::regex escape("\x1b\\[[0-9;]*m");
  return std::regex_replace(text, escape, "");
}

}  // namespace

bool abc_available() {
  return std::string_view(RNNCC_ABC_EXECUTABLE).size() > 0;
}

std::string run_abc(const std::string& commands, const std::filesystem::path& directory) {
  if (!abc_available()) throw std::runtime_error("berkeley-abc was not found by CMake");
  std::string command_line = "cd " + shell_quoted(directory.string()) + " && " +
                             shell_quoted(RNNCC_ABC_EXECUTABLE) + " -c " + shell_quoted(commands) +
                             " 2>&1";
  std::FILE* pipe = ::popen(command_line.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot start: " + command_line);
  std::string output;
  char buffer[4096];
  std::size_t count = 0;
  while ((count = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
    output.append(buffer, count);
  int status = ::pclose(pipe);
  if (status != 0) {
    throw std::runtime_error("ABC failed (status " + std::to_string(status) + ") on \"" + commands +
                             "\":\n" + output);
  }
  return without_colour_codes(output);
}

AbcStatistics abc_statistics(const std::filesystem::path& file) {
  std::string output = run_abc("&r " + abc_path(file) + "; &ps", file.parent_path());
  static const std::regex line(
      R"(i/o\s*=\s*(\d+)\s*/\s*(\d+)\s+and\s*=\s*(\d+)\s+lev\s*=\s*(\d+))");
  std::smatch match;
  if (!std::regex_search(output, match, line)) {
    throw std::runtime_error("no statistics from ABC for " + file.string() + ":\n" + output);
  }
  AbcStatistics statistics;
  statistics.inputs = std::stoull(match[1].str());
  statistics.outputs = std::stoull(match[2].str());
  statistics.ands = std::stoull(match[3].str());
  statistics.levels = std::stoull(match[4].str());
  return statistics;
}

bool abc_equivalent(const std::filesystem::path& first, const std::filesystem::path& second,
                    AbcCecMethod method) {
  const char* command = method == AbcCecMethod::sat ? "&cec " : "&cec -t ";
  std::string output =
      run_abc(command + abc_path(first) + " " + abc_path(second), first.parent_path());
  static const std::regex equivalent("Networks are equivalent", std::regex::icase);
  static const std::regex different("Networks are NOT equivalent", std::regex::icase);
  if (std::regex_search(output, different)) return false;
  if (std::regex_search(output, equivalent)) return true;
  throw std::runtime_error("no verdict from ABC's &cec on " + first.string() + " and " +
                           second.string() + ":\n" + output);
}

TemporaryDirectory::TemporaryDirectory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "rnncc-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("cannot create a temporary directory from " + pattern);
  }
  path_ = pattern;
}

TemporaryDirectory::~TemporaryDirectory() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace rnncc::test
