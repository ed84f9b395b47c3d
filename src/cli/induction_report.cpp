#include "induction_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "commands.hpp"
#include "error_context.hpp"
#include "json_text.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/verify/induction.hpp"

namespace rnncc::cli {

namespace {

/// The largest T the prefix networks are checked for when --length is not given.
constexpr std::size_t default_largest_length = 1024;

nlohmann::ordered_json proof_json(const model::Model& model, const verify::InductionProof& proof) {
  nlohmann::ordered_json json;
  json["model"] = model.name;
  json["format"] = proof.format;
  json["holds"] = proof.holds();
  nlohmann::ordered_json checks = nlohmann::ordered_json::array();
  for (const verify::InductionCheck& check : proof.checks) {
    nlohmann::ordered_json entry;
    if (!check.head.empty()) entry["head"] = check.head;
    entry["name"] = check.name;
    entry["statement"] = check.statement;
    entry["verdict"] = std::string(verify::name_of(check.verdict));
    entry["word_pairs"] = check.word_pairs;
    entry["bit_pairs"] = check.bit_pairs;
    entry["and_nodes"] = check.and_nodes;
    entry["variables"] = check.variables;
    entry["clauses"] = check.clauses;
    entry["seconds"] = check.seconds;
    entry["cpu_seconds"] = check.cpu_seconds;
    if (!check.counterexample.empty()) entry["counterexample"] = check.counterexample;
    checks.push_back(entry);
  }
  json["checks"] = checks;
  nlohmann::ordered_json networks = nlohmann::ordered_json::array();
  for (const verify::PrefixNetworkCheck& network : proof.networks) {
    nlohmann::ordered_json entry;
    entry["network"] = network.network;
    entry["largest_length"] = network.largest_length;
    entry["combines"] = network.combines;
    entry["valid"] = !network.defect.has_value();
    if (network.defect) entry["defect"] = *network.defect;
    entry["seconds"] = network.seconds;
    networks.push_back(entry);
  }
  json["prefix_networks"] = networks;
  return json;
}

/// The table's column headings and one row per SAT check.
constexpr const char* row_format = "  {:<44} {:>6} {:>9} {:>9} {:>9} {:>9} {:>8} {:>8}  {}\n";

void print_heading(const model::Model& model) {
  fmt::print("induction proof that scan = sequential for every T: {} in {}\n", one_line(model.name),
             arith::to_string(model.format));
  fmt::print(row_format, "check", "words", "bit pairs", "ANDs", "variables", "clauses", "wall s",
             "cpu s", "verdict");
}

void print_check(const verify::InductionCheck& check) {
  const std::string name = check.head.empty() ? check.name : check.head + ": " + check.name;
  fmt::print(row_format, one_line(name), check.word_pairs, check.bit_pairs, check.and_nodes,
             check.variables, check.clauses, fmt::format("{:.3f}", check.seconds),
             fmt::format("{:.3f}", check.cpu_seconds), verify::name_of(check.verdict));
  if (!check.counterexample.empty())
    fmt::print("    counterexample: {}\n", one_line(check.counterexample));
  std::fflush(stdout);
}

void print_networks_and_verdict(const verify::InductionProof& proof) {
  const std::size_t largest = proof.networks.empty() ? 0 : proof.networks.front().largest_length;
  fmt::print("  {:<44} {:>12} {:>9}  {}\n",
             fmt::format("prefix network (every T = 1 .. {})", largest), "combines", "wall s",
             "verdict");
  for (const verify::PrefixNetworkCheck& network : proof.networks) {
    fmt::print("  {:<44} {:>12} {:>9.3f}  {}\n", network.network, network.combines, network.seconds,
               network.defect ? "fails: " + *network.defect : "holds");
  }
  if (proof.holds()) {
    fmt::print(
        "proved: every step, composition and bracketing check holds, so the scan equals the "
        "sequential recurrence for every T the prefix networks were checked for (1 .. {})\n",
        largest);
  } else {
    fmt::print("not proved: a check above does not hold\n");
  }
}

}  // namespace

int run_induction(const ModelFlags& flags, const InductionFlags& induction) {
  const model::Model model = read_model(flags);
  const compile::CompileOptions compile = compile_options(flags);
  verify::InductionOptions options;
  options.arithmetic = compile.arithmetic;
  options.largest_length = flags.length == 0 ? default_largest_length : flags.length;
  options.conflict_limit = induction.conflict_limit;
  options.timeout_seconds = induction.timeout_seconds;
  if (!induction.json) {
    // Refused models get their one-line reason before any heading.
    if (std::optional<std::string> reason = verify::induction_exclusion(model))
      throw InputError(fmt::format("{}: {}", flags.model_path, *reason));
    print_heading(model);
    options.on_check = print_check;
  }
  const verify::InductionProof proof = naming_source(
      flags.model_path, [&] { return verify::prove_scan_by_induction(model, options); });
  if (induction.json) {
    fmt::print("{}\n", json_text(proof_json(model, proof)));
  } else {
    print_networks_and_verdict(proof);
  }
  if (proof.holds()) return success;
  const bool failed = std::any_of(proof.checks.begin(), proof.checks.end(),
                                  [](const verify::InductionCheck& check) {
                                    return check.verdict == verify::InductionVerdict::fails;
                                  }) ||
                      std::any_of(proof.networks.begin(), proof.networks.end(),
                                  [](const verify::PrefixNetworkCheck& network) {
                                    return network.defect.has_value();
                                  });
  return failed ? check_failed : undecided;
}

}  // namespace rnncc::cli
