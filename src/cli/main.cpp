// rnncc command-line entry point: parses the subcommand and maps errors to
// exit statuses (0 success, 1 a check failed, 2 bad input or usage).
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <new>

#include "commands.hpp"
#include "rnncc/common/error.hpp"

int main(int argc, char** argv) {
  CLI::App app{"rnncc: compile recurrent networks into circuits, measure, evaluate and verify"};
  app.set_version_flag("--version", std::string("rnncc ") + RNNCC_VERSION);
  app.require_subcommand(1);
  rnncc::cli::register_gen(app);
  rnncc::cli::register_stats(app);
  rnncc::cli::register_eval(app);
  rnncc::cli::register_equiv(app);
  rnncc::cli::register_run(app);
  rnncc::cli::register_compile(app);
  rnncc::cli::register_growth(app);
  rnncc::cli::register_verify(app);
  rnncc::cli::register_task(app);
  rnncc::cli::register_score(app);
  rnncc::cli::register_construct(app);
  rnncc::cli::register_optimize(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int status = app.exit(error);
    return status == 0 ? rnncc::cli::success : rnncc::cli::bad_input;
  } catch (const rnncc::cli::CheckFailed&) {
    return rnncc::cli::check_failed;
  } catch (const rnncc::InputError& error) {
    fmt::print(stderr, "rnncc: {}\n", error.what());
    return rnncc::cli::bad_input;
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "rnncc: out of memory\n");
    return rnncc::cli::bad_input;
  }
  return rnncc::cli::success;
}
