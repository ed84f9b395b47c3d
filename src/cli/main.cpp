// rnncc command-line entry point: parses the subcommand and maps errors to
// exit statuses (0 success, 1 a check failed, 2 bad input or usage,
// 3 undecided).
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <new>
#include <stdexcept>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "option_conventions.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/size_limits.hpp"
#include "suggestions.hpp"

namespace {

/// The command line as typed, for messages that have no file to name.
std::string command_line(int argc, char** argv) {
  std::string text = "rnncc";
  for (int i = 1; i < argc; ++i) {
    text += ' ';
    text += argv[i];
  }
  return rnncc::one_line(text);
}

/// The size limits of rnncc/common/size_limits.hpp as flags of every
/// command (given before or after the command's name).
void add_size_limit_flags(CLI::App& app) {
  rnncc::SizeLimits& limits = rnncc::size_limits();
  limits.max_and_count = rnncc::command_line_max_and_count;
  app.add_option("--max-file-bytes", limits.max_file_bytes,
                 "Largest text input file read (pattern, vector, .arith, model file)")
      ->capture_default_str();
  app.add_option("--max-ands", limits.max_and_count,
                 "Most AND gates a circuit may reach while rnncc builds it")
      ->capture_default_str();
  app.add_option("--max-weights", limits.max_weight_count,
                 "Most weights a model or a safetensors file may hold")
      ->capture_default_str();
  app.add_option("--max-pattern-bytes", limits.max_pattern_bytes,
                 "Largest set of input or output patterns (bytes, 1 bit per signal and pattern)")
      ->capture_default_str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"rnncc: compile recurrent networks into circuits, measure, evaluate and verify"};
  app.set_version_flag("--version", std::string("rnncc ") + RNNCC_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  add_size_limit_flags(app);
  // Set as soon as it is parsed: the subcommand's callback, which runs
  // within parse(), prints nothing after it.
  app.add_flag_callback(
         "--quiet,-q", [] { rnncc::cli::set_quiet(true); },
         "No progress or information on standard error (given before or after the command); "
         "errors are still printed")
      ->trigger_on_parse();
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
  rnncc::cli::register_prove(app);
  rnncc::cli::register_dot(app);
  rnncc::cli::apply_option_conventions(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);  // --help, --version
  } catch (const CLI::ParseError& error) {
    const std::string unknown = rnncc::cli::unknown_name_message(app, argc, argv);
    fmt::print(stderr, "rnncc: {} (see rnncc --help)\n",
               unknown.empty() ? rnncc::one_line(error.what()) : unknown);
    return rnncc::cli::bad_input;
  } catch (const rnncc::cli::CheckFailed&) {
    return rnncc::cli::check_failed;
  } catch (const rnncc::cli::Undecided&) {
    return rnncc::cli::undecided;
  } catch (const rnncc::InputError& error) {
    fmt::print(stderr, "rnncc: {}\n", error.what());
    return rnncc::cli::bad_input;
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "rnncc: out of memory running {}\n", command_line(argc, argv));
    return rnncc::cli::bad_input;
  } catch (const std::length_error&) {
    fmt::print(stderr, "rnncc: out of memory (a size beyond any allocation) running {}\n",
               command_line(argc, argv));
    return rnncc::cli::bad_input;
  }
  return rnncc::cli::success;
}
