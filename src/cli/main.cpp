// rnncc command-line entry point: parses the subcommand and maps errors to exit codes.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "rnncc/error.hpp"

int main(int argc, char** argv) {
  CLI::App app{"rnncc: compile recurrent networks into circuits, measure, evaluate and verify"};
  app.set_version_flag("--version", std::string("rnncc ") + RNNCC_VERSION);
  app.require_subcommand(1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int status = app.exit(error);
    return status == 0 ? 0 : 2;
  }
  return 0;
}
