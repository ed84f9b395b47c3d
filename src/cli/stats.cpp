// `rnncc stats FILE`: the size and depth measures of a circuit file.
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.hpp"
#include "json_text.hpp"
#include "rnncc/analysis/critical_path.hpp"
#include "rnncc/analysis/level_profile.hpp"
#include "rnncc/arith/circuit.hpp"
#include "rnncc/arith/circuit_lowering.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/io/file_types.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/logic/sequential_aig.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::cli {

namespace {

struct StatsOptions {
  std::string path;
  bool json = false;
  bool show_critical_path = false;
  std::string adder = "kogge-stone";
  std::string multiplier = "wallace";
};

// Measures of a Boolean circuit, in the order they are printed. A
// circuit with latches reports its primary inputs and outputs and its
// latches; its ANDs, depth and width are those of its combinational part.
nlohmann::ordered_json aig_measures(const logic::Aig& aig, std::uint32_t latch_count = 0) {
  analysis::LevelProfile profile = analysis::level_profile(aig);
  nlohmann::ordered_json measures;
  measures["inputs"] = aig.input_count() - latch_count;
  if (latch_count > 0) measures["latches"] = latch_count;
  measures["outputs"] = aig.output_count() - latch_count;
  measures["ands"] = aig.and_count();
  measures["depth"] = aig.depth();
  measures["max_width"] = profile.max_width();
  return measures;
}

void print_table(const std::string& path, const nlohmann::ordered_json& measures) {
  fmt::print("{}\n", path);
  for (const auto& [key, value] : measures.items()) {
    if (value.is_object()) {
      fmt::print("  {}\n", key);
      for (const auto& [name, count] : value.items())
        fmt::print("    {:<10}{}\n", name, json_text(count, -1));
    } else if (value.is_string()) {
      fmt::print("  {:<12}{}\n", key, value.get<std::string>());
    } else if (!value.is_array()) {
      fmt::print("  {:<12}{}\n", key, json_text(value, -1));
    }
  }
  if (measures.contains("critical_path")) {
    fmt::print("  critical path\n");
    for (const auto& node : measures["critical_path"])
      fmt::print("    {}\n", node.get<std::string>());
  }
}

std::string node_name(const logic::Aig& aig, logic::NodeIndex node) {
  if (node == 0) return "constant";
  if (aig.is_input(node)) {
    const std::string& name = aig.input_name(aig.input_position(node));
    return name.empty() ? fmt::format("input {}", aig.input_position(node)) : name;
  }
  return fmt::format("n{} (level {})", node, aig.level(node));
}

// Measures of a word-level circuit, then of its lowering to an AIG.
nlohmann::ordered_json arith_measures(const arith::Circuit& circuit, const StatsOptions& options,
                                      logic::Aig& lowered_aig) {
  arith::CircuitStatistics statistics = circuit.statistics();
  word::ArithmeticArchitecture architecture{
      word::parse_prefix_architecture(options.adder),
      word::parse_multiplier_architecture(options.multiplier)};
  lowered_aig = arith::lower(circuit, architecture).aig;
  nlohmann::ordered_json measures;
  measures["format"] = arith::to_string(circuit.format());
  measures["nodes"] = statistics.node_count;
  measures["arith_depth"] = statistics.arithmetic_depth;
  measures["mult_depth"] = statistics.multiplicative_depth;
  nlohmann::ordered_json operations;
  for (std::size_t kind = 0; kind < arith::operation_kind_count; ++kind) {
    if (statistics.operation_counts[kind] == 0) continue;
    operations[std::string(arith::name_of(static_cast<arith::OperationKind>(kind)))] =
        statistics.operation_counts[kind];
  }
  measures["ops"] = operations;
  measures.update(aig_measures(lowered_aig));
  return measures;
}

void run_stats(const StatsOptions& options) {
  const std::filesystem::path path(options.path);
  const io::CircuitFileType& type = io::circuit_file_type(path, io::CircuitFileUse::reading());
  logic::Aig aig;
  nlohmann::ordered_json measures;
  if (type.kind == io::CircuitKind::word_level) {
    measures = arith_measures(type.read_word_level(path), options, aig);
  } else {
    logic::SequentialAig circuit = io::read_sequential_circuit_file(path);
    measures = aig_measures(circuit.aig, circuit.latch_count());
    aig = std::move(circuit.aig);
  }
  if (options.show_critical_path) {
    nlohmann::ordered_json path = nlohmann::ordered_json::array();
    for (logic::NodeIndex node : analysis::critical_path(aig))
      path.push_back(node_name(aig, node));
    measures["critical_path"] = path;
  }
  if (options.json) {
    fmt::print("{}\n", json_text(measures));
  } else {
    print_table(options.path, measures);
  }
}

}  // namespace

void register_stats(CLI::App& app) {
  auto options = std::make_shared<StatsOptions>();
  CLI::App* stats = app.add_subcommand(
      "stats", "Inputs, outputs, AND count, depth (levels) and largest level width of a circuit");
  const std::string word_level_files =
      io::accepted_extensions(io::CircuitFileUse::reading(io::CircuitKind::word_level));
  stats
      ->add_option("file", options->path,
                   "Circuit file: " + io::accepted_extensions_help(io::CircuitFileUse::reading()))
      ->required();
  stats->add_flag("--json", options->json,
                  "Print JSON with keys inputs, outputs, ands, depth, max_width (latches for a "
                  "circuit with latches, and for " +
                      word_level_files + " files format, nodes, arith_depth, mult_depth, ops)");
  stats
      ->add_option("--adder", options->adder,
                   "Adder used to lower a " + word_level_files + " file (a prefix architecture)")
      ->capture_default_str();
  stats
      ->add_option(
          "--multiplier", options->multiplier,
          "Multiplier used to lower a " + word_level_files + " file: array, wallace, dadda")
      ->capture_default_str();
  stats->add_flag("--critical-path", options->show_critical_path,
                  "Also list the nodes of a longest path");
  stats->callback([options] { run_stats(*options); });
}

}  // namespace rnncc::cli
