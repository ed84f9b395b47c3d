// `rnncc gen adder|multiplier`: generated arithmetic circuits, for measuring
// the architectures and for cross-checking with other tools.
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "option_conventions.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/file_types.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/logic/cleanup.hpp"
#include "rnncc/word/adder.hpp"
#include "rnncc/word/multiplier.hpp"
#include "rnncc/word/resize.hpp"
#include "standard_streams.hpp"

namespace rnncc::cli {

namespace {

struct GenOptions {
  std::string operation;
  unsigned bits = 0;
  std::string architecture;
  std::string final_adder = "kogge-stone";
  bool is_signed = false;
  std::string output_path;
  std::optional<std::string> output_format;
};

word::BitVector named_inputs(logic::Aig& aig, const std::string& name, unsigned bits) {
  word::BitVector vector;
  for (unsigned i = 0; i < bits; ++i)
    vector.push_back(aig.create_input(fmt::format("{}[{}]", name, i)));
  return vector;
}

void named_outputs(logic::Aig& aig, const std::string& name, const word::BitVector& bits) {
  for (std::size_t i = 0; i < bits.size(); ++i)
    aig.create_output(bits[i], fmt::format("{}[{}]", name, i));
}

void run_gen(const GenOptions& options, const io::CircuitFileType& output_type) {
  const word::Signedness signedness =
      options.is_signed ? word::Signedness::signed_ : word::Signedness::unsigned_;
  logic::Aig aig;
  word::BitVector a = named_inputs(aig, "a", options.bits);
  word::BitVector b = named_inputs(aig, "b", options.bits);
  std::string description;
  if (options.operation == "adder") {
    std::string name = options.architecture.empty() ? "kogge-stone" : options.architecture;
    word::PrefixArchitecture architecture = word::parse_prefix_architecture(name);
    // The sum has one bit more than the operands, so it never overflows.
    word::BitVector sum = word::add(aig, word::extend(a, options.bits + 1, signedness),
                                    word::extend(b, options.bits + 1, signedness), architecture);
    named_outputs(aig, "sum", sum);
    description = fmt::format("{}-bit {} {} adder, {}-bit sum", options.bits,
                              options.is_signed ? "signed" : "unsigned", name, options.bits + 1);
  } else {
    std::string name = options.architecture.empty() ? "wallace" : options.architecture;
    word::ArithmeticArchitecture architecture{word::parse_prefix_architecture(options.final_adder),
                                              word::parse_multiplier_architecture(name)};
    word::BitVector product = word::multiply(aig, a, b, signedness, 2 * options.bits, architecture);
    named_outputs(aig, "product", product);
    description = fmt::format("{}-bit {} {} multiplier, {} final adder", options.bits,
                              options.is_signed ? "signed" : "unsigned", name, options.final_adder);
  }
  aig.comments().push_back("rnncc gen: " + description);
  // The writer leaves out partial products and carries no output uses.
  output_type.write_boolean(aig, options.output_path);
  info("{}: {} ANDs, depth {}", options.output_path, logic::reachable_and_count(aig), aig.depth());
}

}  // namespace

void register_gen(CLI::App& app) {
  auto options = std::make_shared<GenOptions>();
  const io::CircuitFileUse output_use = io::CircuitFileUse::writing(io::CircuitKind::boolean);
  CLI::App* gen = app.add_subcommand("gen", "Generate an adder or multiplier circuit file (" +
                                                io::accepted_extensions(output_use) + ")");
  gen->add_option("operation", options->operation, "adder or multiplier")
      ->required()
      ->check(CLI::IsMember({"adder", "multiplier"}));
  gen->add_option("--bits,-w", options->bits, "Operand width in bits")
      ->required()
      ->check(between(1, 4096));
  gen->add_option("--arch", options->architecture,
                  "adder: ripple, sklansky, brent-kung, kogge-stone (default), ladner-fischer; "
                  "multiplier: array, wallace (default), dadda");
  gen->add_option("--adder", options->final_adder,
                  "Final adder of a multiplier (a prefix architecture)")
      ->capture_default_str();
  gen->add_flag("--signed", options->is_signed, "Two's complement operands");
  gen->add_option("-o,--output", options->output_path,
                  "Output file: " + io::accepted_extensions_help(output_use) +
                      "; for ABC write .aig (ABC reads binary AIGER, not .aag); - for standard "
                      "output")
      ->required();
  add_output_format_option(gen, options->output_format, output_use);
  gen->callback([options, output_use] {
    // The type is refused before anything is built.
    run_gen(*options,
            output_circuit_type(options->output_path, options->output_format, output_use));
  });
}

}  // namespace rnncc::cli
