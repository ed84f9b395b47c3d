// `rnncc run MODEL`: the reference interpreter on a model input.
#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "error_context.hpp"
#include "json_text.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/model_file.hpp"
#include "rnncc/model/input_sequence.hpp"
#include "rnncc/model/interpreter.hpp"
#include "standard_streams.hpp"

namespace rnncc::cli {

namespace {

struct RunOptions {
  std::string model_path;
  std::optional<std::string> tokens;
  std::optional<std::string> vectors_path;
  std::optional<std::string> format;
  bool last_only = false;
  bool json = false;
};

void run(const RunOptions& options) {
  std::optional<arith::Format> format;
  if (options.format) {
    format = naming_source("--format", [&] { return arith::parse_format(*options.format); });
  }
  if (options.tokens.has_value() == options.vectors_path.has_value()) {
    throw InputError("run: give exactly one of --tokens STRING and --vectors FILE");
  }
  read_standard_input_once({options.model_path, options.vectors_path.value_or("")},
                           {"the model", "--vectors"});
  const model::Model model = io::read_model_file(options.model_path, format);
  const model::InputSequence inputs = options.tokens
                                          ? model::parse_tokens(model, *options.tokens)
                                          : model::read_input_file(model, *options.vectors_path);
  if (inputs.length() == 0) {
    throw InputError(options.tokens
                         ? std::string("run: --tokens gives no token")
                         : fmt::format("{}: the input file holds no step", *options.vectors_path));
  }
  model::ValueObservation observation;
  const std::vector<model::StepOutput> outputs = model::run_reference(model, inputs, &observation);
  const bool accept = model.readout == model::ReadoutKind::accept;
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  for (std::size_t t = 0; t < outputs.size(); ++t) {
    if (options.last_only && t + 1 != outputs.size()) continue;
    std::vector<std::string> values;
    for (const mpq_class& value : outputs[t].numbers)
      values.push_back(value.get_str());
    if (options.json) {
      nlohmann::ordered_json step;
      step["step"] = t + 1;
      if (accept) {
        step["accept"] = outputs[t].accept;
      } else {
        step["outputs"] = values;
      }
      json.push_back(step);
    } else if (accept) {
      fmt::print("{} {}\n", t + 1, outputs[t].accept ? "accept" : "reject");
    } else {
      fmt::print("{} {}\n", t + 1, fmt::join(values, " "));
    }
  }
  if (options.json) fmt::print("{}\n", json_text(json));
  // A wrapped value reads as a number of the format, not as the exact one:
  // say so, so that a threshold read from it is not silently wrong.
  if (observation.wraps > 0) {
    info("rnncc: note: {} results wrapped around in {} (first at step {})", observation.wraps,
         arith::to_string(model.format), *observation.first_wrap_step);
  }
  if (observation.saturations > 0) {
    info("rnncc: note: {} results saturated in {} (first at step {})", observation.saturations,
         arith::to_string(model.format), *observation.first_saturation_step);
  }
}

}  // namespace

void register_run(CLI::App& app) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* command = app.add_subcommand(
      "run", "Run a model's reference interpreter: the output after each step, exactly");
  command->add_option("model", options->model_path, "Model file (.toml), - for standard input")
      ->required();
  command->add_option("--tokens", options->tokens, "The input as a string of tokens");
  command->add_option(
      "--vectors", options->vectors_path,
      "Vector file: one step per line (a token, or a vector); - for standard input");
  // The name before vector files had one name in every command.
  command->add_option("--input", options->vectors_path)->group("");
  command->add_option("--format", options->format,
                      "Number format replacing the model's (exact, mod:W, modp:P, fixed:W.F)");
  command->add_flag("--last", options->last_only, "Print only the output after the last step");
  command->add_flag("--json", options->json, "Print JSON: [{step, outputs | accept}]");
  command->callback([options] { run(*options); });
}

}  // namespace rnncc::cli
