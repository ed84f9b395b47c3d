#include "support/command.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/abc.hpp"

namespace rnncc::test {

namespace {
std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}
}  // namespace

CommandResult run_command(const std::string& command) {
  TemporaryDirectory directory;
  const auto out = directory / "stdout";
  const auto err = directory / "stderr";
  const std::string full = command + " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
  int status = std::system(full.c_str());
  if (status == -1) throw std::runtime_error("cannot start /bin/sh for: " + command);
  CommandResult result;
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.standard_output = read_file(out);
  result.standard_error = read_file(err);
  return result;
}

CommandResult run_rnncc(const std::string& arguments) {
  return run_command(std::string("'") + RNNCC_CLI_EXECUTABLE + "' " + arguments);
}

}  // namespace rnncc::test
