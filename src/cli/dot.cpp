// `rnncc dot FILE`: a Graphviz drawing of a small Boolean circuit.
#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "commands.hpp"
#include "option_conventions.hpp"
#include "rnncc/common/atomic_file.hpp"
#include "rnncc/io/dot.hpp"
#include "rnncc/io/file_types.hpp"

namespace rnncc::cli {

namespace {

struct DotCommandOptions {
  std::string path;
  std::string output;
  io::DotOptions drawing;
};

void run_dot(const DotCommandOptions& options) {
  const logic::Aig aig = io::read_boolean_circuit_file(options.path);
  const bool standard_output = options.output.empty() || options.output == "-";
  const std::string destination = standard_output ? "standard output" : options.output;
  const std::string text = io::write_dot(aig, options.drawing, destination);
  if (standard_output) {
    fmt::print("{}", text);
  } else {
    write_file_atomically(options.output, text);
  }
}

}  // namespace

void register_dot(CLI::App& app) {
  auto options = std::make_shared<DotCommandOptions>();
  CLI::App* dot = app.add_subcommand(
      "dot",
      "Draw a small Boolean circuit for Graphviz: inputs on top, outputs named at the bottom");
  dot->add_option(
         "file", options->path,
         "Circuit file: " +
             io::accepted_extensions_help(io::CircuitFileUse::reading(io::CircuitKind::boolean)) +
             "; - for standard input")
      ->required();
  dot->add_flag("--levels", options->drawing.level_ranks,
                "One rank per AND level (a node's level: 1 + its deeper fan-in's)");
  dot->add_option("--max-nodes", options->drawing.max_nodes,
                  "Refuse circuits whose drawing would have more nodes")
      ->capture_default_str()
      ->check(between(1, std::uint64_t{1} << 32));
  dot->add_option("-o,--output", options->output,
                  "Write the drawing to this file (default, or -: standard output)");
  dot->callback([options] { run_dot(*options); });
}

}  // namespace rnncc::cli
