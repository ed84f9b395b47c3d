// Claim files (proofs/*.toml, docs/claims.md): one result of the paper per
// file — its statement, source and Figure 1 column, and cases, each of a
// registered kind (accuracy on a task, depth growth, scan ≡ sequential,
// exact arithmetic facts) with the expectations the result implies. Reading
// checks every key before anything runs; running measures each case and
// judges it against its expectation.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/report/claim_report.hpp"

namespace rnncc::experiment {

/// How claims are run.
struct ProveOptions {
  /// Threads for scoring.
  unsigned threads = 1;
  /// Where the circuit engine keeps compiled circuits; none: not kept.
  std::optional<std::filesystem::path> cache_directory;
};

/// Told of the progress of a run. Does nothing by default.
class ProveObserver {
 public:
  virtual ~ProveObserver() = default;
  /// `case_name` of claim `claim_id` is about to run.
  virtual void case_started(const std::string& claim_id, const std::string& case_name);
  /// It ran.
  virtual void case_finished(const std::string& claim_id, const report::CaseResult& result);
};

/// One case of a claim, read and checked, ready to run (defined by its kind).
class PreparedCase;

/// A claim file, read and checked.
class Claim {
 public:
  Claim(Claim&&) noexcept;
  Claim& operator=(Claim&&) noexcept;
  ~Claim();

  /// The claim's fields as the report shows them; no cases yet.
  const report::ClaimResult& description() const;
  std::size_t case_count() const;
  /// Runs every case in file order. A case whose run throws InputError or
  /// LimitError fails with the message as evidence.
  report::ClaimResult run(const ProveOptions& options, ProveObserver& observer) const;

 private:
  friend Claim read_claim_file(const std::filesystem::path& path);
  Claim();
  report::ClaimResult description_;
  std::vector<std::unique_ptr<PreparedCase>> cases_;
};

/// Reads the claim file at `path`. Throws InputError with one line
/// "FILE:LINE: what was expected" for TOML syntax, unknown or missing keys,
/// values of the wrong type, unknown case kinds, tasks, constructions,
/// schedules, formats or growth classes, and model files that do not exist.
Claim read_claim_file(const std::filesystem::path& path);

/// Every proofs/*.toml of the source tree, sorted by name: under the working
/// directory, or in a directory above the running executable. Throws
/// InputError when neither has a proofs/ directory.
std::vector<std::filesystem::path> default_claim_files();

/// One line per case kind: its name and what it checks.
std::vector<std::string> case_kind_descriptions();

}  // namespace rnncc::experiment
