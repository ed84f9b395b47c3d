// `rnncc construct NAME [FILE] [--param KEY=VALUE]... -o MODEL.toml`: a model
// built by one of the paper's constructions, as an ordinary model file.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "console.hpp"
#include "rnncc/common/atomic_file.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/experiment/construction.hpp"

namespace rnncc::cli {

namespace {

struct ConstructOptions {
  std::string name;
  std::optional<std::string> input_file;
  std::vector<std::string> parameters;
  std::string output_path;
};

void run_construct(const ConstructOptions& options) {
  const std::unique_ptr<experiment::Construction> construction =
      experiment::make_construction(options.name);
  experiment::ConstructionRequest request;
  for (const std::string& parameter : options.parameters) {
    const std::size_t equals = parameter.find('=');
    if (equals == std::string::npos || equals == 0) {
      throw InputError(fmt::format("--param '{}': expected KEY=VALUE", parameter));
    }
    request.parameters[parameter.substr(0, equals)] = parameter.substr(equals + 1);
  }
  if (options.input_file && !construction->reads_file()) {
    throw InputError(fmt::format("construction {} reads no file (given '{}')", construction->name(),
                                 *options.input_file));
  }
  if (options.input_file) request.input_file = *options.input_file;
  const std::string text = construction->build(request);
  if (options.output_path == "-") {
    fmt::print("{}", text);
    return;
  }
  write_file_atomically(options.output_path, text);
  info("{}: model built by construction {}", options.output_path, construction->name());
}

}  // namespace

void register_construct(CLI::App& app) {
  auto options = std::make_shared<ConstructOptions>();
  std::string constructions;
  for (const std::string& line : experiment::construction_descriptions())
    constructions += "\n  " + line;
  CLI::App* command = app.add_subcommand(
      "construct",
      "Build a model by one of the paper's constructions (a model file)" + constructions);
  command->add_option("name", options->name, "Construction")->required();
  command->add_option("file", options->input_file,
                      "Input of constructions that read one (a machine, an automaton)");
  command->add_option("--param", options->parameters, "KEY=VALUE, repeatable");
  command->add_option("-o,--output", options->output_path, "Model file (.toml), - for stdout")
      ->required();
  command->callback([options] { run_construct(*options); });
}

}  // namespace rnncc::cli
