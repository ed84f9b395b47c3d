// Running the rnncc executable (or any command) from tests.
#pragma once

#include <string>

namespace rnncc::test {

/// What a finished command left behind.
struct CommandResult {
  int exit_status = -1;
  std::string standard_output;
  std::string standard_error;
};

/// Runs `command` through /bin/sh with its standard output and error
/// captured; throws std::runtime_error when the shell cannot be started.
CommandResult run_command(const std::string& command);

/// Runs the rnncc executable built with the tests, with `arguments`
/// appended to its path (the caller quotes them).
CommandResult run_rnncc(const std::string& arguments);

}  // namespace rnncc::test
