// Reading a claim file and running its cases.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include <unistd.h>

#include "case_kind.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/file_text.hpp"
#include "rnncc/experiment/claims.hpp"

namespace rnncc::experiment {

void ProveObserver::case_started(const std::string&, const std::string&) {}
void ProveObserver::case_finished(const std::string&, const report::CaseResult&) {}

Claim::Claim() = default;
Claim::Claim(Claim&&) noexcept = default;
Claim& Claim::operator=(Claim&&) noexcept = default;
Claim::~Claim() = default;

const report::ClaimResult& Claim::description() const {
  return description_;
}

std::size_t Claim::case_count() const {
  return cases_.size();
}

namespace {

constexpr std::string_view claim_keys[] = {"title",    "statement",   "source", "column",
                                           "families", "known_error", "case"};
constexpr std::string_view common_case_keys[] = {"kind", "name", "expected_verdict"};

/// The scratch directory of one run: created on demand, removed afterwards.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    const std::filesystem::path base = std::filesystem::temp_directory_path();
    for (unsigned attempt = 0;; ++attempt) {
      path_ = base / fmt::format("rnncc-prove-{}-{}", ::getpid(), attempt);
      std::error_code error;
      if (std::filesystem::create_directory(path_, error)) break;
      if (attempt > 100)
        throw InputError(fmt::format("cannot create a directory under {}", base.string()));
    }
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  ~ScratchDirectory() {
    std::error_code error;
    std::filesystem::remove_all(path_, error);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// What the runner needs of a case besides its kind's preparation.
struct CaseHeader {
  std::string name, kind;
  bool should_hold = true;
};

/// A prepared case with its header.
class HeadedCase final : public PreparedCase {
 public:
  HeadedCase(CaseHeader header, std::unique_ptr<PreparedCase> inner)
      : header_(std::move(header)), inner_(std::move(inner)) {}
  report::CaseResult run(const ProveOptions& options,
                         const std::filesystem::path& scratch) const override {
    return inner_->run(options, scratch);
  }
  const CaseHeader& header() const { return header_; }

 private:
  CaseHeader header_;
  std::unique_ptr<PreparedCase> inner_;
};

}  // namespace

report::ClaimResult Claim::run(const ProveOptions& options, ProveObserver& observer) const {
  report::ClaimResult result = description_;
  ScratchDirectory scratch;
  for (const std::unique_ptr<PreparedCase>& prepared : cases_) {
    const auto& headed = static_cast<const HeadedCase&>(*prepared);
    observer.case_started(result.id, headed.header().name);
    const auto start = std::chrono::steady_clock::now();
    report::CaseResult outcome;
    try {
      outcome = headed.run(options, scratch.path());
    } catch (const LimitError& error) {
      outcome.measured = "limit reached";
      outcome.expected = "the case runs";
      outcome.holds = false;
      outcome.evidence = {error.what()};
    } catch (const InputError& error) {
      outcome.measured = "error";
      outcome.expected = "the case runs";
      outcome.holds = false;
      outcome.evidence = {error.what()};
    }
    outcome.name = headed.header().name;
    outcome.kind = headed.header().kind;
    outcome.should_hold = headed.header().should_hold;
    if (!result.known_error.empty()) outcome.role = report::FigureRole::known_error;
    outcome.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    observer.case_finished(result.id, outcome);
    result.cases.push_back(std::move(outcome));
  }
  return result;
}

Claim read_claim_file(const std::filesystem::path& path) {
  const std::string text = read_file_text(path, std::uint64_t{1} << 20, "a claim file");
  toml::table document;
  try {
    document = toml::parse(text, path.string());
  } catch (const toml::parse_error& error) {
    throw InputError(fmt::format("{}:{}: {}", path.string(), error.source().begin.line,
                                 one_line(std::string(error.description()))));
  }
  const claims::CaseTable top(document, path, "the claim");
  top.check_keys(claim_keys);

  Claim claim;
  report::ClaimResult& description = claim.description_;
  description.id = path.stem().string();
  description.path = path.string();
  description.title = top.required_text("title");
  description.statement = top.required_text("statement");
  description.source = top.required_text("source");
  description.column = top.text("column").value_or("");
  if (!description.column.empty() &&
      std::find(std::begin(report::figure_columns), std::end(report::figure_columns),
                description.column) == std::end(report::figure_columns)) {
    top.fail("column", fmt::format("'column' must be one of {} (or absent), not '{}'",
                                   fmt::join(report::figure_columns, ", "), description.column));
  }
  description.families = top.texts("families").value_or(std::vector<std::string>{});
  description.known_error = top.text("known_error").value_or("");

  const toml::array* cases = top.array("case");
  if (cases == nullptr || cases->empty())
    top.fail_at(nullptr, "missing [[case]] tables (a claim needs at least one case)");
  std::size_t index = 0;
  for (const toml::node& node : *cases) {
    ++index;
    if (!node.is_table()) top.fail_at(&node, "each [[case]] must be a table");
    const claims::CaseTable table(*node.as_table(), path, fmt::format("case {}", index));
    const std::string kind_name = table.required_text("kind");
    const claims::CaseKind* kind = claims::find_case_kind(kind_name);
    if (kind == nullptr) {
      std::vector<std::string_view> names;
      for (const claims::CaseKind* known : claims::case_kinds())
        names.push_back(known->name);
      table.fail("kind", fmt::format("unknown case kind '{}' (expected one of: {})", kind_name,
                                     fmt::join(names, ", ")));
    }
    std::vector<std::string_view> allowed(std::begin(common_case_keys), std::end(common_case_keys));
    allowed.insert(allowed.end(), kind->keys.begin(), kind->keys.end());
    table.check_keys(allowed);
    CaseHeader header;
    header.kind = kind_name;
    header.name = table.text("name").value_or(fmt::format("{} {}", kind_name, index));
    const std::string verdict = table.text("expected_verdict").value_or("PASS");
    if (verdict != "PASS" && verdict != "FAIL")
      table.fail("expected_verdict", "'expected_verdict' must be \"PASS\" or \"FAIL\"");
    header.should_hold = verdict == "PASS";
    claim.cases_.push_back(std::make_unique<HeadedCase>(std::move(header), kind->prepare(table)));
  }
  return claim;
}

std::vector<std::filesystem::path> default_claim_files() {
  std::error_code error;
  std::filesystem::path directory;
  const std::filesystem::path relative = "proofs";
  if (std::filesystem::is_directory(relative, error)) {
    directory = relative;
  } else {
    const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
      for (std::filesystem::path above = executable.parent_path(); !above.empty();
           above = above.parent_path()) {
        if (std::filesystem::is_directory(above / relative, error)) {
          directory = above / relative;
          break;
        }
        if (above == above.root_path()) break;
      }
    }
  }
  if (directory.empty()) {
    throw InputError(
        "rnncc prove without files checks the claims of proofs/, which was not found under the "
        "working directory or above the executable; run it from the source tree or name the "
        "claim files");
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> case_kind_descriptions() {
  std::vector<std::string> lines;
  for (const claims::CaseKind* kind : claims::case_kinds())
    lines.push_back(fmt::format("{:<14} {}", kind->name, kind->summary));
  return lines;
}

}  // namespace rnncc::experiment
