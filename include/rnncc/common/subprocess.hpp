// Running another program (an external tool such as ABC) without a shell:
// arguments are passed as they are, never parsed or expanded.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rnncc {

/// How a program ended and what it printed.
struct ProgramResult {
  /// Its exit status; 128 + N when signal N ended it.
  int exit_status = 0;
  /// Its standard output and standard error, interleaved as written.
  std::string output;
};

/// Runs `program` with `arguments` (not through a shell), its standard
/// input empty, and waits for it. Throws InputError naming the program when
/// it cannot be started.
ProgramResult run_program(const std::filesystem::path& program,
                          const std::vector<std::string>& arguments);

/// The first of `names` that is an executable file in a directory of
/// $PATH (a name containing '/' is taken as a path), or std::nullopt.
std::optional<std::filesystem::path> find_program(std::initializer_list<std::string_view> names);

}  // namespace rnncc
