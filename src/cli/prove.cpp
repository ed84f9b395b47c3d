// `rnncc prove [FILES...] [--json F] [--html F]`: the paper's claims
// (proofs/*.toml by default) checked case by case: a table claim → case →
// measured → expected → verdict with the evidence; exit 1 when a verdict
// differs from the one its claim file expects, 2 for a bad claim file.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/experiment/circuit_cache.hpp"
#include "rnncc/experiment/claims.hpp"
#include "rnncc/report/claim_html.hpp"
#include "rnncc/report/claim_text.hpp"

namespace rnncc::cli {

namespace {

struct ProveCommandOptions {
  std::vector<std::string> files;
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
    fmt::print(stderr, "prove: {} / {}: {} ({:.1f} s)\n", claim_id, result.name,
               report::verdict_text(result), result.seconds);
  }
};

std::string command_line(const ProveCommandOptions& options) {
  std::string text = "rnncc prove";
  for (const std::string& file : options.files)
    text += " " + file;
  if (options.json_path) text += " --json " + *options.json_path;
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

  fmt::print("{}", report::render_claim_table(results, isatty(STDOUT_FILENO) != 0));
  const std::string command = command_line(options);
  if (options.json_path) {
    report::write_claims_json(*options.json_path, results, command);
    fmt::print("wrote {}\n", *options.json_path);
  }
  if (options.html_path) {
    report::write_claims_html(*options.html_path, results, command);
    fmt::print("wrote {}\n", *options.html_path);
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
  command->add_option("--json", options->json_path, "Write the results as JSON");
  command->add_option("--html", options->html_path,
                      "Write a self-contained HTML report organised as the paper's Figure 1");
  command->add_option("--threads", options->threads, "Threads for scoring")->capture_default_str();
  command->add_option("--cache", options->cache_path,
                      "Directory of compiled circuits (default $XDG_CACHE_HOME/rnncc)");
  command->add_flag("--no-cache", options->no_cache, "Keep no compiled circuits");
  command->callback([options] { run_prove(*options); });
}

}  // namespace rnncc::cli
