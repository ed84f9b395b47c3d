#include "model_flags.hpp"

#include <fmt/format.h>

#include "error_context.hpp"
#include "option_conventions.hpp"

#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/model_file.hpp"

namespace rnncc::cli {

void add_model_flags(CLI::App* command, ModelFlags& flags, const std::string& default_outputs,
                     bool with_length) {
  flags.outputs = default_outputs;
  command->add_option("model", flags.model_path, "Model file (.toml), - for standard input")
      ->required();
  if (with_length) {
    command->add_option("--length,-T", flags.length, "Sequence length T")
        ->required()
        ->check(between(1, compile::max_length));
  }
  command->add_option("--format", flags.format,
                      "Number format replacing the model's (exact, mod:W, modp:P, fixed:W.F)");
  command->add_option("--schedule", flags.schedule, "sequential, scan, chunked:C or table")
      ->capture_default_str();
  command
      ->add_option("--prefix", flags.prefix,
                   "Prefix network of a scan with --outputs all: ripple, sklansky, brent-kung, "
                   "kogge-stone, ladner-fischer")
      ->capture_default_str();
  command->add_option("--adder", flags.adder, "Adder architecture (a prefix network)")
      ->capture_default_str();
  command->add_option("--multiplier", flags.multiplier, "array, wallace or dadda")
      ->capture_default_str();
  if (with_length) {
    command
        ->add_option("--outputs", flags.outputs,
                     "Outputs after the last step or after every step: last or all")
        ->capture_default_str();
  }
  command->add_flag("--reassociate", flags.reassociate,
                    "Allow a scan in a fixed format (its rounding differs from the recurrence)");
  command
      ->add_option("--lowering", flags.lowering,
                   "How exact numbers are carried: binary (two's complement) or rns (residues "
                   "modulo k primes of b bits, back to binary at outputs and comparisons)")
      ->capture_default_str();
  command->add_flag("--no-narrowing", flags.no_narrowing,
                    "Lower every word of a mod, modp or fixed circuit at the format's full width "
                    "(by default each word takes the bits its values need; same function)");
}

model::Model read_model(const ModelFlags& flags) {
  std::optional<arith::Format> format;
  if (flags.format) {
    format = naming_source("--format", [&] { return arith::parse_format(*flags.format); });
  }
  return io::read_model_file(flags.model_path, format);
}

compile::CompileOptions compile_options(const ModelFlags& flags) {
  compile::CompileOptions options;
  options.length = flags.length;
  options.schedule = compile::parse_schedule(flags.schedule);
  options.prefix = word::parse_prefix_architecture(flags.prefix);
  options.arithmetic = {word::parse_prefix_architecture(flags.adder),
                        word::parse_multiplier_architecture(flags.multiplier)};
  if (flags.outputs != "last" && flags.outputs != "all") {
    throw InputError(fmt::format("--outputs must be last or all, not '{}'", flags.outputs));
  }
  options.all_outputs = flags.outputs == "all";
  options.reassociate = flags.reassociate;
  options.exact_lowering = arith::parse_exact_lowering(flags.lowering);
  options.narrowing = flags.no_narrowing ? arith::Narrowing::off : arith::Narrowing::on;
  return options;
}

}  // namespace rnncc::cli
