// `rnncc stats FILE`: the size and depth measures of a circuit file.
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.hpp"
#include "rnncc/analysis/critical_path.hpp"
#include "rnncc/analysis/level_profile.hpp"
#include "rnncc/io/aiger.hpp"
#include "rnncc/logic/aig.hpp"

namespace rnncc::cli {

namespace {

struct StatsOptions {
  std::string path;
  bool json = false;
  bool show_critical_path = false;
};

// Measures of a Boolean circuit, in the order they are printed.
nlohmann::ordered_json aig_measures(const logic::Aig& aig) {
  analysis::LevelProfile profile = analysis::level_profile(aig);
  nlohmann::ordered_json measures;
  measures["inputs"] = aig.input_count();
  measures["outputs"] = aig.output_count();
  measures["ands"] = aig.and_count();
  measures["depth"] = aig.depth();
  measures["max_width"] = profile.max_width();
  return measures;
}

void print_table(const std::string& path, const nlohmann::ordered_json& measures) {
  fmt::print("{}\n", path);
  for (const auto& [key, value] : measures.items()) {
    fmt::print("  {:<12}{}\n", key, value.dump());
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

void run_stats(const StatsOptions& options) {
  logic::Aig aig = io::read_aiger_file(options.path);
  nlohmann::ordered_json measures = aig_measures(aig);
  if (options.show_critical_path) {
    nlohmann::ordered_json path = nlohmann::ordered_json::array();
    for (logic::NodeIndex node : analysis::critical_path(aig))
      path.push_back(node_name(aig, node));
    measures["critical_path"] = path;
  }
  if (options.json) {
    fmt::print("{}\n", measures.dump(2));
  } else {
    print_table(options.path, measures);
  }
}

}  // namespace

void register_stats(CLI::App& app) {
  auto options = std::make_shared<StatsOptions>();
  CLI::App* stats = app.add_subcommand(
      "stats", "Inputs, outputs, AND count, depth (levels) and largest level width of a circuit");
  stats->add_option("file", options->path, "Circuit file: .aag or .aig")->required();
  stats->add_flag("--json", options->json,
                  "Print JSON with keys inputs, outputs, ands, depth, max_width");
  stats->add_flag("--critical-path", options->show_critical_path,
                  "Also list the nodes of a longest path");
  stats->callback([options] { run_stats(*options); });
}

}  // namespace rnncc::cli
