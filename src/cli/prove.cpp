// `rnncc prove [FILES...] [--json | --json-file F] [--html F]`: the paper's claims
// (proofs/*.toml by default) checked case by case: a table claim → case →
// measured → expected → verdict with the evidence; exit 1 when a verdict
// differs from the one its claim file expects, 2 for a bad claim file.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "console.hpp"
#include "option_conventions.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/experiment/circuit_cache.hpp"
#include "rnncc/experiment/claims.hpp"
#include "rnncc/report/claim_html.hpp"
#include "rnncc/report/claim_text.hpp"

namespace rnncc::cli {

namespace {

struct ProveCommandOptions {
  std::vector<std::string> files;
  bool json = false;  // the results as JSON on standard output, instead of the table
  std::optional<std::string> json_path;
  std::optional<std::string> html_path;
  unsigned threads = 1;
  std::optional<std::string> cache_path;
  bool no_cache = false;
};

/// One line on stderr per case as it finishes.
class Progress final : public experiment::ProveObserver {
 public:
  void case_finished(const std::string& claim_id, const report::CaseResult& result) override {
    info("prove: {} / {}: {} ({:.1f} s)", claim_id, result.name, report::verdict_text(result),
         result.seconds);
  }
};

std::string command_line(const ProveCommandOptions& options) {
  std::string text = "rnncc prove";
  for (const std::string& file : options.files)
    text += " " + file;
  if (options.json) text += " --json";
  if (options.json_path) text += " --json-file " + *options.json_path;
  if (options.html_path) text += " --html " + *options.html_path;
  return text;
}

void run_prove(const ProveCommandOptions& options) {
  std::vector<std::filesystem::path> paths(options.files.begin(), options.files.end());
  if (paths.empty()) paths = experiment::default_claim_files();
  // Every file is read and checked before anything runs.
  std::vector<experiment::Claim> claims;
  for (const std::filesystem::path& path : paths)
    claims.push_back(experiment::read_claim_file(path));

  experiment::ProveOptions prove_options;
  prove_options.threads = options.threads;
  if (!options.no_cache) {
    prove_options.cache_directory = options.cache_path
                                        ? std::optional<std::filesystem::path>(*options.cache_path)
                                        : experiment::default_cache_directory();
  }
  Progress progress;
  std::vector<report::ClaimResult> results;
  for (const experiment::Claim& claim : claims)
    results.push_back(claim.run(prove_options, progress));

  const std::string command = command_line(options);
  if (options.json) {
    report::write_claims_json("-", results, command);
  } else {
    fmt::print("{}", report::render_claim_table(results, colour_allowed(stdout)));
  }
  // After the table, the files written; after JSON on standard output,
  // nothing there but the JSON.
  auto wrote = [&](const std::string& path) {
    if (options.json) {
      info("wrote {}", path);
    } else {
      fmt::print("wrote {}\n", path);
    }
  };
  if (options.json_path) {
    report::write_claims_json(*options.json_path, results, command);
    wrote(*options.json_path);
  }
  if (options.html_path) {
    report::write_claims_html(*options.html_path, results, command);
    wrote(*options.html_path);
  }
  if (report::unexpected_verdicts(results) > 0) throw CheckFailed{};
}

}  // namespace

void register_prove(CLI::App& app) {
  auto options = std::make_shared<ProveCommandOptions>();
  std::string kinds;
  for (const std::string& line : experiment::case_kind_descriptions())
    kinds += "\n  " + line;
  CLI::App* command = app.add_subcommand(
      "prove",
      "Check the paper's claims (claim files; default: every proofs/*.toml): PASS/FAIL per case "
      "with evidence; exit 1 when a verdict differs from its claim file's. Case kinds:" +
          kinds);
  command->add_option("files", options->files, "Claim files (.toml)");
  command->add_flag("--json", options->json, "Print the results as JSON instead of the table");
  command->add_option("--json-file", options->json_path, "Write the results as JSON to this file");
  command->add_option("--html", options->html_path,
                      "Write a self-contained HTML report organised as the paper's Figure 1");
  command->add_option("--threads", options->threads, "Threads for scoring")
      ->capture_default_str()
      ->check(between(1, 1024));
  command->add_option("--cache", options->cache_path,
                      "Directory of compiled circuits (default $XDG_CACHE_HOME/rnncc)");
  command->add_flag("--no-cache", options->no_cache, "Keep no compiled circuits");
  command->callback([options] { run_prove(*options); });
}

}  // namespace rnncc::cli
