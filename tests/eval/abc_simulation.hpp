// ABC's `sim -m -v -A FILE` as the outside reference for evaluation: it
// prints one line of output values per pattern line of FILE.
#pragma once

#include <filesystem>
#include <sstream>
#include <string>

#include "support/abc.hpp"

namespace rnncc::test {

/// The output lines ABC prints when simulating the binary AIGER file
/// `circuit` on the pattern file `patterns` (both in one directory), joined
/// with line breaks. Lines of ABC's own messages are left out: only lines
/// of exactly `output_count` characters 0/1 are kept.
inline std::string abc_simulation_lines(const std::filesystem::path& circuit,
                                        const std::filesystem::path& patterns,
                                        std::size_t output_count) {
  const std::string output = run_abc("read " + circuit.filename().string() +
                                         "; strash; sim -m -v -A " + patterns.filename().string(),
                                     circuit.parent_path());
  std::istringstream lines(output);
  std::string line;
  std::string kept;
  while (std::getline(lines, line)) {
    if (line.size() == output_count && line.find_first_not_of("01") == std::string::npos)
      kept += line + "\n";
  }
  return kept;
}

}  // namespace rnncc::test
